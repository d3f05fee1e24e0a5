"""The REST API: every endpoint, filter, pagination and 404, with TestClient."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.web.conftest import XSS_ID

LISTS = ("stories", "documents", "entities", "quotes", "figures", "events")


@pytest.mark.parametrize("kind", LISTS)
def test_api_lists_are_paginated(client, analysis, kind: str) -> None:
    body = client.get(f"/api/{kind}").json()
    assert set(body) == {"items", "total", "limit", "offset"}
    assert body["total"] == len(analysis[kind]) and body["offset"] == 0
    first = client.get(f"/api/{kind}", params={"limit": 2}).json()["items"]
    second = client.get(f"/api/{kind}", params={"limit": 2, "offset": 2}).json()["items"]
    assert len(first) == 2 and second and {i["id"] for i in first}.isdisjoint(
        i["id"] for i in second)
    past = client.get(f"/api/{kind}", params={"offset": 10_000}).json()
    assert past["items"] == [] and past["total"] == body["total"]


@pytest.mark.parametrize("params", [{"limit": 201}, {"limit": 0}, {"offset": -1},
                                    {"date_from": "yesterday"}])
def test_api_rejects_bad_paging_and_dates(client, params: dict) -> None:
    assert client.get("/api/quotes", params=params).status_code == 422


def test_api_limit_200_is_allowed(client) -> None:
    assert client.get("/api/entities", params={"limit": 200}).status_code == 200


@pytest.mark.parametrize("kind", ["stories", "documents", "entities"])
def test_api_get_by_id_and_404(client, analysis, kind: str) -> None:
    item = analysis[kind][0]
    got = client.get(f"/api/{kind}/{quote(item['id'], safe='')}").json()
    assert got["id"] == item["id"]
    missing = client.get(f"/api/{kind}/no-such-id")
    assert missing.status_code == 404 and "detail" in missing.json()


def test_api_story_has_spec_fields(client, shaafa_story) -> None:
    story = client.get(f"/api/stories/{shaafa_story['id']}").json()
    assert {"id", "title", "documents", "entities", "events", "series", "summary"} <= set(story)
    assert all({"category", "subject", "points", "disagreement"} <= set(s)
               for s in story["series"])
    assert all({"text", "doc", "start", "end"} <= set(line) for line in story["summary"])


def test_api_document_has_text_and_story(client, shaafa_story) -> None:
    doc_id = shaafa_story["documents"][0]
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["story"] == shaafa_story["id"] and doc["text"]
    assert {"id", "title", "source", "url", "published", "published_origin", "path"} <= set(doc)


def test_api_document_id_with_markup_and_slash(client) -> None:
    assert client.get(f"/api/documents/{quote(XSS_ID, safe='')}").json()["id"] == XSS_ID
    assert client.get("/api/documents/a/b/../../etc/passwd").status_code == 404


def test_api_quotes_filters(client, analysis, shaafa_story) -> None:
    docs = set(shaafa_story["documents"])
    items = client.get("/api/quotes", params={"story": shaafa_story["id"], "limit": 200}).json()
    assert items["total"] == sum(q["doc"] in docs for q in analysis["quotes"]) > 0
    speaker = next(q["speaker"]["entity"] for q in analysis["quotes"]
                   if (q.get("speaker") or {}).get("entity"))
    by_speaker = client.get("/api/quotes", params={"entity": speaker}).json()["items"]
    assert by_speaker and all(q["speaker"]["entity"] == speaker for q in by_speaker)
    dated = client.get("/api/quotes", params={"date_from": "2024-08-01", "limit": 200}).json()
    assert dated["items"] and all((q["said_on"] or "9") >= "2024-08" for q in dated["items"]
                                  if q["said_on"])
    none = client.get("/api/quotes", params={"date_to": "1999-12-31"}).json()
    assert none["total"] == 0


def test_api_figures_filter_by_category_and_outlet(client, analysis) -> None:
    killed = client.get("/api/figures", params={"category": "killed", "limit": 200}).json()
    assert killed["total"] == sum(f["category"] == "killed" for f in analysis["figures"]) > 0
    assert all(f["category"] == "killed" for f in killed["items"])
    outlet = "موقع الجسر"
    docs = {d["id"] for d in analysis["documents"] if d["source"] == outlet}
    by_outlet = client.get("/api/figures", params={"outlet": outlet, "limit": 200}).json()
    assert by_outlet["items"] and all(f["doc"] in docs for f in by_outlet["items"])


def test_api_events_filters(client, analysis, shaafa_story) -> None:
    strikes = client.get("/api/events", params={"type": "strike", "limit": 200}).json()
    assert all(e["type"] == "strike" for e in strikes["items"])
    assert strikes["total"] == sum(e["type"] == "strike" for e in analysis["events"])
    march = client.get("/api/events", params={"date_from": "2024-03-01",
                                               "date_to": "2024-03-31", "limit": 200}).json()
    assert march["items"] and all(e["date"] and e["date"][:7] <= "2024-03" and
                                  e["date"].split("/")[-1] >= "2024-03" for e in march["items"])
    story = client.get("/api/events", params={"story": shaafa_story["id"], "limit": 200}).json()
    assert story["total"] == len(shaafa_story["events"])
    place = next(p["entity"] for e in analysis["events"] for p in e["places"] if p.get("entity"))
    at_place = client.get("/api/events", params={"entity": place}).json()["items"]
    assert at_place and all(place in {a.get("entity") for a in e["actors"] + e["places"]}
                            for e in at_place)


def test_api_stories_and_entities_filters(client, analysis, shaafa_story) -> None:
    entity = shaafa_story["entities"][0]["id"]
    stories = client.get("/api/stories", params={"entity": entity}).json()["items"]
    assert shaafa_story["id"] in [s["id"] for s in stories]
    gpe = client.get("/api/entities", params={"type": "GPE", "limit": 200}).json()
    assert gpe["items"] and all(e["type"] == "GPE" for e in gpe["items"])
    in_story = client.get("/api/entities", params={"story": shaafa_story["id"],
                                                   "limit": 200}).json()
    assert in_story["total"] == len(shaafa_story["entities"])
    aug = client.get("/api/stories", params={"date_from": "2024-08-01"}).json()["items"]
    assert aug and all(s["last_date"] >= "2024-08-01" for s in aug)


@pytest.mark.parametrize("query", ["الشعفة", "بالشعفة", "والشعفة", "للشعفة", "شعفة", "الشَّعْفَة"])
def test_api_search_same_results_for_every_form(client, query: str) -> None:
    expected = client.get("/api/search", params={"q": "الشعفة", "limit": 50}).json()
    got = client.get("/api/search", params={"q": query, "limit": 50}).json()
    assert expected["total"] >= 4
    assert [h["doc"] for h in got["items"]] == [h["doc"] for h in expected["items"]]
    assert got["total"] == expected["total"]
    assert all("<mark>" in h["snippet"] for h in got["items"])


def test_api_search_is_ranked_and_paginated(client) -> None:
    full = client.get("/api/search", params={"q": "الشعفة", "limit": 50}).json()["items"]
    scores = [h["score"] for h in full]
    assert scores == sorted(scores, reverse=True)
    second = client.get("/api/search", params={"q": "الشعفة", "limit": 2, "offset": 2}).json()
    assert [h["doc"] for h in second["items"]] == [h["doc"] for h in full[2:4]]


def test_api_search_needs_a_query(client) -> None:
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/search", params={"q": "\"*()"}).json()["total"] == 0


def test_openapi_describes_the_shapes(client) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/documents/{doc_id}",
                 "/api/entities/{entity_id}", "/api/quotes", "/api/figures", "/api/events",
                 "/api/search"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/documents"]
    for model in ("Story", "Document", "Entity", "Quote", "Figure", "Event", "SearchHit"):
        assert model in spec["components"]["schemas"], model
    assert not any(p.startswith(("/stories", "/entities", "/search")) for p in spec["paths"])


@pytest.mark.parametrize("kind", ["quotes", "figures"])
def test_api_stored_items_paged_in_store_order_with_entity_ids(client, analysis,
                                                                kind: str) -> None:
    """Quotes and figures are read from the store a page at a time; the pages join up to
    the whole analysis's list, speakers and sources linked to their entities."""
    seen = []
    while page := client.get(f"/api/{kind}", params={"limit": 3, "offset": len(seen)}
                             ).json()["items"]:
        seen += page
    assert [(i["id"], i["doc"]) for i in seen] == [(i["id"], i["doc"]) for i in analysis[kind]]
    field = "speaker" if kind == "quotes" else "source"
    linked = [(i.get(field) or {}).get("entity") for i in analysis[kind]]
    assert [(i.get(field) or {}).get("entity") for i in seen] == linked and any(linked)


def test_api_quotes_of_a_speaker_within_dates(client, analysis) -> None:
    quote_ = next(q for q in analysis["quotes"] if q["speaker"].get("entity"))
    entity, doc = quote_["speaker"]["entity"], quote_["doc"]
    published = next(d["published"] for d in analysis["documents"] if d["id"] == doc)
    day = quote_.get("said_on") or published
    body = client.get("/api/quotes", params={"entity": entity, "date_from": day[:10],
                                             "date_to": day[:10]}).json()
    assert quote_["id"] in {q["id"] for q in body["items"]}
    assert all(q["speaker"]["entity"] == entity for q in body["items"])
