"""Figures and their claimants, through the real model."""

from __future__ import annotations

from typing import Any

import pytest

from kronika.events.extract import extract_article
from kronika.model import Article
from kronika.settings import Settings

pytestmark = pytest.mark.model


def _claims(nlp: Any, text: str) -> list[Any]:
    article = Article(external_id="t", input_hash="", part=0, text=text)
    return list(extract_article(nlp(text), article, Settings()).claims)


def test_find_claims_takes_the_figure_and_its_claimant(nlp: Any) -> None:
    text = "The Interior Ministry said that 850 Kyrgyz citizens had gone to fight in Syria."
    (claim,) = _claims(nlp, text)
    assert claim.quantity == 850
    assert "citizens" in claim.about
    assert claim.claimant == "Interior Ministry"


def test_find_claims_leaves_the_claimant_empty_for_a_stated_fact(nlp: Any) -> None:
    (claim,) = _claims(nlp, "About 600 Kazakh citizens had gone to fight in Syria.")
    assert claim.quantity == 600 and claim.claimant is None


def test_find_claims_skips_figures_that_are_event_arguments(nlp: Any) -> None:
    text = "Police detained 14 people in Osh on Monday."
    assert [c.quantity for c in _claims(nlp, text)] == []


def test_find_claims_marks_a_contested_figure(nlp: Any) -> None:
    text = "Officials said 40 militants were killed. The group denied the figure."
    (claim,) = _claims(nlp, text)
    assert claim.contested and "denied" in claim.markers


@pytest.mark.parametrize(
    "text",
    [
        # the parser hangs the number on the verb; the plural after it is what it counts
        "About 1,100 Tajik nationals have gone to fight in Syria and Iraq, according to the "
        "Interior Ministry.",
        "About 1,100 Tajik nationals have gone to fight in Syria and Iraq, according to the "
        "Interior Ministry.\n",
    ],
)
def test_find_claims_reads_a_figure_given_according_to_a_source(nlp: Any, text: str) -> None:
    (claim,) = _claims(nlp, text)
    assert claim.quantity == 1100
    assert claim.claimant == "Interior Ministry"
    assert "nationals" in claim.about and "according" not in claim.about


@pytest.mark.parametrize(
    "text,figures",
    [
        # a range told with "or" is one figure, its upper bound
        ("Police said they were still searching for 6 or 7 armed men.", [7]),
        # "73 others" in a gapped clause counts what the first clause counts
        (
            "The governor said 51 residents of the province were fighting in Afghanistan and "
            "73 others in Pakistan.",
            [51, 73],
        ),
        # "and 6 were injured": the number counts the noun of the clause before
        (
            "The minister said 12 militants were killed in the clashes and 6 were wounded.",
            [12, 6],
        ),
    ],
)
def test_find_claims_reads_ranges_and_counts_told_without_their_noun(
    nlp: Any, text: str, figures: list[float]
) -> None:
    assert [c.quantity for c in _claims(nlp, text)] == figures


def test_the_claimant_of_a_quote_is_its_speaker_named_by_title_earlier(nlp: Any) -> None:
    text = (
        "Interior Minister Erlan Turgumbayev spoke to reporters on Monday. "
        "“14 gunmen were killed and 9 were wounded. We are still looking for 5 or 6 armed men. "
        "The operation goes on,” said the Minister."
    )
    claims = _claims(nlp, text)
    assert [c.quantity for c in claims] == [14, 9, 6]
    assert {c.claimant for c in claims} == {"Erlan Turgumbayev"}


def test_a_pronoun_claimant_is_the_person_quoted_last(nlp: Any) -> None:
    text = (
        "Regional police chief Saidjon Nabiev met relatives of detainees in Khujand. "
        "Provincial governor Rustam Hakimov said 120 residents of the province had gone to "
        "Syria. He added that 30 residents were fighting in Afghanistan."
    )
    claims = _claims(nlp, text)
    assert [(c.quantity, c.claimant) for c in claims] == [
        (120, "Rustam Hakimov"),
        (30, "Rustam Hakimov"),
    ]


def test_a_toll_put_otherwise_is_a_claim_of_whoever_puts_it(nlp: Any) -> None:
    text = (
        "The bombing killed 12 people, officials said, though local residents put the toll at "
        "more than 20."
    )
    (claim,) = _claims(nlp, text)
    assert claim.quantity == 20
    assert claim.about == "toll"
    assert claim.claimant == "local residents"


def test_a_number_put_at_a_figure_counts_what_it_is_the_number_of(nlp: Any) -> None:
    text = "Rights groups put the number of political prisoners in Uzbekistan at more than 300."
    (claim,) = _claims(nlp, text)
    assert (claim.quantity, claim.about, claim.claimant) == (
        300,
        "political prisoners in Uzbekistan",
        "Rights groups",
    )


def test_women_and_children_singled_out_among_the_victims_are_figures(nlp: Any) -> None:
    text = (
        "A bomb on a bus in Quetta killed four people and injured 31, including nine women "
        "and six children, police said."
    )
    assert sorted(c.quantity for c in _claims(nlp, text)) == [6, 9]


