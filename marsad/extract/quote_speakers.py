"""Who a speaker phrase names: role and name, and subjects before or around the cue.

Used by `marsad.extract.quotes` (earlier speakers a cue points back to live in
`quote_references`). Rules, each a small function:
1. `split_speaker`: the last person mention in the phrase is the name, the words before it
   the role (a role after the name when only an honorific precedes it); nisba adjectives
   and link words the entity layer tags as names (التركي، باسم الوزارة) stay in the role;
   else a given name starts the name; else an institution (with «في <place>») is the
   whole speaker; else the phrase stays as written (مصدر أمني، شهود عيان).
2. `is_object`: words after a verb that cannot be its subject (a pronoun-suffixed word,
   a noun in the oblique plural or dual: دعا الطرفين إلى) leave the cue without a subject.
3. `preposed_subject`: «أما X فقال»، «غير أن X أكد»، «بيد أن أحد ممثليه أكد»، «وكان X قد
   دعا»: a subject with a name (or a definite one after a contrast) before its cue.
4. `relative_subject` (X الذي أضاف), `sentence_subject` (وبثت الجبهة ...، وأكدت) and
   `fronted_subject` (X أحد السكان قال) and `contrast_subject` (ولم يشر التقرير ...، لكنه
   قال) find a subject in the cue's own sentence;
   `last_named` takes the last person named shortly before a first cue that has no
   speaker yet, and a fresh
   (not continuing) masculine cue after sentences that quote nobody takes the person they
   named before the latest speaker (وانتقل الحاكم X ... . وقال في مؤتمر).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from marsad.lang import load_table, load_words
from marsad.text.normalize import fold
from marsad.text.tokens import Token

_ROLES: dict[str, set[str]] = {}
for _word, _role in load_table("quote_speaker_words.tsv"):
    _ROLES.setdefault(_role, set()).add(fold(_word))
STOPS = frozenset(_ROLES["stop"])
ANAPHORS = frozenset(_ROLES["anaphor"])
PERSON_NOUNS = frozenset(_ROLES["person"])
_OBJECT_NOUNS = frozenset(_ROLES["object"])
OPENERS = frozenset(_ROLES["opener"])
ACCORDING = frozenset(_ROLES["according"])
LINKS = frozenset(_ROLES["link"])
NAMING = frozenset(_ROLES["naming"])
MEDIA = frozenset(_ROLES["medium"])
STATEMENTS = frozenset(_ROLES["statement"])
ADVERBS = frozenset(_ROLES["adverb"])
STATEMENT_VERBS = frozenset(_ROLES["statement_verb"])
RELAY_VERBS = frozenset(_ROLES["relay"])
LIST_OPENERS = frozenset(_ROLES["list"])
MOUTHPIECES = frozenset(_ROLES["mouthpiece"])
_MEETING_VERBS = frozenset(_ROLES["met"])
_OBJECT_PRONOUNS = ("هما", "هم", "ها", "ه")
# معاليه، سموها، فضيلته: an honorific with a pronoun suffix (ة written ت before it)
_HONORIFIC_FORMS = frozenset(
    (word[:-1] + "ت" if word.endswith("ه") else word) + suffix
    for word in _ROLES["honorific"] for suffix in ("ه", "ها")
)
_FUNCTION_LIGHT = load_words("function_words.tsv")
_CONTRAST = frozenset(fold(w) for w in ("لكن", "غير", "بيد", "بينما", "فيما"))
_THAT = fold("أن")
_CONTRAST_THAT = frozenset(fold(w) for w in ("إلا", "غير", "بيد"))  # إلا أنه قال
_TITLE_EDGES = ' ،,"«»“”'
_RELATIVES = frozenset(fold(w) for w in ("الذي", "التي"))
_SUBJECT_REACH = 4  # the subject of a sentence's opening verb starts within these tokens
_NAMED_REACH = 400  # characters back a subjectless first cue may look for a name
ONE_OF = frozenset(fold(w) for w in ("أحد", "إحدى"))
ADVERBIAL_PREPOSITIONS = frozenset(fold(w) for w in ("على", "عن", "في", "إلى", "من", "مع"))
_SUBJECT_WORDS = 7  # a sentence's subject name starts within its first words
_FRONTED_WORDS = 8  # a fronted name and its apposition before the sentence's first cue


def _given_names() -> frozenset[str]:
    try:
        return frozenset(fold(w) for w in load_words("given_names.tsv"))
    except FileNotFoundError:
        return frozenset()


_GIVEN_NAMES = _given_names()


@dataclass(slots=True)
class Speaker:
    name: str | None
    title: str | None = None
    entity: str | None = None
    start: int | None = None
    end: int | None = None
    channel_words: tuple[str, ...] = ()
    gender: str | None = None  # of the verb that named it: «قالت مصادر» → f
    body: bool = False  # an organisation the entities named: its verbs vary in gender

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity, "name": self.name, "title": self.title,
                "start": self.start, "end": self.end}


@dataclass(slots=True)
class PersonMention:
    """A mention the entity layer found, used to split speaker phrases into role and name."""

    start: int
    end: int
    type: str
    entity: str | None = None


def word_of(tok: Token) -> str:
    """The folded word without a leading conjunction (وهو → هو, ذاتها stays ذاتها)."""
    if tok.seg.proclitics[:1] in (("و",), ("ف",)) and len(tok.folded) > 2:
        return tok.folded[1:]
    return tok.folded


def meeting_verb(tok: Token) -> bool:
    """«التقتهم»، «التقاه»، «سألت»: a verb of meeting or asking, with or without an object
    pronoun; after a speaker it opens a relative clause about who met them."""
    word = word_of(tok)
    for pronoun in _OBJECT_PRONOUNS:
        if word.endswith(pronoun) and len(word) - len(pronoun) >= 3:
            stem = word[: -len(pronoun)]
            stem = stem[:-1] + "ي" if stem.endswith("ا") else stem  # التقاه → التقى
            if stem in _MEETING_VERBS:
                return True
    return word in _MEETING_VERBS


def given_name(tok: Token) -> bool:
    """A word that starts a person's name: a given name, no clitic, no function word."""
    return tok.key in _GIVEN_NAMES and tok.light not in _FUNCTION_LIGHT \
        and not tok.seg.proclitics


