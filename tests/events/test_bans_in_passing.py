"""Bans told in passing: in a relative clause, in the present, in the passive, of a
group's "activity", and the group a designation is of, not the body that makes it."""

from __future__ import annotations

from typing import Any

import pytest
from tests.helpers import events_of

from kronika.events.union import union
from kronika.model import Event, Evidence

pytestmark = pytest.mark.model


def _bans(nlp: Any, text: str) -> list[tuple[list[str], object, object]]:
    return [
        (list(e.args.get("organization") or []), e.args.get("authority"), e.args.get("designation"))  # type: ignore[arg-type]
        for e in events_of(nlp, text, "2015-05-05")
        if e.type == "BAN"
    ]


@pytest.mark.parametrize(
    ("text", "group", "authority"),
    [
        # a designation that holds, told in the present
        (
            "The bombing was blamed on Lashkar-e-Taiba, which Washington lists as a terrorist "
            "organisation.",
            "Lashkar-e-Taiba",
            "Washington",
        ),
        # a passive relative clause with its body after "by"
        (
            "Both men had trained with the Islamic Jihad Union, which was designated a terrorist "
            "group by the Supreme Court of Uzbekistan in 2004.",
            "Islamic Jihad Union",
            "Supreme Court",
        ),
        # the clause hung on the noun before the group and its acronym in brackets
        (
            "Police said the three were members of the Jaysh al-Muhajirin Brigade (JMB), "
            "which is banned in Kyrgyzstan as a terrorist organisation.",
            "Jaysh al-Muhajirin Brigade",
            None,
        ),
    ],
)
def test_a_ban_told_in_a_relative_clause(
    nlp: Any, text: str, group: str, authority: str | None
) -> None:
    bans = _bans(nlp, text)
    assert len(bans) == 1 and bans[0][0] == [group] and bans[0][2] == "terrorist"
    if authority is not None:
        assert bans[0][1] == authority


def test_the_activity_of_a_group_in_quotes_banned(nlp: Any) -> None:
    text = (
        'He was jailed for membership of the party "Ittihodi Islomi", the activities of which '
        "are prohibited in Kazakhstan by a court decision of 2013."
    )
    assert [b[0] for b in _bans(nlp, text)] == [["Ittihodi Islomi"]]


def test_the_group_designated_is_not_the_body_that_designates_it(nlp: Any) -> None:
    alone = "The Foreign Office designated the group a terrorist organisation in 2012."
    assert _bans(nlp, alone) == []
    told = "Police blamed Harkat-ul-Jihad al-Islami for the blast. " + alone
    assert _bans(nlp, told) == [(["Harkat-ul-Jihad al-Islami"], "Foreign Office", "terrorist")]


def test_one_mention_that_names_the_body_more_fully_gives_it() -> None:
    told = (Evidence("x", 0, 1),)
    short = Event("BAN", {"organization": ["X"], "authority": "Russia"}, told)
    full = Event("BAN", {"organization": ["X"], "authority": "Russia's Supreme Court"}, told)
    assert union(short, full).args["authority"] == "Russia's Supreme Court"
    assert union(full, short).args["authority"] == "Russia's Supreme Court"
    curly = Event("BAN", {"organization": ["X"], "authority": "Russia\u2019s Supreme Court"}, told)
    assert union(short, curly).args["authority"] == "Russia\u2019s Supreme Court"
    other = Event("BAN", {"organization": ["X"], "authority": "Kazakhstan"}, told)
    assert union(short, other).args["authority"] == "Russia"
