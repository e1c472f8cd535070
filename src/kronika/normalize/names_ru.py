"""Russian names and noun phrases to the nominative: "Муродова" → "Муродов".

A word is put in the nominative with pymorphy3 (its dictionaries ship in a wheel),
choosing the reading that agrees with the case and gender the parser gave the word
in context. Central Asian names the dictionary does not know fall back to the
endings Russian gives borrowed names ("Назарзодой" → "Назарзода", "Хайита" → "Хайит").
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

#: UD case → pymorphy3 grammeme.
_CASES = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct", "Nom": "nomn"}
_GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
#: Endings of inflected borrowed names, longest first: (ending, cases, nominative ending).
_FALLBACK = (
    ("зодой", "Ins", "зода"), ("зоды", "Gen", "зода"), ("зоде", "Dat Loc", "зода"),
    ("зоду", "Acc", "зода"), ("овой", "Ins Gen Dat Loc", "ова"), ("евой", "Ins Gen Dat Loc", "ева"),
    ("ову", "Acc", "ова"), ("еву", "Acc", "ева"), ("ым", "Ins", ""), ("ом", "Ins", ""),
    ("ем", "Ins", ""), ("ая", "Gen Acc", "ай"), ("ая", "Gen Acc", "ай"), ("ея", "Gen Acc", "ей"),
    ("а", "Gen Acc", ""), ("у", "Dat", ""), ("е", "Loc Dat", ""),
)  # fmt: skip
#: Endings a name takes in an oblique case ("Хайита", "Абдухалимом", "Назарзодой").
_OBLIQUE = ("а", "я", "у", "ю", "ом", "ем", "ым", "им", "ой", "ей", "е", "ы", "и")
#: Endings of surnames in the nominative ("Авазов", "Кабиров", "Гулин").
_SURNAME_NOMINATIVE = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "зода", "заде")
_CYRILLIC = re.compile(r"^[\u0400-\u04FF-]+$")


@cache
def _analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _cased(word: str, like: str) -> str:
    """``word`` with the capitals of ``like`` ("алма-ата" like "Алма-Ате" → "Алма-Ата")."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    parts, models = word.split("-"), like.split("-")
    if len(parts) != len(models):
        models = [like] + [""] * (len(parts) - 1)
    return "-".join(
        p[:1].upper() + p[1:] if m[:1].isupper() else p for p, m in zip(parts, models, strict=True)
    )


def nominative_word(word: str, case: str | None, gender: str | None = None) -> str:
    """``word`` in the nominative, read in ``case`` (UD: "Gen", "Ins", ...) and ``gender``."""
    if not case or case == "Nom" or not _CYRILLIC.match(word):
        return word
    if len(word) > 1 and word.isupper():
        return word  # an acronym is not declined: "сотрудники КНБ"
    grammeme = _CASES.get(case)
    if grammeme is None:
        return word
    want_gender = _GENDERS.get(gender or "")
    parses = [
        p for p in _analyzer().parse(word.lower()) if grammeme in p.tag and p.tag.POS == "NOUN"
    ]
    named = [p for p in parses if {"Name", "Surn", "Patr"} & set(p.tag.grammemes)]
    for group in (named, parses):
        for parse in group:
            if want_gender and parse.tag.gender and parse.tag.gender != want_gender:
                continue
            form = parse.inflect({"nomn"})
            if form is not None:
                return _cased(form.word, word)
    return _fallback(word, case, gender)


#: Endings of inflected women's given names: (ending, cases, nominative ending).
_FEMININE = (("ой", "Ins", "а"), ("ей", "Ins", "я"), ("у", "Acc", "а"), ("ю", "Acc", "я"),
             ("е", "Dat Loc", "а"), ("ы", "Gen", "а"))  # fmt: skip


def _fallback(word: str, case: str, gender: str | None = None) -> str:
    lower = word.lower()
    if gender == "Fem":
        for ending, cases, nominative in _FEMININE:
            if lower.endswith(ending) and case in cases.split() and len(lower) > len(ending) + 2:
                return word[: len(word) - len(ending)] + nominative
        return word
    for ending, cases, nominative in _FALLBACK:
        if lower.endswith(ending) and case in cases.split() and len(lower) > len(ending) + 2:
            return word[: len(word) - len(ending)] + nominative
    return word


