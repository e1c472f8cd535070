"""extract_article on invented articles through the real model."""

from __future__ import annotations

from typing import Any

import pytest

from kronika.events.extract import extract_article
from kronika.model import Article, ArticleResult
from kronika.settings import Settings

pytestmark = pytest.mark.model


def _extract(nlp: Any, text: str, published: str | None = "2021-03-10") -> ArticleResult:
    article = Article(external_id="t", input_hash="", part=0, text=text, published=published)
    return extract_article(nlp(text), article, Settings())


def test_extract_article_fills_a_sentence_event(nlp: Any) -> None:
    text = (
        "The Sughd regional court sentenced Farrukh Nazarov to nine years in prison on March 3 "
        "on charges of extremism."
    )
    (event,) = [e for e in _extract(nlp, text).events if e.type == "SENTENCE"]
    assert event.args["defendant"] == ["Farrukh Nazarov"]
    assert event.args["term_years"] == 9
    assert event.args["court"] == "Sughd regional court"
    assert event.args["charges"] == ["extremism"]
    assert event.date == "2021-03-03"
    assert event.evidence[0].text == text and event.evidence[0].start == 0
    assert 0 < event.confidence <= 1


def test_extract_article_merges_one_event_told_twice(nlp: Any) -> None:
    text = (
        "Police detained Rustam Aliev in Osh on Monday. "
        "Aliev was detained after a raid on his home, his lawyer said."
    )
    arrests = [e for e in _extract(nlp, text).events if e.type == "ARREST"]
    assert len(arrests) == 1
    assert arrests[0].args["detainee"] == ["Rustam Aliev"]
    assert len(arrests[0].evidence) == 2


def test_extract_article_resolves_a_pronoun_to_the_full_name(nlp: Any) -> None:
    text = "Bakhtiyor Saidov led the cell for years. In 2019 he was arrested in Moscow."
    (event,) = [e for e in _extract(nlp, text).events if e.type == "ARREST"]
    assert event.args["detainee"] == ["Bakhtiyor Saidov"]
    assert event.date == "2019"


def test_extract_article_keeps_unnamed_people_as_a_count(nlp: Any) -> None:
    text = "Twelve members of the group were sentenced to terms of up to eight years."
    (event,) = [e for e in _extract(nlp, text).events if e.type == "SENTENCE"]
    assert event.args["defendant"] == [] and event.args["count"] == 12
    assert event.args["term_years"] == 8


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors demanded that Olim Karimov be sentenced to 15 years.",
        "His lawyers vowed to appeal the verdict.",
        "Officials said Olim Karimov was not arrested.",
    ],
)
def test_extract_article_skips_actions_not_done(nlp: Any, text: str) -> None:
    types = {e.type for e in _extract(nlp, text).events}
    assert not types & {"SENTENCE", "APPEAL", "ARREST"}


def test_extract_article_marks_a_contested_event(nlp: Any) -> None:
    text = "Anvar Tursunov was sentenced to ten years in prison. He denied the charges."
    (event,) = [e for e in _extract(nlp, text).events if e.type == "SENTENCE"]
    assert "contested" in event.flags and "denied" in event.markers


def test_extract_article_reads_a_dated_incident_summary(nlp: Any) -> None:
    text = "05/14/2012: Gunmen attacked a police checkpoint in Khujand, killing three officers."
    (event,) = [e for e in _extract(nlp, text, None).events if e.type == "ATTACK"]
    assert event.args["killed"] == 3
    assert event.date == "2012-05-14"
    assert event.location is not None and event.location.name == "Khujand"


@pytest.mark.parametrize("text", ["", "   \n\n", "Nothing happened here."])
def test_extract_article_never_fails_on_empty_or_eventless_text(nlp: Any, text: str) -> None:
    assert _extract(nlp, text).events == ()


