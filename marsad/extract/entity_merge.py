"""Merge entity mentions into entities, within and across documents.

Mentions join when they share a type family (people, organisations, groups, places) and
(1) a short form or description names the fuller mention it refers to in its document, or
(2) their keys agree: the gazetteer canonical, else the clitic-free folded name, also after
dropping long vowels (الديموقراطية = الديمقراطية) and plural or dual endings (الحوثيين =
الحوثيون), or (3) a one-word person name is the surname of exactly one fuller person name,
or (4) in one document an organisation or facility name begins one longer name or ends a
trigger phrase (مجلس النواب، مجلس النواب العراقي; الفتح، بعثة الفتح).
Two referents that share a word but not a type (عفرين the man, عفرين the city) never join.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from functools import lru_cache

from marsad.extract.entity_lexicon import PLACE_TYPES, name_key, number_key, variant_key
from marsad.extract.entity_records import Entity, EntityMention
from marsad.text.normalize import fold, light

_MIN_VARIANT_LETTERS = 6


def _family(typ: str) -> str:
    return "PLACE" if typ in PLACE_TYPES else typ


def _merge_key(m: EntityMention) -> str:
    return name_key(m.canonical) if m.canonical else m.key


class _Sets:
    """Union-find over mention indices."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, a: int) -> int:
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _link_by(sets: _Sets, keys: list[tuple[str, str] | None]) -> None:
    first: dict[tuple[str, str], int] = {}
    for i, k in enumerate(keys):
        if k is not None:
            sets.union(first.setdefault(k, i), i)


def _variant(m: EntityMention, key: str) -> tuple[str, str] | None:
    if len(key.replace(" ", "")) < _MIN_VARIANT_LETTERS:
        return None
    if m.type in ("NORP", "ORG"):
        key = " ".join(number_key(w) for w in key.split())
    return _family(m.type), variant_key(key)


def _link_references(sets: _Sets, mentions: list[EntityMention], keys: list[str]) -> None:
    by_doc_key: dict[tuple[str, str, str], int] = {}
    for i, m in enumerate(mentions):
        if m.ref is None:
            by_doc_key.setdefault((m.doc, _family(m.type), m.key), i)
            by_doc_key.setdefault((m.doc, _family(m.type), keys[i]), i)
    for i, m in enumerate(mentions):
        if m.ref is not None:
            target = by_doc_key.get((m.doc, _family(m.type), m.ref))
            if target is not None:
                sets.union(target, i)


def _link_surnames(sets: _Sets, mentions: list[EntityMention], keys: list[str]) -> None:
    """A lone one-word person name joins the one fuller person name ending in it."""
    fuller: dict[str, set[int]] = {}
    for i, m in enumerate(mentions):
        if m.type == "PER" and " " in keys[i]:
            fuller.setdefault(keys[i].rsplit(" ", 1)[1], set()).add(sets.find(i))
    for i, m in enumerate(mentions):
        key = keys[i]
        if m.type == "PER" and " " not in key:
            roots = {sets.find(r) for r in fuller.get(key, ())}
            if len(roots) == 1:
                sets.union(roots.pop(), i)


def _link_extensions(sets: _Sets, mentions: list[EntityMention], keys: list[str]) -> None:
    """In one document, an organisation or facility name joins the one longer name it begins
    (مجلس النواب → مجلس النواب العراقي), and a trigger phrase joins the name it ends in
    (بعثة الفتح → الفتح)."""
    by_doc: dict[tuple[str, str], dict[str, list[int]]] = {}
    for i, m in enumerate(mentions):
        if m.type in ("ORG", "FAC") and m.ref is None:
            by_doc.setdefault((m.doc, m.type), {}).setdefault(keys[i], []).append(i)
    for names in by_doc.values():
        if len(names) < 2:
            continue
        for key, members in names.items():
            if " " not in key:
                continue
            longer = {sets.find(names[k][0]) for k in names if k.startswith(key + " ")}
            if len(longer) == 1:
                sets.union(longer.pop(), members[0])
            tail = key.split(" ", 1)[1]
            if tail in names:
                sets.union(names[tail][0], members[0])


def _written(m: EntityMention) -> str:
    return _written_form(m.text, m.key.startswith("ال"))


@lru_cache(maxsize=1 << 16)
def _written_form(text: str, definite_key: bool) -> str:
    """The name as a reader writes it: للتنظيم's span لتنظيم shown as التنظيم."""
    text = light(text)
    if definite_key and text.startswith("ل") and not fold(text).startswith("ال"):
        return "ا" + text
    return text


def _entity(cluster: list[EntityMention]) -> Entity:
    types = Counter(m.type for m in cluster if m.how == "gazetteer") or Counter(
        m.type for m in cluster
    )
    typ = types.most_common(1)[0][0]
    canon = Counter(m.canonical for m in cluster if m.canonical)
    written = [_written(m) for m in cluster]
    counts = Counter(w for w, m in zip(written, cluster, strict=True) if m.how != "coref")
    counts = counts or Counter(written)
    if canon:
        name = light(canon.most_common(1)[0][0])
    else:
        name = max(counts, key=lambda s: (len(s.split()), counts[s], -len(s)))
    aliases = list(dict.fromkeys(written))
    aliases = [a for a in aliases if a != name]
    description = next((m.description for m in cluster if m.description), None)
    lat = next((m.lat for m in cluster if m.lat is not None), None)
    lon = next((m.lon for m in cluster if m.lon is not None), None)
    digest = hashlib.sha256((typ + name_key(name)).encode("utf-8")).hexdigest()[:12]
    return Entity(
        id="ent:" + digest,
        name=name,
        type=typ,
        aliases=aliases,
        mentions=[m.to_mention() for m in cluster],
        description=description,
        lat=lat,
        lon=lon,
    )


def merge_entities(mentions: list[EntityMention]) -> list[Entity]:
    """Entities from the mentions of one or more documents, in order of first mention."""
    sets = _Sets(len(mentions))
    keys = [_merge_key(m) for m in mentions]
    _link_references(sets, mentions, keys)
    _link_by(sets, [(_family(m.type), k) for m, k in zip(mentions, keys, strict=True)])
    _link_by(sets, [_variant(m, k) for m, k in zip(mentions, keys, strict=True)])
    _link_surnames(sets, mentions, keys)
    _link_extensions(sets, mentions, keys)
    clusters: dict[int, list[EntityMention]] = {}
    for i, m in enumerate(mentions):
        clusters.setdefault(sets.find(i), []).append(m)
    entities = [_entity(cluster) for _, cluster in sorted(clusters.items())]
    return _unique_ids(entities)


def _unique_ids(entities: list[Entity]) -> list[Entity]:
    """Two referents with one name and type (rare) keep distinct ids: #2, #3 ..."""
    seen: Counter[str] = Counter()
    for e in entities:
        seen[e.id] += 1
        if seen[e.id] > 1:
            e.id = f"{e.id}#{seen[e.id]}"
    return entities
