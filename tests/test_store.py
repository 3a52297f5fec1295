"""The store: exact round trips, one transaction per report, de-duplication by content hash, and
versioned migrations — on SQLite and on PostgreSQL (see conftest_pg)."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest
import sqlalchemy as sa

from tollbook.model import (
    Actor,
    AgeGroup,
    Category,
    Claim,
    Count,
    DatePrecision,
    DateRange,
    Document,
    Event,
    Extraction,
    Finding,
    Gender,
    Group,
    Outcome,
    Person,
    Place,
    PlacePrecision,
    Published,
    Qualifier,
    Role,
    Segment,
    SegmentKind,
    Severity,
    Source,
    SourceKind,
    Span,
    Status,
    Title,
    to_dict,
)
from tollbook.store import StoreError, open_store
from tollbook.store import migrations as migrations_module
from tollbook.store.engine import parse_url, safe

pytest_plugins = ["conftest_pg"]  # the db_url fixture: SQLite and PostgreSQL

TEXT = (
    "Blast kills 7 in Lowerton\n\n"
    "At least 7 people, two of them children, were killed and more than 12 injured on Friday, "
    "police chief Ana Ruiz said. The toll of soldiers is not yet known. Ruiz said 7 died. "
    "Earlier reports said 5 — ‘nearly 6’ — “quoted” 🙂 line\u2028separator."
)


def _doc(text: str = TEXT, **changes) -> Document:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    fields = dict(
        id=digest, text=text, url="https://news.invalid/a", outlet="news.invalid",
        headline="Blast kills 7 in Lowerton",
        published=Published(date="2024-03-09", precision=DatePrecision.DAY, inferred=True, how="text"),
        language="en",
        segments=[Segment(kind=SegmentKind.HEADLINE, start=0, end=25),
                  Segment(kind=SegmentKind.BODY, start=27, end=len(text)),
                  Segment(kind=SegmentKind.RESIDUE, start=30, end=31, label="furniture")],
        glued_at=[40, 41],
    )
    fields.update(changes)
    return Document(**fields)


def rich_extraction(text: str = TEXT) -> Extraction:
    """Every optional part both present and absent, and values that are easy to lose: 0, False,
    empty strings, a date range with nothing known but `inferred`, floats, non-ASCII text."""
    exact = Count(as_written="At least 7", start=27, end=37, value=None, low=7, high=None,
                  qualifier=Qualifier.AT_LEAST)
    official = Source(name="Ana Ruiz", title="police chief", organisation=None, kind=SourceKind.OFFICIAL,
                      is_party=False, span=Span(start=150, end=158))
    claims = [
        Claim(id="c1", outcome=Outcome.KILLED, count=exact,
              group=Group(noun="people", category=Category.CIVILIAN, role=Role.VICTIM, nationality="US",
                          gender=Gender.MIXED, age_group=AgeGroup.CHILD, is_total=True),
              source=official, evidence=Span(start=27, end=160),
              stated_on=DateRange(start="2024-03-08", end="2024-03-08", precision=DatePrecision.DAY,
                                  as_written="on Friday", inferred=False),
              event="e1", confidence=0.87, mentions=[Span(start=200, end=201), Span(start=0, end=1)]),
        Claim(id="c2", outcome=Outcome.INJURED,
              count=Count(as_written="more than 12", start=70, end=82, value=None, low=13, high=None,
                          qualifier=Qualifier.MORE_THAN),
              group=Group(), source=Source(name=None), evidence=Span(start=27, end=160),
              stated_on=DateRange(start=None, end=None), event=None, part_of="c1", supersedes="c3",
              status=Status.SUPERSEDED, hedged=True, negated=True, from_headline=True,
              outcome_inferred=True, confidence=0.0),
        Claim(id="c3", outcome=Outcome.KILLED, count=None, group=Group(noun="", category=Category.MILITARY),
              source=None, evidence=Span(start=0, end=0), status=Status.UNDETERMINED, confidence=1.0),
        Claim(id="c4", outcome=Outcome.CASUALTIES,
              count=Count(as_written="0", start=5, end=6, value=0, low=0, high=0, qualifier=Qualifier.EXACT),
              group=Group(role=Role.PERPETRATOR, gender=Gender.FEMALE, age_group=AgeGroup.ELDERLY),
              source=Source(name="Rádio Ñandú", kind=SourceKind.MEDIA, is_party=True, span=None),
              evidence=Span(start=1, end=2), event="e2", confidence=0.333333333333),
    ]
    events = [
        Event(id="e1", kind="bombing", acled_event_type="Explosions/Remote violence",
              acled_sub_event_type="Remote explosive/landmine/IED",
              date=DateRange(start="2024-03-08", end="2024-03-08", precision=DatePrecision.DAY),
              place=Place(name="Lowerton", admin1="Northshire", country="GB", lat=51.123456789, lon=-0.5,
                          precision=PlacePrecision.POINT),
              actors=[Actor(name="Unidentified armed group", actor_type="Rebel group", country=None),
                      Actor(name="Civilians", actor_type="Civilians", country="GB")],
              mentions=[Span(start=6, end=11)]),
        Event(id="e2", kind="", acled_event_type=None, acled_sub_event_type=None,
              date=DateRange(start=None, end=None, inferred=True), place=Place(name=None)),
    ]
    people = [
        Person(name="Ana Ruiz", variants=["Ruiz", "Ana Ruiz"],
               titles=[Title(text="police chief", span=Span(start=137, end=149))],
               nationalities=[Title(text="Spanish", span=Span(start=3, end=9))],
               mentions=[Span(start=150, end=158), Span(start=200, end=204)]),
        Person(name="Nobody"),
    ]
    findings = [
        Finding(kind="revised_toll", severity=Severity.WARNING, message="5 → 7: “revised”",
                spans=[Span(start=1, end=2)], claims=["c1", "c2"]),
        Finding(kind="ok", severity=Severity.OK, message=""),
    ]
    return Extraction(document=_doc(text), people=people, claims=claims, events=events, findings=findings)


def bare_extraction(text: str) -> Extraction:
    """A report with nothing found: no segments, no date, no claims."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Extraction(document=Document(id=digest, text=text))


