"""Versioned schema migrations, applied in order and recorded in `schema_migrations`.

An empty database gets the current schema (`store.schema`) in one step and is stamped with every
migration's version: replaying history on a new database would only be slower. A database made by an
older tollbook gets each migration it has not seen, in version order, each in its own transaction
(PostgreSQL and SQLite both roll DDL back, so a failed migration leaves the previous version intact).

Adding a migration (e.g. the reviews table of issue 6):

1. change `store/schema.py` so that it describes the new schema (a new `sa.Table`, a new column);
2. append `Migration(N + 1, "what it does", function)` to `MIGRATIONS` below, where `function(conn)`
   turns a database at version N into exactly that schema: `schema.reviews.create(conn)` for a new
   table, `conn.execute(sa.text("ALTER TABLE claims ADD COLUMN x TEXT"))` for a new column (SQLite's
   ALTER TABLE can add a column but not change one: copy into a new table for that);
3. add a test that builds a version-N database, migrates it and compares it with a new one.

Versions are never renumbered or edited once released: a database records which ones it has.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from tollbook.store import schema


class MigrationError(Exception):
    """The database cannot be brought to the current schema (turned into a StoreError by the caller)."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sa.Connection], None]


def _initial(conn: sa.Connection) -> None:
    """Version 1 is where every database starts: `migrate` creates an empty database from the
    current schema and stamps it, so there is no older version to bring up to this one."""


def _reviews(conn: sa.Connection) -> None:
    schema.reviews.create(conn)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, segments, people, events, claims, claim mentions, findings", _initial),
    Migration(2, "reviews of claims", _reviews),
)


def current_version(conn: sa.Connection) -> int:
    """The highest applied version; 0 for a database tollbook has never touched."""
    if not sa.inspect(conn).has_table(schema.schema_migrations.name):
        return 0
    version = conn.execute(sa.select(sa.func.max(schema.schema_migrations.c.version))).scalar()
    return int(version or 0)


def migrate(engine: sa.Engine, migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Bring the database up to the last migration; returns the versions applied now."""
    _check_order(migrations)
    with engine.begin() as conn:
        version = current_version(conn)
        if version == 0:
            _refuse_foreign_tables(conn)
            # A new database: the current schema at once, stamped with every version.
            schema.metadata.create_all(conn)
            _stamp(conn, migrations)
            return [m.version for m in migrations]
    applied = []
    for migration in migrations:
        if migration.version <= version:
            continue
        with engine.begin() as conn:
            migration.apply(conn)
            _stamp(conn, [migration])
        applied.append(migration.version)
    return applied


def _stamp(conn: sa.Connection, migrations: Sequence[Migration]) -> None:
    now = datetime.datetime.now(datetime.UTC)
    rows = [{"version": m.version, "name": m.name, "applied_at": now} for m in migrations]
    if rows:
        conn.execute(schema.schema_migrations.insert(), rows)


def _refuse_foreign_tables(conn: sa.Connection) -> None:
    existing = set(sa.inspect(conn).get_table_names()) & set(schema.metadata.tables)
    if existing:
        raise MigrationError(
            f"the database has tables tollbook did not create ({', '.join(sorted(existing))}) "
            "and no schema_migrations table; use an empty database"
        )


def _check_order(migrations: Sequence[Migration]) -> None:
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise ValueError(f"migration versions must be 1, 2, 3, … without gaps; got {versions}")
