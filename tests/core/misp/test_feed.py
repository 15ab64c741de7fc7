"""MISP feeds: choosing what to fetch from a manifest, reading events, writing a feed."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest
from pymisp import MISPEvent

from crex.core.handling import Distribution
from crex.core.misp import (
    MispError,
    events_newer_than,
    feed_json,
    parse_manifest,
    read_feed,
    report_to_event,
)
from crex.core.tlp import TLP
from tests.core.misp.examples import DATA, MONERO, make_report

FEED = DATA / "feed"
SHOPS = "3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c"
INVESTMENT = "8c7d6e5f-4a3b-4c2d-9e1f-0a9b8c7d6e5f"


def feed_files() -> dict[str, bytes]:
    """The fixture feed as a mapping of file names to the bytes fetched."""
    return {path.name: path.read_bytes() for path in FEED.iterdir()}


def test_the_manifest_lists_the_events_oldest_first() -> None:
    shops, investment = parse_manifest((FEED / "manifest.json").read_bytes())
    assert (shops.uuid, investment.uuid) == (SHOPS, INVESTMENT)
    assert shops.info == "Fake web shops selling game consoles, October 2024"
    assert (shops.date, shops.timestamp) == (date(2024, 10, 2), 1727880000)
    assert (shops.org_name, shops.org_uuid) == (
        "CERT Example",
        "55f6ea5e-2c60-40e5-964f-47a8950d210f",
    )
    assert shops.tags == ("tlp:white", "type:OSINT")
    assert (investment.analysis, investment.threat_level_id) == (1, 2)
    assert investment.file_name == f"{INVESTMENT}.json"


@pytest.mark.parametrize(
    ("since", "expected"),
    [
        (0, (SHOPS, INVESTMENT)),
        (1727880000, (INVESTMENT,)),  # an event of exactly that time was already read
        (1732100000, ()),
    ],
)
def test_only_events_changed_since_the_last_visit_are_fetched(
    since: int, expected: tuple[str, ...]
) -> None:
    manifest = (FEED / "manifest.json").read_text()
    assert events_newer_than(manifest, since) == expected
    assert events_newer_than(parse_manifest(manifest), since) == expected


def test_a_feed_directory_is_read() -> None:
    read = read_feed(FEED)
    assert (read.failures, read.missing) == ((), ())
    shops, investment = read.events
    assert shops.report.tlp is TLP.CLEAR  # TLP 1.0 tlp:white
    assert shops.distribution is Distribution.ORGANISATION  # feeds carry none: the default
    assert {(o.type, o.value) for o in shops.report.observables} == {
        ("url", "https://console-deals.example.com/checkout"),  # written defanged
        ("domain-name", "pay.console-deals.example.com"),  # a hostname
        ("monero", MONERO),
        ("asn", "AS64496"),
    }
    assert investment.report.tlp is TLP.GREEN
    assert investment.report.rsit == "fraud/masquerade"
    assert {(o.type, o.value, o.role) for o in investment.report.observables} == {
        ("iban", "DE89370400440532013000", "payee_account"),
        ("phone-number", "+49301234567", "mentioned"),
        ("domain-name", "crypto-yield-invest.example.com", "mentioned"),  # domain-ip object
        ("ipv4-addr", "192.0.2.44", "mentioned"),
    }
    assert [(s.type, s.reason) for s in investment.skipped] == [
        ("link", "crex keeps no observables of MISP type link.")
    ]


def test_fetched_files_are_read_and_only_the_newer_events() -> None:
    read = read_feed(
        feed_files(), since_timestamp=1727880000, default_distribution=Distribution.PARTNERS
    )
    (event,) = read.events
    assert event.uuid == INVESTMENT
    assert event.distribution is Distribution.PARTNERS
    assert len(read.entries) == 2


def test_an_event_not_fetched_is_listed_as_missing() -> None:
    files = feed_files()
    del files[f"{SHOPS}.json"]
    read = read_feed(files)
    assert read.missing == (SHOPS,)
    assert [e.uuid for e in read.events] == [INVESTMENT]


def test_a_bad_event_fails_alone() -> None:
    files = feed_files()
    files[f"{SHOPS}.json"] = b"<html>Not found</html>"
    files[f"{INVESTMENT}.json"] = (FEED / f"{SHOPS}.json").read_bytes()
    read = read_feed(files)
    assert read.events == ()
    assert [(f.uuid, f.message[:10]) for f in read.failures] == [
        (SHOPS, "This is no"),
        (INVESTMENT, "The file h"),
    ]
    assert SHOPS in read.failures[1].message


@pytest.mark.parametrize(
    ("manifest", "message", "path"),
    [
        (None, "no manifest.json", "manifest.json"),
        (b"[]", "maps event uuids", "manifest.json"),
        (b"{", "not JSON", "manifest.json"),
        (b'{"x": {}}', "not an event uuid", "manifest.json:x"),
        (json.dumps({SHOPS: []}).encode(), "is an object", f"manifest.json:{SHOPS}"),
        (
            json.dumps({SHOPS: {"timestamp": "1"}}).encode(),
            "no info",
            f"manifest.json:{SHOPS}.info",
        ),
        (
            json.dumps({SHOPS: {"info": "x", "timestamp": "yesterday"}}).encode(),
            "timestamp is not a number",
            f"manifest.json:{SHOPS}.timestamp",
        ),
        (
            json.dumps({SHOPS: {"info": "x", "timestamp": 1, "date": "2024-31-12"}}).encode(),
            "YYYY-MM-DD",
            f"manifest.json:{SHOPS}.date",
        ),
        (
            json.dumps({SHOPS: {"info": "x", "timestamp": 1, "Tag": "tlp:red"}}).encode(),
            "Tag is not a list",
            f"manifest.json:{SHOPS}.Tag",
        ),
    ],
)
def test_a_bad_manifest_raises_misp_error(manifest: bytes | None, message: str, path: str) -> None:
    files = {} if manifest is None else {"manifest.json": manifest}
    with pytest.raises(MispError, match=message) as caught:
        read_feed(files)
    assert caught.value.path == path


def test_a_directory_without_manifest_raises_misp_error(tmp_path: Path) -> None:
    with pytest.raises(MispError, match="no manifest"):
        read_feed(tmp_path)


def test_crex_exports_make_a_feed_that_reads_back(tmp_path: Path) -> None:
    first = report_to_event(make_report())
    second = report_to_event(make_report(reference="CR-2025-0000043-5", title="Second shop"))
    manifest, bodies, hashes = feed_json([first, second])

    assert set(manifest) == set(bodies) == {first.uuid, second.uuid}
    entry = manifest[first.uuid]
    assert entry["info"] == first.info
    assert entry["Orgc"]["name"] == "Contact Point NL"
    assert entry["timestamp"] == int(first.timestamp.timestamp())
    md5 = hashlib.md5(b"NL91ABNA0417164300").hexdigest()  # MISP's format
    assert f"{md5},{first.uuid}" in hashes.splitlines()

    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    (tmp_path / "hashes.csv").write_text(hashes)
    for event_uuid, body in bodies.items():
        (tmp_path / f"{event_uuid}.json").write_text(json.dumps(body))
        MISPEvent().load_file(tmp_path / f"{event_uuid}.json")  # PyMISP reads it too
    read = read_feed(tmp_path)
    assert sorted(e.report.title for e in read.events) == [
        "Paid for a game console that never came",
        "Second shop",
    ]
    assert all(e.distribution is Distribution.ORGANISATION for e in read.events)
    assert read.failures == ()


def test_the_fixture_hashes_are_md5_of_each_value() -> None:
    lines = (FEED / "hashes.csv").read_text().splitlines()
    iban = hashlib.md5(b"DE89370400440532013000").hexdigest()  # MISP's format
    assert f"{iban},{INVESTMENT}" in lines
