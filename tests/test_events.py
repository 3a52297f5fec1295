"""Events: datelines, place names in text, incidents split apart, and the dates events take.

Every text here is invented. Wire texts are upper case with hard-wrapped lines, as news wires
send them; web texts are mixed case, one paragraph a line.
"""

from __future__ import annotations

import pytest

from tollbook.annotate.places import gazetteer
from tollbook.extract.event_places import PlaceScanner, filed_abroad, read_dateline
from tollbook.extract.event_types import classify, kind_of
from tollbook.pipeline import extract_text


@pytest.fixture(scope="module")
def places():
    return gazetteer()


# --- datelines ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("opening", "name", "country", "admin1"), [
    ("   LIMA, 10 JAN 90 (EFE) -- [TEXT] A BOMB WENT OFF.", "Lima", "PE", None),
    ("SAN SALVADOR, 3 FEB 90 -- TROOPS REPORTED", "San Salvador", "SV", None),
    ("PANAMA CITY (PANAMA), 5 FEB 90 -- [TEXT] THE", "Panama City", "PA", None),
    ("DAYTON, Ohio — A man was shot on Friday.", "Dayton", "US", "Ohio"),
    ("JOPLIN, Mo. (AP) — A sheriff said", "Joplin", "US", "Missouri"),
    ("TINYVILLEX, Mo. (AP) — A sheriff said", "Missouri", "US", "Missouri"),  # no such town: the state
    ("HOUSTON - Police are looking for a gunman.", "Houston", "US", "Texas"),
    ("(Cincinnati, OH)-- Two people were hurt.", "Cincinnati", "US", "Ohio"),
    ("HOWARD COUNTY, Ind. (WXYZ) — A child was hurt.", "Howard County", "US", "Indiana"),
])
def test_dateline(places, opening, name, country, admin1):
    found = read_dateline(opening, [0], places)
    assert found is not None
    assert (found.place.name, found.place.country) == (name, country)
    if admin1:
        assert found.place.admin1 == admin1


@pytest.mark.parametrize("opening", [
    "Police said a man was shot, and two others fled.",  # a sentence, not a dateline
    "THE ATTACKS, ACCORDING TO THE REPORTS, TOOK PLACE",  # upper-case prose with a comma
    "CLANDESTINE, 12 JAN 90 (RADIO) -- [TEXT]",  # a wire dateline that names no place
])
def test_no_dateline(places, opening):
    assert read_dateline(opening, [0], places) is None


def test_dateline_on_a_later_line(places):
    text = "Photo credit line\n\nSTOCKTON, Calif. — Three people were hurt."
    found = read_dateline(text, [0, text.index("STOCKTON")], places)
    assert found is not None and found.place.name == "Stockton"


# --- place names in text ---------------------------------------------------------------------

def _named(text: str, places, prior: str | None = None) -> dict[str, str | None]:
    scanner = PlaceScanner(text, places, prior)
    return {text[m.start:m.end]: m.place.country for m in scanner.mentions}


@pytest.mark.parametrize(("text", "prior", "expected"), [
    # wire text: departments and towns inside the country the report is about
    ("GUERRILLAS ATTACKED A POST IN SAN MIGUEL DEPARTMENT AND NEAR USULUTAN.", "SV",
     {"SAN MIGUEL": "SV", "USULUTAN": "SV"}),
    ("A LEADER WAS KIDNAPPED IN GUATEMALA CITY TODAY.", None, {"GUATEMALA": "GT", "GUATEMALA CITY": "GT"}),
    # a capital needs no other cue
    ("THE BISHOP OF LIMA SPOKE.", None, {"LIMA": "PE"}),
    # mixed case: a capitalised name after a cue, and a "Town, State" pair
    ("A man was shot in Gary, Ind., on Friday.", None, {"Gary, Ind": "US"}),
])
def test_places_found(places, text, prior, expected):
    found = _named(text, places, prior)
    for phrase, country in expected.items():
        assert found.get(phrase) == country, found


