"""Exports: ACLED and UCDP CSVs read back with the csv module, JSONL, GeoJSON, atomic writes."""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import json

import pytest

from test_reconcile import KANO, claim, event, report
from tollbook import export
from tollbook.errors import TollbookError
from tollbook.export import acled, common, ucdp
from tollbook.model import Actor, Category, DateRange, Outcome, SourceKind
from tollbook.reconcile import reconcile

ACLED_COLUMNS = (
    "event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 "
    "assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region country "
    "admin1 admin2 admin3 location latitude longitude geo_precision source source_scale notes fatalities "
    "tags timestamp").split()
UCDP_COLUMNS = (
    "id relid year active_year code_status type_of_violence conflict_dset_id conflict_new_id "
    "conflict_name dyad_dset_id dyad_new_id dyad_name side_a_dset_id side_a_new_id side_a "
    "side_b_dset_id side_b_new_id side_b number_of_sources source_article source_office source_date "
    "source_headline source_original where_prec where_coordinates where_description adm_1 adm_2 "
    "latitude longitude geom_wkt priogrid_gid country country_id region event_clarity date_prec "
    "date_start date_end deaths_a deaths_b deaths_civilians deaths_unknown best high low gwnoa "
    "gwnob").split()

ARMY = Actor(name="Military Forces of Nigeria", actor_type="State forces", country="NG")


def _ledger():
    """One attack in Kano told by two outlets: the spokesman revises 5 killed to 7; 12 wounded."""
    spokesman = dict(speaker="Abdullahi Haruna", kind=SourceKind.OFFICIAL)
    first = report("a", url="https://one.example/a", published="2024-03-05",
                   text="Gunmen killed 5 villagers and wounded 12 in Kano, Abdullahi Haruna said.",
                   claims=[claim("k", Outcome.KILLED, 5, stated="2024-03-05", category=Category.CIVILIAN,
                                 **spokesman),
                           claim("i", Outcome.INJURED, 12, stated="2024-03-05")],
                   events_=[event(actors=[ARMY])], people=["Abdullahi Haruna"])
    second = report("b", url="https://two.example/b", published="2024-03-06",
                    text="Abdullahi Haruna said 7 people were killed in the Kano attack.",
                    claims=[claim("k", Outcome.KILLED, 7, stated="2024-03-06", category=Category.CIVILIAN,
                                  **spokesman)], people=["Abdullahi Haruna"])
    return reconcile([first, second])


def _read(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames or []), list(reader)


