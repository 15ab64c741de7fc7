"""Cases: proposing them from linked reports, keeping their figures current, and the
analyst's actions on them (accept, merge, split, move a report, close), each audited and
written to the case's timeline."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from django.db import transaction
from django.db.models import QuerySet

from crex.accounts.models import User
from crex.audit import services as audit
from crex.cases.models import Case, CaseEvent
from crex.core.correlate import (
    CLUSTER_STRENGTH,
    ClusterScore,
    ReportFacts,
    Strength,
    score_cluster,
)
from crex.core.taxonomy import offence as offence_for
from crex.reports.models import Report
from crex.sharing.handling import Handling, apply_handling
from crex.sharing.store import publish_case

CENT = Decimal("0.01")

#: Cases an analyst owns: correlation adds reports to them but never reshapes them.
ANALYST_OWNED = (Case.Status.OPEN, Case.Status.CLOSED)


def record_event(case: Case, kind: str, actor: User | None = None, **detail: object) -> None:
    """Add a step to ``case``'s timeline (``actor`` None: done by correlation)."""
    CaseEvent.objects.create(case=case, kind=kind, actor=actor, detail=detail)


def _title_for(report: Report) -> str:
    """A proposed case's title: the offence and the day it began (never a reference: the
    case may be referred to organisations that may not see that report)."""
    label = str(offence_for(report.offence).label) if report.offence else "Reports"
    return f"{label}: linked reports since {report.received_at:%Y-%m-%d}"


def apply_score(case: Case, result: ClusterScore) -> None:
    """Set a case's figures from its score (the caller saves)."""
    case.score = result.score
    case.victims = result.victims
    case.countries = list(result.countries)
    # as the amount field stores them: two decimal places
    case.losses = {c: str(amount.quantize(CENT)) for c, amount in result.losses.items()}
    case.cross_border = len(result.countries) >= 2
    case.reports_with_loss = result.reports_with_loss
    case.strongest_link = result.strongest
    case.strong_links = result.strong_links


FIGURES = [
    "score",
    "victims",
    "countries",
    "losses",
    "cross_border",
    "reports_with_loss",
    "strongest_link",
    "strong_links",
]


def case_score(case: Case) -> ClusterScore:
    """The figures stored on ``case``, as a score that new reports can extend."""
    return ClusterScore(
        score=case.score,
        victims=case.victims,
        countries=tuple(case.countries),
        losses={currency: Decimal(amount) for currency, amount in case.losses.items()},
        strongest=Strength(case.strongest_link),
        strong_links=case.strong_links,
        reports_with_loss=case.reports_with_loss,
    )


def score_of(reports: QuerySet[Report]) -> ClusterScore:
    """The score of a set of reports (a case, or the part of it a viewer may see), the
    links among them and the countries of the values they share; the set is joined in
    SQL, never passed as a list of ids."""
    from crex.correlation.models import ReportLink  # the link table lives in correlation

    members = reports.values("pk")
    links = ReportLink.objects.filter(report__in=members, other__in=members)
    return score_cluster(
        (
            ReportFacts(pk, country, amount, currency)
            for pk, country, amount, currency in reports.values_list(
                "pk", "victim_country", "loss_amount", "loss_currency"
            )
        ),
        (Strength(s) for s in links.values_list("strength", flat=True)),
        links.values_list("observable__country", flat=True),
    )


def refresh_case(case: Case) -> Case:
    """Recompute a case's score, victims, countries, losses and cross-border flag from
    its reports, the links between them and the countries of the infrastructure they
    share (IP addresses, IBANs, phone numbers)."""
    apply_score(case, score_of(Report.objects.filter(case=case)))
    case.save(update_fields=[*FIGURES, "updated_at"])
    return case


