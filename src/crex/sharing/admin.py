"""Django admin for administrators: sharing groups and their members (every change
recorded in the audit log)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from crex.accounts.models import User
from crex.audit import services as audit
from crex.sharing.models import SharingGroup


@admin.register(SharingGroup)
class SharingGroupAdmin(admin.ModelAdmin):
    """Named sets of organisations that receive what is distributed to the group."""

    list_display = ["name", "member_count", "created_at"]
    search_fields = ["name", "members__name"]
    filter_horizontal = ["members"]
    readonly_fields = ["created_at"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[SharingGroup]:
        return super().get_queryset(request).annotate(member_total=Count("members"))

    @admin.display(description="members", ordering="member_total")
    def member_count(self, group: SharingGroup) -> int:
        """How many organisations are in the group."""
        return getattr(group, "member_total", 0)

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool
    ) -> None:
        """Save the members, then audit who was added to or removed from the group."""
        group: SharingGroup = form.instance
        before = set(group.members.values_list("name", flat=True)) if change else set()
        super().save_related(request, form, formsets, change)
        after = set(group.members.values_list("name", flat=True))
        actor = request.user if isinstance(request.user, User) else None
        changes: dict[str, object] = {
            field: form.cleaned_data.get(field) for field in form.changed_data if field != "members"
        }
        if before != after:
            changes["added"] = sorted(after - before)
            changes["removed"] = sorted(before - after)
        action = "sharing_group.changed" if change else "sharing_group.created"
        audit.record(action, group, actor=actor, changes=changes)

    def delete_model(self, request: HttpRequest, obj: SharingGroup) -> None:
        """Delete the group (refused while anything is distributed to it) and audit it."""
        actor = request.user if isinstance(request.user, User) else None
        audit.record("sharing_group.deleted", obj, actor=actor, changes={"name": obj.name})
        super().delete_model(request, obj)
