"""The database schema (SQLAlchemy Core), one table per kind of record.

A report is a `documents` row plus its children, each keyed by the document's content hash:
`segments`, `people`, `claims` (with `claim_mentions`), `events` and `findings`. Lists keep their
order in a `position` column. Nested records that are only ever read whole (a person's titles, an
event's actors) are JSON columns; everything a ledger query filters or groups on (outcome, group,
source, dates, place) is a column of its own.

This module describes the *current* schema. `store.migrations` creates it on an empty database and
brings an older database up to it; change both together (see the migrations module).
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

_ID = sa.String(64)  # sha256 hex of a document's text
_LOCAL_ID = sa.String(64)  # a claim's or event's id within its report ("c3", "e1")
_WORD = sa.String(32)  # a vocabulary value ("killed", "at_least")


def _document_key(primary: bool = True) -> sa.Column:
    return sa.Column(
        "document_id", _ID, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=primary,
        nullable=False,
    )


def _span(prefix: str, *, nullable: bool) -> list[sa.Column]:
    return [sa.Column(f"{prefix}_start", sa.Integer, nullable=nullable),
            sa.Column(f"{prefix}_end", sa.Integer, nullable=nullable)]


def _date_range(prefix: str, *, required: bool = False) -> list[sa.Column]:
    # `{prefix}_inferred` is set whenever the range exists, so it tells a range of unknown dates
    # (all other columns null) from no range at all.
    return [
        sa.Column(f"{prefix}_start", sa.String(32)),
        sa.Column(f"{prefix}_end", sa.String(32)),
        sa.Column(f"{prefix}_precision", _WORD),
        sa.Column(f"{prefix}_as_written", sa.Text),
        sa.Column(f"{prefix}_inferred", sa.Boolean, nullable=not required),
    ]


schema_migrations = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    # `seq` orders documents by arrival; `id` (the content hash) is what everything refers to.
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", _ID, nullable=False, unique=True),
    sa.Column("schema_version", sa.String(16), nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("headline", sa.Text),
    sa.Column("published_date", sa.String(32)),
    sa.Column("published_precision", _WORD),
    sa.Column("published_inferred", sa.Boolean, nullable=False),
    sa.Column("published_how", sa.Text),
    sa.Column("language", sa.String(16)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("glued_at", sa.JSON, nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_documents_published", "published_date"),
    sa.Index("ix_documents_url", "url"),
)

segments = sa.Table(
    "segments",
    metadata,
    _document_key(),
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("kind", _WORD, nullable=False),
    *_span("span", nullable=False),
    sa.Column("label", sa.String(64)),
)

people = sa.Table(
    "people",
    metadata,
    _document_key(),
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("variants", sa.JSON, nullable=False),
    sa.Column("titles", sa.JSON, nullable=False),
    sa.Column("nationalities", sa.JSON, nullable=False),
    sa.Column("mentions", sa.JSON, nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    _document_key(),
    sa.Column("id", _LOCAL_ID, primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("acled_event_type", sa.String(64)),
    sa.Column("acled_sub_event_type", sa.String(64)),
    *_date_range("date", required=True),
    sa.Column("place_name", sa.Text),
    sa.Column("place_admin1", sa.Text),
    sa.Column("place_country", sa.String(2)),
    sa.Column("place_lat", sa.Double),
    sa.Column("place_lon", sa.Double),
    sa.Column("place_precision", _WORD),
    sa.Column("actors", sa.JSON, nullable=False),
    sa.Column("mentions", sa.JSON, nullable=False),
    sa.Index("ix_events_date", "date_start"),
    sa.Index("ix_events_country", "place_country"),
)

claims = sa.Table(
    "claims",
    metadata,
    _document_key(),
    sa.Column("id", _LOCAL_ID, primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("outcome", _WORD, nullable=False),
    # count_qualifier is NOT NULL exactly when the claim has a count (a stated unknown has none).
    sa.Column("count_as_written", sa.Text),
    sa.Column("count_start", sa.Integer),
    sa.Column("count_end", sa.Integer),
    sa.Column("count_value", sa.Integer),
    sa.Column("count_low", sa.Integer),
    sa.Column("count_high", sa.Integer),
    sa.Column("count_qualifier", _WORD),
    sa.Column("group_noun", sa.Text),
    sa.Column("group_category", _WORD, nullable=False),
    sa.Column("group_role", _WORD, nullable=False),
    sa.Column("group_nationality", sa.String(2)),
    sa.Column("group_gender", _WORD),
    sa.Column("group_age_group", _WORD),
    sa.Column("group_is_total", sa.Boolean, nullable=False),
    # source_kind is NOT NULL exactly when the claim has a source (an outlet's own claim has none).
    sa.Column("source_name", sa.Text),
    sa.Column("source_title", sa.Text),
    sa.Column("source_organisation", sa.Text),
    sa.Column("source_kind", _WORD),
    sa.Column("source_is_party", sa.Boolean),
    *_span("source", nullable=True),
    *_span("evidence", nullable=False),
    *_date_range("stated"),
    sa.Column("event_id", _LOCAL_ID),
    sa.Column("part_of", _LOCAL_ID),
    sa.Column("supersedes", _LOCAL_ID),
    sa.Column("status", _WORD, nullable=False),
    sa.Column("hedged", sa.Boolean, nullable=False),
    sa.Column("negated", sa.Boolean, nullable=False),
    sa.Column("from_headline", sa.Boolean, nullable=False),
    sa.Column("outcome_inferred", sa.Boolean, nullable=False),
    sa.Column("confidence", sa.Double, nullable=False),
    sa.Index("ix_claims_event", "document_id", "event_id"),
    sa.Index("ix_claims_outcome", "outcome"),
)

claim_mentions = sa.Table(
    "claim_mentions",
    metadata,
    sa.Column("document_id", _ID, primary_key=True),
    sa.Column("claim_id", _LOCAL_ID, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
    *_span("span", nullable=False),
    sa.ForeignKeyConstraint(
        ["document_id", "claim_id"], ["claims.document_id", "claims.id"], ondelete="CASCADE"
    ),
)

findings = sa.Table(
    "findings",
    metadata,
    _document_key(),
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("kind", sa.String(64), nullable=False),
    sa.Column("severity", _WORD, nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("spans", sa.JSON, nullable=False),
    sa.Column("claims", sa.JSON, nullable=False),
)

# A report's tables, parents first: the order rows are written in (and deleted in reverse).
REPORT_TABLES: tuple[sa.Table, ...] = (documents, segments, people, events, claims, claim_mentions, findings)

# A coder's decisions about claims (issue 6). Not a report table: keyed by the report's content hash
# and the claim id but without a foreign key, so reviews outlive a report deleted and ingested again.
reviews = sa.Table(
    "reviews",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("document_id", _ID, nullable=False),
    sa.Column("claim_id", _LOCAL_ID, nullable=False),
    sa.Column("coder", sa.String(100), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("action", _WORD, nullable=False),  # accept, reject, correct
    sa.Column("field", _WORD),  # what a correction changes: count, outcome, group, event
    sa.Column("old_value", sa.Text),
    sa.Column("new_value", sa.Text),
    sa.Column("comment", sa.Text),
    sa.Index("ix_reviews_claim", "document_id", "claim_id"),
)
