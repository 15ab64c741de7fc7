"""The observable types crex knows, named as in the API, CLI and exports."""

from __future__ import annotations

from enum import StrEnum


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
