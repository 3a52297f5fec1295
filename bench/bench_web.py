"""`make bench` (web part): a bounded load test of `tollbook serve` on 127.0.0.1.

Fills a fresh SQLite store with 10,000 invented single-event reports (records built directly, no
extraction: this measures the server, not the extractor), starts the app under uvicorn in its own
process on a free 127.0.0.1 port, times the first request (which reconciles the whole store), then
runs at most 20 concurrent clients for a bounded time against the ledger page and the JSON API.
Reports requests/s, p50 and p95 latency per kind of request, and errors (which must be 0).

    python bench/bench_web.py [--events 10000] [--clients 20] [--seconds 20] [--write BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx
from markdown import write_section  # bench/markdown.py, beside this script

from tollbook.model import (
    Claim,
    Count,
    DatePrecision,
    DateRange,
    Document,
    Event,
    Extraction,
    Group,
    Outcome,
    Place,
    PlacePrecision,
    Published,
    Qualifier,
    Source,
    SourceKind,
    Span,
)
from tollbook.store import open_store

MARK_BEGIN = "<!-- bench:web:begin -->"
MARK_END = "<!-- bench:web:end -->"
MAX_CLIENTS = 20
MAX_SECONDS = 60
COUNTRIES = ["NG", "CD", "ML", "BF", "SO", "SD", "SY", "YE", "AF", "MX"]
TYPES = [("Battles", "Armed clash"), ("Violence against civilians", "Attack"),
         ("Explosions/Remote violence", "Remote explosive/landmine/IED")]


def invented_report(i: int, rng: random.Random) -> Extraction:
    """One report of one invented event with a killed and an injured figure."""
    day = date(2023, 1, 1) + timedelta(days=rng.randrange(900))
    killed, injured = rng.randrange(1, 80), rng.randrange(0, 120)
    town = f"Town {i}"
    text = (f"{killed} people were killed and {injured} injured in an attack in {town} on {day:%B %d}, "
            f"officials said. Report number {i}.")
    k_at, i_at = 0, text.index(f" {injured} injured") + 1
    event_type, sub_type = rng.choice(TYPES)
    source = Source(name="officials", kind=SourceKind.OFFICIAL)

    def claim(cid: str, outcome: Outcome, value: int, at: int) -> Claim:
        count = Count(as_written=str(value), start=at, end=at + len(str(value)), value=value, low=value,
                      high=value, qualifier=Qualifier.EXACT)
        return Claim(id=cid, outcome=outcome, count=count, group=Group(noun="people"), source=source,
                     evidence=Span(start=0, end=len(text)), event="e1", confidence=rng.random())

    event = Event(id="e1", kind="attack", acled_event_type=event_type, acled_sub_event_type=sub_type,
                  date=DateRange(start=day.isoformat(), end=day.isoformat(), precision=DatePrecision.DAY),
                  place=Place(name=town, country=rng.choice(COUNTRIES), lat=rng.uniform(-30, 40),
                              lon=rng.uniform(-20, 60), precision=PlacePrecision.POINT))
    published = (day + timedelta(days=1)).isoformat()
    return Extraction(
        document=Document(id=hashlib.sha256(text.encode()).hexdigest(), text=text,
                          headline=f"Attack in {town}",
                          published=Published(date=published, precision=DatePrecision.DAY, how="given")),
        claims=[claim("c1", Outcome.KILLED, killed, k_at), claim("c2", Outcome.INJURED, injured, i_at)],
        events=[event])


def fill(url: str, events: int) -> float:
    rng = random.Random(6)
    started = time.perf_counter()
    with open_store(url) as store:
        for i in range(events):
            store.save(invented_report(i, rng))
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(url: str, port: int) -> subprocess.Popen:
    code = ("import uvicorn; from tollbook.web import create_app; "
            f"uvicorn.run(create_app({url!r}), host='127.0.0.1', port={port}, log_level='warning', "
            "access_log=False)")
    return subprocess.Popen([sys.executable, "-c", code])


def wait_until_up(base: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{base}/static/style.css", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("bench_web: the server did not start")


def request_plan(rng: random.Random, event_ids: list[str]) -> tuple[str, str]:
    """(kind, path) of one request: the ledger page and the API, with filters, sorts and pages."""
    roll = rng.random()
    if roll < 0.35:
        sort = rng.choice(["date", "killed", "place", "injured"])
        query = f"?sort={sort}&order={rng.choice(['asc', 'desc'])}&page={rng.randrange(1, 200)}"
        if rng.random() < 0.5:
            query += f"&country={rng.choice(COUNTRIES)}"
        return "ledger page", "/" + query
    if roll < 0.7:
        return "api events", f"/api/events?page={rng.randrange(1, 200)}&per_page=50&sort=killed&order=desc"
    return "api event", f"/api/events/{rng.choice(event_ids)}"


async def client_loop(base: str, until: float, seed: int, event_ids: list[str],
                      results: dict[str, list[float]], errors: list[str]) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        while time.monotonic() < until:
            kind, path = request_plan(rng, event_ids)
            started = time.perf_counter()
            try:
                response = await client.get(path)
                if response.status_code != 200:
                    errors.append(f"{response.status_code} {path}")
            except httpx.HTTPError as error:
                errors.append(f"{type(error).__name__} {path}")
                continue
            results.setdefault(kind, []).append(time.perf_counter() - started)


async def load(base: str, clients: int, seconds: float, event_ids: list[str]):
    results: dict[str, list[float]] = {}
    errors: list[str] = []
    until = time.monotonic() + seconds
    started = time.perf_counter()
    loops = (client_loop(base, until, seed, event_ids, results, errors) for seed in range(clients))
    await asyncio.gather(*loops)
    return results, errors, time.perf_counter() - started


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] * 1000 if len(values) > 1 else values[0] * 1000


def report(m: dict) -> str:
    rows = []
    everything = [v for values in m["results"].values() for v in values]
    for kind, values in [*sorted(m["results"].items()), ("all", everything)]:
        rows.append(f"| {kind} | {len(values)} | {len(values) / m['elapsed']:.0f} | {p(values, 50):.0f} ms "
                    f"| {p(values, 95):.0f} ms |")
    return "\n".join([
        MARK_BEGIN,
        "## Web UI and API under load",
        "",
        f"`python bench/bench_web.py` on {date.today().isoformat()}, {platform.python_version()}, "
        f"{os.cpu_count()} CPUs: {m['events']:,} events in SQLite, one uvicorn process on 127.0.0.1, "
        f"{m['clients']} concurrent clients for {m['elapsed']:.0f} s (ledger page with sorts, filters and "
        f"pages; `/api/events`; `/api/events/{{id}}`). Storing the events took {m['fill']:.0f} s; the first "
        f"request, which reconciles the whole store, {m['cold']:.1f} s (later requests reuse it until the "
        "store changes). The load generator runs on the same machine.",
        "",
        "| requests | count | requests/s | p50 | p95 |",
        "|---|---:|---:|---:|---:|",
        *rows,
        "",
        f"Errors: {len(m['errors'])}.",
        MARK_END,
    ])


def write(path: Path, section: str) -> None:
    write_section(path, section, MARK_BEGIN, MARK_END)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=MAX_CLIENTS)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--write", type=Path, help="update this Markdown file (BENCHMARKS.md)")
    args = parser.parse_args()
    clients, seconds = min(args.clients, MAX_CLIENTS), min(args.seconds, MAX_SECONDS)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench-web.db'}"
        fill_seconds = fill(url, args.events)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(url, port)
        try:
            wait_until_up(base)
            started = time.perf_counter()
            first = httpx.get(f"{base}/api/events?per_page=500", timeout=600)
            cold = time.perf_counter() - started
            first.raise_for_status()
            total = first.json()["total"]
            event_ids = [e["id"] for e in first.json()["events"]]
            results, errors, elapsed = asyncio.run(load(base, clients, seconds, event_ids))
        finally:
            server.terminate()
            server.wait(timeout=30)
    section = report({"events": total, "clients": clients, "elapsed": elapsed, "fill": fill_seconds,
                      "cold": cold, "results": results, "errors": errors})
    print(section)
    if errors:
        print(f"bench_web: {len(errors)} errors, e.g. {errors[:3]}", file=sys.stderr)
    if args.write:
        write(args.write, section)
    if errors:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
