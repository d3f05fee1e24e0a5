"""Quotes: which earlier speaker or named person a statement or a bare role points to."""

from __future__ import annotations

from marsad.extract.quotes import extract_quotes
from tests.extract.conftest import people


def test_quote_references_statement_speaks_for_its_issuer() -> None:
    text = ("وأكد بيان البيت الأبيض أن الرئيس سيزور المنطقة في الخريف المقبل. "
            "وقال مسؤول في الخارجية إن الترتيبات لم تكتمل بعد. "
            "وأضاف البيان أن الزيارة ستشمل ثلاث دول على الأقل.")
    quotes = extract_quotes("d", text, people(text, "البيت الأبيض", type_="ORG"))
    assert [q.speaker.name for q in quotes] == ["البيت الأبيض", "مسؤول في الخارجية",
                                               "البيت الأبيض"]


def test_quote_references_statement_of_a_described_body_points_back() -> None:
    text = ("وقالت منظمة العفو الدولية إن السجناء يحرمون من الزيارات منذ أشهر. "
            "وأشار بيان المنظمة إلى أن عشرات منهم مضربون عن الطعام.")
    quotes = extract_quotes("d", text, people(text, "منظمة العفو الدولية", type_="ORG"))
    assert quotes[-1].speaker.name == "منظمة العفو الدولية"


def test_quote_references_source_cited_earlier_in_the_sentence() -> None:
    text = ("وبحث الزعيمان الأوضاع في المنطقة حسب ما أعلن البيت الأبيض، وأضاف البيان أن "
            "التعاون بين البلدين سيستمر.")
    quotes = extract_quotes("d", text, people(text, "البيت الأبيض", type_="ORG"))
    assert [q.speaker.name for q in quotes] == ["البيت الأبيض"]


def test_quote_references_shorter_role_without_the_article_is_the_earlier_speaker() -> None:
    text = ("وقال وزير الدفاع الأمريكي جون هاربر إن قواته باقية في القاعدة. "
            "وقال الوزير الأمريكي إن المحادثات مع الحلفاء كانت صريحة.")
    quotes = extract_quotes("d", text, people(text, "جون هاربر"))
    assert quotes[-1].speaker.name == "جون هاربر"


def test_quote_references_role_named_earlier_in_the_text_is_its_holder() -> None:
    text = ("ووصل المبعوث الأممي مارتن كول إلى العاصمة أمس في زيارة تستمر يومين. "
            "وقال المبعوث الأممي إلى البلاد إن المحادثات ستستأنف الأسبوع المقبل.")
    quotes = extract_quotes("d", text, people(text, "مارتن كول"))
    assert quotes[-1].speaker.name == "مارتن كول"


def test_quote_references_role_held_by_two_named_people_stays_a_role() -> None:
    text = ("والتقى وزير الخارجية سامي الأحمد نظيره وزير الخارجية خالد المصري أمس. "
            "وقال وزير الخارجية إن البلدين اتفقا على فتح الحدود.")
    quotes = extract_quotes("d", text, people(text, "سامي الأحمد", "خالد المصري"))
    assert quotes[-1].speaker.name == "وزير الخارجية"


def test_quote_references_body_is_no_role_of_its_director() -> None:
    text = ("ووصل مدير المرصد سامر الحلبي إلى المدينة أمس. "
            "وقال المرصد الوطني إن القصف استهدف ثلاثة أحياء.")
    quotes = extract_quotes("d", text, people(text, "سامر الحلبي"))
    assert quotes[-1].speaker.name == "المرصد الوطني"


def test_quote_references_participle_after_a_new_clause_speaks_for_its_subject() -> None:
    text = ("وأشاد المواطن صالح العلي بالمبادرة، ويوافقه الرأي المواطن سامي الأحمد داعيا "
            "إلى تعميم التجربة على كل الأحياء.")
    quotes = extract_quotes("d", text, people(text, "صالح العلي", "سامي الأحمد"))
    assert quotes[-1].speaker.name == "سامي الأحمد"


def test_quote_references_participle_after_a_companion_keeps_the_speaker() -> None:
    text = ("وقال المحافظ صالح العلي إن الطريق سيفتح قريبا، وتجول مع سامي الأحمد في الموقع "
            "مؤكدا أن العمل سينتهي قبل الموعد.")
    quotes = extract_quotes("d", text, people(text, "صالح العلي", "سامي الأحمد"))
    assert quotes[-1].speaker.name == "صالح العلي"


def test_quote_references_outlet_passes_on_what_the_one_after_an_said() -> None:
    text = ("ونقلت الصحيفة عن وزير النفط سامي الأحمد قوله إن الأسعار ستتحسن قريبا. "
            "وأضاف أن الإنتاج سيرتفع العام المقبل.")
    quotes = extract_quotes("d", text, people(text, "سامي الأحمد"))
    assert [q.speaker.name for q in quotes] == ["سامي الأحمد", "سامي الأحمد"]
    assert quotes[0].cue == "قوله"


