"""``crex token``: issue, list and revoke API tokens of partner organisations.

    crex token create --organisation "Example Bank" --name "fraud desk"
    crex token list [--organisation NAME] [--all]
    crex token revoke ID

The raw token is printed once, when it is created; crex keeps only its hash.
Issuing and revoking are written to the audit log.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from crex.accounts.models import ApiToken, Organisation, User
from crex.audit import services as audit

ACTOR = "crex token (command line)"
MAX_NAME = 100  # ApiToken.name


def _organisation(name: str) -> Organisation:
    try:
        return Organisation.objects.get(name__iexact=name.strip())
    except Organisation.DoesNotExist:
        known = ", ".join(Organisation.objects.values_list("name", flat=True)) or "none yet"
        raise CommandError(f"no organisation called {name!r} (known: {known})") from None


class Command(BaseCommand):
    help = "Issue, list and revoke API tokens (the raw token is shown once, on creation)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        create = actions.add_parser("create", help="issue a token and print it once")
        create.add_argument("--organisation", required=True, help="the organisation's name")
        create.add_argument("--name", required=True, help="what the token is for")
        create.add_argument(
            "--created-by", metavar="USERNAME", help="the user who asked for it (recorded)"
        )
        listing = actions.add_parser("list", help="list active tokens")
        listing.add_argument("--organisation", help="only this organisation's tokens")
        listing.add_argument("--all", action="store_true", help="include revoked tokens")
        revoke = actions.add_parser("revoke", help="revoke a token for good")
        revoke.add_argument("id", type=int, help="the token's id, as `list` shows it")

    def handle(self, *args: Any, **options: Any) -> None:
        match options["action"]:
            case "create":
                self.issue(options["organisation"], options["name"], options["created_by"])
            case "list":
                self.list_tokens(options["organisation"], options["all"])
            case "revoke":
                self.revoke_token(options["id"])

    def issue(self, organisation_name: str, name: str, created_by: str | None) -> None:
        """Issue a token and print the raw secret once."""
        organisation = _organisation(organisation_name)
        name = name.strip()
        if not 1 <= len(name) <= MAX_NAME:
            raise CommandError(f"give the token a name of 1 to {MAX_NAME} characters")
        user = None
        if created_by:
            user = User.objects.filter(username=created_by).first()
            if user is None:
                raise CommandError(f"no user called {created_by!r}")
        with transaction.atomic():
            token, raw = ApiToken.issue(organisation, name, created_by=user)
            audit.record(
                "api_token.issued",
                token,
                actor=user,
                actor_label=ACTOR,
                organisation=organisation,
                changes={"name": name, "hint": token.hint},
            )
        self.stdout.write(
            self.style.SUCCESS(f"Token {token.pk} {name!r} issued for {organisation.name}.")
        )
        self.stdout.write("Store it now; it is not shown again:")
        self.stdout.write(raw)

    def list_tokens(self, organisation_name: str | None, include_revoked: bool) -> None:
        """Print one line per token: id, organisation, name, hint, dates."""
        tokens = ApiToken.objects.select_related("organisation").order_by(
            "organisation__name", "id"
        )
        if organisation_name:
            tokens = tokens.filter(organisation=_organisation(organisation_name))
        if not include_revoked:
            tokens = tokens.filter(revoked_at__isnull=True)
        rows = [
            (
                str(t.pk),
                t.organisation.name,
                t.name,
                f"{t.hint}…",
                f"{t.created_at:%Y-%m-%d}",
                f"{t.last_used_at:%Y-%m-%d %H:%M}" if t.last_used_at else "never",
                f"revoked {t.revoked_at:%Y-%m-%d}" if t.revoked_at else "active",
            )
            for t in tokens
        ]
        if not rows:
            self.stdout.write("No tokens.")
            return
        header = ("ID", "ORGANISATION", "NAME", "TOKEN", "CREATED", "LAST USED", "STATUS")
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            self.stdout.write(
                "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            )

    def revoke_token(self, token_id: int) -> None:
        """Revoke the token with ``token_id``."""
        token = ApiToken.objects.select_related("organisation").filter(pk=token_id).first()
        if token is None:
            raise CommandError(f"no token with id {token_id}")
        if not token.is_active:
            self.stdout.write(
                f"Token {token_id} was revoked already ({token.revoked_at:%Y-%m-%d})."
            )
            return
        with transaction.atomic():
            token.revoke()
            audit.record(
                "api_token.revoked",
                token,
                actor_label=ACTOR,
                organisation=token.organisation,
                changes={"name": token.name, "hint": token.hint},
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Token {token_id} {token.name!r} of {token.organisation.name} revoked."
            )
        )
