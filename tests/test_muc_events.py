"""Incidents of upper-case wire text: what they are, and how many a report tells.

Every text here is invented.
"""

from __future__ import annotations

import pytest

from tollbook.extract.event_types import classify
from tollbook.pipeline import extract_text


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # A bomb that destroyed something was used, not found.
        (
            "A BOMB EXPLOSION WRECKED THE PARTY OFFICE.  THE DESTROYED OFFICE STANDS NEAR THE SQUARE.",
            "Remote explosive/landmine/IED",
        ),
        (
            "THE BOMB WENT OFF AT NOON.  LATER THE BODY OF THE GUARD WAS FOUND.",
            "Remote explosive/landmine/IED",
        ),
        # Near misses: weapons found or made safe stay a disrupted weapons use.
        ("POLICE FOUND EXPLOSIVES IN A PARKED CAR.", "Disrupted weapons use"),
        ("THE EXPLOSIVES WERE DEFUSED BY THE POLICE.", "Disrupted weapons use"),
        ("TROOPS DESTROYED A CACHE OF RIFLES AND GRENADES.", "Disrupted weapons use"),
    ],
)
def test_weapons_found_or_used(text, sub_type):
    assert classify(text)[1] == sub_type


def _wire(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


OPENING = (
    "   LIMA, 4 MAY 90 (RADIO) -- [TEXT] A BOMB EXPLODED TODAY OUTSIDE A BANK IN\n"
    "HUANCAYO, DAMAGING THE FRONT OF THE BUILDING, POLICE SOURCES REPORTED."
)


@pytest.mark.parametrize(
    ("second", "events"),
    [
        # Another kind of incident in another town: two incidents.
        (
            "   GUERRILLAS ALSO ATTACKED A POLICE POST IN AYACUCHO, WOUNDING TWO\n"
            "OFFICERS, THE SOURCES ADDED.",
            2,
        ),
        ("   MEANWHILE, A GROUP OF ARMED MEN ATTACKED A FARM IN AYACUCHO AND\nWOUNDED THREE WORKERS.", 2),
        # Near misses: the same town, or no town at all, is the same incident told on.
        ("   THE POLICE SAID THAT GUERRILLAS ATTACKED THE BANK GUARDS IN HUANCAYO\nBEFORE THE EXPLOSION.", 1),
        ("   THE POLICE SAID THAT THE ATTACKERS FLED BEFORE THE EXPLOSION AND THAT\nNOBODY WAS HURT.", 1),
    ],
)
def test_incidents_in_other_towns(second, events):
    assert _violent_incidents(OPENING, second) == events


def _violent_incidents(*paragraphs: str) -> int:
    """How many incidents other than protests tollbook finds in a wire text of these paragraphs."""
    extraction = extract_text(_wire(*paragraphs), published="1990-05-04")
    return sum(1 for e in extraction.events if e.acled_event_type and e.acled_event_type != "Protests")


def _kinds(text: str) -> list[str | None]:
    return [e.acled_event_type for e in extract_text(text, published="1990-05-04").events]


@pytest.mark.parametrize(
    ("text", "protest"),
    [
        # "march" the month and "demonstrate" as "show" tell no protest.
        (
            "   LIMA, 4 MAY 90 -- [TEXT] THE TRIAL OF THE GUARDS WILL OPEN ON 10 MARCH, THE COURT SAID.",
            False,
        ),
        ("   LIMA, 4 MAY 90 -- [TEXT] SINCE MARCH THE MINISTER HAS HELD TALKS WITH THE UNIONS.", False),
        ("   LIMA, 4 MAY 90 -- [TEXT] THE REPORT DEMONSTRATED THAT THE CHARGES WERE FALSE.", False),
        ("   LIMA, 4 MAY 90 -- [TEXT] THIS CAN BE DEMONSTRATED BY THE LETTERS THEY SENT.", False),
        # Near misses: people who march or demonstrate.
        ("   LIMA, 4 MAY 90 -- [TEXT] THOUSANDS OF STUDENTS DEMONSTRATED OUTSIDE THE MINISTRY TODAY.", True),
        ("   LIMA, 4 MAY 90 -- [TEXT] THE WORKERS WILL MARCH TO THE MAIN SQUARE ON 10 MAY.", True),
    ],
)
def test_protest_words_in_another_sense(text, protest):
    assert ("Protests" in _kinds(text)) is protest


@pytest.mark.parametrize(
    ("text", "violent"),
    [
        ("   LIMA, 4 MAY 90 -- [TEXT] A JUDGE WAS ASSASSINATED TODAY IN THE CAPITAL.", True),
        ("   LIMA, 4 MAY 90 -- [TEXT] THE ASSASSINATION OF THE JUDGE SHOCKED THE COUNTRY.", True),
        ("   LIMA, 4 MAY 90 -- [TEXT] SABOTAGE CUT THE POWER TO THE NORTHERN TOWNS LAST NIGHT.", True),
        ("   LIMA, 4 MAY 90 -- [TEXT] ALL UNION OFFICES IN THE CAPITAL WERE LOOTED LAST NIGHT.", True),
        ("   LIMA, 4 MAY 90 -- [TEXT] SOLDIERS RANSACKED THE NEWSPAPER'S OFFICES TODAY.", True),
        ("   LIMA, 4 MAY 90 -- [TEXT] THE JUDGE OPENED THE NEW COURTHOUSE IN THE CAPITAL TODAY.", False),
    ],
)
def test_assassination_and_sabotage_are_incidents(text, violent):
    assert any(kind not in (None, "Protests") for kind in _kinds(text)) is violent


@pytest.mark.parametrize(
    ("second", "events"),
    [
        # Said to have happened in another country: another incident.
        ("   THE PARTY ALSO CONDEMNED THE MURDER OF ONE OF ITS LEADERS IN GUATEMALA.", 2),
        # Near miss: a nationality word says who, not where.
        ("   THE PARTY SAID THAT GUATEMALAN GUERRILLAS HAD PLANTED THE BOMB.", 1),
    ],
)
def test_incidents_in_other_countries(second, events):
    assert _violent_incidents(OPENING, second) == events


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # The town is named in another sentence of the incident's paragraph.
        (
            "   CLANDESTINE, 4 MAY 90 -- [TEXT] A BOMB EXPLODED TODAY AT THE OFFICES OF A TRADE\n"
            "UNION.  THE UNION HAS ITS OFFICES IN CUZCO, PERU.\n",
            "Cusco",
        ),
        # Near miss: a town named only in a paragraph that tells no incident stays out.
        (
            "   CLANDESTINE, 4 MAY 90 -- [TEXT] A BOMB EXPLODED TODAY AT THE OFFICES OF A TRADE\n"
            "UNION IN PERU.\n\n   THE UNION LEADERS WILL MEET NEXT WEEK IN CUZCO TO DISCUSS\n"
            "THE WAGES OF THE MINERS.\n",
            None,
        ),
    ],
)
def test_wire_incident_takes_the_towns_of_its_paragraph(text, town):
    event = extract_text(text, published="1990-05-04").events[0]
    assert event.place.country == "PE"
    assert (event.place.name if event.place.precision != "country" else None) == town


