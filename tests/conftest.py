"""Shared fixtures: the development data folder (optional) and the spaCy pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = SHARED / "data"


def need_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test when a user's clone does not have it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (development data lives beside the repository)")
    return path


@pytest.fixture(scope="session")
def seed_extraction():
    """The seed article's extraction as JSON data (one run per test session)."""
    import json

    from tollbook import pipeline, read
    from tollbook.model import to_json
    from tollbook.settings import Settings

    article = need_shared("data", "seed", "article.txt")
    settings = Settings()
    extraction = pipeline.extract_report(read.read_path(article, settings), settings)
    return json.loads(to_json(extraction))
