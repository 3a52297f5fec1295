"""ACLED export: the codebook's columns in order, one row per event type, location and day.

- `fatalities` is ACLED's conservative figure: the lowest current figure of the event's killed
  total among independent sources, with vague words read by ACLED's conventions from the
  figure's `as_written` ("a few", "several" → 3; "many", "scores" → 10; "dozens" → 12;
  "hundreds" → 100); a total over several days is split evenly per day.
- `iso` is the ISO 3166-1 numeric code; `event_id_cnty` the country's alpha-3 code and a number.
- Columns ACLED fills from its own registers (region, admin2, admin3, source_scale, tags) stay
  empty rather than guessed. tollbook's own columns follow, prefixed `tb_`: killed and injured
  low / best / high for the whole event, independent sources, reports and the figure history.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from tollbook.export.common import (
    csv_text,
    current_figures,
    days,
    evidence_text,
    history_text,
    outlets,
    reports_of,
    split_evenly,
    triple,
)
from tollbook.model import Outcome
from tollbook.reconcile.ledger import Figure, Ledger, LedgerEvent

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]
TB_COLUMNS = [
    "tb_event_id", "tb_fatalities_low", "tb_fatalities_best", "tb_fatalities_high", "tb_injuries_low",
    "tb_injuries_best", "tb_injuries_high", "tb_sources", "tb_reports", "tb_figure_history",
]

VAGUE_FATALITIES = [  # (pattern on as_written, ACLED's number); checked only when no digit is written
    (r"\bhundreds\b", 100), (r"\bdozens\b", 12), (r"\b(?:many|scores|numerous)\b", 10),
    (r"\b(?:a few|several|some)\b", 3),
]
INTER_CODES = {"state forces": 1, "rebel groups": 2, "political militias": 3, "identity militias": 4,
               "rioters": 5, "protesters": 6, "civilians": 7, "external/other forces": 8}
DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Protests": "Demonstrations",
            "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
CIVILIANS = "Violence against civilians"
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"point": 1, "near": 2, "admin2": 2, "admin1": 3, "country": 3}


def acled_number(as_written: str, value: int) -> int:
    """A figure by ACLED's vague-word conventions when it is written without digits."""
    if not re.search(r"\d", as_written):
        for pattern, number in VAGUE_FATALITIES:
            if re.search(pattern, as_written.lower()):
                return number
    return value


def fatalities(killed: Figure | None) -> int:
    """The lowest credible killed figure among independent sources (0 when none is stated)."""
    return min((acled_number(f.as_written, f.value) for f in current_figures(killed)), default=0)


def _inter(actor_type: str | None) -> int | None:
    return INTER_CODES.get((actor_type or "").lower())


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _alpha3(country: str | None) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_2=country) if country else None
    return found.alpha_3 if found else "XXX"


def _timestamp(ledger: Ledger, event: LedgerEvent) -> int | None:
    dates = [d.published.date for d in reports_of(ledger, event) if d.published.date]
    if not dates:
        return None
    day = datetime.date.fromisoformat(max(dates)[:10])
    return int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC).timestamp())


def _shared(ledger: Ledger, event: LedgerEvent) -> dict[str, Any]:
    """Everything but the date, id and fatalities: the same on each day's row."""
    from tollbook.annotate.places import gazetteer

    places = gazetteer()
    place, actors = event.place, event.actors
    actor1, actor2 = (actors + [None, None])[:2]
    inter1 = _inter(actor1.actor_type) if actor1 else None
    inter2 = _inter(actor2.actor_type) if actor2 else None
    killed, injured = event.total(Outcome.KILLED), event.total(Outcome.INJURED)
    documents = reports_of(ledger, event)
    notes = " ".join(evidence_text(ledger, killed or injured))
    row = {
        "disorder_type": DISORDER.get(event.event_type or ""), "event_type": event.event_type,
        "sub_event_type": event.sub_event_type, "actor1": actor1.name if actor1 else None,
        "inter1": inter1, "actor2": actor2.name if actor2 else None, "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if event.event_type == CIVILIANS else None,
        "iso": places.numeric_code(place.country) if place.country else None,
        "country": places.country_name(place.country) if place.country else None,
        "admin1": place.admin1, "location": place.name, "latitude": place.lat, "longitude": place.lon,
        "geo_precision": GEO_PRECISION.get(place.precision or ""),
        "source": "; ".join(outlets(ledger, event)) or None,
        "notes": notes or None, "timestamp": _timestamp(ledger, event),
        "time_precision": TIME_PRECISION.get(event.date.precision or ""),
    }
    low, best, high = triple(killed)
    row.update(tb_event_id=event.id, tb_fatalities_low=low, tb_fatalities_best=best, tb_fatalities_high=high)
    low, best, high = triple(injured)
    row.update(tb_injuries_low=low, tb_injuries_best=best, tb_injuries_high=high,
               tb_sources=max((f.sources for f in event.totals), default=0),
               tb_reports=len(documents), tb_figure_history=history_text(event) or None)
    return row


def rows(ledger: Ledger) -> list[dict[str, Any]]:
    """One row per event and day, in ledger order, with every column (None = empty)."""
    result: list[dict[str, Any]] = []
    numbers: dict[str, int] = {}
    for event in ledger.events:
        shared = _shared(ledger, event)
        event_days = days(event.date) or [None]
        per_day = split_evenly(fatalities(event.total(Outcome.KILLED)), len(event_days))
        for day, deaths in zip(event_days, per_day, strict=True):
            code = _alpha3(event.place.country)
            numbers[code] = numbers.get(code, 0) + 1
            row = dict.fromkeys(COLUMNS + TB_COLUMNS)
            row.update(shared, event_id_cnty=f"{code}{numbers[code]}", event_date=day,
                       year=int(day[:4]) if day else None, fatalities=deaths)
            result.append(row)
    return result


def to_csv(ledger: Ledger) -> str:
    return csv_text(COLUMNS + TB_COLUMNS, rows(ledger))
