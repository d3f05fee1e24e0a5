"""The SQLite store: migrations, idempotent writes, one transaction per document."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from marsad.errors import StoreError
from marsad.model import Document, Rejected
from marsad.store import open_store
from marsad.store.migrations import MIGRATIONS


def _doc(doc_id: str, text: str = "قصفت الطائرات البلدة فجر الأحد", **kw: object) -> Document:
    return Document(id=doc_id, text=text, content_hash=f"hash-{doc_id}", **kw)  # type: ignore[arg-type]


def test_db_new_database_is_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    with open_store(tmp_path / "sub" / "m.db") as store:
        assert store.schema_version == len(MIGRATIONS)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_db_reopening_keeps_data_and_version(tmp_path: Path) -> None:
    with open_store(tmp_path / "m.db") as store:
        store.add_document(_doc("a", title="عنوان"))
    with open_store(tmp_path / "m.db") as store:
        assert store.schema_version == len(MIGRATIONS)
        stored = store.get_document("a")
        assert stored is not None and stored.title == "عنوان"


def test_db_adding_the_same_document_twice_adds_it_once(tmp_path: Path) -> None:
    with open_store(tmp_path / "m.db") as store:
        assert store.add_document(_doc("a")) is True
        assert store.add_document(_doc("a")) is False
        assert store.count_documents() == 1


def test_db_documents_round_trip_every_field(tmp_path: Path) -> None:
    doc = _doc(
        "x1", title="ت", source="منفذ", url="https://e.example.org/1", published="2024-03-02",
        published_origin="metadata", path="in/x.txt", format="txt", encoding="utf-8",
        language="ar", duplicate_of="x0",
    )
    with open_store(tmp_path / "m.db") as store:
        store.add_document(doc)
        assert store.get_document("x1") == doc
        assert [d.id for d in store.documents(["x1", "missing"])] == ["x1"]


def test_db_save_results_replaces_a_documents_items(tmp_path: Path) -> None:
    with open_store(tmp_path / "m.db") as store:
        store.add_document(_doc("a"))
        store.save_results("a", {"times": [{"id": "t1", "start": 0, "end": 4}]}, "v1")
        store.save_results("a", {"times": [{"id": "t2", "start": 5, "end": 9}]}, "v1")
        assert [t["id"] for t in store.items("times", ["a"])] == ["t2"]
        assert store.is_analysed("a", "v1") and not store.is_analysed("a", "v2")


def test_db_failed_write_leaves_earlier_results_intact(tmp_path: Path) -> None:
    with open_store(tmp_path / "m.db") as store:
        store.add_document(_doc("a"))
        store.save_results("a", {"times": [{"id": "t1", "start": 0, "end": 4}]}, "v1")
        duplicate_ids = {"times": [{"id": "t9", "start": 0}, {"id": "t9", "start": 1}]}
        with pytest.raises(sqlite3.IntegrityError):
            store.save_results("a", duplicate_ids, "v2")
        assert [t["id"] for t in store.items("times")] == ["t1"]
        assert store.is_analysed("a", "v1")


def test_db_hash_lookup_finds_stored_copies(tmp_path: Path) -> None:
    with open_store(tmp_path / "m.db") as store:
        store.add_document(_doc("b"))
        store.add_document(_doc("a", ))
        assert store.ids_with_hashes(["hash-a", "hash-zzz"]) == {"hash-a": "a"}


def test_db_runs_record_rejected_inputs(tmp_path: Path) -> None:
    with open_store(tmp_path / "m.db") as store:
        run = store.start_run()
        store.add_rejected(run, Rejected("bad.txt", "empty file (0 bytes)"))
        store.finish_run(run, documents=0, rejected=1)
        row = store.conn.execute("SELECT documents, rejected FROM runs WHERE id=?", (run,))
        assert row.fetchone() == (0, 1)


def test_db_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "not.db"
    bogus.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a usable marsad database"):
        open_store(bogus)


def test_db_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this marsad"):
        open_store(path)


def _open_and_add(path: str, doc_id: str, ready: Any) -> None:
    ready.wait()  # all processes open the new database at the same moment
    with open_store(path) as store:
        store.add_document(_doc(doc_id))


def test_db_many_processes_creating_one_database_at_once_all_succeed(tmp_path: Path) -> None:
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    for attempt in range(3):
        path = str(tmp_path / f"new-{attempt}.db")
        ready = context.Barrier(8)
        procs = [context.Process(target=_open_and_add, args=(path, f"d{n}", ready))
                 for n in range(8)]
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join(timeout=120)
        assert [proc.exitcode for proc in procs] == [0] * 8
        with open_store(path) as store:
            assert store.count_documents() == 8
            assert store.schema_version == len(MIGRATIONS)


def test_db_items_are_read_a_page_at_a_time_and_counted(tmp_path: Path) -> None:
    with open_store(tmp_path / "m.db") as store:
        for doc_id in ("a", "b"):
            store.add_document(_doc(doc_id, text=f"نص الوثيقة {doc_id}"))
            store.save_results(doc_id, {"quotes": [
                {"id": f"{doc_id}{n}", "doc": doc_id, "start": n, "end": n + 1}
                for n in (2, 0, 1)]}, "1")
        assert [i["id"] for i in store.iter_items("quotes", limit=2, offset=2)] == ["a2", "b0"]
        assert [i["id"] for i in store.iter_items("quotes", ["b"], limit=5)] == \
            ["b0", "b1", "b2"]
        assert store.count_items("quotes") == 6
        assert store.count_items("quotes", ["b", "none"]) == 3
        assert store.count_items("quotes", []) == 0
