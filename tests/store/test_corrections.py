"""Human corrections: stored apart, applied over machine output, kept across re-writes."""

from __future__ import annotations

import pytest

from kronika.errors import NotFound, StoreError


@pytest.fixture
def filled(any_store, make_input_result):
    any_store.write_input(make_input_result())
    return any_store


def test_correct_reject_hides_until_confirmed(filled):
    assert [e["id"] for e in filled.events()] == ["evt2", "evt1"]
    filled.correct("evt1", "reject", author="reviewer")
    assert [e["id"] for e in filled.events()] == ["evt2"]
    assert filled.get("evt1")["type"] == "SENTENCE"
    filled.correct("evt1", "confirm", author="reviewer")
    assert [e["id"] for e in filled.events()] == ["evt2", "evt1"]
    assert [c["action"] for c in filled.corrections("evt1")] == ["reject", "confirm"]


@pytest.mark.parametrize(
    "target,field,value,check",
    [
        ("evt1", "date", "2021-03-02", lambda d: d["date"] == "2021-03-02"),
        ("evt1", "args.term_years", 10, lambda d: d["args"]["term_years"] == 10),
        ("clm1", "quantity", 320, lambda d: d["quantity"] == 320),
    ],
)
def test_correct_edit_overrides_a_field(filled, target, field, value, check):
    corrected = filled.correct(target, "edit", field=field, value=value, author="r")
    assert check(corrected)
    assert check(filled.get(target))
    listed = filled.events() + filled.claims()
    assert check(next(item for item in listed if item["id"] == target))


def test_correct_survives_a_rewrite_of_the_same_input(filled, make_input_result):
    filled.correct("clm1", "reject")
    filled.write_input(make_input_result())
    assert filled.claims() == []


@pytest.mark.parametrize(
    "target,action,field,error",
    [
        ("evt99", "reject", None, NotFound),
        ("art1", "reject", None, StoreError),
        ("evt1", "delete", None, StoreError),
        ("evt1", "edit", "fingerprint", StoreError),
        ("clm1", "edit", "args.count", StoreError),
    ],
)
def test_correct_refuses_bad_requests(filled, target, action, field, error):
    with pytest.raises(error):
        filled.correct(target, action, field=field, value=1)
    assert filled.summary()["events"] == {"ARREST": 1, "SENTENCE": 1}
