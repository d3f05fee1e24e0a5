"""Quotes: where speaker phrases end, who a subjectless or anaphoric cue points to."""

from __future__ import annotations

import pytest

from marsad.extract.quotes import extract_quotes
from tests.extract.conftest import people


@pytest.mark.parametrize(
    ("text", "names", "speaker"),
    [
        # a comma ends the phrase: the parenthetical is no part of the speaker
        ("وقال مصدر مطلع على المحادثات، طلب عدم الكشف عن اسمه، إن الجولة المقبلة ستعقد "
         "في جنيف.", (), "مصدر مطلع على المحادثات"),
        # a quoted name stays inside the phrase, the person after it is the speaker
        ("وقال المتحدث باسم حركة «الجبهة» في المدينة سامي الأحمد إن \"المعركة لم تنته "
         "بعد\".", ("سامي الأحمد",), "سامي الأحمد"),
        # an institution's name in quotation marks is the subject, not a quotation
        ("وأفاد «المرصد الوطني للحقوق» أمس بأن القصف استهدف ثلاثة أحياء في المدينة.",
         ("المرصد الوطني للحقوق",), "المرصد الوطني للحقوق"),
        # the outlet the words were said to ends the phrase
        ("وقال مسؤول عسكري لوكالة الأنباء إن القوات أحكمت سيطرتها على الطريق.", (),
         "مسؤول عسكري"),
        ("وقال قائد ميداني لـ«الصحيفة» إن الهجوم سيبدأ خلال ساعات.", (), "قائد ميداني"),
        # an agency the role belongs to is part of who spoke, not the channel
        ("وأفاد صحافي في فرانس برس الجمعة أن المقاتلين انتشروا على الأسطح.", (),
         "صحافي في فرانس برس"),
        ("وقال مراسل لدى رويترز إن القصف استمر طوال الليل.", (), "مراسل لدى رويترز"),
        # a full name beats a one-word mention inside the title (المتحدث باسم)
        ("وقال المتحدث باسم التحالف العقيد جون ميلر إن الطائرات نفذت ست ضربات.",
         ("باسم", "جون ميلر"), "جون ميلر"),
        # a name that starts like a preposition (ب) is still the subject
        ("واعتبر باسل بدران أن الاتفاق لن يصمد طويلا أمام الخلافات.", ("باسل بدران",),
         "باسل بدران"),
    ],
)
def test_quote_speakers_phrase_ends_where_the_subject_does(
    text: str, names: tuple[str, ...], speaker: str
) -> None:
    persons = [p for name in names for p in people(text, name,
                                                      type_="ORG" if "المرصد" in name else "PER")]
    quotes = extract_quotes("d", text, persons)
    assert quotes, text
    assert quotes[0].speaker.name == speaker


FIRST = "وقال وزير الخارجية خالد المصري إن المفاوضات ستستأنف الأسبوع المقبل. "


@pytest.mark.parametrize(
    "second",
    [
        # a pronoun opens a circumstantial clause: no subject of its own
        'وأضاف وهو يغادر القاعة: "لن نتراجع عن مطالبنا مهما طال الوقت".',
        # an oblique plural after an appeal is its object, not its subject
        'ودعا الطرفين إلى "الالتزام الكامل بوقف إطلاق النار".',
        # an adverbial accusative is no subject either
        'وتابع مدافعاً عن موقفه: "لقد قدمنا كل ما نستطيع من أجل الاتفاق".',
    ],
)
def test_quote_speakers_cue_without_subject_continues_the_last_speaker(second: str) -> None:
    text = FIRST + second
    quotes = extract_quotes("d", text, people(text, "خالد المصري"))
    assert len(quotes) == 2
    assert quotes[1].speaker.name == "خالد المصري"


