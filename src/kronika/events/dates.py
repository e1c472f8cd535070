"""When an event happened.

Dates come from short candidate phrases (DATE entities, numeric dates) passed to
the registered date normalizer, never from whole sentences; yearless phrases
take their year from the article's running reference (the latest explicit date
told before them, :mod:`.running`) when the publication date cannot fix it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span, Token

from .accounts import claim_of
from .clauses import date_scope, inside_a_participant
from .date_phrases import DAY_SHIFT, LEADING, YEAR_SHIFT, date_phrases, leading_date
from .running import (
    ANAPHORIC,
    NOW_RELATIVE,
    RUNNING_REACH,
    YEAR_IN,
    explicit_dates,
    in_context,
    normalize_phrase,
    running_reference,
)
from .spans import YEAR, block, dateline_end, doc_sents, doc_text, normalizer, sent_number


def event_date(sent: Span, trigger: Token, published: str | None) -> str | None:
    """The event's date: the date phrase nearest the trigger, preferring one it governs.

    In an item headed by its date ("03/14/2011: Gunmen ...") that date holds for
    every act the item tells, unless the act's own clause gives another.
    """
    if claim_of(trigger) is not None:
        # "Ansar Dine claimed the attack on 13 May": the day of the claim; the act is the
        # one told before, dated there (but "claimed the May 4 attack" dates it)
        # (a date after the noun, "the bombing on Tuesday", is the claim's, however parsed)
        inside = [i for i, _ in date_phrases(sent) if _names_the_act(sent.doc[i], trigger)]
        return _nearest_date(sent, trigger, published) if inside else None
    heading = leading_date(sent, published)
    if heading is not None:
        return _own_date(sent, trigger, heading) or heading
    if not date_phrases(sent) and told_back_then(trigger):
        # "protests in May that year were dispersed ... Authorities said at the time
        # that 10 were killed": the time told last
        return _last_told_date(sent, published)
    scene = scene_of(sent)
    if scene is not None:
        norm = normalizer("kronika.date.v1")
        return normalize_phrase(norm, scene[1], published) if norm is not None else None
    return (
        _nearest_date(sent, trigger, published)
        or _dateline_before(sent, published)
        or _named_before(sent, trigger, published)
        or _next_in_story(sent, trigger, published)
    )


def _names_the_act(token: Token, trigger: Token) -> bool:
    """ "the May 4 attack", "Monday's bombing", "the attack of 4 May": a date in the act's
    own name."""
    if token not in trigger.subtree:
        return False
    return token.i < trigger.i or any(
        a.lower_ == "of" and a.head == trigger for a in token.ancestors
    )


#: Nouns for a part taken in a crime: "for his role in the 2014 attack".
_PARTS = frozenset("role part involvement participation complicity membership".split())
#: Nouns for the acts a verdict or an arrest is for: "over the 2018 attack".
_CRIMES = frozenset(
    "attack attacks bombing bombings killing killings murder riot riots unrest plot "
    "assassination massacre shooting".split()
)


def _in_what_it_was_for(token: Token, trigger: Token) -> bool:
    """Whether the date at ``token`` is told inside the act a verdict or arrest was for
    ("jailed for attacking a checkpoint in 2014", "detained for his part in the riots
    in May"), not the time of the trigger's own act."""
    for prep in trigger.subtree:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "over") or prep.i < trigger.i:
            continue
        acts = [c for c in prep.children if c.dep_ == "pcomp" and c.pos_ == "VERB"]
        acts += [c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in _PARTS]
        # ("life sentences over the 2018 attack on cyclists": the act the verdict was for)
        acts += [c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in _CRIMES]
        if any(token in act.subtree for act in acts):
            return True
    return False


def _dateline_before(sent: Span, published: str | None) -> str | None:
    """The date of a dateline told as a sentence of its own just before the lead
    ("KANDAHAR, Dec 30 (AP) -"): the report's day, for a lead that tells no other."""
    index = sent_number(sent)
    if index == 0:
        return None
    before = doc_sents(sent.doc)[index - 1]
    end = dateline_end(before)
    text = doc_text(sent.doc)
    if (
        end is None
        or text[end : sent.start_char].strip()
        or "\n" in text[before.end_char : sent.start_char]
    ):
        return None
    norm = normalizer("kronika.date.v1")
    for _, phrase in date_phrases(before):
        value = normalize_phrase(norm, phrase, published) if norm is not None else None
        if value:
            return value
    return None


