"""IP addresses: validation and the flags for non-public ranges.

Private, loopback and documentation addresses are kept (a report may legitimately mention
them) but marked, so that warnings and sharing can leave them out. IPv4, by far the most
frequent in reports, is checked with one pattern and classified with integer arithmetic
(the `ipaddress` objects cost microseconds each); IPv6 is checked by the C library
(``inet_pton``) and put in its compressed form by `ipaddress`.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from functools import lru_cache

from crex.core.observables.types import Flag

_LOOPBACK = frozenset({Flag.LOOPBACK})
_DOCUMENTATION = frozenset({Flag.DOCUMENTATION})
_PRIVATE = frozenset({Flag.PRIVATE})
_RESERVED = frozenset({Flag.RESERVED})
_NONE: frozenset[Flag] = frozenset()


def _ranges(*items: tuple[str, frozenset[Flag]]) -> tuple[tuple[int, int, frozenset[Flag]], ...]:
    out = []
    for cidr, flags in items:
        net = ipaddress.ip_network(cidr)
        out.append((int(net.network_address), int(net.broadcast_address), flags))
    return tuple(out)


# IANA IPv4 special-purpose registry, most specific first.
_IPV4_RANGES = _ranges(
    ("127.0.0.0/8", _LOOPBACK),
    ("192.0.2.0/24", _DOCUMENTATION),
    ("198.51.100.0/24", _DOCUMENTATION),
    ("203.0.113.0/24", _DOCUMENTATION),
    ("10.0.0.0/8", _PRIVATE),
    ("172.16.0.0/12", _PRIVATE),
    ("192.168.0.0/16", _PRIVATE),
    ("0.0.0.0/8", _RESERVED),
    ("100.64.0.0/10", _RESERVED),
    ("169.254.0.0/16", _RESERVED),
    ("192.0.0.0/24", _RESERVED),
    ("198.18.0.0/15", _RESERVED),
    ("224.0.0.0/3", _RESERVED),  # multicast and the reserved 240/4, up to broadcast
)
_IPV6_DOCUMENTATION = (ipaddress.ip_network("2001:db8::/32"), ipaddress.ip_network("3fff::/20"))
_IPV6_PRIVATE = ipaddress.ip_network("fc00::/7")


_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_DOTTED_QUAD = re.compile(rf"{_OCTET}(?:\.{_OCTET}){{3}}")


def parse_ipv4(text: str) -> str | None:
    """The dotted-quad ``text`` if it is a valid IPv4 address (no leading zeros), else None."""
    return text if _DOTTED_QUAD.fullmatch(text) else None


def ipv4_flags(address: str) -> frozenset[Flag]:
    """Loopback, documentation, private or reserved for a valid dotted-quad address."""
    number = int.from_bytes(socket.inet_aton(address), "big")
    for low, high, flags in _IPV4_RANGES:
        if low <= number <= high:
            return flags
    return _NONE


def parse_ipv6(text: str) -> str | None:
    """The compressed form of the IPv6 address ``text`` (RFC 5952), or None."""
    try:
        packed = socket.inet_pton(socket.AF_INET6, text)
    except (OSError, ValueError):
        return None
    return ipaddress.IPv6Address(packed).compressed


def ipv6_flags(address: str) -> frozenset[Flag]:
    """Loopback, documentation, private or reserved for a valid IPv6 address."""
    first = address.partition(":")[0]
    # Global unicast (2000::/3) outside 2001::/16, 2002::/16 and 3fff::/16, which hold the
    # special-purpose ranges, is public: most addresses in reports, decided without
    # building an address object.
    if len(first) == 4 and "2000" <= first <= "3ffe" and first not in ("2001", "2002"):
        return _NONE
    return special_ipv6_flags(address)


@lru_cache(maxsize=4096)
def special_ipv6_flags(address: str) -> frozenset[Flag]:
    """`ipv6_flags` for addresses outside the plain global unicast ranges."""
    ip = ipaddress.IPv6Address(address)
    if ip.ipv4_mapped is not None:
        return ipv4_flags(str(ip.ipv4_mapped))
    if ip.is_loopback:
        return _LOOPBACK
    if any(ip in net for net in _IPV6_DOCUMENTATION):
        return _DOCUMENTATION
    if ip in _IPV6_PRIVATE:
        return _PRIVATE
    if not ip.is_global or ip.is_multicast or ip.is_reserved:
        return _RESERVED
    return _NONE
