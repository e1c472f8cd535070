"""Docs stay honest: every command, setting and event type is documented."""

from pathlib import Path

import pytest
import typer
import yaml
from typer.testing import CliRunner

import kronika
from kronika.cli import app
from kronika.settings import SETTINGS

DOCS = Path(__file__).resolve().parents[1] / "docs"
COMMANDS = typer.main.get_command(app).list_commands(None)  # type: ignore[arg-type]
EVENT_FILES = sorted((Path(kronika.__file__).parent / "data" / "events").glob("*.yaml"))


@pytest.mark.parametrize("name", COMMANDS)
def test_docs_command_has_help_with_example(name: str) -> None:
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_docs_command_is_in_cli_md(name: str) -> None:
    assert f"## kronika {name}" in (DOCS / "cli.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", [s.name for s in SETTINGS])
def test_docs_setting_is_in_settings_md(setting: str) -> None:
    assert f"`{setting}`" in (DOCS / "settings.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", EVENT_FILES, ids=lambda p: p.stem)
def test_docs_event_type_is_in_rules_md(path: Path) -> None:
    event_type = yaml.safe_load(path.read_text(encoding="utf-8"))["type"]
    assert f"`{event_type}`" in (DOCS / "rules.md").read_text(encoding="utf-8")


def test_docs_help_short_option_works() -> None:
    result = CliRunner().invoke(app, ["-h"])
    assert result.exit_code == 0
    assert "ingest" in result.output


def test_docs_every_api_route_is_in_api_md() -> None:
    from kronika.settings import Settings
    from kronika.store.store import open_store
    from kronika.web.app import create_app

    with open_store(":memory:") as store:
        paths = create_app(Settings(token="t"), store).openapi()["paths"]
    documented = (DOCS / "api.md").read_text(encoding="utf-8")
    for path in paths:
        stem = path.split("{")[0].rstrip("/")
        assert stem in documented, path
