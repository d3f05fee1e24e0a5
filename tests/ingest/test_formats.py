"""HTML pages, JSON Lines, RSS/Atom feeds and WARC archives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ingest_fixtures import ARTICLE, NAV_ONLY_PAGE, OTHER_ARTICLE, PAGE, warc_bytes

from marsad import errors
from marsad.ingest import IngestOptions, read_inputs
from marsad.model import Document, Rejected

# --- HTML ------------------------------------------------------------------------------------


def test_html_main_text_drops_boilerplate_and_finds_metadata(write) -> None:
    [doc] = read_inputs([write("park.html", PAGE)])
    assert isinstance(doc, Document)
    assert "افتتحت البلدية صباح اليوم حديقة عامة جديدة" in doc.text
    assert "حتى نهاية العام" not in doc.text or "الأحياء الغربية" in doc.text
    for boilerplate in ("رياضة", "اقتصاد", "جميع الحقوق محفوظة", "نص برمجي", "color"):
        assert boilerplate not in doc.text
    assert doc.title == "البلدية تفتتح حديقة جديدة"
    assert (doc.published, doc.published_origin) == ("2022-09-14", "metadata")
    assert doc.source == "جريدة الحي"
    assert (doc.format, doc.language) == ("html", "ar")


def test_html_in_windows_1256_with_declared_charset(write) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1256"')
    [doc] = read_inputs([write("park.htm", page.encode("cp1256"))])
    assert "حديقة عامة جديدة" in doc.text
    assert doc.encoding == "windows-1256"


def test_html_without_article_is_rejected(write) -> None:
    [item] = read_inputs([write("home.html", NAV_ONLY_PAGE)])
    assert item == Rejected(item.path, errors.HTML_NO_ARTICLE)


# --- JSON Lines ------------------------------------------------------------------------------

GOOD = {
    "id": "doc-1", "url": "https://example.org/a", "source": "رويترز",
    "title": "عنوان", "published": "2021-05-04T10:30:00+03:00", "text": ARTICLE,
}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "line 2: not valid JSON"),
        ('["a list"]', "line 2: a JSON Lines record must be an object, got a list"),
        ('{"title": "بلا نص"}', 'line 2: no "text" field'),
        ('{"text": 42}', 'line 2: "text" is a number, not a string'),
        ('{"text": null}', 'line 2: "text" is null, not a string'),
        ('{"text": "   "}', errors.NO_TEXT),
        ('{"text": "... 123"}', errors.NO_LETTERS),
    ],
)
def test_jsonl_bad_line_is_rejected_and_the_rest_go_on(write, line: str, reason: str) -> None:
    third = json.dumps({"text": OTHER_ARTICLE}, ensure_ascii=False)
    path = write("batch.jsonl", f"{json.dumps(GOOD, ensure_ascii=False)}\n{line}\n{third}\n")
    first, bad, last = read_inputs([path])
    assert isinstance(first, Document) and isinstance(last, Document)
    assert bad.path == f"{path}:2" and bad.reason.startswith(reason)


def test_jsonl_fields_are_kept(write) -> None:
    [doc] = read_inputs([write("one.jsonl", json.dumps(GOOD) + "\n")])
    assert (doc.id, doc.url, doc.source, doc.title) == (
        "doc-1", "https://example.org/a", "رويترز", "عنوان"
    )
    assert (doc.published, doc.published_origin, doc.format) == ("2021-05-04", "metadata", "jsonl")
    assert doc.path.endswith("one.jsonl")


@pytest.mark.parametrize(
    ("published", "expected", "origin"),
    [
        ("2021-05-04", "2021-05-04", "metadata"),
        ("2021-05-04T23:59:00Z", "2021-05-04", "metadata"),
        ("2021-02-30", None, None),
        ("yesterday", None, None),
        (20210504, None, None),
    ],
)
def test_jsonl_published_is_validated(write, published, expected, origin) -> None:
    record = {"id": 5, "published": published, "text": OTHER_ARTICLE}
    [doc] = read_inputs([write("p.jsonl", json.dumps(record) + "\n")])
    assert (doc.id, doc.published, doc.published_origin) == ("5", expected, origin)


def test_jsonl_without_ids_gets_distinct_stable_ids(write) -> None:
    lines = "\n".join(json.dumps({"text": t}) for t in (ARTICLE, ARTICLE, OTHER_ARTICLE))
    path = write("noid.jsonl", lines + "\n")
    ids = [doc.id for doc in read_inputs([path])]
    assert len(set(ids)) == 3 and all(i.startswith("noid-") for i in ids)
    assert ids == [doc.id for doc in read_inputs([path])]


def test_jsonl_record_over_the_limit(write) -> None:
    big = json.dumps({"text": "كلمة " * 300_000})
    path = write("big.jsonl", f"{big}\n{json.dumps({'text': OTHER_ARTICLE})}\n")
    bad, good = read_inputs([path], IngestOptions(max_record_mb=1))
    assert bad.path == f"{path}:1" and bad.reason.startswith("record text is")
    assert isinstance(good, Document)


# --- RSS and Atom ----------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>جريدة الحي</title><link>https://example.org/</link>
<item><title>البلدية تفتتح حديقة</title><link>https://example.org/park</link>
<pubDate>Wed, 14 Sep 2022 23:30:00 +0300</pubDate>
<description>ملخص قصير</description>
<content:encoded><![CDATA[<p>افتتحت البلدية حديقة جديدة في الحي الشرقي.</p>
<p>وقال رئيس البلدية إنها <b>مجانية</b> &amp; مفتوحة.</p><script>bad()</script>]]></content:encoded>
</item>
<item><title>موسم الأمطار</title><link>https://example.org/rain</link>
<description>&lt;p&gt;امتلأت السدود بنسبة تزيد على النصف.&lt;/p&gt;</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة المثال</title>
<entry><title>خبر أول</title><link href="https://example.org/1"/>
<updated>2023-01-02T10:00:00Z</updated><published>2023-01-01T22:00:00-05:00</published>
<content type="html">&lt;p&gt;أعلنت الوزارة خطة جديدة للنقل العام.&lt;/p&gt;</content></entry>
<entry><title>خبر ثان</title><link href="https://example.org/2"/>
<summary>قال المتحدث إن الطرق ستفتح غدا.</summary></entry>
</feed>
"""


