"""Walking paths, detecting formats, limits, ids, and every kind of bad input."""

from __future__ import annotations

import gzip
import os
import socket
import sys
import time
from pathlib import Path

import pytest
from ingest_fixtures import ARTICLE, OTHER_ARTICLE, PAGE

from marsad import errors
from marsad.errors import OptionError
from marsad.ingest import IngestOptions, read_file, read_inputs
from marsad.model import Document, Rejected


def _one(path: Path | str, options: IngestOptions | None = None) -> Document | Rejected:
    items = list(read_inputs([path], options or IngestOptions()))
    assert len(items) == 1, items
    return items[0]


def _rejected(item: object, reason_start: str) -> None:
    assert isinstance(item, Rejected), item
    assert item.reason.startswith(reason_start), item.reason
    assert "\n" not in item.reason


# --- options ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("max_article_mb", 0),
        ("max_article_mb", -1),
        ("max_container_mb", "big"),
        ("max_record_mb", float("nan")),
        ("read_timeout_s", True),
        ("read_timeout_s", None),
    ],
)
def test_ingest_options_reject_bad_values_naming_the_option(name: str, value: object) -> None:
    with pytest.raises(OptionError, match=name):
        IngestOptions(**{name: value})


def test_ingest_options_defaults() -> None:
    options = IngestOptions()
    assert (options.max_article_mb, options.max_container_mb) == (20, 1024)
    assert (options.max_record_mb, options.read_timeout_s) == (5, 30)


# --- walking and order -------------------------------------------------------------------

def test_read_inputs_walks_folders_sorted_and_skips_hidden(write, tmp_path: Path) -> None:
    write("b/two.txt", OTHER_ARTICLE)
    write("a/one.txt", ARTICLE)
    write("c.txt", ARTICLE + "\nخاتمة")
    write(".hidden.txt", ARTICLE)
    write(".git/three.txt", ARTICLE)
    paths = [item.path for item in read_inputs([tmp_path])]
    assert paths == [
        str(tmp_path / "a" / "one.txt"), str(tmp_path / "b" / "two.txt"), str(tmp_path / "c.txt")
    ]


