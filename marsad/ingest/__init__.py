"""Read any Arabic news input (text, HTML, JSON Lines, RSS/Atom, WARC) into Documents.

`read_inputs` yields a Document or a Rejected for every file and record and never raises
for bad input; `link_duplicates` marks copies of the same article.
"""

from marsad.ingest.dateline import Dateline, find_dateline
from marsad.ingest.document import content_hash
from marsad.ingest.duplicates import link_duplicates
from marsad.ingest.language import detect_language
from marsad.ingest.options import IngestOptions
from marsad.ingest.reader import read_file, read_inputs

__all__ = [
    "Dateline",
    "IngestOptions",
    "content_hash",
    "detect_language",
    "find_dateline",
    "link_duplicates",
    "read_file",
    "read_inputs",
]