@pytest.mark.parametrize(
    ("second", "events"),
    [
        # Said outright to be another incident, in the same town on the same day.
        ("   THE SECOND ATTACK TOOK PLACE AN HOUR LATER, WHEN GUNMEN FIRED ON A PATROL\nIN HUANCAYO.", 2),
        ("   MEANWHILE, GUNMEN ATTACKED A POLICE PATROL IN HUANCAYO, WOUNDING TWO\nOFFICERS.", 2),
        # Near miss: the same incident told on, with no such marker.
        ("   THE POLICE SAID THAT THE ATTACKERS FIRED ON THE GUARDS IN HUANCAYO AND\nFLED.", 1),
    ],
)
def test_incidents_told_apart_outright(second, events):
    assert _violent_incidents(OPENING, second) == events


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # The incident names no place; the report is about one country.
        (
            "   CLANDESTINE, 4 MAY 90 (RADIO) -- [TEXT] THE MURDER OF THE TWO TEACHERS WILL\n"
            "NOT GO UNPUNISHED, THE COMMUNIQUE SAYS.\n\n   THE PEOPLE OF EL SALVADOR WANT PEACE AND "
            "WORK, THE\nCOMMUNIQUE ADDS.\n",
            "SV",
        ),
        # Near miss: no country named anywhere.
        (
            "   CLANDESTINE, 4 MAY 90 (RADIO) -- [TEXT] THE MURDER OF THE TWO TEACHERS WILL\n"
            "NOT GO UNPUNISHED, THE COMMUNIQUE SAYS.\n\n   THE PEOPLE WANT PEACE AND WORK, THE\n"
            "COMMUNIQUE ADDS.\n",
            None,
        ),
    ],
)
def test_an_incident_without_a_place_takes_the_report_country(text, country):
    event = extract_text(text, published="1990-05-04").events[0]
    assert event.place.country == country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # Filed from a bureau abroad, about another country it names again and again.
        (
            "   MOSCOW (USSR), 4 MAY 90 (RADIO) -- [TEXT] PERUVIAN GUERRILLAS KILLED FIVE\n"
            "PEASANTS YESTERDAY, PERUVIAN SOURCES REPORTED.  THE PERUVIAN ARMY SAID THE\n"
            "GUERRILLAS FLED.\n",
            "PE",
        ),
        # The dateline country's own nationality words say who, not where.
        (
            "   MADRID (SPAIN), 4 MAY 90 (RADIO) -- [TEXT] THE SPANISH GOVERNMENT CONDEMNED THE\n"
            "MURDER OF FIVE PEASANTS YESTERDAY IN PERU.  THE SPANISH EMBASSY SAID THE\n"
            "GUERRILLAS FLED.\n",
            "PE",
        ),
        # Near miss: the story names its dateline's country too, so the dateline stands.
        (
            "   MOSCOW (USSR), 4 MAY 90 (RADIO) -- [TEXT] PERUVIAN GUERRILLAS KILLED FIVE\n"
            "SOVIET ENGINEERS YESTERDAY IN MOSCOW, PERUVIAN SOURCES REPORTED.  THE\n"
            "PERUVIAN ARMY SAID THE GUERRILLAS FLED.\n",
            "RU",
        ),
        # Near miss: a dateline at home with a foreign name or two keeps its country.
        (
            "   LIMA, 4 MAY 90 (RADIO) -- [TEXT] GUERRILLAS KILLED FIVE PEASANTS YESTERDAY,\n"
            "A BOLIVIAN WITNESS SAID.\n",
            "PE",
        ),
        # Two nationality words are enough under a dateline labelled abroad ...
        (
            "   QUITO (ECUADOR), 4 MAY 90 (RADIO) -- [TEXT] THE PRESIDENT SENT A TELEGRAM TO THE\n"
            "FAMILY OF THE PERUVIAN JUDGE MURDERED YESTERDAY BY PERUVIAN GUERRILLAS.\n",
            "PE",
        ),
        # ... but a border is no country: the shooting was on the dateline's side of it.
        (
            "   QUITO (ECUADOR), 4 MAY 90 (RADIO) -- [TEXT] TWO SOLDIERS WERE KILLED YESTERDAY NEAR\n"
            "THE PERUVIAN BORDER.  ONE OF THE DEAD WAS A PERUVIAN.\n",
            "EC",
        ),
    ],
)
def test_a_wire_dateline_abroad_names_the_bureau_not_the_scene(text, country):
    event = extract_text(text, published="1990-05-04").events[0]
    assert event.place.country == country


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # The text only names the United States: "EARLY" and "STERLING" are words, not its towns.
        (
            "   CLANDESTINE, 4 MAY 90 (RADIO) -- [TEXT] IN EARLY MAY, TROOPS MURDERED TWO\n"
            "TEACHERS IN EL SALVADOR.  THE UNITED STATES SENT AID IN STERLING.\n",
            None,
        ),
        # Near misses: a city of the named country, or a place called a town, still counts.
        (
            "   CLANDESTINE, 4 MAY 90 (RADIO) -- [TEXT] A BOMB EXPLODED TODAY IN THE PERUVIAN\n"
            "TOWN OF YUNGAY, NEAR THE BORDER WITH PERU.\n",
            "Yungay",
        ),
        (
            "   CLANDESTINE, 4 MAY 90 (RADIO) -- [TEXT] GUNMEN MURDERED TWO TEACHERS IN\n"
            "MIAMI, THE UNITED STATES POLICE SAID.\n",
            "Miami",
        ),
    ],
)
def test_a_merely_named_country_lends_no_small_towns(text, town):
    event = extract_text(text, published="1990-05-04").events[0]
    assert (event.place.name if event.place.precision == "point" else None) == town


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # No dateline country: "U.S." says who ("IN THE U.S. CONGRESS" is an institution, not a
        # place); El Salvador, named outright, is where.
        (
            "   CLANDESTINE, 4 MAY 90 (RADIO) -- [TEXT] THE U.S. AMBASSADOR AND THE U.S.\n"
            "ADVISERS KNEW OF THE PLAN.  IN THE EARLY MORNING OF 2 MAY, TROOPS MURDERED TWO\n"
            "TEACHERS.  THIS WAS DISCUSSED IN THE U.S. CONGRESS, WHICH SENDS AID TO EL SALVADOR.\n",
            "SV",
        ),
        # Near miss: a country where something is said to happen stays a place.
        (
            "   CLANDESTINE, 4 MAY 90 (RADIO) -- [TEXT] GUNMEN MURDERED TWO TEACHERS IN THE\n"
            "UNITED STATES, THE U.S. PRESS SAID.  EL SALVADOR SENT ITS CONDOLENCES.\n",
            "US",
        ),
    ],
)
def test_a_country_that_only_says_who_is_not_where(text, country):
    event = extract_text(text, published="1990-05-04").events[0]
    assert event.place.country == country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # "PLAYA" is another name of a capital abroad: only a capital called by its name needs no cue.
        (
            "   BOGOTA, 7 SEP 89 -- [TEXT] A BOMB EXPLODED TODAY AT A RESTAURANT ON JUNIN AND PLAYA\n"
            "AVENUE.  NO ONE WAS HURT.\n",
            "CO",
        ),
        # Near miss: a capital abroad called by its name still counts.
        (
            "   CLANDESTINE, 7 SEP 89 -- [TEXT] A BOMB EXPLODED TODAY AT A RESTAURANT NEAR\n"
            "CARACAS.  NO ONE WAS HURT.\n",
            "VE",
        ),
    ],
)
def test_a_capital_needs_no_cue_only_by_its_own_name(text, country):
    event = extract_text(text, published="1989-09-07").events[0]
    assert event.place.country == country


