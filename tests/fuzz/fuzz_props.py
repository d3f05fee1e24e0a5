"""Input strategies and property checks shared by tests/fuzz and bench/fuzz.py.

Each `check_*` takes one generated input, runs one stage on it and asserts the stage's
contract (never raises, spans valid and in order, values finite); it returns nothing.
"""

from __future__ import annotations

import io
import json
import math
import time
from collections.abc import Callable

from hypothesis import strategies as st

from marsad.extract.figures import extract_figures
from marsad.extract.number_lexicon import LEX, MONTHS1, QUAL_POST, QUAL_PRE
from marsad.extract.numbers import find_numbers, parse_number
from marsad.extract.time_lexicon import MONTHS, ORDINALS, RELATIVE, UNITS, WEEKDAYS
from marsad.extract.times import extract_times
from marsad.ingest.document import Source
from marsad.ingest.feed import read_feed
from marsad.ingest.html import html_document
from marsad.ingest.jsonl import read_jsonl
from marsad.ingest.options import IngestOptions
from marsad.ingest.plaintext import text_document
from marsad.model import Document, Rejected
from marsad.text.normalize import fold, light, normalize
from marsad.text.sentences import split_sentences
from marsad.text.tokens import tokenize

PUBLISHED = "2024-05-01"

# --- characters ---------------------------------------------------------------------------

_ARABIC = [chr(c) for c in range(0x0600, 0x0700)]
_PRESENTATION = [chr(c) for c in [*range(0xFB50, 0xFB60), *range(0xFEF5, 0xFEFD), 0xFDF2, 0xFDFA,
                                  *range(0xFE70, 0xFE80), *range(0xFE8D, 0xFEA0)]]
_COMBINING = [chr(c) for c in [*range(0x0300, 0x0310), *range(0x064B, 0x0660), 0x0670, 0x06D6,
                               0x08F0, 0x20DD]]
_DIGITS = list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
_PUNCT = list('.!?؟…«»"“”\'‘’,،؛:;-–—/()[]%٪٫٬*')
_SPACES = list(" \n\n\t\r\u00a0\u2009\u202f\u3000\u2028\u0085")
_CONTROLS = [chr(c) for c in [*range(0, 32), 0x7F, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
                              0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2069, 0xFEFF,
                              0x00AD, 0x0640, 0x061C, 0xFFFD]]
_EMOJI = ["😀", "👍", "🏽", "🇸", "🇦", "\u200d", "\U0001F600", "\U000E0001", "\ufe0f"]
_SURROGATES = [chr(c) for c in (0xD800, 0xDBFF, 0xDC00, 0xDFFF)]

# Characters a text may hold: every kind the normaliser handles, and anything else Unicode has.
CHARS = st.one_of(
    st.sampled_from(_ARABIC),
    st.sampled_from(_PRESENTATION),
    st.sampled_from(_COMBINING),
    st.sampled_from(_DIGITS),
    st.sampled_from(_PUNCT),
    st.sampled_from(_SPACES),
    st.sampled_from(_CONTROLS),
    st.sampled_from(_EMOJI),
    st.characters(codec="ascii"),
    st.characters(),
)
ANY_CHARS = st.one_of(CHARS, st.sampled_from(_SURROGATES))

# --- words from the lexicons ----------------------------------------------------------------

_WORDS = sorted(
    {*LEX, *MONTHS1, *MONTHS, *WEEKDAYS, *ORDINALS, *RELATIVE, *UNITS,
     *(" ".join(k) for k in QUAL_PRE), *(" ".join(k) for k in QUAL_POST),
     "منذ", "قبل", "بين", "من", "إلى", "حتى", "و", "عام", "العام", "الماضي", "المقبل", "الساعة",
     "هـ", "م", "نحو", "أكثر من", "أقل من", "حوالي", "قرابة", "بالمئة", "في المائة", "%",
     "ألف", "آلاف", "ألفي", "مليون", "ملايين", "مليار", "عشرات", "مئات", "نصف", "ربع",
     "قتيلا", "شخصا", "دولار", "قال", "بحسب", "وفقا لـ", "أمس", "اليوم", "الأحد", "يناير",
     "كانون الثاني", "رمضان", "1435", "2014", "2024/05/01", "12:30", "1-2", "1/2", "٣٬٥٠٠"}
)
_SEPARATORS = [" ", " ", " ", "", "\n", "-", "/", " و", "، ", ". ", " - ", ":", ",", "."]
_DIGIT_RUNS = st.text(alphabet="0123456789", min_size=1, max_size=30)
_NUMBER_LIKE = st.builds(
    lambda parts, seps: "".join(p + s for p, s in zip(parts, seps, strict=False)),
    st.lists(st.text(alphabet="0123456789", min_size=1, max_size=4), min_size=1, max_size=12),
    st.lists(st.sampled_from([",", ".", "٬", "٫", "/", "-", ":"]), min_size=0, max_size=12),
)
TOKENS = st.one_of(st.sampled_from(_WORDS), _DIGIT_RUNS, _NUMBER_LIKE)


