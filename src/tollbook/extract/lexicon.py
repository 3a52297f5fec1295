"""Word lists the extraction rules read: casualty words, people nouns, speech verbs.

Lemmas are lower case. Kept in one place so a reviewer can see, and extend, what the rules know.
"""

from __future__ import annotations

from dataclasses import dataclass

from tollbook.model import AgeGroup, Category, Gender, Outcome, Role

# Verbs (lemmas) whose subject (passive) or object (active) suffered the outcome.
OUTCOME_VERBS: dict[str, Outcome] = {
    **dict.fromkeys(
        "kill murder slay execute assassinate behead massacre slaughter lynch martyr strangle "
        "electrocute drown burn".split(),
        Outcome.KILLED,
    ),
    **dict.fromkeys("injure wound hurt maim hospitalize hospitalise stab beat burn graze".split(),
                    Outcome.INJURED),
    **dict.fromkeys("kidnap abduct capture seize".split(), Outcome.ABDUCTED),
    **dict.fromkeys("arrest detain jail imprison apprehend".split(), Outcome.DETAINED),
    **dict.fromkeys("displace".split(), Outcome.DISPLACED),
    "disappear": Outcome.MISSING,
    "shoot": Outcome.CASUALTIES,  # "two were shot": wounded or killed, the clause alone does not say
}
OUTCOME_VERBS["burn"] = Outcome.INJURED
# Intransitive verbs whose subject suffered the outcome ("three died").
INTRANSITIVE_OUTCOMES: dict[str, Outcome] = {
    "die": Outcome.KILLED,
    "perish": Outcome.KILLED,
    "succumb": Outcome.KILLED,
    "disappear": Outcome.MISSING,
    "vanish": Outcome.MISSING,
    "flee": Outcome.DISPLACED,
}
# Adjectives and participles describing people ("the dead", "32 slain officers", "were missing").
OUTCOME_ADJECTIVES: dict[str, Outcome] = {
    **dict.fromkeys("dead killed slain deceased murdered".split(), Outcome.KILLED),
    **dict.fromkeys("injured wounded hurt hospitalized hospitalised".split(), Outcome.INJURED),
    "missing": Outcome.MISSING,
    "unaccounted": Outcome.MISSING,
    **dict.fromkeys("kidnapped abducted".split(), Outcome.ABDUCTED),
    **dict.fromkeys("arrested detained".split(), Outcome.DETAINED),
    "displaced": Outcome.DISPLACED,
}
# Nouns that name the outcome itself ("83 deaths", "death toll of 83", "the murder of 32 soldiers").
OUTCOME_NOUNS: dict[str, Outcome] = {
    **dict.fromkeys("death fatality toll body murder killing homicide massacre".split(), Outcome.KILLED),
    **dict.fromkeys("injury wound".split(), Outcome.INJURED),
    "casualty": Outcome.CASUALTIES,
    **dict.fromkeys("kidnapping abduction hostage".split(), Outcome.ABDUCTED),
    **dict.fromkeys("arrest detention detainee".split(), Outcome.DETAINED),
}
# Modifiers that turn "shot" into a killing ("shot dead", "fatally shot").
FATAL_MODIFIERS = frozenset("dead fatally death".split())
# Verbs that make a clause about a crowd, never about casualties ("Thousands protested").
CROWD_VERBS = frozenset(
    "protest gather rally march demonstrate attend assemble chant mourn celebrate".split()
)
SPEECH_VERBS = frozenset(
    "say tell report announce confirm state add note claim estimate declare explain disclose reveal "
    "indicate write post tweet testify allege insist acknowledge warn describe cite put tally "
    "count record".split()
)
REPORTING_HEADS = frozenset("report believe fear confirm know say think presume expect".split())
REVISION_WORDS = frozenset("revise revision update raise lower correct initial earlier previous".split())


@dataclass(frozen=True)
class PersonNoun:
    category: Category = Category.UNKNOWN
    role: Role = Role.VICTIM
    gender: Gender | None = None
    age: AgeGroup | None = None
    generic: bool = False  # "people", "persons": a figure about everyone in the event


def _nouns(words: str, **kw) -> dict[str, PersonNoun]:
    return dict.fromkeys(words.split(), PersonNoun(**kw))


