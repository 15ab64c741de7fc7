"""Public portal views: report cybercrime without an account, and follow up later.

Every page works with plain GET and POST forms (no JavaScript needed). Views parse the
request, call `crex.intake.portal` or `crex.intake.followup`, and render.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from crex.accounts.services import operator_organisation
from crex.core.questionnaire import SITUATIONS, Situation
from crex.core.reference import is_valid_reference, normalise_reference
from crex.core.taxonomy import OFFENCES_BY_CODE
from crex.intake import followup, portal
from crex.intake.advice import NEXT_STEPS, advice_for
from crex.intake.forms import (
    HONEYPOT,
    AdditionForm,
    FollowUpForm,
    ReportForm,
    SituationForm,
    currency_of,
)
from crex.intake.services import SubmissionInvalid
from crex.reports.models import Report
from crex.reports.visibility import report_for_reporter_session

RECEIPT_KEY = "intake.receipt"  # shown once, then popped
LAST_REPORT_KEY = "intake.last_report"  # reference and advice, without the code


def home(request: HttpRequest) -> HttpResponse:
    """The start page: what can be reported, how long it takes, anonymity, emergencies."""
    return render(request, "intake/home.html", {"situations": SITUATIONS})


def choose(request: HttpRequest) -> HttpResponse:
    """Step 1: choose what happened (the form sends a GET to the report form)."""
    form = SituationForm(initial={"situation": request.GET.get("situation", "")})
    return render(request, "intake/choose.html", {"form": form})


def _report_page(
    request: HttpRequest, form: ReportForm, chosen: Situation, status: int = 200
) -> HttpResponse:
    context = {"form": form, "situation": chosen}
    return render(request, "intake/report_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
def report_new(request: HttpRequest) -> HttpResponse:
    """Step 2: the follow-up question and the details; a valid POST files the report."""
    chooser = SituationForm(request.POST if request.method == "POST" else request.GET)
    if not chooser.is_valid():
        return render(request, "intake/choose.html", {"form": chooser})
    chosen = chooser.chosen()
    organisation = operator_organisation()
    if request.method != "POST":
        country = organisation.country or ""
        initial = {"victim_country": country, "loss_currency": currency_of(country)}
        return _report_page(request, ReportForm(chosen, initial=initial), chosen)
    form = ReportForm(chosen, data=request.POST)
    if not form.is_valid():
        return _report_page(request, form, chosen)
    if form.is_bot():
        form.forget(HONEYPOT)  # a person whose browser filled it in can simply send again
        form.add_error(None, _("Your report could not be sent. Please try again."))
        return _report_page(request, form, chosen)
    try:
        filed = portal.file_report(
            form, organisation=organisation, language=get_language() or "", post=request.POST
        )
    except SubmissionInvalid as exc:
        portal.add_service_errors(form, exc.errors)
        return _report_page(request, form, chosen)
    request.session[RECEIPT_KEY] = {
        "reference": filed.report.reference,
        "code": filed.receipt_code,
        "offence": filed.report.offence,
        "payment_method": filed.report.payment_method,
    }
    return redirect("intake:received")


@never_cache
def received(request: HttpRequest) -> HttpResponse:
    """The receipt: reference, the one-time receipt code, advice and what happens next.

    The code is taken out of the session when shown; a reload shows the rest without it.
    """
    receipt: dict[str, str] | None = request.session.pop(RECEIPT_KEY, None)
    if receipt is not None:
        request.session[LAST_REPORT_KEY] = {k: v for k, v in receipt.items() if k != "code"}
    else:
        receipt = request.session.get(LAST_REPORT_KEY)
    if not receipt:
        return redirect("intake:choose")
    context: dict[str, Any] = {
        "reference": receipt["reference"],
        "code": receipt.get("code", ""),
        "code_parts": receipt.get("code", "").split("-"),  # may wrap between groups
        "offence": OFFENCES_BY_CODE.get(receipt["offence"]),
        "advice": advice_for(receipt["offence"], receipt.get("payment_method", "")),
        "next_steps": NEXT_STEPS,
    }
    return render(request, "intake/received.html", context)


def _client(request: HttpRequest) -> str:
    return followup.client_key(request.META.get("REMOTE_ADDR", ""))


@never_cache
@require_http_methods(["GET", "POST"])
def followup_start(request: HttpRequest) -> HttpResponse:
    """Open a report with its reference number and receipt code."""
    if request.method != "POST":
        form = FollowUpForm(initial={"reference": request.GET.get("reference", "")})
        return render(request, "intake/followup_start.html", {"form": form})
    form = FollowUpForm(request.POST)
    status = 200
    if form.is_valid():
        reference = form.cleaned_data["reference"]
        try:
            report = followup.open_report(reference, form.cleaned_data["code"], _client(request))
        except followup.FollowUpLocked:
            form.add_error(
                None,
                _(
                    "There have been too many attempts to open this report. For your "
                    "security, please try again in an hour."
                ),
            )
            status = 429
        else:
            if report is not None:
                request.session.cycle_key()
                followup.grant_access(request.session, report.reference)
                return redirect("intake:followup_status", reference=report.reference)
            form.add_error(
                None,
                _(
                    "The reference number and receipt code do not match a report. Check both "
                    "and try again."
                ),
            )
        form.forget_code()
    return render(request, "intake/followup_start.html", {"form": form}, status=status)


def _granted_report(request: HttpRequest, reference: str) -> Report | None:
    if not is_valid_reference(reference) or reference != normalise_reference(reference):
        raise Http404
    return report_for_reporter_session(reference, followup.has_access(request.session, reference))


@never_cache
@require_http_methods(["GET", "POST"])
def followup_status(request: HttpRequest, reference: str) -> HttpResponse:
    """The public status of one report, and a form to add information or a file."""
    report = _granted_report(request, reference)
    if report is None:
        return redirect(f"{reverse('intake:followup_start')}?reference={reference}")
    form = AdditionForm()
    if request.method == "POST":
        form = AdditionForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                followup.add_information(
                    report, text=form.cleaned_data["text"], upload=form.cleaned_data["file"]
                )
            except followup.AdditionInvalid as exc:
                form.add_error(exc.field, str(exc.message))
            else:
                messages.success(request, _("Thank you. We have added this to your report."))
                return redirect("intake:followup_status", reference=reference)
    context = {
        "report": report,
        "status": followup.public_status(report),
        "status_steps": followup.PUBLIC_STATUSES.values(),
        "offence": OFFENCES_BY_CODE.get(report.offence),
        "additions": report.additions.all(),
        "form": form,
    }
    return render(request, "intake/followup_status.html", context)


@require_POST
def followup_end(request: HttpRequest, reference: str) -> HttpResponse:
    """Sign this browser out of the report (for shared computers)."""
    followup.revoke_access(request.session, reference)
    messages.success(
        request, _("You are signed out of your report. Nobody can open it here without the code.")
    )
    return redirect("intake:home")
