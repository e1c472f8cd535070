"""Verdicts told as a list under the verb that gives them, through the real model."""

from __future__ import annotations

from typing import Any

import pytest
from tests.helpers import events_of

pytestmark = pytest.mark.model


def _verdicts(nlp: Any, text: str) -> list[tuple[list[str], Any, str | None]]:
    return [
        (e.args.get("defendant"), e.args.get("term_years"), e.date)
        for e in events_of(nlp, text, "2024-11-20")
        if e.type == "SENTENCE"
    ]


def test_each_item_of_a_verdict_list_is_a_verdict_on_the_day_told_before(nlp: Any) -> None:
    text = (
        "The regional court in Lyon gave its verdict on 19 November 2024.\n"
        "The court sentenced:\n"
        "- Karim Haddouche, 31, to 14 years in prison;\n"
        "• Yanis Berrada, 24, to seven years' imprisonment, two of which are suspended;\n"
        "- Nadia Ferhat, 27, was acquitted.\n"
        "Lawyers for the defence said they would appeal."
    )
    assert sorted(_verdicts(nlp, text)) == [
        (["Karim Haddouche"], 14, "2024-11-19"),
        (["Yanis Berrada"], 7, "2024-11-19"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a list under a colon that gives no verdict
        "Police named the suspects:\n- Karim Haddouche, 31, from Lyon;\n- Yanis Berrada, 24.",
        # a verdict list whose items give no term
        "The court convicted:\n- Karim Haddouche, of financing terrorism;\n- Yanis Berrada.",
    ],
)
def test_a_list_that_gives_no_terms_under_a_verdict_is_no_verdict(nlp: Any, text: str) -> None:
    assert [d for d, _, _ in _verdicts(nlp, text) if d] == []
