"""Russian sentences the parser reads awkwardly, through the real pipeline."""

from __future__ import annotations

import pytest
from tests.helpers import russian_events_of

from kronika.model import Event

pytestmark = pytest.mark.model


def _events(text: str, published: str = "2024-10-22") -> list[Event]:
    return russian_events_of(text, published)


def test_a_subject_and_year_hung_on_the_next_verb_are_the_join_s() -> None:
    # the parser hangs "Каримов" and "в 2016 году" on "вернулся", not on "вступил"
    text = (
        "В Москве задержан Бахтиёр Каримов. Следствие установило, что Каримов в 2016 году, "
        "находясь на заработках в Турции, примкнул к ИГ и по указанию куратора вернулся в "
        "Россию для вербовки."
    )
    joins = [e for e in _events(text) if e.type == "JOIN"]
    assert [(e.args.get("person"), e.date) for e in joins] == [(["Бахтиёр Каримов"], "2016")]


def test_a_participle_for_the_people_detained_is_no_arrest() -> None:
    text = "Задержанным грозит до 20 лет лишения свободы. Вещи задержанных изъяты."
    assert [e.type for e in _events(text)] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a Tajik family name in "-зода" is the same in every case
        (
            "Активист Далер Шарифзода был выдворен из России. Ранее Шарифзода задержали "
            "в Санкт-Петербурге.",
            "Далер Шарифзода",
        ),
        # but a given name's genitive in "-зода" is put back in the nominative
        ("Полиция задержала Шерзода Алимова в Ташкенте.", "Шерзод Алимов"),
    ],
)
def test_names_in_zoda_keep_or_lose_their_ending_as_russian_does(text: str, name: str) -> None:
    arrests = [e for e in _events(text) if e.type == "ARREST"]
    assert [e.args.get("detainee") for e in arrests] == [[name]]


def test_a_region_the_gazetteer_does_not_know_is_a_place_after_v() -> None:
    text = (
        "Бюллетень № 41\n\nКАЗАНЬ: ЗАДЕРЖАНЫ ЧЕТВЕРО\n8 октября сотрудники УФСБ задержали в "
        "Казани четверых уроженцев Узбекистана.\n\nМОРДОВИЯ: ОСВОБОЖДЕНИЕ\n23 сентября из "
        "ИК-2 в Мордовии вышел на свободу Мурод Абдуллаев, полностью отбывший срок."
    )
    releases = [e for e in _events(text) if e.type == "RELEASE"]
    assert [e.location.name if e.location else None for e in releases] == ["Мордовия"]


def test_an_acronym_after_v_is_no_village() -> None:
    text = (
        "Сотрудники ФСБ задержали в Москве троих уроженцев Таджикистана, членов "
        "«Исламского государства» (запрещено в РФ)."
    )
    arrests = [e for e in _events(text) if e.type == "ARREST"]
    assert [e.location.name if e.location else None for e in arrests] == ["Москва"]


def test_a_village_told_with_its_kind_is_the_place_over_a_title_s_region() -> None:
    text = (
        "⚡️ ПОБЕГ ИЗ КОЛОНИИ В ЧУЙСКОЙ ОБЛАСТИ\n\nДвое осуждённых совершили побег из "
        "исправительной колонии №27 в селе Кара-Жыгач. По нашим данным, ночью они перелезли "
        "через ограждение."
    )
    escapes = [e for e in _events(text) if e.type == "ESCAPE"]
    assert [e.location.name if e.location else None for e in escapes] == ["Кара-Жыгач"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a town the gazetteer does not know, told with its kind, over the province it is in
        (
            "Вооружённые люди атаковали блокпост в городе Тель-Тамр на севере провинции Хасеке.",
            "Тель-Тамр",
        ),
        # a Turkic name ending in a long vowel stays as it is named
        (
            "Взрыв прогремел на рынке в селе Кара-Суу Ошской области, ранены пять человек.",
            "Кара-Суу",
        ),
        # a known town told in its case takes its own name
        ("Боевики обстреляли полицейский участок в городе Грозном.", "Грозный"),
        # a participle standing for people is no clause of its own: the town is the act's
        (
            "Боевики атаковали тюрьму для подозреваемых в терроризме в городе Эль-Холь на "
            "юге провинции Хасеке.",
            "Эль-Холь",
        ),
    ],
)
def test_a_town_told_with_its_kind_is_the_act_s_place(text: str, place: str) -> None:
    attacks = [e for e in _events(text) if e.type == "ATTACK"]
    assert [e.location.name if e.location else None for e in attacks] == [place]