def place_in_case(
    report: Report, links: Mapping[int, Sequence[tuple[Strength, str]]]
) -> Case | None:
    """Put ``report`` in the case of the reports it is linked to strongly enough.

    ``links`` maps each linked report to the links with it (strength, country of the
    shared value). Of the reports linked with at least `CLUSTER_STRENGTH`:
    - none is in a case: propose a new case with the report and every such report of
      the same organisation that has no case yet;
    - one case: the report joins it (its figures are extended, not recounted);
    - several: proposed cases are merged into the oldest; analyst-owned cases are never
      reshaped: the report joins the one it shares most links with, and the others get a
      timeline note that they are linked too.
    Reports of another organisation are linked but never put in this organisation's case.
    """
    strong = {pk for pk, found in links.items() if max(s for s, _ in found) >= CLUSTER_STRENGTH}
    if report.case_id is not None or not strong:
        return report.case if report.case_id is not None else None
    neighbours = [
        (pk, case_id)
        for pk, case_id, status in Report.objects.filter(
            pk__in=list(links), organisation_id=report.organisation_id
        ).values_list("pk", "case_id", "case__status")
        if status != Case.Status.MERGED
    ]
    counts: dict[int, int] = {}
    for pk, case_id in neighbours:
        if case_id is not None and pk in strong:
            counts[case_id] = counts.get(case_id, 0) + 1
    free = [pk for pk, case_id in neighbours if case_id is None and pk in strong]
    if not counts and not free:
        return None
    cases: dict[int, Case] = {}
    with transaction.atomic():
        if not counts:
            case = Case.objects.create(
                title=_title_for(report),
                organisation_id=report.organisation_id,
                status=Case.Status.PROPOSED,
                tlp=report.tlp,
            )
            record_event(case, "proposed", reports=[report.reference])
        else:
            cases = {c.pk: c for c in Case.objects.filter(pk__in=counts)}
            owned = [c for c in cases.values() if c.status in ANALYST_OWNED]
            if owned:
                case = max(owned, key=lambda c: (counts[c.pk], -c.pk))
                for other in cases.values():
                    if other.pk != case.pk:
                        record_event(
                            other, "linked_case", other_case=case.pk, report=report.reference
                        )
            else:
                case = min(cases.values(), key=lambda c: c.pk)
                for other in cases.values():
                    if other.pk != case.pk:
                        _merge(other, case, actor=None)
        members = [report.pk, *free]
        Report.objects.filter(pk__in=members, case__isnull=True).update(case=case)
        record_event(case, "reports_added", count=len(members), by="correlation")
        if len(cases) == 1 and not free:
            # the common path: one more report for a case; its figures grow by what is
            # already in memory (the report, and its links to the case's reports)
            shared = [
                found for pk, case_id in neighbours if case_id == case.pk for found in links[pk]
            ]
            apply_score(
                case,
                score_cluster(
                    [
                        ReportFacts(
                            report.pk,
                            report.victim_country,
                            report.loss_amount,
                            report.loss_currency,
                        )
                    ],
                    (strength for strength, _ in shared),
                    (country for _, country in shared),
                    previous=case_score(case),
                ),
            )
            case.save(update_fields=[*FIGURES, "updated_at"])
        else:
            refresh_case(case)
    report.case = case
    return case


def _merge(source: Case, target: Case, actor: User | None) -> None:
    moved = Report.objects.filter(case=source).update(case=target)
    source.status = Case.Status.MERGED
    source.merged_into = target
    source.save(update_fields=["status", "merged_into", "updated_at"])
    record_event(source, "merged_into", actor, other_case=target.pk, reports=moved)
    record_event(target, "merged_from", actor, other_case=source.pk, reports=moved)


def _check(actor: User, case: Case) -> None:
    if not (
        actor.is_active and actor.works_reports and actor.organisation_id == case.organisation_id
    ):
        raise PermissionError("only analysts of the case's organisation may change it")


def accept(case: Case, actor: User) -> Case:
    """An analyst takes a proposed case on: it becomes open (and analyst-owned)."""
    _check(actor, case)
    if case.status != Case.Status.PROPOSED:
        raise ValueError("only a proposed case can be accepted")
    with transaction.atomic():
        case.status = Case.Status.OPEN
        case.save(update_fields=["status", "updated_at"])
        record_event(case, "accepted", actor)
        audit.record("case.accepted", case, actor=actor, changes={"status": ["proposed", "open"]})
    return case


