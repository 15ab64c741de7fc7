"""From an API request to a filed report: who receives it and what the service is given."""

from __future__ import annotations

from crex.accounts.models import Organisation
from crex.accounts.services import operator_organisation
from crex.intake.api.schemas import ReportIn
from crex.intake.services import Identifier, ReportSubmission, submit
from crex.reports.models import Report

MAX_CONTENT_TYPE = 100  # length of Report.original_content_type
OTHER = "other"  # the offence code for 'the analyst decides'


def receiving_organisation(caller: Organisation) -> Organisation:
    """A contact point files to itself; any other partner files to the operator."""
    if caller.kind == Organisation.Kind.CONTACT_POINT:
        return caller
    return operator_organisation()


def to_submission(payload: ReportIn) -> ReportSubmission:
    """The filing service's view of a validated request body.

    A category without an offence is filed as offence ``other`` in that category, so the
    category the partner gave is kept.
    """
    offence = payload.offence
    if offence is None and payload.category is not None:
        offence = OTHER
    identifiers = [
        Identifier(
            type=item.type, value=item.value, role=item.role, field=f"observables[{i}].value"
        )
        for i, item in enumerate(payload.observables)
    ]
    return ReportSubmission(
        channel=Report.Channel.API,
        narrative=payload.narrative,
        reporter_kind=payload.reporter_kind,
        victim_country=payload.victim_country or "",
        language=payload.language or "",
        offence=offence,
        category=payload.category.value if payload.category else None,
        incident_at=payload.incident_time,
        loss_amount=payload.loss.amount if payload.loss else None,
        loss_currency=payload.loss.currency if payload.loss else "",
        tlp=payload.tlp,
        confidential=payload.confidential,
        identifiers=identifiers,
    )


def file_report(
    payload: ReportIn, *, caller: Organisation, body: bytes, content_type: str
) -> Report:
    """Store the report in ``payload`` for ``caller``, keeping ``body`` as the original.

    Raises `SubmissionInvalid` naming the fields at fault.
    """
    filed = submit(
        to_submission(payload),
        organisation=receiving_organisation(caller),
        original=body,
        content_type=content_type[:MAX_CONTENT_TYPE],
        submitted_by=caller,
    )
    return filed.report
