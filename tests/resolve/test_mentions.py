"""Within-article resolution of surnames, acronyms, pronouns and descriptions."""

from __future__ import annotations

import pytest

from kronika.resolve.mentions import (
    MentionIndex,
    NameMention,
    clean_name,
    initials,
    people_words,
    strip_titles,
)


def _index(text: str, spans: list[tuple[str, str]]) -> MentionIndex:
    """Mentions of each (surface, type), found left to right in ``text``."""
    found, cursor = [], 0
    for surface, kind in spans:
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        found.append(NameMention(surface, start, cursor, kind))
    return MentionIndex(found, None, text)


def test_surname_resolves_to_the_full_name() -> None:
    text = "Bakyt Aliev was jailed. Aliev denied the charges."
    index = _index(text, [("Bakyt Aliev", "PERSON"), ("Aliev", "PERSON")])
    assert index.name_at(text.index("Aliev denied")) == "Bakyt Aliev"
    (person,) = index.entities()
    assert person.aliases == ("Aliev",)
    assert len(person.mentions) == 2


def test_a_surname_told_first_takes_the_later_full_name_without_its_titles() -> None:
    text = "Bekjon released after 18 years\n\nJournalist Muhammad Bekjon, 63, told reporters."
    index = _index(text, [("Bekjon", "PERSON"), ("Journalist Muhammad Bekjon", "PERSON")])
    assert index.name_at(0) == "Muhammad Bekjon"


def test_people_sharing_a_surname_stay_apart() -> None:
    text = (
        "Dilshod Nazarov was jailed. His cousin Farrukh Nazarov escaped. Nazarov was caught later."
    )
    index = _index(
        text, [("Dilshod Nazarov", "PERSON"), ("Farrukh Nazarov", "PERSON"), ("Nazarov", "PERSON")]
    )
    assert index.name_at(text.index("Nazarov was caught")) == "Farrukh Nazarov"
    names = sorted(e.name for e in index.entities())
    assert names == ["Dilshod Nazarov", "Farrukh Nazarov"]


@pytest.mark.parametrize(
    ("text", "people", "who"),
    [
        (
            "Daniyar Zhaksylykov and Marat Omarov were tried. D. Zhaksylykov was jailed.",
            ["Daniyar Zhaksylykov", "Marat Omarov", "D. Zhaksylykov"],
            "Daniyar Zhaksylykov",
        ),
        (
            "Нурлан Рахимов задержан. Н.А. Рахимов признал вину.",
            ["Нурлан Рахимов", "Н.А. Рахимов"],
            "Нурлан Рахимов",
        ),
        # another initial is someone else
        (
            "Daniyar Zhaksylykov was tried. K. Zhaksylykov was jailed.",
            ["Daniyar Zhaksylykov", "K. Zhaksylykov"],
            "K. Zhaksylykov",
        ),
        # several of that family named: not told which
        (
            "Gulmurod Halimov and Fozil Halimov fled. Another nephew, F. Halimov, was jailed.",
            ["Gulmurod Halimov", "Fozil Halimov", "F. Halimov"],
            "F. Halimov",
        ),
    ],
)
def test_initials_and_a_family_name_resolve_to_the_one_person_of_that_family(
    text: str, people: list[str], who: str
) -> None:
    index = _index(text, [(p, "PERSON") for p in people])
    assert index.name_at(text.index(people[-1])) == who


def test_surname_before_the_full_name_still_resolves() -> None:
    text = "Karimova said she was innocent. Lola Karimova is 40."
    index = _index(text, [("Karimova", "PERSON"), ("Lola Karimova", "PERSON")])
    assert index.name_at(0) == "Lola Karimova"


def test_acronym_joins_its_organization() -> None:
    text = "The Islamic Jihad Union (IJU) claimed it. The IJU denied it later."
    index = _index(text, [("Islamic Jihad Union", "ORG"), ("IJU", "ORG"), ("IJU", "ORG")])
    (org,) = index.entities()
    assert org.name == "Islamic Jihad Union"
    assert org.aliases == ("IJU",)


def test_antecedent_prefers_the_person_most_named_recently() -> None:
    text = (
        "Anvar Rakhimov led the cell. Rakhimov trained with Olim Saidov. "
        "The extremist was detained."
    )
    index = _index(
        text, [("Anvar Rakhimov", "PERSON"), ("Rakhimov", "PERSON"), ("Olim Saidov", "PERSON")]
    )
    assert index.antecedent(text.index("The extremist")) == "Anvar Rakhimov"
    assert index.antecedent(0) is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("the Supreme Court", "Supreme Court"),
        ("Tajikistan’s", "Tajikistan"),
        ("Aliev,", "Aliev"),
        ("Aliev.", "Aliev"),
        ("Kreshnik B.", "Kreshnik B."),
        ("Kreshnik B.,", "Kreshnik B."),
        ("B.", "B."),
        # a family name before its initials keeps their last dot
        ("Nurmatov K.T.", "Nurmatov K.T."),
        ("Исмоилов Ш.А.", "Исмоилов Ш.А."),
        # a name in quotes after "the"
        ('the "Black Sun', "Black Sun"),
        ("the “Red Wolves”", "Red Wolves"),
        # a hedge the model took into the name
        ("Suspected Boko Haram", "Boko Haram"),
        ("alleged Hizb ut-Tahrir", "Hizb ut-Tahrir"),
    ],
)
def test_clean_name_drops_article_and_possessive(text: str, expected: str) -> None:
    assert clean_name(text) == expected


