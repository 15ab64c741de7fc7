"""A case groups reports that belong together (a campaign, one offender), with the
timeline of what happened to it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crex.accounts.models import Organisation
from crex.core.tlp import DEFAULT_TLP, TLP
from crex.sharing.models import distribution_field, sharing_group_field


class Case(models.Model):
    """A set of reports handled together; a report belongs to at most one case.

    Correlation proposes cases from clusters of linked reports; an analyst accepts
    (opens), merges, splits and closes them.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        MERGED = "merged", _("Merged into another case")

    title = models.CharField(_("title"), max_length=200)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="cases")
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    tlp = models.CharField(
        _("TLP"), max_length=16, choices=[(t.value, t.label) for t in TLP], default=DEFAULT_TLP
    )
    distribution = distribution_field()
    sharing_group = sharing_group_field("cases")
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_cases",
        verbose_name=_("merged into"),
    )
    score = models.FloatField(_("score"), default=0, db_index=True)
    victims = models.PositiveIntegerField(_("victims"), default=0)
    countries = models.JSONField(_("countries"), default=list, blank=True)
    losses = models.JSONField(_("losses per currency"), default=dict, blank=True)
    cross_border = models.BooleanField(_("cross-border"), default=False, db_index=True)
    # the rest of the score's figures, so that a growing case is re-scored incrementally
    reports_with_loss = models.PositiveIntegerField(default=0)
    strongest_link = models.PositiveSmallIntegerField(default=0)
    strong_links = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class CaseEvent(models.Model):
    """One step in a case's timeline: proposed, report added or moved, merged, split,
    accepted, closed, referred..."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("what happened"), max_length=32)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    detail = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind}"


class Referral(models.Model):
    """A case sent to another organisation (another country's contact point, the
    international hub) with a message; the recipient acknowledges, then accepts or
    declines with a reason. The recipient sees only the reports the handling rules let
    leave (never TLP:RED, never a confidential reporter's), which are shared with it."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    recipient = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="referrals_received",
        verbose_name=_("recipient"),
    )
    message = models.TextField(_("message"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SENT, db_index=True
    )
    reason = models.TextField(_("reason"), blank=True)
    reports = models.ManyToManyField(
        "reports.Report", related_name="referrals", verbose_name=_("reports shared")
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "recipient"], name="one_referral_per_recipient")
        ]

    def __str__(self) -> str:
        return f"case {self.case_id} to {self.recipient_id} ({self.status})"
