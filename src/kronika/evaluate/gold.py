"""Read an annotated evaluation set: ``DIR/gold.jsonl`` plus ``DIR/articles/<doc_id>.txt``.

The format is the one described in the evaluation set's ``FORMAT.md``: one JSON
object per article with its entities, events and claims.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import ArgValue, RawInput


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


def read_gold(path: str | Path) -> list[GoldDoc]:
    """Return the documents of the evaluation set in directory ``path``.

    Raises:
        InputError: ``gold.jsonl`` or an article file is missing or not valid JSON.
    """
    root = Path(path)
    gold_file = root / "gold.jsonl"
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


def _read_doc(root: Path, record: dict[str, Any]) -> GoldDoc:
    doc_id = str(record["doc_id"])
    article = root / "articles" / f"{doc_id}.txt"
    try:
        text = article.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(str(article), f"cannot read the article: {err.strerror}") from None
    return GoldDoc(
        doc_id=doc_id,
        text=text,
        source=record.get("source"),
        url=record.get("url"),
        published=record.get("published"),
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
