"""Which dates of a report can date its event, and which date something else.

A report of a shooting dates many things besides the shooting: when it was said ("police said
on Friday"), what followed it ("he was arrested Monday", "a vigil on Sunday night", "Guerrillas
today denounced the murder"), what is to come ("the trial is set for March 3"), and the same
moment in another clock ("2230 [0230 GMT on 12 January]"). Only the rest can date the event.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from tollbook.annotate.dates import DateMention, announced
from tollbook.extract.lexicon import SPEECH_VERBS
from tollbook.model import DatePrecision, DateRange

# What follows an attack, not the attack: justice, mourning, reactions, the search for culprits.
# Not the words of a protest ("gathered", "held a rally", "demanded"): a protest is an event too.
AFTERMATH_VERBS = frozenset(
    "arrest charge book plead sentence arraign indict convict acquit jail detain apprehend "
    "extradite appear testify deliberate rule file sue release bail question interrogate "
    "identify search hunt seek mourn remember honor honour bury commemorate "
    "attend condemn denounce deplore repudiate reject urge ask "
    "distribute publish broadcast delay postpone schedule visit meet hospitalize".split()
)
AFTERMATH_NOUNS = frozenset(
    "hearing appearance arraignment trial sentencing court vigil funeral memorial burial "
    "service conference meeting election elections session interview".split()
)
_REACH = 4  # ancestors looked at above a date
# "the past 3 weeks", "since 1981", "the past few months": a stretch of days or more up to now.
# (Not "the last 24 hours": an incident just reported is often dated so.)
_PERIOD = re.compile(
    r"(?i)^(?:the\s+)?(?:(?:past|last)\s+(?:\d+|few|several|two|three)\s+(?:days?|weeks?|months?|years?)\b|since\b)"
)
# "died Friday, three days after he was shot": the death came later than the shooting it ends.
_DAYS_AFTER = re.compile(r"(?i)\b(?:days?|weeks?|months?)\s+after\b")
_DEATH_VERBS = frozenset(("die", "succumb"))
# A restatement in brackets ("2230 [0230 GMT on 12 January]"); "at 1700 GMT on 29 March" is the time.
_OTHER_CLOCK = re.compile(r"(?i)[\[(]\s*\d{1,2}:?\d{2}\s*(?:GMT|UTC)\s*(?:on\s+)?$")


def dates_aftermath(token: Token, is_event_word) -> bool:
    """Whether the date ending at `token` hangs on a statement or on what followed the event.

    The nearest word above the date that says what happened decides: an event word ("shot",
    "attack") keeps the date, a speech or aftermath verb ("said", "arrested") or an aftermath
    noun ("a court appearance on Wednesday") takes it. A date inside what was said ("police
    say he was shot Monday") hangs on the event verb first, so it stays the event's.
    """
    for ancestor in list(token.ancestors)[:_REACH]:
        lemma = ancestor.lemma_.lower()
        is_verb = _heads_a_clause(ancestor)
        # Before the event words: an arrest is also a casualty word ("detained"), not the attack.
        aftermath_verb = is_verb and lemma in AFTERMATH_VERBS and not _hunting_as_a_pastime(ancestor)
        if aftermath_verb and _right_after_its_event(ancestor, token, is_event_word):
            return False
        if aftermath_verb or (ancestor.pos_ == "NOUN" and lemma in AFTERMATH_NOUNS):
            return True
        if is_verb and any(
            c.dep_ == "dobj" and c.lemma_.lower() in AFTERMATH_NOUNS for c in ancestor.children
        ):
            return True  # "held a vigil on Sunday"
        if is_verb and _died_days_later(ancestor):
            return True
        if is_event_word(ancestor):
            return False
        if is_verb:
            return _says_it(ancestor, token) and not _reports_the_event(ancestor, token, is_event_word)
    return False


def _right_after_its_event(verb: Token, date: Token, is_event_word) -> bool:
    """ "Unions condemned the kidnapping and murder on 15 September of a student": the date
    stands right after the event the aftermath verb is about, and dates it (the parser hangs
    it on the verb all the same)."""
    return any(
        c.dep_ == "dobj" and is_event_word(c) and 0 < date.i - c.right_edge.i <= 4
        for c in verb.children
    )


def _died_days_later(verb: Token) -> bool:
    """ "She died Saturday, a week after she was wounded": the date of a later death, not of the
    shooting. ("died Saturday after being shot" says nothing of days between: it keeps the date.)"""
    if verb.lemma_.lower() not in _DEATH_VERBS:
        return False
    return bool(_DAYS_AFTER.search("".join(t.text_with_ws for t in verb.subtree)))


def _hunting_as_a_pastime(verb: Token) -> bool:
    """ "shot while hunting Saturday", "went hunting Friday": the outing the shot was fired on.
    A manhunt hunts someone ("hunting the gunman", "hunting for the suspect")."""
    return verb.lemma_.lower() == "hunt" and not any(
        c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children
    )


def hangs_on_speech(token: Token, is_event_word) -> bool:
    """Whether the nearest verb above the date is a speech verb ("said on Friday"): such a date
    never tells incidents apart. (Aftermath dates may: an arrest on Monday ends a story.)"""
    for ancestor in list(token.ancestors)[:_REACH]:
        if is_event_word(ancestor):
            return False
        if _heads_a_clause(ancestor):
            return _says_it(ancestor, token)
    return False


def _says_it(verb: Token, date: Token) -> bool:
    """Whether the date is when `verb` was said: a speech verb, with the date not inside what was
    said. "Police reported today that yesterday gunmen burned the bank": "yesterday" comes after
    the "that" which opens the report, so it dates the burning, however the parser hung it (on
    upper-case wire text it often hangs it on the speech verb)."""
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return False
    between = verb.doc[verb.i + 1 : date.i]
    return not any(_opens_a_report(t) for t in between)


def _opens_a_report(token: Token) -> bool:
    """A "that" opening a reported clause ("said that …"; on wire text the parser often calls it
    a subject or a far determiner), not one that points at the next word ("said that day") or is
    the object ("denied that")."""
    if token.text.lower() != "that" or token.dep_ == "dobj":
        return False
    return not (token.dep_ == "det" and token.head.i == token.i + 1)


def _heads_a_clause(token: Token) -> bool:
    """A verb a date can hang on: not an auxiliary, nor a participle used as an adjective
    ("the alleged rebels", "wounded soldiers"), which says nothing of when."""
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "amod")


def _reports_the_event(verb: Token, date: Token, is_event_word) -> bool:
    """ "The shooting was reported at 12:03 a.m. Tuesday", "police reported six bombings last
    night": the date follows the event named as what was reported, and is when it happened."""
    return any(
        (c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "dobj" and c.i < date.i)) and is_event_word(c)
        for c in verb.children
    )


