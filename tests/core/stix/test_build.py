"""What a report and a case look like in STIX: objects, ids, markings and privacy."""

import json
from dataclasses import replace
from datetime import UTC, datetime

from stix2patterns.validator import run_validator

from crex.core.exchange import SharedObservable
from crex.core.stix import (
    case_bundle,
    case_objects,
    marking_id,
    report_bundle,
    report_objects,
    support_objects,
)
from crex.core.stix.extensions import REPORT
from crex.core.tlp import TLP
from tests.core.stix.samples import (
    BANK,
    CARD_NUMBER,
    CONTACT_POINT,
    case,
    observable,
    report,
)


def by_type(objects: list[dict], kind: str) -> list[dict]:
    return [obj for obj in objects if obj["type"] == kind]


def the(objects: list[dict], kind: str) -> dict:
    [found] = by_type(objects, kind)
    return found


def test_report_sdo() -> None:
    sdo = the(report_objects(report()), "report")
    assert sdo["name"] == "Paid for a phone that never came"
    assert sdo["published"] == sdo["created"] == "2026-01-05T09:30:00.000Z"
    assert sdo["modified"] == "2026-01-06T14:00:00.000Z"
    assert sdo["report_types"] == ["threat-report"]
    assert sdo["labels"] == [
        "crex:category=traditional",
        "crex:offence=online_shopping_fraud",
        "crex:rsit=fraud/masquerade",
    ]
    assert sdo["lang"] == "nl"
    assert sdo["external_references"] == [
        {"source_name": "crex", "external_id": "CR-2026-0000123-K"}
    ]
    assert sdo["object_marking_refs"] == [marking_id(TLP.AMBER)]


def test_report_refers_to_everything_in_it() -> None:
    objects = report_objects(report())
    sdo = objects[-1]
    assert set(sdo["object_refs"]) == {obj["id"] for obj in objects[:-1]}


def test_description_only_when_there_is_one() -> None:
    assert "description" not in the(report_objects(report(description="")), "report")
    shared = the(report_objects(report(description="I paid 649.99 by transfer.")), "report")
    assert shared["description"] == "I paid 649.99 by transfer."


def test_loss_time_and_roles_go_in_the_crex_extension() -> None:
    sdo = the(report_objects(report()), "report")
    facts = sdo["extensions"][REPORT.id]
    assert facts["extension_type"] == "property-extension"
    assert facts["loss_amount"] == "649.99"
    assert facts["loss_currency"] == "EUR"
    assert facts["incident_at"] == "2026-01-03T20:15:00.000Z"
    iban = the(report_objects(report()), "x-crex-iban")
    assert facts["observable_roles"][iban["id"]] == "payee_account"


def test_a_bare_report_still_refers_to_something() -> None:
    bare = report(observables=(), victim_country="", loss_amount=None, incident_at=None)
    sdo = the(report_objects(bare), "report")
    assert sdo["object_refs"] == [sdo["created_by_ref"]]
    assert "extensions" not in sdo
    assert "lang" in sdo


def test_same_report_twice_gives_the_same_objects() -> None:
    assert report_bundle(report()) == report_bundle(report())


def test_a_changed_report_is_a_new_version_of_the_same_ids() -> None:
    first = report_objects(report())
    later = report_objects(
        report(title="Fake phone shop", modified=datetime(2026, 2, 1, tzinfo=UTC))
    )
    assert [obj["id"] for obj in first] == [obj["id"] for obj in later]
    assert later[-1]["modified"] == "2026-02-01T00:00:00.000Z"
    assert later[-1]["created"] == first[-1]["created"]


def test_a_kept_stix_id_is_used() -> None:
    kept = "report--6a3c2bd9-6b55-4c3f-9d1b-6c1d0f2e3a4b"
    assert the(report_objects(report(stix_id=kept)), "report")["id"] == kept


