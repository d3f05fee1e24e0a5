"""Entities: known names through clitics, names from context, and merging of every spelling.

All sentences are written for these tests (invented people and places where the rule under
test must work without the gazetteer).
"""

from __future__ import annotations

import re

import pytest

from marsad.extract.entities import (
    Entity,
    extract_entities,
    extract_mentions,
    merge_entities,
)


def _found(text: str) -> set[tuple[str, str]]:
    return {(m.type, m.text) for m in extract_mentions("d", text)}


def _entity_with(entities: list[Entity], surface: str) -> Entity:
    hits = [e for e in entities if any(m.text == surface for m in e.mentions)]
    assert len(hits) == 1, f"{surface}: {[e.name for e in hits]}"
    return hits[0]


# --- known names, clitics stripped from the span --------------------------------------------

KNOWN = [
    ("تقدمت القوات بالباغوز صباح اليوم", ("GPE", "الباغوز")),
    ("اتصل الوزير بنظيره في بغداد ثم وواشنطن", ("GPE", "واشنطن")),
    ("سافر الوفد إلى واشنطن للمشاركة في الاجتماع", ("GPE", "واشنطن")),
    ("أعلنت قوات سوريا الديموقراطية السيطرة على الموقع", ("ORG", "قوات سوريا الديموقراطية")),
    ("رحبت قوات سوريا الديمقراطية بالخطوة", ("ORG", "قوات سوريا الديمقراطية")),
    ("نفت قسد صحة التقارير", ("ORG", "قسد")),
    ("دعت الأمم المتحدة إلى وقف القتال", ("ORG", "الأمم المتحدة")),
    ("تبنى تنظيم الدولة الإسلامية الهجوم", ("ORG", "تنظيم الدولة الإسلامية")),
    ("وصل الوفد إلى دمشق مساء الأحد", ("GPE", "دمشق")),
    ("تحدث المرصد السوري لحقوق الإنسان عن القصف", ("ORG", "المرصد السوري لحقوق الإنسان")),
    ("ولداعش خلايا نائمة في البادية", ("ORG", "داعش")),
]


@pytest.mark.parametrize(("text", "expected"), KNOWN)
def test_entities_known_names_match_through_clitics(text: str, expected: tuple) -> None:
    assert expected in _found(text)


def test_entities_clitic_left_out_of_the_span() -> None:
    text = "قصفت الطائرات بالباغوز وواشنطن تراقب"
    spans = {m.text: (m.start, m.end) for m in extract_mentions("d", text)}
    assert spans["الباغوز"] == (text.index("الباغوز"), text.index("الباغوز") + 7)
    assert spans["واشنطن"][0] == text.index("وواشنطن") + 1


# --- titles and roles -----------------------------------------------------------------------

TITLED = [
    ("قال الرئيس الأميركي دونالد ترامب إن بلاده لن تنسحب", "دونالد ترامب", None),
    ("أكد اللواء سمير قنديلو أن الوضع هادئ", "سمير قنديلو", "اللواء"),
    (
        "قال مدير المرصد السوري لحقوق الإنسان رامي عبد الرحمن إن القصف استمر",
        "رامي عبد الرحمن",
        "مدير المرصد السوري لحقوق الإنسان",
    ),
    (
        "وقال المتحدث باسم حملة قوات سوريا الديموقراطية في ريف الرقة عدنان عفرين إن المعارك "
        "مستمرة",
        "عدنان عفرين",
        "المتحدث باسم حملة قوات سوريا الديموقراطية في ريف الرقة",
    ),
    ("وقالت المتحدثة باسم الوزارة ويندي مارتن إن الزيارة أرجئت", "ويندي مارتن",
     "المتحدثة باسم الوزارة"),
    ("صرح وزير الخارجية الفرنسي جان إيف لودريان للصحفيين", "جان إيف لودريان", None),
    ("استقبل الشيخ منصور الزيداني الوفد", "منصور الزيداني", "الشيخ"),
    ("وقال والي الولاية اللواء الصادق حمدان إن المياه انحسرت", "الصادق حمدان",
     "والي الولاية اللواء"),
]


