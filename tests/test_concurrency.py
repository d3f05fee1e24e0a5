"""Two analyze processes on one database at once: both finish, nothing stored twice."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from bench.crash_trials import make_inputs


def test_concurrency_two_analyze_processes_share_a_database(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path, copies=30)
    db = tmp_path / "shared.db"
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "marsad.cli", "analyze", str(inputs), "--out",
             str(tmp_path / f"out-{n}"), "--db", str(db)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for n in range(2)
    ]
    outcomes = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err[-2000:] for _, err in outcomes]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 30
    items, distinct = conn.execute(
        "SELECT COUNT(*), COUNT(DISTINCT kind || item_id) FROM items").fetchone()
    assert items == distinct > 0
    assert conn.execute("SELECT COUNT(*) FROM analysed").fetchone()[0] == 30


def test_concurrency_worker_processes_give_the_same_analysis(tmp_path: Path) -> None:
    from marsad.pipeline import AnalyzeOptions, analyze

    inputs = make_inputs(tmp_path, copies=70)
    analyze([inputs], tmp_path / "one", options=AnalyzeOptions(jobs=1))
    analyze([inputs], tmp_path / "two", options=AnalyzeOptions(jobs=2))
    one = (tmp_path / "one" / "analysis.json").read_bytes()
    assert one == (tmp_path / "two" / "analysis.json").read_bytes()
    assert b'"quotes": []' not in one


def test_concurrency_jobs_option_is_validated() -> None:
    import pytest

    from marsad.errors import OptionError
    from marsad.pipeline import AnalyzeOptions

    with pytest.raises(OptionError, match="jobs"):
        AnalyzeOptions(jobs=-1)
