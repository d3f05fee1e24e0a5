"""Exact and near-exact copies are linked to the earliest; other articles are not."""

from __future__ import annotations

import hashlib
import re
import time

import pytest
from ingest_fixtures import ARTICLE, OTHER_ARTICLE

from marsad.ingest import content_hash, link_duplicates
from marsad.model import Document
from marsad.text.normalize import fold

SAME_TOPIC = (
    "افتتح رئيس البلدية مساء أمس حديقة ثانية في الحي الغربي بعد أشهر من العمل، وقال إن "
    "الحديقة الجديدة تضم بحيرة صغيرة ومكتبة للأطفال وإن الدخول إليها سيكون مجانيا.\n"
    "وأكد أن البلدية زرعت أكثر من خمسمئة شجرة في الحي الغربي خلال الشتاء الماضي."
)

MORE = (
    "وفي سياق متصل، أعلنت مديرية التربية أن المدارس الحكومية ستستقبل الطلاب الجدد بداية "
    "الأسبوع المقبل، وأن الكتب المدرسية وصلت إلى جميع المحافظات قبل موعدها بأيام. وأوضح "
    "مدير التربية أن عدد الطلاب المسجلين هذا العام ارتفع بشكل ملحوظ مقارنة بالعام الذي "
    "سبقه، وأن الوزارة عينت مئات المعلمين الجدد لسد النقص في القرى النائية والمناطق "
    "الجبلية التي عانت طويلا من قلة الكوادر."
)


def _doc(doc_id: str, text: str, published: str | None = None) -> Document:
    return Document(id=doc_id, text=text, published=published, content_hash=content_hash(text))


def test_link_duplicates_exact_copy() -> None:
    docs = [_doc("b", ARTICLE), _doc("a", ARTICLE)]
    assert link_duplicates(docs) == 1
    assert (docs[0].duplicate_of, docs[1].duplicate_of) == ("a", None)


def test_link_duplicates_earliest_published_is_the_original() -> None:
    docs = [_doc("a", ARTICLE, "2021-05-05"), _doc("z", ARTICLE, "2021-05-04"), _doc("m", ARTICLE)]
    assert link_duplicates(docs) == 2
    assert [d.duplicate_of for d in docs] == ["z", None, "z"]


def test_link_duplicates_noise_only_copy_is_exact() -> None:
    noisy = ARTICLE.replace("في", "فی").replace("الأمطار", "الأمطـــار").replace(" ", "\u00a0", 5)
    docs = [_doc("a", ARTICLE), _doc("b", noisy)]
    assert docs[0].content_hash == docs[1].content_hash
    assert link_duplicates(docs) == 1


def test_link_duplicates_near_copy_with_a_few_words_changed() -> None:
    long_text = "\n".join([ARTICLE, OTHER_ARTICLE, SAME_TOPIC, MORE])
    edited = (
        long_text.replace("الماضي", "المنصرم", 1).replace("مجانا", "بلا مقابل")
        + "\nحقوق النشر محفوظة للوكالة."
    )
    docs = [_doc("a", long_text), _doc("b", edited)]
    assert link_duplicates(docs) == 1
    assert docs[1].duplicate_of == "a"


def test_link_duplicates_same_topic_is_not_a_copy() -> None:
    docs = [_doc("a", OTHER_ARTICLE), _doc("b", SAME_TOPIC), _doc("c", ARTICLE)]
    assert link_duplicates(docs) == 0
    assert all(d.duplicate_of is None for d in docs)


def test_link_duplicates_is_deterministic() -> None:
    def run() -> list[str | None]:
        docs = [_doc(str(i), t) for i, t in enumerate([ARTICLE, OTHER_ARTICLE, ARTICLE])]
        link_duplicates(docs)
        return [d.duplicate_of for d in docs]

    assert run() == run() == [None, None, "0"]


def test_link_duplicates_scales_without_all_pairs() -> None:
    words = (ARTICLE + " " + OTHER_ARTICLE + " " + SAME_TOPIC).split()
    docs = [
        _doc(f"d{i}", " ".join(words[(i * 7) % len(words):] + words[: (i * 7) % len(words)])
             + f" رقم {i}")
        for i in range(3000)
    ]
    start = time.perf_counter()
    link_duplicates(docs)
    assert time.perf_counter() - start < 10


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE,
        "  نص\u00a0مع\u2009مسافات\u200b غريبة \u200b ـ ﷺ  و\tتطويل ـــ \n\n",
        "ﻻ إله \ufeff\u200f بين آ وأ ة ى ی ک ۱۲۳ ABC",
    ],
)
def test_content_hash_equals_hash_of_folded_text(text: str) -> None:
    expected = re.sub(r"\s+", " ", fold(text)).strip()
    assert content_hash(text) == hashlib.sha256(expected.encode()).hexdigest()
