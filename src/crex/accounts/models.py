"""Organisations, users bound to one organisation with a role, and hashed API tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crex.core.countries import is_country


def validate_country(value: str) -> None:
    """Reject anything that is not an ISO 3166-1 alpha-2 code."""
    if value and not is_country(value):
        raise ValidationError(
            _("%(value)s is not an ISO 3166-1 alpha-2 country code."), params={"value": value}
        )


class Organisation(models.Model):
    """A body that reports, receives or exchanges: a contact point, a CERT, a bank..."""

    class Kind(models.TextChoices):
        CONTACT_POINT = "contact_point", _("Cybercrime contact point")
        LAW_ENFORCEMENT = "law_enforcement", _("Law enforcement")
        CERT = "cert", _("CERT / CSIRT")
        HOTLINE = "hotline", _("Hotline")
        ISP_HOSTING = "isp_hosting", _("ISP or hosting provider")
        BANK_PAYMENT = "bank_payment", _("Bank or payment provider")
        BUSINESS = "business", _("Business")
        PUBLIC_BODY = "public_body", _("Public body")
        INTERNATIONAL_HUB = "international_hub", _("International hub")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        validators=[validate_country],
        help_text=_("ISO 3166-1 alpha-2; blank only for an international body."),
    )
    is_operator = models.BooleanField(
        _("runs this instance"),
        default=False,
        help_text=_("The contact point that receives reports from the public portal."),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_operator"],
                condition=models.Q(is_operator=True),
                name="one_operator_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.country})" if self.country else self.name


class User(AbstractUser):
    """A person who logs in; always bound to one organisation with one role."""

    class Role(models.TextChoices):
        ANALYST = "analyst", _("Analyst")
        SUPERVISOR = "supervisor", _("Supervisor")
        PARTNER = "partner", _("Partner")
        ADMIN = "admin", _("Administrator")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="users",
        null=True,
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.ANALYST)

    @property
    def works_reports(self) -> bool:
        """Whether this user may triage and change reports of their organisation."""
        return self.role in {self.Role.ANALYST, self.Role.SUPERVISOR, self.Role.ADMIN}


def hash_token(raw: str) -> str:
    """The stored form of an API token: SHA-256 hex (tokens have 256 bits of entropy)."""
    return hashlib.sha256(raw.encode()).hexdigest()


LAST_USED_PRECISION = timedelta(minutes=1)


class ApiToken(models.Model):
    """A named, revocable API token scoped to one organisation; only its hash is stored."""

    PREFIX = "crex_"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(max_length=12, editable=False, help_text=_("First characters."))
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["organisation", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @property
    def is_active(self) -> bool:
        """Whether the token still opens the API."""
        return self.revoked_at is None

    @classmethod
    def issue(
        cls, organisation: Organisation, name: str, created_by: User | None = None
    ) -> tuple[ApiToken, str]:
        """Create a token; returns it with the raw secret, which is shown once only."""
        raw = cls.PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            organisation=organisation,
            name=name,
            token_hash=hash_token(raw),
            hint=raw[: len(cls.PREFIX) + 6],
            created_by=created_by,
        )
        return token, raw

    @classmethod
    def authenticate(cls, raw: str) -> ApiToken | None:
        """The active token for ``raw``, or None; records when it was last used (to the
        minute)."""
        token = (
            cls.objects.select_related("organisation")
            .filter(token_hash=hash_token(raw), revoked_at__isnull=True)
            .first()
        )
        if token is not None:
            now = timezone.now()
            # at most one write a minute: a TAXII client reading pages sends many requests
            if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
                cls.objects.filter(pk=token.pk).update(last_used_at=now)
                token.last_used_at = now
        return token

    def revoke(self) -> None:
        """Stop this token from opening the API, for good."""
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
