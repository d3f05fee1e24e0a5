"""Search: the same documents for a word with or without clitics, diacritics, alef variants."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.model import Document
from marsad.store import open_store

DOCS = {
    "a": "تقدمت القوات نحو بلدة الباغوز الواقعة على ضفة نهر الفرات بعد قصف عنيف.",
    "b": "وصل آلاف النازحين من بالباغوز إلى المخيم خلال الأسبوع الماضي.",
    "c": "ارتفعت أسعار الأرز في أسواق العاصمة بعد تراجع الواردات.",
    "d": "أعلنت إدارة المخيم <script>alert(1)</script> عن وصول دفعة جديدة من الباغوز.",
}


@pytest.fixture
def store(tmp_path: Path):
    s = open_store(tmp_path / "m.db")
    for doc_id, text in DOCS.items():
        s.add_document(Document(id=doc_id, text=text, content_hash=doc_id))
    yield s
    s.close()


@pytest.mark.parametrize("query", ["باغوز", "الباغوز", "بالباغوز", "وبالباغوز", "البَاغُوز"])
def test_search_finds_every_form_of_a_word(store, query: str) -> None:
    assert sorted(h.doc_id for h in store.search(query)) == ["a", "b", "d"]


def test_search_alef_variants_match(store) -> None:
    assert [h.doc_id for h in store.search("الارز")] == ["c"]


def test_search_all_words_must_match(store) -> None:
    assert sorted(h.doc_id for h in store.search("الباغوز المخيم")) == ["b", "d"]


def test_search_snippets_mark_matches_and_escape_markup(store) -> None:
    hit = next(h for h in store.search("الباغوز") if h.doc_id == "d")
    assert "<mark>الباغوز</mark>" in hit.snippet
    assert "<" not in hit.snippet.replace("<mark>", "").replace("</mark>", "")
    assert "&lt;/script&gt;" in hit.snippet


def test_search_empty_or_punctuation_query_finds_nothing(store) -> None:
    assert store.search("") == [] and store.search('"*()') == []
