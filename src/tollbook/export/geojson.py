"""GeoJSON export: a FeatureCollection with one Point per ledger event (null geometry when the
event has no coordinates), its killed and injured low / best / high as properties."""

from __future__ import annotations

import json
from typing import Any

from tollbook.export.common import triple
from tollbook.model import Outcome
from tollbook.reconcile.ledger import Ledger, LedgerEvent


def feature(event: LedgerEvent) -> dict[str, Any]:
    place = event.place
    geometry = None
    if place.lat is not None and place.lon is not None:
        geometry = {"type": "Point", "coordinates": [place.lon, place.lat]}  # GeoJSON is lon, lat
    properties: dict[str, Any] = {
        "id": event.id, "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "date_start": event.date.start, "date_end": event.date.end, "place": place.name,
        "admin1": place.admin1, "country": place.country, "reports": len({m.report for m in event.members})}
    for outcome in (Outcome.KILLED, Outcome.INJURED):
        low, best, high = triple(event.total(outcome))
        properties.update({f"{outcome.value}_low": low, f"{outcome.value}_best": best,
                           f"{outcome.value}_high": high})
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties}


def collection(ledger: Ledger) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [feature(e) for e in ledger.events]}


def to_geojson(ledger: Ledger) -> str:
    return json.dumps(collection(ledger), ensure_ascii=False, indent=1) + "\n"
