"""The findings stage: each rule fires where it must and stays quiet on the near misses."""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tollbook import check
from tollbook.check import RULES, CheckContext, run_checks
from tollbook.model import (
    Category,
    Claim,
    Count,
    Document,
    Extraction,
    Gender,
    Group,
    Outcome,
    Person,
    Published,
    Qualifier,
    Segment,
    SegmentKind,
    Severity,
    Source,
    Span,
    Status,
    Title,
)

# ---------------------------------------------------------------- fixtures built from text

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}


def parse_figure(figure: str) -> tuple[Qualifier, int | None, int | None, int | None]:
    """A tiny stand-in for the count grammar: enough for the figures these tests write."""
    lowered = figure.lower()
    number = re.search(r"\d+", lowered)
    n = int(number.group()) if number else WORD_NUMBERS.get(lowered.split()[-1])
    if n is None and (lowered in ("she", "he") or lowered.startswith(("a ", "an ", "the "))):
        return Qualifier.EXACT, 1, 1, 1  # a victim counted one by one
    if n is None:
        if lowered == "dozens":
            return Qualifier.VAGUE, None, 24, None
        raise ValueError(figure)
    if lowered.startswith(("nearly", "almost")):
        return Qualifier.NEARLY, None, int(0.9 * n), n - 1
    if lowered.startswith("more than"):
        return Qualifier.MORE_THAN, None, n + 1, None
    if lowered.startswith("at least"):
        return Qualifier.AT_LEAST, None, n, None
    return Qualifier.EXACT, n, n, n


@dataclass
class C:
    """A claim to place in a text: `figure` is found inside the `at`-th occurrence of `near`."""

    figure: str
    outcome: Outcome = Outcome.KILLED
    near: str | None = None
    at: int = 0
    id: str | None = None
    noun: str | None = None
    nationality: str | None = None
    category: Category = Category.UNKNOWN
    gender: Gender | None = None
    is_total: bool = False
    source: str | None = None
    event: str | None = "attack"
    part_of: str | None = None
    supersedes: str | None = None
    status: Status = Status.CURRENT
    from_headline: bool = False
    outcome_inferred: bool = False
    repeats: list[str] = field(default_factory=list)  # further places the same figure is stated


def find(text: str, needle: str, at: int = 0) -> int:
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    assert len(starts) > at, f"{needle!r} occurs {len(starts)} times in the fixture text"
    return starts[at]


def sentence_around(text: str, start: int, end: int) -> Span:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(".", end), text.find("\n", end)) if i != -1]
    right = min(stops) + 1 if stops else len(text)
    while text[left].isspace():
        left += 1
    return Span(start=left, end=right)


def build_claim(text: str, spec: C, number: int) -> Claim:
    near_start = find(text, spec.near or spec.figure, spec.at)
    start = find(text[near_start:], spec.figure) + near_start
    end = start + len(spec.figure)
    qualifier, value, low, high = parse_figure(spec.figure)
    source = None
    if spec.source:
        source_start = find(text, spec.source)
        source = Source(name=spec.source, span=Span(start=source_start, end=source_start + len(spec.source)))
    mentions = []
    for repeat in spec.repeats:
        repeat_start = find(text, repeat)
        mentions.append(Span(start=repeat_start, end=repeat_start + len(repeat)))
    return Claim(
        id=spec.id or f"c{number}",
        outcome=spec.outcome,
        count=Count(
            as_written=spec.figure, start=start, end=end, value=value, low=low, high=high, qualifier=qualifier
        ),
        group=Group(
            noun=spec.noun,
            category=spec.category,
            nationality=spec.nationality,
            gender=spec.gender,
            is_total=spec.is_total,
        ),
        source=source,
        evidence=sentence_around(text, start, end),
        event=spec.event,
        part_of=spec.part_of,
        supersedes=spec.supersedes,
        status=spec.status,
        from_headline=spec.from_headline,
        outcome_inferred=spec.outcome_inferred,
        mentions=mentions,
    )


def make(
    text: str,
    *claims: C,
    segments: list[tuple[SegmentKind, str, str | None]] = (),
    glued: list[str] = (),
    people: list[Person] = (),
    published: str | None = None,
) -> Extraction:
    """An Extraction whose every span is computed from `text`."""
    built_segments = []
    for kind, snippet, label in segments:
        start = find(text, snippet)
        built_segments.append(Segment(kind=kind, start=start, end=start + len(snippet), label=label))
    # a glue point is written "Left|Right": the offset is where the bar stands, the bar is removed
    glued_at = [find(text, point.replace("|", "")) + point.index("|") for point in glued]
    document = Document(
        id="doc", text=text, segments=built_segments, glued_at=glued_at, published=Published(date=published)
    )
    return Extraction(
        document=document,
        claims=[build_claim(text, spec, n) for n, spec in enumerate(claims)],
        people=list(people),
    )


def title(text: str, written: str, at: int = 0) -> Title:
    start = find(text, written, at)
    return Title(text=written, span=Span(start=start, end=start + len(written)))


def run(name: str, extraction: Extraction, dates: list[Any] = ()) -> list:
    return RULES[name](CheckContext(extraction=extraction, dates=list(dates)))


def spanned(extraction: Extraction, finding) -> list[str]:
    return [extraction.document.text[s.start : s.end] for s in finding.spans]


# ---------------------------------------------------------------- registry


def test_registry_lists_every_rule_once_under_its_finding_kind():
    assert set(RULES) >= {
        "parts_vs_total",
        "headline_body",
        "revision",
        "conflicting_figures",
        "conflicting_title",
        "invalid_date",
        "anachronism",
        "scrape_residue",
        "duplicate_caption",
        "missing_outcome",
        "unattributed_figure",
    }


# ---------------------------------------------------------------- parts_vs_total

BREAKDOWN = (
    "The ministry said 60 people died in the raid. Among them were 25 Ruritanian soldiers, "
    "six of them women, and 30 Freedonian soldiers. Later 25 Ruritanian soldiers were buried."
)
TOTAL = C("60", id="total", noun="people", is_total=True, source="The ministry")
RURITANIANS = C("25", id="ru", noun="soldiers", nationality="XR", category=Category.MILITARY, part_of="total")
FREEDONIANS = C("30", id="fr", noun="soldiers", nationality="XF", category=Category.MILITARY, part_of="total")
WOMEN = C("six", id="women", noun="soldiers", nationality="XR", gender=Gender.FEMALE, part_of="ru")