@pytest.mark.parametrize(
    "name,expected",
    [("Islamic Movement of Uzbekistan", "IMU"), ("Hizb ut-Tahrir", "HUT"), ("Taliban", "")],
)
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


@pytest.mark.parametrize(
    "key,word",
    [
        ("titles", "journalist"),
        ("titles", "mr"),
        ("descriptions", "men"),
        ("descriptions", "year-old"),
    ],
)
def test_people_words_reads_each_list_case_folded(key: str, word: str) -> None:
    words = people_words(key)
    assert word in words
    assert all(w == w.casefold() for w in words)


def test_people_words_gives_an_empty_set_for_an_unknown_list() -> None:
    assert people_words("no-such-list") == frozenset()


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Journalist Muhammad Bekjon", "Muhammad Bekjon"),
        ("Mr Bashir", "Bashir"),
        ("Mr. Bashir", "Bashir"),
        ("Former Deputy Minister Zafar Ergashev", "Zafar Ergashev"),
        ("jailed blogger Nilufar Rahimova", "Nilufar Rahimova"),
        # one word is always kept, title or not
        ("Bashir", "Bashir"),
        ("Judge", "Judge"),
        # what follows the titles must be capitalized to be a name
        ("Lawyer for Bashir", "Lawyer for Bashir"),
        ("activist groups", "activist groups"),
        # no title: unchanged
        ("Muhammad Bekjon", "Muhammad Bekjon"),
    ],
)
def test_strip_titles_keeps_only_the_name(text: str, expected: str) -> None:
    assert strip_titles(text) == expected


def test_mention_index_names_a_person_without_their_title() -> None:
    text = "Journalist Davlat Sharifov was detained. Sharifov denied wrongdoing."
    index = _index(text, [("Journalist Davlat Sharifov", "PERSON"), ("Sharifov", "PERSON")])
    assert index.name_at(0) == "Davlat Sharifov"
    assert index.name_at(text.index("Sharifov denied")) == "Davlat Sharifov"
    (person,) = index.entities()
    assert person.name == "Davlat Sharifov"


def test_mention_index_keeps_a_final_initial_in_the_name() -> None:
    text = "A court jailed a 22-year-old man. Arben K. had travelled to Syria."
    index = _index(text, [("Arben K.", "PERSON")])
    assert index.name_at(text.index("Arben")) == "Arben K."


_THREE = (
    "Police detained Aziz Karimov, Bobur Tolipov and Sardor Umarov. The three men were charged."
)
_THREE_PEOPLE = [
    ("Aziz Karimov", "PERSON"),
    ("Bobur Tolipov", "PERSON"),
    ("Sardor Umarov", "PERSON"),
]
_AGES = "Two men were jailed: Rustam Qodirov, 42, and Ilhom Saidov, 25, were convicted on Monday."
_TWO_THEN_THREE = (
    "Jasur Alimov and Kamol Rizoev were freed. "
    "Police later held Olim Boboev, Ahmad Zoirov and Navruz Sattorov. The two men left."
)
_BEFORE_AND_AFTER = (
    "Jasur Alimov and Kamol Rizoev were freed. The two men were arrested again. "
    "Olim Boboev and Ahmad Zoirov were charged too."
)


@pytest.mark.parametrize(
    "text,spans,plural,size,expected",
    [
        (
            _THREE,
            _THREE_PEOPLE,
            "The three men",
            3,
            ["Aziz Karimov", "Bobur Tolipov", "Sardor Umarov"],
        ),
        (
            _THREE,
            _THREE_PEOPLE,
            "The three men",
            None,
            ["Aziz Karimov", "Bobur Tolipov", "Sardor Umarov"],
        ),
        # ages between the names do not break the list; the list after a plural fits its count
        (
            _AGES,
            [("Rustam Qodirov", "PERSON"), ("Ilhom Saidov", "PERSON")],
            "Two men",
            2,
            ["Rustam Qodirov", "Ilhom Saidov"],
        ),
        # only a list of the plural's size fits, even if another list is nearer
        (
            _TWO_THEN_THREE,
            [
                ("Jasur Alimov", "PERSON"),
                ("Kamol Rizoev", "PERSON"),
                ("Olim Boboev", "PERSON"),
                ("Ahmad Zoirov", "PERSON"),
                ("Navruz Sattorov", "PERSON"),
            ],
            "The two men",
            2,
            ["Jasur Alimov", "Kamol Rizoev"],
        ),
        # a list before the plural wins over one after it
        (
            _BEFORE_AND_AFTER,
            [
                ("Jasur Alimov", "PERSON"),
                ("Kamol Rizoev", "PERSON"),
                ("Olim Boboev", "PERSON"),
                ("Ahmad Zoirov", "PERSON"),
            ],
            "The two men",
            2,
            ["Jasur Alimov", "Kamol Rizoev"],
        ),
    ],
)
def test_mention_index_group_finds_the_people_named_together(
    text: str, spans: list[tuple[str, str]], plural: str, size: int | None, expected: list[str]
) -> None:
    index = _index(text, spans)
    assert index.group(text.index(plural), size, 1500) == expected


