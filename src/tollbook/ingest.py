"""`tollbook ingest`: reports in, extractions stored — N extraction processes, one writer.

Inputs are files, folders (searched recursively for .txt, .html, .htm and .jsonl), globs, `-` for
standard input, and JSONL corpora (one report per line, see `read.jsonl`). Each report is read and
looked up by its content hash *before* extraction, so re-running an ingest costs a read per report
and adds nothing. Extraction runs in `jobs` worker processes, each parsing its chunk of reports in
one spaCy batch (`pipeline.extract_many`); the main process alone writes, one transaction per report,
so a killed ingest leaves only whole reports behind and the next run carries on where it stopped.

A report that cannot be read or extracted is a failure with its reason, never a stop: the summary
lists them. Only a broken database or a dead worker stops the run.
"""

from __future__ import annotations

import datetime
import glob
import multiprocessing
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import sqlalchemy as sa

from tollbook.errors import TollbookError, UnreadablePath
from tollbook.model import Document, Extraction
from tollbook.read import jsonl
from tollbook.read.jsonl import JsonlReport, LineFailure
from tollbook.read.text import read_stream_bytes
from tollbook.settings import Settings
from tollbook.store import Store, StoreError, open_store
from tollbook.store.engine import reason as database_reason

REPORT_SUFFIXES = frozenset({".txt", ".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
CHUNK = 16  # reports per task: one spaCy batch in a worker, and the progress bar's step
# A report whose extraction runs longer than this fails ("stopped after 60 s") instead of stalling
# the corpus; a batch gets the same plus a little per report before it is retried one by one.
REPORT_SECONDS = 60
BATCH_SECONDS_PER_REPORT = 5
STDIN = "-"


class IngestError(TollbookError):
    """The ingest cannot start (bad arguments) or cannot go on (an extraction process died)."""


@dataclass(frozen=True)
class FileReport:
    name: str  # the path


@dataclass(frozen=True)
class StdinReport:
    name: str
    data: bytes


Item = FileReport | StdinReport | JsonlReport | LineFailure


@dataclass(frozen=True)
class Result:
    """What became of one report in a worker: an extraction to store, a known duplicate, or why not."""

    name: str
    extraction: Extraction | None = None
    duplicate: bool = False
    reason: str | None = None


@dataclass
class Summary:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


# ---------------------------------------------------------------- inputs


def find_inputs(paths: Sequence[str]) -> list[Path | str]:
    """Files to read, in the order given (folders and globs sorted), each once; `-` stays `-`.
    Raises UnreadablePath for a path that is missing, matches nothing or holds no reports."""
    found: list[Path | str] = []
    for raw in paths:
        found.extend(_expand(raw))
    seen: set[Path | str] = set()
    unique = []
    for item in found:
        key = item.resolve() if isinstance(item, Path) else item
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique


def _expand(raw: str) -> list[Path | str]:
    if raw == STDIN:
        return [STDIN]
    path = Path(raw)
    if path.is_dir():
        return _reports_in(path) or _fail(f"{raw}: no .txt, .html, .htm or .jsonl files in this folder")
    if path.exists():
        return [path]
    if glob.has_magic(raw):
        matches = [Path(m) for m in sorted(glob.glob(raw, recursive=True))]
        files = [p for m in matches for p in (_reports_in(m) if m.is_dir() else [m])]
        return files or _fail(f"{raw}: matches no report files")
    return _fail(f"{raw}: no such file or folder")


def _reports_in(folder: Path) -> list[Path | str]:
    suffixes = REPORT_SUFFIXES | JSONL_SUFFIXES
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in suffixes and p.is_file())


def _fail(message: str) -> list[Path | str]:
    raise UnreadablePath(message)


def is_jsonl(path: Path | str) -> bool:
    return isinstance(path, Path) and path.suffix.lower() in JSONL_SUFFIXES


def count_reports(inputs: Iterable[Path | str]) -> int:
    """How many reports the inputs hold (a JSONL file: its non-blank lines), for the progress bar."""
    total = 0
    for item in inputs:
        if is_jsonl(item):
            with Path(item).open("rb") as lines:
                total += sum(1 for line in lines if line.strip())
        else:
            total += 1
    return total


def items(
    inputs: Iterable[Path | str], field_map: dict[str, str], stdin: Callable[[], bytes]
) -> Iterator[Item]:
    """Every report of the inputs, lazily (a JSONL corpus is never held in memory whole)."""
    for source in inputs:
        if source == STDIN:
            yield StdinReport(name=STDIN, data=stdin())
        elif is_jsonl(source):
            try:
                with Path(source).open(encoding="utf-8", errors="replace") as lines:
                    yield from jsonl.iter_reports(lines, field_map, name=str(source))
            except OSError as error:
                yield LineFailure(name=str(source), reason=f"{source}: cannot be read ({error.strerror})")
        else:
            yield FileReport(name=str(source))


# ---------------------------------------------------------------- extraction (in the workers)


def extract_chunk(chunk: Sequence[Item], settings: Settings, store: Store) -> list[Result]:
    """Read the chunk's reports, drop those already stored, extract the rest in one batch."""
    documents: dict[int, Document] = {}
    results: dict[int, Result] = {}
    for i, item in enumerate(chunk):
        try:
            documents[i] = _read(item, settings)
        except TollbookError as error:
            results[i] = Result(name=item.name, reason=str(error))
        except Exception as error:  # noqa: BLE001 - a reader bug on one page must not stop a corpus
            results[i] = Result(name=item.name, reason=f"{item.name}: cannot be read ({error!r})")
    known = store.known(d.id for d in documents.values())
    for i, document in list(documents.items()):
        if document.id in known:
            results[i] = Result(name=chunk[i].name, duplicate=True)
            del documents[i]
    for i, outcome in zip(documents, _extract_all(list(documents.values()), settings), strict=True):
        results[i] = _result(chunk[i].name, outcome)
    return [results[i] for i in range(len(chunk))]


def _read(item: Item, settings: Settings) -> Document:
    from tollbook import read

    if isinstance(item, LineFailure):
        raise IngestError(item.reason)
    if isinstance(item, JsonlReport):
        return jsonl.read_report(item, settings)
    own = settings.with_(published=None)  # --published is the fallback, not an override
    if isinstance(item, StdinReport):
        document = read.read_bytes(item.data, settings=own, name=STDIN)
    else:
        document = read.read_path(item.name, own)
    return jsonl.fallback_date(document, settings.published)


def _extract_all(documents: list[Document], settings: Settings) -> list[Extraction | Exception]:
    """Extractions in one batch; if the batch fails (or overruns its time), one by one, so that one
    bad report fails alone."""
    if not documents:
        return []  # before importing the pipeline: a re-run of a stored corpus never loads spaCy
    from tollbook import pipeline

    try:
        with _time_limit(REPORT_SECONDS + BATCH_SECONDS_PER_REPORT * len(documents)):
            return list(pipeline.extract_many(documents, settings, batch_size=len(documents)))
    except Exception:  # noqa: BLE001 - isolated below, report by report
        pass
    out: list[Extraction | Exception] = []
    for document in documents:
        try:
            with _time_limit(REPORT_SECONDS):
                out.append(pipeline.extract_report(document, settings))
        except Exception as error:  # noqa: BLE001 - a bug on one report must not stop a corpus
            out.append(error)
    return out


class ReportTimeout(Exception):
    def __str__(self) -> str:
        return f"stopped after {REPORT_SECONDS} s"


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise ReportTimeout in this thread after `seconds` (a report that would never finish must
    not stall a corpus). Only the main thread receives signals: elsewhere, no limit."""
    def expire(_signum, _frame):
        raise ReportTimeout()

    try:
        previous = signal.signal(signal.SIGALRM, expire)
    except ValueError:  # not the main thread
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _result(name: str, outcome: Extraction | Exception) -> Result:
    if isinstance(outcome, Extraction):
        return Result(name=name, extraction=outcome)
    if isinstance(outcome, TollbookError):
        return Result(name=name, reason=str(outcome))
    if isinstance(outcome, ReportTimeout):
        return Result(name=name, reason=f"{name}: extraction {outcome}")
    return Result(name=name, reason=f"{name}: extraction failed ({type(outcome).__name__}: {outcome})")


_worker_state: tuple[Settings, Store] | None = None


def _start_worker(url: str, settings: Settings) -> None:
    global _worker_state
    _worker_state = (settings, open_store(url, migrate=False))


def _work(chunk: list[Item]) -> list[Result]:
    assert _worker_state is not None, "worker not initialised"
    return extract_chunk(chunk, *_worker_state)


# ---------------------------------------------------------------- the run (one writer)


def ingest(
    reports: Iterable[Item],
    store: Store,
    *,
    settings: Settings | None = None,
    jobs: int = 1,
    on_result: Callable[[Result, Summary], None] | None = None,
) -> Summary:
    """Extract and store every report; the summary says what became of each."""
    settings = settings or Settings()
    summary = Summary()
    for result in _results(reports, store, settings, jobs):
        _record(result, store, summary)
        if on_result is not None:
            on_result(result, summary)
    return summary


def _results(reports: Iterable[Item], store: Store, settings: Settings, jobs: int) -> Iterator[Result]:
    chunks = _chunks(reports, CHUNK)
    if jobs <= 1:
        for chunk in chunks:
            yield from extract_chunk(chunk, settings, store)
        return
    yield from _in_workers(chunks, store, settings, jobs)


def _in_workers(
    chunks: Iterator[list[Item]], store: Store, settings: Settings, jobs: int
) -> Iterator[Result]:
    from tollbook.annotate.places import load_index

    load_index()  # build the gazetteer's cache file once here, not once per worker
    url = store.engine.url.render_as_string(hide_password=False)
    # spawn, not fork: a forked worker would share the writer's database connections.
    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start_worker, initargs=(url, settings)
    )
    pending: set[Future[list[Result]]] = set()
    try:
        for chunk in chunks:
            pending.add(executor.submit(_work, chunk))
            if len(pending) >= 2 * jobs:  # bounded: a corpus is never queued whole
                yield from _finished(pending)
        while pending:
            yield from _finished(pending)
    except BrokenProcessPool:
        raise IngestError("an extraction process died (out of memory?); re-run to carry on") from None
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _finished(pending: set[Future[list[Result]]]) -> Iterator[Result]:
    """Results of whichever chunks are done first (a slow chunk must not hold the others up)."""
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    for future in done:
        pending.discard(future)
        yield from future.result()


def _record(result: Result, store: Store, summary: Summary) -> None:
    summary.read += 1
    if result.reason is not None:
        summary.failures.append((result.name, result.reason))
    elif result.duplicate or result.extraction is None:
        summary.duplicates += 1
    else:
        try:
            stored = store.save(result.extraction)
        except sa.exc.OperationalError as error:
            raise StoreError(f"{store.url}: cannot write ({database_reason(error)})") from None
        except sa.exc.StatementError as error:  # this report's data, not the database
            summary.failures.append((result.name, f"{result.name}: not stored ({database_reason(error)})"))
            return
        if stored:
            summary.stored += 1
        else:
            summary.duplicates += 1  # the same text twice in this run


def _chunks(reports: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(reports)
    while chunk := list(islice(iterator, size)):
        yield chunk


def check_date(published: str | None) -> str | None:
    """--published must be an ISO date (YYYY-MM-DD)."""
    if published is None:
        return None
    try:
        return datetime.date.fromisoformat(published).isoformat()
    except ValueError:
        raise IngestError(f"--published {published!r}: expected a date as YYYY-MM-DD") from None


# ---------------------------------------------------------------- the command


def run(
    paths: Sequence[str],
    *,
    db: str | None = None,
    jobs: int = 1,
    fields: Sequence[str] = (),
    published: str | None = None,
    settings: Settings | None = None,
) -> Summary:
    """`tollbook ingest`: check every argument first (one-line errors), then ingest with a progress
    bar on stderr and print the summary."""
    import sys

    from rich.console import Console

    field_map = jsonl.parse_field_map(fields)
    settings = (settings or Settings()).with_(published=check_date(published))
    if jobs < 1:
        raise IngestError(f"--jobs {jobs}: at least 1")
    inputs = find_inputs(paths)
    with open_store(db) as store:
        reports = items(inputs, field_map, stdin=lambda: read_stream_bytes(None, settings.max_bytes))
        with _progress(Console(stderr=True)) as progress:
            task = progress.add_task("ingesting", total=count_reports(inputs), rate="")

            def advance(*_: object) -> None:
                progress.advance(task)
                speed = progress.tasks[0].speed
                progress.update(task, rate=f"{speed:.1f} reports/s" if speed else "")

            summary = ingest(reports, store, settings=settings, jobs=jobs, on_result=advance)
    print_summary(summary, Console(file=sys.stdout, highlight=False), store_url=store.url)
    return summary


def _progress(console):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    # rich's speed: reports/s over its recent window of updates.
    rate = TextColumn("{task.fields[rate]}", style="progress.data.speed")
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), rate,
                        TimeElapsedColumn(), console=console)
    return progress


MAX_LISTED_FAILURES = 20


def print_summary(summary: Summary, console, *, store_url: str) -> None:
    """The counts, then each failure with its reason (the first MAX_LISTED_FAILURES)."""
    from rich.table import Table

    table = Table(title=f"ingest into {store_url}", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    for label, value in (("read", summary.read), ("stored", summary.stored),
                         ("skipped as duplicate", summary.duplicates), ("failed", summary.failed)):
        table.add_row(label, f"{value:,}")
    console.print(table)
    for _name, why in summary.failures[:MAX_LISTED_FAILURES]:
        console.print(f"  failed: {why}", markup=False)
    if summary.failed > MAX_LISTED_FAILURES:
        console.print(f"  … and {summary.failed - MAX_LISTED_FAILURES:,} more failures")
