"""Figure sources from the quotes they sit in and the bodies speakers speak for."""

from __future__ import annotations

from marsad.extract.document import extract_document
from marsad.model import Document

TEXT = (
    "وقال مدير المرصد السوري لحقوق الإنسان رامي الأحمد لوكالة الأنباء إن \"أكثر من 12 ألف "
    "مدني خرجوا من البلدة منذ الأحد\". وأضاف الأحمد أن 300 مقاتل ما زالوا داخل الأحياء "
    "الشرقية. وبحسب حصيلة جديدة للمرصد، قتل 40 شخصا في القصف. وقال والي المدينة اللواء "
    "سعيد الخالدي إن السلطات نقلت 500 أسرة إلى المدارس. وقالت وزارة الصحة إن 17 شخصا أصيبوا."
)


def _sources() -> dict[str, dict | None]:
    doc = Document(id="d1", text=TEXT, published="2024-05-02")
    return {f["text"]: f["source"] for f in extract_document(doc)["figures"]}


def test_a_quoted_figure_is_reported_by_the_body_its_speaker_speaks_for() -> None:
    sources = _sources()
    assert "المرصد" in sources["أكثر من 12 ألف"]["name"]


def test_a_later_surname_speaks_for_the_same_body() -> None:
    assert "المرصد" in _sources()["300"]["name"]


def test_a_count_named_after_its_body() -> None:
    source = _sources()["40"]
    assert source["name"] == "المرصد"
    assert TEXT[source["start"] : source["end"]] in ("للمرصد", "لمرصد")  # mention or cue phrase


def test_an_office_without_a_body_leaves_the_person() -> None:
    assert "الخالدي" in _sources()["500"]["name"]


def test_an_organisation_speaking_is_its_own_source() -> None:
    source = _sources()["17"]
    assert source["name"] == "وزارة الصحة"
    assert TEXT[source["start"] : source["end"]] == "وزارة الصحة"
