"""`tollbook eval events FOLDER`: ACLED event types of short snippets (CASE 2021 task 2).

The folder holds `snippets.tsv` (columns `id`, `EventSnippet`, `SubType`). Each CASE label
maps to an ACLED (event type, sub-event type) where ACLED has one:

| CASE label | ACLED event type | ACLED sub-event type |
|---|---|---|
| ARMED_CLASH | Battles | Armed clash |
| GOV_REGAINS_TERIT | Battles | Government regains territory |
| NON_STATE_ACTOR_OVERTAKES_TER | Battles | Non-state actor overtakes territory |
| AIR_STRIKE | Explosions/Remote violence | Air/drone strike |
| SUIC_BOMB | Explosions/Remote violence | Suicide bomb |
| ART_MISS_ATTACK | Explosions/Remote violence | Shelling/artillery/missile attack |
| REM_EXPLOS | Explosions/Remote violence | Remote explosive/landmine/IED |
| GRENADE | Explosions/Remote violence | Grenade |
| CHEM_WEAP | Explosions/Remote violence | Chemical weapon |
| ATTACK | Violence against civilians | Attack |
| ABDUCT_DISSAP | Violence against civilians | Abduction/forced disappearance |
| SEX_VIOL | Violence against civilians | Sexual violence |
| PEACE_PROTEST | Protests | Peaceful protest |
| PROTEST_WITH_INTER | Protests | Protest with intervention |
| FORCE_AGAINST_PROTEST | Protests | Excessive force against protesters |
| VIOL_DEMONSTR | Riots | Violent demonstration |
| MOB_VIOL | Riots | Mob violence |
| ARREST | Strategic developments | Arrests |
| DISR_WEAP | Strategic developments | Disrupted weapons use |
| CHANGE_TO_GROUP_ACT | Strategic developments | Change to group/activity |
| HQ_ESTABLISHED | Strategic developments | Headquarters or base established |
| PROPERTY_DISTRUCT | Strategic developments | Looting/property destruction |
| NON_VIOL_TERRIT_TRANSFER | Strategic developments | Non-violent transfer of territory |
| AGREEMENT | Strategic developments | Agreement |
| OTHER | Strategic developments | Other |

ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO and ATTRIB have no ACLED type: they are
counted in `unmapped_n`, and `unmapped_none_rate` says how often tollbook rightly gives them no
type. The prediction is the type of the pipeline's first event; a snippet on which the pipeline
builds no event (no casualty figure, e.g. a peaceful march) falls back to the event-type
classifier on the whole snippet, which is what the pipeline would type such an event with.

Metrics: event_type_accuracy and sub_event_type_accuracy over mapped snippets, unmapped_n,
unmapped_none_rate.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from tollbook.evaluate import metrics
from tollbook.evaluate.common import error_log, extract_all, identity, limited, require
from tollbook.extract.event_types import classify
from tollbook.model import Extraction
from tollbook.settings import Settings

FILES = ("snippets.tsv",)
_B, _E, _V = "Battles", "Explosions/Remote violence", "Violence against civilians"
_P, _R, _S = "Protests", "Riots", "Strategic developments"

CASE_TO_ACLED: dict[str, tuple[str, str]] = {
    "ARMED_CLASH": (_B, "Armed clash"),
    "GOV_REGAINS_TERIT": (_B, "Government regains territory"),
    "NON_STATE_ACTOR_OVERTAKES_TER": (_B, "Non-state actor overtakes territory"),
    "AIR_STRIKE": (_E, "Air/drone strike"),
    "SUIC_BOMB": (_E, "Suicide bomb"),
    "ART_MISS_ATTACK": (_E, "Shelling/artillery/missile attack"),
    "REM_EXPLOS": (_E, "Remote explosive/landmine/IED"),
    "GRENADE": (_E, "Grenade"),
    "CHEM_WEAP": (_E, "Chemical weapon"),
    "ATTACK": (_V, "Attack"),
    "ABDUCT_DISSAP": (_V, "Abduction/forced disappearance"),
    "SEX_VIOL": (_V, "Sexual violence"),
    "PEACE_PROTEST": (_P, "Peaceful protest"),
    "PROTEST_WITH_INTER": (_P, "Protest with intervention"),
    "FORCE_AGAINST_PROTEST": (_P, "Excessive force against protesters"),
    "VIOL_DEMONSTR": (_R, "Violent demonstration"),
    "MOB_VIOL": (_R, "Mob violence"),
    "ARREST": (_S, "Arrests"),
    "DISR_WEAP": (_S, "Disrupted weapons use"),
    "CHANGE_TO_GROUP_ACT": (_S, "Change to group/activity"),
    "HQ_ESTABLISHED": (_S, "Headquarters or base established"),
    "PROPERTY_DISTRUCT": (_S, "Looting/property destruction"),
    "NON_VIOL_TERRIT_TRANSFER": (_S, "Non-violent transfer of territory"),
    "AGREEMENT": (_S, "Agreement"),
    "OTHER": (_S, "Other"),
}


def read(folder: Path) -> list[dict[str, Any]]:
    (snippets_path,) = require(folder, *FILES)
    with snippets_path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [{"id": row["id"], "text": row["EventSnippet"] or "", "label": (row["SubType"] or "").strip()}
                for row in reader]


def predict(extraction: Extraction, text: str) -> tuple[str | None, str | None]:
    """The first event's ACLED type, else the classifier's reading of the whole snippet."""
    for event in extraction.events:
        if event.acled_event_type:
            return event.acled_event_type, event.acled_sub_event_type
    return classify(text)


def evaluate(path: Path, *, limit: int | None = None, errors: Path | None = None,
             progress=identity, settings: Settings | None = None,
             use_pipeline: bool = True) -> dict[str, Any]:
    items = limited(read(Path(path)), limit)
    scores = metrics.Scores()
    scores.count("unmapped_n", 0)
    with error_log(errors) as log:
        stream = progress(items)
        extracted = extract_all(stream, settings=settings) if use_pipeline else (
            (item, None, None) for item in stream)
        for item, extraction, _ in extracted:
            event_type, sub_type = predict(extraction, item["text"]) if extraction else classify(item["text"])
            gold = CASE_TO_ACLED.get(item["label"])
            if gold is None:
                scores.count("unmapped_n")
                scores.add("unmapped_none_rate", event_type is None)
            else:
                scores.n += 1
                scores.add("event_type_accuracy", event_type == gold[0])
                scores.add("sub_event_type_accuracy", (event_type, sub_type) == gold)
            log.write(id=item["id"], label=item["label"], gold=gold, event_type=event_type,
                      sub_event_type=sub_type, text=item["text"])
    return scores.summary()
