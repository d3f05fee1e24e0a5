"""Named entities with every spelling merged: people, organisations, places and groups.

Per document (`extract_mentions`), rules tried in this order (entity_rules.py):
1. `gazetteer_hits`: the longest known name over the clitic-free word keys (بالباغوز finds
   الباغوز; spelling variants and plural/dual forms of group names too; a one-word name
   that reads as a common word here is skipped: اللغة العربية، السنة).
2. `trigger_hits`: the noun phrase after a trigger noun (وزارة الدفاع، بلدة الباغوز).
   1 and 2 are resolved longest first, the gazetteer winning ties (entity_rules.py).
3. Person rules, reading context (entity_people.py): `title_hits` (titles and roles, the
   role kept as description), `cue_hits` (after a reporting verb), `given_name_hits`,
   `kunya_hits`, `nationality_hits`. A person name may take over a structural match only
   by containing it (عدنان عفرين).
4. `crf_candidates` (entity_crf.py), when asked (`crf=True`; off by default for speed): a
   CRF labels every word; the rules' names it agrees with or that are rarely wrong stay, its
   other names join.
5. A body named after its leader is the leader (`_leaders`: قوات صالح، حكومة المالكي).
6. The dateline's outlet and byline (entity_dateline.py: سبق - الرياض، X وY - سبق);
   dotted abbreviations (شبكة سي.إن.إن، «(د.ب.أ)» after the agency), Latin capitals after a
   name (NHS), a quoted name after an outlet's noun (صحيفة «التايمز») and an outlet's name
   alone after its noun was seen (صحيفة الوسط ... الوسط; entity_abbreviations.py).
7. Back references (`_short_forms`, `compound_given_names`, `_org_descriptions`): a surname
   used alone in a person context (ترامب after دونالد ترامب), a two-word given name alone
   (سيف الإسلام), التنظيم (المتطرف) for the تنظيم named before, and the first word of any
   body's name alone (`head_references`: المقاومة after المقاومة الشعبية).
Across documents, `merge_entities` joins mentions by gazetteer canonical, name key and
spelling-variant key (entity_merge.py).
"""

from __future__ import annotations

from marsad.extract.entity_abbreviations import (
    dotted_abbreviations,
    latin_abbreviations,
    outlet_short_names,
    quoted_outlets,
)
from marsad.extract.entity_crf import crf_candidates
from marsad.extract.entity_dateline import dateline_hits
from marsad.extract.entity_head_references import head_references
from marsad.extract.entity_lexicon import (
    ACCORDING,
    ANAPHOR_ADJ,
    CONTENT,
    EPITHETS,
    FAMILY_NOUNS,
    GAZ,
    GAZ_INDEX,
    GIVEN_NAMES,
    LEADER_HEADS,
    ORG_HEADS,
    PLACE_PREPOSITIONS,
    PLACE_TRIGGERS,
    PLACE_TYPES,
    SAY,
    SPORT_WORDS,
    STANDALONE_ORGS,
    TITLE_ENDS,
    name_key,
)
from marsad.extract.entity_lists import list_hits
from marsad.extract.entity_merge import merge_entities
from marsad.extract.entity_national import national_body_hits
from marsad.extract.entity_nationality_names import nationality_hits
from marsad.extract.entity_people import (
    cue_hits,
    given_name_hits,
    kunya_hits,
    title_hits,
)
from marsad.extract.entity_records import Entity, EntityMention, Mention
from marsad.extract.entity_rules import (
    Cand,
    gazetteer_hits,
    longest,
    resolve,
    sports_report,
)
from marsad.extract.entity_short_names import compound_given_names, first_and_last_names
from marsad.extract.entity_triggers import trigger_hits
from marsad.extract.entity_words import Word, words_of

__all__ = [
    "Entity",
    "EntityMention",
    "Mention",
    "extract_entities",
    "extract_mentions",
    "merge_entities",
]

_PERSON_ORDER = ("title", "cue", "given_name", "kunya")


def _cover(words: list[Word], cands: list[Cand]) -> list[Cand | None]:
    cover: list[Cand | None] = [None] * len(words)
    for c in cands:
        for p in range(c.i, c.j):
            cover[p] = c
    return cover


def _with_people(structural: list[Cand], people: list[Cand]) -> list[Cand]:
    """Add person names; one replaces structural matches only when it contains them all."""
    kept = list(structural)
    taken: list[Cand] = []
    rank = {how: n for n, how in enumerate(_PERSON_ORDER)}
    for c in sorted(people, key=lambda c: (c.i - c.j, rank[c.how], c.i)):
        if any(c.i < t.j and t.i < c.j for t in taken):
            continue
        overlapping = [s for s in kept if c.i < s.j and s.i < c.j]
        if any(s.i < c.i or s.j > c.j for s in overlapping):
            continue
        if any(s.type == "PER" and s.i == c.i and s.j == c.j for s in overlapping):
            # a known person: keep the gazetteer entry, add the role found in context
            s = overlapping[0]
            kept.remove(s)
            c = Cand(s.i, s.j, "PER", s.how, s.entry, c.description or s.description, s.whole)
        else:
            for s in overlapping:
                kept.remove(s)
        taken.append(c)
    return sorted(kept + taken)


