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
    assert source["name"] in ("المرصد", "المرصد السوري لحقوق الإنسان")  # as written, or in full
    assert TEXT[source["start"] : source["end"]] in ("للمرصد", "لمرصد")  # mention or cue phrase


def test_an_office_without_a_body_leaves_the_person() -> None:
    assert "الخالدي" in _sources()["500"]["name"]


def test_an_organisation_speaking_is_its_own_source() -> None:
    source = _sources()["17"]
    assert source["name"] == "وزارة الصحة"
    assert TEXT[source["start"] : source["end"]] == "وزارة الصحة"


def _doc_sources(text: str) -> dict[str, str | None]:
    doc = Document(id="d2", text=text, published="2023-02-14")
    return {f["text"]: (f["source"] or {}).get("name") for f in extract_document(doc)["figures"]}


def test_a_described_company_is_its_full_name() -> None:
    sources = _doc_sources(
        "تراجعت أرباح شركة النور للصناعات الغذائية في الربع الثاني. وقالت الشركة في بيان لها "
        "إن صافي الربح بلغ 19 مليون ريال."
    )
    assert sources["19 مليون"] == "شركة النور للصناعات الغذائية"


def test_a_role_after_the_speakers_name_gives_the_body() -> None:
    sources = _doc_sources(
        "وقال سامي الراشد مدير مكتب الإحصاء في وزارة التخطيط للصحفيين: «بلغ عدد المواليد "
        "نحو 4200 طفل خلال الشهر»."
    )
    source = next(name for text, name in sources.items() if "4200" in text) or ""
    assert "وزارة التخطيط" in source or "مكتب الإحصاء" in source


def test_a_report_that_goes_on_keeps_its_reporter() -> None:
    sources = _doc_sources(
        "وأوضح مدير المستشفى الميداني في الهلال الأحمر أن الطواقم عالجت 320 جريحا. وأضاف أن "
        "الصيدلية صرفت 950 وصفة طبية خلال الأسبوع. وقال شاهد عيان إن 15 منزلا احترقت."
    )
    assert sources["950"] == sources["320"]
    assert sources["950"] is not None
    assert sources["15"] == "شاهد عيان"
