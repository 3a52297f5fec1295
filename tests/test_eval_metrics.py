"""Metric helpers, the regex baseline, MUC-4 key parsing, date credit, alignment and types."""

from __future__ import annotations

import datetime as dt

import pytest

from tollbook.evaluate import baselines, metrics, muc4
from tollbook.evaluate.gva import city_names, state_name
from tollbook.model import DateRange

D = dt.date


@pytest.mark.parametrize(("predicted", "gold", "expected"), [
    (2, 2, 1.0), (0, 0, 1.0), (1, 2, 0.0), (None, 0, 0.0), (None, None, 0.0)])
def test_exact(predicted, gold, expected):
    assert metrics.exact(predicted, gold) == expected


def test_any_exact_and_absolute_error():
    assert metrics.any_exact(3, [1, 3]) == 1.0
    assert metrics.any_exact(2, [1, 3]) == 0.0
    assert metrics.any_exact(2, []) == 0.0
    assert metrics.absolute_error(None, 3) == 3.0
    assert metrics.absolute_error(5, 3) == 2.0


@pytest.mark.parametrize(("predicted", "gold", "expected"), [
    ("Saint Paul", "St. Paul", 1.0), ("Brown County", "Brown (county)", 1.0), ("Bogotá", "BOGOTA", 1.0),
    ("Charleston", "North Charleston", 0.0), (None, "Houston", 0.0), ("", "", 0.0)])
def test_same_place(predicted, gold, expected):
    assert metrics.same_place(predicted, gold) == expected


def test_scores_summary_means_tallies_and_sizes():
    scores = metrics.Scores()
    for value in (1, 0, 1, 1):
        scores.add("killed_exact", value)
    scores.count("refused", 0)
    scores.count("refused")
    scores.n = 4
    assert scores.summary() == {"n": 4, "killed_exact": 0.75, "refused": 1}
    assert scores.size("killed_exact") == 4 and scores.size("absent") == 0


@pytest.mark.parametrize(("text", "expected"), [
    ("Two men were shot and killed on Elm Street.", (2, 0)),
    ("Police said 3 people were wounded.", (0, 3)),
    ("One person died and four others were injured.", (1, 4)),
    ("A man was shot dead late Friday.", (0, 0)),  # no number before the word
    ("The 25 year old man was hurt.", (0, 25)),  # the naive trap: an age read as a count
    ("Nobody was hurt in the crash.", (0, 0)),
])
def test_regex_baseline(text, expected):
    assert baselines.regex_counts(text) == expected
    assert baselines.zero_counts(text) == (0, 0)


@pytest.mark.parametrize(("filler", "expected"), [
    ("09 JAN 90", (D(1990, 1, 9), D(1990, 1, 9))),
    ("- 08 JAN 90", (None, D(1990, 1, 8))),
    ("08 JAN 90 - 09 JAN 90", (D(1990, 1, 8), D(1990, 1, 9))),
    ("? 30 DEC 89", (D(1989, 12, 30), D(1989, 12, 30))),
    ("-", None), ("*", None),
])
def test_parse_key_date(filler, expected):
    assert muc4.parse_key_date(filler) == expected


def test_parse_muc_dateline():
    assert muc4.parse_muc_date("SAN SALVADOR, 3 JAN 90") == D(1990, 1, 3)
    assert muc4.parse_muc_date("BOGOTA, 31 FEB 90") is None


def day(iso: str) -> DateRange:
    return DateRange(start=iso, end=iso)


KEY_DAY = (D(1989, 8, 26), D(1989, 8, 26))
KEY_BEFORE = (None, D(1989, 8, 26))
KEY_RANGE = (D(1989, 8, 25), D(1989, 8, 26))


@pytest.mark.parametrize(("response", "key", "credit"), [
    (day("1989-08-26"), KEY_DAY, 1.0),
    (day("1989-08-25"), KEY_DAY, 0.0),
    (DateRange(start=None, end="1989-08-26"), KEY_DAY, 0.5),  # default-looking, same anchor
    (DateRange(start=None, end="1989-08-27"), KEY_DAY, 0.0),  # default-looking, other anchor
    (DateRange(start=None, end="1989-08-26"), KEY_BEFORE, 1.0),
    (day("1989-08-26"), KEY_BEFORE, 0.5),
    (day("1989-08-25"), KEY_BEFORE, 0.5),
    (day("1989-08-27"), KEY_BEFORE, 0.0),  # after the anchor: wrong
    (DateRange(start="1989-08-25", end="1989-08-26"), KEY_RANGE, 1.0),
    (day("1989-08-26"), KEY_RANGE, 0.5),
    (day("1989-08-24"), KEY_RANGE, 0.0),
    (DateRange(start=None, end="1989-08-26"), KEY_RANGE, 0.5),
    (DateRange(start=None, end="1989-08-25"), KEY_RANGE, 0.0),
    (None, KEY_DAY, 0.0),
    (DateRange(start=None, end=None), KEY_DAY, 0.0),
])
def test_date_score_follows_the_muc_guidelines(response, key, credit):
    assert muc4.date_score(response, key) == credit


