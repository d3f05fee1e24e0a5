"""Turn bytes into text: detect the encoding from the bytes, then clean the text up."""

from __future__ import annotations

import html
import re
import unicodedata

from marsad import errors
from marsad.errors import InputRejected

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# High bytes of UTF-16 code units met in Arabic text: ASCII, Arabic, general punctuation,
# presentation forms.
_UTF16_HIGH = frozenset({0x00, 0x06, 0x20, 0xFB, 0xFC, 0xFD, 0xFE})
_SAMPLE = 1 << 16
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_LATIN1_LETTER = re.compile("[\u00c0-\u00ff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_TRAILING_SPACE = re.compile(r"[^\S\n]+\n")
_BLANK_LINES = re.compile(r"\n{3,}")
_LETTER = re.compile(r"[^\W\d_]")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode `data`, returning (text, encoding); raise InputRejected if it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError:
                raise InputRejected(errors.UNDECODABLE) from None
    utf16 = _utf16_order(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise InputRejected(errors.BINARY)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, encoding = _single_byte(data)
    else:
        encoding = "utf-8"
    if is_binary(text):
        raise InputRejected(errors.BINARY)
    return text, encoding


def _utf16_order(data: bytes) -> str | None:
    """utf-16-le or -be when the high bytes of the code units look like Arabic or ASCII text."""
    sample = data[:_SAMPLE]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_high = sum(b in _UTF16_HIGH for b in even) / len(even)
    odd_high = sum(b in _UTF16_HIGH for b in odd) / len(odd)
    has_nul = b"\x00" in sample
    if odd_high >= 0.9 and even_high < 0.5 and (has_nul or odd.count(6) > len(odd) / 2):
        return "utf-16-le"
    if even_high >= 0.9 and odd_high < 0.5 and (has_nul or even.count(6) > len(even) / 2):
        return "utf-16-be"
    return None


def _single_byte(data: bytes) -> tuple[str, str]:
    """Windows-1256 or ISO-8859-6, whichever decodes and gives the most Arabic letters."""
    best: tuple[int, str, str] | None = None
    for encoding in ("iso-8859-6", "cp1256"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:_SAMPLE]
        score = len(_ARABIC_LETTER.findall(sample)) - 2 * len(_LATIN1_LETTER.findall(sample))
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is None:
        raise InputRejected(errors.UNDECODABLE)
    return best[1], best[2]


def is_binary(text: str) -> bool:
    """True when control characters other than tabs and newlines make up over 1% of the text."""
    sample = text[:_SAMPLE]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) > max(1, len(sample) // 100)


def clean_text(text: str) -> str:
    """The stored form of a text: no BOM, `\\n` newlines, NFC, entities unescaped, tidy lines."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    text = _TRAILING_SPACE.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def check_text(text: str) -> str | None:
    """The rejection reason for a cleaned text with nothing to read, else None."""
    if not text:
        return errors.NO_TEXT
    if not _LETTER.search(text):
        return errors.NO_LETTERS
    return None
