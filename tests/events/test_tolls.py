"""Attack tolls through the real model: victims only, in every frame a report uses."""

from __future__ import annotations

from typing import Any

import pytest
from tests.helpers import events_of

from kronika.events.extract import extract_article
from kronika.model import Article, Event
from kronika.settings import Settings

pytestmark = pytest.mark.model


def _attack(nlp: Any, text: str) -> Event:
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-05-02")
    attacks = [
        e for e in extract_article(nlp(text), article, Settings()).events if e.type == "ATTACK"
    ]
    assert len(attacks) == 1, attacks
    return attacks[0]


@pytest.mark.parametrize(
    "text,killed,wounded",
    [
        ("Gunmen stormed a hotel in Garowe, killing four guards and wounding nine guests.", 4, 9),
        # "martyring": a killing, as some outlets tell it
        (
            "Militants raided a checkpoint in Lakki Marwat late on Friday, martyring two "
            "constables and injuring five others.",
            2,
            5,
        ),
        # a hyphened noun the tagger reads as an adjective is still one person
        (
            "A bomb went off outside a bank in Mardan, killing two guards and a passer-by and "
            "wounding six people.",
            3,
            6,
        ),
        # "another": one more person
        ("Gunmen attacked a police post in Khorog, killing an officer and wounding another.", 1, 1),
        (
            "Gunmen attacked a checkpoint in Faryab. A soldier was killed and another was hurt.",
            1,
            1,
        ),
        ("Gunmen attacked a bank in Osh. Two guards died and another was wounded.", 2, 1),
        ("A bomb killed a soldier in Gao on Monday; another was wounded.", 1, 1),
        # "shot dead" read with "shot" as a noun and "dead" as the verb
        ("A sniper shot dead two soldiers near Donetsk on Friday.", 2, None),
        # wounds suffered as an object
        (
            "Two devices exploded at a market in Kabul. Eight civilians were killed, while 23 "
            "others sustained injuries.",
            8,
            23,
        ),
        # one person told by whose he is
        ("An airstrike killed the group's spokesman near Jilib on Friday.", 1, None),
        # fighters a state's forces kill are the victims of that act
        ("Troops shot dead four suspected insurgents near Mopti on Sunday.", 4, None),
        ("A drone strike killed six militants near Sirte on Tuesday.", 6, None),
        # a stabbing told without death wounds; with it, kills
        ("Three guards were stabbed by an inmate in a prison in Osh.", None, 3),
        ("Two guards were stabbed to death by an inmate in a prison in Osh.", 2, None),
        # a massacre kills; "a family of six" is six
        ("At least 17 villagers were massacred near Fada N'Gourma.", 17, None),
        ("Gunmen killed a family of five in a village near Maradi on Friday.", 5, None),
        (
            "A car bomb exploded near a bakery in Baidoa. Six people were killed and 13 injured.",
            6,
            13,
        ),
        ("The blast at the bus depot left eleven dead and 30 others injured.", 11, 30),
        (
            "Rebels ambushed a patrol near Tessit, killing at least 12 soldiers and a civilian.",
            13,
            None,
        ),
        (
            "A suicide bomber attacked a rally in Lashkar Gah, killing nine people, "
            "including the bomber.",
            8,
            None,
        ),
        (
            "Militants attacked a base in Diffa. At least 30 people were killed, including "
            "five of the attackers, and 14 were wounded.",
            25,
            14,
        ),
        # the parser hangs "including" on the act; a suicide bomber counts himself
        (
            "Police said 14 people had been killed in the attack, including the bomber.",
            13,
            None,
        ),
        (
            "A suicide bomber killed 11 people, including himself, at a bus stop in Quetta.",
            10,
            None,
        ),
        ("Assailants threw a grenade at a police post in Yala. No one was injured.", None, 0),
        ("Attackers set fire to a school in Kunduz. There were no casualties.", 0, 0),
        ("Unidentified gunmen shot dead a tribal elder in Wana.", 1, None),
        ("Gunmen killed a shopkeeper and his brother in Bangui.", 2, None),
        (
            "A roadside bomb struck an army truck near Khost. Both soldiers inside were wounded.",
            None,
            2,
        ),
        ("Twenty-three people were killed in the bombing of a market in Maiduguri.", 23, None),
        # "dead" read by the parser as the victims' adjective
        ("The attacker shot dead two civilians and five policemen in Taraz.", 7, None),
        # the attacker stopped is no victim; a pronoun that is not the doer's is one
        (
            "The suspect opened fire on officers at a checkpoint in Aktobe, wounding one, "
            "before he was shot dead.",
            None,
            1,
        ),
        ("The man opened fire on a patrol, wounding two, before he was killed by police.", None, 2),
        (
            "Gunmen opened fire on the crowd in Peshawar, killing two, before they were shot dead.",
            2,
            None,
        ),
        ("Militants stormed the house of the district chief before he was shot dead.", 1, None),
        # two guards were killed when militants crossed the border: armed men's act, any verb
        (
            "Two border guards were killed and three others injured when militants crossed "
            "into Tajikistan from Afghanistan overnight.",
            2,
            3,
        ),
        # a pronoun for the person told of is one victim
        ("A bomb went off under the judge's car in Kirkuk. She died when it exploded.", 1, None),
        (
            "The attack did not injure the governor, but four guards were wounded.",
            None,
            4,
        ),
        # lives lost; "hurt" read by the parser as a noun
        (
            "Gunmen ambushed a convoy near Djibo. Sixteen soldiers lost their lives, and "
            "several others sustained injuries.",
            16,
            None,
        ),
        ("A bomb struck a wedding hall in Kabul. The attack left 35 dead and 60 hurt.", 35, 60),
        # wounds are no victims
        ("Two men attacked a journalist in Moscow and left him with six knife wounds.", None, None),
        # a toll told without a verb, as flashes and titles give it
        ("Bomb blast at a market in Quetta: 12 dead, 30 injured.", 12, 30),
        (
            "Car bomb hits a checkpoint in Kunduz this morning — at least 7 dead, 19 wounded, "
            "officials say.",
            7,
            19,
        ),
    ],
)
def test_the_toll_counts_victims_in_every_frame(
    nlp: Any, text: str, killed: int | None, wounded: int | None
) -> None:
    event = _attack(nlp, text)
    assert event.args.get("killed") == killed
    assert event.args.get("wounded") == wounded


