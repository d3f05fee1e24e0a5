"""Search for the web app: Store.search over read-only connections, one per thread."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from marsad.store.search import Hit, _fts_query, search


class Search:
    """Ranked, Arabic-aware search of the database at `db_path`, never writing to it."""

    def __init__(self, db_path: str | Path) -> None:
        self.uri = Path(db_path).resolve().as_uri() + "?mode=ro"
        self._local = threading.local()

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.uri, uri=True, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout=10000")
            self._local.conn = conn
        return conn

    def hits(self, query: str, limit: int, offset: int) -> list[Hit]:
        """Documents matching every word of the query, best first, with escaped snippets."""
        return search(self._conn(), query, limit, offset)

    def count(self, query: str) -> int:
        """How many documents match the query in all."""
        match, _ = _fts_query(query)
        if not match:
            return 0
        row = self._conn().execute(
            "SELECT COUNT(*) FROM search WHERE search MATCH ?", (match,)
        ).fetchone()
        return int(row[0])
