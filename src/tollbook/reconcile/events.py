"""Events across reports: which report-events tell the same real event.

Two report-events (an event id inside one report) are joined when all of these hold:

1. they come from different reports (a report's extractor already split its own events);
2. their ACLED types are compatible: the same family (political violence: battles, explosions
   and violence against civilians; demonstrations: protests and riots), or either is unknown or
   a strategic development (an arrest after a shooting is reported as the same story);
3. their days are within `WINDOW_DAYS` (an event's own date; a report with no event date
   falls back to its publication date, with the wider `UNDATED_WINDOW_DAYS`);
4. their places do not contradict: the same country and first-level region when both are
   known, and within `NEAR_KM` of each other when both have coordinates;
5. they share a victim or actor: a person's name (first and last word, so middle names and
   initials do not matter) appears in both reports, or both are at the same place (within
   `SAME_PLACE_KM`, the same place name and region, or one's place named in the other's text)
   and state the same non-zero figure for the same outcome, at most `FIGURE_WINDOW_DAYS` apart
   (the same day when the figure shared is one: one man shot is told of many shootings).
   A place whose name the reports also write as common words ("Police said" read as a town,
   "West", "University") is no evidence of place.

Two or more shared names are strong evidence on their own: such reports are joined up to
`NAMED_WINDOW_DAYS` apart (a sentencing months later) and even when their places disagree (a
gazetteer slip puts one of them in another country), unless the names are those of office
holders (a sheriff, a prosecutor, a mayor), who speak about their county's events for years.
A name found in more than `COMMON_NAME_LIMIT` report-events (a mayor, a police chief) is not evidence.

Joins are transitive (single link, strongest evidence first), except that a ledger event never
takes two events of one report. Each ledger event keeps its members.

On the gva development set (1,920 reports of 1,085 incidents) the rule reaches B-cubed F1 0.86
against 0.72 for every report alone; moving any one constant (window 1–7 days, NEAR_KM 25–150,
COMMON_NAME_LIMIT 5–unbounded) changes it by under 0.005, and NAMED_WINDOW_DAYS 30 / 3 gives
0.857 / 0.847.
"""

from __future__ import annotations

import datetime
import hashlib
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tollbook.evaluate.tally import figure
from tollbook.extract.event_places import lower_case_words
from tollbook.model import DateRange, Event, Extraction, Outcome, Person, Place, PlacePrecision
from tollbook.reconcile.figures import usable
from tollbook.reconcile.ledger import Member

WINDOW_DAYS = 3
NAMED_WINDOW_DAYS = 400
COMMON_NAME_LIMIT = 20
_SUFFIXES = frozenset("jr sr ii iii iv".split())
# Title words of offices whose holders speak about many events (not "officer" or "deputy":
# those are often the victims a report is about).
OFFICES = frozenset("chief sheriff prosecutor mayor spokesman spokeswoman spokesperson rep. representative "
                    "senator governor attorney superintendent commissioner coroner judge president".split())
UNDATED_WINDOW_DAYS = 7
FIGURE_WINDOW_DAYS = 1
NEAR_KM = 60.0
SAME_PLACE_KM = 15.0

_FAMILIES = {
    "Battles": "violence", "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence", "Protests": "demonstration", "Riots": "demonstration",
}
_WILDCARD_TYPES = {None, "Strategic developments"}
_PRECISION_RANK = {PlacePrecision.POINT: 0, PlacePrecision.NEAR: 1, PlacePrecision.ADMIN2: 2,
                   PlacePrecision.ADMIN1: 3, PlacePrecision.COUNTRY: 4, None: 5}


@dataclass(frozen=True)
class ReportEvent:
    """One event of one report, with what the join rule compares."""

    member: Member
    order: int  # the report's input position
    event: Event
    day: int | None  # proleptic ordinal of the event's (or the report's) day
    dated: bool  # the day is the event's own date
    names: frozenset[str]
    office_names: frozenset[str]  # names of the report's office holders (a sheriff, a mayor)
    figures: frozenset[tuple[Outcome, int]]
    text: str  # the report's words, lower-cased, space-separated, with a space at each end
    plain_words: frozenset[str]  # words the report writes in lower case ("police", "west")


def _ordinal(iso: str | None) -> int | None:
    try:
        return datetime.date.fromisoformat(iso[:10]).toordinal() if iso else None
    except ValueError:
        return None