@pytest.mark.parametrize(("text", "name", "role"), TITLED)
def test_entities_title_gives_person_and_role(text: str, name: str, role: str | None) -> None:
    people = {m.text: m for m in extract_mentions("d", text) if m.type == "PER"}
    assert name in people, people
    if role is not None:
        assert people[name].description == role


# --- trigger nouns ------------------------------------------------------------------------

TRIGGERED = [
    ("أعلنت وزارة الدفاع الأميركية إرسال قوات", ("ORG", "وزارة الدفاع الأميركية")),
    ("نزحت العائلات من بلدة الزعفرانة نحو الشمال", ("GPE", "الزعفرانة")),
    ("نقلت العائلات إلى مخيم الهول شرق البلاد", ("FAC", "مخيم الهول")),
    ("اشتدت المعارك في مدينة دير الزور أمس", ("GPE", "دير الزور")),
    ("سيطرت القوات على حقل العمر النفطي بعد معارك", ("FAC", "حقل العمر النفطي")),
    ("أصدرت حركة أحرار الجبل الغربي بيانا", ("ORG", "حركة أحرار الجبل الغربي")),
    ("طالبت لجنة التحقيق الدولية المستقلة بالوصول", ("ORG", "لجنة التحقيق الدولية المستقلة")),
    ("عادت الأسر إلى قرية كفرنوران في ريف المحافظة", ("GPE", "كفرنوران")),
]


@pytest.mark.parametrize(("text", "expected"), TRIGGERED)
def test_entities_trigger_noun_phrases(text: str, expected: tuple) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    "text", ["دخلت قوات روسية إلى المنطقة", "نزح السكان من قرية صغيرة قرب الحدود"]
)
def test_entities_trigger_before_an_adjective_names_nothing(text: str) -> None:
    assert _found(text) == set()


# --- given names, reporting verbs, kunyas -------------------------------------------------

PEOPLE = [
    ("وصل كريستوفر ميلر إلى بغداد في زيارة مفاجئة", "كريستوفر ميلر", "given_name"),
    ("التقى شون باركر بالوفد الزائر", "شون باركر", "given_name"),
    ("ودافيد كوهين يزور المنطقة الأسبوع المقبل", "دافيد كوهين", "given_name"),
    ("وقال سمير قنديلو إن الاتفاق صامد", "سمير قنديلو", "cue"),
    ("أعلن أبو الحسن المهاجر مسؤولية التنظيم", "أبو الحسن المهاجر", "kunya"),
    ("بثت كلمة لأبي الحسن المهاجر مساء أمس", "أبي الحسن المهاجر", "kunya"),
    ("بايع المقاتلون أبا عمر الحلبي في المدينة", "أبا عمر الحلبي", "kunya"),
]


@pytest.mark.parametrize(("text", "name", "how"), PEOPLE)
def test_entities_people_from_context(text: str, name: str, how: str) -> None:
    people = {m.text: m.how for m in extract_mentions("d", text) if m.type == "PER"}
    assert name in people, people
    assert people[name] in (how, "cue", "given_name")


MORE_PEOPLE = [
    ("فاز الإيطالي ماركو بيلوتي على منافسه", "ماركو بيلوتي"),
    ("وأشار فيلدنكامب إلى أن المحادثات متعثرة", "فيلدنكامب"),
    ("وأشار الزيداني إلى أن المحادثات متعثرة", "الزيداني"),
    ("وقال جوناثان فيلدنكامب، المتحدث باسم البعثة، إن الوضع صعب", "جوناثان فيلدنكامب"),
    ("يتابع الأمير طلال بن عبد العزيز آل سعود أعماله", "طلال بن عبد العزيز آل سعود"),
    ("استقبل السيد عبد الرحمن محمد الفاضل الوفد", "عبد الرحمن محمد الفاضل"),
    ("وقال المدرب فولكمار هيرتسبرغ إن اللاعبين جاهزون", "فولكمار هيرتسبرغ"),
]


