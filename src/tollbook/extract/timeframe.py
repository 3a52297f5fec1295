"""Figures about another time: an earlier incident or a period's statistics.

Reports of one shooting often recall others ("Carlos, then 18, was shot and killed just after
Thanksgiving 1995") or quote a city's tally ("since 2007, when 28 were killed"). Such a figure is
tied, in the parse, to a date far from the report's event; it belongs to an event of its own, so
that it is never added to this event's toll.
"""

from __future__ import annotations

import datetime
import re

from spacy.tokens import Token

from tollbook.annotate.counts import NumberKind, parse_count
from tollbook.annotate.dates import DateKind, DateMention
from tollbook.extract.draft import Draft
from tollbook.extract.lexicon import OUTCOME_NOUNS
from tollbook.model import DatePrecision, DateRange

SAME_TIME_DAYS = 30  # a date this close to the event's is still about the event


def with_bare_years(mentions: list[DateMention], numbers) -> list[DateMention]:
    """Date mentions plus the bare years the count grammar saw ("Thanksgiving 1995"), as year dates."""
    taken = [(m.start, m.end) for m in mentions]
    extra = []
    for number in numbers:
        if number.kind != NumberKind.YEAR or number.value is None or not 1000 <= number.value <= 2999:
            continue
        if any(s <= number.number_start < e for s, e in taken):
            continue
        year = number.value
        resolved = DateRange(start=f"{year}-01-01", end=f"{year}-12-31", precision=DatePrecision.YEAR,
                             as_written=number.as_written)
        extra.append(DateMention(start=number.number_start, end=number.number_end,
                                 as_written=number.as_written[number.number_start - number.start:
                                                              number.number_end - number.start],
                                 kind=DateKind.ABSOLUTE, resolved=resolved, has_year=True))
    return [*mentions, *extra]


def other_time(draft: Draft, mentions: list[DateMention], reference: DateRange | None) -> DateRange | None:
    """The date a figure is tied to when that date is not the event's, else None."""
    if reference is None or _day(reference.start) is None:
        return None
    unit, sent = draft.unit, draft.sentence
    first, last = unit.start_of(sent[0]), unit.end_of(sent[-1])
    governors = _governors(draft)
    for mention in mentions:
        if mention.kind == DateKind.INVALID or mention.resolved is None:
            continue
        if not (first <= mention.start and mention.end <= last):
            continue
        token = _root_of(unit, mention)
        if token is None or not _tied(token, governors):
            continue
        if _far(mention.resolved, reference) or _period_statistic(mention.resolved, draft):
            return mention.resolved
    if _since(draft):  # "at least 555 children have been killed since Sandy Hook"
        return _up_to(reference)
    return None


def round_up_time(draft: Draft, reference: DateRange | None) -> DateRange | None:
    """The span a round-up figure sums ("22 people shot across the city", "in three separate
    shootings"), else None."""
    return _up_to(reference) if _round_up(draft) else None


def _up_to(reference: DateRange | None) -> DateRange:
    return DateRange(start=None, end=reference.end if reference else None, precision=None,
                     as_written="a period up to the report")


# A figure summed over a stretch of time or over several shootings: "22 people shot over a 12-hour
# stretch", "wounded in three separate shootings", "shot in the past 17 months", "across the city".
# ("over the weekend" alone often dates one shooting, so it is no sign.)
_ROUND_UP = re.compile(
    r"\bover (?:the|an?|this|that) (?:[\w'’-]+ ){0,3}?(?:stretch|period|span)\b"
    r"|\b(?:in|during|over) the (?:past|last) (?:[\w-]+ )?(?:hours|days|weeks|months|years)\b"
    r"|\bin recent (?:days|weeks|months|years)\b"
    r"|\b(?:separate|different) (?:shootings|incidents|attacks)\b"
    r"|\bin (?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|multiple) (?:[\w-]+ )?"
    r"(?:shootings|incidents|attacks)\b"
    r"|\bacross the (?:city|country|state|nation)\b|\bcitywide\b",
    re.IGNORECASE,
)


def _round_up(draft: Draft) -> bool:
    """A stated figure whose clause sums a period or several shootings; one person told one by
    one ("a man shot on Friday, the third shooting across the city") is still this event's."""
    if draft.count is None or parse_count(draft.count.as_written) is None:
        return False
    verb = next((t for t in _governors_tokens(draft) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    clause = verb.doc[verb.left_edge.i : verb.right_edge.i + 1].text
    verbs = [verb, *(a for a in list(verb.ancestors)[:3] if a.pos_ in ("VERB", "AUX"))]
    return _ROUND_UP.search(clause) is not None or any(_told_of_shootings(v) for v in verbs)


_SHOOTING_NOUNS = frozenset("shooting incident attack".split())


def _told_of_shootings(verb: Token) -> bool:
    """ "two weekend shootings that left one man dead and four wounded": the figure's clause
    tells of several shootings at once."""
    noun = verb.head
    return (verb.dep_ in ("relcl", "acl") and noun.lemma_.lower() in _SHOOTING_NOUNS and noun.tag_ == "NNS"
            and any(c.dep_ == "nummod" or c.lower_ in ("separate", "several", "multiple")
                    for c in noun.children))


def _since(draft: Draft) -> bool:
    """A figure counted over a period, or told about an earlier event: its clause has "since …",
    "so far this year", "to date", or hangs below a "since" ("the deadliest since the shooting at
    Sandy Hook …, where 26 people died")."""
    if any(a.lower_ == "since" for a in draft.anchor.ancestors):
        return True
    for token in _governors_tokens(draft):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "since":
                return True
            if child.lower_ in ("so", "to") and any(g.lower_ in ("far", "date") for g in child.subtree):
                return True
    return False


def _governors_tokens(draft: Draft):
    token = draft.anchor
    yield token
    for _ in range(4):
        if token.head is token:
            return
        token = token.head
        yield token
        if token.pos_ in ("VERB", "AUX"):
            return


def _root_of(unit, mention: DateMention):
    """The date's head word: the token of its span whose head lies outside it ("December" in
    "December 2012", on which a "where …" clause may hang)."""
    last = unit.token_at(mention.end - 1)
    if last is None:
        return None
    token = last
    while token.head.i != token.i and unit.start_of(token.head) >= mention.start and \
            unit.end_of(token.head) <= mention.end:
        token = token.head
    return token


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


def _far(resolved: DateRange, reference: DateRange) -> bool:
    start, end = _day(resolved.start), _day(resolved.end)
    anchor = _day(reference.start)
    if start is None or end is None or anchor is None:
        return False
    if reference.precision == DatePrecision.YEAR:  # only the report's year is known
        return end.year < anchor.year or start.year > anchor.year
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
