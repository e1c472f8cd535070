"""Who did what when a sentence tells it in a series, a description or a pair."""

from __future__ import annotations

from typing import Any

import pytest
from tests.helpers import events_of

from kronika.events.extract import extract_article
from kronika.model import Article, Event
from kronika.settings import Settings

pytestmark = pytest.mark.model


def _events(nlp: Any, text: str, kind: str) -> list[Event]:
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-01-01")
    return [e for e in extract_article(nlp(text), article, Settings()).events if e.type == kind]


@pytest.mark.parametrize(
    ("text", "person", "date", "place"),
    [
        # "both" are the two named just before (not "the group" they joined)
        (
            "Police arrested Karim Hasanov and Timur Yusupov in Osh on suspicion of membership "
            "of Islamic State. Investigators said both travelled to Raqqa in 2015 and joined "
            "the group.",
            ["Karim Hasanov", "Timur Yusupov"],
            "2015",
            "Raqqa",
        ),
        # the first act of a series, which the parser hung below the next, has the subject;
        # the place someone left is not where they joined
        (
            "Rustam Hirsi left Columbus for Somalia in 2009, joined al-Shabaab and received "
            "weapons training.",
            ["Rustam Hirsi"],
            "2009",
            "Somalia",
        ),
        # a step of someone's story told with its time is no habit; its doer is the subject
        # of the clause it is told in
        (
            "Mehdi Benali, who travelled to Syria after joining Islamic State in 2014, was jailed.",
            ["Mehdi Benali"],
            "2014",
            None,
        ),
    ],
)
def test_the_people_who_joined_however_the_sentence_tells_them(
    nlp: Any, text: str, person: list[str], date: str, place: str | None
) -> None:
    joins = _events(nlp, text, "JOIN")
    assert [(e.args.get("person"), e.date) for e in joins] == [(person, date)]
    if place is not None:
        assert [e.location.name if e.location else None for e in joins] == [place]


def test_a_description_of_the_defendant_gives_the_verdict_no_term_nor_date(nlp: Any) -> None:
    text = (
        "Mehdi Benali, who spent two years with Islamic State in Syria after joining the "
        "group in 2014, was jailed on Monday."
    )
    (verdict,) = _events(nlp, text, "SENTENCE")
    assert "term_years" not in verdict.args and verdict.date == "2019-12-30"


def test_a_description_of_the_detainee_gives_the_arrest_no_date_nor_place(nlp: Any) -> None:
    text = (
        "Serik Amanov, a mechanic from Karaganda who went to fight for Islamic State in "
        "Syria in 2014, was detained."
    )
    (arrest,) = _events(nlp, text, "ARREST")
    assert arrest.date != "2014" and arrest.location is None


def test_thousands_who_went_to_fight_with_no_time_told_is_no_event(nlp: Any) -> None:
    text = "Thousands of young men went to Syria to join Islamic State."
    assert _events(nlp, text, "JOIN") == []


def test_both_men_are_the_two_named_before(nlp: Any) -> None:
    text = (
        "Anvar Saidov, 29, and Bahrom Nurov, 33, overpowered two escort officers and fled on "
        "Tuesday. Both men were convicted by the Khatlon regional court in 2012."
    )
    verdicts = _events(nlp, text, "SENTENCE")
    assert [e.args.get("defendant") for e in verdicts] == [["Anvar Saidov", "Bahrom Nurov"]]


@pytest.mark.parametrize(
    ("text", "detainee"),
    [
        # "he" is not the wife who tells of him
        (
            "Ulugbek Karimov returned from Istanbul in August. His wife, Dilfuza, said "
            "relatives told her he was detained by security officers at Tashkent airport.",
            "Ulugbek Karimov",
        ),
        # nor the speaker of a transcript's line
        (
            "Host: What happened to Kanybek Asanov?\nGulnara Sadykova (lawyer): He was picked "
            "up by officers of the security service at his flat in Bishkek on October 23.",
            "Kanybek Asanov",
        ),
    ],
)
def test_he_is_not_a_woman_named_as_kin_nor_the_speaker(nlp: Any, text: str, detainee: str) -> None:
    arrests = _events(nlp, text, "ARREST")
    assert [e.args.get("detainee") for e in arrests] == [[detainee]]


