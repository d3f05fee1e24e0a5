"""Events: typed from triggers, with actors, places, figures and the right date."""

from __future__ import annotations

import pytest

from marsad.extract.events import body_sentences, extract_events
from marsad.extract.times import extract_times


def _mention(text: str, surface: str, type_: str, entity: str) -> dict:
    start = text.index(surface)
    return {"start": start, "end": start + len(surface), "type": type_, "entity": entity,
            "text": surface}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("شنت الطائرات الحربية غارات على أطراف البلدة فجر اليوم.", "strike"),
        ("وسيطرت القوات الحكومية على التلة الاستراتيجية بعد معارك عنيفة.", "capture"),
        ("واستسلم العشرات من المسلحين مع عائلاتهم خلال الليل.", "surrender"),
        ("وانسحبت الفصائل من مواقعها في الجهة الغربية.", "withdrawal"),
        ("ونزح آلاف السكان باتجاه القرى المجاورة.", "displacement"),
        ("واعتقلت الشرطة خمسة أشخاص يشتبه في تورطهم.", "arrest"),
        ("وأسفرت الاشتباكات عن مقتل ثلاثة مقاتلين.", "attack"),
        ("وتوعد التنظيم في تسجيل صوتي بالثأر لقتلاه.", "threat"),
        ("ووصلت قافلة مساعدات إلى المخيم محملة بالأغذية.", "humanitarian"),
        ("وأعلنت الحكومة تشكيل لجنة للتحقيق في الحادث.", "statement"),
    ],
)
def test_events_type_from_triggers(sentence: str, expected: str) -> None:
    [event] = extract_events("d", sentence, "2024-03-07")
    assert event.type == expected


@pytest.mark.parametrize(
    "text",
    [
        # a headline: a line of its own with no final punctuation
        "آلاف المدنيين يفرون من البلدة مع اشتداد القصف\n",
        # a dateline
        "الثلاثاء 2024/03/19\n",
    ],
)
def test_events_titles_and_datelines_give_no_event(text: str) -> None:
    assert extract_events("d", text, "2024-03-07") == []


def test_events_every_body_sentence_is_an_event_other_without_a_trigger() -> None:
    text = "عنوان الخبر هنا بلا نقطة\nويبلغ عدد سكان المدينة نحو نصف مليون نسمة."
    [event] = extract_events("d", text, "2024-03-07")
    assert (event.type, event.trigger) == ("other", None)
    assert event.text == "ويبلغ عدد سكان المدينة نحو نصف مليون نسمة."


def test_events_body_sentences_skip_the_headline_and_carry_their_mentions() -> None:
    text = "اشتباكات في المدينة\nواعتقلت الشرطة في حلب خمسة أشخاص. وقال الوزير إن الوضع هادئ."
    city = _mention(text, "حلب", "GPE", "حلب")
    body = body_sentences(text, [city], [city["start"]])
    assert [(text[s.start:s.end], h.type) for s, _, _, h in body] == [
        ("واعتقلت الشرطة في حلب خمسة أشخاص.", "arrest"),
        ("وقال الوزير إن الوضع هادئ.", "statement")]
    assert [mentions for _, _, mentions, _ in body] == [[city], []]


def test_events_date_from_the_sentence_else_reported_on_publication() -> None:
    text = "وقصفت المدفعية القرية السبت. واندلعت اشتباكات في الحي الشمالي."
    saturday = text.index("السبت")
    times = [{"start": saturday, "end": saturday + 5, "value": "2024-03-02"}]
    first, second = extract_events("d", text, "2024-03-07", times=times)
    assert (first.date, first.date_precision) == ("2024-03-02", "day")
    assert (second.date, second.date_precision) == ("2024-03-07", "reported")


