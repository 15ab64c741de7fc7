"""Analyst workspace views: the report queue, one report, and the actions on it.

Every report comes from `visible_reports` (a report the user may not see is a 404);
every change needs `can_work_on` (403 otherwise) and goes through the audited actions
in `crex.reports.services`.
"""

from __future__ import annotations

import mimetypes
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from crex.accounts.models import User
from crex.audit.services import events_for
from crex.core.disclosure import PersonalData
from crex.correlation.services import linked_reports, unlinked_values
from crex.reports import display, services
from crex.reports.forms import (
    PAGE_SIZE,
    AssignForm,
    NoteForm,
    QueueFilterForm,
    ReclassifyForm,
    ReportHandlingForm,
    StatusForm,
)
from crex.reports.models import (
    SHARE_FIELDS,
    TLP_CHOICES,
    Addition,
    Report,
    ReporterContact,
    ReportObservable,
)
from crex.reports.visibility import (
    can_work_on,
    disclosed_to,
    visible_cases,
    visible_observable_links,
    visible_reports,
)
from crex.sharing.models import Provenance


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # every view here requires a login
    return user


def _is_htmx_partial(request: HttpRequest) -> bool:
    """Whether htmx asked for a fragment (not for a full page to restore history)."""
    return bool(
        request.headers.get("HX-Request") and not request.headers.get("HX-History-Restore-Request")
    )


@login_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    """The reports the user may see, filtered, ordered by received time, 50 a page."""
    user = _user(request)
    form = QueueFilterForm(request.GET)
    reports = form.filter(visible_reports(user).select_related("assigned_to", "organisation"), user)
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "sort": form.cleaned_data.get("sort") or "-received"}
    template = "reports/_queue_results.html" if _is_htmx_partial(request) else "reports/queue.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _visible_report(request: HttpRequest, reference: str) -> Report:
    """The report with ``reference`` if the user may see it; 404 otherwise."""
    return get_object_or_404(
        visible_reports(_user(request)).select_related(
            "organisation", "submitted_by", "assigned_to", "case", "sharing_group"
        ),
        reference=reference,
    )


def _workable_report(request: HttpRequest, reference: str) -> Report:
    """The report with ``reference`` if the user may change it (404 if unseen, else 403)."""
    report = _visible_report(request, reference)
    if not can_work_on(_user(request), report):
        raise PermissionDenied
    return report


def _action_forms(report: Report) -> dict[str, forms.Form]:
    """The unbound action forms, filled with the report's current values."""
    return {
        "reclassify": ReclassifyForm(
            prefix="reclassify", initial={"offence": report.offence, "category": report.category}
        ),
        "assign": AssignForm(
            prefix="assign", report=report, initial={"assignee": report.assigned_to_id}
        ),
        "status": StatusForm(prefix="status", initial={"status": report.status}),
        "handling": ReportHandlingForm(
            prefix="handling",
            initial={
                "tlp": report.tlp,
                "distribution": report.distribution,
                "sharing_group": report.sharing_group_id,
                **{name: getattr(report, name) for name in SHARE_FIELDS.values()},
            },
        ),
        "note": NoteForm(prefix="note"),
    }


def _render_detail(
    request: HttpRequest,
    report: Report,
    *,
    bound: dict[str, forms.Form] | None = None,
    contact: ReporterContact | None = None,
    status: int = 200,
) -> HttpResponse:
    user = _user(request)
    may_work = can_work_on(user, report)
    shown = disclosed_to(user, report)
    context: dict[str, Any] = {
        "report": report,
        "may_work": may_work,
        "may_see_contact": services.may_see_contact(user, report),
        "has_contact": ReporterContact.objects.filter(report=report).exists(),
        "contact": contact,
        "situation": display.situation_label(report.situation) if report.situation else "",
        "shown": {part.value for part in shown},
        "answers": display.answer_rows(report) if PersonalData.ANSWERS in shown else [],
        "observables": visible_observable_links(user)
        .filter(report=report)
        .select_related("observable")
        .order_by("observable__type", "observable__value"),
        "additions": report.additions.all() if PersonalData.ADDITIONS in shown else [],
        "case": visible_cases(user).filter(pk=report.case_id).first() if report.case_id else None,
        "linked": linked_reports(report, visible_reports(user)),
        "unlinked": unlinked_values(report),
        "provenance": Provenance.objects.filter(report=report).first(),
        "tlp_choices": TLP_CHOICES,
    }
    if may_work:
        # Notes, the audit trail and the actions stay within the receiving organisation.
        changes, accesses = display.trail(events_for(report).select_related("organisation"))
        context["notes"] = report.notes.select_related("author")
        context["changes"], context["accesses"] = changes, accesses
        context["forms"] = {**_action_forms(report), **(bound or {})}
    return render(request, "reports/detail.html", context, status=status)


@login_required
@require_GET
def detail(request: HttpRequest, reference: str) -> HttpResponse:
    """One report with its observables, additions, notes, audit trail and actions."""
    report = _visible_report(request, reference)
    services.record_view(report, _user(request))
    return _render_detail(request, report)


