"""Correlating reports: links through shared observables on ingest, the warninglist and
the over-correlation guard, and what a report page shows of its links (the full rebuild
is in `crex.correlation.rebuild`).

Finding the reports that share a value is an indexed query per value
(``ReportObservable(observable, report)``), never a loop over reports. A value on the
warninglist links nothing; a value in more reports than the guard allows (or in many
reports within a day) is held for an analyst's review instead of linking them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from crex.accounts.models import User
from crex.audit import services as audit
from crex.cases.models import Case
from crex.cases.services import place_in_case
from crex.core.correlate import Guard, Strength, link_strength
from crex.core.warninglist import Category, Entry, Warninglist
from crex.correlation.models import ObservableReview, ReportLink, WarninglistEntry
from crex.reports.models import Observable, Report, ReportObservable

MENTIONED = ReportObservable.Role.MENTIONED.value


@lru_cache(maxsize=1)
def _warninglist(version: tuple[int, object]) -> Warninglist:
    extra = [
        Entry(e.type, e.value, e.match, Category(e.category), e.source)
        for e in WarninglistEntry.objects.all()
    ]
    return Warninglist.default().with_entries(extra)


def current_warninglist() -> Warninglist:
    """The shipped warninglist with the entries administrators added.

    Rebuilt when the entries change (their count or latest change), which one small
    query tells; the shipped list itself is read once per process.
    """
    version = WarninglistEntry.objects.aggregate(count=Count("id"), latest=Max("updated_at"))
    return _warninglist((version["count"], version["latest"]))


def configured_guard() -> Guard:
    """The over-correlation guard with the limits from settings."""
    return Guard(
        total=settings.CREX_CORRELATION_HOLD_TOTAL, burst=settings.CREX_CORRELATION_HOLD_BURST
    )


def best_role(current: str | None, role: str) -> str:
    """A report may hold a value in several roles: a specific role beats `mentioned`."""
    return role if current is None or current == MENTIONED else current


def _link(
    first: int,
    first_role: str,
    second: int,
    second_role: str,
    observable: Observable,
    strength: int,
) -> ReportLink:
    """The link between two reports, stored one way only: from the later report (the
    higher id) to the earlier one, as a rebuild stores it, so that correlating either
    report again finds the same row."""
    if first < second:
        first, first_role, second, second_role = second, second_role, first, first_role
    return ReportLink(
        report_id=first,
        other_id=second,
        observable=observable,
        role=first_role,
        other_role=second_role,
        strength=strength,
    )


@dataclass
class Correlation:
    """What correlating one report did."""

    links: int = 0
    held: list[Observable] = field(default_factory=list)
    suppressed: list[tuple[Observable, Entry]] = field(default_factory=list)
    case: Case | None = None


def correlate_report(
    report: Report, *, guard: Guard | None = None, now: datetime | None = None
) -> Correlation:
    """Link ``report`` to every report that shares one of its observables, then place it
    in a case. Idempotent: links already made are kept, not doubled."""
    guard = guard or configured_guard()
    now = now or timezone.now()
    result = Correlation()
    roles: dict[int, str] = {}
    observables: dict[int, Observable] = {}
    rows = ReportObservable.objects.filter(report=report).select_related(
        "observable", "observable__review"
    )
    reviews: dict[int, ObservableReview] = {}
    for row in rows:
        roles[row.observable_id] = best_role(roles.get(row.observable_id), row.role)
        observables[row.observable_id] = row.observable
        review = getattr(row.observable, "review", None)
        if review is not None:
            reviews[row.observable_id] = review
    warninglist = current_warninglist()
    links: list[ReportLink] = []
    for observable_id, role in roles.items():
        observable = observables[observable_id]
        if link_strength(observable.type, role) == Strength.NONE:
            continue
        entry = warninglist.match(observable.type, observable.value)
        if entry is not None:
            result.suppressed.append((observable, entry))
            continue
        review = reviews.get(observable_id)
        if review is not None and review.status != ObservableReview.Status.ALLOWED:
            result.held.append(observable)
            continue
        holders = ReportObservable.objects.filter(observable_id=observable_id).exclude(
            report_id=report.pk
        )
        others: dict[int, str] = {}
        for other_id, other_role in holders.values_list("report_id", "role")[: guard.total + 1]:
            others[other_id] = best_role(others.get(other_id), other_role)
        if not others:
            continue
        if review is None:
            recent = holders.filter(report__received_at__gte=now - timedelta(days=1))
            verdict = guard.verdict(
                len(others), recent.values("report_id")[: guard.burst + 1].count()
            )
            if verdict:
                ObservableReview.objects.get_or_create(
                    observable=observable,
                    defaults={"reason": verdict, "reports_when_held": len(others) + 1},
                )
                result.held.append(observable)
                continue
        for other_id, other_role in others.items():
            strength = link_strength(observable.type, role, other_role)
            if strength != Strength.NONE:
                links.append(_link(report.pk, role, other_id, other_role, observable, strength))
    with transaction.atomic():
        ReportLink.objects.bulk_create(links, ignore_conflicts=True)
        result.links = len(links)
        linked: dict[int, list[tuple[Strength, str]]] = {}
        for link in links:
            other_id = link.other_id if link.report_id == report.pk else link.report_id
            linked.setdefault(other_id, []).append(
                (Strength(link.strength), observables[link.observable_id].country)
            )
        result.case = place_in_case(report, linked)
    return result


@dataclass(frozen=True, slots=True)
class LinkedReport:
    """One report linked to the report on screen, and why."""

    report: Report
    observable: Observable
    role: str
    other_role: str
    strength: Strength

    @property
    def role_label(self) -> str:
        """The value's role in the report on screen, in words."""
        return str(ReportObservable.Role(self.role).label)

    @property
    def other_role_label(self) -> str:
        """The value's role in the linked report, in words."""
        return str(ReportObservable.Role(self.other_role).label)


