"""Reading a figure off the parse: which people a number counts and what happened to them.

From a number token, find the noun it counts ("30 Kenyan police officers", "dozens of people") and
climb the dependency tree to a casualty word: a passive verb ("were killed"), an intransitive one
("died"), an object of an active one ("killing 5"), a participle or adjective ("32 slain officers",
"the dead"), or an outcome noun ("40 deaths", "death toll rose to 40", "an initial report of 15"
about "casualties").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from tollbook.extract.lexicon import (
    FATAL_MODIFIERS,
    INTRANSITIVE_OUTCOMES,
    OUTCOME_ADJECTIVES,
    OUTCOME_NOUNS,
    OUTCOME_VERBS,
    REPORTING_HEADS,
    person_noun,
)
from tollbook.model import Outcome

_QUANTITY_HEADS = frozenset(
    "total number dozen dozens hundred hundreds thousand thousands group handful "
    "score scores all some most many several".split()
)
_REPORT_HEADS = frozenset("report figure estimate count tally toll number".split())
_TOLL_VERBS = frozenset("rise climb reach stand jump increase put hit top grow surpass exceed".split())
_BE_VERBS = frozenset("be remain lie stay".split())
_BODY_WOUNDS = frozenset("wound injury".split())
_CONDITIONS = frozenset("critical serious stable fair grave life-threatening".split())
_CARE_VERBS = frozenset(
    "treat hospitalize hospitalise take rush transport airlift admit list recover".split()
)
_SHOOTINGS = frozenset("shooting gunshot".split())
_SENDING = frozenset("send put land".split())
_HEDGES = frozenset("may might could possibly reportedly".split())
_ARRIVE_VERBS = frozenset("arrive show turn walk come".split())  # "showed up at a hospital with wounds"


@dataclass
class Reading:
    outcome: Outcome
    trigger: Token  # the casualty word
    confidence: float
    among: bool = False  # "Among the dead were 12 …": a part of the outcome's total
    from_report: bool = False  # "an initial report of 15": the figure of a (possibly older) report
    outcome_noun: Token | None = None  # "casualties" in "military casualties": carries the group
    hedged: bool = False


_EARLIER = frozenset("earlier initial previous original preliminary first old".split())


def earlier_figure(number: Token) -> bool:
    """ "an earlier figure of 19 dead", "the initial toll of 12": a figure a revision replaces."""
    for ancestor in list(number.ancestors)[:4]:
        if ancestor.lemma_.lower() in _REPORT_HEADS:
            return any(c.lower_ in _EARLIER for c in ancestor.children)
    return False


def head_number(token: Token) -> Token:
    """The last token of a multi-token number ("1.2 million", "thirty - two") heads the rest."""
    while (
        token.head.like_num
        and token.head.i != token.i
        and (
            token.dep_ == "conj"
            or (token.dep_ in ("compound", "quantmod", "nummod") and token.head.i > token.i)
        )
    ):
        token = token.head  # "between 10 and 15 people": "15" hangs on "10", which counts the people
    return token


def counted_noun(number: Token) -> Token:
    """The noun a number counts, or the number itself when it stands alone ("Two died")."""
    if (
        number.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "det")
        and number.head.pos_ in ("NOUN", "PROPN", "ADJ")
        and number.head.i > number.i
    ):
        return number.head
    of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if pobj is not None and (person_noun(pobj.lemma_) or pobj.ent_type_ == "NORP"):
            return pobj
    return number


def is_people(noun: Token, number: Token) -> bool:
    """Whether a counted noun can be people (or a bare number, or an outcome noun such as deaths)."""
    if noun.i == number.i:
        return True
    lemma = noun.lemma_.lower()
    if lemma in _BODY_WOUNDS:  # "suffered six gunshot wounds" counts wounds, not people
        return False
    return bool(
        person_noun(lemma)
        or lemma in OUTCOME_NOUNS
        or noun.ent_type_ == "NORP"
        or noun.lower_ in OUTCOME_ADJECTIVES
    )


def read_outcome(number: Token, noun: Token) -> Reading | None:
    """What happened to the people a number counts, from the parse; None when it does not say."""
    lemma = noun.lemma_.lower()
    if noun.i != number.i and lemma in OUTCOME_NOUNS and lemma not in ("body", "toll"):
        return Reading(OUTCOME_NOUNS[lemma], noun, 0.9, outcome_noun=noun)
    if noun.i != number.i and noun.lower_ in OUTCOME_ADJECTIVES:  # "the 5 dead"
        return Reading(OUTCOME_ADJECTIVES[noun.lower_], noun, 0.85)
    if noun.i == number.i:  # "12 of the wounded": part of everyone wounded
        of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None and pobj.lower_ in OUTCOME_ADJECTIVES:
            return Reading(OUTCOME_ADJECTIVES[pobj.lower_], pobj, 0.8, among=True)
    reading = _from_modifiers(noun)
    return reading or _climb(noun)


def _from_modifiers(noun: Token) -> Reading | None:
    for child in noun.children:
        word = child.lower_
        if child.dep_ in ("compound", "amod") and word in ("shooting", "gunshot") and noun.lemma_ == "victim":
            return Reading(Outcome.CASUALTIES, child, 0.75)  # "five shooting victims": people shot
        if child.dep_ == "amod" and word in OUTCOME_ADJECTIVES:
            return Reading(OUTCOME_ADJECTIVES[word], child, 0.85)
        if child.dep_ in ("acl", "relcl") and child.pos_ in ("VERB", "AUX", "ADJ"):
            if agent_relative(child):
                continue  # "two men who shot at officers" did the shooting
            outcome = verb_outcome(child, as_subject=child.dep_ == "relcl")
            if outcome:
                return Reading(outcome, child, 0.9, hedged=_hedged(child))
    return None


def _climb(noun: Token) -> Reading | None:
    current = noun
    for _ in range(5):
        dep, head = current.dep_, current.head
        if dep == "nsubjpass":
            return _passive_subject(head)
        if dep == "nsubj":
            return _active_subject(current, head)
        if dep == "dobj":
            outcome = verb_outcome(head, as_subject=False)
            return Reading(outcome, head, 0.9, hedged=_hedged(head)) if outcome else None
        if dep == "attr" and head.lemma_ in _BE_VERBS:
            return _be_with(head, exclude=current)
        if dep == "pobj":
            reading, nxt = _through_preposition(head)
            if reading or nxt is None:
                return reading
            current = nxt
            continue
        if dep in ("appos", "conj") and current.head.i != current.i:
            current = head
            continue
        return None
    return None


def _passive_subject(verb: Token) -> Reading | None:
    outcome = verb_outcome(verb, as_subject=True)
    if outcome:
        return Reading(outcome, verb, 0.9, hedged=_hedged(verb))
    if verb.lemma_ in REPORTING_HEADS:  # "are reported to have been injured", "are feared dead"
        for child in verb.children:
            if child.dep_ in ("xcomp", "ccomp", "oprd", "acomp"):
                if child.lower_ in OUTCOME_ADJECTIVES:
                    return Reading(OUTCOME_ADJECTIVES[child.lower_], child, 0.8, hedged=True)
                outcome = verb_outcome(child, as_subject=True)
                if outcome:
                    return Reading(outcome, child, 0.85, hedged=verb.lemma_ in ("fear", "believe"))
    return None


def _active_subject(subject: Token, verb: Token) -> Reading | None:
    lemma = verb.lemma_.lower()
    if lemma in INTRANSITIVE_OUTCOMES and not _negated(verb):
        return Reading(INTRANSITIVE_OUTCOMES[lemma], verb, 0.9, hedged=_hedged(verb))
    if in_care(verb):  # "At least four are recovering from injuries"
        return Reading(Outcome.INJURED, verb, 0.8)
    suffered = suffered_outcome(verb)
    if suffered is not None and not _negated(verb):  # "two men suffered minor injuries"
        return Reading(suffered, verb, 0.8)
    if lemma in _BE_VERBS:
        return _be_with(verb, exclude=subject)
    # "… were killed and 64 wounded", "Two dead, three hurt": a participle with no object.
    if lemma in OUTCOME_VERBS and verb.tag_ in ("VBN", "VBD") and not _has_object(verb):
        outcome = verb_outcome(verb, as_subject=True)
        if outcome and (verb.dep_ == "conj" or verb.tag_ == "VBN" or subject.like_num):
            return Reading(outcome, verb, 0.75)
    return None


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in verb.children)


def _be_with(verb: Token, *, exclude: Token) -> Reading | None:
    """ "were dead", "remain missing", "Among the dead were 12 …", "The death toll is 40"."""
    if _negated(verb):
        return None
    for child in verb.children:
        if child is exclude:
            continue
        if child.dep_ in ("acomp", "attr", "oprd") and child.lower_ in OUTCOME_ADJECTIVES:
            return Reading(OUTCOME_ADJECTIVES[child.lower_], child, 0.85)
        if child.dep_ == "prep" and child.lower_ == "among":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lower_ in OUTCOME_ADJECTIVES:
                return Reading(OUTCOME_ADJECTIVES[pobj.lower_], pobj, 0.85, among=True)
            described = _from_modifiers(pobj) if pobj is not None else None
            if described is not None:  # "among those injured"
                described.among = True
                return described
            if pobj is not None and pobj.lemma_.lower() in OUTCOME_NOUNS:
                return Reading(OUTCOME_NOUNS[pobj.lemma_.lower()], pobj, 0.8, among=True)
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in ("toll", "death", "casualty"):
            lemma = child.lemma_.lower()
            return Reading(Outcome.CASUALTIES if lemma == "casualty" else Outcome.KILLED, child, 0.85)
    return None


def _through_preposition(prep: Token) -> tuple[Reading | None, Token | None]:
    """Follow a number that is the object of a preposition; return a reading or the next token up."""
    owner = prep.head
    word, lemma = prep.lower_, owner.lemma_.lower()
    if word == "of" and lemma in OUTCOME_NOUNS and lemma != "body":  # "the deaths of 5", "a toll of 83"
        return Reading(OUTCOME_NOUNS[lemma], owner, 0.85, outcome_noun=owner), None
    if word in ("to", "at") and lemma in _TOLL_VERBS and _has_toll_subject(owner):  # "toll rose to 83"
        return _toll_reading(owner), None
    if word in ("to", "at") and owner.dep_ == "acl" and lemma in OUTCOME_VERBS:
        # "put the number of soldiers killed at 11"
        outcome = verb_outcome(owner, as_subject=True)
        if outcome:
            return Reading(outcome, owner, 0.8, outcome_noun=owner.head), None
    if word == "of" and lemma in _QUANTITY_HEADS:  # "a total of 83 people"
        return None, owner
    if word == "of" and lemma in _REPORT_HEADS:  # "from an initial report of 15" (about casualties)
        noun = _outcome_noun_above(owner)
        if noun is not None:
            return Reading(
                OUTCOME_NOUNS[noun.lemma_.lower()], noun, 0.75, from_report=True, outcome_noun=noun
            ), None
    return None, None


def _toll_reading(verb: Token) -> Reading:
    """ "put the number of soldiers killed at 11": the outcome and group come from the toll noun."""
    toll = next(
        c
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in ("toll", "death", "number")
    )
    of = next((c for c in toll.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    people = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if people is not None:
        lemma = people.lemma_.lower()
        if lemma in OUTCOME_NOUNS:
            return Reading(OUTCOME_NOUNS[lemma], verb, 0.85, outcome_noun=people)
        modified = _from_modifiers(people)
        if modified is not None:
            return Reading(modified.outcome, verb, 0.85, outcome_noun=people)
    outcome = Outcome.KILLED if toll.lemma_.lower() in ("toll", "death") else None
    return Reading(outcome or Outcome.CASUALTIES, verb, 0.8)


def _has_toll_subject(verb: Token) -> bool:
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in ("toll", "death", "number")
        for c in verb.children
    )


def _outcome_noun_above(token: Token) -> Token | None:
    for _ in range(4):
        token = token.head
        if token.lemma_.lower() in OUTCOME_NOUNS and token.lemma_.lower() != "body":
            return token
        if token.dep_ == "ROOT":
            return None
    return None


def verb_outcome(verb: Token, *, as_subject: bool) -> Outcome | None:
    """The outcome a verb gives its patient; None for intent ("an attack to kidnap …") or negation."""
    lemma = verb.lemma_.lower()
    if _negated(verb) or _intent_only(verb) or _near_miss(verb):
        return None
    if lemma in ("strike", "hit"):  # "struck by a bullet", "hit by gunfire", "a bullet hit the boy"
        shot = _by_gunfire(verb) or gunfire_subject(verb) or after_firing(verb)
        return Outcome.CASUALTIES if shot else None
    if lemma == "shoot":
        return Outcome.KILLED if _fatal(verb) else Outcome.CASUALTIES
    if lemma in ("leave", "claim"):
        for child in verb.children:
            if child.lower_ in OUTCOME_ADJECTIVES and child.dep_ in (
                "oprd",
                "ccomp",
                "acomp",
                "xcomp",
                "amod",
            ):
                return OUTCOME_ADJECTIVES[child.lower_]
        return Outcome.INJURED if in_care(verb) else None
    if lemma in OUTCOME_VERBS:
        if OUTCOME_VERBS[lemma] == Outcome.INJURED and _mortally(verb):
            return Outcome.KILLED  # "fatally wounded", "mortally injured"
        return OUTCOME_VERBS[lemma]
    if in_care(verb):
        return Outcome.INJURED
    suffered = suffered_outcome(verb)  # "three victims who were suffering from gunshot wounds"
    if suffered is not None:
        return suffered
    if as_subject and lemma in INTRANSITIVE_OUTCOMES:
        return INTRANSITIVE_OUTCOMES[lemma]
    if as_subject and passed_away(verb):
        return Outcome.KILLED
    if verb.lower_ in OUTCOME_ADJECTIVES:
        return OUTCOME_ADJECTIVES[verb.lower_]
    return None


_NEAR_MISS = frozenset("nearly almost possibly narrowly".split())
_WEAPONS = frozenset("gun weapon rifle pistol handgun shotgun firearm revolver".split())
_REFLEXIVES = frozenset("himself herself themselves".split())


def passed_away(verb: Token) -> bool:
    """ "was taken off life support and passed away": a death told without "die"."""
    away = any(c.dep_ == "prt" and c.lower_ == "away" for c in verb.children)
    return verb.lemma_.lower() == "pass" and away


def own_death(verb: Token) -> bool:
    """A person's own death told by an idiom with no casualty word: "turned the gun on himself",
    "took his own life", "committed suicide". Registries count a gunman who did so among the dead.
    "attempted to take her own life" is intent, not a death."""
    if verb.pos_ not in ("VERB", "AUX") or _negated(verb) or _intent_only(verb) or _near_miss(verb):
        return False
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma == "turn":
        return any(o.lemma_.lower() in _WEAPONS for o in objects) and any(
            c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ in _REFLEXIVES for g in c.children)
            for c in verb.children)
    if lemma == "take":
        return any(o.lemma_.lower() == "life" and any(m.lower_ == "own" for m in o.subtree) for o in objects)
    if lemma == "commit":
        return any(o.lower_ == "suicide" for o in objects)
    return False


_GUNFIRE = frozenset("bullet gunfire round shot fire shotgun pellet fragment shrapnel".split())


def _mortally(verb: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in ("fatally", "mortally") for c in verb.children)


def _near_miss(verb: Token) -> bool:
    """ "nearly killed", "came within inches of possibly killing": no outcome happened."""
    return any(c.dep_ == "advmod" and c.lower_ in _NEAR_MISS for c in verb.children)


def gunfire_subject(verb: Token) -> bool:
    """ "A stray bullet struck the girl": the subject is a shot, so the object was hit by it."""
    owner = verb.head if verb.dep_ == "conj" and not _own_subject(verb) else verb  # "… and hit the boy"
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _GUNFIRE for c in owner.children)


_FIRING_VERBS = frozenset("fire shoot spray".split())


def after_firing(verb: Token) -> bool:
    """ "opened fire, striking three people", "bullets started flying, hitting a boy": a hit told
    as the outcome of gunfire is a shot."""
    if verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head.i == verb.i:
        return False
    head = verb.head
    return (head.lemma_.lower() in _FIRING_VERBS
            or any(c.dep_ in ("dobj", "nsubj") and c.lemma_.lower() in _GUNFIRE for c in head.children))


def _by_gunfire(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ in ("agent", "prep") and child.lower_ in ("by", "with"):
            if any(g.lemma_.lower() in _GUNFIRE for g in child.subtree):
                return True
    return False


def in_care(verb: Token) -> bool:
    """ "was treated for gunshot wounds", "taken to hospital with bullet wounds", "is in critical
    condition", "left the victim in serious condition": injured, though no injury verb says so."""
    lemma = verb.lemma_.lower()
    for prep in _care_preps(verb):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            pobj = _treated_for(pobj)  # "taken to hospital for treatment of injuries"
            word = pobj.lemma_.lower()
            if (
                prep.lower_ in ("for", "with", "from")
                and word in _BODY_WOUNDS
                and lemma in _CARE_VERBS | _BE_VERBS | _ARRIVE_VERBS
            ):
                return True  # "treated for gunshot wounds", "arrived at a hospital with gunshot wounds"
            if prep.lower_ == "for" and word == "treatment" and lemma in _CARE_VERBS - {"treat"}:
                return True  # "were taken to local hospitals for treatment"
            if prep.lower_ in ("to", "into", "in") and word == "hospital" and lemma in _SENDING:
                return True  # "the shooting sent four people to the hospital", "put two in the hospital"
            if prep.lower_ in ("at", "in") and word == "hospital" and lemma == "treat":
                return True  # "was treated at a local hospital"
            if prep.lower_ == "from" and word == "hospital" and lemma == "release":
                return True  # "was treated and released from the hospital": a patient, so hurt
            if prep.lower_ in ("after", "from") and word in _SHOOTINGS and lemma == "recover":
                return True  # "is recovering after a shooting"
            if prep.lower_ == "for" and word == "life" and lemma == "fight":
                return True  # "two women are fighting for their lives"
            if prep.lower_ == "in" and word == "condition" and lemma in _BE_VERBS | _CARE_VERBS | {"leave"}:
                return any(m.lower_ in _CONDITIONS for m in pobj.children)
    return False