@pytest.mark.parametrize(
    ("text", "charges"),
    [
        # an article told with what it punishes, in brackets
        (
            "Назаров осуждён по ч. 1 ст. 205.2 УК РФ (публичное оправдание терроризма) к "
            "пяти годам колонии.",
            ["публичное оправдание терроризма"],
        ),
        # "в совершении преступления, предусмотренного ...": the article says which
        (
            "Суд признал Алиева виновным в совершении преступления, предусмотренного ч. 2 "
            "ст. 282.2 УК РФ (участие в деятельности экстремистской организации), и назначил "
            "ему шесть лет.",
            ["участие в деятельности экстремистской организации"],
        ),
    ],
)
def test_an_article_told_with_its_crime_gives_the_charge(text: str, charges: list[str]) -> None:
    [verdict] = [e for e in _events(text) if e.type == "SENTENCE"]
    assert verdict.args.get("charges") == charges


def test_a_court_statement_names_people_by_initials_and_dates_the_verdicts() -> None:
    text = (
        "5 марта 2024 года Центральным окружным военным судом вынесен приговор по уголовному "
        "делу в отношении Юлдашева Бахрома Умаровича.\n\n"
        "10 мая 2023 года Юлдашев Б.У. задержан сотрудниками УФСБ России по Свердловской "
        "области в г. Березовском.\n\n"
        "Приговором суда Юлдашев Б.У. признан виновным, и ему назначено наказание в виде "
        "лишения свободы на срок 9 лет 6 месяцев с ограничением свободы на срок 1 год."
    )
    events = {e.type: e for e in _events(text, published="2024-03-05")}
    arrest, verdict = events["ARREST"], events["SENTENCE"]
    assert arrest.args.get("detainee") == ["Юлдашев Бахром Умарович"]
    assert arrest.location is not None and arrest.location.name != "Свердловская область"
    assert verdict.args.get("defendant") == ["Юлдашев Бахром Умарович"]
    assert (verdict.date, verdict.args.get("term_years")) == ("2024-03-05", 9.5)
    assert verdict.args.get("term_min_years") is None


def test_a_name_set_off_after_a_long_description_is_the_one_detained() -> None:
    text = (
        "Сотрудники ГКНБ вчера задержали в Худжанде 30-летнего уроженца одного из районов "
        "Согдийской области Фаридуна Каримова, подозреваемого в вербовке, сообщили в "
        "пресс-центре ведомства."
    )
    [arrest] = [e for e in _events(text) if e.type == "ARREST"]
    assert arrest.args.get("detainee") == ["Фаридун Каримов"]


def test_who_went_on_from_one_place_to_another_joined_there() -> None:
    text = (
        "Бахром Юсупов в 2015 году уехал на заработки в Россию, откуда перебрался в Турцию, "
        "где вступил в ряды «Джабхат ан-Нусры»."
    )
    [join] = [e for e in _events(text) if e.type == "JOIN"]
    assert join.args.get("person") == ["Бахром Юсупов"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # some of those told of, counted, hung on the verb
        (
            "Трое заключённых сбежали из колонии в Оше. Двоих из них задержали через день в "
            "Джалал-Абаде.",
            2,
        ),
        # (not a place told with its own preposition)
        ("Каримова задержали на одном из постов в Оше.", None),
    ],
)
def test_some_of_those_told_of_are_counted(text: str, count: int | None) -> None:
    arrests = [e for e in _events(text) if e.type == "ARREST"]
    assert [e.args.get("count") for e in arrests] == [count]


@pytest.mark.parametrize(
    ("text", "kind", "role", "name"),
    [
        # a plural verb with no one said to do it: the person before it is its object
        (
            "Фируза Холова в 2017 году осудили на четыре года по делу «Таблиги Джамаат».",
            "SENTENCE",
            "defendant",
            "Фируз Холов",
        ),
        # a man's family name told again in another case
        (
            "Абдувахоб Турсунов вернулся домой в декабре. Турсунова, тогда торговца с рынка, "
            "задержали в октябре 2009 года.",
            "ARREST",
            "detainee",
            "Абдувахоб Турсунов",
        ),
        # a profile's step told by a short participle with no subject
        (
            "Азамат Юлдашев родился в Оше. Задержан 12 февраля 2020 года в Санкт-Петербурге.",
            "ARREST",
            "detainee",
            "Азамат Юлдашев",
        ),
    ],
)
def test_whose_act_it_is_when_the_parse_does_not_say(
    text: str, kind: str, role: str, name: str
) -> None:
    found = [e.args.get(role) for e in _events(text) if e.type == kind]
    assert found == [[name]]