def _dated(text: str, published: str = "2024-03-07") -> tuple[str | None, str | None]:
    """The date of a one-sentence text's event, its times found by the times stage."""
    times = [t.to_dict() for t in extract_times("d", text, published)]
    [event] = extract_events("d", text, published, times=times)
    return event.date, event.date_precision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # in a report of a deed, the deed's own time dates it, not the time it was told
        ("وقالت مصادر أمنية اليوم الخميس إن الجيش اقتحم البلدة ليل الثلاثاء.",
         ("2024-03-05", "day")),
        # a report of words is dated when the words were said
        ("وقال الوزير اليوم الخميس إن الحكومة ستدرس الأمر الثلاثاء.", ("2024-03-07", "day")),
        # a past part of a month is that month; a deadline or forecast dates nothing
        ("وفي مطلع الشهر الماضي، قتل خمسة أشخاص في انفجار.", ("2024-02", "month")),
        ("وتحتاج الأسر إلى مساعدات غذائية حتى نهاية الشهر.", ("2024-03-07", "reported")),
        # a time in a relative clause describes a noun; it does not date the event
        ("وتواصل القوات الهجوم الذي بدأ مطلع الشهر الماضي على البلدة.",
         ("2024-03-07", "reported")),
        # but one on the sentence's opening subject does
        ("وكان الاتفاق الذي وقع الثلاثاء ينص على وقف القتال.", ("2024-03-05", "day")),
        # also on the opening subject of what was reported
        ("وقال شهود إن الانفجار الذي وقع الثلاثاء دمر ثلاثة منازل.", ("2024-03-05", "day")),
        ("وقال شهود إن المسلحين هاجموا القافلة التي وصلت الثلاثاء إلى البلدة.",
         ("2024-03-07", "reported")),
        # how long something has lasted (منذ + a length of time) dates nothing
        ("وتحاصر الميليشيات المدينة منذ ثلاثة أشهر.", ("2024-03-07", "reported")),
        ("وهذه أعنف اشتباكات تشهدها المنطقة منذ سنتين.", ("2024-03-07", "reported")),
        # a length of time with قبل is a time ago and dates the event
        ("وانهار الجسر قبل ثلاثة أشهر بعد أمطار غزيرة.", ("2023-12", "month")),
    ],
)
def test_events_date_kinds(text: str, expected: tuple[str, str]) -> None:
    assert _dated(text) == expected


def test_events_background_sentence_takes_its_own_year() -> None:
    text = "وكان التنظيم قد سيطر على مساحات واسعة من البلاد في العام 2014."
    year = text.index("2014")
    [event] = extract_events("d", text, "2024-03-07",
                             times=[{"start": year, "end": year + 4, "value": "2014"}])
    assert (event.date, event.date_precision) == ("2014", "year")


def test_events_carry_actors_places_figures_and_fatalities() -> None:
    text = "وقتل سبعة مدنيين في غارة شنتها طائرات التحالف على بلدة الشعيطات."
    mentions = [_mention(text, "التحالف", "ORG", "e-coalition"),
                _mention(text, "الشعيطات", "GPE", "e-town")]
    start = text.index("سبعة")
    figures = [{"id": "f1", "start": start, "end": start + 4, "value": 7, "category": "killed"}]
    [event] = extract_events("d", text, "2024-03-07", mentions=mentions, figures=figures)
    assert event.type == "strike"
    assert [a["entity"] for a in event.actors] == ["e-coalition"]
    assert [p["entity"] for p in event.places] == ["e-town"]
    assert event.figures == ["f1"] and event.fatalities == 7
    assert text[event.start:event.end] == event.text


