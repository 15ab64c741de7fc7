"""Read a STIX 2.1 bundle into crex's exchange records.

Reports (``report``, and misp-stix's ``grouping`` for unpublished events) become
`SharedReport`s with their observables; observables outside every report come back
loose. Markings are read through `crex.core.stix.markings` (TLP 2.0, TLP 1.0 and OpenCTI
ids, or a TLP marking-definition in the bundle); an observable is never handled more
loosely than its report. Values are re-canonicalised with crex's normalisers: an invalid
one is left out with the reason in ``skipped``, as is every object crex does not import.
Input that is not a readable bundle raises `StixError` naming where it went wrong, and
nothing else escapes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from crex.core.countries import is_country
from crex.core.exchange import Party, SharedObservable, SharedReport
from crex.core.handling import stricter_tlp
from crex.core.observables import InvalidObservable
from crex.core.stix import extensions as ext
from crex.core.stix.build import CREX_SOURCE_NAME
from crex.core.stix.errors import StixError
from crex.core.stix.ids import parse_timestamp
from crex.core.stix.imported import candidates, canonical, describe
from crex.core.stix.markings import tlp_of_definition, tlp_of_marking
from crex.core.taxonomy import canonical_rsit
from crex.core.tlp import DEFAULT_TLP, TLP

_ID = re.compile(
    r"^(?P<type>[a-z0-9][a-z0-9-]*[a-z0-9])--"
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)
_CREX_LABEL = re.compile(r"^crex:(?P<key>category|offence|rsit)=(?P<value>\S+)$")
_MISP_RSIT = re.compile(r'^rsit:(?P<class>[a-z-]+)="(?P<type>[a-z-]+)"$')
_KIND = re.compile(r"^[a-z][a-z_]*$")

CONTAINERS = frozenset({"report", "grouping"})
# Objects read for what they say about others, never imported on their own.
SUPPORT_TYPES = frozenset(
    {
        "marking-definition",
        "identity",
        "extension-definition",
        "relationship",
        "location",
        "observed-data",
        "note",
        "opinion",
        "language-content",
    }
)


@dataclass(frozen=True)
class ParsedBundle:
    """What a bundle held that crex imports, and what it left out and why."""

    reports: list[SharedReport] = field(default_factory=list)
    observables: list[SharedObservable] = field(default_factory=list)  # outside every report
    sender: Party | None = None
    skipped: list[str] = field(default_factory=list)  # "<id>: <why>"


def parse_bundle(
    data: bytes | str | Mapping[str, Any], *, card_secret: bytes = b""
) -> ParsedBundle:
    """Read a STIX 2.1 bundle (JSON bytes or text, or the decoded object).

    ``card_secret`` is this node's key for reducing whole card numbers (OpenCTI's
    ``payment-card``, MISP's ``cc-number``) to BIN, last four and keyed hash; without it
    such cards are skipped. Raises `StixError` for input that is not a readable bundle.
    """
    try:
        return _Reader(_load(data), card_secret).read()
    except StixError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as error:
        raise StixError(f"cannot read the bundle: {error}") from error


def _load(data: bytes | str | Mapping[str, Any]) -> list[Mapping[str, Any]]:
    if hasattr(data, "serialize"):  # a stix2 Bundle: read what it would send
        data = data.serialize()
    if isinstance(data, bytes | bytearray):
        try:
            data = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise StixError(f"not UTF-8 text: {error.reason} at byte {error.start}") from None
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as error:
            raise StixError(
                f"not JSON: {error.msg} (line {error.lineno}, column {error.colno})"
            ) from None
        except RecursionError:
            raise StixError("not JSON crex can read: nested too deeply") from None
    if not isinstance(data, Mapping):
        raise StixError(f"expected a STIX bundle (a JSON object), got {_kind(data)}")
    if data.get("type") != "bundle":
        raise StixError(f"expected type 'bundle', got {data.get('type')!r}", "$.type")
    objects = data.get("objects", [])
    if not isinstance(objects, list):
        raise StixError(f"objects must be a list, got {_kind(objects)}", "$.objects")
    for index, obj in enumerate(objects):
        _check_object(obj, f"$.objects[{index}]")
    return objects


def _kind(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", type(None): "null"}
    return names.get(type(value), f"a {type(value).__name__}")


def _check_object(obj: object, path: str) -> None:
    if not isinstance(obj, Mapping):
        raise StixError(f"a STIX object must be a JSON object, got {_kind(obj)}", path)
    kind = obj.get("type")
    if not isinstance(kind, str) or not kind:
        raise StixError("the object has no type", f"{path}.type")
    identifier = obj.get("id")
    if not isinstance(identifier, str):
        raise StixError(f"the {kind} object has no id", f"{path}.id")
    found = _ID.match(identifier)
    if found is None or found["type"] != kind:
        raise StixError(f"{identifier!r} is not an id of a {kind} (<type>--<uuid>)", f"{path}.id")


class _Reader:
    """One pass over the objects of one bundle."""

    def __init__(self, objects: list[Mapping[str, Any]], card_secret: bytes) -> None:
        self.card_secret = card_secret
        self.objects: dict[str, Mapping[str, Any]] = {}
        self.paths: dict[str, str] = {}
        for index, obj in enumerate(objects):
            path = f"$.objects[{index}]"
            earlier = self.objects.get(obj["id"])
            if earlier is None or self._modified(obj, path) > self._modified(
                earlier, self.paths[obj["id"]]
            ):
                self.objects[obj["id"]] = obj
                self.paths[obj["id"]] = path
        self.used: set[str] = set()
        self.skipped: list[str] = []

    # -- properties -----------------------------------------------------------------------

    def _text(self, obj: Mapping[str, Any], key: str, path: str) -> str:
        value = obj.get(key, "")
        if not isinstance(value, str):
            raise StixError(f"{key} must be a string, not {_kind(value)}", f"{path}.{key}")
        return value

    def _time(self, obj: Mapping[str, Any], key: str, path: str) -> datetime:
        value = obj.get(key)
        if not isinstance(value, str):
            raise StixError(f"{key} must be a timestamp", f"{path}.{key}")
        try:
            return parse_timestamp(value)
        except ValueError:
            raise StixError(f"{key} is not a STIX timestamp: {value!r}", f"{path}.{key}") from None

    def _modified(self, obj: Mapping[str, Any], path: str) -> datetime:
        key = "modified" if "modified" in obj else "created"
        return self._time(obj, key, path) if key in obj else datetime.min.replace(tzinfo=UTC)

    def _refs(self, obj: Mapping[str, Any], key: str, path: str) -> list[str]:
        refs = obj.get(key, [])
        if not isinstance(refs, list) or not all(isinstance(ref, str) for ref in refs):
            raise StixError(f"{key} must be a list of ids", f"{path}.{key}")
        return refs

    # -- markings and parties ---------------------------------------------------------------

    def tlp(self, obj: Mapping[str, Any], path: str) -> TLP | None:
        """The TLP of ``obj`` (the strictest of its TLP markings), None when unmarked."""
        found: TLP | None = None
        for index, ref in enumerate(self._refs(obj, "object_marking_refs", path)):
            level = tlp_of_marking(ref)
            if level is None:
                definition = self.objects.get(ref)
                if definition is None or definition.get("type") != "marking-definition":
                    raise StixError(
                        f"unknown marking {ref!r}: not a TLP marking crex knows, and not in "
                        "the bundle",
                        f"{path}.object_marking_refs[{index}]",
                    )
                level = tlp_of_definition(definition)  # None: a statement, not TLP
            if level is not None:
                found = level if found is None else stricter_tlp(found, level)
        return found

    def party(self, ref: str) -> Party:
        """The organisation behind an identity id, as far as the bundle says."""
        identity = self.objects.get(ref)
        if identity is None:
            return Party(name=ref, stix_id=ref)
        here = self.paths[ref]
        roles = self._refs(identity, "roles", here)
        kind = next((role for role in roles if _KIND.match(role)), "")
        return Party(
            name=self._text(identity, "name", here) or ref,
            country=self._country_of(ref),
            kind=kind,
            stix_id=ref,
        )

    def _country_of(self, identity: str) -> str:
        for obj in self.objects.values():
            if (
                obj["type"] == "relationship"
                and obj.get("relationship_type") == "located-at"
                and obj.get("source_ref") == identity
            ):
                country = self._country(obj.get("target_ref"))
                if country:
                    return country
        return ""

    def _country(self, ref: object) -> str:
        location = self.objects.get(ref) if isinstance(ref, str) else None
        if location is None or location["type"] != "location":
            return ""
        code = location.get("country")
        return code.upper() if isinstance(code, str) and is_country(code.upper()) else ""

    def sender(self) -> Party | None:
        """Who the bundle comes from: the creator of its case, or of all its reports."""
        objects = self.objects.values()
        containers = [obj for obj in objects if obj["type"] == "incident"] or [
            obj for obj in objects if obj["type"] in CONTAINERS
        ]
        creators = {obj.get("created_by_ref") for obj in containers}
        if not containers:  # loose observables only: the one organisation in the bundle
            creators = {
                key
                for key, obj in self.objects.items()
                if obj["type"] == "identity" and key != ext.CREX_IDENTITY_ID
            }
        ref = creators.pop() if len(creators) == 1 else None
        return self.party(ref) if isinstance(ref, str) else None

    # -- observables --------------------------------------------------------------------

    def observables(self, ref: str, tlp: TLP | None, reached: list[str]) -> list[SharedObservable]:
        """The observables ``ref`` stands for (an SCO, an indicator, an observed-data...)."""
        obj = self.objects.get(ref)
        if obj is None or ref in reached:
            return []
        path = self.paths[ref]
        own = self.tlp(obj, path)
        level = own if tlp is None else (tlp if own is None else stricter_tlp(tlp, own))
        reached.append(ref)
        if obj["type"] == "observed-data":
            found = []
            for inner in self._refs(obj, "object_refs", path):
                found += self.observables(inner, level, reached)
            embedded = obj.get("objects", {})
            if isinstance(embedded, Mapping):
                for key, sco in embedded.items():
                    if isinstance(sco, Mapping):
                        found += self._read(sco, f"{path}.objects.{key}", ref, level)
            return found
        return self._read(obj, path, ref, level)

    def _read(
        self, obj: Mapping[str, Any], path: str, ref: str, tlp: TLP | None
    ) -> list[SharedObservable]:
        pairs = candidates(obj, path)
        if pairs is None:
            if obj["type"] not in SUPPORT_TYPES | CONTAINERS:
                self.skip(ref, f"crex does not import {obj['type']} objects")
            return []
        if not pairs:
            self.skip(ref, f"no observable crex reads in this {obj['type']}")
        found = []
        for kind, value in pairs:
            try:
                value_of = canonical(kind, value, self.card_secret)
            except InvalidObservable as error:
                self.skip(ref, f"{describe(kind, value)} left out: {error}")
                continue
            found.append(SharedObservable(value_of.type.value, value_of.value, tlp or DEFAULT_TLP))
        return found

    def skip(self, ref: str, reason: str) -> None:
        """Note that ``ref`` (or part of it) is not imported, once."""
        entry = f"{ref}: {reason}"
        if entry not in self.skipped:
            self.skipped.append(entry)

    # -- reports --------------------------------------------------------------------------

    def report(self, ref: str) -> SharedReport:
        """A report (or grouping) SDO as a `SharedReport` with its observables."""
        obj, path = self.objects[ref], self.paths[ref]
        tlp = self.tlp(obj, path) or DEFAULT_TLP
        created = self._time(obj, "created", path)
        modified = self._time(obj, "modified", path) if "modified" in obj else created
        creator = obj.get("created_by_ref")
        if creator is not None and not isinstance(creator, str):
            raise StixError("created_by_ref must be an identity id", f"{path}.created_by_ref")
        source = self.party(creator) if creator else (self.sender() or Party(name="unknown"))
        facts = self._facts(obj, path)
        roles, seen = facts.get("observable_roles", {}), facts.get("observable_first_seen", {})
        observables: dict[tuple[str, str], SharedObservable] = {}
        country = ""
        for index, inner in enumerate(self._refs(obj, "object_refs", path)):
            if inner not in self.objects:
                self.skip(inner, f"referred to by {ref} but not in the bundle")
                continue
            country = country or self._country(inner)
            reached: list[str] = []
            for found in self.observables(inner, tlp, reached):
                role = roles.get(inner, "mentioned")
                first = seen.get(inner)
                found = replace(
                    found,
                    role=role if isinstance(role, str) else "mentioned",
                    first_seen=self._optional_time(first, f"{path}.object_refs[{index}]"),
                )
                observables[found.type, found.value] = _merge(
                    observables.get((found.type, found.value)), found
                )
            self.used.update(reached)
            self.used.add(inner)
        category, offence, rsit = self._labels(obj, path)
        loss, currency = self._loss(facts, path)
        return SharedReport(
            reference=self._reference(obj, path) or ref,
            title=self._text(obj, "name", path) or ref,
            tlp=tlp,
            created=created,
            modified=max(created, modified),
            source=source,
            category=category,
            offence=offence,
            rsit=rsit,
            victim_country=country,
            language=self._text(obj, "lang", path),
            description=self._text(obj, "description", path),
            incident_at=self._optional_time(facts.get("incident_at"), f"{path}.extensions"),
            loss_amount=loss,
            loss_currency=currency,
            observables=tuple(observables.values()),
            stix_id=ref,
        )

    def _optional_time(self, value: object, path: str) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise StixError("a time must be a timestamp string", path)
        try:
            return parse_timestamp(value)
        except ValueError:
            raise StixError(f"not a STIX timestamp: {value!r}", path) from None

    def _facts(self, obj: Mapping[str, Any], path: str) -> dict[str, Any]:
        extensions = obj.get("extensions", {})
        if not isinstance(extensions, Mapping):
            raise StixError("extensions must be an object", f"{path}.extensions")
        facts = extensions.get(ext.REPORT.id, {})
        if not isinstance(facts, Mapping):
            raise StixError("the crex report extension must be an object", f"{path}.extensions")
        for key in ("observable_roles", "observable_first_seen"):
            if not isinstance(facts.get(key, {}), Mapping):
                raise StixError(f"{key} must be an object", f"{path}.extensions.{key}")
        return dict(facts)

    def _loss(self, facts: Mapping[str, Any], path: str) -> tuple[Decimal | None, str]:
        amount, currency = facts.get("loss_amount"), facts.get("loss_currency", "")
        if amount is None:
            return None, ""
        try:
            return Decimal(str(amount)), currency if isinstance(currency, str) else ""
        except InvalidOperation:
            raise StixError(f"not an amount: {amount!r}", f"{path}.extensions") from None

    def _labels(self, obj: Mapping[str, Any], path: str) -> tuple[str, str, str]:
        found = {"category": "", "offence": "", "rsit": ""}
        for label in self._refs(obj, "labels", path):
            crex = _CREX_LABEL.match(label)
            misp = _MISP_RSIT.match(label)
            if crex is not None:
                found[crex["key"]] = crex["value"]
            elif misp is not None and not found["rsit"]:
                found["rsit"] = f"{misp['class']}/{misp['type']}"
        rsit = canonical_rsit(found["rsit"]) if "/" in found["rsit"] else ""
        return found["category"], found["offence"], rsit

    def _reference(self, obj: Mapping[str, Any], path: str) -> str:
        references = obj.get("external_references", [])
        if not isinstance(references, list):
            raise StixError("external_references must be a list", f"{path}.external_references")
        for reference in references:
            if (
                isinstance(reference, Mapping)
                and reference.get("source_name") == CREX_SOURCE_NAME
                and isinstance(reference.get("external_id"), str)
            ):
                return str(reference["external_id"])
        return ""

    # -- the whole bundle -----------------------------------------------------------------

    def read(self) -> ParsedBundle:
        """Reports, loose observables, sender and what was left out."""
        for ref, obj in self.objects.items():
            self.tlp(obj, self.paths[ref])  # every marking must be one crex can honour
        reports = [
            self.report(ref) for ref, obj in self.objects.items() if obj["type"] in CONTAINERS
        ]
        loose: dict[tuple[str, str], SharedObservable] = {}
        for ref, obj in self.objects.items():
            if ref in self.used or obj["type"] in SUPPORT_TYPES | CONTAINERS:
                continue
            if obj["type"] == "incident":
                self.skip(ref, "a case: its reports are imported one by one")
                continue
            for observable in self.observables(ref, None, []):
                key = (observable.type, observable.value)
                loose[key] = _merge(loose.get(key), observable)
        return ParsedBundle(
            reports=reports,
            observables=list(loose.values()),
            sender=self.sender(),
            skipped=self.skipped,
        )


def _merge(earlier: SharedObservable | None, later: SharedObservable) -> SharedObservable:
    """One observable seen twice: the stricter marking and the more telling role."""
    if earlier is None:
        return later
    role = earlier.role if earlier.role != "mentioned" else later.role
    return replace(
        earlier,
        tlp=stricter_tlp(earlier.tlp, later.tlp),
        role=role,
        first_seen=earlier.first_seen or later.first_seen,
    )
