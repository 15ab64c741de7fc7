"""Benchmark correlation at 100 k and 1 M reports, on SQLite and on PostgreSQL.

For each size and database: generates that many synthetic reports (≈ 5 observables each,
with realistic reuse: campaigns sharing an IBAN, phone, wallet, URL or domain; a few hot
values such as a webmail domain or a shared hosting address; most values seen once),
loads them in bulk, runs a full rebuild (`crex correlate --rebuild`), then ingests new
reports one by one the way the pipeline does (store the report, attach its observables,
correlate it) and prints:

- ingest+correlate throughput (new reports per second, one process, one core),
- p50/p99 latency of correlating one new report at that size,
- full rebuild time (links and proposed cases from the observable index),
- what the rebuild produced (links, held values, cases).

    python bench/correlate.py                         # 100k on SQLite
    python bench/correlate.py --sizes 100000,1000000 --databases sqlite,postgresql
    python bench/correlate.py --postgres-url postgres://postgres@127.0.0.1:5432/postgres

PostgreSQL gets a scratch database (``crex_bench``, dropped and recreated); SQLite a file
in a temporary directory.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

COUNTRIES = ["NL", "DE", "FR", "BE", "PL", "ES", "IT", "AT"]
OFFENCES = ["phishing", "online_shopping_fraud", "investment_fraud", "romance_fraud"]
ROLES = ["payee_account", "phishing_url", "sender", "contact_phone", "wallet", "mentioned"]
# Hot values: in about one report in a hundred each. The first three are on the shipped
# warninglist; the last two are not, so the over-correlation guard has to hold them.
HOT = [
    ("domain-name", "gmail.com"),
    ("domain-name", "bit.ly"),
    ("ipv4-addr", "8.8.8.8"),
    ("ipv4-addr", "185.199.108.153"),
    ("phone-number", "+18005550100"),
]


def setup_django(url: str, data_dir: str) -> None:
    """Point crex at ``url`` and a scratch data directory, then start Django."""
    os.environ["DATABASE_URL"] = url
    os.environ["CREX_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crex.config.settings")
    import django

    django.setup()


def value(kind: str, n: int) -> str:
    """A plausible canonical value of ``kind`` numbered ``n``."""
    match kind:
        case "iban":
            return f"NL{n % 97:02d}BANK{n:010d}"
        case "phone-number":
            return f"+316{n % 100_000_000:08d}"
        case "url":
            return f"https://shop-{n}.example-store.com/checkout"
        case "domain-name":
            return f"login-{n}.secure-bank.net"
        case "bitcoin":
            return f"bc1q{n:038d}"
        case "email-addr":
            return f"seller{n}@mail-{n % 5000}.org"
        case _:
            return f"198.{n % 250}.{(n // 250) % 250}.{n % 200 + 1}"


KINDS = ["iban", "phone-number", "url", "domain-name", "bitcoin", "email-addr", "ipv4-addr"]


def synthetic(
    count: int, seed: int, campaign_count: int
) -> Iterator[tuple[int, list[tuple[str, str, str]]]]:
    """(report number, [(type, value, role), ...]) for ``count`` reports.

    The same seed and campaign count give the same reports, so reports generated past
    the loaded ones are new reports of the same campaigns.

    A third of the reports belong to a campaign (campaign sizes follow a power law from
    2 to a few hundred; each campaign reuses one to three values); about one report in
    twenty holds a hot value; the rest of each report's values are its own.
    """
    rng = random.Random(seed)
    campaigns: list[list[tuple[str, str]]] = []
    serial = 10_000_000
    for _ in range(max(1, campaign_count)):
        values = []
        for _ in range(rng.randint(1, 3)):
            serial += 1
            kind = rng.choice(KINDS)
            values.append((kind, value(kind, serial)))
        campaigns.append(values)
    # campaign sizes follow a power law: cumulative weights once, then a bisection a draw
    cumulative = list(itertools.accumulate(1 / (i + 1) for i in range(len(campaigns))))
    for number in range(count):
        found: list[tuple[str, str, str]] = []
        if rng.random() < 0.33:
            campaign = rng.choices(campaigns, cum_weights=cumulative)[0]
            for kind, text in rng.sample(campaign, rng.randint(1, len(campaign))):
                found.append((kind, text, rng.choice(ROLES)))
        if rng.random() < 0.05:
            kind, text = rng.choice(HOT)
            found.append((kind, text, "mentioned"))
        while len(found) < rng.randint(3, 7):
            serial += 1
            kind = rng.choice(KINDS)
            found.append((kind, value(kind, serial), rng.choice(ROLES)))
        yield number, found


def load(count: int, seed: int) -> dict[str, int]:
    """Bulk-load ``count`` synthetic reports with their observables; returns row counts."""
    from django.db import connection

    from crex.accounts.models import Organisation
    from crex.reports.models import Observable, Report, ReportObservable

    organisation = Organisation.objects.create(
        name="Bench contact point", kind="contact_point", country="NL", is_operator=True
    )
    start = datetime(2025, 1, 1, tzinfo=UTC)
    report_fields = [f for f in Report._meta.concrete_fields]
    defaults: dict[str, Any] = {}
    for f in report_fields:
        default = f.get_default()
        defaults[f.column] = (
            json.dumps(default) if f.get_internal_type() == "JSONField" else default
        )
    observable_ids: dict[tuple[str, str], int] = {}
    report_rows: list[tuple[Any, ...]] = []
    observable_rows: list[tuple[Any, ...]] = []
    link_rows: list[tuple[Any, ...]] = []
    rng = random.Random(seed + 1)
    for number, found in synthetic(count, seed, count // 40):
        received = start + timedelta(seconds=number * 30)
        row = dict(defaults)
        row.update(
            id=number + 1,
            reference=f"CR-2025-{number + 1:07d}-B",
            organisation_id=organisation.pk,
            channel="web",
            victim_country=rng.choice(COUNTRIES),
            offence=rng.choice(OFFENCES),
            loss_amount=Decimal(rng.randint(0, 5000)) if rng.random() < 0.6 else None,
            loss_currency="EUR",
            original=b"{}",
            original_sha256="0" * 64,
            received_at=received,
            processed_at=received,
            updated_at=received,
        )
        report_rows.append(tuple(row[f.column] for f in report_fields))
        seen: set[tuple[int, str]] = set()
        for kind, text, role in found:
            key = (kind, text)
            if key not in observable_ids:
                observable_ids[key] = len(observable_ids) + 1
                observable_rows.append((observable_ids[key], kind, text, text, received))
            pair = (observable_ids[key], role)
            if pair not in seen:
                seen.add(pair)
                link_rows.append((len(link_rows) + 1, number + 1, observable_ids[key], role))
    tables = [
        (Report._meta.db_table, [f.column for f in report_fields], report_rows),
        (
            Observable._meta.db_table,
            ["id", "type", "value", "display", "first_seen"],
            observable_rows,
        ),
        (
            ReportObservable._meta.db_table,
            ["id", "report_id", "observable_id", "role"],
            link_rows,
        ),
    ]
    extra = {f.column for f in Observable._meta.concrete_fields} - {
        "id",
        "type",
        "value",
        "display",
        "first_seen",
    }
    if extra:  # columns added since (enrichment): fill them with their defaults
        fields = [f for f in Observable._meta.concrete_fields if f.column in extra]
        tables[1] = (
            tables[1][0],
            tables[1][1] + [f.column for f in fields],
            [(*row, *(f.get_default() for f in fields)) for row in observable_rows],
        )
    if connection.vendor == "sqlite":
        # bench scaffolding only: a big page cache and no fsync while loading (the
        # rebuild and the ingest below run with SQLite's defaults again)
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -500000")
            cursor.execute("PRAGMA synchronous = OFF")
    for table, columns, rows in tables:
        _write(connection, table, columns, rows)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -2000")
            cursor.execute("PRAGMA synchronous = FULL")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # a live database has its planner statistics
    return {
        "reports": len(report_rows),
        "observables": len(observable_rows),
        "links": len(link_rows),
    }


def _write(connection: Any, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    """Insert ``rows``: COPY on PostgreSQL, batched executemany on SQLite."""
    names = ", ".join(columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT MAX(id) FROM {table}))"
            )
        else:
            # SQLite inserts into big random-order indexes slowly: load the rows first,
            # then build the table's indexes again (bench scaffolding only)
            cursor.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                "AND sql IS NOT NULL",
                [table],
            )
            indexes = [sql for (sql,) in cursor.fetchall()]
            for sql in indexes:
                cursor.execute("DROP INDEX " + sql.split(" ON ")[0].split()[-1])
            marks = ", ".join(["%s"] * len(columns))
            for i in range(0, len(rows), 10_000):
                cursor.executemany(
                    f"INSERT INTO {table} ({names}) VALUES ({marks})", rows[i : i + 10_000]
                )
            for sql in indexes:
                cursor.execute(sql)


def ingest(count: int, size: int, seed: int) -> tuple[float, list[float]]:
    """Store and correlate ``count`` new reports one by one, as the pipeline does.

    Returns (reports per second for store+attach+correlate, correlate latencies in ms).
    """
    from crex.accounts.models import Organisation
    from crex.core.observables import Normalised, ObservableType
    from crex.correlation.services import correlate_report, current_warninglist
    from crex.reports.models import Report
    from crex.reports.services import attach_observables

    organisation = Organisation.objects.get(is_operator=True)
    current_warninglist()  # read the shipped list once, as a running server has
    rng = random.Random(seed + 2)
    # the reports that would follow the loaded ones: same campaigns, new values
    batch = [found for _, found in synthetic(size + count, seed, size // 40)][size:]
    latencies: list[float] = []
    started = time.perf_counter()
    for number, found in enumerate(batch):
        report = Report(
            reference=f"CR-2026-{number + 1:07d}-N",
            organisation=organisation,
            channel="web",
            victim_country=rng.choice(COUNTRIES),
            offence=rng.choice(OFFENCES),
        )
        report.keep_original(b"{}", "application/json")
        report.save()
        attach_observables(
            report,
            [(Normalised(ObservableType(kind), text, text), role) for kind, text, role in found],
        )
        begin = time.perf_counter()
        correlate_report(report)
        latencies.append((time.perf_counter() - begin) * 1000)
    elapsed = time.perf_counter() - started
    return count / elapsed, latencies


def percentile(values: list[float], share: float) -> float:
    """The ``share`` percentile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def run(database: str, size: int, args: argparse.Namespace) -> None:
    """One size on one database, printed as one block."""
    from django.core.management import call_command

    from crex.correlation.rebuild import rebuild

    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    counts = load(size, args.seed)
    loaded = time.perf_counter() - began
    began = time.perf_counter()
    result = rebuild()
    rebuilt = time.perf_counter() - began
    rate, latencies = ingest(args.new, size, args.seed)
    print(
        f"{database:<11}{size:>9,} reports  {counts['observables']:>9,} observables  "
        f"{counts['links']:>9,} report-observable rows  (bulk load {loaded:.0f} s)\n"
        f"  full rebuild      {rebuilt:8.1f} s   ({result.links:,} links, {result.held} values "
        f"held, {result.suppressed} on the warninglist, {result.cases_proposed:,} cases, "
        f"{result.reports_in_cases:,} reports in cases)\n"
        f"  ingest+correlate  {rate:8.1f} reports/s over {args.new} new reports\n"
        f"  correlate latency p50 {percentile(latencies, 0.5):.1f} ms, "
        f"p99 {percentile(latencies, 0.99):.1f} ms, max {max(latencies):.1f} ms",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    """Parse options; run each (database, size) in its own process."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100000", help="comma-separated report counts")
    parser.add_argument("--databases", default="sqlite", help="sqlite, postgresql or both")
    parser.add_argument(
        "--postgres-url",
        default="postgres://postgres@127.0.0.1:5432/postgres",
        help="a PostgreSQL server to create the scratch database crex_bench on",
    )
    parser.add_argument("--new", type=int, default=500, help="new reports to time (default 500)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--one", nargs=2, metavar=("DATABASE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        database, size = args.one[0], int(args.one[1])
        with tempfile.TemporaryDirectory() as scratch:
            if database == "postgresql":
                url = _scratch_postgres(args.postgres_url)
            else:
                url = f"sqlite:///{scratch}/bench.sqlite3"
            setup_django(url, scratch)
            run(database, size, args)
        return 0
    import subprocess

    for database in args.databases.split(","):
        for size in (int(s) for s in args.sizes.split(",")):
            command = [
                sys.executable,
                __file__,
                "--one",
                database,
                str(size),
                "--new",
                str(args.new),
            ]
            command += ["--seed", str(args.seed), "--postgres-url", args.postgres_url]
            subprocess.run(command, check=True)
    return 0


def _scratch_postgres(server_url: str) -> str:
    """Drop and recreate the database ``crex_bench``; returns its URL."""
    import psycopg

    with psycopg.connect(
        server_url.replace("postgres://", "postgresql://"), autocommit=True
    ) as conn:
        conn.execute("DROP DATABASE IF EXISTS crex_bench")
        conn.execute("CREATE DATABASE crex_bench")
    base = server_url.rsplit("/", 1)[0]
    return f"{base}/crex_bench"


if __name__ == "__main__":
    sys.exit(main())
