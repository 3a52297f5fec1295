"""Claim extraction on invented sentences: figures found, their outcome and bounds, and the
numbers that must never become claims."""

from __future__ import annotations

import pytest

from tollbook.pipeline import extract_text

PUBLISHED = "2025-05-09"


def claims_of(text: str):
    extraction = extract_text(text, published=PUBLISHED)
    return [c for c in extraction.claims if not c.from_headline]


def figures(text: str) -> set[tuple[str, int | None, int | None, int | None]]:
    return {(c.outcome.value, c.count.value, c.count.low, c.count.high) for c in claims_of(text) if c.count}


# (sentence, a figure that must be among the claims: outcome, value, low, high)
FOUND = [
    ("Three people were killed in the attack, police said.", ("killed", 3, 3, 3)),
    ("Police said 83 people have been killed since Monday.", ("killed", 83, 83, 83)),
    ("Nine soldiers died when their convoy hit a mine.", ("killed", 9, 9, 9)),
    ("Thirty-two civilians were wounded in the shelling.", ("injured", 32, 32, 32)),
    ("At least 5 people were killed in the blast.", ("killed", None, 5, None)),
    ("More than 112 people were injured, officials said.", ("injured", None, 113, None)),
    ("Nearly 50 people were killed in the fighting.", ("killed", None, 45, 49)),
    # the word right after a bare number decides, whatever the parse hung it on
    ("There were 14 dead and 23 wounded among the police.", ("injured", 23, 23, 23)),
    ("Up to 10 people were killed in the raid.", ("killed", None, None, 10)),
    ("Between 10 and 15 people were wounded in the explosion.", ("injured", None, 10, 15)),
    ("Dozens of people were injured in the stampede after the blast.", ("injured", None, 24, None)),
    ("Hundreds of people were arrested after the riot.", ("detained", None, 200, None)),
    ("A dozen soldiers were killed in the ambush.", ("killed", 12, 12, 12)),
    ("The explosion killed 14 people and injured 30 others.", ("killed", 14, 14, 14)),
    ("The explosion killed 14 people and injured 30 others.", ("injured", 30, 30, 30)),
    ("Gunmen kidnapped 20 students from their school on Friday.", ("abducted", 20, 20, 20)),
    ("Police arrested 15 suspects after the clashes.", ("detained", 15, 15, 15)),
    ("Four fishermen remain missing after the attack.", ("missing", 4, 4, 4)),
    ("A man was shot dead outside his home on Tuesday.", ("killed", 1, 1, 1)),
    ("A woman was shot and killed in her car.", ("killed", 1, 1, 1)),
    ("Gunmen abducted the mayor and his wife from their home.", ("abducted", 2, 2, 2)),
    (
        "Among the dead were 12 children, the ministry said. A total of 40 people were killed.",
        ("killed", 12, 12, 12),
    ),
    ("The death toll rose to 27 on Sunday.", ("killed", 27, 27, 27)),
    ("Two people were shot, police said.", ("casualties", 2, 2, 2)),
    ("Three people were shot dead at the market.", ("killed", 3, 3, 3)),
    ("Eight soldiers were killed and 11 wounded in the clash.", ("injured", 11, 11, 11)),
    ("The attack left 12 people dead, witnesses said.", ("killed", 12, 12, 12)),
    ("Seven police officers were killed in the ambush.", ("killed", 7, 7, 7)),
    ("Six children were among those injured in the blast.", ("injured", 6, 6, 6)),
    ("TWO PEOPLE WERE KILLED AND FIVE WERE INJURED IN THE BOMBING.", ("killed", 2, 2, 2)),
    ("Some 200 villagers were displaced by the fighting.", ("displaced", None, 180, 220)),
]


@pytest.mark.parametrize("text, figure", FOUND, ids=[t[:40] for t, _ in FOUND])
def test_figure_found(text, figure):
    assert figure in figures(text)