def test_attackers_a_toll_includes_are_no_figure(nlp: Any) -> None:
    text = "Gunmen raided a police post in Tessit. Twenty people died, including 12 attackers."
    article = Article(external_id="t", input_hash="", part=0, text=text)
    result = extract_article(nlp(text), article, Settings())
    (attack,) = [e for e in result.events if e.type == "ATTACK"]
    assert attack.args.get("killed") == 8
    assert 12 not in [c.quantity for c in result.claims]


@pytest.mark.parametrize(
    ("text", "quantity", "claimant"),
    [
        # an act's people counted over a long span of time: a tally somebody gives
        (
            "Officials say more than 3,000 people convicted of extremism have been freed "
            "through pardons since 2017.",
            3000,
            "Officials",
        ),
        (
            "At least 150 people were detained in the course of 2021, a rights group said.",
            150,
            "rights group",
        ),
        ("The agency has recorded 45 attacks on police so far this year.", 45, "agency"),
        # acts and bodies tallied, and a people counted by its name
        ("Monitors have documented at least 17 deportations since 2020.", 17, "Monitors"),
        ("The prison service recorded 11 escapes from its colonies last year.", 11, "service"),
        ("Prosecutors say about 260 Moroccans travelled to Syria.", 260, "Prosecutors"),
    ],
)
def test_a_tally_over_time_is_a_claim_not_an_event(
    nlp: Any, text: str, quantity: int, claimant: str
) -> None:
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2022-03-01")
    result = extract_article(nlp(text), article, Settings())
    (claim,) = result.claims
    assert claim.quantity == quantity
    assert claimant in (claim.claimant or "")
    assert [e for e in result.events if e.args.get("count") == quantity] == []


@pytest.mark.parametrize(
    "text",
    [
        # a few acts told, not a tally; a year is no count
        "Two bombs exploded in the town, and two more attacks were staged in Bukhara.",
        "The men were convicted of planning a deadly 2016 attack outside a stadium.",
        # the day of an item's date heading counts nothing
        "15 March 2021 - Gunmen attacked villagers near Banibangou, Niger, killing 9.",
        # a date written with dots, run into the count; the attackers of the act told
        "03.02.2019 - Two suicide bombers blew themselves up at a checkpoint in Kandahar, "
        "killing 12 people.",
        # a number inside a group's name
        "Three more Group 24 activists whose asylum claims were rejected were deported.",
    ],
)
def test_acts_told_and_dates_are_no_figures(nlp: Any, text: str) -> None:
    assert [c.quantity for c in _claims(nlp, text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "Jihadists attacked a convoy near Mora on Sunday, killing nine soldiers. Boko Haram "
        "later claimed the attack in a video, saying its fighters had killed 40 soldiers.",
        "Gunmen attacked an army base in Mocimboa da Praia on Friday, killing six soldiers. "
        "Islamic State claimed responsibility for the raid and said 40 soldiers had died.",
    ],
)
def test_what_a_group_says_of_an_attack_it_claims_is_its_claim(nlp: Any, text: str) -> None:
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-01-01")
    result = extract_article(nlp(text), article, Settings())
    attacks = [e for e in result.events if e.type == "ATTACK"]
    assert len(attacks) == 1 and attacks[0].args.get("killed") in (6, 9)
    assert [(c.quantity, c.claimant) for c in result.claims] == [
        (40, "Boko Haram" if "Boko" in text else "Islamic State")
    ]


def test_a_group_owning_a_blast_and_claiming_its_toll_makes_a_claim(nlp: Any) -> None:
    text = (
        "A suicide bomber rammed a motorcycle into a police van in Quetta on Tuesday, killing "
        "six policemen. The group owned the blast in a message to reporters, claiming that 20 "
        "officers had died."
    )
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-01-01")
    result = extract_article(nlp(text), article, Settings())
    assert [e.args.get("killed") for e in result.events if e.type == "ATTACK"] == [6]
    assert [c.quantity for c in result.claims] == [20]


@pytest.mark.parametrize(
    "text",
    [
        "Several hundred of Usenov's supporters gathered outside the courthouse.",
        "A few thousand people marched in Bishkek, police said.",
    ],
)
def test_a_round_number_left_unsaid_is_no_figure(nlp: Any, text: str) -> None:
    assert _claims(nlp, text) == []


def test_a_round_number_given_is_a_figure(nlp: Any) -> None:
    text = "Some 300 people marched in Bishkek, police said."
    assert [c.quantity for c in _claims(nlp, text)] == [300]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # a tally a security force gives, told with no act of its own: a figure
        ("According to the ministry, special forces who restored order killed 20 rioters.", 20),
        ("The army said its units had neutralised around thirty terrorists in the operation.", 30),
    ],
)
def test_a_tally_of_an_operation_is_a_figure(nlp: Any, text: str, quantity: int) -> None:
    assert [c.quantity for c in _claims(nlp, text)] == [quantity]