def nominative_name(words: list[tuple[str, str | None, str | None]]) -> str:
    """A person's name in the nominative from its words with their (case, gender) in context.

    The words of a name share one case: the parser's reading of the last word (the
    surname) is taken for all. A word that cannot be nominative at all ("Хайита",
    "Абдухалимом") is put in the nominative even where the parser read it so.
    """
    if not words:
        return ""
    _, case, gender = words[-1]
    told = _patronymic_case(words[-1][0])
    if told is not None and len(words) > 1:
        # "Ташпулатова Жасура Бахтиёровича": the patronymic's ending tells the case the
        # parser may misread, and the family name comes first
        case, gender = told
        return " ".join(_name_word(w, case, gender) for w, _, _ in words)
    *given, (family, _, _) = words
    if given and family.lower().endswith(_MASCULINE_NOMINATIVE) and _CYRILLIC.match(family):
        # "Ильхом Турсунов": a man's family name in "-ов" is in the nominative (the parser
        # may read it as a genitive plural), and so is the given name before it
        return " ".join(w for w, _, _ in words)
    # "Далер Шарифзода", "Шарифзода задержали": a Tajik family name in "-зода" keeps its
    # ending in every case (but "Шерзода", a given name's genitive, is "Шерзод")
    if family.lower().endswith(_UNDECLINED) and (given or len(family) >= _LONG_FAMILY_NAME):
        return " ".join([*(_name_word(w, case, gender) for w, _, _ in given), family])
    return " ".join(_name_word(w, case, gender) for w, _, _ in words)


#: Patronymic endings and the case and gender they tell ("Ильдаровича": genitive).
_PATRONYMIC_ENDINGS = (
    ("вичем", "Ins", "Masc"), ("вича", "Gen", "Masc"), ("вичу", "Dat", "Masc"),
    ("виче", "Loc", "Masc"), ("вич", "Nom", "Masc"), ("вной", "Ins", "Fem"),
    ("вны", "Gen", "Fem"), ("вне", "Dat", "Fem"), ("вну", "Acc", "Fem"), ("вна", "Nom", "Fem"),
)  # fmt: skip


def _patronymic_case(word: str) -> tuple[str, str] | None:
    lower = word.lower()
    for ending, case, gender in _PATRONYMIC_ENDINGS:
        if (
            lower.endswith(ending)
            and len(lower) > len(ending) + 3
            and lower[-len(ending) - 1] in "оеё"
        ):
            return case, gender
    return None


def is_patronymic(word: str) -> bool:
    """Whether ``word`` is a patronymic in some case: "Умаровича", "Алишеровна"."""
    return _patronymic_case(word) is not None


#: Endings only a man's family name in the nominative has: "Ташпулатов", "Гайнуллин".
_MASCULINE_NOMINATIVE = ("ов", "ев", "ёв", "ин", "ын")
#: Endings such a name takes in the other cases: "Турсунова", "Турсунову", "Турсуновым".
_MASCULINE_OBLIQUE = ("ым", "а", "у", "е")


def masculine_declined(name: str) -> list[str]:
    """The other cases of a man's family name in the nominative: "Турсунов" →
    "Турсунова", "Турсунову", "Турсуновым", "Турсунове" (none for other names)."""
    if not name.endswith(_MASCULINE_NOMINATIVE):
        return []
    return [name + ending for ending in _MASCULINE_OBLIQUE]


def masculine_nominatives(word: str) -> list[str]:
    """The nominatives a man's family name in an oblique case may have: "Турсунова" →
    "Турсунов"."""
    return [
        word[: -len(ending)]
        for ending in _MASCULINE_OBLIQUE
        if word.endswith(ending) and word[: -len(ending)].endswith(_MASCULINE_NOMINATIVE)
    ]


#: Endings of family names Russian leaves as they are: "Шарифзода", "Турсунзаде".
_UNDECLINED = ("зода", "заде")
#: Letters a family name in "-зода" has at least; shorter words are given names' genitives.
_LONG_FAMILY_NAME = 8
#: The endings a family name in "-зода" takes where Russian declines it.
_ZODA_OBLIQUE = ("зодой", "зоды", "зоде", "зоду")


def _name_word(word: str, case: str | None, gender: str | None) -> str:
    if word.lower().endswith(_MASCULINE_NOMINATIVE) and _CYRILLIC.match(word):
        return word  # "Ташпулатов", whatever case the parser read: no other case ends so
    for ending in _ZODA_OBLIQUE:
        stem = len(word) - len(ending)
        if word.lower().endswith(ending) and stem + len("зода") >= _LONG_FAMILY_NAME:
            return word[:stem] + "зода"  # "Шовализоду": a "-зода" family name declined
    if case and case != "Nom":
        return nominative_word(word, case, gender)
    lower = word.lower()
    if not _CYRILLIC.match(word) or lower.endswith(_SURNAME_NOMINATIVE):
        return word
    if not lower.endswith(_OBLIQUE):
        return word  # "Сухроб": no case ending to undo
    parses = [p for p in _analyzer().parse(word.lower()) if p.tag.POS == "NOUN"]
    if not parses or any(p.tag.case == "nomn" for p in parses):
        return word
    oblique = next((p for p in parses if {"Name", "Surn"} & set(p.tag.grammemes)), parses[0])
    form = oblique.inflect({"nomn"})
    return _cased(form.word, word) if form is not None else word


