"""Every ``examples:`` block of every rule file, run through the real model.

``expect: null`` means no event of the file's type; otherwise an event of that
type must carry each expected argument (``key: null`` means the key is absent).
"""

from __future__ import annotations

from typing import Any

import pytest

from kronika.evaluate.match import jaccard
from kronika.events.extract import extract_article
from kronika.events.spec import load_specs
from kronika.model import ArgValue, Article, Event
from kronika.settings import Settings

EXAMPLES = [
    pytest.param(spec.type, ex["text"], ex.get("expect"), id=f"{spec.type}-{i}")
    for spec in load_specs(Settings())
    for i, ex in enumerate(spec.examples)
]


def _matches(expected: Any, got: ArgValue | None) -> bool:
    if expected is None:
        return got is None
    if isinstance(expected, list):
        return isinstance(got, list) and {str(e).casefold() for e in expected} <= {
            g.casefold() for g in got
        }
    if isinstance(expected, bool) or isinstance(expected, int | float):
        return got == expected
    return isinstance(got, str) and (
        got.casefold() == str(expected).casefold() or jaccard(str(expected), got) >= 0.5
    )


def _fits(event: Event, expect: dict[str, Any]) -> bool:
    return all(_matches(value, event.args.get(key)) for key, value in expect.items())


@pytest.mark.model
@pytest.mark.parametrize("type_name,text,expect", EXAMPLES)
def test_rule_example(nlp: Any, type_name: str, text: str, expect: dict[str, Any] | None) -> None:
    article = Article(
        external_id="example", input_hash="", part=0, text=text, published="2020-06-15"
    )
    result = extract_article(nlp(text), article, Settings())
    check_example(list(result.events), type_name, text, expect)


def check_example(
    found: list[Event], type_name: str, text: str, expect: dict[str, Any] | None
) -> None:
    """Assert that a rule file's example yields what it expects (``None``: no event)."""
    events = [e for e in found if e.type == type_name]
    if expect is None:
        assert events == [], f"expected no {type_name} event, got {events}"
    else:
        assert events, f"expected a {type_name} event in {text!r}"
        assert any(_fits(e, expect) for e in events), [e.args for e in events]


def test_every_type_has_at_least_five_examples() -> None:
    for spec in load_specs(Settings()):
        assert len(spec.examples) >= 5, spec.type
        assert any(ex.get("expect") is None for ex in spec.examples), spec.type
