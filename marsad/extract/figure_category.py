"""What a figure counts: the category from nearby trigger words, and what a figure takes from
the figure it is listed with.

A category comes, in this order, from a percent sign, a decisive unit (قتيل), the closest
event word (قتل، نزوح، اعتقال: figure_categories.tsv), a weak unit (جندي), a group word.
Trigger words are matched as written, without a leading و/ف/ب/ل or the article, and by their
clitic-free key, so توقيفهم and والخارجين find توقيف and خارجين. A word says nothing of a number
in another clause (إن، بينما، فيما), and «إصابة بكورونا» counts cases of an illness, not the
wounded.

News lists and breaks down counts: «قتل 26 عنصراً و58 من مقاتلي التنظيم، إلى جانب 11
مدنياً، بينهم أربعة أطفال», «312 محتجزاً، منهم 224 ...»; «مقارنة مع 39 ألفاً». A figure
joined to the one before it by such a connector counts the same kind of thing: it takes the
earlier figure's unit when it names none, and its category when its own came from no event
word or decisive unit of its own (`link_listed`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from marsad.extract.number_lexicon import Tok
from marsad.lang import load_table, load_words
from marsad.text.normalize import fold
from marsad.text.tokens import segment

if TYPE_CHECKING:
    from marsad.extract.figures import Figure

_ROWS = load_table("figure_categories.tsv")
TRIGGERS = {fold(row[0]): row[1] for row in _ROWS}
# Words of these categories say what happened to the counted: the closest one decides.
EVENTS = frozenset({"killed", "injured", "displaced", "arrested", "area"})
# Words marked `event` (قاطنيه، لا يزالون، المتضررين) compete with them, one step behind;
# the other population words (يضم، يعيش) only describe a group, as fighters and troops do.
_EVENT_WORDS = frozenset(fold(row[0]) for row in _ROWS if row[2:] == ("event",))
GROUP_NOUNS = frozenset(w for w, c in TRIGGERS.items() if c in ("fighters", "troops"))
MAX_DISTANCE = 10
AFTER_PENALTY = 2
FLAGGED_PENALTY = 2  # words marked `event` in the table lose ties to true event words
# How a category was decided; the first three are the figure's own and are never overridden.
OWN = frozenset({"percent", "unit", "event"})

_CONNECTORS = "|".join(
    re.escape(fold(w)).replace(r"\ ", r"\s+") for w in load_words("figure_list_connectors.tsv")
)
_WEEKDAYS = "|".join(fold(w) for w, _ in load_table("weekdays.tsv"))
# The text between two listed figures ends in a connector, maybe followed by a weekday
# («، والثلاثاء 96»); a bare و sticks to the next word (و58، ونحو).
_LISTED_TAIL = re.compile(
    rf"(?:(?:^|[\s،,])(?:{_CONNECTORS})|[\s،,]و|^و|[،,])\s*(?:و?(?:ال)?(?:{_WEEKDAYS})\s*)?$"
)
_BREAKDOWN_TAIL = re.compile(r"(?:^|[\s،,])و?(?:بين|من)(?:هم|ها|هن)\s*$")
_COMPLEMENTIZERS = frozenset(fold(w) for w in ("إن", "أن", "بأن", "وإن", "وأن"))
_CLAUSE_OPENERS = _COMPLEMENTIZERS | {fold(w) for w in ("بينما", "وبينما", "فيما", "وفيما")}
_COUNT_NOUNS = frozenset(fold(w) for w in ("عدد", "حصيلة", "إجمالي"))
_WOUND_CAUSES = frozenset(fold(w) for w in load_words("figure_wound_causes.tsv"))
_MAX_GAP = 90  # characters between two figures of one list
# «4500 منهم»: the number points back to the last figure's group.
_BACK_PRONOUNS = frozenset(fold(w) for w in ("منهم", "منهن", "منها"))


@lru_cache(maxsize=1 << 14)
def _listed_form(word: str) -> str | None:
    """The form of a folded word that figure_categories.tsv lists, or None."""
    if word in TRIGGERS:
        return word
    bare = word[1:] if word[:1] in "وف" and len(word) > 3 else word
    for form in (bare, bare[1:] if bare[:1] in "بل" and len(bare) > 3 else None):
        if form is None:
            continue
        if form in TRIGGERS:
            return form
        if form.startswith("لل") and "ال" + form[2:] in TRIGGERS:
            return "ال" + form[2:]
        if form.startswith("ال") and len(form) > 4 and form[2:] in TRIGGERS:
            return form[2:]
    seg = segment(word)
    key = seg.key
    # The word is folded, so a lone ه may be a ة (أسره = أسرة, not أسر + ه): not a suffix.
    if key != word and seg.enclitics != ("ه",):
        if key in TRIGGERS:
            return key
        if key.startswith("ال") and len(key) > 4 and key[2:] in TRIGGERS:
            return key[2:]
    return None


def trigger(word: str) -> str | None:
    """The category a folded word signals, or None."""
    form = _listed_form(word)
    return TRIGGERS[form] if form is not None else None


def is_event_word(word: str) -> bool:
    """Whether a trigger word decides by distance, as event words do (see `_EVENT_WORDS`)."""
    return _listed_form(word) in _EVENT_WORDS


@dataclass(slots=True, frozen=True)
class Decision:
    """A category and how it was decided (`OWN` kinds, "weak", "group" or "none")."""

    category: str
    how: str


def decide(
    toks: list[Tok], a: int, b: int, percent: bool, unit_cat: str, strength: str
) -> Decision:
    """Percent, then a decisive unit, then the closest event trigger, the weak unit, a group."""
    if percent:
        return Decision("percent", "percent")
    if strength == "strong":
        return Decision(unit_cat, "unit")
    named = count_noun(toks, a, b)
    if named is not None:
        cat = trigger(toks[named].text)
        if cat == "injured" and _illness(toks, named):
            cat = "other"  # عدد الإصابات بالفيروس: cases
        if cat in EVENTS or is_event_word(toks[named].text):
            return Decision(cat, "event")
    best: dict[bool, tuple[int, str]] = {}
    lo, hi = max(0, a - MAX_DISTANCE), min(len(toks), b + MAX_DISTANCE)
    # «قال ... إن» opens another clause: its words say nothing of a number outside it.
    # So does «بينما/فيما ...»: «تماثل 580 للشفاء بينما توفي 462».
    lo = max([lo, *(i + 1 for i in range(lo, a) if toks[i].text in _CLAUSE_OPENERS)])
    hi = min([hi, *(i for i in range(b, hi) if toks[i].text in _CLAUSE_OPENERS)])
    for idx in range(lo, hi):
        if a <= idx < b:
            continue
        word = toks[idx].text
        cat = trigger(word)
        if cat is None and idx + 1 < len(toks):
            word = word + " " + toks[idx + 1].text
            cat = TRIGGERS.get(word)
        if cat is None or (cat == "injured" and _illness(toks, idx)):
            continue
        dist = a - idx if idx < a else idx - b + 1 + AFTER_PENALTY
        is_event = cat in EVENTS
        if not is_event and is_event_word(word):
            is_event, dist = True, dist + FLAGGED_PENALTY
        if dist <= MAX_DISTANCE and (is_event not in best or dist < best[is_event][0]):
            best[is_event] = (dist, cat)
    if True in best:
        return Decision(best[True][1], "event")
    if strength == "weak":
        return Decision(unit_cat, "weak")
    if False in best:
        return Decision(best[False][1], "group")
    return Decision("other", "none")


def _illness(toks: list[Tok], idx: int) -> bool:
    """«إصابة بكورونا»، «إصابة 12 شخصا بالحمى»: the first ب-word after the trigger, unless it
    is a wound's cause, names an illness: its count is of cases, not of the wounded
    (figure_wound_causes.tsv)."""
    for k in range(idx + 1, min(len(toks), idx + 5)):
        after = toks[k].text
        if not ("\u0621" <= after[0] <= "\u064a"):
            if not after[0].isdigit():
                return False  # a comma or a full stop: the clause ends
            continue
        if after.startswith("ب") and segment(after).proclitics[:1] == ("ب",):
            word = after[3:] if after.startswith("بال") else after[1:]
            return word not in _WOUND_CAUSES  # إصابة 12 شخصا بكورونا; not بجروح، بين
    return False


def count_noun(toks: list[Tok], a: int, b: int) -> int | None:
    """The noun that «عدد/حصيلة» names as what the number counts: «عدد القاطنين في المخيم
    إلى 70 ألفاً», «ارتفع إلى 7500 عدد المدنيين» (its token index, or None)."""
    if b + 1 < len(toks) and toks[b].text in _COUNT_NOUNS:
        return b + 1
    for p in range(a - 1, max(-1, a - MAX_DISTANCE), -1):
        t = toks[p].text
        if not ("\u0621" <= t[0] <= "\u064a"):
            return None  # a comma, a number: another clause or another count
        if t in _COUNT_NOUNS or (t[0] in "وب" and t[1:] in _COUNT_NOUNS):
            return p + 1 if p + 1 < a else None
    return None


def listed_after(between: str) -> str | None:
    """How the text between two figures joins them: "breakdown" (بينهم، منهم: a part of the
    figure before), "list" (و، إلى جانب: a sibling), or None."""
    if len(between) > _MAX_GAP:
        return None
    folded = fold(between)
    if not _LISTED_TAIL.search(folded):
        return None
    return "breakdown" if _BREAKDOWN_TAIL.search(folded) else "list"


def points_back(toks: list[Tok], b: int) -> bool:
    """«4500 منهم»: the number is followed by a pronoun that stands for an earlier group."""
    return b < len(toks) and toks[b].text in _BACK_PRONOUNS


def link_listed(
    text: str, figures: list[Figure], listing: list[tuple[int, str, bool, bool]]
) -> None:
    """A figure listed after another (و، بينهم، مقارنة مع ...) or pointing back to it (منهم)
    counts the same kind of thing: it takes that figure's unit when it names none, and its
    category unless its own came from an event word or a decisive unit (`decide`)."""
    inherited: set[int] = set()
    for k in range(1, len(figures)):
        f, p = figures[k], figures[k - 1]
        sentence, how, back, own_noun = listing[k]
        joined = listed_after(text[p.end : f.start]) if listing[k - 1][0] == sentence else None
        if back and listing[k - 1][0] >= sentence - 1:
            joined = "breakdown"
        if joined is None:
            continue
        f.part_of = p.id if joined == "breakdown" else p.part_of
        # A part counts what its whole counts; so does a sibling, unless it has a noun of its
        # own and the sibling before it named its own (مدني و5000 جهادي ونحو 24 ألفاً من ...).
        inherits_unit = joined == "breakdown" or not own_noun or k - 1 in inherited
        if f.unit is None and inherits_unit and p.unit not in (None, "%") and how != "percent":
            f.unit = f.subject = p.unit
            inherited.add(k)
        if how not in OWN and p.category != "percent":
            f.category = p.category
