"""A two-word given name alone refers to the person named in full. Sentences are invented."""

from __future__ import annotations

from marsad.extract.entities import extract_mentions


def _people(text: str) -> list[str]:
    return [m.text for m in extract_mentions("d", text, crf=False) if m.type == "PER"]


def test_a_two_word_given_name_alone_is_the_person_named_in_full() -> None:
    people = _people("وقال حسام الدين الحمادي إن الصلح تم، واستقبل الأهالي حسام الدين بالترحاب.")
    assert people == ["حسام الدين الحمادي", "حسام الدين"]


def test_the_two_words_are_no_name_when_nobody_was_named_with_them() -> None:
    assert _people("ودعا الخطيب إلى حسام الدين ونصرة الحق.") == []


def test_a_two_word_given_name_after_bin_is_a_forebear_not_the_person() -> None:
    people = _people("وقال حسام الدين الحمادي إن العمل بدأ، وحضر سالم بن حسام الدين الكبير.")
    assert "حسام الدين" not in people[1:]


def test_the_first_and_last_of_a_full_name_together_are_the_person() -> None:
    people = _people("واعتقلت الشرطة طارق منير الحداد أمس، وقال المحامي إن طارق الحداد بريء.")
    assert people == ["طارق منير الحداد", "طارق الحداد"]


def test_two_words_nobody_was_named_with_are_no_short_name() -> None:
    people = _people("واعتقلت الشرطة طارق منير الحداد أمس، وقال المحامي إن منير طارق بريء.")
    assert "منير طارق" not in people
