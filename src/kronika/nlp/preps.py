"""A pipeline component that gives a preposition left without its object the noun after it.

The small model sometimes hangs a named person told after a title on the verb and
leaves the preposition before him empty: in "upheld the life sentence handed to
rights defender Azimjon Askarov" the word "to" has no object and "Askarov" is an
adverbial of "upheld", so no rule sees whom the sentence was handed to. A
preposition that takes an object ("to", "on", "of", "against", ...), has none, and
is followed at once by a noun phrase whose head the parser put outside the phrase
as an object, adverbial or apposition gets that head back as its object. Clause
words the model tags as prepositions ("as", "while", "because") and phrases that
are a clause's subject are left as parsed.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

#: Component name in the pipeline (also its factory name).
PREP_MENDER = "kronika_preps"
#: Prepositions that always take a noun after them.
_TAKES_OBJECT = frozenset(
    {"to", "on", "of", "against", "for", "with", "from", "by", "upon", "onto", "toward", "towards"}
)
#: Words inside a noun phrase before its head: "rights defender Azimjon Askarov".
_INSIDE = frozenset({"compound", "amod", "det", "nummod", "poss", "nmod", "case", "punct"})
#: Where the parser misplaced the phrase's head: never a clause's subject.
_MISPLACED = frozenset({"npadvmod", "dobj", "appos", "dep", "attr", "oprd"})
#: How far a phrase's head may stand from the preposition.
_REACH = 8


@Language.component(PREP_MENDER)
def mend_preps(doc: Doc) -> Doc:
    """Attach the head of the noun phrase right after an object-less preposition to it."""
    for token in doc:
        if token.dep_ != "prep" or token.lower_ not in _TAKES_OBJECT:
            continue
        if any(child.dep_ in ("pobj", "pcomp") for child in token.children):
            continue
        head = _phrase_head(doc, token)
        if head is not None:
            head.head = token
            head.dep_ = "pobj"
    return doc


def _phrase_head(doc: Doc, prep: Token) -> Token | None:
    """The head of the noun phrase starting right after ``prep``, when it hangs elsewhere."""
    start = prep.i + 1
    if start >= len(doc) or doc[start].sent != prep.sent:
        return None
    head = doc[start]
    while head.dep_ in _INSIDE and start <= head.i < head.head.i <= prep.i + _REACH:
        head = head.head
    if not head.tag_.startswith("NN") or head.dep_ not in _MISPLACED:
        return None
    if not all(start <= word.head.i <= head.i for word in doc[start : head.i]):
        return None  # a word of the phrase hangs outside it: not one phrase
    if prep in head.subtree or head.head.i in range(start, head.i + 1):
        return None
    return head
