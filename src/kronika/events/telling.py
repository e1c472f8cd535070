"""How a mention of an event is told, read from its clause.

Whether it is the article's news, a plain past that may go on with it, or background;
a headline; a habit or a tally rather than a happening; a nominal act told as done
and where. Whether its people or its act are ones told before is read in referring.py.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..model import ArgValue, Article
from .clauses import another_time, describing, inside_a_participant
from .date_phrases import date_phrases, leading_date
from .dates import dated_paragraph, told_back_then
from .participants import verb_forms
from .running import cached_date
from .spans import YEAR, block, doc_sents, doc_text, normalizer, sent_of

#: How many sentences from the top of an article make its lead (a title line counts as one).
_LEAD_SENTENCES = 3


def telling(trigger: Token, article: Article) -> str:
    """How a mention is told: "news" (in the lead in the past, or in the present perfect),
    "past" (later, in the plain past with no time of its own, so it may go on with the
    news: "His brother was sentenced to 28 years"), "before" (told as before the story:
    "had been jailed", "was previously sentenced"), or "" (background, or no date known).
    """
    if not article.published or inside_a_participant(trigger) or another_time(trigger):
        return ""  # "accused of the bombing", "days after a strike killed": background
    if told_back_then(trigger):
        return ""  # "officials said at the time that 10 were killed": an old report
    if _described_on_another_day(trigger):
        return ""  # "on May 2 rejected an appeal by X, who got 17 years": not May 2's news
    verb = trigger
    # "killed in an explosion that ripped through a market": the noun's clause verb
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "managed to escape": the tense is the governing verb's
    while verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and verb.head.pos_ == "VERB":
        verb = verb.head  # "stormed the jail, killing a guard and freeing 64": "stormed"
    have = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lemma_ == "have"]
    # "has been declared extremist and banned in Russia": a verb joined to a perfect is
    # not a plain past that goes on with the news (nor is it news of its own)
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    shared = [c for c in first.children if c.dep_ in ("aux", "auxpass") and c.lemma_ == "have"]
    if any(c.lower_ in ("since", "recently", "ever", "already") for c in verb.subtree):
        # "have been released since 2016": a span of time, not one day's news ("has
        # already banned several groups": done before, on no day told)
        return ""
    if verb.dep_ in ("acl", "relcl") and _a_group(verb.head):
        return ""  # "Hizb ut-Tahrir, an organization banned in Russia": what the group is
    if any(c.tag_ in ("VBP", "VBZ") for c in have):
        return "news"
    if any(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in verb.children):
        return ""  # "Hizb ut-Tahrir, which is banned in Russia": a standing state
    sents = doc_sents(trigger.doc)
    lead = sents[_LEAD_SENTENCES - 1].end if len(sents) >= _LEAD_SENTENCES else len(trigger.doc)
    # ("Kyrgyzstan frees 1,200 prisoners": a lead told in the present is the day's news)
    past = verb.tag_ in ("VBD", "VBN") or is_headline(sent_of(trigger), trigger)
    past = past or (verb.tag_ in ("VBP", "VBZ") and news_present(verb))
    # ("A sniper shot dead two soldiers", "shot" read as a noun and "dead" as the verb)
    past = past or (verb.lower_ == "dead" and verb.i > 0 and verb.nbor(-1).lower_ == "shot")
    if trigger.i < lead and past:
        return "news"
    if past and _stamped(trigger):
        return "news"  # "09:35 - Police confirm a blast ripped through ...": a live page's entry
    # "had been jailed", "was previously sentenced": before the story
    if any(c.lower_ == "had" for c in have + shared) or any(
        c.dep_ == "advmod" and c.lower_ in _BEFORE_NOW for c in verb.children
    ):
        return "before"
    # "a man who was once detained", "has been banned since", a paragraph that tells its
    # own time: background
    if not past or have or shared or verb.dep_ == "relcl" or dated_paragraph(sent_of(trigger)):
        return ""
    return "past"


def _a_group(noun: Token) -> bool:
    """Whether ``noun`` names a group: a group's name, or a word for one."""
    return noun.ent_type_ == "ORG" or noun.lemma_.lower() in _GROUP_WORDS