def _person_context(words: list[Word], p: int) -> tuple[bool, bool]:
    """(reads as a person, reads as a place) for the word at `p`."""
    w = words[p]
    prev = words[p - 1] if p > 0 and not w.brk else None
    nxt = words[p + 1] if p + 1 < len(words) and not words[p + 1].brk else None
    place = w.pro.endswith("ب") or (
        prev is not None and (prev.key in PLACE_PREPOSITIONS or prev.key in PLACE_TRIGGERS)
    )
    person = (prev is not None and (prev.key in SAY or prev.key in ACCORDING)) or (
        nxt is not None and (nxt.key in CONTENT or nxt.key in SAY)
    )
    return person, place


def _leaders(words: list[Word], cands: list[Cand], text: str) -> list[Cand]:
    """قوات صالح، حكومة نوري المالكي، نظام الأسد: a body named after its leader is the leader,
    when the rest of the name is a known person or the surname of one named in the text."""
    surnames = {
        words[c.j - 1].key: name_key(text[words[c.i].start : words[c.j - 1].end])
        for c in cands if c.type == "PER" and c.j - c.i >= 2
    }
    out = list(cands)
    for c in cands:
        if c.type != "ORG" or c.how != "trigger" or c.j - c.i < 2 or (
            words[c.i].key not in LEADER_HEADS
        ):
            continue
        tup = longest(words, c.i + 1, GAZ_INDEX)
        if tup is not None and len(tup) == c.j - c.i - 1 and GAZ[tup].type == "PER":
            leader = Cand(c.i + 1, c.j, "PER", "gazetteer", GAZ[tup])
        elif c.j - c.i == 2 and words[c.i + 1].key in surnames:
            leader = Cand(c.i + 1, c.j, "PER", "coref", None, surnames[words[c.i + 1].key])
        else:
            continue
        out.remove(c)
        out.append(leader._replace(whole=words[c.i + 1].soft))
    return sorted(out)


def _short_forms(words: list[Word], cands: list[Cand], text: str) -> list[Cand]:
    """A surname used alone (ترامب after دونالد ترامب): a person unless the context is a place;
    a known place only when the context reads as a person (وقال عفرين إن); after a family
    noun it is the family (عائلة مخلوف), no one. A surname of
    three letters needs a title before it (المايسترو جبر)."""
    surnames: dict[str, str | None] = {}
    for c in cands:
        if c.type == "PER" and c.j - c.i >= 2:
            last = words[c.j - 1].key
            full = name_key(text[words[c.i].start : words[c.j - 1].end])
            surnames[last] = full if surnames.get(last, full) == full else None
    if not surnames:
        return cands
    cover = _cover(words, cands)
    out = list(cands)
    for p, w in enumerate(words):
        if surnames.get(w.key) is None or w.key in EPITHETS or w.enc:
            continue
        if p > 0 and not w.brk and words[p - 1].key in FAMILY_NOUNS:
            continue  # عائلة مخلوف: the family, no person
        if len(w.key) < 4 and not (p > 0 and not w.brk and words[p - 1].key in TITLE_ENDS):
            continue  # a short surname (جبر، علي) is a common word unless a title stands before it
        person, place = _person_context(words, p)
        if w.definite and not w.key.endswith("ي") and not person:
            continue  # الدين، العناصر: common nouns more often than family names
        c = cover[p]
        if c is not None and (c.type == "PER" or c.j - c.i > 1):
            continue
        if place or (not person and (c is not None or w.key in GIVEN_NAMES)):
            continue
        if c is not None and c.type not in PLACE_TYPES:
            continue
        if c is not None:
            out.remove(c)
        out.append(Cand(p, p + 1, "PER", "coref", None, surnames[w.key]))
    return sorted(out)


def _org_descriptions(words: list[Word], cands: list[Cand]) -> list[Cand]:
    """التنظيم المتطرف، الوزارة، الشركة: the organisation with that head noun named last
    before it in the text (or starting or ending with it: التحالف الدولي، قوات التحالف ...
    التحالف). A team's noun (المنتخب، الفريق) refers to no one side. A head that news uses
    alone for one body (التحالف) also refers forward, and with no such name is one itself."""
    out = list(cands)
    cover = _cover(words, cands)
    for p, w in enumerate(words):
        head = ORG_HEADS.get(w.key)
        if head is None or cover[p] is not None or w.key in SPORT_WORDS:
            continue
        named = [c for c in cands if c.type == "ORG" and (
            words[c.i].key in (head, w.key) or words[c.j - 1].key == w.key
            or c.i > 0 and words[c.i - 1].key == head  # صحيفة «التايمز» ... الصحيفة
        )]
        before = [c for c in named if c.j <= p]
        if not before and w.key in STANDALONE_ORGS:
            before = named[:1]  # التحالف ... التحالف الدولي: named later in the text
            if not before:
                out.append(Cand(p, p + 1, "ORG", "trigger"))
        if not before:
            continue
        e = p + 1
        if e < len(words) and not words[e].brk and words[e].key in ANAPHOR_ADJ:
            e += 1
        target = before[-1]
        out.append(Cand(p, e, "ORG", "coref", target.entry, f"@{target.i}:{target.j}"))
    return sorted(out)


