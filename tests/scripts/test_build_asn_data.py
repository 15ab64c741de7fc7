"""The converter from the ``@ip-location-db/asn`` CSV files to the shipped IP-to-AS table,
run on a small package folder made here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scripts.build_asn_data import build, main, names_of, normalise, read_rows

from crex.core.asn import AsnTable

IPV4_CSV = """\
1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."
1.0.4.0,1.0.5.255,38803,Gtelecom Pty Ltd
1.0.6.0,1.0.7.255,38803,Gtelecom Pty Ltd
8.8.8.0,8.8.8.255,15169,Google LLC
9.9.9.0,9.9.9.255,0,
214.95.0.0,215.0.255.255,749,United States Department of Defense (DoD)
215.0.0.0,215.1.3.255,721,DoD Network Information Center
"""
IPV6_CSV = """\
2001:4860::,2001:4860:4804:ffff:ffff:ffff:ffff:ffff,15169,Google LLC
2001:4860:4805::,2001:4860:4805:ffff:ffff:ffff:ffff:ffff,43515,Google Ireland Limited
2606:4700::,2606:4700:1:ffff:ffff:ffff:ffff:ffff,13335,"Cloudflare, Inc."
"""
LICENCE = "The free IP to ASN Lite database by DB-IP is licensed under CC BY 4.0."


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """An unpacked npm package folder as ``npm pack @ip-location-db/asn`` gives."""
    folder = tmp_path / "package"
    folder.mkdir()
    (folder / "asn-ipv4.csv").write_text(IPV4_CSV)
    (folder / "asn-ipv6.csv").write_text(IPV6_CSV)
    (folder / "DBIP-LICENSE").write_text(LICENCE)
    (folder / "package.json").write_text(
        json.dumps({"name": "@ip-location-db/asn", "version": "2.3.2026061719"})
    )
    return folder


def test_the_package_becomes_a_table_that_answers_lookups(package: Path, tmp_path: Path) -> None:
    out = tmp_path / "asn"
    build(package, out, built="2026-06-18")
    table = AsnTable.load(out)
    assert table.source == "@ip-location-db/asn@2.3.2026061719"
    assert table.lookup("1.0.0.1") == (13335, "Cloudflare, Inc.")
    assert table.lookup("1.0.7.255") == (38803, "Gtelecom Pty Ltd")
    assert table.lookup("8.8.8.8") == (15169, "Google LLC")
    assert table.lookup("9.9.9.9") is None  # AS0: not routed
    assert table.lookup("215.0.0.1") == (749, "United States Department of Defense (DoD)")
    assert table.lookup("215.1.0.1") == (721, "DoD Network Information Center")
    assert table.lookup("2001:4860:4804::1") == (15169, "Google LLC")
    assert table.lookup("2001:4860:4805::1") == (43515, "Google Ireland Limited")
    assert table.lookup("2606:4700:2::1") is None
    assert table.lookup("10.0.0.1") is None


def test_the_source_file_names_the_package_the_date_and_the_licence(
    package: Path, tmp_path: Path
) -> None:
    build(package, tmp_path / "asn", built="2026-06-18")
    source = (tmp_path / "asn" / "SOURCE.md").read_text()
    assert "`@ip-location-db/asn`\nversion 2.3.2026061719" in source
    assert "Built on 2026-06-18" in source
    assert "CC BY 4.0" in source
    assert f"> {LICENCE}" in source


def test_adjacent_ranges_of_one_as_are_joined_and_overlaps_cut(package: Path) -> None:
    family = normalise(read_rows(package / "asn-ipv4.csv", 4))
    assert (family.rows, family.merged, family.cut, family.unrouted) == (7, 1, 1, 1)
    assert family.ranges == [
        (0x01000000, 0x010000FF, 13335),
        (0x01000400, 0x010007FF, 38803),  # 1.0.4.0 - 1.0.7.255, from two rows
        (0x08080800, 0x080808FF, 15169),
        (0xD65F0000, 0xD700FFFF, 749),  # starts first: keeps 215.0.0.0/16
        (0xD7010000, 0xD70103FF, 721),  # cut to 215.1.0.0 - 215.1.3.255
    ]


def test_a_range_inside_an_earlier_one_is_dropped() -> None:
    family = normalise([(0, 100, 1, "A"), (10, 20, 2, "B"), (101, 200, 1, "A")])
    assert family.ranges == [(0, 200, 1)]
    assert (family.cut, family.merged) == (1, 1)


def test_unsorted_rows_are_sorted() -> None:
    family = normalise([(50, 60, 2, "B"), (0, 10, 1, "A")])
    assert family.ranges == [(0, 10, 1), (50, 60, 2)]


def test_each_as_keeps_its_most_frequent_name() -> None:
    rows = [(0, 1, 7, "Old name"), (2, 3, 7, "New name"), (4, 5, 7, "New name"), (6, 7, 8, "")]
    assert names_of(rows) == {7: "New name"}


@pytest.mark.parametrize(
    ("line", "version", "message"),
    [
        ("2001:db8::,2001:db8::ff,64500,X", 4, "not an IPv4 range"),
        ("1.0.0.0,1.0.0.255,64500,X", 6, "not an IPv6 range"),
        ("1.0.0.0,1.0.0.255,64500", 4, "expected 4 fields"),
        ("1.0.0.0,1.0.0.999,64500,X", 4, "does not appear to be an IPv4 or IPv6 address"),
        ("1.0.0.0,1.0.0.255,AS64500,X", 4, "invalid literal"),
    ],
)
def test_a_malformed_row_stops_the_build(
    tmp_path: Path, line: str, version: int, message: str
) -> None:
    path = tmp_path / "asn.csv"
    path.write_text(line + "\n")
    with pytest.raises(ValueError, match=message):
        list(read_rows(path, version))


def test_the_command_line_reports_what_it_did(
    package: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(package), "--out", str(tmp_path / "asn")]) == 0
    printed = capsys.readouterr().out
    assert "IPv4: 7 rows -> 5 ranges (1 joined, 1 cut for overlap, 1 AS0 left out)" in printed
    assert "IPv6: 3 rows -> 3 ranges" in printed
    assert "ipv4.bin.gz" in printed
