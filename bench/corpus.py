"""Read the SaudiNewsNet benchmark corpus straight from its zips in ../shared (never copied)."""

from __future__ import annotations

import json
import resource
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "saudinewsnet"


def iter_articles(limit: int | None = None, corpus: Path = CORPUS) -> Iterator[dict]:
    """Yield the corpus's article dicts (source, url, date_extracted, title, author, content)."""
    if not corpus.is_dir():
        sys.exit(f"benchmark corpus not found at {corpus}")
    count = 0
    for archive in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(archive) as zf:
            for name in zf.namelist():
                for article in json.loads(zf.read(name)):
                    yield article
                    count += 1
                    if limit is not None and count >= limit:
                        return


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
