"""Correlating reports: links through shared observables on ingest, the warninglist and
the over-correlation guard, a full rebuild, and what a report page shows of its links.

Finding the reports that share a value is an indexed query per value
(``ReportObservable(observable, report)``), never a loop over reports. A value on the
warninglist links nothing; a value in more reports than the guard allows (or in many
reports within a day) is held for an analyst's review instead of linking them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from crex.accounts.models import User
from crex.audit import services as audit
from crex.cases.models import Case
from crex.cases.services import ANALYST_OWNED, place_in_case, refresh_all_cases
from crex.core.correlate import CLUSTER_STRENGTH, DisjointSets, Guard, Strength, link_strength
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


def _best_role(current: str | None, role: str) -> str:
    """A report may hold a value in several roles: a specific role beats `mentioned`."""
    return role if current is None or current == MENTIONED else current


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
    for row in ReportObservable.objects.filter(report=report).select_related("observable"):
        roles[row.observable_id] = _best_role(roles.get(row.observable_id), row.role)
        observables[row.observable_id] = row.observable
    reviews = {r.observable_id: r for r in ObservableReview.objects.filter(observable_id__in=roles)}
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
            others[other_id] = _best_role(others.get(other_id), other_role)
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
                links.append(
                    ReportLink(
                        report=report,
                        other_id=other_id,
                        observable=observable,
                        role=role,
                        other_role=other_role,
                        strength=strength,
                    )
                )
    with transaction.atomic():
        ReportLink.objects.bulk_create(links, ignore_conflicts=True)
        result.links = len(links)
        linked = {link.other_id for link in links if link.strength >= CLUSTER_STRENGTH}
        if linked:
            result.case = place_in_case(report, linked)
        elif report.case_id is not None:
            result.case = report.case
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


# --- full rebuild ------------------------------------------------------------------------


@dataclass
class Rebuilt:
    """What a full rebuild produced."""

    links: int = 0
    held: int = 0
    suppressed: int = 0
    cases_proposed: int = 0
    reports_in_cases: int = 0


def _shared_rows() -> Iterator[tuple[int, str, str, int, str, int]]:
    """(observable id, type, value, report id, role, organisation) for every value held by
    two reports or more, ordered by value."""
    shared = (
        ReportObservable.objects.values("observable_id")
        .annotate(holders=Count("report_id", distinct=True))
        .filter(holders__gte=2)
        .values("observable_id")
    )
    rows = (
        ReportObservable.objects.filter(observable_id__in=shared)
        .order_by("observable_id", "report_id")
        .values_list(
            "observable_id",
            "observable__type",
            "observable__value",
            "report_id",
            "role",
            "report__organisation_id",
        )
    )
    yield from rows.iterator(chunk_size=20_000)


def _groups(
    rows: Iterable[tuple[int, str, str, int, str, int]],
) -> Iterator[tuple[int, str, str, dict[int, tuple[str, int]]]]:
    """The rows grouped per value: (observable id, type, value, {report: (role, org)})."""
    current: tuple[int, str, str] | None = None
    holders: dict[int, tuple[str, int]] = {}
    for observable_id, type_, value, report_id, role, organisation_id in rows:
        if current is None or current[0] != observable_id:
            if current is not None:
                yield (*current, holders)
            current, holders = (observable_id, type_, value), {}
        best = _best_role(holders[report_id][0] if report_id in holders else None, role)
        holders[report_id] = (best, organisation_id)
    if current is not None:
        yield (*current, holders)


def rebuild(
    *, guard: Guard | None = None, progress: Callable[[str], None] | None = None
) -> Rebuilt:
    """Recompute every link from the observable index and re-cluster.

    Links are replaced; proposed cases are re-proposed from the new clusters (a
    proposal keeps its case when most of its reports stay together); reports in cases an
    analyst opened or closed stay there, and reports newly linked to such a case join
    it. Values the guard holds are recorded for review.
    """
    guard = guard or configured_guard()
    say = progress or (lambda _message: None)
    result = Rebuilt()
    warninglist = current_warninglist()
    reviews = dict(ObservableReview.objects.values_list("observable_id", "status"))
    sets = DisjointSets()
    organisations: dict[int, int] = {}
    to_hold: list[ObservableReview] = []
    now = timezone.now()

    def links() -> Iterator[tuple[int, int, int, str, str, int]]:
        for observable_id, type_, value, holders in _groups(_shared_rows()):
            if link_strength(type_) == Strength.NONE:
                continue
            if warninglist.match(type_, value) is not None:
                result.suppressed += 1
                continue
            status = reviews.get(observable_id)
            if status is not None and status != ObservableReview.Status.ALLOWED:
                result.held += 1
                continue
            if status is None and len(holders) > guard.total:
                to_hold.append(
                    ObservableReview(
                        observable_id=observable_id,
                        reason=ObservableReview.Reason.TOTAL,
                        reports_when_held=len(holders),
                        held_at=now,
                    )
                )
                result.held += 1
                continue
            ordered = sorted(holders.items())
            organisations.update((pk, org) for pk, (_role, org) in ordered)
            for i, (older, (older_role, older_org)) in enumerate(ordered):
                for newer, (newer_role, newer_org) in ordered[i + 1 :]:
                    strength = link_strength(type_, newer_role, older_role)
                    if strength == Strength.NONE:
                        continue
                    if strength >= CLUSTER_STRENGTH and newer_org == older_org:
                        sets.union(newer, older)
                    yield newer, older, observable_id, newer_role, older_role, strength

    with transaction.atomic():
        say("removing the old links")
        ReportLink.objects.all().delete()
        say("linking reports that share values")
        result.links = _insert_links(links(), now)
        ObservableReview.objects.bulk_create(to_hold, ignore_conflicts=True)
        say(f"{result.links} links; clustering")
        result.cases_proposed, result.reports_in_cases = _recluster(sets.groups(), organisations)
    return result


def _insert_links(rows: Iterable[tuple[int, int, int, str, str, int]], now: datetime) -> int:
    """Write the links: PostgreSQL's COPY where available, batched inserts elsewhere."""
    count = 0
    if connection.vendor == "postgresql":
        table = ReportLink._meta.db_table
        columns = "report_id, other_id, observable_id, role, other_role, strength, created_at"
        with connection.cursor() as cursor:
            raw = cursor.cursor  # psycopg's own cursor, for COPY
            with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row((*row, now))
                    count += 1
        return count
    batch: list[ReportLink] = []
    for newer, older, observable_id, role, other_role, strength in rows:
        batch.append(
            ReportLink(
                report_id=newer,
                other_id=older,
                observable_id=observable_id,
                role=role,
                other_role=other_role,
                strength=strength,
                created_at=now,
            )
        )
        if len(batch) == 5000:
            ReportLink.objects.bulk_create(batch)
            count += len(batch)
            batch = []
    ReportLink.objects.bulk_create(batch)
    return count + len(batch)


