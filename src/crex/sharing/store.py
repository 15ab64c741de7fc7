"""The sharing store: what crex publishes over TAXII, one row per object version, and
the grants that say who may read each row (see `visible_shared_objects`).

Publishing a report (or a case) writes the STIX objects of what may leave (see
`crex.sharing.outgoing`) and replaces that source's grants with its current handling
rules, so narrowing a report's distribution takes it out of every feed at once. An
object that newly reaches someone is re-dated (``date_added``), so partners polling
with ``added_after`` receive it.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from crex.cases.models import Case
from crex.core.handling import stricter_tlp
from crex.core.stix import case_objects, report_objects, support_objects
from crex.core.stix.ids import parse_timestamp
from crex.core.stix.markings import marking_id, tlp_of_marking
from crex.core.tlp import TLP
from crex.reports.models import Report
from crex.sharing.models import ObjectGrant, SharedObject
from crex.sharing.outgoing import leaves, outgoing_case, outgoing_report

log = logging.getLogger(__name__)

GrantKey = tuple[int, str, str, int | None]


def compact(obj: dict[str, Any]) -> str:
    """The stored (and served) form of an object: compact JSON with sorted keys."""
    return json.dumps(obj, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def _version(obj: dict[str, Any]) -> datetime | None:
    stamp = obj.get("modified") or obj.get("created")
    return parse_timestamp(stamp) if isinstance(stamp, str) else None


def latest_rows(ids: list[str]) -> dict[str, SharedObject]:
    """The current published row of each of ``ids`` that has one, in one query."""
    rows = SharedObject.objects.filter(stix_id__in=ids, collection__isnull=True, is_latest=True)
    return {row.stix_id: row for row in rows}


def store_object(
    obj: dict[str, Any], now: datetime, latest: SharedObject | None = None
) -> SharedObject:
    """The stored row for ``obj``'s version, written if new; ``latest`` is its current
    row (see `latest_rows`), if any.

    An object without a version of its own (an SCO, e.g. an IBAN seen in two reports)
    is one row at a time: a new version only when its content changes, marked with the
    strictest marking any of its sources gives it, and every grant moves to the new
    version, so no reader of an earlier source loses it.
    """
    version = _version(obj)
    if version is None:
        if latest is not None:
            obj = _strictest(obj, json.loads(latest.body))
            if latest.body == compact(obj):
                return latest
        version = now
    elif latest is not None and latest.version == version:
        if latest.body != compact(obj):
            SharedObject.objects.filter(pk=latest.pk).update(body=compact(obj))
        return latest
    else:
        existing = SharedObject.objects.filter(
            stix_id=obj["id"], version=version, collection__isnull=True
        ).first()
        if existing is not None:
            return existing  # an older version than the latest: kept as it is
    newest = latest is None or version > latest.version
    if newest and latest is not None:
        SharedObject.objects.filter(stix_id=obj["id"], collection__isnull=True).update(
            is_latest=False
        )
    row = SharedObject.objects.create(
        stix_id=obj["id"],
        type=obj["type"],
        version=version,
        spec_version=str(obj.get("spec_version", "2.1")),
        body=compact(obj),
        date_added=now,
        is_latest=newest,
    )
    if _version(obj) is None and latest is not None:
        ObjectGrant.objects.filter(object=latest).update(object=row)
    return row


def _strictest(obj: dict[str, Any], earlier: dict[str, Any]) -> dict[str, Any]:
    """``obj`` marked with the stricter of its own and ``earlier``'s TLP marking."""
    mine, theirs = _tlp(obj, TLP.CLEAR), _tlp(earlier, TLP.CLEAR)
    strict = stricter_tlp(mine, theirs)
    if strict == mine:
        return obj
    return {**obj, "object_marking_refs": [marking_id(strict)]}


def _tlp(obj: dict[str, Any], default: TLP) -> TLP:
    for ref in obj.get("object_marking_refs", []):
        found = tlp_of_marking(ref)
        if found is not None:
            return found
    return default


def _publish(
    objects: list[dict[str, Any]],
    source: Report | Case,
    *,
    report: Report | None,
    case: Case | None,
) -> int:
    now = timezone.now()
    previous = ObjectGrant.objects.filter(report=report, case=case)
    before: set[GrantKey] = set(
        previous.values_list("object_id", "tlp", "distribution", "sharing_group_id")
    )
    previous.delete()
    grants = []
    current = latest_rows([obj["id"] for obj in objects])
    for obj in objects:
        row = store_object(obj, now, current.get(obj["id"]))
        if row.is_latest:
            current[obj["id"]] = row
        grants.append(
            ObjectGrant(
                object=row,
                owner_id=source.organisation_id,
                report=report,
                case=case,
                tlp=_tlp(obj, TLP(source.tlp)).value,
                distribution=source.distribution,
                sharing_group_id=source.sharing_group_id,
            )
        )
    ObjectGrant.objects.bulk_create(grants)
    fresh = {
        g.object_id
        for g in grants
        if (g.object_id, g.tlp, g.distribution, g.sharing_group_id) not in before
    }
    SharedObject.objects.filter(pk__in=fresh, date_added__lt=now).update(date_added=now)
    return len(grants)


def republish(report: Report) -> None:
    """Publish ``report`` again after a change, and the case it is in; a failure is logged,
    never passed to the change that triggered it (the store can be rebuilt)."""
    try:
        publish_report(report)
        if report.case_id is not None:
            case = Case.objects.filter(pk=report.case_id).first()
            if case is not None:
                publish_case(case)
    except Exception:
        log.exception("publishing %s to the sharing store failed", report.reference)


def publish_report(report: Report) -> int:
    """Publish what of ``report`` may leave (or withdraw it all); the number of objects."""
    with transaction.atomic():
        if not leaves(report):
            ObjectGrant.objects.filter(report=report).delete()
            return 0
        shared = outgoing_report(report)
        return _publish(
            support_objects(shared) + report_objects(shared), report, report=report, case=None
        )


def publish_case(case: Case) -> int:
    """Publish the case (an incident with the reports in it that may leave) or withdraw
    it when its own handling keeps it in; the number of objects."""
    with transaction.atomic():
        if case.tlp == TLP.RED or case.distribution == "organisation":
            ObjectGrant.objects.filter(case=case).delete()
            return 0
        shared = outgoing_case(case)
        return _publish(
            support_objects(shared) + case_objects(shared), case, report=None, case=case
        )
