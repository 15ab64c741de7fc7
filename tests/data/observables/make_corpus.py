# ruff: noqa: RUF001 - the texts are multilingual on purpose
"""Write ``corpus.jsonl``: a labelled corpus of texts for crex's observable extraction.

Each entry is a text as people really send it (victim reports, bank fraud-desk notes,
abuse tickets, pasted e-mail headers, chat logs, in many languages and scripts) with the
observables a correct extractor MUST find (``expect``) and those it must NOT report
(``reject``). ``tests/core/observables/test_corpus.py`` holds the engine to it.

Nothing here imports crex: every canonical value is derived, and every value claimed
valid is checked, with independent libraries (python-stdnum, phonenumbers, ipaddress,
the ``idna`` codec, the Public Suffix List, Keccak-256 for EIP-55 and Monero). A value
that fails its check stops the script, so the corpus cannot claim an invalid value valid.

Run it after changing an entry (it needs three packages crex itself does not use)::

    python3 -m venv /tmp/corpus-venv
    /tmp/corpus-venv/bin/pip install python-stdnum phonenumbers publicsuffixlist monero
    /tmp/corpus-venv/bin/python tests/data/observables/make_corpus.py

Entry format (one JSON object per line)::

    {"id": "...", "region": "DE", "text": "...", "expect": [...], "reject": [...], "note": "..."}

``expect`` items: ``{"type", "value"}`` and optionally ``flags`` (flags that the found
observable must carry, at least these), ``registered_domain`` and ``display``; a payment
card is ``{"type": "payment-card", "bin", "last4", "number"}`` (the number is given so the
test can check that it appears in no field of any result). ``reject`` items:
``{"type", "value"}``; type ``"*"`` means no type may have the value, value ``"*"`` means
the text holds no observable of that type at all.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import phonenumbers
from Cryptodome.Hash import keccak
from monero.address import address as monero_address
from monero.seed import Seed
from publicsuffixlist import PublicSuffixList
from stdnum import bic as stdnum_bic
from stdnum import bitcoin as stdnum_bitcoin
from stdnum import iban as stdnum_iban
from stdnum import luhn

OUT = Path(__file__).with_name("corpus.jsonl")
PSL = PublicSuffixList(only_icann=True)
Item = dict[str, Any]

TYPES = {
    "url", "domain-name", "ipv4-addr", "ipv6-addr", "email-addr", "phone-number", "iban",
    "bic", "payment-card", "bitcoin", "ethereum", "monero", "md5", "sha1", "sha256",
    "sha512", "cve", "asn",
}  # fmt: skip
FLAGS = {"defanged", "derived", "private", "loopback", "documentation", "reserved"}
DOCUMENTATION_NETS = [
    ipaddress.ip_network(n)
    for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32")
]


# --- independent checks -------------------------------------------------------------


def keccak256(data: bytes) -> bytes:
    """Keccak-256 as Ethereum and Monero use it (not NIST SHA3-256)."""
    return keccak.new(digest_bits=256, data=data).digest()


def eip55(address: str) -> str:
    """The EIP-55 mixed-case checksum form of an Ethereum address."""
    hex40 = address.lower().removeprefix("0x")
    digest = keccak256(hex40.encode("ascii")).hex()
    return "0x" + "".join(
        c.upper() if c.isalpha() and int(digest[i], 16) >= 8 else c for i, c in enumerate(hex40)
    )


assert eip55("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed") == (
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
), "Keccak/EIP-55 does not reproduce the EIP's own test vector"


def segwit_is_valid(address: str) -> bool:
    """BIP-173/BIP-350: bech32 for witness version 0, bech32m for versions 1 to 16.

    Uses python-stdnum's bech32 polymod and converter; stdnum itself accepts only the
    bech32 constant, so taproot (bech32m) addresses are checked here with BIP-350's.
    """
    if address != address.lower() and address != address.upper():
        return False
    address = address.lower()
    if not address.startswith("bc1") or not 14 <= len(address) <= 90:
        return False
    alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    if any(c not in alphabet for c in address[3:]):
        return False
    data = [alphabet.index(c) for c in address[3:]]
    polymod = stdnum_bitcoin.bech32_checksum(stdnum_bitcoin._expand_hrp("bc") + data)
    version = data[0]
    if polymod != (1 if version == 0 else 0x2BC830A3) or version > 16:
        return False
    try:
        program = stdnum_bitcoin.b32decode(data[1:-6])
    except Exception:
        return False
    if version == 0:
        return len(program) in (20, 32)
    return 2 <= len(program) <= 40


def bitcoin_is_valid(address: str) -> bool:
    """Base58Check (python-stdnum) or bech32/bech32m (BIP-350)."""
    if address.lower().startswith("bc1"):
        return segwit_is_valid(address)
    return bool(stdnum_bitcoin.is_valid(address))


def monero_is_valid(address: str) -> bool:
    """A main-net Monero address whose Keccak checksum holds (the ``monero`` package)."""
    try:
        return str(monero_address(address).net) == "main"
    except ValueError:
        return False


def idna(host: str) -> str:
    """A host name in lower-case ASCII (punycode), with the ``idna`` codec.

    Only characters that IDNA 2003 and IDNA 2008 treat alike are used in this corpus.
    """
    assert not set(host) & set("ßς\u200c\u200d"), f"IDNA 2003/2008 differ on {host}"
    return host.lower().encode("idna").decode("ascii")


def registrable(host: str) -> str:
    """The registrable domain under the ICANN section of the Public Suffix List."""
    found = PSL.privatesuffix(host, accept_unknown=False)
    assert found, f"{host} has no registrable domain under an ICANN public suffix"
    return str(found)


def has_public_suffix(name: str) -> bool:
    """Whether the name ends in an ICANN public suffix."""
    return PSL.publicsuffix(name.lower(), accept_unknown=False) is not None


# --- expectations (what MUST be found) ----------------------------------------------


def _item(kind: str, value: str, raw: str, flags: Iterable[str] = (), **extra: str) -> Item:
    found: Item = {"type": kind, "value": value}
    flags = sorted(set(flags))
    assert set(flags) <= FLAGS, flags
    if flags:
        found["flags"] = flags
    found.update(extra)
    found["_raw"] = raw
    return found


def ip(raw: str, *flags: str) -> Item:
    """An IPv4/IPv6 address; private, loopback, documentation and reserved flags follow
    from the address itself."""
    addr = ipaddress.ip_address(raw)
    auto: set[str] = set()
    if addr.is_loopback:
        auto.add("loopback")
    elif any(addr in net for net in DOCUMENTATION_NETS):
        auto.add("documentation")
    elif addr.is_link_local or addr.is_multicast or addr.is_unspecified or addr.is_reserved:
        auto.add("reserved")
    elif addr.is_private:
        auto.add("private")
    else:
        assert addr.is_global, raw
    kind = "ipv4-addr" if addr.version == 4 else "ipv6-addr"
    return _item(kind, addr.compressed, raw, auto | set(flags))


def domain(raw: str, *flags: str, registered: bool = True) -> Item:
    """A domain name: punycode value, Unicode display for IDNs, registrable domain."""
    value = idna(raw)
    assert has_public_suffix(value), raw
    extra: dict[str, str] = {}
    if registered:
        extra["registered_domain"] = registrable(value)
    if value != raw.lower():
        extra["display"] = value.encode("ascii").decode("idna")
    return _item("domain-name", value, raw, flags, **extra)


def _host(host: str, defanged: bool) -> Item:
    try:
        found = ip(host)
    except ValueError:
        found = domain(host)
    if defanged:
        found["_skip"] = True
    return found


def url(raw: str, *flags: str) -> list[Item]:
    """A URL (plain form as intended; flags say how it was written) and its host.

    Canonical: scheme and host lower-case, host in punycode, path and query as written,
    fragment dropped, empty path ``/``; a URL without scheme is read as ``http://``.
    """
    text = raw if "://" in raw else "http://" + raw
    parts = urlsplit(text)
    assert parts.scheme.lower() in {"http", "https"}, raw
    assert not parts.username, raw
    assert parts.hostname, raw
    host = parts.hostname
    try:
        addr = ipaddress.ip_address(host)
        netloc = f"[{addr.compressed}]" if addr.version == 6 else addr.compressed
        extra: dict[str, str] = {}
    except ValueError:
        netloc = idna(host)
        extra = {"registered_domain": registrable(netloc)}
    if parts.port is not None:
        netloc += f":{parts.port}"
    assert not parts.path or parts.path.isascii(), "non-ASCII paths are left out"
    value = urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))
    host_item = _host(host, "defanged" in flags)
    return [_item("url", value, raw, flags, **extra), host_item]


def email(raw: str, *flags: str) -> list[Item]:
    """An e-mail address (local part kept lower-case in this corpus) and its domain."""
    local, _, host = raw.rpartition("@")
    assert local, raw
    assert local == local.lower(), "mixed-case local parts are left out"
    value = f"{local}@{idna(host)}"
    extra = {"registered_domain": registrable(idna(host))}
    if idna(host) != host.lower():
        extra["display"] = f"{local}@{idna(host).encode('ascii').decode('idna')}"
    domain_item = domain(host)
    if "defanged" in flags:
        domain_item["_skip"] = True
    return [_item("email-addr", value, raw, flags, **extra), domain_item]


def phone(raw: str, region: str | None = None) -> Item:
    """A phone number as written, in E.164; it must be a valid number, not only possible."""
    number = phonenumbers.parse(raw, region)
    assert phonenumbers.is_valid_number(number), raw
    return _item("phone-number", phonenumbers.format_number(number, 0), raw)


def iban(raw: str) -> Item:
    """An IBAN with a correct ISO 13616 checksum, canonical compact upper-case."""
    return _item("iban", stdnum_iban.validate(raw), raw)


def make_iban(country: str, bban: str) -> str:
    """A valid IBAN for a made-up account: check digits computed with python-stdnum.

    A Polish sort code (first 8 digits) carries its own check digit, checked here too.
    """
    if country == "PL":
        weighted = sum(int(d) * w for d, w in zip(bban[:7], (3, 9, 7, 1, 3, 9, 7), strict=True))
        assert (10 - weighted % 10) % 10 == int(bban[7]), f"bad Polish sort code {bban[:8]}"
    check = stdnum_iban.calc_check_digits(country + "00" + bban)
    return stdnum_iban.validate(country + check + bban)


def bic(raw: str) -> Item:
    """A BIC (SWIFT code), canonical compact upper-case."""
    assert len(raw) in (8, 11), raw
    assert not raw.endswith("XXX"), "XXX branches are left out"
    return _item("bic", stdnum_bic.validate(raw), raw)


CARD_BRANDS = (
    (r"4", (16,)),  # Visa
    (r"5[1-5]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)", (16,)),  # Mastercard
    (r"3[47]", (15,)),  # American Express
    (r"6011|65|64[4-9]", (16,)),  # Discover
    (r"35(?:2[89]|[3-8]\d)", (16,)),  # JCB
    (r"36|38|30[0-5]", (14,)),  # Diners Club
    (r"62", (16,)),  # UnionPay
)


def card(raw: str) -> Item:
    """A payment card: Luhn-valid, of a known issuer prefix and length."""
    number = re.sub(r"[ -]", "", raw)
    assert number.isdigit(), raw
    assert luhn.is_valid(number), raw
    assert any(
        re.match(prefix, number) and len(number) in lengths for prefix, lengths in CARD_BRANDS
    ), raw
    return {
        "type": "payment-card",
        "bin": number[:6],
        "last4": number[-4:],
        "number": number,
        "_raw": raw,
    }


def bitcoin(raw: str) -> Item:
    """A bitcoin address (Base58Check or bech32/bech32m); bech32 canonical lower-case."""
    assert bitcoin_is_valid(raw), raw
    return _item("bitcoin", raw.lower() if raw.lower().startswith("bc1") else raw, raw)


def ethereum(raw: str) -> Item:
    """An Ethereum address: EIP-55 checksum when mixed case; canonical lower-case."""
    assert re.fullmatch(r"0x[0-9a-fA-F]{40}", raw), raw
    hex40 = raw[2:]
    if hex40 != hex40.lower() and hex40 != hex40.upper():
        assert eip55(raw) == raw, raw
    return _item("ethereum", raw.lower(), raw)


def monero(raw: str) -> Item:
    """A main-net Monero address whose checksum holds."""
    assert monero_is_valid(raw), raw
    return _item("monero", raw, raw)


HASH_TYPES = {32: "md5", 40: "sha1", 64: "sha256", 128: "sha512"}


def file_hash(raw: str) -> Item:
    """A file hash, typed by its length, canonical lower-case hex."""
    assert re.fullmatch(r"[0-9a-fA-F]+", raw), raw
    assert len(raw) in HASH_TYPES, raw
    return _item(HASH_TYPES[len(raw)], raw.lower(), raw)


def cve(raw: str) -> Item:
    """A CVE identifier, canonical upper-case."""
    assert re.fullmatch(r"(?i)cve-\d{4}-\d{4,}", raw), raw
    return _item("cve", raw.upper(), raw)


def asn(raw: str) -> Item:
    """An autonomous system number, canonical ``AS<number>``."""
    match = re.fullmatch(r"AS(\d+)", raw)
    assert match, raw
    assert 0 < int(match.group(1)) < 2**32, raw
    return _item("asn", f"AS{int(match.group(1))}", raw)


# --- rejections (what must NOT be reported) -----------------------------------------


def no(kind: str, value: str) -> Item:
    """This exact (type, canonical value) must not be reported; type ``*``: any type."""
    assert kind == "*" or kind in TYPES, kind
    return {"type": kind, "value": value}


def none_of(kind: str) -> Item:
    """The text holds no observable of this type at all."""
    assert kind in TYPES, kind
    return {"type": kind, "value": "*"}


def not_domain(name: str) -> Item:
    """A name shaped like a domain (a file name, an abbreviation) without a real suffix."""
    assert not has_public_suffix(name), name
    return no("domain-name", name.lower())


def bad_iban(raw: str) -> Item:
    """An IBAN-shaped value whose checksum fails."""
    compact = stdnum_iban.compact(raw)
    assert not stdnum_iban.is_valid(compact), raw
    return no("iban", compact)


def bad_bitcoin(raw: str) -> Item:
    """A bitcoin-shaped address whose checksum fails."""
    assert not bitcoin_is_valid(raw), raw
    return no("bitcoin", raw.lower() if raw.lower().startswith("bc1") else raw)


def bad_ethereum(raw: str) -> Item:
    """A mixed-case Ethereum address whose EIP-55 checksum fails."""
    assert re.fullmatch(r"0x[0-9a-fA-F]{40}", raw), raw
    assert eip55(raw) != raw, raw
    assert raw[2:] != raw[2:].lower(), raw
    assert raw[2:] != raw[2:].upper(), raw
    return no("ethereum", raw.lower())


def bad_monero(raw: str) -> Item:
    """A Monero-shaped address whose checksum fails."""
    assert not monero_is_valid(raw), raw
    return no("monero", raw)


def flip_case(text: str, index: int) -> str:
    """``text`` with the letter at ``index`` in the other case."""
    assert text[index].isalpha(), (text, index)
    return text[:index] + text[index].swapcase() + text[index + 1 :]


def replace_char(text: str, index: int, char: str) -> str:
    """``text`` with one character replaced."""
    assert text[index] != char
    return text[:index] + char + text[index + 1 :]


# --- made-up but valid values shared by several entries -----------------------------


def sample_hash(kind: str, label: str) -> str:
    """A reproducible hash of a made-up sample."""
    return hashlib.new(kind, f"crex corpus sample: {label}".encode()).hexdigest()


def sample_ethereum(label: str) -> str:
    """A reproducible Ethereum address with its EIP-55 checksum."""
    return eip55("0x" + hashlib.sha256(label.encode()).hexdigest()[:40])


def sample_monero(label: str) -> str:
    """A reproducible main-net Monero address from a made-up seed."""
    return str(Seed(hashlib.sha256(label.encode()).hexdigest()).public_address())


def sample_integrated_monero(label: str, payment_id: str) -> str:
    """A reproducible main-net Monero integrated address (106 characters)."""
    seed = Seed(hashlib.sha256(label.encode()).hexdigest())
    return str(seed.public_address().with_payment_id(payment_id))


# --- the corpus ---------------------------------------------------------------------

ENTRIES: list[dict[str, Any]] = []


def _flatten(items: Iterable[Item | list[Item]]) -> list[Item]:
    flat: list[Item] = []
    for item in items:
        flat.extend(item if isinstance(item, list) else [item])
    return flat


def add(
    entry_id: str,
    text: str,
    expect: Iterable[Item | list[Item]] = (),
    reject: Iterable[Item] = (),
    *,
    note: str,
    region: str | None = None,
) -> None:
    """One corpus entry; checks that it is consistent before it is kept."""
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", entry_id), entry_id
    assert entry_id not in {e["id"] for e in ENTRIES}, f"duplicate id {entry_id}"
    assert note, entry_id
    expected: list[Item] = []
    for item in _flatten(expect):
        raw = item.pop("_raw")
        skip = item.pop("_skip", False) or "defanged" in item.get("flags", ())
        if not skip:
            assert raw.casefold() in text.casefold(), f"{entry_id}: {raw!r} not in text"
        if item not in expected:
            expected.append(item)
    rejected = list(reject)
    for bad in rejected:
        for good in expected:
            same_type = bad["type"] in ("*", good["type"])
            assert not (same_type and bad["value"] in ("*", good.get("value"))), (entry_id, bad)
    assert expected or rejected, entry_id
    entry: dict[str, Any] = {"id": entry_id}
    if region:
        entry["region"] = region
    entry.update(text=text, expect=expected, reject=rejected, note=note)
    ENTRIES.append(entry)


def urls() -> None:
    """URLs: boundaries, brackets, quotes, canonical form."""
    add(
        "url-sms-parcel-de",
        "Der Link in der SMS war https://dhl-paket-zustellung.net/track?id=DE4471 – danach "
        "sollte ich 1,99 € Zollgebühr zahlen.",
        [url("https://dhl-paket-zustellung.net/track?id=DE4471")],
        note="URL ends before the spaced en dash; query kept as written",
    )
    add(
        "url-trailing-period",
        "Please block https://secure-paypal-resolution.com/signin.",
        [url("https://secure-paypal-resolution.com/signin")],
        [no("url", "https://secure-paypal-resolution.com/signin.")],
        note="sentence-final full stop is not part of the URL",
    )
    add(
        "url-in-parentheses-then-period",
        "The victim entered her card details on the fake page (see https://x.com/a).",
        [url("https://x.com/a")],
        [no("url", "https://x.com/a)"), no("url", "https://x.com/a).")],
        note="closing parenthesis and full stop belong to the sentence",
    )
    add(
        "url-wikipedia-parentheses-kept",
        "Background for the reporter: https://en.wikipedia.org/wiki/Fraud_(disambiguation) "
        "lists the kinds of fraud.",
        [url("https://en.wikipedia.org/wiki/Fraud_(disambiguation)")],
        [no("url", "https://en.wikipedia.org/wiki/Fraud_(disambiguation")],
        note="balanced parentheses inside a path are part of the URL",
    )
    add(
        "url-wikipedia-inside-parentheses",
        "Der Kunde kannte das Betrugsmuster nicht (vgl. "
        "https://en.wikipedia.org/wiki/Fraud_(disambiguation)).",
        [url("https://en.wikipedia.org/wiki/Fraud_(disambiguation)")],
        [
            no("url", "https://en.wikipedia.org/wiki/Fraud_(disambiguation))"),
            no("url", "https://en.wikipedia.org/wiki/Fraud_(disambiguation))."),
        ],
        note="inner balanced parentheses kept, the outer closing one and the period stripped",
    )
    add(
        "url-wikipedia-french",
        "Pour comprendre l'arnaque, voir https://fr.wikipedia.org/wiki/Arnaque_(escroquerie), "
        "puis contactez-nous.",
        [url("https://fr.wikipedia.org/wiki/Arnaque_(escroquerie)")],
        [no("url", "https://fr.wikipedia.org/wiki/Arnaque_(escroquerie),")],
        note="balanced parentheses kept, trailing comma stripped",
    )
    add(
        "url-unbalanced-square-bracket",
        "[Phishing-Seite: https://sparkasse-kundenservice.info/login]",
        [url("https://sparkasse-kundenservice.info/login")],
        [no("url", "https://sparkasse-kundenservice.info/login]")],
        note="an unbalanced closing bracket is not part of the URL",
    )
    add(
        "url-markdown-link",
        "Die Mail hatte einen Button [Konto jetzt bestätigen]"
        "(https://paypal-konto-sicherheit.com/verify?token=8f2a91c) – ich habe geklickt.",
        [url("https://paypal-konto-sicherheit.com/verify?token=8f2a91c")],
        [no("url", "https://paypal-konto-sicherheit.com/verify?token=8f2a91c)")],
        note="markdown link target: the closing parenthesis is markup",
    )
    add(
        "url-markdown-link-text-is-other-url",
        "Shown text vs. target: [https://www.paypal.com](https://paypal-konto-sicherheit.com/login)",
        [url("https://www.paypal.com"), url("https://paypal-konto-sicherheit.com/login")],
        [
            no("url", "https://www.paypal.com](https://paypal-konto-sicherheit.com/login"),
            no("url", "https://paypal-konto-sicherheit.com/login)"),
        ],
        note="classic lure: link text and target are two URLs; empty path becomes /",
    )
    add(
        "url-angle-brackets",
        "Ticket text: the scammer sent <https://microsoft-support-helpdesk.xyz/ticket/48213> "
        "and asked me to install AnyDesk.",
        [url("https://microsoft-support-helpdesk.xyz/ticket/48213")],
        [no("url", "https://microsoft-support-helpdesk.xyz/ticket/48213>")],
        note="angle brackets delimit the URL",
    )
    add(
        "url-html-attribute",
        '<a href="https://olx-bezpieczna-platnosc.pl/oferta/8812">Odbierz płatność</a>',
        [url("https://olx-bezpieczna-platnosc.pl/oferta/8812")],
        [no("url", 'https://olx-bezpieczna-platnosc.pl/oferta/8812"')],
        note="the closing quote of an HTML attribute is not part of the URL",
    )
    add(
        "url-single-quotes",
        "Ich habe auf 'https://amazon-retoure-de.shop/rueckerstattung' geklickt und meine "
        "Daten eingegeben.",
        [url("https://amazon-retoure-de.shop/rueckerstattung")],
        [no("url", "https://amazon-retoure-de.shop/rueckerstattung'")],
        note="single quotes around a URL",
    )
    add(
        "url-german-quotes",
        "In der SMS stand „https://dhl-paket-zustellung.net/zoll“ und ein Betrag von 2,99 €.",
        [url("https://dhl-paket-zustellung.net/zoll")],
        [no("url", "https://dhl-paket-zustellung.net/zoll“")],
        note="German low-high quotation marks around a URL",
    )
    add(
        "url-french-guillemets-spaced",
        "Le SMS disait : « Votre dossier est prêt : https://ameli-remboursement.com/dossier »",
        [url("https://ameli-remboursement.com/dossier")],
        note="French guillemets with the customary spaces",
    )
    add(
        "url-french-guillemets-tight",
        "Lien reçu par courriel :«https://impots-gouv-remboursement.fr/remboursement».",
        [url("https://impots-gouv-remboursement.fr/remboursement")],
        [no("url", "https://impots-gouv-remboursement.fr/remboursement»")],
        note="guillemets without spaces; the closing one and the period are not in the URL",
    )
    add(
        "url-polish-quotes",
        "Dostałem SMS: „Dopłata do paczki: https://inpost-doplata.pl/paczka/4471”. Zapłaciłem "
        "kartą.",
        [url("https://inpost-doplata.pl/paczka/4471")],
        [no("url", "https://inpost-doplata.pl/paczka/4471”")],
        note="Polish closing quotation mark U+201D ends the URL",
    )
    add(
        "url-cjk-punctuation",
        "网址：https://crypto-invest-pro.io/register。请勿点击。",
        [url("https://crypto-invest-pro.io/register")],
        [no("url", "https://crypto-invest-pro.io/register。")],
        note="full-width colon and ideographic full stop around a URL",
    )
    add(
        "url-ellipsis-character",
        "…und dann kam noch https://sparkasse-kundenservice.info/tan… – da habe ich aufgelegt.",
        [url("https://sparkasse-kundenservice.info/tan")],
        note="a trailing ellipsis character is punctuation",
    )
    add(
        "url-exclamation-mark",
        "Uw rekening wordt geblokkeerd. Bevestig nu: https://ing-nl-verificatie.nl/bevestig!",
        [url("https://ing-nl-verificatie.nl/bevestig")],
        [no("url", "https://ing-nl-verificatie.nl/bevestig!")],
        note="sentence-final exclamation mark stripped",
    )
    add(
        "url-question-mark",
        "Kent u https://postnl-bezorging.nl/pakket?",
        [url("https://postnl-bezorging.nl/pakket")],
        [no("url", "https://postnl-bezorging.nl/pakket?")],
        note="sentence-final question mark with nothing after it is not a query",
    )
    add(
        "url-upper-case-scheme-and-host",
        "Segnalo il sito HTTPS://WWW.Poste-Italiane-Verifica.IT/Accesso che imita Poste.",
        [url("HTTPS://WWW.Poste-Italiane-Verifica.IT/Accesso")],
        note="scheme and host lower-cased, path case kept",
    )
    add(
        "url-fragment-dropped",
        "Bonus page: https://binance-bonus.app/claim#step2 asked for my seed phrase.",
        [url("https://binance-bonus.app/claim#step2")],
        [no("url", "https://binance-bonus.app/claim#step2")],
        note="the fragment is dropped from the canonical URL",
    )
    add(
        "url-empty-path",
        "Die Seite https://binance-bonus.app ist eine Kopie der echten Börse.",
        [url("https://binance-bonus.app")],
        note="empty path becomes /",
    )
    add(
        "url-ip-host-and-port",
        "Phishing kit reachable at http://198.51.100.23:8080/panel/login.php since Monday.",
        [url("http://198.51.100.23:8080/panel/login.php")],
        note="URL with an IPv4 host and port; the host is an ipv4 observable",
    )
    add(
        "url-ipv6-host",
        "C2 beacon: http://[2001:db8:85a3::8a2e:370:7334]/gate.php (seen in sandbox).",
        [url("http://[2001:db8:85a3::8a2e:370:7334]/gate.php")],
        note="URL with an IPv6 host in brackets",
    )
    add(
        "url-idn-host",
        "Die Fake-Seite https://spärkasse-login.de/online-banking sah echt aus.",
        [url("https://spärkasse-login.de/online-banking")],
        note="IDN host stored in punycode; the domain keeps its Unicode display",
    )
    add(
        "url-idn-cyrillic",
        "Ссылка из СМС: https://госуслуги-выплаты.рф/anketa — там просили данные карты.",
        [url("https://госуслуги-выплаты.рф/anketa")],
        note="Cyrillic IDN under .рф, in a Russian sentence with an em dash after it",
    )
    add(
        "url-schemeless-with-path",
        "Shop: fake-shop-outlet.com/checkout (bestellt am Freitag, nie geliefert)",
        [url("fake-shop-outlet.com/checkout")],
        note="a schemeless URL with a path counts; canonical form gets http://",
    )
    add(
        "url-schemeless-www",
        "El SMS decía que pagara en www.correos-envio-pendiente.es/pago antes de las 18:00.",
        [url("www.correos-envio-pendiente.es/pago")],
        note="schemeless www URL with a path",
    )
    add(
        "url-schemeless-example-login",
        "Login page was example.com/login, copied from the bank.",
        [url("example.com/login")],
        [no("url", "http://example.com/login,")],
        note="the issue's own example: example.com/login -> http://example.com/login",
    )
    add(
        "url-query-and-percent-encoding-kept",
        "Redirect chain ended at "
        "https://login.lloyds-secure-verify.co.uk/auth?session=AbC123&redirect=%2Faccount",
        [url("https://login.lloyds-secure-verify.co.uk/auth?session=AbC123&redirect=%2Faccount")],
        note="query kept as written, percent-encoding untouched; registrable domain under co.uk",
    )
    add(
        "url-percent-encoded-path",
        "Pagina falsa: https://poste-italiane-verifica.it/area%20clienti/login",
        [url("https://poste-italiane-verifica.it/area%20clienti/login")],
        note="percent-encoded path kept as written",
    )
    add(
        "url-two-urls-comma-separated",
        "Weitere Seiten derselben Bande: https://www.example.com/x, https://shop.example.org/y.",
        [url("https://www.example.com/x"), url("https://shop.example.org/y")],
        [no("url", "https://www.example.com/x,"), no("url", "https://shop.example.org/y.")],
        note="two URLs separated by a comma; sentence-final period",
    )
    add(
        "url-on-its-own-line",
        "Bonjour,\nvoici le lien reçu :\nhttps://ameli-remboursement.com/compte\nMerci d'avance",
        [url("https://ameli-remboursement.com/compte")],
        note="URL on its own line",
    )
    add(
        "url-spaced-em-dash",
        "https://correos-envio-pendiente.es/pago — so stand es in der SMS meiner Mutter.",
        [url("https://correos-envio-pendiente.es/pago")],
        note="URL at the start of the text, followed by a spaced em dash",
    )
    add(
        "url-semicolon",
        "Gesperrt: https://cdn.evil-cdn.net/a.js; noch online: https://cdn.evil-cdn.net/b.js",
        [url("https://cdn.evil-cdn.net/a.js"), url("https://cdn.evil-cdn.net/b.js")],
        [no("url", "https://cdn.evil-cdn.net/a.js;")],
        note="semicolon after a URL is punctuation",
    )
    add(
        "url-json-value",
        '{"reporter": "anon", "url": "https://inpost-doplata.pl/p/77", "amount": "9.99"}',
        [url("https://inpost-doplata.pl/p/77")],
        [no("url", 'https://inpost-doplata.pl/p/77"')],
        note="URL as a JSON string value",
    )
    add(
        "url-trailing-slash-kept",
        "Η σελίδα https://eurobank-verify.gr/ ζητούσε τον κωδικό μου.",
        [url("https://eurobank-verify.gr/")],
        note="URL in a Greek sentence; trailing slash kept",
    )
    add(
        "url-dots-in-path",
        "Skimmer script loaded from https://cdn.evil-cdn.net/assets/js/jquery.min.js on the shop.",
        [url("https://cdn.evil-cdn.net/assets/js/jquery.min.js")],
        [not_domain("jquery.min.js")],
        note="dots in the path are not domains",
    )
    add(
        "url-backticks",
        "Analyst note: `https://paypal-konto-sicherheit.com/login` still resolves.",
        [url("https://paypal-konto-sicherheit.com/login")],
        [no("url", "https://paypal-konto-sicherheit.com/login`")],
        note="markdown inline code around a URL",
    )
    add(
        "url-file-name-in-path",
        "Download link in the fake invoice: https://cdn-download-center.net/files/setup.exe",
        [url("https://cdn-download-center.net/files/setup.exe")],
        [not_domain("setup.exe")],
        note="a file name in a URL path is not a domain",
    )
    add(
        "url-http-with-www-uppercase-path",
        "Online-Shop http://www.billig-handys24.de/Angebote/iPhone-15.html hat nie geliefert.",
        [url("http://www.billig-handys24.de/Angebote/iPhone-15.html")],
        [not_domain("iphone-15.html")],
        note="plain http URL inside a German sentence",
    )

    add(
        "url-german-single-quotes",
        "Der Betreff lautete ‚Rechnung offen‘ und verlinkte "
        "‚https://amazon-retoure-de.shop/konto‘.",
        [url("https://amazon-retoure-de.shop/konto")],
        [no("url", "https://amazon-retoure-de.shop/konto‘")],
        note="German single quotation marks ‚…‘ around a URL",
    )
    add(
        "url-host-is-derived",
        "Link aus der SMS: https://binance-bonus.app/claim",
        [url("https://binance-bonus.app/claim"), domain("binance-bonus.app", "derived")],
        note="the host of a URL is a domain-name observable flagged derived",
    )
    add(
        "email-domain-is-derived",
        "Absender war support@crypto-invest-pro.io",
        [email("support@crypto-invest-pro.io"), domain("crypto-invest-pro.io", "derived")],
        note="the domain of an e-mail address is a domain-name observable flagged derived",
    )


def defanged() -> None:
    """Every usual defanging style: refanged, and flagged as written defanged."""
    add(
        "defang-hxxp",
        "IOC from the partner CERT: hxxp://evil-login.com/index.php (phishing, still up)",
        [url("http://evil-login.com/index.php", "defanged")],
        [no("url", "hxxp://evil-login.com/index.php")],
        note="hxxp -> http",
    )
    add(
        "defang-hxxps-square-dot",
        "Bitte sperren: hxxps://paypal-konto-sicherheit[.]com/verify",
        [url("https://paypal-konto-sicherheit.com/verify", "defanged")],
        note="hxxps and [.]",
    )
    add(
        "defang-round-dot-domain",
        "Domain der Betrüger: sparkasse-kundenservice(.)info – bitte nicht aufrufen.",
        [domain("sparkasse-kundenservice.info", "defanged")],
        note="(.) in a bare domain",
    )
    add(
        "defang-curly-dot-domain",
        "Remote-support lure hosted on anydesk-download{.}xyz according to the caller.",
        [domain("anydesk-download.xyz", "defanged")],
        note="{.} in a bare domain",
    )
    add(
        "defang-bracket-dot-word",
        "Сайт мошенников: gosuslugi-vyplata[dot]ru, не переходите по ссылке.",
        [domain("gosuslugi-vyplata.ru", "defanged")],
        note="[dot] in a Russian sentence",
    )
    add(
        "defang-round-dot-word",
        "Observed C2 domain: update-service(dot)top",
        [domain("update-service.top", "defanged")],
        note="(dot)",
    )
    add(
        "defang-spaced-dot-word",
        "Domain: secure-paypal-login dot com (reported by three customers)",
        [domain("secure-paypal-login.com", "defanged")],
        note="' dot ' between the labels of a domain written as an indicator",
    )
    add(
        "defang-square-at-email",
        "Der Täter schrieb von mule.konto[at]gmail.com und wollte 800 € per Paysafecard.",
        [email("mule.konto@gmail.com", "defanged")],
        note="[at] in an e-mail address",
    )
    add(
        "defang-round-at-email",
        'Sprzedawca podał adres kontakt(at)olx-bezpieczna-platnosc.pl do "potwierdzenia".',
        [email("kontakt@olx-bezpieczna-platnosc.pl", "defanged")],
        note="(at) in an e-mail address, Polish sentence",
    )
    add(
        "defang-at-and-dot-email",
        "Ransom contact: drop.account[at]proton[.]me",
        [email("drop.account@proton.me", "defanged")],
        note="[at] and [.] together",
    )
    add(
        "defang-round-at-round-dot-email",
        "Absender laut Kunde: rechnung(at)firma-rechnung24(.)de",
        [email("rechnung@firma-rechnung24.de", "defanged")],
        note="(at) and (.) together",
    )
    add(
        "defang-colon-bracket",
        "Zollgebühr-SMS: hxxps[:]//dhl-paket-zustellung[.]net/zoll",
        [url("https://dhl-paket-zustellung.net/zoll", "defanged")],
        note="[:] in the scheme separator",
    )
    add(
        "defang-scheme-separator-bracket",
        "Lien signalé : hxxps[://]ameli-remboursement[.]com/dossier",
        [url("https://ameli-remboursement.com/dossier", "defanged")],
        note="[://] as the scheme separator",
    )
    add(
        "defang-ipv4-last-dot",
        "Brute-force attempts from 185.220.101[.]47 against our VPN gateway.",
        [ip("185.220.101.47", "defanged")],
        note="one [.] in an IPv4 address",
    )
    add(
        "defang-ipv4-all-dots",
        "Test indicator 192[.]0[.]2[.]15 (documentation range) from the exercise.",
        [ip("192.0.2.15", "defanged")],
        note="every dot defanged; documentation range flagged too",
    )
    add(
        "defang-upper-case",
        "IOC: HXXPS://MICROSOFT-SUPPORT-HELPDESK[.]XYZ/case",
        [url("https://microsoft-support-helpdesk.xyz/case", "defanged")],
        note="upper-case HXXPS; host lower-cased, path kept (here already as written: case)",
    )
    add(
        "defang-ip-url",
        "Mirai loader: http[:]//45.155.205[.]233/bins/mips",
        [url("http://45.155.205.233/bins/mips", "defanged")],
        note="http[:]// with a defanged IPv4 host",
    )
    add(
        "defang-ip-url-port",
        "Beacon to hxxp://185[.]220[.]101[.]47:8080/c2 every 60 s.",
        [url("http://185.220.101.47:8080/c2", "defanged")],
        note="hxxp with defanged IP host and a port",
    )
    add(
        "defang-polish-sms",
        "Link z SMS-a: hxxps://inpost-doplata[.]pl/paczka/4471 — nie klikać!",
        [url("https://inpost-doplata.pl/paczka/4471", "defanged")],
        note="defanged URL in a Polish sentence",
    )
    add(
        "defang-idn",
        "Homoglyph-Domain: hxxps://spärkasse-login[.]de/",
        [url("https://spärkasse-login.de/", "defanged")],
        note="defanged IDN URL; host in punycode",
    )
    add(
        "defang-co-uk",
        "Phishing host login[.]lloyds-secure-verify[.]co[.]uk (reported to Nominet).",
        [domain("login.lloyds-secure-verify.co.uk", "defanged")],
        note="defanged multi-label public suffix; registrable domain still derived",
    )
    add(
        "defang-list-abuse-ticket",
        "Indicators:\n- hxxps://crypto-invest-pro[.]io/register\n- 203.0.113[.]77\n"
        "- support[at]crypto-invest-pro[.]io",
        [
            url("https://crypto-invest-pro.io/register", "defanged"),
            ip("203.0.113.77", "defanged"),
            email("support@crypto-invest-pro.io", "defanged"),
        ],
        note="a defanged indicator list",
    )
    add(
        "defang-greek",
        "Ο σύνδεσμος ήταν hxxps://eurobank-verify[.]gr/login και ζητούσε κωδικό SMS.",
        [url("https://eurobank-verify.gr/login", "defanged")],
        note="defanged URL in a Greek sentence",
    )
    add(
        "defang-ukrainian",
        "Посилання від «банку»: hxxps://privat24-bonus[.]com[.]ua/bonus — не відкривайте.",
        [url("https://privat24-bonus.com.ua/bonus", "defanged")],
        note="defanged URL inside Ukrainian text, registrable domain under com.ua",
    )
    add(
        "defang-curly-dot-url",
        "Payload: hxxp://files-cdn{.}click/inv/Rechnung.zip",
        [url("http://files-cdn.click/inv/Rechnung.zip", "defanged")],
        note="{.} inside a URL; the .zip file name is in the path",
    )


def domains() -> None:
    """Domain names: public suffixes, IDN, registrable domain; file names that are not."""
    add(
        "domain-registered-co-uk",
        "The e-mail pointed the customer to login.bank.co.uk, which is not our bank.",
        [domain("login.bank.co.uk")],
        [no("domain-name", "co.uk")],
        note="the issue's example: registrable domain bank.co.uk",
    )
    add(
        "domain-com-pl",
        "Fałszywy sklep działał pod adresem allegro-platnosci24.com.pl przez dwa tygodnie.",
        [domain("allegro-platnosci24.com.pl")],
        note="registrable domain under com.pl",
    )
    add(
        "domain-com-ua",
        "Шахрайський сайт privat24-bonus.com.ua обіцяв 5000 грн кожному.",
        [domain("privat24-bonus.com.ua")],
        note="registrable domain under com.ua, Ukrainian sentence",
    )
    add(
        "domain-idn-german",
        "Die Bestellung lief über bücher-shop.de, die Ware kam nie an.",
        [domain("bücher-shop.de")],
        note="IDN: punycode value, Unicode display",
    )
    add(
        "domain-idn-russian",
        "Фишинговый домен госуслуги-выплаты.рф зарегистрирован вчера.",
        [domain("госуслуги-выплаты.рф")],
        note="Cyrillic IDN under .рф",
    )
    add(
        "domain-idn-ukrainian",
        "Повідомлення вело на монобанк-бонус.укр — це не справжній банк.",
        [domain("монобанк-бонус.укр")],
        note="Cyrillic IDN under .укр",
    )
    add(
        "domain-idn-greek",
        "Το μήνυμα οδηγούσε στο τράπεζα-ασφάλεια.gr για «επαλήθευση».",
        [domain("τράπεζα-ασφάλεια.gr")],
        note="Greek IDN label under .gr, Greek quotation marks nearby",
    )
    add(
        "domain-idn-polish",
        "SMS kierował na poczta-polska-dopłata.pl, gdzie podałam dane karty.",
        [domain("poczta-polska-dopłata.pl")],
        note="Polish IDN (ł)",
    )
    add(
        "domain-idn-french",
        "Le faux site crédit-agricole-sécurité.fr demandait mon code.",
        [domain("crédit-agricole-sécurité.fr")],
        note="French IDN (é)",
    )
    add(
        "domain-upper-case",
        "BETREFF: KONTO GESPERRT – BESTÄTIGEN SIE AUF PAYPAL-KONTO-SICHERHEIT.COM",
        [domain("PAYPAL-KONTO-SICHERHEIT.COM")],
        note="upper-case domain, canonical lower-case",
    )
    add(
        "domain-sentence-end",
        "Ich habe bei evil-shop24.de bestellt.",
        [domain("evil-shop24.de")],
        [no("domain-name", "evil-shop24.de.")],
        note="sentence-final period is not part of the domain",
    )
    add(
        "domain-german-quotes",
        "Die Retoure sollte über „amazon-retoure-de.shop“ laufen.",
        [domain("amazon-retoure-de.shop")],
        note="domain in German quotation marks",
    )
    add(
        "domain-guillemets",
        "Le site «impots-gouv-remboursement.fr» promettait un remboursement de 312 €.",
        [domain("impots-gouv-remboursement.fr")],
        note="domain in guillemets",
    )
    add(
        "domain-deep-subdomain",
        "Header link host: mail.secure.login.eurobank-verify.gr",
        [domain("mail.secure.login.eurobank-verify.gr")],
        [no("domain-name", "gr")],
        note="full host is the value; registrable domain eurobank-verify.gr",
    )
    add(
        "domain-private-suffix-section",
        "Die Phishing-Seite lag auf scam-sparkasse.github.io.",
        [domain("scam-sparkasse.github.io", registered=False)],
        note="github.io is in the PSL's private section; only finding the host is asserted",
    )
    add(
        "domain-cjk-punctuation",
        "域名：crypto-invest-pro.io。客服要求充值。",
        [domain("crypto-invest-pro.io")],
        note="full-width colon and ideographic full stop",
    )
    add(
        "domain-in-parentheses",
        "Shop (fake-shop-outlet.com) hat nie geliefert.",
        [domain("fake-shop-outlet.com")],
        note="domain in parentheses",
    )
    add(
        "domain-new-gtlds",
        "Same kit on wallet-connect-secure.online, claim-airdrop.site and metamask-restore.top.",
        [
            domain("wallet-connect-secure.online"),
            domain("claim-airdrop.site"),
            domain("metamask-restore.top"),
        ],
        note="new gTLDs are real public suffixes",
    )
    add(
        "domain-spanish",
        "Me llamaron diciendo que era del banco y me pidieron entrar en bbva-seguridad.es.",
        [domain("bbva-seguridad.es")],
        note="Spanish sentence, sentence-final period",
    )
    add(
        "domain-italian",
        "Il dominio poste-italiane-verifica.it è stato registrato il 3 marzo.",
        [domain("poste-italiane-verifica.it")],
        note="Italian sentence",
    )
    add(
        "domain-dutch",
        "Het pakket kon niet bezorgd worden volgens postnl-bezorging.nl, ik heb €1,50 betaald.",
        [domain("postnl-bezorging.nl")],
        note="Dutch sentence with comma after the domain",
    )
    add(
        "domain-em-dash-attached",
        "Die Seite—paypal-hilfe24.com—war nur drei Tage online.",
        [domain("paypal-hilfe24.com")],
        note="em dashes written without spaces around a domain",
    )


def not_domains() -> None:
    """File names and abbreviations shaped like domains."""
    add(
        "filename-invoice-pdf",
        "Im Anhang war invoice.pdf, beim Öffnen passierte nichts.",
        reject=[not_domain("invoice.pdf")],
        note="a file name is not a domain (.pdf is no public suffix)",
    )
    add(
        "filename-setup-exe",
        "The caller made me download setup.exe and run it as administrator.",
        reject=[not_domain("setup.exe")],
        note=".exe is no public suffix",
    )
    add(
        "filename-report-docx-photo-jpg",
        "Attachments: report.docx (42 KB), photo.jpg (1.2 MB)",
        reject=[not_domain("report.docx"), not_domain("photo.jpg"), none_of("domain-name")],
        note="document and image file names",
    )
    add(
        "filename-double-extension",
        "Anhang „Rechnung.pdf.exe“ – das Virenprogramm hat angeschlagen.",
        reject=[not_domain("rechnung.pdf.exe"), not_domain("pdf.exe"), none_of("domain-name")],
        note="double extension is a classic malware trick, still no domain",
    )
    add(
        "filename-list-polish",
        "W załączniku były pliki faktura.xlsx, skan_dowodu.jpeg i potwierdzenie.html.",
        reject=[
            not_domain("faktura.xlsx"),
            not_domain("skan_dowodu.jpeg"),
            not_domain("potwierdzenie.html"),
            none_of("domain-name"),
        ],
        note="Polish sentence listing file names",
    )
    add(
        "filename-script-payloads",
        "EDR alert: powershell ran payload.ps1, dropped update.msi and loader.dll, then "
        "opened invoice.lnk.",
        reject=[
            not_domain("payload.ps1"),
            not_domain("update.msi"),
            not_domain("loader.dll"),
            not_domain("invoice.lnk"),
            none_of("domain-name"),
        ],
        note="script and binary file names",
    )
    add(
        "filename-archive-and-image",
        "Die Mail enthielt Bestellung_7731.rar und DSC0042.JPG.",
        reject=[not_domain("bestellung_7731.rar"), not_domain("dsc0042.jpg")],
        note="archive and camera file names",
    )
    add(
        "filename-french",
        "Pièce jointe : facture_mars.pdf — je ne l'ai pas ouverte.",
        reject=[not_domain("facture_mars.pdf"), none_of("domain-name")],
        note="French sentence with a file name",
    )
    add(
        "abbreviations-english",
        "Scammers often impersonate agencies, e.g. the IRS, i.e. U.S. tax authorities.",
        reject=[
            not_domain("e.g"),
            not_domain("i.e"),
            not_domain("u.s"),
            none_of("domain-name"),
            none_of("url"),
        ],
        note="abbreviations with dots are not domains",
    )
    add(
        "abbreviations-german",
        "Die Täter gaben sich z.B. als Bankmitarbeiter aus, d.h. sie riefen u.a. nachts an.",
        reject=[not_domain("z.b"), not_domain("d.h"), not_domain("u.a"), none_of("domain-name")],
        note="German abbreviations z.B., d.h., u.a.",
    )
    add(
        "abbreviations-french-polish-russian",
        "Ex. : p.ex. un faux conseiller; np. fałszywy kurier; т.е. мошенник, т.д.",
        reject=[not_domain("p.ex"), none_of("domain-name")],
        note="abbreviations in French, Polish and Russian",
    )
    add(
        "decimal-numbers-not-domains",
        "Überwiesen: 1.250,00 EUR am 12.03.2024 und 3.5 BTC laut Chat.",
        reject=[none_of("domain-name"), none_of("ipv4-addr"), none_of("url")],
        note="amounts and dates with dots",
    )
    add(
        "email-file-name-retina",
        "Signature images: logo@2x.png and banner@3x.jpg were attached.",
        reject=[
            no("email-addr", "logo@2x.png"),
            no("email-addr", "banner@3x.jpg"),
            none_of("email-addr"),
            none_of("domain-name"),
        ],
        note="retina image names contain @ but are not e-mail addresses",
    )
    add(
        "email-content-id",
        'Content-Type: image/png; name="image001.png"\n'
        "Content-ID: <image001.png@01DA5F3C.7B8E9A10>\n"
        'Content-Disposition: inline; filename="image001.png"',
        reject=[
            no("email-addr", "image001.png@01da5f3c.7b8e9a10"),
            none_of("email-addr"),
            none_of("domain-name"),
        ],
        note="an Outlook Content-ID is not an e-mail address",
    )
    add(
        "social-handle-not-email",
        "Instagram-Profil @crypto_anna_invest hat mir die Plattform empfohlen.",
        reject=[none_of("email-addr"), none_of("domain-name")],
        note="a social media handle is not an e-mail address",
    )
    add(
        "dot-com-bubble-not-domain",
        "Like in the dot com bubble, the fake platform promised 40 % a month.",
        reject=[no("domain-name", "the.com"), none_of("domain-name")],
        note="' dot ' refanging must not turn prose into a domain",
    )


def ip_addresses() -> None:
    """IPv4 and IPv6: flags for special ranges; versions, OIDs and MACs are not IPs."""
    add(
        "ipv4-public",
        "Unauthorised login from 185.220.101.47 at 03:12 UTC, then password changed.",
        [ip("185.220.101.47")],
        note="a public IPv4 address, no special flags",
    )
    add(
        "ipv4-with-port",
        "Der Trojaner verbindet sich zu 45.155.205.233:443 (laut Sandbox-Bericht).",
        [ip("45.155.205.233")],
        [no("ipv4-addr", "45.155.205.233:443")],
        note="port is not part of the address",
    )
    add(
        "ipv4-private-10",
        "Internal host 10.0.0.5 was the first one encrypted by the ransomware.",
        [ip("10.0.0.5")],
        note="RFC 1918 address: kept, flagged private",
    )
    add(
        "ipv4-private-172",
        "Lateral movement to 172.16.4.20 via SMB.",
        [ip("172.16.4.20")],
        note="RFC 1918 172.16/12: private",
    )
    add(
        "ipv4-private-192-168",
        "Mein Router (FritzBox, 192.168.178.1) zeigte ein unbekanntes Gerät.",
        [ip("192.168.178.1")],
        note="home router address in parentheses after a comma: private",
    )
    add(
        "ipv4-loopback",
        "The fake 'technician' showed me 127.0.0.1 in the command prompt and claimed it "
        "was a hacker.",
        [ip("127.0.0.1")],
        note="loopback: kept, flagged loopback",
    )
    add(
        "ipv4-documentation-ranges",
        "Exercise data: 192.0.2.15, 198.51.100.23 and 203.0.113.77 are test addresses.",
        [ip("192.0.2.15"), ip("198.51.100.23"), ip("203.0.113.77")],
        note="RFC 5737 ranges: kept, flagged documentation",
    )
    add(
        "ipv4-link-local",
        "DHCP failed, the laptop fell back to 169.254.12.34 and lost the VPN.",
        [ip("169.254.12.34")],
        note="link-local: flagged reserved",
    )
    add(
        "ipv4-multicast",
        "SSDP traffic to 239.255.255.250 flooded the segment.",
        [ip("239.255.255.250")],
        note="multicast: flagged reserved",
    )
    add(
        "ipv4-received-header-brackets",
        "Received: from mail.bulk-sender.ru (unknown [203.0.113.5])\n"
        "\tby mx.example.net (Postfix) with ESMTP id 4F2A1C0012",
        [ip("203.0.113.5"), domain("mail.bulk-sender.ru")],
        note="address in square brackets in a Received header",
    )
    add(
        "ipv4-russian-sentence-end",
        "Вход в мой аккаунт был выполнен с IP-адреса 91.92.240.18.",
        [ip("91.92.240.18")],
        [no("ipv4-addr", "91.92.240.18.")],
        note="sentence-final period after an IPv4 address in Russian",
    )
    add(
        "ipv4-firewall-log",
        "Mar 15 14:32:07 fw01 kernel: DROP IN=eth0 SRC=10.0.0.5 DST=203.0.113.9 "
        "PROTO=TCP SPT=51515 DPT=445",
        [ip("10.0.0.5"), ip("203.0.113.9")],
        reject=[none_of("phone-number"), none_of("ipv6-addr")],
        note="addresses after '=' in a firewall log; the time is not IPv6",
    )
    add(
        "ipv4-apache-log",
        '185.220.101.47 - - [15/Mar/2024:14:32:07 +0100] "POST /wp-login.php HTTP/1.1" 200 '
        '512 "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like '
        'Gecko) Chrome/120.0.6099.109 Safari/537.36"',
        [ip("185.220.101.47")],
        [not_domain("wp-login.php"), none_of("ipv6-addr"), none_of("phone-number")],
        note="web server log line: only the client address is an IP; browser versions are not",
    )
    add(
        "ipv4-list-comma",
        "Blocklist update: 185.220.101.47,45.155.205.233,91.92.240.18",
        [ip("185.220.101.47"), ip("45.155.205.233"), ip("91.92.240.18")],
        note="comma-separated without spaces",
    )
    add(
        "version-plain",
        "The banking trojan was version 1.2.3.4 according to its config.",
        reject=[no("ipv4-addr", "1.2.3.4"), none_of("ipv4-addr")],
        note="the issue's example: a version number is not an IP",
    )
    add(
        "version-v-prefix",
        "Affected builds: v2.10.0.1 and earlier.",
        reject=[no("ipv4-addr", "2.10.0.1"), none_of("ipv4-addr")],
        note="v-prefixed version number",
    )
    add(
        "version-windows-build",
        "Version: 10.0.19045.1 (Windows 10 22H2), all updates installed.",
        reject=[none_of("ipv4-addr"), none_of("domain-name")],
        note="the issue's example: Windows build string",
    )
    add(
        "version-german",
        "Die App der Betrüger (Version 2.1.0.4) wurde außerhalb des Play Store installiert.",
        reject=[no("ipv4-addr", "2.1.0.4"), none_of("ipv4-addr")],
        note="German 'Version' before a four-part version",
    )
    add(
        "version-french",
        "Le logiciel AnyDesk version 7.1.1.3 a été installé à distance.",
        reject=[no("ipv4-addr", "7.1.1.3"), none_of("ipv4-addr")],
        note="French 'version'",
    )
    add(
        "version-polish",
        "Zainstalowano aplikację w wersji 5.1.2.3 z linku w SMS-ie.",
        reject=[no("ipv4-addr", "5.1.2.3"), none_of("ipv4-addr")],
        note="Polish 'w wersji'",
    )
    add(
        "version-firmware-build",
        "Router firmware 4.2.1.0, build 6.1.7.3, was vulnerable.",
        reject=[no("ipv4-addr", "4.2.1.0"), no("ipv4-addr", "6.1.7.3"), none_of("ipv4-addr")],
        note="firmware and build numbers",
    )
    add(
        "oid-not-ip",
        "The certificate policy OID 1.3.6.1.4.1.311.21.8 was copied from a real CA.",
        reject=[
            no("ipv4-addr", "1.3.6.1"),
            no("ipv4-addr", "3.6.1.4"),
            no("ipv4-addr", "6.1.4.1"),
            none_of("ipv4-addr"),
        ],
        note="an IP address is never part of a longer dotted number",
    )
    add(
        "ipv4-invalid-octet",
        "Im Log steht 192.168.1.256 – das kann keine gültige Adresse sein.",
        reject=[no("ipv4-addr", "192.168.1.25"), none_of("ipv4-addr")],
        note="an octet over 255 is no address; no shorter match inside it",
    )
    add(
        "ipv4-invalid-first-octet",
        "Gefälschter Header: X-Originating-IP: [999.12.3.4]",
        reject=[no("ipv4-addr", "99.12.3.4"), none_of("ipv4-addr")],
        note="999 is no octet",
    )
    add(
        "ipv6-documentation",
        "Login from 2001:db8::1 flagged by the bank's fraud engine.",
        [ip("2001:db8::1")],
        note="RFC 3849 documentation prefix",
    )
    add(
        "ipv6-full-form-upper-case",
        "Source: 2001:0DB8:0000:0000:0000:0000:0000:0001",
        [ip("2001:0DB8:0000:0000:0000:0000:0000:0001")],
        note="full uncompressed upper-case form becomes 2001:db8::1",
    )
    add(
        "ipv6-global",
        "Die Phishing-Seite wird von 2a01:4f8:c17:b8f::2 ausgeliefert.",
        [ip("2a01:4f8:c17:b8f::2")],
        note="a global IPv6 address",
    )
    add(
        "ipv6-sentence-end",
        "Le serveur de commande répond sur 2a01:4f8:c17:b8f::2.",
        [ip("2a01:4f8:c17:b8f::2")],
        note="sentence-final period after an IPv6 address",
    )
    add(
        "ipv6-loopback",
        "Der Anrufer behauptete, ::1 sei die Adresse des Hackers.",
        [ip("::1")],
        note="IPv6 loopback",
    )
    add(
        "ipv6-unique-local",
        "Internal resolver fd12:3456:789a:1::10 answered for the C2 domain.",
        [ip("fd12:3456:789a:1::10")],
        note="unique-local address: private",
    )
    add(
        "ipv6-link-local",
        "Neighbour fe80::1ff:fe23:4567:890a sent rogue router advertisements.",
        [ip("fe80::1ff:fe23:4567:890a")],
        note="link-local: reserved",
    )
    add(
        "ipv6-bracketed-with-port",
        "Connection to [2001:db8::8]:443 was blocked.",
        [ip("2001:db8::8")],
        note="bracketed IPv6 with port",
    )
    add(
        "ipv6-received-header",
        "Received: from mail.example.net ([2001:db8:1::25]) by mx.example.org",
        [ip("2001:db8:1::25"), domain("mail.example.net"), domain("mx.example.org")],
        note="IPv6 in a Received header",
    )
    add(
        "mac-address-not-ipv6",
        "Unbekanntes Gerät mit MAC 00:1A:2B:3C:4D:5E im WLAN.",
        reject=[none_of("ipv6-addr")],
        note="a MAC address is not an IPv6 address",
    )
    add(
        "times-not-ipv6",
        "Anrufe um 14:32:07, 15:01:44 und 23:59:59 Uhr.",
        reject=[none_of("ipv6-addr"), none_of("phone-number")],
        note="clock times are not IPv6 addresses or phone numbers",
    )
    add(
        "code-not-ipv6",
        "The stealer is written in C++ (std::string, std::vector) and packed with UPX 4.2.1.",
        reject=[none_of("ipv6-addr"), none_of("ipv4-addr")],
        note="C++ scope operators are not IPv6",
    )


def emails() -> None:
    """E-mail addresses in headers and prose; each also yields its domain."""
    add(
        "email-plain-german",
        "Antworten sollte ich an service-konto@paypal-hilfe24.com mit meinem Ausweis.",
        [email("service-konto@paypal-hilfe24.com")],
        note="e-mail in a German sentence; its domain is a domain-name observable",
    )
    add(
        "email-from-header-display-name",
        'From: "Sparkasse Kundenservice" <noreply@sparkasse-kundenservice.info>\n'
        "To: opfer@example.de\nSubject: Ihr Konto wurde eingeschränkt",
        [email("noreply@sparkasse-kundenservice.info"), email("opfer@example.de")],
        note="From header with display name and angle brackets",
    )
    add(
        "email-reply-to-freemail",
        "From: CEO Max Mustermann <m.mustermann@firma-gmbh.de>\n"
        "Reply-To: <ceo.office.mustermann@gmail.com>\nSubject: Dringende Überweisung",
        [email("m.mustermann@firma-gmbh.de"), email("ceo.office.mustermann@gmail.com")],
        note="BEC: Reply-To differs from From",
    )
    add(
        "email-return-path",
        "Return-Path: <bounce-7781@mailer.bulk-sender.ru>",
        [email("bounce-7781@mailer.bulk-sender.ru")],
        note="Return-Path header; registrable domain bulk-sender.ru",
    )
    add(
        "email-plus-addressing",
        "Meine Adresse max.mustermann+shop@gmail.com wurde im Leak gefunden.",
        [email("max.mustermann+shop@gmail.com")],
        [no("email-addr", "shop@gmail.com")],
        note="plus addressing is part of the local part",
    )
    add(
        "email-idn-domain",
        "Bestellbestätigung kam von info@bücher-shop.de.",
        [email("info@bücher-shop.de")],
        note="e-mail with an IDN domain: punycode value; sentence-final period stripped",
    )
    add(
        "email-co-uk-subdomain",
        "Alert sent from security@alerts.lloyds-secure-verify.co.uk to 4,000 customers.",
        [email("security@alerts.lloyds-secure-verify.co.uk")],
        note="registrable domain lloyds-secure-verify.co.uk",
    )
    add(
        "email-mailto-link",
        '<a href="mailto:support@crypto-invest-pro.io?subject=Auszahlung">Support</a>',
        [email("support@crypto-invest-pro.io")],
        [no("email-addr", "mailto:support@crypto-invest-pro.io")],
        note="mailto: link: the query is not part of the address",
    )
    add(
        "email-guillemets",
        "Écrivez à «contact@ameli-remboursement.com» pour récupérer votre argent.",
        [email("contact@ameli-remboursement.com")],
        note="e-mail in guillemets",
    )
    add(
        "email-russian",
        "Мошенники просили писать на почту vyplaty@gosuslugi-vyplata.ru.",
        [email("vyplaty@gosuslugi-vyplata.ru")],
        note="e-mail at the end of a Russian sentence",
    )
    add(
        "email-greek",
        "Το email ήρθε από alerts@eurobank-verify.gr με θέμα «Κλείδωμα λογαριασμού».",
        [email("alerts@eurobank-verify.gr")],
        note="e-mail in a Greek sentence",
    )
    add(
        "email-polish-digits",
        "Kupujący pisał z adresu j.kowalski1987@wp.pl i prosił o numer karty.",
        [email("j.kowalski1987@wp.pl")],
        note="Polish freemail address with digits",
    )
    add(
        "email-upper-case-domain",
        "Absender: oferta@OLX-Bezpieczna-Platnosc.PL",
        [email("oferta@OLX-Bezpieczna-Platnosc.PL")],
        note="domain part lower-cased",
    )
    add(
        "email-chat-angle-brackets",
        "[10:14] Anna: meine private Mail ist <anna.invest@proton.me>, schreib mir dort",
        [email("anna.invest@proton.me")],
        note="e-mail in angle brackets in a chat line",
    )
    add(
        "email-no-space-after-colon",
        "E-Mail:hilfe@paypal-hilfe24.com Tel: siehe unten",
        [email("hilfe@paypal-hilfe24.com")],
        [no("email-addr", "e-mail:hilfe@paypal-hilfe24.com")],
        note="no space between label and address",
    )
    add(
        "email-spanish-italian-dutch",
        "Correo: atencion@bbva-seguridad.es; e-mail: assistenza@poste-italiane-verifica.it; "
        "mail: klantenservice@postnl-bezorging.nl",
        [
            email("atencion@bbva-seguridad.es"),
            email("assistenza@poste-italiane-verifica.it"),
            email("klantenservice@postnl-bezorging.nl"),
        ],
        note="three addresses separated by semicolons",
    )


def phones() -> None:
    """Phone numbers in E.164; national formats use the report's country."""
    for entry_id, text, raw, note in (
        (
            "phone-de-mobile",
            "WhatsApp-Nachricht von +49 151 23456789: „Hallo Mama, das ist meine neue Nummer“",
            "+49 151 23456789",
            "German mobile, 'Hallo Mama' scam",
        ),
        (
            "phone-de-trunk-in-parentheses",
            "Rückruf unter +49 (0)30 1234567 erbeten.",
            "+49 (0)30 1234567",
            "the (0) trunk prefix in an international number is dropped",
        ),
        (
            "phone-fr-mobile",
            "Le faux conseiller m'a appelée depuis le +33 6 12 34 56 78.",
            "+33 6 12 34 56 78",
            "French mobile, sentence-final period",
        ),
        (
            "phone-pl-mobile",
            "Dzwonił „konsultant banku” z numeru +48 512 345 678.",
            "+48 512 345 678",
            "Polish mobile",
        ),
        (
            "phone-nl-mobile",
            "Betaalverzoek via WhatsApp van +31 6 12345678.",
            "+31 6 12345678",
            "Dutch mobile",
        ),
        (
            "phone-ru-mobile",
            "Звонили с номера +7 912 345-67-89, представились службой безопасности банка.",
            "+7 912 345-67-89",
            "Russian mobile with hyphens",
        ),
        (
            "phone-ua-mobile",
            "Дзвінок з +380 67 123 4567: «Ваша картка заблокована».",
            "+380 67 123 4567",
            "Ukrainian mobile",
        ),
        (
            "phone-gr-mobile",
            "Μου τηλεφώνησαν από το +30 694 123 4567 για δήθεν δέμα.",
            "+30 694 123 4567",
            "Greek mobile",
        ),
        (
            "phone-es-mobile",
            "Me escribieron por WhatsApp desde el +34 612 34 56 78.",
            "+34 612 34 56 78",
            "Spanish mobile",
        ),
        (
            "phone-it-mobile",
            "Il finto operatore chiamava dal +39 312 345 6789.",
            "+39 312 345 6789",
            "Italian mobile",
        ),
        (
            "phone-gb-landline",
            "Caller ID showed +44 20 7946 0958 (London).",
            "+44 20 7946 0958",
            "UK drama-range London number",
        ),
        (
            "phone-us",
            "Fake Microsoft support: call +1 (415) 555-2671 immediately!",
            "+1 (415) 555-2671",
            "US number with parentheses",
        ),
        (
            "phone-ng",
            "The 'barrister' gave his number as +234 803 123 4567.",
            "+234 803 123 4567",
            "Nigerian mobile, advance-fee fraud",
        ),
        ("phone-at", "SMS-Absender: +43 664 1234567", "+43 664 1234567", "Austrian mobile"),
        (
            "phone-ch",
            "Anruf von +41 79 123 45 67, angeblich Polizei.",
            "+41 79 123 45 67",
            "Swiss mobile",
        ),
        (
            "phone-us-toll-free",
            "Pop-up: 'Windows Defender alert – call +1 800 555 0199 now'",
            "+1 800 555 0199",
            "US toll-free number in a tech-support scam pop-up",
        ),
    ):
        add(entry_id, text, [phone(raw)], note=note)
    add(
        "phone-double-zero-prefix",
        "Bitte zurückrufen: 0049 30 1234567.",
        [phone("0049 30 1234567", "DE")],
        region="DE",
        note="00 international prefix dialled from Germany",
    )
    for entry_id, region, text, raw, note in (
        (
            "phone-nl-national",
            "NL",
            "Ik werd gebeld door 0612345678 over mijn bankpas.",
            "0612345678",
            "the issue's example: 0612345678 with region NL",
        ),
        (
            "phone-de-national-landline",
            "DE",
            "Der Anrufer hatte die Nummer 030 1234567.",
            "030 1234567",
            "the issue's example: 030 1234567 with region DE",
        ),
        (
            "phone-de-national-mobile",
            "DE",
            "Die SMS kam von 0171 2345678.",
            "0171 2345678",
            "German mobile in national format",
        ),
        (
            "phone-de-national-munich",
            "DE",
            "Rückrufnummer laut Mailbox: 089 12345678",
            "089 12345678",
            "German landline in national format",
        ),
        (
            "phone-fr-national",
            "FR",
            "Appel reçu du 06 12 34 56 78 à 9 h 15.",
            "06 12 34 56 78",
            "French mobile in national format",
        ),
        (
            "phone-pl-national",
            "PL",
            "Oszust dzwonił z numeru 512 345 678 i podawał się za policjanta.",
            "512 345 678",
            "Polish number in national format",
        ),
        (
            "phone-ru-national-trunk-8",
            "RU",
            "Номер мошенника: 8 (912) 345-67-89.",
            "8 (912) 345-67-89",
            "Russian trunk prefix 8",
        ),
        (
            "phone-ua-national",
            "UA",
            "Телефон шахрая: 067 123 4567.",
            "067 123 4567",
            "Ukrainian number in national format",
        ),
        (
            "phone-gr-national",
            "GR",
            "Ο απατεώνας καλούσε από το 694 123 4567.",
            "694 123 4567",
            "Greek number in national format",
        ),
        (
            "phone-es-national",
            "ES",
            "Llamada del 612 34 56 78 haciéndose pasar por el banco.",
            "612 34 56 78",
            "Spanish number in national format",
        ),
        (
            "phone-it-national",
            "IT",
            "Numero del truffatore: 312 345 6789.",
            "312 345 6789",
            "Italian mobile in national format",
        ),
        (
            "phone-be-national",
            "BE",
            "Ik kreeg een sms van 0470 12 34 56 over een boete.",
            "0470 12 34 56",
            "Belgian mobile in national format",
        ),
        (
            "phone-gb-national",
            "GB",
            "They rang from 020 7946 0958 claiming to be HMRC.",
            "020 7946 0958",
            "UK number in national format",
        ),
    ):
        add(entry_id, text, [phone(raw, region)], region=region, note=note)
    add(
        "phone-same-digits-other-region",
        "Ik werd gebeld door 0612345678 over mijn bankpas.",
        [phone("0612345678", "FR")],
        [no("phone-number", "+31612345678")],
        region="FR",
        note="the national number is read with the report's country (FR here, not NL)",
    )
    add(
        "phone-national-without-region",
        "Der Anrufer hatte die Nummer 030 1234567.",
        reject=[none_of("phone-number")],
        note="without a report country a national number cannot be put in E.164",
    )
    add(
        "phone-impossible-short",
        "Die Nummer im Profil war +33 6 12 34 – offenbar unvollständig.",
        reject=[no("phone-number", "+3361234"), none_of("phone-number")],
        note="too short for France: not a possible number",
    )
    add(
        "phone-impossible-long",
        "Angebliche Hotline +49 30 12345678901234 (zu viele Ziffern).",
        reject=[none_of("phone-number")],
        note="too long: not a possible number",
    )
    add(
        "phone-impossible-ru-short",
        "Звонили с +7 912 345, дальше номер не определился.",
        reject=[none_of("phone-number")],
        note="truncated Russian number: not possible",
    )


