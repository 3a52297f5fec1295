"""Evaluators on small invented folders: readers, scoring with a stand-in pipeline, dispatch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tollbook.errors import TollbookError
from tollbook.evaluate import command, common, events, gva, gvdb, muc4
from tollbook.model import (
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
    Role,
    Span,
)


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


def fake_extraction(text: str, *, killed: int = 0, injured: int = 0, city: str | None = None,
                    admin1: str | None = None, country: str | None = None, day: str | None = None,
                    event_type: str | None = "Violence against civilians",
                    sub_type: str | None = "Attack") -> Extraction:
    def claim(id: str, outcome: Outcome, n: int) -> Claim:
        count = Count(as_written=str(n), start=0, end=1, value=n, low=n, high=n, qualifier=Qualifier.EXACT)
        return Claim(id=id, outcome=outcome, count=count, group=Group(noun="people", role=Role.VICTIM),
                     source=None, evidence=Span(start=0, end=1), event="e1")

    claims = [claim(id, outcome, n) for id, outcome, n in
              (("k", Outcome.KILLED, killed), ("i", Outcome.INJURED, injured)) if n]
    event = Event(id="e1", kind="shooting", acled_event_type=event_type, acled_sub_event_type=sub_type,
                  date=DateRange(start=day, end=day), place=Place(name=city, admin1=admin1, country=country))
    return Extraction(document=Document(id="x", text=text), claims=claims, events=[event])


def stand_in(predictions: dict[str, dict]):
    """An extract_all replacement: each item's extraction is built from predictions[item id]."""
    def extract_all(items, *, settings=None):
        for item in items:
            yield item, fake_extraction(item["text"], **predictions[item["id"]]), None
    return extract_all


@pytest.fixture
def gvdb_folder(tmp_path: Path) -> Path:
    rows = [("1", "http://example.test/a", "Man shot", "A man was shot dead in Springfield.", "{}", "w"),
            ("2", "http://example.test/b", "Two hurt", "Two people were wounded in Shelbyville.", "{}", "w")]
    header = "Article id\tArticle url\tArticle title\tFull text\tJson\tWorker\n"
    lines = "".join("\t".join(row) + "\n" for row in rows)
    (tmp_path / "articles.tsv").write_text(header + lines, encoding="utf-8")
    write_jsonl(tmp_path / "gold_summary.jsonl", [
        {"article_id": "1", "n_killed": 1, "n_injured_not_killed": 0, "city": "Springfield"},
        {"article_id": "2", "n_killed": 0, "n_injured_not_killed": 2, "city": ""}])
    return tmp_path


def test_gvdb_reads_and_scores(gvdb_folder, monkeypatch, tmp_path):
    items = gvdb.read(gvdb_folder)
    assert [item["id"] for item in items] == ["1", "2"]
    assert items[0]["title"] == "Man shot"
    monkeypatch.setattr(common, "extract_all", stand_in({
        "1": {"killed": 1, "city": "Springfield"}, "2": {"injured": 1}}))
    errors = tmp_path / "errors.jsonl"
    result = gvdb.evaluate(gvdb_folder, errors=errors)
    assert result["n"] == 2
    assert result["killed_exact"] == 1.0 and result["injured_exact"] == 0.5
    assert result["injured_mae"] == 0.5 and result["city_match"] == 1.0
    assert result["baseline_zero_killed_exact"] == 0.5
    assert result["baseline_regex_injured_exact"] == 1.0  # "Two people were wounded"
    lines = [json.loads(line) for line in errors.read_text().splitlines()]
    assert lines[1]["injured"] == 1 and lines[1]["gold_injured"] == 2
    assert gvdb.evaluate(gvdb_folder, limit=1)["n"] == 1


def test_gva_accepts_any_incident_of_an_article(tmp_path, monkeypatch):
    write_jsonl(tmp_path / "incidents.jsonl", [
        {"incident_id": "10", "num_killed": 1, "num_injured": 0, "date": "2016-05-01", "state": "Texas",
         "city_or_county": "Houston"},
        {"incident_id": "11", "num_killed": 2, "num_injured": 1, "date": "2016-05-02", "state": "Ohio",
         "city_or_county": "Dayton (Trotwood)"}])
    doc = {"title": "t", "uri": "u"}
    write_jsonl(tmp_path / "docs.jsonl", [
        {**doc, "doc_id": "d1", "incident_id": "10", "dct": "2016-05-02", "content": "text"},
        {**doc, "doc_id": "d1", "incident_id": "11", "dct": "2016-05-02", "content": "text"},
        {**doc, "doc_id": "d2", "incident_id": "11", "dct": "2016-05-03", "content": "more"}])
    items = gva.read(tmp_path)
    assert [(i["id"], len(i["incidents"])) for i in items] == [("d1", 2), ("d2", 1)]
    assert "incident_id" not in {key for item in items for key in item if key != "incidents"}
    monkeypatch.setattr(common, "extract_all", stand_in({
        "d1": {"killed": 2, "injured": 1, "day": "2016-05-01", "city": "Trotwood", "admin1": "US-OH"},
        "d2": {"killed": 1, "day": "2016-05-02", "city": "Dayton", "admin1": "Texas"}}))
    result = gva.evaluate(tmp_path)
    assert result["n"] == 2
    assert result["killed_exact"] == 0.5 and result["injured_exact"] == 0.5
    assert result["date_exact"] == 1.0  # d1 matches incident 10's date, d2 incident 11's
    assert result["city_match"] == 1.0 and result["state_match"] == 0.5


