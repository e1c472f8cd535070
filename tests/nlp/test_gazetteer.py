from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy

from kronika.errors import ConfigError, RuleError
from kronika.nlp.gazetteer import Gazetteer, load_gazetteer, name_key, read_gazetteer
from kronika.settings import Settings


def test_load_gazetteer_reads_the_builtin_domain(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.places) >= 120
    assert len(gazetteer.organizations) >= 60
    assert len(gazetteer.people) >= 30


def test_load_gazetteer_is_cached_per_domains() -> None:
    assert load_gazetteer(Settings()) is load_gazetteer(Settings())


@pytest.mark.parametrize(
    "name,type,canonical",
    [
        ("IS", "ORG", "Islamic State"),
        ("ISIS", "ORG", "Islamic State"),
        ("ISIL", "ORG", "Islamic State"),
        ("Daesh", "ORG", "Islamic State"),
        ("islamic state", "ORG", "Islamic State"),
        ("IRPT", "ORG", "Islamic Renaissance Party of Tajikistan"),
        ("Islamic Revival Party of Tajikistan", "ORG", "Islamic Renaissance Party of Tajikistan"),
        ("Party of Islamic Revival", "ORG", "Islamic Renaissance Party of Tajikistan"),
        ("GKNB", "ORG", "State Committee for National Security"),
        ("Tajik Interior Ministry", "ORG", "Interior Ministry"),
        ("Rakhmon", "PERSON", "Emomali Rahmon"),
        ("Gulmorod Khalimov", "PERSON", "Gulmurod Halimov"),
        ("Umarali Kuvvatov", "PERSON", "Umarali Quvvatov"),
        ("Mukhiddin Kabiri", "PERSON", "Muhiddin Kabiri"),
        ("Ziyoyev", "PERSON", "Mirzo Ziyoev"),
        ("Mirziyoev", "PERSON", "Shavkat Mirziyoyev"),
        ("Kabodiyon", "LOC", "Qubodiyon"),
        ("Sogd", "GPE", "Sughd"),
        ("Душанбе", "LOC", "Dushanbe"),
    ],
)
def test_canonical_maps_aliases_to_the_curated_name(
    gazetteer: Gazetteer, name: str, type: str, canonical: str
) -> None:
    assert gazetteer.canonical(name, type) == canonical


@pytest.mark.parametrize(
    "name,type", [("Umar Mirzoyev", "PERSON"), ("IRPT", "PERSON"), ("Daesh", "DATE")]
)
def test_canonical_gives_none_for_unknown_names_or_types(
    gazetteer: Gazetteer, name: str, type: str
) -> None:
    assert gazetteer.canonical(name, type) is None


@pytest.mark.parametrize(
    "text,key",
    [("Tajikistan's", "tajikistans"), ("The Taliban", "taliban"), ("Душанбе", "dushanbe")],
)
def test_name_key_folds_case_script_and_punctuation(text: str, key: str) -> None:
    assert name_key(text) == key


def _find(patterns: list[dict[str, Any]], pattern: Any) -> dict[str, Any]:
    return next(p for p in patterns if p["pattern"] == pattern)


def test_ruler_patterns_use_spacy_labels_and_canonical_ids(gazetteer: Gazetteer) -> None:
    patterns = gazetteer.ruler_patterns()
    assert _find(patterns, "Qubodiyon") == {
        "label": "GPE",
        "id": "Qubodiyon",
        "pattern": "Qubodiyon",
    }
    assert _find(patterns, "Group 24")["label"] == "ORG"
    assert _find(patterns, "Daesh")["id"] == "Islamic State"
    assert _find(patterns, "Gulmorod Khalimov")["label"] == "PERSON"
    assert _find(patterns, "al-Hol")["label"] == "FAC"
    assert _find(patterns, "Fergana Valley")["label"] == "LOC"


def test_ruler_patterns_match_short_acronyms_only_upper_case_mid_sentence(
    gazetteer: Gazetteer,
) -> None:
    patterns = gazetteer.ruler_patterns()
    assert _find(patterns, [{"ORTH": "IS", "IS_SENT_START": False}])["id"] == "Islamic State"
    assert not any(p["pattern"] in ("IS", "is", "Is") for p in patterns)


@pytest.mark.parametrize(
    "text,name",
    [
        ("fighters of the islamic state", "Islamic State"),
        # a hyphen written as a space, or a space as a hyphen
        ("a Jaish e Mohammed cell", "Jaish-e-Mohammed"),
        ("the al Shabaab group", "al-Shabaab"),
        ("Jamaat Nusrat al-Islam wal Muslimin claimed it", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("the Hizb-ut-Tahrir movement", "Hizb ut-Tahrir"),
        # hyphens where the name has them, in another capitalisation
        ("Al-Qaida in the Islamic Maghreb claimed it", "al-Qaeda in the Islamic Maghreb"),
    ],
)
def test_ruler_patterns_match_other_capitals_and_hyphens(text: str, name: str) -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(load_gazetteer(Settings()).ruler_patterns())  # type: ignore[attr-defined]
    assert [ent.ent_id_ for ent in nlp(text).ents] == [name]


def test_ruler_patterns_are_unique(gazetteer: Gazetteer) -> None:
    keys = [repr((p["label"], p["pattern"])) for p in gazetteer.ruler_patterns()]
    assert len(keys) == len(set(keys))


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "domain.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text,message",
    [
        ("places:\n  - {name: X, kind: planet}\n", "places[0].kind: unknown kind 'planet'"),
        ("places:\n  - {kind: city}\n", "places[0].name: is missing"),
        ("places:\n  - {name: X, kind: city, lat: 123}\n", "places[0].lat: must be a number"),
        ("places:\n  - {name: X, kind: city, variants: Y}\n", "places[0].variants: must be a list"),
        (
            "places:\n  - {name: X, kind: city, colour: red}\n",
            "places[0].colour: is not a known key",
        ),
        ("organizations:\n  - {name: A}\n  - just a name\n", "organizations[1]: must be a mapping"),
        ("people: {name: A}\n", "people: must be a list"),
        ("aliases:\n  - {canonical: A, type: THING}\n", "aliases[0].type: unknown type 'THING'"),
        ("planets: []\n", "planets: is not a known section"),
        ("places: [\n", "cannot read"),
    ],
)
def test_read_gazetteer_names_file_key_path_and_fix(
    tmp_path: Path, text: str, message: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(RuleError) as caught:
        read_gazetteer([path])
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)
    assert str(caught.value).rstrip().endswith(".")


def test_load_gazetteer_adds_user_domain_dirs(tmp_path: Path) -> None:
    _write(tmp_path, "organizations:\n  - {name: Example Front, aliases: [EXF]}\n")
    gazetteer = load_gazetteer(Settings(domain_dirs=(str(tmp_path),)))
    assert gazetteer.canonical("EXF", "ORG") == "Example Front"
    assert gazetteer.canonical("ISIS", "ORG") == "Islamic State"


def test_load_gazetteer_rejects_unknown_domain() -> None:
    with pytest.raises(
        ConfigError, match="unknown domain 'atlantis'; known: armed_groups, central_asia"
    ):
        load_gazetteer(Settings(domains=("atlantis",)))


def test_load_gazetteer_rejects_missing_domain_dir(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is not a directory"):
        load_gazetteer(Settings(domain_dirs=(str(tmp_path / "missing"),)))


def test_region_admin1_defaults_to_itself(tmp_path: Path) -> None:
    path = _write(tmp_path, "places:\n  - {name: North, kind: region, country: Testland}\n")
    place = read_gazetteer([path]).place("north")
    assert place is not None and place.admin1 == "North"
