"""Tell the language of a text cheaply: script first, then letters and function words."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

SAMPLE_CHARS = 5000
LATIN_LANGUAGES = ("en", "fr", "es", "de", "it", "tr")

_ARABIC_SCRIPT = re.compile(
    "[\u0620-\u064a\u0660-\u0669\u066e-\u06d3\u06d5\u06f0-\u06ff\u0750-\u077f]"
)
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_NON_ARABIC_HINT = re.compile("[یکپچژگےںٹڈڑہ]")
_PERSIAN_LETTERS = re.compile("[پچژگ]")
_URDU_LETTERS = re.compile("[ےںٹڈڑہ]")
_PERSIAN_WORDS = frozenset({"است", "این", "که", "را", "می", "از", "های", "برای", "نیز", "شد"})
_URDU_WORDS = frozenset({"ہے", "کے", "میں", "کی", "سے", "اور", "کہ", "نے", "ہیں", "کو"})
_ARABIC_WORD = re.compile("[\u0620-\u06ff]+")
_LATIN_WORD = re.compile(r"[^\W\d_]+")


@cache
def _stopwords(code: str) -> frozenset[str]:
    text = resources.files("marsad.lang").joinpath(f"stopwords_{code}.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language ('ar', 'fa', 'ur', 'en', ...) or 'und'."""
    sample = text[:SAMPLE_CHARS]
    arabic = len(_ARABIC_SCRIPT.findall(sample))
    latin = len(_LATIN.findall(sample))
    if arabic and arabic >= latin:
        return _arabic_script_language(sample, arabic)
    if latin:
        return _latin_language(sample)
    return "und"


def _arabic_script_language(sample: str, letters: int) -> str:
    """'ar', 'fa' or 'ur': a few Persian or Urdu letters in Arabic text are noise, words decide."""
    if not _NON_ARABIC_HINT.search(sample):
        return "ar"  # Persian and Urdu are never written without these letters
    words = _ARABIC_WORD.findall(sample)
    total = max(len(words), 1)
    urdu_words = sum(w in _URDU_WORDS for w in words) / total
    persian_words = sum(w in _PERSIAN_WORDS for w in words) / total
    urdu_letters = len(_URDU_LETTERS.findall(sample)) / letters
    persian_letters = len(_PERSIAN_LETTERS.findall(sample)) / letters
    if urdu_words >= 0.05 or (urdu_letters >= 0.01 and urdu_words >= 0.02):
        return "ur"
    if persian_words >= 0.05 or (persian_letters >= 0.01 and persian_words >= 0.02):
        return "fa"
    return "ar"


def _latin_language(sample: str) -> str:
    words = [w.lower() for w in _LATIN_WORD.findall(sample)]
    if not words:
        return "und"
    counts = {code: sum(w in _stopwords(code) for w in words) for code in LATIN_LANGUAGES}
    best = max(LATIN_LANGUAGES, key=lambda code: counts[code])
    if counts[best] < 2 or counts[best] < 0.05 * len(words):
        return "und"
    return best
