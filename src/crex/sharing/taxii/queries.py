"""What the TAXII server reads from the database: the collections an organisation may
use, the rows of the sharing store a collection serves it, and one page of them.

A view (public, partners, group) serves `visible_shared_objects` narrowed to the grants
of that view, so the handling rules always apply; an inbox serves what was posted to it,
to its owner only. A page is read by keyset on (date_added, id), never by offset, with
only the columns the answer needs (the stored JSON text, never model instances) and one
row more than asked for to tell whether there is more.
"""

from __future__ import annotations

import operator
import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import reduce
from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Subquery

from crex.accounts.models import Organisation
from crex.core.handling import Distribution
from crex.reports.visibility import visible_shared_objects
from crex.sharing.models import SharedObject, SharingGroup, TaxiiCollection, TaxiiStatus
from crex.sharing.taxii.params import Filters, Position

Kind = TaxiiCollection.Kind
VIEWS = frozenset({Kind.PUBLIC, Kind.PARTNERS, Kind.GROUP})
MAX_WINDOW = 50_000  # candidates looked at in one query


def usable_collections(organisation: Organisation) -> QuerySet[TaxiiCollection]:
    """The collections ``organisation`` may see listed: the public and partners views and
    every inbox; a group view if it is a member of the group, owns the view or runs
    this instance."""
    collections = TaxiiCollection.objects.all()
    if organisation.is_operator:
        return collections
    groups = SharingGroup.objects.filter(members=organisation).values("pk")
    return collections.filter(
        ~Q(kind=Kind.GROUP) | Q(owner=organisation) | Q(sharing_group__in=groups)
    )


def usable_collection(organisation: Organisation, collection_id: str) -> TaxiiCollection | None:
    """The collection ``collection_id`` if ``organisation`` may see it, else None."""
    try:
        key = uuid.UUID(collection_id)
    except ValueError:
        return None
    return usable_collections(organisation).filter(pk=key).first()


def can_read(organisation: Organisation, collection: TaxiiCollection) -> bool:
    """Views are readable by everyone who sees them; an inbox only by its owner."""
    return collection.kind in VIEWS or collection.owner_id == organisation.pk


def can_write(collection: TaxiiCollection) -> bool:
    """Only inboxes take objects, from any authenticated organisation."""
    return collection.kind == Kind.INBOX


def view_grants(collection: TaxiiCollection) -> Q:
    """The grants a view serves: by its kind's distribution and, if it lists any, its
    TLP levels."""
    if collection.kind == Kind.PUBLIC:
        grants = Q(distribution=Distribution.PUBLIC.value)
    elif collection.kind == Kind.PARTNERS:
        grants = Q(distribution__in=[Distribution.PARTNERS.value, Distribution.PUBLIC.value])
    else:
        grants = Q(distribution=Distribution.GROUP.value, sharing_group=collection.sharing_group_id)
    if collection.tlp_levels:
        grants &= Q(tlp__in=list(collection.tlp_levels))
    return grants


def _base(collection: TaxiiCollection, stix_id: str | None) -> QuerySet[SharedObject]:
    rows = SharedObject.objects.all()
    if collection.kind == Kind.INBOX:
        rows = rows.filter(collection=collection)
    return rows if stix_id is None else rows.filter(stix_id=stix_id)


def served_among(
    organisation: Organisation, collection: TaxiiCollection, candidates: QuerySet[SharedObject]
) -> QuerySet[SharedObject]:
    """The rows among ``candidates`` that ``collection`` serves ``organisation``; call
    only when `can_read`. A view's rows are `visible_shared_objects` narrowed to the
    view's grants; an inbox's are those posted to it."""
    ids = candidates.values("pk")
    if collection.kind == Kind.INBOX:
        return SharedObject.objects.filter(collection=collection, pk__in=ids)
    # the candidates narrow both the grants and the rows, so that the query reads only
    # them whichever way the visibility rule is written and whether or not SQLite has
    # statistics (without them it would walk every published row)
    within = view_grants(collection) & Q(object__in=ids)
    return visible_shared_objects(organisation, within=within).filter(pk__in=ids)


