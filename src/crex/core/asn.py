"""IP address → autonomous system (number and name), from the table shipped with crex.

The table in ``data/asn`` is built by ``scripts/build_asn_data.py`` from the
``@ip-location-db/asn`` data set (RouteViews, DB-IP IP to ASN Lite and the Regional
Internet Registries, CC BY 4.0; see ``data/asn/SOURCE.md``). It holds inclusive address
ranges, sorted and disjoint, each with its AS number, and the name of each AS:

- ``manifest.json``: format version, source and the number of ranges of each family;
- ``ipv4.bin.gz``: three unsigned 32-bit arrays: range starts, range ends, AS numbers;
- ``ipv6.bin.gz``: the 128-bit starts as two unsigned 64-bit arrays (high halves, then
  low halves), the ends likewise, then the AS numbers (32-bit);
- ``as-names.json.gz``: AS number (as text) → name.

Arrays are little-endian whatever the machine, each one whole before the next. An address
is found by bisecting the range starts. `asn_for` reads the shipped table on its first
call and keeps it for the life of the process.
"""

from __future__ import annotations

import gzip
import ipaddress
import json
import sys
from array import array
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

FORMAT = 1
_U32 = "I"  # 4 bytes wherever CPython runs; a wrong size fails the length check
_U64 = "Q"
_HALF = 64
_LOW_HALF = (1 << _HALF) - 1
_IPV4_LAYOUT = (_U32, _U32, _U32)  # starts, ends, AS numbers
_IPV6_LAYOUT = (_U64, _U64, _U64, _U64, _U32)  # starts high/low, ends high/low, AS numbers
_WIDTH = {4: 32, 6: 128}

Range = tuple[int, int, int]
"""An inclusive address range as integers and its AS number: ``(start, end, asn)``."""


class _Uint128s:
    """128-bit integers kept as two 64-bit arrays, readable by index (enough for bisect)."""

    __slots__ = ("_high", "_low")

    def __init__(self, high: array[int], low: array[int]) -> None:
        self._high = high
        self._low = low

    def __len__(self) -> int:
        return len(self._high)

    def __getitem__(self, index: int) -> int:
        return self._high[index] << _HALF | self._low[index]


@dataclass(frozen=True, slots=True)
class _Ranges:
    """Sorted, disjoint inclusive ranges of one address family and their AS numbers."""

    starts: array[int] | _Uint128s
    ends: array[int] | _Uint128s
    asns: array[int]

    def find(self, number: int) -> int | None:
        """The AS number of the range holding the address ``number``, if any."""
        index = bisect_right(self.starts, number) - 1
        if index >= 0 and number <= self.ends[index]:
            return self.asns[index]
        return None