def _recluster(groups: list[set[int]], organisations: dict[int, int]) -> tuple[int, int]:
    """Turn clusters into cases; returns (cases proposed, reports placed)."""
    membership = dict(
        Report.objects.filter(case__isnull=False).values_list("pk", "case_id").iterator()
    )
    statuses = dict(Case.objects.values_list("pk", "status").iterator())
    assignments: dict[int, int] = {}  # report -> case
    new_cases: list[tuple[Case, list[int]]] = []
    for group in groups:
        by_organisation: dict[int, list[int]] = {}
        for pk in group:
            by_organisation.setdefault(organisations[pk], []).append(pk)
        for organisation_id, members in by_organisation.items():
            if len(members) < 2:
                continue
            cases = [membership.get(pk) for pk in members]
            owned = [c for c in cases if c is not None and statuses[c] in ANALYST_OWNED]
            free = [pk for pk, c in zip(members, cases, strict=True) if c not in owned]
            proposed = [c for c in cases if c is not None and statuses[c] == Case.Status.PROPOSED]
            # join the analyst's case most of them are in, else keep the proposal most of
            # them were in, else propose a new case
            target = max(set(owned or proposed), key=(owned or proposed).count, default=None)
            if target is not None:
                for pk in free:
                    assignments[pk] = target
            else:
                case = Case(
                    title=f"Linked reports ({len(members)})",
                    organisation_id=organisation_id,
                    status=Case.Status.PROPOSED,
                )
                new_cases.append((case, free))
    Case.objects.bulk_create([case for case, _ in new_cases])
    for case, members in new_cases:
        for pk in members:
            assignments[pk] = case.pk
    Report.objects.filter(case__status=Case.Status.PROPOSED).update(case=None)
    _assign(assignments)
    Case.objects.filter(status=Case.Status.PROPOSED, reports__isnull=True).delete()
    refresh_all_cases()
    return len(new_cases), len(assignments)


def _assign(assignments: dict[int, int]) -> None:
    """Set ``case_id`` for many reports at once (one UPDATE per batch, not per report)."""
    table = Report._meta.db_table
    items = list(assignments.items())
    with connection.cursor() as cursor:
        for start in range(0, len(items), 5000):
            batch = items[start : start + 5000]
            values = ", ".join(["(%s, %s)"] * len(batch))
            params = [value for pair in batch for value in pair]
            # the table name comes from the model; the values are passed as parameters
            sql = (
                f"WITH moves(report_id, case_id) AS (VALUES {values}) "  # noqa: S608
                f"UPDATE {table} SET case_id = (SELECT case_id FROM moves "
                f"WHERE moves.report_id = {table}.id) "
                f"WHERE id IN (SELECT report_id FROM moves)"
            )
            cursor.execute(sql, params)
