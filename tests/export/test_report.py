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


def test_report_charts_are_inline_svg_with_escaped_text() -> None:
    from marsad.export.charts import series_svg, timeline_svg

    points = [
        {"figure": "a", "doc": "d1", "value": 3000, "source": "<script>alert(1)</script>",
         "as_of": "2024-03-14"},
        {"figure": "b", "doc": "d2", "value": 7500, "source": "المرصد $x$", "as_of": "2024-03-17"},
        {"figure": "c", "doc": "d3", "value": 9000, "source": "قسد", "as_of": "2024-03-17"},
    ]
    svg = series_svg({"points": points, "conflicts": [["b", "c"]]})
    assert svg is not None and svg.startswith("<svg")
    assert "<script" not in svg and "&lt;script&gt;" in svg
    assert "المرصد $x$" in svg  # kept as text: the browser shapes Arabic, no math parsing
    events = [{"type": "strike", "date": "2024-03-12", "sources": ["a", "b"]},
              {"type": "capture", "date": "2024-03-19", "sources": ["a"]},
              {"type": "other", "date": "2024-03-20", "sources": ["a"]}]
    timeline = timeline_svg(events)
    assert timeline is not None and "capture" in timeline and "other" not in timeline
    assert timeline_svg(events[:1]) is None
    assert series_svg({"points": points, "conflicts": []}) == series_svg(
        {"points": points, "conflicts": []})


def _analysis_with_items() -> tuple[dict, dict]:
    text = "قال الناطق إن 39 ألفاً نزحوا يوم 3 مايو"
    docs = [Document(id="d1", text=text, source="صحيفة", published="2024-05-02", language="ar")]
    items = {
        "quotes": [{"id": "q1", "doc": "d1", "start": 0, "end": 28, "text": text[0:28],
                    "direct": False, "speaker": {"name": "الناطق", "title": None},
                    "said_on": None}],
        "figures": [{"id": "f1", "doc": "d1", "start": 14, "end": 22, "text": text[14:22]}],
        "times": [{"id": "t1", "doc": "d1", "start": 29, "end": 39, "text": text[29:39]}],
    }
    analysis = build_analysis(docs, [], {
        **items, "stories": [{"id": "story:1", "title": "نزوح", "documents": ["d1"],
                              "outlets": ["صحيفة"], "first_date": "2024-05-02",
                              "last_date": "2024-05-02", "entities": [], "events": [],
                              "series": [], "summary": []}]})
    return analysis, items


def test_report_written_streamed_is_the_rendered_page(tmp_path: Path) -> None:
    analysis, _ = _analysis_with_items()
    path = write_report(analysis, tmp_path / "report.html")
    assert path.read_text(encoding="utf-8") == render_report(analysis)
    assert not (tmp_path / "report.html.tmp").exists()


def test_report_reads_quotes_figures_and_times_from_the_source() -> None:
    from marsad.story.items import MemoryItems

    analysis, items = _analysis_with_items()
    without = {k: v for k, v in analysis.items() if k not in items}
    html = render_report(without, MemoryItems(items))
    assert html == render_report(analysis)
    assert 'id="q-d1-0"' in html and 'class="fig quote"' in html and 'class="time"' in html
