"""A pipeline component that starts a sentence after every blank line and at every list item.

Titles, datelines and bylines have no final full stop, so the parser would glue
them onto the lead sentence ("Militants Escape From Prison\n\nTwenty-five
prisoners ..."), and a rule then reads the title's words as the sentence's. A
blank line always ends a sentence in news text; the parser keeps boundaries set
before it runs.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

#: Component name in the pipeline (also its factory name).
PARAGRAPHS = "kronika_paragraphs"


@Language.component(PARAGRAPHS)
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token after each blank line as a sentence start, and the first token
    after a wire dateline ("PEMBA, Mozambique —") as one too; so is the marker of a list
    item on a line of its own after a line that ends in punctuation or a short heading
    ("- Ilhom Tojiboev, Namangan: 9 years;", "2. ...", "Key dates\n• 3 May 2021 - ...")."""
    if len(doc) < 2:
        return doc
    spaces = numpy.flatnonzero(doc.to_array([IS_SPACE]).reshape(-1))
    starts = [0]
    if _DATED_LINE.match(doc.text):
        _after_the_columns(doc, 0)
    for i in spaces.tolist():
        nxt = i + 1
        if nxt < len(doc) and not doc[nxt].is_space and doc[i].text.count("\n") >= 2:
            _start_at(doc, nxt)
            starts.append(nxt)
            if _DATED_LINE.match(doc.text, doc[nxt].idx):
                _after_the_columns(doc, nxt)
        elif (
            nxt < len(doc)
            and "\n" in doc[i].text
            and i > 0
            and (marker := _marker_length(doc, nxt))
            and (doc[i - 1].text[-1:] in _LINE_ENDS or _heading(doc, i, nxt + marker))
        ):
            # "- Ilhom Tojiboev, Namangan: 9 years": each item its own, the marker in it
            doc[nxt].is_sent_start = True
            # ("- Monday 13 May: A convoy was ambushed": the item's date is in its sentence)
            dated = _DATED_ITEM.match(doc.text, doc[min(nxt + marker, len(doc) - 1)].idx)
            last = (
                doc.char_span(doc[nxt].idx, dated.end(), alignment_mode="expand") if dated else None
            )
            end = last.end + 1 if last is not None else nxt + marker + 1
            for k in range(nxt + 1, min(end, len(doc))):
                if not doc[k].is_space:
                    doc[k].is_sent_start = False
        elif nxt < len(doc) and "\n" in doc[i].text and _LABELLED.match(doc.text, doc[nxt].idx):
            # "Location: Quetta, Pakistan\nSummary: A bomb ...": a record's field, or a
            # transcript's speaker, on a line of its own
            _start_at(doc, nxt)
        elif nxt < len(doc) and "\n" in doc[i].text and _DATED_LINE.match(doc.text, doc[nxt].idx):
            # "2006-05-04 | Tal Afar | Gunmen stopped a minibus ...": a log's dated row, its
            # account a sentence of its own after the columns
            _start_at(doc, nxt)
            _after_the_columns(doc, nxt)
        elif nxt < len(doc) and "\n" in doc[i].text and _after_a_field(doc, i, nxt):
            # "Date: 2012-09-18\nGunmen opened fire ...": the text after a field's line
            _start_at(doc, nxt)
    for start in starts[:4]:
        after = _after_dateline(doc, start)
        if after is not None:
            _start_at(doc, after)
    return doc


def _after_the_columns(doc: Doc, row: int) -> None:
    """Start a sentence after the last "|" of a log row's columns ("2006-05-04 | Tal Afar,
    Nineveh | Gunmen ..."), so the place column is not read as part of the account."""
    line_end = doc.text.find("\n", doc[row].idx)
    line_end = len(doc.text) if line_end < 0 else line_end
    pipes = [t.i for t in doc[row:] if t.idx < line_end and t.text == "|"]
    if len(pipes) >= 2 and pipes[-1] + 1 < len(doc) and doc[pipes[-1] + 1].idx < line_end:
        _start_at(doc, pipes[-1] + 1)


