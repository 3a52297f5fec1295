"""`tollbook eval KIND PATH`: dispatch to one data set's evaluator, with a progress bar.

Every evaluator has the signature

    evaluate(path: Path, *, limit=None, errors: Path | None = None, progress=identity,
             settings=None) -> dict

and returns a flat dict of metrics plus `n`, the number of items scored. `progress` wraps the
iterable of items; `run` passes a rich progress bar drawn on stderr, so `--json` output on
stdout stays clean. Evaluator modules are imported on first use: `tollbook eval events` need
not load trafilatura, nor `eval body` spaCy.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from tollbook.errors import TollbookError
from tollbook.evaluate.common import identity
from tollbook.settings import Settings

Evaluator = Callable[..., dict[str, Any]]


class UnknownKind(TollbookError):
    """`tollbook eval` was given a data set it does not know."""


def _lazy(module: str, summary: str) -> Evaluator:
    def evaluate(path: Path, **options: Any) -> dict[str, Any]:
        return importlib.import_module(f"tollbook.evaluate.{module}").evaluate(Path(path), **options)

    evaluate.__doc__ = summary
    evaluate.__name__ = f"evaluate_{module}"
    return evaluate


KINDS: dict[str, Evaluator] = {
    "gvdb": _lazy("gvdb", "killed / injured per article against Gun Violence Database annotations"),
    "gva": _lazy("gva", "killed / injured, date and place against the Gun Violence Archive registry"),
    "muc4": _lazy("muc4", "MUC-4 incident type, date, country and casualties in upper-case wire text"),
    "events": _lazy("events", "ACLED event types of CASE 2021 snippets"),
    "seed": _lazy("seed", "the founding article through the seed checker"),
    "body": _lazy("body", "article body extraction from HTML (article-extraction-benchmark)"),
    "ledger": _lazy("ledger", "reports reconciled into a ledger against the Gun Violence Archive incidents"),
}


@contextmanager
def progress_bar(description: str, *, enabled: bool = True) -> Iterator[Callable[[Iterable], Iterable]]:
    """A `progress` callable that draws a bar on stderr while the evaluator iterates."""
    if not enabled:
        yield identity
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        def track(items: Iterable) -> Iterator:
            total = len(items) if hasattr(items, "__len__") else None
            task = bar.add_task(description, total=total)
            for item in items:
                yield item
                bar.advance(task)

        yield track


def run(kind: str, path: Path | str, *, limit: int | None = None, errors: Path | None = None,
        settings: Settings | None = None, progress: bool = True) -> dict[str, Any]:
    """Evaluate tollbook on the data set of the given kind found at path."""
    evaluator = KINDS.get(kind)
    if evaluator is None:
        raise UnknownKind(f"unknown evaluation {kind!r}; choose one of {', '.join(KINDS)}")
    if limit is not None and limit < 0:
        raise TollbookError(f"--limit must be 0 or more, not {limit}")
    with progress_bar(f"eval {kind}", enabled=progress) as track:
        return evaluator(Path(path), limit=limit, errors=Path(errors) if errors else None,
                         progress=track, settings=settings)


def _format(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "—" if value is None else str(value)


def render(kind: str, metrics: dict[str, Any]) -> Table:
    """The metrics as a two-column table, `n` first, baselines last."""
    table = Table(title=f"tollbook eval {kind}", show_header=True)
    table.add_column("metric")
    table.add_column("value", justify="right")
    ordered = sorted(metrics, key=lambda name: (name != "n", name.startswith("baseline_")))
    for name in ordered:
        table.add_row(name, _format(metrics[name]))
    return table
