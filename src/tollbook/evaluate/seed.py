"""`tollbook eval seed FOLDER`: the founding article through the project's seed checker.

The folder holds `article.txt` and `expected.json`; the checker is `tools/check_seed.py` two
levels up (`../shared/tools/` beside `../shared/data/seed/`). The extraction is written as JSON
and the checker runs as a subprocess once per part (document, claims, events, findings), with
`--expected` and `--article` pointing into the folder, so another folder of the same layout is
checked unchanged.

Metrics: passed and failed over all required facts, `<part>_passed` / `<part>_failed`, and
required_all (1 when every required fact passes, else 0).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from tollbook.evaluate.common import DataFolderError, error_log, extract, identity, require
from tollbook.model import to_json
from tollbook.settings import Settings

FILES = ("article.txt", "expected.json")
PARTS = ("document", "claims", "events", "findings")
_SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed\s*$", re.MULTILINE)


def checker_path(folder: Path) -> Path:
    checker = folder.resolve().parent.parent / "tools" / "check_seed.py"
    if not checker.is_file():
        raise DataFolderError(f"{folder}: no seed checker at {checker}")
    return checker


def run_checker(checker: Path, extraction_json: Path, folder: Path, part: str) -> tuple[int, int, str]:
    """(passed, failed, the checker's output) for one part."""
    done = subprocess.run(
        [sys.executable, str(checker), str(extraction_json), "--only", part,
         "--expected", str(folder / "expected.json"), "--article", str(folder / "article.txt")],
        capture_output=True, text=True, timeout=120, check=False)
    match = _SUMMARY.search(done.stdout)
    if match is None:
        return 0, 1, done.stdout + done.stderr
    return int(match[1]), int(match[2]), done.stdout


def evaluate(path: Path, *, limit: int | None = None, errors: Path | None = None,
             progress=identity, settings: Settings | None = None) -> dict[str, Any]:
    folder = Path(path)
    article_path, _ = require(folder, *FILES)
    checker = checker_path(folder)
    extraction, refusal = extract(article_path.read_text(encoding="utf-8"), settings=settings)
    result: dict[str, Any] = {"n": 1, "passed": 0, "failed": 0}
    with tempfile.TemporaryDirectory() as tmp, error_log(errors) as log:
        extraction_json = Path(tmp) / "seed.json"
        extraction_json.write_text(to_json(extraction), encoding="utf-8")
        for part in progress(list(PARTS)):
            passed, failed, output = run_checker(checker, extraction_json, folder, part)
            result[f"{part}_passed"], result[f"{part}_failed"] = passed, failed
            result["passed"] += passed
            result["failed"] += failed
            for line in output.splitlines():
                if line.startswith(("FAIL", "miss")):
                    log.write(part=part, line=line, refused=refusal)
    result["required_all"] = int(result["failed"] == 0)
    return result
