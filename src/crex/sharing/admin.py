"""Django admin for administrators: sharing groups and their members, TAXII collections
(changes recorded in the audit log), partner feeds, and the provenance of imports."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import Count, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from crex.accounts.models import User
from crex.audit import services as audit
from crex.sharing.models import Feed, Provenance, SharingGroup, TaxiiCollection


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


@admin.register(TaxiiCollection)
class TaxiiCollectionAdmin(admin.ModelAdmin):
    """TAXII collections: views of the sharing store by distribution, group and TLP, and
    the inboxes partners write to. What a caller reads is still decided by visibility."""

    list_display = ["title", "alias", "kind", "sharing_group", "owner", "id"]
    list_filter = ["kind"]
    search_fields = ["title", "alias"]
    readonly_fields = ["id", "created_at"]

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        """Save and audit the collection."""
        super().save_model(request, obj, form, change)
        actor = request.user if isinstance(request.user, User) else None
        changes = {field: str(form.cleaned_data.get(field)) for field in form.changed_data}
        action = "taxii_collection.changed" if change else "taxii_collection.created"
        audit.record(action, obj, actor=actor, changes=changes)


class FeedForm(ModelForm):
    """A feed; its password or token is written, never shown (blank keeps the old one)."""

    url = forms.URLField(label=_("collection URL"), max_length=500, assume_scheme="https")
    secret = forms.CharField(
        label=_("password or token"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave blank to keep the one stored."),
    )

    class Meta:
        model = Feed
        fields = [
            "name",
            "url",
            "organisation",
            "username",
            "secret",
            "interval_minutes",
            "enabled",
        ]

    def clean_secret(self) -> str:
        """The new secret, or the stored one when left blank."""
        secret = self.cleaned_data.get("secret") or ""
        return secret or (self.instance.secret if self.instance.pk else "")


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    """Partners' TAXII collections crex polls (`crex feeds run` polls those due)."""

    form = FeedForm
    list_display = ["name", "url", "organisation", "interval_minutes", "enabled", "last_polled_at"]
    list_filter = ["enabled", "organisation"]
    readonly_fields = ["added_after", "last_polled_at", "last_error", "created_at"]


@admin.register(Provenance)
class ProvenanceAdmin(admin.ModelAdmin):
    """Where imported reports came from (read only)."""

    list_display = ["report", "sender", "via", "source_id", "received_at"]
    list_filter = ["via"]
    search_fields = ["source_id", "sender", "report__reference"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