def test_quote_speakers_participle_never_takes_the_words_after_it() -> None:
    text = ('وحذرت هيئة الأرصاد من أن الأمطار ستستمر حتى نهاية الأسبوع، داعية المواطنين '
            'القاطنين قرب الأودية إلى "توخي الحذر والابتعاد عن مجاري السيول".')
    quotes = extract_quotes("d", text, people(text, "هيئة الأرصاد", type_="ORG"))
    assert [q.speaker.name for q in quotes] == ["هيئة الأرصاد", "هيئة الأرصاد"]


def test_quote_speakers_stance_verb_names_the_speaker_of_a_participle() -> None:
    text = ("ورحب المبعوث الأممي إلى المنطقة بالاتفاق، معتبراً في بيان أنه \"خطوة مهمة نحو "
            "سلام دائم\".")
    [quote] = extract_quotes("d", text)
    assert quote.speaker.name == "المبعوث الأممي إلى المنطقة"
    assert quote.cue == "معتبراً"


@pytest.mark.parametrize(
    ("first", "second", "antecedent"),
    [
        ("وبلغ عدد الجرحى 40 بحسب مسؤول محلي في البلدية طلب عدم الكشف عن اسمه. ",
         "وقال المسؤول إن المستشفى يعمل فوق طاقته.", "مسؤول محلي في البلدية"),
        ("وقالت مصادر محلية إن الطريق أغلق منذ الصباح. ",
         "وذكرت المصادر ذاتها أن القوافل عادت أدراجها.", "مصادر محلية"),
        ("وتقدر منظمات حقوقية أن مئات المعتقلين ما زالوا في السجون. ",
         "وتقول هذه المنظمات إن بعضهم اعتقل قبل سنوات.", "منظمات حقوقية"),
        ("وقال المكتب الأممي في تقرير إن الفيضانات أثرت على آلاف الأسر. ",
         "وأوضح التقرير أن الأرقام أولية وقابلة للارتفاع.", "المكتب الأممي"),
    ],
)
def test_quote_speakers_definite_description_points_back(
    first: str, second: str, antecedent: str
) -> None:
    quotes = extract_quotes("d", first + second)
    assert quotes[-1].speaker.name.startswith(antecedent)


def test_quote_speakers_back_reference_takes_the_head_of_the_role() -> None:
    text = ("وقال مدير المرصد سامر الحلبي إن القتال تواصل طوال الليل. "
            "ويقدر المرصد أن ألفي مدني ما زالوا داخل البلدة.")
    quotes = extract_quotes("d", text, people(text, "سامر الحلبي"))
    assert quotes[-1].speaker.name == "المرصد"


@pytest.mark.parametrize(
    "text",
    [
        "أما رئيس الوفد الحكومي نبيل الحسني فقال للصحافيين إن الحكومة قدمت تنازلات كبيرة.",
        "غير أن رئيس الوفد الحكومي نبيل الحسني أكد في مؤتمر صحافي أن الحكومة قدمت تنازلات.",
        'وكان رئيس الوفد الحكومي نبيل الحسني قد دعا الوسطاء إلى "الضغط على الطرف الآخر".',
    ],
)
def test_quote_speakers_subject_before_the_cue(text: str) -> None:
    earlier = "وقال الوسيط الدولي مارك جونز إن الجولة كانت صعبة. "
    quotes = extract_quotes("d", earlier + text,
                            people(earlier + text, "مارك جونز", "نبيل الحسني"))
    assert quotes[-1].speaker.name == "نبيل الحسني"


def test_quote_speakers_subjectless_cue_agrees_in_gender() -> None:
    text = ("وقالت المتحدثة باسم المنظمة ليلى حداد إن المخيمات ممتلئة. "
            "وقال مدير المخيم أحمد سالم إن المياه لا تكفي الجميع. "
            "وأضافت أن الأمطار زادت الوضع سوءا في الأيام الأخيرة.")
    quotes = extract_quotes("d", text, people(text, "ليلى حداد", "أحمد سالم"))
    assert quotes[-1].speaker.name == "ليلى حداد"


