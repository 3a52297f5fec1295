"""Which dates date the event: not what followed it, not a time in another clock, not the future.

Every text here is invented; wire texts are upper case, as news wires send them.
"""

from __future__ import annotations

import pytest

from tollbook.pipeline import extract_text


def _event_date(text: str, published: str) -> tuple[str | None, str | None]:
    events = [e for e in extract_text(text, published=published).events if e.acled_event_type]
    return events[0].date.start, events[0].date.end


# published on Wednesday 2015-06-24: Monday is the 22nd, Tuesday the 23rd, Sunday the 21st
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aftermath verb or noun takes the date: the event stays "on or before publication"
        (
            "A man was shot and killed outside a bakery. His cousin was arrested Monday in the shooting.",
            (None, "2015-06-24"),
        ),
        ("A teenager accused of shooting two women appeared in court on Tuesday.", (None, "2015-06-24")),
        (
            "Neighbours held a vigil on Sunday night for the boy who was shot outside his home.",
            (None, "2015-06-24"),
        ),
        ("The suspect in the killing of a shop owner pleaded guilty Tuesday.", (None, "2015-06-24")),
        # near misses: the date hangs on the event word, also inside reported speech
        (
            "A man was shot and killed outside a bakery on Monday. His cousin was arrested.",
            ("2015-06-22", "2015-06-22"),
        ),
        (
            "Police say the woman was shot Sunday night while she sat in her car.",
            ("2015-06-21", "2015-06-21"),
        ),
        (
            "The shooting happened on Tuesday, and a man was arrested hours later.",
            ("2015-06-23", "2015-06-23"),
        ),
    ],
)
def test_aftermath_dates_do_not_date_the_event(text, expected):
    assert _event_date(text, "2015-06-24") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same moment in another clock
        (
            "   LIMA, 12 MAR 91 -- [TEXT] A BOMB EXPLODED AT 2300 [0400 GMT ON 11 MARCH] IN FRONT OF A\n"
            "BANK IN HUANCAYO, KILLING TWO GUARDS.\n",
            (None, "1991-03-12"),
        ),
        # a date the text announces as future
        (
            "   LIMA, 12 MAR 91 -- [TEXT] GUERRILLAS KILLED TWO GUARDS AND THREATENED MORE ATTACKS\n"
            "DURING THE STRIKE SCHEDULED TO BEGIN ON 20 MARCH.\n",
            (None, "1991-03-12"),
        ),
        # near miss: a local date with a clock time stays
        (
            "   LIMA, 12 MAR 91 -- [TEXT] A BOMB EXPLODED AT 2300 ON 10 MARCH IN FRONT OF A BANK IN\n"
            "HUANCAYO, KILLING TWO GUARDS.\n",
            ("1991-03-10", "1991-03-10"),
        ),
        # near miss: a time given only in GMT, not in brackets, is the time of the event
        (
            "   LIMA, 12 MAR 91 -- [TEXT] REBELS AMBUSHED AN ARMY TRUCK AT 1500 GMT ON 10 MARCH NEAR\n"
            "HUANCAYO, KILLING TWO SOLDIERS.\n",
            ("1991-03-10", "1991-03-10"),
        ),
    ],
)
def test_other_clocks_and_future_dates_do_not_date_the_event(text, expected):
    assert _event_date(text, "1991-03-12") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speech verb whose subject is the event: the date is the event's
        ("The shooting was reported at 1:10 a.m. Tuesday outside a motel.", ("2015-06-23", "2015-06-23")),
        # near miss: a speech verb with a person as subject keeps its date to itself
        ("A man was shot outside a motel, the sheriff reported on Tuesday.", (None, "2015-06-24")),
    ],
)
def test_a_reported_event_keeps_its_date(text, expected):
    assert _event_date(text, "2015-06-24") == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a report of one event: a date outside its sentences, days before publication, is its date
        (
            "A teenager was shot and killed outside his home.\n\n"
            "His life ended Sunday night when two men walked up to the porch.",
            "2015-06-24",
            ("2015-06-21", "2015-06-21"),
        ),
        # a follow-up weeks later: a date weeks back, in a sentence saying when it happened
        (
            "Two men were arrested Monday in the shooting of a teenager.\n\n"
            "It happened on May 2 outside a corner store.",
            "2015-06-24",
            ("2015-05-02", "2015-05-02"),
        ),
        # near miss: a stray date weeks before publication is not taken
        (
            "A teenager was shot and killed outside his home.\n\nThe family moved there on May 2.",
            "2015-06-24",
            (None, "2015-06-24"),
        ),
    ],
)
def test_a_lone_event_takes_a_nearby_date_of_the_report(text, published, expected):
    assert _event_date(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a wire header's date stamps the report even when its place is no town ("CLANDESTINE")
        (
            "   CLANDESTINE, 12 MAR 91 (RADIO FREEDOM) -- [TEXT] REBEL UNITS AMBUSHED AN ARMY PATROL\n"
            "NEAR THE RIVER, KILLING FOUR SOLDIERS.\n",
            (None, "1991-03-12"),
        ),
        # a date after publication is of something to come, not of the reported attack
        (
            "   LIMA, 12 MAR 91 -- [TEXT] GUERRILLAS KILLED TWO GUARDS AT A BANK IN HUANCAYO. THE\n"
            "BANK WILL REOPEN TOMORROW.\n",
            (None, "1991-03-12"),
        ),
        # near miss: a date in the body before the dash is no header
        (
            "   LIMA, 12 MAR 91 -- [TEXT] GUERRILLAS KILLED TWO GUARDS AT A BANK IN HUANCAYO ON\n"
            "10 MARCH -- THE THIRD ATTACK THIS MONTH.\n",
            ("1991-03-10", "1991-03-10"),
        ),
    ],
)
def test_headers_and_future_dates_do_not_date_the_event(text, expected):
    assert _event_date(text, "1991-03-12") == expected


