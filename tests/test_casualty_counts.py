"""Casualty counts on invented local-crime sentences: who was shot, what became of them, which
figures are parts of others, and what an article's tally comes to."""

from __future__ import annotations

import pytest

from tollbook.annotate.counts import find_counts
from tollbook.evaluate.tally import ALL_ROLES, VICTIM_ROLES, tally
from tollbook.model import Claim, Count, Document, Extraction, Group, Outcome, Qualifier, Role, Span
from tollbook.pipeline import extract_text

PUBLISHED = "2025-05-09"


def body_claims(text: str) -> list[Claim]:
    return [c for c in extract_text(text, published=PUBLISHED).claims if not c.from_headline]


def outcomes_of(text: str) -> list[tuple[str, str]]:
    return [(c.outcome.value, c.count.as_written) for c in body_claims(text) if c.count]


def counts_of(text: str, roles=VICTIM_ROLES) -> tuple[int, int]:
    result = tally(extract_text(text, published=PUBLISHED), roles=roles)
    return result.killed, result.injured


# ---------------------------------------------------------------- who is a victim

# (sentence, a figure that must be found: outcome, words)
FOUND = [
    ("Police say one man was shot and critically wounded on Elm Street.", ("injured", "one")),
    ("Arnold had been shot several times and was pronounced dead at the scene.", ("killed", "Arnold")),
    ("Medics pronounced him dead at the scene.", ("killed", "him")),
    ("Officers found a man dead in the street early Friday.", ("killed", "a man")),
    ("A man with a gunshot wound was brought to the hospital on Sunday.", ("injured", "A man")),
    ("A hiker found the body of a woman near the trail.", ("killed", "a woman")),
    ("The man was taken to a hospital for treatment of gunshot wounds.", ("injured", "The man")),
    ("A wounded man was found in the parking lot.", ("injured", "A wounded man")),
    ("A man was charged in the shooting death of John Carver.", ("killed", "John Carver")),
    ("Two days after the argument, Pat was dead.", ("killed", "Pat")),
    ("A 16-year-old male has died after a shooting near the park.", ("killed", "A 16-year-old male")),
    ("Three people were killed and another critically injured on Monday.", ("injured", "another")),
    ("One teen was killed and another injured when someone opened fire.", ("injured", "another")),
    ("A second victim was found four blocks away with a gunshot wound.", ("injured", "A second victim")),
    ("Police found the man with a gunshot wound in the alley.", ("injured", "the man")),
    ("A stray bullet struck a 5-year-old girl in her bedroom.", ("casualties", "a 5-year-old girl")),
    ("One bullet entered the home and hit the victim.", ("casualties", "the victim")),
    ("Five shooting victims were transported to local hospitals for treatment.", ("injured", "Five")),
    ("Three other victims showed up at the hospital with gunshot wounds.", ("injured", "Three")),
    ("Police say Ray Ortiz was mortally wounded on Tuesday.", ("killed", "Ray Ortiz")),
    ("Two men were fatally wounded in the attack.", ("killed", "Two")),
    ("In two months, eight teenagers have been injured or killed by gunfire.", ("injured", "eight")),
    ("The gunfire outside the bar sent four people to the hospital.", ("injured", "four")),
    ("One person has died and a second was injured after the robbery.", ("injured", "a second")),
    ("One man was killed and a second man was wounded.", ("injured", "a second man")),
    # a participle under "found" tells what happened to the one found
    ("Deputies arriving at the farm found a woman shot in the arm.", ("casualties", "a woman")),
    # the parser may make "Miller dead" a clause of its own under "discovered"
    ("When the smoke cleared, police discovered Miller dead, leaving his family stunned.",
     ("killed", "Miller")),
    # a trailing adjective tells of everyone joined before it
    ("Relatives found a man and a woman dead in the kitchen.", ("killed", "a man and a woman")),
    # fighting for one's life is being wounded
    ("A man died and two teenagers are fighting for their lives after the party.", ("injured", "two")),
    # "after being shot" borrows the main clause's subject, who is recovering: wounded
    ("Police said a girl is recovering in hospital after being shot on Oak Street.", ("injured", "a girl")),
]

