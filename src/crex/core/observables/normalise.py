"""Validation and canonical form of one observable value of a known type.

One function per type; `normalise` dispatches. Each returns the canonical value (what is
stored and compared) and a display value (what people read, e.g. an IDN in Unicode).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import phonenumbers
from stdnum import bic, iban
from stdnum.exceptions import ValidationError

from crex.core.i18n import _
from crex.core.observables.cards import card_value, luhn_holds
from crex.core.observables.crypto import (
    bitcoin_address,
    eip55,
    ethereum_address,
    monero_address,
)
from crex.core.observables.domains import parse_domain
from crex.core.observables.ips import parse_ipv4, parse_ipv6
from crex.core.observables.refang import refang
from crex.core.observables.types import ObservableType


class InvalidObservable(ValueError):
    """A value that is not a valid observable of the given type.

    ``message`` is the untranslated text and ``params`` its placeholders, so that the
    Django layer can translate first and fill in after (`translated`).
    """

    def __init__(self, message: str, params: dict[str, str] | None = None) -> None:
        self.message = message
        self.params = params or {}
        super().__init__(message % self.params if self.params else message)

    def translated(self, gettext: Callable[[str], str]) -> str:
        """The message in the current language, placeholders filled in."""
        text = gettext(self.message)
        return text % self.params if self.params else text


@dataclass(frozen=True, slots=True)
class Normalised:
    """A validated observable: its type, canonical value and display form."""

    type: ObservableType
    value: str
    display: str


_HEX = {
    ObservableType.MD5: 32,
    ObservableType.SHA1: 40,
    ObservableType.SHA256: 64,
    ObservableType.SHA512: 128,
}
_CVE = re.compile(r"^CVE-\d{4}-\d{4,}$")
_USER = re.compile(r"^@?[^\s@]{1,100}(@[^\s@]{1,100})?$")


def _domain(value: str) -> tuple[str, str]:
    domain = parse_domain(refang(value.strip()))
    if domain is None:
        raise InvalidObservable(_("This is not a valid domain name."))
    return domain.ascii, domain.display


def normalise_domain(value: str) -> Normalised:
    """A domain name in lower-case punycode; the Unicode form is the display value."""
    canonical, display = _domain(value)
    return Normalised(ObservableType.DOMAIN, canonical, display)


def url_host(host: str) -> tuple[str, str]:
    """Canonical and display form of a URL host: an IP address or a domain name.

    IPv6 addresses come back in brackets, as they are written in URLs.
    """
    if ":" in host:
        ipv6 = parse_ipv6(host.strip("[]"))
        if ipv6 is None:
            raise InvalidObservable(_("This web address has no valid host name."))
        return f"[{ipv6}]", f"[{ipv6}]"
    if host[:1].isdigit() and parse_ipv4(host) is not None:
        return host, host
    domain = parse_domain(host)
    if domain is None:
        raise InvalidObservable(_("This web address has no valid host name."))
    return domain.ascii, domain.display


def normalise_url(value: str) -> Normalised:
    """A URL with scheme and host lower-cased, the host in punycode, without fragment.

    A URL typed without a scheme (``fake-shop.com/pay``) is read as ``http://``.
    """
    text = refang(value.strip())
    if "://" not in text:
        text = "http://" + text
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise InvalidObservable(_("This is not a web address we can read.")) from None
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https", "ftp", "ftps"}:
        raise InvalidObservable(_("Enter a web address starting with http:// or https://."))
    host = parts.hostname or ""
    if not host:
        raise InvalidObservable(_("This web address has no host name."))
    host_canonical, host_display = url_host(host)
    rest = (f":{port}" if port else "") + (parts.path or "/")
    if parts.query:
        rest += "?" + parts.query
    return Normalised(
        ObservableType.URL, f"{scheme}://{host_canonical}{rest}", f"{scheme}://{host_display}{rest}"
    )


def normalise_ip(value: str) -> Normalised:
    """An IPv4 or IPv6 address in its compressed standard form."""
    text = refang(value.strip())
    ipv4 = parse_ipv4(text)
    if ipv4 is not None:
        return Normalised(ObservableType.IPV4, ipv4, ipv4)
    ipv6 = parse_ipv6(text)
    if ipv6 is None:
        raise InvalidObservable(_("This is not a valid IP address."))
    return Normalised(ObservableType.IPV6, ipv6, ipv6)


def normalise_email(value: str) -> Normalised:
    """An e-mail address, lower-cased, with the domain in punycode."""
    text = refang(value.strip()).removeprefix("mailto:")
    local, at, host = text.rpartition("@")
    if not at or not local or len(local) > 64 or any(c.isspace() for c in local):
        raise InvalidObservable(_("This is not a valid e-mail address."))
    domain, display_domain = _domain(host)
    return Normalised(
        ObservableType.EMAIL, f"{local.lower()}@{domain}", f"{local.lower()}@{display_domain}"
    )


def normalise_phone(value: str, default_region: str | None = None) -> Normalised:
    """A phone number in E.164; numbers without a country code use ``default_region``."""
    text = value.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, (default_region or "").upper() or None)
    except phonenumbers.NumberParseException:
        raise InvalidObservable(
            _("This is not a phone number we can read; include the country code, e.g. +31.")
        ) from None
    if not phonenumbers.is_possible_number(number):
        raise InvalidObservable(_("This phone number has the wrong length for its country."))
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return Normalised(ObservableType.PHONE, e164, display)


def _stdnum(kind: ObservableType, module: object, message: str) -> Callable[[str], Normalised]:
    def normalise_value(value: str) -> Normalised:
        try:
            canonical = module.validate(value)  # type: ignore[attr-defined]
        except ValidationError:
            raise InvalidObservable(message) from None
        display = getattr(module, "format", lambda v: v)(canonical)
        return Normalised(kind, canonical, display)

    return normalise_value


normalise_iban = _stdnum(
    ObservableType.IBAN, iban, _("This is not a valid IBAN: check it against your statement.")
)
normalise_bic = _stdnum(ObservableType.BIC, bic, _("This is not a valid BIC (SWIFT code)."))


def normalise_bitcoin(value: str) -> Normalised:
    """A legacy or segwit bitcoin address whose checksum holds (segwit in lower case)."""
    text = value.strip()
    canonical = bitcoin_address(text)
    if canonical is None:
        raise InvalidObservable(_("This is not a valid bitcoin address."))
    return Normalised(ObservableType.BITCOIN, canonical, text)


def normalise_ethereum(value: str) -> Normalised:
    """An Ethereum address in lower-case hex; mixed case must be its EIP-55 checksum."""
    text = value.strip()
    canonical = ethereum_address(text)
    if canonical is None:
        raise InvalidObservable(_("This is not a valid Ethereum address."))
    return Normalised(ObservableType.ETHEREUM, canonical, eip55(canonical))


def normalise_monero(value: str) -> Normalised:
    """A Monero address (standard, integrated or subaddress) whose checksum holds."""
    text = value.strip()
    if monero_address(text) is None:
        raise InvalidObservable(_("This is not a valid Monero address."))
    return Normalised(ObservableType.MONERO, text, text)


def detect_wallet(value: str) -> Normalised:
    """A cryptocurrency address of whichever kind it is (bitcoin, Ethereum or Monero)."""
    for normalise_wallet in (normalise_bitcoin, normalise_ethereum, normalise_monero):
        try:
            return normalise_wallet(value)
        except InvalidObservable:
            continue
    raise InvalidObservable(_("This is not a bitcoin, Ethereum or Monero address we recognise."))


def normalise_hash(kind: ObservableType, value: str) -> Normalised:
    """A file hash in lower-case hex of the right length for its algorithm."""
    text = value.strip().lower()
    if len(text) != _HEX[kind] or not all(c in "0123456789abcdef" for c in text):
        raise InvalidObservable(_("This is not a valid %(type)s hash."), {"type": kind.value})
    return Normalised(kind, text, text)


def normalise_card(value: str, secret: bytes) -> Normalised:
    """A payment card reduced to BIN, last four digits and a keyed hash of the number.

    The full number is never returned: the canonical value lets two reports of the same
    card be linked (same keyed hash) without storing or showing the number.
    """
    digits = re.sub(r"[\s-]", "", value)
    if not digits.isdigit() or not digits.isascii() or not 12 <= len(digits) <= 19:
        raise InvalidObservable(_("A card number has 12 to 19 digits."))
    if not luhn_holds(digits):
        raise InvalidObservable(_("This is not a valid card number (check digit)."))
    if not secret:
        raise InvalidObservable(_("Card numbers cannot be accepted: no hashing key is set."))
    return Normalised(ObservableType.PAYMENT_CARD, *card_value(digits, secret))


def normalise_cve(value: str) -> Normalised:
    """A CVE identifier in upper case."""
    text = value.strip().upper()
    if not _CVE.match(text):
        raise InvalidObservable(_("This is not a CVE identifier (CVE-YYYY-NNNN)."))
    return Normalised(ObservableType.CVE, text, text)


def normalise_asn(value: str) -> Normalised:
    """An autonomous system number as ``AS64496``."""
    text = value.strip().upper().removeprefix("AS")
    if not text.isdigit() or not 0 < int(text) < 2**32:
        raise InvalidObservable(_("This is not an AS number."))
    return Normalised(ObservableType.ASN, f"AS{int(text)}", f"AS{int(text)}")


def normalise_user_account(value: str) -> Normalised:
    """A user name or handle, lower-cased (platforms treat handles case-insensitively)."""
    text = value.strip()
    if not _USER.match(text):
        raise InvalidObservable(_("A user name has no spaces and at most 100 characters."))
    return Normalised(ObservableType.USER_ACCOUNT, text.lower(), text)


def normalise(
    kind: ObservableType | str,
    value: str,
    *,
    default_region: str | None = None,
    card_secret: bytes = b"",
) -> Normalised:
    """Validate ``value`` as an observable of type ``kind`` and return its canonical form.

    Raises `InvalidObservable` with a message for people when the value does not fit.
    """
    try:
        kind = ObservableType(kind)
    except ValueError:
        raise InvalidObservable(_("Unknown observable type.")) from None
    if not value or not value.strip():
        raise InvalidObservable(_("This value is empty."))
    if len(value) > 2048:
        raise InvalidObservable(_("This value is too long (at most 2048 characters)."))
    match kind:
        case ObservableType.URL:
            return normalise_url(value)
        case ObservableType.DOMAIN:
            return normalise_domain(value)
        case ObservableType.IPV4 | ObservableType.IPV6:
            found = normalise_ip(value)
            if found.type is not kind:
                raise InvalidObservable(_("This is not a valid %(type)s."), {"type": kind.value})
            return found
        case ObservableType.EMAIL:
            return normalise_email(value)
        case ObservableType.PHONE:
            return normalise_phone(value, default_region)
        case ObservableType.IBAN:
            return normalise_iban(value)
        case ObservableType.BIC:
            return normalise_bic(value)
        case ObservableType.PAYMENT_CARD:
            return normalise_card(value, card_secret)
        case ObservableType.BITCOIN:
            return normalise_bitcoin(value)
        case ObservableType.ETHEREUM:
            return normalise_ethereum(value)
        case ObservableType.MONERO:
            return normalise_monero(value)
        case (
            ObservableType.MD5 | ObservableType.SHA1 | ObservableType.SHA256 | ObservableType.SHA512
        ):
            return normalise_hash(kind, value)
        case ObservableType.CVE:
            return normalise_cve(value)
        case ObservableType.ASN:
            return normalise_asn(value)
        case ObservableType.USER_ACCOUNT:
            return normalise_user_account(value)
    raise InvalidObservable(_("Unknown observable type."))  # pragma: no cover
