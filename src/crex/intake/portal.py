"""Filing a report from the public portal form through `crex.intake.services.submit`.

Turns the checked form into a `ReportSubmission` (offence from the questionnaire,
identifiers with the role that fits their field and the situation, the incident time in
the current time zone), keeps the POSTed fields as the original, and maps the service's
field errors back onto the form, with the line number for identifiers.
"""

from __future__ import annotations

import json
from datetime import datetime, time
from typing import Any

from django.http import QueryDict
from django.utils import timezone

from crex.accounts.models import Organisation
from crex.core.questionnaire import resolve
from crex.core.taxonomy import Category, Offence
from crex.intake.forms import HONEYPOT, IDENTIFIER_FIELDS, ReportForm
from crex.intake.services import (
    FieldError,
    FiledReport,
    Identifier,
    ReportSubmission,
    submit,
)
from crex.reports.models import Report, ReportObservable

Role = ReportObservable.Role

#: Fields never kept in the original: the CSRF token, the honeypot, and the contact
#: details, which are stored only encrypted (``ReporterContact``).
NOT_IN_ORIGINAL = frozenset(
    {"csrfmiddlewaretoken", HONEYPOT, "contact_name", "contact_email", "contact_phone"}
)

#: Offences whose web addresses host malicious or illegal content rather than a fake site.
MALICIOUS_URL_OFFENCES = frozenset({"malware", "ransomware", "botnet", "misuse_of_devices"})

#: Portal identifier field -> role of its values (``urls`` depends on the offence).
IDENTIFIER_ROLES: dict[str, str] = {
    "urls": Role.PHISHING_URL,
    "emails": Role.SENDER,
    "phones": Role.CONTACT_PHONE,
    "ibans": Role.PAYEE_ACCOUNT,
    "wallets": Role.WALLET,
    "usernames": Role.OFFENDER_ACCOUNT,
}

#: Service field names -> portal form field names.
FORM_FIELDS: dict[str, str] = {
    "narrative": "narrative",
    "victim_country": "victim_country",
    "reporter_kind": "reporter_kind",
    "loss.amount": "loss_amount",
    "loss.currency": "loss_currency",
    "card_last4": "card_last4",
    "incident_at": "incident_date",
    "situation": "situation",
}


def url_role(offence: Offence) -> str:
    """The role of a web address given for ``offence``: illegal or malicious content, or
    a phishing or fake site."""
    if offence.category == Category.ILLEGAL_CONTENT or offence.code in MALICIOUS_URL_OFFENCES:
        return Role.MALICIOUS_URL
    return Role.PHISHING_URL


def identifiers(form: ReportForm, offence: Offence) -> list[Identifier]:
    """Every identifier in the form, with the role that fits its field and the offence."""
    found: list[Identifier] = []
    for name in IDENTIFIER_FIELDS:
        role = url_role(offence) if name == "urls" else IDENTIFIER_ROLES[name]
        for item in form.identifiers(name):
            item.role = role
            found.append(item)
    return found


def incident_at(form: ReportForm) -> datetime:
    """When it happened, in the current time zone (midnight when no time was given)."""
    day = form.cleaned_data["incident_date"]
    moment = form.cleaned_data.get("incident_time") or time(0, 0)
    return timezone.make_aware(datetime.combine(day, moment))


def original_of(post: QueryDict) -> bytes:
    """The POSTed fields as JSON (lists only where a field was sent more than once)."""
    fields: dict[str, Any] = {}
    for name, values in post.lists():
        if name in NOT_IN_ORIGINAL:
            continue
        fields[name] = values[0] if len(values) == 1 else values
    return json.dumps(fields, ensure_ascii=False, indent=1).encode()


def build_submission(form: ReportForm, *, language: str) -> ReportSubmission:
    """The submission for a valid portal form (the offence comes from the questionnaire)."""
    data = form.cleaned_data
    chosen = form.chosen
    answer = data.get("answer") or None
    offence = resolve(chosen.code, answer)
    wants_contact = data["contact"] == "contact"
    kind = data["reporter_kind"]
    amount = data.get("loss_amount")
    return ReportSubmission(
        channel=Report.Channel.WEB,
        narrative=data.get("narrative", ""),
        reporter_kind=kind,
        victim_country=data.get("victim_country", ""),
        language=language,
        situation=chosen.code,
        answers={"answer": answer} if answer else {},
        offence=offence.code,
        incident_at=incident_at(form),
        loss_amount=amount,
        loss_currency=data.get("loss_currency", "") if amount is not None else "",
        payment_method=data.get("payment_method", ""),
        card_last4=data.get("card_last4", ""),
        contact_method=data.get("contact_method", ""),
        confidential=bool(data.get("confidential")) and kind == Report.ReporterKind.BUSINESS,
        identifiers=identifiers(form, offence),
        contact_name=data.get("contact_name", "") if wants_contact else "",
        contact_email=data.get("contact_email", "") if wants_contact else "",
        contact_phone=data.get("contact_phone", "") if wants_contact else "",
    )


def add_service_errors(form: ReportForm, errors: list[FieldError]) -> None:
    """Put the service's errors next to the form fields they concern.

    Identifier errors (``ibans.2``) become ``Line 2: …`` on their text area; errors about
    fields the form does not have go to the top of the form.
    """
    for error in errors:
        if form.add_identifier_error(error):
            continue
        target = FORM_FIELDS.get(error.field)
        form.add_error(target if target in form.fields else None, error.message)


def file_report(
    form: ReportForm, *, organisation: Organisation, language: str, post: QueryDict
) -> FiledReport:
    """File a valid portal form as a report with a receipt code.

    Raises `crex.intake.services.SubmissionInvalid` when the service refuses it.
    """
    return submit(
        build_submission(form, language=language),
        organisation=organisation,
        original=original_of(post),
        content_type="application/json",
        issue_receipt=True,
    )
