"""`tollbook eval muc4 FOLDER`: incidents in upper-case news wire against MUC-4 answer keys.

The folder holds `docs.jsonl` (upper-case text, dateline) and `templates.jsonl` (one key
template per line). The pipeline sees the text and the dateline's date as publication date.

- relevance_accuracy, over all texts: tollbook finds an incident (an event with a MUC type)
  exactly when the key has a non-optional template.
- Over the non-optional templates of relevant texts, after aligning tollbook's events to the
  templates one to one so that the summed agreement (type + date + country) is largest; an
  unmatched template counts as wrong:
  type_accuracy (an "A / B" key accepts either; ACLED types map to MUC's in `muc_type`, where a
  bomb planted and defused is MUC's attempted BOMBING), date_accuracy (scored as MUC's
  doc/scoring-guidelines.v7, a partially correct date earning half: see `date_score`),
  country_accuracy (the first level of the location key, as ISO 3166 alpha-2).
- death_number_accuracy / injury_number_accuracy: the aligned event's killed (injured) tally
  against the key's number of human targets with effect DEATH (INJURY), over templates where
  every such target has a numeric NUMBER; death_n / injury_n say how many.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from tollbook.evaluate import metrics
from tollbook.evaluate.common import error_log, extract_all, identity, limited, read_jsonl, require
from tollbook.evaluate.tally import ALL_ROLES, tally
from tollbook.extract.event_types import SET_ON_FIRE
from tollbook.model import DateRange, Event, Extraction
from tollbook.settings import Settings

FILES = ("docs.jsonl", "templates.jsonl")
MUC_TYPES = ("ATTACK", "BOMBING", "KIDNAPPING", "ARSON", "ROBBERY", "FORCED WORK STOPPAGE")
_MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}
_MUC_DATE = re.compile(r"(\d{1,2}) (JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\w* (\d{2,4})")
_ARSON = re.compile(rf"\b(?:arson|{SET_ON_FIRE}|burn(?:ed|t|ing)?|torch\w*|incendiar\w*)\b")
_ROBBERY = re.compile(r"\b(?:rob(?:bed|bery|beries|bers?)?|stole|stolen|steal\w*|loot\w*|hold-?up|heist)\b")
_STOPPAGE = re.compile(r"\b(?:armed strike|work stoppage|stoppage|paro armado|general strike|"
                       r"forced (?:to )?(?:close|stop|strike))\b")
# A bomb planted and made safe is MUC's ATTEMPTED BOMBING (template-doc-part2, slot 5); weapons
# found in a cache were never set to go off.
_PLANTED_BOMB = re.compile(r"\b(?:bombs?|explosives?|(?:explosive )?devices?|dynamite|charges?)\b")
_CACHE = re.compile(r"\b(?:caches?|arsenals?|depots?|hauls?|stockpiles?)\b")

Key = tuple[dt.date | None, dt.date | None]


# --- MUC incident type -------------------------------------------------------------------

def muc_type(acled_type: str | None, sub_type: str | None, text: str) -> str | None:
    """The MUC-4 incident type of an event typed in ACLED's terms (None: not a MUC incident)."""
    lowered = text.lower()
    if acled_type is None:
        return None
    if _STOPPAGE.search(lowered) and acled_type in ("Protests", "Riots", "Strategic developments"):
        return "FORCED WORK STOPPAGE"
    if sub_type == "Abduction/forced disappearance":
        return "KIDNAPPING"
    if acled_type == "Explosions/Remote violence":
        # MUC's BOMBING is an explosive device; shelling and air attacks are ATTACKs (by MORTAR...).
        remote = sub_type in ("Remote explosive/landmine/IED", "Suicide bomb", "Grenade")
        return "BOMBING" if remote else "ATTACK"
    if sub_type == "Looting/property destruction" or (acled_type == "Riots" and _ARSON.search(lowered)):
        if _ROBBERY.search(lowered):
            return "ROBBERY"
        return "ARSON" if _ARSON.search(lowered) else "ATTACK"
    if sub_type == "Disrupted weapons use":
        return "BOMBING" if _PLANTED_BOMB.search(lowered) and not _CACHE.search(lowered) else None
    if acled_type in ("Battles", "Violence against civilians", "Riots"):
        return "ATTACK"
    return None


# --- reading the keys ----------------------------------------------------------------------

