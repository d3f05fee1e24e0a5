"""Quotes: what a cue clause reports, and when it is no quote at all."""

from __future__ import annotations

import pytest

from marsad.extract.quotes import PersonMention, extract_quotes
from tests.extract.conftest import people, person


@pytest.mark.parametrize(
    "text",
    [
        # a source for the sentence, not a quote
        "وارتفع عدد القتلى إلى 30 شخصا، بحسب ما أعلنت وزارة الصحة مساء الأحد.",
        "وتضرر نحو ألف منزل، وفق ما أفاد الدفاع المدني في المحافظة.",
        # a warning about something (a noun), not reported words
        "وحذرت الأرصاد الجوية من استمرار هطول الأمطار الغزيرة خلال الأيام المقبلة.",
        # «قبل أن» opens a time clause, not what was announced
        "وكانت الجماعة قد أعلنت في العام الماضي سيطرتها على المدينة قبل أن تخسرها تدريجيا.",
        # a welcome with a noun object says nothing in words
        "ورحب الأمين العام للجامعة العربية بالاتفاق الموقع بين الطرفين.",
    ],
)
def test_quote_clauses_no_quote(text: str) -> None:
    assert extract_quotes("d", text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وحذر المسؤول من أن المياه لا تكفي سوى لأيام قليلة.",
         "المياه لا تكفي سوى لأيام قليلة"),
        ("وأشارت تقديرات منظمات إنسانية إلى أن المخيم قد يستقبل مئة عائلة يوميا.",
         "المخيم قد يستقبل مئة عائلة يوميا"),
        ('واتهم رئيس الوفد المفاوض الطرف الآخر بـ"المماطلة في الكشف عن مصير المفقودين".',
         "المماطلة في الكشف عن مصير المفقودين"),
    ],
)
def test_quote_clauses_content_after_a_preposition(text: str, expected: str) -> None:
    [quote] = extract_quotes("d", text)
    assert quote.text == expected


def test_quote_clauses_indirect_clause_before_a_later_quotation() -> None:
    text = ('وأفاد مصدر طبي في المستشفى بأن أغلب الجرحى من الأطفال والنساء، وأن "المستشفى '
            'يعمل فوق طاقته منذ ثلاثة أيام".')
    quotes = extract_quotes("d", text)
    assert [(q.text, q.direct) for q in quotes] == [
        ("أغلب الجرحى من الأطفال والنساء", False),
        ("المستشفى يعمل فوق طاقته منذ ثلاثة أيام", True),
    ]
    assert {q.speaker.name for q in quotes} == {"مصدر طبي في المستشفى"}


def test_quote_clauses_fragment_inside_the_clause_is_one_direct_item() -> None:
    text = 'وقال المتحدث إن عدد الخارجين "لا يتجاوز تسعة آلاف شخص حتى اليوم".'
    [quote] = extract_quotes("d", text)
    assert (quote.text, quote.direct) == ("لا يتجاوز تسعة آلاف شخص حتى اليوم", True)


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("وقال الوزير أمس الأربعاء إن الحكومة ستفتح المعابر قريبا.", "أمس الأربعاء"),
        ("وأعلن الجيش مساء الإثنين أن قواته استعادت السيطرة على التلة.", "مساء الإثنين"),
    ],
)
def test_quote_clauses_said_on_from_a_time_in_the_head(text: str, when: str) -> None:
    start = text.index(when)
    times = [{"start": start, "end": start + len(when), "value": "2024-05-01"}]
    [quote] = extract_quotes("d", text, times=times)
    assert quote.said_on == "2024-05-01"


def test_quote_clauses_time_inside_the_content_is_no_said_on() -> None:
    text = "وقال الوزير إن القوات دخلت المدينة يوم الأحد."
    start = text.index("الأحد")
    times = [{"start": start, "end": start + 5, "value": "2024-04-28"}]
    [quote] = extract_quotes("d", text, times=times)
    assert quote.said_on is None


def test_quote_clauses_colon_then_inna_starts_after_inna() -> None:
    [quote] = extract_quotes("d", "وقالت الشرطة: إن المشتبه به سلم نفسه صباح اليوم.")
    assert quote.text == "المشتبه به سلم نفسه صباح اليوم"


