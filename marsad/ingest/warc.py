"""WARC and WARC.gz web archives: each HTML response record is read as an HTML page."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from marsad import errors
from marsad.ingest.document import Source
from marsad.ingest.html import html_document
from marsad.ingest.options import IngestOptions
from marsad.model import Document, Rejected

_RECORD_TYPES = ("response", "resource")
_CHUNK = 1 << 20


def _is_html_page(record: object) -> bool:
    """True for a successful response or a resource whose payload is HTML."""
    http = getattr(record, "http_headers", None)
    headers = http or record.rec_headers  # type: ignore[attr-defined]
    content_type = (headers.get_header("Content-Type") or "").lower()
    if "html" not in content_type:
        return False
    status = http.get_statuscode() if http else None
    return status is None or str(status).startswith("2")


def gzip_complete(path: str, offset: int) -> bool:
    """True when the gzip member starting at `offset` (or, failing that, the file) ends whole."""
    for start in (offset, 0) if offset else (0,):
        with open(path, "rb") as stream:
            stream.seek(start)
            inflater = zlib.decompressobj(wbits=31)
            try:
                while chunk := stream.read(_CHUNK):
                    inflater.decompress(chunk, _CHUNK)
                    while inflater.unconsumed_tail:
                        inflater.decompress(inflater.unconsumed_tail, _CHUNK)
                    if inflater.eof:
                        if start == 0 and offset == 0 and inflater.unused_data:
                            inflater = _next_member(inflater)
                            continue
                        return True
            except zlib.error:
                continue
        return False
    return False


def _next_member(inflater: zlib._Decompress) -> zlib._Decompress:
    """A decompressor fed with the bytes after the member `inflater` finished."""
    rest = inflater.unused_data
    follower = zlib.decompressobj(wbits=31)
    follower.decompress(rest, _CHUNK)
    return follower


def read_warc(path: str, options: IngestOptions) -> Iterator[Document | Rejected]:
    """Every HTML page of a WARC file; a broken stream keeps the records read before it."""
    limit = options.bytes_of("max_record_mb")
    pages = 0
    pending: Document | Rejected | None = None
    last_offset = 0
    with open(path, "rb") as stream:
        compressed = stream.read(2) == b"\x1f\x8b"
        stream.seek(0)
        records = ArchiveIterator(stream)
        try:
            for number, record in enumerate(records, 1):
                if record.rec_type in _RECORD_TYPES and _is_html_page(record):
                    pages += 1
                    if pending is not None:
                        yield pending
                    pending = _page(path, number, record, limit, options)
                last_offset = records.get_record_offset()  # reads the record to its end
        except Exception as error:  # warcio raises many kinds on broken archives
            if pending is not None:
                yield pending
            detail = " ".join(f"{type(error).__name__}: {error}".split())  # one line
            truncated = compressed and (pages or not isinstance(error, ArchiveLoadFailed))
            reason = errors.TRUNCATED_GZIP if truncated else errors.BAD_WARC
            yield Rejected(path, reason.format(error=detail))
            return
    if compressed and not gzip_complete(path, last_offset):
        yield Rejected(path, errors.TRUNCATED_GZIP.format(error="the last record is cut off"))
        return
    if pending is not None:
        yield pending
    if not pages:
        yield Rejected(path, errors.NO_HTML_RECORDS)


def _page(
    path: str, number: int, record: object, limit: int, options: IngestOptions
) -> Document | Rejected:
    label = f"{path}#record-{number}"
    payload = record.content_stream().read(limit + 1)  # type: ignore[attr-defined]
    if len(payload) > limit:
        reason = errors.RECORD_TOO_LARGE.format(
            size_mb=len(payload) / 2**20, limit_mb=options.max_record_mb
        )
        return Rejected(label, reason)
    url = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
    return html_document(payload, Source(path, "warc", number, label=label), url=url)