def _next_in_story(sent: Span, trigger: Token, published: str | None) -> str | None:
    """The date of the sentence just before, in its paragraph, for the next step of its story.

    "The wives picketed the prosecutor's office on June 9. Police detained some of the
    women": two acts in the plain past, the second told straight after the dated one.
    """
    # a sentence with a time of its own, even a span ("over the course of 12 months"), or
    # one that moves the story on ("then"), is not told on the day before it
    timed = any(t.ent_type_ == "DATE" or t.lower_ in _SEQUEL for t in sent)
    if not _plain_past(trigger) or timed:
        return None
    sents = doc_sents(sent.doc)
    index = sent_number(sent)
    before = sents[index - 1] if index > 0 else None
    paragraph = doc_text(sent.doc).rfind("\n", 0, sent.start_char) + 1
    if before is None or before.start_char < paragraph:
        return None
    root = before.root
    norm = normalizer("kronika.date.v1")
    if norm is None or not _plain_past(root):
        return None
    for index, text in date_phrases(before):
        if date_scope(before.doc[index], root) is True:
            return normalize_phrase(norm, text, published)
    return None


def _plain_past(verb: Token) -> bool:
    """ "detained", "were detained": a verb in the simple past (not "had detained")."""
    if verb.pos_ not in ("VERB", "AUX") or _pluperfect(verb):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children
    )


#: How far back (in characters) "the attack" looks for the act it names again.
_NAMED_REACH = 4000


def _named_before(sent: Span, trigger: Token, published: str | None) -> str | None:
    """The date a definite noun's act was told with before: "planning a deadly 2016 attack
    outside a stadium ... Forty-seven people were killed in the attack"."""
    noun = _act_noun(trigger)
    norm = normalizer("kronika.date.v1")
    if noun is None or norm is None or date_phrases(sent):
        return None
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in noun.children)
    # "deadly riots last November. At least 30 people died in a week of riots": a bare
    # noun names again only the act of the sentence just before
    sents = doc_sents(sent.doc)[: sent_number(sent)]
    for before in reversed(sents if definite else sents[-1:]):
        if sent.start_char - before.end_char > _NAMED_REACH:
            return None
        phrases = date_phrases(before)
        for earlier in reversed([t for t in before if t.lemma_ == noun.lemma_]):
            for index, text in phrases:
                # "deadly riots last November": a date told right after the noun is
                # its own, wherever the parser hangs it
                right_after = 0 < before.doc[index].i - earlier.right_edge.i <= 2
                if right_after or date_scope(before.doc[index], earlier) is True:
                    return normalize_phrase(norm, text, published)
            return None  # the act named last before is told with no date
    return None


def _act_noun(trigger: Token) -> Token | None:
    """The noun naming the act: the trigger itself, or the violence a toll is told in
    ("were killed in clashes")."""
    if trigger.pos_ == "NOUN":
        return trigger
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            # "in nearly two weeks of clashes": the span's "of" names the act
            if obj is not None and obj.lemma_ in ("day", "week", "month", "hour"):
                of = next((c for c in obj.children if c.lower_ == "of"), None)
                obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if obj is not None and obj.pos_ == "NOUN":
                return obj
    return None


def told_back_then(trigger: Token) -> bool:
    """Whether the trigger's clause, or a report above it, is set "at the time"."""
    for token in (trigger, *trigger.ancestors):
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ != "at":
                continue
            if any(
                o.lemma_ == "time" and any(d.lower_ in ("the", "that") for d in o.children)
                for o in prep.children
            ):
                return True
    return False


def _last_told_date(sent: Span, published: str | None) -> str | None:
    """The last date phrase told in the sentences before ``sent``, resolved, or None."""
    norm = normalizer("kronika.date.v1")
    if norm is None:
        return None
    for before in reversed(doc_sents(sent.doc)[: sent_number(sent)]):
        if sent.start_char - before.end_char > RUNNING_REACH:
            return None
        phrases = date_phrases(before)
        if not phrases:
            continue
        index, text = max(phrases)
        at = sent.doc[index].idx
        running = running_reference(sent.doc, at, same_paragraph=not ANAPHORIC.search(text))
        return in_context(norm, text, published, running) or normalize_phrase(norm, text, published)
    return None


def _last_day_told(sent: Span, published: str | None) -> str | None:
    """The day (at day precision) told last in the sentences just before ``sent``."""
    told = _last_told_date(sent, published)
    return told if told is not None and len(told) == 10 else None


#: Words that move a story on from the time told before ("were then arrested").
_SEQUEL = frozenset("then later subsequently afterwards afterward since eventually".split())


def scene_of(sent: Span) -> tuple[Span, str] | None:
    """The sentence that sets the time of ``sent``'s story, with its date phrase, or None.

    "On April 3, 2017 a bomber brought two devices to the metro. ... The blast killed
    15": a date with its year fronted in the last dated sentence before ``sent`` in
    its paragraph holds for a sentence that tells no date of its own. A date told
    elsewhere in that sentence ("X, who was arrested in 2015, ...") belongs to its
    own clause; "were then arrested", "Also, ..." move the story on.
    """
    moved_on = sent[0].lower_ == "also" or any(t.lower_ in _SEQUEL for t in sent)
    if moved_on or date_phrases(sent):
        return None
    text = doc_text(sent.doc)
    start = text.rfind("\n", 0, sent.start_char) + 1
    for before in reversed(doc_sents(sent.doc)[: sent_number(sent)]):
        if before.start_char < start:
            return None
        phrases = date_phrases(before)
        if not phrases:
            continue
        index, phrase = min(phrases)
        if not _fronted(before, before.doc[index]) or not YEAR.search(phrase):
            return None
        return before, phrase
    return None


