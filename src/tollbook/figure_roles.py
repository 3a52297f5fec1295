"""What a figure is doing in its sentence, for the checks that compare figures.

Two figures for the same outcome and group only contradict each other when both are totals for the
report's event. News reports are full of figures that are not: statistics for a year, a city or a
country ("34 officers have died in shootings this year"), earlier shootings recalled ("Last summer,
one man was killed"), partitives ("one of the women killed"), and breakdowns by condition or by how
victims reached hospital ("three are in stable condition, one critical"). The extraction keeps all
of them as claims — they are what the report says — but the consistency checks must not set them
against the event's total. These tests read only the sentence's words, so they are cheap and
predictable; they err towards silence, since a false alarm costs an analyst more than a missed one.
"""

from __future__ import annotations

import re

from tollbook.extract.incidents import SENTENCE_END
from tollbook.model import Claim

# The side a figure's casualties are on: "N casualties on the army", "N dead among the civilians",
# "N dead and M wounded among the army ranks", or "the army suffered N".
_SIDE_AFTER = re.compile(
    r"[ \t\n]+(?:[\w-]+[ \t\n]+){0,4}?(?:casualties|dead|deaths|killed|wounded|injured|losses)"
    r"[ \t\n]+(?:inflicted[ \t\n]+)?(?:on|among)[ \t\n]+(?:the[ \t\n]+|its[ \t\n]+)?"
    r"(?!(?:the|a|an|scene|spot|way|ground|site|streets?|roads?|highway|outskirts|morning|afternoon|"
    r"evening|night|weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|"
    r"may|june|july|august|september|october|november|december)\b)(?P<side>[A-Za-z]{3,})",
    re.IGNORECASE,
)
_SIDE_BEFORE = re.compile(
    r"\b(?:the[ \t\n]+)?(?P<side>[A-Za-z]{3,})[ \t\n]+(?:had[ \t\n]+|has[ \t\n]+|have[ \t\n]+)?"
    r"(?:suffered|sustained|lost)[ \t\n]+\Z",
    re.IGNORECASE,
)

# Where a sentence may start: after its predecessor's full stop, or at the start of a line.
_STARTS_SENTENCE = re.compile(r"(?:\A|[.!?:;][\"'’”]?|\n)[ \t]*\Z")
_REACH_BACK = 240  # characters looked back for the true start of a sentence

# A sentence about another time, a longer period, a wider place, or several incidents at once.
# Not "last week" or "earlier this month": that is often when the report's own event happened.
_OTHER_SCOPE = re.compile(
    r"""
    \b(?:this|last|past|previous|earlier\ this|later\ that|earlier\ that)
        \s+(?:year|summer|spring|winter|fall|autumn|decade)\b
  | \b(?:in|since|during|through|of)\s+(?:19|20)\d\d\b
  | \bso\ far\b | \bto\ date\b | \bthe\ first\s+\w+\s+(?:days|weeks|months)\b
  | \b(?:nationwide|statewide|citywide|countywide|annually|each\ year|every\ year|per\ year|a\ year)\b
  | \bacross\ the\ (?:country|nation|state|city|county|region)\b
  | \bin\ the\ line\ of\ duty\b
  | \b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|various|different|\d+)
        \s+(?:separate\s+)?
        (?:shootings|incidents|attacks|killings|homicides|clashes|ambushes|confrontations|skirmishes)\b
  | \bstring\ of\b | \bspate\ of\b | \bthe\ latest\ in\b
  | \b(?:later|earlier)\ that\ (?:month|week)\b
  | \b(?:months|years|decades)\ ago\b | \b(?:two|three|four|several|\d+)\ weeks\ ago\b
  | \b(?:January|February|March|April|May|June|July|August|September|October|November|December)
        \s+(?:19|20)\d\d\b
  | \b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|\d+)\s+\w+\s+
        (?:shootings|incidents|attacks|killings)\b
  | \b(?:separate|other|unrelated)\s+(?:shootings|incidents|attacks)\b
  | \bin\ (?:a\ single|one)\ (?:incident|shooting|attack)\b
  | \b(?:violent|bloody|deadly)\s+weekend\b | \bin\ the\ wake\ of\b
  | \bin\ the\ (?:\w+\ )?(?:days|weeks|months)\ (?:after|since|before|following)\b
  | \b(?:in|over|during)\ the\ (?:past|last)\ (?:\d+|two|three|four|five|six|seven|few|several)\s+
        (?:days|weeks|months)\b
  | \bover\ (?:\d+|two|three|four|five|several)\s+days\b | \bduring\ (?:this|that|the)\ period\b
  | \ball\ in\ all\b | \bbetween\ (?:January|February|March|April|May|June|July|August|September
        |October|November|December)\ and\b
  """,
    re.IGNORECASE | re.VERBOSE,
)

# A list item headed by a month and year, the sentence starting right after it.
_DATED_ITEM_BEFORE = re.compile(r"\b(?:19|20)\d\d\s*[:\u2013\u2014-]\s*\Z")
_DATED_ITEM_START = re.compile(r"(?:[A-Z][a-z]+\.?\s+)?(?:19|20)\d\d\s*[:\u2013\u2014]\s")

