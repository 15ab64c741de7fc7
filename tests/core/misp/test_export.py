"""Reports and cases become MISP events that MISP (and PyMISP) read as intended."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from pymisp import MISPEvent

from crex.core.exchange import SharedObservable
from crex.core.handling import Distribution
from crex.core.misp import case_to_event, event_json, event_uuid, report_to_event
from crex.core.misp.export import NAMESPACE
from crex.core.tlp import TLP
from tests.core.misp.examples import BANK, CONTACT_POINT, MODIFIED, make_case, make_report

GROUP_UUID = "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"


def body(event: MISPEvent) -> dict[str, Any]:
    """The event's feed JSON, through a JSON round trip as a recipient would read it."""
    return json.loads(json.dumps(event_json(event)))["Event"]


def attributes(event: MISPEvent) -> dict[str, dict[str, Any]]:
    """Attributes (also those in objects) by value."""
    data = body(event)
    found = {a["value"]: a for a in data.get("Attribute", [])}
    for obj in data.get("Object", []):
        found.update({a["value"]: a | {"object": obj["name"]} for a in obj["Attribute"]})
    return found


def tag_names(items: dict[str, Any]) -> list[str]:
    return [tag["name"] for tag in items.get("Tag", [])]


def test_the_event_carries_title_date_creator_and_classification() -> None:
    data = body(report_to_event(make_report()))
    assert data["info"] == "Paid for a game console that never came"
    assert data["date"] == "2025-03-01"
    assert data["timestamp"] == str(int(MODIFIED.timestamp()))
    assert data["Orgc"]["name"] == "Contact Point NL"
    assert (data["threat_level_id"], data["analysis"], data["published"]) == ("3", "0", False)
    assert tag_names(data) == [
        "tlp:amber",
        'rsit:fraud="masquerade"',
        'crex:offence="online_shopping_fraud"',
        'crex:category="traditional"',
        'crex:victim-country="NL"',
        'crex:language="nl"',
    ]


def test_the_uuid_is_derived_from_source_and_reference_so_a_reexport_updates_the_event() -> None:
    first = report_to_event(make_report())
    again = report_to_event(make_report(title="Changed title"))
    assert first.uuid == again.uuid == event_uuid(CONTACT_POINT, "CR-2025-0000042-7")
    assert first.uuid == str(uuid.uuid5(NAMESPACE, "report\nContact Point NL\nCR-2025-0000042-7"))
    assert report_to_event(make_report(source=BANK)).uuid != first.uuid
    assert report_to_event(make_report(reference="CR-2025-0000043-5")).uuid != first.uuid
    assert sorted(attributes(first)) == sorted(attributes(again))
    assert [a["uuid"] for a in body(first)["Attribute"]] == [
        a["uuid"] for a in body(again)["Attribute"]
    ]


def test_the_same_report_gives_the_same_json() -> None:
    assert event_json(report_to_event(make_report())) == event_json(report_to_event(make_report()))


def test_a_report_imported_from_misp_keeps_its_event_uuid() -> None:
    imported = make_report(reference="5e6b7c1a-3f0d-4c5e-9a1b-2d3e4f5a6b7c", source=BANK)
    assert report_to_event(imported).uuid == "5e6b7c1a-3f0d-4c5e-9a1b-2d3e4f5a6b7c"


