"""Benchmark time expressions: marsad against dateparser on our table, and marsad's speed on
SaudiNewsNet articles.

Run: .venv/bin/python -m bench.bench_times [--articles N] [--no-dateparser]
dateparser is installed into a throwaway venv (never into the project) and run there.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

from bench.corpus import iter_articles, peak_memory_mb
from marsad.extract.times import extract_times

TABLE = Path(__file__).resolve().parents[1] / "tests" / "extract" / "data" / "time_expressions.tsv"

# Runs inside the throwaway venv: reads the table rows as JSON on stdin, prints the score.
_DATEPARSER_SCRIPT = r"""
import json, sys, time
from datetime import datetime
from dateparser.search import search_dates
rows = json.load(sys.stdin)
correct = lenient = 0
started = time.perf_counter()
for published, sentence, span, value in rows:
    settings = {"PREFER_DATES_FROM": "past"}
    if published != "-":
        settings["RELATIVE_BASE"] = datetime.fromisoformat(published)
    try:
        found = search_dates(sentence, languages=["ar"], settings=settings) or []
    except Exception:
        found = []
    if span == "-":
        correct += not found
        lenient += not found
        continue
    if value != "-" and "/" not in value:
        lenient += any(m.isoformat()[: len(value)] == value for _, m in found)
    for text, moment in found:
        if text.strip() != span:
            continue
        if value == "-":
            continue
        # dateparser resolves to a datetime: compare at the precision the row expects.
        if "/" not in value and moment.isoformat()[: len(value)] == value:
            correct += 1
            break
elapsed = time.perf_counter() - started
print(json.dumps({"correct": correct, "lenient": lenient, "rows": len(rows),
                  "seconds": elapsed}))
"""


def read_table() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            published, sentence, span, value = line.split("\t")
            rows.append((published, sentence, span, value))
    return rows


def score_marsad(rows: list[tuple[str, str, str, str]]) -> tuple[int, float]:
    """(correct rows, seconds) of marsad's extractor over the table."""
    correct = 0
    started = time.perf_counter()
    for published, sentence, span, value in rows:
        items = extract_times("t", sentence, None if published == "-" else published)
        if span == "-":
            correct += not [item for item in items if item.kind != "clock"]
        else:
            expected = None if value == "-" else value
            correct += any(item.text == span and item.value == expected for item in items)
    return correct, time.perf_counter() - started


def score_dateparser(rows: list[tuple[str, str, str, str]]) -> dict | None:
    """Install dateparser in a throwaway venv and score it there; None when that fails."""
    with tempfile.TemporaryDirectory() as folder:
        env = Path(folder) / "venv"
        venv.create(env, with_pip=True)
        python = env / "bin" / "python"
        install = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "dateparser"],
            capture_output=True, text=True, check=False,
        )
        if install.returncode != 0:
            print(f"dateparser: could not be installed ({install.stderr.strip()[-200:]})")
            return None
        run = subprocess.run(
            [str(python), "-c", _DATEPARSER_SCRIPT], input=json.dumps(rows),
            capture_output=True, text=True, check=False,
        )
        if run.returncode != 0:
            print(f"dateparser: failed to run ({run.stderr.strip()[-300:]})")
            return None
        return json.loads(run.stdout.strip().splitlines()[-1])


def corpus_speed(limit: int) -> None:
    """Words per second of extract_times over SaudiNewsNet articles on one core."""
    articles = [
        (a.get("content") or "", (a.get("date_extracted") or "")[:10] or None)
        for a in iter_articles(limit)
    ]
    words = sum(len(text.split()) for text, _ in articles)
    started = time.perf_counter()
    found = sum(len(extract_times("b", text, published)) for text, published in articles)
    elapsed = time.perf_counter() - started
    print(f"SaudiNewsNet: {len(articles)} articles, {words} words, {found} time expressions, "
          f"{len(articles) / elapsed:,.0f} documents/s, {words / elapsed:,.0f} words/s per core, "
          f"peak memory {peak_memory_mb():.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--no-dateparser", action="store_true")
    args = parser.parse_args()
    rows = read_table()
    correct, seconds = score_marsad(rows)
    print(f"marsad: {correct}/{len(rows)} = {correct / len(rows):.3f} accuracy, "
          f"{len(rows) / seconds:,.0f} phrases/s")
    if args.no_dateparser:
        print("dateparser: skipped")
    else:
        result = score_dateparser(rows)
        if result:
            print(f"dateparser: {result['correct']}/{result['rows']} = "
                  f"{result['correct'] / result['rows']:.3f} accuracy, "
                  f"{result['rows'] / result['seconds']:,.0f} phrases/s; "
                  f"{result['lenient'] / result['rows']:.3f} when any date it finds in the "
                  "sentence may carry the value, whatever its span")
    corpus_speed(args.articles)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
