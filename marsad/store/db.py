"""Open, migrate and write the SQLite store; every document's results go in one transaction."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from marsad.errors import StoreError
from marsad.model import Document, Rejected
from marsad.store.migrations import MIGRATIONS
from marsad.store.search import Hit, add_to_index, search

_DOC_COLUMNS = (
    "id", "content_hash", "title", "source", "url", "published", "published_origin",
    "path", "format", "encoding", "language", "duplicate_of", "text",
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A connection to one marsad database; use as a context manager or call close()."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taking the write lock up front (BEGIN IMMEDIATE) so that
        two processes writing at once wait for each other instead of failing mid-way."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # documents ---------------------------------------------------------------------------

    def add_document(self, doc: Document) -> bool:
        """Store and index a document unless its id is already there; True when added."""
        values = [getattr(doc, c) for c in _DOC_COLUMNS] + [_now()]
        with self.write():
            cur = self.conn.execute(
                f"INSERT OR IGNORE INTO documents ({', '.join(_DOC_COLUMNS)}, added_at) "
                f"VALUES ({', '.join('?' * (len(_DOC_COLUMNS) + 1))})",
                values,
            )
            added = cur.rowcount == 1
            if added:
                add_to_index(self.conn, doc.id, f"{doc.title or ''}\n{doc.text}")
        return added

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[Hit]:
        """Documents matching every word of `query`, Arabic-aware, best first."""
        return search(self.conn, query, limit, offset)

    def get_document(self, doc_id: str) -> Document | None:
        row = self.conn.execute(
            f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        return Document(**dict(zip(_DOC_COLUMNS, row, strict=True))) if row else None

    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        """Stored documents, all or the given ids, in id order."""
        query = f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents"
        if ids is None:
            rows = self.conn.execute(query + " ORDER BY id")
        else:
            wanted = sorted(set(ids))
            rows = self.conn.execute(
                query + " WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
                (json.dumps(wanted),),
            )
        for row in rows:
            yield Document(**dict(zip(_DOC_COLUMNS, row, strict=True)))

    def ids_with_hashes(self, hashes: Iterable[str]) -> dict[str, str]:
        """Map each given content hash already stored to the id of its first document."""
        rows = self.conn.execute(
            "SELECT content_hash, MIN(id) FROM documents "
            "WHERE content_hash IN (SELECT value FROM json_each(?)) GROUP BY content_hash",
            (json.dumps(sorted(set(hashes))),),
        )
        return dict(rows.fetchall())

    def count_documents(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    # extracted items ---------------------------------------------------------------------

    def save_results(
        self, doc_id: str, items: dict[str, list[dict[str, Any]]], pipeline_version: str
    ) -> None:
        """Replace everything extracted from one document, atomically."""
        with self.write():
            self.conn.execute("DELETE FROM items WHERE doc_id = ?", (doc_id,))
            self.conn.executemany(
                "INSERT INTO items (kind, item_id, doc_id, start, end, data) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (kind, item["id"], doc_id, item.get("start"), item.get("end"),
                     json.dumps(item, ensure_ascii=False))
                    for kind, kind_items in items.items()
                    for item in kind_items
                ],
            )
            self.conn.execute(
                "INSERT OR REPLACE INTO analysed (doc_id, pipeline_version, analysed_at) "
                "VALUES (?, ?, ?)",
                (doc_id, pipeline_version, _now()),
            )

    def is_analysed(self, doc_id: str, pipeline_version: str) -> bool:
        row = self.conn.execute(
            "SELECT pipeline_version FROM analysed WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        return row is not None and row[0] == pipeline_version

    def items(self, kind: str, doc_ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Stored items of one kind, for the given documents or all, in (doc, start) order."""
        return list(self.iter_items(kind, doc_ids))

    def iter_items(
        self, kind: str, doc_ids: Iterable[str] | None = None, limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[dict[str, Any]]:
        """The same items one at a time, so that a caller holds only those it keeps; on its
        own cursor, so several may be read at once. `limit` and `offset` cut one page."""
        where, params = self._items_where(kind, doc_ids)
        query = f"SELECT data FROM items WHERE {where} ORDER BY doc_id, start, item_id"
        if limit is not None:
            query += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        for row in self.conn.execute(query, params):
            yield json.loads(row[0])

    def count_items(self, kind: str, doc_ids: Iterable[str] | None = None) -> int:
        """How many items of one kind are stored, for the given documents or all."""
        where, params = self._items_where(kind, doc_ids)
        return self.conn.execute(f"SELECT COUNT(*) FROM items WHERE {where}", params
                                 ).fetchone()[0]

    @staticmethod
    def _items_where(kind: str, doc_ids: Iterable[str] | None) -> tuple[str, list[Any]]:
        if doc_ids is None:
            return "kind = ?", [kind]
        return ("kind = ? AND doc_id IN (SELECT value FROM json_each(?))",
                [kind, json.dumps(sorted(set(doc_ids)))])

    # runs and rejected inputs ------------------------------------------------------------

    def start_run(self) -> int:
        with self.write():
            cur = self.conn.execute("INSERT INTO runs (started_at) VALUES (?)", (_now(),))
        return int(cur.lastrowid or 0)

    def add_rejected(self, run_id: int, rejected: Rejected) -> None:
        with self.write():
            self.conn.execute(
                "INSERT INTO rejected (run_id, path, reason) VALUES (?, ?, ?)",
                (run_id, rejected.path, rejected.reason),
            )

    def finish_run(self, run_id: int, documents: int, rejected: int) -> None:
        with self.write():
            self.conn.execute(
                "UPDATE runs SET finished_at = ?, documents = ?, rejected = ? WHERE id = ?",
                (_now(), documents, rejected, run_id),
            )


def open_store(path: str | Path) -> Store:
    """Open (creating if needed) and migrate the database at `path`, in WAL mode."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=60, isolation_level=None)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"cannot open database {path}: {error}; check the path") from error
    try:
        conn.execute("PRAGMA busy_timeout=60000")
        _when_unlocked(lambda: _use_wal(conn))
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        _when_unlocked(lambda: _migrate(conn))
    except sqlite3.DatabaseError as error:
        conn.close()
        raise StoreError(
            f"{path} is not a usable marsad database ({error}); give another --db"
        ) from error
    return Store(conn)


# How long a process opening the store waits for another one setting it up.
_OPEN_PATIENCE_S = 60.0


def _when_unlocked(step: Callable[[], None]) -> None:
    """Run a set-up step, retrying while another process holds the lock: switching to WAL
    and the first migration can report "locked" at once instead of waiting their turn."""
    deadline = time.monotonic() + _OPEN_PATIENCE_S
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL once; the mode is kept in the file, so later opens only read it."""
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode=WAL")


def _migrate(conn: sqlite3.Connection) -> None:
    """Apply pending migrations; the version is read under the write lock so that two
    processes opening a new database at once do not both run the same migration."""
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise StoreError(
                    f"database schema {version} is newer than this marsad "
                    f"({len(MIGRATIONS)}); upgrade marsad"
                )
            if version == len(MIGRATIONS):
                conn.execute("COMMIT")
                return
            for statement in filter(str.strip, MIGRATIONS[version].split(";")):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
