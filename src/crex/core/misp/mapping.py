"""Observable types both ways: a crex type and role ⇄ a MISP attribute type and category.

Export (`to_misp`) writes one crex observable as one MISP attribute, or as an attribute in
a MISP object where MISP has no attribute type for it (an Ethereum address becomes a
``coin-address`` object with symbol ``ETH``; a user name a ``user-account`` object). The
crex role goes in the comment. A payment card is never whole in crex: it is exported as
its BIN, with the last four digits and the keyed hash in the comment.

Import (`from_misp`) reads one MISP attribute back into canonical crex observables with
`crex.core.observables.normalise`; composite types (``domain|ip``, ``ip-dst|port``,
``filename|sha256``) are split. Whatever cannot be imported raises `NotImported` with the
reason, which the caller lists as skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crex.core.disclosure import is_victim_identifier
from crex.core.exchange import SharedObservable
from crex.core.observables.normalise import InvalidObservable, detect_wallet, normalise
from crex.core.observables.types import ObservableType as T

#: The roles an observable plays in a report (as `crex.reports.models` names them).
ROLES = frozenset(
    {
        "payee_account",
        "phishing_url",
        "malicious_url",
        "sender",
        "contact_phone",
        "wallet",
        "attacker_ip",
        "offender_account",
        "victim_asset",
        "mentioned",
    }
)
DEFAULT_ROLE = "mentioned"

# Comments that mark the attributes crex writes for what is not an observable.
DESCRIPTION_COMMENT, LOSS_COMMENT, INCIDENT_COMMENT = "description", "loss", "incident"

NETWORK, PAYLOAD, FINANCIAL = "Network activity", "Payload delivery", "Financial fraud"

#: crex type → (MISP type, category) for the roles without an entry in `ROLE_TYPES`.
EXPORT_TYPES: dict[str, tuple[str, str]] = {
    T.URL: ("url", NETWORK),
    T.DOMAIN: ("domain", NETWORK),
    T.IPV4: ("ip-dst", NETWORK),
    T.IPV6: ("ip-dst", NETWORK),
    T.EMAIL: ("email", "Social network"),
    T.PHONE: ("phone-number", "Person"),
    T.IBAN: ("iban", FINANCIAL),
    T.BIC: ("bic", FINANCIAL),
    T.PAYMENT_CARD: ("bin", FINANCIAL),
    T.BITCOIN: ("btc", FINANCIAL),
    T.MONERO: ("xmr", FINANCIAL),
    T.ETHEREUM: ("text", FINANCIAL),  # in a coin-address object: MISP has no eth type
    T.MD5: ("md5", PAYLOAD),
    T.SHA1: ("sha1", PAYLOAD),
    T.SHA256: ("sha256", PAYLOAD),
    T.SHA512: ("sha512", PAYLOAD),
    T.CVE: ("vulnerability", "External analysis"),
    T.ASN: ("AS", NETWORK),
    T.USER_ACCOUNT: ("text", "Social network"),  # in a user-account object
}

#: (crex type, role) → (MISP type, category) where the role decides the MISP type.
ROLE_TYPES: dict[tuple[str, str], tuple[str, str]] = {
    (T.IPV4, "attacker_ip"): ("ip-src", NETWORK),
    (T.IPV6, "attacker_ip"): ("ip-src", NETWORK),
    (T.EMAIL, "sender"): ("email-src", PAYLOAD),
    (T.EMAIL, "victim_asset"): ("email-dst", NETWORK),
}

#: crex type → (MISP object template, relation of the value, fixed other attributes).
EXPORT_OBJECTS: dict[str, tuple[str, str, tuple[tuple[str, str], ...]]] = {
    T.ETHEREUM: ("coin-address", "address-crypto", (("symbol", "ETH"),)),
    T.USER_ACCOUNT: ("user-account", "username", ()),
}

# Types that describe infrastructure shared by unrelated crimes, not an offender.
_NOT_INDICATORS = frozenset({T.BIC, T.ASN, T.CVE})

_IP = "ip"  # an IPv4 or IPv6 address, whichever the value is
_ANY_WALLET = "any-wallet"  # a bitcoin, Ethereum or Monero address, whichever it is
_HASHES = {"md5": T.MD5, "sha1": T.SHA1, "sha256": T.SHA256, "sha512": T.SHA512}

#: MISP type → crex type read from its value.
IMPORT_TYPES: dict[str, str] = {
    "url": T.URL,
    "domain": T.DOMAIN,
    "hostname": T.DOMAIN,
    "ip-src": _IP,
    "ip-dst": _IP,
    "email": T.EMAIL,
    "email-src": T.EMAIL,
    "email-dst": T.EMAIL,
    "email-reply-to": T.EMAIL,
    "target-email": T.EMAIL,
    "whois-registrant-email": T.EMAIL,
    "phone-number": T.PHONE,
    "whois-registrant-phone": T.PHONE,
    "iban": T.IBAN,
    "bank-account-nr": T.IBAN,  # imported only when the number is an IBAN
    "bic": T.BIC,
    "btc": T.BITCOIN,
    "xmr": T.MONERO,
    "cc-number": T.PAYMENT_CARD,
    "bin": T.PAYMENT_CARD,  # only with the last four digits and key crex writes
    "vulnerability": T.CVE,
    "AS": T.ASN,
    **_HASHES,
}

#: Composite MISP type → the crex type of each ``|``-separated part (None: not kept).
COMPOSITE_TYPES: dict[str, tuple[str | None, str | None]] = {
    "domain|ip": (T.DOMAIN, _IP),
    "ip-src|port": (_IP, None),
    "ip-dst|port": (_IP, None),
    "hostname|port": (T.DOMAIN, None),
    **{f"filename|{name}": (None, kind) for name, kind in _HASHES.items()},
}

#: The role an attribute gets when its comment names none.
DEFAULT_ROLES: dict[str, str] = {
    "ip-src": "attacker_ip",
    "ip-src|port": "attacker_ip",
    "email-src": "sender",
    "email-dst": "victim_asset",
    "target-email": "victim_asset",
    "btc": "wallet",
    "xmr": "wallet",
}

#: Crypto-currency symbols of MISP's coin-address object that crex reads.
COIN_SYMBOLS: dict[str, str] = {"BTC": T.BITCOIN, "ETH": T.ETHEREUM, "XMR": T.MONERO}

# Object relations whose crex type is not that of their MISP attribute type.
_OBJECT_RELATIONS: dict[tuple[str, str], str] = {
    ("user-account", "username"): T.USER_ACCOUNT,
    ("coin-address", "address-xmr"): T.MONERO,
}
_COIN_RELATIONS = frozenset({"address", "address-crypto"})

_LAST_FOUR = re.compile(r"\blast four (\d{4})\b")
_KEY = re.compile(r"\bkey ([0-9a-f]{20})\b")


class NotImported(ValueError):
    """A MISP attribute that gives no crex observable; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True, slots=True)