def test_quote_clauses_cue_with_an_object_pronoun_introduces_nothing() -> None:
    text = "ووفق ما قاله العلماء في المؤتمر فإن الكوكب أكبر من الأرض بنحو الثلثين."
    assert extract_quotes("d", text) == []


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # any preposition followed by أن opens the content, whatever the cue
        ("وكشف مصدر إلى أن الإدارة أعدت خطة بديلة للمدارس الحدودية.", "مصدر",
         "الإدارة أعدت خطة بديلة للمدارس الحدودية"),
    ],
)
def test_quote_clauses_preposition_then_an(text: str, speaker: str, content: str) -> None:
    [quote] = extract_quotes("d", text)
    assert (quote.speaker.name, quote.text) == (speaker, content)


def test_quote_clauses_a_verb_of_continuing_is_no_cue() -> None:
    text = "وواصل الفريق تدريباته استعدادا للمباراة، بينما أعلن المدرب أن اللاعب سيغيب."
    [quote] = extract_quotes("d", text)
    assert quote.speaker.name == "المدرب"


def test_quote_clauses_agency_after_la_is_whom_it_was_told() -> None:
    text = "وأكد مسؤول في الشركة لفرانس برس أن المصنع سيغلق أبوابه نهاية الشهر."
    persons = [PersonMention(text.index("فرانس برس"), text.index("فرانس برس") + 9, "ORG")]
    [quote] = extract_quotes("d", text, persons)
    assert quote.speaker.name == "مسؤول في الشركة"


def test_quote_clauses_agency_right_after_the_cue_is_its_subject() -> None:
    text = "وذكرت فرانس برس أن المصنع سيغلق أبوابه نهاية الشهر الجاري."
    persons = [PersonMention(text.index("فرانس برس"), text.index("فرانس برس") + 9, "ORG")]
    [quote] = extract_quotes("d", text, persons)
    assert quote.speaker.name == "فرانس برس"


def test_quote_clauses_words_another_cue_reports_are_no_cue() -> None:
    text = ("وأكد المتحدث باسم الوزارة سالم العتيبي على ما صرح به الوزير أمس بأن التسجيل "
            "سيفتح يوم الأحد المقبل.")
    persons = [PersonMention(text.index("سالم العتيبي"), text.index("سالم العتيبي") + 12, "PER")]
    [quote] = extract_quotes("d", text, persons)
    assert (quote.speaker.name, quote.cue) == ("سالم العتيبي", "وأكد")
    assert quote.text.startswith("التسجيل سيفتح")


@pytest.mark.parametrize(
    ("second", "speaker"),
    [
        # a one-word foreign name that reads as ل + noun is the subject
        ("وأكد لافال أن نتائج الفحص جيدة جدا.", "لافال"),
        # an adverb after the cue is no subject, the speaker goes on
        ("وأضاف لاحقا أن نتائج الفحص جيدة جدا.", "سامي الأحمد"),
        # an outlet with the article after ل is whom it was told
        ("وأكد للجزيرة أن نتائج الفحص جيدة جدا.", "سامي الأحمد"),
    ],
)
def test_quote_clauses_one_word_before_anna(second: str, speaker: str) -> None:
    text = "قال الطبيب سامي الأحمد إن العملية نجحت. " + second
    start = text.index("سامي الأحمد")
    quotes = extract_quotes("d", text, [PersonMention(start, start + 11, "PER")])
    assert quotes[-1].speaker.name == speaker


def test_quote_clauses_appeal_preposition_before_a_name_belongs_to_the_role() -> None:
    text = ("ودعا المبعوث الدولي إلى اليمن سامي الأحمد في كلمته إلى تمديد الهدنة خمسة "
            "أيام إضافية.")
    start = text.index("سامي الأحمد")
    [quote] = extract_quotes("d", text, [PersonMention(start, start + 11, "PER")])
    assert quote.speaker.name == "سامي الأحمد"
    assert quote.text.startswith("تمديد الهدنة")


def test_quote_clauses_appeal_content_follows_its_preposition() -> None:
    [quote] = extract_quotes("d", "ودعا الوزير إلى وقف إطلاق النار فورا في كل المدن.")
    assert (quote.speaker.name, quote.text) == ("الوزير", "وقف إطلاق النار فورا في كل المدن")


def test_quote_clauses_according_to_ends_the_speaker_phrase() -> None:
    [quote] = extract_quotes("d", "وشدد رئيس الوزراء اليمني بحسب القناة على أن العودة إلى "
                                  "الحوار تعني الالتزام بمخرجاته.")
    assert quote.speaker.name == "رئيس الوزراء اليمني"


