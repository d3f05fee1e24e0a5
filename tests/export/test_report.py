"""report.html: self-contained, right-to-left, and article text never executes."""

from __future__ import annotations

import re
from pathlib import Path

from marsad.export.analysis_json import build_analysis, write_json
from marsad.export.report import render_report, write_report
from marsad.model import Document, Rejected

XSS = '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>'


def _analysis(text: str = "أعلنت السلطات المحلية إغلاق المعبر الحدودي.") -> dict:
    docs = [
        Document(id="d1", text=text, title="عنوان " + XSS, source="صحيفة الضفة",
                 published="2024-03-02", published_origin="text", language="ar"),
        Document(id="d2", text="Officials closed the crossing.", source="Wire",
                 language="en", duplicate_of=None),
    ]
    return build_analysis(docs, [Rejected("bad.jsonl:3", "line 3: not valid JSON")])


def test_report_is_right_to_left_and_lists_documents() -> None:
    html = render_report(_analysis())
    assert '<html lang="ar" dir="rtl">' in html
    assert "صحيفة الضفة" in html and "2024-03-02" in html
    assert "bad.jsonl:3" in html


def test_report_has_no_external_assets() -> None:
    html = render_report(_analysis())
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<link" not in html


def test_report_escapes_markup_from_articles() -> None:
    html = render_report(_analysis(text=XSS))
    assert "<script>alert" not in html
    assert "onerror=" not in html.replace("onerror=&#34;", "")
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;" in html


def test_report_and_json_are_written_atomically(tmp_path: Path) -> None:
    analysis = _analysis()
    write_json(analysis, tmp_path / "out" / "analysis.json")
    write_report(analysis, tmp_path / "out" / "report.html")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["analysis.json", "report.html"]


def test_analysis_has_every_kind_and_spec_document_fields() -> None:
    analysis = _analysis()
    assert analysis["version"] == 1
    for kind in ("documents", "rejected", "entities", "quotes", "times", "figures", "events",
                 "stories"):
        assert isinstance(analysis[kind], list)
    for field in ("id", "title", "source", "url", "published", "published_origin", "text",
                  "path"):
        assert field in analysis["documents"][0]


def test_report_highlight_pieces_cover_the_text_once_even_when_marks_overlap() -> None:
    from marsad.export.report import highlight

    text = "قال المتحدث باسم الدفاع المدني إن 39 ألفاً نزحوا"
    marks = [(0, 30, "quote", "q-1"), (4, 11, "ent", ""), (34, 42, "fig", ""), (20, 36, "time", "")]
    pieces = highlight(text, marks)
    assert "".join(p for p, _, _ in pieces) == text
    classes_at_35 = next(c for p, c, _ in pieces if text.index(p) <= 35 < text.index(p) + len(p))
    assert "fig" in classes_at_35 and "time" in classes_at_35
    assert pieces[0][2] == "q-1"
