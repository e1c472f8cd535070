"""Transliteration-aware name keys and a scorer that says whether two names are one entity.

Names are read through anyascii and the letter folds of
``data/lexicons/transliteration.yaml`` (kh/h, q/k, doubled consonants, a
glide y between vowels...), so the spellings one Cyrillic name takes in
several Latin systems meet. People are compared token by token: every token
of the shorter name must match a distinct token of the longer one, in any
order (Kabiri Muhiddin = Muhiddin Kabiri), so two people who share a surname
but not a given name stay apart (Umar vs Abdurasul Mirzoyev). A single token
against a full name is only a *partial* match: the corpus resolver decides
whether the surname is unambiguous. Curated aliases (``canonical``) come first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from anyascii import anyascii
from rapidfuzz.distance import Indel
from rapidfuzz.fuzz import token_sort_ratio

from ..yamlfile import load_yaml

#: ``canonical(name, type) -> curated name or None`` (``Gazetteer.canonical``).
Canonical = Callable[[str, str], str | None]

#: Two tokens of at least this many letters match when their similarity reaches TOKEN_MIN.
TOKEN_MIN = 86.0
#: Organization names match when their content words' token-sort ratio reaches this.
ORG_MIN = 94.0
_MIN_FUZZY_LEN = 4
_WORD = re.compile(r"[a-z0-9]+")
_VOWELS = re.compile(r"[aeiouy]")
_SUFFIX = re.compile(r"^(?:ov|ev|ova|eva|i|zoda|zade|iy)$")


@dataclass(frozen=True, slots=True)
class NameRules:
    """The folding rules of ``transliteration.yaml``, compiled."""

    cyrillic: dict[str, str]
    folds: tuple[tuple[re.Pattern[str], str], ...]
    vowel_classes: tuple[tuple[re.Pattern[str], str], ...]
    titles: frozenset[str]
    org_stopwords: frozenset[str]


@dataclass(frozen=True, slots=True)
class NameMatch:
    """The verdict on two names: same or not, a 0-100 score, and the rule that decided.

    ``partial`` marks a one-word name that fits a longer one ("Halimov" in
    "Gulmurod Halimov"): the same entity only if nobody else in the corpus fits.
    """

    same: bool
    score: float
    rule: str
    partial: bool = False


@cache
def load_rules() -> NameRules:
    """Return the built-in transliteration rules (read once)."""
    path = resources.files("kronika").joinpath("data", "lexicons", "transliteration.yaml")
    data = load_yaml(path.read_text(encoding="utf-8"))
    return NameRules(
        cyrillic=dict(data.get("cyrillic") or {}),
        folds=tuple((re.compile(p), r) for p, r in data["folds"]),
        vowel_classes=tuple((re.compile(p), r) for p, r in data["vowel_classes"]),
        titles=frozenset(data["titles"]),
        org_stopwords=frozenset(data["org_stopwords"]),
    )


#: Russian е after a vowel is said "ye" (Мирзиеев / Mirziyeyev), which anyascii drops.
_IOTATED_E = re.compile(r"(?<=[аеёиоуыэюяАЕЁИОУЫЭЮЯ])е")


def _ascii(name: str, rules: NameRules) -> str:
    name = _IOTATED_E.sub("ye", name)
    mapped = "".join(rules.cyrillic.get(ch, ch) for ch in name)
    text = anyascii(mapped).lower()
    # "Tajikistan's" → "tajikistan"; apostrophes inside names (Da'esh) just vanish
    text = re.sub(r"['`\u2019\u02bc\u02bb]s\b", "", text)
    return re.sub(r"['`\u2019\u02bc\u02bb]", "", text)


def fold_token(token: str, rules: NameRules | None = None) -> str:
    """Return ``token`` (lower-case ASCII) with the letter-variant folds applied."""
    rules = rules or load_rules()
    for pattern, replacement in rules.folds:
        token = pattern.sub(replacement, token)
    return token


@lru_cache(maxsize=1 << 16)
def name_tokens(name: str, *, person: bool = True) -> tuple[str, ...]:
    """Return the folded tokens of ``name``; for people, titles and ranks are dropped.

    Remembered: resolving a store compares the same names many thousand times.
    """
    rules = load_rules()
    words = _WORD.findall(_ascii(name, rules))
    if person:
        kept = [w for w in words if w not in rules.titles]
        words = kept or words
    return tuple(fold_token(w, rules) for w in words)


def translit_key(name: str, *, person: bool = True) -> str:
    """Return a name's transliteration key: ``"Khalimov Gulmorod"`` → ``"halimov gulmorod"``."""
    return " ".join(name_tokens(name, person=person))