def test_quote_speakers_honorific_with_a_suffix_points_back() -> None:
    text = ("وقال وزير الإسكان ماجد الحقيل إن المشاريع ستنجز في موعدها. "
            "ودعا معاليه العاملين في الهيئة إلى تقديم المقترحات لتطوير القطاع.")
    quotes = extract_quotes("d", text, people(text, "ماجد الحقيل"))
    assert [q.speaker.name for q in quotes] == ["ماجد الحقيل", "ماجد الحقيل"]


def test_quote_speakers_a_name_spelled_like_a_preposition_is_no_preposition() -> None:
    text = "وحث الدكتور علي الحمود الباحثين على المشاركة في الملتقى المقبل."
    [quote] = extract_quotes("d", text, people(text, "علي الحمود"))
    assert quote.speaker.name == "علي الحمود"
    assert quote.text == "المشاركة في الملتقى المقبل"


@pytest.mark.parametrize(
    ("text", "names", "speaker"),
    [
        # a name in apposition after a comma belongs to the speaker phrase
        ("أعلن وزير الخارجية الإيراني، جواد كريمي، أن بلاده ستشارك في المؤتمر.",
         ("جواد كريمي",), "جواد كريمي"),
        # an outlet in quotation before the subject: the subject follows it
        ('وكشف لـ"المدينة" مدير المستشفى الدكتور سامي العلي أن الأجهزة الجديدة وصلت.',
         ("سامي العلي",), "سامي العلي"),
        # a demonstrative object, then the outlet, then the subject
        ('كشف ذلك لـ"الوطن" العقيد ناصر الحربي وقال إن الدوريات ستزداد.',
         ("ناصر الحربي",), "ناصر الحربي"),
        # an agency right after the cue is its subject, not a channel
        ("وذكرت رويترز أن المحادثات توقفت مساء الأحد.", (), "رويترز"),
        # a definite subject after «لكن» before the cue
        ("وقال الوزير سعيد النمر إن المعابر ستفتح. لكن البيت الأبيض أكد أن القرار لم يتخذ.",
         ("سعيد النمر",), "البيت الأبيض"),
    ],
)
def test_quote_speakers_subject_found(text: str, names: tuple[str, ...], speaker: str) -> None:
    quote = extract_quotes("d", text, people(text, *names))[-1]
    assert quote.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "names", "speaker"),
    [
        ("قالت مصادر أمنية إن الطريق أغلق. وقالت ذات المصادر إن الجيش أرسل تعزيزات.",
         (), "مصادر أمنية"),
        ("وقال مصدران طبيان إن المستشفى امتلأ. وصرح أحد المصدرين أن الأدوية نفدت.",
         (), "مصدران طبيان"),
        ("قال الدكتور فهد الزيد الأمين العام للمجلس إن الاجتماع تأجل. وأكد الأمين العام "
         "للمجلس أن الموعد الجديد سيعلن قريبا.", ("فهد الزيد",), "فهد الزيد"),
    ],
)
def test_quote_speakers_descriptions_point_back(text: str, names: tuple[str, ...],
                                                speaker: str) -> None:
    quote = extract_quotes("d", text, people(text, *names))[-1]
    assert quote.speaker.name == speaker


def test_quote_speakers_another_spokesman_is_no_back_reference() -> None:
    text = ("وقال المتحدث باسم الجيش سعيد النمر إن الهجوم صد. وقال المتحدث باسم الشرطة "
            "إن الطرق أغلقت.")
    quote = extract_quotes("d", text, people(text, "سعيد النمر"))[-1]
    assert quote.speaker.name == "المتحدث باسم الشرطة"


def test_quote_speakers_long_undefined_phrase_before_a_cue_is_no_subject() -> None:
    text = ("وقال الوزير سعيد النمر إن المعابر ستفتح. لكن الأوضاع الميدانية الصعبة في "
            "المنطقة الحدودية تؤكد أن الطريق مغلق.")
    quote = extract_quotes("d", text, people(text, "سعيد النمر"))[-1]
    assert not quote.speaker.name.startswith("الأوضاع")


