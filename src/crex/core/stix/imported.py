"""Observables read from STIX objects written by crex, OpenCTI, misp-stix and others.

`candidates` says which crex observables a STIX object carries, as (type, raw value)
pairs: standard SCOs, crex's ``x-crex-*`` SCOs, OpenCTI's ``bank-account``,
``phone-number``, ``cryptocurrency-wallet`` and ``payment-card``, misp-stix's
``x-misp-attribute`` and ``x-misp-object``, ``vulnerability`` objects named by a CVE, and
the equality comparisons of indicator patterns. `canonical` then brings a raw value to
crex's canonical form with `crex.core.observables.normalise`, so an imported IBAN is the
same value as one typed in a report. A whole card number is reduced at once to BIN, last
four digits and keyed hash; it never appears in a result or in a message.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from stix2patterns.exceptions import ParseException
from stix2patterns.v21.pattern import Pattern

from crex.core.observables import Normalised, detect_wallet, normalise
from crex.core.observables.types import ObservableType as T
from crex.core.stix.errors import StixError
from crex.core.stix.observables import CARD_VALUE

# Raw types that name a family rather than a type: the value says which one it is.
ANY_IP = "ip"
ANY_WALLET = "wallet"

Candidate = tuple[str, str]  # (crex type, or ANY_IP / ANY_WALLET; raw value)

_HASHES = {"MD5": T.MD5, "SHA1": T.SHA1, "SHA256": T.SHA256, "SHA512": T.SHA512}

# misp-stix writes MISP attributes STIX has no object for as x-misp-attribute.
MISP_TYPES: dict[str, str] = {
    "url": T.URL,
    "link": T.URL,
    "domain": T.DOMAIN,
    "hostname": T.DOMAIN,
    "ip-src": ANY_IP,
    "ip-dst": ANY_IP,
    "email": T.EMAIL,
    "email-src": T.EMAIL,
    "email-dst": T.EMAIL,
    "md5": T.MD5,
    "sha1": T.SHA1,
    "sha256": T.SHA256,
    "sha512": T.SHA512,
    "iban": T.IBAN,
    "bic": T.BIC,
    "phone-number": T.PHONE,
    "whois-registrant-phone": T.PHONE,
    "btc": T.BITCOIN,
    "xmr": T.MONERO,
    "cc-number": T.PAYMENT_CARD,
    "AS": T.ASN,
    "vulnerability": T.CVE,
}

# (object type, property path) of pattern comparisons crex reads.
PATTERN_PATHS: dict[tuple[str, tuple[str, ...]], str] = {
    ("url", ("value",)): T.URL,
    ("domain-name", ("value",)): T.DOMAIN,
    ("ipv4-addr", ("value",)): T.IPV4,
    ("ipv6-addr", ("value",)): T.IPV6,
    ("email-addr", ("value",)): T.EMAIL,
    ("email-message", ("from_ref", "value")): T.EMAIL,
    ("network-traffic", ("src_ref", "value")): ANY_IP,  # misp-stix ip-src
    ("network-traffic", ("dst_ref", "value")): ANY_IP,  # misp-stix ip-dst
    ("autonomous-system", ("number",)): T.ASN,
    ("user-account", ("account_login",)): T.USER_ACCOUNT,
    ("user-account", ("user_id",)): T.USER_ACCOUNT,
    ("x-crex-iban", ("value",)): T.IBAN,
    ("x-crex-bic", ("value",)): T.BIC,
    ("x-crex-phone-number", ("value",)): T.PHONE,
    ("x-crex-cryptocurrency-wallet", ("value",)): ANY_WALLET,
    ("bank-account", ("iban",)): T.IBAN,
    ("bank-account", ("bic",)): T.BIC,
    ("phone-number", ("value",)): T.PHONE,
    ("cryptocurrency-wallet", ("value",)): ANY_WALLET,
}

# SCO types whose ``value`` is the observable.
VALUE_TYPES: dict[str, str] = {
    "url": T.URL,
    "domain-name": T.DOMAIN,
    "ipv4-addr": T.IPV4,
    "ipv6-addr": T.IPV6,
    "email-addr": T.EMAIL,
    "x-crex-iban": T.IBAN,
    "x-crex-bic": T.BIC,
    "x-crex-phone-number": T.PHONE,
    "x-crex-cryptocurrency-wallet": ANY_WALLET,
    "phone-number": T.PHONE,  # OpenCTI
    "cryptocurrency-wallet": ANY_WALLET,  # OpenCTI
}

_CVE_NAME = re.compile(r"^CVE-\d{4}-\d{4,}$", re.IGNORECASE)


def _text(obj: Mapping[str, Any], key: str, path: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise StixError(f"{key} must be a string, not {type(value).__name__}", f"{path}.{key}")
    return value


def _hash_candidates(hashes: object, path: str) -> list[Candidate]:
    if not isinstance(hashes, Mapping):
        raise StixError("hashes must be an object", f"{path}.hashes")
    found = []
    for name, value in hashes.items():
        kind = _HASHES.get(str(name).upper().replace("-", ""))
        if kind is not None:
            if not isinstance(value, str):
                raise StixError("a hash must be a string", f"{path}.hashes.{name}")
            found.append((kind.value, value))
    return found


def _misp_attribute(
    attribute: Mapping[str, Any], type_key: str, value_key: str, path: str
) -> list[Candidate]:
    kind = _text(attribute, type_key, path)
    value = _text(attribute, value_key, path)
    if kind in MISP_TYPES and value is not None:
        return [(MISP_TYPES[kind], value)]
    return []


def _card(obj: Mapping[str, Any], path: str) -> list[Candidate]:
    parts = [_text(obj, key, path) for key in ("bin", "last4", "keyed_hash")]
    if any(part is None for part in parts):
        raise StixError("a payment card needs bin, last4 and keyed_hash", path)
    return [(T.PAYMENT_CARD, ":".join(part or "" for part in parts))]


def candidates(obj: Mapping[str, Any], path: str) -> list[Candidate] | None:
    """The crex observables ``obj`` carries, or None when its type is none crex reads.

    Raises `StixError` when a property crex reads has the wrong JSON type.
    """
    kind = obj.get("type")
    if kind in VALUE_TYPES:
        value = _text(obj, "value", path)
        return [(VALUE_TYPES[str(kind)], value)] if value is not None else []
    match kind:
        case "file":
            return _hash_candidates(obj.get("hashes", {}), path)
        case "autonomous-system":
            number = obj.get("number")
            if not isinstance(number, int) or isinstance(number, bool):
                raise StixError("number must be an integer", f"{path}.number")
            return [(T.ASN, f"AS{number}")]
        case "user-account":
            login = _text(obj, "account_login", path) or _text(obj, "user_id", path)
            return [(T.USER_ACCOUNT, login)] if login else []
        case "x-crex-payment-card":
            return _card(obj, path)
        case "bank-account":
            pairs = [(T.IBAN, _text(obj, "iban", path)), (T.BIC, _text(obj, "bic", path))]
            return [(k, v) for k, v in pairs if v]
        case "payment-card":
            number = _text(obj, "card_number", path) or _text(obj, "value", path)
            return [(T.PAYMENT_CARD, number)] if number else []
        case "vulnerability":
            return _vulnerability(obj, path)
        case "x-misp-attribute":
            return _misp_attribute(obj, "x_misp_type", "x_misp_value", path)
        case "x-misp-object":
            return _misp_object(obj, path)
        case "indicator":
            return _indicator(obj, path)
    return None


def _vulnerability(obj: Mapping[str, Any], path: str) -> list[Candidate]:
    names = [_text(obj, "name", path) or ""]
    references = obj.get("external_references", [])
    if isinstance(references, list):
        names += [
            str(ref.get("external_id", ""))
            for ref in references
            if isinstance(ref, Mapping) and str(ref.get("source_name", "")).lower() == "cve"
        ]
    cves = dict.fromkeys(name.upper() for name in names if _CVE_NAME.match(name))
    return [(T.CVE, cve) for cve in cves]


def _misp_object(obj: Mapping[str, Any], path: str) -> list[Candidate]:
    attributes = obj.get("x_misp_attributes", [])
    if not isinstance(attributes, list):
        raise StixError("x_misp_attributes must be a list", f"{path}.x_misp_attributes")
    found: list[Candidate] = []
    for index, attribute in enumerate(attributes):
        here = f"{path}.x_misp_attributes[{index}]"
        if not isinstance(attribute, Mapping):
            raise StixError("an attribute must be an object", here)
        found += _misp_attribute(attribute, "type", "value", here)
    return found


def _literal(text: str) -> str | None:
    if text.startswith("'") and text.endswith("'") and len(text) >= 2:
        return re.sub(r"\\(.)", r"\1", text[1:-1])
    return text if text.isdigit() else None


def _indicator(obj: Mapping[str, Any], path: str) -> list[Candidate]:
    if obj.get("pattern_type", "stix") != "stix":
        return []
    text = _text(obj, "pattern", path)
    if text is None:
        return []
    try:
        comparisons = Pattern(text).inspect().comparisons
    except ParseException:
        return []  # an unreadable pattern is reported as carrying nothing
    found: list[Candidate] = []
    for object_type, tests in comparisons.items():
        for steps, operator, literal in tests:
            value = _literal(str(literal))
            if operator != "=" or value is None:
                continue
            route = tuple(str(step) for step in steps)
            if object_type == "file" and len(route) == 2 and route[0] == "hashes":
                kind = _HASHES.get(route[1].upper().replace("-", ""))
                if kind is not None:
                    found.append((kind.value, value))
            elif (object_type, route) in PATTERN_PATHS:
                found.append((PATTERN_PATHS[object_type, route], value))
    return found


def canonical(kind: str, value: str, card_secret: bytes) -> Normalised:
    """The crex canonical form of a raw value; `InvalidObservable` when it is not one.

    A payment card that already is BIN:last4:keyed-hash (crex's own export) is kept as it
    is; a card number is reduced with ``card_secret`` (and refused without one).
    """
    if kind == ANY_WALLET:
        return detect_wallet(value)
    if kind == ANY_IP:
        return normalise(T.IPV6 if ":" in value else T.IPV4, value)
    card = CARD_VALUE.match(value.strip()) if kind == T.PAYMENT_CARD else None
    if card is not None:
        return Normalised(T.PAYMENT_CARD, card.group(0), f"{card['bin']}…{card['last4']}")
    return normalise(kind, value, card_secret=card_secret)


def describe(kind: str, value: str) -> str:
    """A value as it may appear in a message: never a payment card number."""
    if kind == T.PAYMENT_CARD:
        return "a payment card"
    shown = value if len(value) <= 80 else value[:77] + "..."
    return f"{kind} {shown!r}"
