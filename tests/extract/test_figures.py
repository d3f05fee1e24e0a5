"""Figures: unit and category on the phrase table, reporters, dates and the SPEC shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.extract.figures import Figure, extract_figures
from marsad.model import Span

PUBLISHED = "2019-03-10"
TABLE = Path(__file__).parent / "data" / "number_phrases.tsv"


def load_rows() -> list[list[str]]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def score_units(rows: list[list[str]]) -> tuple[float, list[str]]:
    """Share of rows whose figure has the expected unit and category (NONE rows: no figure)."""
    good, failures = 0, []
    for sentence, span, *_, unit, category in rows:
        figures = extract_figures("t", sentence, PUBLISHED)
        if span == "NONE":
            good += not figures
            if figures:
                failures.append(f"{sentence}: expected none, got {[f.text for f in figures]}")
            continue
        hits = [f for f in figures if f.text == span]
        want = (None if unit == "-" else unit, category)
        if len(hits) == 1 and (hits[0].unit, hits[0].category) == want:
            good += 1
        else:
            got = [(f.text, f.unit, f.category) for f in figures]
            failures.append(f"{sentence}: got {got}, want {want}")
    return good / len(rows), failures


def test_figures_table_unit_and_category_accuracy() -> None:
    accuracy, failures = score_units(load_rows())
    print(f"unit+category accuracy: {accuracy:.4f}")
    for failure in failures:
        print("FAIL", failure)
    assert accuracy >= 0.85


def test_figures_spans_match_text_for_every_row() -> None:
    for row in load_rows():
        for f in extract_figures("t", row[0], PUBLISHED):
            assert row[0][f.start : f.end] == f.text
            if f.source_span:
                assert row[0][f.source_span[0] : f.source_span[1]]


@pytest.mark.parametrize(
    ("sentence", "unit", "category"),
    [
        ("سقط 30 قتيلا في الغارة", "قتيل", "killed"),
        ("قتل 3 جنود في الكمين", "جندي", "killed"),
        ("نشر الجيش 3 آلاف جندي", "جندي", "troops"),
        ("يضم الفصيل 500 مقاتل", "مقاتل", "fighters"),
        ("قتل 5 وأصيب 10 آخرون", None, "killed"),
        ("يقطنها 20 ألف نسمة", "نسمة", "population"),
        ("تبلغ مساحتها 40 كيلومترا مربعا", "كيلومتر مربع", "area"),
        ("استعاد 500 كلم2 من الأراضي", "كيلومتر مربع", "area"),
        ("بلغت 5 ملايين دولار", "دولار", "money"),
        ("ارتفعت البطالة 12 في المئة", "%", "percent"),
        ("دمرت 14 مدرسة في قصف", "مدرسة", "other"),
        ("اعتقل عشرات المتظاهرين", "متظاهر", "arrested"),
        ("فر 2000 من المدنيين", "مدني", "displaced"),
    ],
)
def test_figures_unit_and_category_rules(sentence: str, unit: str | None, category: str) -> None:
    f = extract_figures("d", sentence, PUBLISHED)[0]
    assert (f.unit, f.category) == (unit, category)


def test_figures_closest_trigger_wins_per_number() -> None:
    figures = extract_figures("d", "قتل 5 أشخاص وأصيب 10 آخرون في القصف", PUBLISHED)
    assert [(f.value, f.category) for f in figures] == [(5, "killed"), (10, "injured")]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("قتل 30 مدنيا من الجيب", "مدني"),
        ("قتل 12 عنصرا من التنظيم", "عنصر من التنظيم"),
        ("نزح 300 شخص", "شخص"),
        ("بلغت 40 في المئة", None),
        ("ارتفعت الحصيلة إلى 87", None),
    ],
)
def test_figures_subject(sentence: str, subject: str | None) -> None:
    assert extract_figures("d", sentence, PUBLISHED)[0].subject == subject


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("بحسب المرصد السوري لحقوق الإنسان، قتل 30 مدنيا.", "المرصد السوري لحقوق الإنسان"),
        ("وأحصت الأمم المتحدة نزوح 39 ألف شخص.", "الأمم المتحدة"),
        ("قال المتحدث باسم الدفاع المدني إن 12 شخصا قتلوا.", "المتحدث باسم الدفاع المدني"),
        ("وفقا للأمم المتحدة، نزح 300 ألف شخص.", "الأمم المتحدة"),
        ("وفقاً لمنظمة الصحة العالمية أصيب 40 شخصا.", "منظمة الصحة العالمية"),
        ("نقلا عن مصادر محلية قتل 5 جنود.", "مصادر محلية"),
        ("قتل 12 جنديا وفق ما أعلنت وزارة الدفاع.", "وزارة الدفاع"),
        ("قتل 4 أشخاص بحسب ما أفاد مسؤول محلي لوكالة فرانس برس.", "مسؤول محلي"),
        ("وقالت وزارة الصحة الأحد إن 9 أشخاص قتلوا.", "وزارة الصحة"),
        ("أعلنت الشرطة توقيف 22 شخصا.", "الشرطة"),
        ("قتل 30 مدنيا في القصف.", None),
        ("وقال إن 30 مدنيا قتلوا.", None),
    ],
)
def test_figures_source(sentence: str, source: str | None) -> None:
    f = extract_figures("d", sentence, PUBLISHED)[0]
    assert f.source_name == source
    if source:
        assert f.source_span is not None
        assert sentence[f.source_span[0] : f.source_span[1]].endswith(source.split()[-1])


def test_figures_as_of_published_yesterday_and_override() -> None:
    text = "قتل 5 أشخاص أمس. ونزح 300 شخص منذ أيام."
    figures = extract_figures("d", text, PUBLISHED)
    assert [f.as_of for f in figures] == ["2019-03-09", PUBLISHED]
    figures = extract_figures("d", text, PUBLISHED, sentence_dates={1: "2019-02-01"})
    assert [f.as_of for f in figures] == ["2019-03-09", "2019-02-01"]
    assert extract_figures("d", text, None)[0].as_of is None


@pytest.mark.parametrize(
    ("sentence", "since"),
    [
        ("نزح 39 ألف شخص منذ مطلع ديسمبر", "2018-12"),
        ("نزح 39 ألف شخص منذ يناير", "2019-01"),
        ("قتل 370 ألف شخص منذ العام 2011", "2011"),
        ("نزح 500 شخص منذ آذار 2017", "2017-03"),
        ("نزح 500 شخص خلال الأسبوع", None),
    ],
)
def test_figures_since_local(sentence: str, since: str | None) -> None:
    assert extract_figures("d", sentence, PUBLISHED)[0].since == since


def test_figures_since_resolver_is_used() -> None:
    seen: list[str] = []

    def resolver(phrase: str) -> str | None:
        seen.append(phrase)
        return "2018-12-01"

    text = "نزح 39 ألف شخص منذ مطلع ديسمبر"
    f = extract_figures("d", text, PUBLISHED, since_resolver=resolver)[0]
    assert f.since == "2018-12-01"
    assert seen and seen[0].startswith("منذ مطلع ديسمبر")


def test_figures_to_dict_shape_and_integers() -> None:
    text = "بحسب الأمم المتحدة نزح 39 ألف شخص، وارتفعت الأسعار 99,5 في المئة."
    dicts = [f.to_dict() for f in extract_figures("doc1", text, PUBLISHED)]
    assert set(dicts[0]) == {
        "id", "doc", "start", "end", "text", "value", "low", "high", "qualifier", "unit",
        "category", "subject", "source", "as_of", "since", "part_of",
    }
    assert dicts[0]["value"] == 39000 and isinstance(dicts[0]["value"], int)
    source = dicts[0]["source"]
    assert source == {"entity": None, "name": "الأمم المتحدة", "start": 5, "end": 18}
    assert text[source["start"] : source["end"]] == "الأمم المتحدة"  # the span links the entity
    assert dicts[0]["id"] == f"doc1:fig:{dicts[0]['start']}"
    assert dicts[1]["value"] == 99.5 and dicts[1]["source"] is None or dicts[1]["source"]


def test_figures_given_sentences_and_diacritics_keep_offsets() -> None:
    text = "قُتِلَ خَمْسَةُ أشخاصٍ. ونزح ٢٤ ألفاً من السكان."
    spans = [Span(0, 22), Span(23, len(text))]
    figures = extract_figures("d", text, PUBLISHED, spans)
    assert [f.text for f in figures] == ["خَمْسَةُ", "٢٤ ألفاً"]
    assert [f.category for f in figures] == ["killed", "displaced"]
    for f in figures:
        assert isinstance(f, Figure) and text[f.start : f.end] == f.text


def test_figures_vague_some_without_count_is_dropped() -> None:
    assert extract_figures("d", "زار الوزير عدد من الدول", PUBLISHED) == []
    kept = extract_figures("d", "اعتقلت الشرطة عدد من الناشطين", PUBLISHED)
    assert kept[0].category == "arrested"


def test_figures_empty_text() -> None:
    assert extract_figures("d", "", PUBLISHED) == []
    assert extract_figures("d", "لا أرقام هنا", PUBLISHED) == []


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("وأفاد «المرصد السوري لحقوق الإنسان» أمس، بمقتل سبعة", "المرصد السوري لحقوق الإنسان"),
        ("وأكد المرصد السوري سقوط أكثر من 160 قذيفة", "المرصد السوري"),
        ("قدرت الإعانة بحوالى 1.8 مليار ريال", None),
        ("وقال للصحفيين إن 30 شخصا قتلوا", None),
    ],
)
def test_figures_source_regressions(sentence: str, source: str | None) -> None:
    assert extract_figures("d", sentence, PUBLISHED)[0].source_name == source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("وقالت بعثة الإغاثة إن 40 شخصا أصيبوا", "بعثة الإغاثة"),  # ب of the root
        ("وذكرت لجنة الطوارئ أن 25 منزلا تضررت", "لجنة الطوارئ"),  # ل of the root
        ("سجلت وزارة الصحة 18 حالة جديدة", "وزارة الصحة"),  # a body records
        ("وسجل المهاجم خالد العمري ثلاثة أهداف", None),  # a player scores
        ("وسجل المؤشر العام ارتفاعا بنسبة 2%", None),  # an index moves
        ("قتل 12 شخصا، فيما أفاد شهود بأن المسلحين فروا", None),  # another report
        ("قتل 12 شخصا، بحسب مصادر طبية", "مصادر طبية"),
    ],
)
def test_figures_source_cue_kinds(sentence: str, source: str | None) -> None:
    assert extract_figures("d", sentence, PUBLISHED)[0].source_name == source


def test_figures_a_clause_that_goes_on_takes_the_report_and_its_day() -> None:
    text = ("وقالت المنظمة في تقرير لها أمس إن 60% من الضحايا مدنيون. وإنه في الأشهر الستة "
            "قتل 900 شخص. مؤكدة مقتل 70 طفلا.")
    figures = {f.text: f for f in extract_figures("d", text, PUBLISHED)}
    assert figures["900"].source_name == figures["60%"].source_name == "المنظمة"
    assert figures["900"].as_of == figures["60%"].as_of == "2019-03-09"
    assert figures["70"].source_name == "المنظمة"
    assert figures["70"].as_of == PUBLISHED  # said on its own, not in the clause of أمس


def test_figures_percent_has_no_unit_in_analysis_json() -> None:
    figure = extract_figures("d", "تراجعت الأرباح بنسبة 12%", PUBLISHED)[0]
    assert figure.to_dict()["unit"] is None
    assert figure.category == "percent"


def test_figures_bracketed_count_and_label() -> None:
    got = [f.text for f in extract_figures("d", "فحصت الحملة (45) منزلا خلال الأسبوع (12) من عملها",
                                            PUBLISHED)]
    assert got == ["45"]


def test_figures_a_participle_cue_names_no_reporter() -> None:
    text = "وقال مدير الجمعية إن التبرعات زادت. مؤكدا ارتفاع الإيرادات بنسبة 12%."
    figure = extract_figures("d", text, PUBLISHED)[0]
    assert figure.source_name == "مدير الجمعية"  # the report goes on; not «ارتفاع الإيرادات»
    assert extract_figures("d", "جاء فيه أن 30 شخصا قتلوا", PUBLISHED)[0].source_name is None