def dated_by_report(sent: Span, trigger: Token) -> bool:
    """Whether the only dates of ``sent`` for the trigger are its report's: "Two activists
    have been convicted, court officials said Monday" (none its own clause governs)."""
    if leading_date(sent) is not None:
        return False
    scopes = {date_scope(sent.doc[index], trigger) for index, _ in date_phrases(sent)}
    return False in scopes and True not in scopes


def dated_paragraph(sent: Span) -> bool:
    """Whether a date phrase is told in ``sent`` or before it in its paragraph.

    "Mirzoyev began his activity in 2014 ... he promised four migrants a reward, but
    they were detained and sentenced": a plain past there is in the time told, not
    the article's.
    """
    text = doc_text(sent.doc)
    start = text.rfind("\n", 0, sent.start_char) + 1
    sents = doc_sents(sent.doc)
    for before in reversed(sents[: sent_number(sent) + 1]):
        if before.start_char < start:
            return False
        if date_phrases(before):
            return True
    return False


def _own_date(sent: Span, trigger: Token, heading: str) -> str | None:
    """A date phrase the trigger's own clause governs, other than the item's heading date.

    A yearless one ("on March 4") is read against the heading date.
    """
    norm = normalizer("kronika.date.v1")
    if norm is None:
        return None
    for index, text in date_phrases(sent):
        token = sent.doc[index]
        if LEADING.match(text + ": ") or date_scope(token, trigger) is not True:
            continue
        value = normalize_phrase(norm, text, heading)
        if value:
            return value
    return None


def _pluperfect(trigger: Token) -> bool:
    """ "had joined", "had been arrested": an act told as earlier than its sentence's time."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in trigger.children)


def _nearest_date(sent: Span, trigger: Token, published: str | None) -> str | None:
    norm = normalizer("kronika.date.v1")
    if norm is None:
        return None
    ranked = []
    lo, hi = block(sent, trigger)
    # "KABUL, May 3 (AP) - ... on Saturday": the dateline's date is the report's, the
    # day the act is told on its own; the dateline's serves only when no other is told
    dateline = dateline_end(sent) or sent.start_char
    for index, text in date_phrases(sent):
        token = sent.doc[index]
        if not lo <= token.idx < hi:
            continue
        where = date_scope(token, trigger)
        # (but not the crime a verdict is for: "In 2009, X was convicted of attacking Y")
        if where is None and _opens_sentence(sent, token) and not inside_a_participant(trigger):
            # "In September that year, the authorities got their pretext: X staged an
            # attack": a fronted date sets the time of the whole sentence
            where = False
        if where is None:
            continue  # "X, who died in October 2016": another clause's date
        if _in_what_it_was_for(token, trigger):
            continue  # "sentenced for joining the group in 2014": the crime's date
        governed = where and token.idx >= dateline
        ranked.append((not governed, abs(index - trigger.i), text, token.idx))
    if any(not r[0] for r in ranked) or _pluperfect(trigger):
        # a date the trigger governs and that cannot be resolved ("in June", no year)
        # must not be replaced by another event's date from the same sentence; and
        # "appeared in a video in May 2015 saying he had joined": what "had" happened
        # came before the time of the clause around it
        ranked = [r for r in ranked if not r[0]]
    for _, _, text, at in sorted(ranked):
        years = YEAR_SHIFT.fullmatch(text.strip())
        if years is not None:
            value = _years_shifted(sent, at, years, published)
            if value:
                return value
        shift = DAY_SHIFT.fullmatch(text.strip())
        if shift is not None:
            value = _shifted(sent, at, shift, published, _from_its_clause(trigger, at, text))
            if value:
                return value
        anaphoric = ANAPHORIC.search(text) is not None
        # "that year", "later" reach back across paragraphs; a bare "in June" only
        # follows a date told in its own paragraph
        running = running_reference(sent.doc, at, same_paragraph=not anaphoric)
        same = None if anaphoric else _told_in_sentence(sent, at)
        if same and not YEAR_IN.search(text) and not NOW_RELATIVE.search(text):
            # "arrested him on October 9 but he was freed on October 11, 2014": the
            # year told in the same sentence
            value = normalize_phrase(norm, f"{text} {same[:4]}", None)
            if value:
                return value
        value = in_context(norm, text, published, running)
        if value is None and anaphoric and running is None:
            # "detained on May 3. Two weeks later, he was deported": the date told last,
            # read against publication, when no date with its year runs before
            told = _last_told_date(sent, published)
            value = in_context(norm, text, published, told) if told else None
            if value and published and value[:7] > published[:7]:
                value = None  # (not after the article: the date told was last year's)
        if value is None:
            value = normalize_phrase(norm, text, published)
        if value:
            return value
    return None


def _from_its_clause(trigger: Token, at: int, text: str) -> bool:
    """Whether the trigger tells the act a shift is counted from: "recaptured two days after
    he fled" dates the flight two days before the recapture."""
    word = text.split()[-1].lower()
    mark = next(
        (t for t in trigger.sent if t.dep_ == "mark" and t.lower_ == word and t.idx > at), None
    )
    return mark is not None and (mark.head == trigger or mark.head in trigger.ancestors)


