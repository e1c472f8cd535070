"""Named members of a counted group: the person the article names as one of "the five"
is one of the people of the group's verdict, arrest, release or deportation."""

from __future__ import annotations

from typing import Any

import pytest
from tests.helpers import events_of, russian_events_of

from kronika.model import Event

pytestmark = pytest.mark.model


def _people(events: list[Event], kind: str) -> list[tuple[list[str], object]]:
    role = {"SENTENCE": "defendant", "ARREST": "detainee", "RELEASE": "person"}[kind]
    return [(list(e.args.get(role) or []), e.args.get("count")) for e in events if e.type == kind]  # type: ignore[arg-type]


def test_the_one_given_the_longest_term_was_one_of_those_sentenced_and_arrested(nlp: Any) -> None:
    text = (
        "A regional court on Monday sentenced six men to between four and eleven years in prison "
        "for belonging to a banned group. The longest term, eleven years, was handed to their "
        "alleged organiser, Shavkat Nematov. The six were detained in a raid in Namangan in May."
    )
    events = events_of(nlp, text, "2022-09-14")
    assert _people(events, "SENTENCE") == [(["Shavkat Nematov"], 6)]
    assert _people(events, "ARREST") == [(["Shavkat Nematov"], 6)]
    arrest = next(e for e in events if e.type == "ARREST")
    # the sentence that names him is evidence of the fact
    assert any("Shavkat Nematov" in e.text for e in arrest.evidence)


def test_the_longest_term_goes_to_the_verdict_that_gave_several_terms(nlp: Any) -> None:
    text = (
        "The court jailed eleven members of the cell for between three and twelve years. Two "
        "other defendants received suspended sentences of two years. The heaviest sentence went "
        "to Ruslan Jurayev, the court said."
    )
    events = events_of(nlp, text, "2019-02-01")
    people = _people(events, "SENTENCE")
    assert (["Ruslan Jurayev"], 11) in people
    assert ([], 2) in people


@pytest.mark.parametrize(
    ("text", "kind", "count", "surname"),
    [
        (
            "Police in Karaganda detained nine people on suspicion of spreading extremist "
            "material on Tuesday. Among those detained was Yerlan Sagimbayev, a local imam.",
            "ARREST",
            9,
            "Sagimbayev",
        ),
        (
            "President Mirziyoyev pardoned 104 prisoners on the eve of Independence Day. Among "
            "those released is Bakhrom Ismoilov, a poet jailed in 2001.",
            "RELEASE",
            104,
            "Ismoilov",
        ),
        (
            "Authorities arrested twelve members of the movement in October. Anvar Tursunov, the "
            "oldest among the twelve, is 71.",
            "ARREST",
            12,
            "Tursunov",
        ),
    ],
)
def test_one_told_among_the_group_is_one_of_its_people(
    nlp: Any, text: str, kind: str, count: int, surname: str
) -> None:
    people = _people(events_of(nlp, text, "2020-08-30"), kind)
    assert len(people) == 1
    names, told = people[0]
    assert told == count and len(names) == 1 and names[0].endswith(surname)


def test_the_leader_the_group_was_led_by_is_one_of_them(nlp: Any) -> None:
    text = (
        "Eight suspected members of an armed group surrendered to the army in Basilan on Friday. "
        "Officials said the eight suspects were led by a commander identified as Yusop Alih."
    )
    assert _people(events_of(nlp, text, "2018-03-10"), "ARREST") == [(["Yusop Alih"], 8)]


def test_the_men_the_participle_tells_arrested_including_one_named(nlp: Any) -> None:
    text = (
        "Counter-terrorism police arrested five suspected militants in a raid in Peshawar on "
        "Sunday. The arrested men, including a bomb maker named Gul Hassan, were wanted for an "
        "attack on a checkpoint."
    )
    assert _people(events_of(nlp, text, "2016-04-11"), "ARREST") == [(["Gul Hassan"], 5)]