def not_phones() -> None:
    """Order, invoice, customer and tracking numbers, dates and amounts are not phones."""
    for entry_id, region, text, note in (
        (
            "order-number-de",
            "DE",
            "Bestellnummer: 3012345678 – die Ware kam nie an.",
            "order number; a German phone number is written with 0 or +49",
        ),
        (
            "order-number-amazon-style",
            "GB",
            "Order #302-4567891-2345678 was never delivered.",
            "marketplace order number",
        ),
        (
            "invoice-number-de",
            "DE",
            "Rechnungsnummer RE-2024-0301234567 über 249,00 EUR.",
            "invoice number with a letter prefix",
        ),
        (
            "order-number-49-prefix",
            "DE",
            "Auftragsnummer: 49123456789 (bitte bei Rückfragen angeben)",
            "order number starting with 49, not to be read as +49 123456789",
        ),
        (
            "customer-number-de",
            "DE",
            "Kundennummer 4915123456789, Vertrag seit 2019.",
            "customer number that starts with 49",
        ),
        (
            "tracking-dhl",
            "DE",
            "Sendungsnummer 00340434161094042557 laut Fake-SMS.",
            "parcel tracking number (SSCC) starting with 00",
        ),
        (
            "tracking-ups",
            "GB",
            "Tracking: 1Z999AA10123456784 (UPS), status unknown.",
            "UPS tracking number",
        ),
        (
            "dates-and-times-de",
            "DE",
            "Am 15.03.2024 um 14:32 Uhr und am 16.03.2024 um 09:05 Uhr kamen die Anrufe.",
            "dates and times",
        ),
        (
            "iso-timestamps",
            "NL",
            "Events: 2024-03-15T14:32:07Z, 2024-03-15 14:33:12 +0100.",
            "ISO timestamps",
        ),
        (
            "amounts-de",
            "DE",
            "Schaden: 1.234.567,89 EUR, davon 12.500,00 EUR zurückgebucht.",
            "amounts",
        ),
        (
            "ticket-number",
            "DE",
            "Ticket #2024031512345 wurde an die Polizei übergeben.",
            "ticket number",
        ),
        (
            "postal-address-de",
            "DE",
            "Anschrift: Musterstraße 12, 10115 Berlin, Etage 3.",
            "postal code and house number",
        ),
        (
            "order-number-pl",
            "PL",
            "Numer zamówienia: 512345678, kurier nie przyjechał.",
            "Polish order number with the shape of a mobile number",
        ),
        (
            "order-number-fr",
            "FR",
            "N° de commande 0612345678 — colis jamais reçu.",
            "French order number shaped like a mobile number",
        ),
        (
            "reference-number-es",
            "ES",
            "Referencia de la transferencia: 612345678900.",
            "transfer reference",
        ),
    ):
        add(entry_id, text, reject=[none_of("phone-number")], region=region, note=note)


