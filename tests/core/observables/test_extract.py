# ruff: noqa: RUF001 - the sentences are multilingual on purpose
"""Every identifier in free text is found, validated and brought to its canonical form."""

from __future__ import annotations

import pytest

from crex.core.observables import Flag, Observable, ObservableType, extract

KEY = b"test card key"
MONERO = (
    "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQB"
    "EP3A"
)


def found(text: str, region: str | None = None) -> set[tuple[str, str]]:
    """The (type, value) pairs ``extract`` finds in ``text``."""
    return {(o.type.value, o.value) for o in extract(text, default_region=region, card_secret=KEY)}


def only(text: str, kind: str, region: str | None = None) -> Observable:
    """The one observable of type ``kind`` in ``text``."""
    matches = [o for o in extract(text, default_region=region, card_secret=KEY) if o.type == kind]
    assert len(matches) == 1, matches
    return matches[0]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        (
            "Login at https://secure-paypal.com/verify now.",
            "url",
            "https://secure-paypal.com/verify",
        ),
        (
            "See HTTPS://Shop.Example.COM/Pay?id=7 please",
            "url",
            "https://shop.example.com/Pay?id=7",
        ),
        ("Go to fake-shop.de/checkout today", "url", "http://fake-shop.de/checkout"),
        ("ftp://files.evil.net/kit.zip", "url", "ftp://files.evil.net/kit.zip"),
        ("Host evil-login.co.uk was used", "domain-name", "evil-login.co.uk"),
        ("Hit from 185.220.101.47 twice", "ipv4-addr", "185.220.101.47"),
        ("Hit from 2a01:4f8:c17:b8f::2 twice", "ipv6-addr", "2a01:4f8:c17:b8f::2"),
        ("Mail Mule.Account@Example.COM now", "email-addr", "mule.account@example.com"),
        ("Call +49 30 1234567 now", "phone-number", "+49301234567"),
        ("Call 0049 151 23456789 now", "phone-number", "+4915123456789"),
        ("IBAN DE89 3704 0044 0532 0130 00.", "iban", "DE89370400440532013000"),
        ("IBAN NL91ABNA0417164300.", "iban", "NL91ABNA0417164300"),
        ("BIC: DEUTDEFF", "bic", "DEUTDEFF"),
        ("to 1BoatSLRHtKNngkdXEeobR76b53LETtpyT.", "bitcoin", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"),
        ("to 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "bitcoin", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
        (
            "to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            "bitcoin",
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        ),
        (
            "taproot bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
            "bitcoin",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        ),
        (
            "ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "ethereum",
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
        ),
        (
            "XMR " + MONERO,
            "monero",
            MONERO,
        ),
        ("md5 D41D8CD98F00B204E9800998ECF8427E", "md5", "d41d8cd98f00b204e9800998ecf8427e"),
        (
            "sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709",
            "sha1",
            "da39a3ee5e6b4b0d3255bfef95601890afd80709",
        ),
        (
            "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "sha256",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ),
        ("sha512 " + "cf83e135" * 16, "sha512", "cf83e135" * 16),
        ("exploits cve-2024-3094 again", "cve", "CVE-2024-3094"),
        ("announced by AS64496.", "asn", "AS64496"),
    ],
)
def test_each_type_is_found_in_canonical_form(text: str, kind: str, value: str) -> None:
    assert (kind, value) in found(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("hxxp://evil.com/a", "http://evil.com/a"),
        ("hxxps://evil.com/a", "https://evil.com/a"),
        ("https://evil[.]com/a", "https://evil.com/a"),
        ("https://evil(.)com/a", "https://evil.com/a"),
        ("https://evil{.}com/a", "https://evil.com/a"),
        ("https://evil[dot]com/a", "https://evil.com/a"),
        ("https[:]//evil.com/a", "https://evil.com/a"),
        ("https[://]evil.com/a", "https://evil.com/a"),
    ],
)
def test_every_defang_style_of_a_url_is_read_and_marked(text: str, value: str) -> None:
    url = only(f"Phishing page {text} reported.", "url")
    assert url.value == value
    assert Flag.DEFANGED in url.flags


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("evil dot com", "domain-name", "evil.com"),
        ("evil[.]co[.]uk", "domain-name", "evil.co.uk"),
        ("mule[at]evil.org", "email-addr", "mule@evil.org"),
        ("mule(at)evil(.)org", "email-addr", "mule@evil.org"),
        ("mule [@] evil[.]org", "email-addr", "mule@evil.org"),
        ("203.0.113[.]5", "ipv4-addr", "203.0.113.5"),
    ],
)
def test_defanged_names_and_addresses_are_read_and_marked(text: str, kind: str, value: str) -> None:
    observable = only(f"Seen: {text}, blocked.", kind)
    assert observable.value == value
    assert Flag.DEFANGED in observable.flags


def test_a_plain_value_is_not_marked_defanged() -> None:
    assert not only("See https://evil.com/a", "url").flags