def test_acled_csv_header_types_and_one_event_end_to_end():
    header, rows = _read(acled.to_csv(_ledger()))
    assert header[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert all(name.startswith("tb_") for name in header[len(ACLED_COLUMNS):])
    [row] = rows
    assert datetime.date.fromisoformat(row["event_date"]).isoformat() == "2024-03-04"
    assert int(row["year"]) == 2024 and int(row["time_precision"]) == 1
    assert row["event_id_cnty"] == "NGA1" and int(row["iso"]) == 566 and row["country"] == "Nigeria"
    assert (row["location"], row["admin1"]) == ("Kano", "Kano")
    assert float(row["latitude"]) == KANO[3] and int(row["geo_precision"]) == 1
    assert row["event_type"] == "Violence against civilians" and row["disorder_type"] == "Political violence"
    assert row["actor1"] == ARMY.name and int(row["inter1"]) == 1 and int(row["interaction"]) == 10
    assert int(row["fatalities"]) == 7  # the spokesman's revision supersedes his 5
    assert (int(row["tb_injuries_low"]), int(row["tb_injuries_high"])) == (12, 12)
    assert row["source"] == "one.example; two.example"
    assert "killed 5 (abdullahi haruna, 2024-03-05, superseded)" in row["tb_figure_history"]
    assert row["region"] == row["admin2"] == row["tags"] == ""  # never guessed
    assert int(row["timestamp"]) > 0


def test_ucdp_csv_header_types_and_one_event_end_to_end():
    header, rows = _read(ucdp.to_csv(_ledger()))
    assert header == UCDP_COLUMNS and len(header) == 49
    [row] = rows
    deaths = [int(row[k]) for k in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")]
    assert deaths == [0, 0, 7, 0] and int(row["best"]) == sum(deaths)
    assert int(row["low"]) <= int(row["best"]) <= int(row["high"])
    assert row["date_start"] == row["date_end"] == "2024-03-04" and int(row["date_prec"]) == 1
    assert int(row["where_prec"]) == 1 and row["side_a"] == ARMY.name and row["side_b"] == ""
    assert row["geom_wkt"] == f"POINT ({KANO[4]} {KANO[3]})"
    assert int(row["priogrid_gid"]) == ucdp.priogrid_gid(KANO[3], KANO[4])
    assert row["source_original"] == "abdullahi haruna" and int(row["number_of_sources"]) == 2
    for empty in ("conflict_name", "type_of_violence", "gwnoa", "country_id", "region", "event_clarity"):
        assert row[empty] == ""


def test_ucdp_deaths_by_side_and_unknown_remainder():
    soldiers = claim("s", Outcome.KILLED, 3, category=Category.MILITARY, noun="soldiers")
    civilians = claim("c", Outcome.KILLED, 2, category=Category.CIVILIAN, noun="villagers")
    total = claim("t", Outcome.KILLED, 9, is_total=True, noun="people")
    ledger = reconcile([report("a", claims=[soldiers, civilians, total], events_=[event(actors=[ARMY])])])
    row = ucdp.rows(ledger)[0]
    assert (row["deaths_a"], row["deaths_b"], row["deaths_civilians"], row["deaths_unknown"]) == (3, 0, 2, 4)
    assert row["best"] == 9


def test_ucdp_without_a_killed_figure_leaves_deaths_empty():
    ledger = reconcile([report("a", claims=[claim("i", Outcome.INJURED, 2)])])
    row = ucdp.rows(ledger)[0]
    assert row["best"] is None and row["deaths_unknown"] is None


@pytest.mark.parametrize("lat, lon, gid", [(-89.9, -179.9, 1), (-89.9, 179.9, 720), (-89.4, -179.9, 721),
                                           (89.9, 179.9, 259200), (0.1, 0.1, 180 * 720 + 360 + 1)])
def test_priogrid_gid(lat, lon, gid):
    assert ucdp.priogrid_gid(lat, lon) == gid


@pytest.mark.parametrize("as_written, value, expected", [
    ("dozens", 24, 12), ("hundreds", 200, 100), ("several", 3, 3), ("many", 2, 10), ("scores", 40, 10),
    ("a few", 2, 3), ("at least 14", 14, 14), ("more than 112", 113, 113), ("12", 12, 12),
])
def test_acled_vague_word_conventions(as_written, value, expected):
    assert acled.acled_number(as_written, value) == expected


def test_acled_takes_the_lowest_credible_figure_and_splits_days_evenly():
    dozens = claim("d", Outcome.KILLED, None, low=24, as_written="dozens")
    five_days = DateRange(start="2024-03-04", end="2024-03-08", precision="day")
    a = report("a", url="https://a.example/", claims=[dozens], people=["Musa Bello"],
               events_=[dataclasses.replace(event(), date=five_days)])
    b = report("b", url="https://b.example/", claims=[claim("k", Outcome.KILLED, 30)], people=["Musa Bello"])
    rows = acled.rows(reconcile([a, b]))
    assert [r["event_date"] for r in rows] == [f"2024-03-0{d}" for d in range(4, 9)]
    assert [r["fatalities"] for r in rows] == [3, 3, 2, 2, 2]  # dozens → 12 < 30, over five days
    assert len({r["event_id_cnty"] for r in rows}) == 5


def test_split_evenly():
    assert common.split_evenly(7, 3) == [3, 2, 2] and common.split_evenly(0, 2) == [0, 0]


def test_jsonl_has_figures_claims_and_evidence():
    [line] = export.render(_ledger(), "jsonl").splitlines()
    data = json.loads(line)
    assert {m["report"] for m in data["members"]} == {"a", "b"}
    assert any(t["outcome"] == "killed" and t["best"] == 7 for t in data["totals"])
    evidence = {c["claim"]: c["evidence"] for c in data["claims"] if c["report"] == "a"}
    assert evidence["k"] == "Gunmen kil"  # the claim's span in the report's text


def test_geojson_points_are_lon_lat():
    data = json.loads(export.render(_ledger(), "geojson"))
    [feature] = data["features"]
    assert data["type"] == "FeatureCollection"
    assert feature["geometry"] == {"type": "Point", "coordinates": [KANO[4], KANO[3]]}
    assert (feature["properties"]["killed_best"], feature["properties"]["injured_best"]) == (7, 12)


def test_unknown_format_is_a_user_error():
    with pytest.raises(export.UnknownFormat):
        export.render(_ledger(), "xlsx")


def test_write_atomically_replaces_whole_files_and_leaves_nothing_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "events.csv"
    target.write_text("old\n")
    export.write_atomically(target, "new\n")
    assert target.read_text() == "new\n"

    def broken(*_args):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", broken)
    with pytest.raises(OSError):
        export.write_atomically(target, "half\n")
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


def test_ledger_view_filters_by_country_and_day():
    from tollbook.reconcile import view

    elsewhere = report("z", claims=[claim("k", Outcome.KILLED, 1)],
                       events_=[event(day="2023-01-02", place=("Accra", "Greater Accra", "GH", 5.56, -0.2))])
    ledger = view.load_ledger(None, loader=lambda _db: [elsewhere, *_ledger().reports.values()])
    assert len(ledger.events) == 2
    assert [e.place.country for e in view.select(ledger, country="ng").events] == ["NG"]
    assert [e.place.country for e in view.select(ledger, since="2024-01-01").events] == ["NG"]
    with pytest.raises(TollbookError):
        view.select(ledger, since="last week")
    [row] = view.summary(view.select(ledger, country="NG"))
    assert row["killed"] == {"low": 7, "best": 7, "high": 7, "sources": 1}


@pytest.mark.parametrize("arguments, expected", [
    (["ledger", "--json"], '"best": 7'),
    (["ledger", "--country", "GH"], "0 events"),
    (["export", "--format", "ucdp"], "id,relid,year"),
])
def test_cli_ledger_and_export(monkeypatch, arguments, expected):
    from typer.testing import CliRunner

    from tollbook.cli import app
    from tollbook.reconcile import view

    monkeypatch.setattr(view, "load_extractions", lambda _db: list(_ledger().reports.values()))
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.output
    assert expected in result.output


def test_cli_export_writes_the_file(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from tollbook.cli import app
    from tollbook.reconcile import view

    monkeypatch.setattr(view, "load_extractions", lambda _db: list(_ledger().reports.values()))
    target = tmp_path / "events.csv"
    result = CliRunner().invoke(app, ["export", "--format", "acled", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text().startswith("event_id_cnty,event_date,")
