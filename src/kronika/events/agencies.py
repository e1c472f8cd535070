"""Role fillers for who acted on behalf of a state: authorities, agencies, countries of origin.

Same contract as :mod:`kronika.events.fillers`; each is registered by name in
``registry.ROLE_FILLERS``. Nationality adjectives map to countries through
``data/lexicons/demonyms.yaml``.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from spacy.tokens import Token

from ..model import ArgValue
from ..resolve.mentions import clean_name
from ..yamlfile import load_yaml
from .fillers import FillContext, names_of
from .participants import agent
from .spans import doc_ents, doc_text, in_dateline, normalizer
from .spec import RoleSpec

#: Nouns for state bodies whose phrase names the authority ("the Supreme Court").
#: Offices that, named alone, still say who acted: "pardoned by the president".
_HEADS_OF_STATE = frozenset("president king emir sultan monarch".split())

_INSTITUTIONS = frozenset(
    "court government ministry council parliament service committee prosecutor office "
    "police forces troops army military agency authorities authority president minister "
    "guard guards tribunal judge secretary".split()
)


@cache
def _demonyms() -> dict[str, str]:
    text = (files("kronika") / "data" / "lexicons" / "demonyms.yaml").read_text(encoding="utf-8")
    data = load_yaml(text) or {}
    return {str(k).casefold(): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def demonym_words() -> frozenset[str]:
    """The nationality words of data/lexicons/demonyms.yaml, case-folded."""
    return frozenset(_demonyms())


def country_of_word(word: str) -> str | None:
    """The country of a nationality adjective ("Russian" → "Russia")."""
    return _demonyms().get(word.casefold())


def state_named_by(word: str) -> str | None:
    """The state a word names: its people's adjective ("Kazakh" → "Kazakhstan") or the
    state's own name; None for any other word."""
    return country_of_word(word) or (word if word in _demonyms().values() else None)


def names_a_country(word: str) -> bool:
    """Whether ``word`` names a country or its people ("Tajik", "Tajikistan")."""
    return state_named_by(word) is not None


def _country_of_place(name: str) -> str:
    resolve = normalizer("kronika.place.v1")
    place = resolve(name) if resolve is not None else None
    country = getattr(place, "country", None)
    return country if isinstance(country, str) and country else name


def _country_in(token: Token) -> str | None:
    """A country named or implied in a phrase ("Austrian authorities", "police in Russia")."""
    for tok in token.subtree:
        country = country_of_word(tok.text) if tok.pos_ in ("ADJ", "PROPN") else None
        if country:
            return country
        if tok.ent_type_ == "GPE":
            ent = next((e for e in doc_ents(tok.doc) if e.start <= tok.i < e.end), None)
            if ent is not None:
                return _country_of_place(clean_name(ent.text))
    return None


def fill_from_country(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """The state a person was handed over by: "from Russia", else the acting state's country.

    "Austrian authorities have extradited X", "police in the Russian city of
    Yekaterinburg arrested him and extradited him".
    """
    trigger = ctx.trigger
    # "sent back from Moscow": the "from" may hang on "back"
    backs = [c for c in trigger.children if c.dep_ in ("advmod", "prt") and c.lower_ == "back"]
    for child in [*trigger.children, *(c for b in backs for c in b.children)]:
        if child.dep_ == "prep" and child.lower_ == "from":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ in ("GPE", "LOC"):
                return _country_in(obj)
    to_country = None
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            to_country = _country_in(obj) if obj is not None else None
    seized = _seized_in(trigger)
    if seized is not None and seized != to_country:
        return seized
    doer = agent(trigger)
    if doer is None:
        return None
    country = _country_in(doer)
    return country if country and country != to_country else None


#: Verbs of taking a person, whose place is the state the person is then handed from.
_SEIZING = frozenset("kidnap abduct snatch seize arrest detain catch apprehend".split())


def _seized_in(trigger: Token) -> str | None:
    """ "was kidnapped in Moscow and brought to Tajikistan", "arrested in Istanbul and
    extradited": the country of the place the person was taken in, or None."""
    if trigger.dep_ != "conj" or trigger.head.lemma_ not in _SEIZING:
        return None
    for prep in trigger.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ in ("GPE", "LOC"):
                return _country_in(obj)
    return None


def fill_authority(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """Who acted for the state: a named body or person, or a phrase such as "Indonesian police"."""
    doer = agent(ctx.trigger)
    if doer is None:
        return None
    said = ctx.trigger.head if ctx.trigger.dep_ == "ccomp" else None
    if doer.lower_ in ("it", "they") and said is not None:
        # "The GKNB said it had detained three men": the body that says so
        speaker = next((c for c in said.children if c.dep_ == "nsubj"), None)
        doer = speaker if speaker is not None else doer
    # "police" alone is too common to tell; "Almaty police", "Indonesian police" tell whose
    # ("the Home Secretary", "the Interior Minister": an office the tagger may read as a name)
    if doer.pos_ in ("NOUN", "PROPN") and doer.lemma_.lower() in _INSTITUTIONS:
        # "a Bishkek court", "the Afghan government": the body, not the place it sits in
        words = [t for t in doer.subtree if t.i <= doer.i and t.dep_ not in ("det", "punct")]
        # the words as written ("Russia's authorities", not "Russia 's authorities")
        written = clean_name("".join(t.text_with_ws for t in words).strip())
        named = ctx.mentions.name_covering(doer.idx)
        if named is not None and named[1] == "ORG" and doer.lower_ in named[0].lower().split():
            # "the State Committee for National Security said": the body's whole name (but
            # "Russia's Supreme Court" tells whose court better than its name "Supreme Court")
            if named[0].lower() not in written.lower():
                return named[0]
        if len(words) > 1:
            return written
        if role.name == "authority" and doer.lemma_.lower() in _HEADS_OF_STATE:
            return doer.text  # "pardoned by the president": the one office it can be
    types = tuple(role.entity) or ("ORG", "PERSON")
    # "BEIRUT (Reuters) - Al Qaeda's Syrian wing freed ...": the outlet is no party to it
    names = [n for n in names_of(ctx, doer, (*types, "LOC")) if not _datelined(ctx, n)]
    return names[0] if names else None


def _datelined(ctx: FillContext, name: str) -> bool:
    """Whether ``name`` is told in the sentence only inside the article's dateline."""
    text = doc_text(ctx.doc)
    at = text.find(name, ctx.sent.start_char, ctx.sent.end_char)
    if at < 0 or not in_dateline(ctx.sent, at, at + len(name)):
        return False
    return text.find(name, at + len(name), ctx.sent.end_char) < 0