@pytest.mark.parametrize(
    "text,date",
    [
        ("Nurlan Abenov, who was arrested in 2019, was released on May 3.", "2021-05-03"),
        ("Several activists have been released since the president came to power in 2016.", None),
        ("A total of 300 convicts were pardoned under a decree signed on March 2.", "2021-03-02"),
    ],
)
def test_extract_article_dates_the_event_not_another_clause(
    nlp: Any, text: str, date: str | None
) -> None:
    (event,) = [e for e in _extract(nlp, text, "2021-06-01").events if e.type == "RELEASE"]
    assert event.date == date


def test_extract_article_merges_a_headline_into_its_story(nlp: Any) -> None:
    text = (
        "Court Jails Activist For Nine Years\n\n"
        "A court in Osh sentenced the activist Bolot Temirov to nine years in prison on Monday."
    )
    sentences = [e for e in _extract(nlp, text).events if e.type == "SENTENCE"]
    assert len(sentences) == 1
    assert sentences[0].args["defendant"] == ["Bolot Temirov"]


@pytest.mark.parametrize(
    ("text", "published", "kind", "expected"),
    [
        # a yearless date follows the year its paragraph tells, not publication
        (
            "The blogger Anvar Sobirov was released on May 3, 2016. "
            "Sobirov was shot dead by unknown gunmen in Almaty on June 9.",
            "2018-02-01",
            "ATTACK",
            "2016-06-09",
        ),
        # a fronted "that year" dates the clause after the colon
        (
            "The opposition party was banned in 2013. In May that year, police got their "
            "pretext: the rebel commander Davron Saidov staged an attack on a checkpoint "
            "in Khorog.",
            None,
            "ATTACK",
            "2013-05",
        ),
    ],
)
def test_extract_article_dates_from_context(
    nlp: Any, text: str, published: str | None, kind: str, expected: str
) -> None:
    dates = [e.date for e in _extract(nlp, text, published).events if e.type == kind]
    assert expected in dates


def test_extract_article_reads_names_set_off_by_a_comma(nlp: Any) -> None:
    text = (
        "In May 2019, the Osh City Court sentenced the brother of an exiled imam, "
        "Bakyt Tashiev, to eight years in prison."
    )
    (event,) = [e for e in _extract(nlp, text).events if e.type == "SENTENCE"]
    assert event.args["defendant"] == ["Bakyt Tashiev"]
    assert event.args["term_years"] == 8


def test_extract_article_drops_a_vague_tally_of_attacks(nlp: Any) -> None:
    text = "The region has been the source of several attacks on Europe in recent decades."
    assert not [e for e in _extract(nlp, text).events if e.type == "ATTACK"]


def test_extract_article_keeps_attacks_someone_carried_out(nlp: Any) -> None:
    text = "Police said Jamaat Ansarullah carried out several bomb attacks in Dushanbe in 2012."
    assert [e for e in _extract(nlp, text).events if e.type == "ATTACK"]


def test_extract_article_joins_people_who_escaped_with_others(nlp: Any) -> None:
    text = (
        "12 inmates escaped from a prison in Osh on Sunday. "
        "Four other inmates escaped with them but were caught, officials said."
    )
    escapes = [e for e in _extract(nlp, text).events if e.type == "ESCAPE"]
    assert len(escapes) == 1
    assert escapes[0].args.get("count") == 12


def test_extract_article_places_an_arrest_after_an_attack(nlp: Any) -> None:
    text = (
        "In April, gunmen attacked a police station in Khujand, killing three officers.\n\n"
        "Police killed two gunmen and arrested several others."
    )
    (arrest,) = [e for e in _extract(nlp, text).events if e.type == "ARREST"]
    assert arrest.date == "2021-04"
    assert arrest.location is not None and arrest.location.name == "Khujand"


def test_extract_article_reads_the_capital_of_a_country(nlp: Any) -> None:
    text = "Twenty inmates escaped from a prison in Kyrgyzstan's capital on Sunday."
    (escape,) = [e for e in _extract(nlp, text).events if e.type == "ESCAPE"]
    assert escape.location is not None and escape.location.name == "Bishkek"
