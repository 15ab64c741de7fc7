"""Workspace downloads of one report or one case as a STIX 2.1 bundle or a MISP event,
as it would leave the organisation: what the handling rules let go, no personal data of
the victim unless marked shareable. Every download is audited."""

from __future__ import annotations

import json
from dataclasses import replace

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from crex.accounts.models import User
from crex.audit import services as audit
from crex.core.misp import case_to_event, event_json, report_to_event
from crex.core.stix import case_bundle, report_bundle
from crex.reports.visibility import visible_cases, visible_reports
from crex.sharing.outgoing import outgoing_case, outgoing_report

FORMATS = {"stix": "application/stix+json;version=2.1", "misp": "application/json"}


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _answer(document: dict, name: str, form: str) -> HttpResponse:
    response = HttpResponse(
        json.dumps(document, indent=2, ensure_ascii=False), content_type=FORMATS[form]
    )
    suffix = "stix.json" if form == "stix" else "misp.json"
    response["Content-Disposition"] = f'attachment; filename="{name}.{suffix}"'
    return response


@login_required
@require_GET
def report_download(request: HttpRequest, reference: str, form: str) -> HttpResponse:
    """One report the user may see, as a STIX 2.1 bundle or a MISP event."""
    if form not in FORMATS:
        raise Http404(form)
    user = _user(request)
    report = get_object_or_404(
        visible_reports(user).select_related("organisation"), reference=reference
    )
    shared = outgoing_report(report)
    document = report_bundle(shared) if form == "stix" else event_json(report_to_event(shared))
    audit.record("report.exported", report, actor=user, changes={"format": form})
    return _answer(document, report.reference, form)


@login_required
@require_GET
def case_download(request: HttpRequest, pk: int, form: str) -> HttpResponse:
    """One case the user may see, with the reports in it that may go where it goes."""
    if form not in FORMATS:
        raise Http404(form)
    user = _user(request)
    case = get_object_or_404(visible_cases(user).select_related("organisation"), pk=pk)
    shared = outgoing_case(case)
    allowed = set(visible_reports(user).filter(case=case).values_list("reference", flat=True))
    # inside the case nobody gets a report they could not see on its own
    shared = replace(shared, reports=tuple(r for r in shared.reports if r.reference in allowed))
    document = case_bundle(shared) if form == "stix" else event_json(case_to_event(shared))
    audit.record("case.exported", case, actor=user, changes={"format": form})
    return _answer(document, f"case-{case.pk}", form)
