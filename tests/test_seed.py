"""The founding example: ../shared/tools/check_seed.py, part by part, on the seed article."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import need_shared

PARTS = ["document", "claims", "events", "findings"]


@pytest.mark.devdata
@pytest.mark.parametrize("part", PARTS)
def test_seed_part_passes(part, seed_extraction, tmp_path):
    checker = need_shared("tools", "check_seed.py")
    out = tmp_path / "seed.json"
    out.write_text(json.dumps(seed_extraction), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(checker), str(out), "--only", part], capture_output=True, text=True, timeout=120
    )
    failures = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert result.returncode == 0, "\n".join(failures) or result.stdout
