"""Victims counted one by one: named, described ("a 27-year-old man"), or referred to ("he died").

Local crime news rarely writes a number: "A man was shot and killed", "Police said Malone Amason
was found dead", "Torres … was shot in the leg", "the victim suffered a gunshot wound … where he
died". Each patient of a casualty word becomes a figure of one (or of as many as are coordinated:
"the mayor and his wife" → 2). Repeats of the same person are folded by relations.py; names keep
two different people apart.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from tollbook.annotate.parsed import ParsedUnit
from tollbook.annotate.people import TITLE_WORDS, fold
from tollbook.extract import outcomes
from tollbook.extract.draft import Draft, evidence_span
from tollbook.extract.lexicon import (
    GENDER_ADJECTIVES,
    INTRANSITIVE_OUTCOMES,
    NOT_PEOPLE,
    OUTCOME_ADJECTIVES,
    OUTCOME_VERBS,
    PATIENT_VERBS,
    person_noun,
)
from tollbook.model import Category, Count, Gender, Group, Outcome, Qualifier, Role, SegmentKind

_SINGULAR_DETS = frozenset("a an one another".split())
_DEFINITE_DETS = frozenset("the this that".split())
_PRONOUNS = {"he": Role.UNKNOWN, "she": Role.UNKNOWN, "him": Role.UNKNOWN, "her": Role.UNKNOWN}
_REFLEXIVES = frozenset("himself herself".split())
_WOUND_NOUNS = frozenset("wound injury injuries wounds".split())
_STATE_VERBS = frozenset("find pronounce declare leave discover".split())
_DEATH_NOUNS = frozenset("body death murder killing slaying homicide".split())


# Which outcome says more about one person: "was shot and pronounced dead" is a death.
_STRENGTH = {Outcome.CASUALTIES: 0, Outcome.INJURED: 1, Outcome.KILLED: 2}


def find(
    text: str, unit: ParsedUnit, sent: SpacySpan, covered: set[int], counted: list[Draft] = ()
) -> list[Draft]:
    """One-by-one victims in a sentence; `covered` holds tokens already counted by a number
    (the drafts in `counted`). A second casualty word about the same person in the sentence
    sharpens its outcome rather than counting the person again."""
    drafts: list[Draft] = []
    for patient, outcome, confidence in _sentence_patients(sent, unit.kind == SegmentKind.HEADLINE):
        if patient.i in covered or _apposed_to(patient, covered):
            _sharpen([*counted, *drafts], patient, outcome)
            continue
        people = [patient, *patient.conjuncts] if patient.dep_ != "conj" else []
        if not people or not all(_is_one_person(p, unit.kind) for p in people):
            continue
        covered.update(p.i for p in people)
        if outcome == Outcome.CASUALTIES and outcomes.survived(sent):
            outcome = Outcome.INJURED  # "was shot in the leg but survived": wounded, not killed
        if outcome != Outcome.KILLED and _died_after(patient):
            outcome = Outcome.KILLED  # "shot the 18-year-old man, who died at the scene"
        drafts.append(_draft(text, unit, sent, people, outcome, confidence))
    return drafts


def _apposed_to(patient: Token, covered: set[int]) -> bool:
    """ "his daughter, Ann Ruiz, who died": the name beside a person already counted is that person."""
    return patient.dep_ == "appos" and patient.head.i in covered


def _sentence_patients(sent: SpacySpan, headline: bool) -> Iterator[tuple[Token, Outcome, float]]:
    for token in sent:
        yield from _patients(token, headline)
        yield from _described(token)
        yield from _found_in_state(token)


def _sharpen(drafts: list[Draft], patient: Token, outcome: Outcome) -> None:
    """ "was shot and critically wounded": the person already counted was injured, not just shot."""
    draft = next((d for d in drafts if d.anchor.i == patient.i), None)
    if draft is None or draft.outcome not in _STRENGTH or outcome not in _STRENGTH:
        return
    if not draft.singular and draft.outcome != Outcome.CASUALTIES:
        return  # "eight were injured or killed" says nothing about each of them
    if _STRENGTH[outcome] > _STRENGTH[draft.outcome]:
        draft.outcome = outcome


def _described(noun: Token) -> Iterator[tuple[Token, Outcome, float]]:
    """A person described by the outcome, with no casualty verb: "a wounded man", "a man with a
    gunshot wound", "the body of a man"."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _DEATH_NOUNS:
        yield noun, Outcome.KILLED, 0.75  # "the shooting death of John Smith", "the body of a man"
    if noun.dep_ == "poss" and noun.head.lemma_.lower() in _DEATH_NOUNS - {"body"}:
        yield noun, Outcome.KILLED, 0.7  # "in the girl's slaying"
    if noun.lemma_.lower() == "victim" and _victim_of_killing(noun):
        yield noun, Outcome.KILLED, 0.7  # "the homicide victim", "the victim of a deadly shooting"
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in OUTCOME_ADJECTIVES and not _near(child):
            outcome = OUTCOME_ADJECTIVES[child.lower_]
            if outcome in _STRENGTH:
                yield _coordination_of(noun, child), outcome, 0.7
        elif child.dep_ == "prep" and child.lower_ == "with" and _wound_in(child):
            yield noun, Outcome.INJURED, 0.7
        elif child.dep_ == "acl" and child.lemma_.lower() in outcomes.SUFFER_VERBS and _state_outcome(child):
            # "found a man and a woman suffering from gunshot wounds"
            yield _coordination_of(noun, child), _state_outcome(child), 0.7