def name_key(name: str) -> str | None:
    """"Darold Lavell Lews Jr." → "darold lews"; None for a single word (too common to identify)."""
    words = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in _SUFFIXES]
    return f"{words[0]} {words[-1]}" if len(words) >= 2 else None


def _person_names(extraction: Extraction) -> frozenset[str]:
    return frozenset(key for person in extraction.people if (key := name_key(person.name)))


def _office_holder_names(extraction: Extraction) -> frozenset[str]:
    return frozenset(key for person in extraction.people
                     if _holds_office(person) and (key := name_key(person.name)))


def _holds_office(person: Person) -> bool:
    """ "Sheriff John Skipper", "Wayne County Prosecutor Kym Worthy": someone the press quotes on
    every shooting of the county for years."""
    return any(word.lower() in OFFICES for title in person.titles for word in title.text.split())


def _folded(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


def report_events(extractions: Sequence[Extraction]) -> list[ReportEvent]:
    """Every event of every report, ready to compare."""
    items = []
    for order, extraction in enumerate(extractions):
        names = _person_names(extraction)
        offices = _office_holder_names(extraction)
        text = _folded(extraction.document.text)
        plain = lower_case_words(extraction.document.text)
        published = _ordinal(extraction.document.published.date)
        for event in extraction.events:
            own = _ordinal(event.date.start or event.date.end)
            figures = frozenset((c.outcome, figure(c)) for c in extraction.claims
                                if c.event == event.id and usable(c) and figure(c))
            items.append(ReportEvent(
                member=Member(report=extraction.document.id, event=event.id), order=order,
                event=event, day=own if own is not None else published, dated=own is not None,
                names=names, office_names=offices, figures=figures, text=text, plain_words=plain))
    return items


def compatible_types(a: str | None, b: str | None) -> bool:
    if a in _WILDCARD_TYPES or b in _WILDCARD_TYPES or a == b:
        return True
    family = _FAMILIES.get(a or "")
    return family is not None and family == _FAMILIES.get(b or "")


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle (haversine) distance; None when either place lacks coordinates."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _differ(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.lower() != b.lower())


def places_compatible(a: Place, b: Place) -> bool:
    if _differ(a.country, b.country) or _differ(a.admin1, b.admin1):
        return False
    distance = distance_km(a, b)
    return distance is None or distance <= NEAR_KM


def same_place(a: Place, b: Place) -> bool:
    distance = distance_km(a, b)
    if distance is not None:
        return distance <= SAME_PLACE_KM
    return bool(a.name and b.name and a.name.lower() == b.name.lower() and not _differ(a.admin1, b.admin1))


def _days_apart(a: ReportEvent, b: ReportEvent) -> int | None:
    return None if a.day is None or b.day is None else abs(a.day - b.day)


def _close_in_time(a: ReportEvent, b: ReportEvent) -> bool:
    apart = _days_apart(a, b)
    return apart is not None and apart <= (WINDOW_DAYS if a.dated and b.dated else UNDATED_WINDOW_DAYS)


def _reads_as_common_words(place: Place, a: ReportEvent, b: ReportEvent) -> bool:
    """A place name every word of which either report also writes in lower case ("Police" from
    "Police said", "West", "University") is as likely a common word as a place: no evidence."""
    words = re.findall(r"[a-z]+", (place.name or "").lower())
    return bool(words) and all(w in a.plain_words or w in b.plain_words for w in words)


def _figures_close(a: ReportEvent, b: ReportEvent) -> bool:
    """A shared figure with no shared name is weak evidence ("one man was shot" is told of many
    shootings in a city each week): it joins events only within FIGURE_WINDOW_DAYS, and a shared
    "one" only on the same day."""
    apart = _days_apart(a, b)
    if apart is None or apart > FIGURE_WINDOW_DAYS:
        return False
    return apart == 0 or any(n > 1 for _, n in a.figures & b.figures)


def _place_named(a: ReportEvent, b: ReportEvent) -> bool:
    """One's place is the other's place, or is named in the other's text."""
    named = [x for x in (a, b) if x.event.place.name and not _reads_as_common_words(x.event.place, a, b)]
    if len(named) == 2 and same_place(a.event.place, b.event.place):
        return True
    return any(_folded(x.event.place.name) in y.text for x in named for y in (a, b) if y is not x)


def evidence(a: ReportEvent, b: ReportEvent, common: frozenset[str] = frozenset()) -> int:
    """How strongly two report-events are one event: 0 = not joined (rules in the module doc)."""
    if a.member.report == b.member.report:
        return 0
    if not compatible_types(a.event.acled_event_type, b.event.acled_event_type):
        return 0
    apart = _days_apart(a, b)
    shared = (a.names & b.names) - common
    if apart is not None and apart > WINDOW_DAYS:
        # Office holders are quoted on many events of their county: they join only close in time.
        shared -= a.office_names | b.office_names
    shared_names = len(shared)
    if shared_names >= 2 and apart is not None and apart <= NAMED_WINDOW_DAYS:
        return 1 + shared_names
    if not _close_in_time(a, b) or not places_compatible(a.event.place, b.event.place):
        return 0
    if shared_names:
        return 2
    return int(_figures_close(a, b) and bool(a.figures & b.figures) and _place_named(a, b))


def _common_names(items: Sequence[ReportEvent]) -> tuple[frozenset[str], dict[str, list[int]]]:
    holders: dict[str, list[int]] = {}
    for index, item in enumerate(items):
        for name in item.names:
            holders.setdefault(name, []).append(index)
    common = frozenset(name for name, found in holders.items() if len(found) > COMMON_NAME_LIMIT)
    return common, holders


def _candidate_pairs(items: Sequence[ReportEvent]) -> list[tuple[int, int, int]]:
    """(strength, i, j) for pairs worth joining: events close in time, or sharing a name."""
    common, holders = _common_names(items)
    candidates: set[tuple[int, int]] = set()
    dated = sorted((i for i, item in enumerate(items) if item.day is not None), key=lambda i: items[i].day)
    for position, i in enumerate(dated):
        for j in dated[position + 1:]:
            if items[j].day - items[i].day > UNDATED_WINDOW_DAYS:
                break
            candidates.add((min(i, j), max(i, j)))
    for name, found in holders.items():
        if name not in common:
            candidates.update((i, j) for n, i in enumerate(found) for j in found[n + 1:])
    pairs = []
    for i, j in candidates:
        strength = evidence(items[i], items[j], common)
        if strength:
            pairs.append((strength, i, j))
    return sorted(pairs, key=lambda p: (-p[0], p[1], p[2]))


def cluster(items: Sequence[ReportEvent]) -> list[list[ReportEvent]]:
    """Report-events grouped into real events, each group in report order."""
    parent = list(range(len(items)))
    reports = [{item.member.report} for item in items]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in _candidate_pairs(items):
        a, b = root(i), root(j)
        if a != b and not (reports[a] & reports[b]):
            parent[b] = a
            reports[a] |= reports[b]
    groups: dict[int, list[ReportEvent]] = {}
    for index, item in enumerate(items):
        groups.setdefault(root(index), []).append(item)
    return [sorted(group, key=lambda item: item.order) for group in groups.values()]


def ledger_id(group: Sequence[ReportEvent]) -> str:
    """Stable id: a hash of the earliest member (a later report joining keeps the id)."""
    first = group[0].member
    return "ev-" + hashlib.sha1(f"{first.report}/{first.event}".encode()).hexdigest()[:12]


def _most_common(values: list) -> object:
    present = [v for v in values if v is not None]
    return Counter(present).most_common(1)[0][0] if present else None


def shared_type(group: Sequence[ReportEvent]) -> tuple[str | None, str | None]:
    """The most common (type, sub-type) among members, strategic developments last."""
    types = [(i.event.acled_event_type, i.event.acled_sub_event_type) for i in group
             if i.event.acled_event_type not in _WILDCARD_TYPES]
    types = types or [(i.event.acled_event_type, i.event.acled_sub_event_type) for i in group]
    return _most_common(types) or (None, None)


def shared_date(group: Sequence[ReportEvent]) -> DateRange:
    """The date most members give (day precision first); ties go to the earliest report."""
    dates = [i.event.date for i in group if i.event.date.start or i.event.date.end]
    if not dates:
        return group[0].event.date
    ranked = Counter((d.start, d.end) for d in dates)
    rank = {d: (d.precision != "day", -ranked[(d.start, d.end)], n) for n, d in enumerate(dates)}
    return min(dates, key=lambda d: rank[d])


def shared_place(group: Sequence[ReportEvent]) -> Place:
    """The most precise place members give; among equals, the most common one."""
    places = [i.event.place for i in group]
    counts = Counter(places)
    return min(places, key=lambda p: (_PRECISION_RANK.get(p.precision, 5), p.name is None, -counts[p]))


def order_of(extractions: Sequence[Extraction]) -> Mapping[str, int]:
    return {e.document.id: n for n, e in reversed(list(enumerate(extractions)))}