def _told_in_sentence(sent: Span, at: int) -> str | None:
    """The explicit day-precise date told nearest ``at`` elsewhere in ``sent``, or None."""
    near = [
        (abs(start - at), iso)
        for start, iso in explicit_dates(sent.doc)
        if sent.start_char <= start < sent.end_char and start != at and len(iso) == 10
    ]
    return min(near)[1] if near else None


#: How many years a number word counts.
_YEAR_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def _years_shifted(sent: Span, at: int, shift: re.Match[str], published: str | None) -> str | None:
    """ "was arrested in 2013 and jailed the following year", "two years later": the year
    told before (in the sentence, else in its paragraph), moved on or back."""
    norm = normalizer("kronika.date.v1")
    if norm is None:
        return None
    base = None
    for index, text in sorted(date_phrases(sent)):
        if sent.doc[index].idx < at and not YEAR_SHIFT.fullmatch(text.strip()):
            base = normalize_phrase(norm, text, published) or base
    base = base or running_reference(sent.doc, at, same_paragraph=True)
    if base is None or not base[:4].isdigit():
        return None
    which, amount, direction = shift.groups()
    if which is not None:
        step = -1 if which.lower() == "previous" else 1
    else:
        count = _YEAR_WORDS.get(amount.lower()) or int(amount)
        step = count if direction.lower() == "later" else -count
    return str(int(base[:4]) + step)


def _shifted(
    sent: Span, at: int, shift: re.Match[str], published: str | None, back: bool = False
) -> str | None:
    """ "the previous evening", "three days later": days from the date told before (``back``:
    the act told is the one counted from, that many days before).

    The base is the last day named earlier in the sentence ("scouring the city
    yesterday for inmates who escaped the previous evening"), else the last
    explicit day in the paragraph, else the publication date.
    """
    norm = normalizer("kronika.date.v1")
    if norm is None:
        return None
    base = None
    for index, text in sorted(date_phrases(sent)):
        if sent.doc[index].idx < at and not DAY_SHIFT.search(text):
            value = normalize_phrase(norm, text, published)
            base = value if value and len(value) == 10 else base
    same, word, way, amount, direction = shift.groups()
    from_report = False
    if same is not None:
        # "June 10 ... Authorities that day detained four": the day told last
        base = base or _last_told_date(sent, published)
    else:
        # ("On 18 February the president pardoned 620 prisoners ... freed three days
        # later": the day told in the sentences before, with no year of its own)
        base = (
            base
            or running_reference(sent.doc, at, same_paragraph=True)
            or _last_day_told(sent, published)
        )
        from_report = base is None
        base = base or published
    if base is None or len(base) != 10:
        return None
    if same is not None:
        days = 0
    elif amount is not None:
        parse = normalizer("kronika.number.v1")
        number = 1 if amount.lower() in ("a", "one") else (parse(amount) if parse else None)
        if not isinstance(number, int | float):
            return None
        days = int(number) * (-1 if direction.lower() in ("earlier", "before") else 1)
        days = -days if back else days
    else:
        days = -1 if (word or way or "").lower() in ("previous", "before") else 1
    if days > 0 and same is None and from_report:
        return None  # ("two days after the attack", no day told before: not past the report)
    return (date.fromisoformat(base) + timedelta(days=days)).isoformat()


def _opens_sentence(sent: Span, token: Token) -> bool:
    """Whether ``token`` lies in a phrase fronted before the sentence's first comma."""
    if token.i - sent.start > 4:
        return False
    return any(t.text == "," for t in sent.doc[token.i + 1 : min(token.i + 4, sent.end)])


def _fronted(sent: Span, token: Token) -> bool:
    """Whether the date phrase of ``token`` opens the sentence ("On May 9, 2016 two men")."""
    opening = sent[1:] if sent[0].dep_ == "prep" else sent
    return _opens_sentence(sent, token) or (len(opening) > 0 and opening[0].ent_type_ == "DATE")
