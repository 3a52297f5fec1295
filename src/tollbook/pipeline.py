"""One report, end to end: Document → Extraction, in numbered steps."""

from __future__ import annotations

import dataclasses
import datetime
from collections import Counter
from collections.abc import Iterable, Iterator

from tollbook import read
from tollbook.annotate import counts as count_grammar
from tollbook.annotate import dates as date_grammar
from tollbook.annotate.nlp import load as load_nlp
from tollbook.annotate.parsed import Parsed, ParsedUnit
from tollbook.annotate.people import find_people
from tollbook.annotate.places import gazetteer
from tollbook.annotate.sources import SourceFinder
from tollbook.check import run_checks
from tollbook.clean import Cleaned, clean
from tollbook.extract.claims import ClaimFinder
from tollbook.extract.draft import Draft
from tollbook.extract.events import ROUND_UP, EventFinder, EventIndex, statement_dates
from tollbook.extract.relations import relate
from tollbook.extract.timeframe import other_time, round_up_time, with_bare_years
from tollbook.model import Claim, DatePrecision, DateRange, Document, Extraction, Published, Source
from tollbook.settings import Settings


def extract_text(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
) -> Extraction:
    """Extract from plain text, with the metadata a corpus gives beside it."""
    settings = settings or Settings()
    document = read.read_text(text, settings=settings, url=url, title=title, published=published)
    return extract_report(document, settings)


def extract_report(document: Document, settings: Settings | None = None) -> Extraction:
    return next(extract_many([document], settings))


def extract_many(
    documents: Iterable[Document], settings: Settings | None = None, *, batch_size: int = 32
) -> Iterator[Extraction]:
    """Extract a stream of reports, parsing them in batches (spaCy is fastest on many texts at once)."""
    settings = settings or Settings()
    nlp = load_nlp(settings.spacy_model)
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= batch_size:
            yield from _extract_batch(nlp, batch)
            batch = []
    if batch:
        yield from _extract_batch(nlp, batch)


def _extract_batch(nlp, documents: list[Document]) -> Iterator[Extraction]:
    # 1. clean: mark headline, captions and residue (offsets never move)
    cleaned = [clean(d) for d in documents]
    # 2. parse all units of the batch in one spaCy stream
    units = [u for c in cleaned for u in c.units]
    docs = iter(nlp.pipe((u.text for u in units), batch_size=64))
    for item in cleaned:
        parsed = Parsed(units=[ParsedUnit(index=i, unit=u, doc=next(docs)) for i, u in enumerate(item.units)])
        yield _extract_parsed(item, parsed)


def _extract_parsed(cleaned: Cleaned, parsed: Parsed) -> Extraction:
    document = cleaned.document
    places = gazetteer()
    # 3. dates: publication date (given or inferred), then every date resolved against it
    document, mentions = _dated(document)
    published = document.published.date
    # 4. people and their titles; then figures with their sources
    people = find_people(parsed, places.country_code)
    sources = SourceFinder(people)
    numbers = count_grammar.find_counts(document.text)
    drafts = ClaimFinder(document.text, parsed, numbers, sources, places.country_code).find()
    drafts = relate(drafts)
    # 5. events, and which figures belong to which
    claim_sentences = Counter((d.unit.index, d.sentence.start) for d in drafts)
    index = EventFinder(document.text, parsed, mentions, places, published).find(claim_sentences)
    timeline = with_bare_years(mentions, numbers)
    claims = [_claim(d, index, mentions, timeline, document.published) for d in drafts]
    claims = _mark_parties(claims, index)
    extraction = Extraction(document=document, people=people, claims=claims, events=index.events)
    # 6. findings: what does not add up
    return dataclasses.replace(extraction, findings=run_checks(extraction, dates=mentions))


def _dated(document: Document) -> tuple[Document, list]:
    published = document.published
    if published.date is None:
        published = date_grammar.infer_publication(document.text)
        document = dataclasses.replace(document, published=published)
    anchor = _as_date(published)
    return document, date_grammar.find_dates(document.text, anchor)


