"""The warninglist keeps values that everybody writes from linking unrelated reports."""

import csv
import ipaddress
from importlib.resources import files

import pytest

from crex.core.observables import extract, normalise
from crex.core.observables.domains import parse_domain
from crex.core.warninglist import (
    CATEGORY_LABELS,
    Category,
    Entry,
    InvalidEntry,
    Warninglist,
    entries_from_csv,
    parse_entries,
)

DEFAULT_ROWS = list(
    csv.DictReader(
        files("crex.core").joinpath("data/warninglist.csv").read_text("utf-8").splitlines()
    )
)


def entry(type_: str, value: str, match: str, category: Category = Category.OTHER) -> Entry:
    return Entry(type_, value, match, category, "test")


# --- the shipped list ------------------------------------------------------------------------


def test_every_default_row_loads() -> None:
    default = Warninglist.default()
    assert len(default) == len(DEFAULT_ROWS)
    assert 300 <= len(default) <= 650
    assert Warninglist.default() is default  # read once


@pytest.mark.parametrize("row", DEFAULT_ROWS, ids=lambda row: f"{row['type']}:{row['value']}")
def test_every_default_value_is_canonical(row: dict[str, str]) -> None:
    kind, value, match = row["type"], row["value"], row["match"]
    assert row["source"].strip()
    if match == "exact":
        assert normalise(kind, value).value == value
    elif match == "domain":
        domain = parse_domain(value)
        assert domain is not None
        assert domain.ascii == domain.registered == value
        assert domain.suffix
    else:
        assert match == "cidr"
        assert str(ipaddress.ip_network(value)) == value


def test_every_category_is_used_and_labelled() -> None:
    used = {row["category"] for row in DEFAULT_ROWS}
    assert used == {category.value for category in Category}
    assert set(CATEGORY_LABELS) == set(Category)
    assert Category.PUBLIC_DNS.label == "Public DNS resolver"


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("domain-name", "gmail.com"),
        ("domain-name", "t.me"),
        ("domain-name", "bit.ly"),
        ("domain-name", "github.io"),
        ("domain-name", "sparkasse.de"),
        ("ipv4-addr", "8.8.8.8"),
        ("ipv6-addr", "2606:4700:4700::1111"),
        ("iban", "DE89370400440532013000"),
        ("md5", "d41d8cd98f00b204e9800998ecf8427e"),
        ("sha1", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("email-addr", "test@test.com"),
    ],
)
def test_the_default_list_holds_the_usual_suspects(kind: str, value: str) -> None:
    assert Warninglist.default().match(kind, value) is not None


