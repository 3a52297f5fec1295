"""`tollbook ingest`: inputs, de-duplication, failures with reasons, workers, and the acceptance
tests — ingesting twice changes nothing; killing the ingest at random moments, then re-running,
leaves every report whole and none twice. On SQLite and PostgreSQL (see conftest_pg)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from tollbook import ingest
from tollbook.errors import UnreadablePath
from tollbook.model import to_dict
from tollbook.read.jsonl import parse_field_map
from tollbook.settings import Settings
from tollbook.store import open_store

pytest_plugins = ["conftest_pg"]  # the db_url fixture: SQLite and PostgreSQL

TOLLBOOK = str(Path(sys.executable).with_name("tollbook"))
TOWNS = ["Harlow Creek", "Millbrook", "Eastfield", "Port Alden", "Granite Falls", "Oakridge", "Bellmont"]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"]


def invented_report(i: int) -> str:
    """A short, invented shooting report; figures, places and dates vary with i."""
    killed, injured = NUMBERS[i % len(NUMBERS)], NUMBERS[(i * 3 + 1) % len(NUMBERS)]
    town = TOWNS[i % len(TOWNS)]
    return (
        f"{killed.capitalize()} dead after shooting in {town}\n\n"
        f"{killed.capitalize()} people were killed and {injured} others were wounded when a gunman opened "
        f"fire outside a store in {town} on March {i % 27 + 1}, 2016, police said. "
        f"Officers arrested a {20 + i}-year-old man at the scene, Sergeant Lee Park told reporters. "
        f"Report number {i}."
    )


def write_reports(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        path = folder / f"report-{i:03d}.txt"
        path.write_text(invented_report(i), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A folder of what an ingest meets: reports, a nested folder, an HTML page, a JSONL corpus with
    a broken line, a file that is not a report, an empty one and a binary one."""
    folder = tmp_path / "corpus"
    write_reports(folder, 3)
    write_reports(folder / "nested" / "deeper", 2, start=3)
    (folder / "page.HTML").write_text(
        "<html><head><title>Bellmont market attack</title></head><body><article>"
        + "".join(f"<p>{invented_report(9)} Paragraph {k} of the story.</p>" for k in range(3))
        + "</article></body></html>", encoding="utf-8")
    lines = [json.dumps({"content": invented_report(i), "dct": f"2016-03-{i:02d}",
                         "uri": f"http://n.invalid/{i}", "incident_id": f"9990{i}"}) for i in (10, 11)]
    jsonl = "\n".join([lines[0], "{not json", lines[1]]) + "\n"
    (folder / "corpus.jsonl").write_text(jsonl, encoding="utf-8")
    (folder / "README.md").write_text("Not a report: never read.", encoding="utf-8")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return folder


JSONL_FIELDS = ["text=content", "published=dct", "url=uri"]


# ---------------------------------------------------------------- inputs


def test_folders_are_searched_recursively_for_report_files(corpus):
    found = ingest.find_inputs([str(corpus)])
    names = [p.relative_to(corpus).as_posix() for p in found]
    assert names == sorted(names)
    assert set(names) == {"report-000.txt", "report-001.txt", "report-002.txt",
                          "nested/deeper/report-003.txt", "nested/deeper/report-004.txt", "page.HTML",
                          "corpus.jsonl", "empty.txt", "image.txt"}
    assert ingest.count_reports(found) == 8 + 3  # a JSONL file counts its non-blank lines


def test_globs_files_stdin_and_repeats(corpus):
    pattern = str(corpus / "**" / "report-00[34].txt")
    found = ingest.find_inputs([pattern, str(corpus / "README.md"), "-", pattern])
    names = [p if p == "-" else p.name for p in found]
    assert names == ["report-003.txt", "report-004.txt", "README.md", "-"]


@pytest.mark.parametrize("make", ["missing", "no_match", "empty_folder"])
def test_unreadable_paths_fail_before_anything_runs(tmp_path, make):
    path = {"missing": tmp_path / "nope.txt", "no_match": tmp_path / "*.nothing",
            "empty_folder": tmp_path / "empty"}[make]
    if make == "empty_folder":
        path.mkdir()
        (path / "notes.md").write_text("not a report")
    with pytest.raises(UnreadablePath):
        ingest.find_inputs([str(path)])


# ---------------------------------------------------------------- ingesting


def test_ingest_twice_changes_nothing(db_url, corpus, table_dump, capsys):
    first = ingest.run([str(corpus)], db=db_url, fields=JSONL_FIELDS)
    assert (first.read, first.stored, first.duplicates, first.failed) == (11, 8, 0, 3)
    reasons = dict(first.failures)
    assert "the input is empty" in reasons[str(corpus / "empty.txt")]
    assert "PNG image" in reasons[str(corpus / "image.txt")]
    assert "not JSON" in reasons[f"{corpus / 'corpus.jsonl'}:2"]
    with open_store(db_url) as store:
        before = table_dump(store)
        assert store.counts()["claims"] >= 8 and store.counts()["events"] >= 8
    second = ingest.run([str(corpus)], db=db_url, fields=JSONL_FIELDS)
    assert (second.read, second.stored, second.duplicates, second.failed) == (11, 0, 8, 3)
    with open_store(db_url) as store:
        assert table_dump(store) == before
    summary = capsys.readouterr().out
    assert "skipped as duplicate" in summary and "the input is empty" in summary


