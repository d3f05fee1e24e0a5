"""Tell the format of an input from its first bytes and, where content is unsure, its name."""

from __future__ import annotations

import json
import re
from pathlib import PurePath

HEAD_BYTES = 1 << 16
CONTAINER_SUFFIXES = frozenset(
    {".jsonl", ".ndjson", ".json", ".xml", ".rss", ".atom", ".feed", ".warc", ".gz", ".arc"}
)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|div|p|article|section|title|meta|span|h[1-6]|br|table|main)[\s/>]",
    re.IGNORECASE,
)


def suffixes(path: str) -> list[str]:
    """Lower-case suffixes of a file name (`a.warc.gz` -> ['.warc', '.gz'])."""
    return [s.lower() for s in PurePath(path).suffixes]


def is_container_name(path: str) -> bool:
    """True when the name says the file holds many articles (so the larger limit applies)."""
    return bool(CONTAINER_SUFFIXES.intersection(suffixes(path)))


def sniff(head: bytes, path: str) -> str:
    """One of gzip, warc, feed, html, jsonl, text or unknown, from the head of the file."""
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    if ".warc" in suffixes(path):
        return "warc"
    text = _peek_text(head)
    start = text.lstrip("\ufeff \t\r\n")[:4096]
    if start.startswith("<"):
        if _FEED_ROOT.search(start[:2048]) and not _HTML_START.search(start[:2048]):
            return "feed"
        if _HTML_START.search(start) or _HTML_TAG.search(start):
            return "html"
    elif _HTML_START.search(start) and suffixes(path)[-1:] in ([".html"], [".htm"]):
        return "html"
    if start.startswith("{") and (_first_line_is_object(text) or _says_jsonl(path)):
        return "jsonl"
    if _says_jsonl(path) and start.startswith(("{", "[")):
        return "jsonl"
    if suffixes(path)[-1:] == [".json"] and start.startswith(("{", "[")):
        return "unknown"  # one JSON document, not JSON Lines
    return "text"


def _says_jsonl(path: str) -> bool:
    return bool({".jsonl", ".ndjson"}.intersection(suffixes(path)))


def _peek_text(head: bytes) -> str:
    """A rough decoding of the head, enough to look for markup and braces."""
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[: len(head) // 2 * 2].decode(encoding, errors="replace")
    return head.decode("utf-8", errors="replace")


def _first_line_is_object(text: str) -> bool:
    line = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0]
    if len(line) >= len(text) - 1 and len(text) >= HEAD_BYTES - 4:
        return True  # a first line longer than the head: trust the opening brace
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
