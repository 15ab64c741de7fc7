"""The one place that decides which reports an organisation or user may see.

Every page, API call and export that returns reports goes through `visible_reports`.
The rules:
- the receiving organisation sees its reports, and the submitting organisation sees
  what it submitted;
- another organisation sees a report only if it was explicitly shared with it, and
  never when the report is TLP:RED or the reporter asked for confidentiality;
- a user with the partner role sees only what reaches their organisation from outside
  (what it submitted or what was shared with it), not the receiving side's queue;
- a reporter sees the public status of their own report only with its reference and
  receipt code (`report_for_receipt`), or in a session that proved them earlier.

Cases (`visible_cases`): an organisation's users see its cases (partner-role users do
not), and every user of an organisation sees the cases referred to it. Inside a case
nobody sees more reports than `visible_reports` gives them: a referral shares with the
recipient only the reports that may leave (see `crex.cases.referrals`).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from crex.accounts.models import Organisation, User
from crex.cases.models import Case
from crex.core.receipt import receipt_matches
from crex.core.reference import is_valid_reference, normalise_reference
from crex.core.tlp import TLP
from crex.reports.models import Report


def shared_to(organisation: Organisation) -> Q:
    """Reports shared with ``organisation`` that the handling rules let leave their owner."""
    return Q(shared_with=organisation) & ~Q(tlp=TLP.RED.value) & Q(confidential=False)


def visible_reports(viewer: Organisation | User | None) -> QuerySet[Report]:
    """The reports ``viewer`` (an organisation, or a logged-in user) may read."""
    if isinstance(viewer, User):
        if not viewer.is_active or viewer.organisation_id is None:
            return Report.objects.none()
        organisation = viewer.organisation
        assert organisation is not None
        if viewer.role == User.Role.PARTNER:
            rule = Q(submitted_by=organisation) | shared_to(organisation)
        else:
            rule = (
                Q(organisation=organisation)
                | Q(submitted_by=organisation)
                | shared_to(organisation)
            )
    elif isinstance(viewer, Organisation):
        organisation = viewer
        rule = Q(organisation=organisation) | Q(submitted_by=organisation) | shared_to(organisation)
    else:
        return Report.objects.none()
    matching = Report.objects.filter(rule).values("pk")
    return Report.objects.filter(pk__in=matching)


def visible_cases(viewer: User) -> QuerySet[Case]:
    """The cases ``viewer`` may open: their organisation's own (not for partner-role
    users) and those referred to their organisation, whatever the referral's status."""
    if not isinstance(viewer, User) or not viewer.is_active or viewer.organisation_id is None:
        return Case.objects.none()
    rule = Q(referrals__recipient_id=viewer.organisation_id)
    if viewer.role != User.Role.PARTNER:
        rule |= Q(organisation_id=viewer.organisation_id)
    matching = Case.objects.filter(rule).values("pk")
    return Case.objects.filter(pk__in=matching)


def can_work_on(user: User, report: Report) -> bool:
    """Whether ``user`` may change ``report`` (triage, reclassify, assign, note).

    Only analysts, supervisors and admins of the receiving organisation may.
    """
    return user.is_active and user.works_reports and report.organisation_id == user.organisation_id


def can_work_on_case(user: User, case: Case) -> bool:
    """Whether ``user`` may change ``case`` (accept, close, merge, split, move reports):
    analysts, supervisors and admins of the case's organisation."""
    return user.is_active and user.works_reports and case.organisation_id == user.organisation_id


def report_for_receipt(reference: str, receipt_code: str) -> Report | None:
    """The report a reporter may open: the one whose reference and receipt code match.

    The code is compared in constant time, and also when the reference is unknown, so the
    answer's timing does not tell whether a reference exists.
    """
    report = None
    if is_valid_reference(reference):
        report = Report.objects.filter(reference=normalise_reference(reference)).first()
    stored = report.receipt_code_hash if report is not None else ""
    return report if receipt_matches(receipt_code, stored) else None


def report_for_reporter_session(reference: str, granted: bool) -> Report | None:
    """The report for a reporter whose session proved its receipt code (``granted``)."""
    if not granted:
        return None
    return Report.objects.filter(reference=normalise_reference(reference)).first()
