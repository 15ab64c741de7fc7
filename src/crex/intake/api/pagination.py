"""Keyset pagination of reports, newest first, with opaque cursors.

A cursor holds the position of the last report on a page (received time and id), so
reports that arrive while a client pages through never shift or repeat items.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet

from crex.reports.models import Report


class CursorError(ValueError):
    """A cursor that crex did not give out (or that was altered)."""


@dataclass(frozen=True, slots=True)
class Position:
    """Where a page ended: the last report's received time and id."""

    received_at: datetime
    id: int


@dataclass(frozen=True, slots=True)
class Page:
    """One page of reports and the cursor of the next page (None on the last)."""

    items: list[Report]
    next_cursor: str | None


def encode_cursor(position: Position) -> str:
    """The opaque cursor for ``position``."""
    text = f"{position.received_at.isoformat()}|{position.id}"
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> Position:
    """The position in ``cursor``; raises `CursorError` for anything else."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        text = base64.urlsafe_b64decode(padded.encode("ascii")).decode()
        moment, _, pk = text.partition("|")
        position = Position(datetime.fromisoformat(moment), int(pk))
    except (ValueError, UnicodeError, binascii.Error):
        raise CursorError(cursor) from None
    if position.received_at.tzinfo is None:
        raise CursorError(cursor)
    return position


def paginate(reports: QuerySet[Report], limit: int, cursor: str | None) -> Page:
    """The page of ``limit`` reports after ``cursor``, ordered newest first."""
    ordered = reports.order_by("-received_at", "-id")
    if cursor is not None:
        after = decode_cursor(cursor)
        ordered = ordered.filter(
            Q(received_at__lt=after.received_at) | Q(received_at=after.received_at, id__lt=after.id)
        )
    items = list(ordered[: limit + 1])
    if len(items) <= limit:
        return Page(items, None)
    last = items[limit - 1]
    return Page(items[:limit], encode_cursor(Position(last.received_at, last.pk)))
