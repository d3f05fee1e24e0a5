"""The pipeline: analysis.json streamed from the store is the analysis the whole dict gave."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.export.analysis_json import write_json
from marsad.pipeline import analysis_of, analyze, stored_items
from marsad.store import open_store

ARTICLES = [
    {"id": "a1", "source": "صحيفة الشرق", "published": "2024-05-02",
     "title": "نزوح آلاف الأسر من الحديدة",
     "text": "قال مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية إن 39 ألف أسرة نزحت من مدينة "
             "الحديدة منذ بدء المعارك في الثالث من مايو. وأضاف المكتب أن المخيمات مكتظة."},
    {"id": "a2", "source": "وكالة الغرب", "published": "2024-05-03",
     "title": "الأمم المتحدة: 39 ألف أسرة نزحت من الحديدة",
     "text": "أعلن مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية أن 39 ألف أسرة نزحت من الحديدة، "
             "وقال المتحدث باسم المكتب: \"الوضع في المخيمات صعب للغاية\"."},
]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    folder = tmp_path_factory.mktemp("pipeline")
    lines = [json.dumps(a, ensure_ascii=False) for a in ARTICLES] + ["{not json"]
    (folder / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder, analyze([folder / "in.jsonl"], folder / "out")


def test_pipeline_result_counts_documents_and_keeps_rejected_inputs(run) -> None:
    folder, result = run
    assert (result.documents, result.added, result.analysed) == (2, 2, 2)
    assert len(result.rejected) == 1 and result.rejected[0].path.endswith("in.jsonl:3")
    analysis = json.loads((folder / "out" / "analysis.json").read_text(encoding="utf-8"))
    assert analysis["rejected"] == [result.rejected[0].to_dict()]


def test_pipeline_streamed_analysis_is_json_dump_of_the_whole_dict(run, tmp_path: Path) -> None:
    folder, result = run
    with open_store(folder / "out" / "marsad.db") as store:
        documents = list(store.documents())
        items = stored_items(store)
    whole = write_json(analysis_of(documents, result.rejected, items), tmp_path / "whole.json")
    streamed = (folder / "out" / "analysis.json").read_bytes()
    assert streamed == whole.read_bytes()
    analysis = json.loads(streamed)
    assert analysis["quotes"] and analysis["figures"] and analysis["stories"]
    linked = [q["speaker"].get("entity") for q in analysis["quotes"]]
    assert any(linked)  # quotes are read back with their speakers' entity ids


def test_pipeline_a_run_reads_back_only_its_own_documents_items(run, tmp_path: Path) -> None:
    folder, _ = run
    (tmp_path / "one.jsonl").write_text(json.dumps(ARTICLES[1], ensure_ascii=False) + "\n",
                                        encoding="utf-8")
    analyze([tmp_path / "one.jsonl"], tmp_path / "out", folder / "out" / "marsad.db")
    analysis = json.loads((tmp_path / "out" / "analysis.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in analysis["documents"]] == ["a2"]
    for kind in ("quotes", "figures", "times", "events"):
        assert {item["doc"] for item in analysis[kind]} <= {"a2"}, kind
    assert analysis["figures"]
