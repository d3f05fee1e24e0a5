"""The event type confusion table pairs events as the scorer does."""

from __future__ import annotations

from eval.event_confusion import confusion, format_confusion


def _event(doc: str, start: int, end: int, type_: str) -> dict:
    return {"doc": doc, "type": type_, "mentions": [{"doc": doc, "start": start, "end": end}]}


def test_event_confusion_counts_matched_pairs_by_type() -> None:
    gold = [_event("a", 0, 10, "attack"), _event("a", 12, 20, "other"),
            _event("b", 0, 5, "statement")]
    predicted = [_event("a", 0, 9, "statement"), _event("a", 12, 20, "other")]
    counts = confusion(gold, predicted)
    assert counts == {("attack", "statement"): 1, ("other", "other"): 1}
    table = format_confusion(counts)
    assert table.splitlines()[-1] == "type accuracy 1/2"
    assert "attack" in table.splitlines()[1] and table.splitlines()[1].endswith("0/1")
