"""Django admin for the audit log: administrators read events; nobody adds, changes or
deletes them here (the log is append-only and hash-chained)."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from crex.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Audit events, read-only."""

    list_display = ["created_at", "action", "actor_label", "target_type", "target_id"]
    list_filter = ["action", "target_type", "organisation"]
    list_select_related = ["organisation"]
    search_fields = ["actor_label", "action", "target_id"]
    date_hierarchy = "created_at"
    fields = readonly_fields = (
        "created_at",
        "actor",
        "actor_label",
        "organisation",
        "action",
        "target_type",
        "target_id",
        "changes",
        "prev_hash",
        "hash",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        """Events are recorded by the actions they describe, never by hand."""
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        """The log is append-only."""
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        """The log is append-only."""
        return False