def test_quote_speakers_nisba_and_link_words_tagged_as_names_are_roles() -> None:
    text = ("وقال رئيس الوزراء التركي إن الحكومة مستمرة. وقال المتحدث باسم وزارة الصحة "
            "حمدان العلي إن اللقاحات وصلت.")
    persons = people(text, "التركي", "باسم وزارة")
    first, second = extract_quotes("d", text, persons)
    assert first.speaker.name != "التركي"
    assert "حمدان العلي" in second.speaker.name


def test_quote_speakers_participle_tagged_as_a_name_is_no_subject() -> None:
    text = ("وقال النائب سالم العبد إن الحوار ضروري. وأضاف مخاطبا الوزير علي حسن "
            "«لا نطلب منك شيئا سوى تطبيق القانون على الجميع».")
    persons = people(text, "سالم العبد", "مخاطبا", "علي حسن")
    quote = extract_quotes("d", text, persons)[-1]
    assert quote.speaker.name == "سالم العبد"


@pytest.mark.parametrize(
    ("text", "names", "speaker"),
    [
        # a word like a present verb after «بجامعة» is a place, the phrase goes on
        ("وقال أستاذ الطب بجامعة يورك سالم العبد إن الدراسة اكتملت.",
         ("سالم العبد",), "سالم العبد"),
        # a cue word right after the subject's definite noun is a noun (طالب: a student)
        ("وذكر رئيس النادي طالب الدكتوراه سعد الزهراني، أن الحفل نجح.",
         ("سعد الزهراني",), "سعد الزهراني"),
        # after a comma a role goes on to a given name the entity layer missed
        ("وأفاد رئيس اللجنة، والمبتعث لدراسة الطب علي الغامدي، أن الحفل نجح.",
         (), "علي الغامدي"),
    ],
)
def test_quote_speakers_long_subject_phrases(text: str, names: tuple[str, ...],
                                             speaker: str) -> None:
    quote = extract_quotes("d", text, people(text, *names))[-1]
    assert quote.speaker.name == speaker


def test_quote_speakers_a_state_that_admitted_something_speaks_on() -> None:
    text = ("وقال الخبير سالم العبد إن الأرقام أعلى. واعترفت إيران رسميا بتنفيذ الأحكام. "
            "وقالت إن العدد لم يتجاوز المئة.")
    persons = people(text, "سالم العبد") + people(text, "إيران", type_="GPE")
    quote = extract_quotes("d", text, persons)[-1]
    assert quote.speaker.name == "إيران"


def test_quote_speakers_a_state_in_narration_does_not_speak_on() -> None:
    text = ("وقال الخبير سالم العبد إن الأرقام أعلى. وشهدت إيران احتجاجات واسعة. "
            "وأضاف أن العدد لم يتجاوز المئة.")
    persons = people(text, "سالم العبد") + people(text, "إيران", type_="GPE")
    quote = extract_quotes("d", text, persons)[-1]
    assert quote.speaker.name == "سالم العبد"


@pytest.mark.parametrize(
    ("text", "names", "speaker"),
    [
        # a family name in با after the cue is the subject, not ب + a noun
        ("وقال الوزير في مؤتمر صحافي إن المطار جاهز. وأضاف باسلمة إن الرحلات ستبدأ قريبا.",
         (), "باسلمة"),
        # «أمام» after the cue is a preposition; the speaker is the person named just before
        ("ونسب رئيس الوزراء خالد سعيد الهجوم إلى التنظيم. وقال أمام الصحافيين «إن التحقيق "
         "يكشف أن التفجير نفذه انتحاري»", ("خالد سعيد",), "خالد سعيد"),
        # the subject of a relative clause: the name before الذي
        ("وأكد ذلك الحاكم سامي العلي الذي أضاف إن عشرين جريحا ما زالوا في حالة حرجة.",
         ("سامي العلي",), "سامي العلي"),
        # a cue-like word with a preposition (بقدر) is a noun; مفيداً continues the speaker
        ("وقال الأب سالم العبد إن ابنه شهيد، موضحا رضاه بقدر الله، مفيداً أن العائلة صابرة.",
         ("سالم العبد",), "سالم العبد"),
    ],
)
def test_quote_speakers_subjects_around_the_cue(text: str, names: tuple[str, ...],
                                                speaker: str) -> None:
    quote = extract_quotes("d", text, people(text, *names))[-1]
    assert quote.speaker.name == speaker