# Numbers that are not casualty figures: no claim may carry them.
NOT_CLAIMS = [
    ("A 64-year-old man was among the protesters.", 64),
    ("The governor declared three days of mourning for the victims.", 3),
    ("Thousands of people protested outside the embassy on Friday.", 2000),
    ("The attack happened on January 3 at a checkpoint.", 3),
    ("The shooting happened at 3 a.m. on Sunday.", 3),
    ("The suspect, 34, was charged with murder.", 34),
    ("Smith, 45, of Dayton, was arrested on Friday after a three-hour standoff.", 45),
    ("He was sentenced to 15 years in prison for the killing.", 15),
    ("The bombing was the deadliest since 2016, officials said.", 2016),
    ("Police recovered 40 shell casings at the scene.", 40),
    ("The gunman fired 30 rounds into the crowd.", 30),
    ("The family has raised $5,000 for the funeral.", 5000),
    ("Turnout was 45 percent in the district.", 45),
    ("The victim was found in the 3100 block of Main Street.", 3100),
    ("He was shot with a 9mm handgun.", 9),
    ("The attack took place on Route 66 near the border.", 66),
    ("Five houses were burned in the raid.", 5),
    ("Two cars were destroyed by the bomb.", 2),
    ("The rally drew 5,000 people to the square.", 5000),
    ("About 300 stalls were closed after the bombing.", 300),
    ("The ceasefire lasted 48 hours before fighting resumed.", 48),
    ("The man was taken to hospital 20 minutes later.", 20),
    ("The school has 600 students.", 600),
    ("Two days later, police found the car.", 2),
    ("The soldiers marched 12 miles to the base.", 12),
    ("The bill passed by a 52-48 vote in the Senate.", 52),
    ("Thousands of Cubans gathered in the square to pay tribute.", 2000),
    ("He called the police at 10:45 p.m. on Friday.", 10),
    ("The 1998 bombing killed many people.", 1998),
    ("She has lived there for 20 years.", 20),
    ("The company employs 250 workers at the plant.", 250),
    ("Two badly damaged patrol cars, one with its windows shot out, sat behind the tape.", 1),  # a car
    ("Ann Roe, 24 was shot in the arm on Friday.", 24),  # an age, its closing comma forgotten
    ("Two boys, 13 and 15, were wounded.", 13),  # ages in apposition
    ("A 19- and a 22-year-old were wounded.", 19),  # an age whose unit is left to the next
]


@pytest.mark.parametrize("text, number", NOT_CLAIMS, ids=[t[:40] for t, _ in NOT_CLAIMS])
def test_not_a_claim(text, number):
    for claim in claims_of(text):
        values = {claim.count.value, claim.count.low, claim.count.high} if claim.count else set()
        assert number not in values, f"{claim.count.as_written!r} became a {claim.outcome} claim"


def test_repeat_is_one_claim_with_mentions():
    text = (
        "Twelve soldiers were killed in the ambush, the army said. "
        "The army said the 12 soldiers killed were from the same unit."
    )
    killed = [c for c in claims_of(text) if c.outcome == "killed"]
    assert len(killed) == 1 and len(killed[0].mentions) == 1


def test_part_of_total():
    text = "A total of 40 people were killed. Among the dead were 12 children."
    claims = {c.count.value: c for c in claims_of(text)}
    assert claims[12].part_of == claims[40].id and claims[40].group.is_total


def test_revision_links_old_figure():
    text = "The ministry said on Friday that 27 people were killed, revising an earlier figure of 19 dead."
    claims = {c.count.value: c for c in claims_of(text)}
    assert claims[19].status == "superseded" and claims[27].supersedes == claims[19].id


def test_stated_unknown_is_undetermined_not_zero():
    text = "Officials have not yet determined the number of civilian casualties from the attack."
    [claim] = claims_of(text)
    assert claim.status == "undetermined" and claim.count is None and claim.group.category == "civilian"


def test_perpetrator_killed():
    text = "The gunman then turned the weapon on himself and died at the scene."
    [claim] = claims_of(text)
    assert claim.outcome == "killed" and claim.group.role == "perpetrator" and claim.count.value == 1


def test_count_span_is_as_written():
    text = "Police said more than 112 people were injured."
    extraction = extract_text(text, published=PUBLISHED)
    [claim] = extraction.claims
    assert text[claim.count.start : claim.count.end] == claim.count.as_written == "more than 112"
    assert claim.evidence.start <= claim.count.start < claim.count.end <= claim.evidence.end


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The raid ended in the death of nine rebels.", "rebels"),
        ("The bombing caused the deaths of 12 civilians.", "civilians"),
        ("Police counted 3 deaths on Friday.", "deaths"),  # no people noun: the outcome noun stays
    ],
)
def test_the_group_is_the_people_counted_not_the_outcome_noun(text, noun):
    [claim] = claims_of(text)
    assert claim.group.noun == noun
