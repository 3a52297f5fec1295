"""`tollbook demo`: the bundled sample reports (invented incidents) through the whole pipeline."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rich.console import Console
from rich.rule import Rule
from rich.table import Table

from tollbook import pipeline, read, render
from tollbook.model import Claim, Extraction, Outcome, Status
from tollbook.settings import Settings

SAMPLE_SUFFIXES = (".txt", ".html")


def sample_paths() -> list[Path]:
    folder = resources.files("tollbook") / "samples"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(SAMPLE_SUFFIXES))


def extract_samples(settings: Settings | None = None) -> list[tuple[Path, Extraction]]:
    settings = settings or Settings()
    paths = sample_paths()
    documents = [read.read_path(p, settings) for p in paths]
    return list(zip(paths, pipeline.extract_many(documents, settings), strict=True))


def run(console: Console) -> None:
    console.print(
        "[bold]tollbook demo[/bold] — sample reports written for the project; "
        "every incident in them is invented.\n"
    )
    results = extract_samples()
    for path, extraction in results:
        console.print(Rule(path.name))
        render.print_extraction(extraction, console)
    console.print(Rule("Ledger"))
    console.print(ledger_table(results))


def ledger_table(results: list[tuple[Path, Extraction]]) -> Table:
    """One row per event: its current figures per outcome, with the range they span."""
    table = Table(title="Ledger (one report per event in this demo)")
    for column in ("report", "event", "date", "place", "killed", "injured", "other", "findings"):
        table.add_column(column, overflow="fold")
    for path, ex in results:
        for event in ex.events:
            claims = [c for c in ex.claims if c.event == event.id and c.status == Status.CURRENT]
            other = sorted({c.outcome.value for c in claims} - {Outcome.KILLED, Outcome.INJURED})
            table.add_row(
                path.name,
                f"{event.acled_event_type or event.kind}",
                render._date(event),
                render._place(event),
                figure_range(claims, Outcome.KILLED),
                figure_range(claims, Outcome.INJURED),
                ", ".join(f"{o}: {figure_range(claims, Outcome(o))}" for o in other),
                str(sum(1 for f in ex.findings if f.severity in ("warning", "error"))) + " warn/err",
            )
    return table


def figure_range(claims: list[Claim], outcome: Outcome) -> str:
    """low–high over the top-level figures (parts are inside their totals, not added)."""
    top = [
        c
        for c in claims
        if c.outcome == outcome and c.part_of is None and not c.from_headline and c.count is not None
    ]
    lows = [c.count.low for c in top if c.count.low is not None]
    highs = [c.count.high for c in top if c.count.high is not None]
    if not top:
        return "-"
    low = min(lows) if lows else None
    high = max(highs) if highs and len(highs) == len(top) else None
    if low == high:
        return str(low)
    return f"{low if low is not None else '?'}–{high if high is not None else '…'}"
