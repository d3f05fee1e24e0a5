"""Timeline: one event told by several outlets is one event with several sources."""

from __future__ import annotations

from marsad.story.timeline import build_timeline


def _event(doc: str, start: int, etype: str, date: str | None, places: list[str],
           text: str = "", precision: str = "day") -> dict:
    return {"id": f"{doc}:event:{start}", "doc": doc, "start": start, "end": start + 10,
            "type": etype, "date": date, "date_precision": precision, "text": text,
            "actors": [], "places": [{"entity": p, "name": p} for p in places],
            "figures": [], "mentions": [{"doc": doc, "start": start, "end": start + 10}]}


def test_timeline_merges_the_same_event_from_three_outlets() -> None:
    events = [_event(d, 0, "strike", "2024-03-02", ["town"]) for d in ("a", "b", "c")]
    [merged] = build_timeline(events, {"a": "الأفق", "b": "الرافد", "c": "الجسر"})
    assert merged["sources"] == ["الأفق", "الجسر", "الرافد"]
    assert len(merged["mentions"]) == 3


def test_timeline_keeps_different_days_types_and_places_apart() -> None:
    events = [
        _event("a", 0, "strike", "2024-03-02", ["town"]),
        _event("b", 0, "strike", "2024-03-03", ["town"]),
        _event("c", 0, "capture", "2024-03-02", ["town"]),
        _event("d", 0, "strike", "2024-03-02", ["city"]),
    ]
    assert len(build_timeline(events, {})) == 4


def test_timeline_never_merges_two_events_of_one_document() -> None:
    events = [_event("a", 0, "strike", "2024-03-02", ["town"]),
              _event("a", 50, "strike", "2024-03-02", ["town"])]
    assert len(build_timeline(events, {})) == 2


def test_timeline_is_in_date_order_exact_dates_first() -> None:
    events = [
        _event("a", 0, "attack", "2024-03-05", [], "اشتباكات", "reported"),
        _event("b", 0, "strike", "2014", [], "سيطرة"),
        _event("c", 0, "strike", "2024-03-05", ["x"]),
    ]
    merged = build_timeline(events, {})
    assert [e["date"] for e in merged] == ["2014", "2024-03-05", "2024-03-05"]
    assert merged[1]["date_precision"] == "day"


def test_timeline_undated_events_merge_only_with_a_shared_name_and_most_words() -> None:
    said = "أعلنت القوات السيطرة الكاملة على البلدة بعد معارك عنيفة"
    events = [
        _event("a", 0, "capture", None, ["town"], said, None),
        _event("b", 0, "capture", None, ["town"], "وأعلنت القوات السيطرة الكاملة على البلدة", None),
        _event("c", 0, "capture", None, ["town"], "تقدمت القوات نحو أطراف المدينة الشمالية", None),
        _event("d", 0, "capture", None, ["city"], said, None),
    ]
    merged = build_timeline(events, {})
    assert sorted(len(e["documents"]) for e in merged) == [1, 1, 2]
