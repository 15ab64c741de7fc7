"""``crex feeds``: registering, listing and removing feeds, and what a failed poll does.
(Polling a live TAXII server is in ``federation/``.)"""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from crex.accounts.models import Organisation
from crex.sharing.feeds import due_feeds
from crex.sharing.models import Feed

URL = "https://taxii.example.org/taxii2/api/collections/91a7b528-80eb-42ed-a74d-c6fbd5a26116/"


def test_add_list_and_remove(operator: Organisation, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("feeds", "add", "de", URL, "--organisation", operator.name, "--token", "crex_x")
    feed = Feed.objects.get(name="de")
    assert (feed.secret, feed.username, feed.interval_minutes) == ("crex_x", "", 60)
    call_command("feeds", "list")
    assert "de\t" + URL in capsys.readouterr().out
    call_command("feeds", "remove", "de")
    assert not Feed.objects.exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--organisation", "Nobody"], "no such organisation"),
        (["--token", "t", "--user", "u"], "either --token or --user"),
        (["--interval", "0"], "at least 1"),
    ],
)
def test_add_refuses_bad_arguments(operator: Organisation, extra: list[str], message: str) -> None:
    argv = ["feeds", "add", "de", URL, "--organisation", operator.name, *extra]
    with pytest.raises(CommandError, match=message):
        call_command(*argv)
    assert not Feed.objects.exists()


def test_add_refuses_a_url_that_is_not_one(operator: Organisation) -> None:
    with pytest.raises(CommandError, match="url"):
        call_command("feeds", "add", "de", "not a url", "--organisation", operator.name)


def test_unknown_feeds_are_named(db: None) -> None:
    with pytest.raises(CommandError, match="no such feed: nope"):
        call_command("feeds", "pull", "nope")
    with pytest.raises(CommandError, match="no such feed: nope"):
        call_command("feeds", "remove", "nope")


def test_a_poll_that_fails_keeps_its_place_and_says_why(operator: Organisation) -> None:
    with socket.socket() as sock:  # a loopback port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    feed = Feed.objects.create(
        name="down",
        url=f"http://127.0.0.1:{port}/taxii2/api/collections/x/",
        organisation=operator,
        added_after="2026-11-01T00:00:00.000000Z",
    )
    with pytest.raises(CommandError, match="could not be pulled"):
        call_command("feeds", "pull", "down")
    feed.refresh_from_db()
    assert feed.last_error.startswith("ConnectionError")
    assert feed.added_after == "2026-11-01T00:00:00.000000Z"
    assert feed.last_polled_at is not None


def test_due_feeds(operator: Organisation) -> None:
    now = timezone.now()
    never = Feed.objects.create(name="never", url=URL, organisation=operator)
    Feed.objects.create(
        name="recent", url=URL, organisation=operator, last_polled_at=now - timedelta(minutes=5)
    )
    late = Feed.objects.create(
        name="late", url=URL, organisation=operator, last_polled_at=now - timedelta(hours=2)
    )
    Feed.objects.create(name="off", url=URL, organisation=operator, enabled=False)
    assert set(due_feeds()) == {never, late}