def split_speaker(text: str, toks: list[Token], persons: list[PersonMention]) -> Speaker:
    """Role and name of a speaker phrase: the person mention is the name, the rest the role."""
    start, end = toks[0].start, toks[-1].end
    inside = [p for p in persons if start <= p.start and p.end <= end]
    people = [p for p in inside if p.type == "PER" and not _no_name(text, p, start)]
    if people:  # a full name; else a title comes first and the last name is the speaker
        multiword = [p for p in people if " " in text[p.start:p.end].strip()]
        person = multiword[0] if multiword else people[-1]
        name_end = _family_name_end(text, person, end)
        return Speaker(text[person.start:name_end], _title(text, start, person, end),
                       person.entity, person.start, name_end)
    named = next((k for k, t in enumerate(toks) if k > 0 and given_name(t)
                  and not (word_of(t) in LINKS and toks[k - 1].key.startswith("ال"))
                  and word_of(toks[k - 1]) not in LINKS
                  and not _nisba_after_noun(toks, k)), None)
    if named is not None:
        name_start = toks[named].start
        return Speaker(text[name_start:end], text[start:name_start].strip() or None, None,
                       name_start, end)
    org = next((p for p in inside if p.start == start and p.type != "PER"), None)
    if org is not None:
        org_end = _close_quote(text, start, _extend_with_place(text, org.end, inside))
        return Speaker(text[start:org_end], None, org.entity, start, org_end, body=True)
    end = _close_quote(text, start, end)
    phrase = text[start:end]
    return Speaker(phrase, phrase if len(toks) > 1 else None, None, start, end)


def _family_name_end(text: str, person: PersonMention, end: int) -> int:
    """Past a family name the entity layer left out when it ends the phrase (حمدان فلاح
    الغامدي: a nisba with the article right after the name, nothing after it)."""
    words = text[person.end:end].split()
    if len(words) == 1 and words[0].startswith("ال") and words[0].endswith("ي") \
            and len(words[0]) >= 5 and text[person.end:person.end + 1] == " ":
        return end
    return person.end