def parse_muc_date(text: str) -> dt.date | None:
    match = _MUC_DATE.search(text.upper())
    if match is None:
        return None
    day, month, year = int(match[1]), _MONTHS[match[2]], int(match[3])
    year = year + 1900 if year < 100 else year
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_key_date(filler: str) -> Key | None:
    """"09 JAN 90" → (d, d); "- 08 JAN 90" → (None, d); "08 JAN 90 - 09 JAN 90" → (a, b)."""
    text = filler.strip().lstrip("?").strip()
    dates = [parse_muc_date(m.group(0)) for m in _MUC_DATE.finditer(text.upper())]
    dates = [d for d in dates if d is not None]
    if not dates:
        return None
    if text.startswith("-"):
        return None, dates[-1]
    return (dates[0], dates[-1])


def key_dates(template: dict[str, Any]) -> list[Key]:
    values = template["slots"].get("2. INCIDENT: DATE", [])
    alternatives = [alt for value in values for alt in value.split(" / ")]
    return [key for key in map(parse_key_date, alternatives) if key is not None]


def key_types(template: dict[str, Any]) -> set[str]:
    values = template["slots"].get("4. INCIDENT: TYPE", [])
    return {alt.strip().lstrip("?").strip() for value in values for alt in value.split("/")} - {"", "-", "*"}


@lru_cache(maxsize=256)
def country_code(name: str) -> str | None:
    import pycountry

    cleaned = re.sub(r"[()?]", "", name).strip()
    if not cleaned or cleaned == "-":
        return None
    try:  # exact names only: a fuzzy search turns "(CITY)" or a misspelling into some country
        return pycountry.countries.lookup(cleaned).alpha_2
    except LookupError:
        return None


def key_countries(template: dict[str, Any]) -> set[str]:
    codes = set()
    for value in template["slots"].get("3. INCIDENT: LOCATION", []):
        for alternative in value.split(" / "):
            code = country_code(alternative.split(":")[0].split(" - ")[0])
            if code:
                codes.add(code)
    return codes


def _target_numbers(template: dict[str, Any]) -> dict[str, int | None]:
    """Slot 21 as {first quoted filler: number or None for PLURAL / unknown}."""
    numbers: dict[str, int | None] = {}
    for line in template["slots"].get("21. HUM TGT: NUMBER", []):
        match = re.match(r"\s*\??\s*(\d+|[A-Z]+)[^:]*:\s*(\"[^\"]*\")", line)
        if match:
            numbers[match[2]] = int(match[1]) if match[1].isdigit() else None
    return numbers


def key_effect_count(template: dict[str, Any], effect: str) -> int | None:
    """How many human targets the key gives the effect (DEATH, INJURY); None when not numeric."""
    numbers = _target_numbers(template)
    total, found = 0, False
    for line in template["slots"].get("23. HUM TGT: EFFECT OF INCIDENT", []):
        match = re.match(r"\s*\??\s*([A-Z ]+?)\s*:\s*(\"[^\"]*\")", line)
        if match and match[1] == effect:
            found = True
            number = numbers.get(match[2])
            if number is None:
                return None
            total += number
    return total if found else None


# --- scoring a response against a key --------------------------------------------------------

def _iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def date_score(response: DateRange | None, key: Key) -> float:
    """MUC-4 date credit: 1 fully correct, 0.5 partially correct (scoring-guidelines.v7 §3.2.2).

    - key "09 JAN 90": the same day 1; "- 09 JAN 90" or a range ending that day 0.5.
    - key "- 09 JAN 90" (on or before): the same open range 1; a day on or before it, or a
      range ending on it, 0.5.
    - key "08 JAN 90 - 09 JAN 90": the same range 1; a day inside it, or "- 09 JAN 90", 0.5.
    """
    if response is None:
        return 0.0
    start, end = _iso(response.start), _iso(response.end)
    key_start, key_end = key
    if end is None:
        return 0.0
    if (start, end) == (key_start, key_end):
        return 1.0
    if key_start is None:  # on or before key_end
        return 0.5 if end == key_end or (start == end and end <= key_end) else 0.0
    if start == end and key_start <= end <= key_end:
        return 1.0 if key_start == key_end else 0.5
    return 0.5 if end == key_end and (start is None or start <= end) else 0.0


def best_date_score(response: DateRange | None, keys: list[Key]) -> float:
    return max((date_score(response, key) for key in keys), default=0.0)


def agreement(event: dict[str, Any], template: dict[str, Any]) -> float:
    """How far a tollbook event agrees with a key template: type + date + country."""
    return (float(event["type"] in template["types"])
            + best_date_score(event["date"], template["dates"])
            + float(event["country"] in template["countries"]))


