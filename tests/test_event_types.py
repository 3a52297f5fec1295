"""tollbook.extract.event_types.classify on invented sentences, traps included."""

from __future__ import annotations

import pytest

from tollbook.extract.event_types import RULES, classify

B, E, V = "Battles", "Explosions/Remote violence", "Violence against civilians"
P, R, S = "Protests", "Riots", "Strategic developments"

CASES = [
    # Battles
    ("Army troops clashed with rebels near the border town for several hours.", B, "Armed clash"),
    ("Soldiers and militants exchanged fire overnight outside the district capital.", B, "Armed clash"),
    ("Insurgents ambushed a military patrol on the highway, killing two soldiers.", B, "Armed clash"),
    ("Government forces recaptured the town from the rebels on Sunday.", B, "Government regains territory"),
    ("Militants seized control of the village after the army fled.", B,
     "Non-state actor overtakes territory"),
    # Explosions/Remote violence
    ("Warplanes carried out air strikes on the rebel-held district.", E, "Air/drone strike"),
    ("A drone strike hit a car carrying two commanders.", E, "Air/drone strike"),
    ("A suicide bomber blew himself up at a crowded market.", E, "Suicide bomb"),
    ("Artillery shelling of the northern suburbs continued for a third day.", E,
     "Shelling/artillery/missile attack"),
    ("Two rockets landed near the airport late on Tuesday.", E, "Shelling/artillery/missile attack"),
    ("A roadside bomb struck a bus carrying workers.", E, "Remote explosive/landmine/IED"),
    ("A farmer was wounded when he stepped on a landmine.", E, "Remote explosive/landmine/IED"),
    ("Unknown attackers threw a grenade into a bar, wounding five.", E, "Grenade"),
    ("Doctors said the victims showed symptoms of exposure to chlorine gas.", E, "Chemical weapon"),
    # Violence against civilians
    ("Gunmen killed three villagers in an overnight raid.", V, "Attack"),
    ("Two people were shot and killed outside a convenience store, police said.", V, "Attack"),
    ("A 19-year-old man was fatally shot on the South Side on Saturday night.", V, "Attack"),
    ("Armed men abducted eleven students from their dormitory.", V, "Abduction/forced disappearance"),
    ("The activist has not been seen since he was forcibly disappeared last month.", V,
     "Abduction/forced disappearance"),
    ("Soldiers were accused of raping two women at the checkpoint.", V, "Sexual violence"),
    # Protests
    ("Hundreds of teachers marched peacefully to demand higher wages.", P, "Peaceful protest"),
    ("Police dispersed the sit-in and detained a dozen protesters.", P, "Protest with intervention"),
    ("Security forces opened fire on demonstrators, killing four.", P, "Excessive force against protesters"),
    ("Police fired on the crowd outside the stadium, wounding six.", P, "Excessive force against protesters"),
    # Brutality with no protest or crowd in sight is violence against civilians.
    ("The brutally mutilated bodies of two students were found on a road.", V, "Attack"),
    # Riots
    ("Protesters threw stones at police and set tyres alight.", R, "Violent demonstration"),
    ("An angry mob lynched a man accused of stealing a goat.", R, "Mob violence"),
    # Strategic developments
    ("Police arrested the opposition leader at his home.", S, "Arrests"),
    ("Bomb disposal experts defused an explosive device found under a bridge.", S, "Disrupted weapons use"),
    ("Troops seized a large cache of weapons and ammunition in a raid.", S, "Disrupted weapons use"),
    ("Two armed factions announced that they had merged into a new alliance.", S, "Change to group/activity"),
    ("The militia set up a new base on the outskirts of the city.", S, "Headquarters or base established"),
    ("Looters ransacked shops in the market overnight.", S, "Looting/property destruction"),
    ("The rebels withdrew from the town and handed it over to local elders without a fight.", S,
     "Non-violent transfer of territory"),
    ("The two sides signed a ceasefire agreement in the capital.", S, "Agreement"),
    # Upper-case wire text reads the same
    ("A CAR BOMB EXPLODED IN FRONT OF THE EMBASSY IN BOGOTA.", E, "Remote explosive/landmine/IED"),
    ("TERRORISTS KIDNAPPED THE MAYOR OF THE TOWN ON 3 JANUARY.", V, "Abduction/forced disappearance"),
    ("URBAN GUERRILLAS MURDERED TWO PEASANTS IN THE DEPARTMENT.", V, "Attack"),
    ("GUERRILLAS DYNAMITED TWO ELECTRIC POWER TOWERS LAST NIGHT.", E, "Remote explosive/landmine/IED"),
]


@pytest.mark.parametrize(("text", "event_type", "sub_type"), CASES)
def test_classify(text, event_type, sub_type):
    assert classify(text) == (event_type, sub_type)


@pytest.mark.parametrize("text", [
    "The central bank raised interest rates by half a point.",
    "The football team won its third match in a row.",
    "",
])
def test_no_event(text):
    assert classify(text) == (None, None)


def test_every_sub_type_belongs_to_its_acled_type():
    assert {event_type for event_type, _ in RULES} == {B, E, V, P, R, S}
    assert len(RULES) == 25


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # The month is no march.
        ("ON 10 MARCH REBELS BOMBED THE TOWN HALL.", "Explosions/Remote violence"),
        ("Gunmen shot dead a trader in March.", "Violence against civilians"),
        ("Thousands of teachers marched through the capital.", "Protests"),
    ],
)
def test_the_month_of_march_is_no_protest(text, event_type):
    assert classify(text)[0] == event_type
