"""Russian numbers and prison terms, in words or digits, in any grammatical case.

"к шести годам" → 6; "трех с половиной лет" → 3.5; "3 годам и 1 месяцу" → 3.08;
"от 14 до 28 лет" → 28 (at least 14); "пожизненное лишение свободы" → life. Words
are matched by their dictionary form (pymorphy3, shipped with its dictionaries), so
every case form of a number word counts; the words are data
(``data/lexicons/numbers_ru.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..yamlfile import load_yaml
from .numbers import Term

_WORD = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+(?:-[^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    numbers: dict[str, float]
    scales: dict[str, float]
    units: dict[str, float]
    before: frozenset[str]
    after: frozenset[str]
    life: tuple[str, ...]


@cache
def _lexicon() -> _Lexicon:
    text = resources.files("kronika").joinpath("data", "lexicons", "numbers_ru.yaml")
    data: dict[str, Any] = load_yaml(text.read_text("utf-8"))
    return _Lexicon(
        numbers={str(k): float(v) for k, v in data["numbers"].items()},
        scales={str(k): float(v) for k, v in data["scales"].items()},
        units={str(k): float(v) for k, v in data["units"].items()},
        before=frozenset(data["before"]),
        after=frozenset(data["after"]),
        life=tuple(data["life"]),
    )


@cache
def _analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@cache
def lemma(word: str) -> str:
    """The dictionary form of a Russian word, lower case ("шести" → "шесть")."""
    word = word.lower()
    if not word.isalpha():
        return word
    lex = _lexicon()
    parses = _analyzer().parse(word)
    # prefer a reading as a number word ("трем" is a form of "три", not of "трем")
    for parse in parses:
        if parse.normal_form in lex.numbers or parse.normal_form in lex.scales:
            return str(parse.normal_form)
    return str(parses[0].normal_form) if parses else word


def _tidy(value: float) -> float | int:
    value = round(value, 2)
    return int(value) if value == int(value) else value


def _value(words: list[str]) -> float | None:
    """The number a run of number words or digits spells ("двадцати пяти" → 25)."""
    lex = _lexicon()
    total = 0.0
    current = 0.0
    seen = False
    grouped = False  # the last word was a group of digits ("1" of "1 200")
    for word in words:
        if grouped and len(word) == 3 and word.isdigit():
            current = current * 1000 + float(word)  # "1 200", "12 500": thousands apart
        elif word[0].isdigit():
            current += float(word.replace(",", "."))
        elif lemma(word) in lex.numbers:
            current += lex.numbers[lemma(word)]
        elif lemma(word) in lex.scales:
            total += max(current, 1) * lex.scales[lemma(word)]
            current = 0
        else:
            return None
        seen = True
        grouped = word.isdigit()
    return total + current if seen else None


def _is_number(word: str) -> bool:
    lex = _lexicon()
    return word[0].isdigit() or lemma(word) in lex.numbers or lemma(word) in lex.scales


def parse_number_ru(text: str) -> float | int | None:
    """The number ``text`` spells in Russian words or digits, or None ("шестерых" → 6)."""
    words = _WORD.findall(text)
    if not words or not all(_is_number(w) for w in words if w.lower() != "с"):
        return None
    value = _number_before(words, len(words))
    return None if value is None else _tidy(value[0])


def _number_before(words: list[str], end: int) -> tuple[float, int] | None:
    """The number ending just before ``end`` (with "с половиной"); its value and first index."""
    half = 0.0
    if end >= 2 and [w.lower() for w in words[end - 2 : end]] == ["с", "половиной"]:
        half, end = 0.5, end - 2
    start = end
    while start > 0 and _is_number(words[start - 1]):
        start -= 1
    if start == end:
        return None
    value = _value(words[start:end])
    return None if value is None else (value + half, start)


def parse_terms_ru(text: str, each: bool = False) -> list[Term]:
    """Every prison term in ``text``, in the order given.

    ``each``: also terms given to each of several people ("получили по 14 лет"), which
    may belong to another clause than the verdict's verb, so only a sentence read
    term by term asks for them.
    """
    lex = _lexicon()
    spans = [(m.group(), m.start()) for m in _WORD.finditer(text)]
    words = [w for w, _ in spans]
    lower = [w.lower() for w in words]
    terms: list[Term] = []
    if any(w.startswith(lex.life) for w in lower):
        terms.append(Term(None, life=True))
    i = 0
    while i < len(words):
        unit = lex.units.get(lemma(words[i])) if words[i].isalpha() else None
        found = _number_before(words, i) if unit is not None else None
        if unit is None or found is None or found[0] >= 100:
            i += 1
            continue
        value, start = found
        years = value * unit
        end = i + 1
        # "3 годам и 1 месяцу", "6 лет 6 месяцев": the months add to the years
        joined = end + 2 < len(words) and lower[end] == "и"
        more = _term_at(words, end + 1 if joined else end) if end + 1 < len(words) else None
        if (
            more is not None
            and not joined
            and text[_end_of(spans[end - 1]) : spans[end][1]].strip()
        ):
            more = None  # "к 5 годам, 2 месяца спустя": the months are another matter
        if more is not None and more[1] < unit:
            years += more[0] * more[1]
            end = more[2]
        before = lower[start - 1] if start else ""
        after = lower[end] if end < len(words) else ""
        # "Джемилев — 13 лет": a term given after a dash, its verb said once before it
        gap = text[spans[start - 1][1] + len(words[start - 1]) : spans[start][1]] if start else ""
        dashed = bool(terms) and any(d in gap for d in ("—", "–", " - "))
        if before in lex.before or after in lex.after or dashed or (each and before == "по"):
            low = _range_start(words, start, unit) if before == "до" else None
            terms.append(Term(_tidy(years), None if low is None else _tidy(low)))
        i = end
    return terms


def _end_of(span: tuple[str, int]) -> int:
    return span[1] + len(span[0])


def _term_at(words: list[str], i: int) -> tuple[float, float, int] | None:
    """A number and unit starting at ``i``: (value, unit in years, index after the unit)."""
    j = i
    while j < len(words) and _is_number(words[j]):
        j += 1
    if j == i or j >= len(words):
        return None
    unit = _lexicon().units.get(lemma(words[j]))
    value = _value(words[i:j])
    return None if unit is None or value is None else (value, unit, j + 1)


def _range_start(words: list[str], start: int, unit: float) -> float | None:
    """ "от 14 до 28 лет": the lower bound before "до"."""
    found = _number_before(words, start - 1)
    if found is None or found[1] == 0 or words[found[1] - 1].lower() != "от":
        return None
    return found[0] * unit
