"""Merging an event told several times in one article, on hand-built events."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kronika.events.alike import share_a_word
from kronika.events.merge import merge_events
from kronika.events.told import NOWHERE, Told
from kronika.model import ArgValue, Event, Evidence, Place

#: The core role of each type, as the rule files name it.
CORE = {
    "SENTENCE": "defendant",
    "BAN": "organization",
    "EXTRADITION": "person",
    "APPEAL": "appellant",
    "JOIN": "person",
    "ARREST": "detainee",
    "RELEASE": "person",
}


def _told(
    type_name: str,
    at: int,
    date: str | None = None,
    supplement: bool = False,
    **args: ArgValue,
) -> Told:
    """A mention told in a sentence starting at char ``at`` (its evidence starts there too)."""
    event = Event(type_name, dict(args), (Evidence(f"sentence at {at}", at, at + 40),), date=date)
    return Told(at, False, False, event, supplement=supplement)


@pytest.mark.parametrize("type_name", ["SENTENCE", "BAN", "EXTRADITION", "APPEAL", "JOIN"])
def test_merge_events_joins_the_same_people_told_twice_whatever_else_differs(
    type_name: str,
) -> None:
    core = CORE[type_name]
    # the lead and a later paragraph word the same story differently (a conflicting detail)
    lead = _told(type_name, 0, "2020-05", **{core: ["Zafar Kurbonov"], "court": "Khatlon court"})
    later = _told(type_name, 500, "2020-05-14", **{core: ["Zafar Kurbonov"], "court": "A judge"})
    (event,) = merge_events([lead, later])
    assert event.args[core] == ["Zafar Kurbonov"]
    assert event.date == "2020-05-14"
    assert len(event.evidence) == 2


@pytest.mark.parametrize("type_name", ["ARREST", "RELEASE"])
def test_merge_events_keeps_apart_arrests_and_releases_that_may_recur(type_name: str) -> None:
    core = CORE[type_name]
    first = _told(type_name, 0, **{core: ["Zafar Kurbonov"], "authority": "FSB"})
    second = _told(type_name, 500, **{core: ["Zafar Kurbonov"], "authority": "border guards"})
    assert len(merge_events([first, second])) == 2


@pytest.mark.parametrize(
    "first,second",
    [
        ({"term_years": 7}, {"term_years": 10}),
        ({"term_years": 7}, {"term_years": 7.5}),
        ({"life": True}, {"life": False}),
    ],
)
def test_merge_events_never_joins_sentences_of_different_terms(
    first: dict[str, ArgValue], second: dict[str, ArgValue]
) -> None:
    a = _told("SENTENCE", 0, defendant=["Zafar Kurbonov"], **first)
    b = _told("SENTENCE", 500, defendant=["Zafar Kurbonov"], **second)
    assert len(merge_events([a, b])) == 2


def test_merge_events_never_joins_the_same_people_on_different_dates() -> None:
    a = _told("SENTENCE", 0, "2019-02", defendant=["Zafar Kurbonov"], term_years=7)
    b = _told("SENTENCE", 500, "2021-06", defendant=["Zafar Kurbonov"], term_years=7)
    assert [e.date for e in merge_events([a, b])] == ["2019-02", "2021-06"]


def test_merge_events_adds_a_supplement_to_the_event_it_joins() -> None:
    story = _told("SENTENCE", 0, "2020-05-14", defendant=["Zafar Kurbonov"], term_years=9)
    more = _told(
        "SENTENCE",
        300,
        supplement=True,
        defendant=["Zafar Kurbonov"],
        charges=["inciting hatred"],
        articles=["189"],
    )
    (event,) = merge_events([story, more])
    assert event.args["charges"] == ["inciting hatred"]
    assert event.args["articles"] == ["189"]
    assert event.args["term_years"] == 9
    assert [e.start for e in event.evidence] == [0, 300]


def test_merge_events_keeps_a_supplement_told_before_its_event() -> None:
    more = _told("SENTENCE", 0, supplement=True, defendant=["Zafar Kurbonov"], charges=["treason"])
    story = _told("SENTENCE", 300, defendant=["Zafar Kurbonov"], term_years=9)
    (event,) = merge_events([more, story])
    assert event.args["charges"] == ["treason"] and event.args["term_years"] == 9


@pytest.mark.parametrize("count", [1, 2])
def test_merge_events_drops_supplements_that_join_no_event(count: int) -> None:
    others = [_told("ARREST", 0, detainee=["Ilhom Saidov"])]
    supplements = [
        _told("SENTENCE", 300 + 200 * n, supplement=True, defendant=["Zafar Kurbonov"])
        for n in range(count)
    ]
    merged = merge_events(others + supplements)
    assert [e.type for e in merged] == ["ARREST"]


def test_merge_events_keeps_the_same_mention_when_it_is_no_supplement() -> None:
    told = _told("SENTENCE", 300, defendant=["Zafar Kurbonov"], charges=["treason"])
    assert len(merge_events([told])) == 1


def _trial(second_date: str | None, second_at: int) -> list[Told]:
    return [
        _told(
            "SENTENCE",
            0,
            "2020-05-14",
            defendant=["Zafar Kurbonov"],
            court="Osh city court",
            term_years=9,
        ),
        _told("SENTENCE", second_at, second_date, defendant=["Ilhom Saidov"], term_years=6),
    ]


@pytest.mark.parametrize(
    "second_date,second_at,court",
    [
        # the same month: the same trial, whatever the distance
        ("2020-05", 3000, "Osh city court"),
        ("2020-05-14", 3000, "Osh city court"),
        # another month: another trial
        ("2020-07", 100, None),
        ("2019", 100, None),
        # no date: the same trial when told nearby
        (None, 300, "Osh city court"),
        (None, 3000, None),
    ],
)
def test_merge_events_gives_a_sentence_the_court_of_its_trial(
    second_date: str | None, second_at: int, court: str | None
) -> None:
    merged = merge_events(_trial(second_date, second_at))
    second = next(e for e in merged if e.args["defendant"] == ["Ilhom Saidov"])
    assert second.args.get("court") == court


def test_merge_events_takes_the_court_told_nearest() -> None:
    events = [
        _told("SENTENCE", 0, defendant=["Zafar Kurbonov"], court="Osh city court"),
        _told("SENTENCE", 1000, defendant=["Ilhom Saidov"], court="Supreme Court"),
        _told("SENTENCE", 1200, defendant=["Jasur Alimov"]),
    ]
    merged = merge_events(events)
    last = next(e for e in merged if e.args["defendant"] == ["Jasur Alimov"])
    assert last.args["court"] == "Supreme Court"


def test_merge_events_gives_a_court_only_to_sentences() -> None:
    events = [
        _told("SENTENCE", 0, "2020-05-14", defendant=["Zafar Kurbonov"], court="Osh city court"),
        _told("APPEAL", 200, "2020-05-20", appellant=["Ilhom Saidov"]),
    ]
    appeal = next(e for e in merge_events(events) if e.type == "APPEAL")
    assert "court" not in appeal.args


def _attack(
    at: int, place: Place | None, date: str | None = "2020-03-01", **args: ArgValue
) -> Told:
    event = Event("ATTACK", dict(args), (Evidence(f"sentence at {at}", at, at + 40),), date=date)
    return Told(at, False, False, replace(event, location=place))


MALI = Place("Mali", country="Mali")
TOWN = Place("Tillia", country="Niger", lat=16.1, lon=4.8)


def test_merge_events_joins_attacks_told_with_one_toll_at_the_narrower_place() -> None:
    # the lead places the attack by the country, the next paragraph by its town
    told = [_attack(0, MALI, killed=14, wounded=15), _attack(900, TOWN, None, killed=14)]
    merged = merge_events(told)
    assert len(merged) == 1
    assert merged[0].location == TOWN
    assert merged[0].args == {"killed": 14, "wounded": 15}


@pytest.mark.parametrize(
    "second",
    [
        _attack(900, TOWN, killed=3),  # another toll: another attack
        _attack(900, TOWN, "2020-03-05", killed=14),  # another day
        _attack(900, TOWN, killed=14, wounded=2),  # the same dead, other wounded
    ],
)
def test_merge_events_keeps_attacks_apart_when_their_tolls_or_days_differ(second: Told) -> None:
    assert len(merge_events([_attack(0, MALI, killed=14, wounded=15), second])) == 2


def test_merge_events_does_not_join_attacks_by_a_single_death() -> None:
    # one dead is too common a toll to name one attack
    assert len(merge_events([_attack(0, MALI, killed=1), _attack(900, TOWN, killed=1)])) == 2


def test_merge_events_gives_people_told_as_those_arrested_to_the_nameless_arrest() -> None:
    # "Police arrested dozens of suspects. Those arrested include A and B."
    raid = _told("ARREST", 0, "2020", detainee=[])
    those = replace(
        _told("ARREST", 20, detainee=["Nurlan Beisov", "Askar Omarov"]), refers_back=True
    )
    merged = merge_events([raid, those])
    assert [e.args["detainee"] for e in merged] == [["Nurlan Beisov", "Askar Omarov"]]
    assert merged[0].date == "2020"


def test_a_headline_restates_the_body_s_event_with_rounder_figures() -> None:
    # "Bombing claimed by al-Shabaab kills five" over "... killing five, including the bomber"
    body = _told("ATTACK", 100, "2015-01-04", perpetrator=["al-Shabaab"], killed=4)
    other = _told("ATTACK", 20, None, killed=1)
    headline = replace(
        _told("ATTACK", 0, None, perpetrator=["al-Shabaab"], killed=5), headline=True
    )
    (first, attack) = merge_events([other, body, headline])
    assert first.args == {"killed": 1}
    assert attack.args == {"perpetrator": ["al-Shabaab"], "killed": 4}
    assert len(attack.evidence) == 2


def test_a_headline_with_another_group_stays_apart() -> None:
    body = _told("ATTACK", 100, None, perpetrator=["Taliban"], killed=4)
    headline = replace(
        _told("ATTACK", 0, None, perpetrator=["al-Shabaab"], killed=5), headline=True
    )
    assert len(merge_events([body, headline])) == 2


def test_the_act_told_again_by_its_definite_noun_takes_the_unknown_place_it_adds() -> None:
    # "... a car bomb detonated near the airport in Mogadishu ... The bomb exploded in the
    # Waaberi district": a district the gazetteer does not know may lie in the city
    city = Place("Mogadishu", "Somalia", None, 2.04, 45.34)
    first = replace(_told("ATTACK", 0, "2015-01-04", killed=4).event, location=city)
    again = _told("ATTACK", 300, None)
    again = replace(again, refers_back=True, event=replace(again.event, location=Place("Waaberi")))
    (attack,) = merge_events([Told(0, False, False, first), again])
    assert attack.location is not None and attack.location.name == "Waaberi"
    assert attack.date == "2015-01-04"


def test_a_place_holds_for_the_next_attack_told_near_any_mention_of_the_last() -> None:
    # an escape told in the title and again below; the attack right after the body's
    # telling happened where the escape did, even though the title is far above
    prison = Place("Dushanbe", "Tajikistan", "Dushanbe", 38.5, 68.8)
    title = _told("ESCAPE", 0, None, count=25)
    again = _told("ESCAPE", 900, None, count=25)
    again = replace(again, event=replace(again.event, location=prison))
    attack = _told("ATTACK", 1000, None, killed=1)
    (escape, placed) = merge_events([replace(title, headline=True), again, attack])
    assert escape.type == "ESCAPE" and placed.location == prison


def test_an_act_told_as_also_done_takes_the_day_of_the_act_before() -> None:
    # "The Nusra Front freed 16 soldiers on Tuesday ... Thirteen Islamists were also released"
    freed = _told("RELEASE", 0, "2015-12-01", count=16)
    also = replace(_told("RELEASE", 200, None, count=13), also=True)
    first, second = merge_events([freed, also])
    assert (first.date, second.date) == ("2015-12-01", "2015-12-01")
    # without "also", a mention takes no other act's day; nor does one told far below
    assert merge_events([freed, _told("RELEASE", 200, None, count=13)])[1].date is None
    far = replace(_told("RELEASE", 2000, None, count=13), also=True)
    assert merge_events([freed, far])[1].date is None


def test_counted_people_told_of_before_are_named_by_the_events_before() -> None:
    # "The court sentenced A ... The remaining three men, B, C and D, got five years ...
    # The four men were arrested in 2015."
    one = _told("SENTENCE", 0, None, defendant=["Ruslan Aliev"], term_years=7)
    three = _told("SENTENCE", 100, None, defendant=["Ferat Sayfi", "Rustem Vali", "Yuri Primov"])
    men = replace(_told("ARREST", 300, "2015", detainee=[], count=4), refers_back=True)
    *_, arrest = merge_events([one, three, men])
    assert arrest.args["detainee"] == ["Ruslan Aliev", "Ferat Sayfi", "Rustem Vali", "Yuri Primov"]
    # a count the people before do not make, or a mention that does not point back: no names
    five = replace(men, event=replace(men.event, args={"detainee": [], "count": 5}))
    assert merge_events([one, three, five])[-1].args["detainee"] == []
    plain = replace(men, refers_back=False)
    assert merge_events([one, three, plain])[-1].args["detainee"] == []


def test_a_jail_told_bare_and_then_more_fully_is_one_escape() -> None:
    # "inmates escaped from a penitentiary ... About 150 inmates escaped from the
    # medium-security penitentiary": one jail broken, one escape
    lead = _told("ESCAPE", 0, "2013-07-11", facility="penitentiary")
    body = _told("ESCAPE", 600, "2013-07-11", facility="medium security penitentiary", count=150)
    assert len(merge_events([lead, body])) == 1
    # another kind of place of custody is another escape
    other = _told("ESCAPE", 600, "2013-07-11", facility="police lockup", count=12)
    assert len(merge_events([lead, other])) == 2


def test_an_act_told_as_of_another_time_stays_apart_from_its_sentence() -> None:
    # "The attack occurred near the airport and comes days after a strike killed X"
    main = _told("ATTACK", 0, "2015-01-04", perpetrator=["al-Shabaab"], killed=4)
    strike = replace(_told("ATTACK", 300, None, killed=1), earlier=True)
    attack = replace(_told("ATTACK", 300, None), refers_back=True, news=True)
    merged = merge_events([main, strike, attack], "2015-01-05")
    assert [e.args for e in merged] == [{"perpetrator": ["al-Shabaab"], "killed": 4}, {"killed": 1}]
    # "the attack" is the one told before, not the strike beside it
    assert [len(e.evidence) for e in merged] == [2, 1]


def test_people_told_without_a_number_take_the_number_told_just_after() -> None:
    # "Police have detained a group of alleged members ... 16 suspected members have been
    # apprehended": one arrest, counted in the second sentence
    lead = _told("ARREST", 0, None, detainee=[])
    counted = _told("ARREST", 30, "2015-10-29", detainee=[], count=16)
    (event,) = merge_events([lead, counted])
    assert event.args["count"] == 16
    # people who are themselves ones told of before ("All of them were arrested") stay apart
    back = replace(lead, refers_back=True)
    assert len(merge_events([back, counted])) == 2


def test_a_country_gives_way_to_a_place_inside_it_for_every_type() -> None:
    country = Place("Tajikistan", country="Tajikistan")
    city = Place("Dushanbe", country="Tajikistan", admin1="Dushanbe")
    lead = replace(_told("SENTENCE", 0, None, defendant=[]), headline=False)
    lead = replace(lead, event=replace(lead.event, location=country))
    body = _told("SENTENCE", 30, None, defendant=["Jahongir Qosimov"], term_years=19)
    body = replace(body, event=replace(body.event, location=city))
    (event,) = merge_events([lead, body])
    assert event.location == city


def test_a_group_banned_in_two_states_is_two_bans_wherever_they_are_told() -> None:
    astana = replace(
        _told("BAN", 0, "2013-02", organization=["Tablighi Jamaat"]),
    )
    astana = replace(astana, event=replace(astana.event, location=Place("Astana", "Kazakhstan")))
    tashkent = _told("BAN", 300, None, organization=["Tablighi Jamaat"])
    tashkent = replace(
        tashkent, event=replace(tashkent.event, location=Place("Uzbekistan", "Uzbekistan"))
    )
    assert len(merge_events([astana, tashkent])) == 2
    # told again without a place, it is the same ban
    again = _told("BAN", 600, None, organization=["Tablighi Jamaat"])
    assert len(merge_events([astana, again])) == 1


def test_a_sentence_takes_the_place_of_its_trial_s_court() -> None:
    first, second = _trial(None, 300)
    osh = Place("Osh", "Kyrgyzstan")
    first = replace(first, event=replace(first.event, location=osh))
    merged = merge_events([first, second])
    assert [e.location for e in merged] == [osh, osh]


@pytest.mark.parametrize(
    ("second_date", "second_at", "day_from", "date"),
    [
        # told nearby without a day, going on with the story: the trial's day ("The court
        # on March 3 sentenced twelve ... A was given nine years")
        (None, 300, 0, "2020-05-14"),
        # its own day stays; far away, another trial
        ("2020-05-20", 300, 0, "2020-05-20"),
        (None, 3000, 0, None),
        # told as before the story ("was previously sentenced"), or in a paragraph of
        # another time than the verdict's: no day of its own
        (None, 300, NOWHERE, None),
        (None, 300, 200, None),
    ],
)
def test_a_sentence_takes_the_day_of_its_trial_s_court(
    second_date: str | None, second_at: int, day_from: int, date: str | None
) -> None:
    first, second = _trial(second_date, second_at)
    merged = merge_events([first, replace(second, day_from=day_from)])
    second_event = next(e for e in merged if e.args["defendant"] == ["Ilhom Saidov"])
    assert second_event.date == date


def test_a_counted_group_and_its_named_member_with_the_same_term_are_one_verdict() -> None:
    leaders = _told("SENTENCE", 0, date="2016-06-02", defendant=[], count=2, life=True)
    named = _told(
        "SENTENCE", 900, date="2016-06-02", defendant=["Makhmadali Khait"], count=2, life=True
    )
    (event,) = merge_events([leaders, named])
    assert event.args["defendant"] == ["Makhmadali Khait"]
    # another term: two groups of two
    other = _told(
        "SENTENCE", 900, date="2016-06-02", defendant=["Ali Valiev"], count=2, term_years=9
    )
    assert len(merge_events([leaders, other])) == 2


def test_a_verdict_dated_by_its_report_takes_the_day_told_with_it() -> None:
    reported = replace(
        _told("SENTENCE", 0, date="2002-07-08", defendant=["Ali Valiev"], term_years=5),
        reported=True,
    )
    own = _told("SENTENCE", 300, date="2002-07-04", defendant=["Ali Valiev"])
    (event,) = merge_events([reported, own])
    assert event.date == "2002-07-04"
    # a week and more apart, or both the act's own days: two verdicts
    later = _told("SENTENCE", 300, date="2002-06-20", defendant=["Ali Valiev"])
    assert len(merge_events([reported, later])) == 2
    unreported = _told("SENTENCE", 0, date="2002-07-08", defendant=["Ali Valiev"], term_years=5)
    assert len(merge_events([unreported, own])) == 2


def test_a_verdict_on_no_one_named_is_the_one_told_before() -> None:
    # "The court sentenced Timur Latipov to three years ... The court found the singer guilty
    # of insulting a judge": the singer is the man sentenced
    named = _told("SENTENCE", 0, "2024-03-12", defendant=["Timur Latipov"], term_years=3)
    again = _told("SENTENCE", 300, "2024-03-12", defendant=[], charges=["insulting a judge"])
    (event,) = merge_events([named, again])
    assert event.args["defendant"] == ["Timur Latipov"]
    assert event.args["charges"] == ["insulting a judge"]


@pytest.mark.parametrize(
    "args",
    [
        {"count": 4},  # counted: other people
        {"term_years": 5},  # a term of its own: another verdict
    ],
)
def test_a_verdict_on_others_is_not_the_one_told_before(args: dict[str, ArgValue]) -> None:
    named = _told("SENTENCE", 0, "2024-03-12", defendant=["Timur Latipov"], term_years=3)
    others = _told("SENTENCE", 300, "2024-03-12", defendant=[], **args)
    assert len(merge_events([named, others])) == 2


def test_a_verdict_on_no_one_named_far_below_is_apart() -> None:
    named = _told("SENTENCE", 0, "2024-03-12", defendant=["Timur Latipov"], term_years=3)
    far = _told("SENTENCE", 3000, "2024-03-12", defendant=[], charges=["insulting a judge"])
    assert len(merge_events([named, far])) == 2


def test_a_headline_with_its_charge_in_other_words_restates_the_verdict() -> None:
    body = _told(
        "SENTENCE", 100, "2024-03-12", defendant=["Timur Latipov"], charges=["insulting a judge"]
    )
    title = replace(
        _told("SENTENCE", 0, "2024-03-12", defendant=[], charges=["insult to a judge"]),
        headline=True,
    )
    (event,) = merge_events([title, body])
    assert event.args["defendant"] == ["Timur Latipov"]


def test_two_charges_sharing_a_word_are_two_charges() -> None:
    first = _told("SENTENCE", 0, "2024-03", defendant=[], count=2, charges=["financing terrorism"])
    second = _told(
        "SENTENCE", 900, "2024-03", defendant=[], count=2, charges=["propagating terrorism"]
    )
    assert len(merge_events([first, second])) == 2


def test_a_headline_placed_more_broadly_restates_the_story() -> None:
    def attack(at: int, killed: int, place: Place) -> Told:
        told = _told("ATTACK", at, "2019-05-06", perpetrator=["Northern Front"], killed=killed)
        return replace(told, event=replace(told.event, location=place))

    body = attack(100, 6, Place(name="Hodan district"))
    title = replace(attack(0, 7, Place(name="Baidoa", country="Somalia")), headline=True)
    (event,) = merge_events([title, body])
    assert event.args["killed"] == 6


def test_a_round_count_and_the_exact_one_are_one_release() -> None:
    # "Uzbekistan freed more than 800 prisoners ... the president signed a pardon decree for
    # 812 prisoners": the state and its head, the round count and the exact one
    lead = _told("RELEASE", 0, "2023-03-20", count=800, authority="Uzbekistan")
    body = _told("RELEASE", 200, "2023-03-20", count=812, authority="Shavkat Mirziyoyev")
    (event,) = merge_events([lead, body])
    assert event.args["count"] == 812


def test_counts_far_apart_are_two_releases() -> None:
    lead = _told("RELEASE", 0, "2023-03-20", count=800, authority="Uzbekistan")
    body = _told("RELEASE", 200, "2023-03-20", count=1200, authority="Shavkat Mirziyoyev")
    assert len(merge_events([lead, body])) == 2


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("tajik prison", "a prison in the capital", True),
        # a Russian word in another case is the same word
        ("суд в астане", "сарыаркинский районный суд астаны", True),
        ("суд в астане", "суд в бишкеке", False),
        ("osh city court", "supreme court", True),
        ("police", "army", False),
        # (but two words that only begin alike are two)
        ("суд ленинского района", "ленинградский областной суд", False),
        ("колония", "колонна", False),
    ],
)
def test_two_phrases_share_a_word_in_any_case(a: str, b: str, alike: bool) -> None:
    assert share_a_word(a, b) is alike


def test_one_verdict_told_with_its_charges_in_other_words_is_one_event() -> None:
    lead = _told(
        "SENTENCE", 0, "2013-04-17", defendant=[], count=6, term_years=7,
        charges=["membership of Jamaat Ansarullah"],
    )  # fmt: skip
    # "The court found the six guilty of ...": the people of the verdict told before
    later = _told(
        "SENTENCE", 300, "2013-04-17", defendant=[], count=6,
        charges=["organizing an extremist community"],
    )  # fmt: skip
    later = replace(later, refers_back=True)
    assert len(merge_events([lead, replace(later, refers_back=False)])) == 2
    (event,) = merge_events([lead, later])
    assert event.args["charges"] == [
        "membership of Jamaat Ansarullah",
        "organizing an extremist community",
    ]
    assert event.args["term_years"] == 7


@pytest.mark.parametrize(
    "first,second",
    [
        # the same count with another term: another verdict in the same trial
        ({"count": 4, "life": True}, {"count": 4, "term_years": 15}),
        # another count: other people
        ({"count": 4}, {"count": 5}),
        # one person, unnamed, may be another
        ({"count": 1}, {"count": 1}),
    ],
)
def test_verdicts_with_other_charges_stay_apart_unless_the_same_people(
    first: dict[str, ArgValue], second: dict[str, ArgValue]
) -> None:
    a = _told("SENTENCE", 0, "2019-05-17", defendant=[], charges=["planning a bombing"], **first)
    b = _told("SENTENCE", 300, "2019-05-17", defendant=[], charges=["membership"], **second)
    assert len(merge_events([a, replace(b, refers_back=True)])) == 2


def test_a_town_lies_in_an_area_wider_than_states_but_a_state_may_not() -> None:
    area = Place("Central Asia", None, None, 41.0, 66.0)
    town = Place("Karshi", "Uzbekistan", "Kashkadarya", 38.86, 65.79)
    state = Place("Russia", "Russia", None, 61.5, 105.3)
    told = _told("RELEASE", 0, "2019-08-21", person=["Davron Kholmatov"])
    left = _told("RELEASE", 300, None, person=["Davron Kholmatov"])
    merged = merge_events(
        [
            replace(told, event=replace(told.event, location=area)),
            replace(left, event=replace(left.event, location=town)),
        ]
    )
    assert [(e.location.name if e.location else None) for e in merged] == ["Karshi"]
    # "banned across Central Asia and Russia": two bans, in two places
    ban = _told("BAN", 0, None, organization=["Hizb ut-Tahrir"])
    bans = merge_events(
        [
            replace(ban, event=replace(ban.event, location=area)),
            replace(ban, event=replace(ban.event, location=state)),
        ]
    )
    assert sorted(e.location.name for e in bans if e.location) == ["Central Asia", "Russia"]