def nominative_phrase(text: str, head: str, case: str | None = None) -> str:
    """A noun phrase in the nominative: the head and the words agreeing with it before it.

    "Верховного суда Таджикистана" (head "суда") → "Верховный суд Таджикистана": the
    genitive after the head stays as it is. ``case`` is the head's case in context when
    known: a head the parser read as nominative is left alone.
    """
    if case == "Nom" or (len(head) > 1 and head.isupper()):
        return text  # (an acronym is not declined: "вступили в ИГ")
    words = text.split(" ")
    if head not in words:
        return text
    at = words.index(head)
    parses = [p for p in _analyzer().parse(head.lower()) if p.tag.POS == "NOUN"]
    if not parses or "nomn" in parses[0].tag or not _analyzer().word_is_known(head.lower()):
        return text  # already nominative, or a name the dictionary does not know
    case, number = parses[0].tag.case, parses[0].tag.number or "sing"
    gender = parses[0].tag.gender
    out = []
    for word in words[: at + 1]:
        candidates = [
            p
            for p in _analyzer().parse(word.lower())
            if p.tag.case == case and p.tag.POS in ("NOUN", "ADJF", "PRTF")
        ]
        # "Второго Западного ... суда": the words agree with the head's gender (masculine
        # "Второй", not the likelier neuter "Второе")
        candidates.sort(key=lambda p: p.tag.POS == "NOUN" or p.tag.gender != gender)
        form = candidates[0].inflect({"nomn", number}) if candidates else None
        out.append(_cased(form.word, word) if form is not None else word)
    return " ".join(out + words[at + 1 :])


def nominative_place(text: str) -> str:
    """A place name in the nominative without context: "Таджикистане" → "Таджикистан".

    Each word takes the likeliest reading as a place name (Geox) or noun that is not
    already nominative; "Хатлонской области" → "Хатлонская область".
    """
    words = text.split(" ")
    known = _known_nominative(text) if len(words) == 1 else None
    if known is not None:
        return known  # "Вахдате": "Вахдат", the town, not the likelier guess "Вахдата"
    head = words[-1]
    for word in reversed(words):
        parses = _analyzer().parse(word.lower())
        if parses and parses[0].tag.POS == "NOUN":
            head = word
            break
    if _as_named(head):
        return text  # "Тель-Тамр", "Кара-Суу": an unknown name that looks as it is named
    parses = _analyzer().parse(head.lower())
    geo = [p for p in parses if "Geox" in p.tag.grammemes] or parses
    if not geo or geo[0].tag.case in (None, "nomn"):
        return text
    case = geo[0].tag.case
    out = []
    for word in words:
        readings = [p for p in _analyzer().parse(word.lower()) if p.tag.case == case]
        geo_readings = [p for p in readings if "Geox" in p.tag.grammemes] or readings
        form = geo_readings[0].inflect({"nomn"}) if geo_readings else None
        out.append(
            _cased(form.word, word)
            if form is not None and word in words[: words.index(head) + 1]
            else word
        )
    return " ".join(out)


#: Endings of a name told as it is named, not declined: a hard consonant ("Тель-Тамр":
#: masculine nominative, far likelier than a genitive plural) or a Turkic long vowel
#: ("Кара-Суу", "Тоо").
#: ("под Гармом": an instrumental ending is a case, not the name's own; a soft sign ends
#: only a nominative or its like accusative: "Эль-Холь")
_AS_NAMED = re.compile(r"(?:[бвгджзклнпрстфхцчшщь]|(?<![оеёыи])м|уу|оо|ыы|ээ)$")


def _as_named(word: str) -> bool:
    """Whether a place name the dictionary does not know reads as already nominative."""
    return bool(_AS_NAMED.search(word.lower())) and not _analyzer().word_is_known(word.lower())


def _known_nominative(word: str) -> str | None:
    """Of all nominative readings of a one-word place, the one a place index knows (when
    the word as written is not itself a known place), or None."""
    from .places import known_as_written

    if known_as_written(word):
        return None
    for parse in _analyzer().parse(word.lower()):
        if parse.tag.case in (None, "nomn"):
            continue
        form = parse.inflect({"nomn"})
        if form is not None and known_as_written(_cased(form.word, word)):
            return _cased(form.word, word)
    return None


def inflections(word: str, limit: int = 40) -> list[str]:
    """The forms of a Russian word's paradigm ("суд" → "суда", "суду", "судом", ...).

    Every reading of the word counts ("Муродов" as a surname gives "Муродова" and
    "Муродову"), so a search finds the word in any case and number.
    """
    if not _CYRILLIC.match(word):
        return []
    forms: dict[str, None] = {}
    lower = word.lower()
    if word[:1].isupper() and lower.endswith(("ов", "ев", "ёв", "ин", "ын")):
        # a Russian-style surname the dictionary does not know: "Муродов", "Муродова", ...
        forms.update((lower + end, None) for end in ("", "а", "у", "ым", "е", "ой", "ы", "ых"))
    parses = _analyzer().parse(lower)
    # a capitalized word is most likely a name: its surname or given-name paradigm first
    named = [p for p in parses if {"Surn", "Name", "Geox", "Orgn"} & set(p.tag.grammemes)]
    for parse in (named if word[:1].isupper() and named else parses)[:3]:
        for form in parse.lexeme:
            forms[form.word] = None
            if len(forms) >= limit:
                return list(forms)
    return list(forms)
