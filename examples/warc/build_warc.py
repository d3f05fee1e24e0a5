# ruff: noqa: E501  (the embedded page keeps its long HTML lines)
"""Build examples/warc/aljisr-2024-03-22.warc.gz, the WARC example of marsad.

The page below is a fictional article (written by the marsad team) as the invented outlet
«موقع الجسر» (aljisr.example.org) would serve it, with its site boilerplate. The WARC holds
a `warcinfo` record, the `request` record and the `response` record (HTTP headers + HTML).
Note: one word of the article carries a zero-width non-joiner (U+200C) on purpose.

Run from anywhere:  /work/main/.venv/bin/python examples/warc/build_warc.py
"""

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

URL = "https://aljisr.example.org/news/syria/shaafa-sdf-99-percent"
DATE = "2024-03-22T10:25:41Z"
OUT = Path(__file__).with_name("aljisr-2024-03-22.warc.gz")

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>«قسد» تقترب من إعلان السيطرة الكاملة على الشعفة و15 ألفاً و500 مدني خرجوا منها | موقع الجسر</title>
  <meta name="description" content="دير الزور - أعلنت قوات سوريا الديمقراطية الجمعة أنها تسيطر على 99,5 في المئة من بلدة الشعفة في ريف دير الزور الشرقي، بعد عشرة أيام من المعارك ضد مقاتلي تنظيم ال">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="موقع الجسر">
  <meta property="og:title" content="«قسد» تقترب من إعلان السيطرة الكاملة على الشعفة و15 ألفاً و500 مدني خرجوا منها">
  <meta property="og:url" content="https://aljisr.example.org/news/syria/shaafa-sdf-99-percent">
  <meta property="article:published_time" content="2024-03-22T13:20:00+03:00">
  <meta property="article:section" content="سوريا">
  <link rel="canonical" href="https://aljisr.example.org/news/syria/shaafa-sdf-99-percent">
  <link rel="stylesheet" href="/static/css/main.min.css?v=3.2.1">
  <script async src="https://ads.example.org/tag.js"></script>
