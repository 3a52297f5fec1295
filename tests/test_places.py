"""The offline gazetteer: names, nationalities, ambiguity policy and the index cache."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from unittest import mock

import pytest

from tollbook.annotate import places
from tollbook.annotate.places import Gazetteer, gazetteer, load_index, normalize
from tollbook.model import PlacePrecision


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


# ---------------------------------------------------------------- keys


@pytest.mark.parametrize(
    "written, key",
    [
        ("Caracas", "caracas"),
        ("CARACAS", "caracas"),
        ("Cuba's", "cuba"),
        ("Cuba\u2019s", "cuba"),
        ("the U.S.", "us"),
        ("U.S.A.", "usa"),
        ("São Paulo", "sao paulo"),
        ("Guinea-Bissau", "guinea bissau"),
        ("Washington, D.C.", "washington dc"),
        ("Côte d'Ivoire", "cote divoire"),
        ("  El   Salvador ", "el salvador"),
        ("Theresienstadt", "theresienstadt"),  # "the" is dropped only as a word
    ],
)
def test_normalize(written, key):
    assert normalize(written) == key


@pytest.mark.parametrize(
    "country, demonym",
    [("Venezuela", "Venezuelan"), ("Peru", "Peruvian"), ("Mexico", "Mexican"), ("Ukraine", "Ukrainian"),
     ("Pakistan", "Pakistani"), ("Iraq", "Iraqi"), ("Haiti", "Haitian"), ("Italy", "Italian"),
     ("Jordan", "Jordanian")],
)  # fmt: skip
def test_generated_demonyms(country, demonym):
    assert places._generated_demonyms(country) == [demonym]


# ---------------------------------------------------------------- countries and nationalities


@pytest.mark.parametrize(
    "name, code",
    [
        ("Venezuela", "VE"), ("the United States", "US"), ("United States", "US"), ("U.S.", "US"),
        ("US", "US"), ("USA", "US"), ("America", "US"), ("UK", "GB"), ("Britain", "GB"),
        ("EL SALVADOR", "SV"), ("Cuba's", "CU"), ("Ivory Coast", "CI"), ("Côte d'Ivoire", "CI"),
        ("Russia", "RU"), ("Syria", "SY"), ("South Korea", "KR"), ("North Korea", "KP"), ("Burma", "MM"),
        ("Kosovo", "XK"), ("Turkey", "TR"), ("Democratic Republic of the Congo", "CD"), ("DRC", "CD"),
        ("Venezuelan", "VE"), ("VENEZUELANS", "VE"), ("Cuban", "CU"), ("American", "US"),
        ("Americans", "US"), ("Salvadoran", "SV"), ("SALVADORAN", "SV"), ("Salvadorean", "SV"),
        ("Colombian", "CO"), ("Peruvian", "PE"), ("Guatemalan", "GT"), ("Israeli", "IL"),
        ("Israelis", "IL"), ("Palestinian", "PS"), ("Ukrainian", "UA"), ("Russian", "RU"),
        ("Syrian", "SY"), ("Nigerian", "NG"), ("Nigerien", "NE"), ("Mexican", "MX"),
        ("Chinese", "CN"), ("French", "FR"), ("Filipino", "PH"), ("Afghan", "AF"), ("Somali", "SO"),
        ("Kenyan", "KE"), ("Sudanese", "SD"), ("South Sudanese", "SS"), ("Ethiopian", "ET"),
        ("Haitian", "HT"), ("Lebanese", "LB"), ("Yemeni", "YE"), ("Iraqi", "IQ"), ("Iranian", "IR"),
        ("British", "GB"), ("Scottish", "GB"), ("Gaza", "PS"), ("Dominican", "DO"),
    ],
)  # fmt: skip
def test_country_code(gaz, name, code):
    assert gaz.country_code(name) == code


@pytest.mark.parametrize("name", ["Atlantis", "", "   ", "Venezuelanish", "soldiers", "the", "Washington"])
def test_country_code_unknown(gaz, name):
    assert gaz.country_code(name) is None


@pytest.mark.parametrize(
    "code, name, numeric",
    [("VE", "Venezuela", 862), ("ve", "Venezuela", 862), ("VEN", "Venezuela", 862),
     ("US", "United States", 840), ("SV", "El Salvador", 222), ("XK", "Kosovo", None),
     ("ZZ", None, None), ("", None, None)],
)  # fmt: skip
def test_country_name_and_numeric(gaz, code, name, numeric):
    assert gaz.country_name(code) == name
    assert gaz.numeric_code(code) == numeric


def test_find_country(gaz):
    place = gaz.find_country("Venezuela")
    assert (place.country, place.precision) == ("VE", PlacePrecision.COUNTRY)
    assert 0 < place.lat < 13 and -74 < place.lon < -59  # inside Venezuela's bounding box
    assert gaz.find_country("Venezuelan") is None  # a nationality is not a place
    assert gaz.find_country("Caracas") is None


def test_a_name_without_its_article_is_no_country(gaz):
    # English writes El Salvador with its article; "Salvador" alone is a city of Brazil, or a name.
    assert gaz.find_country("El Salvador").country == "SV"
    assert gaz.find_country("Salvador") is None
    assert gaz.lookup("Salvador").country == "BR"
    assert gaz.find_country("Gambia").country == "GM"  # a name that needs no article keeps it


@pytest.mark.parametrize(("name", "country"), [
    ("San Salvador", "SV"), ("SAN SALVADOR", "SV"),
    ("Guatemala City", None),  # read by the country's name in it
    ("Lima", None), ("Salvador", None), ("El Salvador", None),
])
def test_a_capital_that_bears_its_countrys_name(gaz, name, country):
    place = gaz.country_of_capital_named_for_it(name)
    assert (place.country if place else None) == country


def test_capital(gaz):
    assert (gaz.capital("VE").name, gaz.capital("VE").country) == ("Caracas", "VE")
    assert gaz.capital("US").admin1 == "District of Columbia"
    assert gaz.capital("ZZ") is None


# ---------------------------------------------------------------- towns and provinces


@pytest.mark.parametrize(
    "name, country, admin1",
    [("Caracas", "VE", "Distrito Capital"), ("caracas", "VE", "Distrito Capital"), ("Havana", "CU", None),
     ("San Salvador", "SV", None), ("SAN SALVADOR", "SV", None), ("Paris", "FR", None),
     ("Bogota", "CO", None), ("Kiev", "UA", None), ("Dayton", "US", "Ohio"), ("Maiduguri", "NG", "Borno")],
)  # fmt: skip
def test_find_city(gaz, name, country, admin1):
    place = gaz.find_city(name)
    assert place.country == country and place.precision == PlacePrecision.POINT
    assert place.lat is not None and place.lon is not None
    if admin1:
        assert place.admin1 == admin1


def test_caracas_coordinates(gaz):
    place = gaz.find_city("Caracas")
    assert abs(place.lat - 10.49) < 0.1 and abs(place.lon + 66.88) < 0.1


@pytest.mark.parametrize(
    "hints, country, admin1",
    [({"admin1": "IL"}, "US", "Illinois"), ({"admin1": "MO"}, "US", "Missouri"),
     ({"admin1": "Ill."}, "US", "Illinois"), ({"admin1": "Massachusetts"}, "US", "Massachusetts"),
     ({"country": "US", "admin1": "Ohio"}, "US", "Ohio")],
)  # fmt: skip
def test_springfield_by_state(gaz, hints, country, admin1):
    place = gaz.find_city("Springfield", **hints)
    assert (place.country, place.admin1) == (country, admin1)


@pytest.mark.parametrize(
    "name, hints",
    [("Caracas", {"country": "US"}), ("Springfield", {"admin1": "Nowhere"}), ("Paris", {"country": "ZZ"}),
     ("Nowhereville", {}), ("", {})],
)  # fmt: skip
def test_find_city_filters_are_strict(gaz, name, hints):
    assert gaz.find_city(name, **hints) is None


def test_paris_texas_only_with_a_hint(gaz):
    assert gaz.find_city("Paris").country == "FR"
    texas = gaz.find_city("Paris", country="US")
    assert (texas.country, texas.admin1) == ("US", "Texas")
    assert gaz.find_city("Paris", country="United States").admin1 == "Texas"


@pytest.mark.parametrize(
    "name, country, admin1",
    [("Ohio", None, "Ohio"), ("OH", None, "Ohio"), ("Mich.", None, "Michigan"),
     ("Calif.", None, "California"), ("Pa.", None, "Pennsylvania"), ("Georgia", None, "Georgia"),
     ("Borno State", "NG", "Borno"),
     ("Idlib province", None, "Idlib"), ("Distrito Capital", "VE", "Distrito Capital"),
     ("Helmand", None, "Helmand")],
)  # fmt: skip
def test_find_admin1(gaz, name, country, admin1):
    place = gaz.find_admin1(name, country=country)
    assert place.name == admin1 and place.precision == PlacePrecision.ADMIN1
    assert place.lat is not None


def test_find_admin1_country_filter(gaz):
    assert gaz.find_admin1("Ohio", country="VE") is None
    assert gaz.find_admin1("Atlantis") is None
    ohio = gaz.find_admin1("Ohio")
    assert 38 < ohio.lat < 42 and -85 < ohio.lon < -80  # centroid inside the state


@pytest.mark.parametrize(
    "written, code",
    [("Michigan", "MI"), ("MI", "MI"), ("mi", "MI"), ("Mich.", "MI"), ("Calif.", "CA"), ("Pa.", "PA"),
     ("N.Y.", "NY"), ("Washington", "WA"), ("District of Columbia", "DC"), ("Ontario", None),
     ("Texas", "TX"), ("Atlantis", None)],
)  # fmt: skip
def test_us_state(gaz, written, code):
    assert gaz.us_state(written) == code


# ---------------------------------------------------------------- the ambiguity policy


@pytest.mark.parametrize(
    "name, hints, precision, country, place_name",
    [
        ("Caracas", {}, "point", "VE", "Caracas"),
        ("Havana", {}, "point", "CU", "Havana"),
        ("Georgia", {}, "country", "GE", "Georgia"),
        ("Georgia", {"country": "US"}, "admin1", "US", "Georgia"),
        ("Georgia", {"country": "GE"}, "country", "GE", "Georgia"),
        ("Jordan", {}, "country", "JO", "Jordan"),
        ("Chad", {}, "country", "TD", "Chad"),
        ("Mexico", {}, "country", "MX", "Mexico"),
        ("Washington", {}, "point", "US", "Washington"),
        ("Washington state", {}, "admin1", "US", "Washington"),
        ("Florida", {}, "admin1", "US", "Florida"),
        ("Florida", {"country": "CU"}, "point", "CU", "Florida"),
        ("New York", {}, "point", "US", "New York City"),
        ("Paris", {}, "point", "FR", "Paris"),
        ("Paris", {"country": "US"}, "point", "US", "Paris"),
        ("San Salvador", {}, "point", "SV", "San Salvador"),
        ("Lebanon", {}, "country", "LB", "Lebanon"),
        ("Lebanon", {"country": "US"}, "point", "US", "Lebanon"),
        ("Venezuela", {"country": "US"}, "country", "VE", "Venezuela"),  # a hint prefers, never empties
        ("Helmand", {}, "admin1", "AF", "Helmand"),
        ("Cuba's", {}, "country", "CU", "Cuba"),
    ],
)
def test_lookup_policy(gaz, name, hints, precision, country, place_name):
    place = gaz.lookup(name, **hints)
    assert (place.precision, place.country, place.name) == (precision, country, place_name)


def test_lookup_admin1_hint(gaz):
    assert gaz.lookup("Springfield", admin1="IL").admin1 == "Illinois"
    assert gaz.lookup("Springfield", admin1="MO").admin1 == "Missouri"
    assert gaz.lookup("Springfield", admin1="Atlantis").country == "US"  # unknown hint: ignored


@pytest.mark.parametrize("name", ["Nowhereville", "Qwertyuiop", "", "the"])
def test_lookup_unknown(gaz, name):
    assert gaz.lookup(name) is None


def test_process_wide_instance():
    assert gazetteer() is gazetteer()


# ---------------------------------------------------------------- the index file and its cache

# A made-up world small enough to build in a blink: two towns share a name, one has an alias.
TINY_COUNTRIES = (
    {"VE": ("Venezuela", 862, "Testville"), "US": ("United States", 840, None)},
    {"venezuela": "VE", "united states": "US"},
    {"venezuelan": "VE"},
)
TINY_PROVINCES = [
    ("VE", "Distrito Capital", "VE-A", "VE.25", ()),
    ("US", "Ohio", "US-OH", "US.OH", ("Buckeye State",)),
]
TINY_TOWNS = {
    "1": {"name": "Testville", "alternatenames": ["Old Testville", "TVL"], "latitude": 10.5,
          "longitude": -66.9, "population": 250_000, "countrycode": "VE", "admin1code": "25"},
    "2": {"name": "Testville", "alternatenames": [], "latitude": 40.0, "longitude": -82.0,
          "population": 900, "countrycode": "US", "admin1code": "OH"},
    "3": {"name": "Ohio", "alternatenames": [], "latitude": 40.2, "longitude": -82.2,
          "population": 600, "countrycode": "US", "admin1code": "OH"},
    "4": {"name": "Nowhere", "alternatenames": [], "latitude": 0.0, "longitude": 0.0,
          "population": 10_000, "countrycode": "ZZ", "admin1code": "00"},  # unknown country: left out
}  # fmt: skip


def _tiny_build() -> places.Index:
    with mock.patch.multiple(
        places,
        _country_tables=lambda: TINY_COUNTRIES,
        _admin1_sources=lambda: iter(TINY_PROVINCES),
        _load_cities=lambda: (500, TINY_TOWNS),
    ):
        return places.build_index()


class Builds:
    """A build function that counts its calls."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> places.Index:
        self.count += 1
        return _tiny_build()