def test_rss_entries_become_documents(write) -> None:
    first, second = read_inputs([write("news.rss", RSS)])
    assert first.text == (
        "افتتحت البلدية حديقة جديدة في الحي الشرقي.\n\nوقال رئيس البلدية إنها مجانية & مفتوحة."
    )
    assert (first.title, first.source, first.url) == (
        "البلدية تفتتح حديقة", "جريدة الحي", "https://example.org/park"
    )
    assert (first.published, first.published_origin, first.format) == (
        "2022-09-14", "metadata", "feed"
    )
    assert second.text == "امتلأت السدود بنسبة تزيد على النصف."
    assert (second.published, second.published_origin) == (None, None)
    assert first.id != second.id


def test_atom_entries_become_documents(write) -> None:
    first, second = read_inputs([write("feed.xml", ATOM)])
    assert first.text == "أعلنت الوزارة خطة جديدة للنقل العام."
    assert (first.source, first.published, first.url) == (
        "وكالة المثال", "2023-01-01", "https://example.org/1"
    )
    assert second.text == "قال المتحدث إن الطرق ستفتح غدا."


def test_feed_without_entries_is_rejected(write) -> None:
    [item] = read_inputs([write("empty.rss", '<?xml version="1.0"?><rss><channel>'
                                             "<title>x</title></channel></rss>")])
    assert isinstance(item, Rejected) and "feed" in item.reason


