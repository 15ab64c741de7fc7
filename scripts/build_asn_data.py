"""Build crex's IP-to-ASN table (``src/crex/core/data/asn``) from ``@ip-location-db/asn``.

The npm package ``@ip-location-db/asn`` publishes, under CC BY 4.0, ``asn-ipv4.csv`` and
``asn-ipv6.csv`` (rows ``first_ip,last_ip,asn,"AS name"``, inclusive ranges), merged from
RouteViews, the Regional Internet Registries' data (NRO) and DB-IP's IP to ASN Lite. This
script turns them into the compact table that `crex.core.asn` reads, and writes the
folder's ``SOURCE.md`` with the package version, the date and the licence texts.

To refresh the shipped table (needs npm; the package is about 15 MB packed)::

    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack @ip-location-db/asn && tar xzf ip-location-db-asn-*.tgz)
    .venv/bin/python scripts/build_asn_data.py "$tmp/package"
    .venv/bin/pytest -q tests/core/test_asn.py tests/core/test_enrich.py

then review and commit ``src/crex/core/data/asn``. The same CSV files from a release of
github.com/sapics/ip-location-db serve too: put them with the licence files and a
``package.json`` (``name``, ``version``) in one folder.

On the way, rows are sorted; where two ranges overlap, the one starting first keeps the
shared addresses and the other is cut (a flaw of the upstream merge, reported on the
console); adjacent ranges of the same AS become one; rows for AS0 ("not routed") are
left out; each AS keeps its most frequent name.
"""

from __future__ import annotations

import argparse
import csv
import ipaddress
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from crex.core.asn import FORMAT, Range, write_table

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src" / "crex" / "core" / "data" / "asn"
LICENCE_FILES = ("ROUTEVIEWS-LICENSE", "DBIP-LICENSE", "NRO_LICENSE", "MODIFICATIONS")

Row = tuple[int, int, int, str]
"""A CSV row as integers: ``(start, end, asn, name)``."""


@dataclass(frozen=True, slots=True)
class Ranges:
    """One family's ranges ready to store, and what was done to get them."""

    ranges: list[Range]
    rows: int
    cut: int  # ranges shortened or dropped because an earlier one overlapped them
    merged: int  # ranges joined to the adjacent one before them (same AS)
    unrouted: int  # AS0 rows left out


def read_rows(path: Path, version: int) -> Iterator[Row]:
    """The rows of an ``@ip-location-db`` ASN CSV file of IP ``version``.

    Raises ``ValueError`` for an address of the other family or a malformed row.
    """
    with path.open(newline="", encoding="utf-8") as handle:
        for number, fields in enumerate(csv.reader(handle), start=1):
            if len(fields) != 4:
                raise ValueError(f"{path.name}:{number}: expected 4 fields, got {len(fields)}")
            first, last = ipaddress.ip_address(fields[0]), ipaddress.ip_address(fields[1])
            if first.version != version or last.version != version:
                raise ValueError(f"{path.name}:{number}: not an IPv{version} range")
            yield int(first), int(last), int(fields[2]), fields[3].strip()


def normalise(rows: Iterable[Row]) -> Ranges:
    """Sorted, disjoint ranges without AS0, adjacent ranges of the same AS joined."""
    out: list[list[int]] = []
    count = cut = merged = unrouted = 0
    for start, end, asn, _name in sorted(rows):
        count += 1
        if asn == 0:
            unrouted += 1
            continue
        if out and start <= out[-1][1]:
            cut += 1
            start = out[-1][1] + 1
            if start > end:
                continue
        if out and out[-1][2] == asn and out[-1][1] + 1 == start:
            out[-1][1] = end
            merged += 1
        else:
            out.append([start, end, asn])
    ranges = [(start, end, asn) for start, end, asn in out]
    return Ranges(ranges, rows=count, cut=cut, merged=merged, unrouted=unrouted)


def names_of(rows: Iterable[Row]) -> dict[int, str]:
    """Each AS's most frequent non-empty name in ``rows``."""
    seen: defaultdict[int, Counter[str]] = defaultdict(Counter)
    for _start, _end, asn, name in rows:
        if asn and name:
            seen[asn][name] += 1
    return {asn: names.most_common(1)[0][0] for asn, names in seen.items()}


