"""Strip page furniture: share widgets, comment forms, "Read more" links, repeated captions.

The lines to drop are data (``data/furniture.yaml``); this module only applies
them. Paragraph structure (blank lines) is kept, and a dropped line takes its
following blank lines with it so that removing furniture never widens a gap
(the digest splitter reads gap widths).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from ..errors import RuleError
from ..yamlfile import load_yaml

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Furniture:
    """The furniture patterns: exact lines (normalized) and whole-line regexes."""

    exact: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]

    def matches(self, line: str) -> bool:
        """Return True when ``line`` as a whole is page furniture."""
        key = normalize_line(line)
        if not key:
            return False
        return key in self.exact or any(p.fullmatch(key) for p in self.patterns)


def normalize_line(line: str) -> str:
    """Return ``line`` trimmed, case-folded, with whitespace runs collapsed (NBSP included)."""
    return _SPACE.sub(" ", line).strip().casefold()


@cache
def load_furniture() -> Furniture:
    """Load ``data/furniture.yaml`` once.

    Raises:
        RuleError: the file is not a mapping with a ``lines:`` list of strings
            or ``{regex: ...}`` entries, or a regex does not compile.
    """
    path = files("kronika") / "data" / "furniture.yaml"
    data: Any = load_yaml(path.read_text(encoding="utf-8"))
    entries = data.get("lines") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise RuleError(f"{path}: expected a top-level 'lines:' list")
    exact: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for i, entry in enumerate(entries):
        if isinstance(entry, str):
            exact.add(normalize_line(entry))
        elif isinstance(entry, dict) and isinstance(entry.get("regex"), str):
            try:
                patterns.append(re.compile(entry["regex"], re.IGNORECASE))
            except re.error as err:
                raise RuleError(f"{path}: lines[{i}]: bad regex: {err}") from None
        else:
            raise RuleError(
                f"{path}: lines[{i}]: expected a string or {{regex: ...}}, got {entry!r}"
            )
    return Furniture(frozenset(exact), tuple(patterns))


def strip_furniture(text: str) -> str:
    """Return ``text`` without furniture lines and without a line repeating the one before it.

    A repeated line is a paragraph identical to the previous non-blank one,
    as when a page prints a photo caption twice.
    """
    furniture = load_furniture()
    out: list[str] = []
    previous: str | None = None  # the last kept non-blank line, normalized
    eating_blanks = True  # at the start, and after a drop that followed a blank
    dropped_last = False
    for line in text.split("\n"):
        if not line.strip():
            if not eating_blanks:
                out.append(line)
            continue
        key = normalize_line(line)
        if furniture.matches(line) or key == previous:
            # the blank lines after a dropped line go too, unless the kept text
            # before it ends on a line of text (then one gap must remain)
            eating_blanks = not out or not out[-1].strip()
            dropped_last = True
            continue
        out.append(line)
        previous = key
        eating_blanks = False
        dropped_last = False
    if dropped_last:
        while out and not out[-1].strip():
            out.pop()
    return "\n".join(out)