def banking() -> None:
    """IBAN (checksum) and BIC."""
    de_new = make_iban("DE", "500105175407324931")
    pl_new = make_iban("PL", "116022020000000512345678")
    nl_new = make_iban("NL", "RABO0123456789")
    for entry_id, text, raw, note in (
        (
            "iban-de-grouped",
            "Fraud-Desk: Kunde überwies 2.450,00 EUR an DE89 3704 0044 0532 "
            "0130 00 (Empfänger „M. Weber“).",
            "DE89 3704 0044 0532 0130 00",
            "German IBAN in groups of four",
        ),
        (
            "iban-de-compact",
            f"Empfänger-IBAN: {de_new}, Verwendungszweck: Kaution Wohnung",
            de_new,
            "compact German IBAN (made up, check digits computed)",
        ),
        (
            "iban-fr-grouped",
            "J'ai viré 1 900 € sur le compte FR76 3000 6000 0112 3456 7890 189 "
            "pour un faux placement.",
            "FR76 3000 6000 0112 3456 7890 189",
            "French IBAN",
        ),
        (
            "iban-fr-alphanumeric",
            "IBAN du « conseiller » : FR1420041010050500013M02606.",
            "FR1420041010050500013M02606",
            "French IBAN with a letter in the account number",
        ),
        (
            "iban-pl-grouped",
            "Przelałam 3 000 zł na konto PL61 1090 1014 0000 0712 1981 2874.",
            "PL61 1090 1014 0000 0712 1981 2874",
            "Polish IBAN",
        ),
        (
            "iban-pl-compact",
            f"Nr rachunku oszusta: {pl_new}",
            pl_new,
            "compact Polish IBAN (made up, check digits computed)",
        ),
        (
            "iban-nl-compact",
            "Ik heb €450 overgemaakt naar NL91ABNA0417164300 voor een tweedehands fiets.",
            "NL91ABNA0417164300",
            "Dutch IBAN",
        ),
        (
            "iban-nl-grouped",
            f"Tikkie-fraude: geld ging naar {stdnum_iban.format(nl_new)}.",
            stdnum_iban.format(nl_new),
            "Dutch IBAN (made up), grouped, sentence-final period",
        ),
        (
            "iban-es",
            "Transferí 750 € a ES91 2100 0418 4502 0005 1332 por un piso que no existía.",
            "ES91 2100 0418 4502 0005 1332",
            "Spanish IBAN",
        ),
        (
            "iban-it",
            "Bonifico di 1.200 € sull'IBAN IT60 X054 2811 1010 0000 0123 456.",
            "IT60 X054 2811 1010 0000 0123 456",
            "Italian IBAN with CIN letter",
        ),
        (
            "iban-at",
            "Die Kaution ging auf AT61 1904 3002 3457 3201.",
            "AT61 1904 3002 3457 3201",
            "Austrian IBAN",
        ),
        (
            "iban-ch",
            "Zahlung an CH93 0076 2011 6238 5295 7 (angeblich Treuhand).",
            "CH93 0076 2011 6238 5295 7",
            "Swiss IBAN",
        ),
        (
            "iban-gb",
            "The invoice asked for payment to GB29 NWBK 6016 1331 9268 19 instead of "
            "the usual account.",
            "GB29 NWBK 6016 1331 9268 19",
            "UK IBAN, invoice redirection",
        ),
        (
            "iban-gr",
            "Έστειλα 500 € στον λογαριασμό GR16 0110 1250 0000 0001 2300 695.",
            "GR16 0110 1250 0000 0001 2300 695",
            "Greek IBAN in a Greek sentence",
        ),
        (
            "iban-ua",
            "Переказала гроші на рахунок UA21 3223 1300 0002 6007 2335 6600 1.",
            "UA21 3223 1300 0002 6007 2335 6600 1",
            "Ukrainian IBAN in a Ukrainian sentence",
        ),
        (
            "iban-lt",
            "Money mule account: LT12 1000 0111 0100 1000",
            "LT12 1000 0111 0100 1000",
            "Lithuanian IBAN",
        ),
        (
            "iban-cz",
            "Platba na účet CZ65 0800 0000 1920 0014 5399 byla podvod.",
            "CZ65 0800 0000 1920 0014 5399",
            "Czech IBAN in a Czech sentence",
        ),
    ):
        add(entry_id, text, [iban(raw)], [none_of("phone-number")], note=note)
    add(
        "iban-csv-line",
        "Empfänger;IBAN;Betrag\nMax Muster;DE02120300000000202051;2500,00",
        [iban("DE02120300000000202051")],
        [none_of("phone-number"), none_of("payment-card")],
        note="IBAN in a CSV export",
    )
    add(
        "iban-followed-by-amount",
        "IBAN: DE89 3704 0044 0532 0130 00, 1500 EUR am 12.03.",
        [iban("DE89 3704 0044 0532 0130 00")],
        [none_of("phone-number")],
        note="the IBAN ends before the comma; the amount after it is neither IBAN nor phone",
    )
    add(
        "iban-bad-check-digits",
        "Kunde nennt IBAN DE88 3704 0044 0532 0130 00 – vermutlich vertippt.",
        reject=[bad_iban("DE88 3704 0044 0532 0130 00"), none_of("iban")],
        note="wrong check digits: not an IBAN",
    )
    add(
        "iban-bad-last-digit",
        "Overboeking naar NL91ABNA0417164301 mislukt.",
        reject=[bad_iban("NL91ABNA0417164301"), none_of("iban")],
        note="one digit mistyped: not an IBAN",
    )
    add(
        "iban-bad-gb",
        "Payment details given on the phone: GB29 NWBK 6016 1331 9268 18.",
        reject=[bad_iban("GB29 NWBK 6016 1331 9268 18"), none_of("iban")],
        note="checksum fails",
    )
    add(
        "iban-bad-transposed",
        "Numer konta podany przez oszusta: PL61 1090 1014 0000 0712 1981 2847",
        reject=[bad_iban("PL61 1090 1014 0000 0712 1981 2847"), none_of("iban")],
        note="two digits swapped: the checksum catches it",
    )
    add(
        "iban-truncated",
        "IBAN (unvollständig): DE89 3704 0044 0532 0130 0",
        reject=[none_of("iban")],
        note="one digit short of a German IBAN",
    )
    add(
        "iban-good-and-bad",
        "Erste Zahlung an DE89 3704 0044 0532 0130 00, zweite an DE89 3704 0044 0532 0130 01.",
        [iban("DE89 3704 0044 0532 0130 00")],
        [bad_iban("DE89 3704 0044 0532 0130 01")],
        note="one valid and one mistyped IBAN in the same text",
    )
    for entry_id, text, raw, note in (
        (
            "bic-with-iban-de",
            "IBAN DE89 3704 0044 0532 0130 00, BIC: COBADEFF",
            "COBADEFF",
            "BIC after an IBAN",
        ),
        ("bic-swift-fr", "Code SWIFT : BNPAFRPP", "BNPAFRPP", "French label"),
        (
            "bic-nl",
            "Rekening op naam van J. de Vries, BIC INGBNL2A.",
            "INGBNL2A",
            "Dutch, sentence-final period",
        ),
        ("bic-pl", "BIC/SWIFT: BPKOPLPW", "BPKOPLPW", "Polish bank"),
        (
            "bic-branch-code",
            "SWIFT-BIC der Empfängerbank: DEUTDEDB110",
            "DEUTDEDB110",
            "11-character BIC with branch code",
        ),
        ("bic-ua", "SWIFT-код банку: PBANUA2X", "PBANUA2X", "Ukrainian label"),
    ):
        add(entry_id, text, [bic(raw)], note=note)
    for entry_id, text, word, note in (
        (
            "bic-shaped-word-de",
            "DRINGEND: Ihr Konto wird in 24 Stunden gesperrt!",
            "DRINGEND",
            "an upper-case German word with a BIC's shape is not a BIC",
        ),
        (
            "bic-shaped-word-en",
            "CUSTOMER SERVICE NOTICE: verify your account today.",
            "CUSTOMER",
            "upper-case English word with a BIC's shape",
        ),
        (
            "bic-shaped-word-breaking",
            "BREAKING: Celebrity invests in new crypto platform!",
            "BREAKING",
            "clickbait headline of an investment scam ad",
        ),
    ):
        assert stdnum_bic.is_valid(word), word
        add(entry_id, text, reject=[no("bic", word), none_of("bic")], note=note)


