"""Fuzz at scale: the tests/fuzz properties over 100,000+ generated inputs (issue 8).

Each target runs one hypothesis search in its own process: the property check of
tests/fuzz/fuzz_props.py on every input, timed (CPU seconds), any input over --slow seconds
flagged. Failures are counted and the search goes on. Prints, per target: inputs, failures,
slow inputs, the slowest input and the peak memory (RSS) of its process.

    .venv/bin/python bench/fuzz.py                 # 20,000 inputs for each of five targets
    .venv/bin/python bench/fuzz.py --scale 0.05 --target times
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "fuzz")]

import fuzz_props as fp  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def _text_layer(text: str) -> None:
    fp.check_normalize(text)
    fp.check_sentences(text)
    fp.check_tokens(text)


def _numbers(text: str) -> None:
    fp.check_numbers(text)
    fp.check_figures(text)


_RUN = st.builds(lambda unit, n: unit * n, fp.lexicon_text(max_tokens=12), st.integers(1, 200))

# name -> (strategy, check, inputs at scale 1)
TARGETS = {
    "normalize": (st.one_of(fp.TEXTS, st.text(alphabet=fp.ANY_CHARS, max_size=300)),
                  _text_layer, 20_000),
    "numbers": (st.one_of(fp.TEXTS, _RUN), _numbers, 20_000),
    "times": (st.one_of(fp.TEXTS, _RUN), fp.check_times, 20_000),
    "jsonl": (st.lists(fp.JSONL_LINES, min_size=1, max_size=4), fp.check_jsonl, 20_000),
    "html": (fp.HTML_PAGES, fp.check_html, 20_000),
}


def run_target(name: str, scale: float, slow_s: float) -> dict[str, object]:
    """One hypothesis search over target `name`; returns its counts, slowest input, memory."""
    strategy, check, base = TARGETS[name]
    count = max(1, int(base * scale))
    stats: dict[str, object] = {
        "target": name, "inputs": 0, "lines": 0, "failures": 0, "slow": 0,
        "slowest_s": 0.0, "slowest": "", "first_failure": "", "cpu_s": 0.0,
    }

    @settings(derandomize=True, max_examples=count, deadline=None, database=None,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(strategy)
    def search(value: object) -> None:
        start = time.process_time()
        try:
            check(value)
        except Exception:  # count it and go on: the search must reach every input
            stats["failures"] = int(stats["failures"]) + 1
            if not stats["first_failure"]:
                stats["first_failure"] = f"{value!r:.300}\n{traceback.format_exc(limit=4)}"
        elapsed = time.process_time() - start
        stats["inputs"] = int(stats["inputs"]) + 1
        stats["lines"] = int(stats["lines"]) + (len(value) if name == "jsonl" else 1)
        stats["cpu_s"] = float(stats["cpu_s"]) + elapsed
        if elapsed > slow_s:
            stats["slow"] = int(stats["slow"]) + 1
        if elapsed > float(stats["slowest_s"]):
            stats["slowest_s"], stats["slowest"] = elapsed, f"{value!r:.160}"

    wall = time.perf_counter()
    search()
    stats["wall_s"] = time.perf_counter() - wall
    stats["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the input counts")
    parser.add_argument("--target", choices=sorted(TARGETS), action="append")
    parser.add_argument("--slow", type=float, default=1.0, help="flag inputs over this (CPU s)")
    parser.add_argument("--jobs", type=int, default=len(TARGETS))
    args = parser.parse_args()
    names = args.target or list(TARGETS)
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_target, n, args.scale, args.slow) for n in names]
        results = [f.result() for f in futures]
    print(f"{'target':<10} {'inputs':>7} {'lines':>7} {'fail':>5} {'>' + str(args.slow) + 's':>5} "
          f"{'slowest s':>9} {'cpu s':>7} {'wall s':>7} {'peak MB':>8}")
    for r in results:
        print(f"{r['target']:<10} {r['inputs']:>7} {r['lines']:>7} {r['failures']:>5} "
              f"{r['slow']:>5} {r['slowest_s']:>9.3f} {r['cpu_s']:>7.0f} {r['wall_s']:>7.0f} "
              f"{r['peak_rss_mb']:>8.0f}")
    print(f"total inputs: {sum(int(r['inputs']) for r in results)}")
    for r in results:
        print(f"\n[{r['target']}] slowest ({r['slowest_s']:.3f} s): {r['slowest']}")
        if r["first_failure"]:
            print(f"[{r['target']}] first failure:\n{r['first_failure']}")


if __name__ == "__main__":
    main()