def test_a_date_of_something_else_in_the_paragraph_does_not_date_the_incident():
    # "HELD ITS FIRST CONGRESS TODAY" tells no event: the kidnapping beside it stays on or before
    # the story's day.
    text = (
        "   BOGOTA, 8 OCT 89 -- [TEXT] THE NEW PARTY HELD ITS FIRST CONGRESS TODAY IN CALI.\n"
        "GUERRILLAS KIDNAPPED A RANCHER NEAR THE CITY, THE POLICE SAID.\n\n"
        "   IN MEDELLIN, A BOMB EXPLODED ON 2 OCTOBER AT A BANK.\n"
    )
    kidnapping, bombing = extract_text(text, published="1989-10-08").events[:2]
    assert (kidnapping.acled_sub_event_type, kidnapping.date.start, kidnapping.date.end) == (
        "Abduction/forced disappearance", None, "1989-10-08")
    assert (bombing.date.start, bombing.date.end) == ("1989-10-02", "1989-10-02")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "   SAN SALVADOR, 9 DEC 89 -- [TEXT] YESTERDAY MORNING, TERRORISTS MACHINEGUNNED A BUS ON\n"
            "THE HIGHWAY NEAR ZACATECOLUCA.  THE PASSENGERS FLED.\n",
            "1989-12-09", ("Violence against civilians", "Attack", "1989-12-08"),
        ),
        (
            "Two helicopters strafed the village of Los Robles on Sunday.",
            "2015-06-24", ("Explosions/Remote violence", "Air/drone strike", "2015-06-21"),
        ),
    ],
)
def test_machine_gunning_and_strafing_are_attacks(text, published, expected):
    event = extract_text(text, published=published).events[0]
    assert (event.acled_event_type, event.acled_sub_event_type, event.date.start) == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # No country named, no dateline country: the towns it names lie in one country.
        (
            "   CLANDESTINE, 6 APR 90 (RADIO) -- [TEXT] OUR UNITS AMBUSHED AN ARMY PATROL NEAR\n"
            "SUCHITOTO TODAY.  THE TROOPS FLED TOWARD ILOBASCO IN CABANAS DEPARTMENT.\n",
            ("SV", "Suchitoto"),
        ),
        # Near miss: one town is one vote, which decides nothing.
        (
            "   CLANDESTINE, 6 APR 90 (RADIO) -- [TEXT] OUR UNITS AMBUSHED AN ARMY PATROL NEAR\n"
            "SUCHITOTO TODAY.  THE TROOPS FLED.\n",
            (None, None),
        ),
    ],
)
def test_a_story_naming_no_country_is_set_where_its_towns_are(text, place):
    event = extract_text(text, published="1990-04-06").events[0]
    assert (event.place.country, event.place.name) == place


