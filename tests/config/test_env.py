"""Settings come from the environment, secrets from files, keys generated on first start."""

import os
import stat
from pathlib import Path

import pytest

from crex.config.env import env_bool, env_int, env_list, env_str, generated_secret


def test_value_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CREX_X", "hello")
    assert env_str("CREX_X", "default") == "hello"


def test_value_from_a_secret_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("from-file\n")
    monkeypatch.delenv("CREX_X", raising=False)
    monkeypatch.setenv("CREX_X_FILE", str(secret))
    assert env_str("CREX_X") == "from-file"


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CREX_X", raising=False)
    monkeypatch.delenv("CREX_X_FILE", raising=False)
    assert env_str("CREX_X", "d") == "d"
    assert env_bool("CREX_X") is False
    assert env_int("CREX_X", 7) == 7
    assert env_list("CREX_X", "a, b,,c") == ["a", "b", "c"]


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("yes", True), ("off", False)])
def test_booleans(monkeypatch: pytest.MonkeyPatch, raw: str, expected: bool) -> None:
    monkeypatch.setenv("CREX_X", raw)
    assert env_bool("CREX_X") is expected


def test_generated_secret_is_kept_private_and_stable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CREX_KEY", raising=False)
    first = generated_secret("CREX_KEY", tmp_path / "data", "key")
    assert first == generated_secret("CREX_KEY", tmp_path / "data", "key")
    mode = stat.S_IMODE(os.stat(tmp_path / "data" / "key").st_mode)
    assert mode == 0o600
    assert len(first) >= 50


def test_configured_secret_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CREX_KEY", "configured")
    assert generated_secret("CREX_KEY", tmp_path, "key") == "configured"
    assert not (tmp_path / "key").exists()