def cards() -> None:
    """Payment cards: Luhn, issuer prefix and length; never stored whole."""
    for entry_id, text, raw, note in (
        (
            "card-visa-spaced",
            "Meine Kreditkarte 4111 1111 1111 1111 wurde dreimal belastet.",
            "4111 1111 1111 1111",
            "Visa test number in groups of four",
        ),
        (
            "card-visa-hyphens",
            "Card used on the fake shop: 4012-8888-8888-1881, exp 09/27.",
            "4012-8888-8888-1881",
            "Visa with hyphens; the expiry date is no card",
        ),
        (
            "card-mastercard-compact",
            "Karta 5555555555554444 została obciążona kwotą 2 499 zł.",
            "5555555555554444",
            "Mastercard, compact, Polish sentence",
        ),
        (
            "card-mastercard-2-series",
            "Carte débitée : 2223 0031 2200 3222, montant 89,90 €.",
            "2223 0031 2200 3222",
            "Mastercard 2-series BIN range",
        ),
        (
            "card-amex",
            "Amex 3782 822463 10005 charged by 'Microsoft Support'.",
            "3782 822463 10005",
            "American Express 4-6-5 grouping",
        ),
        (
            "card-amex-compact",
            "Kaart 371449635398431 gebruikt voor een nepwebshop.",
            "371449635398431",
            "Amex compact, Dutch sentence",
        ),
        (
            "card-discover",
            "Discover card 6011 1111 1111 1117 was skimmed at the pump.",
            "6011 1111 1111 1117",
            "Discover",
        ),
        (
            "card-jcb",
            "JCBカード 3530 1113 3330 0000 が不正利用されました。",
            "3530 1113 3330 0000",
            "JCB in a Japanese sentence",
        ),
        (
            "card-diners",
            "Diners Club 3622 720627 1667 verwendet am 03.03.",
            "3622 720627 1667",
            "Diners Club 14 digits",
        ),
        (
            "card-unionpay",
            "UnionPay 6200 0000 0000 0005 bei Fake-Reisebüro belastet.",
            "6200 0000 0000 0005",
            "UnionPay",
        ),
        (
            "card-visa-debit-french",
            "J'ai donné ma carte 4000 0566 5566 5556 au faux livreur.",
            "4000 0566 5566 5556",
            "Visa debit in a French sentence",
        ),
        (
            "card-mastercard-debit-russian",
            "Списали деньги с карты 5200 8282 8282 8210 без моего ведома.",
            "5200 8282 8282 8210",
            "Mastercard debit in a Russian sentence",
        ),
    ):
        add(entry_id, text, [card(raw)], [none_of("phone-number")], note=note)
    add(
        "card-luhn-invalid",
        "Angegebene Kartennummer 4111 1111 1111 1112 (laut Kunde).",
        reject=[none_of("payment-card")],
        note="Luhn check fails: not a card",
    )
    add(
        "card-masked",
        "Belastet wurde die Karte 4111 11** **** 1111 sowie **** **** **** 4444.",
        reject=[none_of("payment-card"), none_of("phone-number")],
        note="masked numbers cannot be cards",
    )
    add(
        "card-all-zeros",
        "Referenz 0000 0000 0000 0000 im Formular vorausgefüllt.",
        reject=[none_of("payment-card")],
        note="Luhn-valid but no issuer uses prefix 0",
    )
    amex_16 = "37828224631000" + "5"
    amex_16 = amex_16 + luhn.calc_check_digit(amex_16)
    assert luhn.is_valid(amex_16)
    assert len(amex_16) == 16
    add(
        "card-amex-prefix-wrong-length",
        f"Vertragsnummer {amex_16} (kein Kartenbezug).",
        reject=[none_of("payment-card")],
        note="Luhn-valid, Amex prefix, but 16 digits: American Express numbers have 15",
    )
    add(
        "card-transaction-id",
        "Transaktions-ID 1234567812345670 laut Kontoauszug.",
        reject=[none_of("payment-card")],
        note="Luhn-valid 16 digits with prefix 1: no card issuer",
    )