#: Words for a group, which a clause describes by its standing ("a party banned in 2015").
_GROUP_WORDS = frozenset("organization organisation group movement party sect network".split())


#: A live page's entry, opened by the clock time it was posted: "09:35 - ", "14.20: ".
_STAMP = re.compile(r"[ \t]*(?:\d{1,2}[:.]\d{2})[ \t]*(?:[-–—:|]|GMT|UTC|BST|CET)")


def _stamped(trigger: Token) -> bool:
    """Whether the trigger is told in a line opened by the time it was posted."""
    text = doc_text(trigger.doc)
    line = text.rfind("\n", 0, trigger.idx) + 1
    return _STAMP.match(text, line) is not None


#: Adverbs that set a plain past before the story the article tells.
_BEFORE_NOW = frozenset("previously earlier once already formerly first before originally".split())


def _described_on_another_day(trigger: Token) -> bool:
    """Whether the trigger tells who someone is, in a sentence dated by another clause."""
    clause = describing(trigger)
    if clause is None:
        return False
    inside = {t.i for t in clause.subtree}
    return any(t.ent_type_ == "DATE" and t.i not in inside for t in sent_of(trigger))


def not_yet(trigger: Token) -> bool:
    """A nominal trigger told as a time still to come: "a month before his release"; or
    an infinitive that no verb governs, a demand's item: "- the authorities to release X"
    (a list under "Amnesty International urges:")."""
    head = trigger.head
    if trigger.dep_ == "ROOT" and trigger.tag_ == "VB":
        return any(c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children)
    return (
        trigger.pos_ == "NOUN"
        and trigger.dep_ == "pobj"
        and head.lower_ in ("before", "until", "pending", "ahead")
    )


#: Vague quantities that make a plural noun a tally of events, not one event told.
_VAGUE = frozenset("several many numerous multiple countless frequent repeated various".split())


#: Verbs that tell where a group stands, a state that tells the act that put it there.
_STANDING = frozenset("remain stay appear figure feature".split())
#: Verbs whose present tells a designation that holds: "which the United States lists as a
#: terrorist group", "a group Moscow classifies as extremist".
_STANDING_DESIGNATION = frozenset("list designate classify blacklist proscribe".split())


def generic(trigger: Token) -> bool:
    """A verb in the simple present, or a bare gerund: a habit or a state, not a happening.

    "the source of several attacks on Russia in recent decades": a vaguely counted
    plural noun with nobody said to have done it is a tally, not an event.
    """
    if trigger.pos_ == "NOUN":
        vague = trigger.tag_ == "NNS" and any(
            c.dep_ == "amod" and c.lower_ in _VAGUE for c in trigger.children
        )
        return vague and not done_by_someone(trigger)
    if trigger.pos_ != "VERB":
        return False
    if standing_count(trigger):
        return True
    if trigger.tag_ in ("VBP", "VBZ"):
        if trigger.lemma_ in _STANDING or trigger.lemma_ in _STANDING_DESIGNATION:
            return False  # "X remains on the list of banned groups": a ban that holds
        if leading_date(sent_of(trigger)) is not None or _dated_in_full(sent_of(trigger)):
            # "30 August 2016 - A suicide bomber rams ...", "Armed men attack the police
            # station in Dori on 5 August 2019": a chronicle's present, its time told
            return False
        if news_present(trigger):
            return False  # "Kyrgyzstan frees 1,200 prisoners under amnesty": a lead's present
        # "Assailants set fire to a school on Monday": a past the same as the present
        same_past = trigger.tag_ == "VBP" and trigger.lower_ in _SAME_PAST
        return not (same_past and told_as_past(trigger))
    if (
        trigger.tag_ == "VBG"
        # "is serving a ten-year sentence" tells the verdict; "is appealing the verdict"
        # an appeal filed
        and trigger.lemma_ not in ("serve", "appeal", "challenge", "contest")
        and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am") for c in trigger.children)
    ):
        return True  # "these terrorists are attacking civilians": a course of conduct
    # "killing four guards" after a main verb is part of a told event (and so is "freeing
    # 85 inmates" joined to it); "joining ISIS" is not
    after_a_verb = trigger.dep_ == "advcl" or (
        trigger.dep_ == "conj" and trigger.head.dep_ == "advcl" and trigger.head.tag_ == "VBG"
    )
    # "began releasing 1,126 prisoners on Friday": an act under way, told by its start
    after_a_verb = after_a_verb or (
        trigger.dep_ == "xcomp" and trigger.head.lemma_ in _STARTING and trigger.head.tag_ == "VBD"
    )
    # "a man who spent three years fighting for Islamic State": a time of his life, told
    after_a_verb = after_a_verb or (
        trigger.dep_ == "xcomp" and trigger.head.lemma_ == "spend" and trigger.head.tag_ in _PAST
    )
    return (
        trigger.tag_ == "VBG"
        and not after_a_verb
        and not _dated_step(trigger)
        and not any(c.dep_ == "aux" for c in trigger.children)
    )


