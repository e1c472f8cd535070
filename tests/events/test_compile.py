"""Compiled matchers on hand-built parses: triggers and dependency patterns."""

from __future__ import annotations

from tests.helpers import make_doc

from kronika.events.compile import compile_rules
from kronika.events.spec import load_specs
from kronika.settings import Settings

# "Police detained Aziz Karimov ." / "Aziz Karimov was sentenced ."
ACTIVE = (
    ["Police", "detained", "Aziz", "Karimov", "."],
    [1, 1, 3, 1, 1],
    ["nsubj", "ROOT", "compound", "dobj", "punct"],
    ["NOUN", "VERB", "PROPN", "PROPN", "PUNCT"],
    ["police", "detain", "Aziz", "Karimov", "."],
)
PASSIVE = (
    ["Aziz", "Karimov", "was", "sentenced", "."],
    [1, 3, 3, 3, 3],
    ["compound", "nsubjpass", "auxpass", "ROOT", "punct"],
    ["PROPN", "PROPN", "AUX", "VERB", "PUNCT"],
    ["Aziz", "Karimov", "be", "sentence", "."],
)


def test_compile_rules_finds_the_trigger_and_the_bound_object() -> None:
    doc = make_doc(*ACTIVE, ents=[(2, 4, "PERSON")])
    hits = compile_rules(doc.vocab, load_specs(Settings())).match(doc)
    arrest = [h for h in hits if h.type == "ARREST"]
    assert {h.nodes["trigger"] for h in arrest} == {1}
    patterned = [h for h in arrest if h.pattern is not None]
    assert patterned[0].pattern is not None and patterned[0].pattern.id == "police-detained-person"
    assert patterned[0].nodes["detainee"] == 3


def test_compile_rules_binds_the_passive_subject() -> None:
    doc = make_doc(*PASSIVE)
    hits = compile_rules(doc.vocab, load_specs(Settings())).match(doc)
    bound = [h for h in hits if h.type == "SENTENCE" and h.pattern is not None]
    assert bound and bound[0].nodes["defendant"] == 1


def test_compile_rules_is_cached_per_vocab_and_specs() -> None:
    doc = make_doc(*PASSIVE)
    specs = load_specs(Settings())
    assert compile_rules(doc.vocab, specs) is compile_rules(doc.vocab, specs)
