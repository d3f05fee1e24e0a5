"""Lists of names: the short items of a list most of whose items are person names."""

from __future__ import annotations

from marsad.extract.entity_lexicon import GIVEN_NAMES, NATIONALITIES
from marsad.extract.entity_rules import Cand, nameish
from marsad.extract.entity_words import Word, not_a_name

_LIST_COMMAS = frozenset({"،", ","})
_MAX_LIST_ITEM = 3


def _list_items(words: list[Word], text: str) -> list[list[tuple[int, int]]]:
    """Runs of short items (word spans) that commas or و join: the lists of a text."""
    runs: list[list[tuple[int, int]]] = []
    items: list[tuple[int, int]] = []
    start = 0
    for p in range(1, len(words) + 1):
        w = words[p] if p < len(words) else None
        gap = text[words[p - 1].end : w.tstart] if w is not None else ""
        comma = w is not None and w.brk and gap.strip() in _LIST_COMMAS
        if w is not None and not w.brk and w.pro[:1] != "و":
            continue
        items.append((start, p))
        if not comma and (w is None or w.brk):
            if len(items) >= 3:
                runs.append(items)
            items = []
        start = p
    return runs


def list_hits(words: list[Word], cands: list[Cand], text: str) -> list[Cand]:
    """خالد شراحيلي، ديقاو، كواك، محمد جحفلي: in a list whose items are mostly person names
    (two at least), the other short items with no name found are persons too."""
    if sum(c.type == "PER" for c in cands) < 2:
        return []
    whole: dict[tuple[int, int], str] = {(c.i, c.j): c.type for c in cands}
    covered = {p for c in cands for p in range(c.i, c.j)}
    out: list[Cand] = []
    for items in _list_items(words, text):
        people = sum(whole.get(item) == "PER" for item in items)
        if people < 2 or 2 * people < len(items):
            continue
        for i, j in items:
            if j - i > _MAX_LIST_ITEM or any(p in covered for p in range(i, j)):
                continue
            if all(_list_name_word(words[p]) for p in range(i, j)) and (
                j - i > 1 or not words[i].definite
            ):
                out.append(Cand(i, j, "PER", "list", None, None, words[i].soft))
    return out


def _list_name_word(w: Word) -> bool:
    """Could this word of a list item be part of a name (not آخرين، اللاعبين، العماني)?"""
    if w.key in GIVEN_NAMES:
        return True
    plural = w.key.endswith(("ين", "ون", "ات")) and len(w.key) >= 5
    return nameish(w) and not not_a_name(w) and not plural and w.key not in NATIONALITIES
