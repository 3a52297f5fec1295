"""Human-readable output: rich tables for an Extraction (claims, events, findings)."""

from __future__ import annotations

from rich.console import Console
from rich.console import Group as RenderGroup
from rich.table import Table
from rich.text import Text

from tollbook.model import Claim, Count, Event, Extraction, Finding, Severity, Source, Status

SEVERITY_STYLE = {
    Severity.OK: "green",
    Severity.INFO: "cyan",
    Severity.WARNING: "yellow",
    Severity.ERROR: "bold red",
}
EVIDENCE_WIDTH = 90


def extraction(ex: Extraction) -> RenderGroup:
    doc = ex.document
    published = doc.published.date or "unknown"
    if doc.published.inferred:
        published += " (inferred)"
    header = Text.assemble(
        ("Report ", "bold"),
        (doc.headline or doc.url or doc.id[:12], "bold"),
        "\n",
        ("published ", "dim"),
        published,
        ("   outlet ", "dim"),
        doc.outlet or "-",
        ("   claims ", "dim"),
        str(len(ex.claims)),
        ("   events ", "dim"),
        str(len(ex.events)),
    )
    parts = [header, claims_table(ex), events_table(ex)]
    if ex.findings:
        parts.append(findings_table(ex.findings))
    return RenderGroup(*parts)


def describe_count(count: Count | None) -> str:
    if count is None:
        return "unknown"
    if count.value is not None:
        return str(count.value)
    low = "" if count.low is None else str(count.low)
    high = "" if count.high is None else str(count.high)
    return f"{low}..{high}"


def describe_source(source: Source | None) -> str:
    if source is None:
        return "(outlet)"
    who = " ".join(filter(None, [source.title, source.name])) or source.organisation or "?"
    return who + (" [party]" if source.is_party else "")


def claims_table(ex: Extraction) -> Table:
    table = Table(title="Casualty claims", show_lines=False, expand=False)
    for column in ("id", "outcome", "count", "as written", "group", "source", "status", "links", "evidence"):
        table.add_column(column, overflow="fold")
    for claim in ex.claims:
        table.add_row(
            claim.id,
            claim.outcome,
            describe_count(claim.count),
            claim.count.as_written if claim.count else "",
            _group(claim),
            describe_source(claim.source),
            _status(claim),
            _links(claim),
            _snippet(ex.document.text, claim),
        )
    return table


def _group(claim: Claim) -> str:
    g = claim.group
    bits = [
        g.nationality,
        g.gender,
        g.age_group,
        g.noun or "",
        f"({g.category})" if g.category != "unknown" else "",
    ]
    text = " ".join(b for b in bits if b)
    return text + (" total" if g.is_total else "")


def _status(claim: Claim) -> Text:
    style = {Status.SUPERSEDED: "dim strike", Status.UNDETERMINED: "yellow"}.get(claim.status, "")
    label = claim.status.value + (" headline" if claim.from_headline else "")
    label += f" {claim.confidence:.2f}"
    return Text(label, style=style)


def _links(claim: Claim) -> str:
    links = []
    if claim.part_of:
        links.append(f"part of {claim.part_of}")
    if claim.supersedes:
        links.append(f"revises {claim.supersedes}")
    if claim.mentions:
        links.append(f"+{len(claim.mentions)} mention(s)")
    return "; ".join(links)


def _snippet(text: str, claim: Claim) -> str:
    snippet = " ".join(text[claim.evidence.start : claim.evidence.end].split())
    return snippet if len(snippet) <= EVIDENCE_WIDTH else snippet[: EVIDENCE_WIDTH - 1] + "…"


def events_table(ex: Extraction) -> Table:
    table = Table(title="Events")
    for column in ("id", "type", "date", "place", "actors", "claims"):
        table.add_column(column, overflow="fold")
    for event in ex.events:
        table.add_row(
            event.id,
            _event_type(event),
            _date(event),
            _place(event),
            ", ".join(a.name for a in event.actors),
            str(sum(1 for c in ex.claims if c.event == event.id)),
        )
    return table


def _event_type(event: Event) -> str:
    if not event.acled_event_type:
        return event.kind
    return f"{event.acled_event_type} / {event.acled_sub_event_type or '-'}"


def _date(event: Event) -> str:
    d = event.date
    if d.start and d.start == d.end:
        text = d.start
    elif d.start or d.end:
        text = f"{d.start or '…'} – {d.end or '…'}"
    else:
        return "unknown"
    return text + (f" ({d.precision})" if d.precision else "")


def _place(event: Event) -> str:
    p = event.place
    return ", ".join(x for x in (p.name, p.admin1, p.country) if x) or "unknown"


def findings_table(findings: list[Finding]) -> Table:
    table = Table(title="Findings")
    for column in ("severity", "kind", "message"):
        table.add_column(column, overflow="fold")
    for finding in findings:
        table.add_row(
            Text(finding.severity.value, style=SEVERITY_STYLE[finding.severity]),
            finding.kind,
            finding.message,
        )
    return table


def print_extraction(ex: Extraction, console: Console | None = None) -> None:
    (console or Console()).print(extraction(ex))
