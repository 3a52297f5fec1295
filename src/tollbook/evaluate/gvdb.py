"""`tollbook eval gvdb FOLDER`: casualty counts against the Gun Violence Database annotations.

The folder holds `articles.tsv` (id, url, title, full text) and `gold_summary.jsonl` (one line
per article: `n_killed`, `n_injured_not_killed`, `city`, ...). The gold is a crowd worker's list
of *victims*, so the pipeline's count is the tally of victim and unknown-role claims of the
article's main event. The annotated dates are the worker's guess, so there is no date metric.

Metrics (means over articles): killed_exact, injured_exact, killed_mae, injured_mae, city_match
(over articles whose annotation names a city), and the zero / regex baselines' exact matches.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from tollbook.evaluate import baselines, metrics
from tollbook.evaluate.common import identity, limited, read_jsonl, require, score_all
from tollbook.evaluate.tally import VICTIM_ROLES, tally
from tollbook.model import Event, Extraction
from tollbook.settings import Settings

FILES = ("articles.tsv", "gold_summary.jsonl")


def read(folder: Path) -> list[dict[str, Any]]:
    """One item per article: its text, title and url beside its gold summary."""
    articles_path, gold_path = require(folder, *FILES)
    csv.field_size_limit(10**9)
    with articles_path.open(encoding="utf-8", newline="") as stream:
        articles = {row["Article id"]: row for row in csv.DictReader(stream, delimiter="\t")}
    items = []
    for gold in read_jsonl(gold_path):
        article = articles.get(str(gold["article_id"]))
        if article is not None:
            items.append({"id": str(gold["article_id"]), "text": article["Full text"],
                          "title": article["Article title"] or None,
                          "url": article["Article url"] or None, "gold": gold})
    return items


def event_of(extraction: Extraction, event_id: str | None) -> Event | None:
    """The event the numbers belong to, else the first event, else None."""
    by_id = {event.id: event for event in extraction.events}
    return by_id.get(event_id) if event_id in by_id else next(iter(extraction.events), None)


def score_item(item: dict[str, Any], extraction: Extraction, scores: metrics.Scores) -> dict[str, Any]:
    gold = item["gold"]
    counts = tally(extraction, roles=VICTIM_ROLES)
    event = event_of(extraction, counts.event)
    city = event.place.name if event else None
    gold_killed, gold_injured = int(gold["n_killed"]), int(gold["n_injured_not_killed"])
    scores.add("killed_exact", metrics.exact(counts.killed, gold_killed))
    scores.add("injured_exact", metrics.exact(counts.injured, gold_injured))
    scores.add("killed_mae", metrics.absolute_error(counts.killed, gold_killed))
    scores.add("injured_mae", metrics.absolute_error(counts.injured, gold_injured))
    if gold.get("city"):
        scores.add("city_match", metrics.same_place(city, gold["city"]))
    for name, baseline in (("zero", baselines.zero_counts), ("regex", baselines.regex_counts)):
        killed, injured = baseline(item["text"])
        scores.add(f"baseline_{name}_killed_exact", metrics.exact(killed, gold_killed))
        scores.add(f"baseline_{name}_injured_exact", metrics.exact(injured, gold_injured))
    return {"killed": counts.killed, "injured": counts.injured, "city": city,
            "gold_killed": gold_killed, "gold_injured": gold_injured, "gold_city": gold.get("city")}


def evaluate(path: Path, *, limit: int | None = None, errors: Path | None = None,
             progress=identity, settings: Settings | None = None) -> dict[str, Any]:
    items = limited(read(Path(path)), limit)
    return score_all(items, score_item, errors=errors, progress=progress, settings=settings)