@pytest.mark.parametrize("reference", ["&#99999999;", "&#xFFFFFFFFF;"])
def test_feed_with_reference_beyond_unicode_is_rejected(write, reference: str) -> None:
    feed = (f"<rss version=\"2.0\"><channel><title>x{reference}</title><item><title>t</title>"
            "<description>نص قصير.</description></item></channel></rss>")
    [item] = read_inputs([write("bad.rss", feed)])
    assert isinstance(item, Rejected) and "feed" in item.reason


# --- WARC ------------------------------------------------------------------------------------

PAGES = [
    ("https://example.org/park", "text/html; charset=utf-8", PAGE),
    ("https://example.org/logo.png", "image/png", "not an image really"),
    ("https://example.org/home", "text/html", NAV_ONLY_PAGE),
    ("https://example.org/2", "text/html", PAGE.replace("حديقة", "مكتبة")),
]


@pytest.mark.parametrize(("name", "compress"), [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_responses_become_documents(write, name: str, compress: bool) -> None:
    path = write(name, warc_bytes(PAGES, compress))
    first, home, second = read_inputs([path])
    assert isinstance(first, Document) and first.format == "warc"
    assert first.url == "https://example.org/park"
    assert "حديقة عامة جديدة" in first.text and first.title == "البلدية تفتتح حديقة جديدة"
    assert home == Rejected(f"{path}#record-3", errors.HTML_NO_ARTICLE)
    assert "مكتبة عامة جديدة" in second.text and second.id != first.id


def test_warc_truncated_gzip_keeps_earlier_records(write) -> None:
    data = warc_bytes(PAGES, compress=True)
    whole_first = len(warc_bytes(PAGES[:1], compress=True))
    path = write("cut.warc.gz", data[: whole_first + (len(data) - whole_first) // 2 + 300])
    items = list(read_inputs([path]))
    assert isinstance(items[0], Document) and "حديقة" in items[0].text
    assert isinstance(items[-1], Rejected)
    assert items[-1].reason.startswith("compressed stream is truncated")


def test_warc_without_html_is_rejected(write) -> None:
    path = write("img.warc", warc_bytes(PAGES[1:2], compress=False))
    assert list(read_inputs([path])) == [Rejected(str(path), errors.NO_HTML_RECORDS)]


def test_warc_named_file_that_is_not_warc(write) -> None:
    [item] = read_inputs([write("fake.warc", "هذا ليس أرشيفا")])
    assert isinstance(item, Rejected) and item.reason.startswith("not a readable WARC")


def test_read_inputs_reads_every_format_in_a_folder(write, tmp_path: Path) -> None:
    write("a.txt", ARTICLE)
    write("b.html", PAGE)
    write("c.jsonl", json.dumps(GOOD) + "\n")
    write("d.rss", RSS)
    write("e.warc.gz", warc_bytes(PAGES[:1], compress=True))
    formats = [doc.format for doc in read_inputs([tmp_path])]
    assert formats == ["txt", "html", "jsonl", "feed", "feed", "warc"]


def test_formats_plain_text_title_is_the_first_line_before_a_blank_line(tmp_path) -> None:
    from marsad.ingest import read_file

    path = tmp_path / "a.txt"
    body = "نص الخبر يبدأ هنا ويتحدث عن أمطار غزيرة هطلت على المدينة.\n"
    path.write_text("عنوان الخبر القصير\n\n" + body, encoding="utf-8")
    [doc] = list(read_file(str(path)))
    assert doc.title == "عنوان الخبر القصير"
    assert doc.text.startswith("عنوان الخبر القصير")


def test_formats_plain_text_without_a_title_line_has_none(tmp_path) -> None:
    from marsad.ingest import read_file

    path = tmp_path / "b.txt"
    path.write_text("نص الخبر يبدأ مباشرة ويتحدث عن أمطار غزيرة هطلت على المدينة طوال الليل.\n"
                    "وقال مسؤول إن فرق الإنقاذ تعمل.\n", encoding="utf-8")
    [doc] = list(read_file(str(path)))
    assert doc.title is None