def test_jsonl_fields_are_mapped_and_nothing_else_is_read(db_url, corpus):
    ingest.run([str(corpus / "corpus.jsonl")], db=db_url, fields=JSONL_FIELDS)
    with open_store(db_url) as store:
        documents = sorted(store.load(), key=lambda x: x.document.url)
    assert [(x.document.url, x.document.published.date) for x in documents] == [
        ("http://n.invalid/10", "2016-03-10"), ("http://n.invalid/11", "2016-03-11")]
    assert all("9990" not in json.dumps(to_dict(x)) for x in documents)  # the incident ids


def test_the_same_text_twice_in_one_run_is_stored_once(db_url, tmp_path):
    paths = write_reports(tmp_path / "a", 1) + write_reports(tmp_path / "b", 1)  # equal texts
    summary = ingest.run([str(p) for p in paths], db=db_url, published="2016-04-01")
    assert (summary.stored, summary.duplicates) == (1, 1)
    with open_store(db_url) as store:
        (only,) = store.load()
    assert only.document.published.date == "2016-04-01"  # --published dates a report with none


def test_stdin_is_one_report(tmp_path):
    url = f"sqlite:///{tmp_path / 't.db'}"
    with open_store(url) as store:
        reports = ingest.items(["-"], parse_field_map([]), stdin=lambda: invented_report(5).encode())
        summary = ingest.ingest(reports, store)
        assert (summary.stored, [x.document.text for x in store.load()]) == (1, [invented_report(5)])


def test_one_failing_report_fails_alone(tmp_path, monkeypatch):
    from tollbook import pipeline

    real_many = pipeline.extract_many

    def whole_batch_fails(documents, settings=None, **_):
        raise RuntimeError("batch broke")
        yield  # a generator, like the real one

    def picky(document, settings=None):
        if "Report number 1." in document.text:
            raise ValueError("an extractor bug")
        return next(real_many([document], settings))

    monkeypatch.setattr(pipeline, "extract_many", whole_batch_fails)
    monkeypatch.setattr(pipeline, "extract_report", picky)
    paths = write_reports(tmp_path / "r", 3)
    with open_store(f"sqlite:///{tmp_path / 't.db'}") as store:
        reports = ingest.items(paths, parse_field_map([]), stdin=bytes)
        summary = ingest.ingest(reports, store)
    assert (summary.stored, summary.failed) == (2, 1)
    assert summary.failures[0][1].endswith("extraction failed (ValueError: an extractor bug)")


def test_a_report_that_never_finishes_fails_alone(tmp_path, monkeypatch):
    from tollbook import pipeline

    real_many = pipeline.extract_many

    def hangs_on_report_2(documents, settings=None, **options):
        if any("Report number 2." in d.text for d in documents):
            time.sleep(30)
        yield from real_many(documents, settings, **options)

    monkeypatch.setattr(pipeline, "extract_many", hangs_on_report_2)
    monkeypatch.setattr(ingest, "REPORT_SECONDS", 0.5)
    monkeypatch.setattr(ingest, "BATCH_SECONDS_PER_REPORT", 0.1)
    paths = write_reports(tmp_path / "r", 4)
    started = time.monotonic()
    with open_store(f"sqlite:///{tmp_path / 't.db'}") as store:
        summary = ingest.ingest(ingest.items(paths, parse_field_map([]), stdin=bytes), store)
    assert time.monotonic() - started < 15
    assert (summary.stored, summary.failed) == (3, 1)
    assert summary.failures[0] == (str(paths[2]), f"{paths[2]}: extraction stopped after 0.5 s")


@pytest.mark.parametrize("value", ["2016-02-30", "yesterday", "2016/02/01"])
def test_bad_publication_dates_are_refused(value):
    with pytest.raises(ingest.IngestError, match="YYYY-MM-DD"):
        ingest.check_date(value)


# ---------------------------------------------------------------- the command


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nowhere/at/all.txt"], "nowhere/at/all.txt: no such file or folder"),
        (["{corpus}", "--field", "text"], "expected NAME=FIELD"),
        (["{corpus}", "--field", "incident=incident_id"], "is not one of"),
        (["{corpus}", "--db", "mysql://u@h/db"], "unsupported database"),
        (["{corpus}", "--db", "postgresql://u@127.0.0.1:1/db"], "cannot open the database"),
        (["{corpus}", "--published", "2016-13-01"], "expected a date"),
        (["{corpus}", "--jobs", "0"], "--jobs"),
    ],
)
def test_bad_arguments_are_one_line_errors(corpus, tmp_path, monkeypatch, capsys, args, message):
    from tollbook import cli

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["tollbook", "ingest", *[a.format(corpus=corpus) for a in args]])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 2
    error = capsys.readouterr().err
    assert error.startswith(("tollbook: error: ", "Usage:")) and message in " ".join(error.split())
    assert not (tmp_path / "tollbook.db").exists()  # nothing was created before the error