def test_quote_speakers_a_noun_with_a_preposition_is_no_cue() -> None:
    text = "وقال الأب سالم العبد إن ابنه شهيد، موضحا رضاه بقدر الله جل وعلا."
    quotes = extract_quotes("d", text, people(text, "سالم العبد"))
    assert [q.cue for q in quotes] == ["وقال"]


def test_quote_speakers_a_subjectless_first_cue_with_nobody_named_has_no_quote() -> None:
    assert extract_quotes("d", "وقال أمام الصحافيين إن الطريق مغلق منذ الصباح.") == []


def test_quote_speakers_two_nisba_adjectives_tagged_as_a_name_are_a_role() -> None:
    text = "وندد الرئيس التركي الاسلامي بالهجوم وقال «إنني أندد بهذه الوحشية بأشد العبارات»."
    persons = people(text, "التركي الاسلامي")
    quote = extract_quotes("d", text, persons)[-1]
    assert quote.speaker.name != "التركي الاسلامي"


def test_quote_speakers_a_subjectless_cue_speaks_for_the_sentence_subject() -> None:
    text = ("وقال المرصد إن القتال مستمر. وبثت جبهة النصرة الأحد شريطا مصورا، وأكدت أن "
            "الأسرى من عناصر الفرقة.")
    persons = people(text, "جبهة النصرة", type_="ORG") + people(text, "المرصد", type_="ORG")
    quote = extract_quotes("d", text, persons)[-1]
    assert quote.speaker.name == "جبهة النصرة"


def test_quote_speakers_a_cue_opening_its_sentence_continues_the_last_speaker() -> None:
    text = "وقال المرصد إن القتال مستمر في المدينة. وأكد أن الأسرى من عناصر الفرقة."
    quote = extract_quotes("d", text, people(text, "المرصد", type_="ORG"))[-1]
    assert quote.speaker.name == "المرصد"


def test_quote_speakers_foreign_name_ending_in_alif_is_a_subject() -> None:
    text = ("ذكرت المنظمات الإنسانية أن عشرات المهاجرين غرقوا قبالة الساحل. وقالت جيوفانا "
            'دي لوكا وهي متحدثة باسم المنظمة "إننا علمنا منهم أن المياه غمرت الزورق".')
    quotes = extract_quotes("d", text, [])
    assert quotes[-1].speaker.name == "جيوفانا دي لوكا"


def test_quote_speakers_adverbial_before_a_preposition_is_no_subject() -> None:
    text = (FIRST + "وقال تعليقاً على سؤال إن الحكومة لن تتراجع عن قرارها الأخير.")
    quotes = extract_quotes("d", text, people(text, "خالد المصري"))
    assert quotes[-1].speaker.name == "خالد المصري"


def test_quote_speakers_person_after_a_clitic_preposition_is_no_name() -> None:
    text = "وقالت مصادر عسكرية موالية لسالم إن المعارك في الحي أوقعت عشرات القتلى."
    quotes = extract_quotes("d", text, people(text, "سالم"))
    assert quotes[0].speaker.name == "مصادر عسكرية موالية لسالم"