_OPEN_QUOTES = frozenset('«"“')
_CLOSE_QUOTES = frozenset('»"”')
_MAX_OUTLET_WORDS = 3


def _told_outlets(words: list[Word], cands: list[Cand], text: str) -> list[Cand]:
    """قال لـ«الشرق الأوسط»، أوضح لـ«سبق»: a quoted name after لـ is the outlet told, an
    organisation even where a place has that name; an unknown one after a reporting verb."""
    out = list(cands)
    spans = {(c.i, c.j): c for c in cands}
    n = len(words)
    def gap(q: int) -> str:
        return text[words[q - 1].end : words[q].tstart].strip()

    for p in range(1, n - 1):
        if words[p].light != "ل" or gap(p + 1) not in _OPEN_QUOTES:
            continue
        q = p + 2
        while q < n and q - p <= _MAX_OUTLET_WORDS and not words[q].brk:
            q += 1
        if q - p > _MAX_OUTLET_WORDS or (q < n and gap(q)[:1] not in _CLOSE_QUOTES):
            continue
        known = spans.get((p + 1, q))
        if known is not None and known.type in PLACE_TYPES:
            out.remove(known)
            out.append(Cand(p + 1, q, "ORG", "trigger"))
        elif known is None and words[p - 1].key in SAY and not any(
            c.i < q and p + 1 < c.j for c in cands
        ):
            out.append(Cand(p + 1, q, "ORG", "trigger"))
    return sorted(out)


def _mention_key(words: list[Word], c: Cand) -> str:
    """The name's key from its words' clitic-free keys (the first as written when whole)."""
    first = words[c.i].folded if c.whole else words[c.i].key
    return name_key(" ".join([first, *(w.key for w in words[c.i + 1 : c.j])]))


def _mention(doc_id: str, text: str, words: list[Word], c: Cand) -> EntityMention:
    start = words[c.i].tstart if c.whole else words[c.i].start
    end = words[c.j - 1].end
    surface = text[start:end]
    entry = c.entry
    ref = description = None
    if c.how == "coref" and c.description:
        if c.description.startswith("@"):
            i, j = map(int, c.description[1:].split(":"))
            ref = name_key(text[words[i].start : words[j - 1].end])
        else:
            ref = c.description
    else:
        description = c.description or (entry.role if entry else None)
    return EntityMention(
        doc=doc_id,
        start=start,
        end=end,
        text=surface,
        type=entry.type if entry and c.how != "coref" else c.type,
        key=_mention_key(words, c),
        how=c.how,
        canonical=entry.canonical if entry else None,
        description=description,
        ref=ref,
        lat=entry.lat if entry else None,
        lon=entry.lon if entry else None,
    )


def rule_candidates(words: list[Word], text: str) -> list[Cand]:
    """Rules 1-3 (module docstring): structural matches, then person names."""
    known = gazetteer_hits(words, sports_report(words))
    structural = resolve(
        known + trigger_hits(words, known) + national_body_hits(words, known),
        ("gazetteer", "trigger"),
    )
    cover = _cover(words, structural)
    people = (
        title_hits(words, cover, text)
        + cue_hits(words, cover)
        + given_name_hits(words, cover)
        + kunya_hits(words, cover)
        + nationality_hits(words, cover)
    )
    cands = _with_people(structural, people)
    return sorted(cands + list_hits(words, cands, text))


def extract_mentions(doc_id: str, text: str, *, crf: bool = False) -> list[EntityMention]:
    """Every entity name in one document, in text order (rules in the module docstring).

    `crf=True` adds step 4 (more names, about 40 % slower; bench/anercorp.py and
    bench/bench_entities.py measure both).
    """
    words = words_of(text)
    if not words:
        return []
    cands = rule_candidates(words, text)
    if crf:
        cands = crf_candidates(words, cands, text)
    cands = dateline_hits(words, cands, text)
    cands = dotted_abbreviations(words, cands, text)
    cands = _told_outlets(words, cands, text)
    cands = quoted_outlets(words, cands, text)
    cands = latin_abbreviations(words, cands, text)
    cands = outlet_short_names(words, cands)
    cands = _leaders(words, cands, text)
    cands = _short_forms(words, cands, text)
    cands = compound_given_names(words, cands, text)
    cands = first_and_last_names(words, cands, text)
    cands = _org_descriptions(words, cands)
    cands = head_references(words, cands)
    return [_mention(doc_id, text, words, c) for c in cands]


def extract_entities(docs: list[tuple[str, str]], *, crf: bool = False) -> list[Entity]:
    """Entities of several documents, merged within and across them: (doc_id, text) pairs."""
    mentions: list[EntityMention] = []
    for doc_id, text in docs:
        mentions.extend(extract_mentions(doc_id, text, crf=crf))
    return merge_entities(mentions)
