"""The SaudiNewsNet quote/event development gold points at real spans of its corpus articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.corpus_sample import write_sample
from marsad.ingest.decode import clean_text

DEV_SAMPLE = "eval/saudinewsnet_dev_quotes_sample.txt"
DEV_GOLD = "eval/gold/saudinewsnet_dev_quotes_events.json"
MARKS = " \n\t\u00a0\"«»“”"


def _urls(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def test_dev_sample_does_not_overlap_the_held_out_sample(repo_dir: Path) -> None:
    dev = _urls(repo_dir / DEV_SAMPLE)
    assert len(dev) == 12
    assert not dev & _urls(repo_dir / "eval/saudinewsnet_sample.txt")


@pytest.fixture(scope="module")
def dev_texts(shared_dir: Path, repo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("dev") / "dev.jsonl"
    write_sample(out, repo_dir / DEV_SAMPLE)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {r["id"]: clean_text(r["text"]) for r in records}


def test_dev_gold_spans_are_trimmed_corpus_spans(dev_texts: dict, repo_dir: Path) -> None:
    gold = json.loads((repo_dir / DEV_GOLD).read_text(encoding="utf-8"))
    assert {d["id"] for d in gold["documents"]} == set(dev_texts)
    spans = list(gold["quotes"])
    spans += [m for e in gold["events"] for m in e["mentions"]]
    for item in spans:
        text = dev_texts[item["doc"]]
        assert 0 <= item["start"] < item["end"] <= len(text)
        surface = text[item["start"] : item["end"]]
        assert surface[0] not in MARKS and surface[-1] not in " \n\t\u00a0", surface
    for quote in gold["quotes"]:  # a quote span never swallows its closing mark
        assert dev_texts[quote["doc"]][quote["end"] - 1] not in MARKS
