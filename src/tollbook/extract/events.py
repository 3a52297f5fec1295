"""Events: what happened, when, where and who did it, and which figures belong to which event.

Trigger words sort a report's sentences into families (violence, protest). The violent
sentences are split into incidents (`extract.incidents`: a wire round-up tells several), and
each incident or other family becomes an event:

- type: the ACLED classifier over the event's whole paragraphs (a wrapped wire line or a
  clipped sentence hides the words that type it), held to the incident's distinctive kind;
- date: the best-attested date in its sentences — never one on a speech verb ("the minister
  said on Friday": when a figure was *stated*) or on what followed ("arrested Monday"), one to
  come, a dateline's or a page stamp's (`extract.event_dates`) — else a date of its paragraphs,
  else, in a report of one event, its first date in the week before publication (or in the two
  months before, in a sentence telling of an event: "It happened on Aug. 3"), else "on or before
  publication";
- place: the best-attested country, then its best-attested town, from the report's dateline
  (a prior) and the place names of its sentences (`extract.event_places`).

Figures belong to the event of their sentence, else to the report's main (violent) event.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from tollbook.annotate.dates import DateKind, DateMention
from tollbook.annotate.parsed import Parsed, ParsedUnit
from tollbook.extract import acts, event_types, incidents, town_lists
from tollbook.extract.event_dates import (
    dates_aftermath,
    elsewhere_in_time,
    hangs_on_speech,
    publication_day,
    tally_period,
)
from tollbook.extract.event_places import PlaceMention, PlaceScanner, filed_abroad, read_dateline, says_who
from tollbook.extract.lexicon import INTRANSITIVE_OUTCOMES, OUTCOME_ADJECTIVES, OUTCOME_VERBS, SPEECH_VERBS
from tollbook.model import (
    ROUND_UP_KIND,
    Actor,
    DatePrecision,
    DateRange,
    Event,
    Place,
    PlacePrecision,
    SegmentKind,
    Span,
)

VIOLENCE = "violence"
OTHER_TIME = "another incident or period"
ROUND_UP = ROUND_UP_KIND  # a figure summed over several shootings or a stretch of time
PROTEST = "protest"
_TRIGGERS = {
    **dict.fromkeys(
        "attack bomb bombing airstrike strike shoot shooting gunfire kill killing explosion blast "
        "explode clash fight fighting battle raid ambush kidnap kidnapping abduct abduction massacre "
        "assault operation stab stabbing murder shootout detonate shell shelling invasion "
        "assassinate assassination dynamite sabotage arson strafe strafing machinegun loot ransack".split(),
        VIOLENCE,
    ),
    "machinegunne": VIOLENCE,  # how the small model lemmatises "MACHINEGUNNED"
    **dict.fromkeys("protest rally demonstration march riot demonstrate sit-in strike".split(), PROTEST),
}
_TRIGGERS["strike"] = VIOLENCE
_DATELINE_WEIGHT = 2.5
_DATELINE_TOWN_WEIGHT = 1.25
_PARAGRAPH_PLACE_WEIGHT = 0.5
_LOCATED_WEIGHT = 1.5  # a place an incident's sentence sets it in ("in Guatemala", a town)
_TYPED_PASSAGES = 4
_HISTORY_DAYS = 62
_LONE_EVENT_DAYS = 7  # how far before publication a lone event's stray date may lie
_LONE_EVENT_TOLD_DAYS = 62  # ... or a date whose sentence tells of the event ("It happened on Aug. 3")
_HAPPEN_VERBS = frozenset(("happen", "occur"))
# Who judged or told of an act, after it: "... have been condemned by leaders from universities in".
_JUDGED_BY = re.compile(
    r"(?i)\b(?:condemned|denounced|repudiated|criticized|deplored|rejected|reported|announced|"
    r"confirmed)\s+by\b"
)
# "Posted: Friday, January 31, 2014": when the page was published, not when anything happened.
_STAMP_BEFORE = re.compile(r"(?i)\b(?:posted|updated|published|modified)\s*:?\s*(?:on\s+)?$")
_HEADER_AFTER = re.compile(r"[ \t]*(?:\([^)\n]*\)[ \t]*)?(?:--|\u2014|\u2013)")
_WIDEN = 240  # characters a wrapped sentence is looked for beyond its parsed piece
_ACTOR_DEPS = ("nsubj", "compound", "poss", "amod", "nmod")
_PRECISION_RANK = {DatePrecision.DAY: 0, DatePrecision.WEEK: 1, DatePrecision.MONTH: 2, DatePrecision.YEAR: 3}


@dataclass
class _Family:
    name: str
    kind: str | None = None  # what sets the incident apart: "abduction", "explosion", ...
    sentences: list[tuple[ParsedUnit, SpacySpan]] = field(default_factory=list)
    triggers: list[Token] = field(default_factory=list)
    dates: list[DateRange] = field(default_factory=list)
    places: Counter = field(default_factory=Counter)
    actors: list[Actor] = field(default_factory=list)
    passages: dict[int, str] = field(default_factory=dict)  # paragraph → text that tells the event
    nearby_dates: list[DateRange] = field(default_factory=list)  # its paragraphs' event dates, failing own

    def add(self, sentence: _Sentence) -> None:
        self.sentences.append((sentence.unit, sentence.sent))
        if sentence.paragraph not in self.passages:
            self.passages[sentence.paragraph] = sentence.passage
            self.nearby_dates.extend(sentence.around)
        self.triggers.extend(sentence.triggers)
        self.dates.extend(sentence.event_dates)
        self.places.update(sentence.places)
        self.actors.extend(sentence.actors)


@dataclass
class _Sentence:
    """One sentence of a family, with what it says about its event."""

    unit: ParsedUnit
    sent: SpacySpan
    family: str
    triggers: list[Token]
    dates: list[DateRange]  # that tell incidents apart (not stamps, not on a speech verb)
    event_dates: list[DateRange]  # that can date its event (`extract.event_dates`)
    places: Counter
    actors: list[Actor]
    paragraph: int
    passage: str  # its paragraph (the sentence itself in a headline)
    around: list[DateRange]  # the dates of its paragraph's sentences that tell of an event


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

    def other_time_event(self, date: DateRange, kind: str = OTHER_TIME) -> str:
        """The event for figures about another time (an earlier incident, a period's tally) or
        about several shootings at once (kind ROUND_UP)."""
        for event in self.events:
            if event.kind == kind and (event.date.start, event.date.end) == (date.start, date.end):
                return event.id
        event_id = f"e{len(self.events) + 1}"
        self.events.append(Event(id=event_id, kind=kind, acled_event_type=None,
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
        self.dateline: PlaceMention | None = None
        self.scanner: PlaceScanner | None = None
        # The place names that may set a scene (the scan's and those only a list of towns shows
        # to be towns, less where people spoke, met or were sent), by offset; read once per report.
        self._scene: list[PlaceMention] = []
        self._scene_parts: tuple[list[PlaceMention], ...] = ([], [])
        self._scene_starts: tuple[list[int], ...] = ([], [])
        self._who: set[int] = set()  # starts of country words that say whose people, not where
        self._event_dates_cache: tuple[list[int], list[DateRange], list[int], list[DateRange]] | None = None
        self._lone_event = False  # the report tells one event: any date of it may be that event's
        self._telling_dates: set[int] = set()  # starts of kept dates whose sentence tells of an event

    def find(self, claim_sentences: Counter) -> EventIndex:
        self.dateline = dateline = read_dateline(self.text, [0, *(u.unit.start for u in self.parsed)],
                                                 self.gazetteer)
        self.scanner = PlaceScanner(self.text, self.gazetteer, dateline.place.country if dateline else None)
        told_of = filed_abroad(self.text, dateline, self.scanner.mentions) if self.scanner.upper else None
        if told_of is not None:
            # A wire dateline abroad names the bureau, not the scene: read the towns of the
            # country the story tells of instead, and give the dateline no vote.
            self.scanner = PlaceScanner(self.text, self.gazetteer, told_of)
            dateline = None
        self._read_scene()
        sentences = self._sentences()
        violent = [s for s in sentences if s.family == VIOLENCE]
        families = [_family(VIOLENCE, group, kind) for group, kind in incidents.split(violent, self.text)]
        protest = [s for s in sentences if s.family == PROTEST]
        if protest:
            families.append(_family(PROTEST, protest))
        if not families and claim_sentences:
            families.append(self._told_by_claims(claim_sentences))
        self._add_paragraph_places(families)
        if dateline is not None:
            # A dateline ("DAYTON, Ohio — …") names where the story was filed: usually where it happened.
            for family in families:
                if not _set_abroad(family, dateline.place):
                    family.places[dateline.place] += _DATELINE_WEIGHT
        self._lone_event = len(families) == 1
        events = [self._event(f"e{number}", family) for number, family in enumerate(families, 1)]
        _date_what_else_was_done(families, events)
        by_sentence = {
            (unit.index, sent.start): event.id
            for event, family in zip(events, families, strict=True)
            for unit, sent in family.sentences
        }
        main = next((e.id for e, f in zip(events, families, strict=True) if f.name == VIOLENCE), None)
        main = main or (events[0].id if events else None)
        events += self._acts_apart(families, events)
        return EventIndex(events=events, by_sentence=by_sentence, main=main)

    def _acts_apart(self, families: list[_Family], events: list[Event]) -> list[Event]:
        """Events for the acts an incident's paragraphs tell beside it (`extract.acts`): an act of
        another kind (an arson in a kidnapping), or of the same kind on its own day or in its own
        town. They carry no sentences, so every figure stays with the incident that tells it."""
        spans = incidents.paragraph_spans(self.text)
        made = {_act_key(e) for e in events}
        found: list[Event] = []
        for family, event in zip(families, events, strict=True):
            if family.name != VIOLENCE:
                continue
            # An incident typed as no act (a protest, an arrest) leaves every act it tells its own.
            is_act = acts.is_act(event.acled_event_type, event.acled_sub_event_type)
            kind = event_types.kind_of(event.acled_sub_event_type) if is_act else None
            for paragraph in self._told_on(family, families, len(spans)):
                for act in acts.acts_in(self.text, *spans[paragraph]):
                    date = (self._act_date(act, spans[paragraph][0]) if is_act
                            else self._crime_date(act, event.date))
                    for place in self._act_places(act):
                        if act.kind == kind and not _apart(event, date, place):
                            continue  # the incident itself, told on
                        new = self._act_event(f"e{len(events) + len(found) + 1}", act, event, date, place)
                        key = _act_key(new)
                        if new.acled_event_type is not None and key not in made:
                            made.add(key)
                            found.append(new)
        return found

    def _told_by_claims(self, claim_sentences: Counter) -> _Family:
        """The incident of a report whose casualty figures stand in sentences with no incident
        word ("the body of a man was found ... with three bullet wounds"): its passages are the
        paragraphs of those figures, so that the words around them can type it."""
        family = _Family(VIOLENCE)
        spans = incidents.paragraph_spans(self.text)
        starts = [start for start, _ in spans]
        units = {unit.index: unit for unit in self.parsed}
        for unit_index, token_start in claim_sentences:
            unit = units.get(unit_index)
            if unit is None or token_start >= len(unit.doc):
                continue
            paragraph = bisect.bisect(starts, unit.start_of(unit.doc[token_start])) - 1
            family.passages.setdefault(paragraph, self.text[slice(*spans[paragraph])])
        return family

    @staticmethod
    def _told_on(family: _Family, families: list[_Family], paragraphs: int) -> list[int]:
        """An incident's paragraphs, and after each the paragraphs no event claims: a wire story
        tells on in paragraphs with no trigger word ("a telecommunications office was destroyed
        by explosives in ...")."""
        claimed = {p for f in families for p in f.passages}
        own = sorted(p for p in family.passages if p >= 0)
        found = []
        for paragraph in own:
            found.append(paragraph)
            following = paragraph + 1
            while following < paragraphs and following not in claimed:
                found.append(following)
                following += 1
        return list(dict.fromkeys(found))

    def _act_event(self, event_id: str, act: acts.Act, incident: Event,
                   date: DateRange | None, place: Place | None) -> Event:
        event_type, sub_type = acts.act_type(self.text[slice(*act.sentence)], act.kind)
        return Event(id=event_id, kind=self.text[act.start:act.end].lower(), acled_event_type=event_type,
                     acled_sub_event_type=sub_type, date=date or incident.date, place=place or incident.place,
                     actors=incident.actors, mentions=[Span(start=act.start, end=act.end)])

    def _act_date(self, act: acts.Act, paragraph_start: int) -> DateRange | None:
        """The day an act's own sentence dates it to, else the last day its paragraph gave before
        it ("Rebels attacked the post yesterday. They also burned the town hall."). Unlike an
        incident's, any such day counts: wire stories date a round of acts once, in a sentence
        whose verb the event words may miss ("MACHINEGUNNED A BUS")."""
        own = self._days_within(*act.sentence)
        earlier = self._days_within(paragraph_start, act.sentence[0])
        return own[0] if own else (earlier[-1] if earlier else None)

    def _crime_date(self, act: acts.Act, incident_date: DateRange) -> DateRange:
        """The date of a crime an arrest, a protest or an inquiry tells of: a day its sentence gives
        after the crime's word and before the day of the report ("ordered today the arrest of the
        officers involved in the massacre of 16 November"), else on or before the story's day."""
        own = [d for d in self._days_within(act.start, act.sentence[1])
               if not self.published or (d.end or "") < self.published[:10]]
        if own:
            return own[0]
        return DateRange(start=None, end=incident_date.end or self.published, inferred=True)

    def _days_within(self, first: int, last: int) -> list[DateRange]:
        return [d for d in self._dates_within(first, last)
                if d.precision == DatePrecision.DAY and d.start == d.end and not self._history(d)]

    def _act_places(self, act: acts.Act) -> list[Place | None]:
        """The town an act's own sentence sets it in, else the province, else the country it
        says it happened in; every place of a list its sentence names ("attacked public
        buildings in A, B and C", "killed three in A, two in B": an act in each, as ACLED codes
        one event per place)."""
        mentions = self._named_within(*act.sentence)
        if act.of_record:
            # "Leaders of universities in Mexico condemned the kidnapping of five students": the
            # places before a crime told in passing are where the speakers are ...
            mentions = [m for m in mentions if m.start >= act.start]
        judged = _JUDGED_BY.search(self.text, act.end, act.sentence[1])
        if judged:
            # ... and so are those after it in "the kidnapping was condemned by leaders in Mexico".
            mentions = [m for m in mentions if m.start < judged.start()]
        # A town of a country the report never names is a word that is also a town somewhere
        # ("Police said" → Police, Poland), not where the act happened.
        inside = [m for m in mentions if m.place.country in self.scanner.countries]
        towns = [m for m in inside if m.place.precision in (PlacePrecision.POINT, PlacePrecision.ADMIN2)]
        provinces = [m for m in inside if m.place.precision == PlacePrecision.ADMIN1]
        listed = town_lists.list_items(self.text, *act.sentence)
        listed.append({m.start for m in towns + provinces if town_lists.shared_out(self.text, m.start)})
        for items in listed:
            places = list(dict.fromkeys(m.place for m in towns + provinces if m.start in items))
            if len(places) >= 2:
                return places
        located = [m for m in mentions if m.place.precision == PlacePrecision.COUNTRY and m.weight >= 1.0]
        # Of names weighed alike, one in the story's own country: "set fire to the Llano Grande
        # club in Rionegro" under a Bogota dateline is in Colombia, though Texas has a Llano Grande.
        home = self.scanner.home
        best = max(towns or provinces or located, key=lambda m: (m.weight, m.place.country == home),
                   default=None)
        return [best.place if best else None]

    def _sentences(self) -> list[_Sentence]:
        spans = incidents.paragraph_spans(self.text)
        starts = [start for start, _ in spans]
        found = []
        for unit in self.parsed.of_kind(SegmentKind.HEADLINE, SegmentKind.BODY):
            for sent in unit.doc.sents:
                name, triggers = self._family_of(sent)
                if name is None:
                    continue
                paragraph = bisect.bisect(starts, unit.start_of(sent[0])) - 1
                passage = self.text[slice(*spans[paragraph])]
                if unit.kind == SegmentKind.HEADLINE and self._stands_alone(unit, spans[paragraph]):
                    paragraph, passage = -1, sent.text
                dates, places = self._event_dates(unit, sent), self._places(unit, sent)
                split_dates = self._dates_within(*self._sentence_bounds(unit, sent), telling_apart=True)
                around = self._dates_within(*spans[paragraph], told=True) if paragraph >= 0 else []
                found.append(_Sentence(unit=unit, sent=sent, family=name, triggers=triggers,
                                       dates=split_dates, event_dates=dates,
                                       places=places, actors=self._actors(sent, triggers),
                                       paragraph=paragraph, passage=passage, around=around))
        return found

    def _add_paragraph_places(self, families: list[_Family]) -> None:
        """In upper-case wire text the place names of an incident's paragraphs count too, at a lower
        weight: a wire story often names the town in a sentence of its own, not in the one that
        tells the attack, and spaCy finds few entities there to make up for it. (Mixed-case web
        text keeps to its sentences: its paragraphs run long and name other towns.)"""
        if not self.scanner.upper:
            return
        spans = incidents.paragraph_spans(self.text)
        for family in families:
            if family.name != VIOLENCE:
                continue
            for paragraph in family.passages:
                if paragraph < 0:
                    continue
                for mention in self._named_within(*spans[paragraph]):
                    if not self._says_who(mention):
                        family.places[mention.place] += mention.weight * _PARAGRAPH_PLACE_WEIGHT

    def _family_of(self, sent: SpacySpan) -> tuple[str | None, list[Token]]:
        found = [t for t in sent if t.lemma_.lower() in _TRIGGERS and t.pos_ in ("NOUN", "VERB")
                 and not _other_sense(t)]
        found += [t for t in sent if _is_casualty_word(t) or _is_body_found(t) or _is_death_of(t)]
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
        return self._dates_within(*self._sentence_bounds(unit, sent))

    def _dates_within(self, first: int, last: int, *, telling_apart: bool = False,
                      told: bool = False) -> list[DateRange]:
        """The dates of a stretch that can date an event; `telling_apart`: those that tell
        incidents apart instead; `told`: only those in a sentence telling of an event (a
        paragraph's "THE PARTY HELD ITS CONGRESS TODAY" dates the congress, not a kidnapping
        told beside it without a date)."""
        if self._event_dates_cache is None:
            self._event_dates_cache = self._dates_of_events()
        starts, resolved = self._event_dates_cache[2:] if telling_apart else self._event_dates_cache[:2]
        low, high = bisect.bisect_left(starts, first), bisect.bisect_left(starts, last)
        if not told:
            return resolved[low:high]
        return [date for start, date in zip(starts[low:high], resolved[low:high], strict=True)
                if start in self._telling_dates]

    def _dates_of_events(self) -> tuple[list[int], list[DateRange], list[int], list[DateRange]]:
        """By position, the dates that can date an event (not stamps, not hung on a speech or
        aftermath word, not announced or in another clock: `extract.event_dates`), then those
        that tell incidents apart (not stamps, not on a speech verb).
        Worked out once per report: each sentence and paragraph then takes its slice, which keeps
        a long scraped page with hundreds of dates linear."""
        kept, apart = [], []
        for mention in sorted(self.dates, key=lambda m: m.start):
            if self._stamp(mention):
                continue
            owner = self.parsed.unit_at(mention.start)
            token = owner.token_at(mention.end - 1) if owner is not None else None
            if token is None or not hangs_on_speech(token, _is_event_word):
                apart.append(mention)
            if self._after_publication(mention.resolved) or elsewhere_in_time(self.text, mention):
                continue
            if token is None or not dates_aftermath(token, _is_event_word):
                kept.append(mention)
                if token is not None and _tells_of_an_event(token.sent):
                    self._telling_dates.add(mention.start)
        return ([m.start for m in kept], [m.resolved for m in kept],
                [m.start for m in apart], [m.resolved for m in apart])

    def _after_publication(self, date: DateRange) -> bool:
        """A date after the report ("tomorrow", "next Friday") is of something still to come."""
        return bool(self.published and date.start and date.start[:10] > self.published[:10])

    def _stands_alone(self, unit: ParsedUnit, paragraph: tuple[int, int]) -> bool:
        """A headline is a paragraph of its own; a wire text's first line, taken for a headline,
        runs on into the story."""
        return not self.text[unit.unit.start + len(unit.unit.text):paragraph[1]].strip()

    def _stamp(self, mention: DateMention) -> bool:
        """A date that stamps the report (a dateline's, "Posted: …"), not the event."""
        if self._header_date(mention):
            return True
        return bool(_STAMP_BEFORE.search(self.text, max(0, mention.start - 25), mention.start))

    def _header_date(self, mention: DateMention) -> bool:
        """A dateline's date, or a wire header's ("CLANDESTINE, 30 MAR 89 (RADIO ...) --")
        whatever its place."""
        if self.dateline is not None and self.dateline.start <= mention.start < self.dateline.end + 2:
            return True
        first_line = not self.text[: mention.start].count("\n")
        return bool(_HEADER_AFTER.match(self.text, mention.end)) and first_line

    def _sentence_bounds(self, unit: ParsedUnit, sent: SpacySpan) -> tuple[int, int]:
        """Where the sentence starts and ends in the text. Wrapped wire text comes in one unit per
        line, so a parsed "sentence" may be part of one ("TOOK PLACE ON" | "30 DECEMBER IN …"):
        it is widened to the nearest sentence ends around it, within its paragraph."""
        first, last = unit.start_of(sent[0]), unit.end_of(sent[-1])
        ends_before = list(incidents.SENTENCE_END.finditer(self.text, max(0, first - _WIDEN), first))
        ahead = incidents.SENTENCE_END.search(self.text, max(first, last - 1), last + _WIDEN)
        return (ends_before[-1].end() if ends_before else first), (ahead.end() if ahead else last)

    def _in_dateline(self, offset: int) -> bool:
        """Whether an offset lies in a wire dateline. (Only in ALL-CAPS wire text: a web story's
        "DAYTON, Ohio —" is usually where it happened, and counts twice to say so.)"""
        return (self.scanner.upper and self.dateline is not None
                and self.dateline.start <= offset < self.dateline.end)

    def _read_scene(self) -> None:
        listed = town_lists.listed_towns(self.text, self.scanner)
        # The scan's names, then the listed towns, each in text order (ties go to the scan).
        self._scene_parts = tuple(
            [m for m in group if not _where_others_are(
                self.text, m.start, country=m.place.precision == PlacePrecision.COUNTRY)]
            for group in (self.scanner.mentions, listed))
        self._scene_starts = tuple([m.start for m in part] for part in self._scene_parts)
        self._scene = [m for part in self._scene_parts for m in part]
        # A mention of another country than the report's own that says whose people or office
        # ("a former U.S. ambassador"); the report's own nationality words still say it is home.
        self._who = {m.start for m in self._scene
                     if m.place.country != self.scanner.home and says_who(self.text, m)}

    def _says_who(self, mention: PlaceMention) -> bool:
        return mention.start in self._who

    def _named_within(self, first: int, last: int) -> list[PlaceMention]:
        """The place names of a stretch of text, but for a wire dateline's: it already counts once
        as the dateline, and counted again as a name of the first sentence, which every wire
        text runs it into, it would outweigh the town the story names."""
        named = []
        for part, starts in zip(self._scene_parts, self._scene_starts, strict=True):
            named += part[bisect.bisect_left(starts, first):bisect.bisect_left(starts, last)]
        return [m for m in named if not self._in_dateline(m.start)]

    def _places(self, unit: ParsedUnit, sent: SpacySpan) -> Counter:
        places: Counter = Counter()
        first, last = self._sentence_bounds(unit, sent)
        scanned = self._named_within(first, last)
        for mention in scanned:
            if not self._says_who(mention):
                places[mention.place] += mention.weight
        taken = {m.start for m in scanned}
        for ent in sent.ents:
            start = unit.start_of(ent[0])
            if ent.label_ not in ("GPE", "LOC", "FAC") or start in taken or self._in_dateline(start):
                continue
            if _where_others_are(self.text, start):
                continue
            if self.scanner.common_word(ent.text):
                continue
            place = self.gazetteer.lookup(_strip_the(ent.text))
            if place is None or (self.scanner.upper and place.country not in self.scanner.countries):
                continue
            # "the United States attacked", "US forces", "Kenya's ministry": actors, not places.
            if place.precision == PlacePrecision.COUNTRY and ent.root.dep_ in _ACTOR_DEPS:
                continue
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
        # Whole paragraphs: a wrapped wire line or a clipped sentence hides the words that type it.
        text = "\n".join(list(family.passages.values())[:_TYPED_PASSAGES])
        event_type, sub_type = event_types.classify(text, kind=family.kind) if text else (None, None)
        if event_type is None and family.name == VIOLENCE and text:
            # Too few cues for the classifier ("a new attack on the pipeline"), yet a violent act.
            event_type, sub_type = acts.act_type(text, family.kind or "attack")
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
        """The best-attested place inside the best-attested country (a town over its province)."""
        if not family.places:
            return self._report_country()
        by_country: Counter = Counter()
        for place, weight in family.places.items():
            by_country[place.country] += weight
        country = by_country.most_common(1)[0][0]
        # The dateline settles the country; among towns it counts less than a town the text names.
        dateline = self.dateline.place if self.dateline else None
        inside = [(place, weight - (_DATELINE_WEIGHT - _DATELINE_TOWN_WEIGHT if place == dateline else 0))
                  for place, weight in family.places.items() if place.country == country]
        specific = [kv for kv in inside if kv[0].precision != PlacePrecision.COUNTRY] or inside
        return max(specific, key=lambda kv: (kv[1], kv[0].precision == PlacePrecision.POINT))[0]

    def _lone_event_dates(self) -> list[DateRange]:
        """For a report of one event whose own sentences give no date: the first day-precise date
        of the report (not a stamp, not on a statement or an aftermath) in the days before its
        publication. Stories tell the event before what followed it ("...ended Friday night when
        officers arrived"; the funeral, the arraignment come later). Failing that, a date up to two
        months back in a sentence that tells of an event: a follow-up recalls the event so."""
        if not self._lone_event or not self.published:
            return []
        if self._event_dates_cache is None:
            self._event_dates_cache = self._dates_of_events()
        starts, dates = self._event_dates_cache[:2]
        days = [(start, date) for start, date in zip(starts, dates, strict=True)
                if date.precision == DatePrecision.DAY and date.start == date.end]
        for _start, date in days:
            if 0 <= _days_before(date, self.published) <= _LONE_EVENT_DAYS:
                return [date]
        # A follow-up story (an arrest, a hearing) recalls the event weeks later by its date, in
        # a sentence of its own; a date weeks back in a sentence about something else is no guess.
        for start, date in days:
            told = start in self._telling_dates
            if told and 0 <= _days_before(date, self.published) <= _LONE_EVENT_TOLD_DAYS:
                return [date]
        return []

    def _report_country(self) -> Place:
        """For an event that names no place of its own: the country the report names most, as the
        country it is about (an editorial or a communique has no dateline place); in wire text
        that names none, the country its towns lie in (`PlaceScanner.home`)."""
        weights: Counter = Counter()
        for mention in self._scene:  # not where people spoke, met, were sent or are based
            if self._says_who(mention):
                continue  # "a call to Costa Rican President Arias"
            if mention.place.precision == PlacePrecision.COUNTRY and mention.place.country:
                weights[mention.place] += mention.weight
        if weights:
            return weights.most_common(1)[0][0]
        home = self.scanner.home if self.scanner.upper else None
        name = self.gazetteer.country_name(home) if home else None
        return (self.gazetteer.find_country(name) if name else None) or Place(name=None)

    def _history(self, date: DateRange) -> bool:
        """A month or year long past ("in 1984") is background, not the date of the event."""
        coarse = date.precision in (DatePrecision.MONTH, DatePrecision.YEAR)
        return coarse and bool(self.published) and _days_before(date, self.published) > _HISTORY_DAYS

    def _eve_over_the_day_of_writing(self, best: DateRange, dates: list[DateRange]) -> DateRange:
        """A story written on the day it is published tells the day before's shooting, then the
        day's own news of it ("was in critical condition Monday", "police on Monday were still
        looking"): the publication day, however often named, yields to the day before."""
        if not self.published or best.start != best.end or best.start != self.published[:10]:
            return best
        eve = (d for d in dates if d.precision == DatePrecision.DAY and d.start == d.end
               and _days_before(d, self.published) == 1)
        return next(eve, best)

    def _date(self, family: _Family) -> DateRange:
        for dates in (family.dates, family.nearby_dates, self._lone_event_dates()):
            dates = [d for d in dates if not self._history(d) and not tally_period(d)]
            if dates:
                votes = Counter((d.start, d.end, d.precision) for d in dates)
                best = min(votes.items(), key=lambda kv: (_PRECISION_RANK.get(kv[0][2], 9), -kv[1]))[0]
                chosen = next(d for d in dates if (d.start, d.end, d.precision) == best)
                return self._eve_over_the_day_of_writing(chosen, dates)
        if self.published:
            # A wire copy dates its dateline and reports the days before it; a web page that
            # never dates its one event (or dates nothing at all) most often tells that day's news.
            own = [m.resolved for m in self.dates if not self._stamp(m)]
            if (self._lone_event or not own) and not any(self._header_date(m) for m in self.dates):
                guess = publication_day(self.published, own)
                if guess is not None:
                    return guess
            # No date of its own: it happened on or before the report was published.
            return DateRange(start=None, end=self.published, precision=None, inferred=True)
        return DateRange(start=None, end=None)


# Where people spoke, met or went, not where the violence was: "said in Managua yesterday",
# "the talks scheduled between the government and the rebels in Caracas", "left for Panama",
# "the objects were sent to Washington", "extradited to the United States".
# A speech verb only right before the place ("police said the man was shot in Akron" keeps Akron).
_SPOKE_BEFORE = re.compile(
    r"(?i)\b(?:said|stated|declared|announced|added|noted|spoke|speaking)"
    r"(?:\s+(?:today|yesterday|here|there|\w+day))?\s+(?:in|at|from)\s+(?:the\s+)?$"
)
_MET_BEFORE = re.compile(
    r"(?i)\b(?:talks|negotiations|meeting|dialogue|conference|summit|session|visit\w*|trip|arrived|"
    r"left\s+for|refuge|exile|ambassador|envoy)\b"
    r"(?:\s+(?!(?:killed|shot|attacked|bombed|murdered|kidnapped|wounded|died|massacred)\b)[\w'-]+){0,7}?"
    r"\s+(?:in|at|to|for)\s+(?:the\s+)?$"
)


# Where things or people were sent or went after: "extradited to the United States", "sent to
# Washington", "the attackers returned to Colombia". (Not "moved to": "a band from Tehran that
# moved to Brooklyn" names a home.)
_SENT_BEFORE = re.compile(
    r"(?i)\b(?:sent|extradited|extradition|deported|flown|transferred|returned|fled|escaped|"
    r"withdrew|retreated)\b(?:\s+[\w'-]+){0,3}?"
    r"\s+(?:to|for|into)\s+(?:the\s+)?$"
)


# Where a group is based, not where it acted: "the agency, whose main offices are in Mexico, says".
_BASED_BEFORE = re.compile(
    r"(?i)\b(?:based|(?:offices?|headquarters)\s+(?:are|is))\s+(?:in|at)\s+(?:the\s+)?$"
)


_TOWN_THEN_COUNTRY = re.compile(r"\b[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ.'’ -]{1,40},\s*$")


def _where_others_are(text: str, start: int, *, country: bool = False) -> bool:
    """A place people spoke or met in (a town: "dialogue ... in El Salvador" still names the
    conflict's country), one things or people were sent or went to, or where a group is based."""
    if _SENT_BEFORE.search(text, max(0, start - 60), start):
        return True
    if _BASED_BEFORE.search(text, max(0, start - 40), start):
        return True
    if country:
        # Only as the country of such a town: "talks ... in Caracas, Venezuela".
        town = _TOWN_THEN_COUNTRY.search(text, max(0, start - 45), start)
        if town is None:
            return False
        start = town.start()
    return bool(_SPOKE_BEFORE.search(text, max(0, start - 40), start)
                or _MET_BEFORE.search(text, max(0, start - 90), start))


def _date_what_else_was_done(families: list[_Family], events: list[Event]) -> None:
    """An incident told as what else was done ("the rebels also attacked public buildings in
    ...") that no date of its own dates took place, as far as the report says, on the day of
    the incident told before it: the day is carried over, marked inferred."""
    for index in range(1, len(events)):
        event, family, before = events[index], families[index], events[index - 1]
        if family.name != VIOLENCE or event.date.start is not None or not before.date.start:
            continue
        if before.date.precision == DatePrecision.DAY and any(
                incidents.TOLD_ALSO.search(passage) for passage in family.passages.values()):
            events[index] = replace(event, date=replace(before.date, inferred=True))


def _act_key(event: Event) -> tuple:
    """What makes two events one in ACLED's terms: the kind of act, its day and its place."""
    kind = event_types.kind_of(event.acled_sub_event_type)
    if not acts.is_act(event.acled_event_type, event.acled_sub_event_type):
        kind = event.acled_sub_event_type  # a protest or an arrest is no act of any kind
    return kind, event.date.start, event.date.end, event.place.name, event.place.country


def _set_abroad(family: _Family, dateline: Place) -> bool:
    """An incident its own sentences set in another country, by name ("the murder of a leader in
    Guatemala" under a Lima dateline), naming nothing of the dateline's country, not even a
    nationality word. (A town abroad is not enough: "Police said" finds Police, Poland.)"""
    named = {place.country for place in family.places}
    located = {place.country for place, weight in family.places.items()
               if place.precision == PlacePrecision.COUNTRY and weight >= _LOCATED_WEIGHT}
    return bool(located) and dateline.country not in named


def _apart(incident: Event, date: DateRange | None, place: Place | None) -> bool:
    """Whether an act of the incident's own kind is set on another day, in another town or in
    another country."""
    other_day = date is not None and (date.start, date.end) != (incident.date.start, incident.date.end)
    other_town = (place is not None and place.precision != PlacePrecision.COUNTRY
                  and place.name != incident.place.name)
    other_country = (place is not None and None not in (place.country, incident.place.country)
                     and place.country != incident.place.country)
    return other_day or other_town or other_country


def _days_before(date: DateRange, published: str) -> int:
    try:
        return (dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat((date.end or "")[:10])).days
    except ValueError:
        return 0


def _family(name: str, sentences: list[_Sentence], kind: str | None = None) -> _Family:
    family = _Family(name, kind=kind)
    for sentence in sentences:
        family.add(sentence)
    return family


def _is_casualty_word(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return (token.pos_ == "VERB" and (lemma in OUTCOME_VERBS or lemma in INTRANSITIVE_OUTCOMES)) or (
        token.lower_ in OUTCOME_ADJECTIVES and token.dep_ in ("pobj", "acomp", "amod")
    )


_FOUND_VERBS = frozenset("find discover recover dump locate unearth exhume".split())


def _is_death_of(token: Token) -> bool:
    """"The death of six Jesuits": a casualty told by a noun (not "death threats", "death squads")."""
    return (token.lemma_.lower() == "death" and token.pos_ == "NOUN"
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children))


def _is_body_found(token: Token) -> bool:
    """"The body of a man was found on a road", "two bodies were discovered": a killing told
    by its aftermath (what the body bore, "three bullet wounds", types it)."""
    return token.lemma_.lower() in ("body", "corpse") and token.head.lemma_.lower() in _FOUND_VERBS


def _is_event_word(token: Token) -> bool:
    return token.lemma_.lower() in _TRIGGERS or _is_casualty_word(token)


def _tells_of_an_event(sentence: SpacySpan) -> bool:
    """A sentence with an event word, or one saying when "it happened" / "the incident occurred"."""
    return any(_is_event_word(t) or t.lemma_.lower() in _HAPPEN_VERBS for t in sentence)


_MONTH_BEFORE = frozenset("in since until till of by from early late mid before after during".split())
_SHOWING = frozenset(("ccomp", "nsubjpass", "auxpass"))


def _other_sense(token: Token) -> bool:
    """A trigger word in a sense that tells no event: "march" as the month (lower-cased wire text
    reads "on 10 march"), "demonstrate" as "show" ("it demonstrated that ...", "was demonstrated")."""
    lemma = token.lemma_.lower()
    if lemma == "march" and token.pos_ == "NOUN":
        before = token.doc[token.i - 1] if token.i > 0 else None
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        numbered = any(t is not None and t.like_num for t in (before, after))
        return numbered or (before is not None and before.lower_ in _MONTH_BEFORE)
    if lemma == "demonstrate":
        return any(child.dep_ in _SHOWING for child in token.children)
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
