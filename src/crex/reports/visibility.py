"""The one place that decides which reports an organisation or user may see.

Every page, API call and export that returns reports goes through `visible_reports`.
The rules:
- the receiving organisation sees its reports, and the submitting organisation sees
  what it submitted;
- another organisation sees a report only if it was explicitly shared with it, and
  never when the report is TLP:RED or the reporter asked for confidentiality;
- a user with the partner role sees only what reaches their organisation from outside
  (what it submitted or what was shared with it), not the receiving side's queue.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from crex.accounts.models import Organisation, User
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


def can_work_on(user: User, report: Report) -> bool:
    """Whether ``user`` may change ``report`` (triage, reclassify, assign, note).

    Only analysts, supervisors and admins of the receiving organisation may.
    """
    return user.is_active and user.works_reports and report.organisation_id == user.organisation_id
