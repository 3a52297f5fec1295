"""The records tollbook produces, their closed vocabularies and their JSON form.

Every fact points back to text: a `Span` indexes `Document.text`, and
`document.text[span.start:span.end]` is exactly what the fact was read from.
Records are frozen, keyword-only dataclasses; vocabularies are `StrEnum`s so they
serialise as the plain strings other tools (and the seed checker) read.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

SCHEMA_VERSION = "1.0"


class SegmentKind(StrEnum):
    HEADLINE = "headline"
    BODY = "body"
    CAPTION = "caption"
    RESIDUE = "residue"


class Outcome(StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    MISSING = "missing"
    ABDUCTED = "abducted"
    DETAINED = "detained"
    DISPLACED = "displaced"
    CASUALTIES = "casualties"  # killed or injured, the text does not say which


class Status(StrEnum):
    CURRENT = "current"
    SUPERSEDED = "superseded"
    UNDETERMINED = "undetermined"  # a stated unknown: count is null, never 0
    DENIED = "denied"


class Qualifier(StrEnum):
    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    NEARLY = "nearly"
    ABOUT = "about"
    UP_TO = "up_to"
    BETWEEN = "between"
    VAGUE = "vague"


class Category(StrEnum):
    CIVILIAN = "civilian"
    MILITARY = "military"
    POLICE = "police"
    ARMED_GROUP = "armed_group"
    UNKNOWN = "unknown"


class Role(StrEnum):
    VICTIM = "victim"
    PERPETRATOR = "perpetrator"
    UNKNOWN = "unknown"


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    MIXED = "mixed"


class AgeGroup(StrEnum):
    CHILD = "child"
    ADULT = "adult"
    ELDERLY = "elderly"


class SourceKind(StrEnum):
    OFFICIAL = "official"
    WITNESS = "witness"
    MEDIA = "media"
    ORGANISATION = "organisation"
    UNATTRIBUTED = "unattributed"


class Severity(StrEnum):
    OK = "ok"
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class PlacePrecision(StrEnum):
    POINT = "point"
    NEAR = "near"
    ADMIN2 = "admin2"
    ADMIN1 = "admin1"
    COUNTRY = "country"


record = dataclass(frozen=True, kw_only=True)


@record
class Span:
    start: int
    end: int


@record
class Segment:
    kind: SegmentKind
    start: int
    end: int
    label: str | None = None  # why it was marked: "furniture", "comment_form", "credit", "topic_tag"...


@record
class Published:
    date: str | None  # ISO date
    precision: DatePrecision | None = None
    inferred: bool = False
    how: str | None = None  # "given", "html metadata", "latest explicit date in the text"


@record
class Document:
    id: str  # sha256 of the text
    text: str
    url: str | None = None
    outlet: str | None = None
    headline: str | None = None
    published: Published = field(default_factory=lambda: Published(date=None))
    language: str | None = None
    segments: list[Segment] = field(default_factory=list)
    glued_at: list[int] = field(default_factory=list)  # offsets where a stripped link glued two words


@record
class Count:
    as_written: str
    start: int
    end: int
    value: int | None
    low: int | None
    high: int | None
    qualifier: Qualifier


@record
class Group:
    noun: str | None = None
    category: Category = Category.UNKNOWN
    role: Role = Role.UNKNOWN
    nationality: str | None = None
    gender: Gender | None = None
    age_group: AgeGroup | None = None
    is_total: bool = False


@record
class Source:
    name: str | None
    title: str | None = None
    organisation: str | None = None
    kind: SourceKind = SourceKind.UNATTRIBUTED
    is_party: bool = False
    span: Span | None = None


@record
class DateRange:
    start: str | None  # ISO date; None = open
    end: str | None
    precision: DatePrecision | None = None
    as_written: str | None = None
    inferred: bool = False


@record
class Claim:
    id: str
    outcome: Outcome
    count: Count | None
    group: Group
    source: Source | None
    evidence: Span
    stated_on: DateRange | None = None
    event: str | None = None
    part_of: str | None = None
    supersedes: str | None = None
    status: Status = Status.CURRENT
    hedged: bool = False
    negated: bool = False
    from_headline: bool = False
    outcome_inferred: bool = False  # no casualty word in the clause: outcome read from context
    confidence: float = 0.5
    mentions: list[Span] = field(default_factory=list)


@record
class Title:
    text: str
    span: Span


@record
class Person:
    name: str
    variants: list[str] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    nationalities: list[Title] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@record
class Place:
    name: str | None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision | None = None


@record
class Actor:
    name: str
    actor_type: str | None = None  # ACLED-style: "State forces", "Protesters", "Civilians", ...
    country: str | None = None


# The kind of an event that only sums others: "22 people shot across the city".
ROUND_UP_KIND = "a round-up of several shootings"


@record
class Event:
    id: str
    kind: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    date: DateRange
    place: Place
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@record
class Finding:
    kind: str
    severity: Severity
    message: str
    spans: list[Span] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)


@record
class Extraction:
    document: Document
    people: list[Person] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION


def to_dict(obj: Any) -> dict[str, Any]:
    """A record as plain JSON-ready data (enums become their strings)."""
    return dataclasses.asdict(obj)


def to_json(extraction: Extraction, *, indent: int | None = 2) -> str:
    data = to_dict(extraction)
    # schema_version first: readers of a stream of extractions look at it before anything else.
    ordered = {"schema_version": data.pop("schema_version"), **data}
    return json.dumps(ordered, ensure_ascii=False, indent=indent)


def from_dict(data: dict[str, Any]) -> Extraction:
    """Rebuild an Extraction from its JSON form, validating types on the way."""
    from pydantic import TypeAdapter

    return TypeAdapter(Extraction).validate_python(data)


def json_schema() -> dict[str, Any]:
    from pydantic import TypeAdapter

    schema = TypeAdapter(Extraction).json_schema()
    schema["$id"] = f"https://tollbook.invalid/schema/extraction-{SCHEMA_VERSION}.json"
    schema["title"] = f"tollbook Extraction, schema {SCHEMA_VERSION}"
    return schema
