"""A MISP event (JSON) read into a crex `SharedReport`, with what could not be imported.

Accepted forms: ``{"Event": {...}}`` (feeds, exports), a bare event dict, and
``{"response": [{"Event": {...}}, ...]}`` (REST search; the first event is read).
Observables come from the event's attributes and from the attributes of its objects
(a ``bank-account`` object's IBAN, a ``url`` object's URL, a ``file`` object's hashes,
a ``coin-address`` object's address by its symbol). Each value is brought to crex's
canonical form; an attribute that cannot be is listed in ``skipped`` with the reason.
Attributes of objects that crex has no type for (a URL's scheme, a file's size) describe
their object and are left out without a skipped entry.

Defaults, for what an event does not say: TLP:AMBER when it has no TLP tag (crex's
`DEFAULT_TLP`), and ``default_distribution`` (organisation) when it has no distribution,
as in feeds. An event at TLP:RED, or shared with a sharing group it does not name, is
kept to the organisation. Anything that is not a readable event raises `MispError`.
"""

from __future__ import annotations

import copy
import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from pymisp import MISPAttribute, MISPEvent, PyMISPError

from crex.core.exchange import Party, SharedObservable, SharedReport
from crex.core.handling import Distribution, stricter_tlp
from crex.core.misp.codes import distribution_from_code
from crex.core.misp.errors import MispError, Skipped
from crex.core.misp.mapping import (
    COMPOSITE_TYPES,
    DESCRIPTION_COMMENT,
    IMPORT_TYPES,
    INCIDENT_COMMENT,
    LOSS_COMMENT,
    Imported,
    NotImported,
    from_misp,
    role_from_comment,
)
from crex.core.misp.tags import read_tags, tlp_from_tags
from crex.core.taxonomy import Category, is_offence
from crex.core.tlp import DEFAULT_TLP, TLP

# Everything PyMISP raises on a malformed part of an event.
_PYMISP_ERRORS = (
    PyMISPError,
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
    OverflowError,
    OSError,
)
# The parts of an event that MISPEvent reads; the rest is read here or not at all.
_META = ("info", "uuid", "date", "timestamp", "threat_level_id", "analysis", "Tag")
_CARD_RUN = re.compile(r"\d(?:[ -]?\d){11,18}")
_LOSS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]{3})?\s*$")
_SYMBOL_RELATION = "symbol"


@dataclass(frozen=True)
class ParsedEvent:
    """One MISP event as crex reads it.

    ``report.reference`` is the event's uuid; ``source`` is its creator (Orgc), whose
    MISP uuid is ``source_uuid`` (and ``identity--<uuid>`` its STIX id).
    """

    uuid: str
    report: SharedReport
    source: Party
    source_uuid: str
    distribution: Distribution
    sharing_group_uuid: str = ""
    sharing_group_name: str = ""
    skipped: tuple[Skipped, ...] = field(default_factory=tuple)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def load_document(data: bytes | str | Mapping[str, Any]) -> Any:
    """A JSON document from bytes, text or an already decoded mapping; `MispError` if bad."""
    if isinstance(data, Mapping):
        try:
            return copy.deepcopy(dict(data))
        except RecursionError:
            raise MispError("This document is nested too deeply.") from None
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise MispError("This is not UTF-8 text.") from None
    if not isinstance(data, str):
        raise MispError("Give a MISP event as JSON bytes, text or a dict.")
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as error:
        raise MispError(f"This is not JSON: {error}") from None


def _unwrap(document: Any) -> tuple[dict[str, Any], str]:
    path = ""
    if isinstance(document, dict) and "response" in document:
        found = document["response"]
        if not isinstance(found, list):
            raise MispError("A search response holds a list of events.", "response")
        if not found:
            raise MispError("The search response holds no event.", "response")
        document, path = found[0], "response[0]"
    if isinstance(document, dict) and "Event" in document:
        document, path = document["Event"], _join(path, "Event")
    if not isinstance(document, dict):
        raise MispError("This is not a MISP event.", path)
    if "info" not in document and "Attribute" not in document and "uuid" not in document:
        raise MispError("This is not a MISP event: it has no Event.", path)
    return document, path


