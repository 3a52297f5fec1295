"""`tollbook eval gva FOLDER`: articles against the Gun Violence Archive incident registry.

The folder holds `incidents.jsonl` (the gold: `num_killed`, `num_injured`, `date`, `state`,
`city_or_county`) and `docs.jsonl` (one line per article and incident it is filed under).
The pipeline sees an article's content, title, url and document date (`dct`, against which
relative dates resolve) — never the incident id. GVA counts everyone shot, suspects included,
so the tally takes claims of every role. An article filed under several incidents is right
when it matches any of them.

Metrics (means over distinct articles): killed_exact, injured_exact, date_exact (the main
event's date is that one day), city_match, state_match, and the zero / regex baselines.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tollbook.evaluate import baselines, metrics
from tollbook.evaluate.common import identity, limited, read_jsonl, require, score_all
from tollbook.evaluate.gvdb import event_of
from tollbook.evaluate.tally import ALL_ROLES, tally
from tollbook.model import Event, Extraction
from tollbook.settings import Settings

FILES = ("incidents.jsonl", "docs.jsonl")


def read(folder: Path) -> list[dict[str, Any]]:
    """One item per distinct article, with every incident it is filed under."""
    incidents_path, docs_path = require(folder, *FILES)
    incidents = {str(row["incident_id"]): row for row in read_jsonl(incidents_path)}
    items: dict[str, dict[str, Any]] = {}
    for doc in read_jsonl(docs_path):
        item = items.setdefault(doc["doc_id"], {
            "id": doc["doc_id"], "text": doc.get("content") or "", "title": doc.get("title") or None,
            "published": doc.get("dct") or None, "url": doc.get("uri") or None, "incidents": []})
        incident = incidents.get(str(doc["incident_id"]))
        if incident is not None:
            item["incidents"].append(incident)
    return [item for item in items.values() if item["incidents"]]


def city_names(city_or_county: str) -> list[str]:
    """GVA writes "Cartersville (Euharlee)" or "Brown (county)": each name is acceptable."""
    names = [part.strip() for part in re.split(r"[()]", city_or_county) if part.strip()]
    return [name for name in names if name.lower() != "county"] or [city_or_county]


def state_name(admin1: str | None) -> str | None:
    """A US state's name from a name or a code ("CA", "US-CA")."""
    if admin1 and re.fullmatch(r"(?:US-)?[A-Z]{2}", admin1.strip()):
        import pycountry

        code = admin1.strip()
        subdivision = pycountry.subdivisions.get(code=code if code.startswith("US-") else f"US-{code}")
        return subdivision.name if subdivision else admin1
    return admin1


def event_day(event: Event | None) -> str | None:
    """The event's date when it is one known day, else None."""
    if event is None or event.date.start is None or event.date.start != event.date.end:
        return None
    return event.date.start[:10]


def score_item(item: dict[str, Any], extraction: Extraction, scores: metrics.Scores) -> dict[str, Any]:
    incidents = item["incidents"]
    counts = tally(extraction, roles=ALL_ROLES)
    event = event_of(extraction, counts.event)
    day = event_day(event)
    city = event.place.name if event else None
    state = state_name(event.place.admin1) if event else None
    gold_killed = [int(i["num_killed"]) for i in incidents]
    gold_injured = [int(i["num_injured"]) for i in incidents]
    scores.add("killed_exact", metrics.any_exact(counts.killed, gold_killed))
    scores.add("injured_exact", metrics.any_exact(counts.injured, gold_injured))
    scores.add("date_exact", any(day is not None and day == i["date"] for i in incidents))
    scores.add("city_match", max(metrics.same_place(city, name)
                                 for i in incidents for name in city_names(i["city_or_county"])))
    scores.add("state_match", max(metrics.same_place(state, i["state"]) for i in incidents))
    for name, baseline in (("zero", baselines.zero_counts), ("regex", baselines.regex_counts)):
        killed, injured = baseline(item["text"])
        scores.add(f"baseline_{name}_killed_exact", metrics.any_exact(killed, gold_killed))
        scores.add(f"baseline_{name}_injured_exact", metrics.any_exact(injured, gold_injured))
    return {"killed": counts.killed, "injured": counts.injured, "date": day, "city": city,
            "state": state, "gold": [{key: i[key] for key in ("incident_id", "num_killed", "num_injured",
                                                             "date", "city_or_county", "state")}
                                     for i in incidents]}


def evaluate(path: Path, *, limit: int | None = None, errors: Path | None = None,
             progress=identity, settings: Settings | None = None) -> dict[str, Any]:
    items = limited(read(Path(path)), limit)
    return score_all(items, score_item, errors=errors, progress=progress, settings=settings)
