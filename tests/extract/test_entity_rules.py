"""The structural entity rules: club names in sports reports, names after a royal title
inside a trigger phrase, and the و cut off short known names.

All sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from marsad.extract.entities import extract_mentions
from marsad.extract.entity_rules import sports_report
from marsad.extract.entity_words import words_of


def _found(text: str) -> set[tuple[str, str]]:
    return {(m.type, m.text) for m in extract_mentions("d", text)}


# --- club names are read in sports reports only ---------------------------------------------

SPORT = "وأنهى المدرب تدريبات الفريق قبل المباراة الودية، "


@pytest.mark.parametrize(("sentence", "club"), [
    ("وفاز النصر على الاتفاق بهدفين.", "النصر"),
    ("وانتقل اللاعب من الخليج إلى التعاون.", "التعاون"),
    ("ويلتقي الفيصلي مع الرائد مساء الجمعة.", "الفيصلي"),
])
def test_club_names_are_organisations_in_a_sports_report(sentence: str, club: str) -> None:
    assert ("ORG", club) in _found(SPORT + sentence)


def test_club_names_are_common_words_outside_sport() -> None:
    found = _found("وحقق الجيش النصر بعد أن وقع الطرفان الاتفاق في الخليج.")
    assert ("ORG", "النصر") not in found and ("ORG", "الاتفاق") not in found
    assert ("LOC", "الخليج") in found


def test_a_longer_known_name_wins_over_a_club_name() -> None:
    found = _found(SPORT + "وقدمت منظمة الهلال الأحمر الإسعافات للاعب.")
    assert ("ORG", "الهلال") not in found


def test_a_club_named_after_its_city_is_the_club_only_in_sport() -> None:
    assert ("ORG", "روما") in _found(SPORT + "وتغلب روما على ضيفه بهدف نظيف.")
    assert ("GPE", "روما") in _found("ووصل الوزير إلى روما في زيارة رسمية تستمر يومين.")


# --- known names that are also common words, and names known by their surname ------------------

def test_a_city_that_is_a_common_word_is_named_only_in_a_place_context() -> None:
    assert ("GPE", "الخبر") in _found("وافتتح الأمير مشروعا سكنيا جديدا في الخبر أمس.")
    assert ("GPE", "مالي") in _found("وانتشرت القوات الفرنسية في مالي منذ سنوات.")
    found = _found("وأكد المتحدث صحة الخبر وقال إن الشركة تلقت دعم مالي كبير.")
    assert {text for _, text in found}.isdisjoint({"الخبر", "مالي"})


@pytest.mark.parametrize(("sentence", "name", "etype"), [
    ("وقال شيراك في مؤتمره الصحفي إن بلاده ترفض الحرب.", "شيراك", "PER"),
    ("ونشرت صحيفة عن حياة نجيب محفوظ وأعماله.", "نجيب محفوظ", "PER"),
    ("أعلنت شركة اتحاد اتصالات موبايلي أرباحها الفصلية.", "شركة اتحاد اتصالات موبايلي", "ORG"),
    ("ورفعت وكالة موديز تصنيف المصارف المحلية.", "وكالة موديز", "ORG"),
])
def test_names_every_reader_knows_are_found(sentence: str, name: str, etype: str) -> None:
    assert (etype, name) in _found(sentence)


def test_sports_report_needs_three_sports_words() -> None:
    assert sports_report(words_of("سجل اللاعب هدفا في المباراة"))
    assert not sports_report(words_of("عقد المجلس اجتماعه في النادي"))


# --- places and bodies named after a royal or honorific title --------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("هبطت الطائرة في مطار الأمير نايف بن عبدالعزيز الدولي مساء أمس",
     ("FAC", "مطار الأمير نايف بن عبدالعزيز الدولي")),
    ("نقل المصاب إلى مستشفى الملك فيصل التخصصي في العاصمة",
     ("FAC", "مستشفى الملك فيصل التخصصي")),
    ("وقع مركز الملك سلمان للإغاثة والأعمال الإنسانية اتفاقية جديدة",
     ("ORG", "مركز الملك سلمان للإغاثة والأعمال الإنسانية")),
    ("تخرج الطالب في جامعة الأمير سطام بن عبدالعزيز هذا العام",
     ("ORG", "جامعة الأمير سطام بن عبدالعزيز")),
])
def test_trigger_with_a_royal_title_takes_the_whole_name(text: str, expected: tuple) -> None:
    found = _found(text)
    assert expected in found
    assert not any(t == "PER" for t, _ in found)  # the honoree is no separate person


def test_a_title_after_a_trigger_without_a_name_is_no_name() -> None:
    found = _found("زار وفد من مستشفى الملك أمس")
    assert not any(text.startswith("مستشفى الملك") for _, text in found)


def test_a_title_inside_a_name_does_not_start_a_person() -> None:
    found = _found("افتتح مركز الملك سلمان للإغاثة فرعا جديدا في المدينة")
    assert not any(t == "PER" for t, _ in found)


# --- short names behind و --------------------------------------------------------------------

def test_waw_is_cut_off_a_short_known_name() -> None:
    found = _found("خرجت مظاهرات في البصرة، وذي قار، والنجف")
    assert ("GPE", "ذي قار") in found


def test_a_word_starting_with_waw_stays_whole_when_the_rest_is_unknown() -> None:
    found = _found("سار الموكب في وادي الدواسر ثم ووري الثرى")
    assert any(text == "وادي الدواسر" for _, text in found)


def test_vicinity_is_no_ocean() -> None:
    found = _found("انفجرت عبوة في محيط المجمع الحكومي وسط المدينة")
    assert not any(t == "LOC" for t, _ in found)


# --- bodies named by a definite head and an institutional adjective --------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("وأصدرت الإدارة العامة للمرور تعليمات جديدة للسائقين", "الإدارة العامة للمرور"),
    ("وتمكن المكتب المركزي للأبحاث الزراعية من تطوير البذور", "المكتب المركزي للأبحاث الزراعية"),
    ("وتشرف الحملة الوطنية الكويتية على توزيع المساعدات", "الحملة الوطنية الكويتية"),
    ("وتبرعت الجمعية الخيرية لرعاية الأيتام بالمبلغ", "الجمعية الخيرية لرعاية الأيتام"),
])
def test_a_definite_head_with_an_institutional_adjective_names_a_body(
    text: str, expected: str
) -> None:
    assert ("ORG", expected) in _found(text)


@pytest.mark.parametrize("text", [
    "وعقدت اللجنة الوطنية اجتماعها الدوري",  # no ل-phrase, no nationality: a description
    "وقالت الحكومة المحلية إن الطرق مغلقة",
    "وأكدت الإدارة الجديدة للنادي أنها ستدعم الفريق",
])
def test_a_definite_head_with_another_adjective_stays_a_common_noun(text: str) -> None:
    assert not any(t == "ORG" for t, _ in _found(text))


def test_a_body_name_does_not_run_on_into_a_weekday() -> None:
    found = _found("وأعلنت الإدارة العامة للجمارك الخميس ضبط الشحنة")
    assert ("ORG", "الإدارة العامة للجمارك") in found


# --- homographs and the first word after a trigger -------------------------------------------

def test_al_qaeda_is_not_a_base_with_its_adjective() -> None:
    assert not any(t == "ORG" for t, _ in _found("واستهدف القصف القاعدة الجوية شمال البلاد"))
    assert ("ORG", "القاعدة") in _found("وتبنت القاعدة الهجوم على الموكب")


@pytest.mark.parametrize(("text", "expected"), [
    ("نزل الوفد في فندق القصيبية وسط المدينة", ("FAC", "فندق القصيبية")),
    ("نقل الجرحى إلى مستشفى الحمادي في العاصمة", ("FAC", "مستشفى الحمادي")),
])
def test_an_unknown_nisba_after_a_facility_trigger_is_its_name(text: str, expected: tuple) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize("text", [
    "واجتمع الأهالي في مبنى البلدية القديم",  # a trigger noun with the article: no name
    "وتوجه الفريق إلى معسكر خارجي قبل الموسم",  # an indefinite adjective
    "وتضم الصالة منطقة استرخاء للمسافرين",  # a verbal noun
    "ورفعت ميليشيات الحوثي الحصار",  # a known group stays the group
])
def test_no_facility_or_body_starts_with_an_adjective_or_a_verbal_noun(text: str) -> None:
    assert not any(t in ("FAC", "LOC", "ORG") for t, _ in _found(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("أقيم الملتقى في قاعة الأمير فيصل للمؤتمرات", ("FAC", "قاعة الأمير فيصل للمؤتمرات")),
    ("افتتحت حديقة الملك عبدالله العالمية أبوابها", ("FAC", "حديقة الملك عبدالله العالمية")),
    ("يسكن المصاب في حي الملك فهد شمال المدينة", ("GPE", "حي الملك فهد")),
    ("وزع مجمع الملك فهد لطباعة المصحف الشريف نسخا جديدة",
     ("FAC", "مجمع الملك فهد لطباعة المصحف الشريف")),
])
def test_a_noun_with_a_royal_title_and_name_names_a_place(text: str, expected: tuple) -> None:
    found = _found(text)
    assert expected in found and not any(t == "PER" for t, _ in found)


def test_an_honoree_only_noun_alone_is_a_common_noun() -> None:
    assert _found("وعقد اللقاء في قاعة المؤتمرات الكبرى بالفندق") == set()


def test_an_economic_sector_is_no_place() -> None:
    assert _found("وتراجع مؤشر قطاع التأمين في السوق") == set()
    assert ("GPE", "قطاع غزة") in _found("وصلت المساعدات إلى قطاع غزة")


def test_a_royal_name_stops_before_an_adjective() -> None:
    assert ("FAC", "حديقة الملك فهد") in _found("وتعد حديقة الملك فهد متخصصة في النباتات")


def test_a_short_indefinite_nisba_after_a_trigger_is_no_name() -> None:
    assert _found("ويضم الفريق جهاز فني جديد") == set()


def test_a_facility_named_after_a_lineage_name_without_a_title() -> None:
    found = _found("يقع المحل في شارع سلمان بن ربيعة بحي النزهة")
    assert ("FAC", "شارع سلمان بن ربيعة") in found
    assert not any(t == "PER" for t, _ in found)


@pytest.mark.parametrize("text", [
    "وتم الدفع عن طريق تطبيق ذكي",  # by means of, not a road
    "وأدى البطولة ممثل شاب",  # و + أدى, not وادي
])
def test_idioms_and_hamza_words_are_no_trigger(text: str) -> None:
    assert _found(text) == set()


# --- a plural nisba after a noun is an adjective, unless it names a movement -----------------


@pytest.mark.parametrize("text", [
    "أصيب عشرة مواطنين سعوديين في حادث سير",
    "استقبل الميناء عمالاً مصريين صباح اليوم",
])
def test_an_indefinite_plural_nisba_after_a_noun_is_no_group(text: str) -> None:
    assert not {s for t, s in _found(text) if t == "NORP"}


@pytest.mark.parametrize(("text", "group"), [
    ("وصل إلى المطار ثلاثة سعوديين قادمين من القاهرة", "سعوديين"),
    ("اشترى التاجر البضاعة من إيرانيين في الميناء", "إيرانيين"),
    ("كان بين الركاب سعوديون وكويتيون", "سعوديون"),
    ("هاجم المتمردون الحوثيون موقعاً حدودياً", "الحوثيون"),
])
def test_a_counted_or_governed_plural_nisba_and_a_movement_are_groups(
        text: str, group: str) -> None:
    assert ("NORP", group) in _found(text)


def test_a_front_before_a_lone_place_is_where_fighting_is_not_a_body() -> None:
    found = _found("وتشكل جبهة حلب ساحة رئيسية للمعارك منذ أشهر.")
    assert ("GPE", "حلب") in found and not any(t == "ORG" for t, _ in found)
    assert ("ORG", "جبهة تحرير الجنوب") in _found("وأعلنت جبهة تحرير الجنوب مسؤوليتها.")


def test_a_plural_facility_noun_names_only_a_known_place() -> None:
    assert not any(t == "FAC" for t, _ in _found("وتعمل المنظمات في مخيمات النزوح قرب المدينة."))
    assert ("FAC", "مخيمات تندوف") in _found("وعاد اللاجئون من مخيمات تندوف أمس.")


@pytest.mark.parametrize(("text", "expected"), [
    ("نزح السكان من بلدة باكورا إلى الشمال.", ("GPE", "باكورا")),
    ("وصل الوفد إلى مدينة لندن صباحا.", ("GPE", "لندن")),
    ("وفرّ المدنيون إلى بلدة كامبو القريبة.", ("GPE", "كامبو")),
])
def test_a_place_name_that_starts_like_a_preposition_is_read_whole(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize("text", [
    "وهي مدينة كبرى في الجنوب.",
    "وتقع المزرعة في منطقة بين الواديين.",
    "واستقر في مدينة كبيرة قرب الساحل.",
])
def test_an_adjective_or_preposition_after_a_place_noun_is_no_name(text: str) -> None:
    assert not any(t == "GPE" for t, _ in _found(text))


def test_a_word_in_ya_after_a_feminine_place_noun_is_a_name() -> None:
    assert ("GPE", "كوندوري") in _found("ووقع الانفجار في مدينة كوندوري صباح الأحد.")


def test_a_word_in_ya_after_a_masculine_facility_noun_is_an_adjective() -> None:
    assert not any(t == "FAC" for t, _ in _found("ونقل المعتقلون إلى معسكر خارجي."))


def test_an_unknown_indefinite_plural_after_a_trigger_is_no_name() -> None:
    assert not any(t == "ORG" for t, _ in _found("وقالت أكبر شركة مشروبات في البلاد إنها ستتوسع."))


def test_a_facility_named_after_a_body_is_the_facility() -> None:
    found = _found("وصلى المصلون في مسجد قوات الأمن الخاصة يوم الجمعة.")
    assert ("FAC", "مسجد قوات الأمن الخاصة") in found


def test_the_building_of_a_body_is_the_body() -> None:
    found = _found("وزار المدير مبنى إدارة النقل المدرسي أمس.")
    assert not any(t == "FAC" for t, _ in found)


def test_a_known_surname_after_a_title_is_the_person() -> None:
    assert ("PER", "العبادي") in _found("وأعلن رئيس الوزراء العبادي خطة جديدة للإصلاح.")


def test_a_nationality_makes_a_body_of_a_country_that_no_plural_lists() -> None:
    found = _found("وفاز المنتخب الغاني على منافسه، بينما انسحبت القوات البولندية.")
    assert {("ORG", "المنتخب الغاني"), ("ORG", "القوات البولندية")} <= found


def test_the_kingdom_alone_is_saudi_arabia_but_not_before_another_name() -> None:
    found = _found("وأشاد الوفد بدور المملكة، وزار المملكة المتحدة والمملكة المغربية.")
    assert {("GPE", "المملكة"), ("GPE", "المملكة المتحدة"), ("GPE", "المملكة المغربية")} <= found


def test_a_count_with_a_hamza_alif_is_no_article_before_a_people() -> None:
    assert ("NORP", "اليمنيين") in _found("ويقيم آلاف اليمنيين في المدينة منذ سنوات.")


def test_a_people_after_a_definite_plural_noun_is_its_adjective() -> None:
    found = _found("وقال المسؤول للصحافيين الأتراك إن المفاوضات مستمرة، وإن الأتراك يرحبون بها.")
    assert [t for t, s in found if s == "الأتراك"] == ["NORP"]
    assert _mentions_of("الأتراك", "وقال المسؤول للصحافيين الأتراك إن المفاوضات مستمرة.") == 0


@pytest.mark.parametrize("text", [
    "وأقام الحفل في عدة مدن الجنوب.",
    "وزار المحافظ قرى الشمال النائية.",
    "وأعلنت إمارة المنطقة استعدادها للموسم.",
])
def test_a_direction_or_description_after_a_place_noun_is_no_place(text: str) -> None:
    assert not any(t == "GPE" for t, _ in _found(text))


def test_a_body_of_the_region_stays_a_body() -> None:
    assert ("ORG", "أمانة المنطقة") in _found("وأشاد الأمير بجهود أمانة المنطقة في تجهيز المواقع.")


def _mentions_of(surface: str, text: str) -> int:
    return sum(m.text == surface for m in extract_mentions("d", text, crf=False))


def test_a_royal_named_town_noun_with_a_facility_adjective_is_a_facility() -> None:
    found = _found("وأقيمت المباراة في مدينة الأمير نايف الرياضية، ثم زار الوفد حي الملك فهد.")
    assert {("FAC", "مدينة الأمير نايف الرياضية"), ("GPE", "حي الملك فهد")} <= found


def test_a_preposition_after_a_definite_place_noun_starts_no_name() -> None:
    assert not any(t == "GPE" for t, _ in _found("وتعرضت أحياء في العاصمة لتفجيرين أمس."))


def test_a_spelling_variant_of_a_short_one_word_name_is_no_match() -> None:
    assert not any(t == "GPE" for t, _ in _found("وسجلت المخالفات على المركبات المملوكة للشركة."))


def test_a_common_nisba_after_a_feminine_place_noun_describes_the_noun_before() -> None:
    assert not any(t == "GPE" for t, _ in _found("وتجول الزوار في مركز مدينة تاريخي قديم."))


def test_a_nationality_after_an_indefinite_noun_describes_it() -> None:
    for text in ("تم القبض على صياد مصري في البحر.", "وأعلن أن ثلاثة صحافيين إسبان فقدوا.",
                 "وقال مسؤول أميركي إن الهجوم فشل."):
        assert not _found(text), text
    assert ("NORP", "فلسطيني") in _found("وهجر نحو مليون فلسطيني من قراهم.")
    assert ("NORP", "يمنيين") in _found("وقتل ثلاثة يمنيين في القصف.")


def test_a_participle_of_closeness_ends_the_name_after_a_trigger() -> None:
    text = "أغلقت السلطات صحيفة النجمة المقربة من الحكومة."
    found = {(m.type, m.text) for m in extract_mentions("d", text, crf=False)}
    assert ("ORG", "صحيفة النجمة") in found


@pytest.mark.parametrize("text,body", [
    ("وأعلنت الشؤون الصحية بمنطقة تبوك بدء الحملة.", "الشؤون الصحية بمنطقة تبوك"),
    ("وأوضحت الإدارة العامة للتعليم بمنطقة الجوف أن الدوام يبدأ غدا.",
     "الإدارة العامة للتعليم بمنطقة الجوف"),
])
def test_a_body_with_bi_and_its_region_is_one_name(text: str, body: str) -> None:
    found = {(m.type, m.text) for m in extract_mentions("d", text, crf=False)}
    assert ("ORG", body) in found
    assert not any(t == "GPE" for t, _ in found)


@pytest.mark.parametrize("text", [
    "ويهتم المجلس بالشؤون الصحية للمواطنين.",
    "وعرضت الحملة الإعلانية بتبوك أمس.",
])
def test_affairs_or_a_campaign_without_a_region_name_no_body(text: str) -> None:
    found = {(m.type, m.text) for m in extract_mentions("d", text, crf=False)}
    assert not any(t == "ORG" for t, _ in found)


def _typed(text: str) -> set[tuple[str, str]]:
    return {(m.type, m.text) for m in extract_mentions("d", text)}


@pytest.mark.parametrize(("sentence", "people"), [
    ("وقتل ثمانية عشر حوثياً في الاشتباك الأخير.", "حوثياً"),
    ("وأعلنت المقاومة مقتل «12» حوثي قرب الجبل.", "حوثي"),
    ("وساعدت الجمعية السوريين في المخيمات طوال الشتاء.", "السوريين"),
])
def test_a_counted_or_plural_nisba_noun_is_a_people(sentence: str, people: str) -> None:
    assert ("NORP", people) in _typed(sentence)


@pytest.mark.parametrize("sentence", [
    "وكرمت الجامعة الطلاب السوريين المتفوقين.",
    "وزار الطلبة السوريين المعرض أمس.",
    "وتحدث الوزير عن السياسة الخارجية المصرية في المؤتمر.",
])
def test_a_nisba_after_the_noun_it_describes_is_no_name(sentence: str) -> None:
    assert not any(t in ("NORP", "ORG") for t, _ in _typed(sentence))


def test_a_nisba_body_that_opens_its_clause_is_named() -> None:
    assert ("ORG", "الخارجية المصرية") in _typed("وأكدت الخارجية المصرية أن الوفد وصل.")


def test_the_regime_with_its_nationality_is_a_body() -> None:
    assert ("ORG", "النظام السوري") in _typed("وقصف النظام السوري المدينة فجراً.")