# (sentence, words that must not be a casualty figure)
NOT_FOUND = [
    ("Police are searching for two men who shot at a patrol car on Friday.", "two"),
    ("The three deputies who fatally shot a man were placed on leave.", "three"),
    ("He kept yelling at the officers to go ahead and kill him.", "him"),
    ("An officer found the victim in the alley behind the store.", "An officer"),
    ("Smith was among several people arguing in the lobby when shots rang out.", "several"),
    ("There have been so many shootings and so many deaths this month.", "many"),
    ("The gunman was arrested and another suspect fled the scene.", "another suspect"),
    ("Police found the man with a gunshot wound in the alley.", "Police"),
    ("A car hit the victim on the highway late Friday.", "the victim"),
    ("Five victims of the fraud showed up at the court with their lawyers.", "Five"),
    ("Smith was never sure he was dead right, his lawyer joked.", "he"),
    ("There were three customers who weren't injured in the store.", "three"),
    ("Two clerks who were not hurt called the police.", "Two"),
    ("The chief sent two officers to the hospital to interview the victim.", "two"),
    ("The boy was sent to his room after the argument.", "The boy"),
    ("A second shooting left the neighbourhood shaken.", "A second"),
    # an active "accused of shooting at" tells what the subject did
    ("A man is accused of shooting at a bus driver on Friday.", "A man"),
]


@pytest.mark.parametrize("text, figure", FOUND, ids=[t[:40] for t, _ in FOUND])
def test_victim_found(text, figure):
    assert figure in outcomes_of(text)


@pytest.mark.parametrize("text, words", NOT_FOUND, ids=[t[:40] for t, _ in NOT_FOUND])
def test_not_a_victim(text, words):
    found = [(o, w) for o, w in outcomes_of(text) if w == words and o in ("killed", "injured", "casualties")]
    assert found == []


def test_victims_who_suffered_are_still_victims():
    assert ("casualties", "Two") in outcomes_of("Two people who were shot were taken to a hospital.")
    assert ("killed", "Four") in outcomes_of("Four people who died in the fire were identified.")


# ---------------------------------------------------------------- one of them

# (text, the part's words, its outcome, the whole's words) — the part must be linked to that whole
MUST_LINK = [
    ("Five people were shot, one of whom died, on Friday at a mall.", "one", "killed", "Five"),
    ("The shooting injured four people, one seriously, on Monday.", "one", "injured", "four"),
    ("Five people were shot and one was killed early Sunday.", "one", "killed", "Five"),
    ("Three men were shot at a party. One of them died at the hospital.", "One", "killed", "Three"),
    ("Police said two were killed. One of the two people killed was a teacher.", "One", "killed", "two"),
]

# (text, words of a figure that must not be part of another)
MUST_NOT_LINK = [
    ("Two are dead and two are in critical condition after a shooting.", "two"),
    ("Three people were killed and one was injured in the crash.", "one"),
    ("One person was killed and two were wounded in the shooting.", "two"),
    ("Two men were arrested. One of them was shot by police.", "One"),
]


def _by_words(claims: list[Claim], words: str) -> Claim:
    return next(c for c in claims if c.count and c.count.as_written == words)


@pytest.mark.parametrize("text, part, outcome, whole", MUST_LINK, ids=[t[:40] for t, *_ in MUST_LINK])
def test_one_of_n_is_a_part(text, part, outcome, whole):
    claims = body_claims(text)
    found = _by_words(claims, part)
    assert found.outcome.value == outcome
    assert found.part_of == _by_words(claims, whole).id


