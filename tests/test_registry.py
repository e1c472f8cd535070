"""Every registered name resolves, and every name a rule file uses is registered."""

from pathlib import Path
from typing import Any

import pytest
import yaml

import kronika
from kronika import registry
from kronika.errors import RuleError

ENTRIES = [(kind, name) for kind, table in registry.TABLES.items() for name in table]
EVENT_FILES = sorted((Path(kronika.__file__).parent / "data" / "events").glob("*.yaml"))


@pytest.mark.parametrize("kind,name", ENTRIES)
def test_registry_entry_resolves(kind: str, name: str) -> None:
    if kind == "engines" and name == "ray":
        pytest.importorskip("ray")
    assert callable(registry.resolve(kind, name))


def test_registry_unknown_name_lists_known_names() -> None:
    with pytest.raises(RuleError, match=r"kronika\.date\.v1"):
        registry.resolve("normalizers", "kronika.date.v9")


def _names_used(node: Any, key: str) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key and isinstance(v, str):
                found.append(v)
            found += _names_used(v, key)
    elif isinstance(node, list):
        for item in node:
            found += _names_used(item, key)
    return found


@pytest.mark.parametrize("path", EVENT_FILES, ids=lambda p: p.stem)
def test_registry_names_used_in_rules_exist(path: Path) -> None:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    for name in _names_used(spec, "normalize"):
        assert name in registry.names("normalizers"), f"{path.name}: {name}"
    for name in _names_used(spec, "fill"):
        assert name in registry.names("role_fillers"), f"{path.name}: {name}"
