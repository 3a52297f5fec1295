"""Acts of their own inside an incident's paragraphs (`extract.acts`) and the events they make.

Every text here is invented.
"""

from __future__ import annotations

import pytest

from tollbook.extract.acts import act_kinds, act_type, acts_in, sentences
from tollbook.pipeline import extract_text


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("ON LEAVING, THE RAIDERS SET FIRE TO A BAKERY.", ["destruction"]),
        ("ARMED MEN KIDNAPPED THE JUDGE AND BURNED HIS JEEP.", ["abduction", "destruction"]),
        ("ONE OF THE TRUCKS WAS TOTALLY DESTROYED BY FIRE NEAR THE MARKET.", ["destruction"]),
        ("THE NOTARY WAS SHOT TO DEATH BY TWO MEN ON A MOTORCYCLE.", ["attack"]),
        ("LAST NIGHT TWO DRIVERS WERE SHOT BY UNIFORMED MEN.", ["attack"]),
        ("A BOMB EXPLODED AT THE GATE OF THE BREWERY.", ["explosion"]),
        # A bomb that killed is a bombing, not a killing besides.
        ("TWO GUARDS WERE KILLED WHEN A BOMB EXPLODED AT THE GATE.", ["explosion"]),
        # Near misses: arms found or made safe, a tally over months, no act at all.
        ("SOLDIERS DEFUSED A BOMB LEFT AT THE BRIDGE.", []),
        ("POLICE FOUND EXPLOSIVES IN A TRUCK.", []),
        ("SO FAR THIS YEAR, 40 FARMERS HAVE BEEN KILLED IN THE PROVINCE.", []),
        ("THE MINISTER MET THE AMBASSADOR.", []),
    ],
)
def test_the_kinds_of_act_a_sentence_tells(sentence, kinds):
    assert act_kinds(sentence) == kinds


def test_sentences_split_at_full_stops():
    text = "ONE THING. ANOTHER THING.  A THIRD"
    assert [text[a:b].strip() for a, b in sentences(text, 0, len(text))] == [
        "ONE THING.", "ANOTHER THING.", "A THIRD"]


def test_an_act_points_at_the_word_that_tells_it():
    text = "THE GUNMEN FLED. BEFORE THAT THEY TORCHED A BUS."
    (act,) = acts_in(text, 0, len(text))
    assert (act.kind, text[act.start:act.end]) == ("destruction", "TORCHED")


WIRE = (
    "   QUITO, 9 MAR 91 (RADIO) -- [TEXT] ARMED MEN KIDNAPPED FOUR ENGINEERS\n"
    "YESTERDAY IN A VILLAGE NEAR LOJA, POLICE SOURCES REPORTED TODAY.  BEFORE\n"
    "FLEEING, THE KIDNAPPERS SET FIRE TO THE COMPANY'S WAREHOUSE.\n"
)


def _typed(text: str, published: str):
    extraction = extract_text(text, published=published)
    return [e for e in extraction.events if e.acled_event_type], extraction


def test_an_arson_beside_a_kidnapping_is_an_event_of_its_own():
    events, extraction = _typed(WIRE, "1991-03-09")
    sub_types = [e.acled_sub_event_type for e in events]
    assert sub_types == ["Abduction/forced disappearance", "Looting/property destruction"]
    kidnapping, arson = events
    assert (arson.date.start, arson.place.country) == (kidnapping.date.start, kidnapping.place.country)
    # The act event carries no figures: they stay with the incident that tells them.
    assert all(claim.event != arson.id for claim in extraction.claims)


def test_a_killing_on_another_day_is_an_event_of_its_own():
    text = (
        "   QUITO, 9 MAR 91 (RADIO) -- [TEXT] GUNMEN KIDNAPPED A BANKER TODAY IN LOJA.\n\n"
        "   A LAWYER WAS SHOT TO DEATH ON 2 MARCH IN THE SAME TOWN.\n"
    )
    events, _ = _typed(text, "1991-03-09")
    dates = {(e.acled_sub_event_type, e.date.start) for e in events}
    assert ("Attack", "1991-03-02") in dates