def test_parts_leaving_a_remainder_give_info_with_the_sum_and_the_gap():
    extraction = make(BREAKDOWN, TOTAL, RURITANIANS, FREEDONIANS, WOMEN)
    [finding] = run("parts_vs_total", extraction)
    assert finding.severity == Severity.INFO
    assert "25" in finding.message and "30" in finding.message
    assert "= 55 of 60" in finding.message and "5 not accounted for" in finding.message
    assert sorted(spanned(extraction, finding)) == ["25", "30", "60"]  # the nested six is not a part
    assert set(finding.claims) == {"total", "ru", "fr"}


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # "eight other people": the two children come beside the eight, not among them
        ("Two children and eight other people (three soldiers and five guards) were wounded.", []),
        # near miss: without "other" the children are a part, and the parts exceed the total
        ("Eight people were wounded, two children, three soldiers and five guards.", ["kids"]),
    ],
)
def test_figures_told_before_n_other_people_are_not_their_parts(text, parts):
    total = "eight" if "eight other" in text else "Eight"
    extraction = make(
        text,
        C(total, id="t", noun="people", outcome=Outcome.INJURED),
        C("Two" if text.startswith("Two") else "two", id="kids", noun="children",
          outcome=Outcome.INJURED, part_of="t"),
        C("three", id="s", noun="soldiers", outcome=Outcome.INJURED, part_of="t"),
        C("five", id="g", noun="guards", outcome=Outcome.INJURED, part_of="t"),
    )
    findings = run("parts_vs_total", extraction)
    errors = [f for f in findings if f.severity == Severity.ERROR]
    assert bool(errors) == bool(parts)
    if not parts:
        assert [f.severity for f in findings] == [Severity.OK]


def test_nested_breakdown_is_checked_against_its_own_total():
    text = "Of 60 dead, 25 were soldiers, including nine women and 16 men, and 30 were police."
    extraction = make(
        text,
        C("60", id="total", is_total=True),
        C("25", id="soldiers", noun="soldiers", part_of="total"),
        C("nine", id="women", noun="soldiers", gender=Gender.FEMALE, part_of="soldiers"),
        C("16", id="men", noun="soldiers", gender=Gender.MALE, part_of="soldiers"),
        C("30", id="police", noun="police", part_of="total"),
    )
    findings = run("parts_vs_total", extraction)
    assert [(f.claims[0], f.severity) for f in findings] == [
        ("total", Severity.INFO),
        ("soldiers", Severity.OK),
    ]


@pytest.mark.parametrize(
    ("text", "total", "parts", "severity", "words"),
    [
        ("Of 60 dead, 40 were police and 30 were guards.", "60", ["40", "30"], Severity.ERROR, "at least 70"),
        ("Of 60 dead, 30 were police and 30 were guards.", "60", ["30", "30"], Severity.OK, "whole total"),
        (
            "Of more than 50 dead, 20 were police and 20 were guards.",
            "more than 50",
            ["20", "20"],
            Severity.INFO,
            "at least 11 not accounted for",
        ),
        (
            "Of 50 dead, at least 30 were police and 30 were guards.",
            "50",
            ["at least 30", "30"],
            Severity.ERROR,
            "at least 60",
        ),
        (
            "Of 20 dead, nearly 10 were police and nine were guards.",
            "20",
            ["nearly 10", "nine"],
            Severity.INFO,
            "= 18 of 20 people killed; 2 not accounted for",
        ),
        ("Of 20 dead, 30 were police.", "20", ["30"], Severity.ERROR, "at least 30"),
    ],
)
def test_parts_against_total_table(text, total, parts, severity, words):
    nouns = ["police", "guards"]
    extraction = make(
        text,
        C(total, id="t", is_total=True),
        *[
            C(figure, near=f"{figure} were {noun}", part_of="t", noun=noun)
            for figure, noun in zip(parts, nouns[: len(parts)], strict=True)
        ],
    )
    [finding] = run("parts_vs_total", extraction)
    assert finding.severity == severity
    assert words in finding.message


@pytest.mark.parametrize(
    "extra",
    [
        # the same part stated again as a separate claim: corroboration, counted once
        C(
            "25",
            near="Later 25",
            noun="soldiers",
            nationality="XR",
            category=Category.MILITARY,
            part_of="total",
        ),
        # the repeat names fewer attributes of the group, but nothing contradicts it
        C("25", near="Later 25", noun="soldiers", part_of="total"),
        # a part that was revised away, a headline figure, a negated part: none of them adds up
        C(
            "25",
            near="Later 25",
            noun="soldiers",
            nationality="XD",
            part_of="total",
            status=Status.SUPERSEDED,
        ),
        C("25", near="Later 25", noun="soldiers", nationality="XD", part_of="total", from_headline=True),
        C("25", near="Later 25", noun="soldiers", nationality="XD", part_of="total", outcome=Outcome.INJURED),
    ],
)
def test_parts_that_must_not_be_added_again(extra):
    extraction = make(BREAKDOWN, TOTAL, RURITANIANS, FREEDONIANS, WOMEN, extra)
    [finding] = run("parts_vs_total", extraction)
    assert finding.severity == Severity.INFO and "= 55 of 60" in finding.message


def test_a_different_part_with_the_same_figure_is_added():
    extraction = make(
        BREAKDOWN,
        TOTAL,
        RURITANIANS,
        FREEDONIANS,
        C("25", near="Later 25", noun="soldiers", nationality="XD", part_of="total"),
    )
    [finding] = run("parts_vs_total", extraction)
    assert finding.severity == Severity.ERROR and "at least 80" in finding.message


@pytest.mark.parametrize(
    "claims",
    [
        [TOTAL],  # no breakdown at all
        [TOTAL, C("dozens", near="Among", noun="soldiers", part_of="total")],  # open upper bound
        [C("60", id="total", is_total=True, status=Status.SUPERSEDED), RURITANIANS],  # total revised away
    ],
)
def test_no_parts_finding(claims):
    text = BREAKDOWN.replace("Among them were", "Among them were dozens,")
    assert run("parts_vs_total", make(text, *claims)) == []


