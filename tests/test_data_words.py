"""The package's YAML word lists hold words: no unquoted on, off, yes or no read as true/false."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = Path(str(files("kronika") / "data"))
FILES = sorted(DATA.rglob("*.yaml"))


def _booleans_in_lists(value: Any, path: str) -> list[str]:
    if isinstance(value, dict):
        return [b for k, v in value.items() for b in _booleans_in_lists(v, f"{path}.{k}")]
    if isinstance(value, list):
        found = [f"{path}[{i}]" for i, v in enumerate(value) if isinstance(v, bool)]
        return found + [
            b for i, v in enumerate(value) for b in _booleans_in_lists(v, f"{path}[{i}]")
        ]
    return []


def test_there_are_data_files_to_check() -> None:
    assert len(FILES) > 20


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(DATA)) for p in FILES])
def test_no_word_in_a_list_is_read_as_true_or_false(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert _booleans_in_lists(data, path.name) == []
