# ruff: noqa: RUF001 - the report texts are multilingual on purpose
"""Benchmark the observable engine against iocextract and ioc-finder.

Generates a reproducible corpus of report-like text (narratives in six languages with
identifiers of every type embedded, some defanged, and near-misses that must not match),
runs crex, iocextract and ioc-finder on it in one run, and prints throughput (MB/s), crex's
ratio to each peer, peak memory, and recall/precision of each tool on the identifiers the
generator embedded (only on the types each tool claims to find).

    python bench/extract.py                 # 10 MB corpus, peers on a 2 MB slice,
                                            # every tool fed pieces of ~64 kB
    python bench/extract.py --size-mb 20 --peer-mb 10 --seed 7
    python bench/extract.py --write corpus.txt --no-peers
    python bench/extract.py --no-peers --no-prescan   # crex without Hyperscan

The peers need the ``bench`` extra: ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import random
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import phonenumbers
from Crypto.Hash import keccak
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.iso7064 import mod_97_10

from crex.core.observables import (
    InvalidObservable,
    Observable,
    clear_caches,
    extract,
    normalise,
    scanner,
)
from crex.core.observables.crypto import eip55

SECRET = b"bench card key"

# ---------------------------------------------------------------------------------------
# Identifier generators: each returns (text as written, [(type, canonical value), ...]).
# ---------------------------------------------------------------------------------------

WORDS = [
    "secure",
    "login",
    "account",
    "verify",
    "update",
    "paypal",
    "bank",
    "post",
    "parcel",
    "delivery",
    "support",
    "wallet",
    "crypto",
    "invest",
    "profit",
    "shop",
    "outlet",
    "fashion",
    "rent",
    "flat",
    "holiday",
    "ticket",
    "tax",
    "refund",
    "office",
    "service",
    "portal",
    "client",
    "help",
    "mail",
    "cloud",
    "drive",
    "photo",
    "gallery",
    "news",
    "promo",
    "bonus",
    "prize",
    "sparkasse",
    "volksbank",
    "poczta",
    "allegro",
    "laposte",
    "impots",
    "ameli",
    "ebay",
    "amazon",
    "dhl",
    "gls",
]
SUFFIXES = [
    "com",
    "net",
    "org",
    "de",
    "fr",
    "pl",
    "gr",
    "ru",
    "nl",
    "be",
    "at",
    "ch",
    "it",
    "es",
    "eu",
    "info",
    "io",
    "co.uk",
    "com.pl",
    "org.pl",
    "co.at",
    "gov.pl",
    "online",
    "shop",
    "xyz",
    "top",
    "site",
]
IDN_HOSTS = ("bücher", "münchen-bank", "zürich-pay", "société", "płatność", "почта", "τράπεζα")
TLS_PATHS = ("login", "verify", "account/update", "pay", "checkout", "de/konto", "fr/compte")
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
PHONE_REGIONS = ("DE", "FR", "PL", "GR", "NL", "BE", "AT", "GB", "ES", "IT", "UA")
IBAN_COUNTRIES = {
    "DE": "370400440532013000",
    "GB": "NWBK60161331926819",
    "NL": "ABNA0417164300",
    "PL": "109010140000071219812874",
    "CH": "00762011623852957",
    "LU": "0019400644750000",
    "AT": "1904300234573201",
}
Truth = list[tuple[str, str]]


def _label(rng: random.Random) -> str:
    first, second = rng.sample(WORDS, 2)
    return f"{first}-{second}{rng.randint(1, 999)}" if rng.random() < 0.6 else first + second


def _domain(rng: random.Random) -> str:
    host = _label(rng) + "." + rng.choice(SUFFIXES)
    if rng.random() < 0.25:
        host = rng.choice(("www", "login", "secure", "m")) + "." + host
    return host


def _defang_host(rng: random.Random, host: str) -> str:
    style = rng.choice(("[.]", "(.)", "{.}", "[dot]", " dot "))
    if style == " dot ":
        return host.replace(".", " dot ")
    return host.replace(".", style)


def _registrable(host: str) -> str:
    return normalise("domain-name", host).value


def gen_domain(rng: random.Random) -> tuple[str, Truth]:
    """A bare domain, sometimes defanged or internationalised."""
    if rng.random() < 0.1:
        host = rng.choice(IDN_HOSTS) + "." + rng.choice(("de", "fr", "pl", "gr", "com"))
    else:
        host = _domain(rng)
    written = _defang_host(rng, host) if rng.random() < 0.3 else host
    return written, [("domain-name", _registrable(host))]


def gen_url(rng: random.Random) -> tuple[str, Truth]:
    """A URL with a path and a query, sometimes defanged, sometimes without scheme."""
    host = _domain(rng)
    path = rng.choice(TLS_PATHS)
    if rng.random() < 0.3:
        path += f"?id={rng.randint(1000, 99999)}&ref=sms"
    scheme = rng.choice(("http", "https", "https"))
    plain = f"{scheme}://{host}/{path}"
    roll = rng.random()
    if roll < 0.25:
        host_written = _defang_host(rng, host).replace(" dot ", "[.]")
        written = f"{scheme.replace('tt', 'xx')}://{host_written}/{path}"
    elif roll < 0.35:
        plain = f"http://{host}/{path}"
        written = f"{host}/{path}"
    else:
        written = plain
    return written, [("url", normalise("url", plain).value), ("domain-name", host.lower())]


def gen_ipv4(rng: random.Random) -> tuple[str, Truth]:
    """A public (or sometimes private) IPv4 address, sometimes defanged."""
    if rng.random() < 0.15:
        ip = f"192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    else:
        octets = (
            rng.randint(11, 223),
            rng.randint(0, 255),
            rng.randint(0, 255),
            rng.randint(1, 254),
        )
        ip = ".".join(map(str, octets))
    written = ip.replace(".", "[.]", rng.choice((1, 3))) if rng.random() < 0.2 else ip
    return written, [("ipv4-addr", ip)]


def gen_ipv6(rng: random.Random) -> tuple[str, Truth]:
    """A global IPv6 address, written compressed or in full."""
    groups = [f"{rng.randint(0, 0xFFFF):x}" for _ in range(8)]
    groups[0] = f"2{rng.randint(0, 0xFFF):03x}"
    if rng.random() < 0.5:
        groups[4:7] = ["0", "0", "0"]
    text = ":".join(groups)
    canonical = normalise("ipv6-addr", text).value
    return rng.choice((text, canonical)), [("ipv6-addr", canonical)]


def gen_email(rng: random.Random) -> tuple[str, Truth]:
    """An e-mail address, sometimes defanged."""
    local = rng.choice(("info", "support", "j.kowalski", "m.dupont", "kontakt", "noreply"))
    local += str(rng.randint(1, 99)) if rng.random() < 0.5 else ""
    host = _domain(rng)
    plain = f"{local}@{host}"
    if rng.random() < 0.25:
        at = rng.choice(("[at]", "(at)", "[@]"))
        written = f"{local}{at}{_defang_host(rng, host).replace(' dot ', '[.]')}"
    else:
        written = plain
    return written, [("email-addr", plain.lower()), ("domain-name", host.lower())]


def gen_phone(rng: random.Random) -> tuple[str, Truth]:
    """A valid mobile or fixed-line number in international format."""
    region = rng.choice(PHONE_REGIONS)
    kind = rng.choice(
        (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE)
    )
    example = phonenumbers.example_number_for_type(region, kind)
    assert example is not None
    national = str(example.national_number)
    for _ in range(20):
        digits = national[:-3] + f"{rng.randint(0, 999):03d}"
        number = phonenumbers.parse(f"+{example.country_code}{digits}")
        if phonenumbers.is_valid_number(number):
            break
    else:
        number = example
    fmt = rng.choice(
        (phonenumbers.PhoneNumberFormat.INTERNATIONAL, phonenumbers.PhoneNumberFormat.E164)
    )
    written = phonenumbers.format_number(number, fmt)
    if rng.random() < 0.2:
        written = "00" + written.removeprefix("+")
    return written, [
        ("phone-number", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    ]


def gen_iban(rng: random.Random) -> tuple[str, Truth]:
    """A checksum-valid IBAN, grouped by four or compact."""
    country, template = rng.choice(sorted(IBAN_COUNTRIES.items()))
    bban = "".join(str(rng.randint(0, 9)) if c.isdigit() else c for c in template)
    check = mod_97_10.calc_check_digits(bban + country)
    number = country + check + bban
    assert stdnum_iban.is_valid(number)
    written = stdnum_iban.format(number) if rng.random() < 0.6 else number
    return written, [("iban", number)]


def gen_card(rng: random.Random) -> tuple[str, Truth]:
    """A Luhn-valid Visa or Mastercard number in groups of four."""
    prefix = rng.choice(("4", "51", "52", "53", "54", "55"))
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(15 - len(prefix)))
    number = body + luhn.calc_check_digit(body)
    written = " ".join(number[i : i + 4] for i in range(0, 16, 4)) if rng.random() < 0.7 else number
    return written, [("payment-card", normalise("payment-card", number, card_secret=SECRET).value)]


def _b58encode(data: bytes) -> str:
    value = int.from_bytes(data, "big")
    out = ""
    while value:
        value, rem = divmod(value, 58)
        out = BASE58[rem] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def _bech32_encode(version: int, program: bytes) -> str:
    from stdnum.bitcoin import bech32_checksum

    acc, bits, data = 0, 0, [version]
    for byte in program:
        acc, bits = (acc << 8) | byte, bits + 8
        while bits >= 5:
            bits -= 5
            data.append((acc >> bits) & 31)
    if bits:
        data.append((acc << (5 - bits)) & 31)
    const = 1 if version == 0 else 0x2BC830A3
    polymod = bech32_checksum([3, 3, 0, 2, 3, *data, 0, 0, 0, 0, 0, 0]) ^ const
    data += [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return "bc1" + "".join(BECH32[d] for d in data)


def gen_bitcoin(rng: random.Random) -> tuple[str, Truth]:
    """A legacy (base58check) or segwit (bech32/bech32m) bitcoin address."""
    roll = rng.random()
    if roll < 0.5:
        payload = bytes([rng.choice((0, 5))]) + rng.randbytes(20)
        check = hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
        address = _b58encode(payload + check)
    elif roll < 0.8:
        address = _bech32_encode(0, rng.randbytes(20))
    else:
        address = _bech32_encode(1, rng.randbytes(32))
    return address, [("bitcoin", address)]


def gen_ethereum(rng: random.Random) -> tuple[str, Truth]:
    """An Ethereum address, lower-case or EIP-55 checksummed."""
    hex_value = rng.randbytes(20).hex()
    written = eip55(hex_value) if rng.random() < 0.6 else "0x" + hex_value
    return written, [("ethereum", "0x" + hex_value)]


def _monero_b58(data: bytes) -> str:
    sizes = {8: 11, 5: 7}
    out = ""
    for i in range(0, len(data), 8):
        block = data[i : i + 8]
        value = int.from_bytes(block, "big")
        chunk = ""
        while value:
            value, rem = divmod(value, 58)
            chunk = BASE58[rem] + chunk
        out += chunk.rjust(sizes[len(block)], "1")
    return out


def gen_monero(rng: random.Random) -> tuple[str, Truth]:
    """A standard Monero address with a valid Keccak checksum."""
    payload = bytes([18]) + rng.randbytes(64)
    check = keccak.new(digest_bits=256, data=payload).digest()[:4]
    address = _monero_b58(payload + check)
    return address, [("monero", address)]


def gen_hash(rng: random.Random) -> tuple[str, Truth]:
    """An MD5, SHA-1, SHA-256 or SHA-512 of random bytes."""
    name = rng.choice(("md5", "sha1", "sha256", "sha512"))
    value = hashlib.new(name, rng.randbytes(16)).hexdigest()
    return (value.upper() if rng.random() < 0.1 else value), [(name, value)]


def gen_cve(rng: random.Random) -> tuple[str, Truth]:
    """A CVE identifier."""
    value = f"CVE-{rng.randint(2010, 2025)}-{rng.randint(1000, 49999)}"
    return value, [("cve", value)]


def gen_asn(rng: random.Random) -> tuple[str, Truth]:
    """An autonomous system number."""
    value = f"AS{rng.randint(1000, 400000)}"
    return value, [("asn", value)]


GENERATORS: tuple[tuple[Callable[[random.Random], tuple[str, Truth]], int], ...] = (
    (gen_url, 16),
    (gen_domain, 10),
    (gen_ipv4, 10),
    (gen_ipv6, 3),
    (gen_email, 10),
    (gen_phone, 8),
    (gen_iban, 6),
    (gen_card, 3),
    (gen_bitcoin, 4),
    (gen_ethereum, 3),
    (gen_monero, 2),
    (gen_hash, 8),
    (gen_cve, 2),
    (gen_asn, 2),
)

# ---------------------------------------------------------------------------------------
# Report-like text: sentences with one identifier, and sentences with near-misses only.
# ---------------------------------------------------------------------------------------

WITH_IDENTIFIER = (
    "I received a message asking me to log in at {x} to unblock my account.",
    "The seller asked me to pay to {x} and then stopped answering.",
    "After the call I noticed a transfer; the fraudster used {x}, as far as I know.",
    "Ich habe eine SMS bekommen, dass mein Paket unter {x} wartet – angeblich von der Post.",
    "Der Verkäufer nannte mir „{x}“ als Kontakt, danach war er nicht mehr erreichbar.",
    "On m’a demandé de confirmer mes coordonnées sur « {x} » avant minuit.",
    "J’ai reçu un courriel de {x} ; il prétendait venir de ma banque.",
    "Dostałem SMS-a z linkiem {x}, w którym proszono o dopłatę 1,99 zł.",
    "Sprzedawca podał numer „{x}” i zniknął po otrzymaniu przelewu.",
    "Έλαβα μήνυμα που με παρέπεμπε στο {x} για να «επιβεβαιώσω» τα στοιχεία μου.",
    "Мне позвонили и попросили перевести деньги на {x} — «для безопасности».",
    "Письмо пришло с адреса {x}, ссылка вела на поддельный сайт.",
    "Log excerpt: connection from {x} at 03:14 UTC (blocked).",
    "The attachment had hash {x}; our antivirus flagged it.",
    "Please check {x}. It is the same actor as last week.",
)
WITHOUT_IDENTIFIER = (
    "This happened on 12.03.2024 at 14:30, I lost 1.234,56 EUR in total.",
    "They told me to install version 1.2.3.4 of the app and then version 10.0.19045.",
    "The invoice.pdf and setup.exe files were attached to the e-mail.",
    "My order number was 1002003004005 and the tracking code 3S1234567890.",
    "Ich habe am 3.5.2023 um 9.45 Uhr 250,00 € überwiesen (Rechnung Nr. 2023-00017).",
    "Le colis n° 8812 7731 0045 n’est jamais arrivé ; j’ai payé 49,90 € le 02/11/2023.",
    "Zamówienie nr 123456789 z dnia 01.02.2024 – kwota 2 499,00 zł.",
    "Την Τρίτη 5/6 πλήρωσα 300 ευρώ και δεν έλαβα τίποτα.",
    "Я заплатил 15 000 рублей 3 марта, заказ № 4455-6677.",
    "The build ID was 3f2a9c1 and the report file was report_final.docx.",
    "Nothing else happened; I changed my passwords the same evening.",
    "Reference: ticket #A-2024-55123, case handled by the help desk.",
)


@dataclass
class Corpus:
    """Generated text, and what was embedded in each of its chunks."""

    text: str
    truth: set[tuple[str, str]] = field(default_factory=set)
    # (end offset of a chunk, truth so far) to score a slice
    checkpoints: list[tuple[int, int]] = field(default_factory=list)
    truth_list: list[tuple[str, str]] = field(default_factory=list)

    def truth_up_to(self, end: int) -> set[tuple[str, str]]:
        """The identifiers embedded in ``text[:end]`` (``end`` a chunk boundary)."""
        count = 0
        for offset, seen in self.checkpoints:
            if offset > end:
                break
            count = seen
        return set(self.truth_list[:count])


def generate(size_bytes: int, seed: int) -> Corpus:
    """A reproducible corpus of at least ``size_bytes`` UTF-8 bytes of report-like text."""
    rng = random.Random(seed)
    generators = [g for g, weight in GENERATORS for _ in range(weight)]
    parts: list[str] = []
    truth_list: list[tuple[str, str]] = []
    checkpoints: list[tuple[int, int]] = []
    length = 0
    produced = 0
    while produced < size_bytes:
        paragraph: list[str] = []
        for _ in range(rng.randint(3, 7)):
            if rng.random() < 0.55:
                written, truth = rng.choice(generators)(rng)
                paragraph.append(rng.choice(WITH_IDENTIFIER).replace("{x}", written))
                truth_list.extend(truth)
            else:
                paragraph.append(rng.choice(WITHOUT_IDENTIFIER))
        chunk = " ".join(paragraph) + "\n\n"
        parts.append(chunk)
        length += len(chunk)
        produced += len(chunk.encode())
        checkpoints.append((length, len(truth_list)))
    return Corpus("".join(parts), set(truth_list), checkpoints, truth_list)


# ---------------------------------------------------------------------------------------
# The tools, each returning a set of (type, canonical value).
# ---------------------------------------------------------------------------------------


def _canonical(kind: str, value: str) -> tuple[str, str]:
    try:
        return kind, normalise(kind, value, card_secret=SECRET).value
    except InvalidObservable:
        return kind, value


def run_crex(text: str) -> list[Observable]:
    """crex's engine."""
    return extract(text, card_secret=SECRET)


