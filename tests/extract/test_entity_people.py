"""The person rules: names in lists, definite family names closed by punctuation, lineage
names after a cue, given names that are common words.

All names and sentences are invented for these tests. They test the rules alone (crf=False):
the CRF (`crf=True`) makes its own decisions (tests/extract/test_entity_crf.py).
"""

from __future__ import annotations

import pytest

from marsad.extract.entities import extract_mentions


def _found(text: str) -> set[tuple[str, str]]:
    return {(m.type, m.text) for m in extract_mentions("d", text, crf=False)}


def test_unknown_items_of_a_list_of_names_are_persons() -> None:
    found = _found("وشارك في المران: ماهر الزيداني، كوفاتشو، بلانيس، سامي الغامدي.")
    assert {("PER", "كوفاتشو"), ("PER", "بلانيس")} <= found


def test_a_list_of_places_does_not_become_persons() -> None:
    found = _found("وامتدت الاحتجاجات إلى بغداد، والبصرة، وقرطاجنة الصغرى، والنجف.")
    assert not any(t == "PER" for t, _ in found)


def test_a_list_with_one_person_is_not_a_list_of_names() -> None:
    found = _found("وحضر ماهر الزيداني، ممثلون، مراقبون، وصحافيون.")
    assert ("PER", "ممثلون") not in found and ("PER", "مراقبون") not in found


def test_a_definite_family_name_closed_by_punctuation() -> None:
    found = _found("وضمت القائمة أيضا فهد الرميحان، وآخرين من الفريق.")
    assert ("PER", "فهد الرميحان") in found


def test_a_definite_noun_after_a_given_name_runs_on_without_punctuation() -> None:
    found = _find_people("وكان حسن الجوار أساس العلاقة بين البلدين")
    assert found == set()


def _find_people(text: str) -> set[str]:
    return {m.text for m in extract_mentions("d", text, crf=False) if m.type == "PER"}


def test_a_lineage_name_after_a_cue_keeps_its_family_name() -> None:
    assert "سالم بن فهد الرويلي" in _find_people("وأوضح سالم بن فهد الرويلي أن العمل مستمر")


def test_a_common_word_given_name_needs_a_family_nisba() -> None:
    assert _find_people("فيما شهد منفذ الحدود حركة كثيفة") == set()
    assert _find_people("في بيئة آمنة خالية من المخاطر") == set()
    assert "شهد المطيري" in _find_people("وحصلت شهد المطيري على الجائزة")


def test_a_deposed_leader_named_by_his_epithet() -> None:
    assert "زياد" in _find_people("وقالت المصادر إن قوات المخلوع زياد، انسحبت من المدينة")
    assert _find_people("وقالت المصادر إن أنصار الرئيس المخلوع، انسحبوا من المدينة") == set()


def test_a_definite_surname_alone_before_an_is_the_person_named_before() -> None:
    text = "وقال الدكتور نايف الرميان إن العمل مستمر. وبين الرميان أن الفرق جاهزة"
    assert "الرميان" in _find_people(text)


def test_a_definite_surname_alone_without_a_person_context_is_left_alone() -> None:
    text = "وقال الدكتور نايف الرميان إن العمل مستمر. وزار الرميان الموقع أمس"
    assert _find_people(text) == {"نايف الرميان"}


def test_a_list_item_of_others_or_a_nationality_is_no_name() -> None:
    found = _find_people("وغاب عن المران: ماهر الزيداني، سامي الغامدي، وآخرين، والعماني.")
    assert "آخرين" not in found and "العماني" not in found


def test_a_given_name_that_heads_an_idafa_is_no_name_before_punctuation() -> None:
    assert _find_people("وزار الوفد رياض الأطفال، والمدارس الابتدائية") == set()


def test_a_lineage_name_does_not_take_a_plural_after_it() -> None:
    assert "نواف بن سعد" in _find_people("وكرم الأمير نواف بن سعد الفائزين بالجائزة")


def test_a_given_name_before_a_place_after_a_cue_is_a_post() -> None:
    found = _find_people("وقال أمين الطائف المهندس سامي بن فهد الحربي أمين عام اللجنة إن")
    assert "أمين" not in found
    assert "سامي بن فهد الحربي" in found


def test_a_name_stops_before_an_indefinite_profession_noun() -> None:
    found = _find_people("ويضم الجهاز الفني سامي الحربي مدرب اللياقة ومحمد رياض أخصائي العلاج")
    assert found == {"سامي الحربي", "محمد رياض"}