@pytest.mark.parametrize(
    ("text", "kind", "role", "person"),
    [
        # "him" is not the woman telling the story
        (
            "Gulnora Saidova says her son Bekzod Karimov went to Turkey to work. In March police "
            "in Istanbul detained him.",
            "ARREST",
            "detainee",
            ["Bekzod Karimov"],
        ),
        # "her" is not the man named last
        (
            "Madina Yusufova was tried with Rustam Alimov. The court sentenced her to six years.",
            "SENTENCE",
            "defendant",
            ["Madina Yusufova"],
        ),
    ],
)
def test_a_pronoun_means_no_one_whose_name_tells_the_other_sex(
    nlp: Any, text: str, kind: str, role: str, person: list[str]
) -> None:
    [event] = _events(nlp, text, kind)
    assert event.args.get(role) == person


def test_a_chronology_s_steps_are_its_subject_s(nlp: Any) -> None:
    text = (
        "CHRONOLOGY: The case of Timur Khasanov\n\n"
        "March 2016 - Stopped at the airport in Almaty and deported to Uzbekistan on 9 March.\n\n"
        "10 March 2016 - Formally detained in Tashkent by the security service.\n\n"
        "June 2021 - Freed under an amnesty from a colony in Navoi; his family says he is ill."
    )
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2022-01-01")
    events = extract_article(nlp(text), article, Settings()).events
    people = {e.type: e.args.get({"ARREST": "detainee"}.get(e.type, "person")) for e in events}
    assert people == {
        "EXTRADITION": ["Timur Khasanov"],
        "ARREST": ["Timur Khasanov"],
        "RELEASE": ["Timur Khasanov"],
    }


def test_me_in_a_transcript_is_the_line_s_speaker(nlp: Any) -> None:
    text = (
        "Former prisoner Anvar Tursunov talked to us in Osh.\n\n"
        "Q: How did it start?\n"
        "Tursunov: Police in Samara detained me in 2016 and Russia deported me to Bishkek."
    )
    [arrest] = _events(nlp, text, "ARREST")
    [handover] = _events(nlp, text, "EXTRADITION")
    assert arrest.args.get("detainee") == ["Anvar Tursunov"]
    assert handover.args.get("person") == ["Anvar Tursunov"]


def test_a_given_name_alone_is_the_one_person_of_that_name(nlp: Any) -> None:
    # brothers who share a family name are told apart by their given names
    text = (
        "His younger brother, Sardor Nematov, fled to Turkey in 2018. In May that year the "
        "Andijan regional court sentenced Sardor to nine years in absentia."
    )
    [verdict] = _events(nlp, text, "SENTENCE")
    assert verdict.args.get("defendant") == ["Sardor Nematov"]


def test_the_group_banned_is_no_platform_and_an_office_keeps_its_title(nlp: Any) -> None:
    text = (
        "The neo-Nazi network Feuerkrieg Division spread its propaganda on Telegram. The group "
        "was proscribed in the United Kingdom by the Home Secretary in July 2020."
    )
    [ban] = _events(nlp, text, "BAN")
    assert ban.args.get("organization") == ["Feuerkrieg Division"]
    assert ban.args.get("authority") == "Home Secretary"


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Prosecutors named the suspects as Farrukh Saidov and Otabek Rakhimov. The two were "
            "detained in Namangan on Friday.",
            ["Farrukh Saidov", "Otabek Rakhimov"],
        ),
        (
            "Prosecutors named Farrukh Saidov and Otabek Rakhimov. Both were detained in "
            "Namangan on Friday.",
            ["Farrukh Saidov", "Otabek Rakhimov"],
        ),
    ],
)
def test_people_told_by_their_number_alone_are_the_last_named_together(
    nlp: Any, text: str, people: list[str]
) -> None:
    [arrest] = _events(nlp, text, "ARREST")
    assert arrest.args.get("detainee") == people


def test_a_lawyer_appeals_for_the_client_but_is_detained_as_herself(nlp: Any) -> None:
    text = (
        "Sanjar Yuldashev was ordered deported in May. His lawyer, Irina Belova, appealed the "
        "ruling, but the regional court upheld it. In July Belova was herself detained."
    )
    [appeal] = _events(nlp, text, "APPEAL")
    [arrest] = _events(nlp, text, "ARREST")
    assert appeal.args.get("appellant") == ["Sanjar Yuldashev"]
    assert arrest.args.get("detainee") == ["Irina Belova"]


