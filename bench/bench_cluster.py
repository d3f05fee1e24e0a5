"""Story clustering cost as the corpus grows: documents/s and peak memory at N articles.

The per-document stage normally stores each document's `story_terms` and `story_facts`;
this bench computes them first and times that apart from the clustering itself. CPU
seconds are printed beside wall seconds: on a shared machine they are the steadier.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from bench.corpus import iter_articles, peak_memory_mb
from marsad.story.cluster import StoryInput, cluster_documents, story_terms
from marsad.story.facts import story_facts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 5000, 31030])
    args = parser.parse_args()
    for size in args.sizes:
        articles = list(iter_articles(size))
        words = sum(len(a["content"].split()) for a in articles)
        start, cpu = time.perf_counter(), time.process_time()
        terms = [(story_terms(a["content"]), story_facts(a.get("title"), a["content"]))
                 for a in articles]
        term_seconds, term_cpu = time.perf_counter() - start, time.process_time() - cpu
        docs = [
            StoryInput(str(i), a["content"], a["date_extracted"][:10], terms=t,
                       title=a.get("title") or "", facts=f)
            for i, (a, (t, f)) in enumerate(zip(articles, terms, strict=True))
        ]
        start, cpu = time.perf_counter(), time.process_time()
        clusters = cluster_documents(docs)
        seconds, cluster_cpu = time.perf_counter() - start, time.process_time() - cpu
        sizes = Counter(min(len(c), 10) for c in clusters)
        print(
            f"{len(docs):>6} docs {words:>9} words: terms and facts {term_seconds:6.1f} s "
            f"(CPU {term_cpu:.1f} s, per-document stage), clustering {seconds:6.1f} s "
            f"(CPU {cluster_cpu:.1f} s) "
            f"({len(docs) / seconds:6.0f} docs/s), total {term_seconds + seconds:6.1f} s, "
            f"{len(clusters)} clusters (sizes 1..10+: {[sizes[k] for k in range(1, 11)]}), "
            f"peak {peak_memory_mb():.0f} MB",
            flush=True,
        )


if __name__ == "__main__":
    main()