@pytest.mark.parametrize(("text", "name"), MORE_PEOPLE)
def test_entities_more_person_contexts(text: str, name: str) -> None:
    assert ("PER", name) in _found(text)


NOT_NAMES = [
    # (text, a surface that must not be found as an entity of any type)
    ("وافق علي تحمل الأعباء كلها", "علي تحمل"),
    ("حصل الفريق عليه بعد جهد", "عليه"),
    ("قال اللاعب طلب فيه حضوري", "طلب"),
    ("تحدث خلال السنة الماضية عن الأزمة", "السنة"),
    ("تعلم اللغة العربية في الجامعة", "العربية"),
    ("أكد الرئيس الأميركي دونالد ترامب ذلك", "الأميركي"),
    ("أكد مديرة قسم الشرق الأوسط أن التقرير جاهز", "قسم"),
    ("وصل كريستوفر ميلر تكريما للجنود", "كريستوفر ميلر تكريما"),
    ("وقال مصدر أمني إن الهجوم فشل", "مصدر أمني"),
    ("قال المدرب إن فريقه جاهز للمباراة", "فريقه جاهز"),
]


@pytest.mark.parametrize(("text", "surface"), NOT_NAMES)
def test_entities_common_words_are_not_names(text: str, surface: str) -> None:
    assert surface not in {found for _, found in _found(text)}


def test_entities_kunya_case_forms_share_one_key() -> None:
    text = "تحدث أبو الحسن المهاجر ثم خطبة لأبي الحسن المهاجر"
    keys = {m.key for m in extract_mentions("d", text) if m.type == "PER"}
    assert keys == {"ابو الحسن المهاجر"}


# --- merging --------------------------------------------------------------------------------

MERGED = [
    # (documents, two surfaces that must end up in one entity)
    (["أعلن أبو الحسن المهاجر البيعة. ونشرت كلمة لأبي الحسن المهاجر"],
     ("أبو الحسن المهاجر", "أبي الحسن المهاجر")),
    (["أعلنت قوات سوريا الديموقراطية الهجوم", "قالت قوات سوريا الديمقراطية إن"],
     ("قوات سوريا الديموقراطية", "قوات سوريا الديمقراطية")),
    (["أصدرت حركة أنصار الديموقراطية بيانا", "ردت حركة أنصار الديمقراطية على الاتهام"],
     ("حركة أنصار الديموقراطية", "حركة أنصار الديمقراطية")),
    (["قال الرئيس الأميركي دونالد ترامب إن الاتفاق سيئ. وأضاف ترامب أن بلاده ستنسحب"],
     ("دونالد ترامب", "ترامب")),
    (["وصل كريستوفر ميلر إلى بغداد. وقال ميلر إن الزيارة ناجحة"],
     ("كريستوفر ميلر", "ميلر")),
    (["تبنى تنظيم الدولة الإسلامية الهجوم. وقال التنظيم المتطرف إن مقاتليه قتلوا"],
     ("تنظيم الدولة الإسلامية", "التنظيم المتطرف")),
    (["تبنى تنظيم الدولة الإسلامية الهجوم. وفي بيان للتنظيم جاء أن"],
     ("تنظيم الدولة الإسلامية", "لتنظيم")),
    (["نفت قسد الخبر", "قالت قوات سوريا الديموقراطية إن"], ("قسد", "قوات سوريا الديموقراطية")),
    (["قال المتحدث باسم الحملة عدنان عفرين إن الهجوم صد. وأضاف عفرين أن"],
     ("عدنان عفرين", "عفرين")),
]


