"""Places a report lists together: "attacked public buildings in Aldeia, Porto Baixo, Vale Seco
and Monte Alto", "destroyed pylons in La Libertad and Cabanas departments", "murdered three
peasants in A, two in B and three in C".

ACLED codes one event per place and day, so an act told of several listed places is several
events (`extract.events` makes one act per listed town or province). A gazetteer knows only the
larger towns of a list; the others are towns all the same, because a list names things of one
sort. So a list after a locative cue whose items are short names, one of them a known town,
yields every item as a town of that town's country; and a name a list has shown to be a town is
a town wherever else the report names it after a cue ("in Vale Seco and Monte Alto the rebels
burned two schools").

An item is a known town when the place scan takes it for one as if a cue stood before it (only a
list's first item stands after a cue). A list counts only when it is closed like one (its last
item after "and" or "or") and every item is a name: no stop word, no number, at most four
words, each ending at a comma, the conjunction or the end of the clause. Unknown items are taken
only from lists of three or more, or lists called towns ("the towns of A and B"): "in Lima and
fled" is no list of two towns. "Between A and B" is a stretch of road, not two places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tollbook.extract.event_places import PlaceMention, PlaceScanner
from tollbook.model import Place, PlacePrecision

_NOT_A_NAME = (
    "a an the this that these those his her their its our and or but who which what where when while "
    "after before during since until about into from with without by for to at in on near as is was "
    "were are be been has have had not no one two three four five six seven eight nine ten several "
    "some many other another all each both same today yesterday tonight tomorrow morning afternoon "
    "evening night last where of area areas zone part outskirts"
).split()
_STOP = rf"(?i:{'|'.join(_NOT_A_NAME)})\b"
_WORD = rf"(?!{_STOP})[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’-]*"
_GAP = r"[ \t]+\n?[ \t]*|\n[ \t]*"
_ITEM = rf"{_WORD}(?:(?:{_GAP}){_WORD}){{0,3}}"
_COMMA = rf"[ \t]*,(?:{_GAP})"
_AND = rf"(?:,)?(?:{_GAP})(?i:and|or)(?:{_GAP})"
_CALLED = r"(?i:the(?:[ \t\n]+)(?:towns?|villages?|cities|municipalities|hamlets)[ \t\n]+of)[ \t\n]+"
# A cue, optionally "the towns of", then "A, B, ... and Z", ending where a clause may go on.
_LIST = re.compile(
    rf"(?:\b(?P<called>{_CALLED})|\b(?i:in|near|at|of)(?:{_GAP})(?:(?i:the)(?:{_GAP}))?)"
    rf"(?P<items>{_ITEM}(?:{_COMMA}{_ITEM})*{_AND}{_ITEM})"
    rf"(?=[ \t]*[,.;:)\n]|[ \t]+{_STOP}|[ \t]*$)"
)
_SPLIT = re.compile(rf"{_AND}|{_COMMA}")
_NAMES = rf"(?P<items>{_ITEM}(?:{_COMMA}{_ITEM})*(?:{_AND}{_ITEM})?)"
_SETTLEMENT = r"(?P<word>(?i:villages?|cantons?|hamlets?|settlements?))"
# "in Zancudo village", "near the La Noria and La Pena cantons" (but not "the village of": below).
_SETTLEMENT_AFTER = re.compile(
    rf"\b(?i:in|near|at|from|to)(?:{_GAP})(?:(?i:the)(?:{_GAP}))?{_NAMES}(?:{_GAP}){_SETTLEMENT}\b"
    rf"(?![ \t\n]+(?i:of)\b)"
)
# "the village of Santa Cruz", "the hamlets of A and B".
_SETTLEMENT_BEFORE = re.compile(
    rf"\b{_SETTLEMENT}(?:{_GAP})(?i:of)(?:{_GAP}){_NAMES}"
    rf"(?=[ \t]*[,.;:)\n]|[ \t]+{_STOP}|[ \t]*$)"
)
_TOWN = (PlacePrecision.POINT, PlacePrecision.ADMIN2)


def listed_towns(text: str, scanner: PlaceScanner) -> list[PlaceMention]:
    """Mentions of the towns lists name that the scan lacks: each item of a list that holds a
    known town, then every later cued mention of such a name."""
    taken = {m.start for m in scanner.mentions}
    found: dict[int, PlaceMention] = {}
    names: dict[str, Place] = {}
    for match, items in _lists(text, 0, len(text)):
        if not all(_named(item, upper=scanner.upper) for _, item in items):
            continue
        known = {start: _town(scanner, item, start) for start, item in items}
        countries = {place.country for place in known.values() if place is not None}
        if len(countries) != 1:
            continue
        country = countries.pop()
        guess = len(items) >= 3 or bool(match.group("called"))
        for start, item in items:
            place = known[start]
            if place is None and guess:
                place = Place(name=_written(item, upper=scanner.upper), country=country,
                              precision=PlacePrecision.POINT)
                names.setdefault(_key(item), place)
            if place is not None:
                found[start] = PlaceMention(start, start + len(item), place, 2.0)
    for start, item in _called_settlements(text):
        country = scanner.home or (next(iter(scanner.countries)) if len(scanner.countries) == 1 else None)
        if country and start not in taken and _named(item, upper=scanner.upper):
            place = names.setdefault(_key(item), Place(name=_written(item, upper=scanner.upper),
                                                       country=country, precision=PlacePrecision.POINT))
            found.setdefault(start, PlaceMention(start, start + len(item), place, 2.0))
    for name, place in names.items():
        for start, end in _cued(text, name):
            found.setdefault(start, PlaceMention(start, end, place, 2.0))
    return sorted((m for m in found.values() if m.start not in taken), key=lambda m: m.start)


def _called_settlements(text: str) -> Iterable[tuple[int, str]]:
    """(start, name) of the places a report calls villages, cantons or hamlets: "in Zancudo
    village", "the La Noria and La Pena cantons", "the village of Santa Cruz". (Not
    neighbourhoods: ACLED places an event in its town, not in a quarter of it.)"""
    for pattern in (_SETTLEMENT_AFTER, _SETTLEMENT_BEFORE):
        for match in pattern.finditer(text):
            items = _items(text, match)
            if len(items) == 1 or match.group("word").lower().endswith("s") or pattern is _SETTLEMENT_BEFORE:
                yield from items


def _town(scanner: PlaceScanner, item: str, start: int) -> Place | None:
    place = scanner.town_named(item, start)
    return place if place is not None and place.precision in _TOWN and place.country else None


def _key(name: str) -> str:
    return " ".join(name.split()).lower()


def list_items(text: str, start: int, end: int) -> list[set[int]]:
    """For each list of names inside text[start:end], the offsets its items start at."""
    lists = [items for _, items in _lists(text, start, end)]
    lists += [_items(text, match) for match in _SETTLEMENT_AFTER.finditer(text, start, end)]
    return [{offset for offset, _ in items} for items in lists if len(items) >= 2]


# "murdered three peasants in A, two in B and three in C": a count before each place.
_SHARED_OUT = re.compile(
    r"(?i)\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|\w+ others?)\s+(?:in|at)\s+$"
)


def shared_out(text: str, start: int) -> bool:
    """Whether the place named at `start` stands after a count of its own ("two in B")."""
    return bool(_SHARED_OUT.search(text, max(0, start - 24), start))


def _lists(text: str, start: int, end: int) -> Iterable[tuple[re.Match[str], list[tuple[int, str]]]]:
    for match in _LIST.finditer(text, start, end):
        yield match, _items(text, match)


def _items(text: str, match: re.Match[str]) -> list[tuple[int, str]]:
    """(start, text) of each item of a matched list."""
    items, position = [], match.start("items")
    for separator in _SPLIT.finditer(text, position, match.end("items")):
        items.append((position, text[position:separator.start()]))
        position = separator.end()
    items.append((position, text[position:match.end("items")]))
    return items


def _named(item: str, *, upper: bool) -> bool:
    return upper or all(word[:1].isupper() for word in item.split())


def _written(item: str, *, upper: bool) -> str:
    name = " ".join(item.split())
    return name.title() if upper else name


def _cued(text: str, name: str) -> Iterable[tuple[int, int]]:
    """Where a name stands as a whole word after a cue or inside a list ("in A and B")."""
    words = r"(?:" + r")(?:[ \t]+\n?[ \t]*|\n[ \t]*)(?:".join(map(re.escape, name.split())) + r")"
    pattern = re.compile(rf"(?i)\b(?:in|near|at|of|and|or|,)[ \t\n]+(?P<name>{words})\b")
    for match in pattern.finditer(text):
        yield match.start("name"), match.end("name")