def test_a_body_found_with_bullet_wounds_is_an_attack():
    text = _wire(
        "   SAN SALVADOR, 10 NOV 89 (RADIO) -- [TEXT] THE BODY OF AN UNIDENTIFIED MAN WAS FOUND ON\n"
        "9 NOVEMBER ON A ROAD NEAR SANTA TECLA.  THE VICTIM HAD THREE BULLET WOUNDS AND HIS HANDS\n"
        "WERE TIED."
    )
    extraction = extract_text(text, published="1989-11-10")
    assert [(e.acled_event_type, e.date.start) for e in extraction.events] == [
        ("Violence against civilians", "1989-11-09")]


def test_a_body_found_joins_the_incident_and_types_it():
    text = _wire(
        "   SAN SALVADOR, 10 NOV 89 (RADIO) -- [TEXT] THE BODY OF A MAN WAS FOUND ON 9 NOVEMBER NEAR\n"
        "SANTA TECLA.  HIS HANDS WERE TIED AND HE HAD THREE BULLET WOUNDS.",
        "   A JUDGE IDENTIFIED THE DEAD MAN AS A TEACHER.",
    )
    extraction = extract_text(text, published="1989-11-10")
    assert [e.acled_event_type for e in extraction.events] == ["Violence against civilians"]


