"""The install is self-sufficient: modules kronika needs at run time come from declared packages.

A requirement that arrives only through another package's extra (justext asks
for ``lxml[html_clean]``) depends on the installer spelling extras as the
package does; the pip that ``python3 -m venv`` ships does not match
``html_clean`` to lxml 6's ``html-clean``, so such modules must be declared
directly in pyproject.toml.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import re
import tomllib
from pathlib import Path

import pytest

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"

#: Modules imported at run time (by kronika or by the packages it calls) whose
#: distribution is only pulled in through another package's extra.
VIA_EXTRAS = ["lxml_html_clean"]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    return {
        _canonical(re.split(r"[\s<>=!~;\[]", dep, maxsplit=1)[0]) for dep in project["dependencies"]
    }


@pytest.mark.parametrize("module", VIA_EXTRAS)
def test_packaging_runtime_module_is_a_direct_dependency(module: str) -> None:
    importlib.import_module(module)
    providers = importlib.metadata.packages_distributions()[module]
    assert {_canonical(p) for p in providers} & _declared(), (module, providers)


def test_packaging_html_cleaner_imports_as_justext_needs_it() -> None:
    # justext (under trafilatura) imports this at module level; without it every HTML read fails
    cleaner = importlib.import_module("lxml.html.clean")
    assert hasattr(cleaner, "Cleaner")
