"""Plain records passed between the stages.

Everything after NLP deals in these frozen, slotted dataclasses: they are
picklable (so Ray and multiprocessing can ship them), hold no spaCy objects,
and map one-to-one onto rows in ``store/schema.py``.

Dates are ISO strings at the precision known: ``"2016"``, ``"2016-12"`` or
``"2016-12-01"``. Character offsets are into ``Article.text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

#: An argument value: a name/phrase, a number, a flag, or a list of those.
ArgValue = str | int | float | bool | list[str]


def content_hash(*parts: str) -> str:
    """Return the hex SHA-256 of ``parts`` joined by NUL; the identity of an input."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class RawInput:
    """One input as read from a file, record, URL or stdin, before any cleaning.

    ``format`` is ``"text"`` or ``"html"``. ``meta`` holds what the record or
    feed already says (``title``, ``url``, ``published``, ``outlet``,
    ``author``). ``content_hash`` is the input's identity: the same text
    ingested twice is stored once.
    """

    source: str
    external_id: str
    body: str
    format: str = "text"
    meta: dict[str, str] = field(default_factory=dict)
    content_hash: str = ""

    def __post_init__(self) -> None:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", content_hash(self.format, self.body))


@dataclass(frozen=True, slots=True)
class Document:
    """An input's main text with its metadata, after format decoding and before splitting."""

    raw: RawInput
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One article: a whole input, or one part of a split digest page."""

    external_id: str
    input_hash: str
    part: int
    text: str
    source: str = ""
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A place resolved against the gazetteer."""

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The verbatim text a fact came from, with its span in the article."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A surface form of an entity at a span of the article text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organization or place as one article names it."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    place: Place | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A typed event with its arguments (role names are FORMAT.md's arg keys).

    ``flags`` marks modality or stance, e.g. ``("contested",)``,
    ``("requested",)``; ``markers`` holds the contest phrases found.
    """

    type: str
    args: dict[str, ArgValue]
    evidence: tuple[Evidence, ...]
    date: str | None = None
    location: Place | None = None
    confidence: float = 0.5
    flags: tuple[str, ...] = ()
    markers: tuple[str, ...] = ()
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure someone asserts: quantity, what it counts, and who says so."""

    quantity: float
    about: str
    evidence: tuple[Evidence, ...]
    claimant: str | None = None
    contested: bool = False
    markers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Skip:
    """Why an input or article was not processed: stored, counted, and summarised."""

    source: str
    stage: str
    reason: str
    external_id: str = ""
    input_hash: str = ""


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True, slots=True)
class InputResult:
    """What became of one input: its articles' results, or the reason it was skipped.

    The store writes one ``InputResult`` in one transaction, which is what
    makes a killed run safe to re-run.
    """

    raw: RawInput
    articles: tuple[ArticleResult, ...] = ()
    skip: Skip | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return a short summary, for logs and the JSON progress stream."""
        return {
            "source": self.raw.source,
            "external_id": self.raw.external_id,
            "articles": len(self.articles),
            "skipped": self.skip.reason if self.skip else None,
        }