def test_quote_references_saying_without_a_source_is_no_cue() -> None:
    assert extract_quotes("d", "وفي قوله تعالى إن الله مع الصابرين عبرة للمؤمنين جميعا.") == []


def test_quote_references_statement_verb_names_the_issuer_after_la() -> None:
    text = ("وقالت الشرطة إن التحقيق مستمر. وجاء في بيان لوزارة الداخلية: «تمكنت الجهات "
            "الأمنية من القبض على المتهمين».")
    quotes = extract_quotes("d", text, people(text, "وزارة الداخلية", type_="ORG"))
    assert quotes[-1].speaker.name == "وزارة الداخلية"
    assert quotes[-1].direct


def test_quote_references_statement_verb_with_a_bare_statement_is_the_latest_source() -> None:
    text = ("وقالت وزارة النقل إن الطريق سيفتح قريبا. وجاء في البيان أن العمل سينتهي قبل "
            "الموعد المحدد.")
    quotes = extract_quotes("d", text, people(text, "وزارة النقل", type_="ORG"))
    assert [q.speaker.name for q in quotes] == ["وزارة النقل", "وزارة النقل"]


def test_quote_references_its_statement_is_the_body_last_named() -> None:
    text = ("وقال الوزير سامي الأحمد إن الاتفاق جيد. وانتقدت منظمة العفو الدولية الاتفاق. "
            "وجاء في بيان لها: «كنا سنؤيد الاتفاق لو كان يمنع التسلح».")
    persons = people(text, "سامي الأحمد") + people(text, "منظمة العفو الدولية", type_="ORG")
    quotes = extract_quotes("d", text, sorted(persons, key=lambda p: p.start))
    assert quotes[-1].speaker.name == "منظمة العفو الدولية"


def test_quote_references_came_without_a_statement_is_no_cue() -> None:
    assert extract_quotes("d", "وجاء الرد سريعا من الوزارة أن العمل سينتهي قبل الموعد.") == []


def test_quote_references_dual_role_is_the_pair_named_together() -> None:
    text = ("وبحث الوزير سامي الأحمد ونظيره الأردني خالد المصري أمس ملف المياه، وأكد "
            "الوزيران أنهما سيعززان التعاون بين البلدين.")
    quotes = extract_quotes("d", text, people(text, "سامي الأحمد", "خالد المصري"))
    assert quotes[-1].speaker.name == "سامي الأحمد ونظيره الأردني خالد المصري"


def test_quote_references_dual_role_with_nobody_named_together_stays() -> None:
    text = ("وصل سامي الأحمد إلى العاصمة. والتقى خالد المصري بالصحفيين. وأكد الوزيران "
            "أنهما سيعززان التعاون بين البلدين.")
    quotes = extract_quotes("d", text, people(text, "سامي الأحمد", "خالد المصري"))
    assert quotes[-1].speaker.name == "الوزيران"


def test_quote_references_relay_verb_quotes_the_one_after_an() -> None:
    text = "ونقل المرصد عن سكان محليين أن سقوط الطائرة تسبب بانفجار كبير قرب السوق."
    [quote] = extract_quotes("d", text)
    assert quote.speaker.name == "سكان محليين"
    assert quote.cue == "ونقل"


def test_quote_references_moving_things_is_no_relay() -> None:
    text = ("وقال سامي الأحمد إن العملية تأخرت بسبب نقل الأسرى مشيرا إلى أن التبادل سيتم "
            "الأسبوع المقبل.")
    quotes = extract_quotes("d", text, people(text, "سامي الأحمد"))
    assert [q.speaker.name for q in quotes] == ["سامي الأحمد", "سامي الأحمد"]


def test_quote_references_spokesman_of_a_person_is_not_that_person() -> None:
    [quote] = extract_quotes("d", "وأكد المتحدث باسم خالد المصري أن التعاون مستمر بين البلدين.")
    assert quote.speaker.name == "المتحدث باسم خالد المصري"


def test_quote_references_mouthpiece_continues_with_a_masculine_cue() -> None:
    text = ("وقال المواطن سامي العنزي إن الطريق مغلق منذ أسابيع. وقالت البلدية على لسان "
            "رئيسها فهد القحطاني إن الأعمال تسير وفق الجدول. وأضاف أن المقاول سيفتح الطريق "
            "قريبا.")
    quotes = extract_quotes("d", text, people(text, "سامي العنزي", "فهد القحطاني"))
    assert [q.speaker.name for q in quotes] == ["سامي العنزي", "فهد القحطاني", "فهد القحطاني"]