def test_a_known_creator_keeps_its_uuid() -> None:
    bank = replace(BANK, stix_id="identity--7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d")
    data = body(report_to_event(make_report(source=bank)))
    assert data["Orgc"] == {"name": "Example Bank", "uuid": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"}


@pytest.mark.parametrize(
    ("tlp", "tag"),
    [
        (TLP.CLEAR, "tlp:clear"),
        (TLP.GREEN, "tlp:green"),
        (TLP.AMBER, "tlp:amber"),
        (TLP.AMBER_STRICT, "tlp:amber+strict"),
        (TLP.RED, "tlp:red"),
    ],
)
def test_the_event_is_tagged_with_its_tlp_2_0_level(tlp: TLP, tag: str) -> None:
    report = make_report(tlp=tlp, observables=())
    assert tag_names(body(report_to_event(report)))[0] == tag


@pytest.mark.parametrize(
    ("distribution", "tlp", "code"),
    [
        (Distribution.ORGANISATION, TLP.RED, "0"),
        (Distribution.PARTNERS, TLP.AMBER, "1"),
        (Distribution.PUBLIC, TLP.CLEAR, "3"),
    ],
)
def test_distribution_codes(distribution: Distribution, tlp: TLP, code: str) -> None:
    event = report_to_event(make_report(tlp=tlp), distribution=distribution)
    data = body(event)
    assert data["distribution"] == code
    assert "SharingGroup" not in data
    assert {a.distribution for a in event.attributes} == {5}  # inherit the event's


def test_a_sharing_group_is_named_by_uuid() -> None:
    event = report_to_event(
        make_report(),
        distribution=Distribution.GROUP,
        sharing_group_uuid=GROUP_UUID,
        sharing_group_name="NL Financial Fraud",
    )
    data = body(event)
    assert data["distribution"] == "4"
    assert data["SharingGroup"] == {"uuid": GROUP_UUID, "name": "NL Financial Fraud"}


@pytest.mark.parametrize(
    ("tlp", "distribution", "group", "field"),
    [
        (TLP.RED, Distribution.PARTNERS, None, "distribution"),
        (TLP.AMBER, Distribution.PUBLIC, None, "tlp"),
        (TLP.AMBER, Distribution.GROUP, None, "sharing_group"),
        (TLP.AMBER, Distribution.PARTNERS, GROUP_UUID, "sharing_group"),
    ],
)
def test_markings_that_do_not_go_together_are_refused(
    tlp: TLP, distribution: Distribution, group: str | None, field: str
) -> None:
    with pytest.raises(ValueError, match=field):
        report_to_event(make_report(tlp=tlp), distribution=distribution, sharing_group_uuid=group)


def test_attributes_carry_role_ids_flag_and_a_stricter_tlp_only() -> None:
    report = make_report(
        observables=(
            SharedObservable("iban", "NL91ABNA0417164300", TLP.AMBER, "payee_account"),
            SharedObservable("email-addr", "me@mail.example.net", TLP.AMBER, "victim_asset"),
            SharedObservable("ipv4-addr", "203.0.113.5", TLP.AMBER_STRICT, "attacker_ip"),
            SharedObservable("url", "https://shop.example.com/", TLP.CLEAR, "phishing_url"),
        )
    )
    found = attributes(report_to_event(report, distribution=Distribution.PARTNERS))
    iban = found["NL91ABNA0417164300"]
    assert (iban["type"], iban["category"], iban["comment"], iban["to_ids"]) == (
        "iban",
        "Financial fraud",
        "payee_account",
        True,
    )
    assert found["me@mail.example.net"]["to_ids"] is False
    assert tag_names(found["203.0.113.5"]) == ["tlp:amber+strict"]
    assert tag_names(found["https://shop.example.com/"]) == []  # looser: the event's TLP holds
    assert tag_names(iban) == []


def test_tlp_red_observables_stay_home() -> None:
    red = SharedObservable("iban", "DE89370400440532013000", TLP.RED, "payee_account")
    report = make_report(observables=(red,))
    shared = attributes(report_to_event(report, distribution=Distribution.PARTNERS))
    assert "DE89370400440532013000" not in shared
    kept = attributes(report_to_event(report))  # organisation only
    assert tag_names(kept["DE89370400440532013000"]) == ["tlp:red"]


def test_objects_for_values_misp_has_no_attribute_type_for() -> None:
    found = attributes(report_to_event(make_report()))
    eth = found["0x52908400098527886e0f7030069857d2e4169ee7"]
    assert (eth["object"], eth["object_relation"], eth["comment"]) == (
        "coin-address",
        "address-crypto",
        "wallet",
    )
    assert found["ETH"]["object_relation"] == "symbol"
    assert found["@shop_support_desk"]["object"] == "user-account"
    card = found["411111"]
    assert (card["type"], card["to_ids"]) == ("bin", False)
    assert "last four 1111" in card["comment"]


def test_narrative_loss_and_incident_time_are_attributes_read_back_by_comment() -> None:
    found = attributes(report_to_event(make_report(description="I paid 449 euro.")))
    assert found["I paid 449 euro."]["comment"] == "description"
    assert found["449.00 EUR"]["comment"] == "loss"
    assert found["2025-02-27T20:15:00+00:00"]["type"] == "datetime"


def test_no_narrative_attribute_when_the_narrative_is_not_shared() -> None:
    comments = [a["comment"] for a in body(report_to_event(make_report()))["Attribute"]]
    assert "description" not in comments
    bare = make_report(loss_amount=None, incident_at=None, observables=())
    assert "Attribute" not in body(report_to_event(bare))


def test_one_value_twice_in_a_report_is_one_attribute_with_the_specific_role() -> None:
    report = make_report(
        observables=(
            SharedObservable("iban", "NL91ABNA0417164300", TLP.AMBER, "mentioned"),
            SharedObservable("iban", "NL91ABNA0417164300", TLP.AMBER_STRICT, "payee_account"),
        ),
        loss_amount=None,
        incident_at=None,
    )
    (only,) = body(report_to_event(report))["Attribute"]
    assert (only["comment"], tag_names(only)) == ("payee_account", ["tlp:amber+strict"])


def test_a_case_is_one_event_with_the_observables_of_all_its_reports_once() -> None:
    case = make_case()
    event = case_to_event(case, distribution=Distribution.PARTNERS)
    data = body(event)
    assert data["info"] == "Console shop fraud"
    assert data["analysis"] == "1"
    assert event.uuid == str(uuid.uuid5(NAMESPACE, "case\nContact Point NL\nCASE-42"))
    assert 'crex:victim-country="NL"' in tag_names(data)
    assert 'crex:victim-country="BE"' in tag_names(data)
    values = [a["value"] for a in data["Attribute"]]
    assert values.count("NL91ABNA0417164300") == 1
    assert values.count("https://shop.example.com/pay") == 1
    assert attributes(event)["NL91ABNA0417164300"]["comment"] == "payee_account"
    # no narrative, loss or incident attributes: a case event holds observables
    assert {a["type"] for a in data["Attribute"]}.isdisjoint({"text", "datetime"})


def test_an_observable_in_a_case_is_never_looser_than_its_report() -> None:
    strict = make_report(
        tlp=TLP.AMBER_STRICT,
        observables=(SharedObservable("iban", "DE89370400440532013000", TLP.GREEN, "mentioned"),),
    )
    found = attributes(case_to_event(make_case(strict)))
    assert tag_names(found["DE89370400440532013000"]) == ["tlp:amber+strict"]


def test_pymisp_loads_the_exported_json() -> None:
    event = report_to_event(
        make_report(description="I paid.", loss_amount=Decimal("10")),
        distribution=Distribution.GROUP,
        sharing_group_uuid=GROUP_UUID,
    )
    loaded = MISPEvent()
    loaded.load(json.dumps(event_json(event)))
    assert loaded.uuid == event.uuid
    assert loaded.info == event.info
    assert len(loaded.attributes) == len(event.attributes)
    assert [o.name for o in loaded.objects] == ["coin-address", "user-account"]
    assert int(loaded.distribution) == 4
    strict = MISPEvent(strict_validation=True)
    strict.load(event_json(case_to_event(make_case())))
    assert strict.info == "Console shop fraud"
