"""Figures across the reports of one ledger event: low, best and high, with the claims behind them.

Per ledger event × outcome × group (and per outcome for the event as a whole), following
DESIGN.md "Reconciling figures across reports":

1. Each member report-event states at most one figure per outcome and group: its current,
   non-negated claims with a count, a headline figure dropped when the body gives one, parts
   dropped when their total is there, the largest figure per sub-group, sub-groups summed.
   Groups roll up to their category ("20 Kenyan soldiers" and "12 Ugandan soldiers" are both
   `military`: 32); a perpetrator group is its own `perpetrator` group. The event-level total
   is `tollbook.evaluate.tally`'s rule (a stated total covers the groups beside it, `injured`
   means injured and not killed, everyone counts whatever their role).
2. Independence is by original source: a figure attributed to a named speaker or organisation
   belongs to `named:<organisation or name>` whichever outlet quotes it; an unattributed figure
   belongs to the outlet of the report it first appeared in (a copy's figures are its
   original's).
3. A source's latest figure (by statement date, then report order) is current; its earlier
   ones are superseded. A current figure is stale when another source stated a higher figure
   later. Superseded and stale figures stay in the history.
4. low = the lowest current, non-stale figure; high = the highest current figure;
   best = the figure most independent sources state as their latest (stale ones included), a
   tie going to the latest stated ("most sources"). An official's figure is one vote: on the gva
   development set preferring the latest official figure (the earlier rule) scored incident
   killed exact 0.8256 against 0.8312 for this one, since a figure read as an official's is
   often a city's tally or a misread round-up; the lower median scores the same, the latest
   figure less. `sources` counts the independent sources with a current figure.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from tollbook.evaluate.tally import ALL_ROLES, figure, tally
from tollbook.model import Claim, Extraction, Outcome, Role, SourceKind, Status
from tollbook.reconcile.ledger import TOTAL, ClaimRef, Figure, FigureState, Member, SourceFigure

SCORED = (Outcome.KILLED, Outcome.INJURED)
_WAYBACK = re.compile(r"^https?://web\.archive\.org/web/[^/]+/(.+)$")


def usable(claim: Claim) -> bool:
    """A claim that can set a figure: current, affirmed, with a number."""
    return claim.status == Status.CURRENT and not claim.negated and figure(claim) is not None


def group_label(claim: Claim) -> str:
    """The rolled-up group a claim's figure counts in."""
    if claim.group.role == Role.PERPETRATOR:
        return "perpetrator"
    return claim.group.category.value


def outlet(extraction: Extraction) -> str | None:
    """The outlet that published a report: an archived page's original host, else its outlet."""
    document = extraction.document
    url = document.url or ""
    archived = _WAYBACK.match(url)
    host = urlsplit(archived.group(1) if archived else url).hostname if url else None
    if host and (archived or not document.outlet):
        return host.removeprefix("www.").split(":")[0]
    return document.outlet


def source_key(claim: Claim, original: Extraction) -> str:
    """Who a figure is independently from (see the module rules)."""
    source = claim.source
    if source is not None and source.kind != SourceKind.UNATTRIBUTED:
        name = source.organisation or source.name
        if name:
            return "named:" + " ".join(name.lower().split())
    return "outlet:" + (outlet(original) or f"report {original.document.id[:12]}")


def _is_official(claim: Claim) -> bool:
    source = claim.source
    return (source is not None and not source.is_party and bool(source.organisation or source.name)
            and source.kind in (SourceKind.OFFICIAL, SourceKind.ORGANISATION))


def _stated(claim: Claim, extraction: Extraction) -> str | None:
    stated = claim.stated_on
    day = (stated.end or stated.start) if stated else None
    return day or extraction.document.published.date


def _distinct_groups(claims: list[Claim]) -> int:
    """Largest figure per sub-group, summed over sub-groups (parts of a kept claim dropped)."""
    kept_ids = {c.id for c in claims}
    largest: dict[tuple, int] = {}
    for claim in claims:
        if claim.part_of in kept_ids:
            continue
        g = claim.group
        key = ((g.noun or "").lower(), g.nationality, g.gender, g.age_group, g.role)
        largest[key] = max(largest.get(key, 0), figure(claim) or 0)
    return sum(largest.values())


def _without_headline_repeats(claims: list[Claim]) -> list[Claim]:
    if any(not c.from_headline for c in claims):
        return [c for c in claims if not c.from_headline]
    return claims


def _source_figure(value: int, claims: list[Claim], report: str, extraction: Extraction,
                   original: Extraction) -> SourceFigure:
    lead = max(claims, key=lambda c: figure(c) or 0)
    count = lead.count
    return SourceFigure(
        source=source_key(lead, original), value=value,
        low=count.low if count else None, high=count.high if count else None,
        as_written=count.as_written if count else "", stated=_stated(lead, extraction),
        claims=[ClaimRef(report=report, claim=c.id) for c in claims], official=_is_official(lead))


def report_group_figures(extraction: Extraction, event: str, report: str,
                         original: Extraction) -> dict[tuple[Outcome, str], SourceFigure]:
    """The figure one report-event states per outcome and rolled-up group (totals excluded)."""
    by_key: dict[tuple[Outcome, str], list[Claim]] = {}
    for claim in extraction.claims:
        if claim.event == event and usable(claim) and not claim.group.is_total:
            by_key.setdefault((claim.outcome, group_label(claim)), []).append(claim)
    result = {}
    for key, claims in by_key.items():
        claims = _without_headline_repeats(claims)
        result[key] = _source_figure(_distinct_groups(claims), claims, report, extraction, original)
    return result