def test_events_a_since_interval_does_not_date_the_event() -> None:
    text = "ونزح آلاف المدنيين منذ مطلع الشهر من القرى الواقعة على الضفة الشرقية."
    since = text.index("منذ")
    times = [{"start": since, "end": since + 14, "value": "2024-03-01/2024-03-07"}]
    [event] = extract_events("d", text, "2024-03-07", times=times)
    assert (event.date, event.date_precision) == ("2024-03-07", "reported")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a report: what was reported decides, the speaker phrase does not (مستشفى)
        ("وقال مصدر طبي في المستشفى إن القوات سيطرت على الحي الشرقي.", "capture"),
        ("وقال مدير المستشفى إن الوضع صعب ويتطلب تضافر الجهود.", "statement"),
        ("وأعلنت اللجنة انتهاء عملية تبادل الأسرى بين الطرفين.", "other"),
        # «وفق ما أعلن» names a source; it does not make the sentence a statement
        ("ولقي 12 شخصا حتفهم جراء السيول، وفق ما أعلن الدفاع المدني.", "casualties"),
        # a trigger in a background phrase is not the main happening
        ("وفر آلاف المدنيين من البلدة منذ بدء الهجوم عليها.", "displacement"),
        ("وسيطرت الفصائل على التلة بعد أسبوع من المعارك.", "capture"),
        # a weak trigger gives way to a strong one later in the sentence
        ("وتلقى المحتجزون في السجن علاجاً طبياً عاجلاً بعد تفشي المرض.", "humanitarian"),
        # a purpose and an appeal have not happened yet
        ("وتوجهت تعزيزات عسكرية إلى الحدود للسيطرة على المعابر.", "other"),
        ('ودعا القائد المسلحين إلى "الاستسلام فوراً قبل فوات الأوان".', "statement"),
        ("وما زال آلاف المحتجزين في السجون منذ سنوات.", "arrest"),
        # a weak word counted (tamyiz) is no happening; a strong one in tanwin still is
        ("ونقلت الطائرات 140 محتجزاً إلى العاصمة في الرحلة الأولى.", "other"),
        ("وشن المسلحون هجوماً على نقطة التفتيش ليلاً.", "attack"),
        # deaths give way to the air strike that caused them, not to ground fire
        ("وقتل أربعة مدنيين في غارة جوية على السوق.", "strike"),
        ("وقتل أربعة مدنيين بقذائف هاون سقطت على السوق.", "casualties"),
        # a trigger written with a pronoun suffix
        ("ولقي ثلاثة أشخاص حتفهم غرقا في الوادي.", "casualties"),
        ("وأفاد المتحدث بأن 150 مقاتلا سلموا أنفسهم خلال الأسبوع.", "surrender"),
        # deaths are the main verb; a ground attack they happened in does not replace them
        ("وقتل ستة جنود في هجوم على موقع للجيش قرب الحدود.", "casualties"),
        ("وقتل ستة جنود في غارة على موقع للجيش قرب الحدود.", "strike"),
        # a trigger that points back to a happening already told is no new one
        ("وتبنت الجماعة هذا الهجوم في بيان على موقعها.", "statement"),
        ("وأكد الوزير أن الحكومة لن تتأثر بهجمات كهذه مهما تكررت.", "statement"),
        ("وأكد الوزير أن المسلحين شنوا هجمات على القرى الحدودية.", "attack"),
        # a claim of responsibility before «قائلة إن»: the claim is the happening
        ("وأعلنت الحركة مسؤوليتها عن الهجوم قائلة إن الهدف كان مقرا للشرطة.", "statement"),
        ("وأعلنت الحركة قائلة إن مقاتليها هاجموا مقرا للشرطة.", "attack"),
        # plural and other verb forms of the triggers
        ("وذكر مسؤول أن نحو مئة مسلح هاجموا مواقع للشرطة خلال الليل.", "attack"),
        ("وقال الطبيب إن خمسة أشخاص أصيبوا بجروح طفيفة.", "casualties"),
        ("وقالت المصادر إن البلدة سقطت في أيدي المسلحين صباح اليوم.", "capture"),
        # a happening the day after which the sentence tells of is background
        ("ووصل الرئيس إلى المدينة غداة هجوم على سوقها الرئيسية.", "other"),
        # a background phrase ends at its own event noun: what follows is the happening
        ("ووثق المرصد منذ بدء الهجوم مقتل 40 مدنيا في البلدة.", "casualties"),
        ("ووصلت قافلة منذ بدء الهجوم إلى البلدة.", "humanitarian"),
        # care, refuge and flood damage named in a report's content
        ("وقال الطبيب إن نسبة الشفاء بين مرضى الكوليرا تجاوزت النصف.", "humanitarian"),
        ("وقال السكان إن المياه غمرت الحي الشرقي بالكامل.", "other"),
        ("وقال السكان إن الحياة عادت إلى الحي الشرقي.", "statement"),
        # in a report, a fight named with the article is the topic, not a new happening
        ("وقال المحلل إن الهجوم يكشف ضعف الأجهزة الأمنية في المدينة.", "statement"),
        ("وقال المحلل إن مسلحين شنوا هجوما على نقطة للشرطة.", "attack"),
        ("وقال الضابط إن رجلا فجر نفسه قرب حاجز للشرطة.", "attack"),
        ("وحاصرت القوات الفندق طوال الليل.", "attack"),
    ],
)
def test_events_main_happening(sentence: str, expected: str) -> None:
    [event] = extract_events("d", sentence, "2024-03-07")
    assert event.type == expected