def test_a_word_with_alif_maqsura_after_a_cue_is_no_family_nisba() -> None:
    assert _find_people("وغادر المستشفى أمس بعد العملية") == set()
    assert _find_people("وأشار الزهراني إلى أهمية المشروع") == {"الزهراني"}


def test_a_quoted_name_after_a_title() -> None:
    assert "سامي العتيبي" in _find_people('وواصل اللاعب "سامي العتيبي" برنامجه التأهيلي')
    assert _find_people('وقال الوزير "إن العمل مستمر"') == set()


def test_a_name_after_a_person_noun() -> None:
    assert "رهف" in _find_people("وتعرضت الطفلة رهف لإصابة طفيفة")
    assert "عايض الشهراني" in _find_people("وقال المواطن عايض الشهراني إن الطريق مغلق")
    assert _find_people("وقال المواطن إن الخدمة جيدة") == set()


def test_a_noun_phrase_after_a_profession_noun_is_no_name() -> None:
    assert _find_people("ويعمل أخصائي علم الاجتماع في المستشفى") == set()
    assert _find_people("وتظهر على الطفل سمات شخصية واضحة") == set()
    assert _find_people("واعترف المتهم بارتكاب الجريمة أمس") == set()


def test_a_known_place_before_a_preposition_ends_a_name_after_a_title() -> None:
    text = ("وقال مدير المكتب الإعلامي للحزب مصطفى بالي على فيسبوك إن الاجتماع تأجل. "
            "وأوضح بالي أن السبب تقني.")
    found = _found(text)
    assert ("PER", "مصطفى بالي") in found
    assert ("PER", "بالي") in found and ("LOC", "بالي") not in found


def test_a_place_after_its_preposition_stays_a_place() -> None:
    found = _found("وقال الرئيس هادي في عدن إن الحكومة باقية.")
    assert ("GPE", "عدن") in found and ("PER", "هادي عدن") not in found


def test_a_possessed_or_counted_noun_after_a_cue_or_title_is_no_name() -> None:
    assert not any(t == "PER" for t, _ in _found("كما دعا أنصاره إلى التظاهر أمام المبنى."))
    found = _found('ودعا المتحدث باسم الحركة "جنود الحركة" إلى التحرك.')
    assert not any(t == "PER" for t, _ in found)
    assert ("PER", "أبو محمد") in _found('وقال المتحدث باسم الحركة "أبو محمد" إن الهدنة صامدة.')


def test_an_organisation_head_noun_is_no_family_name_even_before_punctuation() -> None:
    found = _found("ومني الحزب، الذي تأسس في العام 1990، بخسارة كبيرة.")
    assert not any(t == "PER" for t, _ in found)


def test_the_word_after_a_foreign_first_name_is_its_family_name_whatever_its_shape() -> None:
    assert ("PER", "دافيد يوبنك") in _found("وقال الطبيب دافيد يوبنك من منظمة إغاثية إن الوضع صعب.")
    assert ("PER", "ويندي تايوبر") in _found("وقالت المديرة ويندي تايوبر إن الوضع صعب.")


def test_now_and_a_clitic_word_are_no_foreign_first_names() -> None:
    found = _found("وقال الوزير إن الحكومة الآن يجب أن تقرر، في بيان لها.")
    assert not any(t == "PER" for t, _ in found)


def test_a_groups_nisba_after_a_given_name_is_a_family_name() -> None:
    found = _find_people("وقال عبدالملك الحوثي في كلمة مسجلة إن المعارك مستمرة.")
    assert found == {"عبدالملك الحوثي"}


def test_a_groups_nisba_without_a_given_name_stays_the_group() -> None:
    found = _found("وتقدمت ميليشيات الحوثي نحو المدينة.")
    assert ("NORP", "الحوثي") in found and not any(t == "PER" for t, _ in found)


def test_ali_written_with_ya_opens_a_lineage_name() -> None:
    found = _find_people("واستقبل المحافظ علي بن سالم المطيري في مكتبه.")
    assert found == {"علي بن سالم المطيري"}


def test_ala_typed_as_ali_before_a_noun_is_no_name() -> None:
    assert _find_people("وحصل علي جائزة كبيرة في الحفل.") == set()


@pytest.mark.parametrize(("text", "name"), [
    ("ويلعب المدافع إلى جانب البولندي زيمالا في الخط الخلفي.", "زيمالا"),
    ("وأوصى المدرب الروماني بيلوني بالتعاقد مع مهاجم.", "بيلوني"),
    ("وانضم إلى التدريبات والفنزويلي خوليو ماتا.", "خوليو ماتا"),
])
def test_a_nationality_used_as_a_noun_names_the_person_after_it(text: str, name: str) -> None:
    assert name in _find_people(text)