@pytest.mark.parametrize(("text", "absent"), [
    ("COL BENAVIDES AND THE CAPTAIN WERE ACCUSED.", "COL"),  # a title, not Colombia's code
    ("DELEGATES FROM ALL OF LATIN AMERICA MET.", "AMERICA"),  # a region, not the United States
    ("THE TROOPS WERE IN ORDER.", "ORDER"),  # upper case: no town outside a named country
    ("He was held in the house near the river.", "house"),  # mixed case: only capitalised names
    ("A man was shot in Gary, Ind., on Friday.", "Ind."),  # a state's abbreviation, not India
])
def test_places_not_found(places, text, absent):
    assert absent not in _named(text, places, None)


@pytest.mark.parametrize(("text", "prior", "town"), [
    # a dotted abbreviation or a nationality word says who, not where: no town of its country
    ("A BOMB WENT OFF AT THE U.S. EMBASSY NEAR LIBERTY AVENUE.", "SV", None),
    ("SALVADORAN TROOPS WERE ATTACKED NEAR USULUTAN.", "HN", None),
    # a country other than the one the story is set in: a small town of one word is more
    # likely a word or a name
    ("THE UNITED STATES CONDEMNED A BOMB NEAR LIBERTY.", "SV", None),
    ("A BOMB WENT OFF IN THE U.S. NEAR LIBERTY.", "SV", None),
    # near misses: the only country named, or a city of it
    ("A BOMB WENT OFF AT THE U.S. EMBASSY NEAR LIBERTY AVENUE.", None, "US"),
    ("THE UNITED STATES CONDEMNED A BOMB NEAR MIAMI.", "SV", "US"),
    ("A BOMB WENT OFF AT THE U.S. EMBASSY NEAR MIAMI.", None, "US"),
])
def test_a_country_named_in_passing_lends_no_towns(places, text, prior, town):
    found = _named(text, places, prior)
    name = next(word for word in ("LIBERTY", "MIAMI", "USULUTAN") if word in text)
    assert found.get(name) == town, found


def test_a_county_is_not_a_town_of_its_name(places):
    text = "Deputies in Greene County said a girl was shot."
    scanner = PlaceScanner(text, places, "US")
    named = {text[m.start:m.end]: m.place for m in scanner.mentions}
    assert named["Greene"].name == "Greene County"
    assert named["Greene"].precision == "admin2"


def test_where_a_country_stands_sets_its_weight(places):
    text = "A bomb went off in Peru. Chilean police and the United States helped."
    weights = {text[m.start:m.end]: m.weight for m in PlaceScanner(text, places).mentions}
    assert weights["Peru"] > weights["United States"] > weights["Chilean"]


# --- incident kinds ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind"), [
    ("gunmen kidnapped the mayor", "abduction"),
    ("a car bomb exploded outside the bank", "explosion"),
    ("rebels blew up a bus", "explosion"),
    ("gunmen shot and killed two guards", "attack"),
    ("the office was completely destroyed by a bomb explosion", "explosion"),
])
def test_kind_of_a_passage(text, kind):
    assert kind_of(classify(text)[1]) == kind


def test_a_known_kind_keeps_its_sub_type():
    text = "the mayor was kidnapped and later found shot dead, with signs of torture"
    assert classify(text)[1] == "Attack"
    assert classify(text, kind="abduction")[1] == "Abduction/forced disappearance"


def test_weapons_seized_after_a_deadly_clash_do_not_make_it_a_seizure():
    text = "two rebels were killed in a clash with troops. rifles and ammunition were seized there."
    assert classify(text)[0] == "Battles"


# --- whole reports ---------------------------------------------------------------------------

WIRE = """   BOGOTA, 9 FEB 91 (EFE) -- [TEXT] A TOWN COUNCILLOR WAS KIDNAPPED ON
3 FEBRUARY IN THE OUTSKIRTS OF PASTO BY A GROUP OF ARMED MEN, POLICE
SOURCES REPORTED TODAY.

   THE KIDNAPPERS TOOK HIM TO AN UNKNOWN PLACE IN A RED CAR.

   MEANWHILE, A BOMB EXPLODED YESTERDAY IN FRONT OF A BANK IN CALI,
CAUSING HEAVY DAMAGE BUT NO CASUALTIES.
"""


def _events(text: str, published: str | None = None, title: str | None = None):
    extraction = extract_text(text, published=published, title=title)
    return [e for e in extraction.events if e.acled_event_type], extraction


