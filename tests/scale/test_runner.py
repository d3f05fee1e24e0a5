"""marsad batch on a real local Dask cluster: the same output as analyze, plus Parquet."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from marsad.pipeline import analyze
from marsad.scale.runner import batch


@pytest.fixture(scope="module")
def outputs(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    single = tmp_path_factory.mktemp("analyze")
    distributed = tmp_path_factory.mktemp("batch")
    analyze([examples_dir], single)
    result = batch([examples_dir], distributed, workers=2)
    assert result.exit_code == 0
    return single, distributed


def test_runner_batch_output_equals_analyze_byte_for_byte(outputs: tuple[Path, Path]) -> None:
    single, distributed = outputs
    assert (single / "analysis.json").read_bytes() == (distributed / "analysis.json").read_bytes()


def test_runner_writes_one_parquet_dataset_per_kind(outputs: tuple[Path, Path]) -> None:
    _, distributed = outputs
    analysis = json.loads((distributed / "analysis.json").read_text(encoding="utf-8"))
    for kind in ("documents", "entities", "quotes", "figures", "times", "events", "stories"):
        table = pq.read_table(distributed / kind)
        assert table.num_rows == len(analysis[kind]), kind
    documents = pq.read_table(distributed / "documents").to_pylist()
    assert {d["id"] for d in documents} == {d["id"] for d in analysis["documents"]}


def test_runner_nested_values_are_json_strings_in_parquet(outputs: tuple[Path, Path]) -> None:
    _, distributed = outputs
    stories = pq.read_table(distributed / "stories").to_pylist()
    assert stories and isinstance(json.loads(stories[0]["documents"]), list)


def test_runner_same_output_with_one_worker(
    examples_dir: Path, outputs: tuple[Path, Path], tmp_path: Path
) -> None:
    batch([examples_dir], tmp_path, workers=1)
    assert (tmp_path / "analysis.json").read_bytes() == (outputs[1] / "analysis.json").read_bytes()


def test_runner_large_kinds_are_written_as_several_partitions(
    outputs: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from marsad.scale import runner

    analysis = json.loads((outputs[1] / "analysis.json").read_text(encoding="utf-8"))
    monkeypatch.setattr(runner, "_ROWS_PER_PARTITION", 7)
    runner.write_parquet(analysis, tmp_path)
    parts = sorted(p.name for p in (tmp_path / "times").glob("*.parquet"))
    assert len(parts) == -(-len(analysis["times"]) // 7) > 1
    assert pq.read_table(tmp_path / "times").num_rows == len(analysis["times"])


def test_runner_keeps_the_items_in_the_store_it_reads_them_from(
    outputs: tuple[Path, Path],
) -> None:
    from marsad.store import open_store

    _, distributed = outputs
    analysis = json.loads((distributed / "analysis.json").read_text(encoding="utf-8"))
    with open_store(distributed / "marsad.db") as store:
        assert store.count_documents() == len(analysis["documents"])
        assert store.count_items("quotes") == len(analysis["quotes"]) > 0


def test_runner_a_second_run_into_the_same_folder_reuses_the_stored_items(
    examples_dir: Path, outputs: tuple[Path, Path], tmp_path: Path
) -> None:
    import shutil

    _, distributed = outputs
    for name in ("marsad.db", "marsad.db-wal", "marsad.db-shm"):
        if (distributed / name).exists():
            shutil.copy(distributed / name, tmp_path / name)
    result = batch([examples_dir], tmp_path, workers=1)
    assert result.analysed == 0 and result.added == 0 and result.documents > 0
    assert (tmp_path / "analysis.json").read_bytes() == \
        (distributed / "analysis.json").read_bytes()
