"""Django admin for intake bookkeeping: failed follow-up attempts (read-only), so an
administrator can see someone guessing receipt codes. Idempotency keys stay out: they
point at reports, which are only read through the visibility rules."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from crex.intake.models import FollowUpAttempt


@admin.register(FollowUpAttempt)
class FollowUpAttemptAdmin(admin.ModelAdmin):
    """Failed attempts to open a report with reference + receipt code, read-only."""

    list_display = ["created_at", "reference", "client"]
    search_fields = ["reference", "client"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "reference", "client"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        """Attempts are recorded by the follow-up page only."""
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: FollowUpAttempt | None = None
    ) -> bool:
        """Recorded attempts are facts, not editable."""
        return False
