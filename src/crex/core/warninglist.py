"""The warninglist: observable values that must not link reports, and why.

Some values turn up in reports that have nothing to do with each other: a big web-mail
provider's domain, a URL shortener, a public DNS resolver, a private address, a bank's own
web site, a placeholder such as ``test@test.com``. A link through such a value is shown as
suppressed instead of joining the reports; every entry says why (its `Category`) and where
it comes from (``source``).

An entry matches in one of three ways (`Match`): ``exact`` (the canonical value is the
entry's), ``domain`` (a registrable domain and every name under it, for domain names, the
hosts of URLs and the domains of e-mail addresses) or ``cidr`` (an IP network, for IP
addresses and URLs whose host is one). What a ``domain`` entry covers depends on whom the
names under it belong to:

- at a web-mail domain the addresses are people's own mailboxes: ``gmail.com`` is
  suppressed, ``fraudster@gmail.com`` still links;
- under a hosting platform the subdomains are its customers' sites: ``github.io`` and
  ``www.github.io`` are suppressed, ``fake-shop.github.io`` still links;
- a URL with a path or a query names one page, profile or short link of the service
  (``https://bit.ly/3xYz``, ``https://t.me/fraudster``) and still links; only the bare
  address of the service (``https://www.paypal.com/``) is suppressed, except under the
  reserved example domains, where every URL is a placeholder.

The default list is ``data/warninglist.csv`` (columns ``type,value,match,category,source``;
values taken from the MISP warninglists, CC0 1.0, are cited as such in ``source``).
A deployment adds its own entries with `Warninglist.with_entries`, checked first with
`parse_entries`.
"""

from __future__ import annotations

import csv
import io
import ipaddress
import re
import socket
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib.resources import files
from urllib.parse import urlsplit

from crex.core.i18n import _
from crex.core.observables import InvalidObservable, ObservableType, normalise
from crex.core.observables.domains import parse_domain
from crex.core.observables.ips import parse_ipv4

# The columns of a warninglist file, in order.
FIELDS = ("type", "value", "match", "category", "source")


class Category(StrEnum):
    """Why a value must not link reports; shown with every suppressed link."""

    WEBMAIL = "webmail"
    SOCIAL_MEDIA = "social_media"
    URL_SHORTENER = "url_shortener"
    HOSTING_PLATFORM = "hosting_platform"
    PUBLIC_DNS = "public_dns"
    NON_PUBLIC_ADDRESS = "non_public_address"
    BANK_OR_PAYMENT = "bank_or_payment"
    PLACEHOLDER = "placeholder"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The category as people read it (marked for translation)."""
        return CATEGORY_LABELS[self]

    @property
    def user_mailboxes(self) -> bool:
        """Whether addresses at these domains are people's own (web mail), so they link."""
        return self is Category.WEBMAIL

    @property
    def tenant_subdomains(self) -> bool:
        """Whether the subdomains are customers' sites (hosting), so they link."""
        return self is Category.HOSTING_PLATFORM

    @property
    def every_url(self) -> bool:
        """Whether every URL under these domains is suppressed, not only the bare one."""
        return self is Category.PLACEHOLDER


CATEGORY_LABELS: Mapping[Category, str] = {
    Category.WEBMAIL: _("Public web-mail provider"),
    Category.SOCIAL_MEDIA: _("Social media or messaging platform"),
    Category.URL_SHORTENER: _("URL shortener"),
    Category.HOSTING_PLATFORM: _("Hosting platform"),
    Category.PUBLIC_DNS: _("Public DNS resolver"),
    Category.NON_PUBLIC_ADDRESS: _("Private, reserved or documentation address"),
    Category.BANK_OR_PAYMENT: _("Bank or payment provider"),
    Category.PLACEHOLDER: _("Placeholder or test value"),
    Category.OTHER: _("Widely used service or generic value"),
}