def _nisba_after_noun(toks: list[Token], k: int) -> bool:
    """«مصدر تركي»: a given name that is also a nisba, last in the phrase after an
    indefinite noun, is the adjective (Turkish), not the name (Turki)."""
    before = toks[k - 1]
    return k == len(toks) - 1 and toks[k].light.endswith("ي") \
        and not before.seg.proclitics and not given_name(before)


def _no_name(text: str, person: PersonMention, phrase_start: int) -> bool:
    """A «person» inside the role: one a preposition is joined to (موالية لهادي) or that
    a link word precedes (المتحدث باسم X), words after the phrase's first that read as
    nisba adjectives (رئيس الوزراء التركي), or one that opens with a link word after a
    definite role (المتحدث باسم الوزارة)."""
    words = text[person.start:person.end].split()
    if not words or person.start <= phrase_start:
        return False
    if text[person.start - 1].isalpha():
        return True  # after a clitic preposition: whose (مصادر موالية لهادي), not who
    before = text[phrase_start:person.start].split()
    if before and fold(before[-1]) in LINKS:
        return True  # «المتحدث باسم X»: whose spokesman, not who
    if all(w.startswith("ال") and w.endswith("ي") for w in words):
        return True  # التركي، التركي الاسلامي
    return fold(words[0]) in LINKS and bool(before) and before[-1].startswith("ال")


def _title(text: str, start: int, person: PersonMention, end: int) -> str | None:
    """The role around a name: the words before it, unless they are one honorific word
    (الدكتور، السفير) and a role follows the name (الدكتور X السكرتير الخاص للرئيس، السفير
    X سفير خادم الحرمين الشريفين)."""
    before = text[start:person.start].strip(_TITLE_EDGES)
    after = text[person.end:end].strip(_TITLE_EDGES)
    words = after.split()
    role = after.startswith("ال") or len(words) >= 3 and fold(words[0]) not in \
        ADVERBIAL_PREPOSITIONS and not words[0].startswith(("و", "ف"))  # سفير خادم ...
    if role and (not before or " " not in before):
        return after
    return before or None


def _close_quote(text: str, start: int, end: int) -> int:
    """Past the closing mark of a quoted name the phrase opened (وكالة «سانا»)."""
    opened = sum(text.count(c, start, end) for c in "«“")
    closed = sum(text.count(c, start, end) for c in "»”")
    return end + 1 if opened > closed and text[end:end + 1] in ("»", "”") else end


def _extend_with_place(text: str, end: int, mentions: list[PersonMention]) -> int:
    """An institution's name goes on over «في <place>» (وزارة الصحة في ولاية كسلا)."""
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start > end and text[end:m.start].strip() in ("في", "ب"):
            return m.end
    return end


def is_object(toks: list[Token], persons: list[PersonMention]) -> bool:
    """The words after a cue are no subject: its object («دعا أنصاره إلى»: a pronoun
    suffix; «دعا الطرفين إلى»، «حث المواطنين على»: an oblique plural or dual; a masdar:
    «أكد حرص بلاده على»), an honorific with a pronoun suffix that points back («وأكد
    معاليه»), or an adverbial accusative («وتابع مدافعاً عن موقفه»، «وقال رداً على سؤال»)."""
    first = toks[0]
    if len(toks) == 1 and first.seg.enclitics or word_of(first) in _HONORIFIC_FORMS:
        return True  # «دعا أنصاره»، «ودعا معاليه العاملين»: nobody new speaks
    if word_of(first) in _OBJECT_NOUNS:
        return True  # «وأكد حرص بلاده على»: what he stated
    if _adverbial(first) and (first.light.startswith("م")  # a participle: مخاطبا، مدافعا
                              or (len(toks) == 1 or _governs(toks[1]))
                              and not any(p.start == first.start for p in persons)):
        return True  # «ردا على»، «تعليقا على»; not a foreign name (جيوفانا دي ...)
    if not first.key.startswith("ال") or not first.key.endswith("ين") or len(first.key) < 7:
        return False
    return not any(p.start == first.start and p.type in ("PER", "ORG", "GPE")
                   for p in persons)  # البحرين names a state


