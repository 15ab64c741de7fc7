"""Reports and cases as they may leave the organisation that holds them.

Built only from what the handling rules let go: no confidential or TLP:RED report, no
observable marked more strictly than the report allows out, no personal data of the
victim unless marked shareable (`crex.core.disclosure`), never the reporter's contact.
The result is a plain record (`crex.core.exchange`) that the STIX and MISP layers turn
into their formats.
"""

from __future__ import annotations

from crex.accounts.models import Organisation
from crex.cases.models import Case
from crex.core.disclosure import is_victim_identifier
from crex.core.exchange import Party, SharedCase, SharedObservable, SharedReport
from crex.core.handling import Distribution, stricter_tlp
from crex.core.taxonomy import offence as offence_for
from crex.core.tlp import TLP
from crex.reports.models import Report, ReportObservable


def party(organisation: Organisation) -> Party:
    """An organisation as partners see it."""
    return Party(name=organisation.name, country=organisation.country, kind=organisation.kind)


def leaves(report: Report) -> bool:
    """Whether anything of ``report`` may leave its organisation by distribution."""
    return (
        not report.confidential
        and report.tlp != TLP.RED
        and report.distribution != Distribution.ORGANISATION
    )


def _observables(report: Report) -> tuple[SharedObservable, ...]:
    links = (
        ReportObservable.objects.filter(report=report)
        .select_related("observable")
        .order_by("observable__type", "observable__value", "role")
    )
    shared = []
    for link in links:
        observable = link.observable
        if link.distribution == Distribution.ORGANISATION or link.tlp == TLP.RED:
            continue
        if is_victim_identifier(observable.type, link.role) and not report.share_victim_identifiers:
            continue
        tlp = stricter_tlp(TLP(report.tlp), TLP(link.tlp or report.tlp))
        shared.append(
            SharedObservable(
                type=observable.type,
                value=observable.value,
                tlp=tlp,
                role=link.role,
                first_seen=observable.first_seen,
            )
        )
    return tuple(shared)


def _title(report: Report) -> str:
    if report.offence:
        return f"{offence_for(report.offence).label}: {report.reference}"
    return f"Report {report.reference}"


def outgoing_report(report: Report) -> SharedReport:
    """``report`` as it may go to another organisation (check `leaves` first)."""
    return SharedReport(
        reference=report.reference,
        title=_title(report),
        tlp=TLP(report.tlp),
        created=report.received_at,
        modified=report.updated_at,
        source=party(report.organisation),
        category=report.category,
        offence=report.offence,
        rsit=report.rsit,
        victim_country=report.victim_country,
        language=report.language,
        description=report.narrative if report.share_narrative else "",
        incident_at=report.incident_at,
        loss_amount=report.loss_amount,
        loss_currency=report.loss_currency,
        observables=_observables(report),
    )


def reaches_as_far(report: Report, case: Case) -> bool:
    """Whether ``report`` may go wherever ``case`` goes: it leaves, and its distribution
    is at least as wide as the case's (the same group, for group distribution)."""
    if not leaves(report):
        return False
    order = list(Distribution)
    wider = order.index(Distribution(report.distribution)) > order.index(
        Distribution(case.distribution)
    )
    if report.distribution == Distribution.GROUP == case.distribution:
        return report.sharing_group_id == case.sharing_group_id
    return wider or report.distribution == case.distribution


def outgoing_case(case: Case) -> SharedCase:
    """``case`` with those of its reports that may go wherever the case goes."""
    reports = [r for r in case.reports.select_related("organisation") if reaches_as_far(r, case)]
    offences = {r.offence for r in reports if r.offence}
    return SharedCase(
        reference=f"CASE-{case.pk}",
        title=case.title,
        tlp=TLP(case.tlp),
        created=case.created_at,
        modified=case.updated_at,
        source=party(case.organisation),
        offence=offences.pop() if len(offences) == 1 else "",
        countries=tuple(case.countries),
        reports=tuple(outgoing_report(r) for r in reports),
    )
