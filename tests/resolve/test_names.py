"""Name keys and the person/organization scorer, on the region's real spelling variants."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kronika.resolve.aliases import load_aliases
from kronika.resolve.names import compare_names, compare_orgs, compare_people, translit_key
from kronika.settings import Settings

PAIRS = Path(__file__).parent / "name_pairs.jsonl"


@pytest.fixture(scope="module")
def canonical():  # type: ignore[no-untyped-def]
    return load_aliases(Settings()).canonical


@pytest.mark.parametrize(
    "a,b",
    [
        ("Khalimov", "Halimov"),
        ("Quvvatov", "Kuvatov"),
        ("Ziyoyev", "Ziyoev"),
        ("Maqsoud", "Maksud"),
        ("Гулмурод Халимов", "Gulmurod Halimov"),
    ],
)
def test_translit_key_folds_letter_variants(a: str, b: str) -> None:
    assert translit_key(a) == translit_key(b)


@pytest.mark.parametrize(
    "a,b",
    [
        ("Kabiri Muhiddin", "Muhiddin Kabiri"),
        ("Gulmurod Halimov", "Gulmurad Halimov"),
        ("Umarali Quvvatov", "Umarali Quvatov"),
        ("Mirzo Ziyoev", "Mirzo Ziyoyev"),
        ("Buzurgmekhr Yorov", "Buzurgmkhar Yorov"),
        ("Islam Karimov", "Islom Karimov"),
    ],
)
def test_compare_people_matches_transliterations(a: str, b: str, canonical) -> None:  # type: ignore[no-untyped-def]
    assert compare_people(a, b, canonical).same


@pytest.mark.parametrize(
    "a,b",
    [
        ("Umar Mirzoyev", "Abdurasul Mirzoyev"),
        ("Gulmurod Halimov", "Sultonmurod Halimov"),
        ("Emomali Rahmon", "Naim Rahmonov"),
        ("Shavkat Mirziyoev", "Umar Mirzoyev"),
        ("Kabiri", "Kabirov"),
    ],
)
def test_compare_people_keeps_shared_surnames_apart(a: str, b: str, canonical) -> None:  # type: ignore[no-untyped-def]
    assert not compare_people(a, b, canonical).same


@pytest.mark.parametrize("a,b,same", [("Rahmon", "Rahmonov", False)])
def test_compare_people_suffix_needs_curated_alias(a: str, b: str, same: bool) -> None:
    assert compare_people(a, b).same is same  # without aliases: a suffix is not a spelling


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("IRPT", "Islamic Revival Party of Tajikistan", True),
        ("IMU", "Islamic Movement of Uzbekistan", True),
        ("Daesh", "ISIL", True),
        ("Islamic State", "Islamic State Khorasan Province", False),
        ("Khatlon regional court", "Sughd regional court", False),
    ],
)
def test_compare_orgs_uses_acronyms_and_aliases(a: str, b: str, same: bool, canonical) -> None:  # type: ignore[no-untyped-def]
    assert compare_orgs(a, b, canonical).same is same


def test_name_pairs_precision_and_recall_floors(canonical) -> None:  # type: ignore[no-untyped-def]
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    assert len(pairs) >= 150 and sum(not p["same"] for p in pairs) >= 0.4 * len(pairs)
    verdicts = [
        (compare_names(p["a"], p["b"], p["type"], canonical).same, p["same"]) for p in pairs
    ]
    tp = sum(v and g for v, g in verdicts)
    precision = tp / sum(v for v, _ in verdicts)
    recall = tp / sum(g for _, g in verdicts)
    assert precision >= 0.98 and recall >= 0.90, (precision, recall)