def test_an_incident_with_no_place_of_its_own_takes_the_country_of_the_texts_towns():
    # No country named, no dateline country: the province the text names says which country.
    text = (
        "   CLANDESTINE, 6 APR 90 (RADIO) -- [TEXT] ENEMY TROOPS ENTERED NORTHERN MORAZAN\n"
        "DEPARTMENT TODAY.\n\n"
        "   YESTERDAY THE AIR FORCE BOMBED A VILLAGE, KILLING TWO PEASANTS.\n"
    )
    events = extract_text(text, published="1990-04-06").events
    assert [event.place.country for event in events] == ["SV"] * len(events)


@pytest.mark.parametrize(
    "second",
    [
        "   A REBEL LEADER SAID IN MANAGUA YESTERDAY THAT THE BOMBING WAS A PROVOCATION.",
        "   THE TALKS SCHEDULED BETWEEN THE GOVERNMENT AND THE REBELS IN CARACAS WERE SUSPENDED AFTER"
        " THE BOMBING.",
    ],
)
def test_where_people_spoke_or_met_is_not_where_the_violence_was(second):
    text = _wire(
        "   SAN SALVADOR, 2 NOV 89 (RADIO) -- [TEXT] A BOMB EXPLODED AT THE UNION OFFICES TODAY, KILLING"
        " TWO WORKERS.",
        second,
    )
    events = extract_text(text, published="1989-11-02").events
    assert {e.place.country for e in events} == {"SV"}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # Near misses: what was said is where it happened.
        ("Police said the man was shot in Akron on Monday.", "Akron"),
        ("The visitor was shot in Akron on Monday.", "Akron"),
        # The police a story is "according to" are the place's own.
        ("A man was shot in the chest at his home early Friday, according to Dayton police.", "Dayton"),
    ],
)
def test_a_place_told_in_speech_stays_the_scene(text, town):
    assert extract_text(text, published="2016-05-10").events[0].place.name == town


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("   CLANDESTINE, 15 JUN 89 (RADIO) -- [TEXT] THE ARMY BOMBED VILLAGES IN EL SALVADOR TODAY.",
         "   WE RECALL THE KIDNAPPING THAT THE ARMY CARRIED OUT AGAINST A FORMER U.S. AMBASSADOR."),
        ("   LA PAZ, 2 JUN 89 (RADIO) -- [TEXT] GUNMEN KILLED TWO MISSIONARIES IN EL ALTO TODAY.",
         "   THE OBJECTS FOUND AT THE SCENE OF THE MURDER HAVE BEEN SENT TO WASHINGTON FOR TESTS."),
        ("   CLANDESTINE, 15 JUN 89 (RADIO) -- [TEXT] THE ARMY BOMBED VILLAGES IN EL SALVADOR TODAY.",
         "   WE DENOUNCE THE KIDNAPPING OF TWO AMERICAN CITIZENS BY THE SAME TROOPS."),
        ("   QUITO, 30 APR 90 (RADIO) -- [TEXT] GUNMEN ATTACKED A BOAT ON A RIVER TODAY.",
         "   ONE MAN WAS KILLED.  THE ATTACKERS RETURNED TO THE UNITED STATES WITH TWO HOSTAGES."),
    ],
)
def test_a_country_that_says_whose_people_or_where_things_went_is_not_the_scene(first, second):
    events = extract_text(_wire(first, second), published="1989-06-15").events
    assert "US" not in {e.place.country for e in events}


