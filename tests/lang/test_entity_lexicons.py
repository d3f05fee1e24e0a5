"""The entity lexicons: gazetteers of organisations, people and groups, titles, triggers, names."""

from __future__ import annotations

import pytest

from marsad.lang import _lines, load_table
from marsad.text.normalize import fold, light

# name -> (columns, minimum rows)
FILES = {
    "gaz_orgs.tsv": (3, 900),
    "gaz_people.tsv": (4, 500),
    "gaz_norp.tsv": (3, 250),
    "titles.tsv": (3, 250),
    "entity_triggers.tsv": (3, 120),
    "given_names.tsv": (2, 750),
}
GAZETTEERS = {"gaz_orgs.tsv": "ORG", "gaz_people.tsv": "PER", "gaz_norp.tsv": "NORP"}

# Surfaces that look like a preposition or conjunction attached to the article but are names.
CLITIC_LOOKALIKES = frozenset({
    "واللا", "فالح الفياض", "والتز", "فاليري غيراسيموف", "كالاس", "والي", "فالح", "فاليري",
    "والتر", "فالتر",
})
CLITIC_PREFIXES = ("بال", "لل", "وال", "فال", "كال")


def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    return load_table(name)


def _mapping(name: str) -> dict[str, str]:
    """fold(surface) -> canonical."""
    return {fold(row[0]): row[1] for row in _rows(name)}


@pytest.mark.parametrize("name", FILES)
def test_every_line_has_the_stated_columns(name: str) -> None:
    columns, _ = FILES[name]
    wrong = [line for line in _lines("ar", name) if len(line.split("\t")) != columns]
    assert wrong == [], f"{name}: lines without {columns} columns: {wrong[:5]}"
    assert all(all(col.strip() for col in row) for row in _rows(name))


@pytest.mark.parametrize("name", FILES)
def test_minimum_row_counts(name: str) -> None:
    _, minimum = FILES[name]
    assert len(_rows(name)) >= minimum


@pytest.mark.parametrize("name", FILES)
def test_first_column_is_light_and_keys_are_unique(name: str) -> None:
    seen: dict[str, str] = {}
    for row in _rows(name):
        entry = row[0]
        assert light(entry) == entry, entry
        key = fold(entry)
        assert key not in seen, f"{name}: {entry} shares a key with {seen[key]}"
        seen[key] = entry


@pytest.mark.parametrize("name", FILES)
def test_no_attached_preposition(name: str) -> None:
    clitic = [
        row[0] for row in _rows(name)
        if row[0].startswith(CLITIC_PREFIXES) and row[0] not in CLITIC_LOOKALIKES
    ]
    assert clitic == []


@pytest.mark.parametrize("name", GAZETTEERS)
def test_gazetteer_types_and_canonicals(name: str) -> None:
    rows = _rows(name)
    surfaces = {row[0] for row in rows}
    assert {row[2] for row in rows} == {GAZETTEERS[name]}
    orphans = sorted({row[1] for row in rows} - surfaces)
    assert orphans == [], f"{name}: canonicals not listed as a surface: {orphans[:5]}"
    assert all(light(row[1]) == row[1] for row in rows)


def test_people_have_a_role_shared_by_the_canonical() -> None:
    roles: dict[str, set[str]] = {}
    for _, canonical, _, role in _rows("gaz_people.tsv"):
        roles.setdefault(canonical, set()).add(role)
    assert all(len(r) == 1 for r in roles.values())


def test_title_kinds_and_implied_type() -> None:
    kinds = {row[1] for row in _rows("titles.tsv")}
    assert kinds == {"honorific", "rank", "office", "spokesperson", "profession"}
    assert {row[2] for row in _rows("titles.tsv")} == {"PER"}


def test_trigger_types_and_scopes() -> None:
    rows = _rows("entity_triggers.tsv")
    assert {row[1] for row in rows} <= {"PER", "ORG", "GPE", "LOC", "FAC", "NORP"}
    assert {row[2] for row in rows} == {"include", "exclude", "honoree", "front", "plural"}


def test_given_name_origins() -> None:
    rows = _rows("given_names.tsv")
    assert {row[1] for row in rows} == {"arabic", "foreign", "kurdish", "turkish", "persian"}
    counts: dict[str, int] = {}
    for _, origin in rows:
        counts[origin] = counts.get(origin, 0) + 1
    assert counts["arabic"] >= 500 and counts["foreign"] >= 250
    assert not any(row[0].startswith(("أبو ", "أبي ", "ابو ")) for row in rows)