@pytest.mark.parametrize("text, words", MUST_NOT_LINK, ids=[t[:40] for t, _ in MUST_NOT_LINK])
def test_separate_figures_are_not_parts(text, words):
    assert _by_words(body_claims(text), words).part_of is None


def test_one_of_the_dead_and_one_of_the_wounded_are_two_people():
    text = (
        "Two people were killed and three others were wounded in a shooting on Saturday. "
        "One of the dead was a teacher. One of the wounded remains in critical condition."
    )
    claims = body_claims(text)
    assert all(c.status.value == "current" for c in claims)
    extraction = extract_text(text, published=PUBLISHED)
    assert not [f for f in extraction.findings if f.kind in ("conflicting_figures", "revision")]


def test_one_of_whom_died_raises_no_conflict():
    text = (
        "Five people were shot at a party on Saturday night, police said.\n\n"
        "Officers arrived shortly after midnight and found several victims in the yard.\n\n"
        "One of them died later at the county hospital, a spokesman said."
    )
    extraction = extract_text(text, published=PUBLISHED)
    assert not [f for f in extraction.findings if f.kind == "conflicting_figures"]
    assert tally(extraction).killed == 1 and tally(extraction).injured == 4


# ---------------------------------------------------------------- whole articles

ARTICLES = [
    # (text, killed, injured-not-killed)
    ("Police say one man was shot and critically wounded on Elm Street late Friday.", 0, 1),
    ("Five people were shot, one of whom died, on Friday at a mall.", 1, 4),
    (
        "Two men were wounded in a shooting early Wednesday. The 41-year-old was shot in the head "
        "and was listed in critical condition. The 45-year-old was shot in the arm.",
        0,
        2,
    ),
    ("Arnold had been shot several times and was pronounced dead at the scene, police said.", 1, 0),
    ("Police are searching for two men who shot at a patrol car on Friday. No one was hurt.", 0, 0),
    ("One teen was killed and another injured when someone opened fire on their van.", 1, 1),
    ("A man was shot in the leg on Friday. He died at the hospital.", 1, 0),
    ("Ann Smith was found with a gunshot wound. She was later pronounced dead at a hospital.", 1, 0),
    ("Police said 1 dead, 1 injured after the shooting. The second victim died at the scene.", 1, 1),
    # a death told after an unnamed wound is that person's fate ...
    ("A man suffered a gunshot wound on Elm Street. The man died at the hospital.", 1, 0),
    # ... but a wound told after a death is someone else's, and a survived wound is nobody's death
    ("A boy died after a shooting on Friday night. The female victim suffered serious injuries.", 1, 1),
    ("A woman suffered a gunshot wound and is expected to survive. A man died at the scene.", 1, 1),
    # "shot … and survived": wounded, beside the one killed
    ("A man was shot and killed on Main Street. A woman was shot in the arm and survived.", 1, 1),
    # someone shot who is, by sex, name or "another", none of the dead was wounded ...
    ("A man was shot and killed on Main Street. A woman was shot in the arm.", 1, 1),
    ("Police said a woman was shot in the hand. A man was shot and killed at the bar.", 1, 1),
    ("John Smith was shot and killed at a bar. Police said Ann Jones was shot in the hand.", 1, 1),
    # ... but may be one of them when the dead are a bare figure or the same person
    ("Two people were killed on Main Street. A woman was shot in the arm.", 2, 0),
    ("A woman was shot on Main Street. She died at the hospital.", 1, 0),
    ("John Smith was shot at a bar on Friday. Smith was pronounced dead at the scene.", 1, 0),
    ("A man killed his daughter on Friday. Later the man shot himself in the head.", 1, 0),
    # "a double shooting": that many shot, however the report tells each of them
    ("Police are investigating a double shooting on Elm Street. One man was shot in the back. "
     "A 29-year-old man was shot in the arm.", 0, 2),
    ("Two people were killed in a triple shooting on Elm Street.", 2, 1),
    # near miss: "double homicide" says nothing more than the figures of the dead
    ("Police are investigating a double homicide on Elm Street. A man was found dead.", 1, 0),
    # "…, who died at the scene" tells the fate of the person shot
    ("Police say the gunman shot the 18-year-old man who died at the scene.", 1, 0),
    ("Deputies say a 29-year-old man who was found dead in a ditch was shot several times.", 1, 0),
    # near miss: a relative clause that tells no death
    ("Deputies say a 29-year-old man who was found in a ditch was shot several times.", 0, 1),
    # "the other man shot … he suffered wounds" is not the dead man's earlier wound ...
    ("One man is dead after a shooting at a mall. The other man shot is 19; he suffered two gunshot "
     "wounds.", 1, 1),
    # ... while "the victim had gunshot wounds" after a death is the dead man's
    ("A man was found shot to death inside a van. The victim had gunshot wounds to the chest.", 1, 0),
    # "a second man" is not the one who died
    ("One man was killed and a second man was wounded.", 1, 1),
    # a death told first without a name, then repeated under one, is the fate of a wound told
    # under that name ("killing another man … found Miller with gunshot wounds … Miller died")
    ("A woman is charged with killing another man on Friday. Deputies found John Miller, 40, with "
     "gunshot wounds in a shed. Miller died at the hospital.", 1, 0),
    # a victim named by a killing is dead, and the same person as the victim shot
    ("Police named the murder victim on Friday. The victim was shot in the chest.", 1, 0),
    ("Police named the victim of a fatal shooting on Oak Street. Ann Smith was found shot.", 1, 0),
    # near miss: a shooting victim may have lived
    ("Police named the shooting victim on Friday. The victim was shot in the chest.", 0, 1),
    # having gunshot wounds says someone was shot, not that they lived: the dead cashier
    # told by name is the one told first by his trade ...
    ("A cashier was fatally shot in a hold-up on Friday. John Miller, 64, had gunshot wounds "
     "to the chest.", 1, 0),
    # ... while wounds said to be minor were survived
    ("A cashier was fatally shot in a hold-up on Friday. John Miller, 64, suffered minor "
     "injuries in the hold-up.", 1, 1),
    # "the other man" told after one death is not that man; "the other woman" of two dead may be
    ("One man is dead after a shooting at a mall. The other man was shot in the leg.", 1, 1),
    ("Two sisters were fatally shot on Sunday. One woman was shot on the porch. The other woman "
     "was shot in the neck.", 2, 0),
    # a report that names its dead: someone shot under another name was not one of them, even
    # when a death is also told without a name
    ("A deputy was killed on Sunday. Deputy John Miller was shot in the head and died. Deputy "
     "Mark Davis suffered a gunshot wound to the leg.", 1, 1),
    # near misses: "another" set apart from the shooter, not from the dead
    ("A boy of 15 died on Saturday. Police said his cousin was playing with a rifle and "
     "accidentally shot another boy who was visiting.", 1, 0),
    ("A girl, 6, was shot and killed on Sunday. Police said the girl was shot by another child "
     "handling a pistol.", 1, 0),
    # "no one else was hurt" adds nobody and cancels nobody
    ("The father accidentally shot his son in the foot. No one else in the house was hurt.", 0, 1),
    # a wound told apart from the death is another person's: by a pronoun's sex, by roles, by
    # "also", by two people named side by side, or by a condition that says the person lived
    ("A woman was shot on Friday and is in serious condition. She died at the hospital. The boy "
     "was treated for gunshot wounds.", 1, 1),
    ("A man died at the scene on Friday. His son was also wounded in the shooting.", 1, 1),
    ("A woman was killed in the shooting on Friday. A boy was rushed to a hospital, where he is "
     "in stable condition.", 1, 1),
    ("The shootout ended with an officer being wounded and a man being killed, police said.", 1, 1),
    ("An officer was wounded in the shootout. The suspect was killed by police.", 0, 1),  # victims only
    # near miss: the wounded person told by a pronoun of the same sex may be the one who died
    ("A woman was shot on Elm Street and taken to a hospital in critical condition. She died "
     "there on Sunday.", 1, 0),
    # the one a relative clause tells of
    ("A boy who was accidentally shot by his brother on Sunday is doing well.", 0, 1),
    ("A man who was shot in the leg on Friday is recovering, police said.", 0, 1),
    # near miss: the noun before "who shot" did the shooting
    ("The officers who shot a man on Friday were placed on leave.", 0, 1),
    # kin named as victims
    ("A man was arrested for accidentally shooting his niece and his cousin.", 0, 2),
    # a reflexive after a preposition: the main clause's subject shot himself
    ("A deputy is expected to recover after accidentally shooting himself in the arm.", 0, 1),
    # suffering from wounds, suffering minor injuries, recovering after a shooting, released
    # from hospital, put in hospital
    ("Officers found a man and a woman suffering from gunshot wounds.", 0, 2),
    ("Officers located three victims who were suffering from gunshot wounds.", 0, 3),
    ("Two men suffered minor injuries to their legs, police said.", 0, 2),
    ("A local teen is recovering after an accidental shooting on Saturday.", 0, 1),
    ("The boy was treated and released from the hospital after the shooting.", 0, 1),
    ("The fight ended in gunfire that put three men in the hospital.", 0, 3),
    ("An accidental shooting sent an 8-year-old boy to the hospital.", 0, 1),
    # near miss: a judge sending someone to a state hospital hurts no one, the judge included
    ("A judge signed an order on Friday, sending Ruiz to the state hospital for an evaluation.", 0, 0),
    ("The 3-year-old was treated at a local hospital and later released.", 0, 1),
    # fragments of a bullet are gunfire; a child's age in months stands for the child
    ("Police said fragments struck his 14-year-old sister in the next room.", 0, 1),
    ("A 15-month-old in the car was also struck but suffered injuries that were not "
     "life-threatening.", 0, 1),
    # near miss: released from jail is no patient
    ("The suspect was released from jail on Monday after the shooting.", 0, 0),
    # a hit told as the outcome of gunfire is a shot; a crash's hit is not
    ("A gunman opened fire on the crowd, striking three people.", 0, 3),
    ("He fired several shots, hitting a man in the leg.", 0, 1),
    ("The driver lost control, striking a man on the sidewalk.", 0, 0),
    # "N others shot" beside a death are people besides the dead: the wounded
    ("A girl died when gunfire erupted on Friday night. Three other people were also shot.", 1, 3),
    ("A 13-year-old boy and six other people were shot on Friday. The boy died at the scene.", 1, 6),
    # near misses: others with a death among them, and "the other three" (maybe the dead)
    ("Police are looking for a man who shot four others, including one who died, on Friday.", 1, 3),
    ("Two people were found dead on Friday. Police say the man shot the other three victims.", 2, 1),
    # a first name alone is a word of the full name told before: the same person
    ("Ann Marie Ruiz, 16, was shot and killed on Friday. Her father said Ann was shot by a friend.", 1, 0),
    # near miss: a relative clause on a name set beside a person counted tells of that person
    ("Police said the gunman shot his daughter, Ann Marie Ruiz, 16, who was taken to a hospital in "
     "stable condition.", 0, 1),
    # a figure summed over a stretch of time or over several shootings is a round-up, not this
    # shooting's toll
    ("A man was shot in the leg on Elm Street on Saturday. Officials noted that 22 people were "
     "shot over a 12-hour stretch.", 0, 1),
    # near miss: "over the weekend" dates one shooting as often as it sums several
    ("Two women were killed at a party over the weekend. Five other people were wounded.", 2, 5),
    ("Two men were wounded in a shooting on Elm Street on Friday. The city has seen 14 people "
     "wounded in three separate shootings.", 0, 2),
    ("Police said two shootings that left three men dead on Saturday were not related. A woman "
     "was shot in the leg on Oak Street.", 0, 1),
    # the round-up is not the report's event even when it holds more figures than the one shooting
    ("Three teen boys were wounded in two shootings Monday morning. Most recently, a 16-year-old "
     "boy was shot in a park, police said.", 0, 1),
]


