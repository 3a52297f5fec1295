"""`tollbook eval ledger`: B-cubed over reports, incident-level figures, range coverage."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_reconcile import claim, event, report
from tollbook.evaluate import ledger as evaluation
from tollbook.model import Outcome

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "gva-longtail"


@pytest.mark.parametrize("labels, gold, expected", [
    (["x", "x", "y"], [{"1"}, {"1"}, {"2"}], 1.0),  # perfect
    (["a", "b", "c"], [{"1"}, {"1"}, {"2"}], 0.8),  # all alone: P 1, R (.5+.5+1)/3 = 2/3
    (["x", "x", "x"], [{"1"}, {"2"}, {"3"}], 0.5),  # all together: P 1/3, R 1
    # a report filed under two incidents belongs with both
    (["x", "x", "x"], [{"1"}, {"1", "2"}, {"2"}], pytest.approx(2 * (7 / 9) / (7 / 9 + 1))),
])
def test_bcubed_f1(labels, gold, expected):
    assert evaluation.bcubed_f1(labels, gold) == expected


def _item(doc: str, incident: str, killed: int, injured: int) -> dict:
    return {"id": doc, "incidents": [{"incident_id": incident, "num_killed": killed, "num_injured": injured}]}


def test_score_on_hand_made_reports():
    names = ["Musa Bello", "Aisha Yusuf"]
    first = report("a", url="https://a.example/", people=names,
                   claims=[claim("k", Outcome.KILLED, 2), claim("i", Outcome.INJURED, 1)])
    later = report("b", url="https://b.example/", people=names, published="2024-03-07",
                   claims=[claim("k", Outcome.KILLED, 3, stated="2024-03-07")])
    elsewhere = report("c", url="https://c.example/", people=["Ngozi Okafor"],
                       events_=[event(day="2024-05-01")], claims=[claim("k", Outcome.KILLED, 1)])
    items = [_item("a", "100", 3, 1), _item("b", "100", 3, 1), _item("c", "200", 1, 0)]
    metrics = evaluation.score(items, [first, later, elsewhere])
    assert metrics["bcubed_f1"] == 1.0 and metrics["singleton_bcubed_f1"] == pytest.approx(0.8)
    assert metrics["incident_killed_exact"] == 1.0  # 2 is overtaken by 3: best 3
    assert metrics["incident_injured_exact"] == 1.0  # "nothing stated" reads as 0 for incident 200
    assert metrics["range_coverage"] == 1.0
    assert metrics["n"] == 3 and metrics["events"] == 2


@pytest.mark.devdata
def test_eval_ledger_on_a_slice_of_the_gva_set():
    if not DATA.is_dir():
        pytest.skip("../shared/data/gva-longtail is absent")
    metrics = evaluation.evaluate(DATA, limit=30)
    assert metrics["n"] == 30
    assert set(metrics) >= {"bcubed_f1", "singleton_bcubed_f1", "incident_killed_exact",
                            "incident_injured_exact", "range_coverage"}
    assert metrics["bcubed_f1"] >= metrics["singleton_bcubed_f1"]
