"""Acts of their own inside an incident's paragraphs: an arson beside a kidnapping, a murder
told beside a bombing.

ACLED codes one event per type, place and day, and a wire story often tells several acts in one
paragraph ("the gunmen kidnapped 31 villagers and, before fleeing, set fire to a store"). The
incident splitter (`extract.incidents`) groups whole paragraphs; this module reads each sentence
of an incident's paragraphs for an act of a kind the incident is not — an arson, a bombing, a
kidnapping, a killing — so that the act can be recorded as an event of its own.

An act counts only when its sentence reads as one: a bomb found or defused is no bombing, and a
killing that the sentence gives as a tally of months ("so far this year, 12 have been killed")
is background, not an act.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tollbook.extract import event_types, incidents

_FIRE = rf"{event_types.SET_ON_FIRE}|burn(?:ed|t)|torch(?:ed)?|arson"
# Destruction with no fire: "sappers destroyed two pylons", "sabotage against the power grid".
_WRECKED = r"destroy(?:ed|ing)|sabotag\w*|dynamited"
# Words that tell an act of each kind, over lower-cased text (so upper-case wire reads the same).
_ACT_WORDS = {
    "destruction": rf"{_FIRE}|{_WRECKED}",
    "explosion": r"bomb(?:s|ed|ing|ings)?|dynamite|explosives?|explo(?:ded|sion|sions)|blew up|blasts?|"
                 r"grenades?",
    "abduction": r"kidnap(?:ped|ping|pers?)?|abduct(?:ed|ion|ors?)?",
    "attack": r"murder(?:ed)?|assassinat(?:ed|ion)|shot|gunned down|massacred?|killed|fired (?:at|on)|"
              r"opened fire|attack(?:ed|s)?|ambush(?:ed)?|raid(?:ed)?",
}
_BURNED = re.compile(rf"\b(?:{_FIRE})\b")
_ACTS = {kind: re.compile(rf"\b(?:{words})\b") for kind, words in _ACT_WORDS.items()}
# What makes a sentence's act no act: arms found or made safe, a tally over a period. Arms found
# or seized are no act ("police found a bomb", "explosives were seized"), but a raid that burned
# houses and seized goods is one.
_ARMS = r"(?:bombs?|explosives?|dynamite|grenades?|weapons?|arms|rifles|guns|mines?|devices?|car bombs?)"
_FOUND = r"(?:found|discover\w*|seiz\w*|confiscat\w*)"
_NOT_DONE = re.compile(
    r"\b(?:defus\w*|deactivat\w*|dismantl\w*|"
    rf"{_FOUND} (?:[\w-]+ ){{0,5}}?{_ARMS}|{_ARMS} (?:[\w-]+ ){{0,4}}?{_FOUND}|"
    r"(?:so far|since|during|over the (?:last|past)) (?:\w+ ){0,3}(?:year|years|months|weeks)|"
    r"so far this \w+)\b"
)
# Before an act word: the act denied, refused or only threatened or planned.
_UNDONE_BEFORE = re.compile(
    r"\b(?:not|never|n't|no longer|(?:will|would|shall|to) not|threat\w* to|plan\w* to|intend\w* to|"
    r"vow\w* to|promis\w* to|will|would)\s+(?:\w+\s+)?$"
)
# A crime an arrest, a charge, an inquiry, a protest or a decision is about ("arrested in
# connection with the murder of the senator", "suspected of killing the candidate", "marched to
# protest the bombing of the union's offices", "after learning of the killing of the former
# mayor"): the act itself, told in passing.
_CRIMES = r"murder(?:s|ing)?|assassinat(?:ion|ing)|massacre|killings?|deaths?|attacks?|bombings?|kidnappings?"
_CRIME_OF_RECORD = re.compile(
    r"\b(?:in connection with|suspected of|accused of|charged with|involved in|involvement in|"
    r"responsible for|implicated in|investigat\w*(?: into)?|arrested for|participat\w* in|"
    r"protest\w*(?: against)?|condemn\w*|repudiat\w*|linked to|related to|"
    r"in (?:retaliation|reprisal|revenge) for|learn\w* of|news of|informed of|word of)\s+"
    rf"(?:(?:the|being|having)\s+)*(?:\w+\s+){{0,2}}?(?P<act>{_CRIMES})\b"
)
# Where such a crime is named, for the words ("killing", "death") no act kind lists.
_CRIME_WORD = re.compile(rf"\b(?:{_CRIMES})\b")
_CRIME_KINDS = {"bomb": "explosion", "kidn": "abduction"}
_CRIME_TYPES = {
    "attack": ("Violence against civilians", "Attack"),
    "explosion": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "abduction": ("Violence against civilians", "Abduction/forced disappearance"),
    "destruction": (None, None),
}
# act_kinds and act_type score the same sentence; the scores are only read, so they are shared.
_scores = lru_cache(maxsize=64)(event_types.scores)
VIOLENT_TYPES = (event_types.BATTLES, event_types.REMOTE, event_types.CIVILIANS)
_DESTRUCTION = "Looting/property destruction"


@dataclass(frozen=True)
class Act:
    kind: str  # "destruction", "explosion", "abduction" or "attack"
    start: int  # where the word that tells the act stands in the text
    end: int
    sentence: tuple[int, int]  # the sentence that tells it
    of_record: bool = False  # told as what an arrest, a protest or an inquiry is about


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the sentences of text[start:end], split at full stops."""
    spans, first = [], start
    for match in incidents.SENTENCE_END.finditer(text, start, end):
        spans.append((first, match.end()))
        first = match.end()
    if text[first:end].strip():
        spans.append((first, end))
    return spans


