"""Numbers and prison terms in words or digits: "twenty", "1,141", "16½", "seven to 11 years".

Number words, fractions and qualifiers come from ``data/lexicons/numbers.yaml``.
Both public functions are pure; the lexicon and the regular expressions built
from it are loaded once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..errors import RuleError
from ..yamlfile import load_yaml

_LEXICON = "numbers.yaml"


@dataclass(frozen=True, slots=True)
class Term:
    """A prison term in years: ``years`` is the (upper) bound, ``min_years`` a range's lower one."""

    years: float | None
    min_years: float | None = None
    life: bool = False


@dataclass(frozen=True, slots=True)
class _Lexicon:
    tens: dict[str, int]
    words: dict[str, int]
    scales: dict[str, int]
    fractions: dict[str, float]
    qualifiers: tuple[str, ...]
    run: re.Pattern[str]
    qualifier: re.Pattern[str]


@cache
def _lexicon() -> _Lexicon:
    text = resources.files("kronika").joinpath("data", "lexicons", _LEXICON).read_text("utf-8")
    data: dict[str, Any] = load_yaml(text)
    for key in ("units", "tens", "scales", "fractions", "qualifiers"):
        if key not in data:
            raise RuleError(f"{_LEXICON}: {key}: missing. Add the {key!r} section.")
    words = {**data["units"], **data["tens"]}
    scales = dict(data["scales"])
    word_alt = "|".join(sorted(map(re.escape, [*words, *scales]), key=len, reverse=True))
    scale_alt = "|".join(sorted(map(re.escape, scales), key=len, reverse=True))
    word = rf"(?:{word_alt})"
    # "a"/"an" count as one only right before a scale word ("a dozen", "a hundred").
    run = re.compile(
        rf"\b(?:(?:an?[\s-]+(?=(?:{scale_alt})\b))?{word}(?:[\s-]+(?:and[\s-]+)?{word})*"
        rf"|\d+(?:\.\d+)?(?:\s+(?:{scale_alt}))*)\b"
    )
    quals = tuple(sorted(data["qualifiers"], key=len, reverse=True))
    qualifier = re.compile(r"^(?:" + "|".join(re.escape(q) for q in quals) + r")\s+")
    return _Lexicon(
        tens={str(k).lower(): int(v) for k, v in data["tens"].items()},
        words=words,
        scales=scales,
        fractions={str(k): float(v) for k, v in data["fractions"].items()},
        qualifiers=quals,
        run=run,
        qualifier=qualifier,
    )


def tens_and_unit(tens: str, unit: str) -> int | None:
    """The number a tens word and a unit word written with a hyphen make ("thirty" and
    "five": 35), else None ("five-six" is a range, "10-15" too)."""
    lexicon = _lexicon()
    ten = lexicon.tens.get(tens.lower())
    one = lexicon.words.get(unit.lower())
    return ten + one if ten is not None and one is not None and 0 < one < 10 else None


def _tidy(value: float) -> float | int:
    # a term in years to two places, as the gold format writes them ("10 months" is 0.83)
    rounded = round(value, 2)
    return int(rounded) if rounded == int(rounded) else rounded


def _prepare(text: str) -> str:
    """Lower-case, drop thousands separators and spell fractions as decimals."""
    lex = _lexicon()
    out = text.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ")
    out = re.sub(r"(?<=\d),(?=\d{3}\b)", "", out)
    for char, value in lex.fractions.items():
        decimals = f"{value:.3f}".rstrip("0").lstrip("0")  # ".5"
        out = re.sub(rf"(\d+)\s*{re.escape(char)}", rf"\g<1>{decimals}", out)
        out = out.replace(char, "0" + decimals)
    return out


#: Stands for "and" between two numbers of a list, so a run of number words stops there.
_LIST_AND = "\x00and"


def _split_lists(text: str) -> str:
    """ "eight and nine years" is two numbers; "one hundred and five" is one."""
    scales = _lexicon().scales

    def mark(match: re.Match[str]) -> str:
        return match.group(0) if match.group(1) in scales else f"{match.group(1)} {_LIST_AND} "

    return re.sub(r"\b([a-z]+) and (?=[a-z])", mark, text)


def _run_value(run: str) -> float | None:
    """Value of one run of number words and/or digits, as matched by the lexicon's ``run``."""
    lex = _lexicon()
    total = 0.0
    current = 0.0
    for token in re.split(r"[\s-]+", run.strip()):
        if token in ("and", ""):
            continue
        if token in ("a", "an"):
            current = current or 1
        elif token in lex.words:
            current += lex.words[token]
        elif token in lex.scales:
            scale = lex.scales[token]
            if scale >= 1000:
                total += (current or 1) * scale
                current = 0
            else:
                current = (current or 1) * scale
        else:
            try:
                current += float(token)
            except ValueError:
                return None
    return total + current


#: A scale counted by no number: "a few hundred", "several thousand", "some dozen".
_SOME_SCALE = re.compile(
    r"(?:an?\s+)?(?:few|several|some|many)\s+(?:dozen|score|hundred|thousand|million)\b", re.I
)


def parse_number(text: str) -> float | int | None:
    """Return the first number written in ``text`` ("twenty", "1,141", "16½", "two dozen").

    Qualifiers are ignored ("over 1,000" is 1000); vague plurals such as
    "hundreds" or "dozens" are not numbers and give None.
    """
    lex = _lexicon()
    prepared = _split_lists(_prepare(text).strip())
    while (found := lex.qualifier.match(prepared)) is not None:
        prepared = prepared[found.end() :]
    if _SOME_SCALE.match(prepared):
        return None  # "a few hundred men", "several thousand": no figure told
    match = lex.run.search(prepared)
    if match is None:
        return None
    value = _run_value(match.group(0))
    return None if value is None else _tidy(value)