# ---------------------------------------------------------------- headline_body

HEADLINE_TEXT = (
    "Nearly 40 Ruritanian Soldiers Killed in Border Raid\n"
    "The army said 83 people were killed. It said 36 Ruritanian soldiers died, four of them women. "
    "An earlier report said 22 soldiers died. Another 40 people were hurt and 30 were held."
)
HEAD = C(
    "Nearly 40", id="head", noun="Soldiers", nationality="XR", category=Category.MILITARY, from_headline=True
)
BODY_TOTAL = C("83", id="total", noun="people", is_total=True, source="The army")
BODY_SOLDIERS = C(
    "36",
    id="ru",
    noun="soldiers",
    nationality="XR",
    category=Category.MILITARY,
    part_of="total",
    source="The army",
)
BODY_WOMEN = C("four", id="women", noun="soldiers", nationality="XR", gender=Gender.FEMALE, part_of="ru")


def test_headline_bound_met_by_a_body_figure_is_ok():
    extraction = make(HEADLINE_TEXT, HEAD, BODY_TOTAL, BODY_SOLDIERS, BODY_WOMEN)
    [finding] = run("headline_body", extraction)
    assert finding.severity == Severity.OK
    assert "36" in finding.message and "83" not in finding.message and "four" not in finding.message
    assert spanned(extraction, finding) == ["Nearly 40", "36"]


@pytest.mark.parametrize(
    ("headline", "body", "severity", "words"),
    [
        # exact against exact
        (
            C("40", near="Nearly 40", noun="soldiers", from_headline=True),
            [C("40", near="Another 40", noun="soldiers")],
            Severity.OK,
            "agrees with 40",
        ),
        (
            C("30", near="said 36", noun="soldiers", from_headline=True),
            [C("36", noun="soldiers")],
            Severity.WARNING,
            "not met by the body, which gives 36",
        ),
        # a body figure below the headline's may be a part it singles out ("one is critical")
        (
            C("40", near="Nearly 40", noun="soldiers", from_headline=True),
            [C("30", noun="soldiers")],
            Severity.INFO,
            "may give its parts",
        ),
        # a bound against an exact figure outside it
        (
            C("Nearly 40", noun="soldiers", from_headline=True),
            [C("83", noun="soldiers")],
            Severity.WARNING,
            "gives 83",
        ),
        # the headline repeats a figure the body says was revised
        (
            C("22", near="said 22", noun="soldiers", from_headline=True),
            [C("22", noun="soldiers", status=Status.SUPERSEDED), C("36", noun="soldiers")],
            Severity.WARNING,
            "superseded figure 22",
        ),
        # the body revised its figure away and gave no comparable later one: nothing contradicts
        (
            C("22", near="said 22", noun="soldiers", from_headline=True),
            [C("22", noun="soldiers", status=Status.SUPERSEDED)],
            Severity.INFO,
            "earlier figure 22",
        ),
        # only figures about other outcomes, groups or nationalities: nothing to compare with
        (
            HEAD,
            [C("40", near="Another 40", outcome=Outcome.INJURED, noun="soldiers", nationality="XR")],
            Severity.INFO,
            "no figure",
        ),
        (HEAD, [C("83", noun="people", is_total=True)], Severity.INFO, "no figure"),
        # a headline need not say its figure is the whole toll
        (
            C("40", near="Nearly 40", from_headline=True),
            [C("83", noun="people", is_total=True), C("36")],
            Severity.WARNING,
            "gives 83 and 36",
        ),
        (HEAD, [C("36", noun="soldiers", nationality="XF")], Severity.INFO, "no figure"),
        (HEAD, [BODY_WOMEN], Severity.INFO, "no figure"),
    ],
)
def test_headline_against_body_table(headline, body, severity, words):
    [finding] = run("headline_body", make(HEADLINE_TEXT, headline, *body))
    assert finding.severity == severity
    assert words in finding.message
    assert finding.claims[0] == (headline.id or "c0")


def test_no_headline_claim_no_headline_finding():
    assert run("headline_body", make(HEADLINE_TEXT, BODY_TOTAL, BODY_SOLDIERS)) == []


# ---------------------------------------------------------------- revision


@pytest.mark.parametrize(
    ("text", "old", "new", "words"),
    [
        ("The governor first said 12 died, then raised the toll to 30.", "12", "30", "up from 12 to 30"),
        ("The governor first said 30 died, then lowered the toll to 12.", "30", "12", "down from 30 to 12"),
    ],
)
def test_revision_names_who_revised_and_both_values(text, old, new, words):
    extraction = make(
        text,
        C(old, id="old", status=Status.SUPERSEDED, source="The governor"),
        C(new, id="new", supersedes="old", source="The governor"),
    )
    [finding] = run("revision", extraction)
    assert finding.severity == Severity.INFO
    assert "The governor" in finding.message and words in finding.message
    assert spanned(extraction, finding) == [old, new] and finding.claims == ["old", "new"]


def test_revision_by_the_outlet_itself_and_dangling_links():
    text = "An initial count of 12 dead was later put at 30."
    revised = make(text, C("12", id="old", status=Status.SUPERSEDED), C("30", supersedes="old"))
    assert "The outlet revised" in run("revision", revised)[0].message
    dangling = make(text, C("12"), C("30", supersedes="missing-id"))
    assert run("revision", dangling) == []


# ---------------------------------------------------------------- conflicting_figures

RIVALS = (
    "Police said 12 people were killed. The hospital said 20 people were killed. "
    "A medic said 32 soldiers died, and the army said 32 soldiers died. At least 5 guards died, "
    "a witness said; the mayor said 7 guards died. Police later said 15 people were killed."
)


@pytest.mark.parametrize(
    "claims",
    [
        [C("12", source="Police", noun="people"), C("20", source="The hospital", noun="people")],
        # one source twice, with no revision link between the figures
        [C("12", source="Police", noun="people"), C("15", source="Police", noun="people")],
    ],
)
def test_conflicting_figures_fire(claims):
    extraction = make(RIVALS, *claims)
    [finding] = run("conflicting_figures", extraction)
    assert finding.severity == Severity.WARNING
    assert all(c.figure in finding.message for c in claims)
    assert spanned(extraction, finding) == [c.figure for c in claims]


