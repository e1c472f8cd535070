"""Charges as short phrases, in the frames verdicts are told in, through the real model."""

from __future__ import annotations

from typing import Any

import pytest
from tests.helpers import events_of

from kronika.events.extract import extract_article
from kronika.events.legal import split_charges
from kronika.model import Article, Event
from kronika.settings import Settings


def _sentence(nlp: Any, text: str) -> Event:
    """The one SENTENCE event of ``text``."""
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-01-01")
    result = extract_article(nlp(text), article, Settings())
    (event,) = [e for e in result.events if e.type == "SENTENCE"]
    return event


def _charges(nlp: Any, text: str) -> list[str]:
    return list(_sentence(nlp, text).args.get("charges") or [])


@pytest.mark.model
@pytest.mark.parametrize(
    "text,charges",
    [
        # a list of adjectives is one charge; the verdict that follows is none
        (
            "Two men were convicted of inciting religious, ethnic or national hatred and "
            "sentenced to five years.",
            ["inciting religious, ethnic or national hatred"],
        ),
        # the term after a charge told in a relative clause is not part of it
        (
            "The court sentenced Ruslan Zaitov, who had been charged with attempting to "
            "organize a branch of the party in Sevastopol, to seven years in a prison colony.",
            ["attempting to organize a branch of the party in Sevastopol"],
        ),
        # the second charge the parser joins to "charges"
        (
            "Rustam Nazarov was sentenced to 12 years on charges of terrorism and illegal "
            "possession of arms.",
            ["terrorism", "illegal possession of arms"],
        ),
        # a term after "for" is no charge
        ("Nodir Alimov was jailed for up to life for terrorism, officials said.", ["terrorism"]),
        # "for" after the punishment
        (
            "Some members of the movement were sentenced to imprisonment for extremist activity.",
            ["extremist activity"],
        ),
        # where the verdict was given is not part of the charge
        (
            "The Supreme Court gave former minister Aziz Rahimov 20 years for treason in a "
            "closed trial.",
            ["treason"],
        ),
        (
            "Farhod Sobirov was sentenced to nine years for extremism during the trial.",
            ["extremism"],
        ),
        # "for" hung inside the term's phrase
        (
            "A court in Shymkent has sentenced four men to prison terms ranging from five to "
            "eight years for propagating terrorism.",
            ["propagating terrorism"],
        ),
        # the last charge's own phrase, hung on "charges"; a one-word crime and another
        (
            "A court in Khujand sentenced Umed Nazarov to 12 years in prison on charges of "
            "treason and membership in a banned group, his lawyer said.",
            ["treason", "membership in a banned group"],
        ),
        # the crime's time, told after it, is no part of the charge
        (
            "The two men were convicted of robbing a jeweller in Taraz on 12 April 2017, when "
            "a guard was shot.",
            ["robbing a jeweller in Taraz"],
        ),
        (
            "Four men were found guilty of setting fire to a mosque in Naryn in 2015.",
            ["setting fire to a mosque in Naryn"],
        ),
        # adjectives joined by "and" qualify one charge
        (
            "Two men were convicted of inciting religious and ethnic hatred.",
            ["inciting religious and ethnic hatred"],
        ),
        (
            "The court jailed Karim Saidov for fraud and attempted murder.",
            ["fraud", "attempted murder"],
        ),
        # "of" hung on the one convicted
        ("A court convicted Farid Karimov of extremism on Monday.", ["extremism"]),
        # a law article told with what it punishes, in brackets
        (
            "The Samarkand city court sentenced Botir Ergashev to six years under Article 159-1 "
            "(attempting to overthrow the constitutional order).",
            ["attempting to overthrow the constitutional order"],
        ),
        # a list of charges that "including" opens
        (
            "An Andijan court jailed the blogger Sardor Yusupov for nine years on charges "
            "including insulting the president.",
            ["insulting the president"],
        ),
        # a long relative clause telling about the charge's last noun is no part of it
        (
            "Nurbek Alimov was jailed for 14 years for his part in a cell which had plotted to "
            "bomb a police station in Osh.",
            ["his part in a cell"],
        ),
        # "a crime provided for by Article ...": no charge of its own
        (
            "Kenzhebayev was found guilty of committing a crime provided for by Article 174 of "
            "the Criminal Code and sentenced to four years.",
            [],
        ),
        # a quoted charge ends at its closing quote
        (
            'Tursunova was sentenced to three years for "financing an extremist group" after '
            "sending money to her brother.",
            ["financing an extremist group"],
        ),
        # the term told as "prison terms of" ends the charge
        (
            "A court in Jalal-Abad sentenced nine men convicted of inciting mass riots to prison "
            "terms of eight to 15 years.",
            ["inciting mass riots"],
        ),
        # what the group named is, told after its name, is no charge
        (
            "He was convicted of membership of Jamaat Ansarullah, an armed group, and sentenced "
            "to nine years.",
            ["membership of Jamaat Ansarullah"],
        ),
        # the purpose of a gathering the parser hung on the verdict's verb is the charge's
        (
            "A regional court has jailed twelve men for eight years for meeting to read "
            "religious books.",
            ["meeting to read religious books"],
        ),
    ],
)
def test_charges_are_read_in_every_frame(nlp: Any, text: str, charges: list[str]) -> None:
    assert _charges(nlp, text) == charges


