"""The original of a demo report, as its channel would have delivered it: a JSON body
for the portal, the API and referrals, an e-mail message, or a CSV feed file."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime

from crex.intake.services import ReportSubmission
from crex.reports.models import Report

_SUBJECTS = {
    "en": "Report: I have been scammed",
    "de": "Anzeige Betrug",
    "fr": "Signalement d'une escroquerie",
    "nl": "Melding oplichting",
    "es": "Denuncia de estafa",
    "it": "Segnalazione truffa",
    "pl": "Zgłoszenie oszustwa",
}
INTAKE_ADDRESS = "report@contact-point.example"


def as_json(submission: ReportSubmission, received_at: datetime, extra: dict[str, str]) -> bytes:
    """The submission as the portal, API or a referring partner posts it."""
    body = {
        "received_at": received_at.isoformat(),
        "channel": submission.channel,
        "reporter_kind": submission.reporter_kind,
        "victim_country": submission.victim_country,
        "language": submission.language,
        "situation": submission.situation or None,
        "answers": submission.answers or None,
        "offence": submission.offence,
        "incident_at": submission.incident_at.isoformat() if submission.incident_at else None,
        "narrative": submission.narrative,
        "loss": (
            {"amount": str(submission.loss_amount), "currency": submission.loss_currency}
            if submission.loss_amount is not None
            else None
        ),
        "payment_method": submission.payment_method or None,
        "contact_method": submission.contact_method or None,
        "card_last4": submission.card_last4 or None,
        "identifiers": [
            {"type": i.type, "value": i.value, "role": i.role} for i in submission.identifiers
        ],
        "tlp": submission.tlp,
        "confidential": submission.confidential,
        **extra,
    }
    return json.dumps({k: v for k, v in body.items() if v is not None}, ensure_ascii=False).encode()


def as_email(submission: ReportSubmission, received_at: datetime, sender: str) -> bytes:
    """The narrative as an e-mail to the contact point's intake address."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = INTAKE_ADDRESS
    message["Subject"] = _SUBJECTS.get(submission.language, _SUBJECTS["en"])
    message["Date"] = format_datetime(received_at)
    token = hashlib.sha256(f"{received_at.isoformat()}{submission.narrative}".encode()).hexdigest()
    message["Message-ID"] = f"<{token[:24]}@{sender.rpartition('@')[2] or 'example.org'}>"
    message.set_content(submission.narrative)
    return message.as_bytes()


def as_csv(submission: ReportSubmission, received_at: datetime) -> bytes:
    """A partner's feed file: one row per identifier, the description repeated."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["reported_at", "offence", "type", "value", "role", "tlp", "description"])
    for item in submission.identifiers:
        writer.writerow(
            [
                received_at.isoformat(),
                submission.offence,
                item.type,
                item.value,
                item.role,
                submission.tlp,
                submission.narrative,
            ]
        )
    return out.getvalue().encode()


def original_for(
    submission: ReportSubmission, received_at: datetime, *, sender: str, extra: dict[str, str]
) -> tuple[bytes, str]:
    """The original bytes and content type for the submission's channel."""
    if submission.channel == Report.Channel.EMAIL:
        return as_email(submission, received_at, sender), "message/rfc822"
    if submission.channel == Report.Channel.FEED:
        return as_csv(submission, received_at), "text/csv"
    return as_json(submission, received_at, extra), "application/json"