def test_quote_speakers_feminine_continuation_follows_the_feminine_cue() -> None:
    text = ("وقال الناطق باسم المجلس خالد المصري إن المقاتلين دخلوا الحي. "
            "وقالت مصادر عسكرية إن المعارك أسفرت عن سقوط عشرات القتلى. "
            "وأضافت أن سبعة مسلحين قتلوا خلال الليل.")
    quotes = extract_quotes("d", text, people(text, "خالد المصري"))
    assert [q.speaker.name for q in quotes][-1] == "مصادر عسكرية"
    # and a masculine continuation goes back past them to the spokesman
    text = text.replace("وأضافت", "وأضاف")
    quotes = extract_quotes("d", text, people(text, "خالد المصري"))
    assert quotes[-1].speaker.name == "خالد المصري"


def test_quote_speakers_masculine_tabi_is_a_past_verb() -> None:
    text = ("وأكدت الوزارة أن المستشفى استقبل المصابين. وقال المتحدث سامي الأحمد: \"نقلنا "
            "ثلاثة منهم إلى العناية المركزة\". وتابع: \"الحالات مستقرة ونتابعها كل ساعة\".")
    quotes = extract_quotes("d", text, people(text, "سامي الأحمد"))
    assert quotes[-1].speaker.name == "سامي الأحمد"


GOVERNOR = ("وقال شهود إن المسلح بدأ بإطلاق النار داخل القاعة. "
            "وانتقل حاكم الولاية سامي الأحمد إلى المدينة بعد الحادث. ")


def test_quote_speakers_fresh_cue_takes_the_person_named_since_the_last_quote() -> None:
    text = GOVERNOR + 'وقال في مؤتمر صحافي "كلما سمعنا عن العنف ينتابنا الغضب والحزن".'
    quotes = extract_quotes("d", text, people(text, "سامي الأحمد"))
    assert quotes[-1].speaker.name == "سامي الأحمد"


def test_quote_speakers_continuation_cue_keeps_the_last_speaker() -> None:
    text = GOVERNOR + 'وأضاف أن المسلح كان يحمل مسدساً وثلاثة مخازن للذخيرة.'
    quotes = extract_quotes("d", text, people(text, "سامي الأحمد"))
    assert quotes[-1].speaker.name == "شهود"


def test_quote_speakers_fresh_cue_skips_a_name_after_a_preposition() -> None:
    text = GOVERNOR.replace("وانتقل حاكم الولاية سامي الأحمد إلى المدينة",
                            "ولم يشر البيان إلى تاريخ زيارة سامي الأحمد للمدينة")
    text += "وقال في مؤتمر صحافي إن التحقيق سيكشف دوافع المسلح قريباً."
    quotes = extract_quotes("d", text, people(text, "سامي الأحمد"))
    assert quotes[-1].speaker.name != "سامي الأحمد"


def test_quote_speakers_time_preposition_ends_the_phrase() -> None:
    text = "وقال المبعوث الدولي خلال زيارة للعاصمة إنه ناقش نشر مراقبين في المدن."
    assert extract_quotes("d", text, [])[0].speaker.name == "المبعوث الدولي"


def test_quote_speakers_demonstrative_role_points_to_the_speaker_with_that_role() -> None:
    text = ("وقال الناطق باسم المجلس سامي الأحمد إن المقاتلين سيطروا على الحي. "
            "وقالت مصادر طبية إن المستشفى استقبل عشرات الجرحى. "
            "وأكد هذا الناطق باسم القوات أن المسلحين ما زالوا في بعض المباني.")
    quotes = extract_quotes("d", text, people(text, "سامي الأحمد"))
    assert quotes[-1].speaker.name == "سامي الأحمد"


def test_quote_speakers_name_after_a_long_role_with_a_preposition() -> None:
    text = ("أكد عضو مجلس إدارة النادي والمشرف على الفريق الأول سامي الأحمد أن المدرب "
            "يمتلك سجلاً رائعاً.")
    quote = extract_quotes("d", text, people(text, "سامي الأحمد"))[0]
    assert (quote.speaker.name, quote.speaker.title) == (
        "سامي الأحمد", "عضو مجلس إدارة النادي والمشرف على الفريق الأول")