@pytest.mark.parametrize("text, killed, injured", ARTICLES, ids=[t[:40] for t, *_ in ARTICLES])
def test_article_tally(text, killed, injured):
    assert counts_of(text) == (killed, injured)


# ---------------------------------------------------------------- the tally's own rules


def _claim(id: str, outcome: str, words: str, value: int, *, noun: str | None = None, part_of=None) -> Claim:
    count = Count(as_written=words, start=0, end=len(words), value=value, low=value, high=value,
                  qualifier=Qualifier.EXACT)
    return Claim(id=id, outcome=Outcome(outcome), count=count, group=Group(noun=noun, role=Role.VICTIM),
                 source=None, evidence=Span(start=0, end=1), event="e1", part_of=part_of)


def _tally(*claims: Claim) -> tuple[int, int]:
    extraction = Extraction(document=Document(id="x", text="invented"), claims=list(claims))
    result = tally(extraction, roles=ALL_ROLES)
    return result.killed, result.injured


TALLIES = [
    # a stated figure and the same people one by one: the larger telling counts
    ([_claim("a", "injured", "Two", 2, noun="men"), _claim("b", "injured", "The 41-year-old", 1),
      _claim("c", "injured", "the 45-year-old", 1, noun="man")], (0, 2)),
    # more people one by one than the stated figure
    ([_claim("a", "injured", "two", 2, noun="people"), _claim("b", "injured", "a man", 1, noun="man"),
      _claim("c", "injured", "a woman", 1, noun="woman"), _claim("d", "injured", "a boy", 1, noun="boy")],
     (0, 3)),
    # a killed part of everyone shot stays: it is the number killed
    ([_claim("a", "casualties", "Five", 5), _claim("b", "killed", "one", 1, part_of="a")], (1, 4)),
    # a part of the same outcome is inside its whole
    ([_claim("a", "injured", "four", 4), _claim("b", "injured", "one", 1, part_of="a")], (0, 4)),
    # everyone shot and not killed was injured, even when only some are told injured
    ([_claim("a", "casualties", "Five", 5, noun="people"), _claim("b", "injured", "one", 1)], (0, 5)),
    ([_claim("a", "casualties", "Four", 4, noun="people"), _claim("b", "killed", "one", 1),
      _claim("c", "injured", "two", 2)], (1, 3)),
]


