"""A photo caption and its twin are captions; a lede that repeats a caption's words and says
more is body. Every text here is invented."""

from __future__ import annotations

from tollbook.clean import clean
from tollbook.model import Document, SegmentKind

LEDE_AFTER_CAPTION = (
    "Three men were shot outside a diner in Millbrook. (Photo: Jane Roe/Millbrook Gazette)\n\n"
    "Three men were shot late Saturday outside a diner in Millbrook, police said.\n\n"
    "The diner was closed at the time.\n"
)
CAPTION_TWICE = (
    "Officers stand outside a diner in Millbrook on Sunday. (Photo: Jane Roe/Millbrook Gazette)\n\n"
    "Officers stand outside a diner in Millbrook on Sunday.\n\n"
    "Three men were shot late Saturday outside the diner, police said.\n"
)


def _kinds(text: str) -> dict[str, SegmentKind]:
    document = clean(Document(id="x", text=text)).document
    return {text[s.start:s.end].strip(): s.kind for s in document.segments}


def test_a_fuller_lede_after_a_caption_is_body():
    kinds = _kinds(LEDE_AFTER_CAPTION)
    lede = "Three men were shot late Saturday outside a diner in Millbrook, police said."
    assert kinds[lede] == SegmentKind.BODY


def test_a_caption_printed_twice_is_a_caption_both_times():
    kinds = _kinds(CAPTION_TWICE)
    assert kinds["Officers stand outside a diner in Millbrook on Sunday."] == SegmentKind.CAPTION
