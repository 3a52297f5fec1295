"""Coders' reviews of claims: stored beside the extraction, applied on top of it.

    add_review(engine, document_id, claim_id, coder=..., action=..., field=..., new_value=...)
    load_reviews(engine, document_ids=None) -> list[Review]
    apply_reviews(extractions, reviews) -> list[Extraction]

A review never changes the stored extraction: it is a row of its own (who, when, what, old and new
value), keyed by the report's content hash and the claim id, so it survives re-ingesting the report.
`apply_reviews` gives the Extractions as the coders left them — what the ledger and exports read.
Later reviews of the same claim win: a correction of a field replaces an earlier one, and the latest
accept or reject decides whether the claim counts at all.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections import defaultdict
from collections.abc import Iterable
from enum import StrEnum

import sqlalchemy as sa

from tollbook.errors import TollbookError
from tollbook.model import Category, Claim, Count, Extraction, Outcome, Qualifier
from tollbook.store.schema import reviews as reviews_table

MAX_COMMENT = 2000
MAX_CODER = 100


class Action(StrEnum):
    ACCEPT = "accept"
    REJECT = "reject"
    CORRECT = "correct"


class ReviewField(StrEnum):
    COUNT = "count"
    OUTCOME = "outcome"
    GROUP = "group"  # the group's category (civilian, military, ...)
    EVENT = "event"  # the event id inside the same report


class ReviewError(TollbookError):
    """A review that cannot be stored as given (unknown field, a count that is not a number...)."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class Review:
    id: int
    document_id: str
    claim_id: str
    coder: str
    created_at: str  # ISO timestamp, UTC
    action: Action
    field: ReviewField | None
    old_value: str | None
    new_value: str | None
    comment: str | None


# ------------------------------------------------------------ reading a claim's reviewable values


def current_value(claim: Claim, field: ReviewField) -> str | None:
    """The claim's value for a field, as a review records it."""
    if field is ReviewField.COUNT:
        return None if claim.count is None or claim.count.value is None else str(claim.count.value)
    if field is ReviewField.OUTCOME:
        return claim.outcome.value
    if field is ReviewField.GROUP:
        return claim.group.category.value
    return claim.event


def _checked(field: ReviewField, value: str, extraction: Extraction) -> str:
    """The new value in its canonical form, or ReviewError when it is not one the field takes."""
    value = value.strip()
    if field is ReviewField.COUNT:
        if not value.isdigit() or int(value) > 10_000_000:
            raise ReviewError(f"a count must be a whole number ≥ 0, not {value!r}")
        return str(int(value))
    if field is ReviewField.OUTCOME:
        return _vocabulary(Outcome, value)
    if field is ReviewField.GROUP:
        return _vocabulary(Category, value)
    if value not in {event.id for event in extraction.events}:
        raise ReviewError(f"the report has no event {value!r}")
    return value


def _vocabulary(enum: type[StrEnum], value: str) -> str:
    try:
        return enum(value.lower()).value
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise ReviewError(f"{value!r} is not one of {allowed}") from None


# ------------------------------------------------------------ storing


def add_review(
    engine: sa.Engine,
    extraction: Extraction,
    claim_id: str,
    *,
    coder: str,
    action: str,
    field: str | None = None,
    new_value: str | None = None,
    comment: str | None = None,
) -> Review:
    """Record one coder's decision about one claim of this (stored, unreviewed) extraction."""
    claim = next((c for c in extraction.claims if c.id == claim_id), None)
    if claim is None:
        raise ReviewError(f"the report has no claim {claim_id!r}")
    coder = (coder or "").strip()[:MAX_CODER]
    if not coder:
        raise ReviewError("a review needs the coder's name")
    chosen = _vocabulary(Action, action)
    row = {"document_id": extraction.document.id, "claim_id": claim_id, "coder": coder,
           "created_at": datetime.datetime.now(datetime.UTC), "action": chosen, "field": None,
           "old_value": None, "new_value": None, "comment": (comment or "").strip()[:MAX_COMMENT] or None}
    if chosen == Action.CORRECT:
        if not field or new_value is None:
            raise ReviewError("a correction needs a field and a new value")
        which = ReviewField(_vocabulary(ReviewField, field))
        row.update(field=which.value, old_value=current_value(claim, which),
                   new_value=_checked(which, new_value, extraction))
    with engine.begin() as conn:
        row["id"] = conn.execute(reviews_table.insert().values(**row).returning(reviews_table.c.id)).scalar()
    return _review(row)


