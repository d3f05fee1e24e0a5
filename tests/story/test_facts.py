"""Facts of a report's title and lead: ordinals, nationalities, numbers of things."""

from __future__ import annotations

from marsad.story.facts import FactTally, compare_facts, story_facts


def _sets(facts: dict[str, list[str]]) -> dict[str, set[str]]:
    return {key: set(values) for key, values in facts.items()}


def test_story_facts_ordinal_of_the_title_counts_the_nouns_before_it() -> None:
    facts = story_facts("وصول القافلة الإغاثية الخامسة إلى معان", "نص الخبر.")
    assert facts["o:قافله"] == ["5"] and facts["o:اغاثيه"] == ["5"]
    assert story_facts("قافلة مساعدات رابعة تصل معان", "")["o:قافله"] == ["4"]


def test_story_facts_ordinals_of_the_body_are_background() -> None:
    text = "قال النائب الثاني لرئيس الوزراء إن الحكومة ماضية في خطتها."
    assert not any(key.startswith("o:") for key in story_facts("الحكومة ماضية في خطتها", text))


def test_story_facts_nationality_next_to_its_cue_anywhere_in_the_text() -> None:
    opening = "أعلنت الوزارة تنفيذ الحكم. " + "وجاء في البيان نص طويل. " * 40
    facts = story_facts("تنفيذ حكم", opening + "وهو المدعو فلان - باكستاني الجنسية - .")
    assert facts["nat"] == ["الباكستانيون"]  # a singular found through its plural
    assert story_facts(None, "شاب يحمل الجنسية السورية")["nat"] == ["السوريون"]
    assert "nat" not in story_facts(None, "زار وفد سوري العاصمة")  # no cue: no person's


def test_story_facts_numbers_of_things_with_their_scale_not_counts_of_people() -> None:
    facts = story_facts("سفينة تحمل 12 طناً", "دفعت الحكومة 3 مليار يورو وقتل 20 شخصاً.")
    assert facts["n:طن"] == ["12"] and facts["n:يورو"] == ["3000000000"]
    assert not any("شخص" in key for key in facts)  # a toll grows while the story goes on


def test_story_facts_one_decimal_written_several_ways_agrees() -> None:
    reversed_comma = _sets(story_facts(None, "سداد 2ر3 مليار يورو للبنك"))
    dotted = _sets(story_facts(None, "سداد 3.2 مليار يورو للبنك"))
    assert compare_facts(reversed_comma, dotted) == (1, 0)


def test_compare_facts_conflict_needs_a_shared_key_and_no_shared_value() -> None:
    third = _sets(story_facts("وصول الطائرة الثالثة", ""))
    second = _sets(story_facts("طائرة ثانية تصل", ""))
    ship = _sets(story_facts("رسو السفينة الثالثة", ""))
    assert compare_facts(third, second) == (0, 2)  # an ordinal conflict counts twice
    assert compare_facts(third, ship) == (0, 0)  # ordinals of two different things
    assert compare_facts(third, third) == (1, 0)


def test_compare_facts_a_shared_nationality_is_no_agreement() -> None:
    syrian = _sets(story_facts(None, "المدعو فلان سوري الجنسية"))
    other_syrian = _sets(story_facts(None, "المدعو علان سوري الجنسية"))
    pakistani = _sets(story_facts(None, "المدعو فلان باكستاني الجنسية"))
    assert compare_facts(syrian, other_syrian) == (0, 0)
    assert compare_facts(syrian, pakistani) == (0, 1)


def test_story_facts_last_name_of_the_person_whose_nationality_is_set_off() -> None:
    facts = story_facts(None, "تم القبض على المدعو سالم عوض الفلاني - يمني الجنسية - بتهمة")
    assert facts["who"] == ["فلاني"] and facts["nat"] == ["اليمنيون"]
    assert "who" not in story_facts(None, "وفد الحكومة اليمنية يحمل الجنسية اليمنية")
    same = _sets(story_facts(None, "المدعو سالم الفلاني (يمني الجنسية)"))
    other = _sets(story_facts(None, "المدعو جمال العلاني (يمني الجنسية)"))
    assert compare_facts(same, other) == (0, 1)  # one nationality, two persons


def test_story_facts_a_number_before_an_ordinal_word_makes_it_a_count() -> None:
    assert not any(key.startswith("o:") for key in story_facts("سقوط الصاروخ بعد 30 ثانية", ""))


def test_compare_facts_an_ordinal_conflict_outweighs_a_shared_number() -> None:
    second = _sets(story_facts("وصول الطائرة الثانية محملة بـ 10 أطنان", ""))
    fourth = _sets(story_facts("وصول الطائرة الرابعة محملة بـ 10 أطنان", ""))
    agreements, conflicts = compare_facts(second, fourth)
    assert (agreements, conflicts) == (1, 2) and conflicts > agreements


def test_fact_tally_core_keeps_the_values_most_holders_state() -> None:
    tally = FactTally({"nat": ["الباكستانيون"], "n:طن": ["10"]})
    tally.add(FactTally({"nat": ["الباكستانيون", "السوريون"]}))  # a round-up of two cases
    assert tally.core() == {"nat": {"الباكستانيون"}, "n:طن": {"10"}}
    tally.add(FactTally({"n:طن": ["12"]}))
    assert tally.core()["n:طن"] == {"10", "12"}  # one holder against one: both stand
    tally.add(FactTally({"n:طن": ["12"]}))
    assert tally.core()["n:طن"] == {"12"}


def test_story_facts_places_of_the_title_two_word_names_first() -> None:
    facts = story_facts("حريق في مستودع بخميس مشيط وآخر في أبها", "نص الخبر.")
    assert facts["place"] == ["أبها", "خميس مشيط"]
    assert "place" not in story_facts("السعودية تدين الهجوم", "")  # a country holds many events


def test_compare_facts_places_conflict_only_when_far_apart() -> None:
    tabuk = _sets(story_facts("حريق في مستودع بتبوك", ""))
    jazan = _sets(story_facts("حريق في مستودع بجازان", ""))
    abha = _sets(story_facts("حريق في مستودع بأبها", ""))
    asir = _sets(story_facts("حريق في مستودع بمنطقة عسير", ""))
    assert compare_facts(tabuk, jazan) == (0, 1)
    assert compare_facts(abha, asir) == (0, 0)  # a city inside its province
    assert compare_facts(tabuk, tabuk) == (0, 0)  # one town hosts many events