def test_same_url_from_two_sources_is_one_sco() -> None:
    url = (observable("url"),)
    ours = report_objects(report(observables=url))
    theirs = report_objects(report(observables=url, source=BANK, reference="FRAUD-991"))
    assert the(ours, "url")["id"] == the(theirs, "url")["id"]
    assert the(ours, "report")["id"] != the(theirs, "report")["id"]
    assert the(ours, "indicator")["id"] != the(theirs, "indicator")["id"]


def test_same_iban_from_two_sources_is_one_sco() -> None:
    iban = (observable("iban"),)
    ours = the(report_objects(report(observables=iban)), "x-crex-iban")
    theirs = the(report_objects(report(observables=iban, source=BANK)), "x-crex-iban")
    assert ours["id"] == theirs["id"]


def test_every_object_is_marked() -> None:
    for obj in report_bundle(report())["objects"]:
        if obj["type"] != "marking-definition":
            assert len(obj["object_marking_refs"]) == 1, obj["id"]


def test_an_observable_keeps_its_own_stricter_marking() -> None:
    objects = report_objects(report(observables=(observable("iban", TLP.RED),)))
    assert the(objects, "x-crex-iban")["object_marking_refs"] == [marking_id(TLP.RED)]
    assert the(objects, "report")["object_marking_refs"] == [marking_id(TLP.AMBER)]


def test_bundle_carries_the_markings_and_extensions_it_uses() -> None:
    bundle = report_bundle(report(observables=(observable("iban", TLP.RED),)))
    definitions = {obj["id"] for obj in by_type(bundle["objects"], "marking-definition")}
    assert definitions == {marking_id(TLP.CLEAR), marking_id(TLP.AMBER), marking_id(TLP.RED)}
    extensions = {obj["name"] for obj in by_type(bundle["objects"], "extension-definition")}
    assert extensions == {"crex IBAN", "crex report"}


def test_indicators_for_offender_observables_only() -> None:
    objects = report_objects(report())
    patterns = {obj["pattern"] for obj in by_type(objects, "indicator")}
    assert "[url:value = 'https://fake-shop.example.com/pay?order=1']" in patterns
    assert "[email-addr:value = 'orders@fake-shop.example.com']" in patterns
    assert "[x-crex-cryptocurrency-wallet:value = '1BoatSLRHtKNngkdXEeobR76b53LETtpyT']" in patterns
    assert "[file:hashes.'SHA-256' = " in " ".join(patterns)
    assert not any("iban" in pattern or "phone" in pattern for pattern in patterns)


def test_indicator_is_based_on_observed_data_of_its_sco() -> None:
    objects = report_objects(report(observables=(observable("url"),)))
    indicator, data = the(objects, "indicator"), the(objects, "observed-data")
    relationship = the(objects, "relationship")
    assert (relationship["source_ref"], relationship["relationship_type"]) == (
        indicator["id"],
        "based-on",
    )
    assert relationship["target_ref"] == data["id"]
    assert data["object_refs"] == [the(objects, "url")["id"]]
    assert indicator["valid_from"] == "2026-01-05T09:30:00.000Z"


def test_victims_own_assets_are_no_indicators() -> None:
    own = (observable("url", role="victim_asset"), observable("email-addr", role="victim_asset"))
    assert by_type(report_objects(report(observables=own)), "indicator") == []


def test_a_victims_email_address_is_no_indicator() -> None:
    victim = (observable("email-addr", role="mentioned"),)
    assert by_type(report_objects(report(observables=victim)), "indicator") == []


def test_payment_card_leaves_as_bin_and_last_four_only() -> None:
    bundle = report_bundle(report())
    card = the(bundle["objects"], "x-crex-payment-card")
    assert (card["bin"], card["last4"]) == ("411111", "1111")
    assert set(card) <= {
        "type",
        "spec_version",
        "id",
        "bin",
        "last4",
        "keyed_hash",
        "object_marking_refs",
        "extensions",
    }
    text = json.dumps(bundle)
    assert CARD_NUMBER not in text
    assert CARD_NUMBER[6:-4] not in text  # not even the middle digits


def test_cve_is_a_vulnerability() -> None:
    vulnerability = the(report_objects(report(observables=(observable("cve"),))), "vulnerability")
    assert vulnerability["name"] == "CVE-2021-44228"
    assert vulnerability["external_references"] == [
        {"source_name": "cve", "external_id": "CVE-2021-44228"}
    ]


