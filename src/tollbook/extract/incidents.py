"""Several incidents in one report: split a report's violent sentences into one group per incident.

A wire round-up or a follow-up story tells more than one incident ("Meanwhile, three soldiers
were killed in clashes yesterday …"). Sentences are taken a paragraph at a time, in text order,
and each paragraph gets a signature: its kind (abduction, explosion, destruction, or a plain
attack), the days its triggers are dated and the towns it names. A paragraph joins the latest
incident its signature agrees with; it opens a new incident only on clear evidence:

- a distinctive kind no incident has yet (a kidnapping after a bombing), or
- an incident trigger dated on a day the current incident is not, when the days are more than
  one apart, or the paragraph marks a new incident ("meanwhile", "in another attack", "also"),
  or it names other towns, or
- an incident trigger in other towns than the current incident's, when the paragraph marks a
  new incident or tells another kind (a bombing in one town, then an ambush in another).

A paragraph never joins an earlier incident set in other towns than its own.

A paragraph with casualty words and no incident trigger ("he died in hospital on Sunday") never
opens an incident: a victim dying a day later is the same incident. Headline sentences belong
to the first incident.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from tollbook.extract import event_types
from tollbook.model import DatePrecision, DateRange, PlacePrecision

_INCIDENT_TRIGGERS = set(
    "attack bomb bombing airstrike strike shoot shooting gunfire explosion blast explode clash fight "
    "fighting battle raid ambush kidnap kidnapping abduct abduction massacre assault stab stabbing "
    "murder shootout detonate shell shelling dynamite burn arson assassinate assassination sabotage".split()
)
_NEW_INCIDENT = re.compile(
    r"(?i)\b(?:meanwhile|elsewhere|separately|in (?:a|an) (?:separate|similar|unrelated|related|other)\b|"
    r"(?:another|other|second|third|separate|similar) (?:attack|incident|clash|bomb\w*|explosion|"
    r"shooting|kidnapping|raid|ambush|action|operation)s?\b|also\b|in addition)"
)
# The markers above that say outright that another incident is told ("also" is too weak alone).
_ANOTHER_INCIDENT = re.compile(_NEW_INCIDENT.pattern.replace("|also\\b|in addition", ""))
# "They also attacked ...": what else the same actors did, told on without a date of its own.
TOLD_ALSO = re.compile(r"(?i)\b(?:also|in addition)\b")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_STRONG_KINDS = event_types.DISTINCT_KINDS
_LOCATED = 1.0  # the weight from which a country mention says where, not who (see `event_places`)


class _Sentence(Protocol):
    sent: Any  # the spaCy sentence
    triggers: list
    dates: list[DateRange]
    places: Any  # Counter of Place
    paragraph: int  # -1 in the headline
    passage: str


@dataclass
class _Incident:
    kind: str
    days: set[dt.date] = field(default_factory=set)
    towns: set[tuple] = field(default_factory=set)
    sentences: list = field(default_factory=list)


def split(sentences: Sequence[_Sentence], text: str) -> list[tuple[list[_Sentence], str]]:
    """The sentences grouped by incident, in order of first mention, each with the incident's kind."""
    spans = paragraph_spans(text)
    found: list[_Incident] = []
    headline = [s for s in sentences if s.paragraph < 0]
    for paragraph, members in _by_paragraph([s for s in sentences if s.paragraph >= 0]):
        passage = text[slice(*spans[paragraph])]
        kind, days, towns = _kind(passage), _days(members), _towns(members)
        told_apart = bool(found) and _told_apart(members)
        incident = _joined(found, kind, days, towns) if found and not told_apart else None
        if incident is None:
            current = found[-1] if found else None
            if current is None or told_apart or _opens(current, found, kind, days, towns, passage, members):
                incident = _Incident(kind=kind)
                found.append(incident)
            else:
                incident = current
        incident.days |= days
        incident.towns |= towns
        if incident.kind == "attack" and kind in _STRONG_KINDS:
            incident.kind = kind
        incident.sentences.extend(members)
    if not found:
        return [(headline, _kind(" ".join(s.passage for s in headline)))] if headline else []
    # The headline sums up the story: it belongs to the incident told first.
    found[0].sentences[:0] = headline
    return [(incident.sentences, incident.kind) for incident in found]


