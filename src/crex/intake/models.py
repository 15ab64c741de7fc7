"""Intake bookkeeping: API idempotency keys and follow-up attempts for rate limiting."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from crex.accounts.models import Organisation
from crex.reports.models import Report


class IdempotencyKey(models.Model):
    """An ``Idempotency-Key`` seen from one organisation, bound to the body it came with."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    body_sha256 = models.CharField(max_length=64)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key"], name="idempotency_org_key")
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}:{self.key}"


class FollowUpAttempt(models.Model):
    """A failed try to open a report with reference + receipt code (kept to rate-limit)."""

    reference = models.CharField(max_length=40, db_index=True)
    client = models.CharField(max_length=64, db_index=True)  # SHA-256 of the client address
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"failed follow-up for {self.reference}"
