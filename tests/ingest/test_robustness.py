"""Whatever the bytes, reading never raises and always says something about the file."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.ingest import read_inputs
from marsad.model import Document, Rejected

SUFFIXES = [".txt", ".html", ".jsonl", ".xml", ".warc", ".warc.gz", ".gz", ""]
PREFIXES = [
    b"", b"WARC/1.0\r\n", b"\x1f\x8b", b"<html><body><p>", b'{"text": "', b"<?xml", b"\xff\xfe"
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=600) | st.text(max_size=300).map(lambda t: t.encode("utf-8")),
    suffix=st.sampled_from(SUFFIXES),
    compress=st.booleans(),
)
def test_read_inputs_never_raises(prefix: bytes, body: bytes, suffix: str, compress: bool) -> None:
    data = prefix + body
    if compress:
        data = gzip.compress(data)[: max(len(data) // 2, 10)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_inputs([path]))
    assert items, "every file yields at least one Document or Rejected"
    for item in items:
        assert isinstance(item, Document | Rejected)
        if isinstance(item, Rejected):
            assert item.reason and "\n" not in item.reason
            assert not item.reason.startswith("cannot read: ") or "Error" not in item.reason, item