def _text(event: dict[str, Any], key: str, path: str, what: str) -> str:
    value = event.get(key)
    if not isinstance(value, str) or not value.strip():
        raise MispError(f"The event has no {what}.", _join(path, key))
    return value.strip()


def _uuid(value: object, path: str, what: str) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise MispError(f"The {what} is not a uuid.", path) from None


def _source(event: dict[str, Any], path: str) -> tuple[Party, str]:
    key = "Orgc" if isinstance(event.get("Orgc"), dict) else "Org"
    org = event.get(key)
    if not isinstance(org, dict) or not isinstance(org.get("name"), str) or not org["name"]:
        raise MispError("The event names no creator organisation (Orgc).", _join(path, "Orgc"))
    org_uuid = ""
    if org.get("uuid"):
        org_uuid = _uuid(org["uuid"], _join(path, f"{key}.uuid"), "organisation uuid")
    stix_id = f"identity--{org_uuid}" if org_uuid else ""
    return Party(name=org["name"].strip(), stix_id=stix_id), org_uuid


def _meta(event: dict[str, Any], path: str) -> MISPEvent:
    meta = MISPEvent()
    try:
        meta.from_dict(**{k: v for k, v in event.items() if k in _META})
    except _PYMISP_ERRORS as error:
        raise MispError(f"PyMISP cannot read the event: {error}", path) from None
    return meta


def _when(meta: MISPEvent, path: str) -> tuple[datetime, datetime]:
    stamp: datetime | None = getattr(meta, "timestamp", None)
    day = getattr(meta, "date", None)
    if day is not None:
        created = datetime.combine(day, time(), UTC)
    elif stamp is not None:
        created = stamp
    else:
        raise MispError("The event has neither date nor timestamp.", _join(path, "date"))
    return created, stamp or created


def _preview(value: object) -> str:
    # Card numbers are masked before shortening, so that no part of one is left whole.
    text = _CARD_RUN.sub(lambda m: m.group()[:6] + "…", str(value)[:2000])
    return text[:120]


