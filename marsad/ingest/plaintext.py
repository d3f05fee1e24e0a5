"""Plain-text articles in any of the encodings Arabic news comes in."""

from __future__ import annotations

from marsad.errors import InputRejected
from marsad.ingest.decode import decode_bytes
from marsad.ingest.document import Source, build_document
from marsad.model import Document, Rejected


def text_document(path: str, data: bytes) -> Document | Rejected:
    """The Document of one text file, its encoding found from the bytes."""
    try:
        text, encoding = decode_bytes(data)
    except InputRejected as rejected:
        return Rejected(path, str(rejected))
    return build_document(text, Source(path, "txt", encoding=encoding))
