"""The project's YAML reader gives what PyYAML's safe loader gives, for every data file."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from kronika.yamlfile import load_yaml

DATA = Path(str(files("kronika") / "data"))


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: p.name)
def test_load_yaml_reads_each_data_file_as_the_safe_loader_does(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert load_yaml(text) == yaml.safe_load(text)


def test_load_yaml_refuses_what_the_safe_loader_refuses() -> None:
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['true']")
