"""Language data lives in files beside this module; this loader reads them once.

Files are UTF-8 TSV: one entry per line, `#` starts a comment line, blank lines are skipped.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def _lines(lang: str, name: str) -> list[str]:
    text = resources.files(__package__).joinpath(lang, name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def load_words(name: str, lang: str = "ar") -> frozenset[str]:
    """The first column of every line of `lang/name`, as a set."""
    return frozenset(line.split("\t")[0].strip() for line in _lines(lang, name))


@cache
def load_table(name: str, lang: str = "ar") -> tuple[tuple[str, ...], ...]:
    """Every line of `lang/name` split on tabs, columns stripped."""
    return tuple(tuple(col.strip() for col in line.split("\t")) for line in _lines(lang, name))


def data_files(lang: str = "ar") -> list[str]:
    """Names of all data files of one language, for tests that check every entry."""
    folder = resources.files(__package__).joinpath(lang)
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tsv", ".txt")))
