from __future__ import annotations

from typing import Any

import pytest

from kronika.errors import ConfigError
from kronika.nlp.build import RULER_NAME, build_nlp
from kronika.nlp.extensions import install_extensions
from kronika.settings import Settings

SENTENCE = (
    "A court in Qubodiyon jailed two members of Group 24 and a former IRPT activist, "
    "who had fought for IS in Syria with Gulmorod Khalimov."
)


@pytest.mark.model
def test_build_nlp_tags_gazetteer_names_with_curated_labels(nlp: Any) -> None:
    doc = nlp(SENTENCE)
    ents = {(e.text, e.label_, e._.canonical) for e in doc.ents}
    assert ("Qubodiyon", "GPE", "Qubodiyon") in ents
    assert ("Group 24", "ORG", "Group 24") in ents
    assert ("IRPT", "ORG", "Islamic Renaissance Party of Tajikistan") in ents
    assert ("IS", "ORG", "Islamic State") in ents
    assert ("Gulmorod Khalimov", "PERSON", "Gulmurod Halimov") in ents


@pytest.mark.model
def test_build_nlp_leaves_sentence_initial_is_alone(nlp: Any) -> None:
    doc = nlp("IS IT TRUE? Nobody knows.")
    assert all(e.text != "IS" for e in doc.ents)


@pytest.mark.model
def test_build_nlp_puts_the_ruler_before_ner_and_keeps_every_component(nlp: Any) -> None:
    names = nlp.pipe_names
    assert names.index(RULER_NAME) == names.index("ner") - 1
    for needed in ("parser", "tagger", "attribute_ruler", "lemmatizer", "ner"):
        assert needed in names


@pytest.mark.model
def test_build_nlp_is_built_once_per_settings(nlp: Any) -> None:
    assert build_nlp(Settings()) is nlp


@pytest.mark.model
def test_build_nlp_installs_span_extensions(nlp: Any) -> None:
    doc = nlp("The court sentenced him to twenty years in prison on December 1.")
    doc._.published = "2016-12"
    dates = [e._.date for e in doc.ents if e.label_ == "DATE"]
    assert "2016-12-01" in dates
    assert doc[5:7]._.number == 20
    assert doc[4:9]._.term.years == 20


def test_build_nlp_reports_a_missing_model_with_the_install_command() -> None:
    with pytest.raises(ConfigError) as caught:
        build_nlp(Settings(spacy_model="no_such_pipeline_xx"))
    assert "'no_such_pipeline_xx'" in str(caught.value)
    assert "pip install -r requirements/model.txt" in str(caught.value)


def test_install_extensions_is_idempotent(blank_nlp: Any) -> None:
    install_extensions()
    install_extensions()
    doc = blank_nlp("Group 24 said so.")
    assert doc._.published is None
    assert doc[0:2]._.canonical is None
    assert doc[0:2]._.number == 24
