"""Findings about people: one person given clashing offices or nationalities."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import combinations

from tollbook.check.base import CheckContext, finding, rule
from tollbook.model import Finding, Person, Severity, Title

# ---------------------------------------------------------------- people

CountryLookup = Callable[[str], str | None]
WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+)*\.?")  # keeps "U.S." in one piece
NOT_OFFICE = {"the", "of", "a", "an", "s"}  # "s": the possessive of "Chile’s President"


@rule("conflicting_title")
def conflicting_title(context: CheckContext) -> list[Finding]:
    """One person given the same office in different countries, or different nationalities."""
    lookup = country_lookup()
    if lookup is None:
        return []
    findings = []
    for person in context.extraction.people:
        findings.extend(_title_conflicts(person, lookup))
        findings.extend(_nationality_conflicts(person, lookup))
    return findings


def _title_conflicts(person: Person, lookup: CountryLookup) -> list[Finding]:
    by_office: dict[frozenset[str], dict[str, list[Title]]] = {}
    for title in person.titles:
        countries, office = read_title(title.text, lookup)
        if office and len(countries) == 1:
            by_office.setdefault(office, {}).setdefault(next(iter(countries)), []).append(title)
    findings = []
    for by_country in by_office.values():
        if len(by_country) > 1:
            titles = [t for group in by_country.values() for t in group]
            written = " and ".join(f"'{group[0].text}'" for group in by_country.values())
            findings.append(_person_finding(person, titles, f"{person.name} is called {written}"))
    return findings


def _nationality_conflicts(person: Person, lookup: CountryLookup) -> list[Finding]:
    readings = [(n, read_title(n.text, lookup)[0]) for n in person.nationalities]
    readings = [(n, codes) for n, codes in readings if codes]
    clashing: dict[int, Title] = {}
    for (first, codes_a), (second, codes_b) in combinations(readings, 2):
        if not codes_a & codes_b:
            clashing.update({id(first): first, id(second): second})
    if not clashing:
        return []
    titles = sorted(clashing.values(), key=lambda t: t.span.start)
    written = " and ".join(dict.fromkeys(f"'{t.text}'" for t in titles))
    return [_person_finding(person, titles, f"{person.name} is described as {written}")]


def _person_finding(person: Person, titles: list[Title], said: str) -> Finding:
    message = f"{said}, which cannot both be right; check which one the report means."
    spans = [t.span for t in sorted(titles, key=lambda t: t.span.start)]
    return finding("conflicting_title", Severity.WARNING, message, spans)


def read_title(text: str, lookup: CountryLookup) -> tuple[set[str], frozenset[str]]:
    """Split a title as written into the countries it names and its office words."""
    words = WORD.findall(text)
    countries: set[str] = set()
    office: list[str] = []
    n = 0
    while n < len(words):
        for width in (3, 2, 1):  # longest first: "United States" before "United"
            code = country_of(" ".join(words[n : n + width]), lookup) if n + width <= len(words) else None
            if code:
                countries.add(code)
                n += width
                break
        else:
            if words[n].lower() not in NOT_OFFICE:
                office.append(words[n].lower())
            n += 1
    return countries, frozenset(office)


def country_of(words: str, lookup: CountryLookup) -> str | None:
    """The country a phrase names, as a name or a nationality word ("Venezuelan", "U.S.")."""
    if not words[:1].isupper():  # country names and demonyms are capitalised; "us" is a pronoun
        return None
    return lookup(words)


def country_lookup() -> CountryLookup | None:
    """The gazetteer's country-name lookup, or None where the places module is unavailable."""
    try:
        from tollbook.annotate.places import gazetteer
    except ImportError:
        return None
    return gazetteer().country_code