def test_a_protest_keeps_its_own_date():
    text = "Hundreds of students protested outside the ministry on Friday against the killing of a teacher."
    events = extract_text(text, published="2015-06-24").events
    assert any(e.date.start == "2015-06-19" for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle used as an adjective ("alleged") is no speech verb the date hangs on
        (
            "   LIMA, 12 MAR 91 -- [TEXT] IT WAS REPORTED TODAY THAT ON 9 MARCH ALLEGED REBELS\n"
            "MURDERED THREE FARMERS IN HUANCAYO.\n",
            ("1991-03-09", "1991-03-09"),
        ),
        # near miss: a date that hangs on the speech verb itself stays the statement's
        (
            "   LIMA, 12 MAR 91 -- [TEXT] REBELS MURDERED THREE FARMERS IN HUANCAYO, THE ARMY\n"
            "REPORTED ON 11 MARCH.\n",
            (None, "1991-03-12"),
        ),
    ],
)
def test_an_adjective_participle_does_not_take_the_date(text, expected):
    assert _event_date(text, "1991-03-12") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stretch of days or more up to now is what figures are counted over
        (
            "   LIMA, 12 MAR 91 -- [TEXT] REBELS KIDNAPPED 20 FARMERS IN HUANCAYO, BRINGING TO 60\n"
            "THE PEOPLE KIDNAPPED IN THE PAST 3 WEEKS.\n",
            (None, "1991-03-12"),
        ),
        (
            "   LIMA, 12 MAR 91 -- [TEXT] REBELS HAVE KILLED 40 FARMERS IN HUANCAYO SINCE 1990.\n",
            (None, "1991-03-12"),
        ),
        # near misses: hours up to now, or a day, still date the incident
        (
            "   LIMA, 12 MAR 91 -- [TEXT] THREE BOMBS EXPLODED IN HUANCAYO IN THE LAST 24 HOURS.\n",
            ("1991-03-11", "1991-03-12"),
        ),
        (
            "   LIMA, 12 MAR 91 -- [TEXT] REBELS KIDNAPPED 20 FARMERS IN HUANCAYO LAST WEDNESDAY.\n",
            ("1991-03-06", "1991-03-06"),
        ),
    ],
)
def test_a_period_up_to_now_does_not_date_the_incident(text, expected):
    assert _event_date(text, "1991-03-12") == expected


