"""Items in memory are read as the store reads them: by document, in (doc, start) order."""

from __future__ import annotations

from pathlib import Path

from marsad.model import Document
from marsad.store import open_store
from marsad.story.items import MemoryItems

ITEMS = {
    "figures": [
        {"id": "b:1", "doc": "b", "start": 3, "end": 5},
        {"id": "a:1", "doc": "a", "start": 1, "end": 2},
        {"id": "a:2", "doc": "a", "start": 7, "end": 9},
        {"id": "c:1", "doc": "c", "start": 0, "end": 4},
    ],
}


def test_items_memory_reads_the_documents_asked_for_in_document_order() -> None:
    source = MemoryItems(ITEMS)
    assert [i["id"] for i in source.iter_items("figures", ["c", "a"])] == ["a:1", "a:2", "c:1"]
    assert [i["id"] for i in source.iter_items("figures")] == ["b:1", "a:1", "a:2", "c:1"]
    assert list(source.iter_items("quotes", ["a"])) == []


def test_items_memory_hands_out_the_items_themselves() -> None:
    source = MemoryItems(ITEMS)
    next(source.iter_items("figures", ["b"]))["entity"] = "e1"
    assert ITEMS["figures"][0].pop("entity") == "e1"


def test_items_memory_and_store_give_the_same_order(tmp_path: Path) -> None:
    with open_store(tmp_path / "m.db") as store:
        for doc in ("a", "b", "c"):
            store.add_document(Document(id=doc, text="نص", content_hash=doc))
            store.save_results(doc, {"figures": [i for i in ITEMS["figures"]
                                                 if i["doc"] == doc]}, "1")
        for ids in (["c", "a"], ["b"], None):
            stored = [i["id"] for i in store.iter_items("figures", ids)]
            memory = [i["id"] for i in MemoryItems(ITEMS).iter_items("figures", ids or "abc")]
            assert stored == memory


def test_items_spooled_read_back_in_order_and_by_id(tmp_path: Path) -> None:
    from marsad.story.items import SpooledItems

    events = [{"id": f"e{n}", "text": "قصف «البلدة»\n", "value": n / 3, "none": None,
               "mentions": [{"doc": "a", "start": n}]} for n in range(5)]
    spool = SpooledItems(tmp_path)
    spool.extend(events[:2])
    spool.extend(events[2:])
    assert len(spool) == 5 and "e3" in spool and "e9" not in spool
    in_order = spool.in_order()
    assert next(in_order) == events[0]
    assert spool["e4"] == events[4]  # a lookup between reads does not lose the place
    assert list(in_order) == events[1:]
    spool.close()
    assert list(tmp_path.iterdir()) == []  # nothing left behind