@pytest.mark.parametrize("claims, expected", TALLIES)
def test_tally_rules(claims, expected):
    assert _tally(*claims) == expected


# ---------------------------------------------------------------- the count grammar


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Police investigating double shootingOne man was shot in the back.", [("One", 1)]),
        ("Shots fired at a barTwo people were hurt.", [("Two", 2)]),
        ("There were so many shootings and too many funerals.", []),
        ("Many were killed in the raid.", [("Many", None)]),
        ("Someone in the crowd said it was the Twofold Bar.", []),
    ],
)
def test_count_grammar_reads_glued_numbers_and_skips_emphatic_many(text, expected):
    assert [(m.as_written, m.value) for m in find_counts(text) if m.kind.value == "count"] == expected


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("A woman was shot in the arm but survived.", "injured"),
        ("A teenager was shot in the hip and is recovering at a hospital.", "injured"),
        # near misses: a survival denied, or a sentence that also tells a death
        ("A woman was shot in the arm and did not survive.", "casualties"),
        ("A man was shot in the arm and survived, but his brother died.", "casualties"),
    ],
)
def test_a_survived_shooting_is_a_wound(text, outcome):
    assert outcomes_of(text)[0][0] == outcome


def test_joined_figures_that_add_up_split_an_earlier_figure():
    claims = body_claims("A gunman shot and wounded five teenagers. "
                         "Three girls and two boys were hospitalized.")
    whole = next(c for c in claims if c.count.value == 5)
    parts = [c for c in claims if c.count.value in (2, 3)]
    assert len(parts) == 2 and all(c.part_of == whole.id for c in parts)


