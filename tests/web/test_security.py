"""Security: nothing from an article executes, headers, the upload's token and size limits."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from marsad.web.app import create_app
from marsad.web.settings import Settings
from tests.web.conftest import PAYLOADS, TOKEN, XSS_ID

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
JSONL = {"Content-Type": "application/x-ndjson"}
ARTICLE = ("أعلنت السلطات في مدينة تعز أن 30 شخصاً أصيبوا في قصف استهدف سوقاً شعبية يوم الأحد. "
           "وقال مدير مكتب الصحة في المحافظة إن \"المستشفيات تعمل بكامل طاقتها\".")


class Tags(HTMLParser):
    """Every tag and attribute of a page, as the browser would parse them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def assert_inert(page: str) -> None:
    """No script, no event handler, no javascript: URL, no tag an article could inject."""
    parser = Tags()
    parser.feed(page)
    allowed = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3",
               "h4", "nav", "a", "form", "input", "button", "main", "footer", "p", "section",
               "table", "thead", "tbody", "tr", "th", "td", "span", "ol", "ul", "li", "article",
               "caption", "strong", "small", "code", "div", "mark",
               # the charts: inline SVG drawn by marsad itself, never markup from an article
               "figure", "svg", "g", "path", "text", "defs", "clippath", "use", "rect",
               "metadata", "rdf:rdf", "cc:work", "cc:agent", "dc:type", "dc:format",
               "dc:title", "dc:creator"}
    for tag, attrs in parser.tags:
        assert tag in allowed, tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert not (value or "").strip().lower().startswith(("javascript:", "data:")), value
    for payload in PAYLOADS:
        if "<" in payload:
            assert payload not in page


def xss_pages(analysis: dict) -> list[str]:
    doc = quote(XSS_ID, safe="")
    story = next(s["id"] for s in analysis["stories"] if XSS_ID in s["documents"])
    entities = [e["id"] for e in analysis["entities"]
                if any(m["doc"] == XSS_ID for m in e["mentions"])]
    return (["/", f"/documents/{doc}", f"/stories/{quote(story, safe='')}",
             "/search?q=الحديدة", "/search?q=" + quote("<script>alert(1)</script>"),
             "/stories/" + quote("<script>alert(1)</script>", safe="")]
            + [f"/entities/{quote(e, safe='')}" for e in entities])