@pytest.mark.parametrize("text", [
    "وقصف الجيش السوري مواقع المسلحين.",
    "وشن الطيران الروسي غارات جديدة.",
    "وأرسلت ميليشيات الحوثي شاحنات إلى الجبهة.",
    "وشارك تحالف بقيادة السعودية دعما للحكومة.",
    "والتقى الوزير نظيره التركي في العاصمة.",
])
def test_a_nationality_as_an_adjective_names_no_person(text: str) -> None:
    assert _find_people(text) == set()


@pytest.mark.parametrize("text", [
    "لكن الوزارة نفت ارتكاب أي تجاوزات.",
    "ودعا الأمين العام جميع الأطراف إلى الحوار.",
    "وأعلنت الحكومة انسحاب القوات من المنطقة.",
])
def test_verbal_nouns_and_quantifiers_after_a_cue_or_title_are_no_names(text: str) -> None:
    assert _find_people(text) == set()


def test_an_office_held_in_a_place_leads_to_the_name() -> None:
    found = _find_people("وقال رئيس بعثة المنظمة في اليمن ماتياس كورنر في بيان إن الوضع صعب.")
    assert found == {"ماتياس كورنر"}


def test_a_preposition_after_an_office_with_no_place_ends_the_role() -> None:
    assert _find_people("وقال المدير في الاجتماع إن الخطة جاهزة.") == set()


@pytest.mark.parametrize("text", [
    "وقال سموه لدى استقباله المواطنين إن الأبواب مفتوحة.",
    "وعبر الأهالي عن سعادتهم بقدوم سموه إلى المحافظة.",
])
def test_an_honorific_with_a_pronoun_is_no_name(text: str) -> None:
    assert _find_people(text) == set()


@pytest.mark.parametrize(("text", "name"), [
    ("وقال عبد العزيز الجميلي إن الحملة مستمرة.", "عبد العزيز الجميلي"),
    ("والتقى عبد الرحمن الشهري بالوفد في الصباح.", "عبد الرحمن الشهري"),
])
def test_abd_and_a_definite_word_are_a_given_name_written_apart(text: str, name: str) -> None:
    assert _find_people(text) == {name}


@pytest.mark.parametrize("text", [
    "وهو عبد مأمور لا يملك القرار.",
    "وزار عبد الله المريض في المستشفى.",
])
def test_abd_without_a_family_name_or_cue_is_no_name(text: str) -> None:
    assert _find_people(text) == set()


@pytest.mark.parametrize("text", [
    "وقال إن الياباني أكثر الناس التزاما بالمواعيد.",
    "وجدد اللاعب عقده مع ناديه الفرنسي رافضا العرض الجديد.",
])
def test_an_elative_or_participle_after_a_nationality_is_no_name(text: str) -> None:
    assert _find_people(text) == set()


def test_a_surname_after_spoke_of_is_the_person_not_the_town() -> None:
    found = _found("وقال المتحدث باسم الشرطة سامر عفرين عن الحادث إنه وقع. "
                   "وتحدث عفرين عن وجود أنفاق.")
    assert ("PER", "عفرين") in found and ("GPE", "عفرين") not in found


def test_a_title_before_a_preposition_and_its_noun_names_no_one() -> None:
    assert not any(t == "PER" for t, _ in _found("ونقل تمنياته للرئيس بموفور الصحة والعافية."))


def test_a_title_before_a_foreign_name_starting_like_a_preposition_still_names_it() -> None:
    assert ("PER", "برونو كاستيلو") in _found("وصل اللاعب برونو كاستيلو إلى النادي.")


def test_a_short_surname_after_a_title_is_the_person_named_before() -> None:
    found = _found("افتتح الحفل المايسترو سامي نور. وذكر المايسترو نور أن الفرقة جاهزة.")
    assert ("PER", "نور") in found


def test_a_short_surname_with_no_title_stays_a_common_word() -> None:
    found = _found("افتتح الحفل المايسترو سامي نور. وأضاء نور المسرح القاعة.")
    assert ("PER", "نور") not in found


def test_media_outlets_after_a_reporting_verb_are_no_person() -> None:
    assert not any(t == "PER" for t, _ in _found("وأكدت وسائل إعلامية محلية أن الطريق أغلق."))
