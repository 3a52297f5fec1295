"""Extraction ↔ table rows, both ways, losing nothing: `load(save(x))` equals x field for field."""

from __future__ import annotations

import dataclasses
import datetime
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from tollbook.model import (
    Actor,
    AgeGroup,
    Category,
    Claim,
    Count,
    DatePrecision,
    DateRange,
    Document,
    Event,
    Extraction,
    Finding,
    Gender,
    Group,
    Outcome,
    Person,
    Place,
    PlacePrecision,
    Published,
    Qualifier,
    Role,
    Segment,
    SegmentKind,
    Severity,
    Source,
    SourceKind,
    Span,
    Status,
    Title,
)

Row = dict[str, Any]


# ---------------------------------------------------------------- Extraction → rows


def report_rows(extraction: Extraction, ingested_at: datetime.datetime) -> dict[str, list[Row]]:
    """The rows of one report, by table name."""
    document = extraction.document
    key = document.id
    return {
        "documents": [_document_row(extraction, ingested_at)],
        "segments": [_segment_row(key, i, s) for i, s in enumerate(document.segments)],
        "people": [_person_row(key, i, p) for i, p in enumerate(extraction.people)],
        "events": [_event_row(key, i, e) for i, e in enumerate(extraction.events)],
        "claims": [_claim_row(key, i, c) for i, c in enumerate(extraction.claims)],
        "claim_mentions": [
            {"document_id": key, "claim_id": c.id, "position": i, "span_start": m.start, "span_end": m.end}
            for c in extraction.claims
            for i, m in enumerate(c.mentions)
        ],
        "findings": [_finding_row(key, i, f) for i, f in enumerate(extraction.findings)],
    }


def _document_row(extraction: Extraction, ingested_at: datetime.datetime) -> Row:
    d = extraction.document
    return {
        "id": d.id, "schema_version": extraction.schema_version, "url": d.url, "outlet": d.outlet,
        "headline": d.headline, "published_date": d.published.date,
        "published_precision": d.published.precision, "published_inferred": d.published.inferred,
        "published_how": d.published.how, "language": d.language, "text": d.text,
        "glued_at": list(d.glued_at), "ingested_at": ingested_at,
    }


def _segment_row(key: str, position: int, s: Segment) -> Row:
    return {"document_id": key, "position": position, "kind": s.kind, "span_start": s.start,
            "span_end": s.end, "label": s.label}


def _person_row(key: str, position: int, p: Person) -> Row:
    return {
        "document_id": key, "position": position, "name": p.name, "variants": list(p.variants),
        "titles": _plain(p.titles), "nationalities": _plain(p.nationalities), "mentions": _plain(p.mentions),
    }


def _event_row(key: str, position: int, e: Event) -> Row:
    return {
        "document_id": key, "id": e.id, "position": position, "kind": e.kind,
        "acled_event_type": e.acled_event_type, "acled_sub_event_type": e.acled_sub_event_type,
        **_date_range_columns("date", e.date),
        "place_name": e.place.name, "place_admin1": e.place.admin1, "place_country": e.place.country,
        "place_lat": e.place.lat, "place_lon": e.place.lon, "place_precision": e.place.precision,
        "actors": _plain(e.actors), "mentions": _plain(e.mentions),
    }


def _claim_row(key: str, position: int, c: Claim) -> Row:
    count, group, source = c.count, c.group, c.source
    return {
        "document_id": key, "id": c.id, "position": position, "outcome": c.outcome,
        "count_as_written": count and count.as_written, "count_start": count and count.start,
        "count_end": count and count.end, "count_value": count and count.value,
        "count_low": count and count.low, "count_high": count and count.high,
        "count_qualifier": count and count.qualifier,
        "group_noun": group.noun, "group_category": group.category, "group_role": group.role,
        "group_nationality": group.nationality, "group_gender": group.gender,
        "group_age_group": group.age_group, "group_is_total": group.is_total,
        "source_name": source and source.name, "source_title": source and source.title,
        "source_organisation": source and source.organisation, "source_kind": source and source.kind,
        "source_is_party": source and source.is_party,
        "source_start": source and source.span and source.span.start,
        "source_end": source and source.span and source.span.end,
        "evidence_start": c.evidence.start, "evidence_end": c.evidence.end,
        **_date_range_columns("stated", c.stated_on),
        "event_id": c.event, "part_of": c.part_of, "supersedes": c.supersedes, "status": c.status,
        "hedged": c.hedged, "negated": c.negated, "from_headline": c.from_headline,
        "outcome_inferred": c.outcome_inferred, "confidence": c.confidence,
    }


def _finding_row(key: str, position: int, f: Finding) -> Row:
    return {"document_id": key, "position": position, "kind": f.kind, "severity": f.severity,
            "message": f.message, "spans": _plain(f.spans), "claims": list(f.claims)}


def _date_range_columns(prefix: str, r: DateRange | None) -> Row:
    if r is None:
        return {f"{prefix}_{name}": None for name in ("start", "end", "precision", "as_written", "inferred")}
    return {f"{prefix}_start": r.start, f"{prefix}_end": r.end, f"{prefix}_precision": r.precision,
            f"{prefix}_as_written": r.as_written, f"{prefix}_inferred": r.inferred}


def _plain(records: Sequence[Any]) -> list[Any]:
    # Enums are StrEnums, so json.dumps writes them as their strings.
    return [dataclasses.asdict(r) for r in records]


