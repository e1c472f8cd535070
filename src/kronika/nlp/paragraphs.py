"""A pipeline component that starts a sentence after every blank line.

Titles, datelines and bylines have no final full stop, so the parser would glue
them onto the lead sentence ("Militants Escape From Prison\n\nTwenty-five
prisoners ..."), and a rule then reads the title's words as the sentence's. A
blank line always ends a sentence in news text; the parser keeps boundaries set
before it runs.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

#: Component name in the pipeline (also its factory name).
PARAGRAPHS = "kronika_paragraphs"


@Language.component(PARAGRAPHS)
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token after each blank line as a sentence start."""
    if len(doc) < 2:
        return doc
    spaces = numpy.flatnonzero(doc.to_array([IS_SPACE]).reshape(-1))
    for i in spaces.tolist():
        nxt = i + 1
        if nxt < len(doc) and not doc[nxt].is_space and doc[i].text.count("\n") >= 2:
            doc[nxt].is_sent_start = True
            # a forced start unsettles the parser, which may then end the sentence
            # after one word ("Four | Islamists broke out"): the second word goes on it
            if nxt + 1 < len(doc) and not doc[nxt + 1].is_space and not doc[nxt].is_punct:
                doc[nxt + 1].is_sent_start = False
    return doc
