"""Filing a report from any channel: validate everything, then store it in one go.

The portal form and the REST API both build a `ReportSubmission` and call `submit`.
Validation collects every problem with the name of the field at fault, so a form can
show them all at once and the API can answer with one problem+json document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from crex.accounts.models import Organisation
from crex.core.countries import is_country, is_currency
from crex.core.observables import InvalidObservable, Normalised, detect_wallet, normalise
from crex.core.receipt import hash_receipt_code, new_receipt_code
from crex.core.taxonomy import Category, category_fits, is_offence
from crex.core.tlp import DEFAULT_TLP, TLP
from crex.reports.models import Report, ReporterContact, ReportObservable
from crex.reports.pipeline import process_after_commit
from crex.reports.services import attach_observables, classify_fields, next_reference
from crex.reports.vocabulary import ContactMethod, PaymentMethod

MAX_NARRATIVE = 20_000
WALLET = "wallet"  # pseudo-type for a crypto address of unknown kind (portal field)


@dataclass(frozen=True, slots=True)
class FieldError:
    """One problem with one field: ``field`` uses the caller's naming (``loss.amount``)."""

    field: str
    message: str


class SubmissionInvalid(ValueError):
    """A submission that cannot be accepted; ``errors`` names every field at fault."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors


@dataclass(slots=True)
class Identifier:
    """An identifier given in a typed field: its type, raw value, role and field name."""

    type: str
    value: str
    role: str = ReportObservable.Role.MENTIONED
    field: str = "identifiers"


@dataclass(slots=True)
class ReportSubmission:
    """Everything a reporter or partner system sends with a new report."""

    channel: str
    narrative: str = ""
    reporter_kind: str = Report.ReporterKind.ANONYMOUS
    victim_country: str = ""
    language: str = ""
    situation: str = ""
    answers: dict[str, str] = field(default_factory=dict)
    offence: str | None = None
    category: str | None = None
    incident_at: datetime | None = None
    loss_amount: Decimal | None = None
    loss_currency: str = ""
    payment_method: str = ""
    card_last4: str = ""
    contact_method: str = ""
    tlp: str = DEFAULT_TLP.value
    confidential: bool = False
    identifiers: list[Identifier] = field(default_factory=list)
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""


@dataclass(frozen=True, slots=True)
class FiledReport:
    """A stored report and, for the portal, the receipt code shown once to the reporter."""

    report: Report
    receipt_code: str = ""


def _validate_identifiers(
    submission: ReportSubmission, errors: list[FieldError]
) -> list[tuple[Normalised, str]]:
    found: list[tuple[Normalised, str]] = []
    region = submission.victim_country or None
    secret = settings.CREX_CARD_HASH_KEY.encode()
    for item in submission.identifiers:
        if item.role not in ReportObservable.Role.values:
            errors.append(FieldError(item.field, _("Unknown role “%s”.") % item.role))
            continue
        try:
            if item.type == WALLET:
                value = detect_wallet(item.value)
            else:
                value = normalise(item.type, item.value, default_region=region, card_secret=secret)
        except InvalidObservable as exc:
            errors.append(FieldError(item.field, exc.translated(_)))
            continue
        found.append((value, item.role))
    return found


def validate(submission: ReportSubmission) -> list[tuple[Normalised, str]]:
    """Check a submission; returns its normalised identifiers or raises `SubmissionInvalid`."""
    errors: list[FieldError] = []
    if submission.channel not in Report.Channel.values:
        errors.append(FieldError("channel", _("Unknown channel.")))
    if submission.reporter_kind not in Report.ReporterKind.values:
        errors.append(FieldError("reporter_kind", _("Unknown kind of reporter.")))
    if len(submission.narrative) > MAX_NARRATIVE:
        errors.append(
            FieldError(
                "narrative", _("Please keep the description under %d characters.") % MAX_NARRATIVE
            )
        )
    if submission.victim_country and not is_country(submission.victim_country):
        errors.append(FieldError("victim_country", _("Use an ISO 3166-1 alpha-2 country code.")))
    if submission.offence is not None and not is_offence(submission.offence):
        errors.append(FieldError("offence", _("Unknown offence code.")))
    if submission.category:
        if submission.category not in Category.__members__.values():
            errors.append(FieldError("category", _("Unknown category.")))
        elif (
            submission.offence
            and is_offence(submission.offence)
            and not category_fits(submission.category, submission.offence)
        ):
            errors.append(FieldError("category", _("This category does not fit the offence.")))
    if submission.loss_amount is not None:
        if submission.loss_amount < 0:
            errors.append(FieldError("loss.amount", _("The amount cannot be negative.")))
        elif submission.loss_amount >= Decimal("1e12"):
            errors.append(FieldError("loss.amount", _("The amount is too large.")))
        if not submission.loss_currency:
            errors.append(FieldError("loss.currency", _("Say which currency.")))
    if submission.loss_currency and not is_currency(submission.loss_currency):
        errors.append(FieldError("loss.currency", _("Use an ISO 4217 currency code.")))
    if submission.payment_method and submission.payment_method not in PaymentMethod.values:
        errors.append(FieldError("payment_method", _("Unknown payment method.")))
    if submission.contact_method and submission.contact_method not in ContactMethod.values:
        errors.append(FieldError("contact_method", _("Unknown way of contact.")))
    if submission.card_last4 and not (
        len(submission.card_last4) == 4 and submission.card_last4.isdigit()
    ):
        errors.append(FieldError("card_last4", _("Give only the last four digits of the card.")))
    try:
        TLP(submission.tlp)
    except ValueError:
        errors.append(FieldError("tlp", _("Use clear, green, amber, amber+strict or red.")))
    if submission.incident_at is not None and submission.incident_at.tzinfo is None:
        errors.append(FieldError("incident_at", _("Give the time with a time zone.")))
    identifiers = _validate_identifiers(submission, errors)
    if errors:
        raise SubmissionInvalid(errors)
    return identifiers


def submit(
    submission: ReportSubmission,
    *,
    organisation: Organisation,
    original: bytes,
    content_type: str,
    submitted_by: Organisation | None = None,
    issue_receipt: bool = False,
    received_at: datetime | None = None,
) -> FiledReport:
    """Validate and store a report with its original, contact details and observables.

    ``received_at`` (default: now) is for reports received earlier elsewhere, e.g. a
    batch imported later: the reference number carries the year of receipt.
    Everything is stored in one transaction: a report is never half there.
    """
    identifiers = validate(submission)
    receipt = new_receipt_code() if issue_receipt else ""
    report = Report(
        organisation=organisation,
        submitted_by=submitted_by,
        channel=submission.channel,
        reporter_kind=submission.reporter_kind,
        confidential=submission.confidential,
        victim_country=submission.victim_country,
        language=submission.language[:8],
        narrative=submission.narrative,
        situation=submission.situation,
        answers=submission.answers,
        contact_method=submission.contact_method,
        incident_at=submission.incident_at,
        loss_amount=submission.loss_amount,
        loss_currency=submission.loss_currency if submission.loss_amount is not None else "",
        payment_method=submission.payment_method,
        card_last4=submission.card_last4,
        tlp=submission.tlp,
        receipt_code_hash=hash_receipt_code(receipt) if receipt else "",
        received_at=received_at or timezone.now(),
    )
    if submission.offence:
        for name, value in classify_fields(submission.offence).items():
            setattr(report, name, value)
        if submission.offence == "other" and submission.category:
            report.category = submission.category
    report.keep_original(original, content_type)
    with transaction.atomic():
        report.reference = next_reference(report.received_at)
        report.save()
        if submission.contact_name or submission.contact_email or submission.contact_phone:
            ReporterContact.objects.create(
                report=report,
                name=submission.contact_name,
                email=submission.contact_email,
                phone=submission.contact_phone,
            )
        attach_observables(report, identifiers)
        process_after_commit(report.pk)
    return FiledReport(report=report, receipt_code=receipt)