def linked_reports(report: Report, visible: QuerySet[Report]) -> list[LinkedReport]:
    """The reports linked to ``report`` that are in ``visible`` (the viewer's reports),
    strongest first."""
    rows = (
        ReportLink.objects.filter(report=report, other__in=visible)
        .select_related("other", "observable")
        .order_by("-strength", "-other__received_at")
    )
    back = (
        ReportLink.objects.filter(other=report, report__in=visible)
        .select_related("report", "observable")
        .order_by("-strength", "-report__received_at")
    )
    found = [
        LinkedReport(r.other, r.observable, r.role, r.other_role, Strength(r.strength))
        for r in rows
    ]
    found += [
        LinkedReport(r.report, r.observable, r.other_role, r.role, Strength(r.strength))
        for r in back
    ]
    found.sort(key=lambda link: (-link.strength, -link.report.received_at.timestamp()))
    return found


@dataclass(frozen=True, slots=True)
class UnlinkedValue:
    """A value of the report that links nothing, shown so (not hidden), and how many
    other reports hold it."""

    observable: Observable
    reason: str
    detail: str
    other_reports: int


def unlinked_values(report: Report) -> list[UnlinkedValue]:
    """The report's values on the warninglist or held by the guard."""
    warninglist = current_warninglist()
    rows = ReportObservable.objects.filter(report=report).select_related(
        "observable", "observable__review"
    )
    found: dict[int, UnlinkedValue] = {}
    for row in rows:
        observable = row.observable
        if observable.pk in found:
            continue
        entry = warninglist.match(observable.type, observable.value)
        review = getattr(observable, "review", None)
        if entry is not None:
            reason, detail = "warninglist", f"{entry.category.label}: {entry.source}"
        elif review is not None and review.status != ObservableReview.Status.ALLOWED:
            reason, detail = review.status, str(review.get_reason_display())
        else:
            continue
        others = (
            ReportObservable.objects.filter(observable=observable)
            .exclude(report=report)
            .values("report_id")
            .distinct()
            .count()
        )
        found[observable.pk] = UnlinkedValue(observable, reason, detail, others)
    return list(found.values())


def decide_review(review: ObservableReview, actor: User, status: str) -> ObservableReview:
    """An analyst allows a held value to link (it is linked from the next correlation
    on) or suppresses it (its links are removed)."""
    if status not in (ObservableReview.Status.ALLOWED, ObservableReview.Status.SUPPRESSED):
        raise ValueError("a held value is either allowed or suppressed")
    with transaction.atomic():
        before = review.status
        review.status = status
        review.decided_by = actor
        review.decided_at = timezone.now()
        review.save(update_fields=["status", "decided_by", "decided_at"])
        removed = 0
        if status == ObservableReview.Status.SUPPRESSED:
            removed, _ = ReportLink.objects.filter(observable=review.observable).delete()
        audit.record(
            "correlation.value_reviewed",
            review.observable,
            actor=actor,
            changes={"status": [before, status], "links_removed": removed},
        )
    return review