class Match(StrEnum):
    """How an entry's value is compared with an observable's canonical value."""

    EXACT = "exact"
    DOMAIN = "domain"
    CIDR = "cidr"


@dataclass(frozen=True, slots=True)
class Entry:
    """One warninglist entry: the value, how it matches, why and on whose authority."""

    type: str
    value: str
    match: str
    category: Category
    source: str


class InvalidEntry(ValueError):
    """A warninglist row that cannot be used, with the row number and the field at fault."""

    def __init__(self, row: int, field: str, message: str) -> None:
        self.row = row
        self.field = field
        self.message = message
        super().__init__(f"row {row}, {field}: {message}")


_ADDRESS_TYPES = {4: ObservableType.IPV4, 6: ObservableType.IPV6}
_CARD_VALUE = re.compile(r"^\d{6}:\d{4}:[0-9a-f]{20}$")


class _Ranges:
    """IP networks of one family as disjoint integer ranges, looked up with `bisect`.

    CIDR networks are either nested or disjoint, so one sweep with a stack of open networks
    cuts them into ranges that each belong to the innermost network covering them.
    """

    __slots__ = ("_ends", "_entries", "_starts")

    def __init__(self, networks: list[tuple[int, int, Entry]]) -> None:
        # by start, widest first; of two equal networks the later one is kept
        order = sorted(range(len(networks)), key=lambda i: (networks[i][0], -networks[i][1], i))
        segments: list[tuple[int, int, Entry]] = []
        stack: list[tuple[int, int, Entry]] = []
        position = 0  # the first address not yet given to a segment
        for low, high, entry in (networks[i] for i in order):
            while stack and stack[-1][1] < low:
                position = self._close(stack.pop(), position, segments)
            if stack and stack[-1][:2] == (low, high):
                stack[-1] = (low, high, entry)
                continue
            if stack and position < low:
                segments.append((position, low - 1, stack[-1][2]))
            stack.append((low, high, entry))
            position = low
        while stack:
            position = self._close(stack.pop(), position, segments)
        self._starts = [low for low, _, _ in segments]
        self._ends = [high for _, high, _ in segments]
        self._entries = [entry for _, _, entry in segments]

    @staticmethod
    def _close(
        network: tuple[int, int, Entry], position: int, segments: list[tuple[int, int, Entry]]
    ) -> int:
        high, entry = network[1:]
        if position <= high:  # not all taken by the networks nested in it
            segments.append((position, high, entry))
        return high + 1

    def find(self, number: int) -> Entry | None:
        """The entry of the innermost network holding the address ``number``, or None."""
        index = bisect_right(self._starts, number) - 1
        if index >= 0 and number <= self._ends[index]:
            return self._entries[index]
        return None


