"""Every exception kronika raises.

::

    KronikaError
    ├── ConfigError              bad setting or settings file
    ├── RuleError                invalid event/gazetteer/alias YAML (file, key path, fix)
    ├── InputError               an input cannot be read (path/URL, why)
    │   └── UnsupportedFormat    the input's format is not one kronika reads
    ├── ArticleSkipped           one article cannot be processed (stage, reason)
    ├── StoreError               the database cannot be opened or written
    │   └── SchemaTooNew         database written by a newer kronika
    ├── NotFound(KeyError)       unknown event/entity/article id
    └── MissingExtra(ImportError)  optional dependency absent

The library raises; only the CLI and the web app translate these into exit
codes and HTTP statuses (``exit_code`` and ``status`` below).
"""

from __future__ import annotations


class KronikaError(Exception):
    """Base class of every error kronika raises on purpose."""

    exit_code = 1
    status = 500

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__


class ConfigError(KronikaError):
    """A setting or settings file is invalid."""

    status = 400


class RuleError(KronikaError):
    """An event rule, gazetteer or alias file is invalid."""


class InputError(KronikaError):
    """An input cannot be read; the message names the input and why."""

    status = 400

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnsupportedFormat(InputError):
    """The input's format is not one kronika reads."""


class ArticleSkipped(KronikaError):
    """One article cannot be processed; the run records why and goes on."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(f"{stage}: {reason}")
        self.stage = stage
        self.reason = reason


class StoreError(KronikaError):
    """The database cannot be opened, migrated or written."""


class SchemaTooNew(StoreError):
    """The database was written by a newer kronika than this one."""


class NotFound(KronikaError, KeyError):
    """An event, entity or article id is unknown."""

    status = 404

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "not found"


class MissingExtra(KronikaError, ImportError):
    """An optional dependency is not installed; the message names the extra."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"{package} is not installed. Install it with: pip install 'kronika[{extra}]'"
        )
        self.package = package
        self.extra = extra