def _care_preps(verb: Token) -> list[Token]:
    """The verb's prepositions, and those the parser hung on its place: "taken to a hospital
    with gunshot wounds" often attaches "with" to "hospital"."""
    preps = [c for c in verb.children if c.dep_ == "prep"]
    places = [g for p in preps if p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]
    return preps + [c for place in places for c in place.children if c.dep_ == "prep" and c.lower_ != "of"]


def _treated_for(pobj: Token) -> Token:
    """ "for treatment of gunshot wounds" is "for gunshot wounds"."""
    if pobj.lemma_.lower() != "treatment":
        return pobj
    of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    return inner if inner is not None else pobj


def _fatal(verb: Token) -> bool:
    for child in verb.children:
        if child.lower_ in FATAL_MODIFIERS:
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and any(g.lower_ == "death" for g in child.children):
            return True
        if child.dep_ in ("conj", "advcl") and child.lemma_ in ("kill", "die") and not _own_subject(child):
            return True  # "shot and killed"; not "five were shot and one was killed"
    return False


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _negated(verb: Token) -> bool:
    """ "was not injured"; also a wish against it: "please don't let my baby die"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    let = verb.head
    return let.i != verb.i and let.lemma_.lower() == "let" and any(c.dep_ == "neg" for c in let.children)


def agent_relative(verb: Token) -> bool:
    """ "the officers who fatally shot a man": the relative pronoun is the active verb's subject,
    so the noun it stands for did the deed. "people who died" and "who were shot" suffered it."""
    if (verb.dep_ != "relcl" or verb.lemma_.lower() in INTRANSITIVE_OUTCOMES or in_care(verb)
            or suffered_outcome(verb) is not None):  # "who were suffering from gunshot wounds"
        return False
    return any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in verb.children)


def _intent_only(verb: Token) -> bool:
    """A plain infinitive of purpose ("an attack to kidnap X") reports no outcome; a perfect one
    under a reporting verb ("reported to have been injured") does. A verb joined to an infinitive
    shares its "to": "yelled at us to go ahead and kill him"."""
    while _bare_conjunct(verb):
        verb = verb.head
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "to" not in auxes:
        return False
    return "have" not in auxes and verb.head.lemma_ not in REPORTING_HEADS


def _bare_conjunct(verb: Token) -> bool:
    """A base-form verb joined to another with no auxiliary or subject of its own."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VB"
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
    )


