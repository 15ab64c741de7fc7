"""crex observables as STIX Cyber-observable Objects (SCOs) and indicator patterns.

Standard SCOs where STIX has one (url, domain-name, ipv4-addr, ipv6-addr, email-addr,
file with a hash, autonomous-system, user-account); crex's own ``x-crex-*`` types,
defined by ``new-sco`` extensions (`crex.core.stix.extensions`), for the rest. SCO ids
are derived by `stix2` from the id-contributing properties, so two nodes that report the
same IBAN produce the same id. A payment card leaves as BIN, last four digits and the
keyed hash crex keeps, never as a number. CVEs are no SCO: `crex.core.stix.build` writes
them as ``vulnerability`` objects.
"""

from __future__ import annotations

import json
import re
from typing import Any

import stix2
from stix2.properties import EnumProperty, StringProperty

from crex.core.exchange import SharedObservable
from crex.core.observables.types import ObservableType as T
from crex.core.stix import extensions as ext

WALLET_CURRENCIES: dict[T, str] = {T.BITCOIN: "bitcoin", T.ETHEREUM: "ethereum", T.MONERO: "monero"}
HASH_NAMES: dict[T, str] = {T.MD5: "MD5", T.SHA1: "SHA-1", T.SHA256: "SHA-256", T.SHA512: "SHA-512"}
CARD_VALUE = re.compile(r"^(?P<bin>[0-9]{6}):(?P<last4>[0-9]{4}):(?P<keyed_hash>[0-9a-f]{8,64})$")

# Types whose observables become indicators when they played an offender's part; an
# e-mail address only as the sender (the victim's own address is never one).
INDICATOR_TYPES = frozenset({T.URL, T.DOMAIN, T.IPV4, T.IPV6, *WALLET_CURRENCIES, *HASH_NAMES})
NO_INDICATOR_ROLES = frozenset({"victim_asset"})


def _define(
    extension: ext.Extension, properties: list[tuple[str, Any]], contributing: list[str]
) -> Any:
    """The `stix2` class of a crex SCO type, registered with its ``new-sco`` extension."""
    name = "".join(part.title() for part in extension.object_type.split("-"))
    base = type(name, (), {"__doc__": extension.description})
    decorate = stix2.v21.CustomObservable(
        extension.object_type, properties, contributing, extension_name=extension.id
    )
    return decorate(base)


_VALUE = [("value", StringProperty(required=True))]
Iban: Any = _define(ext.IBAN, _VALUE, ["value"])
Bic: Any = _define(ext.BIC, _VALUE, ["value"])
PhoneNumber: Any = _define(ext.PHONE_NUMBER, _VALUE, ["value"])
CryptocurrencyWallet: Any = _define(
    ext.CRYPTOCURRENCY_WALLET,
    [("currency", EnumProperty(sorted(WALLET_CURRENCIES.values()), required=True)), *_VALUE],
    ["currency", "value"],
)
PaymentCard: Any = _define(
    ext.PAYMENT_CARD,
    [(key, StringProperty(required=True)) for key in ("bin", "last4", "keyed_hash")],
    ["bin", "last4", "keyed_hash"],
)


def _sco_object(kind: T, value: str, markings: list[str]) -> Any:
    common: dict[str, Any] = {"object_marking_refs": markings}
    match kind:
        case T.URL:
            return stix2.v21.URL(value=value, **common)
        case T.DOMAIN:
            return stix2.v21.DomainName(value=value, **common)
        case T.IPV4:
            return stix2.v21.IPv4Address(value=value, **common)
        case T.IPV6:
            return stix2.v21.IPv6Address(value=value, **common)
        case T.EMAIL:
            return stix2.v21.EmailAddress(value=value, **common)
        case T.MD5 | T.SHA1 | T.SHA256 | T.SHA512:
            return stix2.v21.File(hashes={HASH_NAMES[kind]: value}, **common)
        case T.ASN:
            return stix2.v21.AutonomousSystem(
                number=int(value.upper().removeprefix("AS")), **common
            )
        case T.USER_ACCOUNT:
            return stix2.v21.UserAccount(user_id=value, **common)
        case T.IBAN:
            return Iban(value=value, **common)
        case T.BIC:
            return Bic(value=value, **common)
        case T.PHONE:
            return PhoneNumber(value=value, **common)
        case T.BITCOIN | T.ETHEREUM | T.MONERO:
            return CryptocurrencyWallet(currency=WALLET_CURRENCIES[kind], value=value, **common)
        case T.PAYMENT_CARD:
            card = CARD_VALUE.match(value)
            if card is None:
                raise ValueError("a payment card must be BIN:last4:keyed-hash, never a number")
            return PaymentCard(**card.groupdict(), **common)
    raise ValueError(f"no STIX Cyber-observable for type {kind.value!r}")


def sco(observable: SharedObservable, markings: list[str]) -> dict[str, Any]:
    """The SCO for ``observable`` as a JSON-ready dict, marked with ``markings``.

    Raises `ValueError` for a type without an SCO (cve) or a value that is not canonical.
    """
    obj = _sco_object(T(observable.type), observable.value, markings)
    result: dict[str, Any] = json.loads(obj.serialize())
    return result


def is_indicator(observable: SharedObservable) -> bool:
    """Whether ``observable`` is written as an indicator as well as an SCO."""
    if observable.role in NO_INDICATOR_ROLES:
        return False
    kind = T(observable.type)
    return kind in INDICATOR_TYPES or (kind is T.EMAIL and observable.role == "sender")


def _literal(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def pattern(observable: SharedObservable) -> str:
    """The STIX pattern that matches ``observable`` (for indicator types)."""
    kind = T(observable.type)
    value = _literal(observable.value)
    if kind in HASH_NAMES:
        return f"[file:hashes.'{HASH_NAMES[kind]}' = {value}]"
    if kind in WALLET_CURRENCIES:
        return f"[{ext.CRYPTOCURRENCY_WALLET.object_type}:value = {value}]"
    if kind in {T.URL, T.DOMAIN, T.IPV4, T.IPV6, T.EMAIL}:
        return f"[{kind.value}:value = {value}]"
    raise ValueError(f"no indicator pattern for type {kind.value!r}")
