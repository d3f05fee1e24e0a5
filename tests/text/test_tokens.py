"""tokenize() and segment(): spans into the original text, numbers, clitics and keys."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.lang import _lines
from marsad.text.normalize import fold, light
from marsad.text.tokens import Segmentation, segment, tokenize, tokenize_sentences

DATA = Path(__file__).parent / "data"
MY_FILES = ["abbreviations.tsv", "clitic_hosts.tsv", "function_words.tsv", "stems_protected.tsv"]


def _gold(name: str) -> list[tuple[str, Segmentation]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, procs, stem, encs = line.split("\t")
        rows.append((word, Segmentation(
            tuple(procs.split("+")) if procs != "-" else (),
            stem,
            tuple(encs.split("+")) if encs != "-" else (),
        )))
    return rows


def _accuracy(rows: list[tuple[str, Segmentation]]) -> tuple[float, list]:
    wrong = []
    for word, expected in rows:
        got = segment(word)
        if (got.proclitics, got.stem, got.enclitics) != (
            expected.proclitics, expected.stem, expected.enclitics
        ):
            wrong.append((word, got))
    return 1 - len(wrong) / len(rows), wrong


def test_segment_gold_table_accuracy() -> None:
    rows = _gold("segmentation_gold.tsv")
    assert len(rows) >= 300
    accuracy, wrong = _accuracy(rows)
    print(f"segmentation accuracy on {len(rows)} gold words: {accuracy:.3f}")
    assert accuracy >= 0.90, wrong[:20]


def test_segment_held_out_accuracy() -> None:
    rows = _gold("segmentation_heldout.tsv")
    accuracy, wrong = _accuracy(rows)
    print(f"segmentation accuracy on {len(rows)} held-out words: {accuracy:.3f}")
    assert accuracy >= 0.80, wrong[:20]


def _spell(seg: Segmentation) -> str:
    """The written word: ل + ال is written لل, and لل + ل... drops one ل (للجنة)."""
    procs, stem = "".join(seg.proclitics), seg.stem
    if procs.endswith("لال"):
        procs = procs[:-3] + "لل"
        if stem.startswith("ل"):
            stem = stem[1:]
    return procs + stem + "".join(seg.enclitics)


@pytest.mark.parametrize("name", ["segmentation_gold.tsv", "segmentation_heldout.tsv"])
def test_segment_gold_rows_spell_the_word(name: str) -> None:
    assert [word for word, seg in _gold(name) if _spell(seg) != word] == []


@pytest.mark.parametrize("word", ["وبالمدينة", "للجنة", "للتنظيم", "قواته", "بغداد", "وفيه"])
def test_segment_pieces_spell_the_word(word: str) -> None:
    assert _spell(segment(word)) == word


KEYS = [
    ("بالباغوز", "الباغوز"),
    ("للتنظيم", "التنظيم"),
    ("وواشنطن", "واشنطن"),
    ("لفرانس", "فرانس"),
    ("وبمدينة", "مدينه"),
    ("سيطرته", "سيطره"),
    ("هجماته", "هجمات"),
    ("للبنان", "لبنان"),
    ("للجنة", "اللجنه"),
    ("وزارة", "وزاره"),
    ("والإمارات", "الامارات"),
    ("عليهم", "علي"),
    ("وسيقول", "يقول"),
    ("Reuters", "reuters"),
    ("2019", "2019"),
]


@pytest.mark.parametrize(("word", "key"), KEYS)
def test_segment_key_is_clitic_free_folded_form(word: str, key: str) -> None:
    assert segment(word).key == key


@pytest.mark.parametrize("word", ["مدينة", "جبهة", "حكومة", "ساحة"])
def test_segment_taa_marbuta_never_starts_a_suffix(word: str) -> None:
    assert segment(word).enclitics == ()


TOKENS = [
    ("قال الوزير: «لن نتراجع»!", ["قال", "الوزير", "لن", "نتراجع"]),
    ("بلغت 99,5 في المئة و3.000 شخص في 2019/03/19", [
        "بلغت", "99,5", "في", "المئة", "و", "3.000", "شخص", "في", "2019/03/19"]),
    ("٢٠١٩/٠٣/١٩ و٩٩٫٥", ["٢٠١٩/٠٣/١٩", "و", "٩٩٫٥"]),
    ("مُحَمَّدٌ في الْمَدِينَةِ", ["مُحَمَّدٌ", "في", "الْمَدِينَةِ"]),
    ("مـــدينة كبيـرة", ["مـــدينة", "كبيـرة"]),
    ("اﻻتفاق صامد", ["اﻻتفاق", "صامد"]),
    ("قالت Reuters وAFP إن F16 سقطت", ["قالت", "Reuters", "و", "AFP", "إن", "F16", "سقطت"]),
    ("... ، ؛ ( ) - «»", []),
]


@pytest.mark.parametrize(("text", "expected"), TOKENS)
def test_tokenize_surface_forms(text: str, expected: list[str]) -> None:
    tokens = tokenize(text)
    assert [t.text for t in tokens] == expected
    for token in tokens:
        assert text[token.start : token.end] == token.text
        assert fold(token.text) == token.folded
        assert light(token.text) == token.light


def test_tokenize_light_folded_and_key() -> None:
    [token] = tokenize("وبالمَدِينَةِ")
    assert token.light == "وبالمدينة"
    assert token.folded == "وبالمدينه"
    assert token.seg.proclitics == ("و", "ب", "ال")
    assert token.key == "المدينه"


def test_tokenize_random_mixes_spans_point_into_the_original() -> None:
    pieces = ["قال", "الوزير", " ", "\u064e", "\u0651", "\u0640", "ﻻ", "ﷲ", "\u200c", "٢٠",
              "99", ".", ",", "5", "«", "»", "\n", "ی", "ABC", "بالمدينة"]
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        previous_end = 0
        for token in tokenize(text):
            assert previous_end <= token.start < token.end <= len(text)
            assert text[token.start : token.end] == token.text
            assert fold(token.text) == token.folded, (text, token)
            previous_end = token.end


def test_tokenize_sentences_groups_tokens() -> None:
    text = "وصل الوفد. وبدأت المحادثات"
    groups = tokenize_sentences(text)
    assert [[t.text for t in g] for _, g in groups] == [["وصل", "الوفد"], ["وبدأت", "المحادثات"]]
    assert [text[s.start:s.end] for s, _ in groups] == ["وصل الوفد.", "وبدأت المحادثات"]


@pytest.mark.parametrize("name", MY_FILES)
def test_text_layer_data_files_are_light_and_unique(name: str) -> None:
    seen: set[str] = set()
    for line in _lines("ar", name):
        entry = line.split("\t")[0].strip()
        assert light(entry) == entry, entry
        assert fold(entry) not in seen, entry
        seen.add(fold(entry))


def test_protected_lexicon_is_large_enough() -> None:
    assert len(_lines("ar", "stems_protected.tsv")) >= 600


@given(st.text())
def test_tokenize_never_raises_and_spans_match_any_text(text: str) -> None:
    previous_end = 0
    for token in tokenize(text):
        assert previous_end <= token.start < token.end <= len(text)
        assert text[token.start : token.end] == token.text
        assert token.key == segment(token.light).key
        previous_end = token.end
