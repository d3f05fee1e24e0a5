"""The main happening of a sentence: which trigger types it, when several or none fire."""

from __future__ import annotations

import pytest

from marsad.extract.event_types import sentence_type
from marsad.text.tokens import tokenize_sentences


def _type(sentence: str, names: list[str] | None = None) -> str:
    [(_, tokens)] = tokenize_sentences(sentence)
    spans = [(sentence.index(n), sentence.index(n) + len(n)) for n in names or []]
    return sentence_type(tokens, sentence, spans).type


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # shelling with no aircraft is ground fire; an aircraft makes it an air strike
        ("وقصفت المدفعية مواقع المسلحين في الجبل.", "attack"),
        ("وقصف طيران التحالف مواقع المسلحين في الجبل.", "strike"),
        # an attack whose subject is an aircraft is an air strike, by gunmen it is not
        ("وهاجمت مروحيتان قافلة للمسلحين قرب الحدود.", "strike"),
        ("وهاجم مسلحون قافلة للجيش قرب الحدود.", "attack"),
    ],
)
def test_event_types_air_or_ground(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an attack as subject and its toll as predicate: the deaths are the news
        ("وقالت الشرطة إن انفجاراً في السوق أسفر عن مقتل ستة أشخاص.", "casualties"),
        ("الهجوم على الحاجز أسفر عن 12 قتيلاً.", "casualties"),
        # an attack carried out by someone stays the happening, its toll an aside
        ("ونفذ المسلحون هجوماً على الحاجز، أسفر عن مقتل جنديين.", "attack"),
        # deep in what was said, a toll after a verb of outcome is told
        ("وأضاف المسؤول أن حريقاً شب في المخزن الكبير وأسفر عن مقتل ثلاثة عمال.",
         "casualties"),
        # but a death an opinion is about is not
        ("وقال الوزير إن الحكومة تأسف كثيراً لمقتل المدنيين في الحادث.", "statement"),
    ],
)
def test_event_types_toll_after_a_verb_of_outcome(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a taking of ground in a relative clause describes the road
        ("وتقع البلدة قرب الطريق الذي سيطر عليه المسلحون الشهر الماضي.", "other"),
        ("وسيطر المسلحون على الطريق الذي يربط البلدتين.", "capture"),
        # the dead told in a relative clause are the news
        ("وقالت الوزارة إن الأشخاص الذين قتلوا في الحادث كانوا مدنيين.", "casualties"),
    ],
)
def test_event_types_relative_clause_is_background(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a denied opening clause names nothing that happened
        ("ولم تحدد الشرطة موعد الهجوم على المخبأ.", "statement"),
        ("كما لم يكشف الجيش عن عدد القتلى في صفوفه.", "statement"),
        # the clause after the comma still reports
        ("ولم يكشف الجيش عن هوية القتيل، لكن مصدراً محلياً قال إن جندياً قتل.", "casualties"),
        # a trigger right after لم/لن did not happen; without the negation it did
        ("وقال الرجل إن العائلة لم تتمكن من إنقاذ أثاث البيت.", "statement"),
        ("وأنقذت فرق الدفاع المدني خمسة أشخاص من السيول.", "humanitarian"),
    ],
)
def test_event_types_negation(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a stance on a deed (ندد، أدان) with no أن-clause is words about it
        ("ونددت الجامعة العربية بالهجوم الذي استهدف المسجد.", "statement"),
        ("ودافع الوزير عن قرار الحكومة أمام البرلمان.", "statement"),
        # proposals, pledges, disowning words: words, not deeds, though a decision follows
        ("واقترح الوزير أن تقرر اللجنة موعد الانتخابات.", "statement"),
        ("وتنصلت الوزارة من تصريحات مديرها السابق.", "statement"),
        # the deed a pledge is about stays the news when it is told first
        ("وهاجم مسلحون القرية بعد أن تعهد قائدهم بالانتقام.", "attack"),
        # with an أن-clause what was said decides
        ("واتهمت الحكومة المتمردين بأنهم هاجموا المسجد فجراً.", "attack"),
    ],
)
def test_event_types_stance(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a report of a deed that is neither violence nor words tells a happening
        ("وأعلنت الشركة أنها أكملت طرح الصكوك في السوق المحلية.", "other"),
        ("وأعلنت الشركة أن أرباحها سترتفع في الربع المقبل.", "statement"),
        # such a deed is weak: a need told after it types the sentence
        ("وافتتحت الوزارة مستشفى ميدانياً ووزعت أدوية على الأسر.", "humanitarian"),
    ],
)
def test_event_types_deeds_that_are_other(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # after a verb of undergoing, لـ marks the attack met, not a purpose
        ("وتعرضت دورية الشرطة لهجوم قرب الحدود.", "attack"),
        ("وتحشد القوات جنودها لتحرير المدينة.", "other"),
    ],
)
def test_event_types_undergoing_is_no_purpose(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


def test_event_types_trigger_inside_an_organisation_name_names_nothing() -> None:
    sentence = "وشارك أعضاء من جبهة التحرير الشعبية في الاجتماع."
    assert _type(sentence) == "capture"
    assert _type(sentence, names=["جبهة التحرير الشعبية"]) == "other"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a call for aid tells a need; a call for surrender names nothing that happened
        ("ودعا المحافظ المنظمات إلى توفير الخيام والغذاء للأسر، مشيراً إلى أن الوضع صعب.",
         "humanitarian"),
        ("ودعا القائد المسلحين إلى الاستسلام قبل نهاية الأسبوع.", "statement"),
    ],
)
def test_event_types_appeals(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a reporting verb in a relative clause is no report, nor a statement
        ("وكان الاتفاق الذي أعلن في العاصمة ينص على الإفراج عن الأسرى.", "other"),
        ("وأعلن الوزير الاتفاق في العاصمة.", "statement"),
        # damage told in what was said is a happening, not an opinion
        ("وأضاف أن عشرات المنازل باتت مدمرة في القرية.", "other"),
    ],
)
def test_event_types_described_reports_and_damage(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a quotation right after the speaker is what was said, before any later أن
        ("وتابع الضابط «كنا نلاحقه عندما فجر نفسه قرب الحاجز»، مضيفاً أن التحقيق مستمر.",
         "attack"),
        # a deed in its own clause before the report is the main happening
        ("وطوقت الشرطة الحي، وقال مصدر أمني إن العملية ما زالت جارية.", "attack"),
        ("من جهته، قال مصدر أمني إن العملية ما زالت جارية.", "statement"),
        # a verb of doing names the deed deep in the reported clause
        ("وقال شهود إن الرجل جلس بين الحضور طويلاً قبل أن يقف وبدأ بإطلاق النار.", "attack"),
        ("وقال شهود إن الرجل جلس بين الحضور طويلاً وتحدث بحزن عن إطلاق النار.",
         "statement"),
    ],
)
def test_event_types_where_the_report_and_its_deed_stand(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # in what was said, deaths give way to the air strike that caused them
        ("وأكد المصدر أن القائد الميداني قتل مساء أمس في غارة على مقره.", "strike"),
        ("وأكد المصدر أن القائد الميداني قتل مساء أمس في اشتباك قرب مقره.", "casualties"),
        # people seized by the police are an arrest
        ("وضبطت دوريات الأمن ثلاثة متهمين بالسرقة في الحي.", "arrest"),
    ],
)
def test_event_types_means_and_arrests(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a fight named as the setting of a report is background, not a deed of its own
        ("وفي ظل المعارك المستمرة، قال الوزير إن الحكومة ستواصل عملها.", "statement"),
        ("وعلى خلفية الاشتباكات، قال الوزير إن الحكومة ستواصل عملها.", "statement"),
    ],
)
def test_event_types_setting_of_a_report(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a participle opening the sentence goes on with a report: words unless a deed is told
        ("مشيرا إلى أن الوزارة ستدرس الطلبات الجديدة خلال الأسبوع المقبل.", "statement"),
        ("مؤكدة أن مسلحين هاجموا الحاجز فجر اليوم.", "attack"),
        # a cue in a relative clause on the subject is no head, the cue after it is
        ("وكان المدير الذي أعلن أمس أنه سيغادر منصبه، أكد أن الخطة الجديدة ستنجح.",
         "statement"),
        ("وتقع القرية قرب المنطقة التي أعلن الجيش أنها مغلقة.", "other"),
        # a lead-in telling no happening, then a reporting verb after the comma
        ("وحول خطط الوزارة للعام الدراسي المقبل في المدارس الحكومية، قال الوزير إن "
         "التسجيل يبدأ الأحد.", "statement"),
        ("وافتتح الوزير المبنى الجديد في وسط المدينة صباح اليوم، وقال إن الخدمة تبدأ غدا.",
         "other"),
    ],
)
def test_event_types_report_heads(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a decision deep in what was said is its setting; at its head it is the news
        ("وأكد المسؤول أن سكان البلدة الصغيرة في الريف يرحبون بالخطة التي قررت الحكومة "
         "تنفيذها.", "statement"),
        ("وقال المتحدث إن الحكومة قررت تمديد العمل بالخطة.", "other"),
    ],
)
def test_event_types_weak_deed_deep_in_a_report(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a name in quotation marks within the speaker phrase is no speech: what was said
        # starts after أن, where the decision heads it
        ("وأعلنت الشركة الوطنية «الأفق» أنها والحمد لله قد أكملت بناء المصنع الجديد.",
         "other"),
        # a quotation that runs on is what was said, and the decision is deep in it
        ("وقال الوزير «نحن في الوزارة نرحب كثيرا بالخطة التي قررت الحكومة تنفيذها».",
         "statement"),
    ],
)
def test_event_types_quoted_name_is_no_speech(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a fight named with the article is what the words are about ...
        ("وقال المحلل إن المعارك في الشمال تكشف ضعف الحكومة.", "statement"),
        # ... unless a verb tells it happened or went on, before or after it
        ("وأضاف المتحدث أن الاشتباكات تواصلت حتى صباح اليوم.", "attack"),
        ("وقال الشاهد إن الناس كانوا في السوق عندما وقع الانفجار الكبير.", "attack"),
    ],
)
def test_event_types_fight_that_went_on(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # deaths in a strike told as a new happening: the strike is the news
        ("وقتل خمسة مزارعين في غارة على قرية قرب النهر.", "strike"),
        # deaths in the strikes the article already told: the toll is the news
        ("وقالت الوزارة إن عشرين مسلحا قتلوا في الغارات الأخيرة.", "casualties"),
    ],
)
def test_event_types_deaths_in_strikes_already_told(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a disaster told with the deaths it caused is a death toll
        ("وضرب زلزال قوي الإقليم الجبلي فجرا وأودى بحياة تسعة قرويين.", "casualties"),
        ("وأدت فيضانات الربيع إلى مقتل أربعة أطفال في القرية.", "casualties"),
        # one told with damage alone stays other
        ("وضرب زلزال قوي الإقليم الجبلي فجرا ودمر عشرات المنازل.", "other"),
    ],
)
def test_event_types_disaster_with_deaths_is_a_toll(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # raids and detentions reported by a source are the arrests they tell
        ("وذكرت مصادر أمنية أن الشرطة داهمت ثلاثة منازل في الحي الشرقي.", "arrest"),
        ("ونفذت قوات الأمن مداهمات في ضواحي العاصمة.", "arrest"),
        # a court's ruling reported by sources is a deed, not an opinion
        ("وقالت مصادر قضائية إن المحكمة قضت بسجن الوزير السابق ثلاث سنوات.", "other"),
        # repelling an attack and firing shots are fighting
        ("وأكد المتحدث أن الجيش صد هجوما على بلدة حدودية.", "attack"),
        ("وقال شاهد إن رجلا أطلق ثلاثة أعيرة نارية على الحراس.", "attack"),
        # an opinion with none of these words stays a statement
        ("وقال المتحدث إن الحكومة ماضية في خطتها رغم الانتقادات.", "statement"),
    ],
)
def test_event_types_reported_raids_rulings_and_fire(sentence: str, expected: str) -> None:
    assert _type(sentence) == expected


def test_event_types_found_lists_every_trigger_type_main_or_not() -> None:
    sentence = "وقالت المصادر إن الغارة أسفرت عن مقتل ثلاثة ونزوح عشرات الأسر."
    [(_, tokens)] = tokenize_sentences(sentence)
    happening = sentence_type(tokens, sentence)
    assert set(happening.found) >= {"strike", "casualties", "displacement"}
    assert happening.type in happening.found
