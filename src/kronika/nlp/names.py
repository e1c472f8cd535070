"""A pipeline component that mends names the small model cuts at "of".

"the Youth Movement of Central Asia" comes out as ORG "the Youth Movement of" and
LOC "Central Asia": a name that ends in a preposition is not whole, and the name
told right after it is its end. The two become one organization.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

#: Component name in the pipeline (also its factory name).
NAME_MENDER = "kronika_names"
#: Words a cut name may end in: "Movement of", "Committee for", "Union of ... and".
_JOINING = frozenset({"of", "for"})
_WHOLE = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})


@Language.component(NAME_MENDER)
def mend_names(doc: Doc) -> Doc:
    """Join an ORG ending in "of"/"for" with the name that follows it on the same line."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        cut = ent.label_ == "ORG" and ent[-1].lower_ in _JOINING
        if cut and nxt is not None and nxt.start == ent.end and nxt.label_ in _WHOLE:
            out.append(Span(doc, ent.start, nxt.end, label="ORG"))
            i += 2
            continue
        out.append(ent)
        i += 1
    if len(out) != len(ents):
        doc.ents = out
    return doc
