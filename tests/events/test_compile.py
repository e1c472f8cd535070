"""Compiled matchers on hand-built parses: triggers and dependency patterns."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from spacy.tokens import Doc
from tests.helpers import english_vocab, make_doc

from kronika.events.compile import compile_rules
from kronika.events.spec import EventSpec, PatternSpec, load_specs
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


def _two_sentences() -> Doc:
    """ "Rain poured all day . Aziz Karimov was sentenced ." as one doc of two parsed sentences."""
    words = ["Rain", "poured", "all", "day", ".", *PASSIVE[0]]
    heads = [1, 1, 3, 1, 1, *[h + 5 for h in PASSIVE[1]]]
    deps = ["nsubj", "ROOT", "det", "npadvmod", "punct", *PASSIVE[2]]
    pos = ["NOUN", "VERB", "DET", "NOUN", "PUNCT", *PASSIVE[3]]
    lemmas = ["rain", "pour", "all", "day", ".", *PASSIVE[4]]
    doc = Doc(
        english_vocab(),
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas,
        tags=["XX"] * len(words),
        sent_starts=[True, False, False, False, False, True, False, False, False, False],
    )
    return doc


def test_compile_rules_searches_only_sentences_with_an_anchor_word() -> None:
    doc = _two_sentences()
    rules = compile_rules(doc.vocab, load_specs(Settings()))
    assert [s.start for s in rules.candidate_sentences(doc) or []] == [5]


def test_compile_rules_gives_doc_offsets_for_hits_in_later_sentences() -> None:
    doc = _two_sentences()
    hits = compile_rules(doc.vocab, load_specs(Settings())).match(doc)
    bound = [h for h in hits if h.type == "SENTENCE" and h.pattern is not None]
    assert bound and bound[0].nodes == {"trigger": 8, "defendant": 6}
    assert {h.nodes["trigger"] for h in hits if h.pattern is None} == {8}


def test_compile_rules_searches_everything_when_a_pattern_fixes_no_word() -> None:
    loose = PatternSpec(
        id="any-verb",
        match=({"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"POS": "VERB"}},),
        roles={},
        confidence=0.5,
    )
    spec = replace(load_specs(Settings())[0], patterns=(loose,))
    doc = _two_sentences()
    rules = compile_rules(doc.vocab, (spec,))
    assert rules.candidate_sentences(doc) is None
    assert {h.nodes["trigger"] for h in rules.match(doc) if h.pattern is not None} == {1, 8}


def _plea_specs(tmp_path: Path, nouns: str, supplements: str) -> tuple[EventSpec, ...]:
    (tmp_path / "plea.yaml").write_text(
        "type: PLEA\n"
        "roles:\n  person: {value: names, entity: [PERSON], core: true, fill: kronika.agent.v1}\n"
        f"triggers:\n  nouns: [{nouns}]\n  supplements: [{supplements}]\n",
        encoding="utf-8",
    )
    return load_specs(Settings(rules_dirs=(str(tmp_path),)))


@pytest.mark.parametrize(
    "nouns,supplements,word,pos,lemma,hit",
    [
        ("petition", "", "petition", "NOUN", "petition", True),
        ("", "ruling", "ruling", "NOUN", "ruling", True),
        # a nominal trigger is a noun only: "Karimov petitioned the court" is not one
        ("petition", "ruling", "petitioned", "VERB", "petition", False),
        ("petition", "", "appeal", "NOUN", "appeal", False),
    ],
)
def test_compile_rules_matches_nominal_and_supplementary_triggers(
    tmp_path: Path, nouns: str, supplements: str, word: str, pos: str, lemma: str, hit: bool
) -> None:
    # "Aziz Karimov 's <word> reached the court ."
    doc = make_doc(
        ["Aziz", "Karimov", "'s", word, "reached", "the", "court", "."],
        [1, 3, 1, 4, 4, 6, 4, 4],
        ["compound", "poss", "case", "nsubj", "ROOT", "det", "dobj", "punct"],
        ["PROPN", "PROPN", "PART", pos, "VERB", "DET", "NOUN", "PUNCT"],
        ["Aziz", "Karimov", "'s", lemma, "reach", "the", "court", "."],
        ents=[(0, 2, "PERSON")],
    )
    rules = compile_rules(doc.vocab, _plea_specs(tmp_path, nouns, supplements))
    hits = [h for h in rules.match(doc) if h.type == "PLEA"]
    assert ([h.nodes["trigger"] for h in hits] == [3]) is hit


@pytest.mark.model
def test_compiled_node_tests_find_what_spacy_s_matchers_find(nlp: object) -> None:
    from spacy.matcher import DependencyMatcher, Matcher

    texts = [
        "A court in Osh sentenced Dilmurod Aliev, 34, to nine years on Tuesday.",
        "KHUJAND, May 2 (Reuters) - Police detained three men suspected of recruiting for "
        "the Islamic State. Two of them were later released, their lawyer said.",
        "Gunmen stormed a checkpoint near Kidal, killing four soldiers and wounding two. "
        "The army said it had killed several attackers.",
        "The Supreme Court upheld the verdict against the blogger, who had appealed in March.",
        "Kazakhstan banned the movement as extremist and deported its leader to Uzbekistan.",
        "Seven inmates escaped from a prison colony near Navoi; three were recaptured.",
        "He joined the group in 2014 and pledged allegiance to its leader.",
    ]
    specs = load_specs(Settings())
    rules = compile_rules(nlp.vocab, specs)  # type: ignore[attr-defined]
    stock = DependencyMatcher(nlp.vocab)  # type: ignore[attr-defined]
    for spec in specs:
        for pattern in spec.patterns:
            stock.add(f"{spec.type}/{pattern.id}", [list(pattern.match)])
    triggers = Matcher(nlp.vocab)  # type: ignore[attr-defined]
    for spec in specs:
        if spec.lemmas:
            attrs = {"LEMMA": {"IN": list(spec.lemmas)}, "POS": {"IN": list(spec.pos)}}
            triggers.add(spec.type, [[attrs]])
        if spec.nouns + spec.supplements:
            nouns = list(spec.nouns + spec.supplements)
            triggers.add(spec.type, [[{"LEMMA": {"IN": nouns}, "POS": "NOUN"}]])
    total = 0
    for doc in nlp.pipe(texts):  # type: ignore[attr-defined]
        rules._deps.sentences = rules.candidate_sentences(doc)
        try:
            ours = rules._deps(doc)
        finally:
            rules._deps.sentences = None
        assert ours == stock(doc)
        total += len(ours)
        expected = [(doc.vocab.strings[k], start) for k, start, _ in triggers(doc)]
        found = [(h.type, h.nodes["trigger"]) for h in rules.match(doc) if h.pattern is None]
        assert found == expected
    assert total >= 10  # the texts do hold matches of many patterns
