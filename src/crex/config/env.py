"""Reading settings from environment variables, with ``NAME_FILE`` secrets and keys
generated on first start into the data directory (never into the source tree)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path


def env_str(name: str, default: str = "") -> str:
    """``$NAME``, else the contents of the file named by ``$NAME_FILE``, else ``default``."""
    if name in os.environ:
        return os.environ[name]
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return default


def env_bool(name: str, default: bool = False) -> bool:
    """A yes/no setting: ``1``, ``true``, ``yes`` and ``on`` count as yes."""
    value = env_str(name)
    if not value:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    """A whole-number setting."""
    value = env_str(name)
    return int(value) if value else default


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated list setting, blanks dropped."""
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def generated_secret(
    name: str, data_dir: Path, filename: str, make: Callable[[], str] | None = None
) -> str:
    """The secret ``$NAME`` (or ``$NAME_FILE``); if unset, one kept in ``data_dir/filename``,
    generated with mode 0600 on first use."""
    value = env_str(name)
    if value:
        return value
    path = data_dir / filename
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write((make or (lambda: secrets.token_urlsafe(50)))())
    return path.read_text(encoding="utf-8").strip()
