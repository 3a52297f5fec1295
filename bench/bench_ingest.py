"""`make bench` (ingest part): corpus ingest throughput and peak memory per process.

Runs `tollbook ingest` on the gva development set (../shared/data/gva-longtail/docs.jsonl: text,
title, date and URL only — never the incident id) with `--jobs 2` into a fresh SQLite file, and
measures reports/s over the whole run (start-up included) and the peak resident memory (VmHWM) of
the writer and of each extraction process, sampled from /proc while it runs.

Writes its section of BENCHMARKS.md between the ingest markers; skips (exit 0) when the development
data is absent.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from markdown import write_section  # bench/markdown.py, beside this script

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO.parent / "shared" / "data" / "gva-longtail" / "docs.jsonl"
FIELDS = ["text=content", "published=dct", "url=uri"]  # `title` is read under its own name
MARK_BEGIN = "<!-- bench:ingest:begin -->"
MARK_END = "<!-- bench:ingest:end -->"
GOAL_RATE = 10.0  # reports/s
GOAL_MB = 600.0  # per process


def descendants(pid: int) -> list[int]:
    """The process and everything it started, from /proc (Linux)."""
    found, frontier = [pid], [pid]
    while frontier:
        parent = frontier.pop()
        for children in Path(f"/proc/{parent}/task").glob("*/children"):
            try:
                kids = [int(k) for k in children.read_text().split()]
            except OSError:
                continue
            found.extend(kids)
            frontier.extend(kids)
    return found


def peak_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def run_ingest(jobs: int, database: Path) -> dict:
    tollbook = Path(sys.executable).with_name("tollbook")
    command = [str(tollbook), "ingest", str(DOCS), "--db", f"sqlite:///{database}", "--jobs", str(jobs),
               *[f"--field={f}" for f in FIELDS]]
    peaks: dict[int, float] = {}
    load = os.getloadavg()[0]
    cpu_before = _children_cpu()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    while process.poll() is None:
        for pid in descendants(process.pid):
            mb = peak_mb(pid)
            if mb is not None:
                peaks[pid] = max(mb, peaks.get(pid, 0.0))
        time.sleep(0.2)
    elapsed = time.perf_counter() - start
    cpu = _children_cpu() - cpu_before
    summary = process.stdout.read() if process.stdout else ""
    if process.returncode != 0:
        raise SystemExit(f"tollbook ingest failed with exit code {process.returncode}")
    writer = peaks.pop(process.pid, 0.0)
    return {"elapsed": elapsed, "writer_mb": writer, "worker_mb": sorted(peaks.values(), reverse=True)[:jobs],
            "cpu": cpu, "load": load, "failed": _failed(summary)}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the ingest and its workers, once reaped
    return usage.ru_utime + usage.ru_stime


def _failed(summary: str) -> int | None:
    found = re.search(r"failed\s*\S\s*([\d,]+)", summary)
    return int(found.group(1).replace(",", "")) if found else None


def counts(database: Path) -> tuple[int, dict[str, int]]:
    from tollbook import ingest
    from tollbook.store import open_store

    total = ingest.count_reports([DOCS])
    with open_store(f"sqlite:///{database}") as store:
        return total, store.counts()


def measure(jobs: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "bench.db"
        m = run_ingest(jobs, database)
        m["reports"], m["rows"] = counts(database)
        m["db_mb"] = sum(p.stat().st_size for p in Path(folder).iterdir()) / 1e6
    m["jobs"] = jobs
    m["rate"] = m["reports"] / m["elapsed"]
    m["cpu_ms"] = 1000 * m["cpu"] / m["reports"]
    return m


def report(m: dict) -> str:
    goal = lambda ok: "met" if ok else "**not met**"  # noqa: E731
    peak = max([m["writer_mb"], *m["worker_mb"]])
    workers = ", ".join(f"{mb:.0f}" for mb in m["worker_mb"]) or "–"
    rows = m["rows"]
    fields = " ".join(f"--field {f}" for f in FIELDS)
    command = (f"tollbook ingest ../shared/data/gva-longtail/docs.jsonl --db sqlite:///TMP/bench.db "
               f"--jobs {m['jobs']} {fields}")
    return "\n".join([
        MARK_BEGIN,
        "## Corpus ingest",
        "",
        f"Command: `{command}` (fresh SQLite file) — {date.today().isoformat()}, {platform.machine()}, "
        f"Python {platform.python_version()}; run by `make bench`.",
        "",
        f"Corpus: the gva development set, {m['reports']:,} JSONL lines; stored "
        f"{rows['documents']:,} documents, {rows['claims']:,} claims, {rows['events']:,} events "
        f"({m['db_mb']:.0f} MB on disk).",
        "",
        "| measure | value | goal |",
        "|---|---|---|",
        f"| throughput, whole run (start-up included), reports/s | {m['rate']:.1f} | "
        f"≥ {GOAL_RATE:.0f} ({goal(m['rate'] >= GOAL_RATE)}) |",
        f"| wall time | {m['elapsed']:.0f} s (load average {m['load']:.1f} at start, "
        f"{os.cpu_count()} CPUs) | |",
        f"| CPU time per report, all processes (independent of other load) | {m['cpu_ms']:.0f} ms | |",
        f"| reports that failed (with their reasons in the summary) | {m['failed']} | |",
        f"| peak memory, writer process | {m['writer_mb']:.0f} MB | |",
        f"| peak memory, each extraction process | {workers} MB | |",
        f"| peak memory, largest process | {peak:.0f} MB | ≤ {GOAL_MB:.0f} MB ({goal(peak <= GOAL_MB)}) |",
        MARK_END,
    ])


def write(path: Path, section: str) -> None:
    write_section(path, section, MARK_BEGIN, MARK_END)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="update this Markdown file (BENCHMARKS.md)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if not DOCS.exists():
        print(f"bench_ingest: {DOCS} is not available; skipped", file=sys.stderr)
        return
    section = report(measure(args.jobs))
    print(section)
    if args.write:
        write(args.write, section)


if __name__ == "__main__":
    main()
