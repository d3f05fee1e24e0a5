"""Write the SaudiNewsNet articles that eval/gold annotates to a JSON Lines file.

The articles stay in ../shared (they may not be copied into the repository); the gold files
hold only annotations, keyed by the ids this script gives: "snn-" + the first 10 hex digits
of the sha1 of the article's URL. Usage: python -m eval.corpus_sample OUT.jsonl [SAMPLE]
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from bench.corpus import iter_articles

SAMPLE = Path(__file__).with_name("saudinewsnet_sample.txt")


def article_id(url: str) -> str:
    return "snn-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]


def write_sample(out: Path, sample: Path = SAMPLE) -> int:
    """Write the sampled articles (URLs listed one per line in `sample`) as JSON Lines."""
    wanted = [u.strip() for u in sample.read_text(encoding="utf-8").splitlines()
              if u.strip() and not u.startswith("#")]
    found = {}
    for article in iter_articles():
        if article["url"] in wanted and article["url"] not in found:
            found[article["url"]] = article
    missing = [u for u in wanted if u not in found]
    if missing:
        sys.exit(f"not in the corpus: {missing}")
    with out.open("w", encoding="utf-8") as handle:
        for url in wanted:
            a = found[url]
            record = {"id": article_id(url), "url": url, "source": a["source"],
                      "title": a["title"], "published": a["date_extracted"][:10],
                      "text": a["content"]}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(wanted)


if __name__ == "__main__":
    out_path = Path(sys.argv[1])
    sample_path = Path(sys.argv[2]) if len(sys.argv) > 2 else SAMPLE
    print(f"{write_sample(out_path, sample_path)} articles -> {out_path}")
