"""Events: what happened, when, where and who did it, and which figures belong to which event.

A report usually tells one violent incident and sometimes what followed it (a protest, a
funeral). Trigger words sort its sentences into families (violence, protest); each family with a
trigger becomes an event. Its date is the best-attested date attached to a trigger or casualty
word — never a date attached to a speech verb, which is when a figure was *stated* ("the minister
said on Friday"). Its place is the town most named in its sentences, looked up in the gazetteer.
Figures belong to the event of their sentence, else to the report's main (violent) event.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from tollbook.annotate.dates import DateKind, DateMention
from tollbook.annotate.parsed import Parsed, ParsedUnit
from tollbook.extract import event_types
from tollbook.extract.lexicon import INTRANSITIVE_OUTCOMES, OUTCOME_ADJECTIVES, OUTCOME_VERBS, SPEECH_VERBS
from tollbook.model import Actor, DatePrecision, DateRange, Event, Place, PlacePrecision, SegmentKind, Span

VIOLENCE = "violence"
OTHER_TIME = "another incident or period"
PROTEST = "protest"
_TRIGGERS = {
    **dict.fromkeys(
        "attack bomb bombing airstrike strike shoot shooting gunfire kill killing explosion blast "
        "explode clash fight fighting battle raid ambush kidnap kidnapping abduct abduction massacre "
        "assault operation stab stabbing murder shootout detonate shell shelling invasion".split(),
        VIOLENCE,
    ),
    **dict.fromkeys("protest rally demonstration march riot demonstrate sit-in strike".split(), PROTEST),
}
_TRIGGERS["strike"] = VIOLENCE
_DATELINE_RE = re.compile(
    r"\s*([A-Z][A-Z .'-]{2,30}),\s*(?:([A-Z][A-Za-z. ]{1,25}?)\s*(?:,|\(|—|–|--|-|\d))?"
)
_PRECISION_RANK = {DatePrecision.DAY: 0, DatePrecision.WEEK: 1, DatePrecision.MONTH: 2, DatePrecision.YEAR: 3}


@dataclass
class _Family:
    name: str
    sentences: list[tuple[ParsedUnit, SpacySpan]] = field(default_factory=list)
    triggers: list[Token] = field(default_factory=list)
    dates: list[DateRange] = field(default_factory=list)
    places: Counter = field(default_factory=Counter)
    actors: list[Actor] = field(default_factory=list)


@dataclass
class EventIndex:
    """The events found and, for any offset, the event its sentence is about."""

    events: list[Event]
    by_sentence: dict[tuple[int, int], str]
    main: str | None

    def event_at(self, unit: ParsedUnit, sent: SpacySpan) -> str | None:
        return self.by_sentence.get((unit.index, sent.start), self.main)

    def date_of(self, event_id: str | None) -> DateRange | None:
        return next((e.date for e in self.events if e.id == event_id), None)

    def other_time_event(self, date: DateRange) -> str:
        """The event for figures about another time (an earlier incident, a period's tally)."""
        for event in self.events:
            if event.kind == OTHER_TIME and (event.date.start, event.date.end) == (date.start, date.end):
                return event.id
        event_id = f"e{len(self.events) + 1}"
        self.events.append(Event(id=event_id, kind=OTHER_TIME, acled_event_type=None,
                                 acled_sub_event_type=None, date=date, place=Place(name=None)))
        return event_id


class EventFinder:
    def __init__(
        self, text: str, parsed: Parsed, dates: list[DateMention], gazetteer, published: str | None
    ) -> None:
        self.text = text
        self.parsed = parsed
        self.dates = [d for d in dates if d.kind != DateKind.INVALID and d.resolved is not None]
        self.gazetteer = gazetteer
        self.published = published

    def find(self, claim_sentences: Counter) -> EventIndex:
        families: dict[str, _Family] = {}
        dateline = self._dateline()
        sentence_family: dict[tuple[int, int], str] = {}
        for unit in self.parsed.of_kind(SegmentKind.HEADLINE, SegmentKind.BODY):
            for sent in unit.doc.sents:
                name, triggers = self._family_of(sent)
                if name is None:
                    continue
                family = families.setdefault(name, _Family(name))
                family.sentences.append((unit, sent))
                family.triggers.extend(triggers)
                family.dates.extend(self._event_dates(unit, sent))
                family.places.update(self._places(sent))
                family.actors.extend(self._actors(sent, triggers))
                sentence_family[(unit.index, sent.start)] = name
        if not families and claim_sentences:
            families[VIOLENCE] = _Family(VIOLENCE)
        if dateline is not None and VIOLENCE in families:
            # A wire dateline ("DAYTON, Ohio — …") names where the story happened.
            families[VIOLENCE].places[dateline] += 5
        events, ids = [], {}
        for number, family in enumerate(sorted(families.values(), key=lambda f: f.name != VIOLENCE), 1):
            ids[family.name] = f"e{number}"
            events.append(self._event(f"e{number}", family))
        by_sentence = {key: ids[name] for key, name in sentence_family.items()}
        main = ids.get(VIOLENCE) or (events[0].id if events else None)
        return EventIndex(events=events, by_sentence=by_sentence, main=main)

    def _dateline(self) -> Place | None:
        """The place of a dateline opening the first body paragraph: "DAYTON, Ohio —", "LIMA, 10 JAN 90"."""
        body = next(iter(self.parsed.of_kind(SegmentKind.BODY)), None)
        if body is None:
            return None
        found = _DATELINE_RE.match(self.text, body.unit.start)
        if not found:
            return None
        city, region = found.group(1).strip().title(), (found.group(2) or "").strip()
        if region and self.gazetteer.us_state(region):
            place = self.gazetteer.find_city(city, country="US", admin1=region)
        elif region and self.gazetteer.country_code(region):
            place = self.gazetteer.find_city(city, country=self.gazetteer.country_code(region))
        else:
            place = None
        return place or self.gazetteer.lookup(city)

    def _family_of(self, sent: SpacySpan) -> tuple[str | None, list[Token]]:
        found = [t for t in sent if t.lemma_.lower() in _TRIGGERS and t.pos_ in ("NOUN", "VERB")]
        found += [t for t in sent if _is_casualty_word(t)]
        if not found:
            return None, []
        votes = Counter(_TRIGGERS.get(t.lemma_.lower(), VIOLENCE) for t in found)
        # A protest sentence that mentions the killings it protests is still about the protest.
        name = (
            PROTEST
            if votes[PROTEST]
            and any(
                _TRIGGERS.get(t.lemma_.lower()) == PROTEST and t.pos_ == "VERB" or t.dep_ in ("nsubj", "ROOT")
                for t in found
                if _TRIGGERS.get(t.lemma_.lower()) == PROTEST
            )
            else VIOLENCE
        )
        return name, [t for t in found if _TRIGGERS.get(t.lemma_.lower(), VIOLENCE) == name]

    def _event_dates(self, unit: ParsedUnit, sent: SpacySpan) -> list[DateRange]:
        first, last = unit.start_of(sent[0]), unit.end_of(sent[-1])
        found = []
        for mention in self.dates:
            if not (first <= mention.start and mention.end <= last):
                continue
            token = unit.token_at(mention.end - 1)
            if token is not None and not _attached_to_speech(token):
                found.append(mention.resolved)
        return found

    def _places(self, sent: SpacySpan) -> Counter:
        places: Counter = Counter()
        for ent in sent.ents:
            if ent.label_ not in ("GPE", "LOC", "FAC"):
                continue
            root = ent.root
            # "the United States attacked", "US forces", "Venezuela’s ministry": actors, not places.
            if root.dep_ in ("nsubj", "compound", "poss", "amod", "nmod") and ent.label_ == "GPE":
                continue
            place = self.gazetteer.lookup(_strip_the(ent.text))
            if place is not None:
                places[place] += 2 if place.precision == PlacePrecision.POINT else 1
        return places

    def _actors(self, sent: SpacySpan, triggers: list[Token]) -> list[Actor]:
        actors = []
        for trigger in triggers:
            for child in trigger.children:
                agent = child
                if child.dep_ in ("agent",) or (child.dep_ == "prep" and child.lower_ == "by"):
                    agent = next((g for g in child.children if g.dep_ == "pobj"), None)
                elif child.dep_ != "nsubj":
                    continue
                if agent is None:
                    continue
                actor = self._actor(agent)
                if actor is not None:
                    actors.append(actor)
        return actors

    def _actor(self, token: Token) -> Actor | None:
        words = [t for t in token.subtree if t.ent_type_ in ("GPE", "NORP", "ORG")]
        for word in words:
            code = self.gazetteer.country_code(word.text)
            if code:
                name = self.gazetteer.country_name(code) or word.text
                return Actor(name=name, actor_type="State forces", country=code)
        return None

    def _event(self, event_id: str, family: _Family) -> Event:
        place = self._place(family)
        date = self._date(family)
        text = " ".join(sent.text for _, sent in family.sentences[:6])
        event_type, sub_type = event_types.classify(text) if text else (None, None)
        if family.name == PROTEST and event_type not in ("Protests", "Riots"):
            event_type, sub_type = "Protests", "Peaceful protest"
        actors = list({a.name: a for a in family.actors}.values())
        if family.name == PROTEST:
            actors = [
                Actor(
                    name=f"Protesters ({place.country})" if place.country else "Protesters",
                    actor_type="Protesters",
                    country=place.country,
                )
            ]
        mentions = [
            unit.span_of(t)
            for unit, sent in family.sentences
            for t in family.triggers
            if sent.start <= t.i < sent.end and t.doc is unit.doc
        ][:20]
        kind = _kind(family)
        return Event(
            id=event_id,
            kind=kind,
            acled_event_type=event_type,
            acled_sub_event_type=sub_type,
            date=date,
            place=place,
            actors=actors,
            mentions=_dedupe(mentions),
        )

    def _place(self, family: _Family) -> Place:
        if not family.places:
            return Place(name=None)
        best = max(family.places.items(), key=lambda kv: (kv[1], kv[0].precision == PlacePrecision.POINT))[0]
        return best

    def _date(self, family: _Family) -> DateRange:
        if family.dates:
            votes = Counter((d.start, d.end, d.precision) for d in family.dates)
            best = min(votes.items(), key=lambda kv: (_PRECISION_RANK.get(kv[0][2], 9), -kv[1]))[0]
            chosen = next(d for d in family.dates if (d.start, d.end, d.precision) == best)
            return chosen
        if self.published:
            # No date of its own: it happened on or before the report was published.
            return DateRange(start=None, end=self.published, precision=None, inferred=True)
        return DateRange(start=None, end=None)


def _is_casualty_word(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return (token.pos_ == "VERB" and (lemma in OUTCOME_VERBS or lemma in INTRANSITIVE_OUTCOMES)) or (
        token.lower_ in OUTCOME_ADJECTIVES and token.dep_ in ("pobj", "acomp", "amod")
    )


def _attached_to_speech(token: Token) -> bool:
    """A date hanging on a speech verb ("said on Friday") dates the statement, not the event."""
    for ancestor in list(token.ancestors)[:3]:
        lemma = ancestor.lemma_.lower()
        if lemma in SPEECH_VERBS and ancestor.pos_ == "VERB":
            return True
        if lemma in _TRIGGERS or _is_casualty_word(ancestor):
            return False
    return False


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _kind(family: _Family) -> str:
    words = Counter(t.lemma_.lower() for t in family.triggers if t.lemma_.lower() in _TRIGGERS)
    return ", ".join(w for w, _ in words.most_common(3)) or family.name


def _dedupe(spans: list[Span]) -> list[Span]:
    return list(dict.fromkeys(spans))


def statement_dates(unit: ParsedUnit, sent: SpacySpan, dates: list[DateMention]) -> dict[int, DateRange]:
    """Dates attached to speech verbs in a sentence, keyed by the verb's token index."""
    first, last = unit.start_of(sent[0]), unit.end_of(sent[-1])
    found = {}
    for mention in dates:
        if mention.resolved is None or not (first <= mention.start and mention.end <= last):
            continue
        token = unit.token_at(mention.end - 1)
        if token is None:
            continue
        for ancestor in list(token.ancestors)[:3]:
            if ancestor.lemma_.lower() in SPEECH_VERBS and ancestor.pos_ == "VERB":
                found[ancestor.i] = mention.resolved
                break
    return found
