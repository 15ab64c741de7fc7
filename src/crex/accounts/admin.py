"""Django admin for administrators: organisations, users (role and organisation) and API
tokens (issue, list, revoke; a token's hash is never shown, its secret only once)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from crex.accounts.models import ApiToken, Organisation, User

admin.site.site_header = _("crex administration")
admin.site.site_title = _("crex administration")
admin.site.index_title = _("Organisations, users, API tokens and the audit log")


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """Organisations that report, receive or exchange."""

    list_display = ["name", "kind", "country", "is_operator", "created_at"]
    list_filter = ["kind", "is_operator", "country"]
    search_fields = ["name"]
    readonly_fields = ["created_at"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Users, each bound to one organisation with one role."""

    list_display = [
        "username",
        "first_name",
        "last_name",
        "organisation",
        "role",
        "is_active",
        "is_staff",
        "last_login",
    ]
    list_filter = ["role", "organisation", "is_active", "is_staff"]
    list_select_related = ["organisation"]
    search_fields = ["username", "first_name", "last_name", "email", "organisation__name"]
    autocomplete_fields = ["organisation"]
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (_("Organisation and role"), {"fields": ("organisation", "role")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Organisation and role"), {"fields": ("organisation", "role")}),
    )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """API tokens: issued here with the secret shown once, revoked, never deleted."""

    list_display = [
        "name",
        "organisation",
        "hint",
        "created_by",
        "created_at",
        "last_used_at",
        "is_active",
    ]
    list_filter = ["organisation", ("revoked_at", admin.EmptyFieldListFilter)]
    list_select_related = ["organisation", "created_by"]
    search_fields = ["name", "hint", "organisation__name"]
    actions = ["revoke"]
    fields = ("organisation", "name", "hint", "created_by", "created_at", "last_used_at")

    @admin.display(boolean=True, description=_("active"))
    def is_active(self, token: ApiToken) -> bool:
        """Whether the token still opens the API."""
        return token.is_active

    def get_readonly_fields(
        self, request: HttpRequest, obj: ApiToken | None = None
    ) -> tuple[str, ...]:
        """Only the name is editable once issued; the rest is set by issuing."""
        readonly = ("hint", "created_by", "created_at", "last_used_at", "revoked_at")
        return (*readonly, "organisation") if obj is not None else readonly

    def get_fields(self, request: HttpRequest, obj: ApiToken | None = None) -> tuple[str, ...]:
        """On the add form, only what issuing needs; afterwards, the token's record."""
        if obj is None:
            return ("organisation", "name")
        return (*self.fields, "revoked_at")

    def has_delete_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        """Tokens are revoked, not deleted, so their use stays traceable."""
        return False

    def save_model(self, request: HttpRequest, obj: ApiToken, form: Any, change: bool) -> None:
        """Issue a new token through `ApiToken.issue`; keep the secret to show it once."""
        if change:
            super().save_model(request, obj, form, change)
            return
        user = request.user if isinstance(request.user, User) else None
        token, raw = ApiToken.issue(obj.organisation, obj.name, created_by=user)
        for model_field in ApiToken._meta.concrete_fields:
            setattr(obj, model_field.attname, getattr(token, model_field.attname))
        obj._state.adding = False
        request._crex_raw_token = raw  # type: ignore[attr-defined]

    def response_add(
        self, request: HttpRequest, obj: ApiToken, post_url_continue: str | None = None
    ) -> HttpResponse:
        """Show the new token's secret once, on a page that is not stored anywhere."""
        raw = getattr(request, "_crex_raw_token", "")
        context = {
            **self.admin_site.each_context(request),
            "title": _("API token issued"),
            "token": obj,
            "raw_token": raw,
            "opts": self.opts,
        }
        response = TemplateResponse(request, "admin/accounts/apitoken/issued.html", context)
        response["Cache-Control"] = "no-store"
        return response

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        """Revoke every selected token that is still active."""
        count = 0
        for token in queryset.filter(revoked_at__isnull=True):
            token.revoke()
            count += 1
        self.message_user(
            request,
            ngettext("%d token revoked.", "%d tokens revoked.", count) % count,
            messages.SUCCESS,
        )
