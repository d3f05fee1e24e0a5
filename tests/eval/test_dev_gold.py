"""The SaudiNewsNet development gold sets point at the right text of the corpus articles."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest

from marsad.ingest.document import clean_text

EVAL = Path(__file__).resolve().parents[2] / "eval"
DEV_SETS = [
    (EVAL / "saudinewsnet_dev_sample.txt", EVAL / "gold" / "saudinewsnet_dev_entities.json"),
    (EVAL / "saudinewsnet_dev2_sample.txt", EVAL / "gold" / "saudinewsnet_dev2_entities.json"),
    (EVAL / "saudinewsnet_dev3_sample.txt", EVAL / "gold" / "saudinewsnet_dev3_entities.json"),
    (EVAL / "saudinewsnet_dev4_sample.txt", EVAL / "gold" / "saudinewsnet_dev4_entities.json"),
    (EVAL / "saudinewsnet_dev5_sample.txt", EVAL / "gold" / "saudinewsnet_dev5_entities.json"),
    (EVAL / "saudinewsnet_dev6_sample.txt", EVAL / "gold" / "saudinewsnet_dev6_entities.json"),
]
# The fourth and fifth sets are smaller: eight short articles from eight outlets each; the sixth
# six from six outlets.
SAMPLE_SIZES = {"saudinewsnet_dev4_sample.txt": 8, "saudinewsnet_dev5_sample.txt": 8,
                "saudinewsnet_dev6_sample.txt": 6}


def _sample_urls(path: Path) -> list[str]:
    return [u.strip() for u in path.read_text(encoding="utf-8").splitlines()
            if u.strip() and not u.startswith("#")]


def _sample_texts(sample: Path, tmp_path: Path) -> dict[str, str]:
    """The sample's corpus articles by id, their text cleaned as marsad reads it."""
    from eval.corpus_sample import write_sample

    out = tmp_path / "dev.jsonl"
    write_sample(out, sample)
    records = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    return {r["id"]: clean_text(r["text"]) for r in records}


@pytest.mark.parametrize(("sample", "gold"), DEV_SETS)
def test_dev_sample_does_not_overlap_the_held_out_sample(sample: Path, gold: Path) -> None:
    dev = _sample_urls(sample)
    assert len(dev) == SAMPLE_SIZES.get(sample.name, 12)
    assert not set(dev) & set(_sample_urls(EVAL / "saudinewsnet_sample.txt"))


def test_no_two_sample_files_share_an_article() -> None:
    """Held-out, development (entities, quotes, events, figures) and any later sample: each
    article belongs to one set only, so no set is tuned on another's test articles."""
    samples = {path.name: set(_sample_urls(path)) for path in EVAL.glob("*sample*.txt")}
    assert len(samples) >= 9
    clashes = [(a, b) for a, b in combinations(sorted(samples), 2) if samples[a] & samples[b]]
    assert not clashes


@pytest.mark.parametrize(("sample", "gold"), DEV_SETS)
def test_dev_gold_documents_are_the_dev_sample(sample: Path, gold: Path) -> None:
    from eval.corpus_sample import article_id

    annotated = json.loads(gold.read_text(encoding="utf-8"))
    assert [d["id"] for d in annotated["documents"]] == [
        article_id(u) for u in _sample_urls(sample)]
    assert {m["doc"] for e in annotated["entities"] for m in e["mentions"]} <= {
        d["id"] for d in annotated["documents"]}


@pytest.mark.parametrize(("sample", "gold"), DEV_SETS)
def test_dev_gold_spans_match_the_corpus_text(
        sample: Path, gold: Path, shared_dir: Path, tmp_path: Path) -> None:
    if not (shared_dir / "corpus" / "saudinewsnet").is_dir():
        pytest.skip("the SaudiNewsNet corpus is not in ../shared")
    texts = _sample_texts(sample, tmp_path)
    annotated = json.loads(gold.read_text(encoding="utf-8"))
    wrong = [m for e in annotated["entities"] for m in e["mentions"]
             if texts[m["doc"]][m["start"]:m["end"]] != m["text"]]
    assert not wrong


FIGURES_SETS = [
    (EVAL / "saudinewsnet_dev_figures_sample.txt", EVAL / "gold" / "saudinewsnet_dev_figures.json"),
    (EVAL / "saudinewsnet_dev2_figures_sample.txt",
     EVAL / "gold" / "saudinewsnet_dev2_figures.json"),
]
# The second figures set is smaller: eight articles from eight outlets.
FIGURES_SIZES = {"saudinewsnet_dev2_figures_sample.txt": 8}
CATEGORIES = {"killed", "injured", "displaced", "arrested", "fighters", "troops", "population",
              "area", "percent", "money", "other"}


@pytest.mark.parametrize(("sample", "gold"), FIGURES_SETS)
def test_dev_figures_sample_is_in_no_story_of_the_story_gold(sample: Path, gold: Path) -> None:
    dev = set(_sample_urls(sample))
    assert len(dev) == FIGURES_SIZES.get(sample.name, 12)  # others: test_no_two_sample_files_...
    stories = (EVAL / "saudinewsnet_stories.json").read_text(encoding="utf-8")
    assert not [u for u in dev if u in stories]


@pytest.mark.parametrize(("sample", "gold"), FIGURES_SETS)
def test_dev_figures_gold_documents_are_the_sample(sample: Path, gold: Path) -> None:
    from eval.corpus_sample import article_id

    annotated = json.loads(gold.read_text(encoding="utf-8"))
    ids = [article_id(u) for u in _sample_urls(sample)]
    assert [d["id"] for d in annotated["documents"]] == ids
    assert {f["doc"] for f in annotated["figures"]} == set(ids)
    assert all(f["category"] in CATEGORIES for f in annotated["figures"])


@pytest.mark.parametrize(("sample", "gold"), FIGURES_SETS)
def test_dev_figures_gold_spans_match_the_corpus_text(
        sample: Path, gold: Path, shared_dir: Path, tmp_path: Path) -> None:
    if not (shared_dir / "corpus" / "saudinewsnet").is_dir():
        pytest.skip("the SaudiNewsNet corpus is not in ../shared")
    texts = _sample_texts(sample, tmp_path)
    annotated = json.loads(gold.read_text(encoding="utf-8"))
    wrong = [f for f in annotated["figures"] if texts[f["doc"]][f["start"]:f["end"]] != f["text"]]
    assert not wrong