# ---------------------------------------------------------------- round trips


def test_round_trip_is_exact(db_url):
    originals = [rich_extraction(), bare_extraction("Nothing happened here."),
                 rich_extraction(TEXT + " A second, different report.")]
    with open_store(db_url) as store:
        assert [store.save(x) for x in originals] == [True, True, True]
        loaded = list(store.load())
    assert [to_dict(x) for x in loaded] == [to_dict(x) for x in originals]
    # Enum fields come back as the enums, not bare strings that merely compare equal.
    assert type(loaded[0].claims[0].outcome) is Outcome
    assert loaded[0].claims[1].source == Source(name=None)
    assert loaded[0].claims[1].stated_on == DateRange(start=None, end=None)
    assert loaded[0].claims[2].stated_on is None and loaded[0].claims[2].count is None


def test_round_trip_of_real_extractions(db_url, sample_extractions):
    with open_store(db_url) as store:
        for extraction in sample_extractions:
            assert store.save(extraction)
        loaded = {x.document.id: x for x in store.load()}
    assert {i: to_dict(x) for i, x in loaded.items()} == {
        x.document.id: to_dict(x) for x in sample_extractions}


def test_load_by_ids_keeps_the_order_asked(db_url):
    first, second = bare_extraction("one report"), bare_extraction("another report")
    with open_store(db_url) as store:
        store.save(first)
        store.save(second)
        ids = [second.document.id, first.document.id]
        assert [x.document.id for x in store.load(ids)] == ids
        assert store.document_ids() == [first.document.id, second.document.id]
        with pytest.raises(StoreError, match="no stored document"):
            list(store.load(["0" * 64]))


# ---------------------------------------------------------------- one transaction, once


def test_the_same_text_is_stored_once(db_url, table_dump):
    with open_store(db_url) as store:
        assert store.save(rich_extraction())
        before = table_dump(store)
        # Same text, other metadata: still the same document (the id is the content hash).
        again = dataclasses.replace(rich_extraction(), people=[])
        assert store.save(again) is False
        assert table_dump(store) == before
        assert store.has(rich_extraction().document.id)
        assert store.known([rich_extraction().document.id, "f" * 64]) == {rich_extraction().document.id}


def test_a_failing_report_leaves_no_row_behind(db_url):
    # Two claims with one id: the claims insert fails after the document row was written.
    good = rich_extraction()
    broken = dataclasses.replace(good, claims=[good.claims[0], dataclasses.replace(good.claims[1], id="c1")])
    with open_store(db_url) as store:
        with pytest.raises(sa.exc.IntegrityError):
            store.save(broken)
        assert set(store.counts().values()) == {0}
        assert store.save(good)  # and the database is usable afterwards
        assert store.counts()["claims"] == 4


def test_counts_per_table(db_url):
    with open_store(db_url) as store:
        store.save(rich_extraction())
        assert store.counts() == {"documents": 1, "segments": 3, "people": 2, "events": 2, "claims": 4,
                                  "claim_mentions": 2, "findings": 2}


# ---------------------------------------------------------------- migrations


def test_new_database_is_stamped_and_reopening_changes_nothing(db_url):
    with open_store(db_url) as store, store.engine.connect() as conn:
        versions = conn.execute(sa.text("SELECT version FROM schema_migrations ORDER BY version")).scalars()
        assert list(versions) == [m.version for m in migrations_module.MIGRATIONS]
    with open_store(db_url) as store:
        assert migrations_module.migrate(store.engine) == []


