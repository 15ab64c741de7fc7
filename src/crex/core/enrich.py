"""Offline enrichment of observables: the country (and network or bank) behind a value.

- IP addresses: the country from the Regional Internet Registries' delegation data that
  the ``iptocc`` package embeds (the country a block is *assigned* to, not where it is
  used), and the autonomous system from the table shipped with crex (`crex.core.asn`).
  When the operator provides MaxMind-format (``.mmdb``) databases, `IpDatabases` gives
  a country that takes precedence over the RIR one and, with an ASN database, the
  autonomous system instead of the shipped table. Private, loopback, documentation and
  reserved addresses get nothing.
- IBANs: the country (first two letters) and the bank code, the first component of the
  national part (BBAN) in python-stdnum's copy of the SWIFT IBAN registry.
- BICs: the country (letters 5 and 6).
- Phone numbers: the region of the number, from phonenumbers.

Nothing here reaches the network; values that do not parse give an empty `Enrichment`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from types import TracebackType
from typing import Self

import iptocc
import maxminddb
import phonenumbers
from maxminddb.types import Record
from stdnum import bic, iban, numdb

from crex.core.asn import asn_for
from crex.core.countries import is_country
from crex.core.observables.ibans import iban_value
from crex.core.observables.ips import ipv4_flags, ipv6_flags, parse_ipv4, parse_ipv6
from crex.core.observables.types import ObservableType

# Kosovo's user-assigned code: in the IBAN registry and phone numbering, not in ISO 3166-1.
_KOSOVO = "XK"
_NON_GEOGRAPHIC_REGION = "001"  # phonenumbers' region for +800, +882 and the like
_AS_NUMBER = re.compile(r"(?:AS)?([0-9]+)", re.IGNORECASE)
_BBAN_COMPONENT = re.compile(r"([0-9]+)!([nac])")


@dataclass(frozen=True, slots=True)
class Enrichment:
    """What is known about an observable: country (ISO 3166-1 alpha-2), network, bank."""

    country: str = ""
    asn: int | None = None
    as_name: str = ""
    bank_code: str = ""


class IpDatabases:
    """The operator's MaxMind-format databases, each opened once and shared by threads.

    ``country`` and ``asn`` are open readers (either may be None). Records are read in
    the shapes of the common free databases: GeoLite2 and DB-IP lite
    (``country.iso_code``, ``autonomous_system_number``/``_organization``) and IPinfo
    lite (``country_code``, ``asn`` as ``"AS15169"``, ``as_name``); other shapes are
    ignored. A file holding both (IPinfo lite) may be given as either or both.
    """

    def __init__(
        self, country: maxminddb.Reader | None = None, asn: maxminddb.Reader | None = None
    ) -> None:
        self.country = country
        self.asn = asn

    @classmethod
    def from_paths(cls, country: str = "", asn: str = "") -> Self:
        """Open the databases at the given paths; an empty path means none.

        Raises ``OSError`` for a missing file and ``maxminddb.InvalidDatabaseError`` for
        one that is not a MaxMind DB.
        """
        country_reader = maxminddb.open_database(country) if country else None
        if asn and country and os.path.samefile(asn, country):
            return cls(country_reader, country_reader)
        return cls(country_reader, maxminddb.open_database(asn) if asn else None)

    def close(self) -> None:
        """Close the readers."""
        for reader in {id(r): r for r in (self.country, self.asn) if r is not None}.values():
            reader.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def lookup(self, address: str) -> Enrichment:
        """Country, ASN and AS name of a valid public ``address``, as far as known."""
        from_country = _read(self.country, address)
        from_asn = _read(self.asn, address)
        return Enrichment(
            country=from_country.country or from_asn.country,
            asn=from_asn.asn if from_asn.asn is not None else from_country.asn,
            as_name=from_asn.as_name or from_country.as_name,
        )


def _read(reader: maxminddb.Reader | None, address: str) -> Enrichment:
    """The fields of ``address``'s record that `IpDatabases` knows, else an empty result."""
    if reader is None:
        return Enrichment()
    try:
        record = reader.get(address)
    except ValueError:  # an IPv6 address looked up in an IPv4-only database
        return Enrichment()
    if not isinstance(record, dict):
        return Enrichment()
    return Enrichment(
        country=_record_country(record),
        asn=_as_number(record.get("autonomous_system_number", record.get("asn"))),
        as_name=_text(record.get("autonomous_system_organization", record.get("as_name"))),
    )


