"""Reviews: stored in their own table, validated, applied on top of extractions (never overwriting
them), surviving a report deleted and ingested again, and added to an older database by migration."""

from __future__ import annotations

import datetime

import pytest
import sqlalchemy as sa

from tollbook.model import (
    Category,
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
    Span,
)
from tollbook.review import Action, ReviewError, ReviewField, add_review, apply_reviews, load_reviews
from tollbook.store import migrations, open_store, schema

TEXT = "Police said 12 people were killed and 5 injured in Goma."


def claim(claim_id: str, outcome: Outcome, value: int, start: int, confidence: float = 0.5) -> Claim:
    return Claim(id=claim_id, outcome=outcome,
                 count=Count(as_written=str(value), start=start, end=start + len(str(value)), value=value,
                             low=value, high=value, qualifier=Qualifier.EXACT),
                 group=Group(noun="people"), source=None, evidence=Span(start=0, end=len(TEXT)), event="e1",
                 confidence=confidence)


def extraction(text: str = TEXT) -> Extraction:
    import hashlib

    events = [Event(id=e, kind="attack", acled_event_type=None, acled_sub_event_type=None,
                    date=DateRange(start="2025-01-02", end="2025-01-02"), place=Place(name="Goma"))
              for e in ("e1", "e2")]
    return Extraction(document=Document(id=hashlib.sha256(text.encode()).hexdigest(), text=text),
                      claims=[claim("c1", Outcome.KILLED, 12, 12), claim("c2", Outcome.INJURED, 5, 38, 0.3)],
                      events=events)


@pytest.fixture
def store(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'r.db'}") as opened:
        opened.save(extraction())
        yield opened


def only(extractions: list[Extraction]) -> dict[str, Claim]:
    return {c.id: c for c in extractions[0].claims}


@pytest.mark.parametrize(
    ("field", "value", "read"),
    [
        ("count", "14", lambda c: (c.count.value, c.count.low, c.count.high, c.count.qualifier)),
        ("outcome", "injured", lambda c: c.outcome),
        ("outcome", "KILLED", lambda c: c.outcome),  # trap: vocabulary is case-insensitive on input
        ("group", "civilian", lambda c: c.group.category),
        ("event", "e2", lambda c: c.event),
    ],
)
def test_a_correction_changes_the_applied_claim_not_the_stored_one(store, field, value, read):
    original = extraction()
    add_review(store.engine, original, "c1", coder="ana", action="correct", field=field, new_value=value)
    reviewed = only(apply_reviews(store.load(), load_reviews(store.engine)))["c1"]
    expected = {"count": lambda: (14, 14, 14, Qualifier.EXACT), "outcome": lambda: Outcome(value.lower()),
                "group": lambda: Category.CIVILIAN, "event": lambda: "e2"}[field]()
    assert read(reviewed) == expected
    stored = only(list(store.load()))["c1"]
    assert stored == original.claims[0]  # the extraction is never overwritten


def test_the_count_span_stays_on_the_text(store):
    add_review(store.engine, extraction(), "c1", coder="ana", action="correct", field="count", new_value="40")
    reviewed = only(apply_reviews(store.load(), load_reviews(store.engine)))["c1"]
    assert TEXT[reviewed.count.start:reviewed.count.end] == "12"  # what was written; the value is the coder's


@pytest.mark.parametrize(
    ("actions", "kept"),
    [
        (["reject"], False),
        (["reject", "accept"], True),  # the latest decision wins
        (["accept", "reject"], False),
        (["accept"], True),
    ],
)
def test_reject_and_accept(store, actions, kept):
    for action in actions:
        add_review(store.engine, extraction(), "c2", coder="bo", action=action)
    claims = only(apply_reviews(store.load(), load_reviews(store.engine)))
    assert ("c2" in claims) is kept
    assert "c1" in claims


def test_later_corrections_win_and_history_is_kept(store):
    add_review(store.engine, extraction(), "c1", coder="a", action="correct", field="count", new_value="13")
    add_review(store.engine, extraction(), "c1", coder="b", action="correct", field="count", new_value="15",
               comment="hospital figure")
    reviews = load_reviews(store.engine)
    assert [(r.coder, r.old_value, r.new_value) for r in reviews] == [("a", "12", "13"), ("b", "12", "15")]
    assert reviews[1].comment == "hospital figure" and reviews[1].field is ReviewField.COUNT
    assert only(apply_reviews(store.load(), reviews))["c1"].count.value == 15


@pytest.mark.parametrize(
    ("claim_id", "options", "message"),
    [
        ("c9", {"action": "accept"}, "no claim"),
        ("c1", {"action": "approve"}, "not one of"),
        ("c1", {"action": "correct", "field": "count", "new_value": "-3"}, "whole number"),
        ("c1", {"action": "correct", "field": "count", "new_value": "twelve"}, "whole number"),
        ("c1", {"action": "correct", "field": "outcome", "new_value": "dead"}, "not one of"),
        ("c1", {"action": "correct", "field": "group", "new_value": "soldiers"}, "not one of"),
        ("c1", {"action": "correct", "field": "event", "new_value": "e7"}, "no event"),
        ("c1", {"action": "correct", "field": "source", "new_value": "x"}, "not one of"),
        ("c1", {"action": "correct", "field": "count"}, "needs a field"),
        ("c1", {"action": "accept", "coder": "   "}, "coder"),
    ],
)
def test_bad_reviews_are_refused_and_nothing_is_stored(store, claim_id, options, message):
    options = {"coder": "ana", **options}
    with pytest.raises(ReviewError, match=message):
        add_review(store.engine, extraction(), claim_id, **options)
    assert load_reviews(store.engine) == []


def test_reviews_survive_deleting_and_ingesting_the_report_again(store):
    add_review(store.engine, extraction(), "c1", coder="ana", action="correct", field="count", new_value="20")
    with store.engine.begin() as conn:  # the report removed (cascading to its claims)...
        conn.execute(sa.delete(schema.documents))
    assert list(store.load()) == []
    assert store.save(extraction())  # ...and ingested again: same text, same id
    assert only(apply_reviews(store.load(), load_reviews(store.engine)))["c1"].count.value == 20


def test_reviews_of_other_reports_change_nothing(store):
    other = extraction("Police said 12 people were killed and 5 injured in Beni.")
    add_review(store.engine, other, "c1", coder="ana", action=Action.REJECT.value)
    assert apply_reviews(store.load(), load_reviews(store.engine))[0] == extraction()


def test_an_older_database_gets_the_reviews_table(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with open_store(url, migrate=False) as store:  # a database as version 1 made it
        with store.engine.begin() as conn:
            schema.metadata.create_all(conn, tables=[t for t in schema.metadata.sorted_tables
                                                     if t.name != "reviews"])
            stamp = {"version": 1, "name": "initial", "applied_at": datetime.datetime.now(datetime.UTC)}
            conn.execute(schema.schema_migrations.insert(), [stamp])
        store.save(extraction())
    with open_store(url) as store:
        assert sa.inspect(store.engine).has_table("reviews")
        with store.engine.connect() as conn:
            assert migrations.current_version(conn) == len(migrations.MIGRATIONS)
        add_review(store.engine, extraction(), "c1", coder="ana", action="accept")
        assert len(load_reviews(store.engine)) == 1
