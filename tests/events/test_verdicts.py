"""A trial's verdict told whole and then term by term."""

from __future__ import annotations

from typing import Any

import pytest

from kronika.events.extract import extract_article
from kronika.events.verdicts import fold_summaries
from kronika.model import ArgValue, Event, Evidence


def _verdict(at: int, date: str | None = "2021-03-02", **args: ArgValue) -> Event:
    return Event("SENTENCE", dict(args), (Evidence(f"sentence at {at}", at, at + 40),), date=date)


def test_a_count_the_terms_account_for_is_folded_into_them() -> None:
    whole = _verdict(0, defendant=[], count=4, court="Osh city court", charges=["extremism"])
    one = _verdict(200, defendant=["Ali Valiev"], term_years=7)
    three = _verdict(400, defendant=["A B", "C D", "E F"], count=3, term_years=5)
    folded = fold_summaries([whole, one, three])
    assert [e.args["defendant"] for e in folded] == [["Ali Valiev"], ["A B", "C D", "E F"]]
    assert all(e.args["court"] == "Osh city court" for e in folded)
    assert all(e.args["charges"] == ["extremism"] for e in folded)
    assert all(e.evidence[-1].start == 0 for e in folded)


@pytest.mark.parametrize(
    "whole",
    [
        # a group's own term, not the sum of the others: "18 got two to five years"
        _verdict(0, defendant=[], count=4, term_min_years=2, term_years=5),
        # another month's trial
        _verdict(0, date="2019-05", defendant=[], count=4),
        # another court
        _verdict(0, defendant=[], count=4, court="Supreme Court"),
        # far more people than the terms name: the others are not told
        _verdict(0, defendant=[], count=40),
    ],
)
def test_a_count_that_is_not_the_sum_of_the_terms_stays(whole: Event) -> None:
    one = _verdict(200, defendant=["Ali Valiev"], term_years=7, court="Osh city court")
    three = _verdict(400, defendant=["A B", "C D", "E F"], count=3, term_years=5)
    assert len(fold_summaries([whole, one, three])) == 3


def test_one_term_alone_does_not_fold_the_count() -> None:
    whole = _verdict(0, defendant=[], count=2)
    one = _verdict(200, defendant=["Ali Valiev", "Umed Saidov"], term_years=7)
    assert len(fold_summaries([whole, one])) == 2


@pytest.mark.model
def test_an_article_that_counts_then_names_the_convicts_gives_one_event_per_term(
    nlp: Any,
) -> None:
    from kronika.model import Article
    from kronika.settings import Settings

    text = (
        "A military court in the southern city of Osh has sentenced four men on terrorism "
        "charges.\n\nAli Valiev received seven years. The remaining three men, Umed Saidov, "
        "Farrukh Nazarov and Said Karimov, were sentenced to five years each."
    )
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2021-03-02")
    result = extract_article(nlp(text), article, Settings())
    verdicts = [e for e in result.events if e.type == "SENTENCE"]
    assert sorted(len(e.args["defendant"]) for e in verdicts) == [1, 3]
    assert all(e.args.get("court") == "military court in Osh" for e in verdicts)
    assert all(e.location is not None and e.location.name == "Osh" for e in verdicts)
    # the count is the verdict's, not a figure claimed
    assert not [c for c in result.claims if c.quantity == 4]
