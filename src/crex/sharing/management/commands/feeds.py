"""``crex feeds``: partners' TAXII 2.1 collections that crex polls and imports.

crex feeds add NAME URL --organisation ORG [--user U --secret S | --token T] [--interval MIN]
crex feeds list
crex feeds pull [NAME ...]      poll the named feeds now (default: the feeds that are due)
crex feeds run [--once]         poll due feeds on their schedule until stopped
crex feeds remove NAME
"""

from __future__ import annotations

import time
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from crex.sharing.commands import organisation_named, summary
from crex.sharing.feeds import FeedError, due_feeds, pull
from crex.sharing.models import Feed


class Command(BaseCommand):
    help = "Add, list, pull and schedule partners' TAXII 2.1 feeds."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="register a feed")
        add.add_argument("name")
        add.add_argument("url", help="the TAXII 2.1 collection URL (…/collections/<id>/)")
        add.add_argument("--organisation", required=True, help="receiving organisation")
        add.add_argument("--user", default="", help="user name for HTTP Basic")
        add.add_argument("--secret", default="", help="password for HTTP Basic")
        add.add_argument("--token", default="", help="API token (sent as 'Token …')")
        add.add_argument("--interval", type=int, default=60, help="minutes between polls")
        actions.add_parser("list", help="list the feeds")
        pull_parser = actions.add_parser("pull", help="poll feeds now")
        pull_parser.add_argument("names", nargs="*")
        run = actions.add_parser("run", help="poll due feeds on their schedule")
        run.add_argument("--once", action="store_true", help="one round, then stop")
        run.add_argument("--sleep", type=int, default=60, help="seconds between rounds")
        remove = actions.add_parser("remove", help="forget a feed")
        remove.add_argument("name")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "add":
            self._add(options)
        elif action == "list":
            self._list()
        elif action == "pull":
            names = options["names"]
            feeds = Feed.objects.filter(name__in=names) if names else due_feeds()
            missing = set(names) - set(feeds.values_list("name", flat=True))
            if missing:
                raise CommandError(f"no such feed: {', '.join(sorted(missing))}")
            if self._pull(list(feeds)) and names:
                raise CommandError("some feeds could not be pulled")
        elif action == "run":
            while True:
                self._pull(list(due_feeds()))
                if options["once"]:
                    break
                time.sleep(options["sleep"])
        elif action == "remove":
            deleted, _ = Feed.objects.filter(name=options["name"]).delete()
            if not deleted:
                raise CommandError(f"no such feed: {options['name']}")
            self.stdout.write(f"Removed feed {options['name']}.")

    def _add(self, options: dict[str, Any]) -> None:
        organisation = organisation_named(options["organisation"])
        if options["token"] and (options["user"] or options["secret"]):
            raise CommandError("give either --token or --user/--secret, not both")
        if options["interval"] < 1:
            raise CommandError("--interval is in minutes and at least 1")
        feed = Feed(
            name=options["name"],
            url=options["url"],
            organisation=organisation,
            username=options["user"],
            secret=options["token"] or options["secret"],
            interval_minutes=options["interval"],
        )
        try:
            feed.full_clean()
        except ValidationError as exc:
            raise CommandError(
                "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
            ) from None
        feed.save()
        self.stdout.write(self.style.SUCCESS(f"Added feed {feed.name}."))

    def _list(self) -> None:
        for feed in Feed.objects.select_related("organisation"):
            state = "enabled" if feed.enabled else "disabled"
            polled = f"{feed.last_polled_at:%Y-%m-%d %H:%M}" if feed.last_polled_at else "never"
            error = f"  error: {feed.last_error}" if feed.last_error else ""
            self.stdout.write(
                f"{feed.name}\t{feed.url}\t{feed.organisation.name}\tevery {feed.interval_minutes} "
                f"min\t{state}\tlast polled {polled}{error}"
            )

    def _pull(self, feeds: list[Feed]) -> int:
        """Poll ``feeds``; the number that failed."""
        failed = 0
        for feed in feeds:
            try:
                result = pull(feed)
            except FeedError as exc:
                failed += 1
                self.stderr.write(f"{feed.name}: {exc}")
                continue
            self.stdout.write(f"{feed.name}: " + "\n".join(summary(result)))
        return failed