# --- what matches ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "value", "listed", "category"),
    [
        # exact values
        ("email-addr", "test@test.com", "test@test.com", Category.PLACEHOLDER),
        ("ipv4-addr", "1.1.1.1", "1.1.1.1", Category.PUBLIC_DNS),
        ("phone-number", "+49116116", "+49116116", Category.BANK_OR_PAYMENT),
        # a listed apex and the names under it
        ("domain-name", "paypal.com", "paypal.com", Category.BANK_OR_PAYMENT),
        ("domain-name", "www.paypal.com", "paypal.com", Category.BANK_OR_PAYMENT),
        ("domain-name", "mail.google.com", "google.com", Category.OTHER),
        ("url", "https://www.paypal.com/", "paypal.com", Category.BANK_OR_PAYMENT),
        ("url", "https://bit.ly/", "bit.ly", Category.URL_SHORTENER),
        ("email-addr", "service@paypal.de", "paypal.de", Category.BANK_OR_PAYMENT),
        ("email-addr", "noreply@mail.instagram.com", "instagram.com", Category.SOCIAL_MEDIA),
        # under the reserved example domains everything is a placeholder
        ("url", "https://shop.example.com/pay?order=1", "example.com", Category.PLACEHOLDER),
        ("email-addr", "victim@example.org", "example.org", Category.PLACEHOLDER),
        # a hosting platform itself, but not its customers' sites
        ("domain-name", "github.io", "github.io", Category.HOSTING_PLATFORM),
        ("domain-name", "www.blogspot.com", "blogspot.com", Category.HOSTING_PLATFORM),
        ("domain-name", "s3.amazonaws.com", "s3.amazonaws.com", Category.HOSTING_PLATFORM),
        # IP networks
        ("ipv4-addr", "192.168.1.20", "192.168.0.0/16", Category.NON_PUBLIC_ADDRESS),
        ("ipv4-addr", "100.64.3.4", "100.64.0.0/10", Category.NON_PUBLIC_ADDRESS),
        ("ipv4-addr", "127.0.0.1", "127.0.0.0/8", Category.NON_PUBLIC_ADDRESS),
        ("ipv4-addr", "255.255.255.255", "255.255.255.255/32", Category.NON_PUBLIC_ADDRESS),
        ("ipv4-addr", "250.0.0.1", "240.0.0.0/4", Category.NON_PUBLIC_ADDRESS),
        ("ipv6-addr", "fe80::1", "fe80::/10", Category.NON_PUBLIC_ADDRESS),
        ("ipv6-addr", "fd12:3456::1", "fc00::/7", Category.NON_PUBLIC_ADDRESS),
        ("ipv6-addr", "2001:db8::dead:beef", "2001:db8::/32", Category.NON_PUBLIC_ADDRESS),
        ("ipv6-addr", "::1", "::1/128", Category.NON_PUBLIC_ADDRESS),
        # a URL whose host is an address
        ("url", "http://10.0.0.1/admin", "10.0.0.0/8", Category.NON_PUBLIC_ADDRESS),
        ("url", "http://[fe80::1]:8080/", "fe80::/10", Category.NON_PUBLIC_ADDRESS),
        ("url", "https://8.8.8.8/", "8.8.8.8", Category.PUBLIC_DNS),
    ],
)
def test_matches(kind: str, value: str, listed: str, category: Category) -> None:
    found = Warninglist.default().match(kind, value)
    assert found is not None
    assert (found.value, found.category) == (listed, category)


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        # lookalikes of listed domains are what crex is for
        ("domain-name", "paypal.com.evil.xyz"),
        ("domain-name", "paypa1.com"),
        ("domain-name", "secure-paypal.com"),
        ("domain-name", "xn--pypal-4ve.com"),
        ("url", "https://paypal.com.evil.xyz/"),
        ("email-addr", "service@paypal-support.com"),
        # a person's own mailbox at a web-mail provider identifies them
        ("email-addr", "fraudster@gmail.com"),
        # a customer's site on a hosting platform identifies its owner
        ("domain-name", "fake-shop.github.io"),
        ("url", "https://fake-shop.netlify.app/"),
        ("domain-name", "bucket.s3.amazonaws.com"),
        # a URL with a path names one link, profile or page
        ("url", "https://bit.ly/3xYzAbc"),
        ("url", "https://t.me/fraudster"),
        ("url", "https://www.facebook.com/profile.php?id=100012345"),
        ("url", "https://www.paypal.com/paypalme/fraudster"),
        # public addresses and everything else
        ("ipv4-addr", "93.184.216.34"),
        ("ipv4-addr", "8.8.8.9"),
        ("ipv6-addr", "2a00:1450:4001:80b::200e"),
        ("url", "http://93.184.216.34/login"),
        ("iban", "DE02120300000000202051"),
        ("phone-number", "+4930123456"),
        ("bitcoin", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
    ],
)
def test_does_not_match(kind: str, value: str) -> None:
    assert Warninglist.default().match(kind, value) is None


def test_the_registered_domain_may_be_passed_along() -> None:
    default = Warninglist.default()
    assert default.match("domain-name", "mail.google.com", "google.com") is not None
    assert default.match("domain-name", "login.evil.co.uk", "evil.co.uk") is None


def test_found_observables_are_matched_with_their_registered_domain() -> None:
    text = (
        "Pay to DE89 3704 0044 0532 0130 00 or write to fraudster@gmail.com; the shop is "
        "https://fake-shop.github.io/pay, not https://www.paypal.com/ (router 192.168.0.1)"
    )
    default = Warninglist.default()
    suppressed = {
        found.value
        for found in extract(text)
        if default.match(found.type, found.value, found.registered_domain)
    }
    assert suppressed == {
        "DE89370400440532013000",
        "gmail.com",
        "https://www.paypal.com/",
        "www.paypal.com",
        "192.168.0.1",
    }


def test_the_innermost_network_and_exact_values_come_first() -> None:
    networks = Warninglist(
        [
            entry("ipv4-addr", "10.0.0.0/8", "cidr", Category.NON_PUBLIC_ADDRESS),
            entry("ipv4-addr", "10.1.0.0/16", "cidr", Category.OTHER),
            entry("ipv4-addr", "10.1.2.3", "exact", Category.PLACEHOLDER),
            entry("ipv4-addr", "10.200.0.0/16", "cidr", Category.PUBLIC_DNS),
        ]
    )
    categories = {
        address: getattr(networks.match("ipv4-addr", address), "category", None)
        for address in ("10.0.0.1", "10.1.9.9", "10.1.2.3", "10.2.0.0", "10.200.1.1", "11.0.0.0")
    }
    assert categories == {
        "10.0.0.1": Category.NON_PUBLIC_ADDRESS,
        "10.1.9.9": Category.OTHER,
        "10.1.2.3": Category.PLACEHOLDER,
        "10.2.0.0": Category.NON_PUBLIC_ADDRESS,  # after the nested network: the outer again
        "10.200.1.1": Category.PUBLIC_DNS,
        "11.0.0.0": None,
    }


