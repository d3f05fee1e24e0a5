"""Which earlier speaker or named person a cue with no name of its own points to.

Used by `marsad.extract.quotes` after `quote_speakers` has read the phrase after a cue:
1. `by_gender`: a subjectless cue continues the latest speaker whose gender agrees with
   the verb (وقالت → المتحدثة, وأضاف → المدير); a speaker's gender is first that of the
   verb that named it (وقالت مصادر ...، وأضافت → the sources).
2. `back_reference`: «المسؤول»، «المصادر ذاتها»، «هذه المنظمات»، «التقرير» point to the
   latest speaker whose phrase (or channel) holds that noun, «أحد المصدرين» to one whose
   head is «مصدران»; `role_reference`: a longer role phrase with no name of its own
   (السكرتير الخاص للرئيس هادي، الوزير الأمريكي) to the speaker whose role holds its words.
3. `statement_issuer`: a statement speaks for whoever issued it: «بيان المنظمة» is the
   organisation (itself perhaps a back-reference), a bare «البيان» the latest source.
4. `role_holder`: a role phrase with no name (المبعوث الدولي لليمن) is the person the text
   named earlier with that role in front of the name (المبعوث الدولي X), when only one was.
5. `coordinated_subject`: a participle right after a clause a new verb opens (، ويوافقه
   الرأي المواطن X داعيا) speaks for the person that clause names.
6. `quoted_source`: «نقلت الصحيفة عن الوزير قوله إن»: the one after عن speaks.
9. `pair_reference`: a dual role (الرئيسان، الوزيران) is the two people a sentence named
   together (الرئيس X ونظيره Y).
7. `statement_source`: «وجاء في بيان للوزارة»: the body after ل, else the latest source.
8. `attributions`: sources named after بحسب/وفق, which later cues may point back to.
"""

from __future__ import annotations

from itertools import pairwise

from marsad.extract.quote_clauses import present_verb
from marsad.extract.quote_cues import CONTENT_MARKERS, CUES, MAX_SPEAKER_TOKENS, cue_key
from marsad.extract.quote_speakers import (
    ACCORDING,
    ADVERBIAL_PREPOSITIONS,
    ANAPHORS,
    ONE_OF,
    PERSON_NOUNS,
    RELAY_VERBS,
    STATEMENT_VERBS,
    STATEMENTS,
    STOPS,
    PersonMention,
    Speaker,
    mention_speaker,
    split_speaker,
    word_of,
)
from marsad.lang import load_table
from marsad.text.normalize import fold
from marsad.text.tokens import Token, tokenize

_CUE_WORDS = frozenset(fold(row[0]) for row in load_table("quote_cues.tsv"))
_DEMONSTRATIVES = frozenset(fold(w) for w in ("هذا", "هذه"))
_SAME = frozenset(fold(w) for w in ("ذات", "نفس"))
_HISTORY = 12  # how many earlier speakers a back-reference may reach
_SOURCE_LINKS = frozenset(("ما", "ل", "عن", "لما"))
_ITS = {fold("له"): "m", fold("لها"): "f", fold("لهم"): None}  # بيان له، بيان لها
_CLAUSE_REACH = 5  # a coordinated clause names its subject within these words
_ROLE_WORDS = 5  # words of a role that may stand right before a name
_ROLE_BREAKS = '.،,؛;:!؟?"«»“”()\n'


