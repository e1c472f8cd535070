"""Parse Russian text with natasha and hand it on as a spaCy ``Doc``.

natasha ships its models inside its wheels (razdel segmentation, slovnet morphology,
syntax and NER over navec embeddings, pymorphy2 lemmas), so nothing is downloaded.
The models load on the first Russian article, never for English-only ingest.

The Doc keeps the article's text character for character (whitespace between tokens
becomes whitespace tokens), carries lemmas, universal POS, morphology, heads and
sentence boundaries, entities (PER → PERSON, ORG, LOC) and DATE spans, so the event
rules, role fillers and evidence offsets work on it as they do on an English parse.
Dependency labels are Universal Dependencies, with the few that the shared extractor
reads renamed to their English spaCy equivalents (:data:`DEP_LABELS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import spacy
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ..settings import Settings
from .extensions import install_extensions

#: UD labels renamed to the labels kronika's shared extraction code reads.
DEP_LABELS = {
    "root": "ROOT",
    "nsubj:pass": "nsubjpass",
    "obj": "dobj",
    "iobj": "dative",
    "aux:pass": "auxpass",
    "acl:relcl": "relcl",
}
#: natasha's entity labels → kronika's.
ENT_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
#: ``Doc.user_data`` key of the entities' nominative forms: {surface text: nominative}.
NORMAL_FORMS = "kronika.normal_forms"
#: ``Doc.user_data`` key of the callable naming a mention's entity (see resolve.mentions).
CANONICAL = "kronika.canonical"


@dataclass
class _Models:
    segmenter: Any
    morph_vocab: Any
    morph: Any
    syntax: Any
    ner: Any


@cache
def _models() -> _Models:
    from natasha import (
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    emb = NewsEmbedding()
    return _Models(
        Segmenter(), MorphVocab(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
    )


@cache
def russian_vocab() -> Vocab:
    """The vocabulary every Russian Doc shares (so compiled rules are built once)."""
    install_extensions()
    return spacy.blank("ru").vocab


def morph_vocab() -> Any:
    """natasha's ``MorphVocab`` (pymorphy2): lemmas and inflection of single words."""
    return _models().morph_vocab


def parse_russian(texts: Iterable[str], rules_dirs: tuple[str, ...] = ()) -> Iterator[Doc]:
    """Parse each of ``texts`` into a spaCy Doc (models load on the first call); the
    Russian rules of ``rules_dirs`` join the built-in ones in telling acts from dates."""
    for text in texts:
        yield parse_one(text, rules_dirs)


def parse_one(text: str, rules_dirs: tuple[str, ...] = ()) -> Doc:
    """Parse one Russian text into a spaCy Doc whose text is exactly ``text`` (``rules_dirs``:
    user rule folders, whose participle triggers keep the dates of their clauses)."""
    from natasha import Doc as NatashaDoc

    models = _models()
    chunks = []
    # a line is never part of the next one's sentence: titles and datelines stand alone
    for match in re.finditer(r"[^\n]*\S[^\n]*", text):
        parsed = NatashaDoc(match.group(0))
        parsed.segment(models.segmenter)
        parsed.tag_morph(models.morph)
        parsed.parse_syntax(models.syntax)
        parsed.tag_ner(models.ner)
        for token in parsed.tokens:
            token.lemmatize(models.morph_vocab)
        chunks.append((match.start(), parsed))
    doc = _to_spacy(text, chunks, _acts_in_participles(rules_dirs))
    forms = nominative_forms(doc)
    doc.user_data[NORMAL_FORMS] = forms
    people = [forms.get(e.text, e.text) for e in doc.ents if e.label_ == "PERSON"]
    doc.user_data[CANONICAL] = _canonical(forms, [p for p in people if " " in p])
    return doc