def _by_paragraph(sentences: Sequence[_Sentence]) -> list[tuple[int, list[_Sentence]]]:
    groups: dict[int, list[_Sentence]] = {}
    for sentence in sentences:
        groups.setdefault(sentence.paragraph, []).append(sentence)
    return sorted(groups.items(), key=lambda kv: kv[0])


# Where a sentence ends in raw text: a full stop (a closing quote may follow) before a space, or a
# blank line. Used where the parse's sentences are not at hand (wrapped wire text, whole paragraphs).
SENTENCE_END = re.compile(r"[.!?][\"'’”]?(?=\s)|\n[ \t]*\n")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each blank-line separated paragraph (the whole text when there is none)."""
    breaks = list(_PARAGRAPH_BREAK.finditer(text))
    starts = [0, *(m.end() for m in breaks)]
    ends = [*(m.start() for m in breaks), len(text)]
    return list(zip(starts, ends, strict=True))


def _kind(passage: str) -> str:
    _, sub_type = event_types.classify(passage) if passage else (None, None)
    return event_types.kind_of(sub_type)


def _days(members: list[_Sentence]) -> set[dt.date]:
    return {
        dt.date.fromisoformat(d.start)
        for s in members for d in s.dates
        if d.precision == DatePrecision.DAY and d.start and d.start == d.end
        and any(t.lemma_.lower() in _INCIDENT_TRIGGERS for t in s.triggers)
    }


def _towns(members: list[_Sentence]) -> set[tuple]:
    """The towns a paragraph names, and as (None, country) the countries it sets them in or says
    it happened in ("in Guatemala"; not "Guatemalan troops", a mention too light to place it)."""
    towns = {
        (place.name, place.country) for s in members for place in s.places
        if place.precision in (PlacePrecision.POINT, PlacePrecision.ADMIN2)
    }
    located = {
        (None, place.country) for s in members for place, weight in s.places.items()
        if place.country and (place.precision != PlacePrecision.COUNTRY or weight >= _LOCATED)
    }
    return towns | located


def _joined(found: list[_Incident], kind: str, days: set[dt.date], towns: set[tuple]) -> _Incident | None:
    """The latest incident this paragraph agrees with: same distinctive kind, no other day or town."""
    for incident in reversed(found):
        if kind in _STRONG_KINDS and incident.kind != kind:
            continue
        if days and incident.days and not days & incident.days:
            continue
        if _elsewhere(towns, incident):
            continue
        if kind not in _STRONG_KINDS and incident is not found[-1] and not (days & incident.days):
            continue  # a plain attack goes back to an earlier incident only by its day
        return incident
    return None


def _opens(current: _Incident, found: list[_Incident], kind: str, days: set[dt.date],
           towns: set[tuple], passage: str, members: list[_Sentence]) -> bool:
    if not any(t.lemma_.lower() in _INCIDENT_TRIGGERS for s in members for t in s.triggers):
        return False
    if kind in _STRONG_KINDS and all(i.kind != kind for i in found):
        return True
    if _elsewhere(towns, current) and (kind != current.kind or _ANOTHER_INCIDENT.search(passage)):
        return True
    if not days or not current.days or days & current.days:
        return False
    apart = min(abs((a - b).days) for a in days for b in current.days)
    mine, theirs = _named_towns(towns), _named_towns(current.towns)
    other_towns = bool(mine) and bool(theirs) and not mine & theirs
    return apart > 1 or bool(_NEW_INCIDENT.search(passage)) or other_towns


def _told_apart(members: list[_Sentence]) -> bool:
    """Whether a sentence with an incident trigger says outright that it tells another incident
    ("Meanwhile, rebels attacked ...", "The second attack took place ...")."""
    return any(
        _ANOTHER_INCIDENT.search(s.sent.text) for s in members
        if any(t.lemma_.lower() in _INCIDENT_TRIGGERS for t in s.triggers)
    )


def _elsewhere(places: set[tuple], incident: _Incident) -> bool:
    """Whether a paragraph is set in another country than the incident, or in towns the
    incident never names (each compared only when both name some)."""
    for level in (_countries, _named_towns):
        mine, theirs = level(places), level(incident.towns)
        if mine and theirs and not mine & theirs:
            return True
    return False


def _countries(places: set[tuple]) -> set[str]:
    return {country for _, country in places}


def _named_towns(places: set[tuple]) -> set[tuple]:
    return {place for place in places if place[0] is not None}
