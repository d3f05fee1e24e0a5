"""Quotes: direct and indirect speech, speakers before and after the cue, continuations."""

from __future__ import annotations

import pytest

from marsad.extract.quotes import PersonMention, extract_quotes
from tests.extract.conftest import person


def test_quotes_indirect_with_role_channel_and_weekday() -> None:
    text = ("وقال المتحدث باسم الدفاع المدني في المحافظة سامر الخطيب لوكالة الأنباء الإثنين "
            "إن فرق الإنقاذ انتشلت جثث ثلاثة أشخاص من تحت الأنقاض.")
    times = [{"start": text.index("الإثنين"), "end": text.index("الإثنين") + 7,
              "value": "2024-03-04"}]
    [quote] = extract_quotes("d", text, [person(text, "سامر الخطيب", entity="e1")], times)
    assert quote.direct is False
    assert quote.text == "فرق الإنقاذ انتشلت جثث ثلاثة أشخاص من تحت الأنقاض"
    assert quote.speaker.name == "سامر الخطيب"
    assert quote.speaker.entity == "e1"
    assert quote.speaker.title == "المتحدث باسم الدفاع المدني في المحافظة"
    assert quote.cue == "وقال"
    assert quote.said_on == "2024-03-04"
    assert text[quote.start:quote.end] == quote.text


@pytest.mark.parametrize("marks", [('"', '"'), ("«", "»"), ("“", "”")])
def test_quotes_direct_in_every_quotation_style(marks: tuple[str, str]) -> None:
    o, c = marks
    text = f"وأكد وزير الري كمال النعيمي {o}السدود الترابية لن تصمد أمام موجة ثانية من السيول{c}."
    [quote] = extract_quotes("d", text, [person(text, "كمال النعيمي")])
    assert quote.direct is True
    assert quote.text == "السدود الترابية لن تصمد أمام موجة ثانية من السيول"
    assert quote.speaker.name == "كمال النعيمي"
    assert quote.speaker.title == "وزير الري"


def test_quotes_interrupted_quote_keeps_the_speaker() -> None:
    text = ('وتحدث القائد الميداني أحمد الراوي عن "معارك ضارية في الأحياء الشرقية"، '
            'لافتاً إلى "مقاومة شرسة من المسلحين المتحصنين في الأنفاق".')
    cue_text = text.replace("وتحدث", "وقال")
    quotes = extract_quotes("d", cue_text, [person(cue_text, "أحمد الراوي")])
    assert [q.text for q in quotes] == [
        "معارك ضارية في الأحياء الشرقية", "مقاومة شرسة من المسلحين المتحصنين في الأنفاق"]
    assert {q.speaker.name for q in quotes} == {"أحمد الراوي"}


def test_quotes_continuation_verb_takes_the_last_speaker() -> None:
    text = ("وقالت مديرة المنظمة في الإقليم ليلى حداد إن المخيمات تجاوزت طاقتها الاستيعابية. "
            "وأضافت أن آلاف العائلات تبيت في العراء منذ أسبوع.")
    quotes = extract_quotes("d", text, [person(text, "ليلى حداد")])
    assert len(quotes) == 2
    assert quotes[1].speaker.name == "ليلى حداد"
    assert quotes[1].text == "آلاف العائلات تبيت في العراء منذ أسبوع"


def test_quotes_institution_as_speaker() -> None:
    text = "وأعلنت وزارة الصحة في بيان أن عدد الإصابات المؤكدة بالكوليرا ارتفع إلى 412 حالة."
    [quote] = extract_quotes("d", text, [person(text, "وزارة الصحة", "ORG", "org1")])
    assert quote.speaker.name == "وزارة الصحة"
    assert quote.speaker.entity == "org1"
    assert quote.channel == "statement"


def test_quotes_unnamed_speaker_keeps_the_phrase() -> None:
    text = "وقال مسؤول محلي في البلدية إن المياه غمرت أكثر من مئتي منزل في الحي القديم."
    [quote] = extract_quotes("d", text)
    assert quote.speaker.name == "مسؤول محلي في البلدية"
    assert quote.speaker.entity is None


def test_quotes_speaker_after_the_quotation() -> None:
    text = '"لن نغادر أرضنا مهما طال الحصار ومهما اشتد القصف"، قالت المعلمة سعاد يوسف.'
    [quote] = extract_quotes("d", text, [person(text, "سعاد يوسف")])
    assert quote.text.startswith("لن نغادر")
    assert quote.speaker.name == "سعاد يوسف"


