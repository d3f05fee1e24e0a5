"""A 20 MB adversarial text through the text layer: peak memory stays bounded.

Measured as the growth of the peak resident set (VmHWM) in a fresh interpreter: tracemalloc
slows this code about thirty-fold, too slow for 20 MB in a test run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from marsad.extract.number_lexicon import _LOOKUP_CACHE_MAX, _lookup_cache, lookup
from marsad.text.normalize import normalize
from marsad.text.tokens import _HOT, _recent_tokens, segment, tokenize

REPO = Path(__file__).resolve().parents[2]
MB = 2**20
# Clitics, number words, Arabic-Indic digits and separators, a ligature, guillemets, a
# Persian letter, a lone diacritic, a terminator: every path of normalize and the splitter.
UNIT = "قال ١٢ ألف، ونحو «ﻻ» ۳۰٪ منذ يناير ی َ. "
SCRIPT = """
import sys
from marsad.extract.number_lexicon import _LOOKUP_CACHE_MAX, _lookup_cache, lookup
from marsad.text.normalize import normalize
from marsad.text.sentences import split_sentences
from marsad.text.tokens import tokenize

def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1]) * 1024

unit, size, tokenized = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
text = unit * (size // len(unit.encode()) + 1)
base = peak()
norm = normalize(text)
spans = split_sentences(text, norm)
tokens = tokenize(text[:tokenized], normalize(text[:tokenized]))
assert spans and tokens
print(len(text.encode()), peak() - base)
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc (Linux)")
def test_text_layer_20mb_adversarial_peak_memory_bounded() -> None:
    tokenized = MB  # tokens cost ~600 bytes a word: a 1 MB slice keeps the test quick
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, UNIT, str(20 * MB), str(tokenized)],
        capture_output=True, text=True, cwd=REPO, timeout=120, check=True,
    )
    size, growth = map(int, done.stdout.split())
    assert size >= 20 * MB
    # normalize + sentences over 20 MB, tokens over 1 MB: about 400 MB today.
    assert growth < 800 * MB, f"peak grew {growth / MB:.0f} MB for {size / MB:.0f} MB of text"


def test_tokenize_does_not_keep_tokens_of_a_huge_text_regression() -> None:
    # The last 8 results were kept whatever their size: 8 texts of 1.4 MB held 800 MB after
    # their callers had dropped them (a 20 MB article: ~1.4 GB each).
    text = "قال المتحدث إن ١٢ ألف شخص نزحوا. " * 8000
    _recent_tokens.cache_clear()
    assert tokenize(text) == tokenize(text, normalize(text))
    assert _recent_tokens.cache_info().currsize == 0
    tokenize("نص قصير")
    assert _recent_tokens.cache_info().currsize == 1


def test_tokenize_never_caches_overlong_words_regression() -> None:
    # Every distinct word went into two process-wide caches: 3000 letter runs of 20,000
    # characters kept 370 MB for the life of the process.
    before = segment.cache_info().currsize
    for k in range(50):
        word = "ب" * 5000 + "ت" * k
        (token,) = tokenize(word)
        assert token.text == word and word not in _HOT
    assert segment.cache_info().currsize == before


def test_number_word_lookup_cache_is_bounded_regression() -> None:
    # Every distinct word near a number was remembered for the life of the process.
    for k in range(_LOOKUP_CACHE_MAX + 1000):
        lookup(f"ب{k}")
    assert len(_lookup_cache) <= _LOOKUP_CACHE_MAX
    assert lookup("ثلاثه") is not None  # folded, as the text it reads
