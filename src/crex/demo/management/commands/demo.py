"""``crex demo``: load realistic demo data (organisations, users, hundreds of reports)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from crex.accounts.models import User
from crex.demo.generate import LoadedDemo, load_demo
from crex.demo.organisations import DEMO_PASSWORD, DemoLogin, demo_usernames
from crex.demo.plan import DEFAULT_REPORTS, MINIMUM_REPORTS, SEED, PlanError
from crex.demo.summary import DemoSummary, summarise

MAXIMUM_REPORTS = 20_000


class Command(BaseCommand):
    """Load the demo once; later runs say it is loaded and change nothing."""

    help = (
        "Load demo data: contact points and partners in eight EU countries, demo logins, "
        "and reports over every offence whose identifiers recur across countries."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """``--reports N`` and ``--seed S``."""
        parser.add_argument(
            "--reports",
            type=int,
            default=DEFAULT_REPORTS,
            help=f"how many reports to create ({MINIMUM_REPORTS} to {MAXIMUM_REPORTS}, "
            f"default {DEFAULT_REPORTS})",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=SEED,
            help="seed of the random generator (same seed, same data)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Check the options, load the demo and print what it contains and how to log in."""
        total = options["reports"]
        if not MINIMUM_REPORTS <= total <= MAXIMUM_REPORTS:
            raise CommandError(
                _("--reports must be between %(low)d and %(high)d (five of every offence or more).")
                % {"low": MINIMUM_REPORTS, "high": MAXIMUM_REPORTS}
            )
        started = time.monotonic()
        try:
            loaded = load_demo(total, seed=options["seed"])
        except PlanError as exc:
            raise CommandError(str(exc)) from exc
        if loaded is None:
            self._already_loaded()
            return
        elapsed = time.monotonic() - started
        self._print_summary(summarise(loaded.report_ids))
        self._print_logins(loaded)
        self.stdout.write(
            self.style.SUCCESS(_("Demo data loaded in %(seconds).1f s.") % {"seconds": elapsed})
        )

    def _already_loaded(self) -> None:
        self.stdout.write(self.style.WARNING(_("Demo data is already loaded; nothing was added.")))
        names = sorted(
            User.objects.filter(username__in=demo_usernames()).values_list("username", flat=True)
        )
        if names:
            self.stdout.write(
                _("Demo logins: %(names)s (password: %(password)s, unless changed since).")
                % {"names": ", ".join(names), "password": DEMO_PASSWORD}
            )

    def _table(self, title: str, counts: dict[str, int]) -> None:
        self.stdout.write(self.style.MIGRATE_HEADING(title))
        width = max((len(k) for k in counts), default=0)
        for key, count in counts.items():
            self.stdout.write(f"  {key:<{width}}  {count:>4}")

    def _inline(self, title: str, counts: dict[str, int]) -> None:
        self.stdout.write(f"{title}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))

    def _print_summary(self, summary: DemoSummary) -> None:
        out = self.stdout
        out.write(self.style.MIGRATE_HEADING(_("Organisations (%d)") % len(summary.organisations)))
        for organisation in summary.organisations:
            role = _("operator") if organisation.is_operator else organisation.get_kind_display()
            out.write(f"  {organisation}  — {role}")
        self._table(_("Reports by offence (%d in all)") % summary.reports, summary.by_offence)
        self._inline(_("Languages"), summary.by_language)
        self._inline(_("Victim countries"), summary.by_country)
        self._inline(_("Channels"), summary.by_channel)
        self._inline(_("Statuses"), summary.by_status)
        out.write(self.style.MIGRATE_HEADING(_("Identifiers that link reports")))
        for item in summary.recurring:
            out.write(
                "  "
                + _("%(type)s %(value)s: %(count)d reports, victims in %(countries)s")
                % {
                    "type": item.type,
                    "value": item.value,
                    "count": item.reports,
                    "countries": ", ".join(item.countries) or "—",
                }
            )

    def _print_logins(self, loaded: LoadedDemo) -> None:
        out = self.stdout
        out.write(self.style.MIGRATE_HEADING(_("Demo logins (password: %s)") % DEMO_PASSWORD))
        width = max(len(login.username) for login in loaded.users.logins)
        for login in loaded.users.logins:
            out.write(f"  {login.username:<{width}}  {self._describe(login)}")

    @staticmethod
    def _describe(login: DemoLogin) -> str:
        role = User.Role(login.role).label
        text = f"{role}, {login.organisation}"
        if not login.created:
            text += " " + _("(existing user: password unchanged)")
        return text
