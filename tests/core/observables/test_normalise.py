"""Typed identifiers are validated and brought to one canonical form."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crex.core.observables import InvalidObservable, detect_wallet, normalise


@pytest.mark.parametrize(
    ("kind", "raw", "canonical"),
    [
        ("url", "HTTPS://Shop.Example.COM/Pay?id=7", "https://shop.example.com/Pay?id=7"),
        ("url", "fake-shop.com/checkout", "http://fake-shop.com/checkout"),
        ("url", "hxxps://evil.com/login", "https://evil.com/login"),
        ("url", "http://bücher.de/", "http://xn--bcher-kva.de/"),
        ("url", "http://192.0.2.10:8080/kit/", "http://192.0.2.10:8080/kit/"),
        ("domain-name", "Bücher.DE.", "xn--bcher-kva.de"),
        ("ipv4-addr", " 203.0.113.5 ", "203.0.113.5"),
        ("ipv6-addr", "2001:DB8:0:0:0:0:0:1", "2001:db8::1"),
        ("email-addr", "Mule.Account@Example.COM", "mule.account@example.com"),
        ("phone-number", "+49 30 1234567", "+49301234567"),
        ("phone-number", "0049 30 1234567", "+49301234567"),
        ("iban", "nl91 abna 0417 1643 00", "NL91ABNA0417164300"),
        ("bic", "abnanl2a", "ABNANL2A"),
        (
            "bitcoin",
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        ),
        (
            "ethereum",
            "0x52908400098527886E0F7030069857D2E4169EE7",
            "0x52908400098527886e0f7030069857d2e4169ee7",
        ),
        ("md5", "D41D8CD98F00B204E9800998ECF8427E", "d41d8cd98f00b204e9800998ecf8427e"),
        ("cve", "cve-2024-3094", "CVE-2024-3094"),
        ("asn", "as64496", "AS64496"),
        ("user-account", "@Scammer_Love", "@scammer_love"),
    ],
)
def test_canonical_forms(kind: str, raw: str, canonical: str) -> None:
    assert normalise(kind, raw).value == canonical


def test_national_phone_uses_the_report_country() -> None:
    assert normalise("phone-number", "06 12345678", default_region="NL").value == "+31612345678"


def test_idn_keeps_a_unicode_display_form() -> None:
    found = normalise("domain-name", "xn--bcher-kva.de")
    assert found.display == "bücher.de"


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("iban", "NL91ABNA0417164301"),  # bad checksum
        ("iban", "hello"),
        ("email-addr", "no-at-sign.example.com"),
        ("email-addr", "someone@"),
        ("domain-name", "invoice"),
        ("domain-name", "-bad-.com"),
        ("ipv4-addr", "999.1.1.1"),
        ("ipv4-addr", "2001:db8::1"),  # an IPv6 address is not an ipv4-addr
        ("phone-number", "12"),
        ("phone-number", "call me maybe"),
        ("bitcoin", "1BoatSLRHtKNngkdXEeobR76b53LETtpyX"),  # checksum off by one character
        ("ethereum", "0x1234"),
        ("monero", "4notmonero"),
        ("sha256", "abc"),
        ("payment-card", "4111 1111 1111 1112"),  # Luhn fails
        ("cve", "CVE-24-1"),
        ("asn", "ASX"),
        ("user-account", "two words"),
        ("url", "javascript:alert(1)"),
        ("url", "http://"),
        ("no-such-type", "x"),
        ("url", "   "),
    ],
)
def test_invalid_values_are_refused(kind: str, raw: str) -> None:
    with pytest.raises(InvalidObservable):
        normalise(kind, raw)


def test_card_is_reduced_to_bin_last_four_and_keyed_hash() -> None:
    found = normalise("payment-card", "4111-1111-1111-1111", card_secret=b"key one")
    assert "4111111111111111" not in found.value + found.display
    assert found.value.startswith("411111:1111:")
    assert found.display == "411111…1111"
    other_key = normalise("payment-card", "4111111111111111", card_secret=b"key two")
    assert other_key.value != found.value  # the hash is keyed


def test_card_needs_a_key() -> None:
    with pytest.raises(InvalidObservable):
        normalise("payment-card", "4111111111111111")


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "bitcoin"),
        ("0x52908400098527886E0F7030069857D2E4169EE7", "ethereum"),
        (
            "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A",
            "monero",
        ),
    ],
)
def test_wallet_kind_is_detected(raw: str, kind: str) -> None:
    assert detect_wallet(raw).type.value == kind


def test_unknown_wallet() -> None:
    with pytest.raises(InvalidObservable):
        detect_wallet("not-a-wallet")


@given(st.from_regex(r"[a-z]{1,12}\.(com|de|fr|nl)", fullmatch=True))
def test_domain_normalising_is_idempotent(domain: str) -> None:
    once = normalise("domain-name", domain).value
    assert normalise("domain-name", once).value == once


@given(st.ip_addresses())
def test_ip_normalising_is_idempotent(ip: object) -> None:
    kind = "ipv4-addr" if ip.version == 4 else "ipv6-addr"  # type: ignore[attr-defined]
    once = normalise(kind, str(ip)).value
    assert normalise(kind, once).value == once


@pytest.mark.parametrize(
    ("kind", "raw", "canonical"),
    [
        ("url", "hxxps://evil[.]example[.]com/login", "https://evil.example.com/login"),
        ("domain-name", "evil(.)com", "evil.com"),
        ("email-addr", "mule[at]example[.]org", "mule@example.org"),
        ("ipv4-addr", "203.0.113[.]5", "203.0.113.5"),
    ],
)
def test_defanged_values_are_refanged(kind: str, raw: str, canonical: str) -> None:
    assert normalise(kind, raw).value == canonical


@pytest.mark.parametrize("raw", ["http://a-example.com:99999/", "http://[::1", "http://[zz]/"])
def test_unreadable_urls_are_refused_not_crashed(raw: str) -> None:
    with pytest.raises(InvalidObservable):
        normalise("url", raw)
