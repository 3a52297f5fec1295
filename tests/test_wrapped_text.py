"""Hard-wrapped wire text is read a paragraph at a time; every other text a line at a time.

Every text here is invented.
"""

from __future__ import annotations

import pytest

from tollbook.clean import clean, is_hard_wrapped
from tollbook.model import Document, SegmentKind

WIRE = (
    "   PORTO VERDE, 4 MAR 90 -- [TEXT] THE COASTAL GARRISON HAS REPORTED THAT\n"
    "ABOUT TWENTY FARM WORKERS WERE TAKEN FROM THEIR HOMES BY AN ARMED BAND IN\n"
    "THE HILLS NEAR THE RIVER.  THE GARRISON ADDED THAT THE WORKERS WERE LED\n"
    "AWAY TO AN UNKNOWN PLACE.\n"
    "\n"
    "   MEANWHILE, TWO GUARDS WERE WOUNDED DURING A SKIRMISH YESTERDAY NEAR THE\n"
    "OLD MILL, ACCORDING TO THE SAME SOURCE.\n"
)
WEB = (
    "Two hurt in market fire\n"
    "A fire broke out at the covered market on Tuesday evening and two stall holders were taken "
    "to hospital with burns, the fire service said.\n"
    "Crews worked through the night to bring the blaze under control.\n"
    "Share this article\n"
)
SHORT_SENTENCES = (
    "The guards were wounded near the old mill on Monday.\n"
    "The farm workers were taken from their homes at night.\n"
    "The garrison said the workers were led to an unknown place.\n"
    "A spokesman said the search would go on through the week.\n"
)
TABLE = (
    "Name          Town            Age\n"
    "A. Smith      Porto Verde     34\n"
    "B. Jones      Rio Claro       29\n"
    "C. Brown      Santa Luz       41\n"
)


@pytest.mark.parametrize(
    ("text", "wrapped"),
    [
        (WIRE, True),
        (WIRE.lower(), True),  # the case does not matter, the line lengths do
        (WEB, False),  # one paragraph a line
        (SHORT_SENTENCES, False),  # lines of wire width, but each a whole sentence
        (TABLE, False),  # short rows
        (
            "ONE LINE OF TEXT THAT RUNS ON AND ON WITHOUT ANY END IN SIGHT AT ALL\nAND STOPS.",
            False,
        ),  # too few
    ],
)
def test_hard_wrapping_is_recognised(text, wrapped):
    assert is_hard_wrapped(text) is wrapped


def _units(text: str):
    return clean(Document(id="t", text=text)).units


def test_a_wrapped_paragraph_is_one_unit_with_spaces_for_line_breaks():
    units = _units(WIRE)
    assert len(units) == 2
    first = units[0]
    assert "\n" not in first.text
    assert "that about twenty farm workers" in first.text  # lower-cased, the break now a space
    assert first.text.startswith("porto verde, 4 mar 90")


@pytest.mark.parametrize("word", ["ABOUT", "AWAY", "MEANWHILE", "MILL"])
def test_unit_offsets_still_index_the_original_text(word):
    """A word after a wrapped line break maps back to where it stands in the text."""
    for unit in _units(WIRE):
        at = unit.text.find(word.lower())
        if at >= 0:
            original = unit.to_original(at)
            assert WIRE[original : original + len(word)] == word
            return
    pytest.fail(f"{word} is in no unit")


def test_paragraph_segments_cover_the_wrapped_lines():
    segments = clean(Document(id="t", text=WIRE)).document.segments
    bodies = [s for s in segments if s.kind == SegmentKind.BODY]
    assert [WIRE[s.start : s.end].split("\n")[-1] for s in bodies] == [
        "AWAY TO AN UNKNOWN PLACE.",
        "OLD MILL, ACCORDING TO THE SAME SOURCE.",
    ]


def test_web_text_keeps_one_unit_per_line():
    units = _units(WEB)
    assert [u.kind for u in units] == [SegmentKind.HEADLINE, SegmentKind.BODY, SegmentKind.BODY]
    assert units[1].text.startswith("A fire broke out")
