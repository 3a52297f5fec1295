"""People named in a report: one record per person, with spellings, titles and nationalities as written.

Mentions are PERSON entities, grouped by surname with accents and case folded ("Jose Peña",
"José Peña" and "Peña" are one person). A title is the run of title words written right before a
name ("Kenya's Interior Minister Joseph Otieno", "Police Chief Ana Ruiz").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan

from tollbook.annotate.parsed import Parsed, ParsedUnit
from tollbook.model import Person, Span, Title

TITLE_WORDS = frozenset(
    "president minister director secretary general gen. colonel col. major lieutenant lt. captain "
    "capt. sergeant sgt. officer spokesman spokeswoman spokesperson chief commander governor mayor "
    "senator rep. representative sheriff deputy detective inspector superintendent prosecutor "
    "attorney judge ambassador king queen prince leader premier chancellor envoy head coroner "
    "pastor rev. dr. professor prof. trooper agent".split()
)
_TITLE_MODIFIERS = frozenset(
    "interim acting former deputy vice prime foreign defense defence interior "
    "police state army military national".split()
)


def fold(text: str) -> str:
    """Lower case without accents or possessive: the key people are grouped by."""
    text = text.replace("’", "'").removesuffix("'s").removesuffix("'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


@dataclass
class _Draft:
    names: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    nationalities: list[Title] = field(default_factory=list)


def find_people(parsed: Parsed, country_code) -> list[Person]:
    """Every person named in the units, in order of first mention."""
    drafts: dict[str, _Draft] = {}
    for unit in parsed:
        for ent in unit.doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = _clean_name(ent)
            if not name:
                continue
            draft = drafts.setdefault(_key(name, drafts), _Draft())
            draft.names.append(name)
            first, last = ent[0], _last_name_token(ent)
            draft.mentions.append(unit.span_of(first, last))
            title = _title_before(unit, ent)
            if title:
                draft.titles.append(title)
                nationality = _nationality_in(unit, title, country_code)
                if nationality:
                    draft.nationalities.append(nationality)
    return [_person(d) for d in drafts.values()]


def _clean_name(ent: SpacySpan) -> str:
    text = ent.text.strip().replace("’s", "").replace("'s", "")
    words = [w for w in text.split() if w.lower().rstrip(".") not in TITLE_WORDS]
    return " ".join(words)


def _last_name_token(ent: SpacySpan):
    last = ent[-1]
    if last.text in ("’s", "'s") and len(ent) > 1:
        return ent[-2]
    return last


def _key(name: str, drafts: dict[str, _Draft]) -> str:
    """The surname key, joining a lone surname or first-name variant to a fuller name seen before."""
    words = fold(name).split()
    surname = words[-1]
    for key, draft in drafts.items():
        known = {w for n in draft.names for w in fold(n).split()}
        if surname == key or (len(words) == 1 and words[0] in known):
            return key
    return surname


def _title_before(unit: ParsedUnit, ent: SpacySpan) -> Title | None:
    """The title words written right before a name, e.g. "Kenya's Interior Minister"."""
    doc = unit.doc
    i = ent.start - 1
    first = None
    has_title_word = False
    while i >= 0:
        tok = doc[i]
        lower = tok.text.lower()
        if lower in TITLE_WORDS:
            has_title_word = True
        elif not (
            lower in _TITLE_MODIFIERS
            or tok.ent_type_ in ("GPE", "NORP", "ORG")
            or tok.text in ("’s", "'s")
            or (tok.is_title and tok.pos_ == "PROPN")
        ):
            break
        first = tok
        i -= 1
    if first is None or not has_title_word:
        return None
    last = doc[ent.start - 1]
    return Title(text=doc[first.i : ent.start].text, span=unit.span_of(first, last))


def _nationality_in(unit: ParsedUnit, title: Title, country_code) -> Title | None:
    """The country word inside a title ("US" in "US President")."""
    for tok in unit.doc:
        start = unit.start_of(tok)
        if title.span.start <= start < title.span.end and tok.ent_type_ in ("GPE", "NORP"):
            word = tok.text
            if country_code(word):
                return Title(text=word, span=unit.span_of(tok))
    return None


def _person(draft: _Draft) -> Person:
    full = max(draft.names, key=lambda n: (len(n.split()), any(ord(c) > 127 for c in n)))
    variants = list(dict.fromkeys(draft.names))
    return Person(
        name=full,
        variants=variants,
        titles=draft.titles,
        nationalities=draft.nationalities,
        mentions=draft.mentions,
    )


def person_by_name(people: list[Person], name: str) -> Person | None:
    key = fold(name).split()
    if not key:
        return None
    for person in people:
        if any(fold(v).split()[-1:] == key[-1:] for v in person.variants):
            return person
    return None


def person_by_title(people: list[Person], title: str) -> Person | None:
    """The person a bare title refers to ("the defense minister" → the one so titled)."""
    wanted = fold(title).removeprefix("the ").strip()
    for person in people:
        if any(fold(t.text).endswith(wanted) for t in person.titles):
            return person
    return None