def source_text(package: dict[str, str], built: str, licences: dict[str, str]) -> str:
    """The ``SOURCE.md`` of a table built from ``package`` (its package.json) on ``built``."""
    name, version = package["name"], package["version"]
    quoted = "\n\n".join(
        f"`{file}`:\n\n" + "\n".join(f"> {line}".rstrip() for line in text.splitlines())
        for file, text in licences.items()
    )
    return f"""# IP to AS data

What `crex.core.asn` reads to tell the autonomous system (number and name) of an IP
address offline. Format {FORMAT}, described in `src/crex/core/asn.py`: `manifest.json`,
`ipv4.bin.gz`, `ipv6.bin.gz`, `as-names.json.gz`.

## Source

Built on {built} by `scripts/build_asn_data.py` from the npm package `{name}`
version {version} (<https://github.com/sapics/ip-location-db>, files `asn-ipv4.csv` and
`asn-ipv6.csv`), which merges:

- RouteViews' prefix-to-AS data (IPv4), <https://www.routeviews.org/>;
- the five Regional Internet Registries' (AFRINIC, APNIC, ARIN, LACNIC, RIPE NCC)
  data as published by the Number Resource Organization, <https://www.nro.net/>;
- DB-IP's IP to ASN Lite (AS numbers where the others have none, and most AS names),
  <https://db-ip.com/>.

## Licence

Creative Commons Attribution 4.0 International (CC BY 4.0),
<https://creativecommons.org/licenses/by/4.0/>. Attribution: IP to AS data by
[RouteViews](https://www.routeviews.org/), [DB-IP](https://db-ip.com/) (IP to ASN Lite)
and the [NRO](https://www.nro.net/). DB-IP asks web applications to link back to
DB-IP.com on pages that display or use results from its database: the analyst
workspace's footer carries these links on every page, including the report page that
shows each IP address's network.

The licence notices of the package, as published:

{quoted}

## Changes made here

Converted from CSV to binary arrays; ranges sorted; where two overlap, the one starting
first keeps the shared addresses; adjacent ranges of the same AS joined; AS0 rows left
out; one name per AS (its most frequent).

## Refresh

See the docstring of `scripts/build_asn_data.py`: `npm pack {name}`, unpack, run the
script on the unpacked `package` folder, run the tests, commit this folder. The
package's README (at version {version}) says npm updates are deprecated and will stop,
and that corrected data is published as GitHub releases of sapics/ip-location-db; the
script reads the same CSV files from there.
"""


def build(package_folder: Path, out: Path, built: str) -> dict[int, Ranges]:
    """Write the table and ``SOURCE.md`` into ``out`` from the unpacked package folder."""
    package = json.loads((package_folder / "package.json").read_text(encoding="utf-8"))
    families: dict[int, Ranges] = {}
    names: dict[int, str] = {}
    for version in (4, 6):
        rows = list(read_rows(package_folder / f"asn-ipv{version}.csv", version))
        families[version] = normalise(rows)
        names.update(names_of(rows))
    used = {asn for family in families.values() for _start, _end, asn in family.ranges}
    write_table(
        out,
        families[4].ranges,
        families[6].ranges,
        {asn: name for asn, name in names.items() if asn in used},
        source=f"{package['name']}@{package['version']}",
    )
    licences = {
        file: (package_folder / file).read_text(encoding="utf-8").strip()
        for file in LICENCE_FILES
        if (package_folder / file).is_file()
    }
    (out / "SOURCE.md").write_text(source_text(package, built, licences), encoding="utf-8")
    return families


def main(argv: list[str] | None = None) -> int:
    """Command line: ``build_asn_data.py PACKAGE_FOLDER [--out FOLDER]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("package", type=Path, help="the unpacked npm package folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the table's folder")
    args = parser.parse_args(argv)
    built = datetime.now(UTC).date().isoformat()
    for version, family in build(args.package, args.out, built).items():
        print(
            f"IPv{version}: {family.rows} rows -> {len(family.ranges)} ranges "
            f"({family.merged} joined, {family.cut} cut for overlap, "
            f"{family.unrouted} AS0 left out)"
        )
    for path in sorted(args.out.iterdir()):
        print(f"{path.stat().st_size:>10} {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
