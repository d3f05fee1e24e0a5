"""The trigger-noun rule: names after nouns that introduce them (وزارة الدفاع, بلدة الباغوز).

`trigger_hits` runs with `gazetteer_hits` (entity_rules.py) before the person rules; where a
name after a trigger ends (`_np_end`, `_honoree_end`, `lam_phrase_end`) is decided here.
"""

from __future__ import annotations

from marsad.extract.entity_lexicon import (
    BODY_HEADS,
    DIRECTIONS,
    FACILITY_ADJECTIVES,
    FRONTS,
    FUNCTION_LIGHT,
    GAZ,
    GAZ_INDEX,
    GENERIC_NOUNS,
    GIVEN_NAMES,
    HONOREE_ONLY,
    HONOREE_TITLE_INDEX,
    IDIOMS,
    INSTITUTIONAL,
    PLACE_PLURALS,
    PLACE_TRIGGERS,
    PLACE_TYPES,
    PREMISES,
    STOP,
    TIME_NAMES,
    TRIGGER_INDEX,
    TRIGGERS,
    VAGUE_PLACES,
)
from marsad.extract.entity_rules import MAX_NP_WORDS, Cand, adjective, longest, nameish
from marsad.extract.entity_words import Word, common_nisba


def _np_end(words: list[Word], k: int, include: bool) -> int:
    """Where the name after a trigger ends: one word, then only definite words or a ل-idafa
    (لحقوق الإنسان), up to five words when the trigger is part of the name (include), else
    a one- or two-word place name (دير الزور، not حلب الشرقي). No name starts with an
    adjective (قوات روسية، مدينة الروسية، معسكر خارجي), a verbal noun (منطقة استرخاء), an
    unknown indefinite plural (شركة سيارات), two indefinite words (نقطة تحول) or a common
    noun listed as generic (شبكة الإنترنت، مجموعة الطلاب)."""
    limit = MAX_NP_WORDS if include else 2
    j, n = k, len(words)
    # after an indefinite trigger of a body or facility an unknown definite nisba is no
    # adjective but the name in an idafa (فندق الفيصلية; ميليشيات الحوثي stays the group)
    idafa = include and not words[k - 1].definite
    # an indefinite adjective agrees with a feminine trigger (مدينة ساحلية، مدينة كبرى), so
    # after one a word in ي is a name (مدينة مايدوجوري), after a masculine one an adjective
    # (معسكر خارجي)
    feminine = words[k - 1].light.endswith("ة")
    while j < n and j - k < limit:
        w = words[j]
        if w.brk or w.enc or not nameish(w) or w.pro[:1] in ("و", "ف"):
            break
        if j == k:
            if w.key in GENERIC_NOUNS or w.key in BODY_HEADS and not (
                j + 1 < n and not words[j + 1].brk
                and (words[j + 1].key in INSTITUTIONAL or adjective(words[j + 1]))
            ):
                break  # شبكة الإنترنت، قوات النظام: a common noun (معهد الإدارة العامة is a name)
            if w.key in VAGUE_PLACES and not include:
                break  # مدن الجنوب، إمارة المنطقة: a description, no place (أمانة المنطقة
                # is a body)
            unknown = not w.definite and w.key not in GAZ_INDEX and w.key not in GIVEN_NAMES
            describes = adjective(w) and not (idafa and _unknown_nisba_name(w))
            if (w.pro and not w.soft) or describes or unknown and (
                w.key.endswith(("ه", "يين", "يون", "ات")) or w.key.startswith("است")
                or (len(w.key) >= 3 and w.key.endswith("ي")
                    and (not feminine or w.light.endswith("ى") or common_nisba(w.key)))
            ):
                break  # قوات روسية، قوة مسلحة، معسكر خارجي، منطقة استرخاء: no name
            nxt = words[j + 1] if j + 1 < n else None
            if (not w.definite and w.key not in GAZ_INDEX and nxt is not None
                    and not nxt.brk and not nxt.definite and nameish(nxt) and not nxt.pro):
                break
        elif w.pro:
            lam_idafa = include and w.pro == "ل" and j + 1 < n
            if not (lam_idafa and words[j + 1].definite and not words[j + 1].brk):
                break
        elif not w.definite or (not include and (
            adjective(w) or words[k].definite or w.light.endswith("ة")
        )):
            break  # بلدة جوزا القريبة: a definite feminine word after a name describes it
        j += 1
    return j