def crypto() -> None:
    """Bitcoin, Ethereum and Monero addresses with their checksums."""
    for entry_id, text, raw, note in (
        (
            "btc-genesis-sextortion-en",
            "I recorded you. Send $1,500 in Bitcoin to "
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa within 48 hours.",
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            "the genesis address (P2PKH)",
        ),
        (
            "btc-p2sh-german",
            "Zahlen Sie 0,05 BTC an 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy, sonst "
            "veröffentliche ich das Video.",
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
            "P2SH address",
        ),
        (
            "btc-p2pkh-french",
            "Adresse du portefeuille : 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2.",
            "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
            "P2PKH, sentence-final period",
        ),
        (
            "btc-p2pkh-polish",
            "Wpłać bitcoiny na adres 17VZNX1SN5NtKa8UQFxwQbFeFc3iqRYhem.",
            "17VZNX1SN5NtKa8UQFxwQbFeFc3iqRYhem",
            "P2PKH in a Polish sentence",
        ),
        (
            "btc-p2sh-russian",
            "Переведите биткоины на кошелёк 3EktnHQD7RiAE6uzMj2ZifT9YgRrkSgzQX.",
            "3EktnHQD7RiAE6uzMj2ZifT9YgRrkSgzQX",
            "P2SH in a Russian sentence",
        ),
        (
            "btc-bech32-upper-case",
            "BIP-173 example: BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "upper-case bech32, canonical lower",
        ),
        (
            "btc-bech32-p2wpkh",
            "Wallet der 'Investmentplattform': bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            "P2WPKH bech32",
        ),
        (
            "btc-bech32-p2wsh",
            "Multisig deposit: "
            "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3 (BIP-173 vector).",
            "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
            "P2WSH bech32",
        ),
        (
            "btc-taproot",
            "Ransom address (Taproot): "
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
            "P2TR with a bech32m checksum (BIP-350 vector)",
        ),
        (
            "btc-bech32m-v1-long",
            "BIP-350 vector: "
            "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
            "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
            "witness v1 with 40-byte program, bech32m",
        ),
        (
            "btc-spanish",
            "El estafador pidió 0,02 BTC a la dirección "
            "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 «para liberar el préstamo».",
            "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
            "address next to guillemets",
        ),
    ):
        add(entry_id, text, [bitcoin(raw)], note=note)
    genesis = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
    add(
        "btc-base58-one-char-wrong",
        f"Adresse laut Opfer: {replace_char(genesis, len(genesis) - 1, 'b')}",
        reject=[bad_bitcoin(replace_char(genesis, len(genesis) - 1, "b")), none_of("bitcoin")],
        note="one character wrong: the Base58Check checksum fails",
    )
    p2sh = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"
    add(
        "btc-p2sh-one-char-wrong",
        f"Wallet: {replace_char(p2sh, 10, 'F')}",
        reject=[bad_bitcoin(replace_char(p2sh, 10, "F")), none_of("bitcoin")],
        note="one character wrong in a P2SH address",
    )
    bech = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
    add(
        "btc-bech32-one-char-wrong",
        f"Deposit to {replace_char(bech, 20, 'q')} please",
        reject=[bad_bitcoin(replace_char(bech, 20, "q")), none_of("bitcoin")],
        note="one character wrong: the bech32 checksum fails",
    )
    add(
        "btc-v1-with-bech32-checksum",
        "Address: bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",
        reject=[
            bad_bitcoin("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd"),
            none_of("bitcoin"),
        ],
        note="BIP-350 invalid vector: witness v1 must use bech32m, not bech32",
    )
    add(
        "btc-v0-with-bech32m-checksum",
        "Address: bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",
        reject=[bad_bitcoin("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh"), none_of("bitcoin")],
        note="BIP-350 invalid vector: witness v0 must use bech32, not bech32m",
    )
    for entry_id, text, raw, note in (
        (
            "eth-eip55-vector-1",
            "Send USDT (ERC-20) to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed "
            "to unlock your profit.",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "EIP-55 test vector",
        ),
        (
            "eth-eip55-vector-2",
            "Einzahlung an 0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359.",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "EIP-55 vector, sentence-final period",
        ),
        (
            "eth-eip55-vector-3",
            "Portefeuille : 0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "EIP-55 vector",
        ),
        (
            "eth-eip55-vector-4",
            "Adres portfela: 0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
            "EIP-55 vector",
        ),
        (
            "eth-all-upper-case",
            "Wallet (all caps in the chat): 0x52908400098527886E0F7030069857D2E4169EE7",
            "0x52908400098527886E0F7030069857D2E4169EE7",
            "all upper-case: accepted without checksum, canonical lower-case",
        ),
        (
            "eth-all-lower-case",
            "Кошелёк: 0xde709f2102306220921060314715629080e2fb77",
            "0xde709f2102306220921060314715629080e2fb77",
            "all lower-case: accepted",
        ),
        (
            "eth-made-up-checksummed",
            f"«Withdrawal fee» an {sample_ethereum('eth-a')} zahlen, dann Auszahlung.",
            sample_ethereum("eth-a"),
            "made-up address with EIP-55 checksum",
        ),
        (
            "eth-made-up-greek",
            f"Μου ζήτησαν να στείλω ETH στο {sample_ethereum('eth-b')}.",
            sample_ethereum("eth-b"),
            "made-up checksummed address in a Greek sentence",
        ),
    ):
        add(entry_id, text, [ethereum(raw)], [no("sha1", raw[2:].lower())], note=note)
    vector = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
    add(
        "eth-checksum-broken",
        f"Adresse aus dem Chat: {flip_case(vector, 3)}",
        reject=[bad_ethereum(flip_case(vector, 3)), none_of("ethereum")],
        note="mixed case with one letter flipped: the EIP-55 checksum fails",
    )
    add(
        "eth-checksum-broken-2",
        f"Wallet {flip_case(sample_ethereum('eth-a'), 41)} (copied by hand)",
        reject=[bad_ethereum(flip_case(sample_ethereum("eth-a"), 41)), none_of("ethereum")],
        note="last letter's case flipped",
    )
    short = "0x" + hashlib.sha256(b"eth-short").hexdigest()[:39]
    add(
        "eth-39-hex",
        f"Adresse (unvollständig): {short}",
        reject=[none_of("ethereum")],
        note="39 hex digits: not an address",
    )
    long = "0x" + hashlib.sha256(b"eth-long").hexdigest()[:41]
    add(
        "eth-41-hex",
        f"Wallet: {long}",
        reject=[no("ethereum", long[:42]), none_of("ethereum")],
        note="41 hex digits: no address is cut out of it",
    )
    tx = "0x" + hashlib.sha256(b"eth-tx").hexdigest()
    add(
        "eth-transaction-hash",
        f"Transaction {tx} confirmed on Etherscan.",
        reject=[no("ethereum", tx[:42]), none_of("ethereum")],
        note="a 64-hex transaction hash is not an address",
    )
    fund = (  # the Monero General Fund donation address, published on getmonero.org
        "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98u"
        "Nbr2VBBEt7f2wfn3RVGQBEP3A"
    )
    for entry_id, text, raw, note in (
        (
            "xmr-ransom-note",
            "Your files are encrypted. Pay 2 XMR to\n" + fund + "\nthen e-mail the transaction ID.",
            fund,
            "well-known Monero General Fund address",
        ),
        (
            "xmr-sextortion-german",
            f"Überweisen Sie 1,5 XMR an {sample_monero('xmr-a')}.",
            sample_monero("xmr-a"),
            "made-up address (seed-derived), sentence-final period",
        ),
        (
            "xmr-russian",
            f"Выкуп в Monero: {sample_monero('xmr-b')} — срок 72 часа.",
            sample_monero("xmr-b"),
            "made-up address in a Russian sentence",
        ),
        (
            "xmr-integrated",
            "Integrated address for the payment: "
            + sample_integrated_monero("xmr-a", "a1b2c3d4e5f60718"),
            sample_integrated_monero("xmr-a", "a1b2c3d4e5f60718"),
            "106-character integrated address",
        ),
    ):
        add(entry_id, text, [monero(raw)], note=note)
    add(
        "xmr-one-char-wrong",
        f"XMR: {replace_char(fund, 60, 'Z')}",
        reject=[bad_monero(replace_char(fund, 60, "Z")), none_of("monero")],
        note="one character wrong: the Keccak checksum fails",
    )
    add(
        "xmr-truncated",
        f"XMR: {fund[:94]}",
        reject=[none_of("monero")],
        note="94 characters: not a Monero address",
    )


