"""Offline enrichment: what an IP address, IBAN, BIC or phone number tells on its own
(with the RIR data and the IP-to-AS table shipped with crex), and what the operator's
MaxMind-format databases add or replace for IP addresses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import maxminddb
import pytest
from mmdb_writer import MmdbU32, MMDBWriter
from netaddr import IPSet

from crex.core.enrich import Enrichment, IpDatabases, enrich

# --- IBAN, BIC, phone -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "country", "bank_code"),
    [
        ("DE89370400440532013000", "DE", "37040044"),  # Bankleitzahl
        ("FR1420041010050500013M02606", "FR", "20041"),  # code banque
        ("GB29NWBK60161331926819", "GB", "NWBK"),  # bank code; the sort code follows
        ("NL91ABNA0417164300", "NL", "ABNA"),
        ("ES9121000418450200051332", "ES", "2100"),  # entidad
        ("PL61109010140000071219812874", "PL", "10901014"),  # bank and branch number
        ("BE71096123456769", "BE", "096"),
        ("IT60X0542811101000000123456", "IT", "05428"),  # ABI, after the CIN check letter
    ],
)
def test_an_iban_gives_its_country_and_bank_code(value: str, country: str, bank_code: str) -> None:
    assert enrich("iban", value) == Enrichment(country=country, bank_code=bank_code)


def test_an_iban_written_with_spaces_is_read_too() -> None:
    assert enrich("iban", "DE89 3704 0044 0532 0130 00").bank_code == "37040044"


@pytest.mark.parametrize(
    "value",
    [
        "XX89370400440532013000",  # no such IBAN country
        "US12345678901234567890",  # a country without IBANs
        "DE89370400440532013001",  # checksum
        "not an iban",
        "",
    ],
)
def test_an_invalid_iban_gives_nothing(value: str) -> None:
    assert enrich("iban", value) == Enrichment()


@pytest.mark.parametrize(("value", "country"), [("DEUTDEFF", "DE"), ("DEUTDEFF500", "DE")])
def test_a_bic_gives_its_country(value: str, country: str) -> None:
    assert enrich("bic", value) == Enrichment(country=country)


@pytest.mark.parametrize("value", ["DEUTXXFF", "DEUT", "garbage!", ""])
def test_an_invalid_bic_gives_nothing(value: str) -> None:
    assert enrich("bic", value) == Enrichment()


@pytest.mark.parametrize(
    ("value", "country"),
    [
        ("+4930123456", "DE"),
        ("+33612345678", "FR"),
        ("+442071234567", "GB"),
        ("+441481712345", "GG"),  # Guernsey shares +44 with the United Kingdom
        ("+441624612345", "IM"),
        ("+12015550123", "US"),
        ("+4930", "DE"),  # not a valid German number, but +49 is Germany alone
    ],
)
def test_a_phone_number_gives_its_region(value: str, country: str) -> None:
    assert enrich("phone-number", value) == Enrichment(country=country)


@pytest.mark.parametrize(
    "value",
    [
        "+80012345678",  # international freephone: no country
        "+447700900123",  # not a valid number, and +44 is shared by four regions
        "+999123",  # no such country code
        "030 123456",  # no country code
        "garbage",
    ],
)
def test_a_phone_number_without_a_region_gives_nothing(value: str) -> None:
    assert enrich("phone-number", value) == Enrichment()


@pytest.mark.parametrize(
    ("type_", "value"),
    [
        ("url", "https://example.com/"),
        ("domain-name", "example.com"),
        ("email-addr", "someone@example.com"),
        ("bitcoin", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"),
        ("no-such-type", "DE89370400440532013000"),
    ],
)
def test_other_types_give_nothing(type_: str, value: str) -> None:
    assert enrich(type_, value) == Enrichment()


# --- IP addresses from the RIR data and the shipped IP-to-AS table ----------------------

GOOGLE = (15169, "Google LLC")
RIPE_NCC = (3333, "Reseaux IP Europeens Network Coordination Centre (RIPE NCC)")


@pytest.mark.parametrize(
    ("type_", "value", "country", "network"),
    [
        ("ipv4-addr", "8.8.8.8", "US", GOOGLE),  # ARIN
        ("ipv4-addr", "193.0.6.139", "NL", RIPE_NCC),  # RIPE NCC
        ("ipv4-addr", "1.0.0.1", "AU", (13335, "Cloudflare, Inc.")),  # APNIC
        ("ipv6-addr", "2001:67c:2e8::1", "NL", RIPE_NCC),
        ("ipv6-addr", "2001:4860:4860::8888", "US", GOOGLE),
    ],
)
def test_a_public_ip_address_gives_its_registry_country_and_network(
    type_: str, value: str, country: str, network: tuple[int, str]
) -> None:
    assert enrich(type_, value) == Enrichment(country, *network)


@pytest.mark.parametrize(
    ("type_", "value"),
    [
        ("ipv4-addr", "10.1.2.3"),
        ("ipv4-addr", "192.168.0.1"),
        ("ipv4-addr", "127.0.0.1"),
        ("ipv4-addr", "203.0.113.9"),  # documentation
        ("ipv4-addr", "100.64.0.1"),  # carrier-grade NAT
        ("ipv4-addr", "224.0.0.1"),  # multicast
        ("ipv6-addr", "::1"),
        ("ipv6-addr", "fd00::1"),
        ("ipv6-addr", "2001:db8::1"),
        ("ipv6-addr", "fe80::1"),
    ],
)
def test_a_non_public_ip_address_gives_nothing(type_: str, value: str) -> None:
    assert enrich(type_, value) == Enrichment()


@pytest.mark.parametrize(
    ("type_", "value"),
    [
        ("ipv4-addr", "garbage"),
        ("ipv4-addr", "999.1.1.1"),
        ("ipv4-addr", " 8.8.8.8"),
        ("ipv4-addr", "2001:67c:2e8::1"),  # an IPv6 address given as IPv4
        ("ipv6-addr", "8.8.8.8"),
        ("ipv6-addr", "2001:67c:2e8:::1"),
        ("ipv4-addr", ""),
    ],
)
def test_an_invalid_ip_address_gives_nothing(type_: str, value: str) -> None:
    assert enrich(type_, value) == Enrichment()


# --- IP addresses with the operator's databases ----------------------------------------

GOOGLE_V4 = "8.8.8.0/24"
GOOGLE_V6 = "2001:4860::/32"


def write_mmdb(path: Path, database_type: str, networks: dict[str, dict[str, Any]]) -> str:
    """A MaxMind DB at ``path`` (IPv6 tree that also answers IPv4) with one record per
    network, returned as a path string."""
    writer = MMDBWriter(ip_version=6, ipv4_compatible=True, database_type=database_type)
    for network, record in networks.items():
        writer.insert_network(IPSet([network]), record)
    writer.to_db_file(str(path))
    return str(path)


@pytest.fixture
def geolite2_asn(tmp_path: Path) -> str:
    google = {
        "autonomous_system_number": MmdbU32(15169),
        "autonomous_system_organization": "GOOGLE",
    }
    return write_mmdb(
        tmp_path / "GeoLite2-ASN.mmdb",
        "GeoLite2-ASN",
        {GOOGLE_V4: google, GOOGLE_V6: google, "10.0.0.0/8": google},
    )


@pytest.fixture
def geolite2_country(tmp_path: Path) -> str:
    switzerland = {
        "continent": {"code": "EU", "geoname_id": MmdbU32(6255148)},
        "country": {
            "geoname_id": MmdbU32(2658434),
            "iso_code": "CH",
            "names": {"en": "Switzerland"},
        },
        "registered_country": {"geoname_id": MmdbU32(6252001), "iso_code": "US"},
    }
    registered_only = {"registered_country": {"iso_code": "SE"}}
    return write_mmdb(
        tmp_path / "GeoLite2-Country.mmdb",
        "GeoLite2-Country",
        {GOOGLE_V4: switzerland, "193.0.6.0/24": registered_only},
    )


@pytest.fixture
def ipinfo_lite(tmp_path: Path) -> str:
    return write_mmdb(
        tmp_path / "ipinfo_lite.mmdb",
        "ipinfo ipinfo_lite.mmdb",
        {
            GOOGLE_V4: {
                "asn": "AS15169",
                "as_name": "Google LLC",
                "as_domain": "google.com",
                "country_code": "BE",
                "country": "Belgium",
                "continent_code": "EU",
                "continent": "Europe",
            },
            # A placeholder that is no country: the registry's country stays.
            "193.0.6.0/24": {"asn": "AS3333", "as_name": "RIPE NCC", "country_code": "EU"},
        },
    )


@pytest.fixture
def databases(geolite2_country: str, geolite2_asn: str) -> Iterator[IpDatabases]:
    with IpDatabases.from_paths(country=geolite2_country, asn=geolite2_asn) as opened:
        yield opened


def test_geolite2_databases_add_the_network_and_override_the_country(
    databases: IpDatabases,
) -> None:
    assert enrich("ipv4-addr", "8.8.8.8", ip_databases=databases) == Enrichment(
        country="CH", asn=15169, as_name="GOOGLE"
    )


def test_the_registered_country_serves_when_a_record_has_no_country(
    databases: IpDatabases,
) -> None:
    assert enrich("ipv4-addr", "193.0.6.139", ip_databases=databases).country == "SE"


def test_an_ipv6_address_is_looked_up_too(databases: IpDatabases) -> None:
    found = enrich("ipv6-addr", "2001:4860:4860::8888", ip_databases=databases)
    assert (found.asn, found.as_name) == (15169, "GOOGLE")
    assert found.country == "US"  # no country record: the RIR country


def test_an_address_missing_from_the_databases_keeps_the_registry_country(
    databases: IpDatabases,
) -> None:
    assert enrich("ipv6-addr", "2001:67c:2e8::1", ip_databases=databases) == Enrichment(
        country="NL"
    )


def test_an_asn_database_replaces_the_shipped_table(databases: IpDatabases) -> None:
    # 193.0.6.139 is in the shipped table (AS3333) but not in the operator's database.
    assert enrich("ipv4-addr", "193.0.6.139").asn == 3333
    found = enrich("ipv4-addr", "193.0.6.139", ip_databases=databases)
    assert (found.asn, found.as_name) == (None, "")


def test_a_country_database_alone_leaves_the_network_to_the_shipped_table(
    geolite2_country: str,
) -> None:
    with IpDatabases.from_paths(country=geolite2_country) as databases:
        assert enrich("ipv4-addr", "8.8.8.8", ip_databases=databases) == Enrichment("CH", *GOOGLE)


def test_a_private_address_is_not_looked_up(databases: IpDatabases) -> None:
    assert enrich("ipv4-addr", "10.1.2.3", ip_databases=databases) == Enrichment()


def test_an_ipinfo_lite_file_serves_as_both_databases(ipinfo_lite: str) -> None:
    with IpDatabases.from_paths(country=ipinfo_lite, asn=ipinfo_lite) as databases:
        assert databases.country is databases.asn  # opened once
        assert enrich("ipv4-addr", "8.8.8.8", ip_databases=databases) == Enrichment(
            country="BE", asn=15169, as_name="Google LLC"
        )
        ripe = enrich("ipv4-addr", "193.0.6.139", ip_databases=databases)
        assert ripe == Enrichment(country="NL", asn=3333, as_name="RIPE NCC")


def test_an_ipinfo_lite_file_alone_as_the_asn_database_gives_its_country(
    ipinfo_lite: str,
) -> None:
    with IpDatabases.from_paths(asn=ipinfo_lite) as databases:
        assert enrich("ipv4-addr", "8.8.8.8", ip_databases=databases).country == "BE"


def test_records_of_an_unknown_shape_are_ignored(tmp_path: Path) -> None:
    odd = write_mmdb(
        tmp_path / "odd.mmdb",
        "Odd",
        {GOOGLE_V4: {"asn": "none", "as_name": 7, "country": {"code": "CH"}}},
    )
    with IpDatabases.from_paths(country=odd, asn=odd) as databases:
        assert enrich("ipv4-addr", "8.8.8.8", ip_databases=databases) == Enrichment(country="US")


def test_an_ipv4_only_database_leaves_ipv6_addresses_to_the_registry(tmp_path: Path) -> None:
    writer = MMDBWriter(ip_version=4, database_type="GeoLite2-ASN")
    writer.insert_network(IPSet([GOOGLE_V4]), {"autonomous_system_number": MmdbU32(15169)})
    writer.to_db_file(str(tmp_path / "v4.mmdb"))
    with IpDatabases.from_paths(asn=str(tmp_path / "v4.mmdb")) as databases:
        assert enrich("ipv4-addr", "8.8.8.8", ip_databases=databases).asn == 15169
        assert enrich("ipv6-addr", "2001:67c:2e8::1", ip_databases=databases) == Enrichment(
            country="NL"
        )


def test_no_paths_means_no_databases() -> None:
    databases = IpDatabases.from_paths()
    assert (databases.country, databases.asn) == (None, None)
    assert enrich("ipv4-addr", "8.8.8.8", ip_databases=databases) == Enrichment("US", *GOOGLE)


def test_a_missing_database_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        IpDatabases.from_paths(asn=str(tmp_path / "missing.mmdb"))


def test_a_file_that_is_no_database_is_an_error(tmp_path: Path) -> None:
    not_mmdb = tmp_path / "GeoLite2-ASN.mmdb"
    not_mmdb.write_bytes(b"not a MaxMind DB")
    with pytest.raises(maxminddb.InvalidDatabaseError):
        IpDatabases.from_paths(asn=str(not_mmdb))