def _whole_hamza(w: Word, first: str) -> bool:
    """A trigger matched only as the whole word, whose hamza folding dropped: وأدى (و + أدى)
    is no وادي."""
    return w.key != first and "أ" in w.light


def _unknown_nisba_name(w: Word) -> bool:
    """A definite nisba that is neither a known name (الحوثي) nor a trigger noun with the
    article (البلدية، الجمعية): after فندق or مستشفى, a name (الفيصلية)."""
    return w.key not in GAZ_INDEX and w.key[2:] not in TRIGGER_INDEX


def trigger_hits(words: list[Word], known: list[Cand]) -> list[Cand]:
    """Names after trigger nouns: وزارة الدفاع (the noun is part of it), بلدة الباغوز (not).

    A known name starting at the trigger stands, but for nisba adjectives after an
    organisation (وزارة الدفاع + الأميركية); the phrase never runs on past it
    (قوات سوريا الديموقراطية + السيطرة)."""
    known_at = {c.i: c for c in known}
    out: list[Cand] = []
    unnamed_facilities: list[tuple[int, int, bool]] = []
    for i, w in enumerate(words):
        if w.key not in TRIGGER_INDEX and w.folded not in TRIGGER_INDEX:
            continue
        tup = longest(words, i, TRIGGER_INDEX)
        if tup is None:
            continue
        if _whole_hamza(w, tup[0]) or i > 0 and (words[i - 1].key, w.key) in IDIOMS:
            continue  # وأدى is no وادي; عن طريق is no road
        whole = w.key != tup[0]  # matched as written (واحة, not و + احة)
        typ, include = TRIGGERS[tup]
        k = i + len(tup)
        if words[k - 1].enc:
            continue  # فريقه، حكومتها: a possessed noun, no name follows
        place = known_at.get(k)
        place_follows = place is not None and place.type in PLACE_TYPES
        if tup in PLACE_PLURALS:
            if place_follows:
                out.append(Cand(i, place.j, typ, "trigger", None, None, whole))
            continue
        if tup in FRONTS and place_follows and _np_end(words, k, include) == place.j:
            continue  # جبهة حلب: where the fighting is, not a body
        if include and i in known_at:
            j = end = known_at[i].j
            while typ == "ORG" and j < len(words) and j - end < 2 and _nisba(words[j]):
                j += 1
            if j > end:
                out.append(Cand(i, j, typ, "trigger", None, None, whole))
            continue
        j = _place_phrase_end(words, k) if include and typ == "ORG" else k
        if j > k:  # بلدية محافظة الخبر: the body of a place named with its place noun
            out.append(Cand(i, j, typ, "trigger", None, None, whole))
            continue
        j = _honoree_end(words, k)
        if j > k:  # حي الملك فهد، مدينة الملك عبدالله: the trigger stays with a royal name
            if words[j - 1].key in FACILITY_ADJECTIVES:
                typ = "FAC"  # مدينة الملك عبدالله الرياضية: a stadium, not a town
            out.append(Cand(i, j, typ, "trigger", None, None, whole))
            continue
        if not include and typ in PLACE_TYPES and _clitic_shaped_name(words, k):
            out.append(Cand(k, k + 1, typ, "trigger", None, None, True))
            continue
        if tup not in HONOREE_ONLY:
            j = _np_end(words, k, include)
        if j > k:
            whole = whole if include else words[k].soft
            out.append(Cand(i if include else k, j, typ, "trigger", None, None, whole))
        elif typ == "FAC" and include and w.key not in PREMISES:
            unnamed_facilities.append((i, k, whole))
    return out + _facilities_of_bodies(unnamed_facilities, known + out)


def _place_phrase_end(words: list[Word], k: int) -> int:
    """بلدية محافظة الخبر، شرطة منطقة الرياض: after a body's trigger, a place noun and its
    name, or a direction and a known place (بلدية غرب الدمام), are the place the body serves,
    one name with it; `k` when no such phrase follows."""
    head = words[k] if k < len(words) else None
    if head is not None and head.key in DIRECTIONS and not head.brk and not head.pro:
        place = longest(words, k + 1, GAZ_INDEX) if k + 1 < len(words) else None
        if place is not None and GAZ[place].type in PLACE_TYPES and not words[k + 1].brk:
            return k + 1 + len(place)  # بلدية غرب الدمام
        return k
    if head is None or head.brk or head.pro or head.definite or head.enc or (
        head.key not in PLACE_TRIGGERS or TRIGGERS.get((head.key,), ("", True))[1]
    ):
        return k
    end = _np_end(words, k + 1, False)
    return end if end > k + 1 else k


