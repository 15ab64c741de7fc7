"""Properties that hold for generated values: normalising is idempotent, and defanging a
value does not change what is extracted from a text."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import iban, luhn

from crex.core.observables import extract, normalise
from crex.core.observables.crypto import eip55

LABEL = st.from_regex(r"[a-z][a-z0-9]{0,10}(-[a-z0-9]{1,6})?", fullmatch=True)
SUFFIX = st.sampled_from(["com", "de", "fr", "pl", "gr", "ru", "nl", "co.uk", "com.pl", "io"])
DOMAIN = st.builds(
    lambda labels, suffix: ".".join([*labels, suffix]),
    st.lists(LABEL, min_size=1, max_size=3),
    SUFFIX,
)
PATH = st.from_regex(r"(/[a-zA-Z0-9_-]{1,10}){0,3}(\?[a-z]{1,5}=[0-9]{1,5})?", fullmatch=True)
URL = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}/{path.lstrip('/')}",
    st.sampled_from(["http", "https"]),
    DOMAIN,
    PATH,
)
LOCAL = st.from_regex(r"[a-z][a-z0-9]{0,8}([._+-][a-z0-9]{1,6})?", fullmatch=True)
EMAIL = st.builds(lambda local, host: f"{local}@{host}", LOCAL, DOMAIN)
PUBLIC_IPV4 = st.ip_addresses(v=4).filter(lambda ip: ip.is_global).map(str)
DOT_STYLE = st.sampled_from(["[.]", "(.)", "{.}", "[dot]"])
AT_STYLE = st.sampled_from(["[at]", "(at)", "[@]", " [at] "])


def pairs(text: str) -> set[tuple[str, str]]:
    """The (type, value) pairs found in ``text``."""
    return {(o.type.value, o.value) for o in extract(text)}


def iban_for(country: str, bban: str) -> str:
    """A valid IBAN for ``country`` and ``bban``."""
    return country + iban.calc_check_digits(country + "00" + bban) + bban


@settings(max_examples=60)
@given(
    st.one_of(
        st.tuples(st.just("domain-name"), DOMAIN),
        st.tuples(st.just("url"), URL),
        st.tuples(st.just("email-addr"), EMAIL),
        st.tuples(st.just("ipv4-addr"), PUBLIC_IPV4),
        st.tuples(st.just("ipv6-addr"), st.ip_addresses(v=6).map(str)),
        st.tuples(
            st.just("iban"),
            st.from_regex(r"[0-9]{18}", fullmatch=True).map(lambda b: iban_for("DE", b)),
        ),
        st.tuples(st.just("md5"), st.binary().map(lambda b: hashlib.md5(b).hexdigest().upper())),
        st.tuples(st.just("sha256"), st.binary().map(lambda b: hashlib.sha256(b).hexdigest())),
        st.tuples(
            st.just("ethereum"), st.binary(min_size=20, max_size=20).map(lambda b: eip55(b.hex()))
        ),
        st.tuples(st.just("cve"), st.from_regex(r"cve-20[0-9]{2}-[0-9]{4,6}", fullmatch=True)),
        st.tuples(st.just("asn"), st.integers(1, 2**32 - 1).map(lambda n: f"as{n}")),
        st.tuples(
            st.just("payment-card"),
            st.from_regex(r"4[0-9]{14}", fullmatch=True).map(
                lambda d: d + luhn.calc_check_digit(d)
            ),
        ),
    )
)
def test_normalising_is_idempotent(kind_and_value: tuple[str, str]) -> None:
    kind, value = kind_and_value
    once = normalise(kind, value, card_secret=b"k")
    if kind == "payment-card":  # the canonical form is no longer a card number
        return
    assert normalise(kind, once.value).value == once.value


@settings(max_examples=60)
@given(DOMAIN, DOT_STYLE)
def test_a_defanged_domain_gives_what_the_plain_one_gives(domain: str, style: str) -> None:
    plain = f"Der Shop {domain} ist Betrug."
    assert pairs(plain.replace(domain, domain.replace(".", style))) == pairs(plain)
    assert ("domain-name", domain) in pairs(plain)


@settings(max_examples=60)
@given(URL, DOT_STYLE, st.sampled_from(["hxxp", "plain"]))
def test_a_defanged_url_gives_what_the_plain_one_gives(url: str, style: str, scheme: str) -> None:
    scheme_part, rest = url.split("://", 1)
    host, _, path = rest.partition("/")
    defanged_scheme = scheme_part.replace("tt", "xx") if scheme == "hxxp" else scheme_part
    defanged = f"{defanged_scheme}://{host.replace('.', style)}/{path}"
    plain_text = f"Link: {url} (SMS)."
    assert pairs(f"Link: {defanged} (SMS).") == pairs(plain_text)
    assert ("url", normalise("url", url).value) in pairs(plain_text)


@settings(max_examples=60)
@given(EMAIL, AT_STYLE, DOT_STYLE)
def test_a_defanged_email_gives_what_the_plain_one_gives(email: str, at: str, dot: str) -> None:
    local, host = email.split("@")
    plain = f"Absender: {email}, bitte sperren."
    defanged = f"Absender: {local}{at}{host.replace('.', dot)}, bitte sperren."
    assert pairs(defanged) == pairs(plain)
    assert ("email-addr", email) in pairs(plain)


@settings(max_examples=60)
@given(PUBLIC_IPV4, DOT_STYLE)
def test_a_defanged_ip_gives_what_the_plain_one_gives(ip: str, style: str) -> None:
    plain = f"Server {ip} antwortet."
    assert pairs(plain.replace(ip, ip.replace(".", style))) == pairs(plain) == {("ipv4-addr", ip)}


@settings(max_examples=40)
@given(URL)
def test_extract_and_normalise_agree_on_urls(url: str) -> None:
    assert ("url", normalise("url", url).value) in pairs(f"see {url}")
