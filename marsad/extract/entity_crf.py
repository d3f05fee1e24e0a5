"""Entity labels from a CRF over the words, lexicon flags and the rules' own tags.

The model (lang/ar/entity_crf.crfsuite) is trained by bench/train_crf.py on ANERcorp's
training part, with the features of entity_crf_features.py; retrain it whenever the rules
change, since their tags are among its strongest features. The CRF labels every word;
entity_crf_combine.py joins its names with the rules'.

Tagging does not go through crfsuite's tagger: the model's weights are read once and summed
per feature group, each cached by the value it depends on: per light form (what it scores for
itself and for each neighbour, built from parts shared by many forms: key, affixes, lexicon
flags, clitics), per window of five rule tags, per place in the sentence, per key pair. One
Viterbi pass in numpy covers all of a document's sentences together. Without python-crfsuite
or the model file the step does nothing.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from itertools import repeat
from operator import attrgetter

import numpy as np

from marsad.extract.entity_crf_combine import combine, written_unit_spans
from marsad.extract.entity_crf_features import (
    EDGE,
    GAZ_PAIRS,
    OFFSETS,
    RULE_TAGS,
    SURFACE_PARTS,
    edge_attrs,
    key_parts,
    left_pair_attrs,
    part_attrs,
    right_pair_attrs,
    rule_tags,
    sentences,
    surface_part_attrs,
    surface_parts,
)
from marsad.extract.entity_rules import Cand
from marsad.extract.entity_words import Word

MODEL_NAME = "entity_crf.crfsuite"
_TAG_ID = {t: n for n, t in enumerate(RULE_TAGS)}
_EDGE_TAG = len(RULE_TAGS)
# Parts whose value is written as is after `part=` in every feature they give (a key's own
# `k=`, a neighbour's `-1k=`), so a value no feature names gives nothing.
WRITTEN_PARTS = frozenset({"k", "p2", "p3", "s1", "s2", "s3", "len", "sp2", "ss2"})
_LIGHT = attrgetter("light")
_CACHE_LIMIT = 1 << 17  # distinct light forms kept before the cache starts over


class CrfModel:
    """A trained CRF's weights, summed per feature group (see module docstring)."""

    def __init__(self, state: dict[tuple[str, str], float], trans: dict[tuple[str, str], float],
                 labels: list[str]) -> None:
        self.labels = labels
        size = len(labels)
        col = {lab: n for n, lab in enumerate(labels)}
        self.attr_row: dict[str, int] = {}  # row 0 of `weights` is all zeros
        for attr, _ in state:
            self.attr_row.setdefault(attr, len(self.attr_row) + 1)
        self.weights = np.zeros((len(self.attr_row) + 1, size))
        for (attr, label), w in state.items():
            self.weights[self.attr_row[attr], col[label]] = w
        self.trans = np.zeros((size, size))
        for (a, b), w in trans.items():
            self.trans[col[a], col[b]] = w
        self.outside = col["O"]
        self.incoming = np.ascontiguousarray(self.trans.T)  # [label, label before]
        # The least that O → O gains over the transition into each label, and over that
        # from any label back to O (see `settled`).
        self.enter = self.trans[self.outside, self.outside] - self.trans.max(axis=0)
        back_to_o = np.delete(self.trans[:, self.outside], self.outside)
        self.leave = float((self.trans[self.outside, self.outside] - back_to_o).min())
        self.written: dict[str, set[str]] = {part: set() for part in WRITTEN_PARTS}
        for attr in self.attr_row:
            name, _, value = attr.partition("=")
            self.written.get(name.lstrip("-0123456789"), set()).add(value)
        rules = [*RULE_TAGS, EDGE]
        width = len(rules)
        # The rules' tags at i-2..i+2 and the pairs around i, one row per window of five tags
        # (window code: the tags' ids as digits in base `width`):
        one = [np.stack([self._sum((f"{name}={t}",)) for t in rules])
               for name in ("r-2", "r-1", "r", "r1", "r2")]
        pair = [np.stack([self._sum((f"{name}={a}|{b}",)) for a in rules for b in rules])
                .reshape(width, width, size) for name in ("rr-", "rr+")]
        grid = np.ix_(*[range(width)] * 5)
        self.window_rows = (
            one[0][grid[0]] + one[1][grid[1]] + one[2][grid[2]] + one[3][grid[3]]
            + one[4][grid[4]] + pair[0][grid[1], grid[2]] + pair[1][grid[2], grid[3]]
        ).reshape(-1, size)
        # Place in the sentence: punctuation before (2) × after, none or the end (3) × first.
        place = {a: self._sum((a,)) for a in ("brk=False", "brk=True", "nbrk=False",
                                             "nbrk=True", "last", "first")}
        self.place_rows = np.stack([
            place[f"brk={brk}"] + place[after] + (place["first"] if first else 0)
            for brk in (False, True) for after in ("nbrk=False", "nbrk=True", "last")
            for first in (False, True)
        ])
        bigrams = (a[3:].split("|") for a in self.attr_row if a[:3] in ("b-=", "b+="))
        pairs = sorted({(b[0], b[1]) for b in bigrams if len(b) == 2} | set(GAZ_PAIRS))
        self.pair_id = {p: n + 1 for n, p in enumerate(pairs)}
        self.pair_firsts = {a for a, _ in pairs}
        self.pair_seconds = {b for _, b in pairs}
        self.left_rows = np.stack([np.zeros(size), *(self._sum(left_pair_attrs(*p))
                                                     for p in pairs)])
        self.right_rows = np.stack([np.zeros(size), *(self._sum(right_pair_attrs(*p))
                                                      for p in pairs)])
        self._reset_words()

    def _sum(self, attrs: tuple[str, ...]) -> np.ndarray:
        return self.weights[self._ids(attrs)].sum(axis=0)

    def _reset_words(self) -> None:
        """Tables that grow with the words met. `form_rows[f]` holds what light form f adds
        to the score of the word itself (slot 0) and of the words it stands at OFFSETS from
        (slots 1-4); form 0 stands beyond the sentence. `part_rows` holds the same per value
        of one part of a form (a key part, the surface features, the proclitics), part 0 none;
        a new form's rows are the sum of its parts'."""
        size = len(self.labels)
        self.form_id: dict[str, int] = {}
        self.form_rows = np.zeros((1024, 5, size))
        self.form_rows[0, 1:] = [self._sum(edge_attrs(off)) for off in OFFSETS]
        self.form_pair = np.zeros((1024, 2), bool)  # first, second word of a known pair
        self.part_id: dict[tuple[str, object], int] = {}
        self.key_part_ids: dict[str, list[int]] = {}
        self.part_rows = np.zeros((256, 5, size))
        self.parts_made = 0

    def _part(self, part: str, value: object) -> int:
        """The id of a part's rows, made on first use; 0 for a part the model has no
        feature of."""
        if part in WRITTEN_PARTS and str(value) not in self.written[part]:
            self.part_id[part, value] = 0
            return 0
        attrs = surface_part_attrs if part in SURFACE_PARTS else part_attrs
        rows = [self._ids(attrs(part, value, off)) for off in (0, *OFFSETS)]
        pid = 0
        if any(len(ids) > 1 for ids in rows):
            pid = self.parts_made = self.parts_made + 1
            self.part_rows = _room(self.part_rows, pid + 1)
            self.part_rows[pid] = [self.weights[ids].sum(axis=0) for ids in rows]
        self.part_id[part, value] = pid
        return pid

    def _ids(self, attrs: tuple[str, ...]) -> list[int]:
        return [0, *filter(None, map(self.attr_row.get, attrs))]

    def _part_ids(self, named: tuple[tuple[str, object], ...]) -> list[int]:
        get = self.part_id.get
        ids = [get(p) for p in named]
        if None in ids:
            ids = [self._part(*p) if i is None else i for p, i in zip(named, ids, strict=True)]
        return ids

    def _add_forms(self, fresh: dict[str, Word]) -> None:
        """Rows for light forms not seen before, each the sum of its parts' rows (a key's
        part ids are kept for the other forms of the key: بالوزارة، والوزارة)."""
        of_key = self.key_part_ids
        parts = []
        for w in fresh.values():
            ids = of_key.get(w.key)
            if ids is None:
                ids = of_key[w.key] = self._part_ids(key_parts(w.key))
            parts.append(ids + self._part_ids(surface_parts(w)))
        n = len(self.form_id) + 1
        end = n + len(fresh)
        self.form_rows = _room(self.form_rows, end)
        self.form_pair = _room(self.form_pair, end)
        self.form_rows[n:end] = self.part_rows[parts].sum(axis=1)
        self.form_pair[n:end] = [(w.key in self.pair_firsts, w.key in self.pair_seconds)
                                 for w in fresh.values()]
        self.form_id.update(zip(fresh, range(n, end), strict=True))

    def _form_ids(self, words: list[Word]) -> np.ndarray:
        """Each word's light form id; rows for forms not seen before are added first."""
        if len(self.form_id) > _CACHE_LIMIT:
            self._reset_words()
        lights = list(map(_LIGHT, words))
        ids = np.fromiter(map(self.form_id.get, lights, repeat(-1)), np.intp, len(lights))
        if ids.min() < 0:
            self._add_forms({w.light: w for w, f in zip(words, ids.tolist(), strict=True) if f < 0})
            ids = np.fromiter(map(self.form_id.__getitem__, lights), np.intp, len(lights))
        return ids

    def emissions(self, words: list[Word], tags: list[str], starts: np.ndarray) -> np.ndarray:
        """Each word's score per label: its own and its neighbours' form rows gathered in one
        call, plus one row each for the rules' tag window, the place and the key pairs."""
        n = len(words)
        form = self._form_ids(words)
        tag = np.fromiter(map(_TAG_ID.__getitem__, tags), np.intp, n)
        brk = np.fromiter([w.brk for w in words], bool, n)
        sent = np.cumsum(starts)
        sent_pad = np.concatenate([[-1, -1], sent, [-2, -2]])
        form_pad = np.concatenate([[0, 0], form, [0, 0]])
        tag_pad = np.concatenate([[_EDGE_TAG] * 2, tag, [_EDGE_TAG] * 2])
        width = _EDGE_TAG + 1
        slots = np.empty((n, 5), np.intp)
        slots[:, 0] = 5 * form
        window = np.zeros(n, np.intp)
        for off in (-2, -1, 0, 1, 2):
            inside = sent_pad[2 + off : 2 + off + n] == sent
            window = window * width + np.where(inside, tag_pad[2 + off : 2 + off + n], _EDGE_TAG)
            if off:
                slot = OFFSETS.index(off) + 1
                slots[:, slot] = 5 * np.where(inside, form_pad[2 + off : 2 + off + n], 0) + slot
        last = np.append(starts[1:], True)
        after = np.where(last, 2, np.append(brk[1:], False))
        place = (brk * 3 + after) * 2 + starts
        pair = np.zeros(n, np.intp)  # pair (i, i + 1) at i
        flags = self.form_pair[form]
        maybe = flags[:-1, 0] & flags[1:, 1] & ~starts[1:]
        for i in np.flatnonzero(maybe).tolist():
            pair[i] = self.pair_id.get((words[i].key, words[i + 1].key), 0)
        return (self.form_rows.reshape(-1, self.form_rows.shape[2])[slots].sum(axis=1)
                + self.window_rows[window] + self.place_rows[place]
                + self.left_rows[np.roll(pair, 1)] + self.right_rows[pair])

    def settled(self, scores: np.ndarray, starts: np.ndarray) -> np.ndarray:
        """Where O is provably the best label. Any best path's run of other labels, turned
        into O, would lose score, so it gains at least nothing: each word of the run adds at
        least `gain` (its emission lead of O over its worst label, with the transition into
        it at its worst) and the run's end at least `leave` (O → O instead of label → O). A
        word is settled when every run through it within its sentence sums to more than 0;
        the best paths then hold O there, and Viterbi need only cover the other words."""
        last = np.append(starts[1:], True)
        o = self.outside
        lead = scores[:, [o]] - scores + np.where(starts[:, None], 0.0, self.enter)
        lead[:, o] = np.inf
        gain = lead.min(axis=1)
        sent = np.cumsum(starts)
        total = np.cumsum(gain)
        before = total - gain  # the sum up to each word's left neighbour
        # Each sentence is lifted above the ones before (and below the ones after), so the
        # running max and min below do not reach across sentences.
        big = 4.0 * (np.abs(total).max() + abs(self.leave) + 1.0)
        lift = sent * big
        left = total - (np.maximum.accumulate(before + lift) - lift)
        ends = total + np.where(last, 0.0, self.leave)
        right = np.minimum.accumulate((ends + lift)[::-1])[::-1] - lift - total
        return left + right > 0

    def tag(self, words: list[Word], tags: list[str], starts: np.ndarray) -> list[str]:
        """The best label sequence of each sentence (`starts` marks sentence starts): O where
        `settled` proves it, Viterbi over the runs of other words, all of a document's runs at
        once, one step per word position, the runs laid out longest first so that those still
        going lead; each step writes into buffers made once (numpy's call overhead, not
        arithmetic, is the cost here). A run after or before a settled O starts or ends with
        the transition from or to O."""
        scores = self.emissions(words, tags, starts)
        out = np.full(len(words), self.outside, np.intp)
        free = ~self.settled(scores, starts)
        if free.any():
            at = np.flatnonzero(free)
            first = np.flatnonzero((np.diff(at, prepend=-2) != 1) | starts[at])  # runs' first words
            begin = at[first]
            lengths = np.diff(np.append(first, len(at)))
            end = begin + lengths
            after_o = ~starts[begin]
            before_o = np.append(~starts[1:], False)[end - 1]
            runs = np.zeros(len(words), np.intp)
            runs[begin] = 1
            runs = np.cumsum(runs)[at] - 1
            out[at] = self._viterbi(scores[at], runs, lengths, after_o, before_o)
        names = self.labels
        return [names[y] for y in out.tolist()]

    def _viterbi(self, scores: np.ndarray, runs: np.ndarray, lengths: np.ndarray,
                 after_o: np.ndarray, before_o: np.ndarray) -> np.ndarray:
        """The best labels of consecutive runs of words (`runs`: each word's run)."""
        count = len(lengths)
        rank = np.empty(count, np.intp)
        rank[np.argsort(-lengths, kind="stable")] = np.arange(count)
        row = rank[runs]  # each word's run, in that order
        col = np.arange(len(runs)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        steps, size = int(lengths.max()), len(self.labels)
        grid = np.zeros((steps, count, size))
        grid[col, row] = scores
        grid[0, rank[after_o]] += self.trans[self.outside]
        active = np.bincount(col).tolist()  # runs with a word at each place
        back = np.empty((steps, count, size), np.intp)
        total = np.empty((count, size, size))
        incoming = self.incoming
        best = grid[0].copy()
        for step in range(1, steps):
            k = active[step]
            np.add(best[:k, None, :], incoming, out=total[:k])
            total[:k].argmax(axis=2, out=back[step, :k])
            total[:k].max(axis=2, out=best[:k])
            best[:k] += grid[step, :k]
        best[rank[before_o]] += self.trans[:, self.outside]
        label = best.argmax(axis=1)
        path = np.empty((steps, count), np.intp)
        path[np.sort(lengths)[::-1] - 1, np.arange(count)] = label
        at = np.arange(count)
        for step in range(steps - 1, 0, -1):
            k = active[step]
            label[:k] = back[step, at[:k], label[:k]]
            path[step - 1, :k] = label[:k]
        return path[col, row]


def _room(rows: np.ndarray, needed: int) -> np.ndarray:
    """`rows`, doubled as often as needed to hold `needed` rows."""
    while len(rows) < needed:
        rows = np.concatenate([rows, np.zeros_like(rows)])
    return rows


@cache
def load_model() -> CrfModel | None:
    """The installed model, or None without python-crfsuite or the model file."""
    try:
        import pycrfsuite
    except ImportError:
        return None
    model = resources.files("marsad.lang").joinpath("ar", MODEL_NAME)
    if not model.is_file():
        return None
    with resources.as_file(model) as path:
        return read_model(str(path), pycrfsuite)


def read_model(path: str, pycrfsuite) -> CrfModel:  # noqa: ANN001 - the optional module
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    info = tagger.info()
    labels = tagger.labels()
    tagger.close()
    return CrfModel(info.state_features, info.transitions, labels)


def sentence_starts(words: list[Word], text: str) -> np.ndarray:
    starts = np.zeros(len(words), bool)
    starts[[a for a, _ in sentences(words, text)]] = True
    return starts


def crf_candidates(words: list[Word], cands: list[Cand], text: str) -> list[Cand]:
    """The rules' candidates combined with the CRF's labels (unchanged without a model)."""
    model = load_model()
    if model is None or not words:
        return cands
    labels = model.tag(words, rule_tags(words, cands), sentence_starts(words, text))
    return combine(words, cands, written_unit_spans(words, labels, text))
