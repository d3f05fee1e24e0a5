"""Benchmark number reading and figure extraction: marsad against pyarabic, and corpus speed.

Run: .venv/bin/python bench/bench_figures.py [--articles N] [--no-pyarabic]
pyarabic is installed into a throwaway venv under /tmp (never into marsad's environment);
when that fails the comparison is skipped with a message.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import venv
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import iter_articles, peak_memory_mb  # noqa: E402
from marsad.extract.figures import extract_figures  # noqa: E402
from marsad.extract.numbers import find_numbers  # noqa: E402

TABLE = Path(__file__).resolve().parents[1] / "tests" / "extract" / "data" / "number_phrases.tsv"
PYARABIC_VENV = Path("/tmp/marsad-bench-pyarabic")
REPEAT = 5

_PYARABIC_RUNNER = r"""
import json, sys, time
from pyarabic.number import text2number
rows = json.load(sys.stdin)
repeat = int(sys.argv[1])
start = time.perf_counter()
for _ in range(repeat):
    got = []
    for span in rows:
        try:
            got.append(float(text2number(span)))
        except Exception:
            got.append(None)
elapsed = time.perf_counter() - start
print(json.dumps({"values": got, "seconds": elapsed}))
"""


def load_rows() -> list[list[str]]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _num(s: str) -> float | None:
    return None if s == "-" else float(s)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-3 * max(1.0, abs(b))


def marsad_scores(rows: list[list[str]]) -> dict[str, float]:
    """Whole-table accuracy (value, low, high, qualifier), single-value accuracy, phrases/s."""
    good = single_good = single = 0
    start = time.perf_counter()
    for _ in range(REPEAT):
        for row in rows:
            find_numbers(row[0])
    elapsed = time.perf_counter() - start
    for sentence, span, value, low, high, qualifier, *_ in rows:
        found = find_numbers(sentence)
        if span == "NONE":
            good += not found
            continue
        ok = len(found) == 1 and found[0].text == span
        e = found[0] if ok else None
        want = (_num(value), _num(low), _num(high))
        if e is not None and all(map(_close, (e.value, e.low, e.high), want)):
            good += e.qualifier == qualifier
        if want[0] is not None:
            single += 1
            single_good += e is not None and _close(e.value, want[0])
    spans = [r[1] for r in rows if r[1] != "NONE" and r[2] != "-"]
    start = time.perf_counter()
    for _ in range(REPEAT):
        for span in spans:
            find_numbers(span)
    span_elapsed = time.perf_counter() - start
    return {
        "accuracy": good / len(rows),
        "single_value_accuracy": single_good / single,
        "phrases_per_s": REPEAT * len(rows) / elapsed,
        "spans_per_s": REPEAT * len(spans) / span_elapsed,
    }


def _pyarabic_python() -> Path | None:
    python = PYARABIC_VENV / "bin" / "python"
    if python.exists():
        return python
    try:
        venv.create(PYARABIC_VENV, with_pip=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "pyarabic"],
            check=True, capture_output=True, timeout=300,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        print(f"pyarabic: skipped, could not install it into {PYARABIC_VENV} ({exc})")
        return None
    return python


def pyarabic_scores(rows: list[list[str]]) -> dict[str, float] | None:
    """pyarabic.number.text2number on each expected span with a single value."""
    python = _pyarabic_python()
    if python is None:
        return None
    single = [r for r in rows if r[1] != "NONE" and r[2] != "-"]
    spans = [r[1] for r in single]
    proc = subprocess.run(
        [str(python), "-c", _PYARABIC_RUNNER, str(REPEAT)],
        input=json.dumps(spans), capture_output=True, text=True, env={**os.environ},
        timeout=600,
    )
    if proc.returncode != 0:
        print(f"pyarabic: skipped, runner failed: {proc.stderr.strip()[-300:]}")
        return None
    result = json.loads(proc.stdout)
    good = sum(_close(got, float(r[2])) for got, r in zip(result["values"], single, strict=True))
    return {
        "single_value_accuracy": good / len(single),
        "phrases_per_s": REPEAT * len(single) / result["seconds"],
    }


def corpus_speed(limit: int) -> dict[str, float]:
    articles = list(iter_articles(limit))
    words = sum(len(a["content"].split()) for a in articles)
    start = time.perf_counter()
    count = 0
    for i, article in enumerate(articles):
        published = (article.get("date_extracted") or "")[:10] or None
        count += len(extract_figures(str(i), article["content"], published))
    elapsed = time.perf_counter() - start
    return {
        "documents": len(articles), "words": words, "figures": count,
        "docs_per_s": len(articles) / elapsed, "words_per_s": words / elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--no-pyarabic", action="store_true")
    args = parser.parse_args()
    rows = load_rows()
    m = marsad_scores(rows)
    print(f"phrase table: {len(rows)} rows ({sum(r[1] == 'NONE' for r in rows)} negatives)")
    print(
        f"marsad    value/low/high/qualifier accuracy {m['accuracy']:.3f}; single-value accuracy "
        f"{m['single_value_accuracy']:.3f}; {m['phrases_per_s']:,.0f} sentences/s, "
        f"{m['spans_per_s']:,.0f} bare spans/s"
    )
    if not args.no_pyarabic:
        p = pyarabic_scores(rows)
        if p is not None:
            print(
                f"pyarabic  single-value accuracy {p['single_value_accuracy']:.3f} "
                f"(text2number on the expected span); {p['phrases_per_s']:,.0f} phrases/s"
            )
    c = corpus_speed(args.articles)
    print(
        f"SaudiNewsNet: {c['documents']} articles, {c['words']:,} words, {c['figures']:,} figures; "
        f"{c['docs_per_s']:,.0f} docs/s, {c['words_per_s']:,.0f} words/s on one core; "
        f"peak memory {peak_memory_mb():.0f} MB"
    )


if __name__ == "__main__":
    main()