def _governs(tok: Token) -> bool:
    """A preposition, as a word or a clitic, that an adverbial accusative takes (على، عن، لـ)."""
    return tok.folded in ADVERBIAL_PREPOSITIONS or bool(set(tok.seg.proclitics) & {"ل", "ب"})


def _adverbial(tok: Token) -> bool:
    """An indefinite accusative (ending in the alif of tanwin): مدافعا، ردا، تعليقا."""
    word = tok.light
    return (word.endswith("ا") and len(word) >= 4 and not tok.seg.proclitics
            and tok.key not in _GIVEN_NAMES and not word.endswith(("اا", "ىا")))


def preposed_subject(tokens: list[Token], ci: int, lower: int,
                     persons: list[PersonMention]) -> list[Token]:
    """Tokens of a subject that stands before the cue at ci (back to token `lower`):
    «أما X فقال»، «غير أن X أكد»، «وكان X قد دعا». Empty when there is none."""
    end = ci
    if end - 1 >= lower and word_of(tokens[end - 1]) in ("قد", "فقد"):
        end -= 1
    begin = end
    while begin - 1 >= lower and end - begin < 10:
        word = word_of(tokens[begin - 1])
        if word in OPENERS or word in ("ان", "إن"):
            break
        begin -= 1
    if begin in (end, lower):
        return []
    opener = word_of(tokens[begin - 1])
    if opener not in OPENERS and not (opener in ("ان", "إن") and begin >= 2
                                      and word_of(tokens[begin - 2]) in OPENERS):
        return []
    if opener == "اما" and tokens[ci].seg.proclitics[:1] != ("ف",):
        return []
    span = tokens[begin:end]
    named = any(p.type in ("PER", "ORG") and span[0].start <= p.start and p.end <= span[-1].end
                for p in persons) or any(given_name(t) for t in span[1:])  # المواطن محمد
    contrast = opener in _CONTRAST or opener in ("ان", "إن") \
        and word_of(tokens[begin - 2]) in _CONTRAST
    definite = len(span) <= 3 and end == ci and contrast and (
        span[0].key.startswith("ال") or word_of(span[0]) in ONE_OF)  # «لكن البيت الأبيض
    # أكد»، «بيد أن أحد ممثليه أكد»
    return span if named or definite else []


def relative_subject(text: str, persons: list[PersonMention], tokens: list[Token],
                     ci: int) -> Speaker | None:
    """«بحسب حاكم المنطقة عبدالله جيفتشي الذي أضاف إن ...»: the name before الذي/التي, or
    the one word between كان/أما and it that the entities missed (وكان بلاتر الذي أعلن)."""
    if ci < 1 or word_of(tokens[ci - 1]) not in _RELATIVES:
        return None
    before = tokens[ci - 1].start
    person = next((p for p in reversed(persons) if p.type in ("PER", "ORG")
                   and p.end <= before and not text[p.end:before].strip()), None)
    if person is None and ci >= 3 and word_of(tokens[ci - 3]) in OPENERS:
        name = tokens[ci - 2]  # «وكان بلاتر الذي أعلن»: a bare word after كان/أما
        if not name.seg.proclitics and not name.seg.enclitics \
                and name.light not in _FUNCTION_LIGHT:
            return Speaker(name.text, None, None, name.start, name.end)
    return mention_speaker(text, person)


def sentence_subject(text: str, persons: list[PersonMention], tokens: list[Token],
                     ci: int) -> Speaker | None:
    """«وبثت جبهة النصرة شريطاً ...، وأكدت أنهم ...»: a cue with no subject of its own, the
    first in its sentence, speaks for the name right after the sentence's opening verb."""
    head = tokens[1:min(ci, _SUBJECT_REACH)]
    if not head or word_of(tokens[0]) in OPENERS:
        return None
    person = next((p for p in persons if p.type in ("PER", "ORG")
                   and any(t.start == p.start for t in head)), None)
    return mention_speaker(text, person)