def test_attackers_killed_are_not_the_toll(nlp: Any) -> None:
    event = _attack(nlp, "Militants attacked a checkpoint in Arish. Twelve militants were killed.")
    assert "killed" not in event.args


def test_a_toll_in_a_dated_new_paragraph_belongs_to_another_happening(nlp: Any) -> None:
    text = "A drone strike hit a compound near Jilib.\n\nOn June 3, four men were killed in Hudur."
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-06-05")
    result = extract_article(nlp(text), article, Settings())
    first = next(e for e in result.events if e.type == "ATTACK" and "Jilib" in e.evidence[0].text)
    assert "killed" not in first.args


def test_a_toll_told_for_several_acts_is_not_one_acts(nlp: Any) -> None:
    text = (
        "The men took part in attacks on a jail in Osh and on a border post in 2010. "
        "Nine guards were killed in the attacks."
    )
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-06-05")
    result = extract_article(nlp(text), article, Settings())
    assert all("killed" not in e.args for e in result.events if e.type == "ATTACK")
    assert [c.quantity for c in result.claims] == [9]


def test_a_toll_of_an_act_told_days_apart_is_not_this_acts(nlp: Any) -> None:
    text = (
        "Militants bombed a checkpoint near the airport in Kismayo on Sunday. The attack comes "
        "days after an army raid killed the group's deputy commander."
    )
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-06-05")
    result = extract_article(nlp(text), article, Settings())
    checkpoint = [e for e in result.events if e.type == "ATTACK" and e.args.get("target")]
    assert checkpoint and all("killed" not in e.args for e in checkpoint)


def test_a_number_after_another_verb_is_that_verb_s_toll(nlp: Any) -> None:
    # the parser may join "injured 11 others" to the nouns "killed" counts
    text = (
        "The blast at the Nawa bazaar killed four soldiers and a passer-by and injured 11 others."
    )
    killed = _attack(nlp, text).args.get("killed")
    assert killed is not None and killed <= 5


def test_a_death_sentence_is_no_toll(nlp: Any) -> None:
    text = (
        "A court in Multan sentenced a man to death for the 2018 bombing of a shrine in the city."
    )
    assert "killed" not in _attack(nlp, text).args


@pytest.mark.parametrize(
    "text,killed",
    [
        ("Gunmen attacked a checkpoint in Bannu, killing three police. The toll rose to five.", 5),
        (
            "A bomb went off at a bus stop in Kano on Friday, killing six people. "
            "The death toll has since climbed to 11, hospital officials said.",
            11,
        ),
        ("A suicide bomber struck a market in Baidoa. The death toll stands at 14.", 14),
        # the toll told as a number of people, the act inside it
        (
            "The number of people killed in Friday's bombing of a guesthouse in Baidoa rose to "
            "nine on Sunday.",
            9,
        ),
    ],
)
def test_a_death_toll_told_again_is_the_latest(nlp: Any, text: str, killed: int) -> None:
    assert _attack(nlp, text).args.get("killed") == killed


def test_one_injured_who_died_is_no_wounded(nlp: Any) -> None:
    text = "Militants attacked a police post in Wana. Later an injured guard died in hospital."
    assert "wounded" not in _attack(nlp, text).args


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "According to official statistics, courts in Kazakhstan convicted 312 people in 2019 "
        "under articles on extremism.",
        "Interior Ministry figures show that 5,300 foreign nationals were deported on "
        "terrorism-related grounds in the first nine months of this year.",
    ],
)
def test_a_statistic_over_a_year_is_a_tally_not_an_event(nlp: Any, text: str) -> None:
    assert events_of(nlp, text, published="2020-10-10") == []
