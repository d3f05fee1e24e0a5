"""Fuzzing the readers: JSON Lines and HTML of any bytes give Documents or Rejected records
with a one-line reason, never an exception, and the size limits hold (a huge record, a
decompression bomb)."""

from __future__ import annotations

import json
import time
import zlib
from pathlib import Path

from fuzz_props import (
    FEEDS,
    HTML_PAGES,
    JSONL_LINES,
    check_feed,
    check_html,
    check_jsonl,
    check_text_file,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.ingest import IngestOptions, read_file
from marsad.ingest.document import Source
from marsad.ingest.html import html_document
from marsad.model import Document, Rejected

GOOD = "قال المتحدث إن عدد القتلى بلغ ثلاثين شخصا في المدينة أمس بحسب مصادر محلية مطلعة."
PAGE = f"<p>{GOOD}</p>"


def _record(text: str = GOOD) -> bytes:
    return json.dumps({"text": text}, ensure_ascii=False).encode("utf-8")


def _one_line(items: list[Document | Rejected]) -> None:
    for item in items:
        assert isinstance(item, Document | Rejected)
        if isinstance(item, Rejected):
            assert item.reason and "\n" not in item.reason, item


@settings(derandomize=True, max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(JSONL_LINES, max_size=8))
def test_read_jsonl_fuzz_one_item_per_line(lines: list[bytes]) -> None:
    check_jsonl(lines)


@settings(derandomize=True, max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(HTML_PAGES)
def test_html_document_fuzz_never_raises(page: bytes) -> None:
    check_html(page)


@settings(derandomize=True, max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(FEEDS)
def test_read_feed_fuzz_never_raises(data: bytes) -> None:
    check_feed(data)


@settings(derandomize=True, max_examples=100, deadline=None)
@given(st.one_of(st.binary(max_size=400), HTML_PAGES))
def test_text_document_fuzz_never_raises(data: bytes) -> None:
    check_text_file(data)


def test_read_file_feed_entity_expansion_is_not_expanded(tmp_path: Path) -> None:
    entities = "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdefg", "bcdefgh", strict=True)
    )
    path = tmp_path / "laughs.xml"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "{"ذ" * 64}">{entities}]>'
        f"<rss version=\"2.0\"><channel><title>t</title><item><title>x</title>"
        f"<description>{GOOD} &h;</description></item></channel></rss>",
        encoding="utf-8",
    )
    start = time.process_time()
    items = list(read_file(str(path)))
    assert time.process_time() - start < 5
    _one_line(items)
    assert all(len(getattr(i, "text", "")) < 10_000 for i in items)


def test_read_file_jsonl_bad_lines_keep_the_others_regression(tmp_path: Path) -> None:
    # A deeply nested line raised RecursionError and a "\ud800" escape UnicodeEncodeError
    # (in content_hash): either one ended the whole file, losing the records after it.
    lines = [
        _record(), b"[" * 100_000 + b"]" * 100_000, b'{"text": ' * 50_000, b"NaN",
        b'{"text": NaN}', b'{"text": "x\\ud800 ' + GOOD.encode() + b'", "title": "\\udfff"}',
        b"\xff\xfe\xfd", b"[1, 2]", _record(),
    ]
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_file(str(path)))
    _one_line(items)
    assert len(items) == len(lines)
    assert [type(i).__name__ for i in items] == [
        "Document", "Rejected", "Rejected", "Rejected", "Rejected", "Document", "Rejected",
        "Rejected", "Document",
    ]
    assert "not valid JSON" in items[1].reason and items[1].path.endswith(":2")
    assert items[5].text.startswith("x\ufffd") and items[5].title == "\ufffd"