def test_three_rival_figures_give_one_finding():
    extraction = make(
        RIVALS,
        C("12", source="Police", noun="people"),
        C("20", source="The hospital", noun="people"),
        C("15", source="Police", noun="people"),
    )
    [finding] = run("conflicting_figures", extraction)
    assert len(finding.claims) == 3


@pytest.mark.parametrize(
    "claims",
    [
        # corroboration: the same figure as mentions of one claim, or as separate equal claims
        [C("32", source="A medic", noun="soldiers", repeats=["32 soldiers"])],
        [
            C("32", source="A medic", noun="soldiers"),
            C("32", near="army said 32", noun="soldiers", source="the army"),
        ],
        # overlapping bounds do not conflict
        [C("At least 5", noun="guards"), C("7", noun="guards")],
        # different event, outcome, group
        [C("12", noun="people"), C("20", noun="people", event="other")],
        [C("12", noun="people"), C("20", noun="people", outcome=Outcome.INJURED)],
        [C("12", noun="people"), C("20", noun="soldiers", near="20 people")],
        [C("12", noun="people", nationality="XF"), C("20", noun="people", nationality="XD")],
        # a part against its total, a subgroup against its group
        [C("20", id="t", noun="people"), C("12", noun="people", part_of="t")],
        [C("20", noun="people"), C("12", noun="people", gender=Gender.FEMALE)],
        # revised, headline, negated are not current rival figures
        [C("12", id="old", noun="people", status=Status.SUPERSEDED), C("20", noun="people")],
        [C("12", noun="people", from_headline=True), C("20", noun="people")],
    ],
)
def test_no_conflict(claims):
    assert run("conflicting_figures", make(RIVALS, *claims)) == []


# Figures that are not rival totals for the event: a statistic, a share, a breakdown, an earlier word.
NOT_RIVALS = (
    "Gunmen killed 6 people at a market on Friday. Police said 31 people have been killed in the "
    "county so far this year. Last summer, 2 people were killed at the same market. Officers said "
    "one of the people killed was a guard. Police had initially said 4 people were killed. "
    "Four people were wounded. Three of them are in stable condition and one is critical. "
    "Two people were taken by ambulance and two people went by private car. "
    "There could have been 20 people killed, the mayor said. In March 2019, 9 people were killed "
    "nearby. Three separate shootings killed 11 people across the region. The guard was one of two "
    "people hurt. The army said 8 people were killed in various clashes."
)


@pytest.mark.parametrize(
    "rival",
    [
        C("31", noun="people"),  # a period statistic
        C("2", noun="people", near="Last summer"),  # another time
        C("one", noun="people", near="said one of"),  # a partitive share
        C("one", noun="people", near="was one of two"),  # a share of a number
        C("4", noun="people", near="initially"),  # an earlier figure the sentence marks
        C("20", noun="people"),  # a hypothesis
        C("9", noun="people"),  # a dated earlier event
        C("11", noun="people"),  # several incidents at once
        C("8", noun="people"),  # "in various clashes"
    ],
)
def test_figures_about_something_else_do_not_conflict(rival):
    extraction = make(NOT_RIVALS, C("6", noun="people"), rival)
    assert run("conflicting_figures", extraction) == []


@pytest.mark.parametrize(
    "parts",
    [
        [C("Three", noun="people", outcome=Outcome.INJURED, near="Three of them")],  # by condition
        [C("Two", noun="people", outcome=Outcome.INJURED, near="Two people were taken")],  # by transport
        # shares that add up to the total: 4 = 2 + 2
        [C("two", noun="people", outcome=Outcome.INJURED, near="and two people"),
         C("Two", noun="people", outcome=Outcome.INJURED, near="Two people were taken")],
    ],
)
def test_a_breakdown_of_the_wounded_does_not_conflict_with_their_total(parts):
    extraction = make(NOT_RIVALS, C("Four", noun="people", outcome=Outcome.INJURED), *parts)
    assert run("conflicting_figures", extraction) == []


def test_a_rival_total_still_conflicts_beside_a_statistic():
    text = NOT_RIVALS + " A witness said 9 people were killed at the market."
    extraction = make(text, C("6", noun="people"), C("31", noun="people"),
                      C("9", noun="people", near="witness said 9"))
    [finding] = run("conflicting_figures", extraction)
    assert spanned(extraction, finding) == ["6", "9"]


def test_towns_tell_figures_apart_even_in_one_province():
    text = ("The army said 9 soldiers were killed in Soyapango, San Salvador Department. "
            "The rebels said 3 soldiers were killed in Apopa, San Salvador Department.")
    extraction = make(text, C("9", source="The army", noun="soldiers"),
                      C("3", source="The rebels", noun="soldiers"))
    assert run("conflicting_figures", extraction) == []


# A round-up of several clashes that the event stage kept as one event.
ROUND_UP = (
    "The army said 9 soldiers were killed in Soyapango on 28 March. "
    "The rebels said 3 soldiers were killed in Zacatecoluca on 28 March. "
    "A guard said 4 soldiers were killed in Soyapango on 27 March. "
    "A colonel said 5 soldiers were killed in Soyapango on 28 March."
)


@pytest.mark.parametrize(
    ("second", "conflict"),
    [
        ("3", False),  # another town: another clash
        ("4", False),  # another day: another clash
        ("5", True),  # near miss: the same town and day, so two versions of one figure
    ],
)
def test_figures_set_in_other_towns_or_days_do_not_conflict(second, conflict):
    import datetime

    from tollbook.annotate.dates import find_dates

    sources = {"3": "The rebels", "4": "A guard", "5": "A colonel"}
    extraction = make(ROUND_UP, C("9", source="The army", noun="soldiers"),
                      C(second, source=sources[second], noun="soldiers"))
    dates = find_dates(ROUND_UP, datetime.date(1990, 4, 1))
    assert bool(run("conflicting_figures", extraction, dates)) == conflict


