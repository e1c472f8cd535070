"""Verdicts told as a list under the verb that gives them.

"The court sentenced:\n- Mehdi Benali, 29, to 18 years' imprisonment;\n- Samir Haddad, 33,
to 12 years" (a prosecutor's or court's press release): each item names one person and
their term, with no verb of its own. Each is a SENTENCE told on the list's day; a line of
the list that gives no term (an acquittal) is none.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from ..model import Event, Evidence
from ..nlp.paragraphs import LIST_MARKS
from ..normalize.numbers import parse_terms
from ..resolve.mentions import MentionIndex
from .dates import event_date
from .gapping import term_args
from .running import running_reference
from .spans import doc_sents, sent_ents
from .told import Told

#: Verbs a list of verdicts hangs on: "sentenced:", "jailed:".
_VERDICT_VERBS = frozenset({"sentence", "jail", "imprison", "convict"})


def listed_verdicts(doc: Doc, mentions: MentionIndex, published: str | None) -> list[Told]:
    """One SENTENCE per item of a list that a verdict verb ending in a colon introduces."""
    told: list[Told] = []
    sents = doc_sents(doc)
    for number, lead in enumerate(sents):
        if not lead.text.rstrip().endswith(":"):
            continue
        verb = next((t for t in lead if t.lemma_ in _VERDICT_VERBS and t.pos_ == "VERB"), None)
        if verb is None:
            continue
        # ("... delivered its verdict on 12 March 2025. The court sentenced:") the day told
        # just before, when the lead tells none
        date = event_date(lead, verb, published) or running_reference(doc, lead.start_char)
        for item in sents[number + 1 :]:
            if not _an_item(item):
                break
            event = _verdict(item, mentions)
            if event is not None:
                told.append(Told(item.start, False, False, replace(event, date=date)))
    return told


def _an_item(sent: Span) -> bool:
    first = next((t for t in sent if not t.is_space), None)
    return first is not None and first.text in LIST_MARKS


def _named(item: Span, mentions: MentionIndex) -> str | None:
    """The person an item opens with: a name the model tagged, or the capitalized words
    after the mark up to the first comma ("- Mehdi Benali, 29, to 18 years")."""
    person = next((e for e in sent_ents(item) if e.label_ == "PERSON"), None)
    if person is not None:
        # (the model may take the mark into the name: "• Yanis Berrada")
        named = [t for t in person if t.text not in LIST_MARKS]
        if named:
            at = named[0].idx
            return mentions.name_at(at) or person.doc.text[at : person.end_char]
    words: list[str] = []
    for token in item:
        if token.is_space or token.text in LIST_MARKS:
            continue
        if not (token.text[:1].isupper() and token.is_alpha):
            break
        words.append(token.text)
    return " ".join(words) if len(words) >= 2 else None


def _verdict(item: Span, mentions: MentionIndex) -> Event | None:
    """The one person an item names and the first term it gives, or None."""
    terms = parse_terms(item.text)
    name = _named(item, mentions)
    if name is None or not terms:
        return None
    args = {"defendant": [name], **term_args(terms[0])}
    if len(args) == 1:
        return None
    text = item.text.strip()
    start = item.start_char + item.text.index(text)
    return Event(
        "SENTENCE",
        args,
        (Evidence(text, start, start + len(text)),),
        confidence=0.6,
        rule="SENTENCE/listed",
    )
