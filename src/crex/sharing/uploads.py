"""The import page of the workspace (``/workspace/exports/import/``): an analyst uploads
a partner's STIX 2.1 bundle or MISP event, and its reports become reports of the
analyst's organisation, with their markings and provenance (see `crex.sharing.imports`).

Only analysts, supervisors and admins import; a file that cannot be read re-renders the
page with the reason (400) and stores nothing; every import is audited.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from crex.accounts.models import User
from crex.audit import services as audit
from crex.core.misp import MispError
from crex.core.stix import StixError
from crex.reports.forms import WorkspaceForm
from crex.sharing.imports import ImportResult, import_bundle, import_misp_event

MAX_UPLOAD = 20 * 1024 * 1024


class ImportForm(WorkspaceForm):
    """One file: a STIX 2.1 bundle or a MISP event (JSON)."""

    file = forms.FileField(
        label=_("STIX 2.1 bundle or MISP event"),
        help_text=_("A JSON file of at most 20 MB."),
    )

    def clean_file(self) -> Any:
        """Refuse files that are too large."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


def kind_of(document: object) -> str:
    """``stix`` for a bundle, ``misp`` for a MISP event or search answer, else ``""``."""
    if isinstance(document, dict):
        if document.get("type") == "bundle":
            return "stix"
        if "Event" in document or "response" in document or "Attribute" in document:
            return "misp"
    return ""


def _import(data: bytes, user: User) -> ImportResult:
    """Import ``data`` for ``user``'s organisation; ValueError says why it cannot be."""
    try:
        document = json.loads(data)
    except ValueError:
        raise ValueError(gettext("The file is not JSON.")) from None
    kind = kind_of(document)
    assert user.organisation is not None
    try:
        if kind == "stix":
            return import_bundle(document, organisation=user.organisation)
        if kind == "misp":
            return import_misp_event(document, organisation=user.organisation)
    except (StixError, MispError) as exc:
        raise ValueError(str(exc)) from None
    raise ValueError(gettext("The file is neither a STIX 2.1 bundle nor a MISP event."))


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    """Upload a partner's file; shows what the import made of it."""
    user = request.user
    assert isinstance(user, User)
    if not user.works_reports or user.organisation is None:
        raise PermissionDenied
    result = None
    status = 200
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = _import(upload.read(), user)
            except ValueError as exc:
                form.add_error("file", str(exc))
                status = 400
            else:
                audit.record(
                    "reports.imported",
                    user.organisation,
                    actor=user,
                    changes={
                        "file": upload.name,
                        "created": result.created,
                        "updated": result.updated,
                        "skipped": len(result.skipped),
                    },
                )
                form = ImportForm()
        else:
            status = 400
    else:
        form = ImportForm()
    return render(request, "sharing/import.html", {"form": form, "result": result}, status=status)
