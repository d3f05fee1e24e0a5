"""POST /api/documents: stream an upload into a fresh temp folder, then analyse it.

Nothing from the request names a path: files are written as `<tmp>/in/<n>/<safe name>`,
where the safe name keeps only letters, digits, dot, dash and underscore of the client's
file name (its extension tells the reader the format).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from python_multipart.multipart import MultipartParser, parse_options_header

from marsad.pipeline import analyze

JSONL_TYPES = frozenset({
    "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonl",
    "application/jsonlines", "application/x-jsonlines", "application/json-lines",
})
MAX_FILES = 1000
_UNSAFE = re.compile(r"[^\w.\-]+")


class UploadError(Exception):
    """The upload cannot be read; `status` is the HTTP status to answer with."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def safe_name(name: str | None, fallback: str = "upload") -> str:
    """A file name that cannot leave its folder: no separators, no leading dots."""
    base = re.split(r"[\\/]", name or "")[-1]
    cleaned = _UNSAFE.sub("_", base).lstrip("._")[-100:]
    return cleaned or fallback


@dataclass
class _Parts:
    """Writes the files of a multipart body as they stream in."""

    folder: Path
    files: list[Path] = field(default_factory=list)
    _header: bytes = b""
    _value: bytes = b""
    _headers: dict[bytes, bytes] = field(default_factory=dict)
    _out: IO[bytes] | None = None

    def callbacks(self) -> dict[str, Any]:
        return {
            "on_part_begin": self._begin,
            "on_header_field": lambda d, s, e: self._add("_header", d[s:e]),
            "on_header_value": lambda d, s, e: self._add("_value", d[s:e]),
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._data,
            "on_part_end": self._end,
        }

    def _add(self, name: str, data: bytes) -> None:
        setattr(self, name, getattr(self, name) + data)

    def _begin(self) -> None:
        self._headers, self._out = {}, None

    def _header_end(self) -> None:
        self._headers[self._header.strip().lower()] = self._value.strip()
        self._header = self._value = b""

    def _headers_finished(self) -> None:
        _, params = parse_options_header(self._headers.get(b"content-disposition", b""))
        filename = params.get(b"filename")
        if filename is None:
            return  # a plain form field, not a file: ignored
        if len(self.files) >= MAX_FILES:
            raise UploadError(413, f"more than {MAX_FILES} files in one upload; split it")
        name = safe_name(filename.decode("utf-8", "replace"))
        folder = self.folder / f"{len(self.files):04d}"
        folder.mkdir()
        path = folder / name
        self.files.append(path)
        self._out = path.open("xb")

    def _data(self, data: bytes, start: int, end: int) -> None:
        if self._out is not None:
            self._out.write(data[start:end])

    def _end(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None

    def close(self) -> None:
        self._end()


async def receive_upload(
    content_type: str, chunks: AsyncIterator[bytes], folder: Path, limit: int
) -> list[Path]:
    """Write the body into `folder`: a JSON Lines body as one file, multipart files each as
    its own. Raises UploadError for an unsupported type, an empty or over-large body."""
    mime, params = parse_options_header(content_type)
    mime_type = mime.decode("latin-1").lower()
    size = 0

    async def limited() -> AsyncIterator[bytes]:
        nonlocal size
        async for chunk in chunks:
            size += len(chunk)
            if size > limit:
                raise UploadError(413, f"upload is over the {limit // (1024 * 1024)} MB limit")
            yield chunk

    if mime_type in JSONL_TYPES:
        path = folder / "0000" / "upload.jsonl"
        path.parent.mkdir()
        with path.open("xb") as out:
            async for chunk in limited():
                out.write(chunk)
        files = [path] if size else []
    elif mime_type == "multipart/form-data":
        boundary = params.get(b"boundary")
        if not boundary:
            raise UploadError(400, "multipart body without a boundary")
        parts = _Parts(folder)
        parser = MultipartParser(boundary, parts.callbacks())
        try:
            async for chunk in limited():
                parser.write(chunk)
            parser.finalize()
        except UploadError:
            raise
        except Exception as error:  # python-multipart raises its own parse errors
            raise UploadError(400, f"cannot parse the multipart body: {error}") from error
        finally:
            parts.close()
        files = parts.files
    else:
        raise UploadError(
            415,
            f"unsupported Content-Type {mime_type or '(none)'}; send JSON Lines "
            "(application/x-ndjson) or multipart/form-data files",
        )
    if not files:
        raise UploadError(400, "the upload holds no articles; send JSON Lines or files")
    return files


def analyse_upload(files: list[Path], folder: Path, db_path: Path) -> dict[str, Any]:
    """Analyse the uploaded files into the database; counts and rejected inputs, with paths
    shown relative to the upload (never the server's temp folder)."""
    result = analyze(files, folder / "out", db_path)
    inputs = str(folder) + "/"

    def shown(path: str) -> str:
        rest = path.replace(inputs, "", 1)
        return rest.split("/", 1)[1] if rest != path and "/" in rest else rest

    return {
        "documents": result.documents,
        "added": result.added,
        "analysed": result.analysed,
        "rejected": [
            {"path": shown(r.path), "reason": r.reason}
            for r in result.rejected
        ],
    }


def upload_folder() -> tempfile.TemporaryDirectory[str]:
    """A fresh private temp folder (mode 0700), removed when the upload is done."""
    return tempfile.TemporaryDirectory(prefix="marsad-upload-")