def test_an_older_database_gets_the_new_migration(db_url):
    extra = sa.Table("extra_for_test", sa.MetaData(), sa.Column("x", sa.Integer))
    later = (*migrations_module.MIGRATIONS,
             migrations_module.Migration(len(migrations_module.MIGRATIONS) + 1, "extra table", extra.create))
    with open_store(db_url) as store:
        store.save(bare_extraction("kept across the upgrade"))
        assert migrations_module.migrate(store.engine, later) == [later[-1].version]
        assert migrations_module.migrate(store.engine, later) == []
        assert sa.inspect(store.engine).has_table("extra_for_test")
        assert store.counts()["documents"] == 1
        with store.engine.begin() as conn:  # leave the shared PostgreSQL database as it was
            extra.drop(conn)


def test_a_failed_migration_changes_nothing(db_url):
    def half_done(conn):
        conn.execute(sa.text("CREATE TABLE half_done (x INTEGER)"))
        raise RuntimeError("migration bug")

    later = (*migrations_module.MIGRATIONS,
             migrations_module.Migration(len(migrations_module.MIGRATIONS) + 1, "broken", half_done))
    with open_store(db_url) as store:
        with pytest.raises(RuntimeError):
            migrations_module.migrate(store.engine, later)
        assert not sa.inspect(store.engine).has_table("half_done")
        with store.engine.connect() as conn:
            assert migrations_module.current_version(conn) == len(migrations_module.MIGRATIONS)


def test_versions_must_be_consecutive():
    skip = migrations_module.Migration(len(migrations_module.MIGRATIONS) + 2, "gap", lambda conn: None)
    with pytest.raises(ValueError, match="without gaps"):
        migrations_module.migrate(None, (*migrations_module.MIGRATIONS, skip))  # type: ignore[arg-type]


def test_a_database_with_foreign_tables_is_refused(db_url):
    with open_store(db_url, migrate=False) as store, store.engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE documents (x INTEGER)"))
    with pytest.raises(StoreError, match="did not create"):
        open_store(db_url)


# ---------------------------------------------------------------- URLs and connections


@pytest.mark.parametrize(
    ("given", "driver", "database"),
    [
        ("sqlite:///ledger.db", "sqlite", "ledger.db"),
        ("ledger.db", "sqlite", "ledger.db"),  # a bare path is a SQLite file
        ("/tmp/x/ledger.db", "sqlite", "/tmp/x/ledger.db"),
        ("postgresql://u@127.0.0.1:5432/ledger", "postgresql+psycopg", "ledger"),
        ("postgres://u@127.0.0.1/ledger", "postgresql+psycopg", "ledger"),  # the short spelling
        ("postgresql+psycopg://u@127.0.0.1/ledger", "postgresql+psycopg", "ledger"),
    ],
)
def test_parse_url(given, driver, database):
    url = parse_url(given)
    assert (url.drivername, url.database) == (driver, database)


@pytest.mark.parametrize("given", ["mysql://u@h/db", "sqlite+pysqlcipher:///x.db", "oracle://h/db",
                                   "://nothing"])
def test_unsupported_urls_are_refused(given):
    with pytest.raises(StoreError):
        parse_url(given)


def test_default_url_and_environment(monkeypatch):
    monkeypatch.delenv("TOLLBOOK_DB", raising=False)
    assert parse_url(None).database == "tollbook.db"
    monkeypatch.setenv("TOLLBOOK_DB", "sqlite:///elsewhere.db")
    assert parse_url(None).database == "elsewhere.db"


def test_passwords_are_never_shown():
    shown = safe(parse_url("postgresql://tollbook:s3cret@127.0.0.1/ledger"))
    assert "s3cret" not in shown and shown.startswith("postgresql://tollbook:")


@pytest.mark.parametrize("url", ["sqlite:////nonexistent-dir/x/y.db", "postgresql://u@127.0.0.1:1/none"])
def test_unreachable_databases_fail_with_one_line(url):
    with pytest.raises(StoreError) as raised:
        open_store(url)
    assert "\n" not in str(raised.value) and "cannot open" in str(raised.value)


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'x.db'}") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with pytest.raises(sa.exc.IntegrityError):  # a segment of a document that is not there
            conn.exec_driver_sql(
                "INSERT INTO segments (document_id, position, kind, span_start, span_end) "
                "VALUES ('nope', 0, 'body', 0, 1)")


@pytest.fixture(scope="module")
def sample_extractions():
    from tollbook import demo, pipeline, read
    from tollbook.settings import Settings

    settings = Settings()
    return [pipeline.extract_report(read.read_path(p, settings), settings) for p in demo.sample_paths()]
