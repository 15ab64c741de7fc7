"""Every crex observable type has a MISP form, and MISP attributes come back canonical."""

from __future__ import annotations

import pytest

from crex.core.exchange import SharedObservable
from crex.core.misp import NotImported, from_misp, to_misp
from crex.core.misp.mapping import ROLES, misp_value
from crex.core.observables import OBSERVABLE_TYPES
from crex.core.tlp import TLP
from tests.core.misp.examples import CARD, CARD_SECRET, ETHEREUM, MONERO, OBSERVABLES, SHA512

SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

# crex type, value, role → MISP type, category, value as written, to_ids
EXPORTED = [
    ("url", "https://shop.example.com/", "phishing_url", "url", "Network activity", None, True),
    ("domain-name", "shop.example.com", "mentioned", "domain", "Network activity", None, True),
    ("ipv4-addr", "203.0.113.5", "attacker_ip", "ip-src", "Network activity", None, True),
    ("ipv4-addr", "203.0.113.5", "mentioned", "ip-dst", "Network activity", None, True),
    ("ipv6-addr", "2001:db8::1", "attacker_ip", "ip-src", "Network activity", None, True),
    ("ipv6-addr", "2001:db8::1", "mentioned", "ip-dst", "Network activity", None, True),
    ("email-addr", "a@shop.example.com", "sender", "email-src", "Payload delivery", None, True),
    (
        "email-addr",
        "me@mail.example.net",
        "victim_asset",
        "email-dst",
        "Network activity",
        None,
        False,
    ),
    ("email-addr", "a@shop.example.com", "mentioned", "email", "Social network", None, True),
    ("phone-number", "+31612345678", "contact_phone", "phone-number", "Person", None, True),
    ("iban", "NL91ABNA0417164300", "payee_account", "iban", "Financial fraud", None, True),
    ("bic", "ABNANL2A", "mentioned", "bic", "Financial fraud", None, False),
    (
        "bitcoin",
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
        "wallet",
        "btc",
        "Financial fraud",
        None,
        True,
    ),
    ("monero", MONERO, "wallet", "xmr", "Financial fraud", None, True),
    ("md5", "d41d8cd98f00b204e9800998ecf8427e", "mentioned", "md5", "Payload delivery", None, True),
    (
        "sha1",
        "da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "mentioned",
        "sha1",
        "Payload delivery",
        None,
        True,
    ),
    ("sha256", SHA256, "mentioned", "sha256", "Payload delivery", None, True),
    ("sha512", SHA512, "mentioned", "sha512", "Payload delivery", None, True),
    ("cve", "CVE-2021-44228", "mentioned", "vulnerability", "External analysis", None, False),
    ("asn", "AS64496", "mentioned", "AS", "Network activity", "64496", False),
]


@pytest.mark.parametrize(
    ("kind", "value", "role", "misp_type", "category", "written", "to_ids"), EXPORTED
)
def test_each_type_is_written_as_its_misp_attribute_and_read_back(
    kind: str,
    value: str,
    role: str,
    misp_type: str,
    category: str,
    written: str | None,
    to_ids: bool,
) -> None:
    found = to_misp(SharedObservable(kind, value, TLP.AMBER, role))
    assert found is not None
    assert (found.type, found.category, found.value) == (misp_type, category, written or value)
    assert (found.to_ids, found.comment, found.object_name) == (to_ids, role, "")
    back = from_misp(found.type, found.value, comment=found.comment)
    assert [(i.type, i.value, i.role) for i in back] == [(kind, value, role)]


def test_every_crex_type_has_a_misp_form() -> None:
    assert {o.type for o in OBSERVABLES} == set(OBSERVABLE_TYPES)
    for observable in OBSERVABLES:
        assert to_misp(observable) is not None, observable.type


def test_ethereum_goes_in_a_coin_address_object_because_misp_has_no_eth_type() -> None:
    found = to_misp(SharedObservable("ethereum", ETHEREUM, TLP.AMBER, "wallet"))
    assert found is not None
    assert (found.object_name, found.object_relation, found.type) == (
        "coin-address",
        "address-crypto",
        "text",
    )
    assert found.object_extra == (("symbol", "ETH"),)
    back = from_misp(
        "text",
        found.value,
        comment="wallet",
        object_name="coin-address",
        relation="address-crypto",
        symbol="ETH",
    )
    assert [(i.type, i.value, i.role) for i in back] == [("ethereum", ETHEREUM, "wallet")]