def _canonical(forms: dict[str, str], people: list[str]) -> Callable[[str, str], str | None]:
    """A mention's entity name: its nominative; a lone surname, the full name it belongs to."""
    from ..normalize.names_ru import masculine_nominatives

    def canonical(name: str, kind: str) -> str | None:
        nominative = forms.get(name, name)
        if kind == "PERSON" and " " not in nominative:
            # ("Турсунова задержали" after "Абдувахоб Турсунов": a man's family name in an
            # oblique case, when no one else has the form as a name)
            for form in (nominative, *masculine_nominatives(nominative)):
                full = [p for p in people if form in (p.split()[0], p.split()[-1])]
                if full:
                    return full[0]
        if kind == "PERSON" and (initialled := _INITIALLED.fullmatch(nominative)):
            # "Гайнуллин Р.И." after "Гайнуллина Рустама Ильдаровича": the full name
            family, letters = initialled.group(1), initialled.group(2).replace(".", "")
            for person in people:
                first, *rest = person.split()
                if first == family and "".join(w[0] for w in rest) == letters:
                    return person
        return nominative if nominative != name else None

    return canonical


#: One initial as the tokenizer gives it ("Р", before its dot).
_INITIAL = re.compile(r"[А-ЯЁA-Z]\.?")
#: A family name and the initials of the given name and patronymic: "Гайнуллин Р.И.".
_INITIALLED = re.compile(r"([А-ЯЁ][а-яё-]+)\s+((?:[А-ЯЁ]\.){1,2})")


def nominative_forms(doc: Doc) -> dict[str, str]:
    """Each name's surface text → its nominative, read with the case the parser gave it."""
    from ..normalize.names_ru import nominative_name, nominative_phrase, nominative_place

    forms: dict[str, str] = {}
    for ent in doc.ents:
        text = ent.text
        if ent.label_ == "PERSON":
            # "Гайнуллина Р.И.": the initials stay as written, the family name takes its case
            initials = "".join(t.text for t in ent if _INITIAL.fullmatch(t.text) or t.text == ".")
            named = [t for t in ent if not t.is_punct and not _INITIAL.fullmatch(t.text)]
            words = [(t.text, _feat(t, "Case"), _feat(t, "Gender")) for t in named]
            if initials.replace(".", ""):
                forms[text] = f"{nominative_name(words)} {initials}".strip()
            else:
                forms[text] = nominative_name(words)
        elif ent.label_ == "LOC":
            forms[text] = nominative_place(text)
        elif ent.label_ == "ORG":
            forms[text] = nominative_phrase(text, ent.root.text, _feat(ent.root, "Case") or "Nom")
    return {k: v for k, v in forms.items() if v and v != k}


def _feat(token: Any, name: str) -> str | None:
    values = token.morph.get(name)
    return str(values[0]) if values else None


@dataclass
class _Columns:
    words: list[str]
    spaces: list[bool]
    lemmas: list[str]
    pos: list[str]
    morphs: list[str]
    heads: list[int]
    deps: list[str]
    starts: list[int]


def _to_spacy(text: str, chunks: list[tuple[int, Any]], acts: frozenset[str]) -> Doc:
    cols = _Columns([], [], [], [], [], [], [], [])
    for offset, parsed in chunks:
        for sent in parsed.sents:
            _add_sentence(text, sent, cols, offset)
    _trailing(text, cols)
    doc = Doc(
        russian_vocab(),
        words=cols.words,
        spaces=cols.spaces,
        lemmas=cols.lemmas,
        pos=cols.pos,
        morphs=cols.morphs,
        heads=cols.heads,
        deps=cols.deps,
    )
    for token in doc:
        token.tag_ = token.pos_
        _participle(token)
    for token in doc:
        _impersonal_object(token)
    ents = [e for offset, parsed in chunks for e in _entities(doc, parsed, offset)]
    doc.ents = filter_spans(_official_order(doc, ents) + find_date_spans(doc, acts))
    return doc


