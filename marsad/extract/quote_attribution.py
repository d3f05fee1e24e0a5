"""Who speaks a cue clause, and what a document's earlier sentences leave for the next.

A participle (مضيفاً، داعياً) never has its own subject and continues the sentence's
speaker; an object (دعا الطرفين), adverbial (مدافعاً) or pronoun after the cue counts as no
subject; a definite description (المسؤول، ذات المصادر، التقرير، السكرتير الخاص) points back
to an earlier speaker or «بحسب/وفق/لما ذكره» source, a plain noun for a person (الرجل،
السيدة) to the latest named speaker of its gender; a statement (بيان المنظمة، البيان) speaks
for its issuer; a role with no name (المبعوث الدولي لليمن) is the one person the text named
with that role; a named subject before the cue (أما X فقال، لكن البيت الأبيض أكد، X الذي
أضاف) is taken; otherwise a cue with no subject speaks for its sentence's subject (وبثت
الجبهة ...، وأكدت), else continues the latest speaker whose gender agrees with it (وقالت →
المتحدثة), else the last person named before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.extract.quote_clauses import PARTICIPLES, Clause
from marsad.extract.quote_references import (
    back_reference,
    by_gender,
    coordinated_subject,
    cue_gender,
    pair_reference,
    person_reference,
    quoted_source,
    role_holder,
    role_reference,
    statement_issuer,
    statement_source,
)
from marsad.extract.quote_speakers import (
    PersonMention,
    Speaker,
    contrast_subject,
    fronted_subject,
    is_object,
    last_named,
    preposed_subject,
    relative_subject,
    sentence_subject,
    split_speaker,
)
from marsad.model import Span
from marsad.text.tokens import Token

_CONTINUING = PARTICIPLES | {"add"}  # وأضاف، مضيفاً: the same speaker goes on


def _named(speaker: Speaker, toks: list[Token], persons: list[PersonMention]) -> bool:
    """A speaker phrase that holds a person, institution or state mention."""
    return any(p.type in ("PER", "ORG", "GPE")
               and toks[0].start <= p.start and p.end <= toks[-1].end
               for p in persons)



@dataclass(slots=True)
class DocState:
    """One document's text and mentions, and what its earlier sentences leave for the
    next: who spoke (`speakers`) and who was spoken of or cited (`sources`)."""

    id: str
    text: str
    persons: list[PersonMention]
    day_times: list[tuple[int, int, str]]
    names: set[Span]
    fragments: set[Span]
    name_starts: set[int] = field(default_factory=set)
    person_starts: frozenset[int] = frozenset()
    speakers: list[Speaker] = field(default_factory=list)
    sources: list[Speaker] = field(default_factory=list)
    quiet_from: int = 0  # the end of the last sentence that quoted someone

    def cited(self, sources: list[tuple[Speaker, bool]]) -> None:
        for source, said in sources:
            self.sources.append(source)
            if said:
                self.speakers.append(source)

    def cite_before(self, pending: list[tuple[Speaker, bool]],
                    offset: int) -> list[tuple[Speaker, bool]]:
        """Cite the sources named before `offset` (حسب ما أعلن X، وأضاف البيان); the rest wait."""
        self.cited([s for s in pending if (s[0].start or 0) < offset])
        return [s for s in pending if (s[0].start or 0) >= offset]

    def spoke(self, speaker: Speaker) -> None:
        if not self.speakers or self.speakers[-1] is not speaker:
            self.speakers.append(speaker)
        if not self.sources or self.sources[-1] is not speaker:
            self.sources.append(speaker)


def clause_speaker(doc: DocState, tokens: list[Token], ci: int, lower: int, clause: Clause,
                    current: Speaker | None) -> tuple[Speaker | None, bool]:
    """The speaker of a cue clause and whether the text names it there."""
    text, persons, state = doc.text, doc.persons, doc
    toks = clause.speaker_tokens
    if clause.kind == "quoting":  # «نقلت الصحيفة عن الوزير قوله إن»; not «قوله تعالى»
        head_end = clause.content_start or clause.end
        return quoted_source(text, tokens, ci, lower, persons, state.sources,
                             [t for t in tokens[ci + 1:] if t.start < head_end]), True
    issuer = statement_source(text, tokens, ci, persons, state.sources)
    if issuer is not None:  # «وجاء في بيان للوزارة أن»
        return issuer, True
    if clause.kind in PARTICIPLES:
        toks = []
    before = preposed_subject(tokens, ci, lower, persons) if clause.kind not in PARTICIPLES \
        else []
    if before:  # «أما X فقال»، «وكان X قد دعا»: the words after the cue are its object
        speaker = split_speaker(text, before, persons)
        speaker.channel_words = clause.channel_words
        speaker.gender = cue_gender(tokens[ci])
        return speaker, True
    if toks and (clause.mouthpiece or not is_object(toks, persons)):
        earlier = back_reference(toks, state.sources) \
            or person_reference(toks, persons, state.speakers) \
            or role_reference(toks, persons, state.speakers) \
            or statement_issuer(text, toks, persons, state.sources) \
            or role_holder(text, toks, persons) or pair_reference(text, toks, persons)
        if earlier is not None:
            earlier.channel_words += clause.channel_words
            return earlier, True
        speaker = split_speaker(text, toks, persons)
        speaker.channel_words = clause.channel_words
        # «قالت البلدية على لسان رئيسها»: the verb agrees with the body, not the speaker
        speaker.gender = None if clause.mouthpiece else cue_gender(tokens[ci])
        return speaker, _named(speaker, toks, persons)
    coordinated = coordinated_subject(text, persons, tokens, ci, lower) \
        if clause.kind in PARTICIPLES else None
    if coordinated is not None:
        return coordinated, True
    if current is not None:
        return current, False
    relative = relative_subject(text, persons, tokens, ci) \
        or sentence_subject(text, persons, tokens, ci) \
        or fronted_subject(text, persons, tokens, ci) \
        or contrast_subject(text, persons, tokens, ci)
    if relative is not None:
        return relative, True
    gender = cue_gender(tokens[ci])
    if state.speakers and gender == "m" and clause.kind not in _CONTINUING:
        fresh = last_named(text, persons, tokens[ci].start, since=state.quiet_from)
        if fresh is not None:
            return fresh, False
    earlier = by_gender(state.speakers, gender)
    if gender == "p":  # «وقالوا» after no plural speaker: no single person named earlier
        return earlier, False
    return (earlier or last_named(text, persons, tokens[ci].start)), False