class MispValue:
    """How one crex observable is written in MISP.

    ``object_name`` is set when the value is an attribute (``object_relation``) of a
    MISP object, whose other attributes are ``object_extra`` (relation, value) pairs.
    """

    type: str
    category: str
    value: str
    comment: str
    to_ids: bool
    object_name: str = ""
    object_relation: str = ""
    object_extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Imported:
    """One observable read from MISP: crex type, canonical value and role."""

    type: str
    value: str
    role: str


def misp_value(misp_type: str, value: str) -> str:
    """``value`` in the form MISP stores for ``misp_type`` (IBAN/BIC, phone, AS number)."""
    if misp_type in {"iban", "bic"}:
        return re.sub(r"[^0-9A-Za-z]", "", value).upper()
    if misp_type == "phone-number":
        compact = re.sub(r"[\s().-]", "", value)
        return "+" + compact[2:] if compact.startswith("00") else compact
    if misp_type == "AS":
        return value.strip().upper().removeprefix("AS")
    return value


def is_indicator(observable_type: str, role: str) -> bool:
    """Whether an observable says something about an offender (MISP's ``to_ids``)."""
    return observable_type not in _NOT_INDICATORS and not is_victim_identifier(
        observable_type, role
    )


def to_misp(observable: SharedObservable) -> MispValue | None:
    """How ``observable`` is written in MISP; None for a value crex cannot write there."""
    kind, role, value = observable.type, observable.role or DEFAULT_ROLE, observable.value
    found = ROLE_TYPES.get((kind, role)) or EXPORT_TYPES.get(kind)
    if found is None:
        return None
    misp_type, category = found
    comment = role
    if kind == T.PAYMENT_CARD:
        parts = value.split(":")
        if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
            return None
        value, last_four, key = parts
        comment = f"{role}; last four {last_four}; key {key}"
    to_ids = is_indicator(kind, role)
    if kind in EXPORT_OBJECTS:
        name, relation, extra = EXPORT_OBJECTS[kind]
        return MispValue(misp_type, category, value, comment, to_ids, name, relation, extra)
    return MispValue(misp_type, category, misp_value(misp_type, value), comment, to_ids)


