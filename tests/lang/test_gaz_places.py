"""The places gazetteer: shape, normal forms, uniqueness and a spot-check of coordinates."""

from __future__ import annotations

import pytest

from marsad.lang import load_table
from marsad.text.normalize import fold, light

TYPES = {"GPE", "LOC", "FAC"}

ROWS = load_table("gaz_places.tsv")

# Well-known places: (surface, type, lat, lon, country). Coordinates within 1.5 degrees.
SPOT_CHECKS = [
    ("دمشق", "GPE", 33.5, 36.3, "سوريا"),
    ("بغداد", "GPE", 33.3, 44.4, "العراق"),
    ("القاهرة", "GPE", 30.0, 31.2, "مصر"),
    ("الرياض", "GPE", 24.7, 46.7, "السعودية"),
    ("بيروت", "GPE", 33.9, 35.5, "لبنان"),
    ("الموصل", "GPE", 36.3, 43.1, "العراق"),
    ("دير الزور", "GPE", 35.3, 40.1, "سوريا"),
    ("الرقة", "GPE", 35.9, 39.0, "سوريا"),
    ("حلب", "GPE", 36.2, 37.2, "سوريا"),
    ("البوكمال", "GPE", 34.5, 40.9, "سوريا"),
    ("الباغوز", "GPE", 34.4, 40.9, "سوريا"),
    ("الفلوجة", "GPE", 33.3, 43.8, "العراق"),
    ("عمان", "GPE", 31.9, 35.9, "الأردن"),
    ("غزة", "GPE", 31.5, 34.5, "فلسطين"),
    ("صنعاء", "GPE", 15.4, 44.2, "اليمن"),
    ("طرابلس", "GPE", 32.9, 13.2, "ليبيا"),
    ("الخرطوم", "GPE", 15.6, 32.5, "السودان"),
    ("الرباط", "GPE", 34.0, -6.8, "المغرب"),
    ("طهران", "GPE", 35.7, 51.4, "إيران"),
    ("أنقرة", "GPE", 39.9, 32.9, "تركيا"),
    ("واشنطن", "GPE", 38.9, -77.0, "الولايات المتحدة"),
    ("موسكو", "GPE", 55.8, 37.6, "روسيا"),
    ("مخيم الهول", "FAC", 36.4, 41.1, "سوريا"),
    ("قاعدة حميميم", "FAC", 35.4, 35.9, "سوريا"),
    ("مضيق هرمز", "LOC", 26.6, 56.3, ""),
]

# Variants that must point to their canonical form.
VARIANTS = [
    ("أمريكا", "الولايات المتحدة"),
    ("أميركا", "الولايات المتحدة"),
    ("الإمارات", "الإمارات العربية المتحدة"),
    ("دولة الإمارات", "الإمارات العربية المتحدة"),
    ("بيرمنغهام", "برمنغهام"),
    ("جنيفا", "جنيف"),
    ("ميونخ", "ميونيخ"),
    ("كوباني", "عين العرب"),
    ("سد الطبقة", "سد الفرات"),
]


def _by_surface() -> dict[str, tuple[str, ...]]:
    return {row[0]: row for row in ROWS}


def test_enough_rows() -> None:
    assert len(ROWS) >= 2000


def test_six_columns() -> None:
    bad = [row for row in ROWS if len(row) != 6]
    assert not bad, bad[:5]


def test_types() -> None:
    bad = [row for row in ROWS if row[2] not in TYPES]
    assert not bad, bad[:5]


def test_surfaces_are_light() -> None:
    bad = [row[0] for row in ROWS if not row[0] or light(row[0]) != row[0]]
    assert not bad, bad[:5]


def test_canonicals_are_light() -> None:
    bad = [row[1] for row in ROWS if light(row[1]) != row[1]]
    assert not bad, bad[:5]


def test_fold_keys_unique() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for row in ROWS:
        key = fold(row[0])
        if key in seen:
            clashes.append((seen[key], row[0]))
        seen[key] = row[0]
    assert not clashes, clashes[:5]


def test_every_canonical_has_its_own_row() -> None:
    rows = _by_surface()
    bad = [row for row in ROWS if row[1] not in rows or rows[row[1]][1] != row[1]]
    assert not bad, bad[:5]


def test_variants_agree_with_their_canonical() -> None:
    rows = _by_surface()
    bad = [
        row
        for row in ROWS
        if row[0] != row[1] and (row[2], row[3], row[4], row[5]) != rows[row[1]][2:]
    ]
    assert not bad, bad[:5]


def test_country_column_names_a_canonical_country() -> None:
    rows = _by_surface()
    bad = [row for row in ROWS if row[5] and (row[5] not in rows or rows[row[5]][1] != row[5])]
    assert not bad, bad[:5]


def _coordinates_ok(lat: str, lon: str) -> bool:
    if not lat and not lon:
        return True
    if not lat or not lon:
        return False
    return -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180


def test_coordinates_in_range() -> None:
    bad = [row for row in ROWS if not _coordinates_ok(row[3], row[4])]
    assert not bad, bad[:5]


def test_most_gpe_rows_have_coordinates() -> None:
    gpe = [row for row in ROWS if row[2] == "GPE"]
    located = [row for row in gpe if row[3] and row[4]]
    assert len(located) >= 0.9 * len(gpe)


def test_no_clitic_or_generic_surfaces() -> None:
    generic = {"مدينة", "الشمال", "الجنوب", "الشرق", "الغرب", "منطقة", "محافظة", "ولاية"}
    assert not generic & {row[0] for row in ROWS}


@pytest.mark.parametrize(("surface", "kind", "lat", "lon", "country"), SPOT_CHECKS)
def test_spot_check(surface: str, kind: str, lat: float, lon: float, country: str) -> None:
    row = _by_surface()[surface]
    assert row[2] == kind
    assert row[5] == country
    assert abs(float(row[3]) - lat) <= 1.5
    assert abs(float(row[4]) - lon) <= 1.5


@pytest.mark.parametrize(("surface", "canonical"), VARIANTS)
def test_variant(surface: str, canonical: str) -> None:
    assert _by_surface()[surface][1] == canonical
