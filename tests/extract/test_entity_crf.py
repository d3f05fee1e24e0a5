"""The entity CRF: its features, its tagger (the model's weights summed per feature group must
label exactly as crfsuite does), and how its names are combined with the rules'.

Sentences are written for these tests.
"""

from __future__ import annotations

from importlib import resources

import numpy as np
import pytest

from marsad.extract.document import extract_document
from marsad.extract.entities import extract_mentions, rule_candidates
from marsad.extract.entity_crf import MODEL_NAME, load_model, sentence_starts
from marsad.extract.entity_crf_combine import combine, spans_of, written_unit_spans
from marsad.extract.entity_crf_features import (
    CLUSTERS,
    features,
    own_attrs,
    rule_tags,
    sentences,
)
from marsad.extract.entity_rules import Cand
from marsad.extract.entity_words import words_of
from marsad.model import Document

MODEL = resources.files("marsad.lang").joinpath("ar", MODEL_NAME)


def test_entity_crf_model_file_is_at_most_50_mb() -> None:
    assert MODEL.is_file()
    assert MODEL.stat().st_size <= 50 * 1024 * 1024


def test_entity_crf_features_of_a_word_include_its_clitics() -> None:
    attached, bare = words_of("وبمدينتهم مدينة")
    assert "pro=وب" in own_attrs(attached) and "enc=True" in own_attrs(attached)
    assert "pro=" in own_attrs(bare) and "enc=False" in own_attrs(bare)
    assert "k=" + attached.key in own_attrs(attached)


def test_entity_crf_features_see_two_words_either_side_and_the_rules_tags() -> None:
    words = words_of("زار الوزير مدينة طرابلس أمس")
    tags = ["O", "O", "O", "B-LOC", "O"]
    feats = features(words, tags)
    assert "-2k=" + words[1].key in feats[3] and "2k=" + words[4].key in feats[2]
    assert "r=B-LOC" in feats[3] and "r1=B-LOC" in feats[2] and "r-2=^" in feats[1]
    assert "first" in feats[0] and "last" in feats[4] and "first" not in feats[1]


def test_entity_crf_combine_keeps_protected_rule_names_and_adds_the_crfs() -> None:
    place = Cand(0, 1, "GPE", "gazetteer")
    cued = Cand(2, 3, "PER", "cue")
    kunya = Cand(3, 4, "PER", "kunya")
    group = Cand(4, 5, "NORP", "gazetteer")
    titled = Cand(6, 8, "PER", "title")
    spans = [(6, 8, "PERS"), (9, 11, "ORG"), (0, 2, "LOC")]
    out = combine(words_of("ا ب ت ث ج ح خ د ذ ر ز"), [place, cued, kunya, group, titled], spans)
    assert place in out and cued in out and group in out and titled in out  # kept, NORP, agreed
    assert kunya not in out  # the CRF labels its word O
    assert Cand(9, 11, "ORG", "crf") in out
    assert not any(c.how == "crf" and c.i == 0 for c in out)  # overlaps a kept name


def test_entity_crf_spans_stop_at_punctuation_and_label_changes() -> None:
    words = words_of("سامر خليل، نادر في بلدة")
    labels = ["B-PERS", "I-PERS", "I-PERS", "O", "B-LOC"]
    assert spans_of(words, labels) == [(0, 2, "PERS"), (2, 3, "PERS"), (4, 5, "LOC")]


TEXT = (
    "أعلن مجلس المدينة أمس أن المهندسة لبنى قسطنطين ستقود مشروع الجسر الجديد. "
    "وقال رئيس البلدية إن العمل يبدأ في الربيع، وإن الكلفة تتحملها وزارة النقل.\n"
    "التقى تيرنس مالوري بنظيره في الرباط"
)


def test_entity_crf_tagger_labels_exactly_as_crfsuite() -> None:
    pycrfsuite = pytest.importorskip("pycrfsuite")
    model = load_model()
    words = words_of(TEXT)
    tags = rule_tags(words, rule_candidates(words, TEXT))
    reference = pycrfsuite.Tagger()
    with resources.as_file(MODEL) as path:
        reference.open(str(path))
    expected = []
    for a, b in sentences(words, TEXT):
        expected.extend(reference.tag(features(words[a:b], tags[a:b])))
    assert len(sentences(words, TEXT)) == 3
    assert model.tag(words, tags, sentence_starts(words, TEXT)) == expected


def test_entity_crf_finds_an_unknown_person_without_title_or_cue() -> None:
    pytest.importorskip("pycrfsuite")
    text = "التقى تيرنس مالوري بنظيره في الرباط"
    found = {(m.text, m.type, m.how) for m in extract_mentions("d", text, crf=True)}
    assert ("تيرنس مالوري", "PER", "crf") in found
    assert not any(m.how == "crf" for m in extract_mentions("d", text, crf=False))