def _as_date(published: Published) -> datetime.date | None:
    """The anchor for relative dates: a publication day. An inferred month or year is too coarse
    ("on Tuesday" read against "2007" would be a guess)."""
    if not published.date or (published.inferred and published.precision != DatePrecision.DAY):
        return None
    try:
        return datetime.date.fromisoformat(published.date[:10])
    except ValueError:
        return None


def _claim(draft: Draft, index: EventIndex, mentions, timeline, published: Published) -> Claim:
    stated_on = None
    if draft.speech is not None:
        stated_on = statement_dates(draft.unit, draft.sentence, mentions).get(draft.speech.verb.i)
    if stated_on is None and published.date:
        stated_on = DateRange(start=None, end=published.date, precision=None, inferred=True)
    return Claim(
        id=draft.id,
        outcome=draft.outcome,
        count=draft.count,
        group=draft.group,
        source=draft.source,
        evidence=draft.evidence,
        stated_on=stated_on,
        event=_event_of(draft, index, timeline, published),
        part_of=draft.part_of.id if draft.part_of else None,
        supersedes=draft.supersedes.id if draft.supersedes else None,
        status=draft.status,
        hedged=draft.hedged,
        from_headline=draft.from_headline,
        outcome_inferred=draft.outcome_inferred,
        confidence=round(draft.confidence, 2),
        mentions=draft.mentions,
    )


def _event_of(draft: Draft, index: EventIndex, timeline, published: Published) -> str | None:
    """The figure's event: its sentence's, unless the figure is tied to another time."""
    event = index.event_at(draft.unit, draft.sentence)
    reference = _reference_date(index.date_of(event), published, timeline)
    elsewhen = other_time(draft, timeline, reference)
    if elsewhen is not None:
        return index.other_time_event(elsewhen)
    summed = round_up_time(draft, reference)
    return index.other_time_event(summed, ROUND_UP) if summed is not None else event


def _reference_date(event_date: DateRange | None, published: Published, timeline) -> DateRange | None:
    """The time a report is about: its event's date when that is near publication, else the
    publication date itself (an event dated from a recalled incident must not move the anchor).
    When the report gives no full date, only its latest year is known."""
    if published.date is None or (published.inferred and published.precision != DatePrecision.DAY):
        years = [int(m.resolved.end[:4]) for m in timeline if m.has_year and m.resolved and m.resolved.end]
        if not years:
            return None
        year = max(years)
        return DateRange(start=f"{year}-01-01", end=f"{year}-12-31", precision=DatePrecision.YEAR)
    published = published.date
    if event_date and event_date.start and event_date.end:
        try:
            gap = datetime.date.fromisoformat(published[:10]) - datetime.date.fromisoformat(
                event_date.end[:10]
            )
        except ValueError:
            gap = None
        if gap is not None and datetime.timedelta(days=-2) <= gap <= datetime.timedelta(days=60):
            return event_date
    return DateRange(start=published, end=published)


def _mark_parties(claims: list[Claim], index: EventIndex) -> list[Claim]:
    """A source that belongs to an actor of the event (a ministry reporting its own losses) is a party."""
    actors = {e.id: {a.country for a in e.actors if a.country} for e in index.events}
    victims = {e.id: set() for e in index.events}
    for claim in claims:
        if claim.event in victims and claim.group.nationality:
            victims[claim.event].add(claim.group.nationality)
    places = gazetteer()
    out = []
    for claim in claims:
        source = claim.source
        if source is not None and claim.event is not None:
            country = _source_country(source, places)
            sides = actors.get(claim.event, set()) | victims.get(claim.event, set())
            if country and country in sides:
                source = dataclasses.replace(source, is_party=True)
        out.append(dataclasses.replace(claim, source=source))
    return out


def _source_country(source: Source, places) -> str | None:
    words = " ".join(filter(None, [source.organisation, source.title])).replace("’s", " ").replace("'s", " ")
    for word in words.split():
        code = places.country_code(word) if word[:1].isupper() else None
        if code:
            return code
    return None
