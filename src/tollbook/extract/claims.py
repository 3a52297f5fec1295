"""Casualty claims: every figure about people killed, injured, missing, abducted or detained.

Three kinds of figure are drafted per sentence of the headline and body (never residue or
captions): numbers that count people ("83 people have been killed"), named or singular victims
("seizing the governor and his wife, Ana Ruiz" → 2, "a man was shot dead" → 1), and stated
unknowns ("the army has not yet confirmed the number of civilian casualties"). Each draft then gets
its source: a speech verb in its sentence, an orphan "X said." right after it, or the attribution
carried from earlier in the paragraph. Relations between drafts are `relations.py`'s job.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from tollbook.annotate.counts import CountMatch, NumberKind
from tollbook.annotate.parsed import Parsed, ParsedUnit
from tollbook.annotate.sources import SourceFinder, Speech
from tollbook.extract import outcomes, victims
from tollbook.extract.draft import Draft, evidence_span
from tollbook.extract.lexicon import (
    AGE_ADJECTIVES,
    CATEGORY_ADJECTIVES,
    CROWD_VERBS,
    GENDER_ADJECTIVES,
    OUTCOME_ADJECTIVES,
    OUTCOME_NOUNS,
    TOTAL_WORDS,
    person_noun,
)
from tollbook.model import (
    Category,
    Count,
    Group,
    Outcome,
    Qualifier,
    Role,
    SegmentKind,
    Status,
)

_NEGATION = re.compile(r"(?i)n[’']t\b|\b(?:not|never)\b")
_UNKNOWN_VERBS = frozenset("determine know confirm establish release clear disclose verify assess".split())
_WINDOW_OUTCOME = re.compile(
    r"^(?:[\w’'-]+\s+){0,3}?(?:were|was|are|have been|has been|had been|been)?\s*"
    r"(killed|dead|died|slain|injured|wounded|hurt|missing|kidnapped|abducted|arrested|detained)\b",
    re.IGNORECASE,
)


class ClaimFinder:
    def __init__(
        self, text: str, parsed: Parsed, counts: list[CountMatch], sources: SourceFinder, country_code
    ) -> None:
        self.text = text
        self.parsed = parsed
        self.counts = [c for c in counts if c.kind == NumberKind.COUNT]
        self.sources = sources
        self.country_code = country_code

    def find(self) -> list[Draft]:
        drafts: list[Draft] = []
        for unit in self.parsed.of_kind(SegmentKind.HEADLINE, SegmentKind.BODY, SegmentKind.CAPTION):
            drafts.extend(self._in_unit(unit))
        return drafts

    def _in_unit(self, unit: ParsedUnit) -> list[Draft]:
        unit_drafts: list[Draft] = []
        previous: list[Draft] = []
        carried: Speech | None = None
        for sent in unit.doc.sents:
            speeches = self.sources.speeches(unit, sent)
            if unit.kind == SegmentKind.CAPTION:
                continue  # captions inform people and dates, not figures
            drafts = self._in_sentence(unit, sent)
            for draft in drafts:
                draft.speech = _speech_for(draft, speeches)
            if speeches and not drafts and _is_orphan_attribution(speeches[-1]):
                for draft in previous:  # "…30 police officers … . X said."
                    draft.speech = draft.speech or speeches[-1]
            for draft in drafts:  # an attribution carries on through the paragraph
                draft.speech = draft.speech or carried
            carried = next((d.speech for d in reversed(drafts) if d.speech), None) or (
                speeches[-1] if speeches else carried
            )
            previous = drafts
            unit_drafts.extend(drafts)
        for draft in unit_drafts:
            if draft.speech is not None:
                draft.source = draft.speech.source
        return unit_drafts

    def _in_sentence(self, unit: ParsedUnit, sent: SpacySpan) -> list[Draft]:
        drafts = []
        covered: set[int] = set()
        for match in self._counts_in(unit, sent):
            if _none_besides(self.text, match):
                continue
            draft = self._from_count(unit, sent, match)
            if draft is not None:
                drafts.append(draft)
                covered.add(draft.anchor.i)
        drafts.extend(victims.find(self.text, unit, sent, covered, list(drafts)))
        drafts.extend(_undetermined(unit, sent))
        drafts.extend(_multiple_shootings(self.text, unit, sent))
        return drafts

    def _counts_in(self, unit: ParsedUnit, sent: SpacySpan) -> list[CountMatch]:
        first, last = unit.start_of(sent[0]), unit.end_of(sent[-1])
        return [c for c in self.counts if first <= c.number_start and c.number_end <= last]

    def _from_count(self, unit: ParsedUnit, sent: SpacySpan, match: CountMatch) -> Draft | None:
        token = unit.token_at(match.number_end - 1)
        if token is None:
            return None
        number = outcomes.head_number(token)
        if unit.start_of(number) < match.start:
            number = token  # "26 dead and 65 wounded": another count before this one, not its range's start
        noun = outcomes.counted_noun(number)
        if not outcomes.is_people(noun, number) or _crowd(noun) or _one_of_the_things(number, noun):
            return None
        reading = _adjacent_outcome(number) or outcomes.read_outcome(number, noun)
        count = _count(match)
        evidence = evidence_span(unit, sent)
        if reading is not None:
            # "the deaths of 12 civilians": the group is the civilians, not the deaths
            group_noun = noun if _names_people(number, noun) else (reading.outcome_noun or noun)
            group = self._group(unit, number, group_noun if group_noun.i != number.i else noun)
            whole = _counted_whole(number, noun)  # "one of the two women": a part of "two women"
            return Draft(
                outcome=reading.outcome,
                count=count,
                group=group,
                unit=unit,
                sentence=sent,
                anchor=number if whole is not None else noun,
                part_of_anchor=whole,
                evidence=evidence,
                confidence=reading.confidence,
                hedged=reading.hedged,
                among_total=reading.among or _subset(number, noun),
                from_report=reading.from_report or outcomes.earlier_figure(number),
            )
        window = _window_outcome(unit, match)
        group = self._group(unit, number, noun)
        if window is not None and noun.i != number.i:
            return Draft(
                outcome=window,
                count=count,
                group=group,
                unit=unit,
                sentence=sent,
                anchor=noun,
                evidence=evidence,
                confidence=0.6,
            )
        whole = _among_whole(noun)
        if noun.i != number.i and (whole is not None or _part_of_whole(noun)):
            # No casualty word: the outcome is inferred later from the report's other figures.
            return Draft(
                outcome=None,
                count=count,
                group=group,
                unit=unit,
                sentence=sent,
                anchor=noun,
                evidence=evidence,
                confidence=0.4,
                outcome_inferred=True,
                part_of_anchor=whole,
            )
        return None

    def _group(self, unit: ParsedUnit, number: Token, noun: Token) -> Group:
        lemma = noun.lemma_.lower() if noun.i != number.i else ""
        entry = person_noun(lemma) if lemma else None
        category = entry.category if entry else Category.UNKNOWN
        gender = entry.gender if entry else None
        age = entry.age if entry else None
        role = entry.role if entry else Role.UNKNOWN
        nationality = None
        generic = entry.generic if entry else noun.i == number.i or lemma in OUTCOME_NOUNS
        for child in noun.children:
            word = child.lower_
            if child.dep_ in ("amod", "compound", "nmod", "poss"):
                category = (
                    CATEGORY_ADJECTIVES.get(word, category)
                    if category == Category.UNKNOWN or word in ("military", "police")
                    else category
                )
                gender = GENDER_ADJECTIVES.get(word, gender)
                age = AGE_ADJECTIVES.get(word) or age
                nationality = nationality or self._nationality(child)
            if child.dep_ == "prep" and child.lower_ == "from":
                place = next((g for g in child.children if g.dep_ == "pobj"), None)
                if place is not None and place.ent_type_ in ("GPE", "NORP"):
                    nationality = nationality or self.country_code(place.text)
        if noun.ent_type_ == "NORP" and noun.i != number.i:  # "32 Cubans"
            nationality = nationality or self.country_code(noun.text)
            category = Category.CIVILIAN if category == Category.UNKNOWN else category
        if role == Role.VICTIM and category in (Category.ARMED_GROUP,):
            role = Role.UNKNOWN
        is_total = generic and nationality is None and category == Category.UNKNOWN or _has_total_word(number)
        noun_text = None if noun.i == number.i else _noun_text(noun)
        return Group(
            noun=noun_text,
            category=category,
            role=role,
            nationality=nationality,
            gender=gender,
            age_group=age,
            is_total=is_total,
        )

    def _nationality(self, token: Token) -> str | None:
        if token.ent_type_ in ("NORP", "GPE") or token.text[:1].isupper():
            return self.country_code(token.text)
        return None


_ELSE = re.compile(r"\s+(?:else|other|others)\b", re.IGNORECASE)


def _none_besides(text: str, match: CountMatch) -> bool:
    """ "No one else was hurt": zero people besides those already told, not a total of zero
    that would cancel them ("No one was hurt" stays a figure)."""
    return match.value == 0 and _ELSE.match(text, match.end) is not None


def _count(match: CountMatch) -> Count:
    return Count(
        as_written=match.as_written,
        start=match.start,
        end=match.end,
        value=match.value,
        low=match.low,
        high=match.high,
        qualifier=match.qualifier,
    )


def _names_people(number: Token, noun: Token) -> bool:
    return noun.i != number.i and bool(person_noun(noun.lemma_.lower()) or noun.ent_type_ == "NORP")


def _adjacent_outcome(number: Token) -> outcomes.Reading | None:
    """ "26 dead and 65 wounded": the word right after a bare number says what befell them, whatever
    the parse attached it to (the small model often hangs "wounded" on the first number)."""
    fatal = next((c for c in number.children if c.dep_ == "advmod" and c.lower_ in _FATAL_SHARE), None)
    if fatal is not None:
        return outcomes.Reading(Outcome.KILLED, fatal, 0.8)  # "four were shot, one of them fatally"
    if number.i + 1 >= len(number.doc):
        return None
    after = number.nbor(1)
    outcome = OUTCOME_ADJECTIVES.get(after.lower_)
    return outcomes.Reading(outcome, after, 0.85) if outcome is not None else None


def _one_of_the_things(number: Token, noun: Token) -> bool:
    """ "Two police cars, one with its windows shot out": a bare number right after a plural noun
    for things counts those things, not people."""
    if noun.i != number.i or number.i < 2 or number.nbor(-1).text != ",":
        return False
    before = number.nbor(-2)
    return before.tag_ == "NNS" and not outcomes.is_people(before, number)


def _crowd(noun: Token) -> bool:
    """ "Thousands of Cubans protested": a crowd, not a toll."""
    head = noun.head if noun.dep_ in ("nsubj", "pobj") else noun
    if noun.dep_ == "pobj" and head.head.i != head.i:
        head = head.head.head if head.head.dep_ in ("nsubj",) else head.head
    return head.lemma_.lower() in CROWD_VERBS


def _has_total_word(number: Token) -> bool:
    near = [number.head, *number.children, *number.head.children]
    if number.dep_ == "pobj":
        near.append(number.head.head)
    return any(t.lemma_.lower() in TOTAL_WORDS for t in near if t.i != number.i)


def _noun_text(noun: Token) -> str:
    return noun.text if noun.pos_ != "ADJ" else noun.text


def _window_outcome(unit: ParsedUnit, match: CountMatch) -> Outcome | None:
    """A casualty word right after the counted words, for parses that lost the thread
    (title-case headlines, wire text): "3 Dead", "two men killed"."""
    text = unit.doc.text
    view_end = match.end - unit.unit.start
    after = text[view_end : view_end + 60] if 0 <= view_end <= len(text) else ""
    found = _WINDOW_OUTCOME.match(after.strip())
    if not found or _NEGATION.search(found.group(0)):
        return None  # "three customers who weren't injured"
    word = found.group(1).lower()
    return OUTCOME_ADJECTIVES.get(word) or (Outcome.KILLED if word == "died" else None)


def _counted_whole(number: Token, noun: Token) -> Token | None:
    """ "One of two women fatally shot": the counted noun is a whole with its own number."""
    if noun.i == number.i or noun.dep_ != "pobj" or noun.head.head.i != number.i:
        return None
    return noun if any(c.like_num and c.dep_ == "nummod" for c in noun.children) else None


_PARTITIVE_PRONOUNS = frozenset("them whom those these which".split())
_FATAL_SHARE = frozenset(("fatally", "mortally"))
_SEVERITY = frozenset("seriously critically fatally gravely severely badly".split())


def _subset(number: Token, noun: Token) -> bool:
    """A number that picks some of a group named before it: "one of them", "one of whom died",
    "four people, one seriously"."""
    if noun.i != number.i:
        return False
    of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and any(g.dep_ == "pobj" and g.lower_ in _PARTITIVE_PRONOUNS for g in of.children):
        return True
    return any(c.dep_ == "advmod" and c.lower_ in _SEVERITY for c in number.children)


def _among_whole(noun: Token) -> Token | None:
    """ "Six female officers were among 30 Kenyan police officers": the whole's noun."""
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        for child in noun.head.children:
            if child.dep_ == "prep" and child.lower_ in ("among", "including"):
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and any(g.like_num for g in pobj.children):
                    return pobj
    return None