def fronted_subject(text: str, persons: list[PersonMention], tokens: list[Token],
                    ci: int) -> Speaker | None:
    """«أحمد علي أحد سكان الحي قال إن ...»: a sentence that opens with a person's name and
    a short apposition before its first cue makes that person the speaker (the apposition
    is the role); no other verb stands between them."""
    if not 1 <= ci <= _FRONTED_WORDS:
        return None
    person = next((p for p in persons if p.type == "PER" and p.start == tokens[0].start
                   and p.end <= tokens[ci].start), None)
    conjoined = tokens[1].seg.proclitics[:1] in (("و",), ("ف",)) if ci >= 2 else True
    if person is None and given_name(tokens[0]) and not conjoined:
        # a given name and the family name the entities missed
        person = PersonMention(tokens[0].start, tokens[1].end, "PER")
    if person is None or any(_present_verb_like(t) for t in tokens[1:ci]
                             if t.start >= person.end):
        return None
    role = text[person.end:tokens[ci].start].strip(_TITLE_EDGES + "-–") or None
    return Speaker(text[person.start:person.end], role, person.entity, person.start,
                   person.end)


def _present_verb_like(tok: Token) -> bool:
    """A present-tense verb form (يعمل، تقول) that would make its own clause."""
    return tok.light[:1] in ("ي", "ت") and not tok.seg.proclitics and len(tok.light) >= 4 \
        and not tok.light.endswith(("ي", "ية"))


def contrast_subject(text: str, persons: list[PersonMention], tokens: list[Token],
                     ci: int) -> Speaker | None:
    """«ولم يشر التقرير إلى ...، لكنه قال إن»: a cue after a contrast word carrying a
    pronoun (لكنه، غير أنه) speaks for the subject of the sentence's opening verb: its
    name, else the definite noun that heads it right after that verb."""
    if ci < 3:
        return None
    pronoun = tokens[ci - 1]
    if not (pronoun.seg.enclitics in (("ه",), ("ها",)) and (
            fold(pronoun.seg.stem) in _CONTRAST
            or fold(pronoun.seg.stem) == _THAT and word_of(tokens[ci - 2]) in _CONTRAST_THAT)):
        return None
    named = sentence_subject(text, persons, tokens, ci)
    if named is not None:
        return named
    opening = word_of(tokens[0])
    verb = 2 if tokens[0].seg.stem in _FUNCTION_LIGHT else 1  # «ولم يشر»: the verb after لم
    head = next((t for t in tokens[verb:min(ci - 1, _SUBJECT_REACH)]
                 if t.light not in _FUNCTION_LIGHT), None)
    if head is None or head.seg.proclitics != ("ال",) or head.seg.enclitics \
            or head.light.endswith(("ي", "ية")):  # not «التركية»
        return None  # «ويحاول مقاتلو التنظيم ...، لكنه»: a plural head, no ه to point back
    if opening in ACCORDING or opening in OPENERS:  # «وحسب صحيفة»
        return None
    subject = head
    return Speaker(subject.text, None, None, subject.start, subject.end)


def last_named(text: str, persons: list[PersonMention], before: int,
               since: int = 0) -> Speaker | None:
    """A cue with no subject and no earlier speaker (وقال أمام الصحافيين ...): the last
    person the text named shortly before it; with `since` (where the text last quoted
    someone), only a person named after that. Not the last institution: on unannotated
    articles that guess was mostly a body the words were about (تويتر، جهاز الكمبيوتر)."""
    near = [p for p in persons
            if max(since, before - _NAMED_REACH) <= p.start and p.end <= before]
    person = next((p for p in reversed(near) if p.type == "PER"
                   and (not since or _sentence_subject_at(text, p.start))), None)
    return mention_speaker(text, person)


def _sentence_subject_at(text: str, start: int) -> bool:
    """A name early in its sentence with no preposition before it (وانتقل حاكم الولاية X):
    its subject, not an object (ولم يشر النص إلى تاريخ وفاة X)."""
    opening = max(text.rfind(mark, 0, start) for mark in ".\n؟!")
    words = [fold(w) for w in text[opening + 1:start].split()]
    return len(words) <= _SUBJECT_WORDS and not any(
        w in ADVERBIAL_PREPOSITIONS or w.startswith(("لل", "بال")) for w in words[1:])


def mention_speaker(text: str, person: PersonMention | None) -> Speaker | None:
    if person is None:
        return None
    return Speaker(text[person.start:person.end], None, person.entity, person.start, person.end)