def test_quote_speakers_name_after_a_possessed_noun_is_whom_not_who() -> None:
    text = "وأكد الوزير على لقائه الرئيس سامي الأحمد أن المحادثات كانت مثمرة جداً."
    quote = extract_quotes("d", text, people(text, "سامي الأحمد"))[0]
    assert quote.speaker.name == "الوزير"


def test_quote_speakers_construct_role_points_to_the_named_holder() -> None:
    text = ("قال السفير سامي الأحمد سفير المملكة الأردنية لدى مصر إن العلاقات متينة. "
            "وقالت مصادر دبلوماسية إن الزيارة ستتم الشهر المقبل. "
            "وأكد سفير المملكة الأردنية أن بلاده لم تسع إلى أي تصعيد.")
    quotes = extract_quotes("d", text, people(text, "سامي الأحمد"))
    assert quotes[0].speaker.title == "سفير المملكة الأردنية لدى مصر"
    assert quotes[-1].speaker.name == "سامي الأحمد"


def test_quote_speakers_indefinite_role_is_somebody_new() -> None:
    text = ("قال سامي الأحمد مصدر أمني رفيع في الوزارة إن الحدود مغلقة. "
            "وقالت مصادر دبلوماسية إن الزيارة ستتم الشهر المقبل. "
            "وأكد مصدر أمني رفيع أن الدوريات ستزداد على الطريق.")
    quotes = extract_quotes("d", text, people(text, "سامي الأحمد"))
    assert quotes[-1].speaker.name == "مصدر أمني رفيع"


def test_quote_speakers_one_of_them_after_a_contrast_is_the_subject() -> None:
    text = ("ولم تعلق الشركة رسمياً على الخبر، بيد أن أحد مديريها أكد للصحفيين أن المصنع "
            "سيغلق أبوابه.")
    [quote] = extract_quotes("d", text)
    assert quote.speaker.name == "أحد مديريها"


def test_quote_speakers_one_of_them_without_a_contrast_is_no_subject() -> None:
    text = ("وقال سامي الأحمد إن المصنع سيغلق أبوابه. وزار أحد مديريها الموقع ثم أكد أن "
            "العمال سيعوضون.")
    quotes = extract_quotes("d", text, people(text, "سامي الأحمد"))
    assert quotes[-1].speaker.name != "أحد مديريها"


def test_quote_speakers_preposed_subject_with_a_given_name_the_entities_missed() -> None:
    text = ("وقال المواطن صالح العلي إن الفكرة جيدة. أما المواطن محمد سلمان فيرى أن الطاقة "
            "الشمسية أرخص.")
    quotes = extract_quotes("d", text, people(text, "صالح العلي"))
    assert quotes[-1].speaker.name == "محمد سلمان"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a given name that is also a nisba, after an indefinite noun, is the adjective
        ("وأكد مصدر تركي للصحفيين أن ست طائرات وصلت إلى القاعدة.", "مصدر تركي"),
        # after a title with the article it is the name
        ("وقال الأمير تركي إن المهرجان سيستمر أسبوعين كاملين.", "تركي"),
    ],
)
def test_quote_speakers_nisba_or_given_name(text: str, speaker: str) -> None:
    [quote] = extract_quotes("d", text)
    assert quote.speaker.name == speaker


def test_quote_speakers_bare_name_between_kana_and_alladhi() -> None:
    text = ("وقال المصدر إن اللجنة ستعين قريبا. وكان بلاتر الذي أعلن أنه لن يترشح مجددا، "
            "أكد أن الإصلاحات ستشمل الحد من الولايات.")
    quotes = extract_quotes("d", text)
    assert [q.speaker.name for q in quotes] == ["المصدر", "بلاتر", "بلاتر"]


