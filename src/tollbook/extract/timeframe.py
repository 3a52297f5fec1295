"""Figures about another time: an earlier incident or a period's statistics.

Reports of one shooting often recall others ("Carlos, then 18, was shot and killed just after
Thanksgiving 1995") or quote a city's tally ("since 2007, when 28 were killed"). Such a figure is
tied, in the parse, to a date far from the report's event; it belongs to an event of its own, so
that it is never added to this event's toll.
"""

from __future__ import annotations

import datetime

from tollbook.annotate.dates import DateKind, DateMention
from tollbook.extract.draft import Draft
from tollbook.extract.lexicon import OUTCOME_NOUNS
from tollbook.model import DatePrecision, DateRange

SAME_TIME_DAYS = 30  # a date this close to the event's is still about the event


def other_time(draft: Draft, mentions: list[DateMention], reference: DateRange | None) -> DateRange | None:
    """The date a figure is tied to when that date is not the event's, else None."""
    anchor_day = _day(reference.start if reference else None) or _day(reference.end if reference else None)
    if anchor_day is None:
        return None
    unit, sent = draft.unit, draft.sentence
    first, last = unit.start_of(sent[0]), unit.end_of(sent[-1])
    governors = _governors(draft)
    for mention in mentions:
        if mention.kind == DateKind.INVALID or mention.resolved is None:
            continue
        if not (first <= mention.start and mention.end <= last):
            continue
        token = unit.token_at(mention.end - 1)
        if token is None or not _tied(token, governors):
            continue
        if _far(mention.resolved, anchor_day) or _period_statistic(mention.resolved, draft):
            return mention.resolved
    return None


def _governors(draft: Draft) -> set[int]:
    """The figure's noun and the words it hangs on (up to its clause's verb)."""
    found = {draft.anchor.i}
    token = draft.anchor
    for _ in range(4):
        if token.head is token:
            break
        token = token.head
        found.add(token.i)
        if token.pos_ in ("VERB", "AUX"):
            break
    return found


def _tied(date_token, governors: set[int]) -> bool:
    ancestors = [a.i for a in list(date_token.ancestors)[:4]]
    if any(i in governors for i in ancestors):
        return True
    # "since 2007, when 28 were killed": the figure's clause hangs on the date
    return any(t.i in governors for t in date_token.subtree)


def _far(resolved: DateRange, anchor: datetime.date) -> bool:
    start, end = _day(resolved.start), _day(resolved.end)
    if start is None or end is None:
        return False
    margin = datetime.timedelta(days=SAME_TIME_DAYS)
    return end < anchor - margin or start > anchor + margin


def _period_statistic(resolved: DateRange, draft: Draft) -> bool:
    """ "The 22 homicides in Baltimore in 2014": a year's count of killings, not one event's."""
    noun = draft.anchor.lemma_.lower()
    return resolved.precision == DatePrecision.YEAR and noun in OUTCOME_NOUNS and noun != "casualty"


def _day(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None
