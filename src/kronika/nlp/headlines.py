"""A pipeline component that re-reads headlines written in Title Case.

The small English model is trained on running text: in "Uzbek Blogger Jailed For
Seven Years Over Posts" it takes every capitalized word for a name and finds no
verb. This component writes such a line in sentence case (a word keeps its
capital only when the model has never seen it in lower case, or the article
writes it with a capital mid-sentence: names), parses that line alone with the
components before it, and copies the tags, lemmas, parse and entities back onto
the original tokens. The text itself is never changed, so offsets stay exact.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib.resources import files

import numpy
import yaml
from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

#: Component name in the pipeline (also its factory name).
HEADLINES = "kronika_headlines"
#: Short words a Title Case line capitalizes though they are never names.
_MINOR = frozenset(
    "a an the of in on at for to from by with over after as and or but into amid against "
    "under up out off near".split()
)


@Language.factory(HEADLINES)
def make_headline_reader(nlp: Language, name: str) -> HeadlineReader:
    """Build the component; it parses headlines with the components placed before it."""
    return HeadlineReader(nlp, name)


class HeadlineReader:
    """Re-parse Title Case lines in sentence case (not a function: it holds the pipeline)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        # the words the model knows, taken before any text is read: every parsed doc adds
        # its own words to the vocabulary, which must not change how later titles read
        self.known = frozenset(s for s in nlp.vocab.strings if s.islower())

    def __call__(self, doc: Doc) -> Doc:
        titles = [s for s in doc.sents if _is_title(s)]
        if not titles:
            return doc
        capitalized = _capitalized_in_body(doc, titles)
        for title in titles:
            self._reparse(doc, title, capitalized)
        return doc

    def _parse(self, words: list[str], spaces: list[bool]) -> Doc:
        parsed = Doc(self.nlp.vocab, words=words, spaces=spaces)
        for token in parsed[1:]:
            token.is_sent_start = False  # a headline is one sentence, whatever the parser thinks
        for name, component in self.nlp.pipeline:
            if name == self.name:
                break
            parsed = component(parsed)
        return parsed

    def _reparse(self, doc: Doc, title: Span, capitalized: set[str]) -> None:
        tokens = [t for t in title if not t.is_space]
        if not tokens:
            return
        start, end = tokens[0].i, tokens[-1].i + 1
        words = [
            _recase(t.text, i == 0, capitalized, self.known) for i, t in enumerate(doc[start:end])
        ]
        spaces = [bool(t.whitespace_) for t in doc[start:end]]
        spaces[-1] = False
        parsed = self._parse(words, spaces)
        if len(parsed) != end - start:
            return  # the tokenizer split the recased line otherwise: leave it as it was
        attrs = [TAG, POS, LEMMA, DEP, HEAD]
        array = numpy.asarray(doc.to_array(attrs), dtype=numpy.uint64)
        # heads are relative offsets, so the line's parse drops in place as it is
        array[start:end] = parsed.to_array(attrs)
        doc.from_array(attrs, array)  # type: ignore[arg-type]
        kept = [e for e in doc.ents if e.end <= start or e.start >= end]
        moved = [Span(doc, e.start + start, e.end + start, label=e.label_) for e in parsed.ents]
        taken = {i for e in moved for i in range(e.start, e.end)}
        moved += [
            Span(doc, a + start, b + start, label="PERSON")
            for a, b in _unknown_runs(words, self.known)
            if not taken & set(range(a + start, b + start))
        ]
        doc.ents = sorted(kept + moved, key=lambda e: e.start)


def _unknown_runs(words: list[str], known: frozenset[str]) -> list[tuple[int, int]]:
    """Runs of two or more capitalized words the model has never seen: names of people.

    "Activist Gulsara Toktogulova Detained": a headline gives no context to tell them by.
    """
    runs: list[tuple[int, int]] = []
    start = None
    for i, word in enumerate([*words, ""]):
        unknown = (
            word[:1].isupper()
            and word.isalpha()
            and word.lower() not in known
            and word.lower() not in _nationalities()
        )
        if unknown and start is None:
            start = i
        elif not unknown and start is not None:
            if i - start >= 2:
                runs.append((start, i))
            start = None
    return runs


def _is_title(sent: Span) -> bool:
    """A one-line sentence of three or more words, mostly capitalized, with no final stop."""
    text = sent.text.strip()
    if not text or "\n" in text or text[-1] in ".!?;:\"”'":
        return False
    words = [t.text for t in sent if t.is_alpha]
    if len(words) < 3:
        return False
    major = [w for w in words if w.lower() not in _MINOR]
    capital = sum(1 for w in major if w[0].isupper() and not w.isupper())
    minor_capital = any(w[0].isupper() for w in words[1:] if w.lower() in _MINOR)
    return capital >= 0.8 * len(major) and (minor_capital or capital == len(major))


def _capitalized_in_body(doc: Doc, titles: Iterable[Span]) -> set[str]:
    """Words the article writes with a capital inside a sentence of its body: names."""
    skip = {t.i for title in titles for t in title}
    found = set()
    for token in doc:
        if token.i in skip or token.is_sent_start or not token.is_alpha:
            continue
        if token.text[0].isupper() and token.i > 0 and not doc[token.i - 1].is_space:
            found.add(token.text)
    return found


def _recase(word: str, first: bool, capitalized: set[str], known: frozenset[str]) -> str:
    if first or not word[:1].isupper() or word.isupper() or word in capitalized:
        return word
    lower = word.lower()
    if lower in _nationalities():
        return word  # "Uzbek", "Kazakh": written with a capital in any sentence
    if len(lower) > 4 and lower.endswith(_surname_endings()):
        return word  # "Karimov", "Tolegenova": a family name, whatever the model has seen
    # a word the model never saw in lower case is most likely a name: keep it
    return lower if lower in known else word


@cache
def _nationalities() -> frozenset[str]:
    """Nationality words (``data/lexicons/demonyms.yaml``), case-folded."""
    text = (files("kronika") / "data" / "lexicons" / "demonyms.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    return frozenset(str(k).casefold() for k in data) if isinstance(data, dict) else frozenset()


#: Family-name endings too common in English words to tell a name in a title.
_ENGLISH_ENDINGS = frozenset({"in", "ina", "iy"})


@cache
def _surname_endings() -> tuple[str, ...]:
    """Endings of family names (``data/lexicons/people.yaml``) that no English word shares."""
    text = (files("kronika") / "data" / "lexicons" / "people.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    endings = data.get("surname_endings") or () if isinstance(data, dict) else ()
    return tuple(str(e) for e in endings if str(e) not in _ENGLISH_ENDINGS)