def test_quote_clauses_time_right_after_the_cue_leaves_room_for_the_subject() -> None:
    [quote] = extract_quotes("d", "قال يوم الاثنين متحدثون عسكريون باسم الحكومة إن طائرات "
                                  "حربية أغرقت سفينة.")
    assert quote.speaker.name == "متحدثون عسكريون باسم الحكومة"
    assert quote.text == "طائرات حربية أغرقت سفينة"


def test_quote_clauses_colon_after_a_list_word_is_no_speech() -> None:
    text = "وتحدث التقرير عن الإصابة بأعراض التسمم الغذائي، مثل: القيء والإسهال وآلام البطن."
    assert extract_quotes("d", text) == []


def test_quote_clauses_colon_after_the_speaker_is_speech() -> None:
    [quote] = extract_quotes("d", "وتحدث التقرير عن الأعراض قائلا: القيء والإسهال أكثرها شيوعا.")
    assert quote.direct and quote.text.startswith("القيء")



def test_quote_clauses_dash_after_the_cue_opens_speech() -> None:
    text = ("وقال الوزير سالم العبدلي إن الموسم الزراعي كان جيدا، وأضاف – نتوقع محصولا "
            "أكبر في العام المقبل.")
    quotes = extract_quotes("d", text, [person(text, "سالم العبدلي")])
    assert [q.text for q in quotes][-1] == "نتوقع محصولا أكبر في العام المقبل"
    assert quotes[-1].direct is True
    assert quotes[-1].speaker.name == "سالم العبدلي"


def test_quote_clauses_dash_inside_the_speaker_phrase_is_no_speech() -> None:
    text = "وقال الوزير - وهو يتفقد المزارع - إن الموسم الزراعي كان جيدا."
    [quote] = extract_quotes("d", text)
    assert quote.text == "الموسم الزراعي كان جيدا"


def test_quote_clauses_mouthpiece_speaks_for_the_body() -> None:
    text = ("وقالت الشركة على لسان مديرها التنفيذي فهد القحطاني إن أعمال الصيانة "
            "ستنتهي قبل نهاية الشهر.")
    [quote] = extract_quotes("d", text, [person(text, "فهد القحطاني")])
    assert quote.speaker.name == "فهد القحطاني"
    assert quote.text == "أعمال الصيانة ستنتهي قبل نهاية الشهر"


def test_quote_clauses_a_tongue_that_is_no_mouthpiece() -> None:
    text = "وقالت الشركة على موقعها إن أعمال الصيانة ستنتهي قبل نهاية الشهر."
    [quote] = extract_quotes("d", text)
    assert quote.speaker.name.startswith("الشركة")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وتساءل أحد السكان: متى تنتهي هذه الأعمال في الحي؟",
         "متى تنتهي هذه الأعمال في الحي"),
        ('وقال المدرب إن الفريق جاهز. وواصل "سنلعب من أجل الفوز".', "سنلعب من أجل الفوز"),
        ("وعلق المدير على ذلك بأن القرار نهائي.", "القرار نهائي"),
    ],
)
def test_quote_clauses_question_continuation_and_comment_cues(text: str, expected: str) -> None:
    assert expected in [q.text for q in extract_quotes("d", text)]


def test_quote_clauses_continued_action_is_no_speech() -> None:
    assert extract_quotes("d", "وواصلت فرق الدفاع المدني أعمال البحث عن المفقودين.") == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("وقال مقاتلون من قوات الحماية التقتهم وكالة الأنباء إن المعارك مستمرة في الأحياء.",
     "مقاتلون من قوات الحماية"),
    ("وقال سكان محليون التقاهم مراسلنا إن المياه انقطعت منذ أسبوع.", "سكان محليون"),
])
def test_quote_clauses_meeting_verb_ends_the_speaker(text: str, speaker: str) -> None:
    [quote] = extract_quotes("d", text)
    assert quote.speaker.name == speaker


def test_quote_clauses_possessive_noun_is_no_meeting_verb() -> None:
    text = "وقال رئيس اللجنة وزائرها الأول إن المعرض سيفتتح غدا في قاعة المدينة."
    [quote] = extract_quotes("d", text)
    assert quote.speaker.name == "رئيس اللجنة وزائرها الأول"