def test_quote_speakers_word_with_the_article_before_alladhi_is_no_bare_name() -> None:
    text = ("وقال سامي الأحمد إن اللجنة ستعين قريبا. وكان الاجتماع الذي أعلن أنه سيعقد "
            "غدا قد تأجل.")
    quotes = extract_quotes("d", text, people(text, "سامي الأحمد"))
    assert all(q.speaker.name != "الاجتماع" for q in quotes)


def test_quote_speakers_first_subjectless_cue_takes_the_last_person_named() -> None:
    text = "ووصل سامي الأحمد إلى المدينة صباحا. وقال إن الأمر لا يستحق كل هذا الاهتمام."
    [quote] = extract_quotes("d", text, people(text, "سامي الأحمد"))
    assert quote.speaker.name == "سامي الأحمد"


def test_quote_speakers_first_subjectless_cue_guesses_no_institution() -> None:
    text = "وانتشرت الصور على تويتر بسرعة كبيرة. وقال إن الأمر لا يستحق كل هذا الاهتمام."
    assert extract_quotes("d", text, people(text, "تويتر", type_="ORG")) == []


def test_quote_speakers_fronted_name_with_apposition_speaks() -> None:
    text = ("وتأخرت الأعمال منذ شهرين. سعيد الحربي أحد سكان الحي قال إن المقاول لم يضع "
            "أي لوحات إرشادية.")
    [quote] = extract_quotes("d", text, people(text, "سعيد الحربي"))
    assert (quote.speaker.name, quote.speaker.title) == ("سعيد الحربي", "أحد سكان الحي")


@pytest.mark.parametrize("text", [
    "وفي حي سعيد الحربي قال الجيران إن المقاول لم يضع أي لوحات.",  # not the opening word
    "سعيد الحربي يعمل في الحي وقد قال إن المقاول لم يضع أي لوحات.",  # a verb of its own
])
def test_quote_speakers_no_fronted_subject(text: str) -> None:
    from marsad.extract.quote_speakers import fronted_subject
    from marsad.text.tokens import tokenize

    tokens = tokenize(text)
    ci = next(k for k, t in enumerate(tokens) if t.folded.endswith("قال"))
    assert fronted_subject(text, people(text, "سعيد الحربي"), tokens, ci) is None


def test_quote_speakers_fronted_given_name_the_entities_missed() -> None:
    text = "خالد السبيعي أحد المزارعين قال إن المحصول تضرر من موجة الحر الأخيرة."
    [quote] = extract_quotes("d", text)
    assert (quote.speaker.name, quote.speaker.title) == ("خالد السبيعي", "أحد المزارعين")


def test_quote_speakers_family_name_the_entities_cut_off_ends_the_name() -> None:
    text = "وقال مدير المستشفى سالم ناصر القحطاني: \"استقبلنا المصابين صباح اليوم\"."
    [quote] = extract_quotes("d", text, people(text, "سالم ناصر"))
    assert (quote.speaker.name, quote.speaker.title) == ("سالم ناصر القحطاني", "مدير المستشفى")


def test_quote_speakers_role_after_the_name_is_no_family_name() -> None:
    text = "وقال سالم ناصر المتحدث الرسمي للمستشفى إن المصابين بحالة مستقرة."
    [quote] = extract_quotes("d", text, people(text, "سالم ناصر"))
    assert quote.speaker.name == "سالم ناصر"


def test_quote_speakers_a_masdar_after_the_cue_is_what_was_stated() -> None:
    text = ("وقال الوزير ماجد السالم إن الزيارة ناجحة. "
            "وأكد حرص بلاده على «تعزيز التعاون في مجالات الطاقة والتعليم».")
    quotes = extract_quotes("d", text, people(text, "ماجد السالم"))
    assert [q.speaker.name for q in quotes] == ["ماجد السالم", "ماجد السالم"]


def test_quote_speakers_a_role_after_the_cue_still_speaks() -> None:
    text = "وأكد مدير مكتبه أن الزيارة ستتم في موعدها المحدد."
    [quote] = extract_quotes("d", text)
    assert quote.speaker.name == "مدير مكتبه"