def hashes() -> None:
    """File hashes by length; wrong lengths and hashes cut out of longer hex are not."""
    md5_a, md5_b = sample_hash("md5", "Rechnung.pdf.exe"), sample_hash("md5", "dropper")
    sha1_a, sha1_b = sample_hash("sha1", "loader.dll"), sample_hash("sha1", "invoice.lnk")
    sha256_a = sample_hash("sha256", "Rechnung.pdf.exe")
    sha256_b = sample_hash("sha256", "LockBit sample")
    sha256_c = sample_hash("sha256", "stealer.apk")
    sha512_a = sample_hash("sha512", "ransomware note")
    sha512_b = sample_hash("sha512", "encrypted archive")
    sha1_c = sample_hash("sha1", "Emotet loader")
    for entry_id, text, raw, note in (
        ("md5-bsd-format", f"MD5 (Rechnung.pdf.exe) = {md5_a}", md5_a, "BSD checksum format"),
        (
            "md5-upper-case",
            f"MD5: {md5_b.upper()} (laut Virenscanner)",
            md5_b.upper(),
            "upper-case hex, canonical lower",
        ),
        (
            "md5-empty-file",
            "Der Anhang hatte 0 Bytes, MD5 d41d8cd98f00b204e9800998ecf8427e.",
            "d41d8cd98f00b204e9800998ecf8427e",
            "MD5 of the empty file, sentence-final period",
        ),
        ("sha1-label", f"SHA-1: {sha1_a}", sha1_a, "labelled SHA-1"),
        (
            "sha1-french",
            f"Empreinte SHA1 du fichier : {sha1_b.upper()}",
            sha1_b.upper(),
            "upper-case SHA-1 in French",
        ),
        ("sha256-sum-output", f"{sha256_a}  Rechnung.pdf.exe", sha256_a, "sha256sum output"),
        (
            "sha256-label-german",
            f"SHA256 der Ransomware: {sha256_b}. Bitte in MISP aufnehmen.",
            sha256_b,
            "labelled SHA-256 in a German note",
        ),
        (
            "sha256-upper-case",
            f"SHA-256: {sha256_c.upper()}",
            sha256_c.upper(),
            "upper-case SHA-256",
        ),
        (
            "sha256-russian",
            f"Хэш образца (SHA-256): {sha256_c}.",
            sha256_c,
            "SHA-256 in a Russian sentence",
        ),
        ("sha512-label", f"SHA512: {sha512_a}", sha512_a, "labelled SHA-512"),
        ("sha512-sum-output", f"{sha512_b}  zaszyfrowane.7z", sha512_b, "sha512sum output"),
        (
            "sha512-upper-polish",
            f"Skrót SHA-512 próbki: {sha512_b.upper()}",
            sha512_b.upper(),
            "upper-case SHA-512 in a Polish sentence",
        ),
        (
            "sha1-virustotal",
            f"VirusTotal: 41/72 detections for {sha1_c} (Emotet loader).",
            sha1_c,
            "SHA-1 without a label",
        ),
        (
            "sha1-spanish",
            f"El adjunto factura.zip tiene SHA1 {sha1_a}.",
            sha1_a,
            "SHA-1 at the end of a Spanish sentence",
        ),
        ("md5-italian", f"L'allegato ha MD5 «{md5_a}».", md5_a, "MD5 in guillemets"),
    ):
        add(entry_id, text, [file_hash(raw)], note=note)
    add(
        "hash-list-comma",
        f"Hashes (SHA-1): {sha1_a}, {sha1_b}, {sha1_c}",
        [file_hash(sha1_a), file_hash(sha1_b), file_hash(sha1_c)],
        note="comma-separated hash list",
    )
    add(
        "hash-table",
        f"| file | md5 | sha256 |\n|---|---|---|\n| loader.dll | {md5_b} | {sha256_b} |",
        [file_hash(md5_b), file_hash(sha256_b)],
        [no("md5", sha256_b[:32]), no("md5", sha256_b[32:]), not_domain("loader.dll")],
        note="hashes in a markdown table; no MD5 cut out of the SHA-256",
    )
    add(
        "sha512-no-shorter-hashes",
        f"SHA-512 {sha512_a}",
        [file_hash(sha512_a)],
        [
            no("sha256", sha512_a[:64]),
            no("sha256", sha512_a[64:]),
            no("md5", sha512_a[:32]),
            no("sha1", sha512_a[:40]),
        ],
        note="no shorter hash is cut out of a SHA-512",
    )
    for length, label in (
        (31, "md5"),
        (33, "md5"),
        (39, "sha1"),
        (63, "sha256"),
        (65, "sha256"),
        (127, "sha512"),
    ):
        hex_value = (sha512_a * 2)[:length]
        rejects = [no("*", hex_value), none_of(label)]
        if length > HASH_TYPE_LENGTH[label]:
            rejects.append(no(label, hex_value[: HASH_TYPE_LENGTH[label]]))
        add(
            f"hex-{length}-not-a-hash",
            f"Prüfsumme laut Kunde: {hex_value}",
            reject=rejects,
            note=f"{length} hex digits is no hash length",
        )
    uuid = "3f2a9c4e-7b1d-4e8a-9c2f-5d6b7a8e9f01"
    add(
        "uuid-not-md5",
        f"Message-ID: <{uuid}@mail.example.net>\nX-Request-ID: {uuid}",
        reject=[no("md5", uuid.replace("-", "")), none_of("md5")],
        note="a UUID is not an MD5 hash",
    )


