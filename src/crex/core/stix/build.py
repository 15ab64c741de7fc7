"""STIX 2.1 bundles for shared reports and cases.

A report becomes a ``report`` SDO that refers to everything in it: an SCO per observable,
an ``indicator`` (with a ``based-on`` relationship to its SCO) for each observable of an
offender type, a ``vulnerability`` per CVE, and a ``location`` for the victim's country.
Its source organisation is an ``identity``, ``created_by_ref`` of every SDO and SRO. A
case becomes an ``incident`` with each of its reports ``related-to`` it.

Every object carries a TLP 2.0 marking: an observable's own (an observable may be
handled more strictly than its report), the report's or case's, and TLP:CLEAR for the
objects that say nothing by themselves (identities, countries, crex's extension
definitions). Ids are deterministic (`crex.core.stix.ids`): exporting the same record
twice gives the same objects, and a changed record a new version of the same ids.

`report_objects` and `case_objects` give the content one object at a time (for a TAXII
collection); `support_objects` gives what that content refers to but each store keeps
once: identities, marking definitions and extension definitions. A bundle is both.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from crex.core.countries import country_name
from crex.core.exchange import Party, SharedCase, SharedObservable, SharedReport
from crex.core.handling import TLP_ORDER, stricter_tlp
from crex.core.observables.types import ObservableType
from crex.core.stix import extensions as ext
from crex.core.stix.ids import CREX_EPOCH, stable_id, timestamp
from crex.core.stix.markings import KNOWN_MARKING_IDS, marking_definition, marking_id
from crex.core.stix.observables import is_indicator, pattern, sco
from crex.core.tlp import TLP

CREX_SOURCE_NAME = "crex"  # external_references source_name of crex references

# Organisation kinds whose STIX industry sector (industry-sector-ov) is clear.
KIND_SECTORS: dict[str, list[str]] = {
    "contact_point": ["government-national"],
    "law_enforcement": ["government-national"],
    "public_body": ["government"],
    "bank_payment": ["financial-services"],
    "isp_hosting": ["telecommunications"],
}

Obj = dict[str, Any]


def identity_id(party: Party) -> str:
    """The id of the identity of ``party``: kept from an import, else derived from its name."""
    return party.stix_id or stable_id("identity", party.name)


def report_id(report: SharedReport) -> str:
    """The id of the report SDO: kept from an import, else derived from source and reference."""
    return report.stix_id or stable_id("report", report.source.name, report.reference)


def incident_id(case: SharedCase) -> str:
    """The id of the incident SDO of a case, like `report_id`."""
    return case.stix_id or stable_id("incident", case.source.name, case.reference)


def _marks(tlp: TLP) -> list[str]:
    return [marking_id(tlp)]


def _location(party: Party, country: str) -> Obj:
    return {
        "type": "location",
        "spec_version": "2.1",
        "id": stable_id("location", identity_id(party), country),
        "created_by_ref": identity_id(party),
        "created": CREX_EPOCH,
        "modified": CREX_EPOCH,
        "name": country_name(country),
        "country": country,
        "object_marking_refs": _marks(TLP.CLEAR),
    }


def _relationship(
    source: str, kind: str, target: str, creator: str, created: str, modified: str, tlp: TLP
) -> Obj:
    return {
        "type": "relationship",
        "spec_version": "2.1",
        "id": stable_id("relationship", source, kind, target),
        "created_by_ref": creator,
        "created": created,
        "modified": modified,
        "relationship_type": kind,
        "source_ref": source,
        "target_ref": target,
        "object_marking_refs": _marks(tlp),
    }


def party_objects(party: Party) -> list[Obj]:
    """The identity of ``party`` (TLP:CLEAR) and, when it has a country, where it is."""
    identity: Obj = {
        "type": "identity",
        "spec_version": "2.1",
        "id": identity_id(party),
        "created": CREX_EPOCH,
        "modified": CREX_EPOCH,
        "name": party.name,
        "identity_class": "organization",
        "object_marking_refs": _marks(TLP.CLEAR),
    }
    if party.kind:
        identity["roles"] = [party.kind]
    if party.kind in KIND_SECTORS:
        identity["sectors"] = KIND_SECTORS[party.kind]
    objects = [identity]
    if party.country:
        location = _location(party, party.country)
        objects += [
            location,
            _relationship(
                identity["id"],
                "located-at",
                location["id"],
                identity["id"],
                CREX_EPOCH,
                CREX_EPOCH,
                TLP.CLEAR,
            ),
        ]
    return objects


def _labels(report: SharedReport) -> list[str]:
    pairs = (("category", report.category), ("offence", report.offence), ("rsit", report.rsit))
    return [f"crex:{key}={value}" for key, value in pairs if value]


def _vulnerability(report: SharedReport, observable: SharedObservable) -> Obj:
    rid, (created, modified) = report_id(report), _times(report)
    return {
        "type": "vulnerability",
        "spec_version": "2.1",
        "id": stable_id("vulnerability", rid, observable.value),
        "created_by_ref": identity_id(report.source),
        "created": created,
        "modified": modified,
        "name": observable.value,
        "external_references": [{"source_name": "cve", "external_id": observable.value}],
        "object_marking_refs": _marks(observable.tlp),
    }


def _indicator(report: SharedReport, observable: SharedObservable, matched: str) -> Obj:
    created, modified = _times(report)
    return {
        "type": "indicator",
        "spec_version": "2.1",
        "id": stable_id("indicator", report_id(report), matched),
        "created_by_ref": identity_id(report.source),
        "created": created,
        "modified": modified,
        "name": observable.value,
        "description": (
            f"{observable.type} reported as {observable.role.replace('_', ' ')} "
            f"in {report.reference} ({report.source.name})"
        ),
        "indicator_types": ["malicious-activity"],
        "pattern": matched,
        "pattern_type": "stix",
        "pattern_version": "2.1",
        "valid_from": created,
        "object_marking_refs": _marks(observable.tlp),
    }


def _times(report: SharedReport | SharedCase) -> tuple[str, str]:
    created, modified = timestamp(report.created), timestamp(report.modified)
    return created, max(created, modified)


def _observed_data(report: SharedReport, observable: SharedObservable, observed: str) -> Obj:
    created, modified = _times(report)
    first = timestamp(observable.first_seen) if observable.first_seen else created
    return {
        "type": "observed-data",
        "spec_version": "2.1",
        "id": stable_id("observed-data", report_id(report), observed),
        "created_by_ref": identity_id(report.source),
        "created": created,
        "modified": modified,
        "first_observed": min(first, created),
        "last_observed": created,
        "number_observed": 1,
        "object_refs": [observed],
        "object_marking_refs": _marks(observable.tlp),
    }


def _observable_objects(
    report: SharedReport, observable: SharedObservable
) -> tuple[str, list[Obj]]:
    """The id that stands for ``observable`` in the report, and the objects it needs.

    An indicator is ``based-on`` an ``observed-data`` of the SCO, the pairing STIX 2.1
    suggests (an indicator based on the SCO itself draws a validator warning).
    """
    if observable.type == ObservableType.CVE:
        vulnerability = _vulnerability(report, observable)
        return vulnerability["id"], [vulnerability]
    observed = sco(observable, _marks(observable.tlp))
    objects = [observed]
    if is_indicator(observable):
        data = _observed_data(report, observable, observed["id"])
        indicator = _indicator(report, observable, pattern(observable))
        created, modified = _times(report)
        based_on = _relationship(
            indicator["id"],
            "based-on",
            data["id"],
            identity_id(report.source),
            created,
            modified,
            observable.tlp,
        )
        objects += [data, indicator, based_on]
    return observed["id"], objects


def _report_extension(report: SharedReport, roles: dict[str, str], seen: dict[str, str]) -> Obj:
    facts: Obj = {"extension_type": "property-extension"}
    if report.loss_amount is not None:
        facts["loss_amount"] = str(report.loss_amount)
        if report.loss_currency:
            facts["loss_currency"] = report.loss_currency
    if report.incident_at is not None:
        facts["incident_at"] = timestamp(report.incident_at)
    if roles:
        facts["observable_roles"] = roles
    if seen:
        facts["observable_first_seen"] = seen
    return facts


def report_objects(report: SharedReport) -> list[Obj]:
    """The report's own objects (SDO, SCOs, indicators, relationships, location), in order.

    Identities, marking definitions and extension definitions are not included: they come
    from `support_objects`. Raises `ValueError` for an observable crex cannot export.
    """
    created, modified = _times(report)
    content: list[Obj] = []
    refs: list[str] = []
    roles: dict[str, str] = {}
    seen: dict[str, str] = {}
    if report.victim_country:
        location = _location(report.source, report.victim_country)
        content.append(location)
        refs.append(location["id"])
    for observable in report.observables:
        ref, objects = _observable_objects(report, observable)
        content += objects
        refs += [obj["id"] for obj in objects]
        roles[ref] = observable.role
        if observable.first_seen is not None:
            seen[ref] = timestamp(observable.first_seen)
    content = merge_objects(content)
    sdo: Obj = {
        "type": "report",
        "spec_version": "2.1",
        "id": report_id(report),
        "created_by_ref": identity_id(report.source),
        "created": created,
        "modified": modified,
        "name": report.title or report.reference,
    }
    if report.description:
        sdo["description"] = report.description
    sdo |= {"report_types": ["threat-report"], "published": created}
    if labels := _labels(report):
        sdo["labels"] = labels
    if report.language:
        sdo["lang"] = report.language
    sdo |= {
        "external_references": [{"source_name": CREX_SOURCE_NAME, "external_id": report.reference}],
        "object_refs": list(dict.fromkeys(refs)) or [identity_id(report.source)],
        "object_marking_refs": _marks(report.tlp),
    }
    facts = _report_extension(report, roles, seen)
    if len(facts) > 1:
        sdo["extensions"] = {ext.REPORT.id: facts}
    return [*content, sdo]


def case_objects(case: SharedCase) -> list[Obj]:
    """The case's own objects: its reports' objects, the incident and the links to it."""
    created, modified = _times(case)
    creator = identity_id(case.source)
    incident: Obj = {
        "type": "incident",
        "spec_version": "2.1",
        "id": incident_id(case),
        "created_by_ref": creator,
        "created": created,
        "modified": modified,
        "name": case.title or case.reference,
    }
    labels = [f"crex:offence={case.offence}"] if case.offence else []
    labels += [f"crex:country={country}" for country in case.countries]
    if labels:
        incident["labels"] = labels
    incident |= {
        "external_references": [{"source_name": CREX_SOURCE_NAME, "external_id": case.reference}],
        "object_marking_refs": _marks(case.tlp),
    }
    content: list[Obj] = []
    for report in case.reports:
        content += report_objects(report)
        content.append(
            _relationship(
                report_id(report),
                "related-to",
                incident["id"],
                creator,
                created,
                modified,
                stricter_tlp(report.tlp, case.tlp),
            )
        )
    return merge_objects([*content, incident])


def _parties(item: SharedReport | SharedCase) -> list[Party]:
    if isinstance(item, SharedReport):
        return [item.source]
    return [item.source, *(report.source for report in item.reports)]


def support_objects(item: SharedReport | SharedCase) -> list[Obj]:
    """What the objects of a report or case refer to but a store keeps once.

    The crex project identity and the extension definitions the content uses, the source
    identities (with their country), and the marking definitions of every marking used.
    """
    content = report_objects(item) if isinstance(item, SharedReport) else case_objects(item)
    return _support(item, content)


def _support(item: SharedReport | SharedCase, content: list[Obj]) -> list[Obj]:
    parties: list[Obj] = []
    for party in _parties(item):
        parties += party_objects(party)
    used = {key for obj in content for key in obj.get("extensions", {})}
    definitions = [e.definition() for e in ext.EXTENSIONS_BY_ID.values() if e.id in used]
    crex = [ext.crex_identity(), *definitions] if definitions else []
    support = merge_objects([*crex, *parties])
    marked = {
        KNOWN_MARKING_IDS[ref]
        for obj in (*support, *content)
        for ref in obj.get("object_marking_refs", [])
    }
    return [*(marking_definition(tlp) for tlp in reversed(TLP_ORDER) if tlp in marked), *support]


def _bundle(root: Obj, objects: list[Obj]) -> Obj:
    return {
        "type": "bundle",
        "id": stable_id("bundle", root["id"], root["modified"]),
        "objects": objects,
    }


def report_bundle(report: SharedReport) -> Obj:
    """The STIX 2.1 bundle of one report, as a JSON-ready dict."""
    content = report_objects(report)
    return _bundle(content[-1], merge_objects([*_support(report, content), *content]))


def case_bundle(case: SharedCase) -> Obj:
    """The STIX 2.1 bundle of a case with the reports in it, as a JSON-ready dict."""
    content = case_objects(case)
    return _bundle(content[-1], merge_objects([*_support(case, content), *content]))


def merge_objects(objects: Iterable[Obj]) -> list[Obj]:
    """``objects`` without repeats, in first-seen order.

    The same SCO can come twice with different markings (an IBAN in two reports of a
    case, handled more strictly in one): the stricter marking is kept.
    """
    merged: dict[str, Obj] = {}
    for obj in objects:
        earlier = merged.get(obj["id"])
        if earlier is None:
            merged[obj["id"]] = obj
        elif earlier != obj and "created" not in obj:
            tlp = stricter_tlp(_tlp_of(earlier), _tlp_of(obj))
            merged[obj["id"]] = earlier | {"object_marking_refs": _marks(tlp)}
    return list(merged.values())


def _tlp_of(obj: Obj) -> TLP:
    levels = [KNOWN_MARKING_IDS[ref] for ref in obj.get("object_marking_refs", [])]
    return min(levels, key=TLP_ORDER.index) if levels else TLP.CLEAR