@pytest.mark.model
def test_who_told_through_a_report_stands_for_the_person_before_it(nlp: Any) -> None:
    text = (
        "The court heard that Aziz Karimov, who prosecutors say joined Islamic State in Raqqa "
        "in 2014, had returned in 2016."
    )
    joins = [e for e in events_of(nlp, text) if e.type == "JOIN"]
    assert [e.args.get("person") for e in joins] == [["Aziz Karimov"]]


@pytest.mark.model
def test_someone_named_after_whose_they_are_is_the_one_acted_on(nlp: Any) -> None:
    text = "Kyrgyz authorities on Friday freed Azimjan Askarov's cellmate, Mamadzhan Sabirov."
    releases = [e for e in events_of(nlp, text) if e.type == "RELEASE"]
    assert [e.args.get("person") for e in releases] == [["Mamadzhan Sabirov"]]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "His two deputies, Karim Aliev and Bakhtiyor Nurov, each received 18 years.",
            ["Karim Aliev", "Bakhtiyor Nurov"],
        ),
        (
            "The two imams, Olim Rahimov and Farhod Alimov, each got ten years in prison.",
            ["Olim Rahimov", "Farhod Alimov"],
        ),
    ],
)
def test_each_stands_for_the_people_it_follows(nlp: Any, text: str, people: list[str]) -> None:
    (event,) = _events(nlp, text, "SENTENCE")
    assert event.args["defendant"] == people
    assert event.args["count"] == 2


def test_a_person_named_after_of_is_the_one_a_pronoun_means(nlp: Any) -> None:
    text = (
        "Consider the case of Ikrom Yusupov, a theologian from the Fergana Valley who had "
        "lived in Istanbul since 2012. In November 2021 Turkish police picked him up at a "
        "migration office."
    )
    (event,) = _events(nlp, text, "ARREST")
    assert event.args["detainee"] == ["Ikrom Yusupov"]


def test_him_is_the_one_person_the_sentence_before_names(nlp: Any) -> None:
    text = (
        "Imam Olim Nazarov was jailed in 2002. Nazarov's case drew wide attention. Nazarov "
        "remains in prison. On 12 May, police in Namangan detained Sardor Toshpulatov, a "
        "blogger. The arrest came two weeks after the authorities in Kazakhstan deported him "
        "to Uzbekistan."
    )
    (event,) = _events(nlp, text, "EXTRADITION")
    assert event.args["person"] == ["Sardor Toshpulatov"]


def test_a_release_in_the_courtroom_is_the_verdict_s_day_and_court(nlp: Any) -> None:
    text = (
        "On 29 September 2022 the Tashkent city court sentenced Jasur Normatov to three years "
        "of restricted freedom. He was released from custody in the courtroom."
    )
    (event,) = _events(nlp, text, "RELEASE")
    assert event.date == "2022-09-29"
    assert event.args["authority"] == "Tashkent city court"


def test_an_attack_said_of_the_subject_is_no_attack_of_its_own(nlp: Any) -> None:
    text = (
        "A car bomb exploded at a crowded market in Baghdad's Sadr City on Tuesday, killing 31 "
        "people. Saraya al-Ghadab claimed the bombing. The attack is the deadliest in Iraq "
        "since a car bomb in Kirkuk's Domiz neighbourhood killed 14 people in June last year, "
        "an attack also claimed by Saraya al-Ghadab."
    )
    attacks = _events(nlp, text, "ATTACK")
    assert sorted(e.args.get("killed") for e in attacks) == [14, 31]


def test_the_attack_done_anything_with_is_the_one_told_before(nlp: Any) -> None:
    text = (
        "Gunmen killed 20 villagers in Kountougou on Saturday. The group Katiba Nour al-Sahel "
        "has revendicated the attack in a message diffused on Sunday on the social networks, "
        'affirming that the villagers were "collaborators of the army".'
    )
    attacks = _events(nlp, text, "ATTACK")
    assert [e.args.get("killed") for e in attacks] == [20]