_KILLINGS = _DEATH_NOUNS - {"body"}
_FATAL_EVENTS = frozenset("deadly fatal".split())


def _victim_of_killing(victim: Token) -> bool:
    """A victim named by a killing is dead: "a murder victim", "the victim of a fatal shooting";
    "a shooting victim" may have lived."""
    for child in victim.children:
        if child.dep_ in ("compound", "amod") and child.lemma_.lower() in _KILLINGS:
            return True
        if child.dep_ == "prep" and child.lower_ == "of":
            for event in (g for g in child.children if g.dep_ == "pobj"):
                if event.lemma_.lower() in _KILLINGS or any(
                    m.dep_ == "amod" and m.lower_ in _FATAL_EVENTS for m in event.children
                ):
                    return True
    return False


def _coordination_of(noun: Token, adjective: Token) -> Token:
    """ "found a man and a woman dead": the parser hangs a trailing adjective on the last person
    joined by "and"; it tells of all of them, so the first of them stands for the group."""
    if adjective.i < noun.i:
        return noun  # "a man and a wounded woman": only the woman
    while noun.dep_ == "conj" and noun.head.i != noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun


def _near(adjective: Token) -> bool:
    """ "a nearly dead man" is alive."""
    return any(c.lower_ in ("nearly", "almost", "not") for c in adjective.children)


def _draft(
    text: str, unit: ParsedUnit, sent: SpacySpan, people: list[Token], outcome: Outcome, confidence: float
) -> Draft:
    first = min(p.left_edge.i for p in people)
    last = max(_person_end(p).i for p in people)
    span = unit.span_of(unit.doc[first], unit.doc[last])
    n = len(people)
    count = Count(
        as_written=text[span.start : span.end],
        start=span.start,
        end=span.end,
        value=n,
        low=n,
        high=n,
        qualifier=Qualifier.EXACT,
    )
    name = _surname(people[0]) if n == 1 else None
    weak = people[0].lower_ in _PRONOUNS or _definite(people[0])
    return Draft(
        outcome=outcome,
        count=count,
        group=_group(people),
        unit=unit,
        sentence=sent,
        anchor=people[0],
        evidence=evidence_span(unit, sent),
        confidence=confidence - (0.2 if weak else 0.0),
        person=name,
    )