# "one of the women killed", "two of them", "one of whom died": a part by its very wording.
_PARTITIVE_AFTER = re.compile(  # "one of the …", "one of whom", "one of two people killed"
    r"\s+(?:of|among)\s+(?:the|them|whom|those|these|us|his|her|their|its|\d+|two|three|four|five|six|"
    r"seven|eight|nine|ten|several|many|multiple|dozens)\b",
    re.IGNORECASE,
)

# "the other two boys", "two others", "three more people", "all three", "the first two victims": the
# count picks out some of the event's people, not all of them.
_SHARE_BEFORE = re.compile(r"\b(?:other|more|additional|further|remaining|all|first|last|another)\s+\Z",
                           re.IGNORECASE)
_OTHERS_AFTER = re.compile(r"\s+other\b", re.IGNORECASE)
_SHARE_AFTER = re.compile(r"\s+(?:others?|more|additional|further)\b", re.IGNORECASE)

# Victims sorted by their condition or by how they reached hospital: a breakdown, not a rival total.
_BY_CONDITION = re.compile(
    r"""
    \b(?:critical|stable|serious|fair|good|grave|satisfactory|unknown|(?:non-)?life-threatening)
        \s+condition\b
  | \b(?:seriously|critically|gravely|mortally|non-critical|minor)\b
  | \bby\ (?:ambulance|helicopter|private\ (?:car|vehicle))\b | \btreated\ and\ released\b
  """,
    re.IGNORECASE | re.VERBOSE,
)


# A figure the sentence itself marks as earlier or hypothetical: not a current rival figure.
_NOT_CURRENT = re.compile(
    r"""
    \b(?:initially|originally|at\ first|previously|earlier\ reports?|initial\ reports?|first\ reported)\b
  | \bhad\ (?:said|reported|initially)\b
  | \b(?:should|could|would|might)(?:\ have|'ve)\ been\b
  """,
    re.IGNORECASE | re.VERBOSE,
)


def sentence_of(text: str, claim: Claim) -> str:
    """The claim's sentence. Its evidence can start mid-sentence in upper-case wire text, where
    the parser splits at a line it takes for a heading ("ALL IN ALL, OVER 2 DAYS THE FMLN CLAIMS
    ..."); such a start is moved back to where the sentence really starts."""
    start = claim.evidence.start
    if not _STARTS_SENTENCE.search(text, max(0, start - 8), start):
        ends = list(SENTENCE_END.finditer(text, max(0, start - _REACH_BACK), start))
        start = ends[-1].end() if ends else start
    return text[start : claim.evidence.end]


def about_other_scope(text: str, claim: Claim) -> bool:
    """The figure's sentence is about another time, a period, a wider place or several incidents,
    or is an item in a list of dated earlier events ("June 2010: Gunman kills four …")."""
    start = claim.evidence.start
    return bool(_OTHER_SCOPE.search(sentence_of(text, claim))
                or _DATED_ITEM_BEFORE.search(text, max(0, start - 24), start)
                or _DATED_ITEM_START.match(text, start))


def is_share(text: str, claim: Claim) -> bool:
    """The count picks out some of the people: "one of the …", "one of whom", "one of two"
    (partitive), or "the other two", "three more", "all three" (marked)."""
    if claim.count is None:
        return False
    start, end = claim.count.start, claim.count.end
    return bool(_PARTITIVE_AFTER.match(text, end) or _SHARE_BEFORE.search(text, max(0, start - 16), start)
                or _SHARE_AFTER.match(text, end))


def counts_others(text: str, claim: Claim) -> bool:
    """The count is of "other" people ("two children and eight other people were wounded"): the
    people named before it in its sentence are beside it, not among it."""
    return claim.count is not None and bool(_OTHERS_AFTER.match(text, claim.count.end))


def side_of(text: str, claim: Claim) -> str | None:
    """Whom a casualty figure is inflicted on, when its words say so outright: "inflicted 20
    casualties ON THE NATIONAL GUARD", "26 dead AMONG THE ARMY RANKS", "THE ARMY SUFFERED 443
    casualties" (the first word of the side, lower case), else None."""
    if claim.count is None:
        return None
    after = _SIDE_AFTER.match(text, claim.count.end)
    if after:
        return after["side"].lower()
    before = _SIDE_BEFORE.search(text, max(0, claim.count.start - 40), claim.count.start)
    return before["side"].lower() if before else None


def is_not_current(text: str, claim: Claim) -> bool:
    """The sentence marks its figure as an earlier report ("initially said six") or a hypothesis
    ("there could have been five dead"): the current figure is stated elsewhere, or nowhere."""
    return bool(_NOT_CURRENT.search(sentence_of(text, claim)))


def is_condition_breakdown(text: str, claim: Claim) -> bool:
    """The figure sorts victims by condition or by how they reached hospital."""
    return bool(_BY_CONDITION.search(sentence_of(text, claim)))