def test_read_file_jsonl_huge_record_rejected_others_kept(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    huge = _record(GOOD + " " + "ب" * (5 * 2**20 // 2))  # 5 MB of UTF-8
    path.write_bytes(b"\n".join([_record(), huge, _record(GOOD + " ثانية")]) + b"\n")
    items = list(read_file(str(path), IngestOptions(max_record_mb=1)))
    assert [type(i).__name__ for i in items] == ["Document", "Rejected", "Document"]
    assert items[1].path.endswith(":2") and "over the 1 MB limit" in items[1].reason


def test_read_file_jsonl_huge_line_without_newline(tmp_path: Path) -> None:
    path = tmp_path / "tail.jsonl"
    path.write_bytes(_record() + b"\n" + b'{"text": "' + b"a" * (3 * 2**20))
    items = list(read_file(str(path), IngestOptions(max_record_mb=1)))
    assert [type(i).__name__ for i in items] == ["Document", "Rejected"]


def test_html_document_deep_nesting_and_huge_attributes() -> None:
    pages = [
        "<html><body>" + "<div>" * 10_000 + PAGE + "</div>" * 10_000 + "</body></html>",
        "<html><body>" + "<div>" * 10_000 + PAGE,
        "<html><body>" + "<table><tr><td>" * 3000 + PAGE,
        '<html><body><div class="' + "x" * 200_000 + '">' + PAGE + "</div></body></html>",
        '<html><body><div class="' + "x" * 200_000 + PAGE,
        "<html><body><p <<<>>> </ p> <a href='x>" + PAGE * 5 + "<script>" + "<" * 100_000,
        "<html><body><!--" + "-" * 200_000 + PAGE,
        "<html><body><p>" + "&#x" * 50_000 + GOOD,
    ]
    for page in pages:
        start = time.process_time()
        item = html_document(page.encode(), Source("x.html", "html"))
        assert time.process_time() - start < 5
        _one_line([item])
    junk = bytes(range(256)) * 1000
    _one_line([html_document(b"<html>" + junk, Source("x.html", "html"))])


def _gzip_members(path: Path, parts: list[bytes | tuple[bytes, int]]) -> None:
    """Write one gzip member whose content is `parts` ((byte, count) for a long run)."""
    inflate = zlib.compressobj(9, zlib.DEFLATED, 31)
    with path.open("wb") as out:
        for part in parts:
            if isinstance(part, tuple):
                byte, count = part
                block = byte * (1 << 20)
                while count > 0:
                    out.write(inflate.compress(block[: min(count, len(block))]))
                    count -= len(block)
            else:
                out.write(inflate.compress(part))
        out.write(inflate.flush())


def _warc_head(length: int) -> bytes:
    return (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"WARC-Target-URI: http://example.com/\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: " + str(length).encode() + b"\r\n\r\n"
    )


def test_read_file_warc_gz_decompression_bomb_stopped(tmp_path: Path) -> None:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>"
    size = 64 * 2**20
    path = tmp_path / "bomb.warc.gz"
    _gzip_members(path, [_warc_head(len(http) + size), http, (b"a", size), b"\r\n\r\n"])
    assert path.stat().st_size < 2**20
    start = time.process_time()
    items = list(read_file(str(path), IngestOptions(max_decompressed_mb=16)))
    assert time.process_time() - start < 5
    assert len(items) == 1 and isinstance(items[0], Rejected)
    assert "max_decompressed_mb" in items[0].reason and "16 MB" in items[0].reason


def test_read_file_jsonl_gz_decompression_bomb_stopped(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    _gzip_members(path, [_record() + b"\n", b'{"text": "', (b"a", 64 * 2**20)])
    items = list(read_file(str(path), IngestOptions(max_decompressed_mb=16)))
    assert len(items) == 1 and "max_decompressed_mb" in items[0].reason
    # Under the limit the same file is read record by record.
    items = list(read_file(str(path), IngestOptions(max_decompressed_mb=128, max_record_mb=1)))
    assert [type(i).__name__ for i in items] == ["Document", "Rejected"]


def test_read_file_warc_gz_multi_member_under_limit_is_read(tmp_path: Path) -> None:
    page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>" + PAGE.encode()
    record = _warc_head(len(page)) + page + b"\r\n\r\n"
    path = tmp_path / "ok.warc.gz"
    path.write_bytes(b"".join(zlib.compress(record, wbits=31) for _ in range(3)))
    items = list(read_file(str(path), IngestOptions(max_decompressed_mb=0.01)))
    assert [type(i).__name__ for i in items] == ["Document"] * 3


def test_read_file_warc_broken_header_keeps_pages_one_line_reason_regression(
    tmp_path: Path,
) -> None:
    # warcio's multi-line messages and an AttributeError on a junk header line used to
    # give a reason with newlines, or lose the page read before the junk.
    page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>" + PAGE.encode()
    record = _warc_head(len(page)) + page + b"\r\n\r\n"
    junk = b"WARC/1.0\r\nWARC-Type: response\r\nX-Junk: " + b"a" * 100_000 + b"\r\n\r\n"
    for name, data in (
        ("junk.warc.gz", zlib.compress(record, wbits=31) + zlib.compress(junk, wbits=31)),
        ("single.warc.gz", zlib.compress(record + _warc_head(10) + b"a" * 1000, wbits=31)),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        items = list(read_file(str(path)))
        _one_line(items)
        assert isinstance(items[0], Document), items
        assert isinstance(items[-1], Rejected), items