def _never_build() -> places.Index:
    raise AssertionError("the cached index should have been read")


@pytest.fixture(scope="module")
def tiny_image() -> bytes:
    return _tiny_build().image()


def _answers(index: places.Index) -> list:
    """What a tiny index says, through the public API only."""
    tiny = Gazetteer(index)
    places_found = [
        tiny.lookup("Testville"), tiny.lookup("TESTVILLE", country="US"), tiny.lookup("Old Testville"),
        tiny.lookup("TVL"), tiny.lookup("Ohio"), tiny.lookup("Buckeye State"), tiny.find_city("Nowhere"),
        tiny.find_city("Testville", admin1="OH"), tiny.find_admin1("Distrito Capital"),
    ]  # fmt: skip
    described = [(p.name, p.country, p.admin1, p.precision) if p else None for p in places_found]
    return [*described, tiny.country_code("Venezuelan"), tiny.country_name("VEN"), tiny.us_state("Ohio"),
            tiny.capital("VE").lat, tiny.city_set]  # fmt: skip


TINY_ANSWERS = [
    ("Testville", "VE", "Distrito Capital", "point"),
    ("Testville", "US", "Ohio", "point"),
    ("Testville", "VE", "Distrito Capital", "point"),  # an alternate name
    None,  # short upper-case alternates (airport codes) are not keys
    ("Ohio", "US", "Ohio", "admin1"),  # the state beats a small town of its name
    ("Ohio", "US", "Ohio", "admin1"),
    None,
    ("Testville", "US", "Ohio", "point"),
    ("Distrito Capital", "VE", "Distrito Capital", "admin1"),
    "VE", "Venezuela", "OH", 10.5, 500,
]  # fmt: skip