def test_spans_point_at_what_was_written() -> None:
    text = "Zahlung an „DE89 3704 0044 0532 0130 00“ und hxxps://evil[.]com/x."
    for observable in extract(text):
        written = text[observable.start : observable.end]
        assert written
        assert written[0].isalnum()
        assert written[-1].isalnum()
    url = only(text, "url")
    assert text[url.start : url.end] == "hxxps://evil[.]com/x"


def test_each_occurrence_is_returned_in_text_order() -> None:
    results = extract("First evil.com, then 1.2.3.4, then evil.com again.")
    assert [(o.type.value, o.value) for o in results] == [
        ("domain-name", "evil.com"),
        ("ipv4-addr", "1.2.3.4"),
        ("domain-name", "evil.com"),
    ]
    assert results[0].start < results[2].start


def test_a_url_yields_its_host_as_derived_domain() -> None:
    text = "Visit https://login.bank-secure.co.uk/x"
    url, host = (o for o in extract(text) if o.start >= 0)
    assert url.type == ObservableType.URL
    assert url.registered_domain == "bank-secure.co.uk"
    assert (host.type, host.value) == (ObservableType.DOMAIN, "login.bank-secure.co.uk")
    assert host.flags == {Flag.DERIVED}
    assert text[host.start : host.end] == "login.bank-secure.co.uk"
    assert host.registered_domain == "bank-secure.co.uk"


def test_a_url_with_an_ip_host_yields_the_ip() -> None:
    host = only("kit at http://192.168.1.20:8080/admin", "ipv4-addr")
    assert host.flags == {Flag.DERIVED, Flag.PRIVATE}
    v6 = only("kit at http://[2001:db8::1]/admin", "ipv6-addr")
    assert v6.value == "2001:db8::1"
    assert Flag.DOCUMENTATION in v6.flags


def test_an_email_yields_its_domain() -> None:
    text = "From: info@mail.fake-bank.de"
    email = only(text, "email-addr")
    domain = only(text, "domain-name")
    assert email.registered_domain == "fake-bank.de"
    assert domain.value == "mail.fake-bank.de"
    assert Flag.DERIVED in domain.flags
    assert text[domain.start : domain.end] == "mail.fake-bank.de"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "(see https://en.wikipedia.org/wiki/Foo_(bar))",
            "https://en.wikipedia.org/wiki/Foo_(bar)",
        ),
        ("https://evil.com/login.", "https://evil.com/login"),
        ("https://evil.com/login!?", "https://evil.com/login"),
        ('"https://evil.com/a"', "https://evil.com/a"),
        ("<https://evil.com/a>", "https://evil.com/a"),
        ("[https://evil.com/a]", "https://evil.com/a"),
        ("«https://evil.com/a»", "https://evil.com/a"),
        ("„https://evil.com/a“", "https://evil.com/a"),
        ("网址：https://evil.com/a。请勿点击", "https://evil.com/a"),
        ("https://evil.com/a?b=1&c=2#frag", "https://evil.com/a?b=1&c=2"),
    ],
)
def test_url_boundaries(text: str, value: str) -> None:
    assert only(text, "url").value == value


def test_idn_domains_are_stored_in_punycode_and_shown_in_unicode() -> None:
    domain = only("Shop: bücher-billig.de", "domain-name")
    assert domain.value == "xn--bcher-billig-dlb.de"
    assert domain.display == "bücher-billig.de"
    assert domain.registered_domain == "xn--bcher-billig-dlb.de"


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("10.0.0.5", Flag.PRIVATE),
        ("192.168.1.1", Flag.PRIVATE),
        ("127.0.0.1", Flag.LOOPBACK),
        ("198.51.100.7", Flag.DOCUMENTATION),
        ("169.254.1.1", Flag.RESERVED),
        ("fd12:3456::1", Flag.PRIVATE),
        ("::1", Flag.LOOPBACK),
    ],
)
def test_non_public_addresses_are_kept_and_marked(text: str, flag: Flag) -> None:
    results = extract(f"Address {text} seen.")
    assert len(results) == 1
    assert flag in results[0].flags


def test_payment_cards_keep_only_bin_last_four_and_a_keyed_hash() -> None:
    text = "Karte 4111 1111 1111 1111 und 5555555555554444 belastet."
    cards = [o for o in extract(text, card_secret=KEY) if o.type == ObservableType.PAYMENT_CARD]
    assert [c.display for c in cards] == ["411111…1111", "555555…4444"]
    for card in cards:
        for field in (card.value, card.display, card.registered_domain):
            assert "4111111111111111" not in field
            assert "5555555555554444" not in field


def test_cards_are_not_extracted_without_a_key() -> None:
    assert not extract("Karte 4111 1111 1111 1111")


