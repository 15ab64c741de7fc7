"""A case groups reports that belong together (a campaign, one offender)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crex.accounts.models import Organisation
from crex.core.tlp import DEFAULT_TLP, TLP


class Case(models.Model):
    """A set of reports handled together; a report belongs to at most one case."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("title"), max_length=200)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="cases")
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN
    )
    tlp = models.CharField(
        _("TLP"), max_length=16, choices=[(t.value, t.label) for t in TLP], default=DEFAULT_TLP
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title
