"""Where quotations are: paired marks, straight marks that nest, and ones left open.

Used by `marsad.extract.quotes`. `direct_spans` finds «» “” „“ pairs by pattern and
straight marks by the side they face (`_straight_pairs`); a quotation opened after a colon
that never closes runs to the end of its line (`_unclosed`). `name_quotes` tells which
quotations name something («قسد», «المرصد السوري») rather than quote anyone.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from marsad.extract.quote_speakers import PersonMention
from marsad.model import Span

_DIRECT = re.compile(r"«[^«»\n]{2,3000}»|“[^“”\n]{2,3000}”|„[^„“\n]{2,3000}“|”[^”\n]{2,3000}”")
_LINE = re.compile(r"[^\n]+")
_AFTER_CLOSE = ".،,؛;:!؟?)]-–"
_COLON_OPEN = re.compile(r":\s*[«“]")
_FULL_STOP = re.compile(r"\.(?=\s|$)")
# A quoted phrase this short with no cue beside it is a name or a scare quote, not speech;
# even beside a cue, speech has at least MIN_CUED_WORDS words.
MIN_UNCUED_WORDS = 6
MIN_CUED_WORDS = 3


def direct_spans(text: str) -> list[Span]:
    """Inner spans of quotations (marks excluded), whitespace trimmed: paired «» “” „“,
    straight marks paired by the side they face (`_straight_pairs`), and a quotation
    opened after a colon that never closes, which runs to the end of its line."""
    found = [Span(m.start() + 1, m.end() - 1) for m in _DIRECT.finditer(text)]
    found += _straight_pairs(text)
    found += _unclosed(text, found)
    spans = []
    for span in sorted(found, key=lambda s: (s.start, -s.end)):
        start, end = span.start, span.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and not (spans and start < spans[-1].end):
            spans.append(Span(start, end))
    return spans


def _straight_pairs(text: str) -> list[Span]:
    """Outermost pairs of straight marks in each line: a mark after a space (or any mark
    after a colon) opens, one before a space or punctuation closes, so a quoted name
    inside a quotation ("قال "داعش" أمس") nests instead of ending it. A quotation still
    open when a new one opens after a colon, or when its line ends, closes at `_close_open`."""
    spans = []
    for line in _LINE.finditer(text):
        stack: list[int] = []
        inner: list[int] = []  # closers that left only the outer quotation open
        for at in range(line.start(), line.end()):
            if text[at] != '"':
                continue
            before = text[at - 1] if at > line.start() else " "
            after = text[at + 1] if at + 1 < line.end() else " "
            closes = not before.isspace() and (after.isspace() or after in _AFTER_CLOSE)
            # « " ليس كافيا ... " »: a mark spaced on both sides opens, or closes when it is
            # the line's last (a later one closes a quotation that nests a name)
            spaced = before.isspace() and after.isspace()
            if stack and (closes or spaced and '"' not in text[at + 1:line.end()]):
                start = stack.pop()
                if not stack:
                    spans.append(Span(start + 1, at))
                    inner = []
                elif len(stack) == 1:
                    inner.append(at)
            elif not after.isspace() or not stack and (
                    spaced or text[line.start():at].rstrip().endswith(":")):
                # «وأضاف: " فريقي ...»: after a colon a mark opens even before a space
                if stack and text[line.start():at].rstrip().endswith(":"):
                    spans.append(_close_open(text, stack[0], inner, at))
                    stack, inner = [], []
                stack.append(at)
        if stack:
            spans.append(_close_open(text, stack[0], inner, line.end()))
    return spans


def _close_open(text: str, opener: int, inner: list[int], limit: int) -> Span:
    """Where a quotation left open ends: at the last inner mark that punctuation follows
    (it closed the outer quotation, not a nested one), else at the first full stop."""
    for at in reversed(inner):
        if text[at + 1:at + 2] in (".", "،", ",", "!", "؟"):
            return Span(opener + 1, at)
    stop = _FULL_STOP.search(text, opener, limit)
    return Span(opener + 1, stop.start() if stop else limit)


def _unclosed(text: str, paired: list[Span]) -> list[Span]:
    """«قال: «...» with no closing mark before the line ends: the rest of the line."""
    spans = []
    for match in _COLON_OPEN.finditer(text):
        start = match.end()
        if any(s.start - 1 <= start - 1 < s.end + 1 for s in paired):
            continue
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        while end > start and text[end - 1] in ' .\t"«»“”':
            end -= 1
        if len(text[start:end].split()) >= MIN_UNCUED_WORDS:
            spans.append(Span(start, end))
    return spans


def name_quotes(text: str, quotes: list[Span],
                persons: list[PersonMention]) -> tuple[set[Span], set[Span]]:
    """Quotations that name something rather than quote anyone: short ones («قسد»), those
    an entity mention fills («المرصد السوري لحقوق الإنسان»), and a quoted office right
    before a person's name (نائب «محافظ مدينة حلب الحرة» منذر سلال); and of those, the
    short ones no mention fills: inside a reported clause they are quoted words
    (إن مقاتليه "طهّروا" المستشفى)."""
    names, fragments = set(), set()
    starts = [p.start for p in persons]
    for q in quotes:
        nearby = persons[max(0, bisect_left(starts, q.start) - 8):bisect_left(starts, q.end + 2)]
        length = q.end - q.start
        after = q.end + 1
        while after < len(text) and text[after] == " ":
            after += 1
        named = (any(p.start <= q.start + 1 and p.end >= q.end - 1
                     or min(p.end, q.end) - max(p.start, q.start) >= 0.6 * length
                     for p in nearby if p.start < q.end and p.end > q.start)
                 or any(p.start == after and p.type == "PER" for p in nearby))
        if named or len(text[q.start:q.end].split()) < MIN_CUED_WORDS:
            names.add(q)
            if not named:
                fragments.add(q)
    return names, fragments
