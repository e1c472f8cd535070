"""Read an annotated evaluation set: ``DIR/gold.jsonl`` plus ``DIR/articles/<doc_id>.txt``.

The format is the one described in the evaluation set's ``FORMAT.md``: one JSON
object per article with its entities, events and claims.

A folder without ``gold.jsonl`` but with ``*.jsonl`` files is read as a
challenge suite: one short item per line, its text inline (``text``), its
syntactic ``frame`` kept for reporting. The name ``challenge`` (when no such
folder exists) is the suite shipped in the package, ``kronika/data/challenge``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import ArgValue, RawInput

#: The name that stands for the challenge suite shipped in the package.
CHALLENGE = "challenge"


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """An entity as the annotator listed it: fullest name, type and other surface forms."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """An annotated event; ``args`` keys are FORMAT.md arg keys."""

    type: str
    args: dict[str, ArgValue]
    date: str | None = None
    location: str | None = None
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """An annotated figure with what it counts and who asserts it."""

    quantity: float
    about: str
    claimant: str | None = None
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One annotated article and its text."""

    doc_id: str
    text: str
    source: str | None = None
    url: str | None = None
    published: str | None = None
    entities: tuple[GoldEntity, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    claims: tuple[GoldClaim, ...] = ()
    frame: str | None = None


def challenge_dir() -> Path:
    """Return the folder of the challenge suite shipped in the package."""
    return Path(str(files("kronika") / "data" / CHALLENGE))


def resolve_set(path: str | Path) -> Path:
    """Return the folder ``path`` names.

    ``challenge`` is the packaged suite, unless a folder of that name exists.
    """
    root = Path(path)
    if str(path) == CHALLENGE and not root.exists():
        return challenge_dir()
    return root


def read_gold(path: str | Path) -> list[GoldDoc]:
    """Return the documents of the evaluation set in directory ``path``.

    ``path`` may also be a challenge-suite folder or the name ``challenge``
    (see the module docstring).

    Raises:
        InputError: ``gold.jsonl`` or an article file is missing or not valid JSON.
    """
    root = resolve_set(path)
    gold_file = root / "gold.jsonl"
    if not gold_file.exists() and root.is_dir() and any(root.glob("*.jsonl")):
        return read_challenge(root)
    try:
        lines = gold_file.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(str(gold_file), f"cannot read the gold file: {err.strerror}") from None
    docs = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{gold_file}:{number}", f"not valid JSON: {err.msg}") from None
        docs.append(_read_doc(root, record))
    return docs


@dataclass(frozen=True, slots=True)
class _Fields:
    entities: tuple[GoldEntity, ...]
    events: tuple[GoldEvent, ...]


def _read_doc_fields(record: dict[str, Any]) -> _Fields:
    """The entities and events of one gold record (article or challenge item)."""
    return _Fields(
        entities=tuple(
            GoldEntity(e["name"], e["type"], tuple(e.get("aliases") or ()))
            for e in record.get("entities", ())
        ),
        events=tuple(
            GoldEvent(
                type=e["type"],
                args=dict(e.get("args") or {}),
                date=e.get("date"),
                location=e.get("location"),
                evidence=e.get("evidence", ""),
            )
            for e in record.get("events", ())
        ),
    )


def _read_doc(root: Path, record: dict[str, Any]) -> GoldDoc:
    doc_id = str(record["doc_id"])
    article = root / "articles" / f"{doc_id}.txt"
    try:
        text = article.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(str(article), f"cannot read the article: {err.strerror}") from None
    fields = _read_doc_fields(record)
    return GoldDoc(
        doc_id=doc_id,
        text=text,
        source=record.get("source"),
        url=record.get("url"),
        published=record.get("published"),
        entities=fields.entities,
        events=fields.events,
        claims=tuple(
            GoldClaim(
                quantity=float(c["quantity"]),
                about=c.get("about", ""),
                claimant=c.get("claimant"),
                evidence=c.get("evidence", ""),
            )
            for c in record.get("claims", ())
        ),
    )


def read_challenge(path: str | Path) -> list[GoldDoc]:
    """Return the items of the challenge suite in folder ``path`` (every ``*.jsonl``, by name).

    Raises:
        InputError: a line is not valid JSON or lacks ``id`` or ``text``, or an id repeats.
    """
    docs: list[GoldDoc] = []
    seen: set[str] = set()
    for item_file in sorted(Path(path).glob("*.jsonl")):
        for number, line in enumerate(item_file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{item_file}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(where, f"not valid JSON: {err.msg}") from None
            if not isinstance(record, dict) or not {"id", "text"} <= record.keys():
                raise InputError(where, "an item needs an id and a text")
            try:
                doc = _challenge_doc(record)
            except (KeyError, TypeError, AttributeError) as err:
                raise InputError(where, f"a malformed entity or event ({err!r})") from None
            if doc.doc_id in seen:
                raise InputError(where, f"the id {doc.doc_id} is used twice")
            seen.add(doc.doc_id)
            docs.append(doc)
    return docs


def _challenge_doc(record: dict[str, Any]) -> GoldDoc:
    fields = _read_doc_fields(record)
    text = str(record["text"])
    return GoldDoc(
        doc_id=str(record["id"]),
        text=text,
        published=record.get("published"),
        frame=record.get("frame"),
        entities=fields.entities,
        events=tuple(replace(e, evidence=e.evidence or text) for e in fields.events),
    )


def gold_input(doc: GoldDoc) -> RawInput:
    """Return the input evaluation gives the pipeline for ``doc``: its text and record metadata."""
    meta = {k: v for k, v in (("published", doc.published), ("url", doc.url)) if v is not None}
    return RawInput(
        source=f"articles/{doc.doc_id}.txt",
        external_id=doc.doc_id,
        body=doc.text,
        format="text",
        meta=meta,
    )