def _patients(verb: Token, headline: bool) -> Iterator[tuple[Token, Outcome, float]]:
    """The people a casualty word happened to, with the outcome and a confidence."""
    if verb.pos_ not in ("VERB", "AUX") or outcomes.negated(verb):
        return
    lemma = verb.lemma_.lower()
    if outcomes.own_death(verb):  # "… then turned the gun on himself"
        yield from ((s, _own_death_outcome(verb), 0.75) for s in _agents(verb))
        return
    body = _body_of(verb)
    if body is not None:
        yield body, Outcome.KILLED, 0.75
    state = _state_outcome(verb)  # "was found dead", "suffered a gunshot wound"
    found = [c for c in verb.children if c.dep_ == "dobj"]
    if state is not None and lemma in _STATE_VERBS and found and not _own_passive(verb):
        # "Officers found a man dead": the one found is the casualty, never the finder.
        yield from ((c, state, 0.8) for c in found)
        return
    if _declared(verb):  # "Paramedics pronounced Smith deceased"
        yield from ((c, OUTCOME_ADJECTIVES[verb.lower_], 0.8) for c in verb.children if c.dep_ == "nsubj")
        return
    outcome = state or outcomes.verb_outcome(verb, as_subject=True)
    if outcome is None:
        return
    passive = state is not None or any(c.dep_ == "auxpass" for c in verb.children) or verb.tag_ == "VBN"
    if lemma == "leave" or (lemma in _SENDERS and _by_violence(verb)):
        # "the attack left the victim in critical condition", "the shooting sent a boy to the hospital"
        yield from ((c, outcome, 0.75) for c in verb.children if c.dep_ == "dobj")
        return
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "a one-year-old girl shot and killed …"
        yield verb.head, outcome, 0.75
        return
    for subject in _subjects(verb):
        if (
            subject.dep_ == "nsubjpass"
            or lemma in INTRANSITIVE_OUTCOMES
            or outcomes.passed_away(verb)
            or (outcomes.in_care(verb) and lemma not in _SENDERS)  # who sends someone to hospital is well
            or (subject.dep_ == "nsubj" and (state is not None or (passive and _borrowed(verb, subject))))
            or (subject.dep_ == "nsubj" and (_bare_participle(verb) or _small_clause(verb)))
        ):
            yield _antecedent(verb, subject, outcome), outcome, 0.8
        elif headline and subject.dep_ == "nsubj" and not _has_object(verb):
            yield subject, outcome, 0.7  # "Man shot, killed on Detroit's west side"
    if lemma in OUTCOME_VERBS and state is None or outcomes.gunfire_subject(verb) or _hit_by_fire(verb):
        for child in verb.children:
            if child.dep_ == "dobj" and child.lower_ in _REFLEXIVES:  # "Bunn killed himself"
                yield from ((s, outcome, 0.8) for s in _doers(verb))
            elif child.dep_ == "dobj":
                yield child, outcome, 0.8


_SENDERS = frozenset("send put".split())
_VIOLENCE = frozenset("shooting attack gunfire bullet gunshot violence".split())


def _by_violence(verb: Token) -> bool:
    """ "a shooting sent a boy to the hospital" — not "a judge sent him to the state hospital"."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _VIOLENCE for c in verb.children)


def _hit_by_fire(verb: Token) -> bool:
    """ "fired several shots, hitting a man": the one hit was shot."""
    return verb.lemma_.lower() in ("hit", "strike") and outcomes.after_firing(verb)


def _died_after(person: Token) -> bool:
    """A relative clause that tells the person's death: "…, who died at the scene", "a man who
    was found dead in a ditch"."""
    return any(
        c.dep_ == "relcl" and not outcomes.negated(c)
        and (c.lemma_.lower() == "die" or _state_outcome(c) == Outcome.KILLED)
        for c in person.children
    )


def _bare_participle(verb: Token) -> bool:
    """ "One man was killed and another injured": a joined participle with no auxiliary."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and verb.dep_ == "conj" and not auxiliaries


def _small_clause(verb: Token) -> bool:
    """ "Officers found a man shot in the leg": a participle with no auxiliary under a verb of
    finding tells what happened to its subject, the person found."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (verb.tag_ == "VBN" and verb.dep_ in ("ccomp", "xcomp", "oprd") and not auxiliaries
            and verb.head.lemma_.lower() in _STATE_VERBS)


def _own_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _found_in_state(adjective: Token) -> Iterator[tuple[Token, Outcome, float]]:
    """ "officers discovered Miller dead": the parser may make "Miller dead" a clause whose head is the
    adjective, which no verb rule reads."""
    if adjective.pos_ == "ADJ" and _declared(adjective):
        outcome = OUTCOME_ADJECTIVES[adjective.lower_]
        yield from ((c, outcome, 0.8) for c in adjective.children if c.dep_ == "nsubj")


def _declared(verb: Token) -> bool:
    """An outcome word the parser made a clause under "pronounce", "declare" or "find"."""
    return (
        verb.lower_ in OUTCOME_ADJECTIVES
        and verb.dep_ in ("ccomp", "xcomp", "oprd")
        and verb.head.lemma_.lower() in _STATE_VERBS
    )


