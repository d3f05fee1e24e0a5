"""Head nouns that refer back to a body named earlier in the same text.

`المقاومة` after `المقاومة الشعبية`, `البرنامج` after `برنامج الأغذية العالمي`, `الجيش` after
`الجيش السوري`: news names a body once in full, then by the first word of its name with the
article. The trigger-table heads (الوزارة، الشركة) are handled in entities.py for every
trigger; this covers any body's first word, whatever list named it. A head followed by a
definite word (`القوات الموالية`, `المقاومة الفلسطينية`) describes another body and is left,
as is a team's noun (`المنتخب`, `الفريق`: sports words), which news uses for any side.
"""

from __future__ import annotations

from marsad.extract.entity_lexicon import SPORT_WORDS
from marsad.extract.entity_rules import Cand
from marsad.extract.entity_words import Word

_MIN_HEAD_LETTERS = 5  # ال + three letters: shorter heads are particles and pronouns


def _definite_head(key: str) -> str:
    return key if key.startswith("ال") else "ال" + key


def head_references(words: list[Word], cands: list[Cand]) -> list[Cand]:
    """A definite word equal to the (definite) first word of an organisation named with two
    words or more before it, standing alone, is a mention of that organisation."""
    bodies = [c for c in cands if c.type == "ORG" and c.j - c.i >= 2 and c.how != "coref"]
    if not bodies:
        return cands
    covered = {p for c in cands for p in range(c.i, c.j)}
    out = list(cands)
    for p, w in enumerate(words):
        if p in covered or not w.definite or w.enc or len(w.key) < _MIN_HEAD_LETTERS or (
            w.key in SPORT_WORDS
        ):
            continue
        nxt = words[p + 1] if p + 1 < len(words) else None
        if nxt is not None and not nxt.brk and nxt.definite:
            continue
        before = [c for c in bodies if c.j <= p and _definite_head(words[c.i].key) == w.key]
        if before:
            target = before[-1]
            out.append(Cand(p, p + 1, "ORG", "coref", target.entry, f"@{target.i}:{target.j}"))
    return sorted(out)
