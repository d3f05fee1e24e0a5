"""Words with offsets into the original text, each with its clitics split off.

The segmentation of a word lives in `marsad.text.clitics`; `segment`, `Segmentation` and
`ARTICLE` stay importable from here, where most stages take them with `Token`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.model import Span
from marsad.text.clitics import ARTICLE, Segmentation, segment
from marsad.text.normalize import _MARKS, _TRAILING_MARK, NormalizedText, normalize
from marsad.text.sentences import split_sentences

__all__ = ["ARTICLE", "Segmentation", "Token", "segment", "tokenize", "tokenize_sentences"]

_MARK_CHARS = frozenset(
    chr(c) for c in range(0x600, 0x900) if re.match(f"[{_MARKS}\u0640]", chr(c))
)


@dataclass(slots=True, frozen=True)
class Token:
    """One word: its span in the original text, its normal forms and its segmentation."""

    start: int
    end: int
    text: str
    light: str
    folded: str
    seg: Segmentation

    @property
    def key(self) -> str:
        """The clitic-free matching form of the word (`Segmentation.key`)."""
        return self.seg.key


_WORD = re.compile(
    r"\d+(?:[.,/]\d+)*"
    "|[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06fc]+"
    r"|[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9]*"
)


def tokenize(text: str, norm: NormalizedText | None = None) -> list[Token]:
    """The words of `text` (Arabic, Latin, numbers), with spans into `text` itself.

    `norm` may pass `normalize(text)` when the caller already has it. Several stages
    tokenize the same document one after another, so the last few results are kept.
    """
    if norm is None:
        if len(text) > _RECENT_MAX_CHARS:  # too big to keep: ~70 bytes of tokens a character
            return _tokenize(text, normalize(text))
        return list(_recent_tokens(text))
    return _tokenize(text, norm)


_RECENT_MAX_CHARS = 200_000
# Longer "words" (a run of letters with no space, junk or an attack) are segmented but never
# cached: the caches would keep them for the life of the process.
_CACHED_MAX_CHARS = 64


@lru_cache(maxsize=8)
def _recent_tokens(text: str) -> tuple[Token, ...]:
    return tuple(_tokenize(text, normalize(text)))


def _tokenize(text: str, norm: NormalizedText) -> list[Token]:
    folded_text = norm.folded
    offsets = _original_offsets(norm) if norm._segments else None
    size = len(text)
    hot_get = _HOT.get
    tokens: list[Token] = []
    append = tokens.append
    for m in _WORD.finditer(norm.light):
        start, end = m.span()
        word = m.group()
        seg = hot_get(word)
        if seg is None:
            if len(word) > _CACHED_MAX_CHARS:
                seg = segment.__wrapped__(word)
            else:
                seg = segment(word)
                if len(_HOT) < _HOT_SIZE:
                    _HOT[word] = seg
        if offsets is None:
            o_start, o_end = start, end
        else:
            o_start, o_end = offsets[start], offsets[end - 1] + 1
            if o_end < size and text[o_end] in _MARK_CHARS:
                o_end = _TRAILING_MARK.match(text, o_end).end()
        # Token(...) without the frozen dataclass's per-field object.__setattr__: twice as fast.
        token = _new(Token)
        _set_start(token, o_start)
        _set_end(token, o_end)
        _set_text(token, text[o_start:o_end])
        _set_light(token, word)
        _set_folded(token, folded_text[start:end])
        _set_seg(token, seg)
        append(token)
    return tokens


def _original_offsets(norm: NormalizedText) -> list[int]:
    """The original offset of every normalised character, built segment by segment."""
    offsets: list[int] = []
    segments = norm._segments
    ends = [*norm._norm_starts[1:], len(norm.light)]
    for (norm_start, orig_start, expanded), norm_end in zip(segments, ends, strict=True):
        count = norm_end - norm_start
        if expanded:
            offsets.extend([orig_start] * count)
        else:
            offsets.extend(range(orig_start, orig_start + count))
    return offsets


# Segmentations of the most frequent words, looked up before the lru_cache (Zipf: the first
# words met fill it); a plain dict hit costs a fifth of an lru_cache hit.
_HOT: dict[str, Segmentation] = {}
_HOT_SIZE = 1 << 16
_new = object.__new__
_set_start, _set_end, _set_text, _set_light, _set_folded, _set_seg = (
    Token.__dict__[name].__set__ for name in ("start", "end", "text", "light", "folded", "seg")
)


def tokenize_sentences(text: str) -> list[tuple[Span, list[Token]]]:
    """Each sentence (from `split_sentences`) with its tokens, in text order."""
    tokens = tokenize(text)
    groups: list[tuple[Span, list[Token]]] = []
    i = 0
    for span in split_sentences(text):
        while i < len(tokens) and tokens[i].start < span.start:
            i += 1
        first = i
        while i < len(tokens) and tokens[i].start < span.end:
            i += 1
        groups.append((span, tokens[first:i]))
    return groups
