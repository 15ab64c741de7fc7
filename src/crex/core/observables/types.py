"""The observable types crex knows, named as in the API, CLI and exports."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class ObservableType(StrEnum):
    """An observable type; the values are the names used in the API and exports."""

    URL = "url"
    DOMAIN = "domain-name"
    IPV4 = "ipv4-addr"
    IPV6 = "ipv6-addr"
    EMAIL = "email-addr"
    PHONE = "phone-number"
    IBAN = "iban"
    BIC = "bic"
    PAYMENT_CARD = "payment-card"
    BITCOIN = "bitcoin"
    ETHEREUM = "ethereum"
    MONERO = "monero"
    MD5 = "md5"
    SHA1 = "sha1"
    SHA256 = "sha256"
    SHA512 = "sha512"
    CVE = "cve"
    ASN = "asn"
    USER_ACCOUNT = "user-account"


OBSERVABLE_TYPES: tuple[str, ...] = tuple(t.value for t in ObservableType)


class Flag(StrEnum):
    """Facts about one found observable, kept with it."""

    DEFANGED = "defanged"  # written defanged in the text (hxxp, [.], [at] ...)
    DERIVED = "derived"  # not written on its own: the host of a URL, the domain of an e-mail
    PRIVATE = "private"  # RFC 1918 / unique-local address
    LOOPBACK = "loopback"
    DOCUMENTATION = "documentation"  # RFC 5737 / RFC 3849 example ranges
    RESERVED = "reserved"  # link-local, multicast, unspecified and other non-global ranges


class Observable(NamedTuple):
    """One identifier found in a text: canonical value, display form, where it stands.

    ``start``/``end`` index the original text (``text[start:end]`` is what was written).
    ``registered_domain`` is the registrable domain (e.g. ``example.co.uk``) for URLs,
    domain names and e-mail addresses, else empty. (A named tuple: immutable, and made
    three times faster than a frozen dataclass, which counts at a hundred thousand a
    second.)
    """

    type: ObservableType
    value: str
    display: str
    start: int
    end: int
    flags: frozenset[Flag] = frozenset()
    registered_domain: str = ""