PERSON_NOUNS: dict[str, PersonNoun] = {
    **_nouns("people person individual victim casualty other", generic=True),
    **_nouns(
        "civilian resident villager passenger pedestrian bystander worshipper worker student "
        "shopper customer patient journalist reporter farmer miner refugee migrant protester "
        "demonstrator teacher doctor nurse neighbor neighbour tourist driver family relative "
        "hostage citizen inhabitant employee guest spectator fan member fisherman activist "
        "motorist cyclist commuter prisoner inmate detainee politician lawmaker priest imam monk "
        "nun volunteer rescuer firefighter paramedic medic contractor labourer laborer herder "
        "herdsman trader vendor merchant shopkeeper owner pilgrim mourner churchgoer voter "
        "official leader homeowner waitress waiter clerk cashier bartender attendant janitor mechanic "
        "courier postman mailman pastor rapper singer player athlete coach roommate tenant landlord "
        "caller motorcyclist skater jogger hiker hunter",
        category=Category.CIVILIAN,
    ),
    **_nouns(
        "soldier troop serviceman servicemember marine sailor airman guard guardsman "
        "paratrooper commando military personnel conscript recruit",
        category=Category.MILITARY,
    ),
    **_nouns(
        "officer policeman policewoman cop trooper deputy constable gendarme agent sheriff",
        category=Category.POLICE,
    ),
    **_nouns(
        "militant rebel insurgent fighter guerrilla guerilla jihadist terrorist extremist "
        "combatant paramilitary militiaman",
        category=Category.ARMED_GROUP,
        role=Role.UNKNOWN,
    ),
    **_nouns(
        "gunman shooter suspect attacker assailant perpetrator bomber robber killer hijacker",
        role=Role.PERPETRATOR,
    ),
    **_nouns("man husband father son brother boyfriend", gender=Gender.MALE, age=AgeGroup.ADULT),
    **_nouns("woman wife mother daughter sister girlfriend", gender=Gender.FEMALE, age=AgeGroup.ADULT),
    # Kin and companions: local news names victims by their tie to someone ("shot his nephew").
    **_nouns("nephew uncle grandson grandfather grandpa stepson stepfather stepbrother dad fiance",
             gender=Gender.MALE),
    **_nouns("niece aunt granddaughter grandmother grandma stepdaughter stepmother stepsister mom "
             "fiancee", gender=Gender.FEMALE),
    **_nouns("cousin grandchild grandparent parent sibling spouse friend classmate coworker "
             "acquaintance"),
    **_nouns("male", gender=Gender.MALE),  # police usage: "a 16-year-old male"
    **_nouns("female", gender=Gender.FEMALE),
    **_nouns("boy", gender=Gender.MALE, age=AgeGroup.CHILD),
    **_nouns("girl", gender=Gender.FEMALE, age=AgeGroup.CHILD),
    **_nouns(
        "child kid infant baby toddler minor teen teenager youth juvenile schoolchild", age=AgeGroup.CHILD
    ),
    **_nouns("adult", age=AgeGroup.ADULT),
    **_nouns("elder pensioner retiree", age=AgeGroup.ELDERLY),
}
PERSON_NOUNS["men"] = PERSON_NOUNS["man"]
PERSON_NOUNS["women"] = PERSON_NOUNS["woman"]
PERSON_NOUNS["police"] = PersonNoun(category=Category.POLICE)
# "officers" alone may be police or military officers; "police officers" says which.
PERSON_NOUNS["officer"] = PersonNoun(category=Category.UNKNOWN)

# Adjectives that set a group's category, gender or age ("female soldiers", "military casualties").
CATEGORY_ADJECTIVES: dict[str, Category] = {
    "civilian": Category.CIVILIAN,
    "military": Category.MILITARY,
    "army": Category.MILITARY,
    "police": Category.POLICE,
    "security": Category.MILITARY,
}
GENDER_ADJECTIVES = {"female": Gender.FEMALE, "male": Gender.MALE}
AGE_ADJECTIVES = {"elderly": AgeGroup.ELDERLY, "young": None, "teenage": AgeGroup.CHILD, "old": None}
TOTAL_WORDS = frozenset("total toll overall all altogether".split())
# Nouns that carry a whole event's figure ("death toll", "casualties") without naming a group.
SOURCE_KINDS = {
    "official": "police authority authorities official officials ministry minister government spokesman "
    "spokeswoman spokesperson army military president governor mayor sheriff department "
    "coroner chief commander prosecutor office agency",
    "witness": "witness witnesses resident residents neighbor neighbors neighbour survivor survivors",
    "media": "media newspaper agency reuters ap afp television tv radio channel outlet reporter",
    "organisation": "red cross un united nations ngo group organisation organization hospital "
    "observatory watch amnesty monitor doctors",
}


# Verbs whose patient is almost always a person: an unknown singular noun under them counts
# ("a waitress was shot"), unless it is one of the things that also get shot or hit.
PATIENT_VERBS = frozenset("kill shoot wound injure stab murder slay graze".split())
NOT_PEOPLE = frozenset(
    "car vehicle truck van suv house home window building door wall store shop bar restaurant "
    "apartment dog cat horse animal deer bear bird round bullet shot gun weapon film scene video "
    "photo picture movie game ball tire windshield".split()
)


def person_noun(word: str) -> PersonNoun | None:
    """The entry for a people noun, singular or plural, any case ("Soldiers" in a title-case headline)."""
    word = word.lower()
    for form in (word, _singular(word)):
        if form in PERSON_NOUNS:
            return PERSON_NOUNS[form]
    return None


def _singular(word: str) -> str:
    if word.endswith("people"):
        return "people"
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word