def test_split_charges_drops_a_dangling_conjunction() -> None:
    assert split_charges("terrorism and") == ["terrorism"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text,court",
    [
        (
            "A court in Silivri on the outskirts of Istanbul sentenced four men to life.",
            "court in Silivri",
        ),
        (
            "Akmal Akbarov was found guilty by a Chkalovsk court of calls for the overthrow "
            "of the constitutional order.",
            "Chkalovsk court",
        ),
        # the town whatever the model tagged it as, and a town's name written with hyphens
        (
            "A military court in Tomsk on Tuesday sentenced Ivan Petrov to six years.",
            "military court in Tomsk",
        ),
        (
            "A military court in Rostov-on-Don on Tuesday sentenced Enver Kurtseitov to 17 years.",
            "military court in Rostov-on-Don",
        ),
        # a town the model read as an adjective before the court's kind
        (
            "A Peshawar anti-terrorism court on Monday sentenced Gul Rehman to ten years.",
            "Peshawar anti-terrorism court",
        ),
        # or by the state it is of
        ("A Turkish court convicted Aziz Saidov of murder on Monday.", "Turkish court"),
        ("A Russian military court sentenced Aziz Saidov to 19 years.", "Russian military court"),
        # a court named by nothing is no court name
        ("A court sentenced Akmal Akbarov to nine years.", None),
        # a room is no court
        ("Akmal Akbarov was sentenced to two years and freed in the courtroom.", None),
        ("Akmal Akbarov was sentenced to two years outside the courthouse in Osh.", None),
    ],
)
def test_a_court_is_named_by_its_town(nlp: Any, text: str, court: str | None) -> None:
    assert _sentence(nlp, text).args.get("court") == court


@pytest.mark.model
def test_time_served_is_no_term_given(nlp: Any) -> None:
    text = (
        "Rustam Nazarov, who was sentenced in 2011 to 15 years, has been freed after serving "
        "nearly 10 years of his term."
    )
    event = _sentence(nlp, text)
    assert event.args.get("term_years") == 15
    assert "term_min_years" not in event.args


@pytest.mark.model
def test_a_contrasted_clause_is_another_group_s_verdict(nlp: Any) -> None:
    text = (
        "The court handed life sentences to two leaders of the party while 11 others "
        "received up to 28 years."
    )
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2021-03-02")
    events = [
        e for e in extract_article(nlp(text), article, Settings()).events if e.type == "SENTENCE"
    ]
    by_count = {e.args.get("count"): e for e in events}
    assert set(by_count) == {2, 11}
    assert by_count[2].args.get("life") is True
    assert "term_years" not in by_count[2].args  # the others' term is not the leaders'
    assert by_count[11].args.get("term_years") == 28
    assert "life" not in by_count[11].args  # the leaders' term is not the others'


