"""Bundles from other tools are read into crex records; bad input is refused clearly."""

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import stix2

from crex.core.observables.cards import card_value
from crex.core.stix import StixError, marking_id, parse_bundle, report_bundle
from crex.core.tlp import TLP
from tests.core.stix.samples import CARD_SECRET, observable, report

DATA = Path(__file__).parent / "data"
OPENCTI = (DATA / "opencti_report.json").read_bytes()
MISP_STIX = (DATA / "misp_stix_event.json").read_bytes()


def values(observables: Any) -> set[tuple[str, str]]:
    return {(o.type, o.value) for o in observables}


def minimal(*objects: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "bundle",
        "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
        "objects": list(objects),
    }


def url_object(**extra: Any) -> dict[str, Any]:
    return {
        "type": "url",
        "spec_version": "2.1",
        "id": "url--c2c21c83-212a-5819-89da-6b1f5c555903",
        "value": "https://fake-shop.example.com/pay",
        **extra,
    }


# -- OpenCTI ---------------------------------------------------------------------------


def test_opencti_report() -> None:
    parsed = parse_bundle(OPENCTI, card_secret=CARD_SECRET)
    [received] = parsed.reports
    assert received.title == "Money mule accounts behind fake webshop"
    assert received.description == "Payments for the fake shop went to these accounts."
    assert received.tlp is TLP.AMBER_STRICT  # OpenCTI's own AMBER+STRICT id
    assert received.source.name == "Acme Bank Fraud Desk"
    assert received.source.stix_id == "identity--c017f212-546b-4f21-999d-97d3dc558f7b"
    assert received.stix_id == "report--4f8c2a8e-2a0f-4d5d-9c3a-5f0e5f3c6a11"
    assert received.reference == received.stix_id  # no crex reference: its id stands in
    assert values(received.observables) == {
        ("iban", "NL91ABNA0417164300"),  # bank-account, spaces removed
        ("bic", "ABNANL2A"),
        ("phone-number", "+31612345678"),  # 0031 ... read as +31
        ("bitcoin", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
        ("payment-card", card_value("4111111111111111", CARD_SECRET)[0]),
        ("url", "https://fake-shop.example.com/checkout"),  # refanged
        ("domain-name", "fake-shop.example.com"),  # from the indicator's pattern
    }
    assert parsed.sender == received.source


def test_opencti_marks_and_loose_observables() -> None:
    parsed = parse_bundle(OPENCTI, card_secret=CARD_SECRET)
    [received] = parsed.reports
    # The phone is TLP:CLEAR (OpenCTI's id for it is TLP 1.0 WHITE), but never looser
    # than the AMBER+STRICT report it is in.
    assert {o.tlp for o in received.observables} == {TLP.AMBER_STRICT}
    [loose] = parsed.observables
    assert (loose.type, loose.value, loose.tlp) == ("phone-number", "+442079460958", TLP.CLEAR)
    assert parsed.skipped == [
        "malware--1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e: crex does not import malware objects"
    ]


def test_opencti_card_number_is_reduced_at_once() -> None:
    parsed = parse_bundle(OPENCTI, card_secret=CARD_SECRET)
    text = repr(parsed)
    assert "4111111111111111" not in text
    assert "4111 1111 1111 1111" not in text
    [card] = [o for o in parsed.reports[0].observables if o.type == "payment-card"]
    bin_, last4, keyed = card.value.split(":")
    assert (bin_, last4, len(keyed)) == ("411111", "1111", 20)


def test_card_numbers_are_left_out_without_a_key() -> None:
    parsed = parse_bundle(OPENCTI)
    assert "payment-card" not in {o.type for o in parsed.reports[0].observables}
    [reason] = [entry for entry in parsed.skipped if entry.startswith("payment-card--")]
    assert "a payment card left out" in reason
    assert "4111" not in reason


# -- misp-stix ---------------------------------------------------------------------------


def test_misp_stix_event() -> None:
    parsed = parse_bundle(MISP_STIX, card_secret=CARD_SECRET)
    [received] = parsed.reports
    assert received.title == "Phishing wave impersonating a parcel service"
    assert received.tlp is TLP.GREEN  # the TLP 1.0 GREEN id
    assert received.rsit == "fraud/phishing"  # from the MISP taxonomy tag
    assert received.source.name == "National CERT"
    got = values(received.observables)
    assert {
        ("url", "https://parcel-redelivery.example.com/fee"),  # indicator pattern
        ("domain-name", "parcel-redelivery.example.com"),  # observed-data, lower-cased
        ("email-addr", "support@parcel-redelivery.example.com"),  # email-message:from_ref
        ("ipv4-addr", "198.51.100.23"),  # network-traffic:dst_ref
        ("iban", "DE89370400440532013000"),  # x-misp-attribute
        ("bitcoin", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
        ("phone-number", "+31612345678"),
        ("iban", "NL91ABNA0417164300"),  # x-misp-object bank-account
        ("bic", "ABNANL2A"),
    } <= got
    assert ("monero", observable("monero").value) in got
    assert "550000:0004:" in " ".join(value for _, value in got)  # cc-number, reduced


def test_misp_stix_values_crex_cannot_use_are_listed() -> None:
    parsed = parse_bundle(MISP_STIX, card_secret=CARD_SECRET)
    assert parsed.skipped == [
        "x-misp-attribute--8be8065b-ca71-4210-976e-2804665a502d: iban "
        "'LU1234567890ABCDEF1234567890' left out: This is not a valid IBAN: check it "
        "against your statement.",
        "x-misp-attribute--a4e174fc-f341-432f-beb3-27b99ec22541: no observable crex reads "
        "in this x-misp-attribute",
    ]


def test_misp_stix_grouping_of_an_unpublished_event() -> None:
    data = json.loads(MISP_STIX)
    event = data["objects"][2]
    event |= {
        "type": "grouping",
        "id": event["id"].replace("report", "grouping"),
        "context": "suspicious-activity",
    }
    del event["published"]
    [received] = parse_bundle(data).reports
    assert received.stix_id.startswith("grouping--")
    assert ("iban", "DE89370400440532013000") in values(received.observables)


# -- markings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("marking", "tlp"),
    [
        (stix2.TLP_WHITE.id, TLP.CLEAR),
        (stix2.TLP_GREEN.id, TLP.GREEN),
        (stix2.TLP_AMBER.id, TLP.AMBER),
        (stix2.TLP_RED.id, TLP.RED),
        ("marking-definition--826578e1-40ad-459f-bc73-ede076f81f37", TLP.AMBER_STRICT),
        (marking_id(TLP.AMBER_STRICT), TLP.AMBER_STRICT),
    ],
)
def test_tlp_aliases_without_the_definition_in_the_bundle(marking: str, tlp: TLP) -> None:
    [loose] = parse_bundle(minimal(url_object(object_marking_refs=[marking]))).observables
    assert loose.tlp is tlp


def test_tlp_named_by_a_definition_in_the_bundle() -> None:
    definition = {
        "type": "marking-definition",
        "spec_version": "2.1",
        "id": "marking-definition--7a1e4c2b-3d5f-4a6b-8c9d-0e1f2a3b4c5d",
        "created": "2023-01-01T00:00:00.000Z",
        "name": "TLP:AMBER+STRICT",
        "definition_type": "statement",
        "definition": {"statement": "TLP:AMBER+STRICT"},
    }
    bundle = minimal(definition, url_object(object_marking_refs=[definition["id"]]))
    assert parse_bundle(bundle).observables[0].tlp is TLP.AMBER_STRICT


def test_the_strictest_of_several_markings_counts() -> None:
    refs = [stix2.TLP_GREEN.id, marking_id(TLP.RED), marking_id(TLP.AMBER)]
    assert parse_bundle(minimal(url_object(object_marking_refs=refs))).observables[0].tlp is TLP.RED


def test_a_statement_marking_is_no_tlp() -> None:
    statement = {
        "type": "marking-definition",
        "spec_version": "2.1",
        "id": "marking-definition--4f5e6d7c-8b9a-4c0d-9e1f-2a3b4c5d6e7f",
        "created": "2023-01-01T00:00:00.000Z",
        "definition_type": "statement",
        "definition": {"statement": "Copyright 2024 ACME"},
    }
    bundle = minimal(statement, url_object(object_marking_refs=[statement["id"]]))
    assert parse_bundle(bundle).observables[0].tlp is TLP.AMBER  # unmarked: crex's default


def test_unknown_marking_is_refused() -> None:
    bundle = minimal(
        url_object(object_marking_refs=["marking-definition--00000000-0000-4000-8000-000000000001"])
    )
    with pytest.raises(StixError) as raised:
        parse_bundle(bundle)
    assert raised.value.path == "$.objects[0].object_marking_refs[0]"
    assert "unknown marking" in raised.value.message


def test_red_marked_report_is_imported_red() -> None:
    bundle = report_bundle(report(tlp=TLP.RED, observables=(observable("iban", TLP.RED),)))
    for obj in bundle["objects"]:  # as a TLP 1.0 producer would mark it
        if obj.get("object_marking_refs") == [marking_id(TLP.RED)]:
            obj["object_marking_refs"] = [stix2.TLP_RED.id]
    [received] = parse_bundle(bundle).reports
    assert received.tlp is TLP.RED
    assert {o.tlp for o in received.observables} == {TLP.RED}


# -- bad input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "path", "words"),
    [
        (b"\xff\xfe not utf-8", "$", "not UTF-8"),
        ("{'type': 'bundle'}", "$", "not JSON"),
        ("", "$", "not JSON"),
        ("[]", "$", "got a list"),
        ('"bundle"', "$", "got a string"),
        ('{"type": "report", "id": "report--1"}', "$.type", "expected type 'bundle'"),
        ('{"type": "bundle", "objects": {}}', "$.objects", "must be a list"),
        ('{"type": "bundle", "objects": [42]}', "$.objects[0]", "must be a JSON object"),
        ('{"type": "bundle", "objects": [{"id": "url--x"}]}', "$.objects[0].type", "no type"),
        (
            '{"type": "bundle", "objects": [{"type": "url", "value": "x"}]}',
            "$.objects[0].id",
            "no id",
        ),
        (
            '{"type": "bundle", "objects": [{"type": "url", '
            '"id": "domain-name--c2c21c83-212a-5819-89da-6b1f5c555903"}]}',
            "$.objects[0].id",
            "not an id of a url",
        ),
        ("[" * 100_000, "$", "JSON"),
    ],
)
def test_bad_input_is_refused_with_where(data: str | bytes, path: str, words: str) -> None:
    with pytest.raises(StixError) as raised:
        parse_bundle(data)
    assert raised.value.path == path
    assert words in raised.value.message


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"value": 42}, "$.objects[0].value"),
        (
            {"object_marking_refs": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"},
            "$.objects[0].object_marking_refs",
        ),
        (
            {"type": "file", "id": "file--c2c21c83-212a-5819-89da-6b1f5c555903", "hashes": ["md5"]},
            "$.objects[0].hashes",
        ),
        (
            {
                "type": "autonomous-system",
                "id": "autonomous-system--c2c21c83-212a-5819-89da-6b1f5c555903",
                "number": "AS64496",
            },
            "$.objects[0].number",
        ),
    ],
)
def test_wrong_types_are_refused_with_where(change: dict[str, Any], path: str) -> None:
    with pytest.raises(StixError) as raised:
        parse_bundle(minimal(url_object(**change)))
    assert raised.value.path == path


