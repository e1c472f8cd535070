"""The states a Russian handover is between: "из Австрии", "в Таджикистан", and the state
whose body handed someone over ("турецкие власти депортировали"), in the nominative."""

from __future__ import annotations

from spacy.tokens import Token

from ..model import ArgValue
from ..normalize.names_ru import nominative_place
from ..normalize.places import russian_name
from .agencies import country_of_word
from .fillers import FillContext
from .fillers_ru import agent, case_of
from .spans import doc_ents, normalizer, sent_ents
from .spec import RoleSpec


def fill_country(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """ "из Австрии" (from_country), "в Таджикистан" (to_country), in the nominative.

    A city stands for its country where the article names that country ("экстрадировали
    в Ташкент" in an article on Uzbekistan: "Узбекистан"); a state that hands someone
    over ("Австрия экстрадировала") is where they came from.
    """
    wanted = ("из", "с") if role.name.startswith("from") else ("в", "во")
    for ent in sent_ents(ctx.sent):
        if ent.label_ != "LOC":
            continue
        root = ent.root
        if role.name.startswith("to") and "Case=Loc" in str(root.morph):
            continue  # "в Таджикистане": where, not whither
        governed = root.head == ctx.trigger or root.head.head == ctx.trigger
        # "выдала Таджикистану": the receiving state in the dative, without a preposition
        dative = (
            role.name.startswith("to") and root.dep_ in ("dative", "iobj") and not case_of(root)
        )
        if governed and (case_of(root) in wanted or dative):
            name = nominative_place(ent.text)
            return _country_named(ctx, name) if role.name.startswith("to") else name
    if role.name.startswith("from"):
        subject = agent(ctx.trigger) or _instrumental_doer(ctx.trigger)
        by_body = _state_of_body(subject) if subject is not None else None
        if by_body is not None:
            return by_body  # "турецкие власти депортировали", "выданный российскими властями"
        if subject is not None and subject.ent_type_ == "LOC":
            state = next((e for e in sent_ents(ctx.sent) if e.start <= subject.i < e.end), None)
            if state is None:
                return None
            origin = nominative_place(state.text)
            # a state hands people over; a union of states ("Евросоюз") is no country
            return None if "союз" in origin.lower() else origin
    return None


def _instrumental_doer(trigger: Token) -> Token | None:
    """The doer of a passive told in the instrumental ("выданный российскими властями")."""
    return next(
        (
            c
            for c in trigger.children
            if c.dep_ in ("obl", "obl:agent") and not case_of(c) and "Case=Ins" in str(c.morph)
        ),
        None,
    )


def _state_of_body(body: Token) -> str | None:
    """The state whose body acted, told by its adjective ("турецкие власти"), in Russian."""
    for word in body.children:
        country = country_of_word(word.lemma_) if word.dep_ == "amod" else None
        if country is not None:
            return russian_name(country)
    return None


def _country_named(ctx: FillContext, name: str) -> str:
    """The article's own name for the country a city ``name`` lies in, or ``name``."""
    resolve = normalizer("kronika.place.v1")
    place = resolve(name) if resolve is not None else None
    if place is None or not place.country or place.name == place.country:
        return name
    for ent in doc_ents(ctx.doc):
        if ent.label_ == "LOC":
            other = resolve(ent.text) if resolve is not None else None
            if other is not None and other.name == place.country:
                return nominative_place(ent.text)
    # (an article that names only the city: the country's Russian name, as the gazetteer has it)
    return russian_name(place.country) or name