def test_quotes_scare_quotes_are_not_speech() -> None:
    text = 'وسيطر مسلحو "الجبهة" على بلدة "العين" الصغيرة بعد معارك استمرت يومين.'
    assert extract_quotes("d", text) == []


def test_quotes_call_verb_content_after_ila() -> None:
    text = "ودعا الأمين العام للمنظمة الدولية جميع الأطراف إلى وقف فوري لإطلاق النار في المدينة."
    [quote] = extract_quotes("d", text)
    assert quote.text == "وقف فوري لإطلاق النار في المدينة"
    assert quote.cue == "ودعا"


def test_quotes_announced_masdar_is_no_quote_but_names_the_speaker() -> None:
    text = ("وأعلنت وزارة الصحة في الولاية تسجيل 47 حالة إسهال مائي حاد في مراكز الإيواء. "
            "وأضافت أن الفرق الطبية وصلت إلى القرى المتضررة صباح اليوم.")
    ministry, state = "وزارة الصحة", "الولاية"
    [quote] = extract_quotes("d", text, [person(text, ministry, "ORG"),
                                         person(text, state, "GPE")])
    assert quote.text == "الفرق الطبية وصلت إلى القرى المتضررة صباح اليوم"
    assert quote.speaker.name == "وزارة الصحة في الولاية"

@pytest.mark.parametrize(
    ("text", "expected", "cue"),
    [
        ("وقال الوزير إن المعابر ستفتح الأسبوع المقبل. وأردف أن الشاحنات جاهزة للعبور.",
         "الشاحنات جاهزة للعبور", "وأردف"),
        ("وقال الوزير إن المعابر ستفتح الأسبوع المقبل. وزاد أن الشاحنات جاهزة للعبور.",
         "الشاحنات جاهزة للعبور", "وزاد"),
        ("وغرد النائب سالم العبد: «لن نقبل بأي تسوية على حساب أهالي المدينة».",
         "لن نقبل بأي تسوية على حساب أهالي المدينة", "وغرد"),
        ("ونوه المدير إلى أن العمل في المشروع سيستأنف بعد العيد.",
         "العمل في المشروع سيستأنف بعد العيد", "ونوه"),
        ("وتحدث التقرير عن “تراجع كبير في أعداد الزوار خلال الصيف”.",
         "تراجع كبير في أعداد الزوار خلال الصيف", "وتحدث"),
    ],
)
def test_quotes_more_cue_verbs(text: str, expected: str, cue: str) -> None:
    quote = extract_quotes("d", text)[-1]
    assert (quote.text, quote.cue) == (expected, cue)


def test_quotes_increase_is_no_cue_without_a_clause() -> None:
    assert extract_quotes("d", "وزاد عدد النازحين في المخيم إلى ألفي شخص خلال الشهر.") == []


def test_quotes_speech_after_a_colon_without_marks_is_direct() -> None:
    text = "وقال الوزير: الحكومة لن تتراجع عن قرارها مهما كانت الضغوط."
    [quote] = extract_quotes("d", text)
    assert (quote.text, quote.direct) == ("الحكومة لن تتراجع عن قرارها مهما كانت الضغوط", True)


def test_quotes_colon_then_inna_stays_indirect() -> None:
    text = "وقال الوزير: إن الحكومة لن تتراجع عن قرارها مهما كانت الضغوط."
    [quote] = extract_quotes("d", text)
    assert (quote.text, quote.direct) == ("الحكومة لن تتراجع عن قرارها مهما كانت الضغوط", False)


def test_quotes_one_quoted_word_inside_a_reported_clause_is_the_direct_item() -> None:
    text = 'وقال قائد الشرطة إن عناصره "طاردوا" المهاجمين حتى الحدود الشمالية.'
    [quote] = extract_quotes("d", text)
    assert (quote.text, quote.direct) == ("طاردوا", True)


def test_quotes_quoted_name_inside_a_reported_clause_keeps_the_clause() -> None:
    text = 'وقال قائد الشرطة إن حركة "الجبهة" انسحبت من الحي الشرقي للمدينة.'
    start = text.index("الجبهة")
    [quote] = extract_quotes("d", text, [PersonMention(start, start + 6, "ORG")])
    assert quote.direct is False
    assert quote.text.startswith("حركة")


def test_quotes_verbal_attribution_names_the_next_speaker() -> None:
    text = ("ووقع الهجوم ليلا طبقا لما ذكره سالم الراشد مدير الشرطة. "
            "وأضاف أن المهاجمين فروا نحو الجبال.")
    [quote] = extract_quotes("d", text, [person(text, "سالم الراشد")])
    assert quote.speaker.name == "سالم الراشد"


