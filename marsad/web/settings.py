"""Options of the web app, with their defaults in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass

from marsad.errors import OptionError

TOKEN_ENV = "MARSAD_TOKEN"


@dataclass(frozen=True)
class Settings:
    """How the server behaves: uploads need `token`; read endpoints are open to all."""

    token: str | None = None
    max_upload_mb: float = 20
    max_request_kb: float = 64
    page_size: int = 50
    max_page_size: int = 200
    # How long a view of the store is trusted before asking SQLite whether it changed;
    # uploads through the app refresh it at once.
    refresh_seconds: float = 1.0
    cached_pages: int = 2000

    def __post_init__(self) -> None:
        for name in ("max_upload_mb", "max_request_kb", "page_size", "max_page_size",
                     "refresh_seconds", "cached_pages"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or value <= 0:
                raise OptionError(name, value, "a positive number")
        if self.page_size > self.max_page_size:
            raise OptionError("page_size", self.page_size, f"at most {self.max_page_size}")
        if self.token is not None and not self.token.strip():
            raise OptionError("token", "(blank)", "a non-empty string, or none to disable uploads")

    @classmethod
    def from_env(cls, token: str | None = None, **options: float) -> Settings:
        """Settings whose token is `token`, else $MARSAD_TOKEN, else none (uploads off)."""
        return cls(token=token or os.environ.get(TOKEN_ENV) or None, **options)  # type: ignore[arg-type]

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def max_request_bytes(self) -> int:
        return int(self.max_request_kb * 1024)