def _subjects(verb: Token) -> Iterator[Token]:
    """The verb's own subject, else the one it borrows: "… and was shot", "after being shot"."""
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if own:
        yield from own
        return
    head = verb
    while _borrows_subject(head) and head.head.i != head.i:
        through_preposition = head.dep_ == "pcomp"
        head = head.head
        if through_preposition and head.dep_ == "prep":  # "is recovering after being shot"
            head = head.head
        found = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found:
            yield from found
            return


def _own_death_outcome(verb: Token) -> Outcome:
    """ "turned the gun on himself and is in critical condition": he lived, wounded."""
    sentence = verb.sent
    lived = outcomes.survived(sentence) or any(outcomes.in_care(t) for t in sentence)
    return Outcome.INJURED if lived else Outcome.KILLED


def _agents(verb: Token) -> list[Token]:
    """Who did what an active verb tells, even with no subject of its own: "shot his wife before
    killing himself", "shot them, then turned the gun on himself": the main clause's subject."""
    head = verb
    while True:
        own = [c for c in head.children if c.dep_ == "nsubj"]
        chained = head.dep_ in ("conj", "advcl", "xcomp", "pcomp", "prep", "dep")
        if own or not chained or head.head.i == head.i:
            return own
        head = head.head


def _antecedent(verb: Token, subject: Token, outcome: Outcome) -> Token:
    """ "a boy who was shot by his brother": the relative pronoun stands for the noun its clause
    tells of. A death told in a relative clause ("relatives of a girl who was killed last year")
    more often recalls another case than tells this one, so it keeps the pronoun (no one)."""
    if (verb.dep_ == "relcl" and subject.tag_ in ("WP", "WDT") and verb.head.pos_ in ("NOUN", "PROPN")
            and outcome != Outcome.KILLED):
        return verb.head
    return subject


def _doers(verb: Token) -> list[Token]:
    """Who did the deed: the verb's subject, or after a preposition the subject of the verb it
    tells about ("a boy is recovering after accidentally shooting himself"), or else the main
    clause's subject (`_agents`)."""
    doers = [s for s in _subjects(verb) if s.dep_ == "nsubj"]
    if not doers and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.i != verb.i:
        doers = list(_subjects(verb.head.head))  # "is expected to be OK after shooting himself"
    return doers or _agents(verb)


def _borrows_subject(verb: Token) -> bool:
    return verb.dep_ in ("conj", "advcl", "xcomp") or _passive_after_preposition(verb)


def _passive_after_preposition(verb: Token) -> bool:
    """ "after being shot", "before being taken to hospital": the person is the main clause's
    subject; an active "accused of shooting at a driver" tells what that subject did."""
    return verb.dep_ == "pcomp" and any(c.dep_ == "auxpass" for c in verb.children)


def _borrowed(verb: Token, subject: Token) -> bool:
    return subject.head.i != verb.i


def _state_outcome(verb: Token) -> Outcome | None:
    lemma = verb.lemma_.lower()
    if lemma in _STATE_VERBS:
        for child in verb.children:
            if child.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and child.lower_ in OUTCOME_ADJECTIVES:
                return OUTCOME_ADJECTIVES[child.lower_]
            if child.dep_ == "prep" and child.lower_ == "with" and _wound_in(child):
                return Outcome.INJURED  # "a second victim was found … with a gunshot wound"
    if lemma == "be":  # "Two days later, Smith was dead."
        for child in verb.children:
            if child.dep_ == "acomp" and child.lower_ in OUTCOME_ADJECTIVES:
                return OUTCOME_ADJECTIVES[child.lower_]
    return outcomes.suffered_outcome(verb)


def _wound_in(prep: Token) -> bool:
    return any(g.dep_ == "pobj" and g.lemma_.lower() in _WOUND_NOUNS for g in prep.children)


def _body_of(verb: Token) -> Token | None:
    """ "a man's body was found", "Caskey's body was taken to the crime lab": its owner was killed."""
    for child in verb.children:
        if (
            child.dep_ in ("nsubjpass", "dobj", "nsubj")
            and child.lemma_.lower() == "body"
            and child.tag_ == "NN"
        ):
            owner = next((g for g in child.children if g.dep_ == "poss"), None)
            if owner is not None and owner.lower_ not in ("his", "her", "their", "its"):
                return owner
    return None


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "ccomp", "attr") for c in verb.children)