def _clitic_shaped_name(words: list[Word], k: int) -> bool:
    """بلدة باما، مدينة لندن: a place noun in idafa takes no preposition, so a name after it
    that starts like one (ب، ل، ك) is read whole: unknown, indefinite, not a feminine or
    elative adjective (مدينة كبيرة، مدينة كبرى) nor a function word (منطقة بين)."""
    if k >= len(words) or words[k - 1].definite:
        return False  # في العاصمة لتفجيرين: a definite noun is no idafa, a preposition may follow
    w = words[k]
    return (
        w.pro in ("ب", "ل", "ك") and not w.brk and not w.enc and not w.definite
        and len(w.folded) >= 4 and w.light not in FUNCTION_LIGHT and w.folded not in STOP
        and not w.light.endswith(("ة", "ى", "ات", "ين", "ون")) and not w.num
        and w.folded not in GAZ_INDEX and w.key not in GAZ_INDEX
    )


def _facilities_of_bodies(
    unnamed: list[tuple[int, int, bool]], cands: list[Cand]
) -> list[Cand]:
    """مسجد قوة الطوارئ، مستشفى قوى الأمن: a facility noun followed by an organisation's
    name is the facility, named after that body."""
    body_end = {c.i: c.j for c in cands if c.type == "ORG"}
    return [Cand(i, body_end[k], "FAC", "trigger", None, None, whole)
            for i, k, whole in unnamed if k in body_end]


_NAME_JOINERS = frozenset({"بن", "ابن", "عبد", "ال"})
_LINEAGE = frozenset({"بن", "ابن"})


def _honoree_end(words: list[Word], k: int) -> int:
    """مطار الملك خالد الدولي، مركز الملك سلمان للإغاثة، جامعة الأمير سطام بن عبدالعزيز: a
    place or body named after a royal or honorific title and a person (or a lineage name:
    شارع خالد بن الوليد) runs over the name, its adjectives and a ل-phrase; `k` when no
    such name follows the trigger."""
    n = len(words)
    tup = longest(words, k, HONOREE_TITLE_INDEX) if k < n else None
    if tup is not None:
        j = k + len(tup)
    elif k + 2 < n and words[k].key in GIVEN_NAMES and words[k + 1].key in _LINEAGE:
        j = k  # شارع خالد بن الوليد، مدرسة عمر بن الخطاب: a lineage name with no title
    else:
        return k
    start = j
    while j < n and not words[j].brk and not words[j].pro and not words[j].soft and nameish(
        words[j]
    ) and (
        not words[j].definite or words[j - 1].key in _NAME_JOINERS
    ) and (words[j].key in GIVEN_NAMES or words[j - 1].key in _NAME_JOINERS
           or not words[j].key.endswith("ه")) and not (
        j > start and words[j - 1].definite  # the family name ends it (الوليد + بحي)
    ):
        j += 1  # the name, not an indefinite adjective after it (حديقة الملك فهد متخصصة)
    if j == start:
        return k
    while j < n and _nisba(words[j]):
        j += 1
    return lam_phrase_end(words, j)


def lam_phrase_end(words: list[Word], j: int) -> int:
    """The end of a ل-phrase at `j` that completes a body's name (للتحقيقات القضائية،
    لنصرة الأشقاء، للسياحة والتراث الوطني); `j` when none starts there."""
    n = len(words)
    if j >= n or words[j].brk or words[j].pro != "ل" or not nameish(words[j]):
        return j
    if words[j].key in TIME_NAMES:
        return j
    nxt = words[j + 1] if j + 1 < n else None
    if not words[j].definite and (nxt is None or nxt.brk or not nxt.definite or nxt.pro):
        return j
    e = j + 1
    while e < n and e - j < MAX_NP_WORDS and not words[e].brk and words[e].definite and (
        words[e].pro in ("", "و") and words[e].key not in TIME_NAMES
    ):
        e += 1
    return e


def _nisba(w: Word) -> bool:
    return not w.brk and not w.pro and adjective(w) and nameish(w)