ORG_CASES = [
    ("قسد", "قوات سوريا الديمقراطية"),
    ("قوات سوريا الديموقراطية", "قوات سوريا الديمقراطية"),
    ("داعش", "تنظيم الدولة الإسلامية"),
    ("تنظيم داعش", "تنظيم الدولة الإسلامية"),
    ("الدولة الإسلامية", "تنظيم الدولة الإسلامية"),
    ("الناتو", "حلف شمال الأطلسي"),
    ("أ ف ب", "وكالة فرانس برس"),
    ("فرانس برس", "وكالة فرانس برس"),
    ("اليونيسف", "منظمة الأمم المتحدة للطفولة"),
    ("أوتشا", "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية"),
    ("البنتاغون", "وزارة الدفاع الأميركية"),
    ("الخارجية الأمريكية", "وزارة الخارجية الأميركية"),
    ("الخارجية الروسية", "وزارة الخارجية الروسية"),
    ("المرصد السوري", "المرصد السوري لحقوق الإنسان"),
    ("الخوذ البيضاء", "الدفاع المدني السوري"),
    ("جبهة النصرة", "هيئة تحرير الشام"),
    ("أنصار الله", "جماعة أنصار الله"),
    ("حماس", "حركة حماس"),
    ("الجيش السوري", "الجيش العربي السوري"),
    ("الجيش العراقي", "الجيش العراقي"),
    ("الجامعة العربية", "جامعة الدول العربية"),
    ("مجلس الأمن", "مجلس الأمن الدولي"),
    ("وزارة الداخلية", "وزارة الداخلية"),
]


@pytest.mark.parametrize(("surface", "canonical"), ORG_CASES)
def test_org_variants(surface: str, canonical: str) -> None:
    assert _mapping("gaz_orgs.tsv")[fold(surface)] == canonical


PEOPLE_CASES = [
    ("ترامب", "دونالد ترامب"),
    ("ترمب", "دونالد ترامب"),
    ("بوتين", "فلاديمير بوتين"),
    ("أردوغان", "رجب طيب أردوغان"),
    ("إردوغان", "رجب طيب أردوغان"),
    ("الأسد", "بشار الأسد"),
    ("الجولاني", "أحمد الشرع"),
    ("نتانياهو", "بنيامين نتنياهو"),
    ("غوتيريش", "أنطونيو غوتيريش"),
    ("بيدرسن", "غير بيدرسن"),
    ("البغدادي", "أبو بكر البغدادي"),
    ("ماكرون", "إيمانويل ماكرون"),
    ("بايدن", "جو بايدن"),
    ("لافروف", "سيرغي لافروف"),
    ("السيسي", "عبد الفتاح السيسي"),
    ("بن سلمان", "محمد بن سلمان"),
    ("خامنئي", "علي خامنئي"),
    ("نصر الله", "حسن نصر الله"),
    ("حميدتي", "محمد حمدان دقلو"),
    ("أبو مازن", "محمود عباس"),
]


@pytest.mark.parametrize(("surface", "canonical"), PEOPLE_CASES)
def test_people_variants(surface: str, canonical: str) -> None:
    assert _mapping("gaz_people.tsv")[fold(surface)] == canonical


NORP_CASES = [
    ("الأمريكيون", "الأميركيون"),
    ("الأميركيين", "الأميركيون"),
    ("أمريكيون", "الأميركيون"),
    ("الكرد", "الأكراد"),
    ("كرد", "الأكراد"),
    ("الأيزيديون", "الإيزيديون"),
    ("الإيزيديين", "الإيزيديون"),
    ("المسيحيين", "المسيحيون"),
    ("الفلسطينيين", "الفلسطينيون"),
    ("فلسطيني", "الفلسطينيون"),
    ("السوريين", "السوريون"),
    ("الحوثيين", "الحوثيون"),
    ("الجهاديين", "الجهاديون"),
    ("العلويين", "العلويون"),
    ("الدروز", "الدروز"),
    ("الشيعة", "الشيعة"),
    ("التركمان", "التركمان"),
    ("الروس", "الروس"),
    ("العراقيين", "العراقيون"),
    ("المغاربة", "المغاربة"),
]