@dataclass(frozen=True, slots=True)
class AsnTable:
    """Address ranges of both families with their AS numbers, and the AS names."""

    ipv4: _Ranges
    ipv6: _Ranges
    names: Mapping[int, str]
    source: str

    @classmethod
    def load(cls, folder: Traversable) -> AsnTable:
        """Read the table in ``folder`` (a `Path` or a package resource).

        Raises ``ValueError`` for a table of another format or with missing pieces, and
        ``OSError`` for a missing file.
        """
        manifest = json.loads(folder.joinpath("manifest.json").read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT:
            raise ValueError(f"ASN table format {manifest.get('format')!r}, expected {FORMAT}")
        ipv4 = _read_columns(folder, "ipv4.bin.gz", _IPV4_LAYOUT, manifest["ipv4_ranges"])
        ipv6 = _read_columns(folder, "ipv6.bin.gz", _IPV6_LAYOUT, manifest["ipv6_ranges"])
        names = json.loads(gzip.decompress(folder.joinpath("as-names.json.gz").read_bytes()))
        return cls(
            ipv4=_Ranges(*ipv4),
            ipv6=_Ranges(_Uint128s(ipv6[0], ipv6[1]), _Uint128s(ipv6[2], ipv6[3]), ipv6[4]),
            names={int(number): name for number, name in names.items()},
            source=str(manifest.get("source", "")),
        )

    def lookup(self, address: str) -> tuple[int, str] | None:
        """AS number and name (``""`` if unknown) of the IPv4 or IPv6 ``address``.

        None when the address is in no range, or ``address`` is no IP address.
        """
        try:
            parsed = ipaddress.ip_address(address)
        except ValueError:
            return None
        ranges = self.ipv4 if parsed.version == 4 else self.ipv6
        asn = ranges.find(int(parsed))
        if asn is None:
            return None
        return asn, self.names.get(asn, "")


def _read_columns(
    folder: Traversable, name: str, layout: Sequence[str], count: int
) -> list[array[int]]:
    """The little-endian arrays of ``count`` items each, one per type code in ``layout``,
    that the gzip file ``name`` holds one after the other."""
    data = memoryview(gzip.decompress(folder.joinpath(name).read_bytes()))
    columns: list[array[int]] = []
    offset = 0
    for typecode in layout:
        column = array(typecode)
        end = offset + count * column.itemsize
        column.frombytes(data[offset:end])
        if sys.byteorder == "big":
            column.byteswap()
        columns.append(column)
        offset = end
    if offset != len(data):
        raise ValueError(f"{name}: {len(data)} bytes do not hold {count} ranges")
    return columns


def write_table(
    folder: Path,
    ipv4: Sequence[Range],
    ipv6: Sequence[Range],
    names: Mapping[int, str],
    source: str,
) -> None:
    """Write a table that `AsnTable.load` reads into ``folder`` (created if need be).

    The ranges of each family must be sorted and disjoint, within the family's address
    space, with AS numbers from 1 to 2³²-1; else ``ValueError``. The files are the same
    for the same input (no time stamps inside).
    """
    _check(ipv4, 4)
    _check(ipv6, 6)
    folder.mkdir(parents=True, exist_ok=True)
    v4_columns = [[row[field] for row in ipv4] for field in range(3)]
    v6_columns = [
        [row[0] >> _HALF for row in ipv6],
        [row[0] & _LOW_HALF for row in ipv6],
        [row[1] >> _HALF for row in ipv6],
        [row[1] & _LOW_HALF for row in ipv6],
        [row[2] for row in ipv6],
    ]
    _write_gzip(folder / "ipv4.bin.gz", _pack(_IPV4_LAYOUT, v4_columns))
    _write_gzip(folder / "ipv6.bin.gz", _pack(_IPV6_LAYOUT, v6_columns))
    text = json.dumps(
        {str(number): names[number] for number in sorted(names)},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    _write_gzip(folder / "as-names.json.gz", text.encode())
    manifest = {
        "format": FORMAT,
        "source": source,
        "ipv4_ranges": len(ipv4),
        "ipv6_ranges": len(ipv6),
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def _check(ranges: Sequence[Range], version: int) -> None:
    """Raise ``ValueError`` unless ``ranges`` can be stored for IP ``version``."""
    top = (1 << _WIDTH[version]) - 1
    previous_end = -1
    for start, end, asn in ranges:
        if not previous_end < start <= end <= top:
            raise ValueError(f"IPv{version} range {start}-{end} out of order or overlapping")
        if not 0 < asn < 1 << 32:
            raise ValueError(f"AS number {asn} out of range")
        previous_end = end


def _pack(layout: Sequence[str], columns: Sequence[Sequence[int]]) -> bytes:
    """The columns as little-endian arrays, one after the other."""
    packed = bytearray()
    for typecode, values in zip(layout, columns, strict=True):
        column = array(typecode, values)
        if sys.byteorder == "big":
            column.byteswap()
        packed += column.tobytes()
    return bytes(packed)


def _write_gzip(path: Path, data: bytes) -> None:
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


@cache
def shipped_table() -> AsnTable:
    """The table shipped in ``crex/core/data/asn``, read once per process."""
    return AsnTable.load(files("crex.core").joinpath("data/asn"))


def asn_for(address: str) -> tuple[int, str] | None:
    """AS number and name of ``address`` in the shipped table, or None if not found.

    Any valid IP address is looked up; the table holds no private or reserved ranges.
    """
    return shipped_table().lookup(address)