def _bare(word: str) -> str:
    """A folded word without its article (الوزير → وزير), to compare roles."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


# first words of the titles that stand before a person's name (المبعوث، وزير، المدرب)
_PERSON_ROLES = frozenset(_bare(fold(row[0]).split()[0]) for row in load_table("titles.tsv"))


def _gender(speaker: Speaker) -> str | None:
    """f or m from the verb that named the speaker, else from the head word of the role
    (or name): المتحدثة، وزارة → f; المدير → m."""
    if speaker.gender:
        return speaker.gender
    head = (speaker.title or speaker.name or "").split()
    if not head:
        return None
    word = fold(head[0])
    if word.endswith(("ه", "ات")):
        return "f"
    return "m" if speaker.title else None


def cue_gender(cue: Token) -> str | None:
    """The gender a past or present reporting verb agrees with (قالت، تقول → f; قالوا → p)."""
    word = cue.seg.stem
    if word.endswith("وا"):  # قالوا، أضافوا: plural
        return "p"
    if word.endswith("ت") and len(word) >= 4 or word.startswith("ت") \
            and fold("ي" + word[1:]) in _CUE_WORDS:  # تقول beside يقول; تابع، تحدث are past
        return "f"
    if word.endswith(("ا", "ة")):  # participles: مضيفا / مضيفة
        return "f" if word.endswith("ة") else "m"
    return "m"


def by_gender(history: list[Speaker], gender: str | None) -> Speaker | None:
    """The latest speaker a subjectless cue of this gender can continue."""
    if not history:
        return None
    if gender is None:
        return history[-1]
    if gender == "p":  # «وقالوا»: only a plural speaker, never a single person
        return next((sp for sp in reversed(history[-_HISTORY:])
                     if sp.gender == "p" or _head(sp).endswith(("ون", "ين"))), None)
    latest = history[-1]
    if latest.body and gender == "m":  # «وتقول المنظمة "..." وأضاف»: a body's verbs vary
        return latest
    for speaker in reversed(history[-_HISTORY:]):
        if _gender(speaker) in (None, gender):
            return speaker
    return latest


def back_reference(toks: list[Token], history: list[Speaker]) -> Speaker | None:
    """The earlier speaker a definite description points to, if the phrase is one:
    «المسؤول»، «المصدر»، «المصادر ذاتها»، «هذه المنظمات»، «التقرير» (a channel word)."""
    words = [word_of(t) for t in toks]
    if len(words) == 2 and words[1] in ANAPHORS or len(words) == 2 and words[1][:5] in (
            "ذات", "نفس"):
        noun = words[0]
    elif len(words) == 2 and (words[0] in ANAPHORS or words[0] in _SAME) \
            or len(words) > 2 and words[0] in _DEMONSTRATIVES:
        noun = words[1]  # «هذه المنظمات»، «ذات المصادر»، «هذا الناطق باسم القوات»
    elif len(words) == 2 and words[0] in ONE_OF and words[1].startswith("ال"):
        stem = _number_stem(words[1][2:])  # «أحد المصدرين» → an earlier «مصدران»
        return next((sp for sp in reversed(history[-_HISTORY:])
                     if _number_stem(_head(sp)) == stem), None)
    elif len(words) == 1:
        noun = words[0]
    else:
        return None
    if not noun.startswith("ال") or len(noun) < 5:
        return None
    bare = noun[2:]
    for speaker in reversed(history[-_HISTORY:]):
        if _head(speaker) in (bare, noun) or bare in speaker.channel_words:
            return speaker
    return None


def person_reference(toks: list[Token], persons: list[PersonMention],
                     history: list[Speaker]) -> Speaker | None:
    """«ويدعي الرجل»، «وقالت السيدة»: a plain noun for a person, alone, is the latest speaker
    of its gender named by a person mention; with none, the noun stays (no wrong name)."""
    if len(toks) != 1 or word_of(toks[0]) not in PERSON_NOUNS:
        return None
    gender = "f" if word_of(toks[0]).endswith("ه") else "m"  # folded ة
    named = {p.start for p in persons if p.type == "PER"}
    return next((sp for sp in reversed(history[-_HISTORY:])
                 if sp.start in named and _gender(sp) == gender), None)


def role_reference(toks: list[Token], persons: list[PersonMention],
                   history: list[Speaker]) -> Speaker | None:
    """An earlier speaker a longer definite role phrase points to: «السكرتير الخاص للرئيس
    هادي» after «الدكتور X السكرتير الخاص ...», «سفير خادم الحرمين» after «X سفير خادم
    الحرمين ...», «الوزير الأمريكي» after «وزير الدفاع الأمريكي X»: its words (without
    the article) all in that role, and no name of its own except one after ل (whose)."""
    head = word_of(toks[0])
    if len(toks) < 2 or not (head.startswith("ال") and len(head) >= 5 or _construct(toks)):
        return None
    owner = next((k for k, t in enumerate(toks) if "ل" in t.seg.proclitics), len(toks))
    if any(p.type == "PER" and toks[0].start <= p.start < toks[owner - 1].end for p in persons):
        return None
    role = {_bare(word_of(t)) for t in toks[:owner]}
    return next((sp for sp in reversed(history[-_HISTORY:])
                 if sp.title and sp.name != sp.title
                 and role <= {_bare(w) for w in fold(sp.title).split()}), None)


def _construct(toks: list[Token]) -> bool:
    """A role made definite by what it is of (سفير خادم الحرمين), unlike anybody of a kind
    (مصدر أمني رفيع، مسؤول في الوزارة): the article within two words, no preposition."""
    if len(toks) < 3 or toks[0].seg.proclitics:
        return False
    for k in (1, 2):
        if toks[k].seg.proclitics[-1:] == ("ال",) and len(toks[k].seg.proclitics) == 1:
            return True
        if toks[k].seg.proclitics or toks[k].folded in ADVERBIAL_PREPOSITIONS:
            return False
    return False


def _number_stem(word: str) -> str:
    """A noun without its dual or plural ending: مصدران، مصدرين → مصدر."""
    for ending in ("ان", "ين", "ون", "ات"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _head(speaker: Speaker) -> str:
    """The first word of the speaker's role, else of the name: «مسؤول» of «مسؤول محلي في
    البلدية», «مدير» (not «المرصد») of «مدير المرصد سامر الحلبي»."""
    words = fold(speaker.title or speaker.name or "").split()
    return words[0] if words else ""


def statement_issuer(text: str, toks: list[Token], persons: list[PersonMention],
                     sources: list[Speaker]) -> Speaker | None:
    """Who a statement speaks for, when the phrase opens with one (quote_speaker_words.tsv):
    «بيان البيت الأبيض» → البيت الأبيض, «بيان المنظمة» → the organisation it points back
    to, a bare «البيان» → the latest source; None when the phrase is no statement or its
    issuer follows a preposition (بيان لوزارة ...: left as written)."""
    if _bare(word_of(toks[0])) not in STATEMENTS or toks[0].seg.enclitics:
        return None
    rest = toks[1:]
    if not rest:
        return sources[-1] if sources else None
    if set(rest[0].seg.proclitics) - {"ال"}:
        return None
    issuer = back_reference(rest, sources) or split_speaker(text, rest, persons)
    issuer.channel_words += (_bare(word_of(toks[0])),)  # a later «البيان» is this one
    return issuer


def role_holder(text: str, toks: list[Token], persons: list[PersonMention]) -> Speaker | None:
    """The person an unnamed definite role phrase points to: one named earlier right after
    a role that starts with its head and holds all its words (المبعوث الدولي X ... وقال
    المبعوث الدولي لليمن), when such roles name a single person; only for a head that
    titles a person (not «المرصد»), never for a kind (مصدر أمني)."""
    head = word_of(toks[0])
    if _bare(head) not in _PERSON_ROLES \
            or not (head.startswith("ال") and len(head) >= 5 or _construct(toks)):
        return None  # «المرصد» is a body, «مدير المرصد» a role
    if any(p.type == "PER" and toks[0].start <= p.start < toks[-1].end for p in persons):
        return None
    owner = next((k for k, t in enumerate(toks) if "ل" in t.seg.proclitics
                  or t.folded in ADVERBIAL_PREPOSITIONS), len(toks))  # لليمن، إلى اليمن
    role = {_bare(word_of(t)) for t in toks[:owner]}
    holders = {}
    for person in persons:
        if person.type != "PER" or person.end > toks[0].start:
            continue
        window = text[max(0, person.start - 80):person.start]
        cut = max(window.rfind(c) for c in _ROLE_BREAKS)
        words = [_bare(word_of(t)) for t in tokenize(window[cut + 1:])[-_ROLE_WORDS:]]
        if _bare(head) in words and role <= set(words) and not any(
                w in _PERSON_ROLES for w in words[:words.index(_bare(head))]):
            holders[fold(text[person.start:person.end])] = person
    if len(holders) != 1:
        return None
    person = next(iter(holders.values()))
    return mention_speaker(text, person)


def attributions(text: str, tokens: list[Token],
                  persons: list[PersonMention]) -> list[tuple[Speaker, bool]]:
    """Sources named after بحسب/وفق (بحسب مصدر طبي في ...): speakers later sentences may
    point back to, though they say nothing in quotation themselves; each with whether a
    reporting verb names it (طبقا لما ذكره X): then a later «وأضاف» continues it."""
    found = []
    for i, tok in enumerate(tokens):
        if tok.seg.key not in ACCORDING and word_of(tok) not in ACCORDING:
            continue
        j = i + 1
        said = False
        while j < len(tokens) and (tokens[j].key in _SOURCE_LINKS or cue_key(tokens[j])
                                   or tokens[j].seg.key in CUES):
            said = said or tokens[j].seg.key in CUES
            j += 1
        phrase: list[Token] = []
        while j < len(tokens) and len(phrase) < MAX_SPEAKER_TOKENS:
            gap = text[tokens[j - 1].end:tokens[j].start]
            if phrase and any(c in gap for c in "،,.؛:"):
                break
            if word_of(tokens[j]) in STOPS or present_verb(tokens[j]):
                break
            phrase.append(tokens[j])
            j += 1
        if phrase:
            found.append((split_speaker(text, phrase, persons), said))
    return found


def coordinated_subject(text: str, persons: list[PersonMention], tokens: list[Token],
                        ci: int, lower: int) -> Speaker | None:
    """«...، ويوافقه الرأي المواطن X داعيا إلى»: a participle after a clause that opens with
    و past the last comma, holds no cue and no أن, speaks for the person named early in it
    (not after a preposition: «وزار مع الوزير X» names a companion)."""
    start = ci
    while start > lower and not any(c in text[tokens[start - 1].end:tokens[start].start]
                                    for c in "،,"):
        start -= 1
    stretch = tokens[start:ci]
    if start <= lower or not stretch or stretch[0].seg.proclitics[:1] != ("و",) or any(
            cue_key(t) or t.key in CONTENT_MARKERS or t.folded in CONTENT_MARKERS
            for t in stretch):
        return None
    for k, tok in enumerate(stretch[1:_CLAUSE_REACH], start=1):
        person = next((p for p in persons if p.type == "PER" and p.start == tok.start), None)
        if person is not None and stretch[k - 1].folded not in ADVERBIAL_PREPOSITIONS \
                and not tok.seg.proclitics:
            return mention_speaker(text, person)
    return None


def quoted_source(text: str, tokens: list[Token], ci: int, lower: int,
                  persons: list[PersonMention], sources: list[Speaker],
                  head: list[Token]) -> Speaker | None:
    """«نقلت الصحيفة عن الوزير X قوله إن ...»: the words after the last عن before the cue
    (قوله), or after عن in the cue's own head (نقلت الوكالة عن مصدر أن), name the speaker:
    the outlet only passes them on; None for «عنه» or no عن."""
    if word_of(tokens[ci]) in RELAY_VERBS:
        at = next((k for k, t in enumerate(head) if word_of(t) == "عن"), None)
        phrase = [t for t in head[at + 1:] if t.key not in CONTENT_MARKERS
                  and t.folded not in CONTENT_MARKERS] if at is not None else []
    else:
        at = next((k for k in range(ci - 1, lower - 1, -1) if word_of(tokens[k]) == "عن"),
                  None)
        phrase = tokens[at + 1:ci] if at is not None else []
    if not 0 < len(phrase) <= MAX_SPEAKER_TOKENS:
        return None
    return back_reference(phrase, sources) or role_holder(text, phrase, persons) \
        or split_speaker(text, phrase, persons)


def statement_source(text: str, tokens: list[Token], ci: int, persons: list[PersonMention],
                     sources: list[Speaker]) -> Speaker | None:
    """Who speaks in «وجاء في بيان لـX ...» (a statement verb, see `quote_clauses`): the name
    joined to ل within the next few words, else the latest source (وجاء في البيان أن)."""
    if cue_key(tokens[ci]) not in STATEMENT_VERBS:
        return None
    for k in range(ci + 2, min(ci + 5, len(tokens))):
        tok = tokens[k]
        if tok.folded in _ITS:  # «في بيان لها»: the latest source of that gender, else
            return _latest_of_gender(sources, _ITS[tok.folded]) or mention_speaker(
                text, next((p for p in reversed(persons) if p.end <= tok.start
                            and p.type == ("ORG" if _ITS[tok.folded] == "f" else "PER")),
                           None))  # the body or person last named
        if tok.seg.proclitics[:1] == ("ل",):
            person = next((p for p in persons if p.type in ("PER", "ORG")
                           and tok.start < p.start <= tok.start + 2), None)
            if person is not None:
                return mention_speaker(text, person)
            end = k  # no name the entities know: the phrase after ل as written
            while end + 1 < min(len(tokens), k + MAX_SPEAKER_TOKENS) and not any(
                    c in text[tokens[end].end:tokens[end + 1].start] for c in '،,:"«“') \
                    and tokens[end + 1].folded not in CONTENT_MARKERS:
                end += 1
            return Speaker(text[tok.start + 1:tokens[end].end], None, None, tok.start + 1,
                           tokens[end].end)
    return sources[-1] if sources else None


def _latest_of_gender(history: list[Speaker], gender: str | None) -> Speaker | None:
    """The latest speaker whose known gender is this one (no fallback, unlike `by_gender`)."""
    return next((sp for sp in reversed(history[-_HISTORY:]) if _gender(sp) == gender), None)


def pair_reference(text: str, toks: list[Token], persons: list[PersonMention]) -> Speaker | None:
    """«وأكد الرئيسان»: a definite dual of a person's role is the last two people named
    together before it, joined by و within a few words (الرئيس X ونظيره التركي Y)."""
    word = word_of(toks[0])
    if len(toks) != 1 or not word.startswith("ال") or not word.endswith("ان") \
            or _bare(word)[:-2] not in _PERSON_ROLES:
        return None
    before = [p for p in persons if p.type == "PER" and p.end <= toks[0].start]
    for first, second in reversed(list(pairwise(before))):
        between = text[first.end:second.start].split()
        if between and between[0].startswith("و") and len(between) <= _ROLE_WORDS \
                and not any(c in text[first.end:second.start] for c in ".،,؛"):
            return Speaker(text[first.start:second.end], None, None, first.start, second.end)
    return None
