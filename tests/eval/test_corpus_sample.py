"""The SaudiNewsNet quote/event development golds point at real spans of their corpus articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.corpus_sample import write_sample
from marsad.ingest.decode import clean_text

DEV_SETS = {  # sample file -> gold file
    "eval/saudinewsnet_dev_quotes_sample.txt": "eval/gold/saudinewsnet_dev_quotes_events.json",
    "eval/saudinewsnet_dev2_quotes_sample.txt": "eval/gold/saudinewsnet_dev2_quotes_events.json",
    "eval/saudinewsnet_dev3_events_sample.txt": "eval/gold/saudinewsnet_dev3_events.json",
    "eval/saudinewsnet_dev3_quotes_sample.txt": "eval/gold/saudinewsnet_dev3_quotes_events.json",
    "eval/saudinewsnet_dev4_quotes_sample.txt": "eval/gold/saudinewsnet_dev4_quotes_events.json",
    "eval/saudinewsnet_dev5_quotes_sample.txt": "eval/gold/saudinewsnet_dev5_quotes_events.json",
    "eval/saudinewsnet_dev5_events_sample.txt": "eval/gold/saudinewsnet_dev5_events.json",
    "eval/saudinewsnet_dev6_events_sample.txt": "eval/gold/saudinewsnet_dev6_events.json",
}
ARTICLES = {  # the others hold 12
    "eval/saudinewsnet_dev4_quotes_sample.txt": 8,
    "eval/saudinewsnet_dev5_quotes_sample.txt": 8,
    "eval/saudinewsnet_dev5_events_sample.txt": 8,
    "eval/saudinewsnet_dev6_events_sample.txt": 5,
}
MARKS = " \n\t\u00a0\"«»“”"


def _urls(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


@pytest.mark.parametrize("sample", sorted(DEV_SETS))
def test_dev_sample_has_its_article_count(repo_dir: Path, sample: str) -> None:
    # overlaps: tests/eval/test_dev_gold.py
    assert len(_urls(repo_dir / sample)) == ARTICLES.get(sample, 12)


@pytest.fixture(scope="module", params=sorted(DEV_SETS))
def dev_set(request: pytest.FixtureRequest, shared_dir: Path, repo_dir: Path,
            tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    out = tmp_path_factory.mktemp("dev") / "dev.jsonl"
    write_sample(out, repo_dir / request.param)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    gold = json.loads((repo_dir / DEV_SETS[request.param]).read_text(encoding="utf-8"))
    return {r["id"]: clean_text(r["text"]) for r in records}, gold


def test_dev_gold_spans_are_trimmed_corpus_spans(dev_set: tuple[dict, dict]) -> None:
    dev_texts, gold = dev_set
    assert {d["id"] for d in gold["documents"]} == set(dev_texts)
    spans = list(gold.get("quotes", []))  # an events-only gold has no quotes
    spans += [m for e in gold["events"] for m in e["mentions"]]
    for item in spans:
        text = dev_texts[item["doc"]]
        assert 0 <= item["start"] < item["end"] <= len(text)
        surface = text[item["start"] : item["end"]]
        assert surface[0] not in MARKS and surface[-1] not in " \n\t\u00a0", surface
    for quote in gold.get("quotes", []):  # a quote span never swallows its closing mark
        assert dev_texts[quote["doc"]][quote["end"] - 1] not in MARKS