def crex_pairs(found: list[Observable]) -> set[tuple[str, str]]:
    """crex's results as (type, canonical value)."""
    return {(o.type.value, o.value) for o in found}


def run_iocextract(text: str) -> dict[str, list[str]]:
    """iocextract with refanging, as its documentation suggests."""
    import iocextract

    return {
        "url": list(iocextract.extract_urls(text, refang=True)),
        "ipv4-addr": list(iocextract.extract_ipv4s(text, refang=True)),
        "ipv6-addr": list(iocextract.extract_ipv6s(text)),
        "email-addr": list(iocextract.extract_emails(text, refang=True)),
        "md5": list(iocextract.extract_md5_hashes(text)),
        "sha1": list(iocextract.extract_sha1_hashes(text)),
        "sha256": list(iocextract.extract_sha256_hashes(text)),
        "sha512": list(iocextract.extract_sha512_hashes(text)),
        "phone-number": list(iocextract.extract_telephone_nums(text)),
    }


def iocextract_pairs(found: dict[str, list[str]]) -> set[tuple[str, str]]:
    """iocextract's results as (type, canonical value)."""
    return {_canonical(kind, value) for kind, values in found.items() for value in values}


IOC_FINDER_KEYS = {
    "urls": "url",
    "domains": "domain-name",
    "ipv4s": "ipv4-addr",
    "ipv6s": "ipv6-addr",
    "email_addresses": "email-addr",
    "phone_numbers": "phone-number",
    "md5s": "md5",
    "sha1s": "sha1",
    "sha256s": "sha256",
    "sha512s": "sha512",
    "bitcoin_addresses": "bitcoin",
    "monero_addresses": "monero",
    "cves": "cve",
    "asns": "asn",
}