def test_the_incident_told_on_makes_no_second_event():
    text = (
        "   QUITO, 9 MAR 91 (RADIO) -- [TEXT] GUNMEN KIDNAPPED A BANKER TODAY IN LOJA.\n\n"
        "   THE KIDNAPPERS TOOK THE BANKER TO AN UNKNOWN PLACE, THE POLICE SAID.\n"
    )
    events, _ = _typed(text, "1991-03-09")
    assert len(events) == 1


def test_an_act_is_typed_among_the_sub_types_of_its_kind():
    # The sentence reads as an arrest; the act it tells is still a murder.
    sentence = "POLICE ARRESTED AND DETAINED THREE MEN FOR THE MURDER OF A JUDGE."
    assert act_type(sentence, "attack") == ("Violence against civilians", "Attack")
    assert act_type(sentence, "abduction") == (None, None)


def test_an_arrest_story_keeps_the_act_it_tells():
    text = (
        "   QUITO, 9 MAR 91 (RADIO) -- [TEXT] POLICE ARRESTED AND DETAINED THREE MEN IN LOJA\n"
        "TODAY, ACCUSED OF A MURDER.  THE JUDGE WAS SHOT TO DEATH IN HIS OFFICE.\n"
    )
    events, _ = _typed(text, "1991-03-09")
    types = [(e.acled_event_type, e.acled_sub_event_type) for e in events]
    assert ("Strategic developments", "Arrests") in types
    assert ("Violence against civilians", "Attack") in types


def test_an_arrest_with_no_act_makes_no_act_event():
    text = "   QUITO, 9 MAR 91 (RADIO) -- [TEXT] POLICE ARRESTED THREE SMUGGLERS IN LOJA TODAY.\n"
    events, _ = _typed(text, "1991-03-09")
    assert all(e.acled_event_type != "Violence against civilians" for e in events)


def test_a_paragraph_without_trigger_words_still_tells_acts():
    text = (
        "   QUITO, 9 MAR 91 (RADIO) -- [TEXT] REBELS ATTACKED A POLICE POST IN LOJA TODAY.\n\n"
        "   A BRIDGE WAS DESTROYED BY EXPLOSIVES IN CUENCA.\n"
    )
    events, _ = _typed(text, "1991-03-09")
    bombing = [e for e in events if e.acled_sub_event_type == "Remote explosive/landmine/IED"]
    assert [e.place.name for e in bombing] == ["Cuenca"]


def test_a_paragraph_without_acts_adds_no_event():
    text = (
        "   QUITO, 9 MAR 91 (RADIO) -- [TEXT] REBELS ATTACKED A POLICE POST IN LOJA TODAY.\n\n"
        "   THE MAYOR OF CUENCA CALLED FOR CALM.\n"
    )
    events, _ = _typed(text, "1991-03-09")
    assert len(events) == 1


def test_the_same_act_in_another_town_is_another_event():
    text = (
        "   QUITO, 9 MAR 91 (RADIO) -- [TEXT] REBELS ATTACKED A POLICE POST IN LOJA TODAY.\n"
        "THE REBELS ALSO ATTACKED THE TOWN HALL IN CUENCA.\n"
    )
    events, _ = _typed(text, "1991-03-09")
    assert {e.place.name for e in events} >= {"Loja", "Cuenca"}


def test_a_wire_dateline_does_not_outweigh_the_town_the_story_names():
    text = "   QUITO, 9 MAR 91 (RADIO) -- [TEXT] REBELS ATTACKED A POLICE POST IN LOJA TODAY.\n"
    events, _ = _typed(text, "1991-03-09")
    assert [e.place.name for e in events] == ["Loja"]


def test_a_web_dateline_still_counts_twice():
    # Near miss: a web story's dateline is usually where it happened.
    text = "DAYTON, Ohio — A man was shot on Friday in Kettering Plaza, police said."
    extraction = extract_text(text, published="2016-05-09")
    assert extraction.events[0].place.name == "Dayton"


def test_a_violent_incident_with_few_cues_is_still_typed():
    text = "   QUITO, 9 MAR 91 (RADIO) -- [TEXT] A NEW ATTACK ON THE PIPELINE WAS CARRIED OUT TODAY.\n"
    events, _ = _typed(text, "1991-03-09")
    assert [(e.acled_event_type, e.acled_sub_event_type) for e in events] == [
        ("Violence against civilians", "Attack")]


