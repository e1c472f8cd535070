"""Language detection routes each article."""

from __future__ import annotations

from kronika.nlp.language import detect_language, pipeline_language


def test_english_prose() -> None:
    text = "The court in Osh sentenced the man to nine years in prison for his role in the riots."
    assert detect_language(text) == "en"


def test_russian_prose() -> None:
    text = "Суд в Оше приговорил мужчину к девяти годам лишения свободы за участие в беспорядках."
    assert detect_language(text) == "ru"


def test_other_latin_script_language() -> None:
    text = "Das Gericht hat den Mann wegen seiner Rolle bei den Unruhen zu neun Jahren verurteilt."
    assert detect_language(text) == "de"
    assert pipeline_language("de") == "en"


def test_too_little_text() -> None:
    assert detect_language("Osh") is None
    assert pipeline_language(None) == "en"


def test_short_russian_is_not_read_as_bulgarian() -> None:
    assert detect_language("Турция депортировала в Узбекистан троих граждан.") == "ru"
    assert detect_language("Съдът в София осъди мъжа на пет години затвор за тероризъм.") == "bg"


def test_other_cyrillic_languages() -> None:
    assert detect_language(
        "Суди ноҳияи Фирдавсӣ Ҷамшед Раҷабовро ба 10 соли зиндон маҳкум кард."
    ) == ("tg")
    assert pipeline_language("tg") == "en"