def run_ioc_finder(text: str) -> dict[str, Any]:
    """ioc-finder's ``find_iocs`` with its defaults."""
    from ioc_finder import find_iocs

    return find_iocs(text)


def ioc_finder_pairs(found: dict[str, Any]) -> set[tuple[str, str]]:
    """ioc-finder's results as (type, canonical value)."""
    pairs: set[tuple[str, str]] = set()
    for key, values in found.items():
        kind = IOC_FINDER_KEYS.get(key)
        if kind and isinstance(values, Iterable):
            pairs |= {_canonical(kind, str(v)) for v in values}
    return pairs


@dataclass(frozen=True)
class Tool:
    """A tool under test: how to run it on a text, how to read what it returns."""

    run: Callable[[str], Any]
    pairs: Callable[[Any], set[tuple[str, str]]]
    reset: Callable[[], None] = lambda: None


TOOLS = {
    "crex": Tool(run_crex, crex_pairs, clear_caches),
    "iocextract": Tool(run_iocextract, iocextract_pairs),
    "ioc-finder": Tool(run_ioc_finder, ioc_finder_pairs),
}


TOOL_TYPES = {
    "crex": None,
    "iocextract": {
        "url",
        "ipv4-addr",
        "ipv6-addr",
        "email-addr",
        "md5",
        "sha1",
        "sha256",
        "sha512",
        "phone-number",
    },
    "ioc-finder": set(IOC_FINDER_KEYS.values()),
}


