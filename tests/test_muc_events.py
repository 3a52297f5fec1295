"""Incidents of upper-case wire text: what they are, and how many a report tells.

Every text here is invented.
"""

from __future__ import annotations

import pytest

from tollbook.extract.event_types import classify


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
