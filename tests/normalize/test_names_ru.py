"""Russian names and phrases in the nominative."""

from __future__ import annotations

from kronika.normalize.names_ru import (
    nominative_name,
    nominative_phrase,
    nominative_place,
    nominative_word,
)


def test_surname_in_the_genitive() -> None:
    assert nominative_word("Муродова", "Gen", "Masc") == "Муродов"


def test_names_the_dictionary_does_not_know() -> None:
    assert nominative_name([("Абдухалимом", "Ins", "Masc"), ("Назарзодой", "Ins", "Masc")]) == (
        "Абдухалим Назарзода"
    )
    # read as nominative by the parser, but "Хайита" cannot be one
    assert nominative_name([("Мухаммади", "Nom", "Masc"), ("Хайита", "Nom", "Masc")]) == (
        "Мухаммади Хайит"
    )


def test_a_womans_name_stays() -> None:
    assert nominative_name([("Рухшона", "Nom", "Fem"), ("Хакимова", "Nom", "Fem")]) == (
        "Рухшона Хакимова"
    )


def test_phrase_keeps_its_genitive() -> None:
    assert nominative_phrase("Верховного суда Таджикистана", "суда") == "Верховный суд Таджикистана"
    assert nominative_phrase("Верховный суд", "суд", "Nom") == "Верховный суд"


def test_an_acronym_is_not_declined() -> None:
    # "вступили в ИГ": the dictionary reads "ИГ" as a form of "иго"
    assert nominative_phrase("ИГ", "ИГ", "Acc") == "ИГ"
    assert nominative_phrase("ГКНБ", "ГКНБ", "Gen") == "ГКНБ"
    assert nominative_word("ИГ", "Acc") == "ИГ"


def test_the_words_before_a_head_take_its_gender() -> None:
    # "Третьего" is likelier neuter; the court is masculine
    assert nominative_phrase("Третьего Восточного военного суда", "суда") == (
        "Третий Восточный военный суд"
    )


def test_places() -> None:
    assert nominative_place("Таджикистане") == "Таджикистан"
    assert nominative_place("Хатлонской области") == "Хатлонская область"
    assert nominative_place("Алма-Ате") == "Алма-Ата"
    assert nominative_place("Душанбе") == "Душанбе"


def test_a_town_takes_the_reading_the_place_index_knows() -> None:
    # the likelier guess for an unknown word ("Вахдата") is no town; "Вахдат" is
    assert nominative_place("Вахдате") == "Вахдат"
    assert nominative_place("Андижане") == "Андижан"
    # a name written in the nominative stays as it is
    assert nominative_place("Бишкек") == "Бишкек"


def test_a_patronymic_tells_the_case_of_the_whole_name() -> None:
    # family name first, as courts write it; the parser read the patronymic as nominative
    words = [("Юлдашева", "Gen", "Masc"), ("Бахрома", "Nom", None), ("Умаровича", "Nom", None)]
    assert nominative_name(words) == "Юлдашев Бахром Умарович"
    words = [("Саидовой", "Ins", "Fem"), ("Нигоры", "Gen", None), ("Алишеровны", "Gen", None)]
    assert nominative_name(words) == "Саидова Нигора Алишеровна"


def test_a_man_s_family_name_in_ov_is_nominative_whatever_the_parser_read() -> None:
    assert nominative_name([("Юлдашев", "Gen", "Masc")]) == "Юлдашев"


def test_a_man_s_family_name_in_ov_keeps_the_name_nominative() -> None:
    # the parser may read "Турсунов" as a genitive plural; the name is the nominative
    assert nominative_name([("Ильхом", "Gen", "Masc"), ("Турсунов", "Gen", "Masc")]) == (
        "Ильхом Турсунов"
    )


def test_an_unknown_town_that_reads_as_named_stays_as_written() -> None:
    # a hard consonant or a Turkic long vowel at the end: the name as it is called
    assert nominative_place("Тель-Тамр") == "Тель-Тамр"
    assert nominative_place("Кара-Суу") == "Кара-Суу"
    # a soft sign ends only a nominative or the accusative that looks the same
    assert nominative_place("Эль-Холь") == "Эль-Холь"
    # an instrumental ending is a case, even on a name the dictionary does not know
    assert nominative_place("Гармом") == "Гарм"


def test_a_family_name_in_zoda_declined_is_put_back_in_zoda() -> None:
    # whatever case the parser read the family name in
    for case in ("Acc", "Nom", "Dat"):
        name = nominative_name([("Хизбулло", case, "Masc"), ("Шовализоду", case, "Masc")])
        assert name == "Хизбулло Шовализода"
    # a given name's oblique form is no family name in "-зода"
    assert nominative_name([("Шерзоду", "Dat", "Masc"), ("Каримову", "Dat", "Masc")]) == (
        "Шерзод Каримов"
    )