def _part_of_whole(noun: Token) -> bool:
    """The whole in an "among" sentence is itself a figure whose outcome needs inferring, when
    its part is a figure too ("Six officers were among 30 …"); "Smith was among several people
    fighting" says nothing of casualties."""
    if not (noun.dep_ == "pobj" and noun.head.lower_ in ("among", "including")):
        return False
    verb = noun.head.head
    return verb.lemma_ == "be" and any(
        c.dep_ == "nsubj" and (c.like_num or any(g.like_num for g in c.children)) for c in verb.children
    )


def _undetermined(unit: ParsedUnit, sent: SpacySpan) -> list[Draft]:
    """A stated unknown: "the army has not yet confirmed the number of civilian casualties"."""
    drafts = []
    for noun in sent:
        lemma = noun.lemma_.lower()
        if lemma not in OUTCOME_NOUNS or noun.pos_ != "NOUN":
            continue
        verb = _governing_verb(noun)
        if verb is None or verb.lemma_.lower() not in _UNKNOWN_VERBS or not outcomes.negated(verb):
            continue
        category = next(
            (CATEGORY_ADJECTIVES[c.lower_] for c in noun.children if c.lower_ in CATEGORY_ADJECTIVES),
            Category.UNKNOWN,
        )
        # "civilian casualties" is a figure about civilians; "casualties" alone about everyone.
        noun_text = "civilians" if category == Category.CIVILIAN else noun.text
        group = Group(
            noun=noun_text, category=category, role=Role.VICTIM, is_total=category == Category.UNKNOWN
        )
        outcome = OUTCOME_NOUNS[lemma]
        drafts.append(
            Draft(
                outcome=outcome,
                count=None,
                group=group,
                unit=unit,
                sentence=sent,
                anchor=noun,
                evidence=evidence_span(unit, sent),
                confidence=0.7,
                status=Status.UNDETERMINED,
            )
        )
    return drafts


_MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}


def _multiple_shootings(text: str, unit: ParsedUnit, sent: SpacySpan) -> list[Draft]:
    """ "a double shooting", "the triple shooting": that many people shot, whatever the report
    then tells of each of them. Not "double homicide": a count of the dead is left to the
    figures that say so."""
    drafts = []
    for noun in sent:
        if noun.lemma_.lower() not in ("shooting", "shoot") or noun.pos_ != "NOUN":
            continue
        word = next((c for c in noun.children
                     if c.dep_ in ("amod", "compound") and c.lower_ in _MULTIPLES), None)
        if word is None:
            continue
        span = unit.span_of(word, noun)
        n = _MULTIPLES[word.lower_]
        count = Count(as_written=text[span.start:span.end], start=span.start, end=span.end,
                      value=n, low=n, high=n, qualifier=Qualifier.EXACT)
        drafts.append(Draft(outcome=Outcome.CASUALTIES, count=count, group=Group(is_total=True), unit=unit,
                            sentence=sent, anchor=noun, evidence=evidence_span(unit, sent), confidence=0.6))
    return drafts


def _governing_verb(token: Token) -> Token | None:
    for _ in range(4):
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.dep_ == "ROOT":
            return None
    return None


def _speech_for(draft: Draft, speeches: list[Speech]) -> Speech | None:
    """The statement a figure belongs to: the speech verb above it, else the sentence's only one."""
    for speech in speeches:
        if any(a.i == speech.verb.i for a in draft.anchor.ancestors):
            return speech
    outside = [
        s
        for s in speeches
        if s.verb.i not in {t.i for t in draft.anchor.subtree}
        and not (
            s.source.span and draft.count and s.source.span.start <= draft.count.start < s.source.span.end
        )
    ]
    return outside[0] if len(outside) == 1 else None


def _is_orphan_attribution(speech: Speech) -> bool:
    """ "Kenya's Interior Minister Joseph Otieno said." — a speech verb with no content
    of its own, attributing what came right before it."""
    verb = speech.verb
    return verb.lemma_ != "accord" and not any(
        c.dep_ in ("ccomp", "xcomp", "dobj", "advcl") for c in verb.children
    )
