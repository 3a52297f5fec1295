"""UCDP GED export: the 49 columns in GED's order, one row per ledger event.

best = deaths_a + deaths_b + deaths_civilians + deaths_unknown. Deaths go to side a or b when the
killed group's category matches that side's actor (state forces ↔ military and police, any
other actor ↔ armed groups), to civilians for civilian groups, and the rest of the event's best
killed total to deaths_unknown. low and high are the event's killed range (widened to hold best).
Columns UCDP fills from its own registers (conflict, dyad and side ids, Gleditsch–Ward numbers,
code status, type of violence, event clarity, region) stay empty: a column with nothing to say
is never invented. priogrid_gid is computed from the coordinates (0.5° cells, 720 per row,
counted from -90° latitude and -180° longitude).
"""

from __future__ import annotations

import datetime
import math
from typing import Any

from tollbook.export.common import csv_text, named_sources, outlets, reports_of, triple
from tollbook.model import Actor, Outcome
from tollbook.reconcile.ledger import Ledger, LedgerEvent

COLUMNS = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original",
    "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude",
    "geom_wkt", "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best",
    "high", "low", "gwnoa", "gwnob",
]
WHERE_PREC = {"point": 1, "near": 2, "admin2": 3, "admin1": 4, "country": 6}
DEATH_COLUMNS = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "low", "high")
_STATE_GROUPS = {"military", "police"}


def priogrid_gid(lat: float, lon: float) -> int:
    """The PRIO-GRID cell of a point."""
    row = min(int(math.floor((lat + 90) / 0.5)), 359)
    col = min(int(math.floor((lon + 180) / 0.5)), 719)
    return row * 720 + col + 1


def date_precision(start: str | None, end: str | None, precision: str | None) -> int | None:
    """GED date_prec: 1 the day, 2 a span of 2–6 days, 3 a week, 4 a month, 5 a year."""
    if not start:
        return None
    if precision in (None, "day"):
        first, last = (datetime.date.fromisoformat(day[:10]) for day in (start, end or start))
        span = (last - first).days
        return 1 if span <= 0 else 2 if span <= 6 else 3
    return {"week": 3, "month": 4, "year": 5}.get(precision)


def _side_groups(actor: Actor | None) -> set[str]:
    if actor is None:
        return set()
    return _STATE_GROUPS if (actor.actor_type or "").lower() == "state forces" else {"armed_group"}


def deaths(event: LedgerEvent) -> dict[str, int | None]:
    """deaths_a, deaths_b, deaths_civilians, deaths_unknown, best, low, high (all None without a
    killed figure)."""
    total = event.total(Outcome.KILLED)
    if total is None or total.best is None:
        return dict.fromkeys(DEATH_COLUMNS)
    by_group = {f.group: f.best or 0 for f in event.figures if f.outcome == Outcome.KILLED}
    side_a, side_b = (event.actors + [None, None])[:2]
    a_groups, b_groups = _side_groups(side_a), _side_groups(side_b) - _side_groups(side_a)
    dead_a = sum(n for group, n in by_group.items() if group in a_groups)
    dead_b = sum(n for group, n in by_group.items() if group in b_groups)
    civilians = by_group.get("civilian", 0)
    known = dead_a + dead_b + civilians
    if known > total.best:  # groups stated beyond the total: keep the total, say less by side
        dead_a = dead_b = civilians = known = 0
    unknown = total.best - known
    best = dead_a + dead_b + civilians + unknown
    low, _, high = triple(total)
    return {"deaths_a": dead_a, "deaths_b": dead_b, "deaths_civilians": civilians, "deaths_unknown": unknown,
            "best": best, "low": min(low if low is not None else best, best),
            "high": max(high if high is not None else best, best)}


def _row(ledger: Ledger, event: LedgerEvent, number: int) -> dict[str, Any]:
    from tollbook.annotate.places import gazetteer

    place, date = event.place, event.date
    documents = reports_of(ledger, event)
    side_a, side_b = (event.actors + [None, None])[:2]
    start = date.start or date.end
    has_point = place.lat is not None and place.lon is not None
    where = ", ".join(p for p in (place.name, place.admin1, place.country) if p)
    row = dict.fromkeys(COLUMNS)
    row.update(
        id=number, relid=event.id, year=int(start[:4]) if start else None,
        side_a=side_a.name if side_a else None, side_b=side_b.name if side_b else None,
        number_of_sources=len(documents),
        source_article="; ".join(d.url for d in documents if d.url) or None,
        source_office="; ".join(outlets(ledger, event)) or None,
        source_date="; ".join(d.published.date for d in documents if d.published.date) or None,
        source_headline="; ".join(d.headline for d in documents if d.headline) or None,
        source_original="; ".join(named_sources(event)) or None,
        where_prec=WHERE_PREC.get(place.precision or ""), where_coordinates=place.name,
        where_description=where or None, adm_1=place.admin1,
        latitude=place.lat, longitude=place.lon,
        geom_wkt=f"POINT ({place.lon} {place.lat})" if has_point else None,
        priogrid_gid=priogrid_gid(place.lat, place.lon) if has_point else None,
        country=gazetteer().country_name(place.country) if place.country else None,
        date_prec=date_precision(start, date.end, date.precision),
        date_start=start[:10] if start else None, date_end=(date.end or start)[:10] if start else None,
        **deaths(event))
    return row


def rows(ledger: Ledger) -> list[dict[str, Any]]:
    return [_row(ledger, event, number) for number, event in enumerate(ledger.events, start=1)]


def to_csv(ledger: Ledger) -> str:
    return csv_text(COLUMNS, rows(ledger))