SIDES = (
    "THE REBELS SAID THEY INFLICTED 20 CASUALTIES ON THE NATIONAL GUARD.  THE ARMY SAID\n"
    "IT SUFFERED 9 CASUALTIES.  A COLONEL SAID THE REBELS SUFFERED 12 CASUALTIES.\n"
    "ALL IN ALL, OVER 2 DAYS THE REBELS CLAIM TO HAVE INFLICTED 31 CASUALTIES ON THE GUARD.  A MEDIC SAID\n"
    "THERE WERE 14 CASUALTIES ON THE NATIONAL GUARD."
)


@pytest.mark.parametrize(
    ("second", "conflict"),
    [
        ("12", False),  # casualties on another side ("the rebels suffered")
        ("31", False),  # a tally over two days, though the parser starts its sentence mid-way
        ("14", True),  # near miss: the same side, another figure
    ],
)
def test_figures_on_other_sides_or_periods_do_not_conflict(second, conflict):
    extraction = make(SIDES, C("20", source="THE REBELS", noun="casualties"),
                      C(second, source="A COLONEL", noun="casualties"))
    if second == "31":  # the parser starts this sentence mid-line, at "THE REBELS CLAIM"
        claim = extraction.claims[1]
        start = SIDES.index("THE REBELS CLAIM")
        moved = dataclasses.replace(claim, evidence=Span(start=start, end=claim.evidence.end))
        extraction = dataclasses.replace(extraction, claims=[extraction.claims[0], moved])
    assert bool(run("conflicting_figures", extraction)) == conflict


def test_live_updates_of_one_part_are_not_added_twice():
    text = ("1:10 p.m.: Police say three officers are injured. 12:50 p.m.: At least three officers are "
            "injured. Later the chief said four officers were wounded in all.")
    extraction = make(
        text,
        C("four", id="t", noun="officers", outcome=Outcome.INJURED),
        C("three", noun="officers", outcome=Outcome.INJURED, part_of="t"),
        C("At least three", noun="officers", outcome=Outcome.INJURED, part_of="t"),
    )
    assert [f.severity for f in run("parts_vs_total", extraction)] != [Severity.ERROR]


# ---------------------------------------------------------------- conflicting_title

# A stand-in for the gazetteer's country lookup, used only when tollbook.annotate.places is absent.
STAND_IN_COUNTRIES = {
    "Chile’s": "CL",
    "Chile": "CL",
    "Peru": "PE",
    "US": "US",
    "U.S.": "US",
    "United States": "US",
    "Chilean": "CL",
    "Peruvian": "PE",
}


@pytest.fixture
def countries(monkeypatch):
    # conflicting_title looks the name up in check.titles, so that is where it is replaced
    if check.titles.country_lookup() is None:
        monkeypatch.setattr(check.titles, "country_lookup", lambda: STAND_IN_COUNTRIES.get)
    return check.titles.country_lookup()


TITLES = (
    "US President Ana Soto flew in. Peruvian President Ana Soto spoke. Former US President Ana Soto "
    "waved. Interim President Ana Soto left. President of Peru Ana Soto returned. U.S. President "
    "Ana Soto sat. The Chilean Ana Soto, a Peruvian, smiled; the Chilean leader Soto nodded."
)


@pytest.mark.parametrize(
    ("titles", "expected"),
    [
        (["US President", "Peruvian President"], ["US President", "Peruvian President"]),
        (["U.S. President", "Peruvian President"], ["Peruvian President", "U.S. President"]),
        (["President of Peru", "US President"], ["US President", "President of Peru"]),
        # same office, same country, however written
        (["US President", "U.S. President"], []),
        (["Peruvian President", "President of Peru"], []),
        # different offices, or an office without a country
        (["Former US President", "Peruvian President"], []),
        (["Interim President", "Peruvian President"], []),
    ],
)
def test_conflicting_titles(countries, titles, expected):
    people = [Person(name="Ana Soto", titles=[title(TITLES, t) for t in titles])]
    extraction = make(TITLES, people=people)
    findings = run("conflicting_title", extraction)
    assert [spanned(extraction, f) for f in findings] == ([expected] if expected else [])
    if expected:
        assert findings[0].severity == Severity.WARNING and "Ana Soto" in findings[0].message


@pytest.mark.parametrize(
    ("nationalities", "fires"),
    [(["Chilean", "Peruvian"], True), (["Chilean", "Chilean"], False), (["Chilean"], False)],
)
def test_conflicting_nationalities(countries, nationalities, fires):
    written = [title(TITLES, n, at=nationalities[:i].count(n)) for i, n in enumerate(nationalities)]
    extraction = make(TITLES, people=[Person(name="Ana Soto", nationalities=written)])
    assert bool(run("conflicting_title", extraction)) == fires


@pytest.mark.parametrize(
    ("written", "codes", "office"),
    [
        ("US President", {"US"}, {"president"}),
        ("President of the United States", {"US"}, {"president"}),
        ("Chilean Defence Minister", {"CL"}, {"defence", "minister"}),
        ("Interim President", set(), {"interim", "president"}),
        ("Chile’s President", {"CL"}, {"president"}),
    ],
)
def test_read_title(countries, written, codes, office):
    assert check.read_title(written, countries) == (codes, frozenset(office))


def test_lower_case_us_is_never_a_country(countries):
    assert check.country_of("us", countries) is None


def test_no_title_finding_without_a_gazetteer(monkeypatch):
    monkeypatch.setattr(check.titles, "country_lookup", lambda: None)
    people = [
        Person(name="Ana Soto", titles=[title(TITLES, "US President"), title(TITLES, "Peruvian President")])
    ]
    assert run("conflicting_title", make(TITLES, people=people)) == []


# ---------------------------------------------------------------- dates


@dataclass(frozen=True, kw_only=True)
class StandInDate:
    start: int
    end: int
    as_written: str
    kind: str
    resolved: Any
    has_year: bool


def date_mention(text: str, as_written: str, kind: str, iso: str | None = None, has_year: bool = True):
    """A DateMention (the real one when tollbook.annotate.dates exists) found in `text`."""
    from tollbook.model import DateRange

    start = find(text, as_written)
    resolved = DateRange(start=iso, end=iso, as_written=as_written) if iso else None
    fields = dict(
        start=start, end=start + len(as_written), as_written=as_written, resolved=resolved, has_year=has_year
    )
    try:
        from tollbook.annotate.dates import DateKind, DateMention
    except ImportError:
        return StandInDate(kind=kind, **fields)
    return DateMention(kind=DateKind(kind), **fields)


