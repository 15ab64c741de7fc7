"""The full rebuild (``crex correlate --rebuild``): every link recomputed from the
observable index in one pass, clusters re-proposed as cases, every case re-scored.

It reads the values held by two reports or more once, in value order, makes the pairs in
Python (with the warninglist and the guard applied, exactly as on ingest), writes them
in batches (COPY on PostgreSQL) and keeps what scoring needs in compact arrays, so that
no query has to join the millions of links again. Reports move between cases with one
UPDATE per batch, and only those whose case changes.
"""

from __future__ import annotations

import itertools
import json
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, Model
from django.utils import timezone

from crex.cases.models import Case
from crex.cases.services import ANALYST_OWNED, FIGURES, apply_score
from crex.core.correlate import (
    CLUSTER_STRENGTH,
    DisjointSets,
    Guard,
    ReportFacts,
    Strength,
    link_strength,
    score_cluster,
)
from crex.correlation.models import ObservableReview, ReportLink
from crex.correlation.services import best_role, configured_guard, current_warninglist
from crex.reports.models import Report, ReportObservable

Row = tuple[int, str, str, str, int, str, int]
Link = tuple[int, int, int, str, str, int]


@dataclass
class Rebuilt:
    """What a full rebuild produced."""

    links: int = 0
    held: int = 0
    suppressed: int = 0
    cases_proposed: int = 0
    reports_in_cases: int = 0


@dataclass
class _Links:
    """The links made, kept for scoring: four parallel arrays (8 + 8 + 8 + 1 bytes a link)."""

    newer: array[int]
    older: array[int]
    observable: array[int]
    strength: array[int]

    @classmethod
    def empty(cls) -> _Links:
        return cls(array("q"), array("q"), array("q"), array("b"))


def _shared_rows() -> Iterator[Row]:
    """(observable, type, value, country, report, role, organisation) for every value held
    by two reports or more, ordered by value."""
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
            "observable__country",
            "report_id",
            "role",
            "report__organisation_id",
        )
    )
    yield from rows.iterator(chunk_size=20_000)


def _by_value(
    rows: Iterable[Row],
) -> Iterator[tuple[int, str, str, str, dict[int, tuple[str, int]]]]:
    """The rows grouped per value: (observable, type, value, country, {report: (role, org)})."""
    for (observable_id, type_, value, country), group in itertools.groupby(
        rows, key=lambda row: row[:4]
    ):
        holders: dict[int, tuple[str, int]] = {}
        for *_, report_id, role, organisation_id in group:
            previous = holders.get(report_id)
            holders[report_id] = (
                best_role(previous[0] if previous else None, role),
                organisation_id,
            )
        yield observable_id, type_, value, country, holders


def rebuild(
    *, guard: Guard | None = None, progress: Callable[[str], None] | None = None
) -> Rebuilt:
    """Recompute every link from the observable index and re-cluster.

    Links are replaced; proposed cases are re-proposed from the new clusters (a proposal
    keeps its case when most of its reports stay together); reports in cases an analyst
    opened or closed stay there, and reports newly linked to such a case join it. Values
    the guard holds are recorded for review.
    """
    guard = guard or configured_guard()
    say = progress or (lambda _message: None)
    result = Rebuilt()
    warninglist = current_warninglist()
    reviews = dict(ObservableReview.objects.values_list("observable_id", "status"))
    sets = DisjointSets()
    organisations: dict[int, int] = {}
    countries: dict[int, str] = {}
    kept = _Links.empty()
    to_hold: list[ObservableReview] = []
    now = timezone.now()

    def links() -> Iterator[Link]:
        for observable_id, type_, value, country, holders in _by_value(_shared_rows()):
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
            if country:
                countries[observable_id] = country
            ordered = sorted(holders.items())
            organisations.update((pk, org) for pk, (_role, org) in ordered)
            for i, (older, (older_role, older_org)) in enumerate(ordered):
                for newer, (newer_role, newer_org) in ordered[i + 1 :]:
                    strength = link_strength(type_, newer_role, older_role)
                    if strength == Strength.NONE:
                        continue
                    if strength >= CLUSTER_STRENGTH and newer_org == older_org:
                        sets.union(newer, older)
                    kept.newer.append(newer)
                    kept.older.append(older)
                    kept.observable.append(observable_id)
                    kept.strength.append(strength)
                    yield newer, older, observable_id, newer_role, older_role, strength

    with transaction.atomic():
        say("removing the old links")
        _remove_all_links()
        say("linking reports that share values")
        result.links = _insert_links(links(), now)
        ObservableReview.objects.bulk_create(to_hold, ignore_conflicts=True)
        say(f"{result.links} links; clustering")
        membership = _recluster(sets.groups(), organisations, result, say)
        say("scoring the cases")
        _score_cases(membership, kept, countries)
    if connection.vendor == "postgresql":
        say("updating the planner statistics")
        with connection.cursor() as cursor:  # fresh planner statistics for the new links
            cursor.execute(f"ANALYZE {ReportLink._meta.db_table}")
    return result


