"""Subjectless lines of dossiers and chronologies: whom they are about, through the real model."""

from __future__ import annotations

from typing import Any

import pytest

from kronika.events.extract import extract_article
from kronika.model import Article, Event
from kronika.settings import Settings

pytestmark = pytest.mark.model


def _events(nlp: Any, text: str) -> list[Event]:
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2021-03-10")
    return list(extract_article(nlp(text), article, Settings()).events)


def _who(events: list[Event], kind: str, role: str) -> list[Any]:
    return [e.args.get(role) for e in events if e.type == kind]


def test_a_dossier_item_is_about_the_person_heading_it(nlp: Any) -> None:
    text = (
        "Cases of concern\n\n"
        "• Rustam Karimov, 37, imam from Nurek. Detained in Dushanbe in May 2019. "
        "Sentenced in January 2020 to nine years for extremism.\n\n"
        "• Dilnoza Saidova, 52, teacher. Arrested at her home in Kulob in June 2018."
    )
    events = _events(nlp, text)
    assert _who(events, "ARREST", "detainee") == [["Rustam Karimov"], ["Dilnoza Saidova"]]
    assert _who(events, "SENTENCE", "defendant") == [["Rustam Karimov"]]


def test_a_chronology_line_is_about_the_person_its_title_names(nlp: Any) -> None:
    text = (
        "Timeline: the case of Sherzod Aliyev\n\n"
        "April 2018 – Detained by Russian police in Kazan.\n\n"
        "July 2018 – Extradited from Russia to Uzbekistan."
    )
    events = _events(nlp, text)
    assert _who(events, "ARREST", "detainee") == [["Sherzod Aliyev"]]
    assert _who(events, "EXTRADITION", "person") == [["Sherzod Aliyev"]]


def test_an_opening_participle_is_about_the_main_clause_subject(nlp: Any) -> None:
    text = (
        "Ilhom Tursunov spent six years in a colony near Navoi. Released in March under an "
        "amnesty, he said he would not stop writing."
    )
    assert _who(_events(nlp, text), "RELEASE", "person") == [["Ilhom Tursunov"]]


@pytest.mark.parametrize(
    "text",
    [
        # the participle has people of its own
        "• Rustam Karimov, 37, imam. Three of his students were detained in Dushanbe in May.",
        # a title naming two people names no one topic
        "Timeline: Alisher Usmonov and Bobur Qodirov\n\nApril 2018 – Detained in Kazan.",
    ],
)
def test_no_topic_where_the_line_names_its_own_people_or_the_title_two(nlp: Any, text: str) -> None:
    assert _who(_events(nlp, text), "ARREST", "detainee") in ([[]], [None], [])
