"""The count grammar: number expressions, their bounds and their kinds (tollbook.annotate.counts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tollbook.annotate.counts import NumberKind, find_counts, parse_count, words_to_int
from tollbook.model import Qualifier

E, AL, MT, NE, AB, UT, BT, VA = (
    Qualifier.EXACT, Qualifier.AT_LEAST, Qualifier.MORE_THAN, Qualifier.NEARLY,
    Qualifier.ABOUT, Qualifier.UP_TO, Qualifier.BETWEEN, Qualifier.VAGUE,
)
SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "seed"


def the_match(text: str, as_written: str):
    """The one match in `text` written exactly `as_written`."""
    hits = [m for m in find_counts(text) if m.as_written == as_written]
    assert len(hits) == 1, [m.as_written for m in find_counts(text)]
    return hits[0]


# (text, as_written, value, low, high, qualifier) — every one of these is a COUNT
COUNTS = [
    ("Police said 83 people died.", "83", 83, 83, 83, E),
    ("Officials counted 1,200 bodies.", "1,200", 1200, 1200, 1200, E),
    ("About 1.2 million fled the region.", "About 1.2 million", None, 1080000, 1320000, AB),
    ("It displaced 1.2 million residents.", "1.2 million", 1200000, 1200000, 1200000, E),
    ("Nine guards were wounded.", "Nine", 9, 9, 9, E),
    ("Thirty-two miners were trapped.", "Thirty-two", 32, 32, 32, E),
    ("twenty one detainees were freed", "twenty one", 21, 21, 21, E),
    ("one hundred and twelve were hurt", "one hundred and twelve", 112, 112, 112, E),
    ("a hundred villagers fled", "a hundred", 100, 100, 100, E),
    ("two dozen cadets were hurt", "two dozen", 24, 24, 24, E),
    ("a dozen houses burned", "a dozen", 12, 12, 12, E),
    ("half a dozen guards fled", "half a dozen", 6, 6, 6, E),
    ("THREE PEOPLE WERE KILLED IN THE BLAST", "THREE", 3, 3, 3, E),
    ("ABOUT 50 PEASANTS HAVE BEEN KIDNAPPED", "ABOUT 50", None, 45, 55, AB),
    ("At least 5 people were shot.", "At least 5", None, 5, None, AL),
    ("no fewer than 5 were held", "no fewer than 5", None, 5, None, AL),
    ("a minimum of 5 deaths", "a minimum of 5", None, 5, None, AL),
    ("50 or more families fled", "50 or more", None, 50, None, AL),
    ("a 50-plus crowd", "50-plus", None, 50, None, AL),
    ("More than 112 people were injured.", "More than 112", None, 113, None, MT),
    ("over 112 were injured", "over 112", None, 113, None, MT),
    ("upwards of 112 casualties", "upwards of 112", None, 113, None, MT),
    ("more than a dozen wounded", "more than a dozen", None, 13, None, MT),
    ("Nearly 50 soldiers were killed.", "Nearly 50", None, 45, 49, NE),
    ("almost 50 died", "almost 50", None, 45, 49, NE),
    ("close to 50 were missing", "close to 50", None, 45, 49, NE),
    ("about 50 were detained", "about 50", None, 45, 55, AB),
    ("around 50 were detained", "around 50", None, 45, 55, AB),
    ("approximately 50 were detained", "approximately 50", None, 45, 55, AB),
    ("roughly 50 were detained", "roughly 50", None, 45, 55, AB),
    ("some 50 were detained", "some 50", None, 45, 55, AB),
    ("an estimated 50 were detained", "an estimated 50", None, 45, 55, AB),
    ("100-odd protesters", "100-odd", None, 90, 110, AB),
    ("up to 10 were abducted", "up to 10", None, None, 10, UT),
    ("as many as 10 were abducted", "as many as 10", None, None, 10, UT),
    ("fewer than 10 were hurt", "fewer than 10", None, None, 9, UT),
    ("between 10 and 15 were killed", "between 10 and 15", None, 10, 15, BT),
    ("10-15 were killed", "10-15", None, 10, 15, BT),
    ("10\u201315 were killed", "10\u201315", None, 10, 15, BT),
    ("10 to 15 were killed", "10 to 15", None, 10, 15, BT),
    ("ten to fifteen were killed", "ten to fifteen", None, 10, 15, BT),
    ("between 1-2 million displaced", "between 1-2 million", None, 1000000, 2000000, BT),
    ("dozens of people were hurt", "dozens", None, 24, None, VA),
    ("hundreds were arrested", "hundreds", None, 200, None, VA),
    ("Thousands of people marched", "Thousands", None, 2000, None, VA),
    ("scores of people were hurt", "scores of", None, 40, None, VA),
    ("several were hurt", "several", None, 3, None, VA),
    ("a few were hurt", "a few", None, 2, None, VA),
    ("many were killed", "many", None, 3, None, VA),
    ("tens of thousands fled", "tens of thousands", None, 20000, None, VA),
    ("several hundred fled", "several hundred", None, 300, None, VA),
    ("hundreds of thousands fled", "hundreds of thousands", None, 200000, None, VA),
    ("multiple people were shot", "multiple", None, 2, None, VA),
    ("a couple of men were held", "a couple of", 2, 2, 2, E),
    ("No one was hurt.", "No one", 0, 0, 0, E),
    # traps: these are counts
    ("one of the victims was a nurse", "one", 1, 1, 1, E),
    ("Recommended stories\n\n4 List of items", "4", 4, 4, 4, E),
    ("2000 people were evacuated", "2000", 2000, 2000, 2000, E),
    ("In Caracas, 32 soldiers died.", "32", 32, 32, 32, E),
    ("On Tuesday, 3 people died.", "3", 3, 3, 3, E),
    ("He said 83people died.", "83", 83, 83, 83, E),
    ("officers handed over 5 rifles", "5", 5, 5, 5, E),
    ("the toll rose up to 83", "83", 83, 83, 83, E),
    ("\u201c32 soldiers\u201d were buried", "32", 32, 32, 32, E),
    ("Five shot in overnight party", "Five", 5, 5, 5, E),  # "shot" is the casualty verb, no unit
    ("Smith, 34, and 3 others were hurt", "3", 3, 3, 3, E),
    ("In Houston, 24 were shot", "24", 24, 24, 24, E),  # plural verb: a count, not an age
    ("In Houston, 24 (two of them children) were shot", "24", 24, 24, 24, E),
    ("Their sons, 2 others and a cousin were hurt", "2", 2, 2, 2, E),
    ("Fox said 3 were killed", "3", 3, 3, 3, E),
    ("12 newsmen were held", "12", 12, 12, 12, E),
    ("at\u00a0least\u00a07 people", "at\u00a0least\u00a07", None, 7, None, AL),
]


@pytest.mark.parametrize(("text", "as_written", "value", "low", "high", "qualifier"), COUNTS)
def test_counts(text, as_written, value, low, high, qualifier):
    m = the_match(text, as_written)
    assert (m.kind, m.value, m.low, m.high, m.qualifier) == (NumberKind.COUNT, value, low, high, qualifier)
    assert text[m.start : m.end] == m.as_written


# (text, as_written, kind) — numbers that are not counts of people
NON_COUNTS = [
    ("a 64-year-old man was shot", "64-year-old", NumberKind.AGE),
    ("a five-year-old boy", "five-year-old", NumberKind.AGE),
    ("twin 2\u2011year\u2011old girls", "2\u2011year\u2011old", NumberKind.AGE),
    ("a man aged 64 died", "aged 64", NumberKind.AGE),
    ("she was 64 years old", "64 years old", NumberKind.AGE),
    ("John Smith, 34, was shot", "34", NumberKind.AGE),
    ("police named Smith, 34, as the driver", "34", NumberKind.AGE),
    ("his wife, 30, survived", "30", NumberKind.AGE),
    ("Dana Ruiz (19) was hurt", "19", NumberKind.AGE),
    ("a man in his 40s", "40s", NumberKind.AGE),
    ("victims aged between 18 and 25", "aged between 18 and 25", NumberKind.AGE),
    ("the victims were Ann Lee and Bo Ray — 16 and 20, respectively", "16", NumberKind.AGE),
    ("the victims were Ann Lee and Bo Ray — 16 and 20, respectively", "20", NumberKind.AGE),
    ("the 2016 attack", "2016", NumberKind.YEAR),
    ("in 2016 the town", "2016", NumberKind.YEAR),
    ("the 1989-90 offensive", "1989-90", NumberKind.YEAR),
    ("since the 1990s", "1990s", NumberKind.YEAR),
    ("the \u201990s", "\u201990s", NumberKind.YEAR),
    ("on January 3 the troops", "January 3", NumberKind.DATE),
    ("Tuesday, Jan. 16, at noon", "Jan. 16", NumberKind.DATE),
    ("on 3 January the troops", "3 January", NumberKind.DATE),
    ("Havana, 16/20/2016.", "16/20/2016", NumberKind.DATE),
    ("posted 2026-01-16 by", "2026-01-16", NumberKind.DATE),
    ("SAN SALVADOR, 10 JAN 90 -- [TEXT]", "10 JAN 90", NumberKind.DATE),
    ("on January 16, 2026 in", "January 16, 2026", NumberKind.DATE),
    ("the 3 a.m. shooting", "3 a.m.", NumberKind.TIME),
    ("at 3:30 p.m. Friday", "3:30 p.m.", NumberKind.TIME),
    ("at 10pm on", "10pm", NumberKind.TIME),
    ("at 0300 hours the", "0300 hours", NumberKind.TIME),
    ("a $5 fine", "$5", NumberKind.MONEY),
    ("$1.2 million in aid", "$1.2 million", NumberKind.MONEY),
    ("5 dollars each", "5 dollars", NumberKind.MONEY),
    ("\u00a35 a day", "\u00a35", NumberKind.MONEY),
    ("paid 5 pesos", "5 pesos", NumberKind.MONEY),
    ("thousands of dollars in damage", "thousands of dollars", NumberKind.MONEY),
    ("up 5% on the year", "5%", NumberKind.PERCENT),
    ("up 5 percent", "5 percent", NumberKind.PERCENT),
    ("three days of national mourning", "three days", NumberKind.DURATION),
    ("3 hours later", "3 hours", NumberKind.DURATION),
    ("two weeks ago", "two weeks", NumberKind.DURATION),
    ("sentenced to 2 years in prison", "2 years", NumberKind.DURATION),
    ("a 24-hour curfew", "24-hour", NumberKind.DURATION),
    ("for over 2 days", "over 2 days", NumberKind.DURATION),
    ("the 3rd victim", "3rd", NumberKind.ORDINAL),
    ("the first attack", "first", NumberKind.ORDINAL),
    ("a second attack", "second", NumberKind.ORDINAL),
    ("the twenty-first day", "twenty-first", NumberKind.ORDINAL),
    ("5 miles away", "5 miles", NumberKind.MEASURE),
    ("a 9mm handgun", "9mm", NumberKind.MEASURE),
    ("a .40-caliber pistol", ".40-caliber", NumberKind.MEASURE),
    ("fell 20 feet", "20 feet", NumberKind.MEASURE),
    ("an AK-47 rifle", "AK-47", NumberKind.MEASURE),
    ("a Glock 19 pistol", "Glock 19", NumberKind.MEASURE),
    ("a 2.5 rating", "2.5", NumberKind.MEASURE),
    ("No. 5 bus", "No. 5", NumberKind.IDENTIFIER),
    ("on Route 66", "Route 66", NumberKind.IDENTIFIER),
    ("in the 3100 block of Elm", "3100 block", NumberKind.IDENTIFIER),
    ("at 123 Main St yesterday", "123 Main St", NumberKind.IDENTIFIER),
    ("on Highway 10 near", "Highway 10", NumberKind.IDENTIFIER),
    ("call (555) 123-4567 now", "(555) 123-4567", NumberKind.IDENTIFIER),
    ("Flight 370 vanished", "Flight 370", NumberKind.IDENTIFIER),
    ("on I-95 north", "I-95", NumberKind.IDENTIFIER),
    ("a U-2 plane", "U-2", NumberKind.IDENTIFIER),
    ("KABC Channel 7 said", "Channel 7", NumberKind.IDENTIFIER),
    ("call 305-471-TIPS now", "305-471-TIPS", NumberKind.IDENTIFIER),
    ("Photo: Image 3 of 12", "Image 3", NumberKind.IDENTIFIER),
    ("zip codes 21212 21213", "21212", NumberKind.IDENTIFIER),
    ("shot by the gunman.[10] He fled", "10", NumberKind.IDENTIFIER),
    ("  2.  Close the border", "2", NumberKind.IDENTIFIER),
    ("the boys, ages 15 and 17, were", "17", NumberKind.AGE),
    ("in his late 20\u2019s", "20\u2019s", NumberKind.AGE),
    ("Dan Moe, 24 was shot in the arm", "24", NumberKind.AGE),
    ("Injured: Dana Lee Ruiz, 50 (shot in a car)", "50", NumberKind.AGE),
    ("a 26- and 31-year-old were hurt", "26- and 31-year-old", NumberKind.AGE),
    ("Two girls, 9 and 14, were hurt", "9", NumberKind.AGE),
    ("Two girls, 9 and 14, were hurt", "14", NumberKind.AGE),
    ("police told 12 News on Friday", "12 News", NumberKind.IDENTIFIER),
    ("FOX 8 reported two deaths", "FOX 8", NumberKind.IDENTIFIER),
    ("a reporter for WXYZ-TV 7 said", "WXYZ-TV 7", NumberKind.IDENTIFIER),
    ("Date: 09-17-2016 01:01", "09-17-2016", NumberKind.DATE),
    ("LIMA, 28 OCT 89 (EFE) -- [TEXT]", "28 OCT 89", NumberKind.DATE),
    ("THE ATTACK BEGAN AT 2300.", "2300", NumberKind.TIME),
    ("A 25-PERCENT LOSS", "25-PERCENT", NumberKind.PERCENT),
    ("three-fourths of the people", "three-fourths", NumberKind.MEASURE),
]


@pytest.mark.parametrize(("text", "as_written", "kind"), NON_COUNTS)
def test_non_counts(text, as_written, kind):
    assert the_match(text, as_written).kind == kind


def test_non_count_values_are_read():
    assert the_match("a 64-year-old man", "64-year-old").value == 64
    assert the_match("the 2016 attack", "2016").value == 2016
    assert the_match("on January 3", "January 3").value is None


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("as many as 10 were taken", "many"),  # the qualifier, not a vague count
        ("how many died is unknown", "many"),
        ("someone often said none", "one"),
        ("3 may have died", "3 may"),  # "may" is a verb here, not a month
    ],
)
def test_not_numbers(text, absent):
    assert absent not in [m.as_written for m in find_counts(text)]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("the toll rose from 23 to 83 on Friday", [23, 83]),  # a revision, not a range
        ("they won 3-2", [3, 2]),  # a score
        ("10 or 15 were hurt", [10, 15]),
        ("3 and 4 were hurt", [3, 4]),  # "and" joins a range only after "between"
    ],
)
def test_two_numbers_that_are_not_a_range(text, values):
    found = find_counts(text)
    assert [(m.value, m.qualifier) for m in found] == [(v, E) for v in values]


def test_spans_index_the_input_and_do_not_overlap():
    text = (
        "\u201cNearly\u00a050 soldiers\u201d \u2014 more than 112 injured; John\u2019s son, 34, said at "
        "3:30\u00a0p.m. on Jan.\u00a016 that some 1,200 fled, 2 years after the 2016 attack, $5 million, "
        "THIRTY-TWO PEOPLE, between ten and fifteen, dozens of others."
    )
    found = find_counts(text)
    assert len(found) >= 10
    for m in found:
        assert text[m.start : m.end] == m.as_written
        assert m.start <= m.number_start < m.number_end <= m.end
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("thirty-two", 32), ("Thirty-Two", 32), ("one hundred and twelve", 112), ("a hundred", 100),
        ("two dozen", 24), ("a dozen", 12), ("twenty one", 21), ("nineteen hundred", 1900),
        ("one million two hundred thousand", 1200000), ("half a dozen", 6), ("zero", 0),
        ("one two", None), ("twenty twenty", None), ("a", None), ("hundred and", None),
        ("a million thousand", None), ("several", None), ("", None),
    ],
)
def test_words_to_int(words, value):
    assert words_to_int(words) == value


@pytest.mark.parametrize(
    ("phrase", "low", "high", "qualifier", "kind"),
    [
        ("More than 112", 113, None, MT, NumberKind.COUNT),
        ("  nearly 50 ", 45, 49, NE, NumberKind.COUNT),
        ("dozens", 24, None, VA, NumberKind.COUNT),
        ("Nine", 9, 9, E, NumberKind.COUNT),
        ("64-year-old", 64, 64, E, NumberKind.AGE),
    ],
)
def test_parse_count(phrase, low, high, qualifier, kind):
    m = parse_count(phrase)
    assert m is not None and (m.low, m.high, m.qualifier, m.kind) == (low, high, qualifier, kind)
    assert phrase[m.start : m.end] == m.as_written


@pytest.mark.parametrize("phrase", ["83 people", "the 2016 attack", "killed", "", "10 and 15"])
def test_parse_count_needs_one_whole_expression(phrase):
    assert parse_count(phrase) is None


@pytest.mark.devdata
def test_seed_article_figures():
    """The figures an analyst reads off the founding article are read with the right bounds, and its
    non-casualty numbers that are not counts get their kinds."""
    if not (SEED / "article.txt").exists():
        pytest.skip("development data absent")
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    expected = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    found = find_counts(text)
    for claim in expected["claims"]:
        if claim.get("value") is None and "low" not in claim and "high" not in claim:
            continue
        at = text.find(claim["evidence_contains"])
        hits = [m for m in found if at <= m.number_start < at + len(claim["evidence_contains"])]
        if claim.get("value") == 2 and claim.get("outcome") == "abducted":
            continue  # named victims: counted by the extractor, not the count grammar
        assert hits, claim["evidence_contains"]
        for field in ("value", "low", "high", "qualifier"):
            if field in claim:
                assert getattr(hits[0], field) == claim[field], (claim["evidence_contains"], field)
    kinds = {m.as_written: m.kind for m in found}
    assert kinds["seven days"] == NumberKind.DURATION
    assert kinds["64-year-old"] == NumberKind.AGE
    assert kinds["16/20/2016"] == NumberKind.DATE


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("seven or eight were hurt", 7, 8), ("one or two were hurt", 1, 2), ("10 or 12 died", 10, 12)],
)
def test_a_guess_between_neighbours_is_a_range(text, low, high):
    [match] = find_counts(text)
    assert (match.qualifier, match.low, match.high) == (Qualifier.BETWEEN, low, high)


def test_two_far_apart_figures_joined_by_or_stay_two():
    assert [m.value for m in find_counts("2 or 20 were hurt")] == [2, 20]


@pytest.mark.parametrize(
    "text",
    ["they are killing one another", "Photo 1 / 44 Back to gallery", "Image 6 of 12 Police at the scene"],
)
def test_reciprocals_and_gallery_indexes_count_nobody(text):
    assert [m for m in find_counts(text) if m.kind == NumberKind.COUNT] == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("he was taken to Mercy One where he died", NumberKind.IDENTIFIER),  # a hospital's name
        ("Gunman Kills One in Park Shooting", NumberKind.COUNT),  # a title-case headline
        ("posted in Dayton One person was killed", NumberKind.COUNT),  # glued sentences
        ("police said One was killed", NumberKind.COUNT),
    ],
)
def test_a_number_word_closing_a_name(text, kind):
    [match] = [m for m in find_counts(text) if m.as_written.endswith(("One", "one"))]
    assert match.kind == kind