def load_reviews(engine: sa.Engine, document_ids: Iterable[str] | None = None) -> list[Review]:
    """Reviews in the order they were made (all, or those of these reports)."""
    query = sa.select(reviews_table).order_by(reviews_table.c.id)
    if document_ids is not None:
        query = query.where(reviews_table.c.document_id.in_(list(document_ids)))
    with engine.connect() as conn:
        return [_review(row._mapping) for row in conn.execute(query)]


def latest_review_id(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.max(reviews_table.c.id))).scalar() or 0)


def _review(row) -> Review:
    created = row["created_at"]
    return Review(
        id=int(row["id"]), document_id=row["document_id"], claim_id=row["claim_id"], coder=row["coder"],
        created_at=created.isoformat() if hasattr(created, "isoformat") else str(created),
        action=Action(row["action"]), field=ReviewField(row["field"]) if row["field"] else None,
        old_value=row["old_value"], new_value=row["new_value"], comment=row["comment"])


# ------------------------------------------------------------ applying


def apply_reviews(extractions: Iterable[Extraction], reviews: Iterable[Review]) -> list[Extraction]:
    """The extractions as reviewed: corrected fields replaced, rejected claims left out.

    This is what the ledger and exports should read; the stored extraction stays as extracted.
    """
    by_claim: dict[tuple[str, str], list[Review]] = defaultdict(list)
    for review in sorted(reviews, key=lambda r: r.id):
        by_claim[(review.document_id, review.claim_id)].append(review)
    reviewed = []
    for extraction in extractions:
        doc = extraction.document.id
        if not any((doc, c.id) in by_claim for c in extraction.claims):
            reviewed.append(extraction)
            continue
        claims = [_reviewed_claim(c, by_claim.get((doc, c.id), [])) for c in extraction.claims]
        reviewed.append(dataclasses.replace(extraction, claims=[c for c in claims if c is not None]))
    return reviewed


def _reviewed_claim(claim: Claim, reviews: list[Review]) -> Claim | None:
    rejected = False
    for review in reviews:
        if review.action is Action.REJECT:
            rejected = True
        elif review.action is Action.ACCEPT:
            rejected = False
        elif review.field is not None and review.new_value is not None:
            claim = _corrected(claim, review.field, review.new_value)
    return None if rejected else claim


def _corrected(claim: Claim, field: ReviewField, value: str) -> Claim:
    if field is ReviewField.COUNT:
        number = int(value)
        old = claim.count
        # The count span stays where the extractor found it: the text did not change, the reading did.
        start, end = (old.start, old.end) if old else (claim.evidence.start, claim.evidence.end)
        count = Count(as_written=old.as_written if old else value, start=start, end=end, value=number,
                      low=number, high=number, qualifier=Qualifier.EXACT)
        return dataclasses.replace(claim, count=count, confidence=1.0)
    if field is ReviewField.OUTCOME:
        return dataclasses.replace(claim, outcome=Outcome(value), outcome_inferred=False, confidence=1.0)
    if field is ReviewField.GROUP:
        return dataclasses.replace(claim, group=dataclasses.replace(claim.group, category=Category(value)))
    return dataclasses.replace(claim, event=value)


def reviewed_claims(reviews: Iterable[Review]) -> set[tuple[str, str]]:
    """(document id, claim id) of every claim some coder has looked at."""
    return {(r.document_id, r.claim_id) for r in reviews}
