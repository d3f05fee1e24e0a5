"""Time entity extraction (mentions per document, then merging across all) on SaudiNewsNet.

Usage: .venv/bin/python -m bench.bench_entities [N] [--no-crf]   (N articles, default 5000;
--no-crf: the rules alone, without the entity CRF)
Single process; rates are per core, from the process's CPU time (wall time is shown too, but
is inflated when other work shares the machine). Tokenising is included in the mention time.
"""

from __future__ import annotations

import sys
import time
from collections import Counter

from bench.corpus import iter_articles, peak_memory_mb
from marsad.extract.entities import extract_mentions, merge_entities
from marsad.text.tokens import segment


def main(limit: int = 5000, crf: bool = True) -> None:
    texts = [a.get("content") or "" for a in iter_articles(limit)]
    words = sum(len(t.split()) for t in texts)
    segment.cache_clear()
    clock = time.process_time
    wall = time.perf_counter()
    began = clock()
    mentions = []
    for i, text in enumerate(texts):
        mentions.extend(extract_mentions(str(i), text, crf=crf))
    found = clock() - began
    began = clock()
    entities = merge_entities(mentions)
    merged = clock() - began
    total = found + merged
    wall = time.perf_counter() - wall
    hows = Counter(m.how for m in mentions)
    types = Counter(e.type for e in entities)
    print(f"{len(texts)} docs, {words} words, {len(mentions)} mentions, {len(entities)} entities")
    print(f"  mentions: {found:6.2f} s  {words / found:9.0f} words/s")
    print(f"  merging:  {merged:6.2f} s")
    rate = f"{len(texts) / total:7.0f} docs/s  {words / total:9.0f} words/s"
    print(f"  total:    {total:6.2f} s  {rate}  (CPU time; wall {wall:.2f} s)")
    print(f"  found by: {dict(hows.most_common())}")
    print(f"  types:    {dict(types.most_common())}")
    print(f"  peak memory {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--no-crf"]
    main(int(args[0]) if args else 5000, "--no-crf" not in sys.argv)
