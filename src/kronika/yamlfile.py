"""YAML read with libyaml's parser when PyYAML has it (its wheels do), else PyYAML's own.

The project's data files (rules, gazetteers, lexicons) are read by every worker
process at start; the C parser reads them several times faster, to the same values.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse ``text`` as YAML with the safe loader (plain data only), as ``yaml.safe_load``."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 (a safe loader)