@pytest.mark.parametrize(("surface", "canonical"), NORP_CASES)
def test_norp_variants(surface: str, canonical: str) -> None:
    assert _mapping("gaz_norp.tsv")[fold(surface)] == canonical


def test_houthis_are_a_group_and_ansar_allah_an_organisation() -> None:
    assert fold("الحوثيون") in _mapping("gaz_norp.tsv")
    assert fold("الحوثيون") not in _mapping("gaz_orgs.tsv")
    assert fold("أنصار الله") not in _mapping("gaz_norp.tsv")


TITLE_CASES = [
    ("الرئيس", "office"), ("رئيس الوزراء", "office"), ("وزير الخارجية", "office"),
    ("وزيرة الدفاع", "office"), ("المبعوث الأممي", "office"), ("الأمين العام", "office"),
    ("المتحدث باسم", "spokesperson"), ("الناطقة باسم", "spokesperson"),
    ("اللواء", "rank"), ("العقيد الركن", "rank"), ("الفريق أول", "rank"), ("المشير", "rank"),
    ("الشيخ", "honorific"), ("آية الله", "honorific"), ("ولي العهد", "honorific"),
    ("د.", "honorific"), ("الصحافي", "profession"), ("الناشط", "profession"),
    ("المحامي", "profession"), ("السناتور", "office"),
]


@pytest.mark.parametrize(("title", "kind"), TITLE_CASES)
def test_titles(title: str, kind: str) -> None:
    kinds = {fold(row[0]): row[1] for row in _rows("titles.tsv")}
    assert kinds[fold(title)] == kind


TRIGGER_CASES = [
    ("بلدة", "GPE", "exclude"), ("مدينة", "GPE", "exclude"), ("محافظة", "GPE", "exclude"),
    ("قرية", "GPE", "exclude"), ("حي", "GPE", "exclude"), ("ريف", "LOC", "include"),
    ("منطقة", "LOC", "exclude"), ("نهر", "LOC", "include"),
    ("جبل", "LOC", "include"),
    ("صحراء", "LOC", "include"), ("مخيم", "FAC", "include"), ("معبر", "FAC", "include"),
    ("مطار", "FAC", "include"), ("سجن", "FAC", "include"), ("وزارة", "ORG", "include"),
    ("حركة", "ORG", "include"), ("قوات", "ORG", "include"), ("جامعة", "ORG", "include"),
    ("لواء", "ORG", "include"), ("صحيفة", "ORG", "include"),
]


@pytest.mark.parametrize(("trigger", "kind", "scope"), TRIGGER_CASES)
def test_triggers(trigger: str, kind: str, scope: str) -> None:
    table = {fold(row[0]): (row[1], row[2]) for row in _rows("entity_triggers.tsv")}
    assert table[fold(trigger)] == (kind, scope)


NAME_CASES = [
    ("محمد", "arabic"), ("أحمد", "arabic"), ("عدنان", "arabic"), ("مصطفى", "arabic"),
    ("فاطمة", "arabic"), ("عبد الله", "arabic"), ("نور الدين", "arabic"), ("زينب", "arabic"),
    ("كريستوفر", "foreign"), ("ويندي", "foreign"), ("شون", "foreign"), ("دافيد", "foreign"),
    ("ديفيد", "foreign"), ("جون", "foreign"), ("فلاديمير", "foreign"), ("إيمانويل", "foreign"),
    ("أنغيلا", "foreign"), ("هيلاري", "foreign"), ("كاوا", "kurdish"), ("أوزغور", "turkish"),
    ("داريوش", "persian"),
]


@pytest.mark.parametrize(("name", "origin"), NAME_CASES)
def test_given_names(name: str, origin: str) -> None:
    origins = {fold(row[0]): row[1] for row in _rows("given_names.tsv")}
    assert origins[fold(name)] == origin


def test_lexicons_do_not_list_ambiguous_common_words() -> None:
    names = {fold(row[0]) for row in _rows("given_names.tsv")}
    people = {fold(row[0]) for row in _rows("gaz_people.tsv")}
    for word in ("صباح", "مات", "غير", "بن", "سلام", "بيان"):
        assert fold(word) not in names
    for word in ("بري", "لولا", "مبارك"):
        assert fold(word) not in people