def test_security_xss_payloads_render_inert(client, analysis) -> None:
    pages = xss_pages(analysis)
    assert len(pages) > 6
    for path in pages:
        page = client.get(path).text
        assert_inert(page)
    doc_page = client.get(f"/documents/{quote(XSS_ID, safe='')}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc_page
    assert "&lt;svg onload=alert(3)&gt;" in doc_page
    assert 'href="javascript:' not in doc_page and "javascript:alert(9)" in doc_page


def test_security_search_snippet_is_escaped(client) -> None:
    hits = client.get("/api/search", params={"q": "الحديدة"}).json()["items"]
    snippet = next(h["snippet"] for h in hits if h["doc"] == XSS_ID)
    assert "<" not in snippet.replace("<mark>", "").replace("</mark>", "")


@pytest.mark.parametrize("path", ["/", "/api/stories", "/openapi.json", "/nope", "/api/nope",
                                  "/search?q=x"])
def test_security_headers_on_every_response(client, path: str) -> None:
    headers = client.get(path).headers
    assert headers["content-security-policy"] == CSP
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_security_no_external_assets(client, shaafa_story) -> None:
    for path in ("/", f"/stories/{quote(shaafa_story['id'], safe='')}"):
        parser = Tags()
        parser.feed(client.get(path).text)
        assert not [t for t, _ in parser.tags if t in ("script", "link", "img", "iframe")]
        assert not [a for _, attrs in parser.tags for a, _ in attrs if a == "src"]


def test_security_interactive_docs_are_off(client) -> None:
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404


# the upload ------------------------------------------------------------------------------


def record(**fields: str) -> bytes:
    return (json.dumps({"text": ARTICLE, **fields}, ensure_ascii=False) + "\n").encode()


def test_upload_without_token_is_401(upload_client) -> None:
    response = upload_client.post("/api/documents", content=record(), headers=JSONL)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("auth", ["Bearer wrong", "Bearer " + TOKEN + "x", "Basic " + TOKEN])
def test_upload_with_wrong_token_is_refused(upload_client, auth: str) -> None:
    response = upload_client.post("/api/documents", content=record(),
                                  headers={**JSONL, "Authorization": auth})
    assert response.status_code in (401, 403)
    if auth.startswith("Bearer"):
        assert response.status_code == 403


def test_upload_disabled_without_server_token(fresh_db: Path) -> None:
    client = TestClient(create_app(fresh_db, Settings(token=None)))
    response = client.post("/api/documents", content=record(), headers={**JSONL, **AUTH})
    assert response.status_code == 403 and "disabled" in response.json()["detail"]


def test_upload_token_from_environment(monkeypatch) -> None:
    monkeypatch.setenv("MARSAD_TOKEN", "from-env")
    assert Settings.from_env().token == "from-env"
    assert Settings.from_env("given").token == "given"
    monkeypatch.delenv("MARSAD_TOKEN")
    assert Settings.from_env().token is None


def test_upload_jsonl_is_analysed_into_the_same_database(upload_client) -> None:
    body = record(id="taiz-1", source="وكالة تجريبية", published="2024-06-02",
                  title="قصف سوق في تعز") + b"not json\n"
    response = upload_client.post("/api/documents", content=body, headers={**JSONL, **AUTH})
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["documents"] == 1 and result["added"] == 1 and result["analysed"] == 1
    assert len(result["rejected"]) == 1 and "JSON" in result["rejected"][0]["reason"]
    assert "marsad-upload-" not in json.dumps(result)
    doc = upload_client.get("/api/documents/taiz-1").json()
    assert doc["source"] == "وكالة تجريبية"
    assert upload_client.get("/api/search", params={"q": "بتعز"}).json()["items"][0]["doc"] \
        == "taiz-1"
    again = upload_client.post("/api/documents", content=body, headers={**JSONL, **AUTH})
    assert again.json()["added"] == 0


def test_upload_multipart_files_stay_in_their_folder(upload_client, tmp_path: Path) -> None:
    files = [
        ("files", ("../../../evil.txt", ARTICLE.encode(), "text/plain")),
        ("files", ("more.jsonl", record(id="taiz-2"), "application/octet-stream")),
        ("files", ("empty.txt", b"", "text/plain")),
    ]
    response = upload_client.post("/api/documents", files=files, headers=AUTH)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["documents"] == 2
    assert [r["path"] for r in result["rejected"]] == ["empty.txt"]
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()
    stored = upload_client.get("/api/documents", params={"limit": 200}).json()["items"]
    assert any(d["id"].startswith("evil-") for d in stored)


def test_upload_too_large_by_content_length_is_413(upload_client) -> None:
    body = record() * (1024 * 1024 // len(record()) + 2)
    response = upload_client.post("/api/documents", content=body, headers={**JSONL, **AUTH})
    assert response.status_code == 413


def test_upload_too_large_while_streaming_is_413(upload_client) -> None:
    chunk = record() * 50

    def stream():
        for _ in range(1024 * 1024 // len(chunk) + 2):
            yield chunk

    response = upload_client.post("/api/documents", content=stream(), headers={**JSONL, **AUTH})
    assert response.status_code == 413


def test_other_request_bodies_are_limited(client) -> None:
    response = client.request("GET", "/api/stories", content=b"x" * 20_000)
    assert response.status_code == 413


@pytest.mark.parametrize(("headers", "body", "status"), [
    ({"Content-Type": "text/html"}, b"<p>x</p>", 415),
    (JSONL, b"", 400),
    ({"Content-Type": "multipart/form-data"}, b"--x--", 400),
])
def test_upload_bad_bodies(upload_client, headers: dict, body: bytes, status: int) -> None:
    response = upload_client.post("/api/documents", content=body, headers={**headers, **AUTH})
    assert response.status_code == status