def test_a_user_name_goes_in_a_user_account_object() -> None:
    found = to_misp(SharedObservable("user-account", "@desk", TLP.AMBER, "offender_account"))
    assert found is not None
    assert (found.object_name, found.object_relation) == ("user-account", "username")
    back = from_misp("text", "@Desk", object_name="user-account", relation="username")
    assert [(i.type, i.value) for i in back] == [("user-account", "@desk")]


def test_a_card_is_exported_as_its_bin_with_last_four_and_key_in_the_comment() -> None:
    found = to_misp(SharedObservable("payment-card", CARD, TLP.AMBER, "victim_asset"))
    assert found is not None
    assert (found.type, found.value, found.to_ids) == ("bin", "411111", False)
    assert found.comment == "victim_asset; last four 1111; key 0123456789abcdef0123"
    back = from_misp(found.type, found.value, comment=found.comment)
    assert [(i.type, i.value, i.role) for i in back] == [("payment-card", CARD, "victim_asset")]


def test_a_malformed_card_value_is_not_exported() -> None:
    assert to_misp(SharedObservable("payment-card", "4111111111111111", TLP.AMBER)) is None
    assert to_misp(SharedObservable("no-such-type", "x", TLP.AMBER)) is None


def test_a_whole_card_number_is_kept_only_as_bin_last_four_and_keyed_hash() -> None:
    (found,) = from_misp("cc-number", "4111 1111 1111 1111", card_secret=CARD_SECRET)
    assert found.type == "payment-card"
    bin_, last_four, digest = found.value.split(":")
    assert (bin_, last_four, len(digest)) == ("411111", "1111", 20)
    assert "4111111111111111" not in found.value


# MISP type, value, comment → (crex type, canonical value, role) of each observable
IMPORTED = [
    (
        "url",
        "hxxps://Shop.Example.com/pay",
        "",
        [("url", "https://shop.example.com/pay", "mentioned")],
    ),
    ("domain", "Shop.Example.COM.", "", [("domain-name", "shop.example.com", "mentioned")]),
    (
        "hostname",
        "pay.shop.example.com",
        "",
        [("domain-name", "pay.shop.example.com", "mentioned")],
    ),
    ("ip-src", "203.0.113.5", "", [("ipv4-addr", "203.0.113.5", "attacker_ip")]),
    ("ip-dst", "2001:DB8:0:0::1", "", [("ipv6-addr", "2001:db8::1", "mentioned")]),
    ("ip-dst", "203.0.113.5/32", "", [("ipv4-addr", "203.0.113.5", "mentioned")]),
    ("email", "A@Shop.example.com", "", [("email-addr", "a@shop.example.com", "mentioned")]),
    ("email-src", "a@shop.example.com", "", [("email-addr", "a@shop.example.com", "sender")]),
    (
        "email-dst",
        "me@mail.example.net",
        "",
        [("email-addr", "me@mail.example.net", "victim_asset")],
    ),
    (
        "target-email",
        "me@mail.example.net",
        "",
        [("email-addr", "me@mail.example.net", "victim_asset")],
    ),
    ("phone-number", "0031 6 12345678", "", [("phone-number", "+31612345678", "mentioned")]),
    (
        "iban",
        "nl91 abna 0417 1643 00",
        "payee_account",
        [("iban", "NL91ABNA0417164300", "payee_account")],
    ),
    ("bank-account-nr", "NL91ABNA0417164300", "", [("iban", "NL91ABNA0417164300", "mentioned")]),
    ("bic", "abnanl2a", "", [("bic", "ABNANL2A", "mentioned")]),
    (
        "btc",
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
        "",
        [("bitcoin", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "wallet")],
    ),
    ("xmr", MONERO, "", [("monero", MONERO, "wallet")]),
    (
        "md5",
        "D41D8CD98F00B204E9800998ECF8427E",
        "",
        [("md5", "d41d8cd98f00b204e9800998ecf8427e", "mentioned")],
    ),
    ("sha256", SHA256.upper(), "", [("sha256", SHA256, "mentioned")]),
    ("vulnerability", "cve-2021-44228", "", [("cve", "CVE-2021-44228", "mentioned")]),
    ("AS", "64496", "", [("asn", "AS64496", "mentioned")]),
    ("AS", "AS64496", "", [("asn", "AS64496", "mentioned")]),
    (
        "domain|ip",
        "shop.example.com|198.51.100.7",
        "",
        [
            ("domain-name", "shop.example.com", "mentioned"),
            ("ipv4-addr", "198.51.100.7", "mentioned"),
        ],
    ),
    ("ip-src|port", "203.0.113.5|4444", "", [("ipv4-addr", "203.0.113.5", "attacker_ip")]),
    ("ip-dst|port", "2001:db8::25|443", "", [("ipv6-addr", "2001:db8::25", "mentioned")]),
    (
        "hostname|port",
        "panel.shop.example.com|8443",
        "",
        [("domain-name", "panel.shop.example.com", "mentioned")],
    ),
    ("filename|sha256", f"kit.zip|{SHA256}", "", [("sha256", SHA256, "mentioned")]),
    (
        "url",
        "https://shop.example.com:8443/a",
        "malicious_url; kit panel",
        [
            ("url", "https://shop.example.com:8443/a", "malicious_url"),
        ],
    ),
]


