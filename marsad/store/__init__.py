"""The SQLite store: documents and everything extracted from them, written idempotently."""

from marsad.store.db import Store, open_store

__all__ = ["Store", "open_store"]
