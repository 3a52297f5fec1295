"""Towns a report lists together (`extract.town_lists`), and the act in each of them.

Every text here is invented; "QUILLAPAMPA", "TINTAYOC" and "SACHAPUQUIO" are made-up names no
gazetteer knows, listed beside real towns.
"""

from __future__ import annotations

import pytest

from tollbook.annotate.places import gazetteer
from tollbook.extract.event_places import PlaceScanner
from tollbook.extract.town_lists import list_items, listed_towns
from tollbook.pipeline import extract_text

_LIST = (
    "   LIMA, 9 MAR 91 (RADIO) -- [TEXT] REBELS ATTACKED PUBLIC BUILDINGS IN QUILLAPAMPA,\n"
    "HUANCAYO, TINTAYOC, AND SACHAPUQUIO TODAY.\n"
)


def _listed(text: str) -> list[tuple[str, str]]:
    scanner = PlaceScanner(text, gazetteer(), "PE")
    return [(text[m.start:m.end], m.place.country) for m in listed_towns(text, scanner)]


def test_the_unknown_towns_of_a_list_with_a_known_town_are_towns():
    assert _listed(_LIST) == [("QUILLAPAMPA", "PE"), ("HUANCAYO", "PE"), ("TINTAYOC", "PE"),
                              ("SACHAPUQUIO", "PE")]


def test_a_name_a_list_showed_to_be_a_town_is_a_town_where_it_is_named_again():
    text = _LIST + "\n   IN TINTAYOC THE REBELS ALSO BURNED THE SCHOOL.\n"
    assert _listed(text)[-1] == ("TINTAYOC", "PE")
    assert text.rindex("TINTAYOC") == text.index("TINTAYOC THE REBELS")


@pytest.mark.parametrize(
    "text",
    [
        # Two items: "and" may join a town and anything ("in Huancayo and fled").
        "   LIMA, 9 MAR 91 (RADIO) -- [TEXT] REBELS ATTACKED A POST IN HUANCAYO AND QUILLAPAMPA.\n",
        # Not closed like a list.
        "   LIMA, 9 MAR 91 (RADIO) -- [TEXT] REBELS ATTACKED A POST IN HUANCAYO, QUILLAPAMPA, TINTAYOC.\n",
        # An item that is no name.
        "   LIMA, 9 MAR 91 (RADIO) -- [TEXT] REBELS STRUCK IN HUANCAYO, QUILLAPAMPA, AND THE TOWN HALL.\n",
        # No known town to say the items are towns, or which country's.
        "   LIMA, 9 MAR 91 (RADIO) -- [TEXT] REBELS STRUCK IN QUILLAPAMPA, TINTAYOC, AND SACHAPUQUIO.\n",
    ],
)
def test_near_misses_add_no_towns(text):
    assert [name for name, _ in _listed(text) if name != "HUANCAYO"] == []


def test_a_list_of_towns_called_so_may_have_two_items():
    text = "   LIMA, 9 MAR 91 (RADIO) -- [TEXT] REBELS RAIDED THE TOWNS OF HUANCAYO AND QUILLAPAMPA.\n"
    assert ("QUILLAPAMPA", "PE") in _listed(text)


def test_list_items_are_found_inside_a_stretch_of_text():
    text = "THEY ATTACKED HOMES IN LOJA, CUENCA AND AMBATO. NOTHING ELSE."
    items = {text.index("LOJA"), text.index("CUENCA"), text.index("AMBATO")}
    assert list_items(text, 0, len(text)) == [items]
    assert list_items(text, text.index("NOTHING"), len(text)) == []


def test_an_act_told_of_listed_towns_is_an_event_in_each():
    extraction = extract_text(_LIST, published="1991-03-09")
    towns = {"Quillapampa", "Huancayo", "Tintayoc", "Sachapuquio"}
    assert {e.place.name for e in extraction.events} == towns


def test_an_act_in_a_single_town_stays_one_event():
    # Near miss: a town and the province it lies in are no list of places.
    text = "   LIMA, 9 MAR 91 (RADIO) -- [TEXT] REBELS ATTACKED A POST IN HUANCAYO, JUNIN DEPARTMENT.\n"
    extraction = extract_text(text, published="1991-03-09")
    assert [e.place.name for e in extraction.events] == ["Huancayo"]


