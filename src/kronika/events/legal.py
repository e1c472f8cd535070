"""Role fillers for a verdict's legal particulars: terms, charges, code articles (its court
is read in :mod:`kronika.events.courts`).

Same contract as :mod:`kronika.events.fillers`; each is registered by name in
``registry.ROLE_FILLERS``.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..model import ArgValue
from .clauses import TERM_WORDS, has_own_people
from .fillers import FillContext
from .spec import RoleSpec

_TERM = re.compile(
    r"(?:\b(?:between|from)\s+)?\b[\w½¼¾.,-]+(?:\s+(?:years?|yrs?|months?))?"
    r"(?:\s+(?:to|and|or|-)\s+[\w½¼¾.,-]+)?"
    r"\s+(?:years?|yrs?|months?)\b(?!-old| ago| old)"
    r"|\blife(?:\s+(?:in prison|imprisonment|sentences?|terms?))",
    re.IGNORECASE,
)
_NOT_CHARGES = TERM_WORDS | frozenset("example instance time charge".split())
_ARTICLE = re.compile(r"\bArticles?\s+((?:\d+(?:[.-]\d+)?(?:\s*(?:,|and)\s*)?)+)")


def fill_term(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """Prison terms in the sentence: ``term_years`` (upper bound), ``term_min_years``, ``life``.

    Every term phrase of the sentence counts: "3½ and 3 years" gives 3.5 and 3,
    "between six months and 19 years" gives 19 and 0.5.
    """
    life, values = _terms(ctx)
    if role.name == "life":
        return True if life else None
    return term_bound(role.name, values)


def _terms(ctx: FillContext) -> tuple[bool, list[float]]:
    """Whether a life term is told, and every term's years, read once per event (the three
    term roles all ask)."""
    from ..normalize.numbers import parse_terms as parse  # all terms of a phrase, not one

    cached = ctx.extra.get("kronika.terms")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    life = False
    values: list[float] = []
    # "after serving nearly 10 years of his 15-year sentence": time served is no term given
    text = _SERVED.sub(lambda m: " " * len(m.group(0)), _own_clauses(ctx.sent, ctx.trigger))
    for term in parse(text):
        if term.life:
            life = True
            continue
        values.extend(v for v in (term.years, term.min_years) if v is not None)
    ctx.extra["kronika.terms"] = (life, values)
    return life, values


def _own_clauses(sent: Span, trigger: Token) -> str:
    """The sentence's text with the clauses of other people's verdicts blanked out.

    "handed life sentences to two leaders while 11 others received up to 28 years": a
    clause with a subject of its own that the trigger is neither in nor above is theirs;
    a trigger in such a clause reads that clause alone.
    """
    text = sent.text
    own = next((t for t in (trigger, *trigger.ancestors) if has_own_people(t)), None)
    if own is not None:
        # "... while 11 others received up to 28 years": the trigger's clause alone
        lo = own.left_edge.idx - sent.start_char
        hi = own.right_edge.idx + len(own.right_edge.text) - sent.start_char
        text = " " * lo + text[lo:hi] + " " * (len(text) - hi)
    for token in sent:
        if _describes_someone(token, trigger):
            # "Mehdi Benali, who spent two years with IS in Syria, was jailed": who he is
            lo = token.left_edge.idx - sent.start_char
            hi = token.right_edge.idx + len(token.right_edge.text) - sent.start_char
            text = text[:lo] + " " * (hi - lo) + text[hi:]
            continue
        joined = _second_verdict(token)
        if joined and trigger in token.subtree:
            # "handed 6½ years to A and sentenced B to two years": the second verdict alone
            lo = token.left_edge.idx - sent.start_char
            hi = token.right_edge.idx + len(token.right_edge.text) - sent.start_char
            text = " " * lo + text[lo:hi] + " " * (len(text) - hi)
            continue
        if not (has_own_people(token) or joined) or trigger in token.subtree:
            continue
        if token in trigger.ancestors:
            continue
        lo = token.left_edge.idx - sent.start_char
        hi = token.right_edge.idx + len(token.right_edge.text) - sent.start_char
        text = text[:lo] + " " * (hi - lo) + text[hi:]
    return text


def _describes_someone(clause: Token, trigger: Token) -> bool:
    """A relative clause on a participant that tells no verdict of its own ("who spent two
    years in Syria"; but "five men, who each received seven years" tells theirs)."""
    if clause.dep_ != "relcl" or clause.head == trigger or trigger in clause.subtree:
        return False
    return not any(t.lemma_ in _VERDICT_VERBS or t.lemma_ in _RECEIVING for t in clause.subtree)


#: Verbs a term is told as come to someone with: "who each received seven years".
_RECEIVING = frozenset({"receive", "get"})


def _second_verdict(token: Token) -> bool:
    """A verb joined to the one before it, each with an object of its own: "handed a term
    to A and sentenced B to ...", "jailed A for five years and B for three"."""
    return (
        token.dep_ == "conj"
        and token.lemma_ in _VERDICT_VERBS
        and token.head.lemma_ in _VERDICT_VERBS
        and any(c.dep_ == "dobj" for c in token.children)
        and any(c.dep_ == "dobj" for c in token.head.children)
    )


#: Verbs a verdict's term is given with: "sentenced", "handed", "gave", "jailed".
_VERDICT_VERBS = frozenset("sentence hand give jail imprison award condemn mete".split())


#: Time served, told before the sentence it is part of: "serving nearly 10 years of".
_SERVED = re.compile(
    r"\b(?:serving|served|spent|spending|after)\s+(?:nearly|almost|about|around|more than|over|"
    r"some|just)?\s*[\w.½-]+\s+(?:years?|months?)\s+(?:of|in)\b",
    re.I,
)


def term_bound(role: str, values: list[float]) -> float | None:
    """``term_years`` is the longest term told, ``term_min_years`` the shortest of several."""
    if not values:
        return None
    if role == "term_years":
        return max(values)
    if role == "term_min_years" and len(set(values)) > 1:
        return min(values)
    return None


def fill_charges(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """Charges as short phrases: after "charges of", "convicted of", "guilty of", "for"."""
    told = described_articles(ctx.sent.text, _DESCRIBED_ARTICLE, _NO_DESCRIPTION)
    phrases = [charge for text in told for charge in split_charges(text)]
    for tok in ctx.sent:
        if tok.dep_ != "prep" or tok.lower_ not in ("of", "for", "with", "including"):
            continue
        if tok.lower_ == "including" and tok.head.lemma_ != "charge":
            continue  # "on charges including conspiracy": only a list of charges
        if tok.lower_ != "including" and not _charged_by(tok, ctx.trigger):
            continue
        obj = next((c for c in tok.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None or obj.like_num or obj.ent_type_ in ("DATE", "TIME", "CARDINAL"):
            continue
        if obj.lemma_ in _NOT_CHARGES or _A_TERM.match(ctx.doc[tok.i + 1 : tok.i + 6].text):
            continue  # "jailed for up to life", "for ten years": a term
        end = obj.right_edge.i + 1
        after = ctx.doc[end] if end < len(ctx.doc) else None
        if after is not None and after.dep_ == "prep" and after.lower_ in ("in", "with", "to"):
            if after.head in (tok, tok.head):
                # "charges of treason and membership in a banned group": the parser hangs
                # the last charge's own phrase on "charges"
                end = after.right_edge.i + 1
        if after is not None and after.lower_ == "to" and obj.lower_.endswith("ing"):
            # "jailed for meeting to read religious books": the purpose the parser hung on
            # the verdict's verb is the charge's
            purpose = after.head
            hung = purpose.dep_ in ("advcl", "xcomp") and purpose.head in (tok.head, ctx.trigger)
            if after.dep_ == "aux" and purpose.pos_ == "VERB" and hung:
                end = purpose.right_edge.i + 1
        phrases.extend(_charges_in(ctx.doc[obj.left_edge.i : end]))
        # "on charges of terrorism and illegal possession of arms": the parser joins the
        # second charge to "charges"
        for conj in (c for c in tok.head.children if c.dep_ == "conj" and c.pos_ == "NOUN"):
            if tok.lower_ == "of" and tok.head.lemma_ == "charge":
                phrases.extend(_charges_in(ctx.doc[conj.left_edge.i : conj.right_edge.i + 1]))
    return phrases or None


#: "under Article 244-2 (membership of a prohibited religious organisation)": a law
#: article told with what it punishes.
_DESCRIBED_ARTICLE = re.compile(
    r"\bArticles?\s+\d[\w.-]*(?:\s+(?:of|part)\s+[^()]{0,40}?)?\s*\(([^()]{8,120})\)"
)
#: What a parenthesis after an article says when it does not say what it punishes: a part
#: of the article, or the code it is in.
_NO_DESCRIPTION = re.compile(r"(?i:part|paragraph|clause|section|ch\.|p\.|\d)|.*\b(?:Code|Act)\b")


def described_articles(
    text: str, article: re.Pattern[str], no_description: re.Pattern[str]
) -> list[str]:
    """What the law articles of ``text`` are told to punish, in brackets after each: group 1
    of ``article``, unless ``no_description`` matches it (English and Russian each give
    their own patterns)."""
    found: list[str] = []
    for match in article.finditer(text):
        told = match.group(1).strip()
        if not no_description.match(told) and told not in found:
            found.append(told)
    return found


#: Words a charge follows: "charges of", "guilty of", "charged with", "jailed for".
_OF_HEADS = frozenset("charge guilty convict accuse suspicion".split())
_FOR_HEADS = frozenset(
    "convict jail imprison sentence arrest detain imprisonment prison term year month life".split()
)


def _charged_by(prep: Token, trigger: Token) -> bool:
    """Whether the "of"/"for"/"with" phrase at ``prep`` gives charges."""
    head = prep.head
    if prep.lower_ == "of":
        # "found guilty by a Khujand court of public calls": "of" hung on the court
        by_court = head.lemma_ == "court" and head.head.dep_ == "agent"
        # "convicted Dilshod Rahimov of extremism": "of" hung on the one convicted
        on_convicted = head.dep_ == "dobj" and head.head.lemma_ in _OF_HEADS
        # "convicted in 2002 of extremism": "of" hung on the verdict's time
        on_time = (
            head.ent_type_ in ("DATE", "TIME")
            and head.dep_ == "pobj"
            and head.head.head.lemma_ in _OF_HEADS
        )
        return head.lemma_ in _OF_HEADS or by_court or on_convicted or on_time
    if prep.lower_ == "with":
        return head.lemma_ in ("charge", "associate")
    if head == trigger or head.lemma_ in _FOR_HEADS:
        return True
    # "prison terms ranging from five to eight years for propagating terrorism": the
    # parser may hang "for" inside the term's own phrase
    for above in list(head.ancestors)[:3]:
        if above.lemma_ in _FOR_HEADS:
            return head.pos_ == "ADP" or head.dep_ == "acl"
    return False


#: Where a charge phrase the parser ran on stops: the verdict's own verbs and terms.
_CHARGE_END = re.compile(
    r"\s+(?:and\s+)?(?:was\s+|were\s+)?(?:sentenced|jailed|imprisoned|given|gave|handed|awarded)\b"
    r"|,?\s+to\s+(?:[\w-]+\s+){0,3}(?:years?|months?|life|terms?|sentences?)\b"
    r"|,\s+(?:which|who|whom|whose)\b"
    # "for treason in a closed trial", "at a hearing in Osh": where the verdict was given
    r"|\s+(?:in|at|during)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}(?:trial|hearing|session)s?\b"
    # "of extremism in 2002", "for treason in May 2019": when the verdict was given
    r"|\s+(?:in|on)\s+(?:(?:early|late|mid)[\s-])?(?:(?:\d{1,2}\s+)?(?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\b|(?:19|20)\d\d\b)",
    re.IGNORECASE,
)


def _charges_in(span: Span) -> list[str]:
    text = _charge_text(span)
    if span.start > 0 and span.doc[span.start - 1].text in _OPENING_QUOTES:
        # 'for "participation in a banned group" over her posts': the quoted charge
        text = re.split(r"[\"”]", text, maxsplit=1)[0]
    # "his role in a cell that planned to blow up a shopping centre": the charge, not
    # the long clause that tells about its last noun
    text = re.sub(r"\s+(?:that|which|who)\s+(?:\S+\s+){4,}\S+$", "", text)
    charges = [c.replace(_GLUE, ",").replace(_SPACE, " ") for c in split_charges(text)]
    # a charge ends at a line's end (a headline's parse runs on into the story)
    charges = [c.split("\n", 1)[0].strip() for c in charges]
    # "jailed 13 members for up to life": a term, not a charge; "on the same charges": the
    # charges of the verdict told before (see ``inherit.inherit_same_charges``)
    return [
        c
        for c in charges
        if c and not _A_TERM.match(c) and not _SAME.match(c) and not _ANY_CRIME.match(c)
    ]


_SAME = re.compile(r"(?:the\s+)?same\b", re.I)
#: A crime told by no name of its own: "committing a crime provided for by Article 405".
_ANY_CRIME = re.compile(
    r"(?:committing\s+)?(?:an?\s+|the\s+)?(?:crimes?|offen[cs]es?)"
    r"(?:\s+(?:provided|stipulated|envisaged|specified|punishable|under)\b.*)?$",
    re.I,
)


_A_TERM = re.compile(r"(?:up to |between |from )?(?:life\b|[\w.,-]+ (?:years?|months?)\b)", re.I)


_OPENING_QUOTES = frozenset('"“«')

#: Stands for a comma inside one charge while a list of charges is split.
_GLUE = "\u00a0"
#: Stands for the space before an "and" between adjectives ("religious and ethnic hatred").
_SPACE = "\u2007"


def _charge_text(span: Span) -> str:
    """The span's text, cut where the verdict goes on, with adjective lists kept whole.

    "inciting religious, ethnic or national hatred" is one charge: a comma after an
    adjective that another adjective follows does not part two charges.
    """
    parts = []
    skip_to = -1
    for tok in span:
        if tok.i <= skip_to:
            continue
        if tok.i > span.start + 1 and _time_told(tok):
            break  # "raiding a bank in Osh on May 2, when ...": the charge, not its time
        described = _description_of_a_name(tok) if tok.i > span.start + 1 else None
        if described is not None:
            skip_to = described.right_edge.i  # "of Hizb ut-Tahrir, a group banned since ...,"
            continue
        glued = tok.text == "," and tok.i > span.start and tok.i + 1 < span.end
        if glued and tok.doc[tok.i - 1].tag_ == "JJ" and tok.doc[tok.i + 1].tag_ == "JJ":
            parts.append(_GLUE + tok.whitespace_)  # kept out of the split on commas
            continue
        between = tok.i > span.start and tok.i + 1 < span.end
        if tok.lower_ in ("and", "or") and between and tok.doc[tok.i - 1].tag_ == "JJ":
            if tok.doc[tok.i + 1].tag_ == "JJ" and parts and parts[-1].endswith(" "):
                parts[-1] = parts[-1][:-1] + _SPACE  # kept out of the split on "and"
        parts.append(tok.text_with_ws)
    return _CHARGE_END.split("".join(parts), maxsplit=1)[0]


def _description_of_a_name(comma: Token) -> Token | None:
    """The head of the words after ``comma`` that tell what the name before it is, if they
    do: "membership of Hizb ut-Tahrir, a pan-Islamist group banned since 2001" (no charge)."""
    if comma.text != ",":
        return None
    return next(
        (
            t
            for t in comma.doc[comma.i + 1 : comma.i + 8]
            if t.dep_ == "appos"
            and t.left_edge.i == comma.i + 1
            and t.head.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
        ),
        None,
    )


def _time_told(tok: Token) -> bool:
    """Whether a charge phrase's own words end before ``tok``: a date told after the act
    ("on May 2", "in Osh March 13") or a clause about its time or place (", when ...")."""
    if tok.text == "," and tok.i + 1 < len(tok.doc):
        return tok.doc[tok.i + 1].lower_ in ("when", "where", "while")
    date = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else tok
    if tok.dep_ == "prep" and tok.lower_ in ("on", "in", "during", "between", "since"):
        if date.ent_type_ != "DATE" or date.ent_iob_ != "B":
            return False
        end = date.i + 1
        while end < len(tok.doc) and tok.doc[end].ent_iob_ == "I":
            end += 1
        return tok.doc[date.i : end].root.head == tok
    if tok.ent_type_ != "DATE" or tok.ent_iob_ != "B":
        return False
    return tok.dep_ == "npadvmod" or (tok.head.dep_ == "npadvmod" and tok.head.i > tok.i)


def split_charges(text: str) -> list[str]:
    """Split a list of charges on commas and "and" ("terrorism, murder, and arson")."""
    # "(Article 307 of the Penal Code)": the article is a role of its own
    text = re.sub(r"\s*\([^)]*\)?", "", text)
    # "for terrorism - prosecutors": a flash's source after a spaced dash is no charge
    text = re.split(r"\s+[-–—]\s+", text)[0]
    text = re.sub(r"^(?:alleged(?:ly)?|the|a)\s+", "", text.strip(" “”\"'.,"), flags=re.I)
    # "of recruiting people into a group and of publicly urging ...": a list of clauses
    text = re.sub(r"^of\s+", "", text, flags=re.I)
    pieces = re.split(r",\s*(?:and\s+|or\s+)?(?:of\s+)?|;\s*|\s+(?:and|or)\s+of\s+", text)
    parts = [re.sub(r"\s+(?:and|or)$", "", p.strip(" “”\"'.,")) for p in pieces]
    out: list[str] = []
    for part in parts:
        left, sep, right = part.partition(" and ")
        # "organizing and participating in a group" is one charge; "fraud and murder" two
        one_word = " " not in right.strip()
        # "organizing a group and involving nationals in conflicts": two acts, two charges
        two_acts = " " in left.strip() and right.strip().split(" ")[0].endswith("ing")
        # "treason and membership in a banned group": a one-word crime, then another
        one_crime = " " not in left.strip() and not left.endswith("ing")
        if (
            sep
            and not (" " not in left and left.endswith("ing"))
            and (one_word or two_acts or one_crime)
        ):
            out.extend([left.strip(), right.strip()])
        elif part:
            out.append(re.sub(r"^(?:alleged(?:ly)?|the)\s+", "", part, flags=re.I))
    return [p for p in out if p]


def fill_law_articles(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """Criminal-code article numbers in the sentence ("Article 307", "Articles 187 and 307")."""
    found: list[str] = []
    for match in _ARTICLE.finditer(ctx.sent.text):
        # "Article 244-2", "Article 205.5": a numbered part of an article is one number
        found.extend(re.findall(r"\d+(?:[.-]\d+)?", match.group(1)))
    return found or None
