"""Exports of the ledger: pure functions from a `Ledger` to text, one module per format.

    render(ledger, "acled" | "ucdp" | "jsonl" | "geojson") -> str
    write_atomically(path, text)   # a temporary file renamed over the target: never half-written
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from tollbook.errors import TollbookError
from tollbook.reconcile.ledger import Ledger

FORMATS = ("acled", "ucdp", "jsonl", "geojson")


class UnknownFormat(TollbookError):
    """`tollbook export` was given a format it does not write."""


def check_format(name: str) -> None:
    if name not in FORMATS:
        raise UnknownFormat(f"unknown export format {name!r}; choose one of {', '.join(FORMATS)}")


def _renderer(name: str) -> Callable[[Ledger], str]:
    check_format(name)
    if name == "acled":
        from tollbook.export.acled import to_csv
        return to_csv
    if name == "ucdp":
        from tollbook.export.ucdp import to_csv
        return to_csv
    if name == "jsonl":
        from tollbook.export.jsonl import to_jsonl
        return to_jsonl
    if name == "geojson":
        from tollbook.export.geojson import to_geojson
        return to_geojson
    raise AssertionError(name)  # check_format lets only FORMATS through


def render(ledger: Ledger, name: str) -> str:
    return _renderer(name)(ledger)


def write_atomically(path: Path | str, text: str) -> None:
    """Write text to path through a temporary file in the same folder, renamed into place."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