def test_read_inputs_keeps_the_path_as_given(write, tmp_path: Path, monkeypatch) -> None:
    write("folder/one.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    [doc] = read_inputs(["folder"])
    assert doc.path == os.path.join("folder", "one.txt")


def test_read_inputs_ids_are_stable_across_working_directories(
    write, tmp_path: Path, monkeypatch
) -> None:
    path = write("deep/er/news.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    first = _one("deep/er/news.txt")
    monkeypatch.chdir(tmp_path / "deep")
    second = _one("er/news.txt")
    third = _one(path)
    copy = write("elsewhere/news.txt", ARTICLE)
    assert first.id == second.id == third.id == _one(copy).id
    assert first.id.startswith("news-") and len(first.id) == len("news-") + 12
    assert str(tmp_path) not in first.id


def test_read_inputs_sets_hash_language_and_dateline(write) -> None:
    doc = _one(write("news.txt", ARTICLE))
    assert doc.language == "ar"
    assert len(doc.content_hash) == 64
    assert (doc.published, doc.published_origin) == ("2021-05-04", "text")


def test_read_inputs_without_date_leaves_published_unknown(write) -> None:
    path = write("park.txt", OTHER_ARTICLE)
    os.utime(path, (1_600_000_000, 1_600_000_000))
    doc = _one(path)
    assert (doc.published, doc.published_origin) == (None, None)


def test_content_hash_ignores_noise(write) -> None:
    noisy = (
        OTHER_ARTICLE.replace("في", "فی").replace(" ", "\u00a0", 3).replace("الحديقة", "الحديـــقة")
        .replace("جديدة", "جَدِيدَة").replace("\n\n", "\n")
    )
    assert _one(write("a.txt", OTHER_ARTICLE)).content_hash == _one(
        write("b.txt", noisy)
    ).content_hash


# --- format detection ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "content", "fmt"),
    [
        ("page.txt", PAGE, "html"),  # content wins over the extension
        ("page", PAGE, "html"),
        ("article.html", ARTICLE, "txt"),
        ("records.txt", '{"text": "نص الخبر الأول كاملا"}\n', "jsonl"),
        ("records.data", '{"text": "نص الخبر الأول كاملا"}\n', "jsonl"),
    ],
)
def test_read_inputs_detects_format_by_content(write, name: str, content: str, fmt: str) -> None:
    doc = _one(write(name, content))
    assert isinstance(doc, Document) and doc.format == fmt


def test_read_inputs_reads_gzipped_text(write) -> None:
    doc = _one(write("news.txt.gz", gzip.compress(ARTICLE.encode("cp1256"))))
    assert isinstance(doc, Document) and doc.encoding == "cp1256"


# --- bad input: one test each ----------------------------------------------------------------

def test_bad_input_empty_file(write) -> None:
    _rejected(_one(write("empty.txt", b"")), errors.EMPTY_FILE)


def test_bad_input_binary_with_nul_bytes(write) -> None:
    _rejected(_one(write("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(300))), errors.BINARY)


def test_bad_input_random_bytes(write) -> None:
    data = bytes((i * 7919 + 13) % 256 for i in range(4000))
    _rejected(_one(write("noise.dat", data)), errors.BINARY)


def test_bad_input_truncated_gzip(write) -> None:
    data = gzip.compress((ARTICLE * 50).encode())
    _rejected(_one(write("news.txt.gz", data[: len(data) // 2])), "compressed stream is truncated")


def test_bad_input_over_the_size_limit_is_not_read(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(200 * 2**20)  # sparse: 200 MB without writing them

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr("builtins.open", no_open)
    item = _one(path)
    _rejected(item, "file is 200.0 MB, over the 20 MB limit")


def test_bad_input_container_over_its_limit(write) -> None:
    path = write("many.jsonl", '{"text": "نص"}\n' * 100_000)
    _rejected(_one(path, IngestOptions(max_container_mb=1)), "file is 1.6 MB, over the 1 MB")


def test_bad_input_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    _rejected(_one(link), "cannot read:")


def test_bad_input_missing_file(tmp_path: Path) -> None:
    _rejected(_one(tmp_path / "nowhere.txt"), "cannot read:")


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file"
)
def test_bad_input_permission_denied(write) -> None:
    path = write("secret.txt", ARTICLE)
    path.chmod(0)
    try:
        _rejected(_one(path), "cannot read:")
    finally:
        path.chmod(0o644)


def test_bad_input_directory_given_as_a_file(tmp_path: Path) -> None:
    [item] = read_file(str(tmp_path))
    _rejected(item, "cannot read: a directory")


def test_bad_input_fifo_is_never_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    _rejected(_one(fifo), "cannot read: a named pipe")


def test_bad_input_socket(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # keep the socket path short
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind("s.sock")
        _rejected(_one("s.sock"), "cannot read: a socket")
    finally:
        server.close()


def test_bad_input_only_whitespace(write) -> None:
    _rejected(_one(write("blank.txt", " \n\r\n\t \n")), errors.NO_TEXT)


def test_bad_input_no_letters(write) -> None:
    _rejected(_one(write("numbers.txt", "123 456\n--- 7.8 %\n")), errors.NO_LETTERS)


def test_bad_input_undecodable_utf16(write) -> None:
    _rejected(_one(write("broken.txt", b"\xff\xfe\x00\xd8\x41\x00")), errors.UNDECODABLE)


def test_bad_input_does_not_stop_the_run(write, tmp_path: Path) -> None:
    write("a.txt", b"")
    write("b.txt", ARTICLE)
    write("c.bin", bytes(100))
    kinds = [type(item).__name__ for item in read_inputs([tmp_path])]
    assert kinds == ["Rejected", "Document", "Rejected"]


def test_bad_input_json_array_is_not_json_lines(write) -> None:
    _rejected(_one(write("dump.json", '[{"text": "نص"}, {"text": "نص آخر"}]')), "not a supported")


def test_read_timeout_stops_a_file_between_records(write) -> None:
    lines = "".join(f'{{"text": "الخبر رقم {i} في القائمة"}}\n' for i in range(5))
    path = write("slow.jsonl", lines)
    items = list(read_inputs([path], IngestOptions(read_timeout_s=1e-9)))
    assert [type(i).__name__ for i in items] == ["Document", "Rejected"]
    assert items[-1].reason.startswith("reading stopped: one record took over 1e-09 s")


def test_read_timeout_does_not_count_the_callers_time(write, monkeypatch) -> None:
    lines = "".join(f'{{"text": "الخبر رقم {i} في القائمة"}}\n' for i in range(3))
    path = write("fine.jsonl", lines)
    items = []
    for item in read_inputs([path], IngestOptions(read_timeout_s=0.5)):
        items.append(item)
        time.sleep(0.6)  # the caller is slow, not the reader
    assert [type(i).__name__ for i in items] == ["Document"] * 3


def test_reader_folders_skip_documentation_and_code(tmp_path) -> None:
    from marsad.ingest.reader import iter_files

    for name in ("a.txt", "b.html", "c.jsonl", "d.warc.gz", "README.md", "build.py", "e.bin"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    names = sorted(p.rsplit("/", 1)[-1] for p in iter_files([tmp_path]))
    assert names == ["a.txt", "b.html", "c.jsonl", "d.warc.gz", "e.bin"]
    assert list(iter_files([tmp_path / "README.md"])) == [str(tmp_path / "README.md")]
