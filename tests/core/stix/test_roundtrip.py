"""What crex exports, crex reads back: every observable type, the report and the case."""

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
import stix2

from crex.core.exchange import SharedObservable
from crex.core.stix import case_bundle, parse_bundle, report_bundle
from crex.core.tlp import TLP
from tests.core.stix.samples import (
    BANK,
    CARD_SECRET,
    CONTACT_POINT,
    EVERY_TYPE,
    case,
    observable,
    report,
)


@pytest.mark.parametrize("kind", list(EVERY_TYPE))
def test_every_observable_type_comes_back(kind: str) -> None:
    sent = observable(kind, TLP.GREEN)
    parsed = parse_bundle(json.dumps(report_bundle(report(tlp=TLP.GREEN, observables=(sent,)))))
    [received] = parsed.reports
    assert received.observables == (sent,)
    assert parsed.skipped == []


def test_report_comes_back_whole() -> None:
    sent = report(description="I paid 649.99 by bank transfer.")
    parsed = parse_bundle(json.dumps(report_bundle(sent)).encode(), card_secret=CARD_SECRET)
    [received] = parsed.reports
    assert received.stix_id.startswith("report--")
    assert received.source == replace(CONTACT_POINT, stix_id=received.source.stix_id)
    assert received == replace(sent, stix_id=received.stix_id, source=received.source)
    assert parsed.sender == received.source
    assert parsed.observables == []


def test_reexport_keeps_the_ids() -> None:
    first = report_bundle(report())
    [received] = parse_bundle(first).reports
    again = report_bundle(received)
    assert [obj["id"] for obj in again["objects"]] == [obj["id"] for obj in first["objects"]]


def test_red_report_stays_red() -> None:
    parsed = parse_bundle(
        report_bundle(report(tlp=TLP.RED, observables=(observable("iban", TLP.RED),)))
    )
    [received] = parsed.reports
    assert received.tlp is TLP.RED
    assert received.observables[0].tlp is TLP.RED


def test_observable_marking_is_kept_when_stricter() -> None:
    sent = report(observables=(observable("iban", TLP.AMBER_STRICT), observable("bic")))
    [received] = parse_bundle(report_bundle(sent)).reports
    assert {o.type: o.tlp for o in received.observables} == {
        "iban": TLP.AMBER_STRICT,
        "bic": TLP.AMBER,
    }


def test_case_gives_its_reports() -> None:
    theirs = report(source=BANK, reference="FRAUD-991", observables=(observable("iban"),))
    parsed = parse_bundle(case_bundle(case(report(), theirs)), card_secret=CARD_SECRET)
    assert {r.reference for r in parsed.reports} == {"CR-2026-0000123-K", "FRAUD-991"}
    assert {r.source.name for r in parsed.reports} == {CONTACT_POINT.name, BANK.name}
    assert parsed.sender is not None
    assert parsed.sender.name == CONTACT_POINT.name
    assert [entry.split(": ", 1)[1] for entry in parsed.skipped] == [
        "a case: its reports are imported one by one"
    ]


def test_first_seen_and_odd_characters_come_back() -> None:
    seen = datetime(2025, 12, 24, 18, 0, tzinfo=UTC)
    odd = SharedObservable(
        "url", "https://fake-shop.example.com/o'neil\\cart", TLP.AMBER, "phishing_url", seen
    )
    [received] = parse_bundle(report_bundle(report(observables=(odd,)))).reports
    assert received.observables == (odd,)


def test_a_stix2_bundle_object_is_read_too() -> None:
    bundle = stix2.parse(report_bundle(report(observables=(observable("url"),))), allow_custom=True)
    [received] = parse_bundle(bundle).reports
    assert received.observables == (observable("url"),)