</head>
<body class="page-article">
  <div id="cookie-banner" class="cookie-consent">
    <p>يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك. بمتابعة التصفح فإنك توافق على سياسة الخصوصية.</p>
    <button type="button" onclick="acceptCookies()">موافق</button> <a href="/privacy">اعرف المزيد</a>
  </div>
  <header class="site-header">
    <a class="logo" href="/"><img src="/static/img/logo.svg" alt="موقع الجسر"></a>
    <nav class="main-menu">
      <ul>
        <li><a href="/">الرئيسية</a></li>
        <li><a href="/arab">عربي</a></li>
        <li><a href="/world">دولي</a></li>
        <li><a href="/economy">اقتصاد</a></li>
        <li><a href="/sport">رياضة</a></li>
        <li><a href="/culture">ثقافة وفنون</a></li>
        <li><a href="/video">فيديو</a></li>
      </ul>
    </nav>
    <form class="search" action="/search"><input type="search" name="q" placeholder="ابحث في الجسر"></form>
    <div class="ticker">عاجل: تابعوا تغطيتنا المباشرة على مدار الساعة</div>
  </header>
  <main class="container">
    <div class="breadcrumbs"><a href="/">الرئيسية</a> &rsaquo; <a href="/news">سوريا</a></div>
    <article class="article-body" itemscope itemtype="https://schema.org/NewsArticle">
      <h1 itemprop="headline">«قسد» تقترب من إعلان السيطرة الكاملة على الشعفة و15 ألفاً و500 مدني خرجوا منها</h1>
      <div class="byline">موقع الجسر - <time datetime="2024-03-22">2024-03-22</time></div>
      <figure class="lead-image"><img src="/media/2024/03/22/lead.jpg" alt=""><figcaption>صورة أرشيفية</figcaption></figure>
      <div class="share"><a href="#">فيسبوك</a> <a href="#">إكس</a> <a href="#">واتساب</a></div>
      <div itemprop="articleBody">
        <p>الجمعة 12 رمضان 1445 هـ الموافق 22 آذار/مارس 2024</p>
        <p>دير الزور - أعلنت قوات سوريا الديمقراطية الجمعة أنها تسيطر على 99,5 في المئة من بلدة الشعفة في ريف دير الزور الشرقي، بعد عشرة أيام من المعارك ضد مقاتلي تنظيم الدولة الإسلامية، في وقت ارتفع فيه عدد المدنيين الذين غادروا البلدة إلى نحو 15 ألفاً و500 شخص، بحسب المر‌صد السوري لحقوق الإنسان.</p>
        <p>وقال المتحدث باسم حملة «قسد» في دير الزور دلشاد عامودا لموقع الجسر إن "ما تبقى من مقاتلي التنظيم محاصرون في بضعة منازل على ضفة الفرات"، مضيفاً: "نمنحهم فرصة أخيرة للاستسلام قبل اقتحام المنطقة".</p>
        <p>وأوضح عامودا أن قواته أحبطت فجر الخميس محاولة تسلل نفذها نحو عشرين مقاتلاً عبر النهر باتجاه الضفة الغربية، وأن معظمهم قُتلوا أو أُسروا. وتابع أن "قرابة 150 مقاتلاً سلّموا أنفسهم خلال الأسبوع الماضي، بينهم عراقيون وآسيويون".</p>
        <p>وأكد المرصد السوري أن القيادي أبو عبيدة الشامي قُتل الأربعاء في غارة للتحالف الدولي استهدفت مقراً على أطراف البلدة. وقال مدير المرصد سامر الحلبي إن مقتل أبي عبيدة "أحدث ارتباكاً واضحاً في صفوف المقاتلين، وسرّع وتيرة الاستسلام". ولم تؤكد «قسد» ولا التحالف هذه المعلومات حتى الآن.</p>
        <p>وبحسب الحصيلة الأخيرة للمرصد، قُتل منذ 12 آذار 34 عنصراً من قوات سوريا الديمقراطية و79 من مقاتلي التنظيم و13 مدنياً. وقال الحلبي إن "عدد الخارجين بلغ 15 ألفًا و500 حتى صباح الجمعة"، مشيراً إلى أن "بضع مئات فقط ما زالوا في الجيب، معظمهم من أفراد عائلات المقاتلين".</p>
        <p>من جهته، قال المتحدث باسم التحالف الدولي بقيادة الولايات المتحدة الكولونيل جيرمي هولبروك إن “نهاية المعركة باتت مسألة أيام”، مؤكداً أن القوات الأمريكية "ستبقى إلى جانب شركائها لمنع عودة التنظيم". ودعا هولبروك الدول المعنية إلى "استعادة رعاياها" من المخيمات ومراكز الاحتجاز في شمال شرق سوريا.</p>
        <p>وفي مخيم الهول، أعلنت منظمة إغاثة دولية أن أكثر من ستة آلاف وافد جديد وصلوا إلى المخيم منذ بدء الهجوم، وأن عدد قاطنيه بلغ قرابة 45 ألف شخص. وقالت المنظمة في بيان إن "الحاجة ملحّة إلى 3,2 مليون دولار على الأقل" لتأمين المياه والمأوى والرعاية الصحية للوافدين الجدد حتى نهاية نيسان/أبريل.</p>
        <p>وقال مسؤول في إدارة المخيم إن الوافدين "يصلون في حافلات وشاحنات مكشوفة بعد رحلة تستغرق ساعات"، مضيفاً أن كثيراً من الأطفال يعانون من الجفاف وأمراض الجلد، خصوصاً مع الصيام في شهر رمضان وارتفاع درجات الحرارة نهاراً.</p>
        <p>وأفاد صحافي متعاون مع موقع الجسر في هجين بأن عشرات العائلات الخارجة من الشعفة بقيت في العراء ليلة الخميس، بانتظار وصول الحافلات، وأن بعضها افترش الأرض قرب مركز التفتيش. وأضاف أن أحياء بكاملها بالشعفة باتت مدمرة بشكل شبه كامل.</p>
        <p>ويخشى سكان القرى المجاورة من أن ينتقل من تبقى من مقاتلي التنظيم إلى البادية، حيث تنشط خلاياه منذ خسارته آخر مناطق سيطرته الواسعة في العام 2019. وقال أحد وجهاء العشائر في المنطقة إن "المعركة في الشعفة ستنتهي، لكن الخوف من الهجمات الليلية لن ينتهي قريباً".</p>
      </div>
      <div class="tags">الكلمات المفتاحية: <a href="/tag/1">سوريا</a> <a href="/tag/2">أخبار</a></div>
    </article>
    <aside class="related">
      <h2>اقرأ أيضاً</h2>
      <ul>
        <li><a href="/x/1">أسعار الذهب تتراجع في ختام تعاملات الأسبوع</a></li>
        <li><a href="/x/2">منتخب الشباب يستعد لبطولة إقليمية الشهر المقبل</a></li>
        <li><a href="/x/3">مهرجان للكتاب يفتتح أبوابه بمشاركة مئتي دار نشر</a></li>
        <li><a href="/x/4">الأكثر قراءة: دليلك إلى تطبيقات الطقس</a></li>
      </ul>
      <div class="newsletter">اشترك في نشرتنا البريدية اليومية <input type="email" placeholder="بريدك الإلكتروني"><button>اشتراك</button></div>
    </aside>
  </main>
  <footer class="site-footer">
    <ul><li><a href="/about">من نحن</a></li><li><a href="/contact">اتصل بنا</a></li><li><a href="/privacy">سياسة الخصوصية</a></li><li><a href="/terms">شروط الاستخدام</a></li></ul>
    <p>&copy; 2024 موقع الجسر. جميع الحقوق محفوظة.</p>
  </footer>
  <script>
    window.dataLayer = window.dataLayer || [];
    function acceptCookies() { document.getElementById('cookie-banner').style.display = 'none'; localStorage.setItem('cc', '1'); }
    dataLayer.push({"event": "article_view", "section": "سوريا", "published": "2024-03-22"});
  </script>
</body>
</html>
"""


def main() -> None:
    body = PAGE.encode("utf-8")
    with OUT.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        info = writer.create_warcinfo_record(
            OUT.name,
            {"software": "warcio (marsad examples/warc/build_warc.py)",
             "format": "WARC File Format 1.0",
             "description": "Fictional example article for marsad"},
        )
        info.rec_headers.replace_header("WARC-Date", DATE)
        writer.write_record(info)
        req_headers = StatusAndHeaders(
            "GET /news/syria/shaafa-sdf-99-percent HTTP/1.1",
            [("Host", "aljisr.example.org"), ("User-Agent", "marsad-example-crawler/0.1"),
             ("Accept", "text/html")],
            is_http_request=True,
        )
        req = writer.create_warc_record(URL, "request", http_headers=req_headers,
                                        warc_headers_dict={"WARC-Date": DATE})
        http_headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"),
             ("Content-Length", str(len(body))),
             ("Date", "Fri, 22 Mar 2024 10:25:41 GMT"),
             ("Server", "nginx")],
            protocol="HTTP/1.1",
        )
        resp = writer.create_warc_record(URL, "response", payload=BytesIO(body),
                                         http_headers=http_headers,
                                         warc_headers_dict={"WARC-Date": DATE})
        writer.write_request_response_pair(req, resp)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