def elsewhere_in_time(text: str, mention: DateMention) -> bool:
    """A date that restates a time in another clock ("0230 GMT on 12 January") or that the
    words before it announce as future ("scheduled to begin on 16 March")."""
    before = text[max(0, mention.start - 20) : mention.start]
    return bool(_OTHER_CLOCK.search(before)) or announced(text, mention)


def tally_period(date: DateRange) -> bool:
    """A stretch of time up to now ("in the past 3 weeks", "since 1981"): what figures are counted
    over, not the date of one incident."""
    return bool(date.as_written and _PERIOD.match(date.as_written.strip()))


_NEAR = (DatePrecision.DAY, DatePrecision.WEEK)


def publication_day(published: str, dates: list[DateRange]) -> DateRange | None:
    """The date of a one-event report that never dates its event: the day it was published.

    Local news tells the day's shooting without a weekday ("It happened around 1 a.m. at …").
    When the report names any earlier day or week, even one it dates something else by ("he
    was arrested Monday", "police said Friday"), the event may lie before it: no guess (None).
    The guess is a day, marked `inferred`, rather than "on or before publication", so that the
    event can be matched by day.
    """
    day = published[:10]
    if any(d.precision in _NEAR and d.start and d.start[:10] < day for d in dates):
        return None
    return DateRange(start=day, end=day, precision=DatePrecision.DAY, as_written=None, inferred=True)