@pytest.mark.parametrize(("docs", "pair"), MERGED)
def test_entities_merge_variants_and_short_forms(docs: list[str], pair: tuple[str, str]) -> None:
    entities = extract_entities([(f"d{i}", t) for i, t in enumerate(docs)])
    first, second = (_entity_with(entities, s) for s in pair)
    assert first.id == second.id


def test_entities_surname_alone_in_another_document_joins_the_full_name() -> None:
    entities = extract_entities([
        ("a", "وصل كريستوفر ميلر إلى بغداد"),
        ("b", "وقال ميلر إن الزيارة ناجحة"),
    ])
    assert _entity_with(entities, "ميلر").id == _entity_with(entities, "كريستوفر ميلر").id


def test_entities_group_plural_and_dual_forms_merge() -> None:
    entities = extract_entities([("a", "سيطر الحوثيون على المدينة"), ("b", "هاجم الحوثيين")])
    assert _entity_with(entities, "الحوثيون").id == _entity_with(entities, "الحوثيين").id


def test_entities_person_and_city_sharing_a_word_stay_apart() -> None:
    text = (
        "قال المتحدث باسم الحملة عدنان عفرين إن القوات تقدمت. وأضاف عفرين أن المعارك في عفرين "
        "انتهت"
    )
    mentions = extract_mentions("d", text)
    afrin = [(m.type, m.start) for m in mentions if m.text == "عفرين"]
    assert afrin == [("PER", text.index("عفرين أن")), ("GPE", text.rindex("عفرين"))]
    entities = merge_entities(mentions)
    person = _entity_with(entities, "عدنان عفرين")
    assert [e.type for e in entities if e.name == "عفرين"] == ["GPE"]
    assert person.type == "PER"


def test_entities_city_in_another_document_is_not_the_person() -> None:
    entities = extract_entities([
        ("a", "قال المتحدث باسم الحملة عدنان عفرين إن الهجوم صد"),
        ("b", "تقدمت القوات التركية في عفرين"),
    ])
    assert _entity_with(entities, "عدنان عفرين").type == "PER"
    assert _entity_with(entities, "عفرين").type == "GPE"


def test_entities_person_named_like_an_island_stays_a_person() -> None:
    entities = extract_entities([
        ("a", "وقال جون بالي إن الشركة ستتوسع"),
        ("b", "قضى السياح عطلتهم في جزيرة بالي الإندونيسية"),
    ])
    person = _entity_with(entities, "جون بالي")
    [island] = [e for e in entities if e.name == "بالي"]
    assert person.type == "PER" and island.type in ("GPE", "LOC")
    assert person.id != island.id


def test_entities_short_form_after_place_preposition_stays_a_place() -> None:
    mentions = extract_mentions("d", "قال عدنان عفرين إن الوضع في عفرين هادئ")
    assert [m.type for m in mentions if m.text == "عفرين"] == ["GPE"]


# --- records, ids, order ----------------------------------------------------------------------

def test_entities_places_carry_coordinates() -> None:
    place = _entity_with(extract_entities([("a", "وصل الوفد إلى دمشق")]), "دمشق")
    assert place.lat is not None and place.lon is not None
    assert 32 < place.lat < 35 and 35 < place.lon < 38


def test_entities_ids_are_stable_and_order_deterministic() -> None:
    docs = [("a", "قال الرئيس الأميركي دونالد ترامب إن واشنطن ستدعم قوات سوريا الديموقراطية"),
            ("b", "وصل كريستوفر ميلر إلى دمشق")]
    first, second = extract_entities(docs), extract_entities(docs)
    assert [e.to_dict() for e in first] == [e.to_dict() for e in second]
    assert all(re.fullmatch(r"ent:[0-9a-f]{12}", e.id) for e in first)
    assert [e.name for e in first][:2] == ["دونالد ترامب", "واشنطن"]


