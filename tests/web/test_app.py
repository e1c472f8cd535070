"""The app factory and ``kronika serve``: loopback by default, a token printed at start."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from tests.conftest import _web_free_port

from kronika.cli import app as cli_app
from kronika.settings import Settings
from kronika.web.app import create_app, with_token


@pytest.mark.parametrize("given", ["", "chosen-token"])
def test_app_with_token_keeps_a_configured_token_or_makes_one(given):
    token = with_token(Settings(token=given)).token
    assert token == given if given else len(token) >= 20
    assert with_token(Settings()).token != with_token(Settings()).token


def test_app_without_a_token_never_accepts_writes(web_store):
    app = create_app(Settings(), web_store)
    assert len(app.state.token) >= 20


def test_app_serve_help_names_the_loopback_default(runner):
    result = runner.invoke(cli_app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output
    assert Settings().host == "127.0.0.1"


@pytest.mark.network
def test_app_serve_prints_address_and_token_that_writes_accept(web_db, tmp_path):
    db = tmp_path / "served.db"
    shutil.copy(web_db, db)
    port = _web_free_port()
    command = [sys.executable, "-m", "kronika", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        lines = [process.stderr.readline(), process.stderr.readline()]
        assert f"http://127.0.0.1:{port}/" in lines[0]
        token = re.search(r"X-Kronika-Token\): (\S+)", lines[1]).group(1)
        base = f"http://127.0.0.1:{port}"
        overview = _get_when_up(base + "/api/overview")
        assert overview["summary"]["articles"] > 0
        event = _get_when_up(base + "/api/review?limit=1")["events"][0]["id"]
        request = urllib.request.Request(
            f"{base}/api/events/{event}/review",
            data=json.dumps({"action": "confirm"}).encode(),
            headers={"Content-Type": "application/json", "X-Kronika-Token": token},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert json.load(response)["event"]["review"]["state"] == "confirmed"
    finally:
        process.terminate()
        process.wait(10)
        process.stderr.close()


def _get_when_up(url: str) -> dict:
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.load(response)
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
