"""kill -9 during analyze: the store stays whole, nothing committed is lost, re-runs finish."""

from __future__ import annotations

import random
from pathlib import Path

from bench.crash_trials import analyze_trial, make_inputs


def test_crash_safety_kill_during_analyze_then_rerun(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path, copies=60)
    rng = random.Random(7)
    killed = 0
    for _ in range(4):
        result = analyze_trial(inputs, tmp_path / "out", rng)
        killed += result["killed_with"] == -9
        assert result.get("integrity", "ok") == "ok"
        assert result.get("kept", True), "a document committed before the kill was lost"
        assert result.get("unique_items", True)
        assert result["rerun_exit"] == 0
        assert result["final_integrity"] == "ok" and result["final_unique_items"]
        assert result["documents"] == result["listed"] == 60
    assert killed >= 1, "no trial was killed before the run ended; inputs too small"