def test_the_death_of_named_victims_is_an_incident():
    text = _wire("   SAN SALVADOR, 25 APR 90 (RADIO) -- [TEXT] THE HIGH COMMAND IS STUDYING REPORTS THAT THE"
                 " OFFICER INVOLVED IN THE DEATH OF SIX PRIESTS FOLLOWED ORDERS.")
    extraction = extract_text(text, published="1990-04-25")
    assert [e.acled_event_type for e in extraction.events] == ["Violence against civilians"]
    # told by the noun itself, not only by the figure beside it
    told = [extraction.document.text[m.start:m.end] for m in extraction.events[0].mentions]
    assert told == ["DEATH"]


@pytest.mark.parametrize("text", [
    "   SAN SALVADOR, 25 APR 90 (RADIO) -- [TEXT] THE UNION RECEIVED DEATH THREATS TODAY.",
    "   SAN SALVADOR, 25 APR 90 (RADIO) -- [TEXT] THE BISHOP SPOKE AGAINST THE DEATH PENALTY.",
])
def test_death_threats_and_penalties_are_no_incident(text):
    assert [e for e in extract_text(_wire(text), published="1990-04-25").events if e.acled_event_type] == []


def test_the_country_of_a_dialogue_is_still_the_conflicts():
    # Near miss: "dialogue ... in El Salvador" names the conflict's country, not a meeting place.
    text = _wire("   MOSCOW (USSR), 23 JAN 90 (RADIO) -- [TEXT] THE MINISTRY CONDEMNED THE MURDER OF SIX"
                 " PRIESTS, WHICH HINDERS THE DIALOGUE BETWEEN THE OPPOSING SIDES IN EL SALVADOR.")
    events = extract_text(text, published="1990-01-23").events
    assert [e.place.country for e in events] == ["SV"]


