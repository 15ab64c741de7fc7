"""The IP-to-AS table: lookups in the table shipped with crex, and tables written and read
back."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from crex.core.asn import AsnTable, Range, asn_for, shipped_table, write_table

# --- the shipped table -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "asn", "name"),
    [
        ("1.0.0.1", 13335, "Cloudflare, Inc."),
        ("1.0.0.0", 13335, "Cloudflare, Inc."),  # first address of its range
        ("1.0.0.255", 13335, "Cloudflare, Inc."),  # last address of its range
        ("8.8.8.8", 15169, "Google LLC"),
        ("193.0.6.139", 3333, "Reseaux IP Europeens Network Coordination Centre (RIPE NCC)"),
        ("2606:4700:4700::1111", 13335, "Cloudflare, Inc."),
        ("2001:4860:4860::8888", 15169, "Google LLC"),
        ("2001:67c:2e8::1", 3333, "Reseaux IP Europeens Network Coordination Centre (RIPE NCC)"),
    ],
)
def test_a_public_address_gives_its_network(address: str, asn: int, name: str) -> None:
    assert asn_for(address) == (asn, name)


@pytest.mark.parametrize(
    "address",
    [
        "10.1.2.3",
        "192.168.0.1",
        "127.0.0.1",
        "0.0.0.0",
        "255.255.255.255",
        "1.0.1.1",  # between two announced ranges
        "::1",
        "fd00::1",
        "fe80::1",
        "2001:db8::1",
    ],
)
def test_an_address_in_no_range_gives_nothing(address: str) -> None:
    assert asn_for(address) is None


@pytest.mark.parametrize(
    "text", ["", "garbage", "999.1.1.1", "1.2.3", "2001:67c:2e8:::1", " 8.8.8.8"]
)
def test_a_value_that_is_no_address_gives_nothing(text: str) -> None:
    assert asn_for(text) is None


def test_the_shipped_table_is_read_once_and_names_its_source() -> None:
    assert shipped_table() is shipped_table()
    assert shipped_table().source.startswith("@ip-location-db/asn@")


# --- writing and reading a table --------------------------------------------------------

TOP_V6 = (1 << 128) - 1
IPV4: list[Range] = [
    (0, 0, 1),  # the very first address
    (0x01000000, 0x010000FF, 13335),  # 1.0.0.0 - 1.0.0.255
    (0x01000100, 0x010001FF, 64500),  # adjacent, another AS
    (0xFFFFFFFF, 0xFFFFFFFF, 4294967294),  # the very last address, the largest AS number
]
IPV6: list[Range] = [
    (0x2001_4860 << 96, (0x2001_4860 << 96) | ((1 << 96) - 1), 15169),  # 2001:4860::/32
    # crosses the boundary of the two 64-bit halves
    ((0x2A00 << 112) | ((1 << 64) - 2), (0x2A00 << 112) | (1 << 64), 64501),
    (TOP_V6, TOP_V6, 64502),
]
NAMES = {1: "First", 13335: "Cloudflare, Inc.", 15169: "Google LLC", 64500: "Überall AG"}


@pytest.fixture
def table(tmp_path: Path) -> AsnTable:
    write_table(tmp_path, IPV4, IPV6, NAMES, source="test@1")
    return AsnTable.load(tmp_path)


@pytest.mark.parametrize(
    ("address", "found"),
    [
        ("0.0.0.0", (1, "First")),
        ("0.0.0.1", None),
        ("1.0.0.0", (13335, "Cloudflare, Inc.")),
        ("1.0.0.255", (13335, "Cloudflare, Inc.")),
        ("1.0.1.0", (64500, "Überall AG")),
        ("1.0.1.255", (64500, "Überall AG")),
        ("1.0.2.0", None),
        ("255.255.255.255", (4294967294, "")),  # no name known
        ("2001:4860::", (15169, "Google LLC")),
        ("2001:4860:ffff:ffff:ffff:ffff:ffff:ffff", (15169, "Google LLC")),
        ("2001:4861::", None),
        ("2a00::ffff:ffff:ffff:fffd", None),
        ("2a00::ffff:ffff:ffff:fffe", (64501, "")),
        ("2a00:0:0:1::", (64501, "")),
        ("2a00:0:0:1::1", None),
        ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", (64502, "")),
        ("::", None),
    ],
)
def test_a_written_table_reads_back(table: AsnTable, address: str, found: object) -> None:
    assert table.lookup(address) == found


def test_a_written_table_keeps_its_source_and_counts(tmp_path: Path, table: AsnTable) -> None:
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest == {"format": 1, "source": "test@1", "ipv4_ranges": 4, "ipv6_ranges": 3}
    assert table.source == "test@1"


def test_the_same_input_writes_the_same_files(tmp_path: Path) -> None:
    write_table(tmp_path / "a", IPV4, IPV6, NAMES, source="test@1")
    write_table(tmp_path / "b", IPV4, IPV6, NAMES, source="test@1")
    for name in ("ipv4.bin.gz", "ipv6.bin.gz", "as-names.json.gz", "manifest.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_an_empty_table_finds_nothing(tmp_path: Path) -> None:
    write_table(tmp_path, [], [], {}, source="empty")
    assert AsnTable.load(tmp_path).lookup("8.8.8.8") is None


@pytest.mark.parametrize(
    ("ipv4", "ipv6"),
    [
        ([(10, 20, 1), (15, 30, 2)], []),  # overlapping
        ([(10, 20, 1), (10, 20, 2)], []),  # the same range twice
        ([(30, 40, 1), (10, 20, 2)], []),  # out of order
        ([(20, 10, 1)], []),  # ends before it starts
        ([(-1, 10, 1)], []),
        ([(0, 1 << 32, 1)], []),  # beyond IPv4
        ([], [(0, 1 << 128, 1)]),  # beyond IPv6
        ([(0, 10, 0)], []),  # AS0 means "not routed"
        ([(0, 10, 1 << 32)], []),  # AS numbers have 32 bits
    ],
)
def test_ranges_that_cannot_be_stored_are_refused(
    tmp_path: Path, ipv4: list[Range], ipv6: list[Range]
) -> None:
    with pytest.raises(ValueError, match=r"range|AS number"):
        write_table(tmp_path, ipv4, ipv6, {}, source="bad")


def test_a_table_of_another_format_is_refused(tmp_path: Path) -> None:
    write_table(tmp_path, IPV4, IPV6, NAMES, source="test@1")
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    (tmp_path / "manifest.json").write_text(json.dumps(manifest | {"format": 2}))
    with pytest.raises(ValueError, match="format 2"):
        AsnTable.load(tmp_path)


def test_a_truncated_table_is_refused(tmp_path: Path) -> None:
    write_table(tmp_path, IPV4, IPV6, NAMES, source="test@1")
    data = gzip.decompress((tmp_path / "ipv4.bin.gz").read_bytes())
    (tmp_path / "ipv4.bin.gz").write_bytes(gzip.compress(data[:-4]))
    with pytest.raises(ValueError, match=r"ipv4\.bin\.gz"):
        AsnTable.load(tmp_path)


def test_a_missing_table_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        AsnTable.load(tmp_path)
