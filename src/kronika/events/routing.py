"""Parse each article with its language's pipeline, then extract its events.

English goes through spaCy (:func:`kronika.nlp.build.build_nlp`), Russian through
natasha (:mod:`kronika.nlp.russian`, loaded on the first Russian article); both give
spaCy Docs, so one extractor serves both. A Russian article's names are then put in
the nominative, with the forms the text uses kept as aliases.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from ..model import ArgValue, Article, ArticleResult, Event, Place
from ..nlp.build import build_nlp
from ..nlp.language import pipeline_language
from ..normalize.names_ru import nominative_place
from ..normalize.places import resolve_place
from ..resolve.nominative import in_nominative
from ..settings import Settings
from .elsewhere import origin
from .extract import extract_article
from .fillers_ru import case_of
from .placing import outside_its_states
from .spec import load_specs


def parse_articles(articles: Sequence[Article], settings: Settings) -> list[Doc]:
    """One Doc per article, in order, each parsed by its language's pipeline."""
    languages = [pipeline_language(a.language) for a in articles]
    english = [a.text for a, lang in zip(articles, languages, strict=True) if lang == "en"]
    parsed_en = iter(build_nlp(settings).pipe(english)) if english else iter(())
    russian = [a.text for a, lang in zip(articles, languages, strict=True) if lang == "ru"]
    parsed_ru = iter(parse_russian(russian, settings)) if russian else iter(())
    return [next(parsed_en) if lang == "en" else next(parsed_ru) for lang in languages]


def parse_russian(texts: list[str], settings: Settings) -> list[Doc]:
    """Parse Russian texts with the Russian rules of ``settings`` (natasha loads only when
    the first Russian article comes)."""
    from ..nlp import russian  # the rules sit above the parser

    return list(russian.parse_russian(texts, tuple(settings.rules_dirs)))


def analyse_articles(articles: Sequence[Article], settings: Settings) -> list[ArticleResult]:
    """Entities, events and claims of each article, in order."""
    results = []
    for article, doc in zip(articles, parse_articles(articles, settings), strict=True):
        results.append(finish(extract_article(doc, article, settings), doc, settings))
    return results


def finish(result: ArticleResult, doc: Doc, settings: Settings) -> ArticleResult:
    """The language's own last steps on an article's result (Russian: names in the nominative,
    lead dates, court places, shared verdicts, one ban per place); English is left as it is."""
    if doc.lang_ == "en":
        return result
    from ..nlp.russian import NORMAL_FORMS

    result = in_nominative(result, doc.user_data.get(NORMAL_FORMS) or {})
    unplaced = frozenset(s.type for s in load_specs(settings, doc.lang_) if s.unplaced)
    result = share_the_verdict(date_the_lead(place_the_court(result), unplaced, doc))
    return one_ban_per_place(result, doc)