def test_a_town_of_one_country_named_again_sets_a_story_that_names_no_country():
    text = _wire(
        "   CLANDESTINE, 19 MAR 89 (RADIO) -- [TEXT] TWO REPORTERS WERE SHOT LAST NIGHT IN SOYAPANGO.",
        "   TROOPS ARE PATROLLING THE AREA OF SOYAPANGO.",
    )
    events = extract_text(text, published="1989-03-19").events
    assert [e.place.country for e in events] == ["SV"]


def test_a_protest_with_no_place_of_its_own_is_set_at_the_dateline():
    # The dateline names where a march was as surely as where a shooting was; the embassy the
    # marchers passed is whose building, not another country.
    text = _wire(
        "   QUITO, 4 MAY 90 (RADIO) -- [TEXT] SOME 200 TEACHERS MARCHED YESTERDAY TO DEMAND\n"
        "HIGHER WAGES.  WHEN THE MARCHERS PASSED THE PERUVIAN EMBASSY THEY THREW STONES AT\n"
        "THE GUARDS.",
    )
    events = extract_text(text, published="1990-05-04").events
    assert [(e.acled_event_type, e.place.country) for e in events] == [("Riots", "EC")]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # A country's name wrapped over two lines is still its name.
        (
            "   CLANDESTINE, 4 MAY 90 (RADIO) -- [TEXT] THE U.S. ADVISERS KNEW OF THE PLAN.  IN EL\n"
            "SALVADOR, TROOPS MURDERED TWO TEACHERS YESTERDAY.\n",
            "SV",
        ),
        # A capital named for its country names the country.
        (
            "   CLANDESTINE, 4 MAY 90 (RADIO) -- [TEXT] THE U.S. ADVISERS KNEW OF THE PLAN.\n"
            "TROOPS MURDERED TWO TEACHERS YESTERDAY.  THE PEOPLE OF SAN SALVADOR MOURN THEM.\n",
            "SV",
        ),
        # "Salvador" alone is a man's name, not his country.
        (
            "   LIMA, 4 MAY 90 -- [TEXT] GENERAL JUAN DIAZ SALVADOR SAID THE POLICE ARE\n"
            "INVESTIGATING THE MURDER OF A FORMER MINISTER.\n\n"
            "   [REPORTER] WHO ARE THE MURDERERS?  [DIAZ SALVADOR] WE HAVE ARRESTED 16\n"
            "SUSPECTS.  [REPORTER] AND THE MURDER?  [DIAZ SALVADOR] THE CASE IS OPEN.\n\n"
            "   [REPORTER] WHEN?  [DIAZ SALVADOR] SOON.  [DIAZ SALVADOR] THE MURDER SHOCKED US.\n",
            "PE",
        ),
    ],
)
def test_a_country_is_named_by_its_whole_name(text, country):
    event = extract_text(text, published="1990-05-04").events[0]
    assert event.place.country == country


