"""Incidents of upper-case wire text: what they are, and how many a report tells.

Every text here is invented.
"""

from __future__ import annotations

import pytest

from tollbook.extract.event_types import classify
from tollbook.pipeline import extract_text


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # A bomb that destroyed something was used, not found.
        (
            "A BOMB EXPLOSION WRECKED THE PARTY OFFICE.  THE DESTROYED OFFICE STANDS NEAR THE SQUARE.",
            "Remote explosive/landmine/IED",
        ),
        (
            "THE BOMB WENT OFF AT NOON.  LATER THE BODY OF THE GUARD WAS FOUND.",
            "Remote explosive/landmine/IED",
        ),
        # Near misses: weapons found or made safe stay a disrupted weapons use.
        ("POLICE FOUND EXPLOSIVES IN A PARKED CAR.", "Disrupted weapons use"),
        ("THE EXPLOSIVES WERE DEFUSED BY THE POLICE.", "Disrupted weapons use"),
        ("TROOPS DESTROYED A CACHE OF RIFLES AND GRENADES.", "Disrupted weapons use"),
    ],
)
def test_weapons_found_or_used(text, sub_type):
    assert classify(text)[1] == sub_type


def _wire(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


OPENING = (
    "   LIMA, 4 MAY 90 (RADIO) -- [TEXT] A BOMB EXPLODED TODAY OUTSIDE A BANK IN\n"
    "HUANCAYO, DAMAGING THE FRONT OF THE BUILDING, POLICE SOURCES REPORTED."
)


@pytest.mark.parametrize(
    ("second", "events"),
    [
        # Another kind of incident in another town: two incidents.
        (
            "   GUERRILLAS ALSO ATTACKED A POLICE POST IN AYACUCHO, WOUNDING TWO\n"
            "OFFICERS, THE SOURCES ADDED.",
            2,
        ),
        ("   MEANWHILE, A GROUP OF ARMED MEN ATTACKED A FARM IN AYACUCHO AND\nWOUNDED THREE WORKERS.", 2),
        # Near misses: the same town, or no town at all, is the same incident told on.
        ("   THE POLICE SAID THAT GUERRILLAS ATTACKED THE BANK GUARDS IN HUANCAYO\nBEFORE THE EXPLOSION.", 1),
        ("   THE POLICE SAID THAT THE ATTACKERS FLED BEFORE THE EXPLOSION AND THAT\nNOBODY WAS HURT.", 1),
    ],
)
def test_incidents_in_other_towns(second, events):
    extraction = extract_text(_wire(OPENING, second), published="1990-05-04")
    violent = [e for e in extraction.events if e.acled_event_type and e.acled_event_type != "Protests"]
    assert len(violent) == events
