"""Who asserts a figure: the claimant a sentence gives it with.

The subject of a claim verb the figure hangs on ("officials said 12 died"), the source
after "according to", the subject of any claim verb in the sentence ("the Interior
Ministry told"), the person quoted before for "he said", or the speaker a quote told over
several sentences closes with; a bare title ("said the Minister") is the person named
earlier under it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..events.spans import as_written, doc_ents, doc_sents, doc_text
from ..resolve.mentions import MentionIndex, clean_name


def claimant_of(
    sent: Span,
    verbs: set[str],
    mentions: MentionIndex,
    speaker: str | None = None,
    number: Token | None = None,
) -> str | None:
    """Who asserts the figures of ``sent``; ``speaker`` is the person last quoted before.

    A claim verb the figure itself hangs on speaks for it first: "officials said 12 died,
    though residents put the toll at more than 20".
    """
    for verb in number.ancestors if number is not None else ():
        if verb.lemma_ in verbs and verb.pos_ == "VERB":
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                return _phrase(subj, mentions)
            break
    for tok in sent:
        if (
            tok.lower_ == "according"
            and tok.i + 2 < len(tok.doc)
            and tok.doc[tok.i + 1].lower_ == "to"
        ):
            obj = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                return _phrase(obj, mentions)
            # the parser left the source unattached: the words up to the next punctuation
            words = []
            for word in tok.doc[tok.i + 2 : sent.end]:
                if word.is_punct or word.is_space:
                    break
                words.append(word)
            name = clean_name(as_written([w for w in words if w.dep_ != "det"]))
            if name:
                return name
        if tok.lemma_ in verbs and tok.pos_ == "VERB":
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ != "PRON":
                return _phrase(subj, mentions)
            if subj is not None and subj.lower_ in ("he", "she"):
                # "He further added that 51 residents ...": the person quoted before
                return speaker or mentions.antecedent(subj.idx, nearest=True)
    return _quote_speaker(sent, verbs, mentions)


def _quote_speaker(sent: Span, verbs: set[str], mentions: MentionIndex) -> str | None:
    """The speaker of a quote told over several sentences: “12 were killed. ...,” said X."""
    doc = sent.doc
    if not _in_quote(sent):
        return None
    for later in doc_sents(doc):
        if later.start < sent.start:
            continue
        if later.start > sent.start and later.text.lstrip().startswith(("“", '"')):
            return None  # another quote opens before this one is attributed
        closing = [t for t in later if t.text in ("”", '"') and t.i > sent.start]
        if not closing:
            continue
        for tok in doc[closing[-1].i : later.end]:
            if tok.lemma_ in verbs and tok.pos_ == "VERB":
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.pos_ != "PRON":
                    return _phrase(subj, mentions)
        return None
    return None


def _phrase(token: Token, mentions: MentionIndex) -> str:
    if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        for ent in doc_ents(token.doc):
            if ent.start <= token.i < ent.end:
                return mentions.name_at(ent.start_char) or clean_name(ent.text)
    titled = _titled_person(token, mentions)
    if titled is not None:
        return titled
    words = [t for t in token.subtree if t.dep_ not in ("det", "punct", "relcl")]
    return clean_name(as_written(words))  # ("Kyrgyzstan's prosecutor general")


def _in_quote(sent: Span) -> bool:
    """Whether ``sent`` opens a quote or lies inside one opened earlier in its paragraph."""
    text = doc_text(sent.doc)
    start = text.rfind("\n", 0, sent.start_char) + 1
    before = text[start : sent.start_char] + sent.text.lstrip()[:1]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _titled_person(token: Token, mentions: MentionIndex) -> str | None:
    """ "said the Minister": the person named earlier under that title.

    "Minister of Internal Affairs Kalmukhanbet Kassymov has said ... said the Minister."
    """
    if token.tag_ not in ("NN", "NNP") or any(c.dep_ not in ("det",) for c in token.children):
        return None
    found = None
    for ent in doc_ents(token.doc):
        if ent.start >= token.i:
            break
        if ent.label_ != "PERSON":
            continue
        before = token.doc[max(0, ent.start - 6) : ent.start]
        if any(t.lower_ == token.lower_ for t in before):
            found = mentions.name_at(ent.start_char) or clean_name(ent.text)
    return found