def chunks(text: str, size: int) -> list[str]:
    """``text`` cut at paragraph ends into pieces of about ``size`` characters (0: whole).

    Each piece stands for one incoming report or message; iocextract's IPv4 and e-mail
    searches take time quadratic in the length of their input, so a 2 MB text in one
    call would take it many minutes (and no platform hands it a 2 MB string).
    """
    if not size:
        return [text]
    pieces, start = [], 0
    while start < len(text):
        end = text.find("\n\n", start + size)
        end = len(text) if end < 0 else end + 2
        pieces.append(text[start:end])
        start = end
    return pieces


@dataclass
class Result:
    """One tool's run: speed, memory and accuracy."""

    name: str
    megabytes: float
    seconds: float
    peak_mb: float
    precision: float
    recall: float

    @property
    def mb_per_s(self) -> float:
        """Throughput in MB (10^6 bytes of UTF-8) per second."""
        return self.megabytes / self.seconds


def measure(
    name: str,
    pieces: list[str],
    truth: set[tuple[str, str]],
    *,
    warm_up: str = "",
    memory: bool = False,
    repeat: int = 1,
) -> Result:
    """Run tool ``name`` over ``pieces``, timed, ``repeat`` times (the best time counts, as
    with timeit: the others measured interference too); then score it against ``truth``.

    Only the tool's own work is timed: reading its results into (type, canonical value)
    pairs for scoring happens afterwards. Remembered values are forgotten before each
    run and ``warm_up`` (text unlike the measured one) is run untimed, so that one-off
    loading of data tables and compiling of patterns is not counted, and no run profits
    from values an earlier run has seen.
    """
    tool = TOOLS[name]
    types = TOOL_TYPES[name]
    seconds = float("inf")
    for _ in range(repeat):
        tool.reset()
        if warm_up:
            tool.run(warm_up)
        outputs = []
        gc.collect()
        gc.disable()  # as timeit does: the collector's pauses depend on what else is alive
        try:
            start = time.perf_counter()
            for piece in pieces:
                outputs.append(tool.run(piece))
            seconds = min(seconds, time.perf_counter() - start)
        finally:
            gc.enable()
    found: set[tuple[str, str]] = set()
    for output in outputs:
        found |= tool.pairs(output)
    peak = 0.0
    if memory:
        tool.reset()
        tracemalloc.start()
        for piece in pieces:
            tool.run(piece)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    if types is not None:
        found = {f for f in found if f[0] in types}
        truth = {t for t in truth if t[0] in types}
    hits = len(found & truth)
    return Result(
        name,
        sum(len(piece.encode()) for piece in pieces) / 1e6,
        seconds,
        peak,
        hits / len(found) if found else 0.0,
        hits / len(truth) if truth else 0.0,
    )