def holds(organisation: Organisation, collection: TaxiiCollection, stix_id: str) -> bool:
    """Whether ``collection`` serves ``organisation`` any version of ``stix_id``."""
    return served_among(organisation, collection, _base(collection, stix_id)).exists()


def filtered(
    rows: QuerySet[SharedObject], filters: Filters, served: QuerySet[SharedObject]
) -> QuerySet[SharedObject]:
    """``rows`` narrowed by the request's filters (not by page position); ``served`` is
    what the collection serves, of which ``match[version]=first`` takes the earliest."""
    if filters.added_after is not None:
        rows = rows.filter(date_added__gt=filters.added_after)
    if filters.types:
        rows = rows.filter(type__in=filters.types)
    if filters.ids:
        rows = rows.filter(stix_id__in=filters.ids)
    if filters.spec_versions:
        rows = rows.filter(spec_version__in=filters.spec_versions)
    versions = filters.versions
    if versions.all:
        return rows
    wanted: list[Q] = []
    if versions.last:
        wanted.append(Q(is_latest=True))
    if versions.first:
        earliest = served.filter(stix_id=OuterRef("stix_id")).order_by("version")
        wanted.append(Q(version=Subquery(earliest.values("version")[:1])))
    if versions.at:
        wanted.append(Q(version__in=versions.at))
    return rows.filter(reduce(operator.or_, wanted))


@dataclass(frozen=True)
class Page:
    """One page of rows: each row is (id, date_added, *the columns asked for)."""

    rows: list[tuple[Any, ...]]
    more: bool

    @property
    def first_added(self) -> datetime | None:
        """The date_added of the first row, if any."""
        return self.rows[0][1] if self.rows else None

    @property
    def last_added(self) -> datetime | None:
        """The date_added of the last row, if any."""
        return self.rows[-1][1] if self.rows else None

    @property
    def end(self) -> Position | None:
        """Where this page ended, for the next one."""
        return Position(self.rows[-1][1], self.rows[-1][0]) if self.rows else None


def _after(rows: QuerySet[SharedObject], position: Position | None) -> QuerySet[SharedObject]:
    if position is None:
        return rows
    # the >= bound lets the (date_added, id) index seek; the rest breaks ties on the id
    return rows.filter(
        Q(date_added__gte=position.date_added)
        & (Q(date_added__gt=position.date_added) | Q(pk__gt=position.row))
    )


def _in_order(rows: QuerySet[SharedObject]) -> QuerySet[SharedObject]:
    return rows.order_by("date_added", "pk")


def page(
    organisation: Organisation,
    collection: TaxiiCollection,
    filters: Filters,
    *columns: str,
    stix_id: str | None = None,
) -> Page:
    """The page after ``filters.after`` of what ``collection`` serves ``organisation``
    (only ``stix_id``'s versions if given), oldest addition first.

    The rows are read in windows of the (date_added, id) index: the candidates of a
    window are narrowed to those served, so each query costs the size of a page, not of
    the store. A window that leaves the page short is followed by a larger one.
    """
    base = _base(collection, stix_id)
    candidates = filtered(base, filters, served_among(organisation, collection, base))
    wanted = filters.limit + 1
    window, position = wanted, filters.after
    found: list[tuple[Any, ...]] = []
    while True:
        ordered = _in_order(_after(candidates, position))
        served = served_among(organisation, collection, ordered[:window])
        rows = _in_order(served).values_list("pk", "date_added", *columns)
        found += rows[: wanted - len(found)]
        if len(found) >= wanted:
            break
        end = ordered.values_list("date_added", "pk")[window - 1 : window].first()
        if end is None:  # this window held every candidate left
            break
        window, position = min(window * 2, MAX_WINDOW), Position(*end)
    return Page(rows=found[: filters.limit], more=len(found) > filters.limit)


def status_of(organisation: Organisation, status_id: str) -> TaxiiStatus | None:
    """The status ``status_id`` if ``organisation`` made the request it reports on."""
    try:
        key = uuid.UUID(status_id)
    except ValueError:
        return None
    return TaxiiStatus.objects.filter(pk=key, organisation=organisation).first()
