"""Administrators curate the warninglist and decide on values the guard held back.

Links themselves are not in the admin: they are derived data (``crex correlate
--rebuild`` recomputes them) and are read through the reports they join.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from crex.accounts.models import User
from crex.core.observables import OBSERVABLE_TYPES
from crex.core.warninglist import Category, InvalidEntry, parse_entries
from crex.correlation.models import ObservableReview, WarninglistEntry
from crex.correlation.services import decide_review


class WarninglistEntryForm(forms.ModelForm):
    """Checks an entry as the shipped list is checked: known type, match and category,
    and a value in canonical form for its type."""

    type = forms.ChoiceField(choices=[(t, t) for t in OBSERVABLE_TYPES])
    category = forms.ChoiceField(choices=[(c.value, c.label) for c in Category])

    class Meta:
        model = WarninglistEntry
        fields = ["type", "value", "match", "category", "source"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        row = {name: str(data.get(name) or "") for name in self.Meta.fields}
        try:
            parse_entries([row])
        except InvalidEntry as error:
            field = error.field if error.field in self.Meta.fields else None
            raise ValidationError({field: error.message} if field else error.message) from error
        return data


@admin.register(WarninglistEntry)
class WarninglistEntryAdmin(admin.ModelAdmin):
    form = WarninglistEntryForm
    list_display = ["type", "value", "match", "category", "source", "added_by", "created_at"]
    list_filter = ["type", "match", "category"]
    search_fields = ["value", "source"]

    def save_model(
        self, request: HttpRequest, obj: WarninglistEntry, form: Any, change: bool
    ) -> None:
        if not change and isinstance(request.user, User):
            obj.added_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(ObservableReview)
class ObservableReviewAdmin(admin.ModelAdmin):
    list_display = ["observable", "status", "reason", "reports_when_held", "held_at", "decided_by"]
    list_filter = ["status", "reason"]
    readonly_fields = [
        "observable",
        "status",
        "reason",
        "reports_when_held",
        "held_at",
        "decided_by",
        "decided_at",
    ]
    actions = ["allow", "suppress"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def _decide(
        self, request: HttpRequest, queryset: QuerySet[ObservableReview], status: str
    ) -> None:
        assert isinstance(request.user, User)
        for review in queryset:
            decide_review(review, request.user, status)
        messages.success(request, f"{queryset.count()} values: {status}.")

    @admin.action(description="Allow the selected values to link reports")
    def allow(self, request: HttpRequest, queryset: QuerySet[ObservableReview]) -> None:
        self._decide(request, queryset, ObservableReview.Status.ALLOWED)

    @admin.action(description="Suppress the selected values (remove their links)")
    def suppress(self, request: HttpRequest, queryset: QuerySet[ObservableReview]) -> None:
        self._decide(request, queryset, ObservableReview.Status.SUPPRESSED)
