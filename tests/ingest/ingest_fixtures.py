"""Inputs of the ingest tests: short Arabic articles and pages written for these tests."""

from __future__ import annotations

import io

ARTICLE = (
    "المزارعون يستقبلون موسم الأمطار بتفاؤل\n"
    "\n"
    "الثلاثاء 2021/05/04\n"
    "\n"
    "عمّان - قال مسؤول في وزارة الزراعة إن كميات الأمطار التي هطلت خلال الأسبوع الماضي "
    "فاقت التوقعات، وإن السدود الكبرى امتلأت بنسبة تزيد على النصف للمرة الأولى منذ سنوات.\n"
    "\n"
    "وأضاف المسؤول أن الوزارة ستوزع البذور المحسنة على صغار المزارعين في القرى الشمالية "
    "مطلع الشهر المقبل، وأن فرق الإرشاد ستزور الحقول لمتابعة الزراعة."
)

OTHER_ARTICLE = (
    "افتتحت البلدية صباح اليوم حديقة عامة جديدة في الحي الشرقي من المدينة، تضم ملاعب "
    "للأطفال ومسارا للمشي وأكثر من ألف شجرة زرعها متطوعون من طلاب المدارس خلال الشتاء.\n"
    "\n"
    "وقال رئيس البلدية إن الحديقة ستفتح أبوابها مجانا طوال أيام الأسبوع حتى منتصف الليل."
)

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>البلدية تفتتح حديقة جديدة - جريدة الحي</title>
<meta property="og:site_name" content="جريدة الحي">
<meta property="og:title" content="البلدية تفتتح حديقة جديدة">
<meta property="article:published_time" content="2022-09-14T08:15:00+03:00">
<script>var hidden = "نص برمجي لا يظهر في المقال";</script>
<style>body { color: black; }</style>
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/sport">رياضة</a></li>
<li><a href="/economy">اقتصاد</a></li></ul></nav>
<article>
<h1>البلدية تفتتح حديقة جديدة</h1>
<p>افتتحت البلدية صباح اليوم حديقة عامة جديدة في الحي الشرقي من المدينة، تضم ملاعب للأطفال
ومسارا للمشي وأكثر من ألف شجرة زرعها متطوعون من طلاب المدارس.</p>
<p>وقال رئيس البلدية إن الحديقة ستفتح أبوابها مجانا طوال أيام الأسبوع حتى منتصف الليل،
وإن حراسا سيعملون فيها على مدار الساعة للحفاظ على نظافتها.</p>
<p>وأشار إلى أن البلدية تخطط لافتتاح ثلاث حدائق أخرى في الأحياء الغربية قبل نهاية العام.</p>
</article>
<footer><p>جميع الحقوق محفوظة لجريدة الحي</p><a href="/privacy">سياسة الخصوصية</a></footer>
</body></html>
"""

NAV_ONLY_PAGE = """<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8">
<title>الرئيسية</title><script>var x = 1;</script></head><body>
<nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a> <a href="/news">أخبار</a></nav>
<footer>جميع الحقوق محفوظة</footer></body></html>
"""


def warc_bytes(pages: list[tuple[str, str, str]], compress: bool) -> bytes:
    """A WARC file holding one response record per (url, content type, body)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for url, content_type, body in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()