def test_report_with_bad_timestamp_or_refs() -> None:
    bundle = report_bundle(report(observables=()))
    sdo = bundle["objects"][-1]
    index = len(bundle["objects"]) - 1
    for change, path in (
        ({"created": "yesterday"}, f"$.objects[{index}].created"),
        (
            {"object_refs": "url--c2c21c83-212a-5819-89da-6b1f5c555903"},
            f"$.objects[{index}].object_refs",
        ),
        ({"created_by_ref": 7}, f"$.objects[{index}].created_by_ref"),
    ):
        broken = copy.deepcopy(bundle)
        broken["objects"][-1] = sdo | change
        with pytest.raises(StixError) as raised:
            parse_bundle(broken)
        assert raised.value.path == path


def test_invalid_values_are_left_out_not_raised() -> None:
    parsed = parse_bundle(minimal(url_object(value="javascript:alert(1)")))
    assert parsed.observables == []
    assert parsed.skipped[0].startswith("url--c2c21c83-212a-5819-89da-6b1f5c555903: url ")


def test_empty_bundle() -> None:
    parsed = parse_bundle(
        '{"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d"}'
    )
    assert (parsed.reports, parsed.observables, parsed.sender, parsed.skipped) == ([], [], None, [])


def test_latest_version_of_an_object_wins() -> None:
    bundle = report_bundle(report(observables=()))
    older = copy.deepcopy(bundle["objects"][-1]) | {
        "name": "Old title",
        "modified": "2026-01-05T09:30:00.000Z",
    }
    bundle["objects"].append(older)
    [received] = parse_bundle(bundle).reports
    assert received.title == "Paid for a phone that never came"