@pytest.mark.parametrize(("misp_type", "value", "comment", "expected"), IMPORTED)
def test_misp_attributes_are_read_as_canonical_crex_observables(
    misp_type: str, value: str, comment: str, expected: list[tuple[str, str, str]]
) -> None:
    found = from_misp(misp_type, value, comment=comment)
    assert [(i.type, i.value, i.role) for i in found] == expected


@pytest.mark.parametrize(
    ("object_name", "relation", "symbol", "value", "expected"),
    [
        ("coin-address", "address", "", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "bitcoin"),
        ("coin-address", "address", "ETH", ETHEREUM.upper().replace("0X", "0x"), "ethereum"),
        ("coin-address", "address-crypto", "", ETHEREUM, "ethereum"),
        ("coin-address", "address-xmr", "", MONERO, "monero"),
        ("coin-address", "address-crypto", "xmr", MONERO, "monero"),
        ("bank-account", "iban", "", "NL91ABNA0417164300", "iban"),
        ("credit-card", "cc-number", "", "5555555555554444", "payment-card"),
    ],
)
def test_object_attributes_are_read_by_their_object_and_relation(
    object_name: str, relation: str, symbol: str, value: str, expected: str
) -> None:
    misp_type = {"iban": "iban", "cc-number": "cc-number", "address": "btc"}.get(relation, "text")
    (found,) = from_misp(
        misp_type,
        value,
        object_name=object_name,
        relation=relation,
        symbol=symbol,
        card_secret=CARD_SECRET,
    )
    assert found.type == expected
    if object_name == "coin-address":
        assert found.role == "wallet"


@pytest.mark.parametrize(
    ("misp_type", "value", "comment", "reason"),
    [
        ("github-username", "kit-seller", "", "no observables of MISP type github-username"),
        ("text", "Victims were called first", "", "type text"),
        ("link", "https://www.example.org/advisory", "", "type link"),
        ("iban", "NL00ABNA0417164300", "", "not a valid IBAN"),
        ("bank-account-nr", "0417164300", "", "not a valid IBAN"),
        ("ip-dst", "198.51.100.0/24", "", "network range"),
        ("domain|ip", "shop.example.com", "", "2 parts"),
        ("bin", "411111", "", "BIN alone"),
        ("bin", "411111", "victim_asset; last four 1111", "BIN alone"),
        ("cc-number", "4111111111111111", "", "no hashing key"),
        ("cc-number", "4111111111111112", "", "check digit"),
        ("btc", ETHEREUM, "", "bitcoin"),
        ("phone-number", "612345678", "", "country code"),
    ],
)
def test_what_crex_cannot_keep_is_not_imported_with_a_reason(
    misp_type: str, value: str, comment: str, reason: str
) -> None:
    with pytest.raises(NotImported, match=reason) as caught:
        from_misp(misp_type, value, comment=comment)
    assert "4111111111111111" not in caught.value.reason


def test_a_coin_address_in_a_currency_crex_does_not_keep_is_not_imported() -> None:
    with pytest.raises(NotImported, match="DOGE"):
        from_misp(
            "btc",
            "DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L",
            object_name="coin-address",
            relation="address",
            symbol="DOGE",
        )


@pytest.mark.parametrize(
    ("misp_type", "value", "written"),
    [
        ("iban", "nl91 abna-0417 1643 00", "NL91ABNA0417164300"),
        ("bic", "abna nl 2a", "ABNANL2A"),
        ("phone-number", "0031 (6) 1234-5678", "+31612345678"),
        ("AS", "as64496", "64496"),
        ("url", "https://shop.example.com/", "https://shop.example.com/"),
    ],
)
def test_values_are_written_the_way_misp_normalises_them(
    misp_type: str, value: str, written: str
) -> None:
    assert misp_value(misp_type, value) == written


def test_the_roles_are_those_of_reports() -> None:
    from crex.reports.models import ReportObservable

    assert set(ReportObservable.Role.values) == ROLES