def close(case: Case, actor: User, reason: str = "") -> Case:
    """Close a case (with an optional reason for the timeline)."""
    _check(actor, case)
    if case.status in (Case.Status.CLOSED, Case.Status.MERGED):
        raise ValueError("the case is already closed")
    with transaction.atomic():
        before = case.status
        case.status = Case.Status.CLOSED
        case.save(update_fields=["status", "updated_at"])
        record_event(case, "closed", actor, reason=reason)
        audit.record(
            "case.closed",
            case,
            actor=actor,
            changes={"status": [before, "closed"], "reason": reason},
        )
    return case


def set_handling(case: Case, actor: User, handling: Handling) -> Case:
    """Change the case's TLP marking, distribution and sharing group (audited, and a step
    on its timeline); raises `HandlingError` for a combination the rules refuse."""
    _check(actor, case)
    with transaction.atomic():
        changed = apply_handling(case, actor, "case.handling_changed", handling)
        if changed:
            record_event(case, "handling_changed", actor, **{k: v[1] for k, v in changed.items()})
    if changed:
        publish_case(case)
    return case


def merge(sources: Iterable[Case], target: Case, actor: User) -> Case:
    """Move every report of ``sources`` into ``target``; the sources stay, marked merged,
    with their timelines (so the history of each case is kept)."""
    _check(actor, target)
    sources = [s for s in sources if s.pk != target.pk]
    for source in sources:
        _check(actor, source)
        if source.status == Case.Status.MERGED:
            raise ValueError(f"case {source.pk} was already merged")
    with transaction.atomic():
        for source in sources:
            _merge(source, target, actor)
            audit.record("case.merged", source, actor=actor, changes={"merged_into": target.pk})
        if target.status == Case.Status.PROPOSED:
            target.status = Case.Status.OPEN
            target.save(update_fields=["status", "updated_at"])
        refresh_case(target)
    return target


def split(case: Case, report_ids: Iterable[int], actor: User, title: str = "") -> Case:
    """Move the given reports of ``case`` into a new open case; returns the new case."""
    _check(actor, case)
    ids = list(
        Report.objects.filter(case=case, pk__in=list(report_ids)).values_list("pk", flat=True)
    )
    if not ids:
        raise ValueError("choose reports of this case to split off")
    if len(ids) == Report.objects.filter(case=case).count():
        raise ValueError("a split must leave reports in the case")
    with transaction.atomic():
        new = Case.objects.create(
            title=title or f"{case.title} (split)",
            organisation_id=case.organisation_id,
            status=Case.Status.OPEN,
            tlp=case.tlp,
        )
        Report.objects.filter(pk__in=ids).update(case=new)
        record_event(case, "split", actor, other_case=new.pk, reports=ids)
        record_event(new, "split_from", actor, other_case=case.pk, reports=ids)
        audit.record("case.split", case, actor=actor, changes={"into": new.pk, "reports": ids})
        refresh_case(case)
        refresh_case(new)
    return new


def move_report(report: Report, target: Case | None, actor: User) -> Report:
    """Move one report to another case of the same organisation (or out of any case)."""
    if target is not None:
        _check(actor, target)
    source = report.case
    if source is not None:
        _check(actor, source)
    if (source.pk if source else None) == (target.pk if target else None):
        return report
    with transaction.atomic():
        report.case = target
        report.save(update_fields=["case", "updated_at"])
        detail = {"report": report.reference, "from": source.pk if source else None}
        if source is not None:
            record_event(
                source, "report_moved_out", actor, **detail, to=target.pk if target else None
            )
            refresh_case(source)
        if target is not None:
            record_event(target, "report_moved_in", actor, **detail)
            refresh_case(target)
        audit.record(
            "report.case_changed",
            report,
            actor=actor,
            changes={"case": [source.pk if source else None, target.pk if target else None]},
        )
    return report