DATED = (
    "The raid on 4 March 2024 followed talks on 2 March 2024. A photo dated 31/14/2019 shows the port. "
    "The port was shelled in June 2015. On Friday the toll rose. A caption says 2023-12-30."
)


def test_invalid_date_says_which_field_is_impossible():
    extraction = make(DATED)
    [finding] = run(
        "invalid_date",
        extraction,
        [
            date_mention(DATED, "4 March 2024", "absolute", "2024-03-04"),
            date_mention(DATED, "31/14/2019", "invalid"),
            date_mention(DATED, "On Friday", "relative", "2024-03-08", has_year=False),
        ],
    )
    assert finding.severity == Severity.WARNING
    assert spanned(extraction, finding) == ["31/14/2019"]
    assert "neither 31 nor 14 can be a month" in finding.message


@pytest.mark.parametrize(
    ("published", "mentions", "flagged"),
    [
        # against the publication date: more than two years away is flagged, either direction
        (
            "2024-03-09",
            [("June 2015", "absolute", "2015-06-01"), ("2023-12-30", "absolute", "2023-12-30")],
            ["June 2015"],
        ),
        ("2024-03-09", [("31/14/2019", "invalid", None)], ["31/14/2019"]),  # a broken date still names 2019
        ("2011-03-09", [("4 March 2024", "absolute", "2024-03-04")], ["4 March 2024"]),
        # no publication date: against the other dates of the report
        (
            None,
            [
                ("4 March 2024", "absolute", "2024-03-04"),
                ("2 March 2024", "absolute", "2024-03-02"),
                ("June 2015", "absolute", "2015-06-01"),
            ],
            ["June 2015"],
        ),
        (None, [("June 2015", "absolute", "2015-06-01")], []),  # nothing to compare with
        # a date that does not state its year was placed by the resolver, not by the writer
        ("2024-03-09", [("On Friday", "relative", "2019-03-08")], []),
    ],
)
def test_anachronism_table(published, mentions, flagged):
    extraction = make(DATED, published=published)
    dates = [date_mention(DATED, w, kind, iso, has_year=w != "On Friday") for w, kind, iso in mentions]
    findings = run("anachronism", extraction, dates)
    assert [spanned(extraction, f)[0] for f in findings] == flagged
    # info: measured on gvdb, far dates were old events and dates of birth, not mistakes
    assert all(f.severity == Severity.INFO for f in findings)


def test_anachronism_message_gives_the_gap():
    extraction = make(DATED, published="2024-03-09")
    [finding] = run("anachronism", extraction, [date_mention(DATED, "June 2015", "absolute", "2015-06-01")])
    assert "2015, 9 years before the report's publication (2024)" in finding.message


# ---------------------------------------------------------------- scrape residue and captions

SCRAPED = (
    "Harbor raid kills three\n"
    "Three dockers died in the raid on the Harbor City port.Related articles\n"
    "Officials at Harbor CityPort Authority said the toll may rise.\n"
    "Share this story\nPost a comment\n"
    "Dock workers carry the coffin of a docker killed in the raid on the Harbor City port on Monday "
    "(Lia Moss/Wire)\n"
    "Dock workers carrying the coffin of a docker killed in the raid on Harbor City port, March 4, 2024. "
    "(Wire Photo/Lia Moss)\n"
    "Firefighters spray water on a burning warehouse at the Harbor City port after the raid on Monday "
    "(Lia Moss/Wire)\n"
    "(Lia Moss/Wire)\n(Wire Photo/Lia Moss)\n"
)
CAPTION_ONE = "Dock workers carry the coffin of a docker killed in the raid on the Harbor City port on Monday"
CAPTION_TWO = (
    "Dock workers carrying the coffin of a docker killed in the raid on Harbor City port, March 4, 2024."
)
CAPTION_OTHER = (
    "Firefighters spray water on a burning warehouse at the Harbor City port after the raid on Monday"
)


def test_residue_segments_and_glued_words_are_reported_with_their_spans():
    extraction = make(
        SCRAPED,
        segments=[
            (SegmentKind.HEADLINE, "Harbor raid kills three", None),
            (SegmentKind.RESIDUE, "Related articles", "furniture"),
            (SegmentKind.RESIDUE, "Share this story", "furniture"),
            (SegmentKind.RESIDUE, "Post a comment", "comment_form"),
        ],
        glued=["port.|Related", "City|Port"],
    )
    furniture, glue = run("scrape_residue", extraction)
    assert spanned(extraction, furniture) == ["Related articles", "Share this story", "Post a comment"]
    assert "3 piece(s)" in furniture.message and "comment_form" in furniture.message
    assert spanned(extraction, glue) == ["port.Related", "CityPort"]
    assert {furniture.severity, glue.severity} == {Severity.INFO}


def test_clean_text_has_no_residue_finding():
    extraction = make(SCRAPED, segments=[(SegmentKind.BODY, "Three dockers died", None)])
    assert run("scrape_residue", extraction) == []


@pytest.mark.parametrize(
    ("captions", "duplicates"),
    [
        ([CAPTION_ONE, CAPTION_TWO], 1),
        ([CAPTION_ONE, CAPTION_TWO, CAPTION_OTHER], 1),  # another photo of the same scene is not a copy
        ([CAPTION_ONE, CAPTION_OTHER], 0),
        (["(Lia Moss/Wire)", "(Wire Photo/Lia Moss)"], 0),  # bare credits say too little to compare
    ],
)
def test_duplicate_captions(captions, duplicates):
    extraction = make(SCRAPED, segments=[(SegmentKind.CAPTION, c, None) for c in captions])
    findings = run("duplicate_caption", extraction)
    assert len(findings) == duplicates
    if duplicates:
        assert spanned(extraction, findings[0]) == [CAPTION_ONE, CAPTION_TWO]
        assert findings[0].severity == Severity.INFO


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (
            "Guards carry the U.S. envoy’s coffin at the airport in Lima",
            "Guards carry the US envoy's coffin at the airport in Lima on Monday",
            True,
        ),
        (
            "Guards carry the coffin at the airport in Lima",
            "Guards salute the flag at the airport in Lima",
            False,
        ),
    ],
)
def test_same_photo_normalises_spelling(a, b, same):
    assert check.same_photo(check.caption_words(a), check.caption_words(b)) == same


