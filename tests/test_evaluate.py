"""marsad eval: matching, precision/recall and attribute scores."""

from __future__ import annotations

import pytest

from marsad.evaluate import evaluate, format_scores, match_items


def _t(doc: str, start: int, end: int, value: str | None = None) -> dict:
    return {"doc": doc, "start": start, "end": end, "value": value}


def test_evaluate_match_prefers_largest_overlap_one_to_one() -> None:
    gold = [_t("d", 0, 10), _t("d", 12, 20)]
    pred = [_t("d", 5, 15), _t("d", 0, 9)]
    pairs = match_items(gold, pred)
    assert [(g["start"], p["start"]) for g, p in pairs] == [(0, 0), (12, 5)]


def test_evaluate_match_never_crosses_documents() -> None:
    assert match_items([_t("a", 0, 5)], [_t("b", 0, 5)]) == []


def test_evaluate_times_precision_recall_and_value_accuracy() -> None:
    gold = {"times": [_t("d", 0, 5, "2024-03-02"), _t("d", 10, 15, "2024-03")]}
    analysis = {
        "documents": [{"id": "d"}],
        "times": [_t("d", 0, 5, "2024-03-02"), _t("d", 11, 15, "2024-02"), _t("d", 30, 35)],
    }
    scores = evaluate(gold, analysis)["times"]
    assert scores["recall"] == 1.0
    assert scores["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["attributes"]["value"] == 0.5
    assert scores["exact_span_rate"] == 0.5


def test_evaluate_figures_score_only_annotated_attributes() -> None:
    gold = {"figures": [{"doc": "d", "start": 0, "end": 6, "value": 39000, "category": "displaced",
                         "source": {"name": "المرصد السوري"}}]}
    analysis = {"documents": [{"id": "d"}], "figures": [{
        "doc": "d", "start": 0, "end": 6, "value": 39000.0, "category": "killed", "unit": "شخص",
        "source": {"entity": None, "name": "المرصد السوري لحقوق الإنسان"}}]}
    attrs = evaluate(gold, analysis)["figures"]["attributes"]
    assert attrs == {"category": 0.0, "source": 1.0, "value": 1.0}


def test_evaluate_entities_per_type_and_merge_accuracy() -> None:
    gold = {"entities": [
        {"id": "g1", "type": "ORG", "mentions": [{"doc": "d", "start": 0, "end": 4},
                                                 {"doc": "d", "start": 20, "end": 23}]},
        {"id": "g2", "type": "GPE", "mentions": [{"doc": "d", "start": 30, "end": 36}]},
    ]}
    analysis = {"documents": [{"id": "d"}], "entities": [
        {"id": "p1", "type": "ORG", "mentions": [{"doc": "d", "start": 0, "end": 4}]},
        {"id": "p2", "type": "ORG", "mentions": [{"doc": "d", "start": 20, "end": 23}]},
        {"id": "p3", "type": "PER", "mentions": [{"doc": "d", "start": 30, "end": 36}]},
    ]}
    result = evaluate(gold, analysis)["entities"]
    assert result["per_type"]["ORG"]["f1"] == 1.0
    assert result["per_type"]["GPE"]["recall"] == 0.0
    assert result["all"]["matched"] == 2
    assert result["merge"]["recall"] == 0.0  # the two ORG mentions were not merged
    assert "entity merging" in format_scores(evaluate(gold, analysis))


def test_evaluate_reports_gold_documents_missing_from_the_analysis() -> None:
    result = evaluate({"times": [_t("gone", 0, 3)]}, {"documents": [{"id": "d"}]})
    assert result["missing_documents"] == ["gone"]
    assert "gone" in format_scores(result)


def test_evaluate_reanchors_gold_spans_when_the_text_shifted() -> None:
    text = "سطر جديد\nقصفت الطائرات البلدة السبت"
    gold = {"times": [{"doc": "d", "start": 19, "end": 24, "text": "السبت", "value": "2024-03-02"}]}
    start = text.index("السبت")
    analysis = {"documents": [{"id": "d", "text": text}],
                "times": [{"doc": "d", "start": start, "end": start + 5, "value": "2024-03-02"}]}
    result = evaluate(gold, analysis)
    assert result["times"]["exact_span_rate"] == 1.0
    assert result["unanchored_spans"] == 0


def test_evaluate_counts_gold_spans_that_cannot_be_found() -> None:
    gold = {"times": [{"doc": "d", "start": 0, "end": 3, "text": "أمس", "value": None}]}
    result = evaluate(gold, {"documents": [{"id": "d", "text": "لا شيء هنا"}]})
    assert result["unanchored_spans"] == 1


def test_evaluate_story_clusters_pairwise_and_bcubed() -> None:
    from marsad.evaluate import score_clusters

    perfect = score_clusters([["a", "b", "c"], ["d"]], [["c", "b", "a"], ["d", "x"]])
    assert perfect["pairwise_f1"] == 1.0 and perfect["bcubed_f1"] == 1.0
    split = score_clusters([["a", "b", "c", "d"]], [["a", "b"], ["c", "d"]])
    assert split["pairwise_precision"] == 1.0 and split["pairwise_recall"] == pytest.approx(1 / 3,
                                                                                              abs=1e-3)
    assert split["bcubed_recall"] == 0.5
    lumped = score_clusters([["a"], ["b"]], [["a", "b"]])
    assert lumped["bcubed_precision"] == 0.5 and lumped["pairwise_precision"] == 0.0


def test_evaluate_stories_from_gold_file_shape() -> None:
    gold = {"stories": [{"documents": ["a", "b"]}, {"documents": ["c"]}]}
    analysis = {"documents": [{"id": x} for x in "abc"],
                "stories": [{"documents": ["a", "b", "c"]}]}
    result = evaluate(gold, analysis)["stories"]
    assert result["pairwise_recall"] == 1.0 and result["pairwise_precision"] == pytest.approx(1 / 3,
                                                                                              abs=1e-3)
    assert "B-cubed" in format_scores(evaluate(gold, analysis))
