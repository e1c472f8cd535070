"""Detect an article's language, to route it to the pipeline that reads it.

The script is counted first: Latin text that reads as English by its function words
is English without more work, so English-only ingest never loads a model for this.
Anything else goes to py3langid (langid.py's maintained fork, its model inside the
wheel), restricted to the languages a script can hold.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

#: The pipelines kronika has; articles in other languages are stored but not analysed.
PIPELINES = ("en", "ru")

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z]")
_BULGARIAN_VOWEL = re.compile("[бвгджзйклмнпрстфхцчшщ]ъ(?:[бвгджзйклмнпрстфхцчшщ]|\\b)")
#: Letters of Ukrainian, Belarusian, Kazakh, Kyrgyz, Tajik, Uzbek and South Slavic Cyrillic.
_OTHER_CYRILLIC = re.compile("[іїєґўәғқңөұүһҳҷӣӯѓќѕљњџјђћ]")
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 5000
#: Languages written in Cyrillic that news on the domain's region is published in.
_CYRILLIC_LANGS = ("ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn")
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the a an of to in and or for on at by with from that this is was were are be been has "
    "have had it its as but not he she they his her their which who said will would".split()
)


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of ``text``'s language, or None when there is too little text."""
    sample = text[:_SAMPLE]
    # most text has no Cyrillic at all: then the letters need no counting
    cyrillic = len(_CYRILLIC.findall(sample)) if _CYRILLIC.search(sample) else 0
    if cyrillic > 10 and cyrillic > len(_LATIN.findall(sample)):
        lower = sample.lower()
        # Cyrillic languages other than Russian have letters of their own, or (Bulgarian) a
        # vowel ъ; a short Russian text can otherwise read as Bulgarian to a character model
        if not _OTHER_CYRILLIC.search(lower) and not _BULGARIAN_VOWEL.search(lower):
            return "ru"
        return _classify(sample, _CYRILLIC_LANGS)
    words = _WORD.findall(sample.lower())
    if len(words) < 5:
        return None
    share = sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)
    # running English prose is 25-40 % function words; headlines alone are near 15 %
    if share >= 0.15:
        return "en"
    return _classify(sample, None)


def pipeline_language(language: str | None) -> str:
    """The pipeline an article of ``language`` goes through (English when unknown)."""
    return language if language in PIPELINES else "en"


def _classify(sample: str, languages: tuple[str, ...] | None) -> str | None:
    lang, _score = _identifier(languages).classify(sample)
    return str(lang) if lang else None


@cache
def _identifier(languages: tuple[str, ...] | None) -> Any:
    """A py3langid identifier, loaded on first use (about half a second) and kept."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    if languages:
        identifier.set_languages(list(languages))
    return identifier
