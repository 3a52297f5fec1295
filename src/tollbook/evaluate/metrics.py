"""Metric helpers shared by the evaluators: exact match, mean absolute error, place names.

A `Scores` collects one list of per-item values per metric, so that every evaluator reports
a mean over the items that *have* gold for that metric (e.g. city_match only over articles
whose annotation names a city) and the summary stays one flat dict of floats.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable


def exact(predicted: int | None, gold: int | None) -> float:
    """1.0 when the prediction equals the gold number, else 0.0 (None never matches)."""
    return float(predicted is not None and gold is not None and predicted == gold)


def any_exact(predicted: int | None, golds: Iterable[int]) -> float:
    """Exact match against any of several acceptable gold values."""
    return max((exact(predicted, gold) for gold in golds), default=0.0)


def absolute_error(predicted: int | None, gold: int) -> float:
    """|predicted - gold|, with a missing prediction read as 0 (nothing found)."""
    return float(abs((predicted or 0) - gold))


def mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


def normalise_name(name: str | None) -> str:
    """A place name folded for comparison: accents, case, punctuation and 'county'/'city' dropped."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\b(city|county|parish|township|borough|village|town|of)\b", " ", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    text = re.sub(r"\bsaint\b", "st", text)
    return " ".join(text.split())


def same_place(predicted: str | None, gold: str | None) -> float:
    """1.0 when the two names denote the same place after normalisation.

    A gold "North Charleston" is not matched by "Charleston": only equal folded names count.
    """
    folded = normalise_name(predicted)
    return float(bool(folded) and folded == normalise_name(gold))


class Scores:
    """Per-item values for each metric; `summary()` averages them."""

    def __init__(self) -> None:
        self._values: dict[str, list[float]] = defaultdict(list)
        self.n = 0

    def add(self, metric: str, value: float | bool) -> None:
        self._values[metric].append(float(value))

    def count(self, metric: str, how_many: int = 1) -> None:
        """A tally (e.g. refused documents), reported as a total rather than a mean."""
        self._values.setdefault(f"#{metric}", [0.0])[0] += how_many

    def size(self, metric: str) -> int:
        """How many items were scored on the metric."""
        return len(self._values.get(metric, []))

    def summary(self, *, digits: int = 4) -> dict[str, float | int | None]:
        result: dict[str, float | int | None] = {"n": self.n}
        for metric, values in self._values.items():
            if metric.startswith("#"):
                result[metric[1:]] = int(values[0])
            else:
                average = mean(values)
                result[metric] = None if average is None else round(average, digits)
        return result