def test_tiny_index_answers_like_the_real_one():
    assert _answers(_tiny_build()) == TINY_ANSWERS


def test_tiny_index_centroids():
    ohio = Gazetteer(_tiny_build()).find_admin1("Ohio")
    assert (ohio.lat, ohio.lon) == (pytest.approx(40.1), pytest.approx(-82.1))


def test_cache_written_then_read(tmp_path):
    path = tmp_path / "nested" / "index.sqlite"
    builds = Builds()
    assert _answers(load_index(path, build=builds)) == TINY_ANSWERS
    assert builds.count == 1
    assert path.exists() and not [p for p in path.parent.iterdir() if p != path]  # no temp left over
    assert _answers(load_index(path, build=_never_build)) == TINY_ANSWERS


def _with_format(image: bytes, value) -> bytes:
    database = sqlite3.connect(":memory:")
    database.deserialize(image)
    database.execute("UPDATE meta SET value = ? WHERE key = 'format'", (value,))
    database.commit()
    return database.serialize()


def _without_table(image: bytes, statement: str) -> bytes:
    database = sqlite3.connect(":memory:")
    database.deserialize(image)
    database.execute(statement)
    database.commit()
    return database.serialize()


def _foreign_database() -> bytes:
    database = sqlite3.connect(":memory:")
    database.execute("CREATE TABLE notes (text TEXT)")
    database.commit()
    return database.serialize()