def standing_count(verb: Token) -> bool:
    """ "1,480 people were imprisoned ... as of May 2018", "по состоянию на 1 января
    осуждены 300 человек": how many stood so on a day, a tally, not a happening (a passive
    that says a state; "police had detained 30 protesters as of Sunday" tells the arrests)."""
    passive = "Pass" in verb.morph.get("Voice", [])  # (a Russian short participle)
    if not passive and not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False
    for child in verb.children:
        if child.lower_ == "as" and any(g.lower_ in ("of", "at") for g in child.children):
            return True
        if child.lemma_ == "состояние" and any(g.lower_ == "по" for g in child.children):
            return True
    return False


def demanded(trigger: Token) -> bool:
    """An imperative opening its sentence or list item: "Free the journalist Ali Nazarov"."""
    # (the parser may take "free" opening an item for an adjective with an object)
    verb = trigger.tag_ == "VB" or (
        trigger.pos_ == "ADJ" and any(c.dep_ == "dobj" for c in trigger.children)
    )
    if not verb or trigger.dep_ != "ROOT":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in trigger.children):
        return False
    before = [t for t in trigger.doc[sent_of(trigger).start : trigger.i] if not t.is_space]
    return all(t.is_punct for t in before)


#: Past forms: "spent", "had spent".
_PAST = frozenset({"VBD", "VBN"})
#: Verbs that tell an act by its start: "began releasing", "started deporting".
_STARTING = frozenset({"begin", "start", "commence", "continue"})


def _dated_step(gerund: Token) -> bool:
    """ "after joining the group in 2014", "before defecting to the Taliban in May": a step
    of someone's story, told with its time, not a habit."""
    opener = gerund.head if gerund.dep_ == "pcomp" else None
    if opener is None or opener.lower_ not in ("after", "before", "upon", "on"):
        return False
    return any(t.ent_type_ == "DATE" and any(ch.isdigit() for ch in t.text) for t in gerund.subtree)


#: Words of a habit: "Uzbekistan jails dozens every year", "police routinely detain".
_HABITUAL = frozenset("every each often regularly routinely usually always frequently".split())

#: How many words before a lead may be its dateline ("URGENT - TASHKENT, 14 Feb 2017 -").
_DATELINE_WORDS = 12


def news_present(trigger: Token) -> bool:
    """A report's opening line told in the present, as wires and flashes tell news: "Kazakh
    court jails five men for 7 to 10 years", "Kyrgyzstan frees 1,200 prisoners". The line
    opens the text (after a dateline at most), its verb has a subject and an object counted
    or named, and no word says it is a habit."""
    sent = sent_of(trigger)
    before = trigger.doc[: sent.start]
    if len(before) > _DATELINE_WORDS or any(t.pos_ in ("VERB", "AUX") for t in before):
        return False
    # ("... frees 3,000 prisoners, lawyers say": the source told after it)
    told = trigger.dep_ == "ccomp" and trigger.head.i > trigger.i
    if not (trigger.dep_ == "ROOT" or told) or not any(c.dep_ == "nsubj" for c in trigger.children):
        return False
    done_to = next((c for c in trigger.children if c.dep_ == "dobj"), None)
    # ("hits Sadr City market": a named place's site is as particular as a count)
    if done_to is None or not (
        done_to.pos_ == "PROPN"
        or any(c.dep_ == "nummod" for c in done_to.children)
        or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in done_to.children)
    ):
        return False
    return not any(t.lower_ in _HABITUAL for t in sent)