@st.composite
def lexicon_text(draw: st.DrawFn, max_tokens: int = 40) -> str:
    """A run of number words, multipliers, qualifiers, month and time words and digits."""
    words = draw(st.lists(TOKENS, max_size=max_tokens))
    seps = draw(st.lists(st.sampled_from(_SEPARATORS), min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps, strict=True))


# Texts: random characters, lexicon runs, and the two interleaved.
TEXTS = st.one_of(
    st.text(alphabet=CHARS, max_size=200),
    lexicon_text(),
    st.builds(lambda a, b, c: a + b + c, lexicon_text(max_tokens=10),
              st.text(alphabet=CHARS, max_size=20), lexicon_text(max_tokens=10)),
)

# --- text layer ---------------------------------------------------------------------------


def check_normalize(text: str) -> None:
    norm = normalize(text)
    n = len(norm.light)
    assert norm.original is text
    assert len(norm.folded) == n
    assert light(text) == norm.light
    assert fold(text) == norm.folded
    previous = 0
    for i in range(n + 1):
        o = norm.to_original(i)
        assert 0 <= o <= len(text), (i, o)
        assert o >= previous, (i, o, previous)
        previous = o
    pairs = [(s, e) for s in range(n + 1) for e in range(s, n + 1)] if n <= 12 else [
        (0, n), (0, 0), (n // 3, n // 2), (n // 2, n), (n, n), (n - 1, n)]
    for s, e in pairs:
        os_, oe = norm.span_to_original(s, e)
        assert 0 <= os_ <= oe <= len(text), (s, e, os_, oe)


def check_sentences(text: str) -> None:
    spans = split_sentences(text)
    covered = [0] * len(text)
    end = 0
    for span in spans:
        assert end <= span.start < span.end <= len(text), (span, end)
        chunk = text[span.start : span.end]
        assert chunk == chunk.strip(), span
        for i in range(span.start, span.end):
            covered[i] += 1
        end = span.end
    for i, c in enumerate(text):
        if not c.isspace():
            assert covered[i] == 1, (i, c, spans)


def check_tokens(text: str) -> None:
    end = 0
    for token in tokenize(text):
        assert end <= token.start < token.end <= len(text), (token, end)
        assert text[token.start : token.end] == token.text
        assert token.light and len(token.light) == len(token.folded)
        assert isinstance(token.key, str)
        end = token.end


# --- extractors ---------------------------------------------------------------------------


def _finite(x: float | None) -> bool:
    return x is None or math.isfinite(x)


def _check_expr(text: str, e: object, numeric: bool = True) -> None:
    start, end = e.start, e.end  # type: ignore[attr-defined]
    assert 0 <= start <= end <= len(text), (start, end)
    assert text[start:end] == e.text  # type: ignore[attr-defined]
    for name in ("value", "low", "high") if numeric else ():
        assert _finite(getattr(e, name)), (name, e)


def check_numbers(text: str) -> None:
    for expr in find_numbers(text):
        _check_expr(text, expr)
    first = parse_number(text)
    if first is not None:
        _check_expr(text, first)


def check_figures(text: str) -> None:
    for fig in extract_figures("d", text, PUBLISHED):
        _check_expr(text, fig)
        if fig.source_span is not None:
            s, e = fig.source_span
            assert 0 <= s <= e <= len(text)
        fig.to_dict()


def check_times(text: str) -> None:
    for published in (PUBLISHED, None):
        for item in extract_times("d", text, published):
            _check_expr(text, item, numeric=False)
            assert item.value is None or isinstance(item.value, str)
            item.to_dict()


# --- readers ------------------------------------------------------------------------------

_GOOD = "قال المتحدث إن عدد القتلى بلغ ثلاثين شخصا في المدينة أمس بحسب مصادر محلية مطلعة."


def _json_line(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass")


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(alphabet=ANY_CHARS),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                 max_size=3),
    max_leaves=8,
)
_RECORDS = st.fixed_dictionaries(
    {"text": st.one_of(st.just(_GOOD), TEXTS, _JSON_VALUES)},
    optional={"id": _JSON_VALUES, "title": _JSON_VALUES, "source": _JSON_VALUES,
              "url": _JSON_VALUES, "published": st.one_of(_JSON_VALUES, st.just("2024-02-30"))},
)
JSONL_LINES = st.one_of(
    _RECORDS.map(_json_line),
    _JSON_VALUES.map(_json_line),
    st.binary(max_size=300),
    st.builds(lambda d: b"[" * d + b"]" * d, st.integers(1, 30_000)),
    st.builds(lambda d: b'{"text":' * d, st.integers(1, 30_000)),
    st.builds(lambda n: b'{"text": "' + b"a" * n + b'"}', st.integers(0, 3000)),
    st.sampled_from([b"NaN", b'{"text": NaN}', b'{"text": Infinity}', b'{"text": "\\ud800"}',
                     b'{"text": "\xff\xfe"}', b"{", b"", b"\r", b"\xef\xbb\xbf{}", b"null",
                     b'{"text": "' + _GOOD.encode() + b'", "id": 1e999}']),
).map(lambda line: line.replace(b"\n", b" "))

# Tiny record limit so that "huge" lines cost little: 0.002 MB is 2097 bytes.
FUZZ_OPTIONS = IngestOptions(max_record_mb=0.002)


def _check_item(item: object) -> None:
    assert isinstance(item, Document | Rejected), item
    if isinstance(item, Rejected):
        assert item.reason and "\n" not in item.reason, item
    else:
        assert item.text and item.text.encode("utf-8")


def check_jsonl(lines: list[bytes]) -> None:
    data = b"\n".join(lines) + b"\n"
    items = list(read_jsonl("fuzz.jsonl", io.BytesIO(data), FUZZ_OPTIONS))
    expected = [n for n, line in enumerate(lines, 1)
                if (line.removeprefix(b"\xef\xbb\xbf") if n == 1 else line).strip()]
    assert len(items) == len(expected), (len(items), len(expected))
    for item in items:
        _check_item(item)
        if isinstance(item, Rejected):
            assert item.path.startswith("fuzz.jsonl:")


_TAGS = ["html", "body", "div", "p", "span", "a", "script", "style", "table", "td", "article",
         "main", "h1", "br", "meta", "!--", "![CDATA[", "?xml", "!DOCTYPE html", "noscript"]
_HTML_PIECES = st.one_of(
    st.sampled_from(_TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(_TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from(_TAGS).map(lambda t: f"<{t}"),
    st.builds(lambda t, n: f'<{t} class="{"x" * n}">', st.sampled_from(_TAGS),
              st.integers(0, 20_000)),
    st.sampled_from(["<", ">", "&", "&#x", "&#1234567;", "&amp", '"', "'", "=", "-->", "]]>",
                     '<meta charset="windows-1256">', '<meta charset="nonsense">']),
    st.just(_GOOD),
    TEXTS,
)
HTML_PAGES = st.one_of(
    st.lists(_HTML_PIECES, max_size=30).map(lambda parts: "".join(parts).encode("utf-8",
                                                                               "surrogatepass")),
    st.binary(max_size=500),
    st.builds(lambda d: (b"<html><body>" + b"<div>" * d + _GOOD.encode() + b"</div>" * d),
              st.integers(0, 3000)),
)


def check_html(page: bytes) -> None:
    _check_item(html_document(page, Source("fuzz.html", "html")))


_FEED_PIECES = st.one_of(
    st.sampled_from(['<?xml version="1.0"?>', '<rss version="2.0">', "<channel>", "<item>",
                     "</item>", "<title>", "</title>", "<description>", "</description>",
                     '<feed xmlns="http://www.w3.org/2005/Atom">', "<entry>", "</entry>",
                     "<content type=\"html\">", "</content>", "<pubDate>", "</pubDate>",
                     "<![CDATA[", "]]>", "&lt;p&gt;", "&amp;", "&nbsp;", "&#0;", "&#xD800;",
                     "<link>http://x/</link>", "Mon, 32 Foo 2024", "2024-02-30T25:00:00Z"]),
    _HTML_PIECES,
)
FEEDS = st.one_of(
    st.lists(_FEED_PIECES, max_size=40).map(lambda parts: "".join(parts).encode("utf-8",
                                                                               "surrogatepass")),
    st.binary(max_size=300).map(lambda junk: b"<rss><channel><item><description>" + junk),
)


def check_feed(data: bytes) -> None:
    for item in read_feed("fuzz.xml", data):
        _check_item(item)


def check_text_file(data: bytes) -> None:
    _check_item(text_document("fuzz.txt", data))


# --- timing -------------------------------------------------------------------------------


def timed(check: Callable[[object], None], value: object, limit_s: float) -> float:
    """Run `check(value)`, assert it took under `limit_s` seconds of CPU, return the time.

    CPU time of this process, not wall time: other work on the machine does not count.
    """
    start = time.process_time()
    check(value)
    elapsed = time.process_time() - start
    assert elapsed < limit_s, f"{check.__name__} took {elapsed:.2f} s on {str(value)[:80]!r}"
    return elapsed