def test_entity_crf_keeps_offsets_and_the_rules_known_places() -> None:
    pytest.importorskip("pycrfsuite")
    rules = {(m.start, m.end) for m in extract_mentions("d", TEXT, crf=False)
             if m.how in ("gazetteer", "trigger")}
    with_crf = extract_mentions("d", TEXT, crf=True)
    assert rules <= {(m.start, m.end) for m in with_crf}
    assert all(TEXT[m.start : m.end] == m.text for m in with_crf)


def test_entity_crf_trims_a_person_name_only_before_a_word_that_is_no_name() -> None:
    words = words_of("أكد سامر خليل أمس")
    out = combine(words, [Cand(1, 4, "PER", "cue")], [(1, 3, "PERS")])
    assert out == [Cand(1, 3, "PER", "cue")]
    words = words_of("أكد سامر خليل الفاضل")
    out = combine(words, [Cand(1, 4, "PER", "cue")], [(1, 3, "PERS")])
    assert out == [Cand(1, 4, "PER", "cue")]  # a definite word may be a family name


def test_entity_crf_extends_a_person_name_over_free_words_only() -> None:
    words = words_of("قال سامر خليل مرزوق في عدن")
    out = combine(words, [Cand(1, 3, "PER", "cue")], [(1, 4, "PERS")])
    assert out == [Cand(1, 4, "PER", "cue")]
    place = Cand(3, 4, "GPE", "gazetteer")
    out = combine(words, [Cand(1, 3, "PER", "cue"), place], [(1, 4, "PERS")])
    assert out == [Cand(1, 3, "PER", "cue"), place]


def test_entity_crf_is_off_by_default_and_can_be_turned_on_for_a_document() -> None:
    pytest.importorskip("pycrfsuite")
    doc = Document(id="d", text="وأكد هالفدان سكوفيلد أن المحادثات ستستمر")
    assert "crf" in {m["how"] for m in extract_document(doc, crf=True)["mentions"]}
    assert "crf" not in {m["how"] for m in extract_document(doc)["mentions"]}


def test_entity_crf_cached_scores_equal_the_features_weights_summed() -> None:
    """The tagger's per-form and per-part caches give each word the same score as summing
    the weights of its training features one by one, seen cold and then from the cache."""
    pytest.importorskip("pycrfsuite")
    model = load_model()
    words = words_of(TEXT)
    tags = rule_tags(words, rule_candidates(words, TEXT))
    expected = []
    for a, b in sentences(words, TEXT):
        for feats in features(words[a:b], tags[a:b]):
            expected.append(model.weights[[model.attr_row.get(f, 0) for f in feats]].sum(axis=0))
    starts = sentence_starts(words, TEXT)
    model._reset_words()
    cold = model.emissions(words, tags, starts)
    warm = model.emissions(words, tags, starts)
    assert np.allclose(cold, expected) and np.array_equal(cold, warm)


def test_entity_crf_word_clusters_load_and_reach_the_features() -> None:
    assert len(CLUSTERS) >= 20_000
    assert all(len(ids) == 3 and all(i.isdigit() for i in ids) for ids in CLUSTERS.values())
    words = words_of("قال محمد في الرياض")
    known = CLUSTERS[words[1].key]
    feats = features(words, ["O"] * 4)
    assert f"c0={known[0]}" in feats[1] and f"c2={known[2]}" in feats[1]
    assert f"1c1={known[1]}" in feats[0] and f"-2c0={known[0]}" in feats[3]
    assert "c0=-" in features(words_of("زبرقشتون"), ["O"])[0]  # a key in no cluster


def test_entity_crf_model_has_cluster_weights() -> None:
    pytest.importorskip("pycrfsuite")
    assert any(a.startswith(("c0=", "c1=", "c2=")) for a in load_model().attr_row)


def test_entity_crf_names_never_begin_or_end_inside_a_written_unit() -> None:
    text = "وقالت شبكة إن.بي.سي إن سامر حداد وصل"
    words = words_of(text)
    first = next(k for k, w in enumerate(words) if w.light == "بي")
    labels = ["O"] * len(words)
    labels[first] = "B-ORG"  # a letter of the abbreviation alone
    labels[-3], labels[-2] = "B-PERS", "I-PERS"
    assert written_unit_spans(words, labels, text) == [(len(words) - 3, len(words) - 1, "PERS")]


def test_entity_crf_settled_words_are_o_in_the_best_path() -> None:
    """Every word `settled` marks is O in the full Viterbi path, and the tagger labels the
    other words as the full pass does (exactly as crfsuite, in the test above)."""
    model = load_model()
    if model is None:
        pytest.skip("no model")
    words = words_of(TEXT)
    tags = rule_tags(words, rule_candidates(words, TEXT))
    starts = sentence_starts(words, TEXT)
    settled = model.settled(model.emissions(words, tags, starts), starts)
    labels = model.tag(words, tags, starts)
    assert 0 < settled.sum() < len(words)
    assert all(label == "O" for label, s in zip(labels, settled, strict=True) if s)