@dataclass
class _Reader:
    """What is read from the attributes of one event, as it is read."""

    tlp: TLP
    card_secret: bytes
    observables: dict[tuple[str, str, str], SharedObservable] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    description: str = ""
    incident_at: datetime | None = None
    loss: tuple[Decimal, str] | None = None

    def skip(self, path: str, raw: Mapping[str, Any], reason: str) -> None:
        misp_type = raw.get("type")
        value = "…" if misp_type == "cc-number" else _preview(raw.get("value", ""))
        self.skipped.append(Skipped(path, str(misp_type or ""), value, reason))

    def attribute(self, raw: object, path: str) -> MISPAttribute | None:
        """A MISPAttribute of ``raw``, or None (and a skipped entry) if it is malformed."""
        if not isinstance(raw, dict):
            self.skipped.append(Skipped(path, "", _preview(raw), "This is not an attribute."))
            return None
        if raw.get("deleted") in (True, "1", 1):
            return None
        if not isinstance(raw.get("type"), str) or not raw["type"]:
            self.skip(path, raw, "The attribute has no type.")
            return None
        if raw.get("value") in (None, ""):
            self.skip(path, raw, "The attribute has no value.")
            return None
        attribute = MISPAttribute()
        if raw["type"] not in attribute.known_types:
            self.skip(path, raw, f"Unknown MISP attribute type {raw['type']}.")
            return None
        try:
            attribute.from_dict(**copy.deepcopy(raw))
        except _PYMISP_ERRORS as error:
            self.skip(path, raw, f"PyMISP cannot read the attribute: {str(error)[:200]}")
            return None
        return attribute

    def add(self, found: Imported, attribute: MISPAttribute) -> None:
        tags = [getattr(tag, "name", "") for tag in attribute.tags]
        own = tlp_from_tags(tags)
        tlp = stricter_tlp(self.tlp, own) if own else self.tlp
        seen = getattr(attribute, "first_seen", None)
        if isinstance(seen, datetime) and seen.tzinfo is None:
            seen = seen.replace(tzinfo=UTC)
        key = (found.type, found.value, found.role)
        if key in self.observables:
            tlp = stricter_tlp(tlp, self.observables[key].tlp)
            seen = self.observables[key].first_seen or seen
        self.observables[key] = SharedObservable(found.type, found.value, tlp, found.role, seen)

    def crex_field(self, attribute: MISPAttribute, path: str, raw: Mapping[str, Any]) -> bool:
        """Read a narrative, loss or incident time that crex wrote; False if it is none."""
        comment = (getattr(attribute, "comment", "") or "").strip().lower()
        value = attribute.value
        if attribute.type == "text" and comment == DESCRIPTION_COMMENT:
            self.description = str(value)
        elif attribute.type == "text" and comment == LOSS_COMMENT:
            match = _LOSS.match(str(value))
            try:
                amount = Decimal(match.group(1)) if match else None
            except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
                amount = None
            if match is None or amount is None:
                self.skip(path, raw, "A loss is an amount and a currency code, e.g. 120.50 EUR.")
            else:
                self.loss = (amount, (match.group(2) or "").upper())
        elif attribute.type == "datetime" and comment == INCIDENT_COMMENT:
            if isinstance(value, datetime):
                self.incident_at = value if value.tzinfo else value.replace(tzinfo=UTC)
        else:
            return False
        return True

    def top_level(self, raw: object, path: str) -> None:
        """Read one attribute of the event itself."""
        attribute = self.attribute(raw, path)
        if attribute is None or not isinstance(raw, dict):
            return
        if self.crex_field(attribute, path, raw):
            return
        try:
            found = from_misp(
                attribute.type,
                str(attribute.value),
                comment=getattr(attribute, "comment", "") or "",
                card_secret=self.card_secret,
            )
        except NotImported as error:
            self.skip(path, raw, error.reason)
            return
        for item in found:
            self.add(item, attribute)

    def misp_object(self, raw: object, path: str) -> None:
        """Read the attributes of one object."""
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            self.skipped.append(Skipped(path, "", "", "This is not a MISP object."))
            return
        if raw.get("deleted") in (True, "1", 1):
            return
        items = raw.get("Attribute") or []
        if not isinstance(items, list):
            self.skipped.append(Skipped(path, "", "", "An object holds a list of attributes."))
            return
        name = raw["name"]
        symbol = next(
            (
                str(item.get("value", ""))
                for item in items
                if isinstance(item, dict) and item.get("object_relation") == _SYMBOL_RELATION
            ),
            "",
        )
        object_comment = raw.get("comment") if isinstance(raw.get("comment"), str) else ""
        for index, item in enumerate(items):
            item_path = f"{path}.Attribute[{index}]"
            attribute = self.attribute(item, item_path)
            if attribute is None or not isinstance(item, dict):
                continue
            relation = str(item.get("object_relation") or "")
            comment = getattr(attribute, "comment", "") or ""
            if not role_from_comment(comment):
                comment = object_comment or ""
            try:
                found = from_misp(
                    attribute.type,
                    str(attribute.value),
                    comment=comment,
                    object_name=name,
                    relation=relation,
                    symbol=symbol,
                    card_secret=self.card_secret,
                )
            except NotImported as error:
                if _describes_object(attribute.type, name, relation):
                    continue
                self.skip(item_path, item, error.reason)
                continue
            for found_item in found:
                self.add(found_item, attribute)


