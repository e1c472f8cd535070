"""kronika: a sourced, searchable knowledge base of political violence and repression.

The public API::

    import kronika
    settings = kronika.load_settings(db="kronika.db")
    with kronika.open_store(settings.db) as store:
        report = kronika.ingest_paths(["samples/"], settings, store)
        for event in store.events(type="SENTENCE"):
            print(event["args"], event["sources"][0]["evidence"])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    ArticleSkipped,
    ConfigError,
    InputError,
    KronikaError,
    MissingExtra,
    NotFound,
    RuleError,
    SchemaTooNew,
    StoreError,
    UnsupportedFormat,
)
from .settings import Settings, load_settings

if TYPE_CHECKING:
    from .ingest.run import ingest_paths
    from .pipeline import process, process_batch
    from .store.store import open_store

__version__ = "0.1.0"

__all__ = [
    "ArticleSkipped",
    "ConfigError",
    "InputError",
    "KronikaError",
    "MissingExtra",
    "NotFound",
    "RuleError",
    "SchemaTooNew",
    "Settings",
    "StoreError",
    "UnsupportedFormat",
    "__version__",
    "ingest_paths",
    "load_settings",
    "open_store",
    "process",
    "process_batch",
]

_LAZY = {
    "ingest_paths": "kronika.ingest.run",
    "process": "kronika.pipeline",
    "process_batch": "kronika.pipeline",
    "open_store": "kronika.store.store",
}


def __getattr__(name: str) -> Any:
    # lazy, so `import kronika` does not import spaCy
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kronika' has no attribute {name!r}")