def _hedged(verb: Token) -> bool:
    return any(c.lower_ in _HEDGES for c in verb.children if c.dep_ in ("aux", "advmod"))


def negated(verb: Token) -> bool:
    return _negated(verb)


_SURVIVAL_VERBS = frozenset("survive recover".split())


def survived(sentence) -> bool:
    """A sentence that says someone lived: "was shot but survived", "is expected to survive",
    "is recovering" — and says nothing of a death ("did not survive" is a death)."""
    lived = any(
        t.lemma_.lower() in _SURVIVAL_VERBS and t.pos_ in ("VERB", "AUX") and not _negated(t)
        for t in sentence
    )
    return lived and not any(t.lemma_.lower() in ("die", "kill") for t in sentence)


# "minor injuries", "non-life-threatening wounds", "wounds that were not life-threatening"
_SURVIVABLE = re.compile(
    r"\bminor\b|\bsuperficial\b|\bnon-?fatal\b|\bnon ?- ?life|\bnot (?:considered )?life"
)
_WOUND_LEMMAS = frozenset("wound injury".split())
SUFFER_VERBS = frozenset("suffer sustain have receive".split())


def survivable(wound: Token) -> bool:
    """Having gunshot wounds says someone was shot, not that they lived ("had gunshot wounds to
    the chest" is often told of the dead); "suffered minor injuries" says they lived."""
    words = wound.doc[wound.left_edge.i : wound.right_edge.i + 1].text.lower()
    return _SURVIVABLE.search(words) is not None


def wounds_suffered(verb: Token) -> Iterator[Token]:
    """ "suffered a gunshot wound", "suffering from gunshot wounds"."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in _WOUND_LEMMAS:
            yield child
        elif child.dep_ == "prep" and child.lower_ == "from":
            yield from (g for g in child.children if g.dep_ == "pobj" and g.lemma_.lower() in _WOUND_LEMMAS)


def suffered_outcome(verb: Token) -> Outcome | None:
    """ "suffered minor injuries" → injured; "suffered gunshot wounds" → shot (maybe fatally)."""
    if verb.lemma_.lower() not in SUFFER_VERBS:
        return None
    for wound in wounds_suffered(verb):
        return Outcome.INJURED if survivable(wound) else Outcome.CASUALTIES
    return None