def _after_a_field(doc: Doc, newline: int, nxt: int) -> bool:
    """Whether the line that the line break at token ``newline`` ends is a labelled field
    ("Date: 2012-09-18") and the next opens with a capital or a figure."""
    first = doc[nxt].text[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    line_start = doc.text.rfind("\n", 0, doc[newline].idx) + 1
    label = _LABELLED.match(doc.text, line_start)
    if label is None:
        return False
    # (not a wrapped line: "Prosecutors said: Rustam Saidov, a member of\nHizb ut-Tahrir")
    value = doc.text[label.end() : doc[newline].idx].split()
    said = label.group(0).rstrip(": \t").split()[-1].lower() in _SPEECH
    return not said and len(value) <= _FIELD_WORDS


#: Verbs that make a "label" a speaker's words run on ("Prosecutors said: ...").
_SPEECH = frozenset("said says told added stated wrote reported declared announced".split())
#: The most words a field's value has on its line ("Date: 14 May 2019, 06:30").
_FIELD_WORDS = 8
#: A line opened by a date in figures: "2006-05-04 | ...", "14/03/2013: ...".
_DATED_LINE = re.compile(r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b")
#: A list item opened by its date and a colon: "Monday 13 May:", "14 May:", "May 14:".
_DATED_ITEM = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})"
    r"(?:,?\s+\d{4})?:\s"
)
#: A line opened by a label and a colon: "Summary: ...", "Date of incident: ...".
_LABELLED = re.compile(r"[A-ZА-ЯЁ][\w.-]*(?: [\w.-]+){0,2}:[ \t]")
#: How a line before a list item ends (a line wrapped mid-sentence ends in a word or a comma).
_LINE_ENDS = frozenset(":;.!?")
#: A list item's marker at the start of a line: "-", "•", "*".
LIST_MARKS = frozenset("-–—•*·▪")


#: The most words a heading over a list has ("Key dates", "What happened next").
_HEADING_WORDS = 6


def _heading(doc: Doc, newline: int, item: int) -> bool:
    """Whether the line that the line break at token ``newline`` ends is a short heading
    over the item told from token ``item``: a capital first, a few words, no comma at its
    end ("Key dates"), and an item that opens with a capital or a figure (not a dash's
    aside: "He was jailed\n- along with two others - in May")."""
    if item >= len(doc) or not (doc[item].text[:1].isupper() or doc[item].text[:1].isdigit()):
        return False
    text = doc.text
    end = doc[newline].idx
    line = text[text.rfind("\n", 0, end) + 1 : end].strip()
    words = line.split()
    return bool(words) and line[0].isupper() and len(words) <= _HEADING_WORDS and line[-1] != ","


def _marker_length(doc: Doc, i: int) -> int:
    """How many tokens the list item's marker at token ``i`` takes ("-": 1, "2." as "2" and
    ".": 2), or 0 when no marker is there."""
    if doc[i].text in LIST_MARKS:
        return 1
    numbered = doc[i].text.isdigit() and len(doc[i].text) <= 2
    if numbered and i + 1 < len(doc) and doc[i + 1].text in (".", ")"):
        return 2
    if re.fullmatch(r"\d{1,2}[.)]", doc[i].text):
        return 1
    return 0


def _start_at(doc: Doc, i: int) -> None:
    doc[i].is_sent_start = True
    # a forced start unsettles the parser, which may then end the sentence after one word
    # ("Four | Islamists broke out"): the second word goes on it
    if i + 1 < len(doc) and not doc[i + 1].is_space and not doc[i].is_punct:
        doc[i + 1].is_sent_start = False


#: A wire dateline: a town in capitals, then a country, a date or an agency, then a dash
#: (or a colon: "PESHAWAR: Police arrested ...").
_DATELINE = re.compile(
    r"(?:(?:FLASH|BREAKING|URGENT|UPDATED?|EXCLUSIVE|CORRECTED|ALERT|BULLETIN)\s*[:–—-]+\s*)?"
    r"[A-Z][A-Z.'-]{2,}(?:[ ][A-Z][A-Z.'-]+){0,2}(?:,[^\n:()—–]{1,40}?)?"
    # (on one line: "MALI\n- Monday 13 May: ..." is a heading over a list, no dateline)
    r"(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*(?:—|–|--|-(?=\s)|:(?=\s))\s+"
)


def _after_dateline(doc: Doc, start: int) -> int | None:
    """The token after a dateline opening the paragraph at token ``start``, or None.

    The parser reads "PEMBA, Mozambique — Insurgents ... killed" as one clause and loses
    the lead's subject; told apart, the lead is parsed as the sentence it is.
    """
    text = doc.text
    match = _DATELINE.match(text, doc[start].idx)
    if match is None:
        return None
    after = next((t for t in doc[start:] if t.idx >= match.end()), None)
    if after is None or after.is_space or not after.text[:1].isupper():
        return None
    return after.i