# published on Wednesday 2015-06-24
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a one-event report that names no day: the day it was published, as a guess
        (
            "A man was shot twice in the back outside a corner store. It happened around 1 a.m.",
            ("2015-06-24", "2015-06-24"),
        ),
        ("Two teenagers were wounded by gunfire near a park, police said.", ("2015-06-24", "2015-06-24")),
        # near misses: an earlier day dates what followed or what was said: the event may be older
        (
            "A man was shot and killed outside a bakery. His cousin was arrested Monday.",
            (None, "2015-06-24"),
        ),
        ("A woman was shot in her car, the sheriff's office said Tuesday.", (None, "2015-06-24")),
    ],
)
def test_an_undated_lone_event_takes_the_publication_day(text, expected):
    assert _event_date(text, "2015-06-24") == expected


def test_an_undated_wire_copy_keeps_its_open_date():
    text = ("   LIMA, 12 MAR 91 -- [TEXT] GUERRILLAS KILLED TWO GUARDS OUTSIDE A BANK IN\n"
            "HUANCAYO.\n")
    assert _event_date(text, "1991-03-12") == (None, "1991-03-12")


def test_a_report_that_dates_nothing_dates_each_of_its_events_by_publication():
    text = ("A man was shot and killed outside a bar on Elm Street.\n\n"
            "Hundreds of residents marched to city hall to protest the violence.")
    events = extract_text(text, published="2015-06-24").events
    assert len(events) == 2
    assert all((e.date.start, e.date.end) == ("2015-06-24", "2015-06-24") for e in events)


def test_a_report_of_several_events_that_names_an_earlier_day_leaves_them_undated():
    text = ("A man was shot and killed outside a bar on Elm Street. His cousin was arrested Monday.\n\n"
            "Hundreds of residents marched to city hall to protest the violence.")
    events = extract_text(text, published="2015-06-24").events
    assert len(events) == 2
    assert all(e.date.start is None for e in events)


def test_the_day_after_an_early_publication_date_is_not_a_week_back():
    # stamped Tuesday 2015-06-23, written on Wednesday: "Wednesday" is not the 17th
    text = ("Two teenagers were still in hospital Wednesday night, recovering from Tuesday's shooting "
            "near a school.")
    assert _event_date(text, "2015-06-23") == ("2015-06-23", "2015-06-23")


# published on Wednesday 2015-06-24: Saturday is the 20th, Monday the 22nd
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hunting as the outing the shot was fired on dates the shooting
        (
            "A 12-year-old accidentally shot himself in the foot while hunting Saturday, deputies said.",
            ("2015-06-20", "2015-06-20"),
        ),
        (
            "Two cousins went hunting Saturday near the river. One of them was shot in the leg.",
            ("2015-06-20", "2015-06-20"),
        ),
        # near misses: a manhunt hunts someone, after the event
        (
            "Deputies were hunting the gunman on Monday after a man was shot and killed outside a bar.",
            (None, "2015-06-24"),
        ),
        (
            "Troopers were hunting for a suspect on Monday after a clerk was shot and wounded.",
            (None, "2015-06-24"),
        ),
    ],
)
def test_hunting_dates_the_shot_but_a_manhunt_does_not(text, expected):
    assert _event_date(text, "2015-06-24") == expected


# published on Monday 2015-06-22
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day before publication, named once, over the day of writing named twice
        (
            "A woman was shot outside a grocery store Sunday night. The wounded woman remained in "
            "critical condition Monday. Officers guarded the wounded woman's room Monday.",
            ("2015-06-21", "2015-06-21"),
        ),
        # near miss: a day earlier than the day before does not win over the day of writing
        (
            "A woman was shot outside a grocery store Monday morning. The wounded woman remained in "
            "critical condition Monday. Her brother was wounded on Saturday.",
            ("2015-06-22", "2015-06-22"),
        ),
    ],
)
def test_a_story_tells_the_day_before_publication_then_that_day(text, expected):
    assert _event_date(text, "2015-06-22") == expected


# published on Monday 2015-06-22: Saturday is the 20th
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a death days after the shooting dates the death, not the shooting
        (
            "A woman died Saturday, a week after she was shot outside her home on June 13.",
            ("2015-06-13", "2015-06-13"),
        ),
        # near miss: "died Saturday after being shot" says no days passed between
        ("A man died Saturday after being shot outside his home.", ("2015-06-20", "2015-06-20")),
    ],
)
def test_a_death_days_after_the_shooting_does_not_date_it(text, expected):
    assert _event_date(text, "2015-06-22") == expected