def report_totals(extraction: Extraction, event: str, report: str,
                  original: Extraction) -> dict[Outcome, SourceFigure]:
    """The event-level figure one report-event states per outcome (None: it says nothing)."""
    claims = [c for c in extraction.claims if c.event == event and usable(c)]
    counts = tally(extraction, roles=ALL_ROLES, event=event)
    result: dict[Outcome, SourceFigure] = {}
    killed = [c for c in claims if c.outcome == Outcome.KILLED]
    injured = [c for c in claims if c.outcome in (Outcome.INJURED, Outcome.CASUALTIES)]
    if killed:
        result[Outcome.KILLED] = _source_figure(counts.killed, killed, report, extraction, original)
    if injured:
        result[Outcome.INJURED] = _source_figure(counts.injured, injured, report, extraction, original)
    for outcome in {c.outcome for c in claims} - {Outcome.KILLED, Outcome.INJURED, Outcome.CASUALTIES}:
        same = _without_headline_repeats([c for c in claims if c.outcome == outcome])
        totals = [figure(c) or 0 for c in same if c.group.is_total]
        parts = _distinct_groups([c for c in same if not c.group.is_total])
        value = max(max(totals, default=0), parts)
        result[outcome] = _source_figure(value, same, report, extraction, original)
    return result


def mark_states(history: list[SourceFigure]) -> list[SourceFigure]:
    """Superseded (the same source said something later) and stale (overtaken by another source)."""
    latest: dict[str, SourceFigure] = {}
    for item in history:  # history is in statement order: the last one per source wins
        latest[item.source] = item
    marked = []
    for item in history:
        state = FigureState.CURRENT if latest[item.source] is item else FigureState.SUPERSEDED
        if state == FigureState.CURRENT and any(
                other.source != item.source and other.value > item.value
                and (other.stated or "") > (item.stated or "") for other in history):
            state = FigureState.STALE
        marked.append(replace(item, state=state))
    return marked


def _refs(items: Iterable[SourceFigure]) -> list[ClaimRef]:
    return [ref for item in items for ref in item.claims]


def _most_stated(figures: list[SourceFigure]) -> int:
    """The value most figures give; on a tie the latest stated (figures are in statement order)."""
    votes = Counter(f.value for f in figures)
    top = max(votes.values())
    return [f.value for f in figures if votes[f.value] == top][-1]


def reconcile_figure(outcome: Outcome, group: str, history: list[SourceFigure]) -> Figure:
    """low / best / high of one outcome and group from every source's figures, in statement order."""
    history = mark_states(history)
    current = [f for f in history if f.state == FigureState.CURRENT]
    live = [f for f in history if f.state != FigureState.SUPERSEDED]
    low = min((f.value for f in current), default=None)
    high = max((f.value for f in live), default=None)
    # Every independent source's latest figure is a vote, an overtaken (stale) one too: one
    # outlet's larger figure, or an official's, is more often a misread round-up or a tally of
    # other shootings than a revision the other sources missed.
    best, rule = (_most_stated(live), "most sources") if current else (None, "none")
    return Figure(
        outcome=outcome, group=group, low=low, best=best, high=high, best_rule=rule,
        sources=len({f.source for f in live}),
        low_claims=_refs(f for f in current if f.value == low),
        best_claims=_refs(f for f in current if f.value == best),
        high_claims=_refs(f for f in live if f.value == high),
        history=history)


def _ordered(items: list[tuple[int, SourceFigure]]) -> list[SourceFigure]:
    return [f for _, f in sorted(items, key=lambda pair: ((pair[1].stated or ""), pair[0]))]


def _collect(members: Sequence[Member], reports: Mapping[str, Extraction],
             originals: Mapping[str, str], order: Mapping[str, int],
             per_report: Callable[..., dict]) -> dict:
    collected: dict = {}
    for member in members:
        extraction = reports[member.report]
        original = reports.get(originals.get(member.report, member.report), extraction)
        for key, item in per_report(extraction, member.event, member.report, original).items():
            collected.setdefault(key, []).append((order.get(member.report, 0), item))
    return collected


def event_figures(members: Sequence[Member], reports: Mapping[str, Extraction], originals: Mapping[str, str],
                  order: Mapping[str, int]) -> tuple[list[Figure], list[Figure]]:
    """(per outcome × group figures, per outcome totals) of one ledger event."""
    groups = _collect(members, reports, originals, order, report_group_figures)
    totals = _without_fate_unsaid(_collect(members, reports, originals, order, report_totals), reports)
    figures = [reconcile_figure(outcome, group, _ordered(items))
               for (outcome, group), items in sorted(groups.items())]
    total_figures = [reconcile_figure(outcome, TOTAL, _ordered(items))
                     for outcome, items in sorted(totals.items())]
    return figures, total_figures


def _without_fate_unsaid(totals: dict, reports: Mapping[str, Extraction]) -> dict:
    """Drop an injured figure read only from "was shot" (fate unsaid) when another report of the
    event tells the deaths it covers: joined to it, the dead would count again as injured."""
    killed = max((item.value for _, item in totals.get(Outcome.KILLED, [])), default=0)
    injured = [(n, item) for n, item in totals.get(Outcome.INJURED, [])
               if not (_fate_unsaid(item, reports) and item.value <= killed)]
    if Outcome.INJURED in totals and len(injured) < len(totals[Outcome.INJURED]):
        totals = {**totals, Outcome.INJURED: injured} if injured else {
            k: v for k, v in totals.items() if k != Outcome.INJURED}
    return totals


def _fate_unsaid(item: SourceFigure, reports: Mapping[str, Extraction]) -> bool:
    outcomes = set()
    for ref in item.claims:
        extraction = reports.get(ref.report)
        claim = next((c for c in extraction.claims if c.id == ref.claim), None) if extraction else None
        outcomes.add(claim.outcome if claim else None)
    return outcomes == {Outcome.CASUALTIES}