def role_from_comment(comment: str) -> str | None:
    """The crex role a comment starts with (``payee_account; ...``), if it names one."""
    head = comment.split(";", 1)[0].strip().lower()
    return head if head in ROLES else None


def _canonical(kind: str, value: str, card_secret: bytes) -> tuple[str, str]:
    try:
        if kind == _IP:
            found = normalise(T.IPV4 if ":" not in value else T.IPV6, _host_ip(value))
        else:
            found = normalise(kind, value, card_secret=card_secret)
    except InvalidObservable as error:
        raise NotImported(str(error)) from None
    return found.type.value, found.value


def _host_ip(value: str) -> str:
    # MISP accepts a network in ip-src/ip-dst; a single address is kept, a range is not.
    address, slash, prefix = value.strip().partition("/")
    if slash and prefix not in {"32", "128"}:
        raise InvalidObservable("A network range is not one address.")
    return address.strip("[]")


def _card_from_bin(value: str, comment: str) -> str:
    last_four, key = _LAST_FOUR.search(comment), _KEY.search(comment)
    digits = value.strip()
    if not (digits.isdigit() and 6 <= len(digits) <= 8 and last_four and key):
        raise NotImported("A BIN alone does not identify a card.")
    return f"{digits[:6]}:{last_four.group(1)}:{key.group(1)}"


def _relation_kind(object_name: str, relation: str, symbol: str) -> str | None:
    if (object_name, relation) in _OBJECT_RELATIONS:
        return _OBJECT_RELATIONS[(object_name, relation)]
    if object_name == "coin-address" and relation in _COIN_RELATIONS:
        if symbol:
            if symbol.upper() not in COIN_SYMBOLS:
                raise NotImported(f"crex keeps no {symbol} addresses.")
            return COIN_SYMBOLS[symbol.upper()]
        return T.BITCOIN if relation == "address" else _ANY_WALLET
    return None


def from_misp(
    misp_type: str,
    value: str,
    *,
    comment: str = "",
    object_name: str = "",
    relation: str = "",
    symbol: str = "",
    card_secret: bytes = b"",
) -> tuple[Imported, ...]:
    """The crex observables in one MISP attribute; `NotImported` when there are none.

    ``object_name``/``relation`` name the MISP object and relation of an attribute in an
    object; ``symbol`` is a coin-address object's currency. A ``cc-number`` is kept only
    as BIN, last four digits and a hash keyed with ``card_secret`` (no secret: skipped).
    """
    kind = _relation_kind(object_name, relation, symbol)
    default = "wallet" if object_name == "coin-address" else DEFAULT_ROLES.get(misp_type)
    role = role_from_comment(comment) or default or DEFAULT_ROLE
    if kind == _ANY_WALLET:
        try:
            wallet = detect_wallet(value)
        except InvalidObservable as error:
            raise NotImported(str(error)) from None
        return (Imported(wallet.type.value, wallet.value, role),)
    if kind is not None:
        return (Imported(*_canonical(kind, value, card_secret), role),)
    if misp_type == "bin":
        return (Imported(T.PAYMENT_CARD.value, _card_from_bin(value, comment), role),)
    if misp_type in COMPOSITE_TYPES:
        parts = value.split("|")
        kinds = COMPOSITE_TYPES[misp_type]
        if len(parts) != len(kinds):
            raise NotImported(f"A {misp_type} value has {len(kinds)} parts separated by |.")
        return tuple(
            Imported(*_canonical(part_kind, part, card_secret), role)
            for part_kind, part in zip(kinds, parts, strict=True)
            if part_kind is not None
        )
    if misp_type not in IMPORT_TYPES:
        raise NotImported(f"crex keeps no observables of MISP type {misp_type}.")
    return (Imported(*_canonical(IMPORT_TYPES[misp_type], value, card_secret), role),)