def test_entities_to_dict_has_the_spec_shape() -> None:
    entity = extract_entities([("a", "قال الرئيس الأميركي دونالد ترامب إن")])[0]
    data = entity.to_dict()
    assert set(data) == {"id", "name", "type", "aliases", "mentions", "description", "lat", "lon"}
    assert data["mentions"][0] == {"doc": "a", "start": 20, "end": 32, "text": "دونالد ترامب"}
    assert data["type"] in {"PER", "ORG", "GPE", "LOC", "FAC", "NORP"}


OFFSET_TEXTS = [
    "قالَ الرئيسُ الأميركيُّ دونالد ترامب إنَّ واشنطنَ لن تنسحب من سوريا.",
    "وأعلنت «قوات سوريا الديموقراطية» السيطرة على بلدة الباغوز، وقال التنظيم المتطرف إن...",
    "\n\nنقلت العائلات إلى مخيم الهول؛ وقال أبو الحسن المهاجر: لا تراجع.\nوصل كريستوفر ميلر",
    "تبنى تنظيم الدولة الإسلامية الهجوم وجاء في بيان للتنظيم أن ولداعش خلايا",
]


@pytest.mark.parametrize("text", OFFSET_TEXTS)
def test_entities_every_mention_offset_points_at_its_text(text: str) -> None:
    mentions = extract_mentions("d", text)
    assert mentions
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.text == m.text.strip() and m.start < m.end
    entities = merge_entities(mentions)
    assert sum(len(e.mentions) for e in entities) == len(mentions)


def test_entities_empty_text_has_none() -> None:
    assert extract_mentions("d", "") == [] and extract_entities([]) == []


@pytest.mark.parametrize(
    ("text", "named", "back"),
    [
        ("وقالت وزارة الداخلية إن الوزارة ستعلن النتائج قريباً.", "وزارة الداخلية", "الوزارة"),
        ("ورحبت حركة حماس بالاتفاق وقالت الحركة إنها ستلتزم به.", "حركة حماس", "الحركة"),
    ],
)
def test_entities_definite_head_noun_refers_back_to_the_organisation(
    text: str, named: str, back: str
) -> None:
    [entity] = [e for e in extract_entities([("d", text)]) if e.name == named or named in e.aliases]
    assert back in {m.text for m in entity.mentions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وأعلنت الشرطة المصرية القبض على ثلاثة متهمين.", ["الشرطة المصرية"]),
        ("وقالت الحكومة العراقية إن الانتخابات ستجري في موعدها.", ["الحكومة العراقية"]),
        ("وقالت الحكومة المحلية إن المياه انحسرت عن الأحياء.", []),
    ],
)
def test_entities_a_definite_body_with_a_nationality_adjective_is_an_organisation(
    text: str, expected: list[str]
) -> None:
    found = [m.text for m in extract_mentions("d", text) if m.type == "ORG"]
    assert found == expected


# --- the coalition alone, and outlets told in quotes ------------------------------------------

def test_the_coalition_alone_is_a_body_of_its_own() -> None:
    entities = extract_entities([("d", "وشنت طائرات التحالف غارات على مواقع المسلحين")])
    assert [e.name for e in entities if e.type == "ORG"] == ["التحالف"]


def test_the_coalition_refers_to_the_coalition_named_before_or_after() -> None:
    text = ("وقصفت طائرات التحالف مواقع المسلحين. وقال التحالف الدولي في بيان إن الغارات "
            "دقيقة، ودعم التحالف تقدم القوات.")
    entities = extract_entities([("d", text)])
    coalition = _entity_with(entities, "التحالف الدولي")
    assert sum(m.text == "التحالف" for m in coalition.mentions) == 2


def test_the_coalition_refers_to_forces_named_by_it() -> None:
    text = "وتقدمت قوات التحالف نحو المدينة، ثم قصف التحالف مواقع المسلحين."
    entities = extract_entities([("d", text)])
    assert _entity_with(entities, "التحالف") is _entity_with(entities, "قوات التحالف")


