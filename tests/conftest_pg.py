"""The database fixture the store and ingest tests share: every test that takes `db_url` runs once
against SQLite and once against PostgreSQL.

PostgreSQL is the server `.ci/run` starts and names in $TOLLBOOK_TEST_PG_URL; without that variable
(a developer's `make test`) the PostgreSQL variants skip. Each test starts from an empty database.
A test module loads it with `pytest_plugins = ["conftest_pg"]`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import sqlalchemy as sa

PG_ENV = "TOLLBOOK_TEST_PG_URL"


def empty_database(url: str) -> None:
    """Drop every table, so that each test begins with a database tollbook has never seen."""
    from tollbook.store.engine import create, parse_url

    engine = create(parse_url(url))
    try:
        reflected = sa.MetaData()
        reflected.reflect(engine)
        reflected.drop_all(engine)
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'tollbook.db'}"
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"${PG_ENV} is not set (.ci/run starts a PostgreSQL server and sets it)")
    empty_database(url)
    return url


@pytest.fixture
def table_dump():
    """`table_dump(store)`: every row of every report table, sorted — what "unchanged" compares."""
    return dump_tables


def dump_tables(store: Any) -> dict[str, list[tuple]]:
    from tollbook.store import schema

    dump = {}
    with store.engine.connect() as conn:
        for table in schema.REPORT_TABLES:
            rows = conn.execute(sa.select(table)).all()
            dump[table.name] = sorted(tuple(map(repr, row)) for row in rows)
    return dump