# ---------------------------------------------------------------- rows → Extraction


def extraction_from_rows(
    document: Mapping[str, Any], children: Mapping[str, Sequence[Mapping[str, Any]]]
) -> Extraction:
    """Rebuild one report from its document row and its child rows (each list in position order)."""
    mentions: dict[str, list[Span]] = defaultdict(list)
    for row in children.get("claim_mentions", ()):
        mentions[row["claim_id"]].append(Span(start=row["span_start"], end=row["span_end"]))
    return Extraction(
        schema_version=document["schema_version"],
        document=_document(document, children.get("segments", ())),
        people=[_person(r) for r in children.get("people", ())],
        claims=[_claim(r, mentions.get(r["id"], [])) for r in children.get("claims", ())],
        events=[_event(r) for r in children.get("events", ())],
        findings=[_finding(r) for r in children.get("findings", ())],
    )


def _document(row: Mapping[str, Any], segments: Sequence[Mapping]) -> Document:
    return Document(
        id=row["id"], text=row["text"], url=row["url"], outlet=row["outlet"], headline=row["headline"],
        published=Published(
            date=row["published_date"], precision=_enum(DatePrecision, row["published_precision"]),
            inferred=bool(row["published_inferred"]), how=row["published_how"],
        ),
        language=row["language"],
        segments=[
            Segment(kind=SegmentKind(s["kind"]), start=s["span_start"], end=s["span_end"], label=s["label"])
            for s in segments
        ],
        glued_at=list(row["glued_at"]),
    )


def _person(row: Mapping[str, Any]) -> Person:
    return Person(
        name=row["name"], variants=list(row["variants"]), titles=[_title(t) for t in row["titles"]],
        nationalities=[_title(t) for t in row["nationalities"]],
        mentions=[Span(**m) for m in row["mentions"]],
    )


def _title(data: Mapping[str, Any]) -> Title:
    return Title(text=data["text"], span=Span(**data["span"]))


def _event(row: Mapping[str, Any]) -> Event:
    return Event(
        id=row["id"], kind=row["kind"], acled_event_type=row["acled_event_type"],
        acled_sub_event_type=row["acled_sub_event_type"], date=_required_date_range(row, "date"),
        place=Place(
            name=row["place_name"], admin1=row["place_admin1"], country=row["place_country"],
            lat=row["place_lat"], lon=row["place_lon"],
            precision=_enum(PlacePrecision, row["place_precision"]),
        ),
        actors=[Actor(**a) for a in row["actors"]],
        mentions=[Span(**m) for m in row["mentions"]],
    )


def _claim(row: Mapping[str, Any], mentions: list[Span]) -> Claim:
    return Claim(
        id=row["id"], outcome=Outcome(row["outcome"]), count=_count(row), group=_group(row),
        source=_source(row), evidence=Span(start=row["evidence_start"], end=row["evidence_end"]),
        stated_on=_date_range(row, "stated"), event=row["event_id"], part_of=row["part_of"],
        supersedes=row["supersedes"], status=Status(row["status"]), hedged=bool(row["hedged"]),
        negated=bool(row["negated"]), from_headline=bool(row["from_headline"]),
        outcome_inferred=bool(row["outcome_inferred"]), confidence=row["confidence"], mentions=mentions,
    )


def _count(row: Mapping[str, Any]) -> Count | None:
    if row["count_qualifier"] is None:
        return None
    return Count(
        as_written=row["count_as_written"], start=row["count_start"], end=row["count_end"],
        value=row["count_value"], low=row["count_low"], high=row["count_high"],
        qualifier=Qualifier(row["count_qualifier"]),
    )


def _group(row: Mapping[str, Any]) -> Group:
    return Group(
        noun=row["group_noun"], category=Category(row["group_category"]), role=Role(row["group_role"]),
        nationality=row["group_nationality"], gender=_enum(Gender, row["group_gender"]),
        age_group=_enum(AgeGroup, row["group_age_group"]), is_total=bool(row["group_is_total"]),
    )


def _source(row: Mapping[str, Any]) -> Source | None:
    if row["source_kind"] is None:
        return None
    span = None
    if row["source_start"] is not None:
        span = Span(start=row["source_start"], end=row["source_end"])
    return Source(
        name=row["source_name"], title=row["source_title"], organisation=row["source_organisation"],
        kind=SourceKind(row["source_kind"]), is_party=bool(row["source_is_party"]), span=span,
    )


def _finding(row: Mapping[str, Any]) -> Finding:
    return Finding(
        kind=row["kind"], severity=Severity(row["severity"]), message=row["message"],
        spans=[Span(**s) for s in row["spans"]], claims=list(row["claims"]),
    )


def _date_range(row: Mapping[str, Any], prefix: str) -> DateRange | None:
    if row[f"{prefix}_inferred"] is None:
        return None
    return DateRange(
        start=row[f"{prefix}_start"], end=row[f"{prefix}_end"],
        precision=_enum(DatePrecision, row[f"{prefix}_precision"]),
        as_written=row[f"{prefix}_as_written"], inferred=bool(row[f"{prefix}_inferred"]),
    )


def _required_date_range(row: Mapping[str, Any], prefix: str) -> DateRange:
    found = _date_range(row, prefix)
    if found is None:  # the column is NOT NULL for events; a None here is a damaged row
        raise ValueError(f"row without {prefix}_inferred: {dict(row)}")
    return found


def _enum(kind, value):
    return None if value is None else kind(value)