def test_the_command_exits_2_with_one_line(tmp_path):
    done = subprocess.run([TOLLBOOK, "ingest", "nowhere.txt"], capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "COLUMNS": "500"}, timeout=60)
    assert (done.returncode, done.stderr) == (2, "tollbook: error: nowhere.txt: no such file or folder\n")


def test_jobs_in_worker_processes_store_what_one_process_does(corpus, tmp_path):
    # SQLite only: the workers only read (the writer is the code every other test runs on both), and
    # each run starts three cold processes.
    db_url = f"sqlite:///{tmp_path / 'two.db'}"
    done = subprocess.run([TOLLBOOK, "ingest", str(corpus), "--db", db_url, "--jobs", "2",
                           *[f"--field={f}" for f in JSONL_FIELDS]],
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr  # failures are reported, not fatal
    assert "reports/s" in done.stderr and "failed" in done.stdout
    reference = f"sqlite:///{tmp_path / 'one.db'}"
    ingest.run([str(corpus)], db=reference, fields=JSONL_FIELDS)
    with open_store(db_url) as parallel, open_store(reference) as serial:
        # Chunks are stored as they finish, so the order may differ; the reports may not.
        assert {x.document.id: to_dict(x) for x in parallel.load()} == {
            x.document.id: to_dict(x) for x in serial.load()}


# ---------------------------------------------------------------- crash safety


def _expected_counts(extractions) -> dict[str, int]:
    return {
        "documents": len(extractions),
        "segments": sum(len(x.document.segments) for x in extractions),
        "people": sum(len(x.people) for x in extractions),
        "events": sum(len(x.events) for x in extractions),
        "claims": sum(len(x.claims) for x in extractions),
        "claim_mentions": sum(len(c.mentions) for x in extractions for c in x.claims),
        "findings": sum(len(x.findings) for x in extractions),
    }


def _check_whole(store, reference: dict) -> int:
    """Every stored report equals its reference, rows and all; returns how many are stored."""
    stored = list(store.load())
    ids = [x.document.id for x in stored]
    assert len(ids) == len(set(ids)) and set(ids) <= set(reference)
    for extraction in stored:
        assert to_dict(extraction) == reference[extraction.document.id]
    assert store.counts() == _expected_counts(stored)
    return len(stored)


def _fork_ingest(folder: Path, url: str) -> int:
    """`tollbook ingest FOLDER --db URL` in a forked child (spaCy already loaded: no cold start)."""
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        code = 1
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            from tollbook import cli

            sys.argv = ["tollbook", "ingest", str(folder), "--db", url]
            cli.main()
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        finally:
            os._exit(code)
    return pid


def _documents(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.text("SELECT count(*) FROM documents")).scalar())


@pytest.mark.slow
def test_killed_ingests_leave_whole_reports_and_no_duplicates(db_url, tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "CHUNK", 4)  # smaller batches: more writes between the kills
    folder = tmp_path / "forty"
    write_reports(folder, 40)
    with open_store(f"sqlite:///{tmp_path / 'reference.db'}") as reference_store:
        reference_store_summary = ingest.ingest(
            ingest.items(ingest.find_inputs([str(folder)]), parse_field_map([]), stdin=bytes),
            reference_store, settings=Settings())
        assert reference_store_summary.stored == 40
        reference = {x.document.id: to_dict(x) for x in reference_store.load()}
    rng = random.Random(20240309)
    kills = mid_write = 0
    with open_store(db_url) as store:
        for _round in range(60):
            if kills >= 10 and mid_write >= 5:
                break
            before = _documents(store.engine)
            pid = _fork_ingest(folder, db_url)
            deadline = time.monotonic() + (rng.uniform(0.05, 0.6) if rng.random() < 0.3 else 10)
            # Mostly: wait until the writer is storing, then kill it a few milliseconds later.
            while time.monotonic() < deadline and os.waitpid(pid, os.WNOHANG) == (0, 0):
                if _documents(store.engine) > before:
                    time.sleep(rng.uniform(0, 0.005))
                    break
                time.sleep(0.002)
            if os.waitpid(pid, os.WNOHANG) == (0, 0):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                kills += 1
                mid_write += _documents(store.engine) > before
            _check_whole(store, reference)
        assert kills >= 10 and mid_write >= 5, (kills, mid_write)
        assert _check_whole(store, reference) < 40  # the kills did interrupt the work
        pid = _fork_ingest(folder, db_url)
        assert os.waitpid(pid, 0)[1] == 0
        assert _check_whole(store, reference) == 40
