"""The offline gazetteer: names, nationalities, ambiguity policy and the index cache."""

from __future__ import annotations

import pickle

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


# ---------------------------------------------------------------- the cache


def _tiny_index() -> dict:
    return {"format": places.INDEX_FORMAT, "marker": "built"}


def _never_build() -> dict:
    raise AssertionError("the cached index should have been read")


def test_cache_written_then_read(tmp_path):
    path = tmp_path / "nested" / "index.pickle"
    assert load_index(path, build=_tiny_index)["marker"] == "built"
    assert path.exists() and not [p for p in path.parent.iterdir() if p != path]  # no temp left over
    assert load_index(path, build=_never_build)["marker"] == "built"


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle", pickle.dumps({"format": -1}), pickle.dumps([1, 2, 3]), pickle.dumps({})[:-3]],
)
def test_cache_rebuilt_when_unreadable(tmp_path, content):
    path = tmp_path / "index.pickle"
    path.write_bytes(content)
    assert load_index(path, build=_tiny_index)["marker"] == "built"
    assert pickle.loads(path.read_bytes())["marker"] == "built"


def test_cache_in_unwritable_place_still_works(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    assert load_index(blocker / "index.pickle", build=_tiny_index)["marker"] == "built"


def test_cache_location_follows_env_and_versions(tmp_path, monkeypatch):
    monkeypatch.setenv("TOLLBOOK_CACHE", str(tmp_path))
    path = places.cache_path()
    assert path.parent == tmp_path and path.name.startswith("gazetteer-")
    monkeypatch.setattr(places, "_installed_version", lambda package: "0.0-other")
    assert places.cache_path() != path