def test_an_act_takes_the_day_its_paragraph_gave_before_it():
    text = (
        "   QUITO, 9 MAR 91 (RADIO) -- [TEXT] REBELS KIDNAPPED A BANKER IN LOJA TODAY.  ON 5\n"
        "MARCH THE SAME GROUP HAD ROBBED A STORE.  THEY ALSO SET FIRE TO A TRUCK.\n"
    )
    events, _ = _typed(text, "1991-03-09")
    arson = [e for e in events if e.acled_sub_event_type == "Looting/property destruction"]
    assert [a.date.start for a in arson] == ["1991-03-05"]


def test_an_act_with_no_day_before_it_takes_the_incident_date():
    # Near miss: the day comes after the act, in another sentence: it is not the act's.
    text = (
        "   QUITO, 9 MAR 91 (RADIO) -- [TEXT] REBELS KIDNAPPED A BANKER IN LOJA TODAY.  THEY\n"
        "ALSO SET FIRE TO A TRUCK.  ON 5 MARCH THE SAME GROUP HAD ROBBED A STORE.\n"
    )
    events, _ = _typed(text, "1991-03-09")
    arson = [e for e in events if e.kind == "set fire"]
    assert [a.date.start for a in arson] == ["1991-03-09"]


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        # The crime an arrest or an inquiry is about is an act, told in passing.
        ("POLICE ARRESTED TWO MEN IN CONNECTION WITH THE MURDER OF THE JUDGE.", ["attack"]),
        ("THE PROSECUTOR INVESTIGATING THE ASSASSINATION OF THE MAYOR ISSUED A WARRANT.", ["attack"]),
        ("A SOLDIER WAS HELD FOR HIS SUSPECTED INVOLVEMENT IN THE KIDNAPPING OF A NURSE.", ["abduction"]),
        ("THE OFFICER INVOLVED IN THE DEATH OF THE TWO PRIESTS WAS DISMISSED.", ["attack"]),
        ("THE COURT FREED A MAN SUSPECTED OF KILLING A NURSE.", ["attack"]),
        ("THE UNIONS MARCHED TO PROTEST THE BOMBING OF THEIR OFFICES ON 3 MAY.", ["explosion"]),
        ("HE DENIED THAT THE DELAY IS LINKED TO THE ASSASSINATION OF A DEPUTY IN PERU.", ["attack"]),
        ("THE MAYOR EXTENDED THE CURFEW AFTER LEARNING OF THE KILLING OF A FORMER MAYOR.", ["attack"]),
        ("NEWS OF THE KIDNAPPING OF THE BANKER REACHED THE CAPITAL LATE.", ["abduction"]),
        # Near misses: an arrest for something else, and a crime only feared.
        ("POLICE ARRESTED TWO MEN IN CONNECTION WITH THE THEFT OF A TRUCK.", []),
        ("THE MINISTER SPOKE IN CONNECTION WITH THE ELECTIONS.", []),
    ],
)
def test_the_crime_an_arrest_is_about_is_an_act(sentence, kinds):
    assert act_kinds(sentence) == kinds


def test_an_arrest_story_keeps_the_murder_it_is_about():
    text = ("   BOGOTA, 4 MAY 90 (RADIO) -- [TEXT] POLICE ARRESTED TWO MEN TODAY IN CONNECTION\n"
            "WITH THE MURDER OF A JUDGE IN MEDELLIN.\n")
    events = extract_text(text, published="1990-05-04").events
    kinds = {(e.acled_event_type, e.acled_sub_event_type) for e in events}
    assert ("Violence against civilians", "Attack") in kinds


@pytest.mark.parametrize(
    ("told", "date"),
    [
        ("THE MURDER OF A JUDGE ON 2 MAY", ("1990-05-02", "1990-05-02")),  # the crime's own day
        ("THE MURDER OF A JUDGE", (None, "1990-05-04")),  # undated: on or before the arrest
    ],
)
def test_the_crime_an_arrest_is_about_is_dated_apart_from_the_arrest(told, date):
    text = (f"   BOGOTA, 4 MAY 90 (RADIO) -- [TEXT] A JUDGE TODAY ORDERED THE ARREST OF TWO MEN\n"
            f"INVOLVED IN {told} IN MEDELLIN.\n")
    events = extract_text(text, published="1990-05-04").events
    [crime] = [e for e in events if e.acled_sub_event_type == "Attack"]
    assert (crime.date.start, crime.date.end) == date


