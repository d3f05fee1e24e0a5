"""The story layer alone (entity merging, clustering, series, timeline, summaries) on the
seeds in ../shared/seeds, or on any folder of articles: analyse once, then time the layer."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import peak_memory_mb
from marsad.pipeline import across_documents, analyze, stored_items
from marsad.store import open_store
from marsad.story.items import MemoryItems

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else SEEDS
    runs = 20
    with tempfile.TemporaryDirectory() as tmp:
        analyze([folder], tmp)
        with open_store(Path(tmp) / "marsad.db") as store:
            documents = list(store.documents())
            items = stored_items(store)
    start = time.perf_counter()
    for _ in range(runs):
        copies = {k: [dict(i) for i in v] for k, v in items.items()}
        layer = across_documents(documents, MemoryItems(copies))
    seconds = (time.perf_counter() - start) / runs
    print(f"story layer on {len(documents)} documents from {folder}: {seconds * 1000:.0f} ms "
          f"per run ({len(layer.stories)} stories, {len(layer.entities)} entities, "
          f"{len(layer.events)} events), peak memory {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