def test_a_member_s_own_mention_of_the_group_s_arrest_is_that_arrest(nlp: Any) -> None:
    text = (
        "A criminal court sentenced 31 defendants to terms of five to 20 years on Thursday. "
        "Among those convicted is Ahmed Salman, who was 16 at the time of his arrest. The "
        "defendants were arrested in raids in March 2018."
    )
    arrests = [e for e in events_of(nlp, text, "2019-11-08") if e.type == "ARREST"]
    assert len(arrests) == 1
    assert arrests[0].args["detainee"] == ["Ahmed Salman"] and arrests[0].date == "2018-03"


def test_the_dead_and_the_speakers_are_no_members(nlp: Any) -> None:
    text = (
        "Gunmen killed six people in an attack on a bus in the north on Monday, police said. "
        "Among the dead was Karim Sadiq, a teacher. Police later detained four men in the town. "
        "The longest detention so far, lawyer Nadia Hamid said, was four days."
    )
    people = _people(events_of(nlp, text, "2017-05-02"), "ARREST")
    assert people == [([], 4)]


def test_among_them_reaches_only_the_group_told_just_before(nlp: Any) -> None:
    far = " ".join(["The ministry gave no further details about the operation."] * 8)
    text = (
        f"Security officers detained seven men in Osh on Monday. {far} Protests took place "
        "outside the court. Among them was Nurbek Asanov, a student."
    )
    assert _people(events_of(nlp, text, "2021-06-01"), "ARREST") == [([], 7)]


def test_russian_members_of_a_verdict_and_of_a_pardon() -> None:
    verdict = russian_events_of(
        "Суд в Душанбе приговорил семерых жителей города к срокам от шести до двенадцати лет "
        "лишения свободы. Самый длительный срок получил 35-летний Рустам Олимов. Все семеро "
        "были задержаны в январе."
    )
    assert _people(verdict, "SENTENCE") == [(["Рустам Олимов"], 7)]
    assert _people(verdict, "ARREST") == [(["Рустам Олимов"], 7)]
    # ("среди бела дня" names no group: the longest term is still read)
    daylight = russian_events_of(
        "Среди бела дня суд в Душанбе приговорил пятерых мужчин к срокам от пяти до девяти "
        "лет. Самый длительный срок получил Фаррух Набиев. Все пятеро были задержаны в мае."
    )
    assert _people(daylight, "ARREST") == [(["Фаррух Набиев"], 5)]
    pardon = russian_events_of(
        "Президент подписал указ о помиловании 60 осуждённых. Среди помилованных — бывший "
        "журналист Алишер Каримов."
    )
    assert _people(pardon, "RELEASE") == [(["Алишер Каримов"], 60)]


def test_the_group_told_of_again_has_the_people_given_terms_one_by_one(nlp: Any) -> None:
    text = (
        "A city court on Friday jailed seven men over the storming of a police station in "
        "January. Judge Aidar Bekov sentenced the ringleader, Marat Seitov, to 14 years. The "
        "other six received between four and nine years. The seven were detained in February, "
        "prosecutors said. Prosecutors said all seven had been recruited into Hizb ut-Tahrir in "
        "2020."
    )
    events = events_of(nlp, text, "2023-10-06")
    assert _people(events, "ARREST") == [(["Marat Seitov"], 7)]
    joins = [e for e in events if e.type == "JOIN"]
    assert [(e.args.get("person"), e.args.get("count")) for e in joins] == [(["Marat Seitov"], 7)]


def test_a_new_group_of_the_same_size_takes_no_one_told_apart(nlp: Any) -> None:
    text = (
        "A court in Dushanbe sentenced Farhod Olimov to 18 years on Monday. Four other men were "
        "given between five and ten years. Police separately detained four people in Kulob."
    )
    assert _people(events_of(nlp, text, "2021-03-10"), "ARREST") == [([], 4)]