def _is_one_person(token: Token, kind: SegmentKind) -> bool:
    if token.lower_ in _ORDINALS and token.dep_ in ("nsubj", "nsubjpass") and _has_det(token, "a"):
        return True  # "one person died and a second was injured" (an ordinal reads as a number)
    if token.like_num or any(c.like_num and c.dep_ == "nummod" for c in token.children):
        return False
    if token.ent_type_ == "PERSON" or token.lower_ in _PRONOUNS or _aged(token) or _named_before(token):
        return True
    if token.lower_ == "another" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "conj"):
        return True  # "one man was killed and another wounded"
    if token.pos_ == "PROPN" and token.dep_ == "poss" and token.head.lemma_.lower() == "body":
        return True  # "Caskey's body": a name the tagger did not mark
    lower = token.lemma_.lower()
    dets = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod")}
    if lower in TITLE_WORDS and token.tag_ == "NN" and dets & {"the", "a", "an"}:
        return True  # "the mayor and his wife": one office, one person
    entry = person_noun(lower)
    if entry is None and _open_patient(token):
        entry = person_noun("person")
    if (
        entry is None
        or token.tag_ in ("NNS", "NNPS")
        or (entry.generic and lower not in ("victim", "person"))
    ):
        return False
    has_possessive = any(c.dep_ == "poss" for c in token.children)
    bare_headline_noun = kind == SegmentKind.HEADLINE and not dets  # "Man shot, killed"
    return bool(dets & _SINGULAR_DETS) or bool(dets & _DEFINITE_DETS) or has_possessive or bare_headline_noun


_ORDINALS = frozenset("second third fourth fifth".split())


def _has_det(token: Token, word: str) -> bool:
    return any(c.dep_ == "det" and c.lower_ == word for c in token.children)


def _open_patient(token: Token) -> bool:
    """A singular noun shot, killed or wounded is a person unless it names a thing."""
    verb = token.head
    return (
        token.pos_ == "NOUN"
        and token.lemma_.lower() not in NOT_PEOPLE
        and token.dep_ in ("nsubjpass", "dobj")
        and verb.lemma_.lower() in PATIENT_VERBS
    )


def _aged(token: Token) -> bool:
    """ "a 19-year-old was shot": an age standing for a person."""
    return (
        token.lower_ == "old"
        and any(c.lower_ in _AGE_UNITS for c in token.children)
        and any(c.dep_ == "det" for c in token.children)
    )


_AGE_UNITS = frozenset("year years month months week weeks".split())  # "a 9-month-old was hit"


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE_DETS for c in token.children)


def _person_end(token: Token) -> Token:
    """The last word naming one person: "his wife, Ana Ruiz" ends at "Ruiz"."""
    end = token
    for child in token.children:
        if child.dep_ in ("appos", "compound", "flat") and child.i > end.i:
            end = max(child.subtree, key=lambda t: t.i if not t.is_punct else -1)
    return end


def _named_before(token: Token) -> bool:
    """ "Ron Lackey, 30, was shot … Lackey was pronounced dead": a lone surname the tagger did not
    mark is the person named in full before it."""
    compound = any(c.dep_ in ("compound", "flat") for c in token.children)
    if token.pos_ != "PROPN" or token.ent_type_ or compound:
        return False
    return any(ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == token.text and ent.end <= token.i
               for ent in token.doc.ents)


def _surname(token: Token) -> str | None:
    if token.ent_type_ != "PERSON" and not _named_before(token):
        return None
    return fold(token.text) or None


def _group(people: list[Token]) -> Group:
    entries = [person_noun(p.lemma_) for p in people]
    if len(people) == 1 and entries[0] is not None:
        e = entries[0]
        gender = e.gender or _gender_word(people[0])
        return Group(noun=people[0].text, category=e.category, role=e.role, gender=gender, age_group=e.age)
    genders = {e.gender if e is not None else None for e in entries}
    gender = genders.pop() if len(genders) == 1 else None  # a bare name says nothing of gender
    role = Role.UNKNOWN if any(p.lower_ in _PRONOUNS for p in people) else Role.VICTIM
    return Group(noun=None, category=Category.UNKNOWN, role=role, gender=gender)


def _gender_word(noun: Token) -> Gender | None:
    """ "the female victim", "a male passenger": the gender its noun does not say, so that
    "a boy died … the female victim was wounded" stays two people."""
    return next((GENDER_ADJECTIVES[c.lower_] for c in noun.children
                 if c.dep_ in ("amod", "compound") and c.lower_ in GENDER_ADJECTIVES), None)