def test_a_wire_round_up_splits_into_its_incidents():
    events, _ = _events(WIRE, published="1991-02-09")
    assert len(events) == 2
    kidnapping, bombing = events
    assert kidnapping.acled_sub_event_type == "Abduction/forced disappearance"
    assert (kidnapping.date.start, kidnapping.date.end) == ("1991-02-03", "1991-02-03")  # wrapped line
    assert kidnapping.place.country == "CO"
    assert bombing.acled_event_type == "Explosions/Remote violence"
    assert bombing.date.start == "1991-02-08"  # "yesterday" against the dateline
    assert bombing.place.name == "Cali"


def test_a_death_the_next_day_is_the_same_incident():
    text = ("A man was shot on Elm Street on Saturday night, police said.\n\n"
            "He died at a hospital on Sunday.\n\n"
            "Police have not made an arrest in the shooting.")
    events, _ = _events(text, published="2015-03-16")
    assert len(events) == 1
    assert events[0].date.start == "2015-03-14"


def test_a_date_inside_reported_speech_dates_the_event():
    text = ("Police say the boy was at home early Monday when he was shot through a window.\n\n"
            "Investigators are asking for help.")
    events, _ = _events(text, published="2015-06-24")  # a Wednesday
    assert events[0].date.start == "2015-06-22"


def test_a_date_on_a_speech_verb_is_not_the_event_date():
    text = ("A woman was shot and wounded in a parking lot, the sheriff said on Friday.\n\n"
            "No arrests have been made.")
    # published the next day: a dated statement the day before leaves the event undated
    events, _ = _events(text, published="2015-06-27")
    assert events[0].date.start is None and events[0].date.end == "2015-06-27"


def test_a_page_stamp_is_not_the_event_date():
    text = ("Girl shot at home Posted: Friday, January 9, 2015 10:21 AM EST\n\n"
            "The shooting happened Wednesday night, deputies said.")
    events, _ = _events(text, published="2015-01-09")
    assert events[0].date.start == "2015-01-07"


def test_the_dateline_date_is_not_the_event_date():
    text = """   LIMA, 12 MAR 91 -- [TEXT] GUERRILLAS ATTACKED A POLICE POST IN
HUANCAYO ON 10 MARCH AND KILLED TWO OFFICERS.
"""
    events, _ = _events(text, published="1991-03-12")
    assert events[0].date.start == "1991-03-10"
    assert events[0].place.country == "PE"


def test_a_headline_joins_the_first_incident():
    text = ("Two shot dead in Dayton bar\n\n"
            "DAYTON, Ohio — Two men were shot and killed at a bar on Friday, police said.\n\n"
            "The gunman fled in a car.")
    events, _ = _events(text, published="2016-05-14")
    assert len(events) == 1
    assert (events[0].place.name, events[0].place.admin1) == ("Dayton", "Ohio")



@pytest.mark.parametrize(("text", "located"), [
    ("A BOMB EXPLODED TODAY IN CUZCO, PERU, KILLING TWO.", {"PERU": True}),  # "Town, Country" sets it
    # near misses: a US state that shares a country's name, and a country named in passing
    ("A man was shot in Burke County, Georgia, on Sunday.", {"Georgia": False}),
    ("A man from Peru was shot on Sunday.", {"Peru": False}),
])
def test_a_country_after_a_town_is_where_unless_it_is_a_state(places, text, located):
    scanner = PlaceScanner(text, places, None)
    weights = {text[m.start:m.end]: m.weight for m in scanner.mentions}
    for name, where in located.items():
        assert (weights[name] >= 1.0) == where, weights


# --- the country of a wire text that names none outright -------------------------------------

