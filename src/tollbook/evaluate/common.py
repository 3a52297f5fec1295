"""What every evaluator shares: running the pipeline on one item, the error file, folder checks.

An evaluator feeds the pipeline only what a user would have (text, title, date, url) — never a
gold id — and treats a refused report (empty page, not English, ...) as "nothing found", so
the score stays over the whole set; the refusals are counted separately.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, TypeVar

from tollbook.errors import InputError, TollbookError
from tollbook.model import Document, Extraction, Published
from tollbook.settings import Settings

T = TypeVar("T")
Progress = Callable[[Iterable[T]], Iterable[T]]


class DataFolderError(TollbookError):
    """The evaluation folder lacks a file the data set needs."""


def identity(items: Iterable[T]) -> Iterable[T]:
    return items


def require(folder: Path, *names: str) -> list[Path]:
    """The paths of the named files in folder, or a DataFolderError naming what is missing."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DataFolderError(f"{folder}: not a folder")
    missing = [name for name in names if not (folder / name).is_file()]
    if missing:
        raise DataFolderError(f"{folder}: missing {', '.join(missing)} (is this the right data set?)")
    return [folder / name for name in names]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def empty_extraction(text: str) -> Extraction:
    """What a refused report contributes: no claims, no events."""
    return Extraction(document=Document(id="", text=text, published=Published(date=None)))


def extract(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
) -> tuple[Extraction, str | None]:
    """The pipeline's extraction and None, or an empty extraction and the refusal reason."""
    item = {"text": text, "title": title, "published": published, "url": url}
    return next(extract_all([item], settings=settings))[1:]


def extract_all(
    items: Iterable[dict[str, Any]], *, settings: Settings | None = None, batch_size: int = 32
) -> Iterator[tuple[dict[str, Any], Extraction, str | None]]:
    """(item, extraction, refusal reason or None) for each item, in order.

    Items carry `text` and optionally `title`, `published`, `url`. Reports are parsed in batches
    through the pipeline's `extract_many` (spaCy is several times faster on a stream of texts).
    """
    batch: list[dict[str, Any]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from _extract_batch(batch, settings)
            batch = []
    if batch:
        yield from _extract_batch(batch, settings)


def _extract_batch(items: list[dict[str, Any]], settings: Settings | None):
    from tollbook import pipeline, read  # late: readers and metrics work without spaCy

    settings = settings or Settings()
    documents: list[Document | None] = []
    refusals: list[str | None] = []
    for item in items:
        try:
            documents.append(read.read_text(item["text"], settings=settings, url=item.get("url"),
                                            title=item.get("title"), published=item.get("published")))
            refusals.append(None)
        except InputError as refusal:
            documents.append(None)
            refusals.append(str(refusal))
    extracted = iter(pipeline.extract_many([d for d in documents if d is not None], settings))
    for item, document, refusal in zip(items, documents, refusals, strict=True):
        extraction = next(extracted) if document is not None else empty_extraction(item["text"])
        yield item, extraction, refusal


def _plain(value: Any) -> Any:
    """JSON for what json does not know: records as dicts, sets sorted, dates in ISO form."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    return str(value)


class ErrorLog:
    """Per-item predictions beside the gold, one JSON object a line (or nothing at all)."""

    def __init__(self, stream: IO[str] | None) -> None:
        self._stream = stream

    def write(self, **fields: Any) -> None:
        if self._stream is not None:
            self._stream.write(json.dumps(fields, ensure_ascii=False, default=_plain) + "\n")


@contextmanager
def error_log(path: Path | None) -> Iterator[ErrorLog]:
    if path is None:
        yield ErrorLog(None)
        return
    with Path(path).open("w", encoding="utf-8") as stream:
        yield ErrorLog(stream)


def limited(items: list[T], limit: int | None) -> list[T]:
    return items if limit is None else items[: max(0, limit)]


def score_all(items: list[dict[str, Any]], score_item: Callable, *, errors: Path | None,
              progress: Callable = identity, settings: Settings | None = None) -> dict[str, Any]:
    """Extract every item, score it with `score_item(item, extraction, scores) -> row`, log each
    row beside its id, and return the metrics (the loop gvdb and gva share)."""
    from tollbook.evaluate import metrics

    scores = metrics.Scores()
    with error_log(errors) as log:
        for item, extraction, refusal in extract_all(progress(items), settings=settings):
            scores.count("refused", int(refusal is not None))
            row = score_item(item, extraction, scores)
            scores.n += 1
            log.write(id=item["id"], refused=refusal, **row)
    return scores.summary()
