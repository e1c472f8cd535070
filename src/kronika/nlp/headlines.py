"""A pipeline component that re-reads headlines written in Title Case.

The small English model is trained on running text: in "Uzbek Blogger Jailed For
Seven Years Over Posts" it takes every capitalized word for a name and finds no
verb. This component writes such a line in sentence case (a word keeps its
capital only when the model has never seen it in lower case, or the article
writes it with a capital mid-sentence: names), parses that line alone with the
components before it, and copies the tags, lemmas, parse and entities back onto
the original tokens. The text itself is never changed, so offsets stay exact.

A headline's present tense ("Khujand Court Sentences Blogger", "Russia Deports
Imam") can still read as a plural noun, in Title Case or not, and so can a
chronicle's ("22 December 2022: The Supreme Court sentences X to 18 years."). When
a headline's root, or any word of a one-line sentence, is no verb and one of its
words is an event verb's present tense, the line is parsed again with that word in
the past tense ("sentenced"), which the model reads as the verb; the new parse is
kept only when that word becomes its root.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib.resources import files

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..yamlfile import load_yaml

#: Component name in the pipeline (also its factory name).
HEADLINES = "kronika_headlines"
#: Short words a Title Case line capitalizes though they are never names.
_MINOR = frozenset(
    "a an the of in on at for to from by with over after as and or but into amid against "
    "under up out off near".split()
)


@Language.factory(HEADLINES, default_config={"verbs": []})
def make_headline_reader(nlp: Language, name: str, verbs: list[str]) -> HeadlineReader:
    """Build the component; it parses headlines with the components placed before it.

    ``verbs`` are the lemmas of the event verbs whose present tense is re-read.
    """
    return HeadlineReader(nlp, name, verbs)


class HeadlineReader:
    """Re-parse Title Case lines in sentence case (not a function: it holds the pipeline)."""

    def __init__(self, nlp: Language, name: str, verbs: Iterable[str] = ()) -> None:
        self.nlp = nlp
        self.name = name
        self.verbs = frozenset(verbs)
        self.model_verbs = _model_verbs(nlp)
        # the words the model knows, taken before any text is read: every parsed doc adds
        # its own words to the vocabulary, which must not change how later titles read (nor
        # may the gazetteer's people, whose names its patterns put there in lower case)
        names = _people_words(nlp)
        self.known = frozenset(s for s in nlp.vocab.strings if s.islower() and s not in names)

    def __call__(self, doc: Doc) -> Doc:
        # a sentence with no verb at all may be a chronicle's item whose present tense was
        # read as a plural noun ("22 December 2022: The Supreme Court sentences X ...")
        lines = [s for s in doc.sents if _is_headline(s) or _verbless(s)]
        titles = [s for s in lines if _is_title(s)]
        capitalized = _capitalized_in_body(doc, titles) if titles else set()
        for line in lines:
            self._reparse(doc, line, capitalized, recase=line in titles)
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

    def _reparse(self, doc: Doc, line: Span, capitalized: set[str], recase: bool) -> None:
        tokens = [t for t in line if not t.is_space]
        if not tokens:
            return
        start, end = tokens[0].i, tokens[-1].i + 1
        if recase:
            # a name the gazetteer knows keeps its capital: "To Tashkent" is no infinitive
            words = [
                t.text if t.ent_id_ else _recase(t.text, i == 0, capitalized, self.known)
                for i, t in enumerate(doc[start:end])
            ]
        else:
            words = [t.text for t in doc[start:end]]
            if not any(_present_of(w.lower(), self.verbs) for w in words[1:-1]):
                return  # no event verb to re-read: the parse stands
        spaces = [bool(t.whitespace_) for t in doc[start:end]]
        spaces[-1] = False
        parsed = self._parse(words, spaces) if recase else doc[start:end].as_doc()
        if len(parsed) != end - start:
            return  # the tokenizer split the recased line otherwise: leave it as it was
        retensed = self._retense(words, spaces, parsed)
        if retensed is not None:
            parsed = retensed
        elif not recase:
            return  # a headline in sentence case the parser read well: nothing to copy
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

    def _retense(self, words: list[str], spaces: list[bool], parsed: Doc) -> Doc | None:
        """The line parsed with its first present-tense event verb in the past, when that
        makes the verb the root of a line whose root was no verb; else None."""
        roots = [t for t in parsed if t.dep_ == "ROOT"]
        # (a bare present after an event verb's "-s" form is most often a noun misread:
        # "Court Rejects Appeal By ...", the root taken to be "Appeal")
        if not self.verbs or any(self._a_verb(t) and t.tag_ != "VBP" for t in roots):
            return None
        for i, word in enumerate(words[1:-1], start=1):
            lemma = _present_of(word.lower(), self.verbs)
            if lemma is None or parsed[i - 1].pos_ not in ("NOUN", "PROPN"):
                continue
            if parsed[i + 1].pos_ in ("CCONJ", "PUNCT"):
                return None  # "Police Raids And Detentions": a list of nouns
            again = self._parse([*words[:i], _past(lemma), *words[i + 1 :]], spaces)
            if len(again) == len(words) and again[i].dep_ == "ROOT" and again[i].pos_ == "VERB":
                return again
            return None
        return None

    def _a_verb(self, token: Token) -> bool:
        """Whether ``token``, tagged a verb, is one: "imam" and "to Tashkent" are misread nouns."""
        if token.pos_ == "AUX":
            return True
        if token.pos_ != "VERB":
            return False
        return token.lemma_.lower() in self.model_verbs if self.model_verbs else token.is_lower


def _people_words(nlp: Language) -> frozenset[str]:
    """The words of the people's names the pipeline's entity rulers know, in lower case."""
    words: set[str] = set()
    for _, pipe in nlp.pipeline:
        for pattern in getattr(pipe, "patterns", None) or ():
            if not isinstance(pattern, dict) or pattern.get("label") != "PERSON":
                continue
            found = pattern.get("pattern")
            if isinstance(found, str):
                words.update(found.lower().split())
            elif isinstance(found, list):
                words.update(str(t.get("LOWER", "")) for t in found if isinstance(t, dict))
    return frozenset(words)


def _model_verbs(nlp: Language) -> frozenset[str]:
    """The verbs the model's lemmatizer lists (empty when it has no such table)."""
    try:
        lemmatizer = nlp.get_pipe("lemmatizer")
        table = lemmatizer.lookups.get_table("lemma_index")  # type: ignore[attr-defined]
        return frozenset(str(v) for v in table["verb"])
    except (KeyError, AttributeError):
        return frozenset()