def _describes_object(misp_type: str, object_name: str, relation: str) -> bool:
    """Whether an object attribute is a detail of its object rather than an observable."""
    if object_name == "user-account" and relation == "username":
        return False
    if object_name == "coin-address" and relation.startswith("address"):
        return False
    return misp_type not in IMPORT_TYPES and misp_type not in COMPOSITE_TYPES


def _items(event: dict[str, Any], key: str, path: str) -> list[Any]:
    items = event.get(key) or []
    if not isinstance(items, list):
        raise MispError(f"{key} is not a list.", _join(path, key))
    return items


def _sharing_group(event: dict[str, Any]) -> tuple[str, str]:
    group = event.get("SharingGroup")
    if not isinstance(group, dict):
        return "", ""
    try:
        group_uuid = str(uuid.UUID(str(group.get("uuid", ""))))
    except ValueError:
        group_uuid = ""
    name = group.get("name")
    return group_uuid, name.strip() if isinstance(name, str) else ""


def _country(countries: tuple[str, ...]) -> str:
    return next((c for c in countries if len(c) == 2 and c.isalpha()), "")


def _read_event(
    event: dict[str, Any],
    path: str,
    card_secret: bytes,
    default_distribution: Distribution,
) -> ParsedEvent:
    title = _text(event, "info", path, "info (title)")
    event_id = _uuid(event.get("uuid"), _join(path, "uuid"), "event uuid")
    distribution = default_distribution
    if event.get("distribution") not in (None, ""):
        distribution = distribution_from_code(event["distribution"], _join(path, "distribution"))
    source, source_uuid = _source(event, path)
    meta = _meta(event, path)
    created, modified = _when(meta, path)
    tags = read_tags(getattr(tag, "name", "") for tag in meta.tags)
    tlp = tags.tlp or DEFAULT_TLP
    group_uuid, group_name = _sharing_group(event)
    if tlp is TLP.RED or (distribution is Distribution.GROUP and not group_uuid):
        distribution = Distribution.ORGANISATION
    if distribution is not Distribution.GROUP:
        group_uuid = group_name = ""

    reader = _Reader(tlp, card_secret)
    for index, raw in enumerate(_items(event, "Attribute", path)):
        reader.top_level(raw, _join(path, f"Attribute[{index}]"))
    for index, raw in enumerate(_items(event, "Object", path)):
        reader.misp_object(raw, _join(path, f"Object[{index}]"))

    loss_amount, loss_currency = reader.loss or (None, "")
    report = SharedReport(
        reference=event_id,
        title=title,
        tlp=tlp,
        created=created,
        modified=modified,
        source=source,
        category=tags.category if tags.category in set(Category) else "",
        offence=tags.offence if is_offence(tags.offence) else "",
        rsit=tags.rsit,
        victim_country=_country(tags.victim_countries),
        language=tags.language,
        description=reader.description,
        incident_at=reader.incident_at,
        loss_amount=loss_amount,
        loss_currency=loss_currency,
        observables=tuple(reader.observables.values()),
    )
    return ParsedEvent(
        uuid=event_id,
        report=report,
        source=source,
        source_uuid=source_uuid,
        distribution=distribution,
        sharing_group_uuid=group_uuid,
        sharing_group_name=group_name,
        skipped=tuple(reader.skipped),
    )


def parse_event(
    data: bytes | str | Mapping[str, Any],
    *,
    card_secret: bytes = b"",
    default_distribution: Distribution = Distribution.ORGANISATION,
) -> ParsedEvent:
    """Read one MISP event; raises `MispError` (message and path) if it is not readable.

    ``card_secret`` keys the hash kept of a ``cc-number`` (without it, card numbers are
    skipped); ``default_distribution`` applies to events that carry none (feeds).
    The caller's dict is not changed.
    """
    event, path = _unwrap(load_document(data))
    try:
        return _read_event(event, path, card_secret, default_distribution)
    except MispError:
        raise
    except (*_PYMISP_ERRORS, RecursionError) as error:
        raise MispError(f"This MISP event cannot be read: {error}", path) from None
