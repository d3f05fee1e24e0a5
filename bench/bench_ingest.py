"""Time ingest (read_inputs on JSON Lines, then link_duplicates) on SaudiNewsNet.

Usage: .venv/bin/python -m bench.bench_ingest [N]   (N articles, default all)
The articles are written to a JSON Lines file in a temporary folder first (not timed).
Single process, so the figures are per core.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import iter_articles, peak_memory_mb
from marsad.ingest import link_duplicates, read_inputs
from marsad.model import Document


def write_jsonl(folder: Path, limit: int | None) -> tuple[Path, int]:
    """The corpus as JSON Lines (source, url, title, published, text); returns the count."""
    path = folder / "saudinewsnet.jsonl"
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for article in iter_articles(limit):
            record = {
                "url": article.get("url"),
                "source": article.get("source"),
                "title": article.get("title"),
                "published": (article.get("date_extracted") or "")[:10] or None,
                "text": article.get("content") or "",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return path, count


def main(limit: int | None = None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path, articles = write_jsonl(Path(folder), limit)
        clock = time.perf_counter
        start = clock()
        documents: list[Document] = []
        rejected = 0
        for item in read_inputs([path]):
            if isinstance(item, Document):
                documents.append(item)
            else:
                rejected += 1
        read_seconds = clock() - start
        start = clock()
        linked = link_duplicates(documents)
        link_seconds = clock() - start
    words = sum(len(doc.text.split()) for doc in documents)
    docs = len(documents)
    total = read_seconds + link_seconds
    print(f"{articles} articles: {docs} documents, {rejected} rejected, {words} words")
    for stage, seconds in (("read_inputs", read_seconds), ("link_duplicates", link_seconds)):
        print(
            f"  {stage:16s} {seconds:7.2f} s  {docs / seconds:9.0f} docs/s  "
            f"{words / seconds:10.0f} words/s"
        )
    print(
        f"  {'ingest':16s} {total:7.2f} s  {docs / total:9.0f} docs/s  "
        f"{words / total:10.0f} words/s per core"
    )
    print(f"  duplicates linked: {linked}")
    print(f"  peak memory: {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else None)
