"""Where a report says its events happened: its dateline, and the place names in its sentences.

Two readers, both over `Document.text` itself (so a name wrapped across a line break of wire
text is still one name, and spaCy's entities are not needed — they are scarce in lower-cased
ALL-CAPS wire text):

- `read_dateline`: the dateline opening a report or its first paragraphs — "SAN SALVADOR,
  3 JAN 90 --", "PANAMA CITY (PANAMA), 5 FEB 90", "DAYTON, Ohio —", "HOWARD COUNTY, Ind. (WISH) —",
  "HOUSTON -", "(Cincinnati, OH)--". It names where the story was filed, usually where it
  happened: a prior, not a fact. A wire dateline that labels a city abroad ("MOSCOW (USSR), …")
  over a story about another country is the bureau, not the scene (`filed_abroad`).
- `PlaceScanner`: place names after a locative cue ("in", "near", "outside", ...) or before an
  administrative word ("San Miguel Department", "Bartow County"), "Town, State" pairs, and
  country names and nationality words anywhere. In mixed-case text a candidate must be
  capitalised; in ALL-CAPS text, where nothing marks a proper noun, a town or province counts
  only inside a country the report otherwise names (its dateline, a country or nationality word),
  so "IN ORDER" never becomes a village somewhere; and a small one-word town only in the country
  the story is set in, so "HIS TRIP TO THE U.S. IN EARLY MAY" leaves Early, Texas alone. A wire
  text with no dateline country that names none outright ("CLANDESTINE, …", nationality words
  only) is set in the country most of its cued names lie in (`_country_of_its_towns`).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tollbook.annotate.places import MAJOR_CITY, normalize
from tollbook.model import Place, PlacePrecision

# Words a place name never ends with or consists of (names may hold "de", "la", "of" inside).
_CONNECTORS = {"de", "del", "la", "las", "los", "el", "of", "do", "da", "dos", "san", "santa", "st", "st."}
_STOP = set(
    "a an the this that these those and or but his her their its our my your he she it they we you "
    "who which what where when while after before during since until about above below under over "
    "into onto from with without by for to at in on near as is was were are be been being has have "
    "had not no one two three four five six seven eight nine ten several some many other another "
    "same all each both any front area areas village home house street road highway "
    "morning afternoon evening night today yesterday order part way case time place "
    # agencies: "the Little Rock Police Department" is no department of Police, Poland
    "police sheriff fire health justice corrections "
    # time zones after a clock time ("10:21 AM EST" is no Estonia)
    "est edt cst cdt mst mdt pst pdt akst hst gmt utc".split()
)
_GENERIC = {"city", "town", "capital", "department", "province", "county", "state", "region",
            # Spanish words for a neighbourhood, village or farm before its name ("COLONIA
            # MIRAMONTES" is no Cologne)
            "colonia", "barrio", "caserio", "hacienda", "finca", "reparto", "aldea", "vereda"}
_ADMIN_WORDS = r"(?:department|province|county|parish|state|region|district|municipality|jurisdiction)s?"
_WORD = r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*"
_GAP = r"[ \t]+\n?[ \t]*|\n[ \t]*"  # one space, or a wrapped line
_NAME = rf"{_WORD}(?:(?:{_GAP}){_WORD}){{0,4}}"
_CUE_RE = re.compile(
    rf"(?P<cue>(?i:\b(?:in|near|outside|at|around|from|of|between|and|to)\b))(?:{_GAP})(?:(?i:the)(?:{_GAP}))?"
    rf"(?=(?P<name>{_NAME}))"
)
# "according to the Red Cross" names a source, not a place; "according to Fayetteville police"
# names the place's own police.
_ACCORDING = re.compile(r"(?i)\baccording\s+$")
_LOCAL_AGENCY = re.compile(
    r"(?i)\b(?:police|sheriff\w*|officials?|authorities|county|department|office|prosecutors?|mayor)\b"
)
_THE_AT_END = re.compile(r"(?i)\bthe\s*$")
_TRAILING_ADMIN_WORD = re.compile(rf"(?i)[ \t\n]+{_ADMIN_WORDS}$")
# "in downtown Granada", "in northern Morazan": a part of the place, then its name (tried only
# where the words after the cue name no place themselves: "in West Virginia" is one name).
_PART_CUE_RE = re.compile(
    rf"(?P<cue>(?i:\b(?:in|near|outside|at|from|to)\b))(?:{_GAP})(?:(?i:the)(?:{_GAP}))?"
    rf"(?P<part>(?i:downtown|uptown|central|northern|southern|eastern|western|north|south|east|west|"
    rf"northeastern|northwestern|southeastern|southwestern|rural))(?:{_GAP})(?=(?P<name>{_NAME}))"
)
_AT_WORD = r"(?<![\w'’.-])"  # a name starts a word: the engine gives up at once elsewhere
_ADMIN_RE = re.compile(rf"{_AT_WORD}(?P<name>{_NAME})(?:{_GAP})(?P<word>(?i:{_ADMIN_WORDS}))\b")
_REGION = r"[A-Z][A-Za-z.]*(?:[ \t][A-Z][A-Za-z.]*)?"
_PAIR_RE = re.compile(rf"{_AT_WORD}(?P<town>[A-Z]{_NAME}),[ \t]+(?P<region>{_REGION})\b")
_COUNTRY_WORDS = rf"(?:(?:{_GAP}){_WORD}){{0,2}}))"  # "EL\nSALVADOR" wraps a line
_COUNTRY_WORD_RE = re.compile(rf"{_AT_WORD}(?=(?P<words>{_WORD}{_COUNTRY_WORDS}")
_CAPITALISED_COUNTRY_WORD_RE = re.compile(rf"{_AT_WORD}(?=(?P<words>[A-Z]{_WORD}{_COUNTRY_WORDS}")
_LOCATIVE_BEFORE = re.compile(r"(?i)\b(?:in|to|near|across|throughout|inside|into)\s+(?:the\s+)?$")
# "in Cuzco, Peru": the country after a located town is located too.
_TOWN_BEFORE = re.compile(r"(?i)\b(?:in|near|outside|at)\s+[A-Za-zÀ-ÿ.'’ -]{2,40},\s*$")
# "in the U.S. Congress", "to the Colombian embassy": an institution of the country, not a place in it.
_INSTITUTION_AFTER = re.compile(
    r"(?i)\s+(?:congress|senate|embassy|embassies|consulate|government|administration|"
    r"state\s+department|media|press|army|armed\s+forces|military|navy|air\s+force|president|ambassador)\b"
)
_BORDER_AFTER = re.compile(r"(?i)\s+(?:border|frontier)\b")
_TERRITORY_AFTER = re.compile(r"(?i)\s+(?:territory|soil|waters|airspace)\b")
# "two American citizens", "the U.S. ambassador", "Colombian priests": people of a country.
_PEOPLE_AFTER = re.compile(
    r"(?i)\s+(?:former\s+)?(?:citizens?|nationals?|diplomats?|tourists?|businessm[ae]n|priests?|nuns?|"
    r"missionar(?:y|ies)|journalists?|reporters?|volunteers?|advisers?|advisors?|experts?|officials?|"
    r"ambassadors?|envoys?|consul)\b"
)


def says_who(text: str, mention: PlaceMention) -> bool:
    """Whether a country mention names whose people or institution ("the U.S. ambassador", "two
    American citizens", "the Colombian embassy") rather than where."""
    return bool(mention.place.precision == PlacePrecision.COUNTRY and mention.weight < _LOCATED and (
        _INSTITUTION_AFTER.match(text, mention.end) or _PEOPLE_AFTER.match(text, mention.end)))


def _a_source(text: str, cue: re.Match[str]) -> bool:
    """A name after "according to" that is no local agency: who told, not where."""
    if cue.group("cue").lower() != "to" or not _ACCORDING.search(text, max(0, cue.start() - 12), cue.start()):
        return False
    return not _LOCAL_AGENCY.search(cue.group("name"))


# "IN NORTHERN MORAZAN": a direction, though "Northern" is a province of several countries.
_COMPASS = {"northern", "southern", "eastern", "western", "central"}
# A town votes for its country only if this many people live in it: the hamlets named for English
# words ("PEACE", "WAR", "UNION") would outvote the real towns of ALL-CAPS wire text.
_VOTING_TOWN = 5_000
# The country the cued names vote for must have this many times the votes of the next one.
_CLEAR_LEAD = 1.5
# "Latin America", "Central America", "South Africa's" neighbours: a region, not the country.
_REGION_BEFORE = re.compile(r"(?i)\b(?:latin|central|south|north|east|west|southern|northern)\s+$")

_PAREN = r"(?:[ \t]*\([^()\n]{1,40}\))?"
_DASH = r"[ \t]*(?:—|–|--|-|:)"
_CAPS_NAME = r"[A-Z][A-Z.'’]*(?:[ \t][A-Z][A-Z.'’]*){0,3}"
_DATELINES = (
    # Wire: "SAN SALVADOR, 3 JAN 90 (ACAN-EFE) --", "PANAMA CITY (PANAMA), 5 FEB 90", "CLANDESTINE, NO DATE"
    re.compile(rf"(?P<city>{_CAPS_NAME})(?:[ \t]*\((?P<country>[A-Z][A-Z .'-]{{1,30}})\))?,[ \t]*"
               r"(?:\d{1,2}[ \t]+[A-Z]{3}[A-Z]*[ \t]+\d{2,4}|NO DATE)\b"),
    # US and international news: "DAYTON, Ohio —", "TYRONE, Mo. (AP) —", "HOUSTON -"
    re.compile(rf"(?P<city>{_CAPS_NAME})(?:,[ \t]*(?P<region>[A-Z][A-Za-z.]*(?:[ \t][A-Z][A-Za-z.]*)?))?"
               rf"{_PAREN}{_DASH}"),
    # "(Cincinnati, OH)--"
    re.compile(rf"\((?P<city>{_NAME}),[ \t]*(?P<region>[A-Z][A-Za-z.]*(?:[ \t][A-Z][A-Za-z.]*)?)\){_DASH}"),
)
_CALLED_A_TOWN = re.compile(r"(?i)\b(?:town|city|village|hamlet|port|municipality)\s+of\s+$")
_LABELLED_DATELINE = re.compile(r"[^,(\n]*\([A-Z][A-Z .'-]+\)[ \t]*,")  # "SOFIA (BULGARIA), 12 APR 89"
_DATELINE_REACH = 3  # the dateline opens the text or one of its first few lines


# Country weights: "in Guatemala" says where; "U.S. Congress", "the United States attacked" and
# "Salvadoran troops" say who.
_LOCATED, _NAMED, _NATIONALITY = 1.5, 0.3, 0.2
# A text filed abroad names the country it tells of at least this much (two nationality words, a
# name and a nationality word, or one "in Peru"), and its dateline's country no more than that: a
# wire labels a city abroad, so the label is itself a sign the story is about somewhere else.
_TOLD_OF = 0.4


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    place: Place
    weight: float


# ---------------------------------------------------------------------------------------------
# Datelines


def read_dateline(text: str, line_starts: list[int], gazetteer) -> PlaceMention | None:
    """The dateline at the start of one of the given lines (the first that has one)."""
    for start in line_starts[:_DATELINE_REACH]:
        while start < len(text) and text[start] in " \t\n":
            start += 1
        for pattern in _DATELINES:
            found = pattern.match(text, start)
            if not found:
                continue
            place = _dateline_place(found.groupdict(), gazetteer)
            if place is not None:
                return PlaceMention(found.start(), found.end(), place, 1.0)
    return None


def _dateline_place(groups: dict[str, str | None], gazetteer) -> Place | None:
    city = (groups.get("city") or "").strip().strip(".")
    region = (groups.get("region") or "").strip()
    country_name = (groups.get("country") or "").strip()
    if region:
        state = gazetteer.us_state(region)
        if state:
            return _town_or_county(city, "US", state, gazetteer)
        code = gazetteer.country_code(region)
        if code:
            return gazetteer.find_city(city, country=code) or gazetteer.find_country(region)
        admin = gazetteer.find_admin1(region)
        if admin is not None:
            return gazetteer.lookup(city, country=admin.country, admin1=region) or admin
        return None
    if country_name:
        code = gazetteer.country_code(country_name)
        if code:
            return gazetteer.find_city(city, country=code) or gazetteer.find_country(country_name)
    return gazetteer.lookup(city) if city.lower() not in _STOP else None


def _town_or_county(name: str, country: str, state: str, gazetteer) -> Place | None:
    town = gazetteer.find_city(name, country=country, admin1=state)
    if town is not None:
        return town
    admin = gazetteer.find_admin1(state, country=country)
    if re.search(r"(?i)\b(?:county|parish)$", name) and admin is not None:
        return Place(name=name.title(), admin1=admin.name, country=country, precision=PlacePrecision.ADMIN2)
    return admin


def filed_abroad(text: str, dateline: PlaceMention | None, mentions: list[PlaceMention]) -> str | None:
    """For wire copy filed from a bureau abroad ("MOSCOW (USSR), 9 JUL 89 (TASS) -- PERUVIAN
    GUERRILLAS ..."): the country the text is about, when past its dateline it names another
    country often, and at least as much as the dateline's country or town. None: the dateline
    stands.

    Only a dateline that names a city and its country counts as abroad: a wire labels the cities
    outside its own region so, and a story filed at home seldom names its own country ("BOGOTA,
    6 SEP 89 -- ... THE U.S. EXTRADITION TREATY ..." happened in Colombia); "NO CITY (EL
    SALVADOR)" names no bureau. Only country names, nationality words and the dateline's own
    town are weighed: the towns a scan found were looked up inside the dateline's country, so
    they cannot say it is wrong. The dateline country's own nationality words ("THE MEXICAN
    GOVERNMENT ASKED COLOMBIA …") say who speaks from the bureau's country, not where things
    happened: they weigh nothing for it."""
    if dateline is None or not _LABELLED_DATELINE.match(text, dateline.start, dateline.end):
        return None
    if dateline.place.precision == PlacePrecision.COUNTRY:
        return None  # "NO CITY (EL SALVADOR), …": a country, but no bureau in a city abroad
    home = dateline.place.country
    weights = _by_country(
        m for m in mentions
        if (m.place.precision == PlacePrecision.COUNTRY or m.place == dateline.place)
        and not dateline.start <= m.start < dateline.end
        and not (m.place.country == home and m.weight <= _NATIONALITY)
    )
    if not weights or home is None:
        return None
    country, weight = weights.most_common(1)[0]
    if country == home or weight < _TOLD_OF or weights[home] > weight:
        return None
    return country


# ---------------------------------------------------------------------------------------------
# Place names in sentences


class PlaceScanner:
    """Place names in a report's text, read once, then looked up by offset range."""

    def __init__(self, text: str, gazetteer, prior_country: str | None = None) -> None:
        self.text = text
        self.gazetteer = gazetteer
        self.upper = _mostly_upper(text)
        self._plain_words: frozenset[str] | None = None  # words the text writes in lower case
        countries = self._countries()
        if self.upper and prior_country is None and not self._outright(countries):
            # "COSTA RICAN PRESIDENT", "U.S. ADVISERS" say who: the towns say where.
            # Only nationality words that say where count: "COSTA RICAN PRESIDENT" says who.
            prior_country = self._country_of_its_towns(
                {m.place.country for m in countries if not says_who(self.text, m)})
        self.countries = self._settings(countries, prior_country)
        # The country the story is set in: its dateline's, else the one it names most (in
        # ALL-CAPS wire text, among those it names outright: see `_settings`).
        self.home = prior_country or _most_named(self._outright(countries)) or _most_named(countries)
        self.mentions = sorted(countries + self._named_places(), key=lambda m: m.start)

    def _settings(self, countries: list[PlaceMention], prior: str | None) -> set[str]:
        """The countries whose towns the text may name. In ALL-CAPS wire text with a dateline, a
        nationality word or a dotted abbreviation ("SALVADORAN ARMY", "U.S. EMBASSY") says who,
        not where: its country's towns count only when the text names the country outright or
        sets something in it ("IN THE U.S."), or else every street or word that is a town of it
        somewhere ("SAN ANTONIO AVENUE", "UNIVERSITY") would count."""
        if self.upper and prior:
            return {m.place.country for m in self._outright(countries)} | {prior}
        if self.upper and self._outright(countries):
            # No dateline country ("CLANDESTINE, 13 JAN 90 (RADIO …)"): "U.S. CONGRESS" and
            # "SALVADORAN PEOPLE" say who; the countries named outright say where.
            return {m.place.country for m in self._outright(countries)}
        return {m.place.country for m in countries} | ({prior} - {None})

    def _country_of_its_towns(self, peoples: set[str | None]) -> str | None:
        """For wire text that names no country outright and has no dateline country ("CLANDESTINE,
        6 APR 90 (RADIO …)"): the country that has most of the places it names after a cue or
        before an administrative word, with at least two votes and `_CLEAR_LEAD` times those of
        any other. Each name votes for every country that has a province of that name or a town
        of `_VOTING_TOWN` people ("SAN MIGUEL" is a town of a dozen countries: the other names
        decide), half a vote for a small town of one word (see `_town_votes`); a province called
        one ("MORAZAN DEPARTMENT") has two, so it decides alone.
        Each country of the text's nationality words (`peoples`: "COSTA RICAN PRESIDENT") has
        one vote: they say who, so the towns can overrule them, but only clearly. (Words are towns
        somewhere too: "SAN LUIS" yields a Luis; a lone town decides nothing.)"""
        votes: Counter = Counter(country for country in peoples if country)
        for weights in self._cued_names().values():
            votes.update(weights)
        ranked = votes.most_common(2)
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] * _CLEAR_LEAD > ranked[0][1]):
            return None
        return ranked[0][0]

    def _cued_names(self) -> dict[str, dict[str, float]]:
        """Each distinct cued name: the countries it may lie in, with its vote for each."""
        names: dict[str, dict[str, float]] = {}
        told: Counter = Counter()
        for pattern in (_ADMIN_RE, _CUE_RE):
            for match in pattern.finditer(self.text):
                if pattern is _CUE_RE and _a_source(self.text, match):
                    continue
                found = self._countries_of_name(match.group("name").split(), admin=pattern is _ADMIN_RE)
                if found is None or (pattern is _CUE_RE and self._after_the(match, found[0])):
                    continue
                told[found[0]] += 1
                if sum(found[1].values()) > sum(names.get(found[0], {}).values()):
                    names[found[0]] = found[1]
        # A town of one country only, named again and again ("in Soyapango ... the area of
        # Soyapango"), says where as surely as two towns do.
        return {name: ({country: 2.0 for country in votes} if told[name] > 1 and len(votes) == 1 else votes)
                for name, votes in names.items()}

    def _after_the(self, cue: re.Match[str], name: str) -> bool:
        """A small town of one word after "the" ("TO THE OAS", "AT THE UCA"): an organisation or a
        common noun far more often than a town, which English names without the article."""
        return (" " not in name and bool(_THE_AT_END.search(cue.group(0)))
                and not self.gazetteer.countries_of(name, towns_of_at_least=MAJOR_CITY))

    def _countries_of_name(self, words: list[str], *, admin: bool) -> tuple[str, dict[str, float]] | None:
        """The first phrase of a cued name that is a province or a town somewhere (before an
        administrative word, a province first), keyed without its administrative word so "IN LA
        PAZ DEPARTMENT" and "LA PAZ DEPARTMENT" are one name."""
        phrases = [phrase for _candidate, phrase in self._candidates(words, admin=admin)
                   if phrase.lower() not in _COMPASS and not self.gazetteer.country_code(phrase)]
        if admin:
            for phrase in phrases:
                countries = self.gazetteer.countries_of(phrase, towns_of_at_least=None)
                if countries:
                    return _name_key(phrase), dict.fromkeys(countries, 2.0)
        for phrase in phrases:
            countries = self.gazetteer.countries_of(phrase, towns_of_at_least=_VOTING_TOWN)
            if countries:
                return _name_key(phrase), self._town_votes(phrase, countries)
        return None

    def _town_votes(self, phrase: str, countries: frozenset[str]) -> dict[str, float]:
        """A vote for each country with a town of that name; half a vote where it is a small
        town of one word, more often a word than the scene ("TO BED", "HE RAN")."""
        if " " in phrase:
            return dict.fromkeys(countries, 1.0)
        cities = self.gazetteer.countries_of(phrase, towns_of_at_least=MAJOR_CITY)
        return {country: 1.0 if country in cities else 0.5 for country in countries}

    def _outright(self, countries: list[PlaceMention]) -> list[PlaceMention]:
        if not self.upper:
            return countries
        return [m for m in countries if self._names_outright(m)]

    def _names_outright(self, mention: PlaceMention) -> bool:
        written = self.text[mention.start:mention.end]
        dotted = "." in written.rstrip(".")
        return mention.weight >= _LOCATED or (mention.weight >= _NAMED and not dotted)

    def within(self, start: int, end: int) -> list[PlaceMention]:
        return [m for m in self.mentions if start <= m.start < end]

    def town_named(self, phrase: str, start: int) -> Place | None:
        """The place a name at this offset is by the scan's own rules, as if a cue stood before
        it (an item of a list of towns has none: `extract.town_lists`)."""
        words = phrase.split()
        return self._place(" ".join(words), admin=False, start=start) if self._nameable(words) else None

    # -- countries and nationality words, anywhere

    def _countries(self) -> list[PlaceMention]:
        found, taken = [], -1
        pattern = _COUNTRY_WORD_RE if self.upper else _CAPITALISED_COUNTRY_WORD_RE
        for match in pattern.finditer(self.text):
            start = match.start()
            if start < taken:
                continue
            # Each word with the offset it ends at: a name may wrap a line.
            words = [(w.group(), start + w.end()) for w in re.finditer(r"\S+", match.group("words"))]
            for size in range(len(words), 0, -1):
                written = " ".join(word for word, _end in words[:size])
                phrase = _without_stop(written.rstrip(",;:"))
                if not self._country_like(phrase, start):
                    continue
                place, weight = self._country(phrase)
                if place is not None:
                    end = words[size - 1][1] - (len(written) - len(phrase))
                    if weight == _NATIONALITY and _BORDER_AFTER.match(self.text, end):
                        break  # "near the Colombian border" is on this side of it: neither who nor where
                    if weight == _NAMED and self._located_at(start, end, phrase):
                        weight = _LOCATED
                    elif weight == _NATIONALITY and _TERRITORY_AFTER.match(self.text, end):
                        weight = _LOCATED  # "inside Salvadoran territory", "in Nicaraguan waters" say where
                    found.append(PlaceMention(start, end, place, weight))
                    taken = end
                    break
        return found

    def _located_at(self, start: int, end: int, phrase: str) -> bool:
        """"in Peru", or "in Cuzco, Peru" (but "in Burke County, Georgia" names a state, and
        "in the U.S. Congress" an institution)."""
        if _INSTITUTION_AFTER.match(self.text, end):
            return False
        if _LOCATIVE_BEFORE.search(self.text, max(0, start - 20), start):
            return True
        after_town = _TOWN_BEFORE.search(self.text, max(0, start - 50), start)
        return bool(after_town) and not self.gazetteer.us_state(phrase)

    def _country(self, phrase: str) -> tuple[Place | None, float]:
        place = self.gazetteer.find_country(phrase)
        if place is not None:
            return place, _NAMED
        capital_of = self.gazetteer.country_of_capital_named_for_it(phrase)
        if capital_of is not None:
            # "San Salvador" names El Salvador as "Guatemala City" names Guatemala.
            return capital_of, _NAMED
        code = self.gazetteer.country_code(phrase)
        name = self.gazetteer.country_name(code) if code else None
        return (self.gazetteer.find_country(name), _NATIONALITY) if name else (None, 0.0)

    def _country_like(self, phrase: str, start: int) -> bool:
        letters = "".join(c for c in phrase if c.isalpha())  # "AND--" is the word "and", no Andorra
        if not self._proper(phrase) or phrase.lower() in _STOP or len(letters) < 2:
            return False
        short_form = letters.isupper() and ("." in phrase.rstrip(".") or not self.upper)
        if len(letters) <= 3 and not short_form:
            return False  # "COL", "PER", "AND", "Ind.": words, codes or a state, not countries
        return not _REGION_BEFORE.search(self.text, max(0, start - 12), start)

    # -- towns and provinces after a cue, before an administrative word, or as "Town, State"

    def _named_places(self) -> list[PlaceMention]:
        found: dict[int, PlaceMention] = {}
        for match in _PAIR_RE.finditer(self.text):
            mention = self._pair(match)
            if mention is not None:
                found[mention.start] = mention
        for pattern in (_ADMIN_RE, _CUE_RE):
            for match in pattern.finditer(self.text):
                if pattern is _CUE_RE and _a_source(self.text, match):
                    continue
                name, start = match.group("name"), match.start("name")
                # "a man of Fontaine", "the mayor of Achi": often a home town, not the scene.
                share = 0.5 if pattern is _CUE_RE and match.group("cue").lower() == "of" else 1.0
                word = match.group("word").lower().rstrip("s") if pattern is _ADMIN_RE else ""
                mention = self._longest_name(name, start, admin=pattern is _ADMIN_RE, word=word)
                if mention is not None and mention.start not in found:
                    found[mention.start] = dataclasses.replace(mention, weight=mention.weight * share)
        for match in _PART_CUE_RE.finditer(self.text):
            if match.start("part") in found:
                continue
            mention = self._longest_name(match.group("name"), match.start("name"), admin=False)
            if mention is not None and mention.start not in found:
                found[mention.start] = mention
        return list(found.values())

    def _pair(self, match: re.Match[str]) -> PlaceMention | None:
        region = match.group("region")
        state = self.gazetteer.us_state(region) if not self.upper else None
        if not state:
            return None
        words = match.group("town").split()
        for size in range(min(3, len(words)), 0, -1):
            name = " ".join(words[-size:])
            if not self._proper(name):
                continue
            town = _town_or_county(name, "US", state, self.gazetteer)
            if town is not None and town.precision != PlacePrecision.ADMIN1:
                start = match.end("town") - len(name)
                return PlaceMention(start, match.end(), town, 3.0)
        return None

    def _longest_name(self, name: str, start: int, *, admin: bool, word: str = "") -> PlaceMention | None:
        candidates = list(self._candidates(name.split(), admin=admin))
        if admin:
            # Before an administrative word a province of any length comes first: in "San Salvador
            # Department", "Salvador" is also another name of the capital.
            candidates.sort(key=lambda item: self._province(item[1]) is None)
        for candidate, phrase in candidates:
            offset = start + name.index(candidate[0]) if admin else start
            place = self._place(phrase, admin=admin, word=word, start=offset)
            if place is not None:
                weight = 2.0 if place.precision == PlacePrecision.POINT else 1.0
                return PlaceMention(offset, offset + len(phrase), place, weight)
        return None

    def _candidates(self, words: list[str], *, admin: bool) -> Iterator[tuple[list[str], str]]:
        """The nameable phrases a cued name may be, longest first; before an administrative word
        the name ends at it, so its last words are tried, shortest first."""
        if admin:
            candidates = [words[-size:] for size in range(1, min(4, len(words)) + 1)]
        else:
            candidates = [words[:size] for size in range(min(4, len(words)), 0, -1)]
        for candidate in candidates:
            if self._nameable(candidate):
                yield candidate, " ".join(candidate).rstrip(".,;:")

    def _place(self, phrase: str, *, admin: bool, word: str = "", start: int = 0) -> Place | None:
        hint = next(iter(self.countries)) if len(self.countries) == 1 else None
        place = None
        if word in ("county", "parish") and not self.upper:
            # A county is no town of its name ("Greene County" is not Greene, New York).
            return Place(name=f"{phrase} {word.title()}", country=hint, precision=PlacePrecision.ADMIN2)
        if admin:
            place = self._province(phrase)
        place = place or self.gazetteer.lookup(phrase, country=hint)
        if place is None or place.precision == PlacePrecision.COUNTRY:
            return None  # countries are read by `_countries`, wherever they stand
        if self.upper and not self._capital(place, phrase) and not self._may_be_town_of(place, phrase, start):
            return None
        return place

    def _province(self, phrase: str) -> Place | None:
        """A province of that name inside a country the text may name (any country if none)."""
        for country in sorted(self.countries) or [None]:
            place = self.gazetteer.find_admin1(phrase, country=country)
            if place is not None:
                return place
        return None

    def _may_be_town_of(self, place: Place, phrase: str, start: int) -> bool:
        """In ALL-CAPS text: a town counts inside a country the text names outright. Outside the
        country the story is set in ("THE UNITED STATES SAID", "HIS TRIP TO THE U.S."), a small
        town of one word is more often a common word or a name ("IN EARLY NOVEMBER", "THE
        SECRETARY", "THE MURDER OF HECTOR") than the scene: it must be a city, or be called a
        town ("THE PERUVIAN TOWN OF YUNGAY")."""
        if place.country not in self.countries:
            return False
        if place.country == self.home or place.precision != PlacePrecision.POINT or " " in phrase:
            return True
        if _CALLED_A_TOWN.search(self.text, max(0, start - 20), start):
            return True
        return self.gazetteer.is_major_city(phrase, country=place.country)

    def _capital(self, place: Place, phrase: str) -> bool:
        """A national capital called by its name: named often enough, and unambiguous enough, to
        need no other cue. (Not by another name of it: "PLAYA AVENUE" is no Oranjestad.)"""
        capital = self.gazetteer.capital(place.country) if place.country else None
        called_so = normalize(phrase) == normalize(place.name)
        return capital is not None and capital.name == place.name and called_so

    def common_word(self, name: str) -> bool:
        """A one-word name the text also writes in lower case is a word, not a place ("The
        Council Bluffs Police Department", "Police said …" name no Police, Poland). ALL-CAPS
        text cannot tell."""
        name = name.strip().strip(".,;:")
        if self.upper or " " in name:
            return False
        if self._plain_words is None:
            self._plain_words = lower_case_words(self.text)
        return name.lower() in self._plain_words

    def _nameable(self, words: list[str]) -> bool:
        first, last = words[0].lower(), words[-1].lower().strip(".,")
        if first in _STOP or last in _STOP or last in _CONNECTORS or first in _GENERIC:
            return False
        if len(words) == 1 and (len(first) < 3 or self.common_word(words[0])):
            return False
        return self._proper(" ".join(w for w in words if w.lower() not in _CONNECTORS))

    def _proper(self, phrase: str) -> bool:
        """Capitalised words in mixed-case text; anything in ALL-CAPS text."""
        return self.upper or all(word[:1].isupper() for word in phrase.split())


def lower_case_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case: a capitalised one of them ("Police said") is a
    word at the start of a sentence, not a name."""
    return frozenset(re.findall(r"\b[a-z]+\b", text))


def _by_country(mentions: Iterable[PlaceMention]) -> Counter:
    """The summed weight of the mentions of each country (mentions with no country left out)."""
    weights: Counter = Counter()
    for mention in mentions:
        if mention.place.country:
            weights[mention.place.country] += mention.weight
    return weights


def _most_named(countries: list[PlaceMention]) -> str | None:
    weights = _by_country(countries)
    return weights.most_common(1)[0][0] if weights else None


def _name_key(phrase: str) -> str:
    """A name's key without its administrative word ("LA PAZ DEPARTMENT" → "la paz")."""
    return normalize(_TRAILING_ADMIN_WORD.sub("", phrase))


def _without_stop(phrase: str) -> str:
    """A name without the full stop ending its sentence ("Peru." → "Peru"; "U.S." keeps its dots)."""
    return phrase[:-1] if phrase.endswith(".") and "." not in phrase[:-1] else phrase


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text[:3000] if c.isalpha()]
    return len(letters) >= 20 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