def test_quote_references_masculine_continuation_after_a_body_keeps_the_body() -> None:
    text = ('وقال الباحث سامي العنزي إن المياه ملوثة. وتقول منظمة أطباء الصحراء "العيادات '
            'تعمل بلا كهرباء منذ أسبوع". وأضاف: "نحتاج إلى مولدات في أقرب وقت".')
    persons = people(text, "سامي العنزي") + people(text, "منظمة أطباء الصحراء", type_="ORG")
    quotes = extract_quotes("d", text, persons)
    assert quotes[-1].speaker.name == "منظمة أطباء الصحراء"


def test_quote_references_masculine_continuation_skips_a_woman() -> None:
    text = ('وقال الباحث سامي العنزي إن المياه ملوثة. وتقول الطبيبة ليلى حداد "العيادات '
            'تعمل بلا كهرباء منذ أسبوع". وأضاف: "نحتاج إلى مولدات في أقرب وقت".')
    quotes = extract_quotes("d", text, people(text, "سامي العنزي", "ليلى حداد"))
    assert quotes[-1].speaker.name == "سامي العنزي"


def test_quote_references_contrast_pronoun_points_to_the_opening_subject() -> None:
    text = "ولم يشر التقرير إلى موعد الانتخابات، لكنه قال إن الحكومة ستعلن عنه قريبا."
    [quote] = extract_quotes("d", text)
    assert quote.speaker.name == "التقرير"
    assert quote.text == "الحكومة ستعلن عنه قريبا"


def test_quote_references_contrast_pronoun_skips_a_plural_head_for_the_last_speaker() -> None:
    text = ('وقال الجنرال جون ميلر إن الحملة مستمرة. ويحاول مقاتلو التنظيم، وفق ميلر، '
            '"الفرار بين المدنيين"، لكنه شدد على أن "هذه الحيل لن تنجح".')
    quotes = extract_quotes("d", text, people(text, "جون ميلر"))
    assert quotes[-1].speaker.name != "التنظيم"
    assert "ميلر" in quotes[-1].speaker.name


def test_quote_references_contrast_pronoun_keeps_the_sentence_speaker() -> None:
    text = ("وقال الوزير سامي العنزي إن التقرير لم يحدد موعدا، لكنه أكد أن الحكومة ستعلن "
            "عنه قريبا.")
    quotes = extract_quotes("d", text, people(text, "سامي العنزي"))
    assert [q.speaker.name for q in quotes] == ["سامي العنزي", "سامي العنزي"]


def test_quote_references_contrast_pronoun_after_a_source_names_no_adjective() -> None:
    text = ("وحسب صحيفة «صباح» التركية فإن الطائرة طلبت الإذن بالهبوط لكنها أشارت إلى أن "
            "الركاب من كبار الزوار.")
    assert all(q.speaker.name != "التركية" for q in extract_quotes("d", text))


def test_quote_references_plain_person_noun_is_the_named_speaker_of_its_gender() -> None:
    text = ("وقالت المعلمة سارة الحربي إن المدرسة تحتاج إلى صيانة عاجلة. "
            "وقال المهندس خالد العتيبي إن الأعمال ستبدأ الأسبوع المقبل. "
            "ويدعي الرجل أن الشركة تأخرت في تسليم المواد. "
            "وقالت السيدة إن الطلاب ينتظرون منذ شهرين.")
    quotes = extract_quotes("d", text, people(text, "سارة الحربي", "خالد العتيبي"))
    assert [q.speaker.name for q in quotes] == ["سارة الحربي", "خالد العتيبي", "خالد العتيبي",
                                               "سارة الحربي"]


def test_quote_references_plain_person_noun_with_no_named_speaker_stays() -> None:
    text = ("وقالت الوزارة إن المدرسة تحتاج إلى صيانة عاجلة. "
            "ويدعي الرجل أن الشركة تأخرت في تسليم المواد.")
    quotes = extract_quotes("d", text, people(text, "الوزارة", type_="ORG"))
    assert quotes[-1].speaker.name == "الرجل"


def test_quote_references_plural_cue_continues_a_plural_speaker() -> None:
    text = ("وقال مزارعون في القرية إن الأمطار أتلفت المحاصيل هذا العام. "
            "وأضافوا أن التعويضات لم تصل إليهم حتى الآن.")
    quotes = extract_quotes("d", text)
    assert [q.speaker.name for q in quotes] == ["مزارعون في القرية", "مزارعون في القرية"]


def test_quote_references_plural_cue_never_falls_back_to_one_person() -> None:
    text = ("وقال المهندس خالد العتيبي إن الأعمال ستبدأ الأسبوع المقبل. "
            "ووصل العمال إلى الموقع صباحا. وقالوا إن المعدات لم تصل بعد.")
    quotes = extract_quotes("d", text, people(text, "خالد العتيبي"))
    assert [q.speaker.name for q in quotes] == ["خالد العتيبي"]