def main(argv: list[str] | None = None) -> int:
    """Parse the options, generate the corpus, run the tools and print the table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--size-mb", type=float, default=10.0, help="corpus size for crex (default 10)"
    )
    parser.add_argument(
        "--peer-mb",
        type=float,
        default=2.0,
        help="slice for the peers, which are slow (default 2; 0 = whole corpus)",
    )
    parser.add_argument(
        "--chunk-kb",
        type=int,
        default=64,
        help="hand each tool the text in pieces of about this size, as reports arrive "
        "(default 64; 0 = one call on the whole text)",
    )
    parser.add_argument("--seed", type=int, default=20240501, help="random seed (default fixed)")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="time each tool this many times and keep its best (default 3)",
    )
    parser.add_argument("--no-peers", action="store_true", help="run crex only")
    parser.add_argument(
        "--memory",
        action="store_true",
        help="also measure crex's peak Python memory (a second, traced run)",
    )
    parser.add_argument(
        "--no-prescan",
        action="store_true",
        help="run crex without its Hyperscan pre-scan (the pure-re path)",
    )
    parser.add_argument("--write", metavar="PATH", help="write the generated corpus to PATH")
    args = parser.parse_args(argv)
    if args.no_prescan:
        scanner.hyperscan = None

    corpus = generate(int(args.size_mb * 1e6), args.seed)
    if args.write:
        with open(args.write, "w", encoding="utf-8") as handle:
            handle.write(corpus.text)
    print(
        f"corpus: {len(corpus.text.encode()) / 1e6:.1f} MB, {len(corpus.truth_list)} embedded "
        f"identifiers ({len(corpus.truth)} distinct), seed {args.seed}; "
        + (
            f"tools get pieces of ~{args.chunk_kb} kB"
            if args.chunk_kb
            else "tools get the whole text"
        )
    )
    print(
        f"crex pre-scan: {'Hyperscan' if scanner.available() else 'none (re only)'}; "
        f"one process, one core; each tool timed {args.repeat}x, best counts"
    )
    warm_up = generate(100_000, args.seed + 1).text  # same kind of text, other values
    size = args.chunk_kb * 1000
    results = [
        measure(
            "crex",
            chunks(corpus.text, size),
            corpus.truth,
            warm_up=warm_up,
            memory=args.memory,
            repeat=args.repeat,
        )
    ]
    if not args.no_peers:
        end = len(corpus.text)
        if args.peer_mb:
            end = next(
                (
                    o
                    for o, _ in corpus.checkpoints
                    if len(corpus.text[:o].encode()) >= args.peer_mb * 1e6
                ),
                end,
            )
        sample = corpus.text[:end]
        truth = corpus.truth_up_to(end)
        print(
            f"peers run on the first {len(sample.encode()) / 1e6:.1f} MB (they are slow); "
            "crex is timed on the same slice too"
        )
        pieces = chunks(sample, size)
        results.append(measure("crex", pieces, truth, warm_up=warm_up, repeat=args.repeat))
        results[-1].name = "crex (slice)"
        # tracemalloc slows the peers many times over: their memory is not measured
        for peer in ("iocextract", "ioc-finder"):
            results.append(measure(peer, pieces, truth, warm_up=warm_up, repeat=args.repeat))
    print(
        f"{'tool':<14}{'MB':>7}{'s':>9}{'MB/s':>9}{'precision':>11}{'recall':>9}"
        + ("{:>10}".format("peak MB") if args.memory else "")
    )
    for r in results:
        line = (
            f"{r.name:<14}{r.megabytes:>7.1f}{r.seconds:>9.2f}{r.mb_per_s:>9.2f}"
            f"{r.precision:>11.3f}{r.recall:>9.3f}"
        )
        peak = f"{r.peak_mb:>10.1f}" if r.peak_mb else f"{'-':>10}"
        print(line + (peak if args.memory else ""))
    crex = results[0]
    for peer in results[2:]:
        print(
            f"crex / {peer.name}: {crex.mb_per_s / peer.mb_per_s:.1f}x throughput "
            f"({results[1].mb_per_s / peer.mb_per_s:.1f}x on the same slice)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
