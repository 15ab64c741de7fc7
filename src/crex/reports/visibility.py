"""The one place that decides which reports, cases and observables an organisation or
user may see, and how much of the victim's personal data comes with them.

Every page, API call, export and TAXII response goes through the functions here.
The rules:
- the receiving organisation sees its reports, and the submitting organisation sees
  what it submitted; together they are the report's insiders;
- another organisation sees a report when the handling rules let it reach them: it was
  shared with them by name (a referral), or its distribution is a sharing group they are
  a member of, all partners, or public; never when the report is TLP:RED or the reporter
  asked for confidentiality (`reaches`);
- a user with the partner role sees only what reaches their organisation from outside
  (what it submitted or what reached it), not the receiving side's queue;
- outsiders get no personal data of the victim unless it was marked shareable, and an
  observable whose own marking is stricter than its report's reaches no further than
  that marking allows (`visible_observable_links`, `disclosed_to`);
- a reporter sees the public status of their own report only with its reference and
  receipt code (`report_for_receipt`), or in a session that proved them earlier.

Cases (`visible_cases`): an organisation's users see its cases (partner-role users do
not), every user of an organisation sees the cases referred to it, and a case whose
handling rules reach an organisation is visible to it. Inside a case nobody sees more
reports than `visible_reports` gives them.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from crex.accounts.models import Organisation, User
from crex.cases.models import Case
from crex.core.disclosure import VICTIM_ROLES, VICTIM_TYPES, PersonalData, disclosed
from crex.core.handling import Distribution
from crex.core.receipt import receipt_matches
from crex.core.reference import is_valid_reference, normalise_reference
from crex.core.tlp import TLP
from crex.reports.models import Report, ReportObservable
from crex.sharing.models import ObjectGrant, SharedObject


def reaches(organisation: Organisation, prefix: str = "") -> Q:
    """Objects whose TLP marking and distribution let them reach ``organisation``.

    Works on any model with ``tlp``, ``distribution`` and ``sharing_group`` fields;
    ``prefix`` reaches them through a relation (e.g. ``"report__"``). TLP:RED never
    reaches another organisation.
    """
    group = Distribution.GROUP.value
    return ~Q(**{f"{prefix}tlp": TLP.RED.value}) & (
        Q(**{f"{prefix}distribution__in": [Distribution.PARTNERS, Distribution.PUBLIC]})
        | Q(**{f"{prefix}distribution": group, f"{prefix}sharing_group__members": organisation})
    )


def shared_to(organisation: Organisation) -> Q:
    """Reports that reach ``organisation`` from outside: shared with it by name or by their
    handling rules, and never TLP:RED or from a confidential reporter."""
    by_name = Q(shared_with=organisation) & ~Q(tlp=TLP.RED.value)
    return (by_name | reaches(organisation)) & Q(confidential=False)


def _inside(organisation: Organisation, user: User | None) -> Q:
    """Reports ``organisation`` holds itself: received (unless ``user`` is a partner-role
    user) or submitted."""
    if user is not None and user.role == User.Role.PARTNER:
        return Q(submitted_by=organisation)
    return Q(organisation=organisation) | Q(submitted_by=organisation)


def _viewer_organisation(viewer: Organisation | User | None) -> Organisation | None:
    """The organisation a viewer acts for, or None for nobody (anonymous, inactive)."""
    if isinstance(viewer, User):
        if not viewer.is_active or viewer.organisation_id is None:
            return None
        return viewer.organisation
    return viewer if isinstance(viewer, Organisation) else None


def visible_reports(viewer: Organisation | User | None) -> QuerySet[Report]:
    """The reports ``viewer`` (an organisation, or a logged-in user) may read."""
    organisation = _viewer_organisation(viewer)
    if organisation is None:
        return Report.objects.none()
    user = viewer if isinstance(viewer, User) else None
    matching = Report.objects.filter(_inside(organisation, user) | shared_to(organisation))
    return Report.objects.filter(pk__in=matching.values("pk"))


def is_insider(viewer: Organisation | User | None, report: Report) -> bool:
    """Whether ``viewer`` acts for the organisation that received or submitted ``report``
    (and so sees it whole, apart from the reporter's contact details)."""
    organisation = _viewer_organisation(viewer)
    if organisation is None:
        return False
    if isinstance(viewer, User) and viewer.role == User.Role.PARTNER:
        return report.submitted_by_id == organisation.pk
    return organisation.pk in {report.organisation_id, report.submitted_by_id}


def disclosed_to(viewer: Organisation | User | None, report: Report) -> frozenset[PersonalData]:
    """The parts of the victim's personal data in ``report`` that ``viewer`` may see."""
    return disclosed(is_insider(viewer, report), report.shareable)


def visible_observable_links(viewer: Organisation | User | None) -> QuerySet[ReportObservable]:
    """The observables in reports (with their role) that ``viewer`` may see.

    Insiders see every observable of their reports. Outsiders see those of the reports
    that reach them, less observables marked more strictly than that (TLP:RED, or a
    distribution kept to the organisation) and the victim's own identifiers unless the
    report marks them shareable.
    """
    organisation = _viewer_organisation(viewer)
    if organisation is None:
        return ReportObservable.objects.none()
    user = viewer if isinstance(viewer, User) else None
    inside = Report.objects.filter(_inside(organisation, user)).values("pk")
    outside = Report.objects.filter(shared_to(organisation)).values("pk")
    victim = Q(role__in=VICTIM_ROLES) | Q(observable__type__in=VICTIM_TYPES)
    link_allows = ~Q(tlp=TLP.RED.value) & ~Q(distribution=Distribution.ORGANISATION.value)
    from_outside = (
        Q(report__in=outside) & link_allows & (~victim | Q(report__share_victim_identifiers=True))
    )
    return ReportObservable.objects.filter(Q(report__in=inside) | from_outside)


def visible_shared_objects(
    viewer: Organisation | User | None, within: Q | None = None
) -> QuerySet[SharedObject]:
    """The published objects of the sharing store (what TAXII and exports serve) that
    ``viewer`` may read: those of its own organisation and those whose handling rules
    reach it. ``within`` narrows the grants that count (e.g. one collection's view);
    it is applied to the same grant as the rules, never instead of them."""
    organisation = _viewer_organisation(viewer)
    if organisation is None:
        return SharedObject.objects.none()
    grants = ObjectGrant.objects.filter(Q(owner=organisation) | reaches(organisation))
    if within is not None:
        grants = grants.filter(within)
    # EXISTS, not IN: pages walk the (date_added, id) index and check each row's grants,
    # instead of reading every grant for every page
    return SharedObject.objects.filter(
        Exists(grants.filter(object=OuterRef("pk"))), collection__isnull=True
    )


def visible_cases(viewer: User) -> QuerySet[Case]:
    """The cases ``viewer`` may open: their organisation's own (not for partner-role
    users), those referred to their organisation whatever the referral's status, and
    those whose handling rules reach it."""
    if not isinstance(viewer, User) or not viewer.is_active or viewer.organisation is None:
        return Case.objects.none()
    organisation = viewer.organisation
    rule = Q(referrals__recipient=organisation) | reaches(organisation)
    if viewer.role != User.Role.PARTNER:
        rule |= Q(organisation=organisation)
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