@pytest.mark.parametrize(("text", "home"), [
    # A nationality word says who ("THE COSTA RICAN PRESIDENT"); the towns say where.
    ("   CLANDESTINE, 6 APR 90 (RADIO) -- [TEXT] OUR UNITS AMBUSHED A PATROL NEAR SUCHITOTO.\n"
     "THE TROOPS FLED TOWARD ILOBASCO IN CABANAS DEPARTMENT.  WE CALL ON THE COSTA RICAN\n"
     "PRESIDENT TO CONDEMN THE ARMY.\n", "SV"),
    # A name that is a town of many countries ("SANTA ANA") votes for each: the others decide.
    ("   CLANDESTINE, 6 APR 90 (RADIO) -- [TEXT] OUR UNITS AMBUSHED A PATROL NEAR SANTA ANA,\n"
     "NEAR USULUTAN AND IN ZACATECOLUCA.\n", "SV"),
    # A province called one decides alone ("NORTHERN" is a direction, not a province).
    ("   CLANDESTINE, 6 APR 90 (RADIO) -- [TEXT] OUR UNITS AMBUSHED A PATROL IN NORTHERN\n"
     "MORAZAN DEPARTMENT.\n", "SV"),
    # A small town of one word is more often a word ("TO BED", "AND RAN"): half a vote.
    ("   A BOY WAS SHOT IN MIAMI, OUR REPORTER SAYS LIVE FROM HOLLYWOOD.  HE HAD GONE OUT TO\n"
     "PLAY BEFORE HE WENT TO BED, AND RAN WHEN HE HEARD THE SHOTS.\n", "US"),
    # Near miss: hamlets named for English words vote for nothing.
    ("   CLANDESTINE, 6 APR 90 (RADIO) -- [TEXT] OUR UNITS WILL FIGHT ON NEAR WAR AND IN\n"
     "PEACE, NEAR FREEDOM.\n", None),
    # Near miss: a country named outright is where; the towns do not overrule it.
    ("   CLANDESTINE, 6 APR 90 (RADIO) -- [TEXT] OUR UNITS AMBUSHED A PATROL NEAR SANTA ANA,\n"
     "NEAR USULUTAN AND IN ZACATECOLUCA, AS THEY DID IN GUATEMALA.\n", "GT"),
])
def test_a_text_naming_no_country_outright_is_set_where_its_towns_are(places, text, home):
    assert PlaceScanner(text, places, None).home == home


def _told_of(places, text: str) -> str | None:
    dateline = read_dateline(text, [0], places)
    scanner = PlaceScanner(text, places, dateline.place.country if dateline else None)
    return filed_abroad(text, dateline, scanner.mentions)


@pytest.mark.parametrize(("text", "told_of"), [
    # The country it tells of outweighs the bureau's, though the bureau's is named as a place too.
    ("   PANAMA CITY (PANAMA), 4 MAY 90 (RADIO) -- [TEXT] GUERRILLAS KILLED FIVE PEASANTS\n"
     "YESTERDAY IN PERU, AND A BOMB WENT OFF IN PERU TODAY.  TWO WITNESSES HAVE ARRIVED IN\n"
     "PANAMA.\n", "PE"),
    # Near miss: a dateline labelled with a country but no city names no bureau abroad.
    ("   NO CITY (PANAMA), 4 MAY 90 (RADIO) -- [TEXT] GUERRILLAS KILLED FIVE PEASANTS\n"
     "YESTERDAY IN PERU, AND A BOMB WENT OFF IN PERU TODAY.\n", None),
    # Near miss: the bureau's own country weighs more.
    ("   PANAMA CITY (PANAMA), 4 MAY 90 (RADIO) -- [TEXT] GUERRILLAS KILLED FIVE PEASANTS\n"
     "YESTERDAY IN PANAMA, AND A BOMB WENT OFF IN PANAMA TODAY, AS ONE DID IN PERU.\n", None),
])
def test_a_wire_dateline_abroad_yields_to_the_country_told_of(places, text, told_of):
    assert _told_of(places, text) == told_of


@pytest.mark.parametrize(("text", "prior", "expected"), [
    # A part of a town or province, then its name.
    ("THE DEPUTY WAS KIDNAPPED IN DOWNTOWN GRANADA, ANTIOQUIA.", "CO", {"GRANADA": "CO"}),
    ("A man was shot in downtown Akron on Monday.", "US", {"Akron": "US"}),
    # Near miss: a direction that is part of the name.
    ("A man was shot in West Virginia on Monday.", "US", {"West Virginia": "US"}),
])
def test_a_place_after_a_part_of_it(places, text, prior, expected):
    assert _named(text, places, prior) == expected