def skeleton(token: str) -> str:
    """Return a folded token's consonant skeleton, the blocking key that ignores vowels."""
    return _VOWELS.sub("", token) or token


@lru_cache(maxsize=1 << 16)
def _vowel_fold(token: str) -> str:
    for pattern, replacement in load_rules().vowel_classes:
        token = pattern.sub(replacement, token)
    return token


@lru_cache(maxsize=1 << 18)
def token_score(a: str, b: str) -> tuple[float, str]:
    """Score two folded tokens: ``(score, kind)``, kind one of exact/initial/fuzzy/suffix/none."""
    if a == b:
        return 100.0, "exact"
    if (len(a) == 1 or len(b) == 1) and a[0] == b[0]:
        return 90.0, "initial"
    if min(len(a), len(b)) < _MIN_FUZZY_LEN:
        return 0.0, "none"
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and _SUFFIX.match(long[len(short) :]):
        # Rahmon / Rahmonov: the same root with a surname suffix, not the same spelling
        return 80.0, "suffix"
    score = Indel.normalized_similarity(_vowel_fold(a), _vowel_fold(b)) * 100
    # A vowel more is a syllable more: Mirziyoyev is not Mirzoyev, Gulmurad is Gulmurod.
    same_syllables = len(_VOWELS.findall(a)) == len(_VOWELS.findall(b))
    return (score, "fuzzy") if score >= TOKEN_MIN and same_syllables else (score, "none")


def _align(short: tuple[str, ...], long: tuple[str, ...]) -> list[tuple[float, str]] | None:
    """Match each token of ``short`` to a distinct token of ``long``; None if one fails."""
    pairs = sorted(
        ((token_score(s, t), i, j) for i, s in enumerate(short) for j, t in enumerate(long)),
        key=lambda item: -item[0][0],
    )
    used_s: set[int] = set()
    used_l: set[int] = set()
    found: list[tuple[float, str]] = []
    for (score, kind), i, j in pairs:
        if kind == "none" or i in used_s or j in used_l:
            continue
        used_s.add(i)
        used_l.add(j)
        found.append((score, kind))
    return found if len(found) == len(short) else None


def compare_people(a: str, b: str, canonical: Canonical | None = None) -> NameMatch:
    """Decide whether two person names are one person."""
    curated = _curated(a, b, "PERSON", canonical)
    if isinstance(curated, NameMatch):
        return curated
    a, b = curated
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return NameMatch(False, 0.0, "empty name")
    if ta == tb:
        return NameMatch(True, 100.0, "same transliteration key")
    short, long = sorted((ta, tb), key=len)
    found = _align(short, long)
    if found is None:
        return NameMatch(False, _best(short, long), "a name part differs (e.g. the given name)")
    score = sum(s for s, _ in found) / len(found)
    kinds = {k for _, k in found}
    if len(short) == 1:
        if kinds & {"suffix", "initial"}:
            return NameMatch(False, score, "one word differs by a suffix: needs a curated alias")
        if len(long) == 1:
            return NameMatch(True, score, "one-word names match after transliteration")
        return NameMatch(True, score, "one-word name fits the full name", partial=True)
    if kinds <= {"initial", "suffix"}:
        return NameMatch(False, score, "only initials or suffix variants agree")
    rule = "tokens match in another order" if _reordered(short, long) else "tokens match"
    if "fuzzy" in kinds:
        rule += " after transliteration"
    return NameMatch(True, score, rule)


