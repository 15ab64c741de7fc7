"""Find every observable in free text: one scan for candidates, then validation.

`extract` runs the combined candidate pattern (`patterns.CANDIDATES`) over the text once;
each candidate is validated by the checker for its shape (public suffix, checksum, phone
metadata...) and only what passes is returned, in canonical form, with its span in the
original text and its flags. A URL also yields its host and an e-mail address its domain,
marked `Flag.DERIVED`.

This runs on every report, so the checkers are written for speed (see
``bench/extract.py``): they append to one list instead of yielding, and do the cheap
tests first.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

import phonenumbers
from stdnum import bic as stdnum_bic

from crex.core.observables.cards import card_brand, card_value
from crex.core.observables.crypto import bitcoin_address, ethereum_address, monero_address
from crex.core.observables.domains import Domain, is_file_like, parse_domain
from crex.core.observables.ibans import iban_value
from crex.core.observables.ips import (
    ipv4_flags,
    ipv6_flags,
    parse_ipv4,
    parse_ipv6,
    special_ipv6_flags,
)
from crex.core.observables.patterns import CANDIDATES
from crex.core.observables.refang import may_be_defanged, refang
from crex.core.observables.scanner import candidate_starts
from crex.core.observables.types import Flag, Observable, ObservableType

# Keep libphonenumber's compiled metadata patterns instead of leaving them to the re
# module's small cache, which the many patterns of a multi-country text keep emptying.
phonenumbers.enable_pattern_cache()

_DEFANGED = frozenset({Flag.DEFANGED})
_DERIVED = frozenset({Flag.DERIVED})
_DERIVED_DEFANGED = frozenset({Flag.DERIVED, Flag.DEFANGED})
_NO_FLAGS: frozenset[Flag] = frozenset()
_SCHEMES = frozenset({"http", "https", "ftp", "ftps"})
_PORT_DIGITS = re.compile(r"\d+")
_HASHES = {
    32: ObservableType.MD5,
    40: ObservableType.SHA1,
    64: ObservableType.SHA256,
    128: ObservableType.SHA512,
}
_HEX = frozenset("0123456789abcdefABCDEF")
_BASE58 = frozenset("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
# Words just before a dotted quad that make it a version number, not an address.
_VERSION_WORDS = (
    "version",
    "versión",
    "versione",
    "ver",
    "ver.",
    "v.",
    "build",
    "release",
    "firmware",
    "wersja",
    "wersji",
    "wersję",
    "версия",
    "версии",
    "έκδοση",
    "έκδ.",
)
# Words shortly before a national number (no + or 00) that make it a phone number...
_PHONE_BEFORE = re.compile(
    r"(?:tel|phone|call|rang|mobile|cell|handy|telefon|nummer|anruf|angerufen|rufen|whatsapp|"
    r"signal|sms|gebeld|bel |numer|dzwoni|téléphone|telephone|portable|appel|numéro|llam|"
    r"número|chiam|numero|τηλ|καλ|κινητ|αριθμ|тел|номер|звон|дзвон|моб)[^\d\n]{0,30}$",
    re.IGNORECASE,
)
# ...and words that make it some other number (order, customer, invoice, account...).
_NOT_PHONE_BEFORE = re.compile(
    r"(?:bestell|auftrag|kunden|kd\.|rechnung|vertrag|vorgang|aktenzeichen|sendung|tracking|"
    r"order|invoice|customer|account|ticket|reference|\bid\b|code|kod|pin\b|konto|compte|cuenta|"
    r"conto|commande|dossier|facture|zamówie|referenc|transfer|λογαριασμ|παραγγελ|сч[её]т|"
    r"рахун|заказ|замовлен|iban|№|n°|#)[^\d\n]{0,20}$",
    re.IGNORECASE,
)
# Dates, times and amounts are not phone numbers, however they are grouped.
_NOT_PHONE_SHAPE = re.compile(
    r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,3}(?:\.\d{3})+(?:,\d+)?$"
)
_URL_TRAILING = ".,;:!?…'\"*"
_CLOSING = {")": "(", "]": "[", "}": "{", ">": "<"}
_STOPWORDS_BEFORE_DOT = frozenset({"a", "the", "is", "at", "and", "or", "to", "of", "in", "on"})


@dataclass(frozen=True, slots=True)
class _Context:
    """What every checker may need besides the match, and the list it adds to."""

    text: str
    region: str | None
    card_secret: bytes
    found: list[Observable]


Checker = Callable[[re.Match[str], _Context], None]


def trim_url(url: str) -> str:
    """``url`` without trailing punctuation and unbalanced closing brackets or quotes.

    Balanced parentheses inside a path (``/wiki/Foo_(bar)``) are kept.
    """
    while url:
        last = url[-1]
        if last in _URL_TRAILING or (
            last in _CLOSING and url.count(last) > url.count(_CLOSING[last])
        ):
            url = url[:-1]
        else:
            break
    return url


def _host_observable(
    host_text: str, start: int, flags: frozenset[Flag], defangable: bool
) -> Observable | None:
    """The derived observable for a URL host at ``start``: a domain or an IP address.

    ``defangable`` is False when the URL is known to hold no defanging.
    """
    end = start + len(host_text)
    if host_text.startswith("["):
        host_text, start, end = host_text[1:-1], start + 1, end - 1
    plain = refang(host_text) if defangable else host_text
    if plain[:1].isdigit() or ":" in plain:
        ipv4 = parse_ipv4(plain)
        if ipv4 is not None:
            return Observable(ObservableType.IPV4, ipv4, ipv4, start, end, flags | ipv4_flags(ipv4))
        ipv6 = parse_ipv6(plain) if ":" in plain else None
        if ipv6 is not None:
            return Observable(ObservableType.IPV6, ipv6, ipv6, start, end, flags | ipv6_flags(ipv6))
    domain = parse_domain(plain)
    if domain is None:
        return None
    if plain != host_text:
        flags = flags | _DEFANGED
    return Observable(
        ObservableType.DOMAIN, domain.ascii, domain.display, start, end, flags, domain.registered
    )


def _url(
    written: str, start: int, host_start: int, host_text: str, found: list[Observable]
) -> None:
    """Add a URL (and its host) from what was written, if it reads as one.

    Gives the same canonical form as `normalise_url`, built from the parts the pattern
    found (urllib's split costs more than the rest of the check).
    """
    before, after = host_start - start, host_start - start + len(host_text)
    defangable = may_be_defanged(written)
    scheme_written = written[:before]
    scheme_text = refang(scheme_written) if defangable else scheme_written
    scheme = scheme_text.partition(":")[0].lower() if scheme_text else "http"
    if scheme not in _SCHEMES:
        return
    host = _host_observable(host_text, host_start, _DERIVED, defangable)
    if host is None:
        return
    rest_written = written[after:]
    rest = refang(rest_written) if defangable else rest_written
    port = ""
    if rest[:1] == ":":
        digits = _PORT_DIGITS.match(rest, 1)
        if digits is None or int(digits.group()) > 65535:
            return
        port = f":{int(digits.group())}" if int(digits.group()) else ""
        rest = rest[digits.end() :]
    path, _, query = rest.partition("#")[0].partition("?")
    tail = (path or "/") + ("?" + query if query else "")
    if host.type == ObservableType.IPV6:
        value = display = f"{scheme}://[{host.value}]{port}{tail}"
    else:
        value = f"{scheme}://{host.value}{port}{tail}"
        display = f"{scheme}://{host.display}{port}{tail}"
    defanged = scheme_text != scheme_written or rest_written != rest or Flag.DEFANGED in host.flags
    found.append(
        Observable(
            ObservableType.URL,
            value,
            display,
            start,
            start + len(written),
            _DEFANGED if defanged else _NO_FLAGS,
            host.registered_domain,
        )
    )
    found.append(host)


def _check_url(match: re.Match[str], ctx: _Context) -> None:
    written = trim_url(match["url"])
    if match.start() + len(written) >= match.end("uhost"):
        _url(written, match.start(), match.start("uhost"), match["uhost"], ctx.found)


def _bare_domain(written: str) -> tuple[Domain, bool] | None:
    """A domain written on its own, and whether it was defanged; None if it reads as a
    file name or a joined sentence."""
    plain = refang(written)
    domain = parse_domain(plain)
    if domain is None:
        return None
    if plain == written:
        last = written.rsplit(".", 1)[-1]
        if is_file_like(domain) or (len(last) > 2 and last.istitle() and not written.istitle()):
            return None
        return domain, False
    if " " in written.strip():
        first = written.split(" ", 1)[0].lower()
        if first in _STOPWORDS_BEFORE_DOT:
            return None
    return domain, True


def _check_host(match: re.Match[str], ctx: _Context) -> None:
    host_text = match["host"]
    bare = _bare_domain(host_text)
    if bare is None:
        return
    domain, defanged = bare
    start = match.start()
    if match["hpath"]:
        written = trim_url(match.group())
        if len(written) > len(host_text):
            _url(written, start, start, host_text, ctx.found)
            return
    flags = _DEFANGED if defanged else _NO_FLAGS
    ctx.found.append(
        Observable(
            ObservableType.DOMAIN,
            domain.ascii,
            domain.display,
            start,
            start + len(host_text),
            flags,
            domain.registered,
        )
    )


def _check_email(match: re.Match[str], ctx: _Context) -> None:
    local = match["local"]
    if local.endswith(".") or ".." in local:
        return
    host_text = match["ehost"]
    plain_host = refang(host_text)
    domain = parse_domain(plain_host)
    if domain is None:
        return
    start, end = match.span()
    host_defanged = plain_host != host_text
    # the local part cannot be defanged: only the @ and the domain can
    defanged = host_defanged or match.string[start + len(local)] != "@"
    local = local.lower()
    host_start = match.start("ehost")
    ctx.found.append(
        Observable(
            ObservableType.EMAIL,
            f"{local}@{domain.ascii}",
            f"{local}@{domain.display}",
            start,
            end,
            _DEFANGED if defanged else _NO_FLAGS,
            domain.registered,
        )
    )
    ctx.found.append(
        Observable(
            ObservableType.DOMAIN,
            domain.ascii,
            domain.display,
            host_start,
            host_start + len(host_text),
            _DERIVED_DEFANGED if host_defanged else _DERIVED,
            domain.registered,
        )
    )


def _after_version_word(text: str, start: int) -> bool:
    """Whether ``text[start:]`` follows "version", "build", "firmware"... (and a colon)."""
    before = text[max(0, start - 20) : start].rstrip().removesuffix(":").rstrip().lower()
    if not before.endswith(_VERSION_WORDS):
        return False
    for word in _VERSION_WORDS:
        if before.endswith(word):
            ahead = before[-len(word) - 1 : -len(word)]
            if not (ahead.isalnum() or ahead == "_"):
                return True
    return False


def _check_ipv4(match: re.Match[str], ctx: _Context) -> None:
    written = match["ipv4"]
    plain = written if written.replace(".", "").isdigit() else refang(written)
    if parse_ipv4(plain) is None:
        return
    start = match.start()
    if _after_version_word(ctx.text, start):
        return
    flags = ipv4_flags(plain)
    if plain != written:
        flags = flags | _DEFANGED
    ctx.found.append(Observable(ObservableType.IPV4, plain, plain, start, match.end(), flags))


def _check_ipv6(match: re.Match[str], ctx: _Context) -> None:
    written = match["ipv6"]
    if written.count(":") < 2 or not written.strip(":"):
        return
    value = parse_ipv6(written)
    if value is not None:
        ctx.found.append(
            Observable(ObservableType.IPV6, value, value, *match.span(), ipv6_flags(value))
        )


def _iban(written: str, start: int, found: list[Observable]) -> None:
    """Add an IBAN if ``written`` (or it without its last group) passes the checksum."""
    for candidate in (written, written.rpartition(" ")[0]):
        value = iban_value(candidate.replace(" ", "").replace("\u00a0", "").upper())
        if value is not None:
            display = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
            found.append(
                Observable(ObservableType.IBAN, value, display, start, start + len(candidate))
            )
            return


def _check_iban(match: re.Match[str], ctx: _Context) -> None:
    _iban(match["iban"], match.start(), ctx.found)


def _card(digits: str, start: int, end: int, ctx: _Context) -> None:
    """Add a payment card, reduced to BIN, last four and keyed hash (needs the key)."""
    if ctx.card_secret and card_brand(digits) is not None:
        value, display = card_value(digits, ctx.card_secret)
        ctx.found.append(Observable(ObservableType.PAYMENT_CARD, value, display, start, end))


def _check_card(match: re.Match[str], ctx: _Context) -> None:
    _card(match["card"].replace(" ", "").replace("-", ""), *match.span(), ctx)


@lru_cache(maxsize=8192)
def _phone(candidate: str, region: str | None, national: bool) -> tuple[str, str] | None:
    """E.164 and international display of a phone number, or None.

    A number written with its country code (``+`` or ``00``) must be possible (a length
    the country uses), as in a typed field: a scam number from a range the metadata
    does not list yet is still the number the victim was called from. A national
    number, found by the words around it, must be valid for the region, so that order
    and customer numbers are not taken for phones.
    """
    try:
        number = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return None
    if national:
        if not phonenumbers.is_valid_number(number):
            return None
    elif not phonenumbers.is_possible_number(number):
        return None
    return (
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
    )


_PHONE_GROUP_END = re.compile(r"[\s\u00a0./()-]+\S*$")
_PHONE_SEPARATORS = str.maketrans("", "", "+ \u00a0./()-")


def _phones(
    written: str, start: int, region: str | None, found: list[Observable], *, national: bool
) -> None:
    """Add the phone number in ``written`` (an international one may be followed by
    other digits: without its last groups)."""
    candidate = written.rstrip(" \u00a0./(-")
    for _attempt in range(1 if national else 3):
        # the pattern admits only digits and these separators; libphonenumber drops
        # them too, but reads the bare digits faster (and they are the better cache key)
        digits = candidate.translate(_PHONE_SEPARATORS)
        if len(digits) < 7:
            return
        if national:
            number = _phone(digits, region, national)
        else:
            number = _phone("+" + (digits[2:] if digits[0] == "0" else digits), region, national)
        if number is not None:
            found.append(Observable(ObservableType.PHONE, *number, start, start + len(candidate)))
            return
        shorter = _PHONE_GROUP_END.sub("", candidate)
        if shorter == candidate:
            return
        candidate = shorter.rstrip(" \u00a0./(-")


def _check_phone(match: re.Match[str], ctx: _Context) -> None:
    _phones(match["phone"], match.start(), ctx.region, ctx.found, national=False)


def _check_national(match: re.Match[str], ctx: _Context) -> None:
    """A national number: a grouped one unless the words before say it is another number;
    a compact one only if the words before say it is a phone number."""
    if not ctx.region:
        return
    written = match["national"].rstrip(" \u00a0./(-")
    if _NOT_PHONE_SHAPE.match(written):
        return
    start = match.start()
    if _NOT_PHONE_BEFORE.search(ctx.text, max(0, start - 30), start):
        return
    if written.isdigit() and not _PHONE_BEFORE.search(ctx.text, max(0, start - 50), start):
        return
    _phones(written, start, ctx.region, ctx.found, national=True)


def _check_cve(match: re.Match[str], ctx: _Context) -> None:
    value = match["cve"].upper()
    ctx.found.append(Observable(ObservableType.CVE, value, value, *match.span()))


def _check_asn(match: re.Match[str], ctx: _Context) -> None:
    number = int(match["asn"].lstrip("ASN: "))
    if 0 < number < 2**32:
        ctx.found.append(
            Observable(ObservableType.ASN, f"AS{number}", f"AS{number}", *match.span())
        )


def _check_bic(match: re.Match[str], ctx: _Context) -> None:
    value = match["bic"]
    if stdnum_bic.is_valid(value):
        ctx.found.append(Observable(ObservableType.BIC, value, value, *match.span("bic")))


def _check_token(match: re.Match[str], ctx: _Context) -> None:
    """A long alphanumeric run: hash, wallet, compact IBAN or compact card number."""
    token = match["token"]
    start, end = match.span()
    size = len(token)
    if token.isdigit():
        if size <= 19:
            _card(token, start, end, ctx)
        return
    if token[:2] in ("0x", "0X"):
        value = ethereum_address(token) if size == 42 else None
        if value is not None:
            ctx.found.append(Observable(ObservableType.ETHEREUM, value, token, start, end))
        return
    if size in _HASHES and _HEX.issuperset(token):
        value = token.lower()
        ctx.found.append(Observable(_HASHES[size], value, value, start, end))
        return
    first = token[0]
    if token[:2].isalpha() and token[2:4].isdigit() and size <= 34:
        _iban(token, start, ctx.found)
        return
    if first in "13bB" and size <= 90:
        value = bitcoin_address(token)
        if value is not None:
            ctx.found.append(Observable(ObservableType.BITCOIN, value, token, start, end))
        return
    if first in "48" and size in (95, 106) and _BASE58.issuperset(token):
        value = monero_address(token)
        if value is not None:
            ctx.found.append(Observable(ObservableType.MONERO, value, value, start, end))


_CHECKERS: dict[str | None, Checker] = {
    "url": _check_url,
    "email": _check_email,
    "ipv4": _check_ipv4,
    "host": _check_host,
    "hpath": _check_host,
    "ipv6": _check_ipv6,
    "iban": _check_iban,
    "card": _check_card,
    "phone": _check_phone,
    "national": _check_national,
    "cve": _check_cve,
    "asn": _check_asn,
    "bic": _check_bic,
    "token": _check_token,
}


def clear_caches() -> None:
    """Forget the domains, phone numbers and address ranges remembered between calls.

    For benchmarks, so that no run profits from values an earlier run has seen.
    """
    _phone.cache_clear()
    parse_domain.cache_clear()
    special_ipv6_flags.cache_clear()


# Sort key: where an observable starts, then its type name (a StrEnum compares as its name).
_POSITION = attrgetter("start", "type")


def extract(
    text: str, *, default_region: str | None = None, card_secret: bytes = b""
) -> list[Observable]:
    """Every observable in ``text``, validated and in canonical form, sorted by position.

    ``default_region`` (ISO 3166 code, e.g. ``"DE"``) reads national phone numbers;
    payment cards are found only when ``card_secret`` (the key of their hash) is given.
    Each occurrence is returned, with ``text[start:end]`` being what was written.
    """
    ctx = _Context(text, (default_region or "").upper() or None, card_secret, [])
    # Candidates are checked kind by kind rather than in text order: each checker then
    # keeps its library's tables in the processor's caches (phone numbers are checked
    # a third faster so), and sorting restores the order.
    by_kind: defaultdict[str | None, list[re.Match[str]]] = defaultdict(list)
    for match in candidates(text, national=ctx.region is not None):
        by_kind[match.lastgroup].append(match)
    for kind, matches in by_kind.items():
        checker = _CHECKERS[kind]
        for match in matches:
            checker(match, ctx)
    ctx.found.sort(key=_POSITION)
    return ctx.found


def candidates(text: str, *, national: bool, prescan: bool = True) -> list[re.Match[str]]:
    """The candidate matches in ``text``, as `CANDIDATES.finditer` would find them.

    With Hyperscan (``prescan``), the pattern is tried only where a candidate can start.
    """
    starts = candidate_starts(text, national=national) if prescan else None
    if starts is None:
        return list(CANDIDATES.finditer(text))
    match_at = CANDIDATES.match
    found = []
    end = 0
    for start in starts:
        if start >= end:
            match = match_at(text, start)
            if match is not None:
                end = match.end()
                found.append(match)
    return found
