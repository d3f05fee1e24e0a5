"""Small pieces behind the pages: date filters, safe upload names, settings validation."""

from __future__ import annotations

import pytest

from marsad.errors import OptionError
from marsad.web.pages import safe_url
from marsad.web.settings import Settings
from marsad.web.upload import safe_name
from marsad.web.views import date_bounds, in_dates


@pytest.mark.parametrize(("value", "expected"), [
    ("2024", ("2024-00-00", "2024-99-99")),
    ("2024-03", ("2024-03-00", "2024-03-99")),
    ("2024-03-12", ("2024-03-12", "2024-03-12")),
    ("2024-03-01/2024-03-15", ("2024-03-01", "2024-03-15")),
    (None, None),
])
def test_views_date_bounds(value, expected) -> None:
    assert date_bounds(value) == expected


@pytest.mark.parametrize(("value", "date_from", "date_to", "kept"), [
    ("2024-03-12", "2024-03-01", "2024-03-31", True),
    ("2024-03-12", "2024-03-13", None, False),
    ("2024", "2024-06-01", "2024-06-30", True),
    ("2024-03", None, "2024-02-28", False),
    ("2024-03-01/2024-03-15", "2024-03-10", None, True),
    (None, "2024-01-01", None, False),
    (None, None, None, True),
    ("2024-05-01", None, "2024", True),
    ("2024-05-01", "2024-05", "2024-05", True),
    ("2025-01-01", None, "2024", False),
    ("2023-12-31", "2024", None, False),
])
def test_views_in_dates(value, date_from, date_to, kept: bool) -> None:
    assert in_dates(value, date_from, date_to) is kept


@pytest.mark.parametrize(("name", "expected"), [
    ("../../etc/passwd", "passwd"),
    ("..\\..\\win.ini", "win.ini"),
    ("/abs/path/a.jsonl", "a.jsonl"),
    (".hidden", "hidden"),
    ("مقال الشعفة.txt", "مقال_الشعفة.txt"),
    ("a;rm -rf *.warc.gz", "a_rm_-rf_.warc.gz"),
    ("", "upload"),
    ("..", "upload"),
    (None, "upload"),
])
def test_upload_safe_name(name, expected: str) -> None:
    assert safe_name(name) == expected


@pytest.mark.parametrize(("url", "linked"), [
    ("https://alsahl.example.org/a", True), ("http://x.example/b", True),
    ("javascript:alert(1)", False), (" JavaScript:alert(1)", False),
    ("data:text/html,<b>", False), ("", False), (None, False),
])
def test_pages_only_http_urls_become_links(url, linked: bool) -> None:
    assert safe_url(url) is linked


@pytest.mark.parametrize("options", [{"max_upload_mb": 0}, {"max_request_kb": -1},
                                     {"page_size": 500}, {"token": "  "}])
def test_settings_reject_wrong_values(options: dict) -> None:
    with pytest.raises(OptionError):
        Settings(**options)