# ---------------------------------------------------------------- missing outcome, unattributed

PLAIN = (
    "Nine sailors were among 40 crew when the ship was hit. More than 15 people were hurt. "
    "The coastguard said 12 people died.\nShip hit: 40 crew dead"
)


def test_missing_outcome_flags_only_inferred_outcomes():
    extraction = make(
        PLAIN,
        C("40", noun="crew", outcome_inferred=True, source="The coastguard"),
        C("12", noun="people", source="The coastguard"),
    )
    [finding] = run("missing_outcome", extraction)
    assert spanned(extraction, finding) == ["40"]
    assert "inferred" in finding.message and "40" in finding.message


def test_unattributed_figure_flags_body_figures_without_a_source():
    extraction = make(
        PLAIN,
        C("More than 15", outcome=Outcome.INJURED, noun="people"),
        C("12", noun="people", source="The coastguard"),
        C("40", near="Ship hit: 40", noun="crew", from_headline=True),
    )
    [finding] = run("unattributed_figure", extraction)
    assert spanned(extraction, finding) == ["More than 15"]
    assert "≥ 16" in finding.message and "no source" in finding.message


# ---------------------------------------------------------------- the whole stage


def test_run_checks_runs_every_rule_and_keeps_spans_inside_the_text():
    extraction = make(
        BREAKDOWN + "\n" + PLAIN,
        TOTAL,
        RURITANIANS,
        FREEDONIANS,
        WOMEN,
        C("More than 15", outcome=Outcome.INJURED, noun="people"),
    )
    findings = run_checks(extraction, dates=[])
    kinds = [f.kind for f in findings]
    assert kinds == sorted(kinds, key=list(RULES).index)  # registry order
    assert {"parts_vs_total", "unattributed_figure"} <= set(kinds)
    size = len(extraction.document.text)
    assert all(0 <= s.start < s.end <= size for f in findings for s in f.spans)
    assert all(f.message.endswith(".") for f in findings)


def test_date_rules_read_the_real_date_grammar():
    dates_module = pytest.importorskip("tollbook.annotate.dates")
    extraction = make(DATED, published="2024-03-09")
    findings = run_checks(extraction, dates=dates_module.find_dates(DATED))
    flagged = {(f.kind, text) for f in findings for text in spanned(extraction, f)}
    assert ("invalid_date", "31/14/2019") in flagged
    assert {text for kind, text in flagged if kind == "anachronism"} == {"June 2015", "31/14/2019"}


# ---------------------------------------------------------------- the founding example (development data)

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "seed"
# Finding kinds an extraction built from expected.json's claims and debris alone can produce;
# titles and captions need the extractor and the cleaner.
SEED_KINDS = {
    "parts_vs_total",
    "revision",
    "headline_body",
    "invalid_date",
    "scrape_residue",
    "unattributed_figure",
    "anachronism",
}


def seed_claim(text: str, expected: dict, supersedes: dict[str, str]) -> Claim:
    start = text.index(expected["evidence_contains"])
    span = Span(start=start, end=start + len(expected["evidence_contains"]))
    value = expected.get("value")
    written = value if value is not None else expected.get("value_as_written")
    low = expected.get("low", value if value is not None else expected.get("low_at_most"))
    sources = expected.get("source_contains")
    group = expected.get("group", {})
    outcome = expected["outcome"][0] if isinstance(expected["outcome"], list) else expected["outcome"]
    return Claim(
        id=expected["id"],
        outcome=Outcome(outcome),
        count=None
        if written is None
        else Count(
            as_written=text[span.start : span.end],
            start=span.start,
            end=span.end,
            value=value,
            low=low,
            high=expected.get("high", value),
            qualifier=Qualifier(expected.get("qualifier", "exact")),
        ),
        group=Group(
            **{k: v for k, v in group.items() if k in {"noun", "nationality", "gender", "is_total"}},
            category=Category(group.get("category", "unknown")),
        ),
        source=Source(name=sources[0]) if sources else None,
        evidence=span,
        event=expected.get("event"),
        part_of=expected.get("part_of"),
        supersedes=supersedes.get(expected["id"]),
        status=Status(expected.get("status", "current")),
        from_headline=expected.get("from_headline", False),
    )


@pytest.mark.devdata
def test_seed_findings_from_a_correct_extraction():
    if not (SEED / "expected.json").exists():
        pytest.skip("development data ../shared/data is absent")
    dates_module = pytest.importorskip("tollbook.annotate.dates")
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    expected = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    supersedes = {c["superseded_by"][0]: c["id"] for c in expected["claims"] if c.get("superseded_by")}
    residue = [
        Segment(kind=SegmentKind.RESIDUE, start=text.index(d), end=text.index(d) + len(d))
        for d in expected["document"]["debris"]
    ]
    document = Document(
        id="seed",
        text=text,
        segments=residue,
        published=Published(date=expected["document"]["publication_date"]["earliest"]),
    )
    extraction = Extraction(
        document=document, claims=[seed_claim(text, c, supersedes) for c in expected["claims"]]
    )
    findings = run_checks(extraction, dates=dates_module.find_dates(text))
    for want in (f for f in expected["findings"] if f["kind"] in SEED_KINDS):
        targets = [
            (m.start(), m.end())
            for needle in want["span_contains_any"]
            for m in re.finditer(re.escape(needle), text)
        ]
        touching = [
            f
            for f in findings
            if f.kind == want["kind"]
            and want.get("severity", f.severity) == f.severity
            and any(s.start < end and start < s.end for s in f.spans for start, end in targets)
        ]
        assert touching, f"no {want['kind']} finding touching {want['span_contains_any']}"
    assert not [f for f in findings if f.kind == "conflicting_figures"]  # the repeats of 32 corroborate


def test_parts_of_an_attributed_total_carry_its_attribution():
    extraction = make(BREAKDOWN, TOTAL, RURITANIANS, WOMEN, C("30", noun="soldiers"))
    [finding] = run("unattributed_figure", extraction)
    assert spanned(extraction, finding) == ["30"]  # 25 and the six inside it belong to the ministry's total