def test_a_description_with_no_body_named_is_no_name() -> None:
    entities = extract_entities([("d", "وأكدت الوزارة أن الخدمات مستمرة")])
    assert entities == []


def test_a_quoted_name_after_la_is_the_outlet_told() -> None:
    entities = extract_entities([("d", "وقال المسؤول لـ«الشرق الأوسط» إن المفاوضات مستمرة")])
    assert [(e.type, e.name) for e in entities] == [("ORG", "الشرق الأوسط")]
    entities = extract_entities([("d", "وأوضح لـ«النبأ» أن المشروع تأخر")])
    assert [(e.type, e.name) for e in entities] == [("ORG", "النبأ")]


def test_a_place_outside_quotes_stays_a_place() -> None:
    entities = extract_entities([("d", "وتشهد منطقة الشرق الأوسط توترا متزايدا")])
    assert all(e.type != "ORG" for e in entities)


# --- a body named after its leader -------------------------------------------------------------


@pytest.mark.parametrize(("text", "person"), [
    ("انتقد النائب سياسات حكومة نوري المالكي خلال جلسة أمس", "نوري المالكي"),
    ("قال مصدر إن قوات الأسد قصفت الحي ليلاً", "الأسد"),
])
def test_a_body_named_after_a_known_leader_is_the_leader(text: str, person: str) -> None:
    found = _found(text)
    assert ("PER", person) in found
    assert not {t for t, s in found if t == "ORG" and person in s}


def test_a_body_named_after_a_leader_named_before_is_the_leader() -> None:
    text = ("قال اللواء منير الفاضلي إن الوضع صعب. "
            "وتقدمت قوات الفاضلي نحو الجسر صباح اليوم.")
    mentions = [m for m in extract_mentions("d", text) if m.text == "الفاضلي"]
    assert [m.type for m in mentions] == ["PER"]
    assert mentions[0].ref == "منير الفاضلي"


@pytest.mark.parametrize("text", [
    "تقدمت قوات سوريا الديمقراطية نحو البلدة",
    "أعلنت حكومة الوفاق الوطني خطة جديدة",
    "وقصفت قوات الفاضلي المواقع",  # no person of that name in the text
])
def test_a_body_not_named_after_a_known_person_stays_a_body(text: str) -> None:
    assert not {s for t, s in _found(text) if t == "PER"}


@pytest.mark.parametrize(("text", "name", "typ"), [
    ("وصل هاشمي رفسنجاني إلى المجلس", "هاشمي رفسنجاني", "PER"),
    ("وقال رفسنجاني إن الاتفاق مهم", "رفسنجاني", "PER"),
    ("رحب مجمع تشخيص مصلحة النظام بالقرار", "مجمع تشخيص مصلحة النظام", "ORG"),
    ("وقعت إيران الاتفاق مع السداسية الدولية في فيينا", "السداسية الدولية", "ORG"),
    ("قد يرفع مجلس الاحتياطي الاتحادي سعر الفائدة", "مجلس الاحتياطي الاتحادي", "ORG"),
])
def test_names_any_reader_of_gulf_news_meets(text: str, name: str, typ: str) -> None:
    assert (typ, name) in _found(text)


def test_a_surname_after_a_family_noun_is_the_family_not_a_person() -> None:
    found = _found("ونقل رامي مخلوف أمواله وأضاف أن عائلة مخلوف غادرت البلاد.")
    assert ("PER", "مخلوف") not in found and ("PER", "رامي مخلوف") in found


def test_a_surname_alone_elsewhere_is_still_the_person() -> None:
    assert ("PER", "مخلوف") in _found("ونقل رامي مخلوف أمواله وقال مخلوف إن الأمر انتهى.")


def test_a_unit_of_a_body_after_a_title_is_no_person() -> None:
    found = _found("وقالت سارة جونز نائبة رئيس قسم مكافحة الإرهاب إن التحقيق مستمر.")
    assert ("PER", "سارة جونز") in found
    assert not any("قسم" in text for _, text in found)
