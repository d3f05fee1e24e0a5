"""Kill `marsad analyze` (and `batch`) with SIGKILL at random moments, then check the store.

After every kill: the database passes PRAGMA integrity_check, every document committed
before the kill is still there, and a re-run finishes the work with no document or item
stored twice. Usage: python -m bench.crash_trials [TRIALS] [BATCH_TRIALS]
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MARSAD = [sys.executable, "-m", "marsad.cli"]


def make_inputs(folder: Path, copies: int = 40) -> Path:
    """A JSON Lines file of distinct articles: each draws its own sentences, in its own
    order, from the example articles, so that none is a near-copy of another."""
    sentences = []
    for line in (EXAMPLES / "jsonl" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("text") and "ال" in record["text"]:
            sentences += [s.strip() + "." for s in record["text"].split(".") if len(s) > 40]
    rng = random.Random(copies)
    path = folder / "inputs.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for n in range(copies):
            text = " ".join(rng.sample(sentences, min(12, len(sentences))))
            record = {"id": f"trial-{n}", "source": f"منفذ {n % 5}", "published": "2024-03-20",
                      "text": text}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _state(db: Path) -> tuple[str, set[str], int, int]:
    conn = sqlite3.connect(db)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        ids = {row[0] for row in conn.execute("SELECT id FROM documents")}
        items = conn.execute("SELECT COUNT(*) FROM items").fetchone()[0]
        distinct = conn.execute("SELECT COUNT(DISTINCT kind || item_id) FROM items").fetchone()[0]
    finally:
        conn.close()
    return check, ids, items, distinct


def analyze_trial(inputs: Path, out: Path, rng: random.Random) -> dict:
    """One kill at a random moment and one re-run; returns what was checked."""
    db = out / "marsad.db"
    before = _state(db)[1] if db.exists() else set()
    proc = subprocess.Popen([*MARSAD, "analyze", str(inputs), "--out", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0.5, 5.0))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    result = {"killed_with": proc.returncode}
    if db.exists():
        check, ids, items, distinct = _state(db)
        result.update(integrity=check, kept=before <= ids, unique_items=items == distinct)
    done = subprocess.run([*MARSAD, "analyze", str(inputs), "--out", str(out)],
                          capture_output=True, text=True, timeout=600)
    check, ids, items, distinct = _state(db)
    analysis = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    result.update(rerun_exit=done.returncode, final_integrity=check,
                  final_unique_items=items == distinct,
                  documents=len(ids), listed=len(analysis["documents"]))
    return result


def batch_trial(inputs: Path, out: Path, rng: random.Random) -> dict:
    """Kill a batch run; whatever analysis.json it left must be whole JSON, a re-run finishes."""
    proc = subprocess.Popen([*MARSAD, "batch", str(inputs), "--out", str(out), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    time.sleep(rng.uniform(1.0, 8.0))
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    left = out / "analysis.json"
    whole = True
    if left.exists():
        try:
            json.loads(left.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            whole = False
    done = subprocess.run([*MARSAD, "batch", str(inputs), "--out", str(out), "--workers", "2"],
                          capture_output=True, text=True, timeout=600)
    return {"left_whole_json": whole, "rerun_exit": done.returncode}


def main() -> None:
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    batch_trials = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    rng = random.Random(2024)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = make_inputs(Path(tmp))
        failures = 0
        for n in range(trials):
            out = Path(tmp) / "out"  # the same store across trials: kills pile up
            result = analyze_trial(inputs, out, rng)
            ok = (result.get("integrity", "ok") == "ok" and result.get("kept", True)
                  and result["final_integrity"] == "ok" and result["final_unique_items"]
                  and result["rerun_exit"] == 0 and result["documents"] == result["listed"])
            failures += not ok
            print(f"analyze trial {n + 1}: {'ok' if ok else 'FAILED'} {result}")
        for n in range(batch_trials):
            result = batch_trial(inputs, Path(tmp) / f"batch-{n}", rng)
            ok = result["left_whole_json"] and result["rerun_exit"] == 0
            failures += not ok
            print(f"batch trial {n + 1}: {'ok' if ok else 'FAILED'} {result}")
        print(f"{trials + batch_trials} trials, {failures} failed")
        sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