def test_source_is_an_organisation_in_its_country() -> None:
    support = support_objects(report())
    identity = next(obj for obj in support if obj.get("name") == CONTACT_POINT.name)
    assert identity["identity_class"] == "organization"
    assert identity["sectors"] == ["government-national"]
    assert identity["roles"] == ["contact_point"]
    located = the(support, "relationship")
    assert (located["source_ref"], located["relationship_type"]) == (identity["id"], "located-at")
    assert the(support, "location")["country"] == "NL"
    for obj in report_objects(report()):
        if "created" in obj:
            assert obj["created_by_ref"] == identity["id"]


def test_support_and_report_objects_make_the_bundle() -> None:
    bundle = report_bundle(report())
    split = {obj["id"] for obj in support_objects(report())} | {
        obj["id"] for obj in report_objects(report())
    }
    assert {obj["id"] for obj in bundle["objects"]} == split
    assert len(bundle["objects"]) == len(split)  # nothing twice
    assert not by_type(report_objects(report()), "marking-definition")
    assert not by_type(report_objects(report()), "extension-definition")
    assert not by_type(report_objects(report()), "identity")


def test_case_is_an_incident_with_its_reports_related() -> None:
    theirs = report(
        source=BANK, reference="FRAUD-991", tlp=TLP.RED, observables=(observable("iban"),)
    )
    objects = case_objects(case(report(), theirs))
    incident = the(objects, "incident")
    assert incident["name"] == "Fake phone shop"
    assert incident["labels"] == [
        "crex:offence=online_shopping_fraud",
        "crex:country=NL",
        "crex:country=DE",
    ]
    links = [obj for obj in by_type(objects, "relationship") if obj["target_ref"] == incident["id"]]
    reports = by_type(objects, "report")
    assert {link["source_ref"] for link in links} == {sdo["id"] for sdo in reports}
    assert {link["relationship_type"] for link in links} == {"related-to"}
    red = next(link for link in links if link["source_ref"] == reports[1]["id"])
    assert red["object_marking_refs"] == [marking_id(TLP.RED)]


def test_case_bundle_has_each_object_once_with_the_stricter_marking() -> None:
    strict = report(
        source=BANK, reference="FRAUD-991", observables=(observable("iban", TLP.AMBER_STRICT),)
    )
    bundle = case_bundle(case(report(), strict))
    ids = [obj["id"] for obj in bundle["objects"]]
    assert len(ids) == len(set(ids))
    iban = the(bundle["objects"], "x-crex-iban")
    assert iban["object_marking_refs"] == [marking_id(TLP.AMBER_STRICT)]
    names = {obj.get("name") for obj in by_type(bundle["objects"], "identity")}
    assert {CONTACT_POINT.name, BANK.name} <= names


def test_case_bundle_is_deterministic() -> None:
    assert case_bundle(case(report())) == case_bundle(case(report()))
    assert case_bundle(case(report()))["id"] != report_bundle(report())["id"]


def test_naive_times_are_taken_as_utc() -> None:
    naive = replace(
        report(), created=datetime(2026, 1, 5, 9, 30), modified=datetime(2026, 1, 5, 9, 30)
    )
    assert the(report_objects(naive), "report")["created"] == "2026-01-05T09:30:00.000Z"


def test_indicator_patterns_are_valid_stix_patterning() -> None:
    odd = SharedObservable("url", "https://fake-shop.example.com/o'neil\\cart", TLP.AMBER)
    objects = report_objects(report(observables=(*report().observables, odd)))
    patterns = [obj["pattern"] for obj in by_type(objects, "indicator")]
    assert len(patterns) == 13  # url, domain, 2 IPs, sender, 3 wallets, 4 hashes, odd url
    for pattern in patterns:
        assert run_validator(pattern, stix_version="2.1") == [], pattern
    assert "[url:value = 'https://fake-shop.example.com/o\\'neil\\\\cart']" in patterns
