"""Storing what partners send: STIX bundles (files, TAXII polls and posts), MISP events
and MISP feeds become reports of the receiving organisation, with their markings and provenance.

Imports deduplicate on the source's id (a STIX ``report--…`` id, a MISP event uuid): a
second copy of the same version changes nothing, a newer version updates the report.
Imported reports stay with the receiving organisation (distribution ``organisation``)
until its analysts decide to share them further, and they go through the ordinary
processing pipeline (correlation with local reports included).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from crex.accounts.models import Organisation
from crex.core.countries import is_country, is_currency
from crex.core.exchange import Party, SharedReport
from crex.core.handling import stricter_tlp
from crex.core.misp import ParsedEvent, parse_event, read_feed
from crex.core.observables import Normalised, ObservableType
from crex.core.stix import ParsedBundle, StixError, parse_bundle
from crex.core.stix.ids import timestamp
from crex.core.taxonomy import is_offence
from crex.core.tlp import TLP
from crex.intake.services import MAX_NARRATIVE, ReportSubmission, SubmissionInvalid, submit
from crex.reports.models import Report, ReportObservable
from crex.reports.services import attach_observables, classify_fields
from crex.sharing.models import Feed, Provenance, SharedObject, TaxiiStatus

log = logging.getLogger(__name__)

STIX_MEDIA_TYPE = "application/stix+json;version=2.1"


@dataclass
class ImportResult:
    """What one import did: references created and updated, and what it skipped and why."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def add(self, other: ImportResult) -> None:
        """Count ``other`` in too."""
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.skipped += other.skipped


def _sender(report: SharedReport) -> Organisation | None:
    """The local organisation the sender is, when it is known here by name."""
    return Organisation.objects.filter(name=report.source.name).first()


def _submission(report: SharedReport) -> tuple[ReportSubmission, list[str]]:
    """The submission for a received report, and what of it was left out and why: a
    value crex does not know (an offence code of another tool, a bad country or currency)
    leaves that field empty rather than losing the report."""
    notes: list[str] = []
    offence = report.offence or None
    if offence and not is_offence(offence):
        notes.append(f"offence {offence!r} is not a crex offence code: left unclassified")
        offence = None
    country = report.victim_country
    if country and not is_country(country):
        notes.append(f"victim country {country!r} is not an ISO 3166-1 code: left out")
        country = ""
    amount, currency = report.loss_amount, report.loss_currency
    if amount is not None and (amount < 0 or not is_currency(currency)):
        notes.append(f"loss {amount} {currency!r} is not a valid amount and currency: left out")
        amount, currency = None, ""
    narrative = report.description
    if len(narrative) > MAX_NARRATIVE:
        notes.append(f"description cut to {MAX_NARRATIVE} characters")
        narrative = narrative[:MAX_NARRATIVE]
    submission = ReportSubmission(
        channel=Report.Channel.FEED,
        narrative=narrative,
        reporter_kind=Report.ReporterKind.ORGANISATION,
        victim_country=country,
        language=report.language,
        offence=offence,
        category=(report.category or None) if offence == "other" else None,
        incident_at=report.incident_at,
        loss_amount=amount,
        loss_currency=currency if amount is not None else "",
        tlp=report.tlp.value,
    )
    return submission, notes


def _observables(report: SharedReport) -> list[tuple[Normalised, str]]:
    found = []
    for observable in report.observables:
        role = observable.role if observable.role in ReportObservable.Role.values else "mentioned"
        kind = ObservableType(observable.type)
        found.append((Normalised(kind, observable.value, observable.value), role))
    return found


def _update(existing: Report, report: SharedReport) -> None:
    fields: dict[str, object] = {
        "tlp": report.tlp.value,
        "narrative": report.description or existing.narrative,
        "victim_country": report.victim_country or existing.victim_country,
    }
    if report.offence and is_offence(report.offence):
        fields |= classify_fields(report.offence)
    for name, value in fields.items():
        setattr(existing, name, value)
    existing.save(update_fields=[*fields, "updated_at"])
    attach_observables(existing, _observables(report))