# ------------------------------------------------------------ what a breakdown can prove wrong

SHOOTING = (
    "Police said 5 people were wounded. Two officers and three bystanders were hit. "
    "She was shot in the arm. Later 3 officers were said to be hurt."
)


def shooting_breakdown(extra: C) -> Extraction:
    """5 wounded: two officers and three bystanders, and one more claim as a part of the total."""
    return make(
        SHOOTING,
        C("5", id="t", noun="people", is_total=True, outcome=Outcome.INJURED),
        C("Two", noun="officers", part_of="t", outcome=Outcome.INJURED),
        C("three", noun="bystanders", part_of="t", outcome=Outcome.INJURED),
        extra,
    )


def test_a_victim_counted_one_by_one_does_not_make_a_breakdown_exceed_its_total():
    extraction = shooting_breakdown(C("She", part_of="t", outcome=Outcome.INJURED))
    assert run("parts_vs_total", extraction) == []  # 2 + 3 + "she" is no proof that 5 is wrong


def test_two_figures_for_the_same_part_are_versions_of_it_not_two_parts():
    later = C("3", near="Later 3", noun="officers", part_of="t", outcome=Outcome.INJURED)
    extraction = shooting_breakdown(later)
    [finding] = run("parts_vs_total", extraction)
    # officers 3 (the larger version) + bystanders 3 = 6 > 5: still an error, with no double count
    assert finding.severity == Severity.ERROR and "at least 6" in finding.message


# ------------------------------------------------------------ shares and other incidents

SHARES = (
    "Gunfire killed 5 people on Friday. The other two victims were cousins. Police found three more "
    "people dead inside. All four were from the town. In separate shootings, 9 people were killed. "
    "Six people were killed in one incident downtown.\n2014: A gunman killed 8 people at a mall.\n"
    "Gangs killed 14 people in the three weeks after the raid. Over three days, 19 people were killed."
)


@pytest.mark.parametrize(
    "share",
    [
        C("two", noun="people", near="other two"),  # "the other two"
        C("three", noun="people", near="three more"),  # "three more"
        C("four", noun="people", near="All four"),  # "all four"
        C("9", noun="people"),  # separate shootings
        C("Six", noun="people"),  # one incident among several
        C("8", noun="people"),  # an item in a dated list of earlier events
        C("14", noun="people"),  # a tally over the weeks after
        C("19", noun="people"),  # a tally over several days
    ],
)
def test_shares_and_other_incidents_are_no_rival_totals(share):
    assert run("conflicting_figures", make(SHARES, C("5", noun="people"), share)) == []


def test_a_plain_rival_total_still_conflicts_in_the_same_text():
    text = SHARES + " Police said 5 people died on Friday. A witness said 7 people were killed on Friday."
    extraction = make(text, C("5", near="Police said 5", source="Police", noun="people"),
                      C("7", near="said 7", source="A witness", noun="people"))
    [finding] = run("conflicting_figures", extraction)
    assert finding.severity == Severity.WARNING


def test_a_conflict_with_an_unsourced_figure_is_info():
    # the outlet's own "5" against a witness's 7: shown, but as often an unmarked part as a rival
    text = SHARES + " A witness said 7 people were killed on Friday."
    extraction = make(text, C("5", noun="people"), C("7", near="said 7", source="A witness", noun="people"))
    [finding] = run("conflicting_figures", extraction)
    assert finding.severity == Severity.INFO and "no source named" in finding.message


def test_a_breakdown_completed_by_a_victim_counted_one_by_one_is_no_conflict():
    text = ("The man shot 4 people at a party. "
            "Police said he shot 3 people in the legs and a woman in the arm.")
    extraction = make(
        text,
        C("4", noun="people", outcome=Outcome.CASUALTIES),
        C("3", noun="people", outcome=Outcome.CASUALTIES, near="shot 3"),
        C("a woman", outcome=Outcome.CASUALTIES),
    )
    assert run("conflicting_figures", extraction) == []


def test_a_headline_is_not_measured_against_a_citywide_tally():
    text = ("3 killed in Monday shootings\n"
            "In shootings across the city, 12 people were killed. One of them was a boy.")
    extraction = make(
        text,
        C("3", from_headline=True, noun="people"),
        C("12", noun="people"),
        segments=[(SegmentKind.HEADLINE, "3 killed in Monday shootings", None)],
    )
    [finding] = run("headline_body", extraction)
    assert finding.severity == Severity.INFO


def test_a_photo_repeated_many_times_is_one_finding():
    # a gallery scraped with each caption three times: one finding per photo, not one per pair
    captions = [CAPTION_ONE, CAPTION_OTHER, CAPTION_TWO, CAPTION_OTHER, CAPTION_ONE, CAPTION_OTHER]
    extraction = make(SCRAPED, segments=[(SegmentKind.CAPTION, c, None) for c in captions])
    findings = run("duplicate_caption", extraction)
    assert [len(f.spans) for f in findings] == [3, 3]
    assert findings[0].message.startswith("3 captions describe the same photo")


@pytest.mark.parametrize(
    ("group", "count", "expected"),
    [
        (Group(), 1, "person injured"),
        (Group(), 3, "people injured"),
        (Group(noun="casualties"), 12, "casualties"),  # the noun already says the outcome
        (Group(noun="soldiers"), 1, "soldiers injured"),
    ],
)
def test_messages_name_a_figure_as_people_say_it(group, count, expected):
    figure = Count(as_written=str(count), start=0, end=1, value=count, low=count, high=count,
                   qualifier=Qualifier.EXACT)
    assert check.group_outcome(group, Outcome.INJURED, figure) == expected


@pytest.mark.parametrize(
    ("group", "words"),
    [
        (Group(noun="men", gender=Gender.MALE, age_group="adult"), "men"),  # not "male adult men"
        (Group(noun="children", gender=Gender.FEMALE, age_group="child"), "female children"),
        (Group(noun=None, gender=Gender.FEMALE, age_group="adult"), "female adult people"),
    ],
)
def test_a_group_is_described_without_saying_its_noun_twice(group, words):
    from tollbook.check.base import describe_group

    assert describe_group(group) == words
