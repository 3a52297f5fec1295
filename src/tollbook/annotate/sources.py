"""Attribution: who a sentence's figures come from.

A speaker is the subject of a speech verb ("Kenya's interior ministry says …", "…, police
said.") or the object of "according to". A bare title ("the defense minister") or surname
("Otieno") resolves to the person named in full elsewhere in the report; "he" / "she" to the last
named speaker. Sentence-final and paragraph-carried attribution are applied by the claim stage,
which knows the order of figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from tollbook.annotate.parsed import ParsedUnit
from tollbook.annotate.people import TITLE_WORDS, person_by_name, person_by_title
from tollbook.extract.lexicon import SOURCE_KINDS, SPEECH_VERBS
from tollbook.model import Person, Source, SourceKind

_KIND_WORDS = {word: SourceKind(kind) for kind, words in SOURCE_KINDS.items() for word in words.split()}
_PRONOUNS = frozenset("he she they it".split())
_CUT_DEPS = frozenset("relcl acl advcl punct cc".split())


@dataclass
class Speech:
    verb: Token
    source: Source


class SourceFinder:
    def __init__(self, people: list[Person]) -> None:
        self.people = people
        self.last_person: Source | None = None
        self.organisations: list[str] = []

    def speeches(self, unit: ParsedUnit, sent: SpacySpan) -> list[Speech]:
        """Every attributed statement in a sentence, in order."""
        found = []
        for tok in sent:
            speaker = None
            if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX"):
                speaker = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if speaker is not None and speaker.dep_ == "nsubjpass" and tok.lemma_ != "quote":
                    speaker = next(
                        (
                            c.children.__next__()
                            for c in tok.children
                            if c.dep_ == "agent" and list(c.children)
                        ),
                        None,
                    )
            elif tok.lower_ == "according":
                to = next((c for c in tok.children if c.lower_ == "to"), None)
                speaker = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if speaker is not None:
                source = self._source(unit, speaker)
                if source is not None:
                    found.append(Speech(verb=tok, source=source))
        return found

    def _source(self, unit: ParsedUnit, head: Token) -> Source | None:
        if head.lower_ in _PRONOUNS:
            return self.last_person if head.lower_ in ("he", "she") else None
        tokens = _noun_phrase(head)
        if not tokens or all(t.is_punct for t in tokens):
            return None
        span = unit.span_of(tokens[0], tokens[-1])
        text = unit.doc[tokens[0].i : tokens[-1].i + 1].text
        person = self._person_in(tokens, text)
        if person is not None:
            title = person.titles[-1].text if person.titles else None
            source = Source(
                name=person.name,
                title=title,
                organisation=None,
                kind=SourceKind.OFFICIAL if title else SourceKind.WITNESS,
                span=span,
            )
            self.last_person = source
            return source
        organisation = self._earlier_organisation(text) or _strip_determiner(text)
        self.organisations.append(organisation)
        return Source(
            name=None, title=None, organisation=organisation, kind=_kind_of(organisation), span=span
        )

    def _earlier_organisation(self, text: str) -> str | None:
        """ "the group said" after "A local rights group put …": the same organisation."""
        words = text.lower().split()
        if len(words) != 2 or words[0] != "the":
            return None
        return next((o for o in reversed(self.organisations) if o.lower().endswith(words[1])), None)

    def _person_in(self, tokens: list[Token], text: str) -> Person | None:
        for tok in reversed(tokens):  # the name nearest the verb is the speaker's
            if tok.ent_type_ == "PERSON" and tok.is_alpha:
                person = person_by_name(self.people, tok.text)
                if person is not None and any(_last(v) == _last(tok.text) for v in person.variants):
                    return person
        head = tokens[-1].lower_
        if head in TITLE_WORDS:
            return person_by_title(self.people, text)
        return None


def _last(name: str) -> str:
    from tollbook.annotate.people import fold

    return fold(name).split()[-1] if fold(name) else ""


def _noun_phrase(head: Token) -> list[Token]:
    """The speaker's words: the head and its modifiers, without relative clauses or quotes."""
    keep = []

    def walk(tok: Token) -> None:
        keep.append(tok)
        for child in tok.children:
            if child.dep_ not in _CUT_DEPS and child.dep_ != "appos" and not child.is_quote:
                walk(child)

    walk(head)
    keep.sort(key=lambda t: t.i)
    breaks = [i for i, t in enumerate(keep) if "\n" in t.text]
    if breaks:  # a glue point inside the subject: the speaker is the part next to the verb
        return keep[breaks[-1] + 1 :]
    # Keep one contiguous run around the head: a parse can attach far-away words.
    return [t for t in keep if abs(t.i - head.i) <= 8]


def _strip_determiner(text: str) -> str:
    for det in ("the ", "a ", "an ", "The ", "A ", "An "):
        if text.startswith(det):
            return text[len(det) :]
    return text


def _kind_of(organisation: str) -> SourceKind:
    words = organisation.lower().replace("’s", "").replace("'s", "").split()
    for word in reversed(words):
        if word in _KIND_WORDS:
            return _KIND_WORDS[word]
    return SourceKind.ORGANISATION