def _dated_in_full(sent: Span) -> bool:
    """Whether ``sent`` tells a month or a day with its year ("on 5 August 2019", "in August
    2019"), not a year alone ("Since 2016, police arrest dozens every year")."""
    norm = normalizer("kronika.date.v1")
    return norm is not None and any(
        YEAR.search(text) and len(cached_date(norm, text, None) or "") >= 7
        for _, text in date_phrases(sent)
    )


#: Verbs whose past is written as their present.
_SAME_PAST = frozenset("set hit put cut beat shut burst cast spread hurt shed".split())


def told_as_past(trigger: Token) -> bool:
    """Whether the sentence of ``trigger`` is dated or told in the past elsewhere."""
    sent = sent_of(trigger)
    return (
        leading_date(sent) is not None
        or any(e.label_ == "DATE" for e in sent.ents)
        or any(t.tag_ in ("VBD", "VBN") and t.i != trigger.i for t in sent)
    )


def told_where(noun: Token) -> bool:
    """ "the jailbreak in Sulaimaniya", "the breakout from Abu Ghraib": an act placed by name."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "at", "from")
        and any(g.ent_type_ in ("GPE", "LOC", "FAC") or g.pos_ == "PROPN" for g in c.subtree)
        for c in noun.children
    )


#: Verbs that say a nominal act was done: "attacks were staged", "carried out bombings".
_DONE = frozenset("carry stage conduct commit launch claim perpetrate".split())
_DONE_FORMS = verb_forms(_DONE)


def _said_done(verb: Token) -> bool:
    return verb.lemma_ in _DONE or verb.lower_ in _DONE_FORMS


#: Nouns that gather acts into one told whole: "a series of bombings".
_SERIES = frozenset("series wave spate string pair chain".split())


def staged_where(noun: Token) -> bool:
    """ "Two attacks were also staged in the town of Bukhara": acts told done, and where."""
    return noun.dep_ in ("nsubjpass", "dobj") and _said_done(noun.head) and told_where(noun.head)


def the_series_that_did(noun: Token, args: dict[str, ArgValue]) -> bool:
    """ "a series of bombings killed 16 and injured 100": the acts are the subject of their toll."""
    whole = noun.head.head if noun.dep_ == "pobj" and noun.head.head.lemma_ in _SERIES else noun
    tolled = "killed" in args or "wounded" in args
    # the parser may hang the verb on "series" as a clause of it
    told = any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in whole.children)
    # "Attacks in the province killed 600 last year": a bare plural is a tally
    counted = any(c.dep_ in ("det", "nummod") for c in whole.children)
    return tolled and counted and (whole.dep_ == "nsubj" or (whole.dep_ == "ROOT" and told))


def done_by_someone(noun: Token) -> bool:
    """Whether a nominal trigger is tied to a doer: "accused of carrying out several attacks"."""
    if _said_done(noun.head):
        return True
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in noun.children)


def is_headline(sent: Span, trigger: Token) -> bool:
    """A title line: the trigger's line has no closing punctuation and a line break after it.

    The whole line counts, not the parser's sentence: "Kazakhstan Bans Islamic State,
    Al-Nusra As Terrorist Groups" may be cut in two at its comma.
    """
    lo, hi = block(sent, trigger)
    text = doc_text(sent.doc)
    segment = text[lo:hi]
    stripped = segment.rstrip()
    ends_line = "\n" in segment[len(stripped) :] or text[hi : hi + 1] in ("\n", "")
    if not ends_line:
        # the rest of the line, when it holds no end of a sentence, is the same title
        end = text.find("\n", hi)
        rest = text[hi : end if end >= 0 else len(text)].rstrip()
        if rest and not _SENTENCE_END.search(rest):
            stripped, ends_line = stripped + rest, True
    return bool(stripped) and stripped[-1] not in ".!?\"”'" and ends_line


_SENTENCE_END = re.compile(r"[.!?][\"”']?(?:\s|$)")
