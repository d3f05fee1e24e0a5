"""Language detection: Arabic against Persian and Urdu, and Latin-script languages."""

from __future__ import annotations

import time

import pytest

from marsad.ingest import detect_language

ROWS = [
    ("أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة يضم مئتي سرير.", "ar"),
    # Persian ی and ک typed by Persian keyboards in Arabic text are noise, still Arabic
    ("أعلنت وزارة الصحة الیوم عن افتتاح مستشفی جدید فی المدینة یضم مئتی سریر وکان الافتتاح.", "ar"),
    ("قالت الوزيرة في مؤتمر صحفي إن شركة Pfizer ستسلم اللقاحات the next week إلى المستشفيات.",
     "ar"),
    ("وزارت بهداشت امروز اعلام کرد که این بیمارستان جدید در شهر ساخته شده است و از هفته آینده"
     " باز می شود.", "fa"),
    ("وزارت صحت نے آج اعلان کیا ہے کہ شہر میں نیا ہسپتال بنایا گیا ہے اور یہ اگلے ہفتے سے کھل"
     " جائے گا۔", "ur"),
    ("The health ministry said on Monday that a new hospital will open in the city next week.",
     "en"),
    ("Le ministère de la santé a annoncé lundi que le nouvel hôpital ouvrira dans la ville.", "fr"),
    ("El ministerio de salud anunció el lunes que el nuevo hospital abrirá en la ciudad.", "es"),
    ("Das Gesundheitsministerium hat am Montag mitgeteilt, dass die Klinik in der Stadt öffnet.",
     "de"),
    ("Il ministero della salute ha annunciato che il nuovo ospedale aprirà nella città.", "it"),
    ("Sağlık bakanlığı yeni bir hastanenin şehirde açılacağını ve bu hastane ile çok kişiye"
     " hizmet verileceğini açıkladı.", "tr"),
    ("12345 67 89", "und"),
    ("", "und"),
]


@pytest.mark.parametrize(("text", "language"), ROWS)
def test_detect_language_table(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_detect_language_reads_only_a_sample() -> None:
    text = ROWS[0][0] * 20_000  # 1.5 million characters
    start = time.perf_counter()
    assert detect_language(text) == "ar"
    assert time.perf_counter() - start < 0.05