def test_the_toll_of_an_act_told_is_no_figure(nlp: Any) -> None:
    text = "Gunmen killed 20 villagers in Kountougou on Saturday."
    assert _claims(nlp, text) == []


def test_a_figure_told_as_fact_and_by_its_source_is_one_figure(nlp: Any) -> None:
    text = (
        'Eight armed militants are wanted in the Sughd region. "We are searching for eight '
        'armed men," Interior Minister Ramazon Rahimzoda told reporters.'
    )
    claims = _claims(nlp, text)
    assert [(c.quantity, c.claimant) for c in claims] == [(8, "Ramazon Rahimzoda")]


@pytest.mark.parametrize(
    "text,figures",
    [
        # a source's toll against the one the attack was told with is the source's figure
        (
            "A bomb killed 12 people at a market in Kunduz on Friday, officials said. "
            "Residents said at least 30 people were killed.",
            [(30, "Residents")],
        ),
        # the same toll told again, or a toll that grows, is no rival
        (
            "A bomb killed 12 people at a market in Kunduz on Friday. "
            "Officials said 12 people were killed.",
            [],
        ),
        (
            "A bomb killed 9 people in Quetta on Monday, police said. "
            "Two more people died in hospital on Tuesday, officials said.",
            [],
        ),
    ],
)
def test_a_rival_toll_is_the_figure_of_whoever_gives_it(
    nlp: Any, text: str, figures: list[tuple[int, str]]
) -> None:
    assert [(c.quantity, c.claimant) for c in _claims(nlp, text)] == figures


def test_the_parts_of_a_toll_told_by_a_source_are_no_rival(nlp: Any) -> None:
    text = (
        "A bomb killed 12 people at a market in Kunduz on Friday. Officials said that two "
        "soldiers and three civilians had been wounded."
    )
    assert [c.quantity for c in _claims(nlp, text)] == []


def test_a_tally_of_plots_foiled_is_a_figure_and_its_claimant_is_written_whole(nlp: Any) -> None:
    text = "The State Committee for National Security said it had foiled 15 terrorist plots."
    (claim,) = _claims(nlp, text)
    assert (claim.quantity, claim.about) == (15, "terrorist plots")
    text = "Kyrgyzstan's prosecutor general said 850 citizens had left to join armed groups."
    (claim,) = _claims(nlp, text)
    assert claim.claimant == "Kyrgyzstan's prosecutor general"


def test_a_count_standing_on_a_day_is_a_figure_not_an_event(nlp: Any) -> None:
    text = (
        "According to the rights group, at least 1,480 people were imprisoned on religious "
        "charges in Uzbekistan as of May 2018."
    )
    article = Article(external_id="t", input_hash="", part=0, text=text)
    result = extract_article(nlp(text), article, Settings())
    assert [e.type for e in result.events] == []
    (claim,) = result.claims
    assert claim.quantity == 1480
    # (the words that qualify the number are not what it counts)
    assert claim.about.startswith("people imprisoned")


@pytest.mark.parametrize(
    ("text", "part", "about"),
    [
        # a part of a group told before, by "of them" or "of whom"
        (
            "The security service said 950 Kazakh citizens had travelled to Syria, and that 120 "
            "of them had been killed there.",
            120,
            "Kazakh citizens killed",
        ),
        (
            "Officials estimate that 1,800 Uzbek nationals have joined armed groups abroad, of "
            "whom some 200 are believed to have been killed.",
            200,
            "Uzbek nationals killed",
        ),
        # a part of a number of people held, which is no toll
        (
            "The camp holds some 11,000 suspected fighters, including about 2,000 foreigners "
            "from dozens of countries.",
            2000,
            "foreigners",
        ),
    ],
)
def test_a_part_of_a_counted_group_is_a_figure_of_its_own(
    nlp: Any, text: str, part: int, about: str
) -> None:
    claims = {c.quantity: c for c in _claims(nlp, text)}
    assert part in claims and about in claims[part].about


def test_a_part_of_a_toll_is_still_no_figure(nlp: Any) -> None:
    text = "A suicide bomber killed 31 people, including 12 policemen, in the town on Monday."
    assert 12 not in {c.quantity for c in _claims(nlp, text)}


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        (
            "Since the start of the year, police have detained 64 accomplices of militants, the "
            "ministry said.",
            64,
        ),
        ("Of those held, 37 among the detained are alleged members of the movement.", 37),
    ],
)
def test_people_counted_by_what_was_done_to_them(nlp: Any, text: str, quantity: int) -> None:
    assert quantity in {c.quantity for c in _claims(nlp, text)}


def test_some_of_the_defendants_of_a_trial_are_no_figure(nlp: Any) -> None:
    text = "Relatives of two of the defendants told reporters they would appeal."
    assert _claims(nlp, text) == []


def test_a_number_written_in_two_words_is_one_figure(nlp: Any) -> None:
    text = "Sixty-three among the detained are alleged members of the movement, police said."
    assert {c.quantity for c in _claims(nlp, text)} == {63}
