"""Language routing: Russian articles go through natasha and the Russian rule files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kronika.events.routing import (
    analyse_articles,
    date_the_lead,
    place_the_court,
    share_the_verdict,
)
from kronika.events.spec import load_specs
from kronika.model import Article, ArticleResult, Event, Evidence, Place
from kronika.settings import Settings

from ..test_rule_examples import check_example

RUSSIAN_EXAMPLES = [
    pytest.param(spec.type, ex["text"], ex.get("expect"), id=f"ru-{spec.type}-{i}")
    for spec in load_specs(Settings(), "ru")
    for i, ex in enumerate(spec.examples)
]


def _article(text: str, language: str | None = "ru", published: str = "2020-06-15") -> Article:
    return Article(
        external_id="example",
        input_hash="",
        part=0,
        text=text,
        published=published,
        language=language,
    )


@pytest.mark.parametrize("type_name,text,expect", RUSSIAN_EXAMPLES)
def test_russian_rule_example(type_name: str, text: str, expect: dict[str, Any] | None) -> None:
    [result] = analyse_articles([_article(text)], Settings())
    check_example(list(result.events), type_name, text, expect)


def test_russian_rules_are_apart_from_english() -> None:
    english = {s.type: s for s in load_specs(Settings())}
    russian = {s.type: s for s in load_specs(Settings(), "ru")}
    assert "приговорить" in russian["SENTENCE"].lemmas
    assert "приговорить" not in english["SENTENCE"].lemmas
    assert "sentence" not in russian["SENTENCE"].lemmas


@pytest.mark.model
def test_articles_keep_their_order_across_languages() -> None:
    texts = [
        ("A court in Osh sentenced Bakyt Aliev to nine years in prison.", "en"),
        ("Суд в Оше приговорил Бакыта Алиева к девяти годам лишения свободы.", "ru"),
        ("Police in Dushanbe detained Farid Usmonov on Monday.", "en"),
    ]
    results = analyse_articles([_article(t, lang) for t, lang in texts], Settings())
    people = [[n for e in r.events for n in e.args.get("defendant", e.args.get("detainee", []))]
              for r in results]  # fmt: skip
    assert people == [["Bakyt Aliev"], ["Бакыт Алиев"], ["Farid Usmonov"]]


def test_inflected_names_become_one_nominative_entity() -> None:
    text = (
        "Суд приговорил Джахонгира Муродова к пяти годам колонии.\n\n"
        "Адвокат Муродова заявил, что Джахонгир Муродов обжалует приговор."
    )
    [result] = analyse_articles([_article(text)], Settings())
    person = next(e for e in result.entities if e.type == "PERSON")
    assert person.name == "Джахонгир Муродов"
    assert "Джахонгира Муродова" in person.aliases
    sentence = next(e for e in result.events if e.type == "SENTENCE")
    assert sentence.args["defendant"] == ["Джахонгир Муродов"]
    assert sentence.args["term_years"] == 5


def test_lead_events_take_the_article_date() -> None:
    text = "Title line\n\nLead line.\n\nThird.\n\nFourth, later.\n"
    article = _article(text, published="2021-03-04")

    def told(at: int) -> Event:
        return Event(type="ARREST", args={}, evidence=(Evidence("x", at, at + 1),))

    result = ArticleResult(article=article, events=(told(12), told(40)))
    dated = date_the_lead(result)
    assert [e.date for e in dated.events] == ["2021-03-04", None]


def test_a_handover_is_placed_in_none_of_its_states() -> None:
    article = _article("Title line\n\nLead line.\n", published="2021-03-04")
    handover = Event(
        type="EXTRADITION",
        args={"person": ["Фаррух Назаров"], "from_country": "Турция", "to_country": "Узбекистан"},
        evidence=(Evidence("x", 12, 13),),
        location=Place(name="Турция"),
    )
    (event,) = date_the_lead(ArticleResult(article=article, events=(handover,))).events
    assert event.location is None


def test_a_handover_told_in_the_lead_takes_no_place_from_it() -> None:
    text = (
        "Задержания в Евросоюзе\n\n"
        "Австрия экстрадировала в Душанбе Хизбулло Шовализоду, сообщает Генпрокуратура.\n"
    )
    [result] = analyse_articles([_article(text, published="2020-02-01")], Settings())
    (handover,) = [e for e in result.events if e.type == "EXTRADITION"]
    assert handover.location is None
    assert handover.args["to_country"] == "Таджикистан"


def test_a_town_court_places_its_verdict() -> None:
    article = _article("x")
    event = Event(
        type="SENTENCE",
        args={"court": "Нурафшанский городской суд", "defendant": []},
        evidence=(Evidence("x", 0, 1),),
    )
    [placed] = place_the_court(ArticleResult(article=article, events=(event,))).events
    assert placed.location is not None and placed.location.name == "Нурафшан"
    assert placed.location.country == "Uzbekistan"


def test_one_verdict_shares_court_and_charges() -> None:
    article = _article("x")

    def sentence(**args: Any) -> Event:
        return Event("SENTENCE", {"defendant": [], **args}, (), date="2025-02-13")

    first = sentence(court="Верховный суд", charges=["попытку госпереворота"], term_years=27)
    later = sentence(term_years=18)
    other_day = Event("SENTENCE", {"defendant": [], "term_years": 5}, (), date="2020-01-01")
    shared = share_the_verdict(ArticleResult(article=article, events=(first, later, other_day)))
    assert shared.events[1].args["court"] == "Верховный суд"
    assert shared.events[1].args["charges"] == ["попытку госпереворота"]
    assert "court" not in shared.events[2].args


def test_one_ban_per_country_named() -> None:
    text = "Движение «Ансор» запрещено в Узбекистане и Казахстане."
    [result] = analyse_articles([_article(text)], Settings())
    bans = [e for e in result.events if e.type == "BAN"]
    assert sorted(e.location.name for e in bans if e.location) == ["Казахстан", "Узбекистан"]
    assert all(e.args["organization"] == ["Ансор"] for e in bans)


@pytest.mark.parametrize(
    "text,place",
    [
        # where people live is not where they were taken
        ("Силовики задержали в Ташкенте четырех жителей Андижана.", "Ташкент"),
        # a town named in the locative takes the nominative the place index knows
        ("Из колонии в Вахдате сбежали шесть осужденных за терроризм.", "Вахдат"),
        # where someone came back from is not where they were taken
        (
            "Власти Таджикистана усилили давление на оппозицию. Сотрудники ГКНБ задержали "
            "Фарруха Шарипова после возвращения из Турции.",
            "Таджикистан",
        ),
    ],
)
def test_russian_event_place(text: str, place: str) -> None:
    [result] = analyse_articles([_article(text)], Settings())
    assert [e.location.name if e.location else None for e in result.events] == [place]


@pytest.mark.parametrize(
    ("text", "kind", "role", "who"),
    [
        # a family name told again, which the model left untagged
        (
            "Гражданин Таджикистана Фарход Ниязов экстрадирован из России.\n\n"
            "Ниязов был задержан в Новосибирске в октябре 2016 года по запросу Душанбе.",
            "ARREST",
            "detainee",
            ["Фарход Ниязов"],
        ),
        # a passive joined to an active verb takes their shared subject
        (
            "Бахтиёр Юсупов вернулся в Россию, был задержан в Москве, а в марте 2019 года "
            "экстрадирован на родину.",
            "EXTRADITION",
            "person",
            ["Бахтиёр Юсупов"],
        ),
        # a bare role noun (Russian has no article): the person the story told of
        (
            "Суд в Бохтаре приговорил Рустама Юсупова к восьми годам колонии.\n\n"
            "Мужчина был задержан сотрудниками ГКНБ в марте прошлого года.",
            "ARREST",
            "detainee",
            ["Рустам Юсупов"],
        ),
        (
            "Из колонии в Вахдате бежал осуждённый Тимур Ахмедов.\n\n"
            "Беглеца задержали через два дня в Душанбе.",
            "ARREST",
            "detainee",
            ["Тимур Ахмедов"],
        ),
    ],
)
def test_russian_people_told_again(kind: str, text: str, role: str, who: list[str]) -> None:
    [result] = analyse_articles([_article(text)], Settings())
    assert [e.args.get(role) for e in result.events if e.type == kind] == [who]


def test_russian_terms_given_with_the_verb_said_once() -> None:
    text = (
        "Военный суд 12 мая вынес приговор пятерым жителям Казани.\n\n"
        "Тимур Галиев приговорён к 17 годам колонии. Айрат Шакиров и Ильдар Юсупов "
        "получили по 12 лет, Марат Хасанов — 10 лет, Рустам Ахметов — по 8 лет лишения свободы."
    )
    [result] = analyse_articles([_article(text, published="2021-05-13")], Settings())
    verdicts = sorted(
        (tuple(e.args["defendant"]), e.args.get("term_years"), e.date)  # type: ignore[arg-type]
        for e in result.events
        if e.type == "SENTENCE"
    )
    assert verdicts == [
        (("Айрат Шакиров", "Ильдар Юсупов"), 12, "2021-05-12"),
        (("Марат Хасанов",), 10, "2021-05-12"),
        (("Рустам Ахметов",), 8, "2021-05-12"),
        (("Тимур Галиев",), 17, "2021-05-12"),
    ]


def test_a_russian_participle_opening_a_sentence_names_no_one() -> None:
    text = "Заключённый смог бежать из колонии в Навои. Осуждённые подали жалобу."
    [result] = analyse_articles([_article(text)], Settings())
    escapes = [e for e in result.events if e.type == "ESCAPE"]
    assert len(escapes) == 1
    assert not escapes[0].args.get("escapees")


def test_a_participle_told_of_someone_is_an_act_with_its_own_day_and_place() -> None:
    text = (
        "Суд в Бишкеке 12 марта 2023 года вынес приговор жителю Оша Сухробу Шарипову, "
        "задержанному в Екатеринбурге в январе 2022 года."
    )
    [result] = analyse_articles([_article(text)], Settings())
    told = {
        e.type: (e.args.get("defendant") or e.args.get("detainee"), e.date, e.location)
        for e in result.events
    }
    assert {k: (who, day, place and place.name) for k, (who, day, place) in told.items()} == {
        "SENTENCE": (["Сухроб Шарипов"], "2023-03-12", "Бишкек"),
        "ARREST": (["Сухроб Шарипов"], "2022-01", "Екатеринбург"),
    }


def test_a_participle_of_a_user_rule_keeps_its_clause_date(tmp_path: Path) -> None:
    (tmp_path / "ru").mkdir()
    (tmp_path / "ru" / "abduction.yaml").write_text(
        "type: ABDUCTION\n"
        "description: Someone is abducted.\n"
        "roles:\n"
        "  person: {value: names, entity: [PERSON], core: true, fill: kronika.ru.patient.v1}\n"
        "triggers:\n  lemmas: [похитить]\n  pos: [ADJ]\n"
        "patterns:\n"
        "  - id: participle-abducted\n"
        "    match:\n"
        "      - {RIGHT_ID: trigger, RIGHT_ATTRS: {LEMMA: похитить, POS: ADJ,"
        " MORPH: {IS_SUPERSET: [VerbForm=Part, Voice=Pass]}}}\n"
        "      - {LEFT_ID: trigger, REL_OP: '<', RIGHT_ID: person,"
        " RIGHT_ATTRS: {POS: {IN: [NOUN, PROPN]}}}\n"
        "    roles: {person: person}\n",
        encoding="utf-8",
    )
    text = "Суд в Душанбе допросил брата Алишера Каримова, похищенного в марте 2021 года."
    settings = Settings(rules_dirs=(str(tmp_path),))
    [result] = analyse_articles([_article(text)], settings)
    [abduction] = [e for e in result.events if e.type == "ABDUCTION"]
    assert abduction.date == "2021-03"
