"""Input of the text commands (``crex extract``, ``crex classify``): a file or standard
input, read whole or as JSON lines of ``{"text": ..., <optional string keys>}``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

from django.core.management.base import CommandError


def open_input(name: str) -> IO[str]:
    """``name`` opened for reading as UTF-8 text, or standard input for ``-``."""
    if name == "-":
        return sys.stdin
    try:
        return open(name, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise CommandError(f"cannot read {name}: {exc.strerror}") from exc


def text_records(
    lines: Iterable[str], optional: tuple[str, ...] = ()
) -> Iterator[tuple[dict[str, Any] | None, str]]:
    """Each line as ``(record, "")``, or ``(None, "line N: why")`` when it is not a JSON
    object with a ``"text"`` string (and strings or nulls for the ``optional`` keys)."""
    for number, line in enumerate(lines, start=1):
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError('expected an object with a "text" string')
            for key in optional:
                if record.get(key) is not None and not isinstance(record[key], str):
                    raise ValueError(f'"{key}" must be a string')
        except ValueError as exc:
            yield None, f"line {number}: {exc}"
            continue
        yield record, ""