def test_what_else_the_rebels_did_takes_the_day_told_before():
    text = (
        "   LIMA, 11 MAR 91 (RADIO) -- [TEXT] ON 10 MARCH REBELS BOMBED THE TOWN HALL IN JAUJA.\n\n"
        "   THE REBELS ALSO ATTACKED PUBLIC BUILDINGS IN QUILLAPAMPA, HUANCAYO, AND TINTAYOC.\n"
    )
    extraction = extract_text(text, published="1991-03-11")
    dates = {e.place.name: (e.date.start, e.date.inferred) for e in extraction.events}
    assert dates["Jauja"][0] == "1991-03-10"
    assert dates["Tintayoc"] == ("1991-03-10", True)


def test_an_incident_told_without_also_keeps_no_day_it_was_not_given():
    # Near miss: nothing says the second incident came on the same occasion.
    text = (
        "   LIMA, 11 MAR 91 (RADIO) -- [TEXT] ON 10 MARCH REBELS BOMBED THE TOWN HALL IN JAUJA.\n\n"
        "   REBELS ATTACKED PUBLIC BUILDINGS IN QUILLAPAMPA, HUANCAYO, AND TINTAYOC.\n"
    )
    extraction = extract_text(text, published="1991-03-11")
    dates = {e.place.name: e.date.start for e in extraction.events}
    assert dates["Jauja"] == "1991-03-10"
    assert dates["Tintayoc"] != "1991-03-10"


def test_an_act_in_listed_provinces_is_an_event_in_each():
    text = ("   SAN SALVADOR, 6 MAR 90 (RADIO) -- [TEXT] REBELS ATTACKED AN ARMY POST IN SAN MIGUEL TODAY.\n"
            "SAPPERS ALSO DESTROYED SEVERAL HIGH-VOLTAGE POSTS IN LA LIBERTAD AND CABANAS DEPARTMENTS.\n")
    extraction = extract_text(text, published="1990-03-06")
    assert {e.place.name for e in extraction.events} >= {"La Libertad", "Cabañas"}


def test_a_killing_shared_out_among_places_is_an_event_in_each():
    text = ("   BOGOTA, 21 FEB 90 (RADIO) -- [TEXT] THE GROUP HAS MURDERED THREE PEASANTS IN CAUCA,\n"
            "TWO IN ANTIOQUIA, AND THREE IN CORDOBA DEPARTMENT.\n")
    extraction = extract_text(text, published="1990-02-21")
    assert {e.place.name for e in extraction.events} >= {"Cauca", "Antioquia", "Córdoba"}


def test_a_killing_in_one_province_stays_one_event():
    # Near miss: a town and its province are one place, not two.
    text = ("   BOGOTA, 21 FEB 90 (RADIO) -- [TEXT] THE GROUP HAS MURDERED THREE PEASANTS IN MEDELLIN,\n"
            "ANTIOQUIA DEPARTMENT.\n")
    extraction = extract_text(text, published="1990-02-21")
    assert [e.place.name for e in extraction.events] == ["Medellín"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("   LIMA, 9 MAR 91 (RADIO) -- [TEXT] TROOPS STRUCK IN QUILLAPAMPA VILLAGE.\n", ["QUILLAPAMPA"]),
        ("   LIMA, 9 MAR 91 (RADIO) -- [TEXT] GUNMEN RAIDED THE HAMLET OF TINTAYOC.\n", ["TINTAYOC"]),
        ("   LIMA, 9 MAR 91 (RADIO) -- [TEXT] HELICOPTERS FIRED AT THE TINTAYOC AND SACHAPUQUIO CANTONS.\n",
         ["TINTAYOC", "SACHAPUQUIO"]),
        # Near misses: a kind of village, not its name; a quarter of a town.
        ("   LIMA, 9 MAR 91 (RADIO) -- [TEXT] RESIDENTS OF THESE BORDER VILLAGES FLED.\n", []),
        ("   LIMA, 9 MAR 91 (RADIO) -- [TEXT] A BOMB WENT OFF IN THE MIRAFLORES NEIGHBORHOOD.\n", []),
    ],
)
def test_a_place_called_a_village_or_canton_is_a_town_of_the_story_country(text, names):
    listed = [(name, country) for name, country in _listed(text) if name != "HUANCAYO"]
    assert listed == [(name, "PE") for name in names]
