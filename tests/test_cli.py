"""The command line as a user drives it: exit codes, stderr lines, files written, idempotency."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import main

ARTICLE = (
    "أعلنت السلطات المحلية في المدينة الساحلية صباح الأحد إغلاق الطريق الرئيسي المؤدي إلى "
    "الميناء بعد أن غمرته مياه الأمطار الغزيرة التي هطلت طوال الليل، وقال مسؤول في البلدية "
    "إن فرق الصيانة تعمل على فتح مجاري التصريف قبل حلول المساء."
)
OTHER = (
    "وقّع وزيرا التجارة في البلدين الجارين يوم الخميس اتفاقاً لتسهيل عبور الشاحنات عبر "
    "المنفذ الحدودي المشترك، على أن يدخل حيز التنفيذ مطلع الشهر المقبل بعد استكمال "
    "الإجراءات الفنية لدى الجمارك."
)


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                    encoding="utf-8")
    return path


def _run(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    _jsonl(folder / "a.jsonl", [
        {"id": "n1", "source": "صحيفة الضفة", "published": "2024-03-03", "title": "أمطار",
         "text": ARTICLE},
        {"id": "n2", "source": "موقع البوصلة", "published": "2024-03-07", "text": OTHER},
    ])
    (folder / "broken.jsonl").write_text('{"id": "x", "text": "نص"\nnot json\n', encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_cli_analyze_writes_json_and_report_and_lists_rejections(
    inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, _, err = _run(["analyze", str(inputs), "--out", str(out)])
    assert code == 0
    analysis = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in analysis["documents"]] == ["n1", "n2"]
    assert analysis["documents"][0]["published"] == "2024-03-03"
    assert analysis["documents"][0]["published_origin"] == "metadata"
    rejected_paths = [r["path"] for r in analysis["rejected"]]
    assert any(p.endswith("empty.txt") for p in rejected_paths)
    assert any("broken.jsonl:" in p for p in rejected_paths)
    assert "rejected:" in err and "empty.txt" in err
    assert (out / "report.html").read_text(encoding="utf-8").count("<tr>") >= 2
    assert (out / "marsad.db").is_file()


def test_cli_analyze_twice_adds_nothing(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(["analyze", str(inputs), "--out", str(out)])
    first = (out / "analysis.json").read_text(encoding="utf-8")
    code, _, err = _run(["analyze", str(inputs), "--out", str(out)])
    assert code == 0
    assert "(0 new, 0 analysed)" in err
    assert (out / "analysis.json").read_text(encoding="utf-8") == first


def test_cli_strict_exits_1_when_anything_was_rejected(inputs: Path, tmp_path: Path) -> None:
    code, _, _ = _run(["analyze", str(inputs), "--out", str(tmp_path / "o"), "--strict"])
    assert code == 1


def test_cli_exits_2_when_no_document_was_analysed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, _, err = _run(["analyze", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o")])
    assert code == 2
    assert "empty.txt" in err
    assert json.loads((tmp_path / "o" / "analysis.json").read_text())["documents"] == []


def test_cli_unknown_language_is_an_error_naming_the_option(inputs: Path, tmp_path: Path) -> None:
    code, _, err = _run(["analyze", str(inputs), "--out", str(tmp_path / "o"), "--lang", "xx"])
    assert code == 2
    assert "'lang'" in err and "ar" in err


def test_cli_separate_db_option_is_used(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "elsewhere" / "store.db"
    _run(["analyze", str(inputs), "--out", str(tmp_path / "o"), "--db", str(db)])
    assert db.is_file() and not (tmp_path / "o" / "marsad.db").exists()


def test_cli_eval_prints_scores(tmp_path: Path) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"times": [{"doc": "d", "start": 0, "end": 3, "value": "2024"}]}))
    analysis = tmp_path / "analysis.json"
    times = [{"doc": "d", "start": 0, "end": 3, "value": "2024"}]
    analysis.write_text(json.dumps({"documents": [{"id": "d"}], "times": times}))
    code, out, _ = _run(["eval", str(gold), str(analysis)])
    assert code == 0
    assert "times" in out and "1.000" in out


def test_cli_eval_rejects_a_file_that_is_not_json(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    code, _, err = _run(["eval", str(bad), str(bad)])
    assert code == 2 and "cannot read" in err


@pytest.mark.parametrize(("flag", "found"), [([], False), (["--crf"], True)])
def test_cli_analyze_crf_adds_the_names_only_the_crf_finds(
    tmp_path: Path, flag: list[str], found: bool
) -> None:
    pytest.importorskip("pycrfsuite")
    text = "وأكد هالفدان سكوفيلد أن المحادثات ستستمر حتى نهاية الأسبوع."
    source = _jsonl(tmp_path / "a.jsonl", [{"id": "c1", "text": text}])
    out = tmp_path / "out"
    code, _, _ = _run(["analyze", str(source), "--out", str(out), *flag])
    analysis = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    assert code == 0
    assert ("هالفدان سكوفيلد" in {e["name"] for e in analysis["entities"]}) is found


def test_cli_analyze_redoes_documents_stored_with_the_other_crf_setting(tmp_path: Path) -> None:
    pytest.importorskip("pycrfsuite")
    text = "وأكد هالفدان سكوفيلد أن المحادثات ستستمر حتى نهاية الأسبوع."
    source = _jsonl(tmp_path / "a.jsonl", [{"id": "c1", "text": text}])
    out = tmp_path / "out"
    names = []
    for flag in ([], ["--crf"], ["--crf"]):
        code, _, _ = _run(["analyze", str(source), "--out", str(out), *flag])
        analysis = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
        names.append("هالفدان سكوفيلد" in {e["name"] for e in analysis["entities"]})
    assert code == 0 and names == [False, True, True]
