"""Rule files: the built-in types load, user rule dirs add to them, mistakes are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronika.errors import RuleError
from kronika.events.spec import load_specs, parse_spec, read_spec
from kronika.settings import Settings

TYPES = [
    "APPEAL",
    "ARREST",
    "ATTACK",
    "BAN",
    "ESCAPE",
    "EXTRADITION",
    "JOIN",
    "RELEASE",
    "SENTENCE",
]


def test_load_specs_reads_every_builtin_type() -> None:
    specs = load_specs(Settings())
    assert sorted(s.type for s in specs) == TYPES


@pytest.mark.parametrize(
    "type_name,core", [("SENTENCE", "defendant"), ("ARREST", "detainee"), ("ATTACK", None)]
)
def test_load_specs_marks_the_core_role(type_name: str, core: str | None) -> None:
    spec = next(s for s in load_specs(Settings()) if s.type == type_name)
    assert spec.core == core


def test_load_specs_adds_a_user_type_from_rules_dirs(tmp_path: Path) -> None:
    (tmp_path / "protest.yaml").write_text(
        "type: PROTEST\n"
        "description: People protest.\n"
        "roles:\n  count: {value: number, fill: kronika.count.v1}\n"
        "triggers:\n  lemmas: [protest, rally]\n",
        encoding="utf-8",
    )
    specs = load_specs(Settings(rules_dirs=(str(tmp_path),)))
    assert "PROTEST" in {s.type for s in specs}
    assert len(specs) == len(TYPES) + 1


def test_load_specs_merges_a_user_pattern_into_a_builtin_type(tmp_path: Path) -> None:
    (tmp_path / "arrest-extra.yaml").write_text(
        "type: ARREST\n"
        "roles:\n  detainee: {value: names, entity: [PERSON], core: true}\n"
        "patterns:\n"
        "  - id: taken-into-custody\n"
        "    match:\n"
        "      - {RIGHT_ID: trigger, RIGHT_ATTRS: {LEMMA: take}}\n"
        "      - {LEFT_ID: trigger, REL_OP: '>', RIGHT_ID: who, RIGHT_ATTRS: {DEP: nsubjpass}}\n"
        "    roles: {detainee: who}\n",
        encoding="utf-8",
    )
    spec = next(s for s in load_specs(Settings(rules_dirs=(str(tmp_path),))) if s.type == "ARREST")
    assert "taken-into-custody" in {p.id for p in spec.patterns}
    assert "arrest" in spec.lemmas


def test_load_specs_names_a_missing_rules_dir(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="rules directory not found"):
        load_specs(Settings(rules_dirs=(str(tmp_path / "nope"),)))


def _spec(pattern_roles: str, fill: str = "kronika.patient.v1") -> dict[str, object]:
    import yaml

    return yaml.safe_load(
        "type: T\n"
        f"roles:\n  defendant: {{value: names, fill: {fill}}}\n  court: {{value: name}}\n"
        "patterns:\n  - id: p\n    match:\n"
        "      - {RIGHT_ID: trigger, RIGHT_ATTRS: {LEMMA: sentence}}\n"
        "      - {LEFT_ID: trigger, REL_OP: '>', RIGHT_ID: defendant, RIGHT_ATTRS: {DEP: dobj}}\n"
        f"    roles: {pattern_roles}\n"
    )


@pytest.mark.parametrize(
    "roles,fill,message",
    [
        (
            "{court: court}",
            "kronika.patient.v1",
            "patterns[0].roles.court: node 'court' is not defined in 'match'. "
            "Defined nodes: trigger, defendant.",
        ),
        ("{victim: defendant}", "kronika.patient.v1", "role 'victim' is not declared"),
        ("{defendant: defendant}", "kronika.nope.v1", "unknown name 'kronika.nope.v1'. Known:"),
        (
            "{defendant: defendant}\n    require: [victim]",
            "kronika.patient.v1",
            "patterns[0].require: role 'victim' is not declared",
        ),
        (
            "{defendant: defendant}\n    armed: [doer]",
            "kronika.patient.v1",
            "patterns[0].armed: node 'doer' is not defined in 'match'. "
            "Defined nodes: trigger, defendant.",
        ),
    ],
)
def test_parse_spec_names_the_mistake(roles: str, fill: str, message: str) -> None:
    with pytest.raises(RuleError) as err:
        parse_spec(_spec(roles, fill), "rules/t.yaml")
    assert message in str(err.value)
    assert str(err.value).startswith("rules/t.yaml: ")


def test_a_pattern_names_the_roles_it_requires() -> None:
    spec = parse_spec(
        _spec("{defendant: defendant}\n    require: [defendant]", "kronika.patient.v1"), "t.yaml"
    )
    assert spec.patterns[0].require == ("defendant",)


def test_a_pattern_names_the_nodes_that_must_be_armed_groups() -> None:
    spec = parse_spec(_spec("{defendant: defendant}\n    armed: [defendant]"), "t.yaml")
    assert spec.patterns[0].armed == ("defendant",)


# a pattern may tell an act going on ("continues"), or only add to an event told elsewhere
@pytest.mark.parametrize("flag", ["continues", "adds"])
def test_a_pattern_may_carry_a_flag_on_how_its_event_counts(flag: str) -> None:
    spec = parse_spec(
        _spec(f"{{defendant: defendant}}\n    {flag}: true", "kronika.patient.v1"), "t.yaml"
    )
    assert getattr(spec.patterns[0], flag) is True
    plain = parse_spec(_spec("{defendant: defendant}", "kronika.patient.v1"), "t.yaml")
    assert getattr(plain.patterns[0], flag) is False


def test_parse_spec_lists_value_kinds() -> None:
    with pytest.raises(RuleError, match="Known: names, name, number"):
        parse_spec({"type": "T", "roles": {"x": {"value": "colour"}}}, "t.yaml")


def test_read_spec_rejects_a_file_without_type(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("description: no type\n", encoding="utf-8")
    with pytest.raises(RuleError, match="with a 'type' key"):
        read_spec(path)


_NOMINAL = (
    "type: {type}\n"
    "roles:\n  person: {{value: names, entity: [PERSON], core: true, fill: kronika.agent.v1}}\n"
    "triggers:\n  nouns: [{nouns}]\n  supplements: [{supplements}]\n"
)


def test_parse_spec_reads_nominal_and_supplementary_triggers() -> None:
    import yaml

    data = yaml.safe_load(
        _NOMINAL.format(type="PLEA", nouns="petition, plea", supplements="ruling")
    )
    spec = parse_spec(data, "plea.yaml")
    assert spec.nouns == ("petition", "plea")
    assert spec.supplements == ("ruling",)
    assert spec.lemmas == ()


def test_parse_spec_defaults_to_no_nominal_triggers() -> None:
    spec = parse_spec({"type": "T", "roles": {}, "triggers": {"lemmas": ["x"]}}, "t.yaml")
    assert spec.nouns == () and spec.supplements == ()


@pytest.mark.parametrize(
    "type_name,nouns,supplements",
    [
        ("EXTRADITION", ("extradition", "deportation"), ()),
        ("SENTENCE", ("sentencing",), ("conviction", "verdict")),
    ],
)
def test_load_specs_reads_the_builtin_nominal_triggers(
    type_name: str, nouns: tuple[str, ...], supplements: tuple[str, ...]
) -> None:
    spec = next(s for s in load_specs(Settings()) if s.type == type_name)
    assert set(nouns) <= set(spec.nouns)
    assert set(supplements) <= set(spec.supplements)


def test_load_specs_adds_user_nouns_to_a_builtin_type_once(tmp_path: Path) -> None:
    (tmp_path / "sentence-extra.yaml").write_text(
        _NOMINAL.format(type="SENTENCE", nouns="jailing, incarceration", supplements="judgment"),
        encoding="utf-8",
    )
    spec = next(
        s for s in load_specs(Settings(rules_dirs=(str(tmp_path),))) if s.type == "SENTENCE"
    )
    assert spec.nouns.count("jailing") == 1
    assert spec.nouns[-1] == "incarceration"
    assert "judgment" in spec.supplements and "conviction" in spec.supplements


def test_parse_spec_rejects_a_word_yaml_read_as_true() -> None:
    raw = _spec("{defendant: defendant}")
    patterns = raw["patterns"]
    assert isinstance(patterns, list)
    patterns[0]["match"][1]["RIGHT_ATTRS"] = {"LOWER": {"IN": ["to", True]}}
    with pytest.raises(RuleError, match="unquoted on, off, yes or no; write the word in quotes"):
        parse_spec(raw, "rules/t.yaml")


def test_read_spec_rejects_two_patterns_with_one_id(tmp_path: Path) -> None:
    path = tmp_path / "twice.yaml"
    path.write_text(
        "type: T\n"
        "roles:\n  who: {value: names, fill: kronika.patient.v1}\n"
        "patterns:\n"
        "  - id: freed\n    match:\n      - {RIGHT_ID: trigger, RIGHT_ATTRS: {LEMMA: free}}\n"
        "  - id: freed\n    match:\n      - {RIGHT_ID: trigger, RIGHT_ATTRS: {LEMMA: release}}\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match=r"used more than once: \['freed'\]"):
        read_spec(path)


def test_a_type_told_between_places_is_read_as_unplaced(tmp_path: Path) -> None:
    path = tmp_path / "handover.yaml"
    path.write_text(
        "type: HANDOVER\nroles:\n  person: {value: names, core: true}\n"
        "unplaced: true\ntriggers:\n  lemmas: [hand]\n",
        encoding="utf-8",
    )
    assert read_spec(path).unplaced
    specs = {s.type: s for s in load_specs(Settings())}
    assert specs["EXTRADITION"].unplaced and not specs["ATTACK"].unplaced
