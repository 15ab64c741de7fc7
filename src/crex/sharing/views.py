"""The export page of the workspace (``/workspace/exports/``) and the export downloads.

Anyone logged in may export: analysts, supervisors and admins see their organisation's
reports and what reaches it, partner users what their organisation submitted or received
from outside; `crex.sharing.exports` reads every row through the visibility rules. Bad
filters re-render the page with the errors (400); every download is audited.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from crex.accounts.models import User
from crex.core.handling import TLP_ORDER
from crex.core.observables import OBSERVABLE_TYPES
from crex.core.tlp import TLP
from crex.reports.forms import WorkspaceForm, offence_choices
from crex.reports.models import ReportObservable
from crex.sharing.exports import (
    ExportFilters,
    ExportFormat,
    export_response,
    record_export,
    start_of,
)

Choices = list[tuple[Any, Any]]


def _offences() -> Choices:
    return [("", _("Any offence")), *offence_choices()]


def _levels() -> Choices:
    # Least strict first, as people read "up to".
    return [("", _("Any marking")), *((t.value, t.label) for t in reversed(TLP_ORDER))]


def _roles() -> Choices:
    return [("", _("Any role")), *ReportObservable.Role.choices]


class ExportForm(WorkspaceForm):
    """The filters and format of an export, read from the query string."""

    type = forms.MultipleChoiceField(
        label=_("Observable types"),
        required=False,
        choices=[(name, name) for name in OBSERVABLE_TYPES],
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("None chosen: every type."),
    )
    offence = forms.ChoiceField(label=_("Offence"), required=False, choices=_offences)
    since = forms.DateField(
        label=_("Reports received since"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    tlp = forms.ChoiceField(
        label=_("Up to TLP"),
        required=False,
        choices=_levels,
        help_text=_("TLP:AMBER includes CLEAR, GREEN and AMBER."),
    )
    role = forms.ChoiceField(label=_("Role"), required=False, choices=_roles)
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[
            (ExportFormat.CSV.value, _("CSV (spreadsheets)")),
            (ExportFormat.JSONL.value, _("JSON lines (programs)")),
        ],
    )

    @property
    def filters(self) -> ExportFilters:
        """The filters entered (call after ``is_valid``)."""
        data = self.cleaned_data
        since = data.get("since")
        tlp = data.get("tlp")
        return ExportFilters(
            types=tuple(data.get("type") or ()),
            offence=data.get("offence") or "",
            since=start_of(since) if since else None,
            tlp=TLP(tlp) if tlp else None,
            role=data.get("role") or "",
        )

    @property
    def export_format(self) -> ExportFormat:
        """The format chosen (call after ``is_valid``); CSV unless JSON lines was."""
        return ExportFormat(self.cleaned_data.get("format") or ExportFormat.CSV)


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # every view here requires a login
    return user


def _page(request: HttpRequest, form: ExportForm, *, status: int = 200) -> HttpResponse:
    return render(request, "sharing/exports.html", {"form": form}, status=status)


@login_required
@require_GET
def export_page(request: HttpRequest) -> HttpResponse:
    """The export form; filters in the query string are filled in (and checked)."""
    form = ExportForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    return _page(request, form)


@login_required
@require_GET
def download(request: HttpRequest, extension: str = "") -> HttpResponseBase:
    """The observables the user may see that match the filters, as a streamed file in
    the format of ``extension`` (``.csv``, ``.jsonl``) or else of ``?format=``."""
    form = ExportForm(request.GET)
    if not form.is_valid():
        return _page(request, form, status=400)
    user = _user(request)
    file_format = ExportFormat(extension) if extension else form.export_format
    filters = form.filters
    record_export(user.organisation, filters, file_format, via="workspace", actor=user)
    return export_response(user, filters, file_format)
