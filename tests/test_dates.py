"""The date grammar: absolute, relative and invalid dates, publication inference, metadata strings."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from tollbook.annotate.dates import (
    DateKind,
    find_dates,
    infer_publication,
    parse_date_string,
    resolve,
)
from tollbook.model import DatePrecision, Published

D = datetime.date
FRI = D(2026, 1, 16)  # a Friday
WED = D(2026, 1, 14)
MON = D(2026, 3, 2)
NEW_YEAR_FRI = D(2026, 1, 2)
OLD_YEAR_TUE = D(2025, 12, 30)
WIRE = D(1990, 1, 3)

DAY, WEEK, MONTH, YEAR = DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR
DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


def only_mention(text: str, anchor: datetime.date | None):
    mentions = find_dates(text, anchor)
    assert len(mentions) == 1, [m.as_written for m in mentions]
    return mentions[0]


# (text, anchor, as_written, start, end, precision); a blank end means the same as start.
RESOLUTION = [
    # weekdays
    ("They marched on Friday.", FRI, "Friday", "2026-01-16", "", DAY),
    ("They marched on Friday.", WED, "Friday", "2026-01-09", "", DAY),
    ("He said last Friday that", FRI, "last Friday", "2026-01-09", "", DAY),
    ("He said last Thursday that", FRI, "last Thursday", "2026-01-15", "", DAY),
    ("Shots rang out Friday night.", FRI, "Friday night", "2026-01-16", "", DAY),
    ("Friday's demonstration was large.", FRI, "Friday", "2026-01-16", "", DAY),
    ("Talks resume next Monday.", FRI, "next Monday", "2026-01-19", "", DAY),
    ("Talks resume next Friday.", FRI, "next Friday", "2026-01-23", "", DAY),
    ("It began this Monday.", FRI, "this Monday", "2026-01-12", "", DAY),
    ("It happened on Sunday.", FRI, "Sunday", "2026-01-11", "", DAY),
    ("It happened on Good Friday.", WED, "Friday", "2026-01-09", "", DAY),
    # the anchor's next weekday: the publication date was a day early, not a week-old Saturday
    ("Gunmen struck on Saturday.", FRI, "Saturday", "2026-01-17", "", DAY),
    ("Gunmen struck last Saturday.", FRI, "last Saturday", "2026-01-10", "", DAY),
    # day words
    ("Police said yesterday that", FRI, "yesterday", "2026-01-15", "", DAY),
    ("the day before yesterday", FRI, "the day before yesterday", "2026-01-14", "", DAY),
    ("The toll rose today.", FRI, "today", "2026-01-16", "", DAY),
    ("A vigil is held tonight.", FRI, "tonight", "2026-01-16", "", DAY),
    ("He is to appear in court tomorrow.", FRI, "tomorrow", "2026-01-17", "", DAY),
    ("Gunmen struck this morning.", FRI, "this morning", "2026-01-16", "", DAY),
    ("Gunmen struck last night.", FRI, "last night", "2026-01-15", "", DAY),
    ("a clash yesterday afternoon near", FRI, "yesterday afternoon", "2026-01-15", "", DAY),
    # weeks, months, years
    ("clashes earlier this week", FRI, "earlier this week", "2026-01-12", "2026-01-16", WEEK),
    ("clashes this week", FRI, "this week", "2026-01-12", "2026-01-18", WEEK),
    ("clashes last week", FRI, "last week", "2026-01-05", "2026-01-11", WEEK),
    ("attacked the capital earlier this month", FRI, "earlier this month", "2026-01-01", "2026-01-16",
     MONTH),
    ("attacks this month", FRI, "this month", "2026-01-01", "2026-01-31", MONTH),
    ("attacks last month", FRI, "last month", "2025-12-01", "2025-12-31", MONTH),
    ("the deadliest attack this year", FRI, "this year", "2026-01-01", "2026-12-31", YEAR),
    ("the deadliest attack last year", FRI, "last year", "2025-01-01", "2025-12-31", YEAR),
    ("killed in the past week", FRI, "the past week", "2026-01-09", "2026-01-16", WEEK),
    # ago and spans up to the anchor
    ("He was shot two days ago.", FRI, "two days ago", "2026-01-14", "", DAY),
    ("It was signed 3 days ago.", FRI, "3 days ago", "2026-01-13", "", DAY),
    ("It happened a week ago.", FRI, "a week ago", "2026-01-05", "2026-01-11", WEEK),
    ("It began three months ago.", FRI, "three months ago", "2025-10-01", "2025-10-31", MONTH),
    ("in the past 24 hours", FRI, "the past 24 hours", "2026-01-15", "2026-01-16", DAY),
    ("over the past three days", FRI, "the past three days", "2026-01-13", "2026-01-16", DAY),
    ("Shops were looted over the weekend.", MON, "over the weekend", "2026-02-28", "2026-03-01", DAY),
    ("Shops were looted last weekend.", FRI, "last weekend", "2026-01-10", "2026-01-11", DAY),
    # year-less dates take the year nearest the anchor
    ("shot in the small hours of January 9", FRI, "January 9", "2026-01-09", "", DAY),
    ("in Goma, Jan. 7, during", FRI, "Jan. 7", "2026-01-07", "", DAY),
    ("the raid of Jan. 3 will", NEW_YEAR_FRI, "Jan. 3", "2026-01-03", "", DAY),
    ("the raid of Dec. 30 was", NEW_YEAR_FRI, "Dec. 30", "2025-12-30", "", DAY),
    ("the march planned for Jan. 3", OLD_YEAR_TUE, "Jan. 3", "2026-01-03", "", DAY),
    ("ON 30 DECEMBER IN SAN LUIS", WIRE, "30 DECEMBER", "1989-12-30", "", DAY),
    ("a raid on the 16th of January", FRI, "16th of January", "2026-01-16", "", DAY),
    ("elections in March", FRI, "in March", "2026-03-01", "2026-03-31", MONTH),
    ("riots in December", FRI, "in December", "2025-12-01", "2025-12-31", MONTH),
    ("riots last March", D(2026, 3, 20), "last March", "2025-03-01", "2025-03-31", MONTH),
    ("riots in May", D(2026, 6, 10), "in May", "2026-05-01", "2026-05-31", MONTH),
    # stated in full: the anchor changes nothing
    ("on Friday, Jan. 16, 2026, in Havana", FRI, "Friday, Jan. 16, 2026", "2026-01-16", "", DAY),
    ("on January 16, 2026 (Reuters)", WED, "January 16, 2026", "2026-01-16", "", DAY),
    ("on January 16th, 2026", FRI, "January 16th, 2026", "2026-01-16", "", DAY),
    ("on 16 January 2026", FRI, "16 January 2026", "2026-01-16", "", DAY),
    ("posted 2026-01-16.", FRI, "2026-01-16", "2026-01-16", "", DAY),
    ("at 2017-04-09T10:00:00Z", FRI, "2017-04-09", "2017-04-09", "", DAY),
    ("filed 12/25/2025 in court", FRI, "12/25/2025", "2025-12-25", "", DAY),
    ("filed 25/12/2025 in court", FRI, "25/12/2025", "2025-12-25", "", DAY),
    ("filed 3/4/2025 in court", FRI, "3/4/2025", "2025-03-04", "", DAY),
    ("filed 16.01.2026 in court", FRI, "16.01.2026", "2026-01-16", "", DAY),
    ("filed 1/16/26 in court", FRI, "1/16/26", "2026-01-16", "", DAY),
    ("LIMA, 10 JAN 90 (EFE) -- A BOMB", FRI, "10 JAN 90", "1990-01-10", "", DAY),
    ("unrest in January 2026", FRI, "January 2026", "2026-01-01", "2026-01-31", MONTH),
    ("the summer of 2016", FRI, "summer of 2016", "2016-01-01", "2016-12-31", YEAR),
    ("a ceasefire signed in 2016", FRI, "in 2016", "2016-01-01", "2016-12-31", YEAR),
    ("fighting since mid-2016", FRI, "mid-2016", "2016-01-01", "2016-12-31", YEAR),
    # all-caps wire text
    ("THE ARMY SAID LAST FRIDAY THAT", FRI, "LAST FRIDAY", "2026-01-09", "", DAY),
    ("KILLED EARLIER THIS MONTH", FRI, "EARLIER THIS MONTH", "2026-01-01", "2026-01-16", MONTH),
    ("DURING A CLASH YESTERDAY AFTERNOON", WIRE, "YESTERDAY AFTERNOON", "1990-01-02", "", DAY),
    ("TAKE PLACE ON\n30 DECEMBER IN", WIRE, "30 DECEMBER", "1989-12-30", "", DAY),
]


@pytest.mark.parametrize(("text", "anchor", "as_written", "start", "end", "precision"), RESOLUTION)
def test_resolution(text, anchor, as_written, start, end, precision):
    mention = only_mention(text, anchor)
    assert mention.as_written == as_written == text[mention.start : mention.end]
    assert mention.kind is not DateKind.INVALID
    assert mention.resolved is not None
    assert (mention.resolved.start, mention.resolved.end) == (start, end or start)
    assert mention.resolved.precision is precision
    assert mention.resolved.as_written == as_written


@pytest.mark.parametrize(
    ("text", "kind", "has_year"),
    [
        ("on Friday", DateKind.RELATIVE, False),
        ("earlier this month", DateKind.RELATIVE, False),
        ("the small hours of January 9", DateKind.ABSOLUTE, False),
        ("January 16, 2026", DateKind.ABSOLUTE, True),
        ("10 JAN 90", DateKind.ABSOLUTE, True),
        ("in 2016", DateKind.ABSOLUTE, True),
        ("16/20/2016", DateKind.INVALID, True),
        ("30 February", DateKind.INVALID, False),
    ],
)
def test_kind_and_has_year(text, kind, has_year):
    mention = only_mention(text, None)
    assert (mention.kind, mention.has_year) == (kind, has_year)


@pytest.mark.parametrize(
    "text",
    ["on Friday", "yesterday", "earlier this week", "two days ago", "January 3", "in March", "last March"],
)
def test_without_anchor_what_needs_one_stays_unresolved(text):
    assert only_mention(text, None).resolved is None


@pytest.mark.parametrize(
    ("text", "start"),
    [("January 16, 2026", "2026-01-16"), ("10 JAN 90", "1990-01-10"), ("3 JAN 05", "2005-01-03"),
     ("in 2016", "2016-01-01")],
)
def test_stated_dates_resolve_without_anchor(text, start):
    mention = only_mention(text, None)
    assert mention.resolved is not None and mention.resolved.start == start
    assert mention.resolved.inferred is False


def test_two_digit_year_takes_the_century_nearest_the_anchor():
    assert only_mention("3 JAN 75", D(2070, 1, 1)).resolved.start == "2075-01-03"
    assert only_mention("3 JAN 75", D(1990, 1, 1)).resolved.start == "1975-01-03"


@pytest.mark.parametrize(
    ("text", "as_written"),
    [
        ("at a funeral in Havana, Cuba, 16/20/2016.", "16/20/2016"),  # month 20 either way
        ("filed on 31/02/2020", "31/02/2020"),
        ("posted 2026-13-01", "2026-13-01"),
        ("posted 2026-02-30", "2026-02-30"),
        ("since February 30, 2020", "February 30, 2020"),
        ("ON 31 APRIL", "31 APRIL"),
    ],
)
def test_invalid_dates_are_kept_and_never_guessed(text, as_written):
    mention = only_mention(text, FRI)
    assert mention.kind is DateKind.INVALID
    assert mention.as_written == as_written
    assert mention.resolved is None


@pytest.mark.parametrize(
    "text",
    [
        "the 47 soldiers were buried",
        "the motion passed on a 3-2 vote",
        "the clinic is open 24/7",
        "a 9mm pistol was found",
        "the deadliest attack since 9/11",  # a named event: its year is not the anchor's
        "the final score was 2-1",
        "troops march 10 miles a day",
        "they pray on fridays",
        "the Sunday Times reported",
        "USA Today reported",
        "a total of 2000 people fled",
        "in the 1000 block of Main Street",
        "the day before the attack",
        "on the night of Bloody Sunday",
        "Janet 16 was injured",
        "version 3.11.2 and 192.168.1.1",
        "2,016 people were displaced",
        "a crime wave in 1990s Lima",  # a decade, not a year
        # a day and month that name something
        "LEADERS OF THE 19 APRIL MOVEMENT SAID",
        "A BOMB WENT OFF IN THE 14 JULY NEIGHBORHOOD OF THE TOWN",
        "shots were fired on 25 May Avenue",
        'A GROUP CALLING ITSELF "9 MAY" CLAIMED THE BOMBING',
    ],
)
def test_numbers_and_words_that_are_not_dates(text):
    assert find_dates(text, FRI) == []


@pytest.mark.parametrize(
    ("text", "as_written"),
    [
        ("ON 27 SEPTEMBER IN THE TOWN", "27 SEPTEMBER"),
        ("A bomb went off on May 5 near a park", "May 5"),
        ('the "second stage" began on 3 June', "3 June"),
    ],
)
def test_a_day_and_month_that_date_something_stay_dates(text, as_written):
    assert [m.as_written for m in find_dates(text, FRI)] == [as_written]


def test_the_day_before_counts_from_the_last_date_mentioned():
    text = "Troops attacked on January 3. The day before, sirens sounded. The next day, they left."
    found = [(m.as_written, m.resolved.start) for m in find_dates(text, FRI)]
    assert found == [("January 3", "2026-01-03"), ("The day before", "2026-01-02"),
                     ("The next day", "2026-01-03")]


def test_the_day_before_with_no_date_before_it_counts_from_the_anchor():
    assert only_mention("The day before, police arrived.", FRI).resolved.start == "2026-01-15"


def test_spans_index_the_text_in_a_paragraph():
    text = (
        "CARACAS — A defence minister said on Friday that 83 people were killed in the January 3 "
        "attack. Photo: Friday, Jan. 16, 2026. Another caption reads 16/20/2016. Earlier this month, "
        "officials said 23 had died; two days ago the toll stood at 80."
    )
    mentions = find_dates(text, FRI)
    assert [m.as_written for m in mentions] == [
        "Friday", "January 3", "Friday, Jan. 16, 2026", "16/20/2016", "Earlier this month", "two days ago",
    ]
    assert all(text[m.start : m.end] == m.as_written for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


@pytest.mark.parametrize(
    ("text", "inferred"),
    [("Friday, January 16, 2026", False), ("2026-01-16", False), ("January 3", True), ("on Friday", True),
     ("earlier this month", True), ("10 JAN 90", False)],
)
def test_inferred_means_the_text_did_not_state_the_whole_date(text, inferred):
    assert only_mention(text, FRI).resolved.inferred is inferred


@pytest.mark.parametrize(
    ("text", "anchor", "start"),
    [("on Friday", WED, "2026-01-09"), ("yesterday", MON, "2026-03-01"), ("January 3", OLD_YEAR_TUE,
     "2026-01-03"), ("in 2016", FRI, "2016-01-01"), ("The day before", FRI, "2026-01-15"),
     ("last March", D(2026, 3, 20), "2025-03-01")],
)
def test_resolve_a_mention_against_another_anchor(text, anchor, start):
    mention = only_mention(text, FRI)
    assert resolve(mention, anchor).start == start


def test_resolve_keeps_invalid_dates_unresolved():
    assert resolve(only_mention("16/20/2016", None), FRI) is None


# ---------------------------------------------------------------------------------------------
# infer_publication

LATEST = "latest explicit date in the text"


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("Gunmen struck in the small hours of January 9. On Friday the governor spoke. "
         "Caption: a burial, 14/30/2019. Photo taken Friday, Jan. 16, 2026. Another: January 16, 2026.",
         "2026-01-16", DAY),
        ("The attack happened on March 3, 2025. The trial is scheduled for June 1, 2026.",
         "2025-03-03", DAY),
        ("Officials will meet on Feb. 2, 2026. The clash on Jan. 20, 2026 left two dead.",
         "2026-01-20", DAY),
        ("Riots on Jan. 3, 2020, Jan. 5, 2020 and Jan. 6, 2020. Related story: March 3, 2024.",
         "2020-01-06", DAY),
        ("Violence in 1991 and in 2013 led to the shooting on Aug. 11, 2016.", "2016-08-11", DAY),
        ("The 2014 shooting on March 17, 2014 led to a verdict on January 15, 2016.", "2016-01-15", DAY),
        ("Unrest grew in January 2026 after a ceasefire signed in 2016.", "2026-01-01", MONTH),
        ("Unrest grew in 2016 and has continued since 2019.", "2019-01-01", YEAR),
        ("LIMA, 10 JAN 90 (EFE) -- A BOMB EXPLODED LAST NIGHT.", "1990-01-10", DAY),
        ("A date written 2017-04-09 and another 12/25/2016.", "2017-04-09", DAY),
    ],
)
def test_infer_publication(text, date, precision):
    assert infer_publication(text) == Published(date=date, precision=precision, inferred=True, how=LATEST)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed five people on Friday.",  # relative only
        "They were buried on January 3.",  # no year stated
        "A caption reads 16/20/2016.",  # invalid only
        "No date at all.",
        "",
    ],
)
def test_infer_publication_finds_nothing(text):
    assert infer_publication(text) == Published(date=None)


def test_infer_publication_accepts_mentions_already_found():
    text = "Posted January 31, 2014. Updated February 21, 2014."
    assert infer_publication(text, find_dates(text)).date == "2014-02-21"
    assert infer_publication(text, []).date is None


# ---------------------------------------------------------------------------------------------
# parse_date_string


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-04-09", D(2017, 4, 9)),
        ("April 9, 2017", D(2017, 4, 9)),
        ("Mon, 10 Apr 2017 14:00:00 GMT", D(2017, 4, 10)),
        ("10 JAN 90", D(1990, 1, 10)),
        ("2017-04-09T10:00:00Z", D(2017, 4, 9)),
        ("2017-04-09T23:30:00+02:00", D(2017, 4, 9)),
        ("  9 April 2017 ", D(2017, 4, 9)),
        ("Posted: Friday, January 31, 2014 10:21 AM EST", D(2014, 1, 31)),
        ("09.04.2017", D(2017, 4, 9)),
        ("2017-13-45", None),
        ("16/20/2016", None),
        ("April 2017", None),  # a month is not a day
        ("", None),
        ("no date here", None),
    ],
)
def test_parse_date_string(value, expected):
    assert parse_date_string(value) == expected


# ---------------------------------------------------------------------------------------------
# development data


@pytest.mark.devdata
def test_wire_datelines_parse_and_relative_dates_resolve_against_them():
    path = DATA / "muc4" / "docs.jsonl"
    if not path.exists():
        pytest.skip("../shared/data is absent")
    resolved = total = 0
    with path.open(encoding="utf-8") as lines:
        for line in list(lines)[:200]:
            record = json.loads(line)
            first = find_dates(record["text"])
            anchor = parse_date_string(record["dateline"].split(",")[-1].split("(")[0])
            if anchor is None:
                continue
            total += 1
            assert first and first[0].resolved and first[0].resolved.start == anchor.isoformat()
            relative = [m for m in find_dates(record["text"], anchor) if m.kind is DateKind.RELATIVE]
            resolved += all(m.resolved for m in relative)
    assert total > 150 and resolved == total
