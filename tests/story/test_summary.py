"""Summary: central sentences, the same fact once, every line pointing at its document."""

from __future__ import annotations

from marsad.story.summary import summarize
from marsad.text.sentences import split_sentences
from marsad.text.tokens import tokenize

DOCS = {
    "a": ("2024-08-05",
          "ضربت السيول ولاية كسلا بعد انهيار السد الترابي على نهر القاش. "
          "وقالت السلطات إن المياه دمرت ألفي منزل في الأحياء الشرقية من المدينة. "
          "ويعاني السكان من انقطاع الكهرباء منذ يومين في معظم أحياء المدينة."),
    "b": ("2024-08-08",
          "ارتفعت حصيلة ضحايا السيول في ولاية كسلا إلى واحد وعشرين قتيلاً. "
          "وقالت السلطات إن المياه دمرت ألفي منزل في الأحياء الشرقية من المدينة. "
          "وأقيمت مباراة ودية لكرة القدم في ملعب العاصمة مساء الخميس."),
}


def _sentences() -> list[tuple]:
    rows = []
    for doc, (published, text) in DOCS.items():
        tokens = tokenize(text)
        for position, span in enumerate(split_sentences(text)):
            inside = [t for t in tokens if span.start <= t.start < span.end]
            rows.append((doc, position, span, inside, published))
    return rows


def test_summary_lines_point_at_their_document_text() -> None:
    lines = summarize(_sentences(), set(), set(), size=4)
    assert 1 <= len(lines) <= 4
    for line in lines:
        text = DOCS[line["doc"]][1]
        assert text[line["start"]:line["end"]].strip()


def test_summary_repeated_sentence_appears_once() -> None:
    lines = summarize(_sentences(), set(), set(), size=5)
    texts = [DOCS[x["doc"]][1][x["start"]:x["end"]] for x in lines]
    assert sum("دمرت ألفي منزل" in t for t in texts) == 1


def test_summary_prefers_sentences_with_events_and_figures_over_asides() -> None:
    rows = _sentences()
    toll = next(r for r in rows if "حصيلة" in DOCS[r[0]][1][r[2].start:r[2].end])
    lines = summarize(rows, {(toll[0], toll[2].start)}, {(toll[0], toll[2].start + 5)}, size=2)
    picked = [DOCS[x["doc"]][1][x["start"]:x["end"]] for x in lines]
    assert any("حصيلة" in t for t in picked)
    assert not any("مباراة" in t for t in picked)
