"""Entity labels from a CRF over the words, lexicon flags and the rules' own tags.

The model (lang/ar/entity_crf.crfsuite) is trained by bench/train_crf.py on ANERcorp's
training part, with the features of entity_crf_features.py; retrain it whenever the rules
change, since their tags are among its strongest features. The CRF labels every word; `combine`
then keeps a rule's name where the CRF confirms it (a name of the same type over its words) or
where the rule is of a kind our news conventions trust (PROTECTED), drops the others, and adds
the CRF's names that overlap none kept (how = "crf").

Tagging does not go through crfsuite's tagger: the model's weights are read once and summed
per feature group (a word's own features, each neighbour's, the rules' tags, ...), each group
cached by the value it depends on, and one Viterbi pass in numpy covers all of a document's
sentences together. Without python-crfsuite or the model file the step does nothing.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from itertools import pairwise, repeat

import numpy as np

from marsad.extract.entity_crf_features import (
    EDGE,
    GAZ_PAIRS,
    OFFSETS,
    RULE_LABELS,
    RULE_TAGS,
    edge_attrs,
    key_attrs,
    left_pair_attrs,
    neighbour_key_attrs,
    neighbour_pro_attrs,
    right_pair_attrs,
    rule_tags,
    sentences,
    surface_attrs,
)
from marsad.extract.entity_lexicon import GIVEN_NAMES
from marsad.extract.entity_rules import Cand
from marsad.extract.entity_words import Word

MODEL_NAME = "entity_crf.crfsuite"
# CRF labels → entity types (LOC in the training data is mostly countries and cities).
LABEL_TYPES = {"PERS": "PER", "ORG": "ORG", "LOC": "GPE"}
# Rule kinds kept even where the CRF labels their words otherwise. ANERcorp leaves out much
# that our news conventions mark (وزارة الصحة، الحكومة العراقية، شركة X as a whole): letting
# the CRF overrule these kinds scores higher on ANERcorp but lower on the news gold
# (bench/train_crf.py --tune, and `marsad eval` on the examples).
PROTECTED = frozenset({"gazetteer", "trigger"})
_TAG_ID = {t: n for n, t in enumerate(RULE_TAGS)}
_EDGE_TAG = len(RULE_TAGS)
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
        self._zero = np.zeros(size)
        rules = [*RULE_TAGS, EDGE]
        bigrams = (a[3:].split("|") for a in self.attr_row if a[:3] in ("b-=", "b+="))
        pairs = sorted({(b[0], b[1]) for b in bigrams if len(b) == 2} | set(GAZ_PAIRS))
        self.pair_id = {p: n + 1 for n, p in enumerate(pairs)}
        # Every group that does not depend on the words' forms, as rows of one table:
        static = {
            "rule": [self._sum((f"{name}={t}",))
                     for name in ("r-2", "r-1", "r", "r1", "r2") for t in rules],
            "rule pair": [self._sum((f"{name}={a}|{b}",))
                          for name in ("rr-", "rr+") for a in rules for b in rules],
            "place": [self._sum((a,)) for a in ("brk=False", "brk=True", "nbrk=False",
                                               "nbrk=True", "last", "first")] + [self._zero],
            "left pair": [self._zero, *(self._sum(left_pair_attrs(*p)) for p in pairs)],
            "right pair": [self._zero, *(self._sum(right_pair_attrs(*p)) for p in pairs)],
        }
        self.base, start = {}, 0
        for name, group in static.items():
            self.base[name] = start
            start += len(group)
        self.static = np.concatenate([np.stack(group) for group in static.values()])
        self._reset_words()

    def _sum(self, attrs: tuple[str, ...]) -> np.ndarray:
        get = self.attr_row.get
        return self.weights[[0, *filter(None, map(get, attrs))]].sum(axis=0)

    def _reset_words(self) -> None:
        """Tables that grow with the words met: rows 5 * id .. 5 * id + 4 of `key_rows` are a
        key's own and neighbour groups (key id 0: a neighbour beyond the sentence); one row
        per surface (`surface_attrs`); rows 2 * id, 2 * id + 1 of `pro_rows` are proclitics
        before and after (id 0: none beyond the sentence)."""
        size = len(self.labels)
        self.light_ids: dict[str, tuple[int, int, int]] = {}
        self.key_id: dict[str, int] = {}
        self.key_rows = np.zeros((5 * 1024, size))
        self.key_rows[1:5] = [self._sum(edge_attrs(off)) for off in OFFSETS]
        self.surface_id: dict[tuple[str, ...], int] = {}
        self.surface_rows = np.zeros((256, size))
        self.pro_id: dict[str, int] = {}
        self.pro_rows = np.zeros((64, size))

    def _ids(self, attrs: tuple[str, ...]) -> tuple[int, ...]:
        return (0, *filter(None, map(self.attr_row.get, attrs)))

    def _add_keys(self, keys: set[str]) -> None:
        """Rows for keys not seen before, summed in one numpy call."""
        rows, starts = [], []
        for key in keys:
            for attrs in (key_attrs(key), *(neighbour_key_attrs(key, off) for off in OFFSETS)):
                starts.append(len(rows))
                rows.extend(self._ids(attrs))
        n = len(self.key_id) + 1
        self.key_rows = _room(self.key_rows, 5 * (n + len(keys)))
        self.key_rows[5 * n : 5 * (n + len(keys))] = np.add.reduceat(self.weights[rows], starts)
        self.key_id.update(zip(keys, range(n, n + len(keys)), strict=True))

    def _surface(self, w: Word) -> int:
        attrs = surface_attrs(w)
        sid = self.surface_id.get(attrs)
        if sid is None:
            sid = self.surface_id[attrs] = len(self.surface_id)
            self.surface_rows = _room(self.surface_rows, sid + 1)
            self.surface_rows[sid] = self._sum(attrs)
        return sid

    def _pro(self, pro: str) -> int:
        pid = self.pro_id.get(pro)
        if pid is None:
            pid = self.pro_id[pro] = len(self.pro_id) + 1
            self.pro_rows = _room(self.pro_rows, 2 * pid + 2)
            self.pro_rows[2 * pid] = self._sum(neighbour_pro_attrs(pro, -1))
            self.pro_rows[2 * pid + 1] = self._sum(neighbour_pro_attrs(pro, 1))
        return pid

    def _word_ids(self, words: list[Word]) -> np.ndarray:
        """Each word's (key, surface, proclitic) ids, cached per light form; rows for what
        was not seen before are added first."""
        if len(self.light_ids) > _CACHE_LIMIT:
            self._reset_words()
        known = self.light_ids
        lights = [w.light for w in words]
        found = list(map(known.get, lights))
        if None in found:
            fresh = {w.light: w for w, f in zip(words, found, strict=True) if f is None}
            new_keys = {w.key for w in fresh.values() if w.key not in self.key_id}
            if new_keys:
                self._add_keys(new_keys)
            for light, w in fresh.items():
                known[light] = (self.key_id[w.key], self._surface(w), self._pro(w.pro))
            found = list(map(known.__getitem__, lights))
        return np.array(found, np.intp)

    def emissions(self, words: list[Word], tags: list[str], starts: np.ndarray) -> np.ndarray:
        """Each word's score per label: the sum of its feature groups' weights, gathered from
        the word rows and the static table in one call each."""
        n = len(words)
        ids = self._word_ids(words)
        key, pro = ids[:, 0], ids[:, 2]
        tag = np.fromiter(map(_TAG_ID.__getitem__, tags), np.intp, n)
        brk = np.fromiter([w.brk for w in words], bool, n)
        keys = [w.key for w in words]
        pair = np.fromiter(map(self.pair_id.get, pairwise(keys), repeat(0)), np.intp, n - 1)
        sent = np.cumsum(starts)
        sent_pad = np.concatenate([[-1, -1], sent, [-2, -2]])
        key_pad = np.concatenate([[0, 0], key, [0, 0]])
        pro_pad = np.concatenate([[0, 0], pro, [0, 0]])
        tag_pad = np.concatenate([[_EDGE_TAG] * 2, tag, [_EDGE_TAG] * 2])
        width, base = _EDGE_TAG + 1, self.base
        word_rows = np.empty((n, 5), np.intp)
        word_rows[:, 0] = 5 * key
        pro_rows = np.empty((n, 2), np.intp)
        static_rows = np.empty((n, 11), np.intp)
        near = []
        for g, off in enumerate((-2, -1, 0, 1, 2)):
            inside = sent_pad[2 + off : 2 + off + n] == sent
            near.append(np.where(inside, tag_pad[2 + off : 2 + off + n], _EDGE_TAG))
            static_rows[:, g] = g * width + near[-1]
            if off:
                group = OFFSETS.index(off) + 1
                neighbour = np.where(inside, key_pad[2 + off : 2 + off + n], 0)
                word_rows[:, group] = 5 * neighbour + group
            if off in (-1, 1):
                neighbour = np.where(inside, pro_pad[2 + off : 2 + off + n], 0)
                after = int(off > 0)
                pro_rows[:, after] = 2 * neighbour + after
        static_rows[:, 5] = base["rule pair"] + near[1] * width + near[2]
        static_rows[:, 6] = base["rule pair"] + width * width + near[2] * width + near[3]
        place = base["place"]
        static_rows[:, 7] = place + brk
        last = np.append(starts[1:], True)
        static_rows[:, 8] = np.where(last, place + 4, place + 2 + np.append(brk[1:], False))
        static_rows[:, 9] = np.where(starts, place + 5, place + 6)
        pair[starts[1:]] = 0  # no pair across a sentence start
        static_rows[:, 10] = base["left pair"] + np.append(0, pair)
        right = base["right pair"] + np.append(pair, 0)
        return (self.key_rows[word_rows].sum(axis=1) + self.surface_rows[ids[:, 1]]
                + self.pro_rows[pro_rows].sum(axis=1) + self.static[static_rows].sum(axis=1)
                + self.static[right])

    def tag(self, words: list[Word], tags: list[str], starts: np.ndarray) -> list[str]:
        """The best label sequence of each sentence (`starts` marks sentence starts): Viterbi
        over all of the document's sentences at once, one step per word position, the
        sentences laid out longest first so that those still going lead."""
        scores = self.emissions(words, tags, starts)
        first = np.flatnonzero(starts)
        lengths = np.diff(np.append(first, len(words)))
        rank = np.empty(len(first), np.intp)
        rank[np.argsort(-lengths, kind="stable")] = np.arange(len(first))
        row = np.repeat(rank, lengths)  # each word's sentence, in that order
        col = np.arange(len(words)) - np.repeat(first, lengths)  # its place in the sentence
        grid = np.zeros((len(first), int(lengths.max()), len(self.labels)))
        grid[row, col] = scores
        active = np.bincount(col).tolist()  # sentences with a word at each place
        trans = self.trans
        best = grid[:, 0].copy()
        back = []
        for step in range(1, len(active)):
            k = active[step]
            total = best[:k, :, None] + trans
            back.append(total.argmax(axis=1))
            best[:k] = total.max(axis=1) + grid[:k, step]
        label = best.argmax(axis=1)
        path = np.empty(grid.shape[:2], np.intp)
        sorted_lengths = np.sort(lengths)[::-1]
        path[np.arange(len(first)), sorted_lengths - 1] = label
        at = np.arange(len(first))
        for step in range(len(active) - 1, 0, -1):
            k = active[step]
            label[:k] = back[step - 1][at[:k], label[:k]]
            path[:k, step - 1] = label[:k]
        names = self.labels
        return [names[y] for y in path[row, col].tolist()]


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


def spans_of(words: list[Word], labels: list[str]) -> list[tuple[int, int, str]]:
    """BIO labels → (first word, end word, CRF type); a name never runs across punctuation."""
    out: list[tuple[int, int, str]] = []
    start, last, typ = -1, -2, ""
    for k in [k for k, label in enumerate(labels) if label != "O"]:
        label = labels[k]
        if k == last + 1 and label[0] == "I" and label[2:] == typ and not words[k].brk:
            last = k
            continue
        if start >= 0:
            out.append((start, last + 1, typ))
        start, last, typ = k, k, label[2:]
    if start >= 0:
        out.append((start, last + 1, typ))
    return out


def _person_bounds(words: list[Word], c: Cand, spans: list[tuple[int, int, str]],
                   taken: set[int]) -> Cand:
    """A rule's person name that the CRF reads from the same first word to another end: the
    CRF's end when it goes further over free words (a surname the rules missed), or when it
    stops before words that do not look like names (no article, not a given name: the verb or
    noun after a name, وقال زيد عمرو إن → زيد عمرو)."""
    for i, j, t in spans:
        if t != "PERS" or i != c.i or j == c.j:
            continue
        if j > c.j and not taken.intersection(range(c.j, j)):
            return c._replace(j=j)
        if j < c.j and not any(w.definite or w.key in GIVEN_NAMES for w in words[j : c.j]):
            return c._replace(j=j)
    return c


def combine(words: list[Word], cands: list[Cand], spans: list[tuple[int, int, str]],
            protected: frozenset[str] = PROTECTED) -> list[Cand]:
    """The rules' names that are protected, of a kind the CRF does not label (NORP), or that
    the CRF confirms (a name of the same type overlapping them: the rules' roles are kept, and
    their bounds unless `_person_bounds` says otherwise), plus the CRF's names that overlap
    none of them."""

    def confirmed(c: Cand) -> bool:
        label = RULE_LABELS.get(c.type)
        return any(i < c.j and c.i < j and t == label for i, j, t in spans)

    kept = [c for c in cands if c.how in protected or c.type not in RULE_LABELS or confirmed(c)]
    taken = {p for c in kept for p in range(c.i, c.j)}
    kept = [
        _person_bounds(words, c, spans, taken) if c.type == "PER" and c.how not in protected
        else c
        for c in kept
    ]
    used = {p for c in kept for p in range(c.i, c.j)}
    added = [Cand(i, j, LABEL_TYPES[t], "crf") for i, j, t in spans
             if t in LABEL_TYPES and not used.intersection(range(i, j))]
    return sorted(kept + added)


def crf_candidates(words: list[Word], cands: list[Cand], text: str) -> list[Cand]:
    """The rules' candidates combined with the CRF's labels (unchanged without a model)."""
    model = load_model()
    if model is None or not words:
        return cands
    labels = model.tag(words, rule_tags(words, cands), sentence_starts(words, text))
    return combine(words, cands, spans_of(words, labels))
