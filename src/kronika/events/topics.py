"""Whom a subjectless line of a dossier or a chronology is about.

Case lists and chronologies drop the subject: "• Zarina Nodirova, 44, lawyer.
Detained in Dushanbe in September 2015. Sentenced in October 2016 to 23 years",
"March 2016 – Detained by Turkish police in Gaziantep". A participle that opens
its sentence with no subject of its own tells what happened to the person the
item is headed by, or, in a chronology, to the person its title names.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.paragraphs import LIST_MARKS
from .date_phrases import LEADING
from .fillers import FillContext, names_of
from .spans import doc_ents, doc_text

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def item_topic(ctx: FillContext) -> list[str]:
    """The person a subjectless participle at the head of its sentence is about, or []."""
    opening = _opening_participle(ctx.trigger, ctx.sent)
    if opening is None:
        return []
    main = opening.head
    if opening.dep_ == "advcl":
        # "Freed in April 2017 after serving his term, he remains under surveillance"
        subject = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return []
        if subject.pos_ == "PRON":
            found = ctx.mentions.antecedent(subject.idx, nearest=True)
            return [found] if found else []
        named = names_of(ctx, subject, ("PERSON",))
        # "October 2022 - Released on parole; the court cites ...": the parser hung a dated
        # line's step on the clause after a semicolon; the step is the line's topic's
        if named or not _across_a_semicolon(opening, main):
            return named
    text = doc_text(ctx.doc)
    line = text.rfind("\n", 0, ctx.sent.start_char) + 1
    head = _person_at(ctx, line)  # "• Zarina Nodirova, 44, lawyer. Detained in ..."
    if head is not None:
        return [head]
    title_end = text.find("\n")
    title = _person_in(ctx, 0, title_end if title_end >= 0 else 0)
    return [title] if title is not None and line > title_end else []


#: How a participle opening its sentence may hang: the root, on the date heading the
#: line ("March 2016 – Detained by ..."), or before the main clause ("Freed in 2017, he").
_OPENING_DEPS = frozenset({"ROOT", "acl", "appos", "advcl", "npadvmod"})


def _opening_participle(trigger: Token, sent: Span) -> Token | None:
    """ "Detained in Istanbul on 3 February [and deported ...]", "March 2016 – Extradited ..."."""
    opening = trigger
    if trigger.dep_ == "conj" and not _has_subject(trigger):
        opening = trigger.head  # "Detained in Istanbul and deported to Tajikistan"
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.dep_ == "prep":
        opening = trigger.head.head  # "Freed under an amnesty": the act told by its noun
    # ("June 2021 - Freed under an amnesty": the model may take a capitalized participle
    # for a name)
    misread = opening.tag_ == "NNP" and opening.lower_.endswith(("ed", "en"))
    if opening.tag_ != "VBN" and not misread:
        return None
    if opening.dep_ not in _OPENING_DEPS or _has_subject(opening):
        return None
    if opening.dep_ in ("acl", "appos", "npadvmod") and not (
        opening.head.ent_type_ == "DATE" and opening.head.i < opening.i
    ):
        return None
    if opening.dep_ == "advcl" and opening.head.i < opening.i:
        return None
    text = doc_text(sent.doc)
    line = text.rfind("\n", 0, opening.idx) + 1
    before = text[max(sent.start_char, line) : opening.idx]
    heading = LEADING.match(before)
    if heading is not None:
        before = before[heading.end() :]
    # "14 May 2019 - Formally arrested in Astana": an adverb on the participle
    adverbs = " ".join(c.text for c in opening.children if c.dep_ == "advmod" and c.i < opening.i)
    if adverbs and before.rstrip().endswith(adverbs):
        before = before.rstrip()[: -len(adverbs)]
    return None if before.strip("".join(LIST_MARKS) + " \t\n:") else opening


def _across_a_semicolon(opening: Token, main: Token) -> bool:
    return any(t.text == ";" for t in opening.doc[opening.i : main.i])


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECTS or c.dep_ == "auxpass" for c in verb.children)


def _person_at(ctx: FillContext, start: int) -> str | None:
    """The person named first on the line from ``start``, past its list mark."""
    text = doc_text(ctx.doc)
    begin = start
    while begin < len(text) and (text[begin] in LIST_MARKS or text[begin].isspace()):
        begin += 1
    end = text.find("\n", begin)
    first = ctx.mentions.people_in(begin, end if end >= 0 else len(text))[:1]
    return first[0][1] if first and first[0][0] == begin else None


def _person_in(ctx: FillContext, start: int, end: int) -> str | None:
    """The one person named between ``start`` and ``end`` (a title), or None."""
    found = {name for _, name in ctx.mentions.people_in(start, end)}
    others = [e for e in doc_ents(ctx.doc) if start <= e.start_char < end and e.label_ == "PERSON"]
    return found.pop() if len(found) == 1 and len(others) <= 1 else None