def _present_of(word: str, verbs: frozenset[str]) -> str | None:
    """The verb whose third-person present ``word`` is ("jails", "frees", "deports"), if any."""
    if not word.endswith("s") or len(word) < 4:
        return None
    for stem in (word[:-1], word[:-2], word[:-3] + "y" if word.endswith("ies") else ""):
        if stem in verbs:
            return stem
    return None


def _past(lemma: str) -> str:
    """The past tense of ``lemma``: from ``data/lexicons/verbs.yaml`` or by the regular rule."""
    irregular = _irregular_past()
    if lemma in irregular:
        return irregular[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    vowels = [c in "aeiou" for c in lemma]
    syllables = sum(1 for a, b in zip([False, *vowels], vowels, strict=False) if b and not a)
    short = len(lemma) >= 3 and vowels[-2] and not vowels[-3] and lemma[-1] in "bdgmnprt"
    if syllables == 1 and short:
        return lemma + lemma[-1] + "ed"  # ban -> banned, stab -> stabbed
    return lemma + "ed"


@cache
def _irregular_past() -> dict[str, str]:
    text = (files("kronika") / "data" / "lexicons" / "verbs.yaml").read_text(encoding="utf-8")
    data = load_yaml(text) or {}
    past = data.get("past") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in past.items()} if isinstance(past, dict) else {}


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


def _is_headline(sent: Span) -> bool:
    """A one-line sentence of three or more words with no final stop: a title or headline."""
    text = sent.text.strip()
    if not text or "\n" in text or text[-1] in ".!?;:\"”'":
        return False
    return sum(1 for t in sent if t.is_alpha) >= 3


def _verbless(sent: Span) -> bool:
    """A one-line sentence of three or more words none of which the model took for a verb."""
    text = sent.text.strip()
    if not text or "\n" in text or any(t.pos_ in ("VERB", "AUX") for t in sent):
        return False
    return sum(1 for t in sent if t.is_alpha) >= 3


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
    data = load_yaml(text) or {}
    return frozenset(str(k).casefold() for k in data) if isinstance(data, dict) else frozenset()


#: Family-name endings too common in English words to tell a name in a title.
_ENGLISH_ENDINGS = frozenset({"in", "ina", "iy"})


@cache
def _surname_endings() -> tuple[str, ...]:
    """Endings of family names (``data/lexicons/people.yaml``) that no English word shares."""
    text = (files("kronika") / "data" / "lexicons" / "people.yaml").read_text(encoding="utf-8")
    data = load_yaml(text) or {}
    endings = data.get("surname_endings") or () if isinstance(data, dict) else ()
    return tuple(str(e) for e in endings if str(e) not in _ENGLISH_ENDINGS)
