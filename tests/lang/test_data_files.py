"""Every language data file: entries in light form, no duplicate matching keys."""

from __future__ import annotations

import pytest

from marsad.lang import _lines, data_files
from marsad.text.normalize import fold, light

FILES = data_files("ar")


def test_data_files_exist() -> None:
    assert "months.tsv" in FILES and "weekdays.tsv" in FILES


@pytest.mark.parametrize("name", FILES)
def test_data_file_entries_pass_the_normaliser_unchanged(name: str) -> None:
    changed = [
        line for line in _lines("ar", name)
        for column in line.split("\t")
        if column.strip() and light(column.strip()) != column.strip()
    ]
    assert changed == [], f"{name}: entries not in light form: {changed[:5]}"


@pytest.mark.parametrize("name", FILES)
def test_data_file_first_column_has_no_duplicate_keys(name: str) -> None:
    seen: dict[str, str] = {}
    duplicates = []
    for line in _lines("ar", name):
        entry = line.split("\t")[0].strip()
        key = fold(entry)
        if key in seen:
            duplicates.append((seen[key], entry))
        seen[key] = entry
    assert duplicates == [], f"{name}: entries sharing a matching key: {duplicates[:5]}"