@pytest.mark.parametrize(
    "text",
    [
        "Installed version 1.2.3.4 yesterday",
        "Update auf Version 10.0.19045.3803",
        "Prüfsumme 02e4d6ca3a8b9a38dcea7468679df45",  # 31 hex digits
        "Prüfsumme 02e4d6ca3a8b9a38dcea7468679df4520",  # 33 hex digits
        "IBAN DE89 3704 0044 0532 0130 01",  # bad checksum
        "IBAN DE89370400440532013001",
        "Bestellnummer: 3012345678",
        "Order number 1002003004005 shipped",
        "Attached invoice.pdf and setup.exe",
        "See readme.md and photos.zip",
        "Bitcoin 1BoatSLRHtKNngkdXEeobR76b53LETtpyX",  # one character off
        "ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",  # EIP-55 case broken
        "Card 4111 1111 1111 1112",  # Luhn fails
        "Amount 1.234.567,89 EUR on 15.03.2024 at 14:32:07",
        "Times 14:32:07, 15:01:44 and 23:59:59",
        "Host intranet.local and printer.lan",
        "Loan of 5000 at 3.5% for 12.5 months",
        "e.g. this, i.e. that, z.B. dies",
    ],
)
def test_near_misses_are_not_reported(text: str) -> None:
    assert found(text, region="DE") == set()


def test_a_checksum_failure_is_not_reported_as_another_type() -> None:
    """A mistyped IBAN's digit groups do not become a card or phone number."""
    assert found("Überweisung an DE89 3704 0044 0532 0130 01 am Montag", region="DE") == set()


def test_national_phone_numbers_use_the_report_country() -> None:
    assert found("Anruf von 030 1234567", region="DE") == {("phone-number", "+49301234567")}
    assert found("Appel reçu du 06 12 34 56 78", region="FR") == {("phone-number", "+33612345678")}
    assert found("Anruf von 030 1234567") == set()


def test_an_international_number_needs_a_possible_length_only() -> None:
    """+44 20 0000 0000 is not in an allocated range, but it is what the caller showed."""
    assert found("Anruf von +44 20 0000 0000 heute") == {("phone-number", "+442000000000")}
    assert found("Anruf von +44 20 00") == set()


def test_digits_that_start_a_longer_word_are_not_a_phone_number() -> None:
    sha1 = "0062496955866ce0a1cdbf9cfcf9ee2f06430e03"
    assert found(f"Sprzedawca podał numer „{sha1}” i zniknął", region="PL") == {("sha1", sha1)}
    assert found("Bestellung 0301234567ab", region="DE") == set()


def test_a_compact_national_number_needs_phone_words_before_it() -> None:
    assert found("Ik werd gebeld door 0612345678.", region="NL") == {
        ("phone-number", "+31612345678")
    }
    assert found("N° de commande 0612345678.", region="FR") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ich habe eine SMS von +49 151 23456789 bekommen: „Ihr Paket: https://dhl-paket.net/de“.",
            {
                ("phone-number", "+4915123456789"),
                ("url", "https://dhl-paket.net/de"),
                ("domain-name", "dhl-paket.net"),
            },
        ),
        (
            "J’ai viré 900 € sur FR14 2004 1010 0505 0001 3M02 606 ; l’escroc écrivait depuis "
            "«conseiller@banque-securite.fr».",
            {
                ("iban", "FR1420041010050500013M02606"),
                ("email-addr", "conseiller@banque-securite.fr"),
                ("domain-name", "banque-securite.fr"),
            },
        ),
        (
            "Przelałam 3 000 zł na konto PL61 1090 1014 0000 0712 1981 2874 – "
            "link: allegro-lokalnie.pl/oferta.",
            {
                ("iban", "PL61109010140000071219812874"),
                ("url", "http://allegro-lokalnie.pl/oferta"),
                ("domain-name", "allegro-lokalnie.pl"),
            },
        ),
        (
            "Έλαβα μήνυμα από το +30 694 123 4567 με σύνδεσμο «https://eurobank-verify.gr/unlock».",
            {
                ("phone-number", "+306941234567"),
                ("url", "https://eurobank-verify.gr/unlock"),
                ("domain-name", "eurobank-verify.gr"),
            },
        ),
        (
            "Мне написали с адреса support@почта-банк.рф и попросили перевести деньги на "
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq — «для безопасности».",
            {
                ("email-addr", "support@xn----7sbbd0crch2a3c.xn--p1ai"),
                ("domain-name", "xn----7sbbd0crch2a3c.xn--p1ai"),
                ("bitcoin", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
            },
        ),
    ],
)
def test_values_are_found_in_sentences_of_any_script(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(text) == expected


def test_a_onion_url_is_a_url() -> None:
    onion = "vww6ybal4bd7szmgncyruucpgfkqahzddi37ktceo3ah7ngmcopnpyyd.onion"
    url = only(f"Leak site: http://{onion}/posts", "url")
    assert url.value == f"http://{onion}/posts"
    assert url.registered_domain == onion


def test_empty_and_plain_text_give_nothing() -> None:
    assert extract("") == []
    assert extract("Nothing to see here, just words. And more words!") == []