def _parsed(rows: list[tuple[str, str, int, str, str]]):
    """A parse given by hand (word, lemma, head index, dependency, part of speech): the shape
    spaCy's small model gives some upper-case wire sentences, which invented text rarely
    reproduces."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words, lemmas, heads, deps, pos = zip(*rows, strict=True)
    return Doc(Vocab(), words=list(words), lemmas=list(lemmas), heads=list(heads), deps=list(deps),
               pos=list(pos))


# "police reported today in quito that yesterday armed rebels overpowered villagers and burned
# offices": the parser hangs "yesterday" under "villagers", the object of "reported".
_REPORTED_THAT = [
    ("police", "police", 1, "compound", "NOUN"), ("authorities", "authority", 2, "nsubj", "NOUN"),
    ("reported", "report", 2, "ROOT", "VERB"), ("today", "today", 2, "npadvmod", "NOUN"),
    ("in", "in", 2, "prep", "ADP"), ("quito", "quito", 4, "pobj", "PROPN"),
    ("that", "that", 11, "det", "DET"), ("yesterday", "yesterday", 10, "npadvmod", "NOUN"),
    ("armed", "armed", 9, "amod", "ADJ"), ("rebels", "rebel", 10, "nsubj", "NOUN"),
    ("overpowered", "overpower", 11, "amod", "VERB"), ("villagers", "villager", 2, "dobj", "NOUN"),
    ("and", "and", 2, "cc", "CCONJ"), ("burned", "burn", 2, "conj", "VERB"),
    ("offices", "office", 13, "dobj", "NOUN"), (".", ".", 2, "punct", "PUNCT"),
]


def test_a_date_after_the_that_of_a_report_is_not_when_it_was_said():
    from tollbook.extract.event_dates import dates_aftermath, hangs_on_speech

    doc = _parsed(_REPORTED_THAT)
    burning = lambda token: token.lemma_ == "burn"  # noqa: E731
    yesterday, today = doc[7], doc[3]
    assert not hangs_on_speech(yesterday, burning)
    assert not dates_aftermath(yesterday, burning)
    assert hangs_on_speech(today, burning)  # "reported today": when it was said
    assert dates_aftermath(today, burning)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a date after the "that" opening the report dates what was reported
        (
            "   QUITO, 14 APR 90 -- [TEXT] THE POLICE REPORTED TODAY IN QUITO THAT YESTERDAY ARMED\n"
            "REBELS OVERRAN FARMERS AND BURNED THE OFFICES OF THE TOWN HALL.\n",
            "1990-04-14", ("1990-04-13", "1990-04-13"),
        ),
        (
            "Police said that on Sunday two men were shot outside a bar.",
            "2015-06-24", ("2015-06-21", "2015-06-21"),
        ),
        # a date right after the reported event ("reported four bombings last night") is its own
        (
            "   LIMA, 9 NOV 89 (EFE) -- [TEXT] POLICE SOURCES HAVE REPORTED AT LEAST FOUR BOMBINGS\n"
            "LAST NIGHT IN THE ANDEAN CITY OF HUANCAYO, 300 KM EAST OF LIMA.\n",
            "1989-11-09", ("1989-11-08", "1989-11-08"),
        ),
        # a date before the "that" is when it was said: the event stays on or before publication
        (
            "   QUITO, 14 APR 90 -- [TEXT] THE POLICE REPORTED TODAY THAT ARMED REBELS BURNED THE\n"
            "OFFICES OF THE TOWN HALL.\n",
            "1990-04-14", (None, "1990-04-14"),
        ),
    ],
)
def test_a_date_inside_what_was_said_dates_the_event(text, published, expected):
    assert _event_date(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The date right after the event an aftermath verb is about dates the event.
        (
            "Unions condemned the kidnapping and murder on 15 June of a student leader.",
            ("2015-06-15", "2015-06-15"),
        ),
        # Near misses: the date after the verb's own object is the aftermath's.
        ("Police arrested the suspect on Monday in the killing of a shop owner.", (None, "2015-06-24")),
        ("Neighbours condemned the violence in a statement released on Tuesday after a man was shot.",
         (None, "2015-06-24")),
    ],
)
def test_a_date_right_after_the_condemned_event_dates_it(text, expected):
    assert _event_date(text, "2015-06-24") == expected