@pytest.mark.parametrize(
    "damage",
    [
        lambda image: b"",
        lambda image: b"not a database",
        lambda image: pickle.dumps({"format": 1, "countries": {}}),  # the older pickled cache
        lambda image: image[: len(image) // 2],  # truncated on a page boundary
        lambda image: image[:-100],
        lambda image: image + b"\0" * 4096,  # grown by a page: not what the header says
        lambda image: b"\0" * 100 + image[100:],  # header wiped
        lambda image: _with_format(image, 1),
        lambda image: _with_format(image, "2"),  # right number, wrong type
        lambda image: _without_table(image, "DELETE FROM meta WHERE key = 'countries'"),
        lambda image: _foreign_database(),
    ],
    ids=["empty", "text", "old-pickle", "half", "short", "grown", "no-header", "format-1", "format-str",
         "no-countries", "foreign-db"],
)  # fmt: skip
def test_cache_rebuilt_when_unreadable(tmp_path, tiny_image, damage):
    path = tmp_path / "index.sqlite"
    path.write_bytes(damage(tiny_image))
    builds = Builds()
    assert _answers(load_index(path, build=builds)) == TINY_ANSWERS
    assert builds.count == 1
    assert path.read_bytes() == tiny_image  # the damaged file was replaced
    assert _answers(load_index(path, build=_never_build)) == TINY_ANSWERS


def test_cache_in_unwritable_place_still_works(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    index = load_index(blocker / "index.sqlite", build=_tiny_build)
    assert _answers(index) == TINY_ANSWERS
    with ThreadPoolExecutor(4) as pool:  # each thread reads its own copy of the in-memory index
        assert all(a == TINY_ANSWERS for a in pool.map(lambda _: _answers(index), range(8)))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_cache_location_follows_env_and_versions(tmp_path, monkeypatch):
    monkeypatch.setenv("TOLLBOOK_CACHE", str(tmp_path))
    path = places.cache_path()
    assert path.parent == tmp_path and path.name.startswith("gazetteer-") and path.suffix == ".sqlite"
    monkeypatch.setattr(places, "_installed_version", lambda package: "0.0-other")
    assert places.cache_path() != path


def test_cache_location_follows_format(monkeypatch):
    path = places.cache_path()
    monkeypatch.setattr(places, "INDEX_FORMAT", places.INDEX_FORMAT + 1)
    assert places.cache_path() != path


def test_open_reader_survives_a_replaced_file(tmp_path):
    path = tmp_path / "index.sqlite"
    reader = load_index(path, build=_tiny_build)
    junk = tmp_path / "junk"
    junk.write_bytes(b"not a database")
    os.replace(junk, path)  # what a concurrent rebuild does, here with a broken file
    assert _answers(reader) == TINY_ANSWERS  # still reading the file it opened
    builds = Builds()
    load_index(path, build=builds)
    assert builds.count == 1


def test_concurrent_threads_share_one_index(tmp_path):
    index = load_index(tmp_path / "index.sqlite", build=_tiny_build)
    tiny = Gazetteer(index)
    with ThreadPoolExecutor(8) as pool:
        found = list(pool.map(lambda name: tiny.find_city(name, country="US"), ["Testville", "Ohio"] * 200))
    assert {(p.name, p.country) for p in found} == {("Testville", "US"), ("Ohio", "US")}
    assert _answers(index) == TINY_ANSWERS


def _load_and_answer(path: str, results) -> None:
    index = load_index(Path(path), build=_tiny_build)
    results.put([_answers(index) for _ in range(20)][-1])


def test_concurrent_processes_build_and_read(tmp_path):
    """Several processes find no index at once: each builds, all renames land, every reader is fine."""
    fork = multiprocessing.get_context("fork")
    results = fork.Queue()
    path = tmp_path / "index.sqlite"
    workers = [fork.Process(target=_load_and_answer, args=(str(path), results)) for _ in range(4)]
    workers += [fork.Process(target=_load_and_answer, args=(str(path), results)) for _ in range(2)]
    for worker in workers[:4]:
        worker.start()
    for worker in workers[4:]:  # late readers, likely finding a finished file
        worker.start()
    answers = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert [w.exitcode for w in workers] == [0] * len(workers)
    assert answers == [TINY_ANSWERS] * len(workers)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind
    assert _answers(load_index(path, build=_never_build)) == TINY_ANSWERS


def _answer_in_child(gazetteer_: Gazetteer, results) -> None:
    place = gazetteer_.find_city("Ohio")  # not asked before the fork: a query, not a memory
    results.put((place.admin1, gazetteer_._index._local.pid == os.getpid()))


def test_forked_worker_opens_its_own_connection(tmp_path):
    tiny = Gazetteer(load_index(tmp_path / "index.sqlite", build=_tiny_build))
    assert tiny.find_city("Testville").country == "VE"  # the parent's connection is open
    fork = multiprocessing.get_context("fork")
    results = fork.Queue()
    child = fork.Process(target=_answer_in_child, args=(tiny, results))
    child.start()
    assert results.get(timeout=60) == ("Ohio", True)
    child.join(timeout=60)
    assert child.exitcode == 0


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # an agency is no place: "Police Department" names no department of Police, Poland
        ("The Little Rock Police Department said a man was shot and killed Tuesday.", None),
        # a word the story also writes in lower case is a word
        ("Police said a man was shot and killed. The police chief spoke later.", None),
        # a time zone after a clock time is no country ("EST" is no Estonia)
        ("Posted 10:21 AM EST. A man was shot and killed Tuesday.", None),
        # near miss: a town named after a cue still places the shooting
        ("A man was shot and killed Tuesday in Little Rock, Arkansas.", "Little Rock"),
    ],
)
def test_words_that_look_like_places_in_web_stories(text, place):
    from tollbook.pipeline import extract_text

    event = extract_text(text, published="2015-06-24").events[0]
    assert event.place.name == place


def test_countries_of_a_name(gaz):
    # every country with a town of that name (of at least so many people) or a province of it
    assert {"SV", "PH", "US"} <= gaz.countries_of("San Miguel", towns_of_at_least=5000)
    assert "US" not in gaz.countries_of("Peace", towns_of_at_least=5000)  # a hamlet: too small
    assert gaz.countries_of("San Miguel", towns_of_at_least=None) == {"SV"}  # provinces only