def _record_country(record: dict[str, Record]) -> str:
    """The country of a record: GeoLite2 and DB-IP ``country``/``registered_country``
    objects, or IPinfo's ``country_code`` (or ``country`` holding the code)."""
    for key in ("country", "registered_country"):
        found = record.get(key)
        if isinstance(found, dict):
            code = _country(_text(found.get("iso_code")))
            if code:
                return code
    return _country(_text(record.get("country_code"))) or _country(_text(record.get("country")))


def _as_number(value: Record | None) -> int | None:
    """An AS number given as an integer or as text such as ``"AS15169"``."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str) and (match := _AS_NUMBER.fullmatch(value.strip())):
        return int(match[1]) or None
    return None


def _text(value: Record | None) -> str:
    """A record's text field, or ``""`` if it holds something else."""
    return value.strip() if isinstance(value, str) else ""


def _country(code: str) -> str:
    """``code`` in upper case if it names a country; RIR placeholders such as ``EU`` and
    ``AP`` and anything else give ``""``."""
    code = code.upper()
    return code if is_country(code) or code == _KOSOVO else ""


def _ip(address: str | None, public: bool, databases: IpDatabases | None) -> Enrichment:
    """The RIR country and the network of a valid public ``address``, with what
    ``databases`` add; the shipped table gives the network unless they hold an ASN
    database."""
    if address is None or not public:
        return Enrichment()
    registry = _country(iptocc.country_code(address) or "")
    found = databases.lookup(address) if databases is not None else Enrichment()
    if found.asn is None and (databases is None or databases.asn is None):
        network = asn_for(address)
        if network is not None:
            return Enrichment(found.country or registry, *network)
    return Enrichment(found.country or registry, found.asn, found.as_name)


@cache
def _bank_code_slice(country: str) -> slice | None:
    """Where the bank code stands in an IBAN of ``country``.

    The bank code is the first component of the national part (BBAN) in the registry
    (German Bankleitzahl, French code banque, British bank code, Dutch bank code...),
    except that a leading one-character component is a national check character
    (Italy's and San Marino's CIN), so the component after it is taken.
    """
    structure = numdb.get("iban").info(country)[0][1].get("bban", "")
    lengths = [int(length) for length, _kind in _BBAN_COMPONENT.findall(structure)]
    start = 4  # country code and check digits
    if lengths[:1] == [1]:
        start, lengths = start + 1, lengths[1:]
    return slice(start, start + lengths[0]) if lengths else None


def _iban(value: str) -> Enrichment:
    compact = iban_value(iban.compact(value))
    if compact is None:
        return Enrichment()
    where = _bank_code_slice(compact[:2])
    return Enrichment(country=compact[:2], bank_code=compact[where] if where else "")


def _bic(value: str) -> Enrichment:
    compact = bic.compact(value)
    return Enrichment(country=compact[4:6]) if bic.is_valid(compact) else Enrichment()


def _phone(value: str) -> Enrichment:
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return Enrichment()
    region = phonenumbers.region_code_for_number(number)
    if region is None:
        # Not a valid number of any region (a possible one, as stored): name the country
        # only where its calling code belongs to one region alone (+49, not +1 or +44).
        regions = phonenumbers.region_codes_for_country_code(number.country_code or 0)
        region = regions[0] if len(regions) == 1 else None
    if region is None or region == _NON_GEOGRAPHIC_REGION:
        return Enrichment()
    return Enrichment(country=region)


def enrich(type: str, value: str, *, ip_databases: IpDatabases | None = None) -> Enrichment:
    """What can be told offline about the observable ``value`` of ``type``.

    ``type`` and ``value`` are an observable type name and canonical value as
    `crex.core.observables` produces them. Types without enrichment (URLs, domains,
    wallets...) and values that do not parse give an empty `Enrichment`.
    """
    match type:
        case ObservableType.IPV4:
            address = parse_ipv4(value)
            return _ip(address, address is not None and not ipv4_flags(address), ip_databases)
        case ObservableType.IPV6:
            address = parse_ipv6(value)
            return _ip(address, address is not None and not ipv6_flags(address), ip_databases)
        case ObservableType.IBAN:
            return _iban(value)
        case ObservableType.BIC:
            return _bic(value)
        case ObservableType.PHONE:
            return _phone(value)
    return Enrichment()