def test_an_act_of_the_same_kind_in_another_country_is_its_own_event():
    text = ("   SAN SALVADOR, 15 JAN 90 (RADIO) -- [TEXT] GUNMEN MURDERED TWO TEACHERS TODAY IN\n"
            "SAN MIGUEL, THE POLICE SAID.\n\n"
            "   THE MINISTER DENIED THAT HIS TRIP IS LINKED TO THE ASSASSINATION OF A UNION\n"
            "LEADER TODAY IN GUATEMALA.\n")
    countries = sorted(e.place.country for e in extract_text(text, published="1990-01-15").events
                       if e.acled_event_type == "Violence against civilians")
    assert countries == ["GT", "SV"]


def test_an_act_is_not_placed_in_a_town_of_a_country_the_report_never_names():
    text = ("DAYTON, Ohio — A man was shot and killed Friday night.\n\n"
            "Detectives think the shooting is linked to the killing of a clerk, according to Police.\n")
    countries = {e.place.country for e in extract_text(text, published="2024-05-04").events}
    assert countries == {"US"}


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        # Goods seized in a raid do not undo the raid; arms found still make no act.
        ("THE RAIDERS SET TWO SHOPS AND A BARN ON FIRE AND SEIZED FOOD.", ["destruction"]),
        ("TROOPS SEIZED RIFLES AND GRENADES AFTER THE RAIDERS SET A BARN ON FIRE.", []),
        ("A CACHE OF EXPLOSIVES WAS DISCOVERED NEAR THE BRIDGE.", []),
    ],
)
def test_goods_seized_are_no_arms_found(sentence, kinds):
    assert act_kinds(sentence) == kinds


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("SAPPERS DESTROYED TWO HIGH-VOLTAGE PYLONS NEAR THE DAM.", ["destruction"]),
        ("THE REBELS KEPT UP THEIR SABOTAGE OF THE POWER GRID.", ["destruction"]),
        # What a bomb destroyed is the bombing itself; a fire set besides is an act of its own.
        ("A BOMB DESTROYED THE OFFICE OF THE MAYOR.", ["explosion"]),
        ("A BOMB EXPLODED AND THE REBELS BURNED A BUS.", ["destruction", "explosion"]),
    ],
)
def test_destruction_without_fire_is_an_act(sentence, kinds):
    assert act_kinds(sentence) == kinds


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        # Denied or only threatened: no act.
        ("THEIR SPOKESMAN SAID THEY WOULD NOT ATTACK THE VOTING TABLES.", []),
        ("THE REBELS THREATENED TO KIDNAP THE MAYOR.", []),
        ("THEY WILL BOMB MORE BANKS.", []),
        # Near misses: the act done, beside a threat of more.
        ("GUNMEN KILLED TWO FARMERS AND THREATENED TO KILL MORE.", ["attack"]),
        ("THE ARMY SAID THE REBELS HAD ATTACKED A POST.", ["attack"]),
    ],
)
def test_an_act_denied_or_threatened_is_no_act(sentence, kinds):
    assert act_kinds(sentence) == kinds


@pytest.mark.parametrize(
    "second",
    [
        "   LEADERS OF UNIVERSITIES IN MEXICO HAVE CONDEMNED THE KIDNAPPING OF THE STUDENTS.\n",
        "   THE KIDNAPPING OF THE STUDENTS HAS BEEN CONDEMNED BY LEADERS OF UNIVERSITIES IN MEXICO.\n",
    ],
)
def test_where_those_who_condemn_an_act_are_is_not_where_it_happened(second):
    text = ("   GUATEMALA CITY, 22 SEP 89 (RADIO) -- [TEXT] GUNMEN KIDNAPPED FIVE STUDENT LEADERS IN\n"
            "QUETZALTENANGO ON 20 SEPTEMBER.\n\n" + second)
    events, _ = _typed(text, "1989-09-22")
    assert {e.place.country for e in events} == {"GT"}
