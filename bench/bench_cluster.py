"""Story clustering cost as the corpus grows: documents/s and peak memory at N articles."""

from __future__ import annotations

import argparse
import time
from collections import Counter

from bench.corpus import iter_articles, peak_memory_mb
from marsad.story.cluster import StoryInput, cluster_documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 5000, 31030])
    args = parser.parse_args()
    for size in args.sizes:
        docs = [
            StoryInput(str(i), a["content"], a["date_extracted"][:10])
            for i, a in enumerate(iter_articles(size))
        ]
        words = sum(len(d.text.split()) for d in docs)
        start = time.perf_counter()
        clusters = cluster_documents(docs)
        seconds = time.perf_counter() - start
        sizes = Counter(min(len(c), 10) for c in clusters)
        print(
            f"{len(docs):>6} docs {words:>9} words: {seconds:7.1f} s, "
            f"{len(docs) / seconds:8.0f} docs/s, {words / seconds:9.0f} words/s, "
            f"{len(clusters)} clusters (sizes 1..10+: {[sizes[k] for k in range(1, 11)]}), "
            f"peak {peak_memory_mb():.0f} MB"
        )


if __name__ == "__main__":
    main()
