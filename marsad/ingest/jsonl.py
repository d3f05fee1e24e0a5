"""JSON Lines: one article object per line; a bad line is rejected and the rest go on."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO

from marsad import errors
from marsad.ingest.document import Source, build_document, iso_date
from marsad.ingest.options import IngestOptions
from marsad.model import Document, Rejected

_CHUNK = 1 << 20
_SURROGATE = re.compile("[\ud800-\udfff]")
_KINDS = {
    bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object",
    type(None): "null", str: "a string",
}


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, bytes, size) of each line; bytes is None for a line over `limit`."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        size = len(line)
        if size > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(_CHUNK)
                size += len(line)
            yield number, None, size
        else:
            yield number, line, size


def read_jsonl(
    path: str, stream: IO[bytes], options: IngestOptions
) -> Iterator[Document | Rejected]:
    """Every record of a JSON Lines stream, as a Document or a Rejected naming its line."""
    limit = options.bytes_of("max_record_mb")
    for number, line, size in _lines(stream, limit):
        label = f"{path}:{number}"
        if line is None:
            reason = errors.RECORD_TOO_LARGE.format(
                size_mb=size / 2**20, limit_mb=options.max_record_mb
            )
            yield Rejected(label, reason)
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        yield _record(line, number, label, path)


def _record(line: bytes, number: int, label: str, path: str) -> Document | Rejected:
    try:
        value = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as error:
        return Rejected(label, errors.RECORD_NOT_UTF8.format(line=number, error=error.reason))
    except (ValueError, RecursionError) as error:  # RecursionError: nesting too deep
        return Rejected(label, errors.BAD_JSON.format(line=number, error=error))
    if not isinstance(value, dict):
        kind = _KINDS.get(type(value), "a value")
        return Rejected(label, errors.RECORD_NOT_OBJECT.format(line=number, kind=kind))
    value = {key: _valid_unicode(field) for key, field in value.items()}
    if "text" not in value:
        return Rejected(label, errors.NO_RECORD_TEXT.format(line=number))
    text = value["text"]
    if not isinstance(text, str):
        kind = _KINDS.get(type(text), "a value")
        return Rejected(label, errors.RECORD_TEXT_NOT_STRING.format(line=number, kind=kind))
    doc_id = value.get("id")
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int) or doc_id == "":
        doc_id = None
    return build_document(
        text,
        Source(path, "jsonl", number, label=label),
        doc_id=str(doc_id).strip() if doc_id is not None else None,
        title=value.get("title"),
        outlet=value.get("source"),
        url=value.get("url"),
        published=iso_date(value.get("published")),
    )


def _valid_unicode(field: object) -> object:
    """A string with lone surrogates (a JSON escape like \\ud800) made U+FFFD: they cannot be
    encoded, hashed or stored."""
    if isinstance(field, str) and _SURROGATE.search(field):
        return _SURROGATE.sub("\ufffd", field)
    return field
