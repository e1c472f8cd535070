"""Figures in Russian articles and their claimants, through the real natasha parse."""

from __future__ import annotations

import pytest

from kronika.events.routing import analyse_articles
from kronika.model import Article, ArticleResult
from kronika.settings import Settings


def _result(text: str) -> ArticleResult:
    article = Article(
        external_id="t", input_hash="", part=0, text=text, published="2022-05-10", language="ru"
    )
    [result] = analyse_articles([article], Settings())
    return result


@pytest.mark.parametrize(
    ("text", "quantity", "claimant", "about"),
    [
        # a source in the genitive after "по данным"
        (
            "По данным МВД, с 2014 года в Сирию и Ирак выехали более 1100 граждан республики.",
            1100,
            "МВД",
            "граждан",
        ),
        # the subject of a verb of saying, with the figure in its clause
        (
            "Правозащитники считают, что в колониях страны остаются не менее 70 узников совести.",
            70,
            "Правозащитники",
            "узников",
        ),
        # the body a subjectless verb speaks from, put in the nominative; a count of acts
        (
            "Как сообщили в пресс-службе ГКНБ, всего за год предотвращено девять терактов.",
            9,
            "пресс-служба ГКНБ",
            "терактов",
        ),
        # thousands apart with a space, and a source noun other than "данные"
        (
            "По оценкам экспертов, с 2015 года из региона выехали 1 200 человек.",
            1200,
            "экспертов",
            "человек",
        ),
        # any animate noun counts people; a source told after the figure
        (
            "По данным правозащитников, в 2023 году из Турции были принудительно возвращены "
            "не менее 25 критиков власти.",
            25,
            "правозащитники",
            "критиков",
        ),
        (
            "На сегодняшний день в стране запрещены 17 организаций, говорится в сообщении "
            "Генпрокуратуры.",
            17,
            "Генпрокуратура",
            "организаций",
        ),
        # thousands abbreviated: what the thousands are of
        (
            "По информации ведомства, с начала конфликта в рядах группировки воевали "
            "2,5 тыс. выходцев из Средней Азии.",
            2500,
            "ведомства",
            "выходцев",
        ),
    ],
)
def test_russian_figure_with_its_claimant(
    text: str, quantity: float, claimant: str, about: str
) -> None:
    [claim] = _result(text).claims
    assert claim.quantity == quantity
    assert claim.claimant is not None and claim.claimant.casefold().startswith(
        claimant.casefold()[:6]
    )
    assert about in claim.about
    assert claim.evidence[0].text == text


def test_russian_total_counts_its_part_as_a_figure_too() -> None:
    text = (
        "Всего с начала года к уголовной ответственности за экстремизм привлекли 64 человека, "
        "в том числе семерых иностранцев, сообщили в прокуратуре."
    )
    claims = sorted(_result(text).claims, key=lambda c: c.quantity)
    assert [c.quantity for c in claims] == [7, 64]
    assert "иностранцев" not in claims[1].about  # the total is not what its part counts
    assert {c.claimant for c in claims} == {"прокуратура"}


@pytest.mark.parametrize(
    "text",
    [
        # the story's own arrest, even with a source: its count is the event's
        "Сотрудники полиции задержали в Оше семерых мужчин, сообщили в МВД.",
        # an attack's toll, told with the attack
        "В результате взрыва на рынке в Хороге погибли 12 человек, ещё 30 получили ранения, "
        "сообщили в МВД.",
        # a count with neither a source nor a span is the story's, not a statistic
        "В камере вместе с ним содержатся ещё пятеро заключённых.",
        # the people of a verdict, and of a pardon, even with a source
        "Двое заместителей главы партии получили пожизненные сроки, сообщают СМИ.",
        "Президент подписал указ о помиловании 400 осуждённых, сообщает агентство.",
        # a title restates the story
        "По данным СК, задержаны 15 человек\n\nСледователи задержали 15 человек в Казани.",
    ],
)
def test_russian_counts_that_are_no_figures(text: str) -> None:
    assert [c.quantity for c in _result(text).claims] == []


def test_a_russian_toll_and_its_part_are_the_attack_s() -> None:
    text = (
        "По данным МВД, при взрыве у полицейской академии погибли 9 человек, в том числе "
        "шесть курсантов."
    )
    result = _result(text)
    assert [e.args.get("killed") for e in result.events if e.type == "ATTACK"] == [9]
    assert [c.quantity for c in result.claims] == []


def test_a_russian_year_s_statistic_from_a_source_is_a_figure_not_a_verdict() -> None:
    text = (
        "По данным областного департамента КНБ, в прошлом году в регионе за преступления "
        "экстремистского характера осуждены 23 человека."
    )
    result = _result(text)
    assert [c.quantity for c in result.claims] == [23]
    assert [e.type for e in result.events] == []
