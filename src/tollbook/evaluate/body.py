"""How well reading HTML keeps the article body: the article-extraction-benchmark metric.

The data set (`../shared/data/article-extraction-benchmark`) pairs saved news pages with the
plain text of their article body. The score is the benchmark's own: text is cut into word
tokens (runs of `\\w`, case kept), each run of four consecutive tokens is a shingle, and a page's
true / false positives and false negatives are the overlaps of the two shingle multisets,
divided by their sum so that long pages weigh no more than short ones. Precision and recall are
averaged over pages, and F1 is the harmonic mean of the two averages.

tollbook's body is scored next to trafilatura's plain `extract` (with and without comments), so
the gain of tollbook's own reading is visible.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

import trafilatura

from tollbook.errors import InputError
from tollbook.read import body_of, read_html
from tollbook.settings import Settings

SHINGLE = 4
_TOKEN = re.compile(r"\w+")
SYSTEMS = ("body", "trafilatura_body", "trafilatura_nocomments_body")


@dataclass(frozen=True)
class Overlap:
    """A page's shingle overlap, normalised to sum to 1 (all zero when both texts are empty)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return 0.0 if self.tp == self.fp == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return 0.0 if self.tp == self.fn == 0 else self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _harmonic(self.precision, self.recall)


def shingles(text: str, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Runs of `size` consecutive word tokens; a text shorter than that is one shingle."""
    tokens = _TOKEN.findall(text or "")
    starts = range(max(1, len(tokens) - size + 1))
    return Counter(tuple(tokens[i : i + size]) for i in starts if tokens[i : i + size])


def overlap(true: str, predicted: str) -> Overlap:
    expected, found = shingles(true), shingles(predicted)
    tp = sum((expected & found).values())
    fp = sum((found - expected).values())
    fn = sum((expected - found).values())
    total = tp + fp + fn
    return Overlap(tp / total, fp / total, fn / total) if total else Overlap(0.0, 0.0, 0.0)


def aggregate(overlaps: list[Overlap]) -> dict[str, float]:
    """Precision and recall averaged over the pages where they are defined; F1 of the averages."""
    precisions = [o.precision for o in overlaps if o.tp + o.fp > 0]
    recalls = [o.recall for o in overlaps if o.tp + o.fn > 0]
    precision = mean(precisions) if precisions else 0.0
    recall = mean(recalls) if recalls else 0.0
    return {"f1": _harmonic(precision, recall), "precision": precision, "recall": recall}


def evaluate(
    path: Path,
    *,
    limit: int | None = None,
    errors: Path | None = None,
    progress: Callable[[Iterable], Iterable] = lambda items: items,
    settings: Settings | None = None,
) -> dict:
    """Score tollbook's and trafilatura's article bodies on the benchmark folder at `path`."""
    # Scoring reading only: the benchmark also holds pages in other languages.
    settings = (settings or Settings()).with_(require_english=False)
    truth = json.loads((Path(path) / "ground-truth.json").read_text(encoding="utf-8"))
    items = sorted(truth.items())[:limit] if limit is not None else sorted(truth.items())
    scores: dict[str, list[Overlap]] = {system: [] for system in SYSTEMS}
    rows = []
    for item_id, gold in progress(items):
        html = gzip.decompress((Path(path) / "html" / f"{item_id}.html.gz").read_bytes()).decode("utf-8")
        predictions = _predictions(html, settings)
        page = {system: overlap(gold.get("articleBody", ""), predictions[system]) for system in SYSTEMS}
        for system, result in page.items():
            scores[system].append(result)
        rows.append(
            {"id": item_id, "url": gold.get("url")} | {f"{s}_f1": round(page[s].f1, 4) for s in SYSTEMS}
        )
    if errors is not None:
        errors.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return _summary(scores, len(items))


def _predictions(html: str, settings: Settings) -> dict[str, str]:
    try:
        ours = body_of(read_html(html, settings=settings))
    except InputError:
        ours = ""  # a page tollbook refuses scores as an empty prediction
    return {
        "body": ours,
        "trafilatura_body": trafilatura.extract(html) or "",
        "trafilatura_nocomments_body": trafilatura.extract(html, include_comments=False) or "",
    }


def _summary(scores: dict[str, list[Overlap]], count: int) -> dict:
    result: dict = {"n": count}
    for system, overlaps in scores.items():
        metrics = aggregate(overlaps)
        result[f"{system}_f1"] = metrics["f1"]
        result[f"{system}_precision"] = metrics["precision"]
        result[f"{system}_recall"] = metrics["recall"]
    return result


def _harmonic(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