def align(weights: list[list[float]]) -> dict[int, int]:
    """One-to-one row → column matching with the largest summed weight (exact, by dynamic
    programming over subsets of the smaller side; texts have at most a few dozen incidents)."""
    if not weights or not weights[0]:
        return {}
    transposed = len(weights[0]) > len(weights)
    matrix = [list(col) for col in zip(*weights, strict=True)] if transposed else weights
    rows, cols = len(matrix), min(len(matrix[0]), 16)

    @cache
    def best(row: int, used: int) -> tuple[float, tuple[tuple[int, int], ...]]:
        if row == rows:
            return 0.0, ()
        options = [best(row + 1, used)]
        for col in range(cols):
            if not used & (1 << col) and matrix[row][col] > 0:
                value, pairs = best(row + 1, used | (1 << col))
                options.append((value + matrix[row][col], ((row, col), *pairs)))
        return max(options, key=lambda option: option[0])

    pairs = best(0, 0)[1]
    return {col: row for row, col in pairs} if transposed else dict(pairs)


# --- the evaluator -----------------------------------------------------------------------

def read(folder: Path) -> list[dict[str, Any]]:
    """One item per text, with its non-optional key templates (empty: an irrelevant text)."""
    docs_path, templates_path = require(folder, *FILES)
    templates: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in read_jsonl(templates_path):
        if not row["is_irrelevant_doc"] and not row["template_optional"]:
            templates[row["doc_id"]].append({
                "id": row["message_template"], "types": key_types(row), "dates": key_dates(row),
                "countries": key_countries(row), "deaths": key_effect_count(row, "DEATH"),
                "injuries": key_effect_count(row, "INJURY")})
    items = []
    for doc in read_jsonl(docs_path):
        published = parse_muc_date(doc.get("dateline") or "")
        items.append({"id": doc["doc_id"], "text": doc["text"], "templates": templates.get(doc["doc_id"], []),
                      "published": published.isoformat() if published else None})
    return items


def _event_text(extraction: Extraction, event: Event) -> str:
    text = extraction.document.text
    spans = " ".join(text[span.start:span.end] for span in event.mentions)
    return spans or text


def responses(extraction: Extraction) -> list[dict[str, Any]]:
    """tollbook's events that are MUC incidents, in the form the alignment compares."""
    found = []
    for event in extraction.events:
        kind = muc_type(event.acled_event_type, event.acled_sub_event_type, _event_text(extraction, event))
        if kind is not None:
            counts = tally(extraction, roles=ALL_ROLES, event=event.id)
            found.append({"id": event.id, "type": kind, "date": event.date, "country": event.place.country,
                          "killed": counts.killed, "injured": counts.injured})
    return found


def score_item(item: dict[str, Any], found: list[dict[str, Any]], scores: metrics.Scores) -> list[dict]:
    templates = item["templates"]
    scores.add("relevance_accuracy", bool(found) == bool(templates))
    if not templates:
        return []
    scores.n += 1
    matching = align([[agreement(event, template) for event in found] for template in templates])
    rows = []
    for index, template in enumerate(templates):
        event = found[matching[index]] if index in matching else None
        scores.add("type_accuracy", bool(event) and event["type"] in template["types"])
        if template["dates"]:
            scores.add("date_accuracy", best_date_score(event["date"], template["dates"]) if event else 0.0)
        if template["countries"]:
            scores.add("country_accuracy", bool(event) and event["country"] in template["countries"])
        for outcome, key, metric in (("killed", "deaths", "death"), ("injured", "injuries", "injury")):
            if template[key]:
                scores.add(f"{metric}_number_accuracy", bool(event) and event[outcome] == template[key])
        rows.append({"template": template["id"], "event": event and event["id"], "response": event,
                     "key": template})
    return rows


def evaluate(path: Path, *, limit: int | None = None, errors: Path | None = None,
             progress=identity, settings: Settings | None = None) -> dict[str, Any]:
    items = limited(read(Path(path)), limit)
    scores = metrics.Scores()
    with error_log(errors) as log:
        for item, extraction, refusal in extract_all(progress(items), settings=settings):
            scores.count("refused", int(refusal is not None))
            found = responses(extraction)
            rows = score_item(item, found, scores)
            log.write(id=item["id"], relevant=bool(item["templates"]), found=found, refused=refusal,
                      alignment=rows)
    summary = scores.summary()
    summary["death_n"] = scores.size("death_number_accuracy")
    summary["injury_n"] = scores.size("injury_number_accuracy")
    return summary
