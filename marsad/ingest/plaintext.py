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
    return build_document(text, Source(path, "txt", encoding=encoding), title=title_line(text))


# A first line this short, followed by a blank line, is the article's title.
_MAX_TITLE_CHARS = 200


def title_line(text: str) -> str | None:
    """The title of a plain-text article: a short first line set apart by a blank line.

    The line stays in the text (offsets never shift); it is only also taken as the title.
    """
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if not first or len(first) > _MAX_TITLE_CHARS or not rest.startswith("\n"):
        return None
    return first if first[-1] not in ".؟?!" else None
