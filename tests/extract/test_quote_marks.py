"""Quotation marks: nested straight marks, quotations left open, names and fragments."""

from __future__ import annotations

from marsad.extract.quote_marks import direct_spans, name_quotes
from marsad.extract.quotes import PersonMention


def _texts(text: str) -> list[str]:
    return [span.of(text) for span in direct_spans(text)]


def test_quote_marks_straight_marks_nest_around_a_quoted_name() -> None:
    text = 'وقال الوزير: "إن حركة "النهضة" لن تبقى في المدينة طويلا". وأضاف: "سنعود قريبا".'
    assert _texts(text) == ['إن حركة "النهضة" لن تبقى في المدينة طويلا', "سنعود قريبا"]


def test_quote_marks_open_quotation_closes_before_the_next_colon_quotation() -> None:
    text = ('وقال: "حركة "النهضة"، وحزب "الأمل ، كلها أحزاب معارضة". '
            'وأردف: "نحن مستعدون للحوار معها".')
    assert _texts(text) == ['حركة "النهضة"، وحزب "الأمل ، كلها أحزاب معارضة',
                            "نحن مستعدون للحوار معها"]


def test_quote_marks_a_mark_between_two_words_opens() -> None:
    text = 'وأطلقت الحكومة في مايو الماضي"حربا على الفقر" في الأرياف.'
    assert _texts(text) == ["حربا على الفقر"]


def test_quote_marks_unclosed_quotation_after_a_colon_runs_to_the_line_end() -> None:
    text = "وقال الطبيب: «الحالة مستقرة والمريض يتنفس وحده منذ أمس.\nوفي سياق آخر، وصلت قافلة."
    assert _texts(text) == ["الحالة مستقرة والمريض يتنفس وحده منذ أمس"]


def test_quote_marks_unclosed_mark_without_a_colon_is_no_quotation() -> None:
    text = "ورفع المتظاهرون لافتات «الخبز والحرية والكرامة لكل المواطنين في البلاد\nثم تفرقوا."
    assert _texts(text) == []


def test_quote_marks_short_unnamed_quotations_are_fragments() -> None:
    text = 'وقال إن عناصره "طاردوا" المهاجمين، وإن "الجبهة" انسحبت.'
    spans = direct_spans(text)
    start = text.index("الجبهة")
    names, fragments = name_quotes(text, spans, [PersonMention(start, start + 6, "ORG")])
    assert {s.of(text) for s in names} == {"طاردوا", "الجبهة"}
    assert {s.of(text) for s in fragments} == {"طاردوا"}


def test_quote_marks_a_straight_mark_after_a_colon_opens_before_a_space() -> None:
    text = ('وقال المدرب: "اللقاء صعب على الفريقين".\n'
            ' وأضاف: " لاعبونا جاهزون رغم الغيابات", مشيدا بالجمهور.')
    assert [text[s.start:s.end] for s in direct_spans(text)] == [
        "اللقاء صعب على الفريقين", "لاعبونا جاهزون رغم الغيابات"]


def test_quote_marks_marks_spaced_on_both_sides_pair() -> None:
    text = 'وقالت إحدى المحتجات أمام المكتب " لا يكفي أن يلتقوا بنا مرة في الشهر " .'
    assert [text[s.start:s.end] for s in direct_spans(text)] == [
        "لا يكفي أن يلتقوا بنا مرة في الشهر"]


def test_quote_marks_a_spaced_mark_before_a_later_closer_does_not_close() -> None:
    text = 'وقال الوزير "نحارب "داعش" وتنظيمات أخرى " المتطرفة" في المنطقة.'
    assert [text[s.start:s.end] for s in direct_spans(text)] == [
        'نحارب "داعش" وتنظيمات أخرى " المتطرفة']
