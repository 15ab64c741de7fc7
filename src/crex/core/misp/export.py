"""Reports and cases as MISP events, built with PyMISP's object model.

An event's uuid is derived from the source organisation's name and the reference
(uuid5), so exporting the same report again updates the same MISP event; attribute and
object uuids are derived from the event's and their value. Timestamps come from the
report, so one report always gives the same JSON.

Each observable becomes one attribute (see `crex.core.misp.mapping`) with its crex role as
comment, ``to_ids`` unless it is the victim's or names no offender, distribution
"inherit", and its own TLP tag when stricter than the event's. TLP:RED observables are
left out of any event that goes beyond the organisation. The narrative, loss and time
of the incident become ``text``/``datetime`` attributes that crex reads back by comment.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from pymisp import MISPAttribute, MISPEvent, MISPObject, MISPOrganisation, MISPSharingGroup

from crex.core.exchange import Party, SharedCase, SharedObservable, SharedReport
from crex.core.handling import Distribution, handling_errors, stricter_tlp
from crex.core.misp.codes import (
    ANALYSIS_INITIAL,
    ANALYSIS_ONGOING,
    EXPORT_DISTRIBUTION,
    INHERIT,
    SHARING_GROUP,
    threat_level,
)
from crex.core.misp.mapping import (
    DEFAULT_ROLE,
    DESCRIPTION_COMMENT,
    INCIDENT_COMMENT,
    LOSS_COMMENT,
    to_misp,
)
from crex.core.misp.tags import CREX, machine_tag, rsit_tag, tlp_tag
from crex.core.taxonomy import OFFENCES_BY_CODE
from crex.core.tlp import TLP

#: The namespace of every uuid crex derives for MISP (events, attributes, organisations).
NAMESPACE = uuid.UUID("a4bcadbd-232e-4be0-9ddf-46e82fa63708")


def event_uuid(source: Party, reference: str, kind: str = "report") -> str:
    """The uuid of the event for ``reference`` at ``source``.

    A reference that is itself a uuid (a report imported from MISP) is the event's uuid.
    """
    try:
        return str(uuid.UUID(reference))
    except ValueError:
        return str(uuid.uuid5(NAMESPACE, f"{kind}\n{source.name}\n{reference}"))


def organisation_uuid(party: Party) -> str:
    """The MISP uuid of ``party``: that of its STIX identity if known, else derived."""
    try:
        return str(uuid.UUID(party.stix_id.removeprefix("identity--")))
    except ValueError:
        return str(uuid.uuid5(NAMESPACE, f"organisation\n{party.name}"))


def merged(observables: Iterable[SharedObservable]) -> list[SharedObservable]:
    """One observable per type and value: the first specific role, the strictest TLP."""
    found: dict[tuple[str, str], SharedObservable] = {}
    for item in observables:
        key = (item.type, item.value)
        if key not in found:
            found[key] = item
            continue
        kept = found[key]
        seen = [t for t in (kept.first_seen, item.first_seen) if t is not None]
        found[key] = SharedObservable(
            kept.type,
            kept.value,
            stricter_tlp(kept.tlp, item.tlp),
            kept.role if kept.role != DEFAULT_ROLE else item.role,
            min(seen) if seen else None,
        )
    return list(found.values())


def _check(tlp: TLP, distribution: Distribution, sharing_group_uuid: str | None) -> None:
    errors = handling_errors(tlp, distribution, has_group=sharing_group_uuid is not None)
    if errors:
        raise ValueError("; ".join(f"{field}: {text}" for field, text in errors.items()))


def _new_event(
    uid: str,
    info: str,
    created: datetime,
    modified: datetime,
    source: Party,
    distribution: Distribution,
    sharing_group: tuple[str | None, str],
) -> MISPEvent:
    event = MISPEvent()
    event.uuid = uid
    event.info = info
    event.set_date(created.date())
    event.timestamp = modified
    event.publish_timestamp = modified
    event.published = False
    event.distribution = EXPORT_DISTRIBUTION[distribution]
    orgc = MISPOrganisation()
    orgc.from_dict(name=source.name, uuid=organisation_uuid(source))
    event.Orgc = orgc
    group_uuid, group_name = sharing_group
    if event.distribution == SHARING_GROUP and group_uuid:
        group = MISPSharingGroup()
        group.from_dict(uuid=group_uuid, name=group_name or group_uuid)
        event.SharingGroup = group
    return event


def _derived(event: MISPEvent, *parts: str) -> str:
    return str(uuid.uuid5(uuid.UUID(event.uuid), "\n".join(parts)))


def _add_observable(
    event: MISPEvent, observable: SharedObservable, event_tlp: TLP, modified: datetime
) -> None:
    written = to_misp(observable)
    if written is None:
        return
    options: dict[str, Any] = {
        "category": written.category,
        "comment": written.comment,
        "to_ids": written.to_ids,
        "distribution": INHERIT,
        "timestamp": modified,
        "disable_correlation": False,
    }
    if observable.first_seen is not None:
        options["first_seen"] = observable.first_seen
    if written.object_name:
        obj = MISPObject(written.object_name, standalone=False)
        obj.uuid = _derived(event, written.object_name, written.value)
        obj.comment = written.comment
        obj.distribution = INHERIT
        obj.timestamp = modified
        attribute: MISPAttribute | list[MISPAttribute] | None = obj.add_attribute(
            written.object_relation,
            value=written.value,
            type=written.type,
            uuid=_derived(event, written.object_name, written.value, written.object_relation),
            **options,
        )
        for relation, value in written.object_extra:
            obj.add_attribute(
                relation,
                value=value,
                uuid=_derived(event, written.object_name, written.value, relation),
                distribution=INHERIT,
                timestamp=modified,
                to_ids=False,
                comment="",
            )
        event.add_object(obj)
    else:
        attribute = event.add_attribute(
            written.type,
            written.value,
            uuid=_derived(event, written.type, written.value),
            **options,
        )
    if (
        isinstance(attribute, MISPAttribute)
        and stricter_tlp(observable.tlp, event_tlp) != event_tlp
    ):
        attribute.add_tag(tlp_tag(observable.tlp))


def _add_observables(
    event: MISPEvent,
    observables: Iterable[SharedObservable],
    tlp: TLP,
    distribution: Distribution,
    modified: datetime,
) -> None:
    for observable in merged(observables):
        if observable.tlp is TLP.RED and distribution is not Distribution.ORGANISATION:
            continue  # TLP:RED never leaves the organisation
        _add_observable(event, observable, tlp, modified)


def _add_text(event: MISPEvent, value: str, category: str, comment: str, when: datetime) -> None:
    event.add_attribute(
        "text",
        value,
        uuid=_derived(event, "text", comment),
        category=category,
        comment=comment,
        to_ids=False,
        disable_correlation=True,
        distribution=INHERIT,
        timestamp=when,
    )


def _add_offence_tags(event: MISPEvent, offence: str, rsit: str, category: str) -> None:
    known = OFFENCES_BY_CODE.get(offence)
    rsit_name = rsit_tag(rsit or (known.rsit if known else ""))
    if rsit_name:
        event.add_tag(rsit_name)
    if offence:
        event.add_tag(machine_tag(CREX, "offence", offence))
    category = category or (known.category.value if known and known.category else "")
    if category:
        event.add_tag(machine_tag(CREX, "category", category))


def _loss(amount: Decimal, currency: str) -> str:
    return f"{amount} {currency}".strip()


def report_to_event(
    report: SharedReport,
    *,
    distribution: Distribution = Distribution.ORGANISATION,
    sharing_group_uuid: str | None = None,
    sharing_group_name: str = "",
) -> MISPEvent:
    """The MISP event for one report, to go to recipients with ``distribution``.

    Raises ValueError when the TLP and distribution do not go together (TLP:RED beyond
    the organisation, publication of anything but TLP:CLEAR, a group without its uuid).
    """
    _check(report.tlp, distribution, sharing_group_uuid)
    event = _new_event(
        event_uuid(report.source, report.reference),
        report.title or report.reference,
        report.created,
        report.modified,
        report.source,
        distribution,
        (sharing_group_uuid, sharing_group_name),
    )
    event.threat_level_id = threat_level(report.offence)
    event.analysis = ANALYSIS_INITIAL
    event.add_tag(tlp_tag(report.tlp))
    _add_offence_tags(event, report.offence, report.rsit, report.category)
    if report.victim_country:
        event.add_tag(machine_tag(CREX, "victim-country", report.victim_country.upper()))
    if report.language:
        event.add_tag(machine_tag(CREX, "language", report.language.lower()))
    _add_observables(event, report.observables, report.tlp, distribution, report.modified)
    if report.description.strip():
        _add_text(event, report.description, "Other", DESCRIPTION_COMMENT, report.modified)
    if report.loss_amount is not None:
        loss = _loss(report.loss_amount, report.loss_currency)
        _add_text(event, loss, "Financial fraud", LOSS_COMMENT, report.modified)
    if report.incident_at is not None:
        incident = report.incident_at
        if incident.tzinfo is None:
            incident = incident.replace(tzinfo=UTC)
        event.add_attribute(
            "datetime",
            incident.isoformat(),
            uuid=_derived(event, "datetime", INCIDENT_COMMENT),
            category="Other",
            comment=INCIDENT_COMMENT,
            to_ids=False,
            disable_correlation=True,
            distribution=INHERIT,
            timestamp=report.modified,
        )
    return event


def case_to_event(
    case: SharedCase,
    *,
    distribution: Distribution = Distribution.ORGANISATION,
    sharing_group_uuid: str | None = None,
    sharing_group_name: str = "",
) -> MISPEvent:
    """One MISP event for a case: the observables of all its reports, each once.

    An observable keeps the stricter of its own TLP and its report's; ValueError as for
    `report_to_event`.
    """
    _check(case.tlp, distribution, sharing_group_uuid)
    event = _new_event(
        event_uuid(case.source, case.reference, "case"),
        case.title or case.reference,
        case.created,
        case.modified,
        case.source,
        distribution,
        (sharing_group_uuid, sharing_group_name),
    )
    event.threat_level_id = threat_level(case.offence)
    event.analysis = ANALYSIS_ONGOING
    event.add_tag(tlp_tag(case.tlp))
    _add_offence_tags(event, case.offence, "", "")
    for country in dict.fromkeys(c.upper() for c in case.countries if c):
        event.add_tag(machine_tag(CREX, "victim-country", country))
    observables = (
        SharedObservable(o.type, o.value, stricter_tlp(o.tlp, report.tlp), o.role, o.first_seen)
        for report in case.reports
        for o in report.observables
    )
    _add_observables(event, observables, case.tlp, distribution, case.modified)
    return event


def event_json(event: MISPEvent) -> dict[str, object]:
    """The event as MISP feeds hold it, ``{"Event": {...}}``, with its distribution.

    PyMISP's feed form leaves distribution out; its ``with_distribution`` option changes
    PyMISP's class-wide field lists, so the event's distribution and sharing group are
    added here instead.
    """
    body = event.to_feed(with_local_tags=False)["Event"]
    distribution = getattr(event, "distribution", None)
    if distribution is not None:
        body["distribution"] = str(int(distribution))
    group = getattr(event, "SharingGroup", None)
    if group is not None and getattr(group, "uuid", None):
        body["SharingGroup"] = {"uuid": group.uuid, "name": getattr(group, "name", "")}
    return {"Event": body}
