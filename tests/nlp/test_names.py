"""Names the small model cuts at "of", mended by the pipeline."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def test_a_name_cut_at_of_is_joined_with_the_name_after_it(nlp: Any) -> None:
    doc = nlp(
        "Tajikistan's Supreme Court designated the Youth Movement of Central Asia a terrorist "
        "organization."
    )
    orgs = [e.text for e in doc.ents if e.label_ == "ORG"]
    assert any(o.endswith("Youth Movement of Central Asia") for o in orgs), orgs
    assert "Central Asia" not in [e.text for e in doc.ents if e.label_ == "LOC"]


def test_names_apart_stay_apart(nlp: Any) -> None:
    doc = nlp("Members of Hizb ut-Tahrir were arrested in Osh and Jalal-Abad.")
    assert "Osh" in [e.text for e in doc.ents if e.label_ == "GPE"]


def test_a_family_name_left_untagged_after_a_given_name_is_part_of_it(nlp: Any) -> None:
    doc = nlp(
        "A Bishkek court ordered that Kanybek Osmonaliev be held in pre-trial custody for two "
        "months."
    )
    assert "Kanybek Osmonaliev" in [e.text for e in doc.ents if e.label_ == "PERSON"]
