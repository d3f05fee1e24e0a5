"""The limits of reading inputs, with their defaults in one place."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from marsad.errors import OptionError


@dataclass(frozen=True)
class IngestOptions:
    """Size and time limits; a file or record over a limit is rejected, never read whole.

    max_article_mb: one plain-text or HTML article file.
    max_container_mb: one JSON Lines, RSS/Atom or WARC file holding many articles.
    max_record_mb: the text of one record inside a container.
    max_decompressed_mb: what one gzip file (.gz, .warc.gz) may inflate to; checked before
        it is read, so a decompression bomb is rejected whole.
    read_timeout_s: the longest reading one file, or one record of a container, may take;
        checked between records (best effort: a running parser is not interrupted), and the
        time the caller spends on a yielded document does not count.
    """

    max_article_mb: float = 20
    max_container_mb: float = 1024
    max_record_mb: float = 5
    max_decompressed_mb: float = 4096
    read_timeout_s: float = 30

    def __post_init__(self) -> None:
        for option in fields(self):
            value = getattr(self, option.name)
            valid = (
                isinstance(value, int | float)
                and not isinstance(value, bool)
                and math.isfinite(value)
                and value > 0
            )
            if not valid:
                raise OptionError(option.name, value, "a positive number")

    def bytes_of(self, name: str) -> int:
        """A size limit in bytes."""
        return int(getattr(self, name) * 2**20)