def acts_in(text: str, start: int, end: int) -> list[Act]:
    """The acts text[start:end] tells, at most one per kind and sentence, in text order."""
    found = []
    for first, last in sentences(text, start, end):
        lowered = text[first:last].lower()
        crime = _crime_of_record(lowered)
        for kind in act_kinds(lowered):
            word = _act_word(kind, lowered) or _CRIME_WORD.search(lowered)
            of_record = crime is not None and _CRIME_KINDS.get(crime["act"][:4], "attack") == kind
            found.append(Act(kind, first + word.start(), first + word.end(), (first, last), of_record))
    return found


def act_kinds(sentence: str) -> list[str]:
    """The kinds of act one sentence tells. A distinctive kind (arson, bombing, kidnapping) counts
    when a word of it stands in the sentence and its rules score; a killing counts when it is
    what the sentence is chiefly about (a bomb that killed two is a bombing)."""
    lowered = sentence.lower()
    if _NOT_DONE.search(lowered):
        return []
    totals = _scores(lowered)
    # The sentence's best type, however weak: a bare "attacked" still tells an attack.
    event_type, sub_type = max(totals, key=totals.__getitem__, default=(None, None))
    kinds: list[str] = []
    for kind in event_types.DISTINCT_KINDS:
        best = max((v for (_, sub), v in totals.items() if event_types.KINDS.get(sub) == kind), default=0.0)
        if best >= event_types.MIN_SCORE and _act_word(kind, lowered):
            kinds.append(kind)
    if "explosion" in kinds and "destruction" in kinds and not _BURNED.search(lowered):
        kinds.remove("destruction")  # what a bomb destroyed is the bombing, not an act besides
    main = event_types.kind_of(sub_type)
    if main == "attack" and event_type in VIOLENT_TYPES and _act_word("attack", lowered):
        kinds.append("attack")
    crime = _crime_of_record(lowered)
    if crime:
        kind = _CRIME_KINDS.get(crime["act"][:4], "attack")
        if kind not in kinds:
            kinds.append(kind)
    return kinds


def _act_word(kind: str, lowered: str) -> re.Match[str] | None:
    """The first word of an act of that kind the sentence says was done: not one denied or
    only threatened ("they would not attack the polls", "threatened to kidnap him")."""
    for word in _ACTS[kind].finditer(lowered):
        if not _UNDONE_BEFORE.search(lowered, max(0, word.start() - 40), word.start()):
            return word
    return None


def _crime_of_record(lowered: str) -> re.Match[str] | None:
    return _CRIME_OF_RECORD.search(" ".join(lowered.split()))  # wire lines wrap anywhere


def is_act(event_type: str | None, sub_type: str | None) -> bool:
    """Whether an ACLED type is an act of violence or destruction (not a protest, an arrest...)."""
    return event_type in VIOLENT_TYPES or sub_type == _DESTRUCTION


def act_type(sentence: str, kind: str) -> tuple[str | None, str | None]:
    """The ACLED type of an act of the given kind told in a sentence: the best-scoring sub-type of
    that kind ("attack": any violent sub-type of no distinctive kind), so that the arrest or the
    protest the same sentence tells does not type the act."""
    totals = _scores(sentence.lower())
    order = list(event_types.RULES)
    fitting = [key for key, value in totals.items() if value > 0 and _of_kind(key, kind)]
    if not fitting:
        # An arrest sentence scores no violence, but the crime it is about is one all the same.
        return _CRIME_TYPES[kind] if _crime_of_record(sentence.lower()) else (None, None)
    return max(fitting, key=lambda key: (totals[key], -order.index(key)))


def _of_kind(key: tuple[str, str], kind: str) -> bool:
    if kind == "attack":
        return key[0] in VIOLENT_TYPES and key[1] not in event_types.KINDS
    return event_types.KINDS.get(key[1]) == kind
