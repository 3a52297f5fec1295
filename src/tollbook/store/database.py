"""`Store`: save reports (one transaction each, de-duplicated by content hash) and load them back."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from tollbook.model import Extraction
from tollbook.store import engine as engines
from tollbook.store import migrations, schema
from tollbook.store.engine import StoreError
from tollbook.store.rows import extraction_from_rows, report_rows

LOAD_CHUNK = 200  # documents per round of queries when loading


def open_store(url: str | None = None, *, migrate: bool = True) -> Store:
    """Open (and create or upgrade, unless `migrate` is False) the database at `url`.

    `url` is `sqlite:///FILE` (default `sqlite:///tollbook.db`, or $TOLLBOOK_DB), a bare file path,
    or `postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE`. Raises StoreError with one line when it
    cannot be opened.
    """
    parsed = engines.parse_url(url)
    engine = engines.create(parsed)
    store = Store(engine)
    if migrate:
        try:
            migrations.migrate(engine)
        except migrations.MigrationError as error:
            engine.dispose()
            raise StoreError(f"{engines.safe(parsed)}: {error}") from None
        except sa.exc.DBAPIError as error:
            engine.dispose()
            problem = engines.reason(error)
            raise StoreError(f"{engines.safe(parsed)}: cannot create the schema ({problem})") from None
    return store


class Store:
    """A tollbook database. Use as a context manager, or call `close()`."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self._insert_document = _insert_ignoring_duplicates(engine, schema.documents, "id")

    @property
    def url(self) -> str:
        return engines.safe(self.engine.url)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------ writing

    def save(self, extraction: Extraction) -> bool:
        """Store one report in one transaction. False (and nothing written) when a document with
        the same content hash is already stored."""
        rows = report_rows(extraction, datetime.datetime.now(datetime.UTC))
        with self.engine.begin() as conn:
            # Insert-or-ignore rather than look-then-insert: two writers cannot both store it.
            if conn.execute(self._insert_document, rows["documents"][0]).first() is None:
                return False
            for table in schema.REPORT_TABLES[1:]:
                if rows[table.name]:
                    conn.execute(table.insert(), rows[table.name])
        return True

    # ------------------------------------------------------------ reading

    def has(self, document_id: str) -> bool:
        return bool(self.known([document_id]))

    def known(self, document_ids: Iterable[str]) -> set[str]:
        """The ids among these that are stored."""
        found: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in batched(set(document_ids), 500):
                query = sa.select(schema.documents.c.id).where(schema.documents.c.id.in_(chunk))
                found.update(conn.execute(query).scalars())
        return found

    def document_ids(self) -> list[str]:
        """Every stored document's id, in the order they were stored."""
        query = sa.select(schema.documents.c.id).order_by(schema.documents.c.seq)
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def load(self, ids: Iterable[str] | None = None) -> Iterator[Extraction]:
        """The stored reports (all, in storage order, or these ids in this order), rebuilt exactly.
        Raises StoreError for an id that is not stored."""
        wanted = self.document_ids() if ids is None else list(ids)
        for chunk in batched(wanted, LOAD_CHUNK):
            yield from self._load_chunk(chunk)

    def _load_chunk(self, ids: Sequence[str]) -> Iterator[Extraction]:
        with self.engine.connect() as conn:
            query = sa.select(schema.documents).where(schema.documents.c.id.in_(ids))
            documents = {row.id: row._mapping for row in conn.execute(query)}
            missing = [i for i in ids if i not in documents]
            if missing:
                raise StoreError(f"no stored document with id {missing[0]}")
            children = {table.name: _children(conn, table, ids) for table in schema.REPORT_TABLES[1:]}
        for document_id in ids:
            rows = {name: by_document.get(document_id, []) for name, by_document in children.items()}
            yield extraction_from_rows(documents[document_id], rows)

    def counts(self) -> dict[str, int]:
        """Rows per table of reports (the migrations table left out)."""
        with self.engine.connect() as conn:
            return {
                table.name: int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar() or 0)
                for table in schema.REPORT_TABLES
            }


def _children(conn: sa.Connection, table: sa.Table, ids: Sequence[str]) -> dict[str, list[Any]]:
    """A child table's rows for these documents, grouped by document, in position order."""
    order = [table.c.document_id, table.c.claim_id, table.c.position] if "claim_id" in table.c else [
        table.c.document_id, table.c.position]
    query = sa.select(table).where(table.c.document_id.in_(ids)).order_by(*order)
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in conn.execute(query):
        grouped[row.document_id].append(row._mapping)
    return grouped


def batched(items: Iterable[str], size: int) -> Iterator[list[str]]:
    """itertools.batched, which arrives only in Python 3.12."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _insert_ignoring_duplicates(engine: sa.Engine, table: sa.Table, key: str):
    dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
    # RETURNING tells an insert from an ignored one on both databases (rowcount does not, reliably).
    return dialect.insert(table).on_conflict_do_nothing(index_elements=[key]).returning(table.c[key])