def template(**slots: list[str]) -> dict:
    names = {"number": "21. HUM TGT: NUMBER", "effect": "23. HUM TGT: EFFECT OF INCIDENT",
             "type": "4. INCIDENT: TYPE", "location": "3. INCIDENT: LOCATION", "date": "2. INCIDENT: DATE"}
    return {"slots": {names[key]: value for key, value in slots.items()}}


def test_key_effect_counts_join_number_and_effect_by_filler():
    t = template(number=['6: "PRIESTS" / "JESUITS"', '2: "MAIDS"', '1: "DRIVER"'],
                 effect=['DEATH: "PRIESTS" / "JESUITS"', 'DEATH: "MAIDS"', 'INJURY: "DRIVER"'])
    assert muc4.key_effect_count(t, "DEATH") == 8
    assert muc4.key_effect_count(t, "INJURY") == 1
    plural = template(number=['PLURAL: "PEASANTS"'], effect=['DEATH: "PEASANTS"'])
    assert muc4.key_effect_count(plural, "DEATH") is None
    nothing = template(number=["-"], effect=['NO INJURY OR DEATH: "-"'])
    assert muc4.key_effect_count(nothing, "DEATH") is None


def test_key_types_and_countries():
    assert muc4.key_types(template(type=["BOMBING / ATTACK"])) == {"BOMBING", "ATTACK"}
    assert muc4.key_countries(template(location=["EL SALVADOR: SAN MIGUEL (DEPARTMENT)"])) == {"SV"}
    assert muc4.key_countries(template(location=["(COLOMBIA) / (PERU)"])) == {"CO", "PE"}
    assert muc4.key_countries(template(location=["SAN SALVADOR (CITY)"])) == set()  # no country level


@pytest.mark.parametrize(("weights", "expected"), [
    ([[1, 0, 2], [0, 3, 0]], {0: 2, 1: 1}),
    ([[2, 1], [2, 0]], {0: 1, 1: 0}),  # greedy would take (0,0) and lose 1
    ([[1], [2], [0.5]], {1: 0}),
    ([[0, 0]], {}),  # no agreement, no match
    ([], {}),
])
def test_align_maximises_agreement_one_to_one(weights, expected):
    assert muc4.align(weights) == expected


@pytest.mark.parametrize(("acled", "sub", "text", "expected"), [
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "A CAR BOMB EXPLODED", "BOMBING"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "MORTAR FIRE", "ATTACK"),
    ("Violence against civilians", "Abduction/forced disappearance", "KIDNAPPED", "KIDNAPPING"),
    ("Violence against civilians", "Attack", "MURDERED", "ATTACK"),
    ("Strategic developments", "Looting/property destruction", "SET FIRE TO THREE BUSES", "ARSON"),
    ("Strategic developments", "Looting/property destruction", "ROBBED THE BANK", "ROBBERY"),
    ("Protests", "Peaceful protest", "AN ARMED STRIKE HALTED TRANSPORT", "FORCED WORK STOPPAGE"),
    ("Strategic developments", "Arrests", "POLICE ARRESTED TWO", None),
    # A bomb found and defused is MUC's attempted bombing; a cache of grenades is no incident.
    ("Strategic developments", "Disrupted weapons use", "BOMB DYNAMITE", "BOMBING"),
    ("Strategic developments", "Disrupted weapons use", "DEFUSED AN EXPLOSIVE DEVICE", "BOMBING"),
    ("Strategic developments", "Disrupted weapons use", "A CACHE OF GRENADES AND DYNAMITE", None),
    ("Strategic developments", "Disrupted weapons use", "SHOT DOWN A PLANE", None),
    (None, None, "NOTHING HAPPENED", None),
])
def test_muc_type(acled, sub, text, expected):
    assert muc4.muc_type(acled, sub, text) == expected


def test_gva_place_helpers():
    assert city_names("Cartersville (Euharlee)") == ["Cartersville", "Euharlee"]
    assert city_names("Brown (county)") == ["Brown"]
    assert state_name("US-CA") == "California"
    assert state_name("TX") == "Texas"
    assert state_name("Ohio") == "Ohio"
    assert state_name(None) is None