@pytest.mark.parametrize(
    "second",
    [
        # A source after "according to" is no place: Red Cross is a town somewhere.
        "   ACCORDING TO THE RED CROSS, THE TEACHER WAS KILLED IN THE CROSSFIRE.\n\n"
        "   HIS BODY WILL BE SENT TO THE UNITED STATES.",
        # A Spanish word for a neighbourhood before its name is no town: Colonia is Cologne too.
        "   THE TEACHER WAS KILLED IN COLONIA MIRAMONTES.\n\n   HIS BROTHER IS A DOCTOR IN GERMANY.",
    ],
)
def test_words_that_are_towns_elsewhere_leave_the_dateline_standing(second):
    text = _wire("   SAN SALVADOR, 13 NOV 89 (RADIO) -- [TEXT] A TEACHER DIED YESTERDAY.", second)
    events = extract_text(text, published="1989-11-13").events
    assert events and {e.place.country for e in events} == {"SV"}


def test_an_act_between_names_weighed_alike_is_set_in_the_storys_own_country():
    # The club bears the name of a town abroad; the municipality it stands in is at home.
    text = _wire(
        "   BOGOTA, 25 AUG 89 (AFP) -- [TEXT] THE GANG TODAY THREATENED TO KILL 10 JUDGES FOR EVERY\n"
        "COLOMBIAN WHO IS EXTRADITED TO THE UNITED STATES.",
        "   THE GANG, WHICH EARLY THIS MORNING SET FIRE TO THE PALM SPRINGS CLUB IN ZIPAQUIRA\n"
        "MUNICIPALITY, SENT A LETTER TODAY TO A JUDGE.",
    )
    arson = [e for e in extract_text(text, published="1989-08-25").events
             if e.acled_sub_event_type == "Looting/property destruction"]
    assert [(e.place.name, e.place.country) for e in arson] == [("Zipaquirá", "CO")]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # A nationality word before "territory" says where, not whose.
        (
            "   CLANDESTINE, 22 MAR 90 (RADIO) -- [TEXT] HONDURAN TROOPS ENTERED 2 KM INSIDE\n"
            "SALVADORAN TERRITORY YESTERDAY AND KILLED TWO HONDURAN PEASANTS.\n",
            "SV",
        ),
        (
            "   PANAMA CITY (PANAMA), 22 MAR 90 (RADIO) -- [TEXT] A NAVY PATROL FIRED ON A FISHING\n"
            "BOAT IN COLOMBIAN WATERS YESTERDAY, KILLING TWO FISHERMEN.\n",
            "CO",
        ),
        # Where a group is based is not where the act it reports was.
        (
            "   GUATEMALA CITY, 4 FEB 90 (RADIO) -- [TEXT] A REPORT BY A NEWS AGENCY WHOSE MAIN\n"
            "OFFICES ARE IN MEXICO SAYS THAT A GUERRILLA COLUMN ATTACKED A FARM 2 DAYS AGO.\n",
            "GT",
        ),
    ],
)
def test_territory_says_where_and_a_base_does_not(text, country):
    events = extract_text(text, published="1990-03-22").events
    assert events and {e.place.country for e in events} == {country}


def test_a_foreign_leader_called_upon_does_not_set_the_story_in_his_country():
    # "PERUVIAN PRESIDENT" says who is called upon; "THE OAS" is no town; the towns say where.
    text = (
        "   CLANDESTINE, 13 NOV 89 (RADIO) -- [TEXT] WE CALL ON THE OAS AND ON PERUVIAN PRESIDENT JUAN\n"
        "PEREZ TO PRESSURE THE GOVERNMENT TO STOP ITS BOMBINGS.\n\n"
        "   THIS MORNING A PLANE DROPPED A BOMB ON A HOME IN SANTA ANA.  A BOY WAS INJURED IN USULUTAN.\n"
        "WE CALL ON THE OAS TO ACT.\n"
    )
    events = extract_text(text, published="1989-11-13").events
    assert events and {e.place.country for e in events} == {"SV"}