def import_report(
    report: SharedReport,
    *,
    organisation: Organisation,
    via: str,
    source_id: str,
    original: bytes,
    content_type: str,
    feed: Feed | None = None,
) -> ImportResult:
    """Store one report a partner sent to ``organisation`` (or update the copy we have)."""
    result = ImportResult()
    version = timestamp(report.modified)
    with transaction.atomic():
        known = (
            Provenance.objects.select_for_update()
            .select_related("report")
            .filter(source_id=source_id)
            .first()
        )
        if known is not None:
            if known.source_version >= version:
                result.unchanged.append(known.report.reference)
                return result
            _update(known.report, report)
            known.source_version = version
            known.received_at = timezone.now()
            known.save(update_fields=["source_version", "received_at"])
            result.updated.append(known.report.reference)
            return result
        submission, notes = _submission(report)
        result.skipped += [f"{source_id}: {note}" for note in notes]
        try:
            filed = submit(
                submission,
                organisation=organisation,
                original=original,
                content_type=content_type,
                submitted_by=_sender(report),
            )
        except SubmissionInvalid as exc:
            result.skipped.append(f"{source_id}: {exc}")
            return result
        attach_observables(filed.report, _observables(report))
        Provenance.objects.create(
            report=filed.report,
            source_id=source_id,
            source_version=version,
            sender=report.source.name,
            sender_id=report.source.stix_id,
            via=via,
            feed=feed,
        )
        result.created.append(filed.report.reference)
    return result


def import_bundle(
    data: bytes | str | dict,
    *,
    organisation: Organisation,
    via: str = Provenance.Via.STIX_FILE,
    feed: Feed | None = None,
) -> ImportResult:
    """Import every report in a STIX 2.1 bundle, and the observables it shares outside
    any report as one more report; raises `StixError` for a bundle that cannot be read at
    all (a report that cannot be stored is skipped with the reason)."""
    parsed = parse_bundle(data, card_secret=settings.CREX_CARD_HASH_KEY.encode())
    result = ImportResult(skipped=list(parsed.skipped))
    originals = Originals(data if isinstance(data, dict) else json.loads(data))
    loose = _loose_observables(parsed)
    if loose is not None:
        result.add(
            import_report(
                loose,
                organisation=organisation,
                via=via,
                source_id=loose.stix_id,
                original=originals.outside_reports(),
                content_type=STIX_MEDIA_TYPE,
                feed=feed,
            )
        )
    for report in parsed.reports:
        result.add(
            import_report(
                report,
                organisation=organisation,
                via=via,
                source_id=report.stix_id,
                original=originals.of_report(report.stix_id),
                content_type=STIX_MEDIA_TYPE,
                feed=feed,
            )
        )
    return result


class Originals:
    """The parts of a received bundle kept as the originals of the reports made from it:
    a report object with the objects it refers to and the identities and markings."""

    SHARED_TYPES = frozenset({"identity", "marking-definition", "extension-definition"})

    def __init__(self, bundle: dict) -> None:
        objects = [o for o in bundle.get("objects", []) if isinstance(o, dict)]
        self.bundle_id = bundle.get("id")
        self.by_id = {o.get("id"): o for o in objects}
        self.shared = [o for o in objects if o.get("type") in self.SHARED_TYPES]
        self.reports = [o for o in objects if o.get("type") == "report"]
        self.objects = objects

    def _bundle(self, objects: list[dict]) -> bytes:
        body = {"type": "bundle", "id": self.bundle_id, "objects": objects}
        return json.dumps(body, sort_keys=True).encode()

    def of_report(self, report_id: str) -> bytes:
        """The report ``report_id`` with what it refers to."""
        root = self.by_id.get(report_id, {})
        refs = [self.by_id[ref] for ref in root.get("object_refs", []) if ref in self.by_id]
        return self._bundle([*self.shared, *refs, root])

    def outside_reports(self) -> bytes:
        """The objects no report of the bundle refers to."""
        referred = {ref for r in self.reports for ref in r.get("object_refs", [])}
        outside = [
            o
            for o in self.objects
            if o.get("type") not in self.SHARED_TYPES | {"report"} and o.get("id") not in referred
        ]
        return self._bundle([*self.shared, *outside])