class Warninglist:
    """A set of entries, indexed so that each lookup costs a few dictionary probes.

    Of two entries with the same type, value and match, the later one counts: entries added
    with `with_entries` replace default ones.
    """

    __slots__ = ("_domains", "_entries", "_exact", "_ranges")

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._entries = tuple(entries)
        self._exact: dict[tuple[str, str], Entry] = {}
        self._domains: dict[str, Entry] = {}
        networks: dict[int, list[tuple[int, int, Entry]]] = {4: [], 6: []}
        for entry in self._entries:
            if entry.match == Match.EXACT:
                self._exact[entry.type, entry.value] = entry
            elif entry.match == Match.DOMAIN:
                self._domains[entry.value] = entry
            elif entry.match == Match.CIDR:
                network = ipaddress.ip_network(entry.value)
                networks[network.version].append(
                    (int(network.network_address), int(network.broadcast_address), entry)
                )
            else:
                raise ValueError(f"Unknown match kind {entry.match!r} for {entry.value!r}.")
        self._ranges = {version: _Ranges(found) for version, found in networks.items()}

    @classmethod
    def default(cls) -> Warninglist:
        """The curated list shipped with crex (read and checked once, then cached)."""
        return _default()

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every entry, in the order given."""
        return self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def with_entries(self, extra: Iterable[Entry]) -> Warninglist:
        """A new list with ``extra`` entries added (e.g. a deployment's own)."""
        return Warninglist((*self._entries, *extra))

    def match(self, type: str, value: str, registered_domain: str = "") -> Entry | None:
        """The entry that keeps the observable ``type``/``value`` from linking, or None.

        ``value`` is canonical, as `normalise` returns it. For a domain name, URL or e-mail
        address, ``registered_domain`` (e.g. `Observable.registered_domain`) may be given:
        the names above it are then not looked up.
        """
        entry = self._exact.get((type, value))
        if entry is not None:
            return entry
        if type in (ObservableType.IPV4, ObservableType.IPV6):
            return self._address(value)
        if type == ObservableType.DOMAIN:
            return self._host(value, registered_domain)
        if type == ObservableType.EMAIL:
            entry = self._host(value.rpartition("@")[2], registered_domain)
            return None if entry is None or entry.category.user_mailboxes else entry
        if type == ObservableType.URL:
            return self._url(value, registered_domain)
        return None

    def _address(self, value: str) -> Entry | None:
        if ":" in value:
            try:
                ipv6 = ipaddress.IPv6Address(value)
            except ValueError:
                return None
            entry = self._exact.get((ObservableType.IPV6, ipv6.compressed))
            return entry or self._ranges[6].find(int(ipv6))
        if parse_ipv4(value) is None:
            return None
        # a checked dotted quad: read by the C library, as `ipaddress` costs microseconds
        entry = self._exact.get((ObservableType.IPV4, value))
        return entry or self._ranges[4].find(int.from_bytes(socket.inet_aton(value), "big"))

    def _host(self, host: str, registered_domain: str) -> Entry | None:
        """The entry covering the domain ``host``: itself, then each name above it."""
        entry = self._exact.get((ObservableType.DOMAIN, host))
        if entry is not None:
            return entry
        name = host
        while True:
            entry = self._domains.get(name)
            if entry is not None:
                if entry.category.tenant_subdomains and host not in (name, f"www.{name}"):
                    return None
                return entry
            if name == registered_domain:
                return None
            name = name.partition(".")[2]
            if "." not in name:  # a bare top-level domain is never an entry
                return None

    def _url(self, value: str, registered_domain: str) -> Entry | None:
        try:
            parts = urlsplit(value)
            host = parts.hostname
        except ValueError:
            return None
        if not host:
            return None
        if ":" in host or parse_ipv4(host) is not None:
            return self._address(host)
        entry = self._host(host, registered_domain)
        if entry is None:
            return None
        if entry.category.every_url or (parts.path in ("", "/") and not parts.query):
            return entry
        return None


def parse_entries(rows: Iterable[Mapping[str, str | None]], *, start: int = 1) -> list[Entry]:
    """Check warninglist rows (mappings with the `FIELDS`) and return them as entries.

    Rows are numbered from ``start`` in error messages. Raises `InvalidEntry`, a
    `ValueError` naming the row and the field, for an unknown type, match kind or category,
    a value not in canonical form, a domain entry that is not a registrable domain, a bad
    network or a row repeating an earlier one.
    """
    entries: list[Entry] = []
    seen: dict[tuple[str, str, str], int] = {}
    for number, row in enumerate(rows, start):
        entry = _parse_row(row, number)
        key = (entry.type, entry.value, entry.match)
        if key in seen:
            raise InvalidEntry(number, "value", f"{entry.value!r} repeats row {seen[key]}.")
        seen[key] = number
        entries.append(entry)
    return entries


def entries_from_csv(text: str) -> list[Entry]:
    """The entries of a warninglist CSV file with a header line naming the `FIELDS`.

    Rows are numbered as lines of the file, the header being line 1.
    """
    reader = csv.DictReader(io.StringIO(text))
    for field in FIELDS:
        if field not in (reader.fieldnames or ()):
            raise InvalidEntry(1, field, "The header has no such column.")
    return parse_entries(reader, start=2)


def _parse_row(row: Mapping[str, str | None], number: int) -> Entry:
    fields: dict[str, str] = {}
    for field in FIELDS:
        text = (row.get(field) or "").strip()
        if not text:
            raise InvalidEntry(number, field, "This field is empty.")
        fields[field] = text
    kind, value = fields["type"], fields["value"]
    try:
        kind = ObservableType(kind)
    except ValueError:
        raise InvalidEntry(number, "type", f"Unknown observable type {kind!r}.") from None
    try:
        match = Match(fields["match"])
    except ValueError:
        raise InvalidEntry(
            number, "match", f"Unknown match kind {fields['match']!r} (exact, domain or cidr)."
        ) from None
    try:
        category = Category(fields["category"])
    except ValueError:
        raise InvalidEntry(
            number, "category", f"Unknown category {fields['category']!r}."
        ) from None
    check = {Match.EXACT: _check_exact, Match.DOMAIN: _check_domain, Match.CIDR: _check_cidr}
    check[match](kind, value, number)
    return Entry(kind.value, value, match.value, category, fields["source"])


def _check_exact(kind: ObservableType, value: str, number: int) -> None:
    if kind is ObservableType.PAYMENT_CARD:
        # a card is stored as BIN, last four and a keyed hash, which cannot be recomputed here
        if not _CARD_VALUE.match(value):
            raise InvalidEntry(number, "value", "A card is listed by its stored value.")
        return
    try:
        canonical = normalise(kind, value).value
    except InvalidObservable as error:
        raise InvalidEntry(number, "value", str(error)) from None
    if canonical != value:
        raise InvalidEntry(number, "value", f"Not in canonical form: write {canonical!r}.")


def _check_domain(kind: ObservableType, value: str, number: int) -> None:
    if kind is not ObservableType.DOMAIN:
        raise InvalidEntry(number, "type", "A domain entry has the type domain-name.")
    domain = parse_domain(value)
    if domain is None:
        raise InvalidEntry(number, "value", f"{value!r} is not a domain name.")
    if domain.ascii != value:
        raise InvalidEntry(number, "value", f"Not in canonical form: write {domain.ascii!r}.")
    if domain.registered != value:
        raise InvalidEntry(
            number,
            "value",
            f"{value!r} is not a registrable domain: list {domain.registered!r} "
            "or make the entry exact.",
        )


# No entry may silence a quarter of the address space or more (a typo such as
# 0.0.0.0/0 would stop every IP address from linking); the widest shipped entries are
# 224.0.0.0/4 and fc00::/7.
_SHORTEST_PREFIX = {4: 3, 6: 7}


def _check_cidr(kind: ObservableType, value: str, number: int) -> None:
    try:
        network = ipaddress.ip_network(value)
    except ValueError as error:
        raise InvalidEntry(number, "value", f"Not an IP network: {error}.") from None
    if _ADDRESS_TYPES[network.version] is not kind:
        raise InvalidEntry(
            number,
            "type",
            f"{value!r} is an IPv{network.version} network: use "
            f"{_ADDRESS_TYPES[network.version].value}.",
        )
    if str(network) != value:
        raise InvalidEntry(number, "value", f"Not in canonical form: write {str(network)!r}.")
    if network.prefixlen < _SHORTEST_PREFIX[network.version]:
        raise InvalidEntry(
            number,
            "value",
            f"{value!r} covers too much of the address space to keep out of correlation "
            f"(the shortest prefix accepted is /{_SHORTEST_PREFIX[network.version]}).",
        )


@cache
def _default() -> Warninglist:
    text = files("crex.core").joinpath("data/warninglist.csv").read_text(encoding="utf-8")
    return Warninglist(entries_from_csv(text))
