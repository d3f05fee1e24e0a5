"""Walk the given paths and read each file with the handler of its detected format."""

from __future__ import annotations

import gzip
import os
import stat
import time
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from marsad import errors
from marsad.ingest.document import Source
from marsad.ingest.feed import read_feed
from marsad.ingest.html import html_document
from marsad.ingest.jsonl import read_jsonl
from marsad.ingest.options import IngestOptions
from marsad.ingest.plaintext import text_document
from marsad.ingest.sniff import HEAD_BYTES, is_container_name, sniff
from marsad.ingest.warc import read_warc
from marsad.model import Document, Rejected

Item = Document | Rejected
_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)
_GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)
_INFLATE_CHUNK = 1 << 20
# Inside a folder, documentation, code and images beside the articles are not inputs (a
# README.md, the script that built a WARC); anything else is read, so junk is reported.
# A file given by name is read whatever its name.
NOT_INPUT_SUFFIXES = (
    ".md", ".rst", ".py", ".pyc", ".sh", ".js", ".css", ".yml", ".yaml", ".toml", ".cfg",
    ".ini", ".lock", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".webp",
)


def _looks_like_input(name: str) -> bool:
    return not name.lower().endswith(NOT_INPUT_SUFFIXES)


def iter_files(paths: Iterable[str | Path]) -> Iterator[str]:
    """Each given file, and the files under each given folder (recursive, sorted, no hidden)."""
    for given in paths:
        path = os.fspath(given)
        if os.path.isdir(path):
            yield from _walk(path, set())
        else:
            yield path


def _walk(folder: str, seen: set[tuple[int, int]]) -> Iterator[str]:
    """Input files under `folder` in sorted path order; hidden names and documentation, code
    and images (NOT_INPUT_SUFFIXES) skipped, link loops cut."""
    try:
        info = os.stat(folder)
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        yield folder
        return
    if (info.st_dev, info.st_ino) in seen:
        return
    seen.add((info.st_dev, info.st_ino))
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(entry.path, seen)
        elif _looks_like_input(entry.name):
            yield entry.path


def read_inputs(
    paths: Iterable[str | Path], options: IngestOptions | None = None
) -> Iterator[Item]:
    """Documents and Rejected records from files and folders, in a deterministic order."""
    options = options or IngestOptions()
    for path in iter_files(paths):
        yield from read_file(path, options)


def read_file(path: str, options: IngestOptions | None = None) -> Iterator[Item]:
    """Everything one file holds; never raises for bad input, it yields Rejected instead."""
    options = options or IngestOptions()
    try:
        yield from _timed(_read_file(path, options), path, options.read_timeout_s)
    except _GZIP_ERRORS as error:
        yield Rejected(path, errors.TRUNCATED_GZIP.format(error=error))
    except Exception as error:  # a bug or an odd file must not stop a run: record it
        yield Rejected(path, errors.UNREADABLE.format(error=f"{type(error).__name__}: {error}"))


def _timed(items: Iterator[Item], path: str, seconds: float) -> Iterator[Item]:
    """Pass items on; stop the file when producing one took over `seconds`.

    Only the reader's own time counts: the clock restarts when the caller asks for more.
    """
    start = time.monotonic()
    for item in items:
        elapsed = time.monotonic() - start
        yield item
        if elapsed > seconds:
            items.close()
            yield Rejected(path, errors.READ_TIMEOUT.format(seconds=seconds))
            return
        start = time.monotonic()


def _too_large(path: str, size: int, options: IngestOptions, container: bool) -> Rejected | None:
    name = "max_container_mb" if container else "max_article_mb"
    if size <= options.bytes_of(name):
        return None
    kind = "a file of many articles" if container else "one article file"
    reason = errors.TOO_LARGE.format(
        size_mb=size / 2**20, limit_mb=getattr(options, name), kind=kind
    )
    return Rejected(path, reason)


def _read_file(path: str, options: IngestOptions) -> Iterator[Item]:
    try:
        info = os.stat(path)
    except OSError as error:
        yield Rejected(path, errors.UNREADABLE.format(error=error.strerror or error))
        return
    for test, kind in _KINDS:
        if test(info.st_mode):
            yield Rejected(path, errors.NOT_REGULAR_FILE.format(kind=kind))
            return
    if info.st_size == 0:
        yield Rejected(path, errors.EMPTY_FILE)
        return
    too_large = _too_large(path, info.st_size, options, is_container_name(path))
    if too_large:
        yield too_large
        return
    try:
        with open(path, "rb") as stream:
            head = stream.read(HEAD_BYTES)
            fmt = sniff(head, path)
            if fmt == "gzip":
                if _inflates_past(stream, options.bytes_of("max_decompressed_mb")):
                    reason = errors.DECOMPRESSED_TOO_LARGE.format(
                        limit_mb=options.max_decompressed_mb
                    )
                    yield Rejected(path, reason)
                    return
                fmt = _gzip_format(stream, path)
                if fmt != "warc":
                    with gzip.GzipFile(fileobj=stream) as inner:
                        yield from _read_stream(path, fmt, inner, info.st_size, options)
                    return
            if fmt != "warc":
                yield from _read_stream(path, fmt, stream, info.st_size, options)
                return
    except OSError as error:
        yield Rejected(path, errors.UNREADABLE.format(error=error.strerror or error))
        return
    yield from read_warc(path, options)


def _inflates_past(stream: IO[bytes], limit: int) -> bool:
    """True when the gzip members of `stream` inflate to over `limit` bytes (a decompression
    bomb); counted chunk by chunk in constant memory, a corrupt tail left to the reader."""
    stream.seek(0)
    inflater = zlib.decompressobj(wbits=31)
    total = 0
    try:
        while chunk := stream.read(1 << 16):
            while chunk:
                total += len(inflater.decompress(chunk, _INFLATE_CHUNK))
                if total > limit:
                    return True
                chunk = inflater.unconsumed_tail
                if inflater.eof:
                    chunk, inflater = inflater.unused_data + chunk, zlib.decompressobj(wbits=31)
    except zlib.error:
        pass
    finally:
        stream.seek(0)
    return False


def _gzip_format(stream: IO[bytes], path: str) -> str:
    """The format inside a gzip file, from its first bytes (a truncated tail is not read)."""
    stream.seek(0)
    head = zlib.decompressobj(wbits=31).decompress(stream.read(HEAD_BYTES), HEAD_BYTES)
    stream.seek(0)
    inner_name = path[:-3] if path.lower().endswith(".gz") else path
    return "warc" if head.startswith(b"WARC/") else sniff(head, inner_name)


def _read_stream(
    path: str, fmt: str, stream: IO[bytes], size: int, options: IngestOptions
) -> Iterator[Item]:
    """Hand a stream to the handler of its format."""
    stream.seek(0)
    if fmt == "unknown":
        yield Rejected(path, errors.UNKNOWN_FORMAT)
        return
    if fmt == "jsonl":
        yield from read_jsonl(path, stream, options)
        return
    container = fmt == "feed"
    limit = options.bytes_of("max_container_mb" if container else "max_article_mb")
    data = stream.read(limit + 1)
    too_large = _too_large(path, max(size, len(data)), options, container)
    if too_large:
        yield too_large
    elif fmt == "feed":
        yield from read_feed(path, data)
    elif fmt == "html":
        yield html_document(data, Source(path, "html"))
    else:
        yield text_document(path, data)
