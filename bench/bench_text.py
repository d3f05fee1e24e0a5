"""Time the text layer (normalize, split_sentences, tokenize with segmentation) per stage.

Usage: .venv/bin/python -m bench.bench_text [N]   (N articles of SaudiNewsNet, default 5000)
Single process, so the figures are per core.
"""

from __future__ import annotations

import sys
import time

from bench.corpus import iter_articles, peak_memory_mb
from marsad.text.normalize import normalize
from marsad.text.sentences import split_sentences
from marsad.text.tokens import segment, tokenize


def main(limit: int = 5000) -> None:
    texts = [a.get("content") or "" for a in iter_articles(limit)]
    docs = len(texts)
    timings = {"normalize": 0.0, "split_sentences": 0.0, "tokenize": 0.0}
    words = sentences = 0
    # CPU time of this process: other work on the machine does not count against us.
    clock = time.process_time
    wall = time.perf_counter()
    for text in texts:
        t0 = clock()
        norm = normalize(text)
        t1 = clock()
        sentences += len(split_sentences(text, norm))
        t2 = clock()
        words += len(tokenize(text, norm))
        t3 = clock()
        timings["normalize"] += t1 - t0
        timings["split_sentences"] += t2 - t1
        timings["tokenize"] += t3 - t2
    wall = time.perf_counter() - wall
    total = sum(timings.values())
    print(f"{docs} documents, {words} words, {sentences} sentences (CPU seconds per stage)")
    for stage, seconds in timings.items():
        print(
            f"  {stage:16s} {seconds:7.2f} s  {docs / seconds:9.0f} docs/s  "
            f"{words / seconds:10.0f} words/s"
        )
    print(
        f"  {'whole layer':16s} {total:7.2f} s  {docs / total:9.0f} docs/s  "
        f"{words / total:10.0f} words/s per core"
    )
    print(f"  wall clock for the whole layer: {wall:.2f} s ({words / wall:.0f} words/s)")
    print(f"  segment cache: {segment.cache_info()}")
    print(f"  peak memory: {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