def _an_origin(doc: Doc | None, start: int, end: int) -> bool:
    """Whether the place told at ``start``-``end`` says where people are from."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    return span is not None and len(span) > 0 and origin(span)


#: How many non-blank lines from the top make the title and lead of an article.
LEAD_LINES = 3
#: Words that open a look back at earlier events ("Напомним, ...", "Ранее ...").
_LOOK_BACK = re.compile(r"^\W*(?:напомним|ранее|в прошлом|recall|earlier)", re.IGNORECASE)


def date_the_lead(
    result: ArticleResult, unplaced: frozenset[str] = frozenset(), doc: Doc | None = None
) -> ArticleResult:
    """Events told in the title and lead are the article's news: without a date or place
    of their own they take the article's date and the first place the lead names (but not
    those of the ``unplaced`` types). A handover keeps no place among the states it is
    between (named in the nominative only now)."""
    published = result.article.published
    starts = [m.start() for m in re.finditer(r"(?m)^[ \t]*\S", result.article.text)]
    cutoff = starts[LEAD_LINES] if len(starts) > LEAD_LINES else len(result.article.text)
    place = _lead_place(result, cutoff, doc)
    events = []
    for event in result.events:
        first = event.evidence[0] if event.evidence else None
        # a handover is told by the states it is between, not placed in one of them
        event = replace(event, location=outside_its_states(event.location, event.args))
        if first is not None and first.start < cutoff and not _LOOK_BACK.match(first.text):
            # (not a name the event's people bear: "Норматов", tagged a place)
            named = {n for v in event.args.values() if isinstance(v, list) for n in v}
            lead = place if place is not None and place.name not in named else None
            lead = None if event.type in unplaced else lead
            event = replace(
                event,
                date=event.date or published,
                location=event.location or outside_its_states(lead, event.args),
            )
        events.append(event)
    return replace(result, events=tuple(events))


#: Endings of the adjective a court takes from its town ("Нурафшанский городской суд").
_PLACE_ADJECTIVE = re.compile(r"^([А-ЯЁ][а-яё-]+?)(?:ский|ской|ская|ского|скому|ским|ском)$")


def place_the_court(result: ArticleResult) -> ArticleResult:
    """A verdict of a town's court took place in that town, where the sentence names none
    more precise: "Нурафшанский городской суд" → Нурафшан."""
    events = []
    for event in result.events:
        court = event.args.get("court")
        match = _PLACE_ADJECTIVE.match(court.split()[0]) if isinstance(court, str) else None
        town = _town(match.group(1)) if match else None
        if town is not None and _vague(event.location):
            event = replace(event, location=town)
        events.append(event)
    return replace(result, events=tuple(events))


def _vague(place: Place | None) -> bool:
    """No place, or only a country."""
    if place is None:
        return True
    found = resolve_place(place.name)
    return found is not None and found.name == found.country


def _town(stem: str) -> Place | None:
    for name in (stem, stem + "а"):
        found = resolve_place(name)
        if found is not None:
            return replace(found, name=name)
    return None


#: Verbs of banning whose places ("запрещена в России и Таджикистане") are bans apart.
_BANNING = frozenset({"запретить", "запрещать"})


def one_ban_per_place(result: ArticleResult, doc: Doc) -> ArticleResult:
    """ "Запрещена в России и Таджикистане": one ban in each country named."""
    events = []
    for event in result.events:
        places = _ban_places(event, doc) if event.type == "BAN" else []
        if len(places) < 2:
            events.append(event)
            continue
        events.extend(replace(event, location=place) for place in places)
    return replace(result, events=tuple(events))


def _ban_places(event: Event, doc: Doc) -> list[Place]:
    if not event.evidence:
        return []
    span = doc.char_span(event.evidence[0].start, event.evidence[0].end, alignment_mode="expand")
    names: list[str] = []
    for token in span or ():
        if token.lemma_ not in _BANNING or token.pos_ != "VERB":
            continue
        for child in token.children:
            if child.dep_ == "obl" and child.ent_type_ == "LOC" and case_of(child) == "в":
                group = [child, *(c for c in child.children if c.dep_ == "conj")]
                names.extend(nominative_place(t.text) for t in group if t.ent_type_ == "LOC")
    places = []
    for name in dict.fromkeys(names):
        found = resolve_place(name)
        places.append(Place(name=name) if found is None else replace(found, name=name))
    return places


#: What one verdict gives every defendant alike, though the text says it once.
_VERDICT_ROLES = ("court", "charges")


def share_the_verdict(result: ArticleResult) -> ArticleResult:
    """Sentences of one verdict (same type and date) share its court and charges.

    "The court sentenced A to 27 years for the coup attempt ... B got 18 years": each
    term is an event of its own, and the charges and court told once hold for all.
    """
    told: dict[tuple[str, str | None], dict[str, ArgValue]] = {}
    for event in result.events:
        if event.type == "SENTENCE":
            known = told.setdefault((event.type, event.date), {})
            for role in _VERDICT_ROLES:
                if event.args.get(role):
                    known.setdefault(role, event.args[role])
    events = []
    for event in result.events:
        known = told.get((event.type, event.date), {})
        missing = {r: v for r, v in known.items() if not event.args.get(r)}
        if missing:
            event = replace(event, args={**event.args, **missing})
        events.append(event)
    return replace(result, events=tuple(events))


def _lead_place(result: ArticleResult, cutoff: int, doc: Doc | None) -> Place | None:
    # (not where people are from: "жителю Оша Сухробу Шарипову")
    places = [
        (min(starts), e.name)
        for e in result.entities
        if e.type == "LOC"
        and (starts := [m.start for m in e.mentions if not _an_origin(doc, m.start, m.end)])
    ]
    first = min((p for p in places if p[0] < cutoff), default=None)
    if first is None:
        return None
    found = resolve_place(first[1])
    return Place(name=first[1]) if found is None else replace(found, name=first[1])