def _remove_all_links() -> None:
    """Empty the link table (TRUNCATE on PostgreSQL: a DELETE of millions of rows is slow)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE needs none pending
            cursor.execute(f"TRUNCATE {ReportLink._meta.db_table}")
    else:
        ReportLink.objects.all().delete()


def _insert_links(rows: Iterable[Link], now: datetime) -> int:
    """Write the links in batches: PostgreSQL's COPY where available, inserts elsewhere.

    A batch is read in full before it is written: the rows come from a server-side
    cursor on the same connection, which must not be read while a COPY is open.
    """
    count = 0
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, 50_000)):
        count += len(batch)
        if connection.vendor == "postgresql":
            table = ReportLink._meta.db_table
            columns = "report_id, other_id, observable_id, role, other_role, strength, created_at"
            with connection.cursor() as cursor:
                raw = cursor.cursor  # psycopg's own cursor, for COPY
                with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in batch:
                        copy.write_row((*row, now))
        else:
            ReportLink.objects.bulk_create(
                (
                    ReportLink(
                        report_id=newer,
                        other_id=older,
                        observable_id=observable_id,
                        role=role,
                        other_role=other_role,
                        strength=strength,
                        created_at=now,
                    )
                    for newer, older, observable_id, role, other_role, strength in batch
                ),
                batch_size=5000,
            )
    return count


def _recluster(
    groups: list[set[int]],
    organisations: dict[int, int],
    result: Rebuilt,
    say: Callable[[str], None],
) -> dict[int, int]:
    """Turn clusters into cases; returns every report's case after the rebuild."""
    membership = dict(
        Report.objects.filter(case__isnull=False).values_list("pk", "case_id").iterator()
    )
    statuses = dict(Case.objects.values_list("pk", "status").iterator())
    assignments: dict[int, int] = {}
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
                assignments.update((pk, target) for pk in free)
            else:
                case = Case(
                    title=f"Linked reports ({len(members)})",
                    organisation_id=organisation_id,
                    status=Case.Status.PROPOSED,
                )
                new_cases.append((case, free))
    say(f"{len(groups)} clusters; placing them in cases")
    Case.objects.bulk_create([case for case, _ in new_cases])
    for case, members in new_cases:
        assignments.update((pk, case.pk) for pk in members)
    after = {
        pk: case_id
        for pk, case_id in membership.items()
        if statuses[case_id] != Case.Status.PROPOSED
    }
    after.update(assignments)
    _move(
        {pk: case_id for pk, case_id in after.items() if membership.get(pk) != case_id},
        [pk for pk in membership if pk not in after],
    )
    Case.objects.filter(status=Case.Status.PROPOSED, reports__isnull=True).delete()
    result.cases_proposed = len(new_cases)
    result.reports_in_cases = len(assignments)
    return after


def _update_many(model: type[Model], columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    """Set ``columns`` of many rows at once, ``rows`` being (primary key, *values): one
    UPDATE … FROM (VALUES …) per batch instead of one statement per row (Django's
    `bulk_update` builds a CASE expression per row and field, which is slower still)."""
    table = model._meta.db_table
    fields = {f.column: f for f in model._meta.concrete_fields}
    as_json = {c for c in columns if fields[c].get_internal_type() == "JSONField"}
    cast = "CAST(new.{0} AS jsonb)" if connection.vendor == "postgresql" else "new.{0}"
    assignments = ", ".join(
        f"{c} = {cast.format(c) if c in as_json else f'new.{c}'}" for c in columns
    )
    names = ", ".join(["pk", *columns])
    marks = "(" + ", ".join(["%s"] * (len(columns) + 1)) + ")"
    positions = [i + 1 for i, c in enumerate(columns) if c in as_json]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 2000):
            batch = [list(row) for row in rows[start : start + 2000]]
            for row in batch:
                for i in positions:
                    row[i] = json.dumps(row[i])
            # table and column names come from the model; values are parameters
            sql = (
                f"WITH new({names}) AS (VALUES {', '.join([marks] * len(batch))}) "  # noqa: S608
                f"UPDATE {table} SET {assignments} FROM new WHERE {table}.id = new.pk"
            )
            cursor.execute(sql, [value for row in batch for value in row])


def _move(moves: dict[int, int], cleared: list[int]) -> None:
    """Set many reports' case at once."""
    _update_many(Report, ["case_id"], list(moves.items()))
    for start in range(0, len(cleared), 5000):
        Report.objects.filter(pk__in=cleared[start : start + 5000]).update(case=None)


def _score_cases(membership: dict[int, int], links: _Links, countries: dict[int, str]) -> None:
    """Score every case from its reports and the links kept in memory; write the cases
    whose figures changed."""
    facts: dict[int, list[ReportFacts]] = {}
    rows = Report.objects.filter(case__isnull=False).values_list(
        "case_id", "pk", "victim_country", "loss_amount", "loss_currency"
    )
    for case_id, pk, country, amount, currency in rows.iterator(chunk_size=20_000):
        facts.setdefault(case_id, []).append(ReportFacts(pk, country, amount, currency))
    strengths: dict[int, list[Strength]] = {}
    infrastructure: dict[int, set[str]] = {}
    for newer, older, observable_id, strength in zip(
        links.newer, links.older, links.observable, links.strength, strict=True
    ):
        shared_case = membership.get(newer)
        if shared_case is not None and shared_case == membership.get(older):
            strengths.setdefault(shared_case, []).append(Strength(strength))
            if observable_id in countries:
                infrastructure.setdefault(shared_case, set()).add(countries[observable_id])
    changed = []
    for case in Case.objects.exclude(status=Case.Status.MERGED).iterator():
        before = [getattr(case, name) for name in FIGURES]
        apply_score(
            case,
            score_cluster(
                facts.get(case.pk, []),
                strengths.get(case.pk, []),
                infrastructure.get(case.pk, ()),
            ),
        )
        after = [getattr(case, name) for name in FIGURES]
        if after != before:
            changed.append((case.pk, *after))
    _update_many(Case, FIGURES, changed)