def test_joined_figures_that_add_up_to_something_else_stay_apart():
    claims = body_claims("A gunman shot and wounded four teenagers. "
                         "Three girls and two boys were hospitalized.")
    assert all(c.part_of is None for c in claims)


# ---------------------------------------------------------------- a death told by an idiom

OWN_DEATHS = [
    # a gunman's own death counts among the dead, however it is told
    ("John Hale shot and killed his wife on Sunday, then turned the gun on himself, police said.", 2, 0),
    ("John Hale killed his wife on Sunday and then took his own life, police said.", 2, 0),
    ("Deputies said John Hale later committed suicide.", 1, 0),
    ("Police said John Hale killed his wife on Sunday before killing himself.", 2, 0),
    ("Police said a boy was taken off life support on Sunday and passed away.", 1, 0),
    # near misses: an attempt, and a gunman who lived
    ("Police said Jane Roe attempted to take her own life.", 0, 0),
    ("The gunman turned the gun on himself and is in critical condition.", 0, 1),
    ("Police said the car turned on Elm Street and passed a school.", 0, 0),
]


@pytest.mark.parametrize("text, killed, injured", OWN_DEATHS, ids=[t[:40] for t, *_ in OWN_DEATHS])
def test_a_death_told_by_an_idiom(text, killed, injured):
    assert counts_of(text, roles=ALL_ROLES) == (killed, injured)


