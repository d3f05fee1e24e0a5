"""Encodings are found from the bytes, and every text is cleaned up the same way."""

from __future__ import annotations

import pytest
from ingest_fixtures import ARTICLE

from marsad.errors import InputRejected
from marsad.ingest import read_inputs
from marsad.ingest.decode import clean_text, decode_bytes

ENCODINGS = [
    # (how the file is written, the encoding we expect to report)
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8"),
    ("utf-16", "utf-16-le"),  # Python writes a little-endian BOM
    ("utf-16-le", "utf-16-le"),
    ("utf-16-be", "utf-16-be"),
    ("cp1256", "cp1256"),
    ("iso-8859-6", "iso-8859-6"),
]


def _bom_variant(encoding: str) -> tuple[str, bytes]:
    return encoding, ARTICLE.encode(encoding)


@pytest.mark.parametrize(("written", "expected"), ENCODINGS)
def test_decode_bytes_finds_the_encoding(written: str, expected: str) -> None:
    text, encoding = decode_bytes(ARTICLE.replace("ّ", "").encode(written))
    assert encoding == expected
    assert clean_text(text) == ARTICLE.replace("ّ", "")


@pytest.mark.parametrize("bom", [b"\xfe\xff"])
def test_decode_bytes_utf16_be_with_bom(bom: bytes) -> None:
    text, encoding = decode_bytes(bom + ARTICLE.encode("utf-16-be"))
    assert (clean_text(text), encoding) == (ARTICLE, "utf-16-be")


@pytest.mark.parametrize(("written", "expected"), ENCODINGS)
def test_read_inputs_decodes_text_files_in_every_encoding(
    write, written: str, expected: str
) -> None:
    plain = ARTICLE.replace("ّ", "")  # the single-byte encodings have no shadda
    [doc] = read_inputs([write(f"article_{written}.txt", plain.encode(written))])
    assert doc.text == plain
    assert doc.encoding == expected
    assert doc.format == "txt"


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("\ufeffنص", "نص"),
        ("سطر أول\r\nسطر ثان\rسطر ثالث", "سطر أول\nسطر ثان\nسطر ثالث"),
        ("سطر   \nآخر\t\n", "سطر\nآخر"),
        ("فقرة\n\n\n\n\nفقرة", "فقرة\n\nفقرة"),
        ("فقرة\n\nفقرة", "فقرة\n\nفقرة"),
        ("  \n\n نص \n\n", "نص"),
        ("قال &quot;نعم&quot; &amp; مضى", 'قال "نعم" & مضى'),
        ("رقم &#1633; و&#x661;", "رقم ١ و١"),
        ("a & b &notanentity", "a & b &notanentity"),
        ("e\u0301", "\u00e9"),  # NFC
        ("لا\u0640\u0640تغيير ﻻ", "لا\u0640\u0640تغيير ﻻ"),  # tatweel and forms kept
    ],
)
def test_clean_text_table(raw: str, cleaned: str) -> None:
    assert clean_text(raw) == cleaned


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02\x03binary\x00\x00\x10\x11" * 20,
        bytes(range(256)) * 4,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
    ],
)
def test_decode_bytes_rejects_binary(data: bytes) -> None:
    with pytest.raises(InputRejected):
        decode_bytes(data)


def test_decode_bytes_prefers_cp1256_for_cp1256_only_letters() -> None:
    text = "في الظهيرة غادر الطبيب قرية كفر الشيخ"  # ظ غ ف ق ك are outside ISO-8859-6's overlap
    assert decode_bytes(text.encode("cp1256")) == (text, "cp1256")
