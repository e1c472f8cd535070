"""How many people a noun phrase counts: "five members", "seven of the 29", "the asylum seekers".

``count_of`` reads the number a phrase gives; ``antecedent_count`` the number of an
earlier phrase a definite plural repeats; ``fill_count`` is the ``kronika.count.v1``
role filler.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from ..model import ArgValue
from ..normalize.numbers import tens_and_unit
from .people import PEOPLE_COUNTS, about_people
from .spans import YEAR, normalizer
from .spec import RoleSpec

if TYPE_CHECKING:
    from .fillers import FillContext


def an_age(token: Token) -> bool:
    """Whether a number word tells an age, not a count: "42-летний преподаватель"."""
    return "летн" in token.lower_


def in_a_name(number: Token) -> bool:
    """A number that is part of a name, not a count: "Group 24", "Brigade 5"."""
    if number.ent_type_ in ("ORG", "FAC", "LAW"):
        return True
    return number.dep_ == "nummod" and number.head.pos_ == "PROPN" and number.i > number.head.i


def written_in_two(number: Token) -> int | None:
    """The number a unit word makes with the tens word hyphened before it ("thirty-five"),
    else None ("five-six men" is a range: its words are no one number)."""
    doc = number.doc
    if number.i < 2 or doc[number.i - 1].text != "-":
        return None
    return tens_and_unit(doc[number.i - 2].text, number.text)


def count_of(token: Token) -> int | float | None:
    """Return the number of people a noun phrase gives ("Five other members", "seven of the 29")."""
    parse = normalizer("kronika.number.v1")
    if parse is None:
        return None
    if token.lower_ in ("who", "that", "which") and token.head.dep_ == "relcl":
        token = token.head.head  # "the three men who were detained": the men counted
    heads = [token]
    # "a group of 25 militants", "seven of the defendants", "a family of six": one "of" deeper
    if token.lower_ in ("group", "total", "number", "family") or token.like_num:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                heads.extend(c for c in child.children if c.dep_ == "pobj")
    for head in heads:
        # "by yesterday afternoon 57 had been recaptured": the model may run the count into
        # the date before it; a number that is the subject or object itself is a count
        # (or one told right before the auxiliary of its verb: "22 had been recaptured")
        before_aux = head.i + 1 < len(head.doc) and head.doc[head.i + 1].dep_ in ("aux", "auxpass")
        counted = (
            head.dep_ in ("nsubj", "nsubjpass", "dobj") or before_aux
        ) and not YEAR.fullmatch(head.text)
        if head.like_num and (
            head.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT")
            or (counted and head.ent_type_ in ("DATE", "TIME"))
        ):
            # ("thirty-five of them": one number in two words)
            value = written_in_two(head)
            value = value if value is not None else parse(head.text)
            if value is not None:
                return value
        for child in head.children:
            # "Thirteen Islamists" opening a sentence: the model may take the number for a name
            spelled = child.dep_ in ("compound", "amod") and child.like_num and child.i < head.i
            if (
                (child.dep_ == "nummod" or spelled)
                and child.ent_type_ not in ("DATE", "MONEY", "PERCENT")
                and not an_age(child)
                and not in_a_name(child)  # "Group 24", "Two more Group 24 supporters"
            ):
                # "twenty-two migrants": the number is the whole hyphenated run ("five-six
                # men" is a range: its upper bound)
                run = child.doc[child.left_edge.i : child.i + 1].text
                value = written_in_two(child)
                if value is None:
                    value = parse(child.text) if "-" in run else parse(run)
                if value is not None:
                    return value
            if child.dep_ == "nmod" and child.ent_type_ == "GPE" and child.i < head.i:
                # "handed over to Somalia three Somali nationals": the parser hangs the
                # number on the state told before the people
                number = next((c for c in child.children if c.dep_ == "nummod"), None)
                value = parse(number.text) if number is not None and number.i > child.i else None
                if value is not None:
                    return value  # type: ignore[no-any-return]
    return _named_and_their_own(token, parse)


def _named_and_their_own(token: Token, parse: Any) -> int | float | None:
    """ "Sadykov and his three accomplices": the people named and those counted with them."""
    if token.pos_ != "PROPN":
        return None
    conjuncts = [t for t in token.conjuncts if t.i > token.i]
    names = 1 + sum(1 for t in conjuncts if t.pos_ == "PROPN")
    counted = [t for t in conjuncts if t.pos_ == "NOUN" and _companions(t)]
    if not counted and token.dep_ in ("nsubj", "nsubjpass", "dobj"):
        # "X was arrested along with 14 other people", "X was detained together with
        # three others": the companions hung on the verb
        for prep in (c for c in token.head.children if c.lower_ in ("along", "together")):
            with_ = [c for c in prep.children if c.lower_ == "with"]
            counted += [g for w in with_ for g in w.children if g.dep_ == "pobj" and _companions(g)]
    if len(counted) != 1:
        return None
    number = next((c for c in counted[0].children if c.dep_ == "nummod"), None)
    value = parse(number.text) if number is not None else None
    return names + value if isinstance(value, int) else None


#: Whose companions are counted with the people named: "A and his two accomplices".
_OWNERS = frozenset({"his", "her", "their"})


def _companions(noun: Token) -> bool:
    """ "his two accomplices", "12 others", "14 other people": those counted with a name."""
    if noun.lower_ == "others":
        return True
    return any(
        (c.dep_ == "poss" and c.lower_ in _OWNERS) or (c.dep_ == "amod" and c.lower_ == "other")
        for c in noun.children
    )


#: How far back (in tokens) a definite plural looks for the number it repeats.
_ANTECEDENT_REACH = 400


def antecedent_count(token: Token) -> int | float | None:
    """The number of an earlier phrase a definite plural repeats ("the asylum seekers").

    "Officials extradited 29 asylum seekers ... The asylum seekers had spent a year
    in detention": the same plural noun, counted before, counts the same people.
    """
    if token.tag_ != "NNS" or not any(
        c.dep_ == "det" and c.lower_ in ("the", "those", "these") for c in token.children
    ):
        return None
    doc = token.doc
    for i in range(token.i - 1, max(-1, token.i - _ANTECEDENT_REACH), -1):
        earlier = doc[i]
        if earlier.lemma_ == token.lemma_ and earlier.tag_ == "NNS":
            value = count_of(earlier)
            if value is not None:
                return value
    return None


def fill_count(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """The number of people in the core noun phrase (bound node, else patient/agent)."""
    token = ctx.nodes.get(ctx.extra.get("core_node", "")) or ctx.extra.get("core_token")
    return count_of(token) if isinstance(token, Token) else None


def one_unnamed(token: Token | None) -> bool:
    """ "sentenced a Tajik man", "detained a 25-year-old woman": one person, not named (not
    "a group of members", nor "a teacher, his four students and five other men")."""
    if token is not None and token.doc.lang_ == "ru":
        return False  # ("суд признал блогера виновным": a Russian noun may point back)
    if token is None or token.tag_ != "NN" or token.lemma_.lower() in _COLLECTIVES:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
        return False
    if token.conjuncts or any(c.dep_ == "appos" for c in token.children):
        return False
    # ("a couple of activists", "a handful of men": several, told by what they are)
    if any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.tag_ == "NNS" for g in c.children)
        for c in token.children
    ):
        return False
    return about_people(token)


#: Nouns for several people at once: "a group of", "a couple of", "a family".
_COLLECTIVES = PEOPLE_COUNTS | frozenset("family total team cell gang band crowd".split())
