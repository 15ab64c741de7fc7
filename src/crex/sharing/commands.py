"""Small helpers shared by the ``crex stix``, ``crex misp`` and ``crex feeds`` commands."""

from __future__ import annotations

import sys

from django.core.management.base import CommandError

from crex.accounts.models import Organisation


def organisation_named(name: str) -> Organisation:
    """The organisation called ``name``; a `CommandError` when there is none."""
    organisation = Organisation.objects.filter(name=name).first()
    if organisation is None:
        raise CommandError(f"no such organisation: {name}")
    return organisation


def read_input(path: str) -> bytes:
    """The bytes of ``path``, or of standard input for ``-``."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}") from None


def write_output(text: str, path: str) -> None:
    """Write ``text`` to ``path``, or to standard output for ``-``."""
    if path == "-":
        sys.stdout.write(text + "\n")
        return
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror}") from None