def _loose_observables(parsed: ParsedBundle) -> SharedReport | None:
    """The observables a bundle shares outside any report (a feed of indicators), new to
    us from this sender, as one report to classify and correlate; None if there are none.
    """
    sender = parsed.sender or Party(name="")
    known = set(
        ReportObservable.objects.filter(report__provenance__sender=sender.name).values_list(
            "observable__type", "observable__value"
        )
    )
    new = tuple(o for o in parsed.observables if (o.type, o.value) not in known)
    if not new:
        return None
    tlp = TLP.CLEAR
    for observable in new:
        tlp = stricter_tlp(tlp, observable.tlp)
    now = timezone.now()
    digest = hashlib.sha256(
        "\n".join(sorted(f"{o.type}:{o.value}" for o in new)).encode()
    ).hexdigest()[:32]
    return SharedReport(
        reference="",
        title=f"Observables shared by {sender.name or 'a partner'}",
        tlp=tlp,
        created=now,
        modified=now,
        source=sender,
        observables=new,
        stix_id=f"observables--{digest}",
    )


def posted(status: TaxiiStatus) -> ImportResult:
    """Import what a partner posted to a TAXII inbox (the objects of ``status``) into
    the inbox owner's reports. Called by the TAXII server after it stored them."""
    ids = [entry["id"] for entry in status.successes]
    rows = SharedObject.objects.filter(collection=status.collection, stix_id__in=ids)
    objects = [json.loads(body) for body in rows.values_list("body", flat=True)]
    bundle = {"type": "bundle", "id": f"bundle--{status.id}", "objects": objects}
    try:
        return import_bundle(
            bundle, organisation=status.collection.owner, via=Provenance.Via.TAXII_POST
        )
    except StixError as exc:
        log.warning("posted objects of status %s could not be imported: %s", status.id, exc)
        return ImportResult(skipped=[str(exc)])


def import_misp_event(
    data: bytes | str | dict, *, organisation: Organisation, feed: Feed | None = None
) -> ImportResult:
    """Import one MISP event (``{"Event": …}``, a bare event or a REST search answer);
    raises `MispError` for one that cannot be read at all."""
    parsed = parse_event(data, card_secret=settings.CREX_CARD_HASH_KEY.encode())
    return _import_parsed_event(parsed, data, organisation=organisation, feed=feed)


def _import_parsed_event(
    parsed: ParsedEvent, data: bytes | str | dict, *, organisation: Organisation, feed: Feed | None
) -> ImportResult:
    if isinstance(data, dict):
        original = json.dumps(data).encode()
    else:
        original = data if isinstance(data, bytes) else data.encode()
    result = import_report(
        parsed.report,
        organisation=organisation,
        via=Provenance.Via.MISP,
        source_id=f"misp:{parsed.uuid}",
        original=original,
        content_type="application/json",
        feed=feed,
    )
    result.skipped += [f"{item.path}: {item.reason}" for item in parsed.skipped]
    return result


def import_misp_feed(
    source: Path | Mapping[str, bytes], *, organisation: Organisation, since_timestamp: int = 0
) -> ImportResult:
    """Import the events of a MISP feed (a directory, or its files already fetched) that
    are newer than ``since_timestamp``; raises `MispError` without a readable manifest."""
    read = read_feed(
        source, since_timestamp=since_timestamp, card_secret=settings.CREX_CARD_HASH_KEY.encode()
    )
    result = ImportResult()
    for event in read.events:
        name = f"{event.uuid}.json"
        raw = (source / name).read_bytes() if isinstance(source, Path) else source[name]
        result.add(_import_parsed_event(event, raw, organisation=organisation, feed=None))
    result.skipped += [f"{f.uuid}: {f.message}" for f in read.failures]
    result.skipped += [f"{uuid}: not in the feed" for uuid in read.missing]
    return result
