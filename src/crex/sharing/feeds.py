"""Polling partners' TAXII 2.1 collections (another crex node or any TAXII 2.1 server)
and importing what they share, with the OASIS ``taxii2-client``.

Each poll asks only for what was added since the last one (``added_after`` = the
``X-TAXII-Date-Added-Last`` the server answered), follows every page, and imports the
objects as one bundle, so a report and the objects it refers to are read together even
when they arrive on different pages.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import requests
from django.db.models import QuerySet
from django.utils import timezone
from taxii2client.exceptions import TAXIIServiceException
from taxii2client.v21 import Collection, as_pages

from crex.core.stix import StixError
from crex.sharing.imports import ImportResult, import_bundle
from crex.sharing.models import Feed, Provenance

log = logging.getLogger(__name__)

DATE_ADDED_LAST = "X-TAXII-Date-Added-Last"


class FeedError(Exception):
    """A poll that failed: the server could not be reached or answered with an error."""


class FeedAuth(requests.auth.AuthBase):
    """HTTP Basic (user name + password) or ``Token`` authentication for one feed, which
    also notes the ``X-TAXII-Date-Added-Last`` header of every answer."""

    def __init__(self, feed: Feed, seen: Callable[[str], None]) -> None:
        self.feed = feed
        self.seen = seen

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        if self.feed.username:
            request = requests.auth.HTTPBasicAuth(self.feed.username, self.feed.secret)(request)
        elif self.feed.secret:
            request.headers["Authorization"] = f"Token {self.feed.secret}"
        request.register_hook("response", self._note)
        return request

    def _note(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        value = response.headers.get(DATE_ADDED_LAST)
        if value:
            self.seen(value)


def pull(feed: Feed, *, per_request: int = 1000) -> ImportResult:
    """Poll ``feed`` once and import what was added since the last poll.

    Raises `FeedError` when the server cannot be read; the feed then keeps its place
    (``added_after``) so nothing is skipped, and records the error.
    """
    latest: list[str] = []
    collection = Collection(feed.url, auth=FeedAuth(feed, latest.append))
    filters = {"added_after": feed.added_after} if feed.added_after else {}
    objects: list[dict[str, Any]] = []
    try:
        for envelope in as_pages(collection.get_objects, per_request=per_request, **filters):
            objects += envelope.get("objects", [])
        result = ImportResult()
        if objects:
            bundle = {"type": "bundle", "id": f"bundle--{feed_bundle_id()}", "objects": objects}
            result = import_bundle(
                bundle, organisation=feed.organisation, via=Provenance.Via.TAXII_POLL, feed=feed
            )
    except (requests.RequestException, TAXIIServiceException, StixError, ValueError) as exc:
        feed.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        feed.last_polled_at = timezone.now()
        feed.save(update_fields=["last_error", "last_polled_at"])
        raise FeedError(feed.last_error) from exc
    if latest:
        feed.added_after = max(latest)
    feed.last_error = ""
    feed.last_polled_at = timezone.now()
    feed.save(update_fields=["added_after", "last_error", "last_polled_at"])
    return result


def feed_bundle_id() -> str:
    """A fresh bundle id for the objects of one poll."""
    return str(uuid.uuid4())


def due_feeds() -> QuerySet[Feed]:
    """Enabled feeds whose interval has passed since their last poll (or never polled)."""
    now = timezone.now()
    feeds = Feed.objects.filter(enabled=True).select_related("organisation")
    due = [
        f.pk
        for f in feeds
        if f.last_polled_at is None
        or f.last_polled_at + timedelta(minutes=f.interval_minutes) <= now
    ]
    return feeds.filter(pk__in=due)
