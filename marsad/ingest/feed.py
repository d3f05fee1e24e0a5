"""RSS and Atom feeds: every entry is an article; its HTML is stripped to text."""

from __future__ import annotations

import email.utils
from collections.abc import Iterator
from datetime import date

import feedparser
import lxml.html
from lxml import etree

from marsad import errors
from marsad.ingest.document import Source, build_document, iso_date
from marsad.model import Document, Rejected

_BLOCKS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "article",
     "section", "figure", "ul", "ol", "table", "pre"}
)


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment, paragraphs kept as blank-line separated blocks."""
    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment
    for element in list(root.iter("script", "style", "noscript")):
        element.drop_tree()
    for element in root.iter():
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
    return root.text_content()


def _entry_text(entry: feedparser.FeedParserDict) -> str:
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    if contents:
        return max(contents, key=len)
    return entry.get("summary") or entry.get("description") or ""


def _entry_date(entry: feedparser.FeedParserDict) -> str | None:
    """The entry's date as written (its own time zone), from published, else updated."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        found = iso_date(raw)
        if found:
            return found
        try:
            return email.utils.parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None


def read_feed(path: str, data: bytes) -> Iterator[Document | Rejected]:
    """Every entry of an RSS or Atom feed as a Document, or Rejected naming `#entry-N`."""
    try:
        parsed = feedparser.parse(data)
    except (ValueError, OverflowError) as error:
        # feedparser raises on character references beyond Unicode (&#99999999;).
        yield Rejected(path, errors.BAD_FEED.format(error=error))
        return
    if not parsed.entries:
        if parsed.get("bozo"):
            yield Rejected(path, errors.BAD_FEED.format(error=parsed.get("bozo_exception")))
        else:
            yield Rejected(path, errors.FEED_NO_ENTRIES)
        return
    outlet = html_to_text(parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, 1):
        yield build_document(
            html_to_text(_entry_text(entry)),
            Source(path, "feed", number, label=f"{path}#entry-{number}"),
            title=html_to_text(entry.get("title") or ""),
            outlet=outlet,
            url=entry.get("link"),
            published=_entry_date(entry),
        )
