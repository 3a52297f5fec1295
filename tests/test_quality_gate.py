"""The quality gate: each evaluator on a fixed slice of its development set must not score below
the minimum recorded in quality_minimums.json. Minimums only move up: raise one when a change
measurably improves it, never lower one to make a change pass."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tollbook.evaluate import command

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
GATE = json.loads((Path(__file__).parent / "quality_minimums.json").read_text(encoding="utf-8"))


@pytest.mark.devdata
@pytest.mark.parametrize("kind", sorted(GATE))
def test_scores_do_not_drop(kind: str) -> None:
    entry = GATE[kind]
    folder = DATA / entry["folder"]
    if not folder.is_dir():
        pytest.skip(f"development data absent: {folder}")
    if importlib.util.find_spec(f"tollbook.evaluate.{kind}") is None:
        pytest.skip(f"tollbook.evaluate.{kind} is not written yet")
    result = command.run(kind, folder, limit=entry.get("limit"), progress=False)
    assert result["n"] >= 1
    dropped = {metric: (result.get(metric), minimum) for metric, minimum in entry["minimums"].items()
               if result.get(metric) is None or result[metric] < minimum}
    assert not dropped, f"{kind}: below the recorded minimum (measured, minimum): {dropped}"


def test_the_gate_covers_every_kind() -> None:
    assert set(GATE) == set(command.KINDS)
    for entry in GATE.values():
        assert entry["minimums"], "every gate entry checks at least one metric"
