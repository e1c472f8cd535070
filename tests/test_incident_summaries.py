"""The project's own terse incident summaries (database style), through the real model.

Each line of ``tests/data/incident_summaries.jsonl`` is an invented item: a heading
date, the act, its place, its toll and who claimed it. Every item must yield one
attack with the heading date and the town its address starts with; tolls and
claimed perpetrators must be read exactly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kronika.events.extract import extract_article
from kronika.model import Article
from kronika.nlp.gazetteer import load_gazetteer
from kronika.settings import Settings

ITEMS = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "incident_summaries.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]


@pytest.mark.model
@pytest.mark.parametrize("item", ITEMS, ids=[item["text"][:24] for item in ITEMS])
def test_incident_summary(nlp: Any, item: dict[str, Any]) -> None:
    text = item["text"]
    article = Article(external_id="s", input_hash="", part=0, text=text, published=None)
    attacks = [
        e for e in extract_article(nlp(text), article, Settings()).events if e.type == "ATTACK"
    ]
    assert len(attacks) == 1, attacks
    (event,) = attacks
    assert event.date == item["date"]
    # "in Rueso, Narathiwat, Thailand": the town that heads the address
    assert event.location is not None and event.location.name == item["location"]
    for role in ("killed", "wounded"):
        if role in item:
            assert event.args.get(role) == item[role], (role, event.args)
    if item.get("perpetrator"):
        # the group under the name the gazetteer gives it ("Abu Sayyaf Group": "Abu Sayyaf")
        named = load_gazetteer(Settings()).canonical(item["perpetrator"], "ORG")
        assert (named or item["perpetrator"]) in (event.args.get("perpetrator") or [])
    elif "perpetrator" in item:
        # null: the item names nobody ("Suicide bombers" opening it is no group)
        assert not event.args.get("perpetrator"), event.args
