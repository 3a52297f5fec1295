"""Database URLs → SQLAlchemy engines: SQLite (the default file) and PostgreSQL (psycopg 3).

SQLite runs in WAL mode (readers never block the one writer, and a killed writer loses at most its
open transaction), with foreign keys enforced and transactions begun explicitly, so that a report's
rows are written in one transaction and DDL is transactional too.
"""

from __future__ import annotations

import os

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from tollbook.errors import TollbookError

DEFAULT_URL = "sqlite:///tollbook.db"
URL_HELP = "expected sqlite:///FILE, a file path, or postgresql://USER@HOST:PORT/DATABASE"


class StoreError(TollbookError):
    """The database cannot be opened, reached or used."""


def parse_url(url: str | None) -> sa.URL:
    """The URL to open: the given one, else $TOLLBOOK_DB, else `tollbook.db` here. A bare path is a
    SQLite file; `postgresql://` and `postgres://` use the psycopg 3 driver."""
    raw = url or os.environ.get("TOLLBOOK_DB") or DEFAULT_URL
    if "://" not in raw:
        raw = f"sqlite:///{raw}"
    try:
        parsed = sa.make_url(raw)
    except ArgumentError:
        raise StoreError(f"{raw!r} is not a database URL ({URL_HELP})") from None
    backend = parsed.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite" and parsed.get_driver_name() in ("pysqlite", ""):
        return parsed
    raise StoreError(f"{parsed.drivername}: unsupported database ({URL_HELP})")


def safe(url: sa.URL) -> str:
    """The URL as shown to people: never the password, nor the driver tollbook picked."""
    return url.set(drivername=url.get_backend_name()).render_as_string(hide_password=True)


def create(url: sa.URL) -> sa.Engine:
    """An engine for the URL, connected once so that a wrong URL fails here with one line."""
    try:
        if url.get_backend_name() == "sqlite":
            engine = sa.create_engine(url, connect_args={"timeout": 60})
            _configure_sqlite(engine)
        else:
            engine = sa.create_engine(url, pool_pre_ping=True)
        with engine.connect():
            pass
    except NoSuchModuleError:
        raise StoreError(f"{safe(url)}: no driver for this database ({URL_HELP})") from None
    except sa.exc.DBAPIError as error:
        raise StoreError(f"{safe(url)}: cannot open the database ({reason(error)})") from None
    return engine


def reason(error: BaseException) -> str:
    """The driver's message on one line, without SQLAlchemy's statement dump and help links."""
    original = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    return lines[0] if lines else type(original).__name__


def _configure_sqlite(engine: sa.Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Take transaction control away from the sqlite3 module, which would otherwise begin
        # transactions only before DML (not DDL) and commit behind SQLAlchemy's back.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # In WAL mode, NORMAL is safe against a killed process (only power loss can undo the
        # last commits), and it spares an fsync per report.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        connection.exec_driver_sql("BEGIN")