def _best(short: tuple[str, ...], long: tuple[str, ...]) -> float:
    return max((token_score(s, t)[0] for s in short for t in long), default=0.0)


def _reordered(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    positions = [
        next((j for j, t in enumerate(long) if token_score(s, t)[1] != "none"), -1) for s in short
    ]
    return positions != sorted(positions)


def _curated(a: str, b: str, type: str, canonical: Canonical | None) -> NameMatch | tuple[str, str]:
    """Decide by curated aliases, or return the names to compare (curated names substituted)."""
    if canonical is None:
        return a, b
    ca, cb = canonical(a, type), canonical(b, type)
    if ca is not None and cb is not None:
        if ca == cb:
            return NameMatch(True, 100.0, f"curated alias of {ca}")
        return NameMatch(False, 0.0, f"curated as different entities ({ca} / {cb})")
    # One side is curated: its curated name (not the short form) is what the other must fit.
    return (ca or a, cb or b)


def org_words(name: str) -> tuple[str, ...]:
    """Return an organization name's folded content words (stop words dropped)."""
    stop = load_rules().org_stopwords
    return tuple(w for w in name_tokens(name, person=False) if w not in stop)


def acronym(name: str) -> str:
    """Return a multi-word name's initials (``"Islamic Movement of Uzbekistan"`` → ``"imu"``)."""
    words = org_words(name)
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _is_acronym(name: str) -> bool:
    letters = re.sub(r"[\W\d_]", "", name)
    return " " not in name.strip() and len(letters) >= 2 and letters.isupper()


def compare_orgs(a: str, b: str, canonical: Canonical | None = None) -> NameMatch:
    """Decide whether two organization names are one organization."""
    curated = _curated(a, b, "ORG", canonical)
    if isinstance(curated, NameMatch):
        return curated
    a, b = curated
    wa, wb = org_words(a), org_words(b)
    if not wa or not wb:
        return NameMatch(False, 0.0, "empty name")
    if sorted(wa) == sorted(wb):
        return NameMatch(True, 100.0, "same words after transliteration")
    for short, long in ((a, b), (b, a)):
        if _is_acronym(short) and len(short) >= 3 and _acronym_key(short) == acronym(long):
            return NameMatch(True, 95.0, f"acronym {short} of {long}")
    score = float(token_sort_ratio(" ".join(wa), " ".join(wb)))
    if score >= ORG_MIN and len(wa) == len(wb):
        return NameMatch(True, score, "spelling variants of the same words")
    found = _align(wa, wb) if len(wa) == len(wb) else None
    if found is not None and all(kind in ("exact", "fuzzy") for _, kind in found):
        # Jamoat Ansarulloh / Jamaat Ansarullah: every word a transliteration of one other
        return NameMatch(True, score, "each word a transliteration variant")
    return NameMatch(False, score, "different words")


def _acronym_key(short: str) -> str:
    """An acronym's letters in the keys' script ("ПИВТ" → "pivt")."""
    return "".join(_WORD.findall(_ascii(short, load_rules())))


def compare_places(a: str, b: str, canonical: Canonical | None = None) -> NameMatch:
    """Decide whether two place names are one place (curated variants or one key)."""
    curated = _curated(a, b, "LOC", canonical)
    if isinstance(curated, NameMatch):
        return curated
    a, b = curated
    if translit_key(a, person=False) == translit_key(b, person=False):
        return NameMatch(True, 100.0, "same transliteration key")
    return NameMatch(False, 0.0, "different names")


def compare_names(a: str, b: str, type: str, canonical: Canonical | None = None) -> NameMatch:
    """Decide whether two names of entity ``type`` (PERSON, ORG, LOC...) are one entity."""
    kind = type.upper()
    if kind == "PERSON":
        return compare_people(a, b, canonical)
    if kind == "ORG":
        return compare_orgs(a, b, canonical)
    return compare_places(a, b, canonical)
