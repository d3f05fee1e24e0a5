"""Fixtures for the web tests: one database of examples/ plus a document full of XSS payloads,
analysed once per session, and a TestClient over it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.pipeline import analysis_of, analyze, stored_items
from marsad.store import open_store
from marsad.web.app import create_app
from marsad.web.settings import Settings

TOKEN = "test-token-123"
XSS_ID = "xss-<script>alert(1)</script>"
PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    "</textarea><script>alert(4)</script>",
    '"><script>alert(5)</script>',
    "javascript:alert(6)",
    "<a href=\"javascript:alert(7)\">انقر</a>",
    "<iframe src=javascript:alert(8)></iframe>",
)
P = PAYLOADS
XSS_RECORD = {
    "id": XSS_ID,
    "url": "javascript:alert(9)",
    "source": f"وكالة الاختبار {P[2]}",
    "title": f"عنوان خبيث {P[0]} عن مدينة الحديدة {P[1]}",
    "published": "2024-05-02",
    "text": (
        f"أعلنت وزارة الصحة في مدينة الحديدة {P[0]} أن 12 شخصاً قتلوا يوم الأربعاء. "
        f"وقال المتحدث باسم الوزارة أحمد سالم العبسي إن \"الوضع خطير {P[1]} ويحتاج إلى تدخل "
        f"عاجل {P[2]}\". وأضاف العبسي أن {P[3]} عدد النازحين بلغ نحو ألفي شخص {P[4]}. "
        f"وقالت منظمة الإغاثة {P[5]} إن \"المساعدات {P[6]} لم تصل بعد {P[7]}\".\n\n"
        f"وتشهد الحديدة منذ أسابيع موجة نزوح {P[1]} نحو صنعاء."
    ),
}


def build_db(folder: Path, examples: Path) -> Path:
    """examples/ and the XSS document analysed into folder/marsad.db (with report.html)."""
    xss = folder / "input" / "xss.jsonl"
    xss.parent.mkdir(parents=True)
    xss.write_text(json.dumps(XSS_RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    result = analyze([examples, xss], folder / "out")
    assert result.analysed >= 10
    return folder / "out" / "marsad.db"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    return build_db(tmp_path_factory.mktemp("web"), examples_dir)


@pytest.fixture(scope="session")
def report_html(web_db: Path) -> Path:
    return web_db.parent / "report.html"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings(token=TOKEN, max_upload_mb=1, max_request_kb=16)


@pytest.fixture(scope="session")
def client(web_db: Path, settings: Settings) -> TestClient:
    return TestClient(create_app(web_db, settings))


@pytest.fixture(scope="session")
def analysis(client: TestClient, web_db: Path) -> dict:
    """The whole store's analysis held in memory, the reference for what the app (which
    holds only the cross-document layer) shows."""
    with open_store(web_db) as store:
        documents = list(store.documents())
        items = stored_items(store)
    return analysis_of(documents, [], items)


@pytest.fixture
def fresh_db(tmp_path: Path, web_db: Path) -> Path:
    """A copy of the session database that a test may write to."""
    copy = tmp_path / "copy.db"
    shutil.copy(web_db, copy)
    for suffix in ("-wal", "-shm"):
        side = web_db.with_name(web_db.name + suffix)
        if side.exists():
            shutil.copy(side, copy.with_name(copy.name + suffix))
    return copy


@pytest.fixture
def upload_client(fresh_db: Path, settings: Settings) -> TestClient:
    return TestClient(create_app(fresh_db, settings))


@pytest.fixture(scope="session")
def shaafa_story(analysis: dict) -> dict:
    """The story of the Syrian examples (the one about الشعفة)."""
    return next(s for s in analysis["stories"] if "الشعفة" in s["title"])