HASH_TYPE_LENGTH = {value: key for key, value in HASH_TYPES.items()}


def identifiers() -> None:
    """CVE identifiers and AS numbers."""
    for entry_id, text, raws, note in (
        (
            "cve-xz",
            "Der Server war wegen CVE-2024-3094 (xz-Backdoor) kompromittiert.",
            ["CVE-2024-3094"],
            "the issue's example",
        ),
        (
            "cve-lower-case",
            "log4shell, i.e. cve-2021-44228, was used for initial access.",
            ["cve-2021-44228"],
            "lower-case CVE becomes upper-case",
        ),
        (
            "cve-list",
            "Ausgenutzt wurden CVE-2023-4966, CVE-2023-46805 und CVE-2024-21887.",
            ["CVE-2023-4966", "CVE-2023-46805", "CVE-2024-21887"],
            "list of CVEs",
        ),
        (
            "cve-french",
            "La faille CVE-2023-44487 (« HTTP/2 Rapid Reset ») a servi au DDoS.",
            ["CVE-2023-44487"],
            "CVE in a French sentence",
        ),
        (
            "cve-in-parentheses-polish",
            "Atak wykorzystał lukę w Fortinet (CVE-2022-40684).",
            ["CVE-2022-40684"],
            "CVE in parentheses",
        ),
        (
            "cve-seven-digits",
            "Tracked as CVE-2021-1234567 in the vendor advisory.",
            ["CVE-2021-1234567"],
            "sequence numbers may have more than four digits",
        ),
    ):
        add(entry_id, text, [cve(raw) for raw in raws], note=note)
    add(
        "cve-too-few-digits",
        "Angeblich CVE-2024-123 – diese Kennung gibt es so nicht.",
        reject=[no("cve", "CVE-2024-123"), none_of("cve")],
        note="a CVE sequence number has at least four digits",
    )
    add(
        "cve-two-digit-year",
        "Ticket mentions CVE-24-3094, probably a typo.",
        reject=[no("cve", "CVE-24-3094"), none_of("cve")],
        note="the year has four digits",
    )
    for entry_id, text, raws, note in (
        (
            "asn-documentation",
            "Prefix announced by AS64496 (documentation ASN).",
            ["AS64496"],
            "the issue's example",
        ),
        (
            "asn-abuse-ticket",
            "Abuse-Meldung: Host liegt in AS24940 (Hetzner Online GmbH), Upstream AS13335.",
            ["AS24940", "AS13335"],
            "ASNs in a German abuse ticket",
        ),
        (
            "asn-parentheses",
            "Origin (AS16509) according to the RIPE RIS looking glass.",
            ["AS16509"],
            "ASN in parentheses",
        ),
        (
            "asn-russian",
            "Хостинг в AS49505, апстрим AS9002.",
            ["AS49505", "AS9002"],
            "ASNs in a Russian sentence",
        ),
        (
            "asn-32-bit",
            "Bulletproof hoster announced via AS209588, upstream AS64500.",
            ["AS209588", "AS64500"],
            "a 4-byte ASN above 65535 next to a 2-byte one",
        ),
        (
            "asn-private-use-32-bit",
            "Das Labor-Netz des Opfers nutzt intern AS4200000001 (RFC 6996).",
            ["AS4200000001"],
            "private-use 32-bit ASN with ten digits",
        ),
    ):
        add(entry_id, text, [asn(raw) for raw in raws], note=note)
    add(
        "asn-inside-word",
        "Passwort-Hinweis: PASS1234, Klasse CLASS2024.",
        reject=[no("asn", "AS1234"), no("asn", "AS2024"), none_of("asn")],
        note="'AS' inside a word is not an AS number",
    )


