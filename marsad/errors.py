"""The one catalogue of errors: each says what happened and what to do about it."""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error marsad raises on purpose."""


class InputRejected(MarsadError):
    """An input file or record cannot become a document; the message is the one-line reason."""


class OptionError(MarsadError, ValueError):
    """An option has an unknown name or a wrong value."""

    def __init__(self, name: str, value: object, allowed: str) -> None:
        super().__init__(f"option {name!r} got {value!r}; allowed: {allowed}")


class StoreError(MarsadError):
    """The SQLite store cannot be opened or migrated."""


# Reasons for rejected inputs, worded once so that messages stay consistent.
EMPTY_FILE = "empty file (0 bytes)"
NO_TEXT = "no text left after decoding and stripping markup"
BINARY = "binary data, not text (NUL bytes or control characters); is this the right file?"
UNDECODABLE = "cannot decode as UTF-8, UTF-16, Windows-1256 or ISO-8859-6"
HTML_NO_ARTICLE = "HTML page holds no article text"
TOO_LARGE = (
    "file is {size_mb:.1f} MB, over the {limit_mb} MB limit for {kind}; raise the limit or split it"
)
DECOMPRESSED_TOO_LARGE = (
    "compressed file inflates to over the {limit_mb} MB limit (max_decompressed_mb); "
    "a decompression bomb, or raise the limit"
)
RECORD_TOO_LARGE = "record text is {size_mb:.1f} MB, over the {limit_mb} MB limit for one article"
UNREADABLE = "cannot read: {error}"
BAD_JSON = "line {line}: not valid JSON ({error})"
BAD_RECORD = "line {line}: {error}"
TRUNCATED_GZIP = "compressed stream is truncated or corrupt ({error})"
BAD_WARC = "not a readable WARC file ({error})"
BAD_FEED = "not a readable RSS/Atom feed ({error})"
UNKNOWN_FORMAT = "not a supported input format (plain text, HTML, JSON Lines, RSS/Atom, WARC)"
NO_LETTERS = "text has no letters (only digits, punctuation or symbols); is this an article?"
NOT_REGULAR_FILE = "cannot read: {kind}, not a regular file"
NO_RECORD_TEXT = "line {line}: no \"text\" field; every JSON Lines record needs one"
RECORD_TEXT_NOT_STRING = "line {line}: \"text\" is {kind}, not a string"
RECORD_NOT_OBJECT = "line {line}: a JSON Lines record must be an object, got {kind}"
RECORD_NOT_UTF8 = "line {line}: not UTF-8 ({error}); JSON Lines files must be UTF-8"
READ_TIMEOUT = (
    "reading stopped: one record took over {seconds:g} s (read_timeout_s); "
    "earlier records were kept"
)
NO_HTML_RECORDS = "WARC file holds no HTML response records"
FEED_NO_ENTRIES = "RSS/Atom feed has no entries"