@pytest.mark.model
def test_a_verdict_told_to_say_who_an_appellant_is_takes_no_court_or_date_of_the_appeal(
    nlp: Any,
) -> None:
    text = (
        "The Khatlon regional court on March 3 turned down an appeal by Sherali Nabiev, who "
        "got nine years in prison for extremism."
    )
    verdict = _sentence(nlp, text)
    assert verdict.args.get("defendant") == ["Sherali Nabiev"]
    assert verdict.args.get("court") is None
    assert verdict.date is None


@pytest.mark.model
def test_a_headline_verdict_on_a_described_man_keeps_its_own_court_and_day(nlp: Any) -> None:
    text = "Tajik man jailed by Dushanbe city court for joining militants"
    verdict = _sentence(nlp, text)
    assert verdict.args.get("court") == "Dushanbe city court"
    assert verdict.date == "2020-01-01"


@pytest.mark.model
def test_a_verdict_on_the_same_charges_takes_those_of_the_verdict_before(nlp: Any) -> None:
    text = (
        "The Bukhara regional court sentenced Jamshid Rasulov to 11 years for murder and "
        "extortion. His two cousins received eight years each on the same charges."
    )
    verdicts = [e for e in events_of(nlp, text, "2021-04-02") if e.type == "SENTENCE"]
    assert [e.args.get("charges") for e in verdicts] == [
        ["murder", "extortion"],
        ["murder", "extortion"],
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    "text,articles",
    [
        ("A court jailed Olim Sodiqov under Article 244-2 of the Criminal Code.", ["244-2"]),
        ("Aziz Nurov was sentenced under Articles 307-3 and 401-1.", ["307-3", "401-1"]),
    ],
)
def test_a_numbered_part_of_an_article_is_one_number(
    nlp: Any, text: str, articles: list[str]
) -> None:
    assert _sentence(nlp, text).args.get("articles") == articles


@pytest.mark.model
def test_a_lone_family_name_the_model_took_for_a_group_is_the_defendant(nlp: Any) -> None:
    text = "Abdullayeva was sentenced by a Tashkent court to five years on Monday."
    assert _sentence(nlp, text).args.get("defendant") == ["Abdullayeva"]


def test_an_article_s_brackets_give_a_charge_only_when_they_say_what_it_punishes() -> None:
    from kronika.events.legal import _DESCRIBED_ARTICLE, _NO_DESCRIPTION, described_articles

    text = (
        "He was convicted under Article 179 (committing an act of terrorism), Article 233 "
        "(Part 2) and Article 244 (of the Criminal Code)."
    )
    assert described_articles(text, _DESCRIBED_ARTICLE, _NO_DESCRIPTION) == [
        "committing an act of terrorism"
    ]


@pytest.mark.model
def test_a_court_told_by_its_state_is_the_trial_s_court_named_after_it(nlp: Any) -> None:
    text = (
        "A Turkish court on Friday handed down life sentences to 14 people. A court in "
        "Silivri sentenced four defendants to aggravated life sentences for murder."
    )
    verdicts = events_of(nlp, text, "2019-05-17")
    courts = {e.args.get("count"): e.args.get("court") for e in verdicts if e.type == "SENTENCE"}
    assert courts == {14: "court in Silivri", 4: "court in Silivri"}
    # a verdict told without a court takes the one its trial is told with, named or not
    text = (
        "A Turkish court sentenced Aziz Saidov to 10 years on Monday. "
        "Karim Nazarov received eight years."
    )
    verdicts = events_of(nlp, text, "2019-05-17")
    assert [e.args.get("court") for e in verdicts] == ["Turkish court", "Turkish court"]


def test_a_span_told_of_a_group_does_not_make_a_verdict_a_tally(nlp: Any) -> None:
    text = (
        "A court in Khujand sentenced six men to between two and seven years for membership "
        "of Jamaat Ansarullah, a group that has been outlawed in Tajikistan since 2006."
    )
    (event,) = [e for e in events_of(nlp, text) if e.type == "SENTENCE"]
    assert (event.args["count"], event.args["term_years"]) == (6, 7)