def test_quotes_according_source_is_not_the_next_speaker() -> None:
    text = ("وقال الوزير خالد سعيد إن الطرق مقطوعة. وتضررت المنازل بحسب الدفاع المدني. "
            "وأضاف أن المساعدات ستصل غدا.")
    quotes = extract_quotes("d", text, [person(text, "خالد سعيد")])
    assert quotes[-1].speaker.name == "خالد سعيد"


def test_quotes_participle_mubayyinan_continues_the_speaker() -> None:
    text = "وقال الوزير خالد سعيد إن الطرق مقطوعة، مبيناً بأن الفرق تعمل على فتحها."
    quotes = extract_quotes("d", text, [person(text, "خالد سعيد")])
    assert [(q.cue, q.speaker.name) for q in quotes][-1] == ("مبيناً", "خالد سعيد")
    assert quotes[-1].text == "الفرق تعمل على فتحها"


def test_quotes_title_leaves_out_the_mark_around_a_quoted_name() -> None:
    text = 'أكد مدافع الفريق "سالم العبد" أنه سيبقى في النادي موسما آخر.'
    [quote] = extract_quotes("d", text, [person(text, "سالم العبد")])
    assert quote.speaker.title == "مدافع الفريق"


def test_quotes_a_verb_inside_the_reported_clause_is_no_new_cue() -> None:
    text = "وأوضح المتحدث سالم العبد أن المركز دعا الأطباء إلى التواصل معه عبر الرقم الموحد."
    [quote] = extract_quotes("d", text, [person(text, "سالم العبد")])
    assert quote.text == "المركز دعا الأطباء إلى التواصل معه عبر الرقم الموحد"
    assert quote.speaker.name == "سالم العبد"


def test_quotes_a_verb_after_a_comma_in_the_clause_is_a_new_cue() -> None:
    text = ("وقال الوزير سالم العبد إن الطرق مفتوحة، ودعا السكان إلى العودة إلى "
            "منازلهم في أقرب وقت.")
    quotes = extract_quotes("d", text, [person(text, "سالم العبد")])
    assert [q.cue for q in quotes] == ["وقال", "ودعا"]


def test_quotes_one_word_term_with_the_article_in_mid_clause_keeps_the_clause() -> None:
    text = 'وأكد الوكيل أن صحاري المنطقة جديرة بالسياحة "البيئية" وتستحق الزيارة.'
    [quote] = extract_quotes("d", text)
    assert quote.direct is False
    assert quote.text.startswith("صحاري المنطقة")


def test_quotes_quoted_appeal_word_with_the_article_is_speech() -> None:
    text = 'ودعا القائد مقاتليه إلى "الثبات" في مواقعهم.'
    [quote] = extract_quotes("d", text)
    assert (quote.text, quote.direct) == ("الثبات", True)


def test_quotes_quotation_after_a_possessed_naming_noun_is_speech() -> None:
    text = 'وقال المتحدث إن قواته "سجلت بالاسم كل من عبر نقاط التفتيش".'
    [quote] = extract_quotes("d", text)
    assert (quote.text, quote.direct) == ("سجلت بالاسم كل من عبر نقاط التفتيش", True)


def test_quotes_a_quotation_after_a_naming_word_is_a_name_in_a_clause() -> None:
    text = 'وقال المتحدث إن المقاتلين يطلقون على أنفسهم اسم "الفجر الجديد" منذ العام الماضي.'
    [quote] = extract_quotes("d", text)
    assert quote.direct is False


def test_quotes_cue_word_right_after_anna_opens_the_content() -> None:
    text = "أوضح مدرب الفريق أنه يقدر الظرف الذي يمر به اللاعب، مؤكداً أن لديه خيارات كثيرة."
    quotes = extract_quotes("d", text, [])
    assert [text[q.start:q.start + 10] for q in quotes][0] == "يقدر الظرف"
    assert {q.speaker.name for q in quotes} == {"مدرب الفريق"}


def test_quotes_outlet_name_after_its_adjective_is_no_speech() -> None:
    text = ('وكتب الوزير في مقال في الصحيفة الأسبوعية "الأخبار الجديدة" "ما يهددنا هو '
            'الانقسام الداخلي".')
    assert [q.text for q in extract_quotes("d", text)] == ["ما يهددنا هو الانقسام الداخلي"]


def test_quotes_outlet_as_subject_with_its_adjective_speaks() -> None:
    text = 'وقالت الصحيفة البريطانية "الوضع تحت السيطرة تماما في المدينة".'
    [quote] = extract_quotes("d", text)
    assert quote.text == "الوضع تحت السيطرة تماما في المدينة"