def test_quote_clauses_quoted_addressee_of_an_appeal_is_no_speaker() -> None:
    text = 'ودعا المتحدث باسم الجماعة "أنصار المدينة" إلى الالتحاق بالجبهات في الشمال.'
    [quote] = extract_quotes("d", text)
    assert quote.speaker.name == "المتحدث باسم الجماعة"
    assert quote.text == "الالتحاق بالجبهات في الشمال"


def test_quote_clauses_quoted_addressee_after_a_role_with_an_adjective_is_no_speaker() -> None:
    text = ('ودعا المتحدث باسم الجماعة المسلحة "أنصار المدينة" في كل مكان إلى الالتحاق '
            'بالجبهات في الشمال.')
    [quote] = extract_quotes("d", text)
    assert quote.speaker.name == "المتحدث باسم الجماعة المسلحة"


def test_quote_clauses_quoted_body_after_the_link_stays_in_the_role() -> None:
    text = 'ودعا المتحدث باسم "جبهة الأحرار" إلى وقف القتال في المدينة.'
    [quote] = extract_quotes("d", text)
    assert "جبهة الأحرار" in quote.speaker.name


def test_quote_clauses_plural_participle_continues_the_speakers() -> None:
    text = ("وقال متضررون إن الشركة تأخرت في التعويض، مشيرين الى ان لقاء المسؤولين لم "
            "يسفر عن نتيجة.")
    quotes = extract_quotes("d", text)
    assert [q.text for q in quotes] == ["الشركة تأخرت في التعويض",
                                       "لقاء المسؤولين لم يسفر عن نتيجة"]
    assert {q.speaker.name for q in quotes} == {"متضررون"}


def test_quote_clauses_admitting_participle() -> None:
    text = "ووصف المدرب سامي العنزي المباراة بالصعبة، معترفا بأن الخصم هو الأوفر حظا للفوز."
    start = text.index("سامي العنزي")
    [quote] = extract_quotes("d", text, [PersonMention(start, start + 11, "PER", None)])
    assert (quote.speaker.name, quote.text) == ("سامي العنزي", "الخصم هو الأوفر حظا للفوز")


def test_quote_clauses_colon_after_a_long_adverbial_tail() -> None:
    text = ("أعلن رئيس الوزراء المكلف خالد السعدي، في تعليق على تعرض مبنى الوزارة في العاصمة "
            "الإدارية الجديدة لهجوم مسلح بالقذائف مساء أول من أمس: لن تتمكن الجماعات المسلحة "
            "من ترهيبنا.")
    [quote] = extract_quotes("d", text, [person(text, "خالد السعدي")])
    assert (quote.text, quote.direct) == ("لن تتمكن الجماعات المسلحة من ترهيبنا", True)


def test_quote_clauses_no_late_colon_past_a_content_word() -> None:
    text = ("أعلن رئيس الوزراء المكلف خالد السعدي، في تعليق على تعرض مبنى الوزارة في العاصمة "
            "الإدارية الجديدة لهجوم مسلح بالقذائف مساء أول من أمس، وهو ما يعني أن الأسباب "
            "ثلاثة: الأمن والمال.")
    assert extract_quotes("d", text, [person(text, "خالد السعدي")]) == []


def test_quote_clauses_link_colon_opens_no_speech() -> None:
    text = ("ودعا وكيل الأمانة سكان المدينة للمشاركة في الاستطلاع عبر الاستبانة المطروحة من "
            "خلال الموقع الإلكتروني للاحتفالات من خلال الرابط http://example.org/abc لدعم "
            "جهود الأمانة.")
    assert all("example" not in q.text for q in extract_quotes("d", text))


def test_quote_clauses_a_name_read_like_bi_an_is_no_complementiser() -> None:
    text = "ودعا الأمين العام للمنظمة بان كي مون إلى دعم اللاجئين في المنطقة."
    [quote] = extract_quotes("d", text, people(text, "بان كي مون"))
    assert (quote.text, quote.speaker.name) == ("دعم اللاجئين في المنطقة", "بان كي مون")


def test_quote_clauses_bi_an_without_a_name_still_opens_the_content() -> None:
    [quote] = extract_quotes("d", "وصرح المدير بان المشروع سينتهي في موعده المحدد.")
    assert (quote.text, quote.speaker.name) == ("المشروع سينتهي في موعده المحدد", "المدير")