@pytest.mark.parametrize(
    "text,spans,plural,size,reach",
    [
        # the list after a plural is only taken when the plural is counted
        (_AGES, [("Rustam Qodirov", "PERSON"), ("Ilhom Saidov", "PERSON")], "Two men", None, 1500),
        # and only within reach
        (_AGES, [("Rustam Qodirov", "PERSON"), ("Ilhom Saidov", "PERSON")], "Two men", 2, 5),
        # no list of that size
        (_THREE, _THREE_PEOPLE, "The three men", 2, 1500),
        # a person and an organization are no list of people
        (
            "Police detained Aziz Karimov and Hizb ut-Tahrir members. The two were charged.",
            [("Aziz Karimov", "PERSON"), ("Hizb ut-Tahrir", "ORG")],
            "The two",
            None,
            1500,
        ),
    ],
)
def test_mention_index_group_finds_no_list_that_does_not_fit(
    text: str, spans: list[tuple[str, str]], plural: str, size: int | None, reach: int
) -> None:
    index = _index(text, spans)
    assert index.group(text.index(plural), size, reach) == []


@pytest.mark.parametrize(
    "reach,expected",
    [(1500, "Arben K."), (3, None)],
)
def test_mention_index_following_takes_the_next_person_within_reach(
    reach: int, expected: str | None
) -> None:
    text = "Bekim Hoxha said a court jailed a 22-year-old man. Arben K. had travelled to Syria."
    index = _index(text, [("Bekim Hoxha", "PERSON"), ("Arben K.", "PERSON")])
    assert index.following(text.index("man."), reach) == expected
    assert index.following(text.index("travelled"), 1500) is None


@pytest.mark.parametrize(
    "word,expected",
    [
        ("Osmonov", ("Bakyt Osmonov", "PERSON")),
        ("Bakyt", ("Bakyt Osmonov", "PERSON")),
        ("Bishkek", ("Bishkek", "LOC")),
        ("challenged", None),
    ],
)
def test_mention_index_name_covering_finds_the_mention_holding_a_position(
    word: str, expected: tuple[str, str] | None
) -> None:
    text = "In Bishkek, Bakyt Osmonov challenged the verdict."
    index = _index(text, [("Bishkek", "LOC"), ("Bakyt Osmonov", "PERSON")])
    assert index.name_covering(text.index(word)) == expected
    assert index.name_covering(text.index(", Bakyt")) is None  # the char just past a name


@pytest.mark.parametrize(
    "word,expected",
    [
        ("Shodiev", "Nematullo Shodiev"),
        # a given name alone: the one person whose full name starts with it
        ("Nematullo", "Nematullo Shodiev"),
        # (two people share it: no one)
        ("Aziz", None),
        ("Khan", None),
        ("Union", None),
    ],
)
def test_mention_index_person_named_finds_a_full_name_by_its_last_or_first_word(
    word: str, expected: str | None
) -> None:
    text = "Nematullo Shodiev met Khan, Aziz Rahimov, Aziz Karimov and the Islamic Jihad Union."
    spans = [
        ("Nematullo Shodiev", "PERSON"),
        ("Khan", "PERSON"),
        ("Aziz Rahimov", "PERSON"),
        ("Aziz Karimov", "PERSON"),
        ("Islamic Jihad Union", "ORG"),
    ]
    assert _index(text, spans).person_named(word) == expected


def test_given_names_told_before_one_family_name_share_it() -> None:
    text = "In April, brothers Rustam and Ilyos Nematov were deported."
    index = _index(text, [("Rustam", "PERSON"), ("Ilyos Nematov", "PERSON")])
    assert index.name_at(text.index("Rustam")) == "Rustam Nematov"
    # a family name told before another's full name is a person of its own
    text = "Police detained Karimov and Ilyos Nematov."
    index = _index(text, [("Karimov", "PERSON"), ("Ilyos Nematov", "PERSON")])
    assert index.name_at(text.index("Karimov")) == "Karimov"
