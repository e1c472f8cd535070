"""Settings layer defaults → file → environment → flags, and reject mistakes clearly."""

from pathlib import Path

import pytest

from kronika.errors import ConfigError
from kronika.settings import SETTINGS, Settings, load_settings


def test_settings_defaults_match_table() -> None:
    defaults = Settings()
    for setting in SETTINGS:
        assert getattr(defaults, setting.name) == setting.default, setting.name


def test_settings_layers_in_order(tmp_path: Path) -> None:
    file = tmp_path / "k.toml"
    file.write_text('db = "from-file.db"\nworkers = 3\nbatch_size = 7\n', encoding="utf-8")
    env = {"KRONIKA_WORKERS": "4", "KRONIKA_BATCH_SIZE": "9"}
    settings = load_settings(file, env=env, batch_size=11, db=None)
    assert (settings.db, settings.workers, settings.batch_size) == ("from-file.db", 4, 11)


def test_settings_kronika_table_and_lists(tmp_path: Path) -> None:
    file = tmp_path / "k.toml"
    file.write_text('[kronika]\nrules_dirs = ["a", "b"]\n', encoding="utf-8")
    assert load_settings(file).rules_dirs == ("a", "b")
    assert load_settings(None, env={"KRONIKA_RULES_DIRS": "x,y"}).rules_dirs == ("x", "y")


@pytest.mark.parametrize(
    "content,message",
    [
        ('spacy_modle = "x"', r"unknown setting 'spacy_modle'\. Did you mean 'spacy_model'\?"),
        ('workers = "many"', r"'workers' = 'many' is not a valid int"),
        ("db = ", r"cannot read settings"),
    ],
)
def test_settings_file_errors_name_file_and_key(tmp_path: Path, content: str, message: str) -> None:
    file = tmp_path / "bad.toml"
    file.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        load_settings(file)
    assert str(file) in str(info.value)


def test_settings_missing_file_is_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="settings file not found"):
        load_settings(tmp_path / "nope.toml")


def test_settings_with_validates() -> None:
    assert Settings().with_(workers="2").workers == 2
    with pytest.raises(ConfigError, match="Did you mean 'workers'"):
        Settings().with_(worker=2)