# --- a deployment's own entries --------------------------------------------------------------


def test_with_entries_adds_entries() -> None:
    default = Warninglist.default()
    extended = default.with_entries([entry("domain-name", "intranet-corp.de", "domain")])
    assert default.match("domain-name", "mail.intranet-corp.de") is None
    found = extended.match("domain-name", "mail.intranet-corp.de")
    assert found is not None
    assert found.value == "intranet-corp.de"
    assert len(extended) == len(default) + 1


def test_added_entries_replace_default_ones() -> None:
    recategorised = entry("domain-name", "gmail.com", "domain", Category.OTHER)
    extended = Warninglist.default().with_entries([recategorised])
    assert extended.match("domain-name", "gmail.com") is recategorised


def test_an_unknown_match_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="match kind"):
        Warninglist([entry("domain-name", "example.com", "prefix")])


# --- checking rows ---------------------------------------------------------------------------


def row(**fields: str) -> dict[str, str]:
    base = {
        "type": "domain-name",
        "value": "intranet-corp.de",
        "match": "domain",
        "category": "other",
        "source": "our own",
    }
    return base | fields


def test_parse_entries_reads_good_rows() -> None:
    entries = parse_entries(
        [
            row(),
            row(type="ipv4-addr", value="198.51.100.0/24", match="cidr"),
            row(type="phone-number", value="+4930123456", match="exact", category="placeholder"),
            row(type="payment-card", value="411111:1111:0123456789abcdef0123", match="exact"),
        ]
    )
    assert entries[0] == Entry(
        "domain-name", "intranet-corp.de", "domain", Category.OTHER, "our own"
    )
    assert [e.match for e in entries] == ["domain", "cidr", "exact", "exact"]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"type": "hostname"}, "type", "Unknown observable type"),
        ({"match": "regex"}, "match", "Unknown match kind"),
        ({"category": "bank"}, "category", "Unknown category"),
        ({"source": " "}, "source", "empty"),
        ({"value": "Intranet-Corp.de"}, "value", "write 'intranet-corp.de'"),
        ({"value": "bücher.de"}, "value", "write 'xn--bcher-kva.de'"),
        ({"value": "mail.google.com"}, "value", "list 'google.com'"),
        ({"value": "co.uk"}, "value", "not a domain name"),
        ({"type": "url"}, "type", "domain-name"),
        ({"type": "ipv4-addr", "match": "cidr", "value": "10.0.0.1/8"}, "value", "host bits"),
        ({"type": "ipv4-addr", "match": "cidr", "value": "10.0.0.0"}, "value", "10.0.0.0/32"),
        ({"type": "ipv4-addr", "match": "cidr", "value": "fe80::/10"}, "type", "ipv6-addr"),
        ({"type": "ipv6-addr", "match": "cidr", "value": "FE80::/10"}, "value", "fe80::/10"),
        ({"type": "ipv4-addr", "match": "cidr", "value": "0.0.0.0/0"}, "value", "too much"),
        ({"type": "ipv6-addr", "match": "cidr", "value": "::/0"}, "value", "too much"),
        ({"type": "email-addr", "match": "exact", "value": "Test@Test.com"}, "value", "canonical"),
        ({"type": "iban", "match": "exact", "value": "DE89370400440532013001"}, "value", "IBAN"),
        ({"type": "phone-number", "match": "exact", "value": "030 123456"}, "value", "phone"),
        ({"type": "payment-card", "match": "exact", "value": "4111111111111111"}, "value", "card"),
    ],
)
def test_parse_entries_names_the_row_and_field(
    fields: dict[str, str], field: str, message: str
) -> None:
    with pytest.raises(InvalidEntry, match=message) as raised:
        parse_entries([row(value="first-corp.de"), row(**fields)])
    assert (raised.value.row, raised.value.field) == (2, field)
    assert str(raised.value).startswith(f"row 2, {field}: ")


def test_parse_entries_refuses_a_repeated_row() -> None:
    with pytest.raises(InvalidEntry, match="repeats row 1") as raised:
        parse_entries([row(), row(category="webmail")])
    assert raised.value.row == 2


def test_a_csv_file_is_numbered_by_line() -> None:
    text = "type,value,match,category,source\ndomain-name,Bad.de,domain,other,ours\n"
    with pytest.raises(InvalidEntry) as raised:
        entries_from_csv(text)
    assert (raised.value.row, raised.value.field) == (2, "value")


def test_a_csv_file_needs_every_column() -> None:
    with pytest.raises(InvalidEntry, match="no such column") as raised:
        entries_from_csv("type,value,match,category\ndomain-name,x.de,domain,other\n")
    assert (raised.value.row, raised.value.field) == (1, "source")