# ---------------------------------------------------------------- a person told by surname alone

LONE_SURNAMES = [
    ("Police said Ron Lackey, 30, was shot on Elm Street. Lackey was pronounced dead at 11:26 p.m.", 1, 0),
    ("Ron Lackey and Tom Reed were shot on Elm Street. Lackey died at the hospital. Reed was treated "
     "for a wound to the leg.", 1, 1),
    # near miss: a surname never named in full is no one the rules can count
    ("Officers were called to Elm Street. Lackey was pronounced dead at the scene.", 0, 0),
]


@pytest.mark.parametrize("text, killed, injured", LONE_SURNAMES, ids=[t[:40] for t, *_ in LONE_SURNAMES])
def test_a_surname_alone_is_the_person_named_before(text, killed, injured):
    assert counts_of(text) == (killed, injured)


FATAL_SHARES = [
    # "one of them fatally": a share of those shot died; the rest are the wounded
    ("Four people were shot Sunday night, one of them fatally, police said.", 1, 3),
    ("Three men were shot, one fatally, outside a bar on Sunday.", 1, 2),
    # near misses: a share in critical condition is wounded, not dead
    ("Three men were shot, one critically, outside a bar on Sunday.", 0, 3),
    ("Four people were shot Sunday night, police said.", 0, 4),
]


@pytest.mark.parametrize("text, killed, injured", FATAL_SHARES, ids=[t[:40] for t, *_ in FATAL_SHARES])
def test_a_share_shot_fatally_is_killed(text, killed, injured):
    assert counts_of(text) == (killed, injured)


WISHES = [
    # a wish against a death tells none
    ('"Please don\'t let my baby die," his mother recalled saying as she raced to the hospital.', 0, 0),
    # near miss: a death someone let happen is a death
    ("Police said they let the wounded man die in the street.", 1, 0),
]


@pytest.mark.parametrize("text, killed, injured", WISHES, ids=[t[:40] for t, *_ in WISHES])
def test_a_wish_against_a_death_is_no_death(text, killed, injured):
    assert counts_of(text) == (killed, injured)
