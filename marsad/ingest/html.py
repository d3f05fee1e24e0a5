"""HTML pages: the article's main text and metadata, boilerplate dropped (trafilatura)."""

from __future__ import annotations

import re
from dataclasses import replace

import trafilatura

from marsad import errors
from marsad.errors import InputRejected
from marsad.ingest.decode import decode_bytes
from marsad.ingest.document import Source, build_document, iso_date
from marsad.model import Document, Rejected

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)
_MIN_SENTENCE_WORDS = 8
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode a page: valid UTF-8 wins, then the declared charset, then the bytes decide."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return decode_bytes(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:4096])
    if match:
        charset = match[1].decode("ascii").lower()
        try:
            return data.decode(charset), charset
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)


def html_document(
    data: bytes | str, source: Source, url: str | None = None
) -> Document | Rejected:
    """The Document of one HTML page, or Rejected when the page holds no article."""
    where = source.label or source.path
    if isinstance(data, bytes):
        try:
            page, encoding = decode_html(data)
        except InputRejected as rejected:
            return Rejected(where, str(rejected))
        source = replace(source, encoding=encoding)
    else:
        page = data
    try:
        result = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as error:  # trafilatura and lxml raise many kinds on broken markup
        return Rejected(where, errors.UNREADABLE.format(error=f"HTML parser failed: {error}"))
    text = getattr(result, "text", None) if result is not None else None
    if not text or not _has_prose(text):
        return Rejected(where, errors.HTML_NO_ARTICLE)
    return build_document(
        text,
        source,
        title=getattr(result, "title", None),
        outlet=getattr(result, "sitename", None),
        url=url or getattr(result, "url", None),
        published=iso_date(getattr(result, "date", None)),
    )


def _has_prose(text: str) -> bool:
    """True when some line reads like a sentence, not a menu: eight words or more."""
    return any(len(line.split()) >= _MIN_SENTENCE_WORDS for line in text.splitlines())