def _official_order(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Юлдашева Бахрома Умаровича" found as two names, the family name and then the given
    name with the patronymic: one name, in the order courts write it."""
    from ..normalize.names_ru import is_patronymic

    out: list[Span] = []
    for ent in sorted(ents, key=lambda e: e.start):
        last = out[-1] if out else None
        if (
            last is not None
            and last.label_ == ent.label_ == "PERSON"
            and last.end == ent.start
            and len(last) == 1
            and len(ent) == 2
            and is_patronymic(ent[-1].text)
        ):
            out[-1] = Span(doc, last.start, ent.end, label="PERSON")
            continue
        out.append(ent)
    return out


def _add_sentence(text: str, sent: Any, cols: _Columns, offset: int) -> None:
    ids: dict[str, int] = {}
    for token in sent.tokens:
        _gap(text, offset + token.start, cols)
        ids[token.id] = len(cols.words)
        cols.words.append(token.text)
        cols.spaces.append(False)
        cols.starts.append(offset + token.start)
        cols.lemmas.append(token.lemma or token.text.lower())
        cols.pos.append(token.pos or "X")
        cols.morphs.append("|".join(f"{k}={v}" for k, v in sorted((token.feats or {}).items())))
        cols.heads.append(-1)
        dep = DEP_LABELS.get(token.rel or "dep", token.rel or "dep")
        # "не задержан": English spaCy's label for a negation, which the extractor reads
        cols.deps.append("neg" if dep == "advmod" and token.text.lower() in ("не", "ни") else dep)
    if not ids:
        return
    # one root per sentence: a second "root" (a parser slip) hangs on the first
    roots = [ids[t.id] for t in sent.tokens if t.head_id not in ids or t.head_id == t.id]
    root = roots[0] if roots else ids[sent.tokens[0].id]
    for token in sent.tokens:
        i = ids[token.id]
        head = ids.get(token.head_id, root)
        cols.heads[i] = i if i == root else (root if head == i else head)
        if i == root:
            cols.deps[i] = "ROOT"
    _break_cycles(cols, sorted(ids.values()), root)


def _break_cycles(cols: _Columns, members: list[int], root: int) -> None:
    """Hang on the root any word whose chain of heads loops without reaching it."""
    for i in members:
        seen = {i}
        j = cols.heads[i]
        while j != root and j not in seen:
            seen.add(j)
            j = cols.heads[j]
        if j != root:
            cols.heads[i] = root


def _gap(text: str, start: int, cols: _Columns) -> None:
    """Keep the text between the previous token and ``start``: a space flag or a space token."""
    end = cols.starts[-1] + len(cols.words[-1]) if cols.words else 0
    gap = text[end:start]
    if cols.words and gap[:1] == " ":
        cols.spaces[-1] = True
        gap = gap[1:]
    if gap:
        cols.words.append(gap)
        cols.spaces.append(False)
        cols.starts.append(start - len(gap))
        cols.lemmas.append(gap)
        cols.pos.append("SPACE")
        cols.morphs.append("")
        cols.heads.append(-1)
        cols.deps.append("dep")


def _trailing(text: str, cols: _Columns) -> None:
    """Keep the text after the last token; hang each whitespace token on a neighbour."""
    _gap(text, len(text), cols)
    for i, head in enumerate(cols.heads):
        if head == -1:
            # on the word before (the sentence it closes); at the very start, the word after
            cols.heads[i] = i - 1 if i else min(1, len(cols.heads) - 1)


def _impersonal_object(verb: Any) -> None:
    """ "Фируза Холова в 2017 году осудили": a verb in the plural with no one said to do it
    (who did it is left unsaid) has the one person before it as its object, whatever case
    the parser read; it cannot be the subject of a plural."""
    if verb.pos_ != "VERB" or "Fin" not in verb.morph.get("VerbForm"):
        return
    if "Plur" not in verb.morph.get("Number") or verb.morph.get("Person") in (["1"], ["2"]):
        return
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or any(c.dep_ == "dobj" for c in verb.children):
        return
    subject = subjects[0]
    # (not "Каримов вместе с сообщниками напали": a plural told with "с")
    between = verb.doc[min(subject.i, verb.i) : max(subject.i, verb.i)]
    if any(t.lower_ == "с" and t.dep_ == "case" for t in between):
        return
    single = "Sing" in subject.morph.get("Number") and "Anim" in subject.morph.get("Animacy")
    if single and subject.pos_ == "PROPN" and not any(c.dep_ == "conj" for c in subject.children):
        subject.dep_ = "dobj"
        # (its name read in the accusative, so that its nominative is found: "Фируз Холов")
        for word in (subject, *(c for c in subject.children if c.dep_ in ("appos", "flat:name"))):
            if word.pos_ == "PROPN" and "Nom" in word.morph.get("Case"):
                features = word.morph.to_dict()
                features["Case"] = "Acc"
                word.set_morph("|".join(f"{k}={v}" for k, v in sorted(features.items())))


def _participle(token: Any) -> None:
    """A full participle ("запрещенной партии") describes a noun: an adjective, not an act.

    With words of its own it is a clause about the noun, like an English relative
    clause ("задержанный в мае Иванов"); only the short form ("запрещена") tells an act.
    """
    if "Part" not in token.morph.get("VerbForm") or "Short" in token.morph.get("Variant"):
        return
    if token.dep_ in ("acl", "amod"):
        token.pos_ = "ADJ"
        own = any(c.dep_ not in ("punct",) for c in token.children)
        token.dep_ = "relcl" if own else "amod"


def _entities(doc: Doc, parsed: Any, offset: int) -> list[Span]:
    spans = []
    for span in parsed.spans:
        label = ENT_LABELS.get(span.type)
        found = (
            doc.char_span(offset + span.start, offset + span.stop, label=label) if label else None
        )
        if found is None:
            continue
        opening = next((t.i for t in found if t.text == "("), None)
        if opening is not None:
            # "Партии исламского возрождения (ПИВТ": the name, and its short form apart
            inner = doc[opening + 1 : found.end]
            if len(inner) == 1 and inner.text.isupper() and label:
                spans.append(Span(doc, inner.start, inner.end, label=label))
            found = doc[found.start : opening]
            while len(found) and (found[-1].is_punct or found[-1].is_space):
                found = found[:-1]
            if not len(found):
                continue
            found = Span(doc, found.start, found.end, label=label or "")
        words = [t for t in found if not t.is_punct]
        if label == "PERSON" and len(words) == 4 and len(found) == 4:
            # "племянница Шокирджона Хакимова Рухшона Хакимова": two names run together
            spans.extend([doc[found.start : found.start + 2], doc[found.start + 2 : found.end]])
            for span in spans[-2:]:
                span.label_ = label
        else:
            spans.append(found)
    return spans


def find_date_spans(doc: Doc, acts: frozenset[str]) -> list[Span]:
    """DATE spans for Russian date phrases ("13 февраля 2025 года", "в декабре прошлого года");
    ``acts``: the participles whose clauses' dates are theirs."""
    from ..normalize.dates_ru import find_date_phrases

    spans = []
    for start, end in find_date_phrases(doc.text):
        span = doc.char_span(start, end, label="DATE", alignment_mode="contract")
        if span is not None and len(span) and not _dates_something_else(span, acts):
            spans.append(span)
    return spans


#: Words whose date is the deed's, not the verdict's: "по обвинению в теракте в июле".
_DEED_WORDS = frozenset({"обвинение", "подозрение", "виновный", "обвинять", "обвинить",
                         "подозревать", "обвиняемый", "подозреваемый"})  # fmt: skip


@cache
def _acts_in_participles(rules_dirs: tuple[str, ...]) -> frozenset[str]:
    from ..events.spec import load_specs, participle_lemmas  # the rules sit above the parser

    return participle_lemmas(load_specs(Settings(rules_dirs=rules_dirs), "ru"))


def _dates_something_else(span: Span, acts: frozenset[str]) -> bool:
    """A date inside a participle clause ("беспорядков, произошедших в июне 2010 года"), a
    charge or a birth ("1991 года рождения") dates that, never the act the sentence tells."""
    after = span.doc[span.end : span.end + 2]
    if any(t.lower_ == "рождения" for t in after):
        return True
    for token in span.root.ancestors:
        if token.lemma_ in _DEED_WORDS and token.pos_ not in ("VERB", "AUX"):
            return True
        morph = str(token.morph)
        if "VerbForm=Part" in morph and "Variant=Short" not in morph:
            # ("Шарипову, задержанному в январе": the date of an act the rules read in a
            # participle is that act's)
            return token.pos_ == "ADJ" and token.lemma_ not in acts
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False