@pytest.mark.parametrize(
    ("text", "kind", "role", "people"),
    [
        # "each of them", "each of the four defendants": the people told before
        (
            "Police arrested Murod Karimov and Sherzod Aliev in Tashkent in May. In September "
            "a court sentenced each of them to six years in prison.",
            "SENTENCE",
            "defendant",
            ["Murod Karimov", "Sherzod Aliev"],
        ),
        (
            "Four men from Khujand stood trial on charges of extremism: Anvar Rahimov, Umed "
            "Sharipov, Ilhom Nazarov and Jamshed Qodirov. Each of the four defendants was "
            "sentenced to seven years.",
            "SENTENCE",
            "defendant",
            ["Anvar Rahimov", "Umed Sharipov", "Ilhom Nazarov", "Jamshed Qodirov"],
        ),
        # the one a description is "named" there, not someone named before
        (
            "Police in Izmir detained the suspect, a 30-year-old Tajik named Firuz Ashurov, on "
            "Tuesday.",
            "ARREST",
            "detainee",
            ["Firuz Ashurov"],
        ),
        # whose associate he is, the model typing his name a group's
        (
            "The court handed down a ten-year sentence to Karimov's associate, Dilshod Rasulov.",
            "SENTENCE",
            "defendant",
            ["Dilshod Rasulov"],
        ),
        # the one who tells of the verdict is not one of those convicted
        (
            "The Supreme Court convicted the five men under Article 159 of the criminal code, "
            "court spokeswoman Aigul Nurlanova told reporters.",
            "SENTENCE",
            "defendant",
            [],
        ),
        # a title glued to the name, "of" and all
        (
            "A court in Osh on Thursday sentenced former member of parliament Talant Usenov to "
            "11 years in prison for plotting a coup.",
            "SENTENCE",
            "defendant",
            ["Talant Usenov"],
        ),
        # a lone family name the model did not tag
        (
            "The court found Rakhimov guilty of attempted murder of a police officer.",
            "SENTENCE",
            "defendant",
            ["Rakhimov"],
        ),
        # brothers told with one family name
        (
            "In April, brothers Rustam and Ilyos Nematov were deported from Russia to Uzbekistan.",
            "EXTRADITION",
            "person",
            ["Rustam Nematov", "Ilyos Nematov"],
        ),
    ],
)
def test_the_people_a_phrase_stands_for(
    nlp: Any, text: str, kind: str, role: str, people: list[str]
) -> None:
    (event,) = _events(nlp, text, kind)
    assert (event.args.get(role) or []) == people


@pytest.mark.parametrize(
    ("text", "kind", "role", "who"),
    [
        # the body that tells the news is not among those detained
        (
            "Officers detained 14 accomplices of terrorists, the Public Relations Center "
            "informed on Monday.",
            "ARREST",
            "detainee",
            [],
        ),
        # a name that says whose fighter someone was is no person of its own
        (
            "The president on Tuesday pardoned Ravi Kumar, a former Tamil Tiger fighter serving "
            "a 10-year term.",
            "RELEASE",
            "person",
            ["Ravi Kumar"],
        ),
    ],
)
def test_names_that_are_no_one_acted_on(
    nlp: Any, text: str, kind: str, role: str, who: list[str]
) -> None:
    (event,) = _events(nlp, text, kind)
    assert event.args[role] == who


@pytest.mark.parametrize(
    ("second", "count"),
    [
        ("Two co-defendants, both Kazakh citizens, received 12 years each.", 2),
        ("Their seven co-defendants were convicted of membership in a criminal group.", 7),
        (
            "His five co-accused - three Tajik and two Kyrgyz nationals - were convicted of "
            "taking part in the group and received between two and six years.",
            5,
        ),
    ],
)
def test_co_defendants_are_counted_as_one_word(nlp: Any, second: str, count: int) -> None:
    text = f"The court jailed Dilshod Nazarov for nine years on Monday. {second}"
    people = [
        (e.args.get("defendant"), e.args.get("count")) for e in _events(nlp, text, "SENTENCE")
    ]
    assert people == [(["Dilshod Nazarov"], None), ([], count)]


@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [
        ("Forty-one of the inmates escaped from the jail on Sunday.", "ESCAPE", 41),
        ("Police said twenty-six of them were detained in the raid.", "ARREST", 26),
        # two number words that make no one number are a range: its upper bound
        ("Police detained five-six men in the town on Monday.", "ARREST", 6),
    ],
)
def test_a_count_written_in_two_words_is_one_number(
    nlp: Any, text: str, kind: str, count: int
) -> None:
    assert [e.args.get("count") for e in _events(nlp, text, kind)] == [count]
