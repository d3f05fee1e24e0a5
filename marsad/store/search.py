"""Arabic-aware full-text search: SQLite FTS5 over marsad's own word keys.

Documents are indexed as the sequence of their words' matching keys (folded, clitic-free,
article removed), and queries go through the same function, so بالباغوز، الباغوز، باغوز
and a diacritised باغُوز find the same documents. Snippets are cut from the original text
around the matched words, with the words marked.
"""

from __future__ import annotations

import html
import sqlite3
from dataclasses import dataclass

from marsad.text.tokens import Token, tokenize

_SNIPPET_WORDS = 14


def _bare(key: str) -> str:
    return key[2:] if key.startswith("ال") and len(key) > 3 else key


def word_keys(token: Token) -> tuple[str, ...]:
    """The search keys of a word: the clitic-free folded form without the article, and the
    whole folded word when the segmenter may have cut a letter of the stem (باغوز)."""
    key = _bare(token.key)
    whole = _bare(token.folded)
    return (key,) if whole == key else (key, whole)


def index_text(text: str) -> str:
    return " ".join(k for t in tokenize(text) for k in word_keys(t))


@dataclass(frozen=True)
class Hit:
    doc_id: str
    score: float
    snippet: str  # HTML: escaped article text with matched words in <mark>


def add_to_index(conn: sqlite3.Connection, doc_id: str, text: str) -> None:
    """Index (or re-index) one stored document; the index row shares the document's rowid,
    so replacing it is a lookup, not a scan of the index."""
    rowid = conn.execute("SELECT rowid FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    conn.execute("DELETE FROM search WHERE rowid = ?", (rowid,))
    conn.execute(
        "INSERT INTO search (rowid, doc_id, body) VALUES (?, ?, ?)",
        (rowid, doc_id, index_text(text)),
    )


def _quoted(key: str) -> str:
    return '"' + key.replace('"', '""') + '"'


def _fts_query(query: str) -> tuple[str, set[str]]:
    """Every query word must match, in any of its keys."""
    words = [word_keys(t) for t in tokenize(query)]
    match = " AND ".join("(" + " OR ".join(map(_quoted, keys)) + ")" for keys in words)
    return match, {k for keys in words for k in keys}


def snippet(text: str, keys: set[str]) -> str:
    """A window of the original text around the first matched word, matches marked."""
    tokens = tokenize(text)
    first = next((i for i, t in enumerate(tokens) if set(word_keys(t)) & keys), 0)
    window = tokens[max(0, first - _SNIPPET_WORDS // 2) : first + _SNIPPET_WORDS]
    if not window:
        return ""
    parts, pos = [], window[0].start
    for tok in window:
        parts.append(html.escape(text[pos : tok.start]))
        word = html.escape(text[tok.start : tok.end])
        parts.append(f"<mark>{word}</mark>" if set(word_keys(tok)) & keys else word)
        pos = tok.end
    prefix = "… " if window[0].start > 0 else ""
    suffix = " …" if window[-1].end < len(text) else ""
    return prefix + "".join(parts) + suffix


def search(conn: sqlite3.Connection, query: str, limit: int = 20, offset: int = 0) -> list[Hit]:
    """Documents matching every word of the query, best first (BM25)."""
    match, keys = _fts_query(query)
    if not match:
        return []
    rows = conn.execute(
        "SELECT s.doc_id, bm25(search) AS rank, d.text FROM search s "
        "JOIN documents d ON d.id = s.doc_id WHERE search MATCH ? "
        "ORDER BY rank, s.doc_id LIMIT ? OFFSET ?",
        (match, limit, offset),
    ).fetchall()
    return [Hit(doc_id, -rank, snippet(text, keys)) for doc_id, rank, text in rows]
