"""tollbook.evaluate.tally: an article's killed / injured-not-killed from invented extractions."""

from __future__ import annotations

import pytest

from tollbook.evaluate.tally import ALL_ROLES, VICTIM_ROLES, figure, main_event, tally
from tollbook.model import (
    ROUND_UP_KIND,
    Claim,
    Count,
    DateRange,
    Document,
    Event,
    Extraction,
    Group,
    Outcome,
    Place,
    Qualifier,
    Role,
    Span,
    Status,
)


def claim(id: str, outcome: str, value: int | None, *, low: int | None = None, event: str | None = "e1",
          role: str = "victim", noun: str = "people", is_total: bool = False, part_of: str | None = None,
          status: str = "current", headline: bool = False, negated: bool = False) -> Claim:
    count = Count(as_written=str(value), start=0, end=1, value=value,
                  low=value if low is None else low, high=value,
                  qualifier=Qualifier.EXACT if value is not None else Qualifier.AT_LEAST)
    return Claim(id=id, outcome=Outcome(outcome), count=count,
                 group=Group(noun=noun, role=Role(role), is_total=is_total), source=None,
                 evidence=Span(start=0, end=1), event=event, part_of=part_of, status=Status(status),
                 from_headline=headline, negated=negated)


def extraction(*claims: Claim) -> Extraction:
    return Extraction(document=Document(id="x", text="invented"), claims=list(claims))


CASES = [
    # (claims, roles, killed, injured)
    ([], VICTIM_ROLES, 0, 0),
    ([claim("a", "killed", 2)], VICTIM_ROLES, 2, 0),
    # "two people were shot, one fatally": shot 2 covers the killed one
    ([claim("a", "casualties", 2), claim("b", "killed", 1)], VICTIM_ROLES, 1, 1),
    # everyone shot and not killed was injured, though only some are told injured ("five were
    # shot, one died; three are in critical condition")
    ([claim("a", "casualties", 5), claim("b", "killed", 1), claim("c", "injured", 3)], VICTIM_ROLES, 1, 4),
    # an injured figure larger than those shot wins
    ([claim("a", "casualties", 2), claim("c", "injured", 3)], VICTIM_ROLES, 0, 3),
    # a total and its parts: the total counts once
    ([claim("t", "killed", 5, is_total=True), claim("p1", "killed", 3, noun="soldiers", part_of="t"),
      claim("p2", "killed", 2, noun="civilians", part_of="t")], VICTIM_ROLES, 5, 0),
    # parts not linked with part_of, but a stated total covers them
    ([claim("t", "killed", 5, is_total=True), claim("p1", "killed", 3, noun="soldiers")], VICTIM_ROLES, 5, 0),
    # headline repeats the body
    ([claim("h", "killed", 3, headline=True), claim("b", "killed", 3)], VICTIM_ROLES, 3, 0),
    # headline alone still counts
    ([claim("h", "killed", 3, headline=True)], VICTIM_ROLES, 3, 0),
    # superseded, denied and negated figures do not count
    ([claim("old", "killed", 23, status="superseded"), claim("new", "killed", 83)], VICTIM_ROLES, 83, 0),
    ([claim("d", "killed", 4, status="denied"), claim("n", "injured", 2, negated=True)], VICTIM_ROLES, 0, 0),
    # different groups add up
    ([claim("a", "injured", 2, noun="officers"), claim("b", "injured", 1, noun="bystander")],
     VICTIM_ROLES, 0, 3),
    # the same group from two sources is one figure (the larger)
    ([claim("a", "killed", 2), claim("b", "killed", 3)], VICTIM_ROLES, 3, 0),
    # a bound counts its low end
    ([claim("a", "injured", None, low=113)], VICTIM_ROLES, 0, 113),
    # the shooter shot dead: not a victim, but a registry counts him
    ([claim("v", "killed", 1), claim("s", "killed", 1, role="perpetrator", noun="gunman")],
     VICTIM_ROLES, 1, 0),
    ([claim("v", "killed", 1), claim("s", "killed", 1, role="perpetrator", noun="gunman")],
     ALL_ROLES, 2, 0),
    # another event's figures (a round-up) do not count
    ([claim("a", "killed", 1), claim("b", "killed", 4, event="e2", noun="men"),
      claim("c", "injured", 2, event="e2")], VICTIM_ROLES, 4, 2),
]


@pytest.mark.parametrize(("claims", "roles", "killed", "injured"), CASES)
def test_tally(claims, roles, killed, injured):
    result = tally(extraction(*claims), roles=roles)
    assert (result.killed, result.injured) == (killed, injured)


def test_tally_of_a_given_event():
    ex = extraction(claim("a", "killed", 1), claim("b", "killed", 4, event="e2"), claim("c", "killed", 2))
    assert tally(ex, event="e2").killed == 4
    assert tally(ex).killed == 2  # main event e1 (two claims): same group, the larger figure


def test_main_event_ties_go_to_the_first():
    assert main_event([claim("a", "killed", 1, event="e2"), claim("b", "killed", 1, event="e1")]) == "e2"
    assert main_event([]) is None


def test_figure_of_an_undetermined_claim_is_none():
    c = Claim(id="u", outcome=Outcome.KILLED, count=None, group=Group(), source=None,
              evidence=Span(start=0, end=1), status=Status.UNDETERMINED)
    assert figure(c) is None
    assert tally(extraction(c)).killed == 0


def test_a_round_up_is_the_main_event_only_when_alone():
    """ "Three were wounded in two shootings. … a boy was shot in a park": the boy's shooting is
    the report's event, though the round-up has more claims."""
    round_up = Event(id="e2", kind=ROUND_UP_KIND, acled_event_type=None, acled_sub_event_type=None,
                     date=DateRange(start=None, end=None, precision=None, as_written=""),
                     place=Place(name=None))
    claims = [claim("a", "injured", 3, event="e2"), claim("b", "injured", 16, event="e2"),
              claim("c", "casualties", 1, event="e1")]
    ex = Extraction(document=Document(id="x", text="invented"), claims=claims, events=[round_up])
    assert tally(ex).event == "e1" and tally(ex).injured == 1
    alone = Extraction(document=Document(id="x", text="invented"), claims=claims[:2], events=[round_up])
    assert tally(alone).event == "e2"
