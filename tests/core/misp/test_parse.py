"""MISP events as MISP exports them are read into crex reports; bad input is refused."""

from __future__ import annotations

import contextlib
import copy
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crex.core.handling import Distribution
from crex.core.misp import MispError, ParsedEvent, parse_event
from crex.core.tlp import TLP
from tests.core.misp.examples import CARD_SECRET, DATA

EVENT_UUID = "5e6b7c1a-3f0d-4c5e-9a1b-2d3e4f5a6b7c"


def bank_event() -> dict[str, Any]:
    """The hand-written REST export of a bank CERT's phishing event."""
    return json.loads((DATA / "event_bank_phishing.json").read_text())


def minimal(**changes: Any) -> dict[str, Any]:
    """The smallest event crex reads, changed as asked (None removes a key)."""
    event: dict[str, Any] = {
        "info": "Fake shop",
        "uuid": EVENT_UUID,
        "date": "2025-01-02",
        "timestamp": "1735862400",
        "distribution": "1",
        "Orgc": {"name": "Bank CERT", "uuid": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"},
        "Tag": [{"name": "tlp:green"}],
        "Attribute": [
            {"type": "domain", "category": "Network activity", "value": "shop.example.com"}
        ],
    }
    for key, value in changes.items():
        if value is None:
            event.pop(key, None)
        else:
            event[key] = value
    return {"Event": event}


def triples(parsed: ParsedEvent) -> set[tuple[str, str, str]]:
    return {(o.type, o.value, o.role) for o in parsed.report.observables}


def test_a_rest_export_with_tags_objects_and_a_sharing_group() -> None:
    parsed = parse_event((DATA / "event_bank_phishing.json").read_bytes(), card_secret=CARD_SECRET)
    report = parsed.report
    assert (parsed.uuid, report.reference, report.stix_id) == (EVENT_UUID, EVENT_UUID, "")
    assert report.title.startswith("Phishing campaign impersonating a Dutch bank")
    assert (report.tlp, report.rsit) == (TLP.AMBER, "fraud/phishing")
    assert report.created == datetime(2024, 11, 18, tzinfo=UTC)
    assert report.modified == datetime.fromtimestamp(1732011045, UTC)
    assert parsed.source.name == report.source.name == "Bank CERT"
    assert parsed.source_uuid == "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"
    assert parsed.source.stix_id == "identity--7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"
    assert parsed.distribution is Distribution.GROUP
    assert parsed.sharing_group_uuid == "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"
    assert parsed.sharing_group_name == "NL Financial Fraud"

    found = triples(parsed)
    assert {
        ("url", "https://secure-bank-login.example.net/nl/inloggen?session=4411", "mentioned"),
        ("domain-name", "secure-bank-login.example.net", "mentioned"),
        ("ipv4-addr", "203.0.113.77", "attacker_ip"),
        ("ipv4-addr", "198.51.100.23", "mentioned"),  # ip-dst|port: the port is dropped
        ("domain-name", "bank-verify.example.org", "mentioned"),  # domain|ip: both halves
        ("ipv6-addr", "2001:db8::25", "mentioned"),
        ("email-addr", "klantenservice@bank-verify.example.org", "sender"),
        ("phone-number", "+31612345678", "contact_phone"),
        ("bitcoin", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "wallet"),
        # objects: bank-account (role from the object's comment), url, file, coin-address
        ("iban", "NL91ABNA0417164300", "payee_account"),
        ("bic", "ABNANL2A", "payee_account"),
        ("url", "http://bank-verify.example.org:8080/ideal/betalen", "phishing_url"),
        ("md5", "d41d8cd98f00b204e9800998ecf8427e", "mentioned"),
        ("sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "mentioned"),
        ("ethereum", "0x52908400098527886e0f7030069857d2e4169ee7", "wallet"),
    } <= found
    # the deleted attribute is not read
    assert not any(o.value.startswith("9f86d081") for o in parsed.report.observables)

    by_value = {o.value: o for o in parsed.report.observables}
    assert by_value["203.0.113.77"].tlp is TLP.RED  # its own, stricter tag
    assert by_value["secure-bank-login.example.net"].tlp is TLP.AMBER
    assert by_value[
        "https://secure-bank-login.example.net/nl/inloggen?session=4411"
    ].first_seen == datetime(2024, 11, 17, 8, 15, tzinfo=UTC)


def test_what_cannot_be_imported_is_listed_with_the_reason() -> None:
    parsed = parse_event(bank_event(), card_secret=CARD_SECRET)
    skipped = {(s.path, s.type): s.reason for s in parsed.skipped}
    assert skipped == {
        (
            "Event.Attribute[9]",
            "iban",
        ): "This is not a valid IBAN: check it against your statement.",
        ("Event.Attribute[10]", "github-username"): (
            "crex keeps no observables of MISP type github-username."
        ),
    }  # the details of objects (scheme, port, file name and size, account name) are not listed


def test_a_card_number_is_kept_as_bin_last_four_and_keyed_hash_only() -> None:
    parsed = parse_event(bank_event(), card_secret=CARD_SECRET)
    (card,) = [o for o in parsed.report.observables if o.type == "payment-card"]
    assert card.value.startswith("411111:1111:")
    assert "4111111111111111" not in repr(parsed)
    assert "4111 1111 1111 1111" not in repr(parsed)


def test_without_a_card_key_a_card_number_is_skipped_and_not_repeated() -> None:
    parsed = parse_event(bank_event())
    (skipped,) = [s for s in parsed.skipped if s.type == "cc-number"]
    assert "no hashing key" in skipped.reason
    assert skipped.value == "…"
    assert "4111" not in repr(parsed)


def test_a_rest_search_response_without_tlp_and_a_credit_card_object() -> None:
    parsed = parse_event((DATA / "rest_search_response.json").read_text(), card_secret=CARD_SECRET)
    assert parsed.report.title == "Sextortion mails demanding payment in bitcoin"
    assert parsed.report.tlp is TLP.AMBER  # no TLP tag: crex's default
    assert parsed.distribution is Distribution.PARTNERS  # "1": this community
    assert parsed.report.rsit == "abusive-content/harmful-speech"
    assert parsed.source.name == "Police Region East"
    found = triples(parsed)
    assert ("email-addr", "no-reply@webcam-alert.example.com", "sender") in found
    assert ("email-addr", "victim@mail.example.net", "victim_asset") in found
    (card,) = [o for o in parsed.report.observables if o.type == "payment-card"]
    assert (card.value[:12], card.role) == ("555555:4444:", "victim_asset")
    assert "5555555555554444" not in repr(parsed)
    assert parsed.skipped == ()


@pytest.mark.parametrize(
    "form",
    [
        pytest.param(lambda e: e, id="wrapped"),
        pytest.param(lambda e: e["Event"], id="bare"),
        pytest.param(lambda e: {"response": [e]}, id="search"),
        pytest.param(lambda e: json.dumps(e), id="text"),
        pytest.param(lambda e: json.dumps(e).encode(), id="bytes"),
        pytest.param(lambda e: b"\xef\xbb\xbf" + json.dumps(e).encode(), id="bytes with BOM"),
    ],
)
def test_every_form_of_an_event_is_accepted(form: Any) -> None:
    parsed = parse_event(form(minimal()))
    assert triples(parsed) == {("domain-name", "shop.example.com", "mentioned")}
    assert parsed.report.tlp is TLP.GREEN


def test_the_callers_dict_is_not_changed() -> None:
    event = bank_event()
    before = copy.deepcopy(event)
    parse_event(event, card_secret=CARD_SECRET)
    assert event == before


@pytest.mark.parametrize(
    ("tags", "tlp"),
    [
        (["tlp:clear"], TLP.CLEAR),
        (["tlp:white"], TLP.CLEAR),  # TLP 1.0
        (["TLP:GREEN"], TLP.GREEN),
        (["tlp:amber+strict"], TLP.AMBER_STRICT),
        (["tlp:green", "tlp:red"], TLP.RED),  # the strictest of two
        (["tlp:ex:chr"], TLP.AMBER),  # not a level crex knows: the default
        ([], TLP.AMBER),
    ],
)
def test_the_tlp_comes_from_the_tags(tags: list[str], tlp: TLP) -> None:
    parsed = parse_event(minimal(Tag=[{"name": name} for name in tags]))
    assert parsed.report.tlp is tlp


@pytest.mark.parametrize(
    ("code", "distribution"),
    [
        ("0", Distribution.ORGANISATION),
        ("1", Distribution.PARTNERS),
        ("2", Distribution.PARTNERS),
        ("3", Distribution.PARTNERS),  # "all communities" is still not publication
        (3, Distribution.PARTNERS),
    ],
)
def test_distribution_codes_are_read_back(code: object, distribution: Distribution) -> None:
    assert parse_event(minimal(distribution=code)).distribution is distribution


def test_an_event_without_distribution_gets_the_default_given() -> None:
    assert parse_event(minimal(distribution=None)).distribution is Distribution.ORGANISATION
    found = parse_event(minimal(distribution=None), default_distribution=Distribution.PARTNERS)
    assert found.distribution is Distribution.PARTNERS


def test_a_sharing_group_event_without_its_group_stays_in_the_organisation() -> None:
    assert parse_event(minimal(distribution="4")).distribution is Distribution.ORGANISATION


def test_a_tlp_red_event_stays_in_the_organisation() -> None:
    parsed = parse_event(minimal(Tag=[{"name": "tlp:red"}], distribution="3"))
    assert parsed.distribution is Distribution.ORGANISATION


def test_without_a_creator_the_owner_is_the_source() -> None:
    owner = {"name": "Contact Point NL", "uuid": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b"}
    parsed = parse_event(minimal(Orgc=None, Org=owner))
    assert (parsed.source.name, parsed.source_uuid) == (owner["name"], owner["uuid"])


def test_crex_tags_give_offence_category_country_and_language() -> None:
    tags = [
        'crex:offence="phishing"',
        'crex:category="traditional"',
        'crex:victim-country="be"',
        'crex:language="FR"',
        'rsit:fraud="unauthorized-use-of-resources"',
    ]
    report = parse_event(minimal(Tag=[{"name": name} for name in tags])).report
    assert (report.offence, report.category, report.victim_country, report.language) == (
        "phishing",
        "traditional",
        "BE",
        "fr",
    )
    assert report.rsit == "fraud/unauthorised-use-of-resources"


def test_unknown_offence_and_category_tags_are_ignored() -> None:
    tags = ['crex:offence="bank_robbery"', 'crex:category="misc"']
    report = parse_event(minimal(Tag=[{"name": name} for name in tags])).report
    assert (report.offence, report.category) == ("", "")


@pytest.mark.parametrize(
    ("data", "message", "path"),
    [
        (b"{not json", "not JSON", ""),
        (b"\xff\xfe\x00", "not UTF-8", ""),
        ("[]", "not a MISP event", ""),
        ('"text"', "not a MISP event", ""),
        ({"foo": 1}, "no Event", ""),
        ({"Event": []}, "not a MISP event", "Event"),
        ({"response": []}, "no event", "response"),
        ({"response": {"Event": {}}}, "list of events", "response"),
        ({"response": [{"Event": "x"}]}, "not a MISP event", "response[0].Event"),
        (minimal(info=None), "no info", "Event.info"),
        (minimal(info="  "), "no info", "Event.info"),
        (minimal(uuid="not-a-uuid"), "not a uuid", "Event.uuid"),
        (minimal(uuid=None), "not a uuid", "Event.uuid"),
        (minimal(distribution="5"), "Unknown distribution code '5'", "Event.distribution"),
        (minimal(distribution="7"), "Unknown distribution code", "Event.distribution"),
        (minimal(distribution="all"), "Unknown distribution code", "Event.distribution"),
        (minimal(distribution=True), "not a number", "Event.distribution"),
        (minimal(Orgc=None), "no creator organisation", "Event.Orgc"),
        (minimal(Orgc={"name": ""}), "no creator organisation", "Event.Orgc"),
        (minimal(Orgc={"name": "X", "uuid": "nope"}), "not a uuid", "Event.Orgc.uuid"),
        (minimal(date="2024-13-45"), "PyMISP cannot read the event", "Event"),
        (minimal(date=None, timestamp=None), "neither date nor timestamp", "Event.date"),
        (minimal(threat_level_id="9"), "PyMISP cannot read the event", "Event"),
        (minimal(Attribute={"type": "url"}), "not a list", "Event.Attribute"),
        (minimal(Object="x"), "not a list", "Event.Object"),
    ],
)
def test_what_is_not_an_event_raises_misp_error_with_a_path(
    data: Any, message: str, path: str
) -> None:
    with pytest.raises(MispError, match=message) as caught:
        parse_event(data)
    assert caught.value.path == path


def test_a_document_nested_too_deeply_raises_misp_error() -> None:
    nested: dict[str, Any] = {}
    inner = nested
    for _ in range(100_000):
        inner["Event"] = {}
        inner = inner["Event"]
    with pytest.raises(MispError, match="nested too deeply"):
        parse_event(nested)
    with pytest.raises(MispError, match="not JSON"):
        parse_event("[" * 100_000 + "]" * 100_000)


@pytest.mark.parametrize(
    ("attribute", "reason"),
    [
        ({"value": "shop.example.com"}, "no type"),
        ({"type": "domain"}, "no value"),
        ({"type": "domain", "value": ""}, "no value"),
        ({"type": "no-such-type", "value": "x"}, "Unknown MISP attribute type no-such-type"),
        ({"type": "domain", "value": "shop.example.com", "distribution": "9"}, "9 is invalid"),
        ({"type": "iban", "value": "NL91ABNA0417164301"}, "not a valid IBAN"),
        ({"type": "domain", "value": "not a domain"}, "not a valid domain"),
        ({"type": "text", "value": "The shop", "comment": "loss"}, "amount and a currency"),
        ("just a string", "not an attribute"),
    ],
)
def test_a_bad_attribute_is_skipped_with_a_reason(attribute: Any, reason: str) -> None:
    good = {"type": "domain", "value": "shop.example.com"}
    parsed = parse_event(minimal(Attribute=[good, attribute]))
    assert triples(parsed) == {("domain-name", "shop.example.com", "mentioned")}
    (skipped,) = parsed.skipped
    assert skipped.path == "Event.Attribute[1]"
    assert reason in skipped.reason


def test_a_bad_object_is_skipped_with_a_reason() -> None:
    parsed = parse_event(
        minimal(Object=["x", {"name": "url", "Attribute": "y"}, {"name": "url", "deleted": True}])
    )
    assert [(s.path, s.reason) for s in parsed.skipped] == [
        ("Event.Object[0]", "This is not a MISP object."),
        ("Event.Object[1]", "An object holds a list of attributes."),
    ]


def test_crex_fields_are_read_back_from_their_attributes() -> None:
    attributes = [
        {"type": "text", "value": "I paid 449 euro.", "comment": "description"},
        {"type": "text", "value": "449.00 eur", "comment": "loss"},
        {"type": "datetime", "value": "2025-02-27T20:15:00+00:00", "comment": "incident"},
    ]
    report = parse_event(minimal(Attribute=attributes)).report
    assert report.description == "I paid 449 euro."
    assert (str(report.loss_amount), report.loss_currency) == ("449.00", "EUR")
    assert report.incident_at == datetime(2025, 2, 27, 20, 15, tzinfo=UTC)


def test_a_card_number_in_a_skipped_text_is_masked() -> None:
    attribute = {"type": "text", "value": "card 4111 1111 1111 1111 was used"}
    (skipped,) = parse_event(minimal(Attribute=[attribute])).skipped
    assert "1111 1111 1111" not in skipped.value
    assert skipped.value.startswith("card 4111 1")


# Keys of events, attributes and objects, so that generated documents look like events.
_EVENT_KEYS = ["info", "uuid", "Orgc", "Tag", "date", "timestamp", "distribution"]
_ITEM_KEYS = ["name", "Attribute", "Object", "SharingGroup", "type", "value", "comment", "deleted"]
_KEYS = _EVENT_KEYS + _ITEM_KEYS
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(_KEYS), children, max_size=6)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_json)
def test_any_json_gives_an_event_or_a_misp_error(document: Any) -> None:
    event = minimal()["Event"]
    if isinstance(document, dict):
        event |= document
    attribute_lists = (
        minimal(Attribute=[document]),
        minimal(Object=[document, {"name": "url", "Attribute": [document]}]),
    )
    for data in ({"Event": event}, {"Event": document}, *attribute_lists):
        with contextlib.suppress(MispError):
            parse_event(data)
