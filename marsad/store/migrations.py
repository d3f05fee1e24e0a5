"""Schema migrations, applied in order; `PRAGMA user_version` records how many have run.

Never edit a migration that has shipped: append a new one.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: documents, rejected inputs, runs, and extracted items of any kind as JSON.
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        title TEXT,
        source TEXT,
        url TEXT,
        published TEXT,
        published_origin TEXT,
        path TEXT,
        format TEXT,
        encoding TEXT,
        language TEXT,
        duplicate_of TEXT,
        text TEXT NOT NULL,
        added_at TEXT NOT NULL
    );
    CREATE INDEX documents_hash ON documents(content_hash);
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        documents INTEGER NOT NULL DEFAULT 0,
        rejected INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE rejected (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        path TEXT NOT NULL,
        reason TEXT NOT NULL
    );
    CREATE TABLE items (
        kind TEXT NOT NULL,
        item_id TEXT NOT NULL,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        start INTEGER,
        end INTEGER,
        data TEXT NOT NULL,
        PRIMARY KEY (kind, item_id)
    );
    CREATE INDEX items_doc ON items(doc_id, kind);
    CREATE TABLE analysed (
        doc_id TEXT PRIMARY KEY REFERENCES documents(id),
        pipeline_version TEXT NOT NULL,
        analysed_at TEXT NOT NULL
    );
    """,
    # 2: full-text search over clitic-free, folded word keys (see marsad/store/search.py).
    """
    CREATE VIRTUAL TABLE search USING fts5(doc_id UNINDEXED, body, tokenize = 'unicode61');
    """,
)
