"""The court a verdict or an appeal is told with: "the Osh regional court", "a court in
Silivri", "Tajikistan's Supreme Court" (the court whose verdict an appeal reviews is not the
appeal's).

Same contract as :mod:`kronika.events.fillers`; registered by name in
``registry.ROLE_FILLERS``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..model import ArgValue
from ..resolve.mentions import clean_name
from .clauses import describing
from .fillers import FillContext
from .spans import doc_ents, sent_chunks, sent_ents
from .spec import RoleSpec


def fill_court(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """A named court in the sentence ("the Osh regional court", "Tajikistan's Supreme Court"):
    of those named, the nearest the trigger."""
    found: list[tuple[int, str]] = []
    # "upheld the verdict against X, who got 17 years": the court above heard the appeal
    clause = describing(ctx.trigger)
    for chunk in sent_chunks(ctx.sent):
        if chunk.root.lower_ not in ("court", "courts"):
            continue  # (not "courtroom", "courthouse")
        if clause is not None and chunk.root not in clause.subtree:
            continue
        if _verdict_reviewed(chunk.root, ctx.trigger):
            continue  # "upheld the verdict of the Yunusabad court": the court below
        text = _court_named(ctx, ctx.doc[_skip_dates(chunk) : chunk.end])
        if text is not None:
            found.append((abs(chunk.root.i - ctx.trigger.i), text))
    return min(found, key=lambda f: f[0])[1] if found else None


def _court_named(ctx: FillContext, chunk: Span) -> str | None:
    """The name of the court ``chunk`` tells, or None when it names none ("the court")."""
    if chunk[0].lower_ in ("a", "an"):
        # "a court in Silivri", "a state security court in Ismailiya": named by its place
        return _court_in_place(ctx, chunk)
    titled = _titled_court(chunk, ctx.sent)
    if titled is not None:
        return titled  # "the Court of Appeal for Western Sweden": a title cut after "Court"
    if not any(t.dep_ not in ("det", "poss", "case") and t.lower_ != "court" for t in chunk):
        return None
    text = chunk.text
    # "court of Bishkek", "Supreme Court of Tajikistan": keep a following "of <place>"
    nxt = chunk.end
    if nxt + 1 < len(ctx.doc) and ctx.doc[nxt].lower_ == "of" and ctx.doc[nxt + 1].ent_type_:
        ent = next((e for e in doc_ents(ctx.doc) if e.start == nxt + 1), None)
        if ent is not None:
            text = ctx.doc[chunk.start : ent.end].text
    return clean_name(text)


def _verdict_reviewed(court: Token, trigger: Token) -> bool:
    """Whether ``court`` is the one whose verdict the trigger reviews ("upheld the verdict of
    the district court", "overturned the ruling of the Osh city court")."""
    of = court.head
    if court.dep_ != "pobj" or of.lower_ != "of":
        return False
    verdict = of.head
    return verdict.lemma_.lower() in _VERDICTS and verdict.head == trigger


#: What a court above reviews.
_VERDICTS = frozenset("verdict ruling decision sentence judgment judgement conviction".split())


def _titled_court(chunk: Span, sent: Span) -> str | None:
    """A court's title the model tagged as one name running past the chunk ("the Court of
    Appeal for Western Sweden", the last word perhaps tagged apart as a place), or None."""
    doc = chunk.doc
    if chunk.root.ent_type_ != "ORG" or chunk.end >= len(doc) or doc[chunk.end].lower_ != "of":
        return None
    ents = sent_ents(sent)
    ent = next((e for e in ents if e.start <= chunk.root.i < e.end), None)
    if ent is None or ent.end <= chunk.end:
        return None
    end = ent.end
    if doc[end - 1].text[:1].isupper() and end < len(doc) and doc[end].ent_type_ in ("GPE", "LOC"):
        end = next((e.end for e in ents if e.start == end), end)
    return clean_name(doc[chunk.start : end].text)


def _court_in_place(ctx: FillContext, chunk: Span) -> str | None:
    """ "a court in Silivri" → "court in Silivri"; None when no place follows the court."""
    doc = ctx.doc
    for tok in chunk.root.children:
        if tok.dep_ != "prep" or tok.lower_ not in ("in", "of"):
            continue
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ == "PROPN" and obj.ent_type_ != "DATE":
            # "a court in Silivri": the town it sits in, tagged or not (or mistagged: a
            # court sits in a place, whatever the model took "Tomsk" for)
            ent = next((e for e in doc_ents(doc) if e.start <= obj.i < e.end), None)
            run = [c for c in obj.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [obj]
            start = ent.start if ent is not None else run[0].i
            end = _hyphens_joined(doc, ent.end - 1 if ent is not None else obj.i)
            place = doc[start : end + 1].text
        else:
            places = [t for t in tok.subtree if t.ent_type_ in ("GPE", "LOC", "FAC")]
            ent = next(
                (e for e in doc_ents(doc) if places and e.start <= places[-1].i < e.end), None
            )
            if ent is None:
                continue
            place = ent.text
        return clean_name(f"{chunk[1:].text} in {place}")
    # "a Chkalovsk court", "a district military court": named by the words before it
    # ("a Moscow military court": the town's name hung on the court as a modifier)
    named = [t for t in chunk[1:] if t.lower_ != "court" and t.dep_ in ("compound", "amod", "nmod")]
    # ("a Peshawar anti-terrorism court": a town's name the model read as an adjective)
    if any(t.pos_ == "PROPN" or (t.text[:1].isupper() and t.ent_type_ in _NAMED) for t in named):
        return clean_name(chunk[1:].text)
    return None


def _hyphens_joined(doc: Doc, last: int) -> int:
    """The last token of a name written with hyphens that ends or goes on at ``last``:
    "Rostov-on-Don", which the model may cut after "Rostov"."""
    while (
        last + 1 < len(doc)
        and not doc[last].whitespace_
        and "-" in (doc[last].text, doc[last + 1].text)
    ):
        last += 1
    return last


#: Entity kinds a capitalized word before "court" may carry to name it: a town's, mistagged
#: or not, or a state's by its people ("a Turkish court").
_NAMED = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})


def _skip_dates(chunk: Span) -> int:
    start = chunk.start
    while start < chunk.end - 1 and (chunk.doc[start].ent_type_ in ("DATE", "CARDINAL")):
        start += 1
    return start
