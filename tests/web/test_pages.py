"""Pages for people: the story list, a story, an entity, a document and search."""

from __future__ import annotations

import html
import re
from urllib.parse import quote, unquote, urlsplit

import pytest


def test_pages_story_list_shows_every_story(client, analysis) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<html lang="ar" dir="rtl">' in page.text
    for story in analysis["stories"]:
        assert html.escape(story["title"], quote=False) in page.text
        assert f'href="/stories/{quote(story["id"], safe="")}"' in page.text


def test_pages_story_shows_summary_timeline_series_quotes_and_chips(client, analysis,
                                                                       shaafa_story) -> None:
    page = client.get(f"/stories/{quote(shaafa_story['id'], safe='')}").text
    assert html.escape(shaafa_story["title"], quote=False) in page
    for line in shaafa_story["summary"]:
        assert f'href="/documents/{quote(line["doc"], safe="")}#s-{line["start"]}"' in page
    assert "الخط الزمني" in page and "سلاسل الأرقام" in page
    assert page.count('<figure class="chart"><svg') >= 2  # the timeline and a series chart
    if any(s["disagreement"] for s in shaafa_story["series"]):
        assert "تعارض بين المصادر" in page and 'class="series disagree"' in page
    docs = set(shaafa_story["documents"])
    quote_ = next(q for q in analysis["quotes"] if q["doc"] in docs)
    assert html.escape(quote_["text"], quote=False) in page
    for entity in shaafa_story["entities"][:5]:
        assert f'href="/entities/{quote(entity["id"], safe="")}"' in page


def test_pages_every_quote_link_lands_on_an_anchor(client, shaafa_story) -> None:
    page = client.get(f"/stories/{quote(shaafa_story['id'], safe='')}").text
    links = re.findall(r'href="(/documents/[^"#]+)#([qsfe]-\d+)"', page)
    assert links
    pages: dict[str, str] = {}
    for path, anchor in links:
        text = pages.setdefault(path, client.get(unquote(path)).text)
        assert f'id="{anchor}"' in text, (path, anchor)


def test_pages_document_highlights_items_at_their_offsets(client, analysis) -> None:
    quote_ = analysis["quotes"][0]
    doc = next(d for d in analysis["documents"] if d["id"] == quote_["doc"])
    page = client.get(f"/documents/{quote(doc['id'], safe='')}").text
    anchor = f'<span class="anchor" id="q-{quote_["start"]}"></span>'
    assert anchor in page
    after = re.sub(r"<[^>]+>", "", page.split(anchor, 1)[1])
    assert html.unescape(after).startswith(quote_["text"][:20])
    for css in ("ent ent-", '"quote"', '"fig"', '"time"'):
        assert css in page


def test_pages_entity_shows_mentions_in_context_quotes_and_stories(client, analysis) -> None:
    speaker = next(q["speaker"]["entity"] for q in analysis["quotes"]
                   if (q.get("speaker") or {}).get("entity"))
    entity = next(e for e in analysis["entities"] if e["id"] == speaker)
    page = client.get(f"/entities/{quote(entity['id'], safe='')}").text
    assert html.escape(entity["name"], quote=False) in page
    assert page.count('class="ctx"') == len(entity["mentions"])
    assert "أقواله" in page
    said = next(q for q in analysis["quotes"] if (q.get("speaker") or {}).get("entity") == speaker)
    assert html.escape(said["text"], quote=False) in page


@pytest.mark.parametrize("query", ["الشعفة", "بالشعفة"])
def test_pages_search_shows_ranked_marked_snippets(client, query: str) -> None:
    page = client.get("/search", params={"q": query}).text
    api = client.get("/api/search", params={"q": query}).json()
    assert f"{api['total']} نتيجة" in page
    found = re.findall(r'class="hit" data-doc="([^"]+)"', page)
    assert [html.unescape(d) for d in found] == [h["doc"] for h in api["items"]]
    assert "<mark>" in page


def test_pages_search_without_query_is_a_form(client) -> None:
    page = client.get("/search")
    assert page.status_code == 200 and 'name="q"' in page.text


@pytest.mark.parametrize("path", ["/stories/none", "/entities/none", "/documents/none",
                                  "/nothing-here"])
def test_pages_unknown_ids_are_404_pages(client, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")


def test_pages_links_stay_on_the_site(client, shaafa_story) -> None:
    for path in ("/", f"/stories/{quote(shaafa_story['id'], safe='')}"):
        for href in re.findall(r'href="([^"]+)"', client.get(path).text):
            assert href.startswith(("/", "#")) or urlsplit(href).scheme in ("http", "https")


def test_pages_every_story_entity_and_document_renders(client, analysis) -> None:
    for kind, path in (("stories", "stories"), ("entities", "entities"),
                       ("documents", "documents")):
        for item in analysis[kind]:
            page = client.get(f"/{path}/{quote(item['id'], safe='')}")
            assert page.status_code == 200, (kind, item["id"])