@pytest.mark.parametrize(
    ("second", "kind", "date"),
    [
        ("Спустя два месяца его освободили.", "RELEASE", "2018-05"),
        ("Через год его освободили.", "RELEASE", "2019-03"),
        ("Три года спустя его экстрадировали в Таджикистан.", "EXTRADITION", "2021-03"),
        ("В том же году его приговорили к восьми годам.", "SENTENCE", "2018"),
    ],
)
def test_a_time_told_against_the_date_before_it(second: str, kind: str, date: str) -> None:
    text = f"Каримов был задержан в Москве в марте 2018 года. {second}"
    events = _events(text, published="2023-05-01")
    assert [e.date for e in events if e.type == kind] == [date]
    # a lone family name the model left untagged is the person
    assert [e.args.get("detainee") for e in events if e.type == "ARREST"] == [["Каримов"]]


def test_a_subject_told_after_the_and_of_a_second_clause_is_its_own() -> None:
    text = (
        "Тоиров Исломжон был задержан в Москве в апреле 2019 года. Генеральная прокуратура "
        "тогда отказала в его выдаче, и спустя два месяца Тоиров был освобожден из-под стражи."
    )
    releases = [e for e in _events(text) if e.type == "RELEASE"]
    assert [(e.args.get("person"), e.date) for e in releases] == [(["Тоиров Исломжон"], "2019-06")]


def test_terms_given_respectively_are_each_their_own() -> None:
    text = (
        "Алимардонов Шерали и Гадоев Умед получили 12 и 11 лет колонии строгого режима "
        "соответственно."
    )
    found = {
        tuple(e.args.get("defendant") or []): e.args.get("term_years")
        for e in _events(text)
        if e.type == "SENTENCE"
    }
    assert found == {("Алимардонов Шерали",): 12, ("Гадоев Умед",): 11}


def test_the_one_recruited_joins_the_recruiter_s_group() -> None:
    text = (
        "Судом установлено, что в 2019 году Бахтиёр Турсунов, работая на стройке в "
        "Хабаровске, был завербован эмиссаром международной террористической организации "
        "«Хизб ут-Тахрир аль-Исламия»."
    )
    joins = [e for e in _events(text) if e.type == "JOIN"]
    assert [(e.args.get("person"), e.args.get("organization"), e.date) for e in joins] == [
        (["Бахтиёр Турсунов"], "Хизб ут-Тахрир аль-Исламия", "2019")
    ]


def test_a_birth_year_and_hours_later_are_no_act_s_date() -> None:
    escape = (
        "Вчера около 23 часов из учреждения ЕЦ-166/12 в посёлке Долинка совершили побег "
        "двое осуждённых — Ерлан Кусаинов, 1991 года рождения, и Асхат Жумабаев."
    )
    assert [e.date for e in _events(escape, "2020-08-03") if e.type == "ESCAPE"] == ["2020-08-02"]
    attacks = (
        "Утром 21 июня 2025 года боевики обстреляли пост ДПС в Махачкале. Спустя два часа в "
        "Хасавюрте смертник взорвал себя у входа в отдел полиции, ранив четверых сотрудников."
    )
    found = [(e.date, e.args.get("target")) for e in _events(attacks) if e.type == "ATTACK"]
    assert ("2025-06-21", "входа в отдел полиции") in found


def test_a_plural_told_with_s_keeps_its_subject() -> None:
    text = "Каримов вместе с сообщниками напали на инкассатора в Душанбе."
    attacks = [e for e in _events(text) if e.type == "ATTACK"]
    assert [e.args.get("perpetrator") for e in attacks] == [["Каримов"]]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a family name the model tagged as a place, or did not tag at all, in the
        # handover's own object or subject is the person handed over, and no place
        ("Шарипов был передан Узбекистану Казахстаном в начале 2022 года.", "Шарипов"),
        ("В марте Саидова этапировали в Таджикистан, где ему грозит до 15 лет.", "Саидов"),
    ],
)
def test_a_family_name_in_a_handover_is_the_person_not_a_place(text: str, person: str) -> None:
    (event,) = [e for e in _events(text) if e.type == "EXTRADITION"]
    assert event.args.get("person") == [person]
    assert event.location is None