def reports() -> None:
    """Whole reports as they arrive: several observables of several types in one text."""
    add(
        "report-de-smishing-victim",
        "Guten Tag, ich habe am 14.03.2024 um 18:22 eine SMS von +49 152 34567890 bekommen: "
        "„Ihr Paket konnte nicht zugestellt werden. Bitte bestätigen Sie Ihre Adresse: "
        "https://dhl-paket-zustellung.net/de/verify?id=88231“. Ich habe meine Kartendaten "
        "eingegeben (Visa, endet auf 1111). Danach wurden 499,99 € abgebucht.\n"
        "Mit freundlichen Grüßen",
        [phone("+49 152 34567890"), url("https://dhl-paket-zustellung.net/de/verify?id=88231")],
        [none_of("payment-card")],
        region="DE",
        note="victim report: phone, URL in German quotes; only the last four card digits given",
    )
    add(
        "report-de-fraud-desk-note",
        "Fraud-Desk Notiz 2024-03-15 / Fall 4471\n"
        "Kunde: Herr K. (Kd.-Nr. 1002003004)\n"
        "Überweisung 2.450,00 EUR am 14.03. an IBAN LT12 1000 0111 0100 1000, BIC REVOLT21 "
        "(Empfänger 'Invest Capital Ltd')\n"
        "Kunde wurde angerufen von 030 1234567 (angeblich Sicherheitsabteilung), zuvor Mail von "
        "sicherheit@sparkasse-kundenservice.info.\nRückruf-Sperre eingerichtet.",
        [
            iban("LT12 1000 0111 0100 1000"),
            bic("REVOLT21"),
            phone("030 1234567", "DE"),
            email("sicherheit@sparkasse-kundenservice.info"),
        ],
        [no("phone-number", "+491002003004"), no("phone-number", "+4911101001000")],
        region="DE",
        note="bank fraud-desk note; the customer number is not a phone number",
    )
    add(
        "report-fr-colis",
        "Bonjour, j'ai reçu un SMS du 07 56 78 90 12 : « Votre colis est en attente, frais de "
        "1,99 € : https://colissimo-suivi-frais.fr/paiement ». J'ai payé avec ma carte "
        "4000 0566 5566 5556 puis j'ai vu un débit de 980 € chez « CRYPTO-EXCH ». Ma banque m'a "
        "dit d'appeler le 01 23 45 67 89. Cordialement, Claire",
        [
            phone("07 56 78 90 12", "FR"),
            url("https://colissimo-suivi-frais.fr/paiement"),
            card("4000 0566 5566 5556"),
            phone("01 23 45 67 89", "FR"),
        ],
        region="FR",
        note="French victim report with guillemets, card, two national phone numbers",
    )
    add(
        "report-pl-olx",
        "Sprzedawałam kurtkę na OLX. „Kupujący” napisał na WhatsAppie z numeru "
        "+48 600 100 200 i przysłał link https://olx-bezpieczna-platnosc.pl/odbierz/55123 do "
        "„odbioru płatności”. Podałam kartę 5555 5555 5555 4444, kod CVV i kod z SMS. "
        "Zniknęło 2 350 zł. Chcieli też zwrot na konto PL61 1090 1014 0000 0712 1981 2874.",
        [
            phone("+48 600 100 200"),
            url("https://olx-bezpieczna-platnosc.pl/odbierz/55123"),
            card("5555 5555 5555 4444"),
            iban("PL61 1090 1014 0000 0712 1981 2874"),
        ],
        region="PL",
        note="Polish marketplace scam report",
    )
    add(
        "report-ru-investment",
        "Здравствуйте. В Telegram мне написал «брокер», предложил заработать на криптовалюте "
        "на платформе https://crypto-invest-pro.io/ru/cabinet. Я перевёл 0,05 BTC на адрес "
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq, а потом ещё 1 200 USDT на "
        "0x52908400098527886E0F7030069857D2E4169EE7. Вывести деньги не дают, требуют «налог». "
        "Его номер: 8 (912) 345-67-89.",
        [
            url("https://crypto-invest-pro.io/ru/cabinet"),
            bitcoin("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
            ethereum("0x52908400098527886E0F7030069857D2E4169EE7"),
            phone("8 (912) 345-67-89", "RU"),
        ],
        [no("phone-number", "+77030069857")],
        region="RU",
        note="Russian investment-fraud report",
    )
    add(
        "report-uk-bank-call",
        "Доброго дня! Мені зателефонували з номера 067 123 4567, представились службою безпеки "
        "банку і надіслали посилання hxxps://privat24-bonus[.]com[.]ua/vhid. Я ввела дані "
        "картки, після чого гроші переказали на рахунок UA21 3223 1300 0002 6007 2335 6600 1. "
        "Прошу допомогти.",
        [
            phone("067 123 4567", "UA"),
            url("https://privat24-bonus.com.ua/vhid", "defanged"),
            iban("UA21 3223 1300 0002 6007 2335 6600 1"),
        ],
        region="UA",
        note="Ukrainian victim report",
    )
    add(
        "report-el-bank-sms",
        "Καλησπέρα σας. Έλαβα SMS από το 694 123 4567 ότι «ο λογαριασμός σας κλειδώθηκε» με "
        "σύνδεσμο https://eurobank-verify.gr/unlock. Έβαλα τους κωδικούς μου και χάθηκαν "
        "1.300 €, που μεταφέρθηκαν στο GR16 0110 1250 0000 0001 2300 695.",
        [
            phone("694 123 4567", "GR"),
            url("https://eurobank-verify.gr/unlock"),
            iban("GR16 0110 1250 0000 0001 2300 695"),
        ],
        region="GR",
        note="Greek victim report",
    )
    add(
        "report-es-correos",
        "Recibí un SMS «Correos: su envío está retenido, pague 1,79 € en "
        "https://correos-envio-pendiente.es/pago?ref=ES2291». Pagué con la tarjeta "
        "4111 1111 1111 1111 y al día siguiente tenía un cargo de 650 €. El número que me llamó "
        "después: 612 34 56 78.",
        [
            url("https://correos-envio-pendiente.es/pago?ref=ES2291"),
            card("4111 1111 1111 1111"),
            phone("612 34 56 78", "ES"),
        ],
        region="ES",
        note="Spanish parcel smishing report; the URL ends before the closing guillemet",
    )
    add(
        "report-it-poste",
        "Buongiorno, ho ricevuto un'e-mail da «Poste Italiane» (mittente: "
        "noreply@poste-italiane-verifica.it) con il link "
        "https://poste-italiane-verifica.it/area-clienti/sblocco. Dopo aver inserito i dati, un "
        "operatore mi ha chiamato dal 312 345 6789 e mi ha fatto fare un bonifico di 2.800 € "
        "all'IBAN IT60 X054 2811 1010 0000 0123 456.",
        [
            email("noreply@poste-italiane-verifica.it"),
            url("https://poste-italiane-verifica.it/area-clienti/sblocco"),
            phone("312 345 6789", "IT"),
            iban("IT60 X054 2811 1010 0000 0123 456"),
        ],
        region="IT",
        note="Italian phishing + vishing report",
    )
    add(
        "report-nl-hoi-mam",
        "Via WhatsApp kreeg ik een bericht van 06 12345678: 'Hoi mam, mijn telefoon is kapot, "
        "dit is mijn nieuwe nummer. Kun je €950 overmaken naar NL91 ABNA 0417 1643 00? Ik betaal "
        "morgen terug.' Ik heb het overgemaakt.",
        [phone("06 12345678", "NL"), iban("NL91 ABNA 0417 1643 00")],
        [no("phone-number", "+31417164300")],
        region="NL",
        note="Dutch 'Hi mum' scam; IBAN followed by a question mark; its digit groups are no phone",
    )
    sha256_kit = sample_hash("sha256", "paypal phishing kit")
    add(
        "ticket-abuse-phishing-kit",
        "Abuse ticket #88213\nHost: 198.51.100.23 (AS64500, Example Hosting)\n"
        "URL: http://198.51.100.23/paypal/login.php?cmd=_login-submit\n"
        f"Kit archive SHA256: {sha256_kit}\nFirst seen: 2024-03-15 14:32 UTC\n"
        "Please take the content down within 24 hours.",
        [
            ip("198.51.100.23"),
            asn("AS64500"),
            url("http://198.51.100.23/paypal/login.php?cmd=_login-submit"),
            file_hash(sha256_kit),
        ],
        [none_of("phone-number"), not_domain("login.php")],
        note="abuse-team ticket",
    )
    add(
        "headers-pasted",
        "Return-Path: <bounce@mailer.bulk-sender.ru>\n"
        "Received: from mailer.bulk-sender.ru (mailer.bulk-sender.ru [203.0.113.5])\n"
        "\tby mx01.example.de (Postfix) with ESMTPS id 4TwX1m2Z9kz9sW\n"
        "\tfor <opfer@example.de>; Fri, 15 Mar 2024 14:32:07 +0100 (CET)\n"
        'From: "DHL Express" <noreply@dhl-paket-zustellung.net>\n'
        "Reply-To: zoll-abteilung@gmail.com\n"
        "Subject: Ihre Sendung 00340434161094042557\n"
        "X-Mailer: Microsoft Outlook 16.0\n"
        "X-Originating-IP: [198.51.100.77]",
        [
            email("bounce@mailer.bulk-sender.ru"),
            ip("203.0.113.5"),
            domain("mx01.example.de"),
            email("opfer@example.de"),
            email("noreply@dhl-paket-zustellung.net"),
            email("zoll-abteilung@gmail.com"),
            ip("198.51.100.77"),
        ],
        [none_of("phone-number"), none_of("ipv6-addr")],
        region="DE",
        note="pasted e-mail headers; time zone, tracking number and clock times are no phones",
    )
    add(
        "chat-whatsapp-export",
        "[15.03.24, 14:32:07] Anna: Hallo Schatz, ich brauche dringend Hilfe 😢\n"
        "[15.03.24, 14:33:10] Anna: Der Zoll hält mein Paket fest, bitte schick 1.500 € an "
        "DE89 3704 0044 0532 0130 00\n"
        "[15.03.24, 14:35:52] Anna: Oder ruf meinen Anwalt an: +44 20 7946 0958\n"
        "[15.03.24, 14:36:03] Ich: Wer ist das?",
        [iban("DE89 3704 0044 0532 0130 00"), phone("+44 20 7946 0958")],
        [none_of("ipv6-addr"), none_of("ipv4-addr"), no("phone-number", "+44532013000")],
        region="DE",
        note="exported chat: timestamps are neither phones nor IPs",
    )
    add(
        "sextortion-en",
        "Hello, I have access to your device and recorded you. Send $1650 in Bitcoin to my "
        "wallet: bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3 (copy and "
        "paste, it is case sensitive). You have 48 hours. Contact: hacker.anon@onionmail.org",
        [
            bitcoin("bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3"),
            email("hacker.anon@onionmail.org"),
        ],
        [none_of("phone-number")],
        note="English sextortion mail",
    )
    add(
        "sextortion-de-monero",
        "Ich habe Ihren Computer mit einem Trojaner (v3.2.1.8) infiziert. Zahlen Sie 0,9 XMR an "
        f"{sample_monero('xmr-c')} – Frist: 2 Tage. Antworten Sie nicht auf diese E-Mail.",
        [monero(sample_monero("xmr-c"))],
        [no("ipv4-addr", "3.2.1.8"), none_of("ipv4-addr")],
        note="German sextortion mail with a Monero address and a version number",
    )
    add(
        "ransom-note",
        "!!! ALL YOUR FILES ARE ENCRYPTED !!!\nYour personal ID: 7F3A-99B2-1C44\n"
        "To decrypt, write to decrypt-support@proton.me or decrypt-backup@tutanota.com\n"
        "Pay 0.5 BTC to 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy\nDo not rename encrypted files.",
        [
            email("decrypt-support@proton.me"),
            email("decrypt-backup@tutanota.com"),
            bitcoin("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
        ],
        [none_of("phone-number")],
        note="ransom note",
    )
    add(
        "report-tech-support-en",
        "A pop-up said my computer was infected and to call Microsoft on +1 800 555 0199. The "
        "'technician' asked me to open anydesk.com, read him the code 123 456 789 and then "
        "logged into my online banking.",
        [phone("+1 800 555 0199"), domain("anydesk.com")],
        [no("phone-number", "+44123456789")],
        region="GB",
        note="tech-support scam; the remote-desktop code is not a phone number",
    )
    add(
        "report-bec-de",
        'Betreff: Vertraulich – Akquisition\nVon: "Dr. Thomas Berger (CEO)" '
        "<t.berger@firma-gmbh-de.com>\nBitte überweisen Sie heute noch 48.900,00 EUR an die "
        "Kanzlei: IBAN GB29 NWBK 6016 1331 9268 19, BIC NWBKGB2L. Keine Rückfragen per "
        "Telefon, nur per Mail an t.berger.ceo@gmail.com.",
        [
            email("t.berger@firma-gmbh-de.com"),
            iban("GB29 NWBK 6016 1331 9268 19"),
            bic("NWBKGB2L"),
            email("t.berger.ceo@gmail.com"),
        ],
        [none_of("phone-number")],
        region="DE",
        note="CEO fraud mail",
    )
    add(
        "report-fr-romance",
        "Je l'ai rencontré sur un site de rencontre, il disait être ingénieur sur une plateforme "
        "pétrolière. Il m'a demandé d'acheter du Bitcoin et de l'envoyer à "
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2, puis de l'appeler au +44 20 7946 0958. Son "
        "e-mail : james.miller.oilrig@outlook.com.",
        [
            bitcoin("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"),
            phone("+44 20 7946 0958"),
            email("james.miller.oilrig@outlook.com"),
        ],
        region="FR",
        note="French romance-scam report",
    )
    sha256_shell = sample_hash("sha256", "webshell")
    add(
        "cert-bulletin-de",
        "CERT-Warnung 2024-031: Aktive Ausnutzung von CVE-2024-21887 (Ivanti Connect Secure). "
        "Beobachtete Angreifer-IPs: 185.220.101[.]47, 45.155.205[.]233. Webshell (SHA-256): "
        f"{sha256_shell}. C2: hxxps://update-service[.]top/api. Betroffen: Version 22.4R2.1 "
        "und 9.1R18.2.",
        [
            cve("CVE-2024-21887"),
            ip("185.220.101.47", "defanged"),
            ip("45.155.205.233", "defanged"),
            file_hash(sha256_shell),
            url("https://update-service.top/api", "defanged"),
        ],
        [none_of("phone-number")],
        note="CERT bulletin mixing defanged and plain indicators",
    )
    sha1_ioc = sample_hash("sha1", "ParcelLure dropper")
    add(
        "ioc-list",
        "# IOCs campaign 'ParcelLure'\nurl: https://dhl-paket-zustellung.net/zoll\n"
        f"domain: inpost-doplata.pl\nip: 203.0.113.77\nsha1: {sha1_ioc}\n"
        "email: support@crypto-invest-pro.io\nbtc: 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
        [
            url("https://dhl-paket-zustellung.net/zoll"),
            domain("inpost-doplata.pl"),
            ip("203.0.113.77"),
            file_hash(sha1_ioc),
            email("support@crypto-invest-pro.io"),
            bitcoin("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"),
        ],
        note="plain indicator list, one per line",
    )
    pl_mule = make_iban("PL", "102010260000042270201111")
    add(
        "report-pl-bank-note",
        f"Notatka działu fraud: klient zgłosił przelew 12 000 zł na {pl_mule} (BIC BPKOPLPW) po "
        "telefonie z numeru 22 123 45 67 od „konsultanta”. Klient zalogował się wcześniej na "
        "https://pko-logowanie-bezpieczne.pl/login.",
        [
            iban(pl_mule),
            bic("BPKOPLPW"),
            phone("22 123 45 67", "PL"),
            url("https://pko-logowanie-bezpieczne.pl/login"),
        ],
        region="PL",
        note="Polish bank fraud-desk note",
    )
    add(
        "report-ru-idn-email",
        "Пришло письмо от «Госуслуг» с адреса info@госуслуги-выплаты.рф, ссылка: "
        "https://госуслуги-выплаты.рф/vyplata?id=4471. Я ввела данные карты 2223 0031 2200 3222.",
        [
            email("info@госуслуги-выплаты.рф"),
            url("https://госуслуги-выплаты.рф/vyplata?id=4471"),
            card("2223 0031 2200 3222"),
        ],
        region="RU",
        note="Cyrillic IDN in an e-mail address and a URL",
    )
    add(
        "report-es-bank-sms",
        "SMS de «BBVA»: Hemos bloqueado su cuenta, acceda a bbva-seguridad.es/acceso para "
        "verificar. Luego me llamaron del 91 123 45 67 y me hicieron transferir 3.000 € a "
        "ES91 2100 0418 4502 0005 1332.",
        [
            url("bbva-seguridad.es/acceso"),
            phone("91 123 45 67", "ES"),
            iban("ES91 2100 0418 4502 0005 1332"),
        ],
        region="ES",
        note="Spanish report with a schemeless URL",
    )
    add(
        "report-nl-postnl",
        "Sms van 06 12345678: 'PostNL: uw pakket wacht op betaling van €1,95 via "
        "https://postnl-bezorging.nl/betaal'. Ik heb betaald met mijn creditcard "
        "5105 1051 0510 5100.",
        [
            phone("06 12345678", "NL"),
            url("https://postnl-bezorging.nl/betaal"),
            card("5105 1051 0510 5100"),
        ],
        region="NL",
        note="Dutch parcel smishing; URL inside single quotes",
    )
    add(
        "report-it-whatsapp",
        "Messaggio WhatsApp dal +39 312 345 6789: «Ciao mamma, ho cambiato numero, puoi fare un "
        "bonifico istantaneo di 1.490 € a IT60 X054 2811 1010 0000 0123 456? Te li ridò "
        "domani».",
        [phone("+39 312 345 6789"), iban("IT60 X054 2811 1010 0000 0123 456")],
        region="IT",
        note="Italian 'Hi mum' scam",
    )
    add(
        "report-zh-no-spaces",
        "受害人报告：对方自称客服，电话+44 20 7946 0958，网址：https://crypto-invest-pro.io/register。"
        "转账至USDT地址0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed。",
        [
            phone("+44 20 7946 0958"),
            url("https://crypto-invest-pro.io/register"),
            ethereum("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
        ],
        note="Chinese text without spaces: values directly next to CJK characters",
    )
    add(
        "markdown-analyst-note",
        "## Triage\n- **URL:** `hxxps://paypal-konto-sicherheit[.]com/login`\n"
        "- **Mule IBAN:** `DE89370400440532013000`\n- **Phone:** `+49 151 23456789`\n"
        "- *Status:* an Provider gemeldet",
        [
            url("https://paypal-konto-sicherheit.com/login", "defanged"),
            iban("DE89370400440532013000"),
            phone("+49 151 23456789"),
        ],
        note="markdown with bold labels and inline code",
    )
    add(
        "html-phishing-mail",
        "<p>Sehr geehrter Kunde,</p><p>bitte bestätigen Sie Ihre Daten unter "
        '<a href="https://sparkasse-kundenservice.info/verify?u=88">https://www.sparkasse.de</a>'
        ".</p>",
        [url("https://sparkasse-kundenservice.info/verify?u=88"), url("https://www.sparkasse.de")],
        [no("url", "https://www.sparkasse.de</a>.</p>")],
        note="HTML mail: href target and the shown text are different URLs",
    )
    add(
        "json-ticket",
        '{"ticket": 4471, "reporter_phone": "+48 512 345 678", '
        '"iban": "PL61109010140000071219812874", '
        '"wallet": "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "ip": "2a01:4f8:c17:b8f::2"}',
        [
            phone("+48 512 345 678"),
            iban("PL61109010140000071219812874"),
            bitcoin("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
            ip("2a01:4f8:c17:b8f::2"),
        ],
        note="JSON values",
    )
    add(
        "csv-bank-export",
        "datum;betrag;empfaenger_iban;verwendungszweck\n"
        "2024-03-14;2450,00;LT121000011101001000;INVEST 4471\n"
        "2024-03-15;980,00;DE02120300000000202051;Gebuehr",
        [iban("LT121000011101001000"), iban("DE02120300000000202051")],
        [none_of("phone-number"), none_of("payment-card")],
        region="DE",
        note="bank CSV export",
    )
    add(
        "report-fr-impots",
        "Courriel reçu de «DGFiP» <remboursement@impots-gouv-remboursement.fr> : « Vous avez "
        "droit à un remboursement de 312,40 €. Cliquez ici : "
        "https://impots-gouv-remboursement.fr/espace?id=FR-2024-8812 ». Numéro de dossier : "
        "2024-DG-88120.",
        [
            email("remboursement@impots-gouv-remboursement.fr"),
            url("https://impots-gouv-remboursement.fr/espace?id=FR-2024-8812"),
        ],
        [none_of("phone-number")],
        region="FR",
        note="French tax-refund phishing",
    )
    de_shop = make_iban("DE", "760100850123456789")
    add(
        "report-de-fake-shop",
        "Ich habe bei www.billig-handys24.de ein iPhone bestellt (Bestellnummer 100234987) und "
        f"per Vorkasse 899 € an {stdnum_iban.format(de_shop)} gezahlt. Der Shop antwortet nicht "
        "mehr, das Impressum nennt info@billig-handys24.de und Tel. 0171 2345678.",
        [
            domain("www.billig-handys24.de"),
            iban(stdnum_iban.format(de_shop)),
            email("info@billig-handys24.de"),
            phone("0171 2345678", "DE"),
        ],
        [no("phone-number", "+49100234987")],
        region="DE",
        note="fake-shop report; the order number is not a phone number",
    )
    add(
        "report-gb-invoice-redirection",
        "Supplier 'ACME Ltd' emailed from accounts@acme-ltd-invoices.co.uk saying their bank "
        "changed. New details: sort code 60-16-13, account 31926819, IBAN GB29 NWBK 6016 1331 "
        "9268 19. Call-back number given: 020 7946 0958 (not the number on file).",
        [
            email("accounts@acme-ltd-invoices.co.uk"),
            iban("GB29 NWBK 6016 1331 9268 19"),
            phone("020 7946 0958", "GB"),
        ],
        [
            no("phone-number", "+4431926819"),
            no("phone-number", "+44601613"),
            no("phone-number", "+441331926819"),
        ],
        region="GB",
        note="invoice redirection; sort code and account number are not phone numbers",
    )
    add(
        "report-gr-parcel",
        "Μήνυμα: «Το δέμα σας περιμένει, πληρώστε 1,20 € στο https://elta-dema.gr/pay». Μετά με "
        "πήραν τηλέφωνο από το +30 21 0123 4567.",
        [url("https://elta-dema.gr/pay"), phone("+30 21 0123 4567")],
        region="GR",
        note="Greek parcel smishing with guillemets",
    )
    add(
        "log-sshd",
        "Mar 15 03:12:44 srv01 sshd[2211]: Failed password for root from 185.220.101.47 port "
        "51515 ssh2\nMar 15 03:12:46 srv01 sshd[2211]: Accepted password for admin from "
        "2a01:4f8:c17:b8f::2 port 40022 ssh2",
        [ip("185.220.101.47"), ip("2a01:4f8:c17:b8f::2")],
        [none_of("phone-number")],
        note="sshd log; clock times are not IPv6",
    )
    add(
        "chat-telegram-ukrainian",
        "[12:41] Оператор: Для розблокування переведіть 4 999 грн на картку 5555 5555 5555 4444\n"
        "[12:42] Оператор: або USDT (ERC-20): 0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        [card("5555 5555 5555 4444"), ethereum("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")],
        [none_of("phone-number")],
        region="UA",
        note="Ukrainian chat log with a card and a wallet",
    )
    add(
        "report-de-tech-support",
        "Ein Pop-up meldete „Ihr PC ist gesperrt – rufen Sie Microsoft an: 0800 123 4567“. Der "
        "Mitarbeiter ließ mich TeamViewer von teamviewer-download.com installieren "
        "(ID 1 234 567 890).",
        [phone("0800 123 4567", "DE"), domain("teamviewer-download.com")],
        [no("phone-number", "+491234567890")],
        region="DE",
        note="German tech-support scam; the remote-control ID is not a phone number",
    )
    add(
        "report-ddos-en",
        "DDoS against our portal. Top sources: 203.0.113.9, 198.51.100.77, 2001:db8::25. "
        "Vector: HTTP/2 rapid reset (CVE-2023-44487). Our network: AS64511.",
        [
            ip("203.0.113.9"),
            ip("198.51.100.77"),
            ip("2001:db8::25"),
            cve("CVE-2023-44487"),
            asn("AS64511"),
        ],
        note="DDoS report from a company",
    )
    md5_inps = sample_hash("md5", "Rimborso_INPS.pdf.exe")
    add(
        "cert-note-it",
        "Campagna phishing a tema INPS: dominio inps-rimborso.it, IP 91.92.240.18, mittente "
        f"rimborsi@inps-rimborso.it, allegato Rimborso_INPS.pdf.exe (MD5 {md5_inps}).",
        [
            domain("inps-rimborso.it"),
            ip("91.92.240.18"),
            email("rimborsi@inps-rimborso.it"),
            file_hash(md5_inps),
        ],
        [not_domain("pdf.exe"), not_domain("rimborso_inps.pdf.exe")],
        note="Italian CERT note",
    )
    add(
        "report-pl-inpost-sms",
        "SMS od „InPost”: Twoja paczka czeka, dopłać 1,99 zł: inpost-doplata.pl/p/8812. "
        "Nadawca: +48 600 100 200.",
        [url("inpost-doplata.pl/p/8812"), phone("+48 600 100 200")],
        region="PL",
        note="Polish smishing with a schemeless URL",
    )
    vk_card = "4276 1234 5678 9014"
    add(
        "report-ru-vk-card",
        f"В VK написали от имени друга: «займи 5000 до завтра, вот карта {vk_card}». Это был "
        "взломанный аккаунт.",
        [card(vk_card)],
        [none_of("phone-number")],
        region="RU",
        note="Russian account-takeover scam with a card number in guillemets",
    )
    add(
        "report-de-defanged-mixed",
        "Analyse: Die Mail kam von buchhaltung[at]firma-rechnung24[.]de, der Link zeigte auf "
        "hxxp://files-cdn[.]click/Rechnung_2024.pdf.exe, Server 91.92.240[.]18.",
        [
            email("buchhaltung@firma-rechnung24.de", "defanged"),
            url("http://files-cdn.click/Rechnung_2024.pdf.exe", "defanged"),
            ip("91.92.240.18", "defanged"),
        ],
        [not_domain("pdf.exe")],
        note="several defanged indicators in one German analysis",
    )


def review() -> None:
    """Print what a naive phone matcher finds beyond the expectations, for a human to judge.

    Not part of the corpus: a help when writing entries, so that every number in a text is
    either expected, rejected, or knowingly left open.
    """
    for entry in ENTRIES:
        expected = {e.get("value") for e in entry["expect"]}
        rejected = {r["value"] for r in entry["reject"] if r["type"] == "phone-number"}
        if "*" in rejected:
            continue
        matcher = phonenumbers.PhoneNumberMatcher(
            entry["text"], entry.get("region"), leniency=phonenumbers.Leniency.POSSIBLE
        )
        for match in matcher:
            value = phonenumbers.format_number(match.number, 0)
            if value not in expected and value not in rejected:
                print(f"open: {entry['id']}: {match.raw_string!r} -> {value}")


def main() -> None:
    """Build every entry, check the whole corpus and write it."""
    for build in (
        urls, defanged, domains, not_domains, ip_addresses, emails, phones, not_phones,
        banking, cards, crypto, hashes, identifiers, reports,
    ):  # fmt: skip
        build()
    if "--review" in sys.argv:
        review()
    with OUT.open("w", encoding="utf-8") as out:
        for entry in ENTRIES:
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
    expected = Counter(e["type"] for entry in ENTRIES for e in entry["expect"])
    rejected = Counter(r["type"] for entry in ENTRIES for r in entry["reject"])
    entries = Counter(t for entry in ENTRIES for t in {e["type"] for e in entry["expect"]})
    print(f"{len(ENTRIES)} entries written to {OUT}")
    print(f"{'type':<14}{'entries':>8}{'expect':>8}{'reject':>8}")
    for kind in sorted(TYPES | {"*"}):
        print(f"{kind:<14}{entries[kind]:>8}{expected[kind]:>8}{rejected[kind]:>8}")


if __name__ == "__main__":
    main()