@login_required
@require_GET
def contact(request: HttpRequest, reference: str) -> HttpResponse:
    """The report page with the reporter's contact details shown (and the viewing audited)."""
    report = _visible_report(request, reference)
    found = services.reveal_contact(report, _user(request))
    if found is None:
        messages.info(request, _("The reporter left no contact details."))
    return _render_detail(request, report, contact=found)


@login_required
@require_GET
def original(request: HttpRequest, reference: str) -> HttpResponse:
    """The submission exactly as received, as a download (only for who may work on it)."""
    report = _workable_report(request, reference)
    services.record_original_download(report, _user(request))
    extension = mimetypes.guess_extension(report.original_content_type.split(";")[0]) or ".bin"
    response = HttpResponse(bytes(report.original), content_type=report.original_content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{report.reference}-original{extension}"'
    )
    return response


@login_required
@require_GET
def addition_file(request: HttpRequest, reference: str, pk: int) -> FileResponse:
    """A file the reporter added, as a download, for anyone who may see the report and
    its additions."""
    report = _visible_report(request, reference)
    if PersonalData.ADDITIONS not in disclosed_to(_user(request), report):
        raise Http404
    addition = get_object_or_404(Addition, pk=pk, report=report)
    if not addition.file:
        raise Http404
    services.record_addition_download(addition, _user(request))
    return FileResponse(
        addition.file.open("rb"),
        as_attachment=True,
        filename=addition.file_name or addition.file.name.rsplit("/", 1)[-1],
        content_type="application/octet-stream",
    )


def _done(request: HttpRequest, report: Report, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("reports:detail", reference=report.reference)


def _invalid(request: HttpRequest, report: Report, name: str, form: forms.Form) -> HttpResponse:
    messages.error(request, _("The change was not made: please check the form."))
    return _render_detail(request, report, bound={name: form}, status=400)


@login_required
@require_POST
def reclassify(request: HttpRequest, reference: str) -> HttpResponse:
    """Set the report's offence (and with it category and RSIT)."""
    report = _workable_report(request, reference)
    form = ReclassifyForm(request.POST, prefix="reclassify")
    if not form.is_valid():
        return _invalid(request, report, "reclassify", form)
    data = form.cleaned_data
    services.reclassify(report, _user(request), data["offence"], data["category"] or None)
    return _done(request, report, _("Report reclassified."))


@login_required
@require_POST
def assign(request: HttpRequest, reference: str) -> HttpResponse:
    """Assign the report to an analyst of the receiving organisation, or to nobody."""
    report = _workable_report(request, reference)
    form = AssignForm(request.POST, prefix="assign", report=report)
    if not form.is_valid():
        return _invalid(request, report, "assign", form)
    assignee = form.cleaned_data["assignee"]
    services.assign(report, _user(request), assignee)
    if assignee is None:
        return _done(request, report, _("Report unassigned."))
    return _done(request, report, _("Report assigned to %s.") % assignee.get_username())


@login_required
@require_POST
def change_status(request: HttpRequest, reference: str) -> HttpResponse:
    """Move the report to another status."""
    report = _workable_report(request, reference)
    form = StatusForm(request.POST, prefix="status")
    if not form.is_valid():
        return _invalid(request, report, "status", form)
    services.set_status(report, _user(request), form.cleaned_data["status"])
    return _done(request, report, _("Status changed."))


@login_required
@require_POST
def change_handling(request: HttpRequest, reference: str) -> HttpResponse:
    """Change the report's TLP, distribution, sharing group and shareable personal data."""
    report = _workable_report(request, reference)
    form = ReportHandlingForm(request.POST, prefix="handling")
    if not form.is_valid():
        return _invalid(request, report, "handling", form)
    services.set_handling(report, _user(request), form.handling, form.shareable)
    return _done(request, report, _("Handling rules changed."))


@login_required
@require_POST
def change_observable_handling(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    """Handle one observable of the report more strictly than the report (or as it)."""
    report = _workable_report(request, reference)
    link = get_object_or_404(ReportObservable, pk=pk, report=report)
    tlp = request.POST.get("tlp", "")
    if tlp and tlp not in {value for value, _label in TLP_CHOICES}:
        messages.error(request, _("Unknown TLP level."))
        return _render_detail(request, report, status=400)
    keep_inside = request.POST.get("keep_inside") == "on"
    services.set_observable_handling(link, _user(request), tlp, keep_inside)
    return _done(request, report, _("Handling rules of the observable changed."))


@login_required
@require_POST
def add_note(request: HttpRequest, reference: str) -> HttpResponse:
    """Add an internal note to the report."""
    report = _workable_report(request, reference)
    form = NoteForm(request.POST, prefix="note")
    if not form.is_valid():
        return _invalid(request, report, "note", form)
    services.add_note(report, _user(request), form.cleaned_data["text"])
    return _done(request, report, _("Note added."))
