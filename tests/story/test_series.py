"""Figure series: grouping, time order, and disagreement only where values truly conflict."""

from __future__ import annotations

from marsad.story.series import build_series


def _fig(fid: str, value: float, as_of: str, source: str | None, *, category: str = "displaced",
         unit: str | None = "مدني", qualifier: str = "exact", since: str | None = None) -> dict:
    return {"id": fid, "doc": fid.split(":")[0], "start": 0, "value": value, "low": None,
            "high": None, "qualifier": qualifier, "unit": unit, "category": category,
            "source": {"entity": None, "name": source} if source else None,
            "as_of": as_of, "since": since}


def test_series_points_in_time_order_with_their_sources() -> None:
    figures = [_fig("b:1", 7500, "2024-03-17", "المرصد"), _fig("a:1", 3000, "2024-03-14", "قسد")]
    [series] = build_series(figures)
    assert [p["value"] for p in series["points"]] == [3000, 7500]
    assert [p["source"] for p in series["points"]] == ["قسد", "المرصد"]


def test_series_later_larger_count_is_an_update_not_a_disagreement() -> None:
    figures = [_fig("a:1", 3000, "2024-03-14", "المرصد"), _fig("b:1", 7500, "2024-03-17", "قسد")]
    assert build_series(figures)[0]["disagreement"] is False


def test_series_same_day_incompatible_values_from_two_sources_disagree() -> None:
    figures = [
        _fig("a:1", 12000, "2024-03-19", "المرصد", qualifier="at_least"),
        _fig("a:2", 9000, "2024-03-19", "قسد", qualifier="at_most"),
    ]
    [series] = build_series(figures)
    assert series["disagreement"] is True
    assert series["conflicts"] == [["a:1", "a:2"]] or series["conflicts"] == [["a:2", "a:1"]]


def test_series_rounded_values_of_the_same_day_agree() -> None:
    figures = [_fig("a:1", 12000, "2024-03-19", "المرصد", qualifier="about"),
               _fig("b:1", 12400, "2024-03-19", "الأمم المتحدة")]
    assert build_series(figures)[0]["disagreement"] is False


def test_series_different_baselines_are_noted_not_flagged() -> None:
    figures = [_fig("a:1", 39000, "2024-03-19", "المرصد", since="2023-12"),
               _fig("b:1", 60000, "2024-03-19", "الأمم المتحدة", since="2024-01")]
    [series] = build_series(figures)
    assert series["disagreement"] is False
    assert series["baselines"] == ["2023-12", "2024-01"]


def test_series_keeps_different_scales_and_categories_apart() -> None:
    figures = [
        _fig("a:1", 7, "2024-03-14", None, category="killed", unit="شخص"),
        _fig("b:1", 9, "2024-03-15", None, category="killed", unit="شخص"),
        _fig("a:2", 360000, "2024-03-14", None, category="killed", unit="شخص"),
        _fig("b:2", 370000, "2024-03-15", None, category="killed", unit="شخص"),
        _fig("c:1", 500, "2024-03-15", None, category="displaced"),
    ]
    series = build_series(figures)
    assert sorted(len(s["points"]) for s in series) == [2, 2]
    assert all(s["category"] == "killed" for s in series)


def test_series_people_with_or_without_a_noun_are_one_series_civilians_another() -> None:
    figures = [
        _fig("a:1", 59000, "2024-03-14", "المرصد", unit=None),
        _fig("b:1", 66000, "2024-03-15", "قسد", unit="شخص"),
        _fig("b:2", 37000, "2024-03-15", "قسد", unit="مدني"),
        _fig("c:1", 40000, "2024-03-16", "المرصد", unit="مدني"),
    ]
    series = {s["key"]: [p["figure"] for p in s["points"]] for s in build_series(figures)}
    assert series == {"displaced|": ["a:1", "b:1"], "displaced|مدني": ["b:2", "c:1"]}


def test_series_parts_of_a_count_stay_out_of_its_series() -> None:
    part = {**_fig("b:3", 24000, "2024-03-15", "قسد", unit=None), "part_of": "b:1"}
    figures = [
        _fig("a:1", 59000, "2024-03-14", "المرصد", unit=None),
        _fig("b:1", 66000, "2024-03-15", "قسد", unit="نازح"),
        part,
    ]
    [series] = build_series(figures)
    assert [p["figure"] for p in series["points"]] == ["a:1", "b:1"]
