"""A "was shot" figure (fate unsaid) joined to a report of the death is not an injury too.

Hand-made Extractions, as in test_reconcile.py.
"""

from __future__ import annotations

import pytest

from tollbook.model import (
    Claim,
    Count,
    DateRange,
    Document,
    Event,
    Extraction,
    Group,
    Outcome,
    Person,
    Place,
    PlacePrecision,
    Published,
    Qualifier,
    Span,
)
from tollbook.reconcile import reconcile

_STORIES = {
    "a": "Jordan Avery Price died after a shooting outside a bar on Elm Street in Dayton, police said.",
    "b": "Neighbours heard several shots on Monday night; Jordan Avery Price was hit near the corner.",
}


def _report(doc_id: str, claims: list[tuple[Outcome, int]]) -> Extraction:
    event = Event(
        id="e1",
        kind="shooting",
        acled_event_type="Violence against civilians",
        acled_sub_event_type="Attack",
        date=DateRange(start="2024-03-04", end="2024-03-04", precision="day"),
        place=Place(
            name="Dayton", admin1="Ohio", country="US", lat=39.76, lon=-84.19, precision=PlacePrecision.POINT
        ),
    )
    made = [
        Claim(
            id=f"c{n}",
            outcome=outcome,
            count=Count(
                as_written=str(value),
                start=0,
                end=1,
                value=value,
                low=value,
                high=value,
                qualifier=Qualifier.EXACT,
            ),
            group=Group(),
            source=None,
            evidence=Span(start=0, end=10),
            event="e1",
        )
        for n, (outcome, value) in enumerate(claims)
    ]
    text = _STORIES[doc_id]
    return Extraction(
        document=Document(
            id=doc_id, text=text, url=f"https://{doc_id}.example/", published=Published(date="2024-03-05")
        ),
        claims=made,
        events=[event],
        people=[Person(name="Jordan Avery Price")],
    )


@pytest.mark.parametrize(
    ("second", "injured"),
    [
        ([(Outcome.CASUALTIES, 1)], None),  # "he was shot": the man the first report says died
        ([(Outcome.INJURED, 1)], 1),  # near miss: a stated injury stays
        ([(Outcome.CASUALTIES, 3)], 3),  # near miss: more shot than died: the figure stays
    ],
)
def test_a_shot_figure_does_not_count_the_dead_as_injured(second, injured):
    ledger = reconcile([_report("a", [(Outcome.KILLED, 1)]), _report("b", second)])
    assert len(ledger.events) == 1
    total = ledger.events[0].total(Outcome.INJURED)
    assert (total.best if total else None) == injured