def _digits(text: str) -> str:
    """Rewrite every number in ``text`` as digits, so the term patterns see only digits."""
    lex = _lexicon()
    prepared = _prepare(text)
    prepared = re.sub(r"\ban? (year|month)\b", r"1 \1", prepared)
    # "5 (five) years 6 (six) months": a number written out again in brackets
    prepared = re.sub(r"(\d)\s*\((?:[a-z]+[ -]?){1,3}\)", r"\1", prepared, flags=re.I)

    def spell(match: re.Match[str]) -> str:
        value = _run_value(match.group(0))
        return match.group(0) if value is None else str(_tidy(value))

    prepared = lex.run.sub(spell, _split_lists(prepared)).replace(_LIST_AND, "and")
    # "7 1/2 years", "8 and 1/2 years": a whole number and a written fraction
    prepared = re.sub(
        r"(\d+)(?:\s+and)?\s+([1-9])/([1-9]\d?)(?=\s|-)",
        lambda m: str(_tidy(int(m.group(1)) + int(m.group(2)) / int(m.group(3)))),
        prepared,
    )
    # "one and a half years", "6 and a half years", "a six-and-a-half-year sentence"
    return re.sub(
        r"(\d+(?:\.\d+)?)[ -]and[ -](?:a|one)[ -]half",
        lambda m: str(_tidy(float(m.group(1)) + 0.5)),
        prepared,
    )


_NUM = r"\d+(?:\.\d+)?"
_YEARS = r"\s*-?\s*(?:years?|yrs?)\b"
_MONTHS = r"\s*-?\s*months?\b"
_TERM = re.compile(
    rf"(?P<between>\bbetween\s+(?P<b1>{_NUM})\s+and\s+(?P<b2>{_NUM})(?P<bu>{_YEARS}|{_MONTHS}))"
    rf"|(?P<range>(?P<r1>{_NUM})\s*(?:to|-)\s*(?P<r2>{_NUM})(?P<ru>{_YEARS}|{_MONTHS}))"
    rf"|(?P<list>{_NUM}(?:\s*,\s*{_NUM})*\s*,?\s*(?:and|or)\s*{_NUM}{_YEARS})"
    rf"|(?P<single>(?P<y>{_NUM}){_YEARS}(?:\s*(?:and|,)?\s*(?P<m>{_NUM}){_MONTHS})?)"
    rf"|(?P<months>(?P<mo>{_NUM}){_MONTHS})"
    r"|(?P<life>\b(?:(?:to|for|serving|serve|given|received|receive|got|get|faces?|facing)"
    r"\s+life\b|life[\s-]+(?:imprisonment|in\s+prison|in\s+jail|sentences?|terms?"
    r"|behind\s+bars)\b"
    # "life for the two leaders, 28 years for the others": a verdict's list of terms
    r"|(?:^|(?<=[,;:])|(?<=\band))\s*life(?=\s+for\b)))"
)
# A number of years followed by these is an age or a time span, not a term.
_NOT_TERM = re.compile(r"\s*-?\s*(?:old|ago|later|earlier|before|in a row|of age)\b")


_YEAR_TO = re.compile(r"\b((?:1[89]|20)\d\d)(\s+to\s+\d)")


def _in_years(value: str, unit: str) -> float:
    number = float(value)
    return number / 12 if "month" in unit else number


def _terms_at(match: re.Match[str]) -> list[Term]:
    kind = match.lastgroup
    if kind == "life":
        return [Term(years=None, life=True)]
    if kind in ("between", "range"):
        key = "b" if kind == "between" else "r"
        unit = match.group(f"{key}u")
        low, high = _in_years(match.group(f"{key}1"), unit), _in_years(match.group(f"{key}2"), unit)
        if low > high:  # "3½ to 3 years" is not a range; keep both as the upper bounds
            return [Term(years=_tidy(low)), Term(years=_tidy(high))]
        return [Term(years=_tidy(high), min_years=_tidy(low))]
    if kind == "list":
        return [Term(years=_tidy(float(n))) for n in re.findall(_NUM, match.group("list"))]
    if kind == "single":
        years = float(match.group("y")) + float(match.group("m") or 0) / 12
        return [Term(years=_tidy(years))]
    return [Term(years=_tidy(float(match.group("mo")) / 12))]


def parse_terms(text: str) -> list[Term]:
    """Return every prison term in ``text``, in order ("3½ and 3 years" gives two terms)."""
    # "sentenced in 2011 to 15 years": the year of the verdict, not a range's first bound
    digits = _YEAR_TO.sub(r"\1, \2", _digits(text))
    terms: list[Term] = []
    for match in _TERM.finditer(digits):
        if match.lastgroup != "life" and _NOT_TERM.match(digits, match.end()):
            continue
        terms.extend(_terms_at(match))
    return terms


def parse_term(text: str) -> Term | None:
    """Return the first prison term in ``text``: "twenty years" → 20, "7 to 11 years" → 7..11."""
    terms = parse_terms(text)
    return terms[0] if terms else None


def is_round(value: object) -> bool:
    """A count told in round figures ("more than 800"): a multiple of a hundred."""
    return (
        isinstance(value, int) and not isinstance(value, bool) and value >= 100 and value % 100 == 0
    )


def rounds_off(a: object, b: object) -> bool:
    """Whether one of two counts rounds the other: "more than 800" and "812" (round,
    and within a tenth of it)."""
    if not (isinstance(a, int) and isinstance(b, int)) or not (is_round(a) or is_round(b)):
        return False
    return abs(a - b) <= max(a, b) / 10