def test_muc4_reads_keys_and_aligns(tmp_path, monkeypatch):
    slots = {"2. INCIDENT: DATE": ["- 03 JAN 90"], "3. INCIDENT: LOCATION": ["PERU: LIMA (CITY)"],
             "4. INCIDENT: TYPE": ["BOMBING"], "21. HUM TGT: NUMBER": ['2: "GUARDS"'],
             "23. HUM TGT: EFFECT OF INCIDENT": ['DEATH: "GUARDS"']}
    write_jsonl(tmp_path / "templates.jsonl", [
        {"doc_id": "T-1", "message_template": "1", "is_irrelevant_doc": False, "template_optional": False,
         "slots": slots},
        {"doc_id": "T-1", "message_template": "2 (OPTIONAL)", "is_irrelevant_doc": False,
         "template_optional": True, "slots": slots},
        {"doc_id": "T-2", "message_template": "*", "is_irrelevant_doc": True, "template_optional": False,
         "slots": {}}])
    write_jsonl(tmp_path / "docs.jsonl", [
        {"doc_id": "T-1", "dateline": "LIMA, 3 JAN 90", "text": "LIMA, 3 JAN 90 -- A BOMB EXPLODED."},
        {"doc_id": "T-2", "dateline": "LIMA, 4 JAN 90", "text": "LIMA, 4 JAN 90 -- A MINISTER SPOKE."}])
    items = muc4.read(tmp_path)
    assert items[0]["published"] == "1990-01-03" and len(items[0]["templates"]) == 1
    monkeypatch.setattr(muc4, "extract_all", stand_in({
        "T-1": {"killed": 2, "day": "1990-01-02", "country": "PE",
                "event_type": "Explosions/Remote violence", "sub_type": "Remote explosive/landmine/IED"},
        "T-2": {"event_type": "Strategic developments", "sub_type": "Agreement"}}))
    result = muc4.evaluate(tmp_path)
    assert result["n"] == 1 and result["relevance_accuracy"] == 1.0
    assert result["type_accuracy"] == 1.0 and result["country_accuracy"] == 1.0
    assert result["date_accuracy"] == 0.5  # a day before an on-or-before key: partially correct
    assert result["death_number_accuracy"] == 1.0 and result["death_n"] == 1


def test_events_maps_labels_and_counts_unmapped(tmp_path):
    (tmp_path / "snippets.tsv").write_text(
        "id\tEventSnippet\tSubType\n"
        "1\tWarplanes bombed the village in an air strike.\tAIR_STRIKE\n"
        "2\tThe river burst its banks after days of rain.\tNATURAL_DISASTER\n"
        "3\tHundreds marched peacefully through the capital.\tPEACE_PROTEST\n", encoding="utf-8")
    result = events.evaluate(tmp_path, use_pipeline=False)
    assert result == {"n": 2, "unmapped_n": 1, "unmapped_none_rate": 1.0, "event_type_accuracy": 1.0,
                      "sub_event_type_accuracy": 1.0}
    assert len(events.CASE_TO_ACLED) == 25


def test_unknown_kind_and_wrong_folder_are_user_errors(tmp_path):
    with pytest.raises(command.UnknownKind, match="choose one of"):
        command.run("nope", tmp_path, progress=False)
    with pytest.raises(TollbookError, match="missing articles.tsv"):
        command.run("gvdb", tmp_path, progress=False)
    with pytest.raises(TollbookError, match="not a folder"):
        command.run("gva", tmp_path / "absent", progress=False)
    (tmp_path / "article.txt").write_text("x")
    (tmp_path / "expected.json").write_text("{}")
    with pytest.raises(TollbookError, match="no seed checker"):
        command.run("seed", tmp_path, progress=False)


def test_every_kind_is_registered():
    assert set(command.KINDS) == {"gvdb", "gva", "muc4", "events", "seed", "body", "ledger"}


def test_progress_bar_passes_items_through():
    with command.progress_bar("x", enabled=False) as track:
        assert list(track([1, 2])) == [1, 2]
    with command.progress_bar("x") as track:
        assert list(track([1, 2, 3])) == [1, 2, 3]


def test_render_puts_n_first_and_baselines_last():
    table = command.render("gvdb", {"baseline_zero_killed_exact": 0.5, "killed_exact": 0.75, "n": 4})
    names = list(table.columns[0].cells)
    assert names == ["n", "killed_exact", "baseline_zero_killed_exact"]
    assert list(table.columns[1].cells) == ["4", "0.750", "0.500"]