def test_events_main_actor_is_the_subject_after_the_verb() -> None:
    text = "وقال الجيش إن حماس أطلقت صواريخ على البلدة."
    mentions = [_mention(text, "الجيش", "ORG", "e-army"), _mention(text, "حماس", "ORG", "e-h")]
    [event] = extract_events("d", text, "2024-03-07", mentions=mentions)
    assert [a["entity"] for a in event.actors] == ["e-h", "e-army"]


def test_events_main_actor_of_a_statement_is_its_speaker() -> None:
    text = "وقال الجيش إن حماس تسعى إلى تخريب الهدنة."
    mentions = [_mention(text, "الجيش", "ORG", "e-army"), _mention(text, "حماس", "ORG", "e-h")]
    [event] = extract_events("d", text, "2024-03-07", mentions=mentions)
    assert event.type == "statement"
    assert [a["entity"] for a in event.actors] == ["e-army", "e-h"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words as often for everyday things type a sentence in a report of war or need
        ("وانتشرت الكوليرا في المخيم. وقال الطبيب إن نسبة الشفاء بين المرضى تجاوزت النصف.",
         ["humanitarian", "humanitarian"]),
        ("ووقعت اشتباكات عنيفة في البلدة. واستمرت المواجهات حتى الفجر.", ["attack", "attack"]),
        # but not in a health page or a sports report
        ("وينصح الأطباء بالرياضة كل يوم. وقال الطبيب إن نسبة الشفاء بين المرضى تجاوزت النصف.",
         ["other", "statement"]),
        ("ويستعد الفريق للموسم الجديد. وقال المدرب إن المواجهة مع المتصدر ستكون صعبة.",
         ["other", "statement"]),
    ],
)
def test_events_everyday_words_need_a_report_of_war_or_need(text: str,
                                                             expected: list[str]) -> None:
    assert [e.type for e in extract_events("d", text, "2024-03-07")] == expected


def test_events_time_ending_a_since_phrase_dates_nothing() -> None:
    text = "وارتفع عدد الفارين منذ بدء الهجوم على البلدة الثلاثاء الماضي إلى سبعة آلاف."
    tuesday = text.index("الثلاثاء")
    times = [{"start": tuesday, "end": tuesday + 15, "value": "2024-03-05"}]
    [event] = extract_events("d", text, "2024-03-07", times=times)
    assert (event.date, event.date_precision) == ("2024-03-07", "reported")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a shooting is an attack, the deaths it caused come after it
        ("وقالت الشرطة إن مسلحاً فتح النار داخل قاعة الاحتفالات فقتل ثلاثة أشخاص.", "attack"),
        ("وبدأ إطلاق النار بعد دقائق من وصول الضيوف.", "attack"),
        ("وقالت الشرطة إن رجلين أطلقا النار على المارة من سيارة مسرعة.", "attack"),
        # people who drowned are deaths
        ("وقال الناجون إن عشرين مهاجراً غرقوا عندما انقلب القارب.", "casualties"),
        # a ceasefire is no shooting: an appeal for one is words
        ("وقال الزعيم إن على الطرفين الالتزام بوقف إطلاق النار فوراً.", "statement"),
    ],
)
def test_events_shootings_drownings_and_ceasefires(sentence: str, expected: str) -> None:
    [event] = extract_events("d", sentence, "2024-03-07")
    assert event.type == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an opinion about deaths or a withdrawal, named deep in what was said, is words
        ('وقال القائد في بيان "نعبر عن حزننا العميق وأسفنا الشديد لمقتل الجنود".', "statement"),
        ("وأكد الوزير أن أي حل سياسي دائم يتطلب قبول الطرفين بالانسحاب من المدن.",
         "statement"),
        # a happening told at the head of the reported clause is the event
        ("وقال المسؤول إن خمسة جنود قتلوا في الهجوم على نقطة التفتيش.", "casualties"),
        ("وأكد الناطق أن القوات الحكومية انسحبت من المواقع الشرقية للمدينة.", "withdrawal"),
        # needs are told in nouns, deep in the clause too
        ("وقالت المنظمة إن الأسر النازحة بحاجة ماسة إلى المياه والمأوى والرعاية الصحية.",
         "humanitarian"),
    ],
)
def test_events_report_types_from_the_reported_clause(sentence: str, expected: str) -> None:
    [event] = extract_events("d", sentence, "2024-03-07")
    assert event.type == expected
