"""Links between reports, values held back by the over-correlation guard, and the
warninglist entries administrators add to the shipped list."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crex.core.correlate import Strength
from crex.reports.models import Observable, Report

STRENGTH_CHOICES = [
    (Strength.WEAK.value, _("weak")),
    (Strength.MEDIUM.value, _("medium")),
    (Strength.STRONG.value, _("strong")),
]


class ReportLink(models.Model):
    """Two reports that hold the same observable, stored once: from the later report to
    the earlier one, with the observable's role on each side.

    Links are derived data (``crex correlate --rebuild`` recomputes them all), so their
    foreign keys carry no database constraint: checking three keys for each of millions
    of rows made a rebuild twice as slow. Deleting a report or an observable still
    deletes its links (Django cascades them).
    """

    report = models.ForeignKey(
        Report,
        on_delete=models.CASCADE,
        related_name="links_from",
        db_constraint=False,
        db_index=False,
    )
    other = models.ForeignKey(
        Report,
        on_delete=models.CASCADE,
        related_name="links_to",
        db_constraint=False,
        db_index=False,
    )
    observable = models.ForeignKey(
        Observable,
        on_delete=models.CASCADE,
        related_name="links",
        db_constraint=False,
        db_index=False,
    )
    role = models.CharField(_("role in the report"), max_length=24)
    other_role = models.CharField(_("role in the other report"), max_length=24)
    strength = models.PositiveSmallIntegerField(_("strength"), choices=STRENGTH_CHOICES)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["report", "other", "observable"], name="report_link_unique"
            )
        ]
        # Two indexes serve every lookup: (report, other, observable) from the constraint
        # and (other, report). None on a key alone (Django's default): every new report
        # pays for each index on insert, and only suppressing a held value, rarely, looks
        # links up by observable.
        indexes = [models.Index(fields=["other", "report"])]

    def __str__(self) -> str:
        return f"{self.report_id} ~ {self.other_id} via {self.observable_id}"


class ObservableReview(models.Model):
    """A value the over-correlation guard held back: it appeared in too many reports (or
    too many at once) to link them. An analyst allows it (links are made) or suppresses
    it (it stays unlinked and is shown as suppressed)."""

    class Status(models.TextChoices):
        HELD = "held", _("Held for review")
        ALLOWED = "allowed", _("Allowed to link")
        SUPPRESSED = "suppressed", _("Suppressed")

    class Reason(models.TextChoices):
        TOTAL = "total", _("In very many reports")
        BURST = "burst", _("In many reports within a day")

    observable = models.OneToOneField(Observable, on_delete=models.CASCADE, related_name="review")
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.HELD, db_index=True
    )
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    reports_when_held = models.PositiveIntegerField(_("reports when held"))
    held_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.observable} ({self.status})"


class WarninglistEntry(models.Model):
    """A value an administrator added to the shipped warninglist: it never links reports."""

    class Match(models.TextChoices):
        EXACT = "exact", _("This exact value")
        DOMAIN = "domain", _("This domain and its subdomains")
        CIDR = "cidr", _("This IP network")

    type = models.CharField(_("observable type"), max_length=20)
    value = models.CharField(_("value"), max_length=2048)
    match = models.CharField(_("match"), max_length=8, choices=Match.choices)
    category = models.CharField(_("category"), max_length=32)
    source = models.CharField(
        _("source"), max_length=300, help_text=_("Why the value is listed, or where from.")
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = _("warninglist entries")
        constraints = [
            models.UniqueConstraint(fields=["type", "value", "match"], name="warninglist_unique")
        ]

    def __str__(self) -> str:
        return f"{self.type} {self.value} ({self.category})"
