"""Benchmark crex's TAXII 2.1 server against medallion, the OASIS reference server.

Generates a reproducible feed of STIX 2.1 objects (reports of phishing and fraud with
their indicators, observed-data, relationships and SCOs, the source identities and
locations, TLP 2.0 marking definitions; built by ``crex.core.stix`` from generated
``SharedReport`` records, so the bodies are what crex publishes), then in one run:

- crex: a fresh database (SQLite in a temporary directory, or a scratch PostgreSQL
  database), ``crex migrate`` in a subprocess, the objects bulk-loaded into the sharing
  store from this process (``django.setup()`` with ``DATABASE_URL`` set first; one grant
  each, distribution "partners", at the object's TLP), an operator, a partner bank with
  an API token and a "partners" TAXII collection; then ``crex serve --no-migrate`` as a
  subprocess;
- medallion: the same objects in a memory-backend data file, ``medallion`` (Flask's
  threaded server, as its own script starts it) as a subprocess;

and reads the whole collection from each with ``taxii2client.v21.Collection`` and
``as_pages`` at the same page size, checking that every object came exactly once. It
prints objects/s, pages, page latencies and the server's peak RSS, and the ratio
crex/medallion against the target (at least 3x).

    python bench/taxii.py                    # 100k objects, SQLite, pages of 1000
    python bench/taxii.py --quick            # 5k objects, a smoke run (< 1 min)
    python bench/taxii.py --database-url postgresql://postgres@127.0.0.1:5432/test
    python bench/taxii.py --objects 20000 --page-size 500 --runs 5 --no-medallion
    python bench/taxii.py --no-medallion --profile   # where crex's time goes, per function

With ``--database-url`` the scratch database ``crex_bench_taxii`` is created on that
server and dropped afterwards; nothing else there is touched. Each server is started
once and read ``--runs`` times; the run with the median time is reported. medallion's
memory backend takes time quadratic in the collection's size (each first page filters
and sorts with nested loops over every object), so it is given ``--medallion-budget``
seconds: a server that has not finished by then is stopped, and the ratio is given as a
lower bound (crex's rate against the rate medallion would at most have had, the whole
collection in the budget). Everything talks to 127.0.0.1 only.

medallion needs the ``bench`` extra: ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from crex.core.exchange import Party, SharedObservable, SharedReport
from crex.core.observables import InvalidObservable, normalise
from crex.core.stix import report_objects, support_objects
from crex.core.stix.ids import parse_timestamp, timestamp
from crex.core.stix.markings import tlp_of_marking
from crex.core.tlp import TLP

HOST = "127.0.0.1"
SCRATCH_DATABASE = "crex_bench_taxii"
COLLECTION_ID = "5f0e6a3c-2b7d-4c1e-9a8f-3d6b1c0e7a21"
MEDALLION_ROOT = "bench"
PARTNER_USER = "partner"
PARTNER_PASSWORD = "bench-partner-password"  # a throwaway account in a scratch database
START = datetime(2025, 1, 1, tzinfo=UTC)

# ---------------------------------------------------------------------------------------
# The feed: reports with their observables, as crex publishes them.
# ---------------------------------------------------------------------------------------

SOURCES = (
    Party("Bench contact point", "NL", "contact_point"),
    Party("Bench national CERT", "DE", "cert"),
    Party("Bench payment provider", "FR", "bank_payment"),
    Party("Bench police unit", "BE", "law_enforcement"),
    Party("Bench hosting provider", "PL", "isp_hosting"),
)
WORDS = (
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
    "holiday",
    "ticket",
    "tax",
    "refund",
    "portal",
    "client",
    "help",
    "mail",
    "cloud",
    "drive",
    "photo",
    "promo",
    "bonus",
    "prize",
    "sparkasse",
    "poczta",
    "allegro",
    "laposte",
    "ebay",
    "dhl",
)
SUFFIXES = ("com", "net", "org", "de", "fr", "pl", "nl", "be", "eu", "info", "online", "shop")
PATHS = ("login", "verify", "account/update", "pay", "checkout", "de/konto", "fr/compte")
COUNTRIES = ("NL", "DE", "FR", "BE", "PL", "AT", "ES", "IT")
OFFENCES = ("phishing", "online_shopping_fraud", "investment_fraud", "romance_fraud")
TYPES = (("url", 35), ("domain-name", 25), ("ipv4-addr", 20), ("email-addr", 20))
ROLES = {
    "url": ("phishing_url", "phishing_url", "malicious_url", "mentioned"),
    "domain-name": ("phishing_url", "mentioned"),
    "ipv4-addr": ("attacker_ip", "mentioned"),
    "email-addr": ("sender", "sender", "mentioned", "victim_asset"),
}
NARRATIVE = (
    "The reporter received a message asking them to confirm their details on a page that "
    "imitated their bank; after entering them, a transfer left their account."
)


@dataclass(frozen=True)
class Item:
    """One object of the feed: its JSON, as stored and served, and its store columns."""

    stix_id: str
    type: str
    version: datetime  # modified (or created); for an SCO, when it was first published
    date_added: datetime
    tlp: str
    body: str  # compact JSON with sorted keys, as `crex.sharing.store.compact` writes it


def compact(obj: dict[str, Any]) -> str:
    """``obj`` as the sharing store keeps and serves it (`crex.sharing.store.compact`)."""
    return json.dumps(obj, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def _domain(rng: random.Random) -> str:
    first, second = rng.sample(WORDS, 2)
    return f"{first}-{second}{rng.randint(1, 9999)}.{rng.choice(SUFFIXES)}"


def _host(rng: random.Random) -> str:
    return rng.choice(("", "", "www.", "login.", "secure.")) + _domain(rng)


def _value(rng: random.Random, kind: str) -> str:
    match kind:
        case "url":
            query = f"?id={rng.randint(1000, 99999)}" if rng.random() < 0.3 else ""
            raw = f"https://{_host(rng)}/{rng.choice(PATHS)}{query}"
        case "domain-name":
            raw = _host(rng)
        case "ipv4-addr":
            raw = f"{rng.randint(1, 223)}." + ".".join(str(rng.randint(0, 254)) for _ in range(3))
        case _:
            local = rng.choice(("info", "support", "service", "kontakt", "noreply", "billing"))
            raw = f"{local}{rng.randint(1, 999)}@{_domain(rng)}"
    return normalise(kind, raw).value


def _observables(
    rng: random.Random, campaigns: list[list[tuple[str, str]]], tlp: TLP
) -> tuple[SharedObservable, ...]:
    """Three to seven observables; a third of reports reuse values of a campaign."""
    kinds = [k for k, weight in TYPES for _ in range(weight)]
    found: dict[tuple[str, str], str] = {}
    if rng.random() < 0.33:
        for kind, value in rng.sample(
            campaign := rng.choice(campaigns), rng.randint(1, len(campaign))
        ):
            found[(kind, value)] = rng.choice(ROLES[kind])
    target = rng.randint(3, 7)
    for _ in range(100):  # bounded: a value that does not normalise is drawn again
        if len(found) >= target:
            break
        kind = rng.choice(kinds)
        try:
            found[(kind, _value(rng, kind))] = rng.choice(ROLES[kind])
        except InvalidObservable:
            continue
    return tuple(
        SharedObservable(type=kind, value=value, tlp=tlp, role=role)
        for (kind, value), role in found.items()
    )


def _tlp(obj: dict[str, Any]) -> str:
    for ref in obj.get("object_marking_refs", []):
        if (found := tlp_of_marking(ref)) is not None:
            return found.value
    return TLP.CLEAR.value


def reports(seed: int) -> Iterator[SharedReport]:
    """An endless, reproducible stream of shared reports, received 30 s apart and
    changed (``modified``) at most 20 s later."""
    rng = random.Random(seed)
    campaigns: list[list[tuple[str, str]]] = []
    for _ in range(500):
        kinds = rng.sample([k for k, _ in TYPES], rng.randint(1, 3))
        campaigns.append([(kind, _value(rng, kind)) for kind in kinds])
    number = 0
    while True:
        number += 1
        received = START + timedelta(seconds=30 * number)
        tlp = TLP.GREEN if rng.random() < 0.8 else TLP.CLEAR
        offence = rng.choice(OFFENCES)
        yield SharedReport(
            reference=f"CR-2025-{number:07d}-B",
            title=f"{offence.replace('_', ' ').capitalize()} report {number}",
            tlp=tlp,
            created=received,
            modified=received + timedelta(seconds=rng.randint(0, 20)),
            source=rng.choice(SOURCES),
            category="fraud",
            offence=offence,
            rsit="fraud/phishing" if offence == "phishing" else "fraud/other",
            victim_country=rng.choice(COUNTRIES),
            language=rng.choice(("en", "de", "fr", "nl")),
            description=NARRATIVE if rng.random() < 0.3 else "",
            observables=_observables(rng, campaigns, tlp),
        )


def generate(count: int, seed: int) -> list[Item]:
    """``count`` distinct objects of a reproducible feed, in the order they were added.

    Each report's objects are added together when it is published (they share one
    ``date_added``, as in the sharing store); an SCO seen again in a later report is the
    same object and is not added twice. Support objects (identities, locations,
    markings) come with the first report that needs them.

    Extension definitions are left out: medallion 3.0 reads their ``version`` property
    ("1.0.0") as the object's version and answers every page of a collection holding one
    with HTTP 500.
    """
    items: list[Item] = []
    seen: set[str] = set()
    for report in reports(seed):
        added = report.created + timedelta(seconds=25)  # published after its last change
        for obj in support_objects(report) + report_objects(report):
            if obj["id"] in seen or obj["type"] == "extension-definition":
                continue
            seen.add(obj["id"])
            stamp = obj.get("modified") or obj.get("created")
            version = parse_timestamp(stamp) if stamp else added
            items.append(Item(obj["id"], obj["type"], version, added, _tlp(obj), compact(obj)))
            if len(items) == count:
                return items
    raise AssertionError("the report stream is endless")


# ---------------------------------------------------------------------------------------
# Servers: free ports, waiting, peak memory, stopping.
# ---------------------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[bytes], seconds: float) -> None:
    """Return once ``url`` answers with any HTTP status; raise if the server died or
    did not answer within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:
            return  # 401/406: it is up, and wants credentials or another Accept
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f} s")


def peak_rss_mb(pid: int) -> float:
    """The peak resident set size of process ``pid`` (VmHWM), in MB; 0 when unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def stop(process: subprocess.Popen[bytes] | None) -> None:
    """Terminate ``process`` (then kill it if it lingers)."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def start_server(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """Start a server subprocess whose output goes to ``log``."""
    with log.open("wb") as out:
        return subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)


# ---------------------------------------------------------------------------------------
# Reading a collection with the OASIS client.
# ---------------------------------------------------------------------------------------


@dataclass
class Reading:
    """One full read of a collection: time, pages and what came."""

    seconds: float
    page_ms: list[float]
    ids: Counter[str] = field(default_factory=Counter)
    finished: bool = True

    @property
    def objects(self) -> int:
        """How many objects were read (repeats included)."""
        return sum(self.ids.values())

    @property
    def rate(self) -> float:
        """Objects read per second."""
        return self.objects / self.seconds if self.seconds else 0.0


def read_collection(url: str, page_size: int, **credentials: Any) -> Reading:
    """Read every object of the collection at ``url`` with ``taxii2client``, page by page
    (``as_pages``), timing each request. A connection that breaks (a server stopped at
    its budget) ends the reading with what came so far, marked unfinished."""
    import requests
    from taxii2client.v21 import Collection, as_pages

    collection = Collection(url, **credentials)
    if not collection.can_read:  # loads the collection's information, before the clock
        raise RuntimeError(f"{url} cannot be read with these credentials")
    page_ms: list[float] = []

    def timed(**kwargs: Any) -> dict[str, Any]:
        began = time.perf_counter()
        try:
            return collection.get_objects(**kwargs)
        finally:
            page_ms.append((time.perf_counter() - began) * 1000)

    ids: Counter[str] = Counter()
    began = time.perf_counter()
    finished = True
    try:
        for envelope in as_pages(timed, per_request=page_size):
            ids.update(obj["id"] for obj in envelope.get("objects", []))
    except requests.ConnectionError:
        finished = False
        page_ms.pop()  # the request the server's stop cut short
    return Reading(time.perf_counter() - began, page_ms, ids, finished)


def percentile(values: list[float], share: float) -> float:
    """The ``share`` percentile of ``values`` (nearest rank); 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def check(reading: Reading, expected: set[str], server: str) -> None:
    """Fail unless ``reading`` holds every expected object exactly once (or, when it was
    cut short, only expected objects, each at most once)."""
    repeats = [i for i, n in reading.ids.items() if n > 1]
    unknown = set(reading.ids) - expected
    missing = len(expected - set(reading.ids)) if reading.finished else 0
    if repeats or unknown or missing:
        raise SystemExit(
            f"{server}: wrong objects: {len(repeats)} read more than once, {len(unknown)} "
            f"unknown, {missing} missing (e.g. {(repeats or sorted(unknown) or [''])[0]})"
        )


@dataclass
class Result:
    """A server's median run and its peak memory."""

    server: str
    reading: Reading
    runs: list[float]
    peak_mb: float


def median_run(readings: list[Reading]) -> Reading:
    """The run with the median time (the lower middle one for an even count)."""
    ordered = sorted(readings, key=lambda r: r.seconds)
    return ordered[(len(ordered) - 1) // 2]


def measure(
    server: str,
    process: subprocess.Popen[bytes],
    read: Callable[[], Reading],
    expected: set[str],
    runs: int,
    budget: float,
) -> Result:
    """Read the collection ``runs`` times, each checked; a run past ``budget`` seconds
    stops the server (its peak memory is taken first) and ends the measuring."""
    readings: list[Reading] = []
    peak = 0.0

    def at_budget() -> None:
        nonlocal peak
        peak = peak_rss_mb(process.pid)
        stop(process)

    for number in range(runs):
        timer = threading.Timer(budget, at_budget) if budget else None
        if timer is not None:
            timer.start()
        try:
            reading = read()
        finally:
            if timer is not None:
                timer.cancel()
                timer.join()  # a stop under way ends before the process is looked at
        check(reading, expected, server)
        readings.append(reading)
        state = "" if reading.finished else f" (stopped at the {budget:.0f} s budget)"
        print(
            f"  {server} run {number + 1}: {reading.objects:,} objects in "
            f"{reading.seconds:.2f} s, {len(reading.page_ms)} pages{state}",
            flush=True,
        )
        if not reading.finished:
            break
    if process.poll() is None:
        peak = max(peak, peak_rss_mb(process.pid))
    finished = [r for r in readings if r.finished]
    return Result(server, median_run(finished or readings), [r.seconds for r in readings], peak)


# ---------------------------------------------------------------------------------------
# medallion: a memory-backend data file and its configuration.
# ---------------------------------------------------------------------------------------


def medallion_files(items: list[Item], directory: Path, port: int, page_size: int) -> Path:
    """Write medallion's data file (its memory backend's layout: objects and their
    manifest entries, date added, version and media type) and its configuration; returns
    the configuration's path. SCOs carry ``_date_added``, as the backend keeps them."""
    objects: list[dict[str, Any]] = []
    manifest: list[dict[str, str]] = []
    for item in items:
        obj = json.loads(item.body)
        added = timestamp(item.date_added)
        version = timestamp(item.version)
        if "modified" not in obj and "created" not in obj:
            obj["_date_added"] = version
        objects.append(obj)
        manifest.append(
            {
                "id": item.stix_id,
                "date_added": added,
                "version": version,
                "media_type": "application/stix+json;version=2.1",
            }
        )
    root = f"http://{HOST}:{port}/{MEDALLION_ROOT}/"
    data = {
        "/discovery": {
            "title": "medallion (bench)",
            "description": "The OASIS reference TAXII 2.1 server, memory backend.",
            "default": root,
            "api_roots": [root],
        },
        MEDALLION_ROOT: {
            "information": {
                "title": "Bench API root",
                "versions": ["application/taxii+json;version=2.1"],
                "max_content_length": 104857600,
            },
            "status": [],
            "collections": [
                {
                    "id": COLLECTION_ID,
                    "title": "All partners",
                    "can_read": True,
                    "can_write": False,
                    "media_types": ["application/stix+json;version=2.1"],
                    "objects": objects,
                    "manifest": manifest,
                }
            ],
        },
    }
    data_path = directory / "medallion-data.json"
    data_path.write_text(json.dumps(data))
    config = {
        "backend": {
            "module": "medallion.backends.memory_backend",
            "module_class": "MemoryBackend",
            "filename": str(data_path),
            # `next` pages expire this long after the first request: not during a read
            "session_timeout": 24 * 3600,
        },
        "users": {PARTNER_USER: PARTNER_PASSWORD},
        "taxii": {"max_page_size": page_size},
    }
    config_path = directory / "medallion-config.json"
    config_path.write_text(json.dumps(config))
    return config_path


def run_medallion(
    items: list[Item], directory: Path, args: argparse.Namespace, expected: set[str]
) -> Result:
    """Serve ``items`` with medallion and read them back."""
    port = free_port()
    config = medallion_files(items, directory, port, args.page_size)
    command = [sys.executable, "-m", "medallion.scripts.run", "--host", HOST]
    command += ["--port", str(port), str(config)]
    process = start_server(command, dict(os.environ), directory / "medallion.log")
    try:
        wait_until_up(f"http://{HOST}:{port}/taxii2/", process, 300)
        url = f"http://{HOST}:{port}/{MEDALLION_ROOT}/collections/{COLLECTION_ID}/"

        def read() -> Reading:
            return read_collection(
                url, args.page_size, user=PARTNER_USER, password=PARTNER_PASSWORD
            )

        return measure("medallion", process, read, expected, args.runs, args.medallion_budget)
    finally:
        stop(process)


# ---------------------------------------------------------------------------------------
# crex: a scratch database, the sharing store loaded in bulk, `crex serve`.
# ---------------------------------------------------------------------------------------


def scratch_postgres(server_url: str, create: bool) -> str:
    """(Re)create, or drop, the scratch database on ``server_url``; returns its URL."""
    import psycopg

    url = server_url.replace("postgres://", "postgresql://", 1)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {SCRATCH_DATABASE} WITH (FORCE)")
        if create:
            conn.execute(f"CREATE DATABASE {SCRATCH_DATABASE}")
    return url.rsplit("/", 1)[0] + "/" + SCRATCH_DATABASE


def load_crex(items: list[Item]) -> tuple[str, str]:
    """Fill the sharing store with ``items`` (one grant each: the operator's, to partners,
    at the object's TLP), add a partner bank with a user and an API token and the
    "partners" collection; returns (collection id, raw token). Needs Django set up."""
    from django.core.management.color import no_style
    from django.db import connection, transaction

    from crex.accounts.models import ApiToken, Organisation, User
    from crex.sharing.models import ObjectGrant, SharedObject, TaxiiCollection

    with transaction.atomic():
        operator = Organisation.objects.create(
            name="Bench contact point", kind="contact_point", country="NL", is_operator=True
        )
        partner = Organisation.objects.create(
            name="Bench partner bank", kind="bank_payment", country="DE"
        )
        User.objects.create_user(
            PARTNER_USER, password=PARTNER_PASSWORD, organisation=partner, role="partner"
        )
        _, raw = ApiToken.issue(partner, "taxii bench")
        collection = TaxiiCollection.objects.create(
            id=uuid.UUID(COLLECTION_ID),
            title="All partners",
            alias="partners",
            kind=TaxiiCollection.Kind.PARTNERS,
            owner=operator,
        )
        for start in range(0, len(items), 10_000):
            batch = items[start : start + 10_000]
            SharedObject.objects.bulk_create(
                SharedObject(
                    id=start + i + 1,
                    stix_id=item.stix_id,
                    type=item.type,
                    version=item.version,
                    spec_version="2.1",
                    body=item.body,
                    date_added=item.date_added,
                    is_latest=True,
                )
                for i, item in enumerate(batch)
            )
            ObjectGrant.objects.bulk_create(
                ObjectGrant(
                    id=start + i + 1,
                    object_id=start + i + 1,
                    owner=operator,
                    tlp=item.tlp,
                    distribution="partners",
                )
                for i, item in enumerate(batch)
            )
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [SharedObject, ObjectGrant]):
                cursor.execute(sql)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # a live database has its planner statistics
    connection.close()
    return str(collection.id), raw


def profile_crex(collection_id: str, token: str, page_size: int, top: int = 15) -> None:
    """Read the whole collection once more inside this process, through Django's test
    client (the same views, no HTTP), under cProfile; print where the time went."""
    import cProfile
    import pstats

    from django.test import Client

    client = Client(
        HTTP_AUTHORIZATION=f"Token {token}",
        HTTP_ACCEPT="application/taxii+json;version=2.1",
        SERVER_NAME=HOST,
    )
    url = f"/taxii2/api/collections/{collection_id}/objects/"
    params: dict[str, Any] = {"limit": page_size}
    client.get(url, {"limit": 1})  # imports and URL map loaded before the profiler starts
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(1_000_000):  # bounded: ends at the last page
        answer = client.get(url, params)
        if answer.status_code != 200:
            raise RuntimeError(f"crex answered {answer.status_code}: {answer.content[:200]!r}")
        envelope = json.loads(answer.content)
        if not envelope.get("more"):
            break
        params = {"limit": page_size, "next": envelope["next"]}
    profiler.disable()
    print(f"crex in-process profile of one full read (top {top} by own time):")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(top)


def run_crex(
    items: list[Item], directory: Path, args: argparse.Namespace, expected: set[str]
) -> Result:
    """Serve ``items`` with ``crex serve`` and read them back."""
    postgres = bool(args.database_url)
    url = (
        scratch_postgres(args.database_url, create=True)
        if postgres
        else f"sqlite:///{directory / 'crex.sqlite3'}"
    )
    env = dict(os.environ, DATABASE_URL=url, CREX_DATA_DIR=str(directory))
    env.setdefault("DJANGO_SETTINGS_MODULE", "crex.config.settings")
    env["CREX_LOG_LEVEL"] = "WARNING"
    process = None
    try:
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "crex.cli", "migrate", "--no-input", "-v", "0"],
            env=env,
            check=True,
            timeout=600,
        )
        migrated = time.perf_counter() - began
        os.environ.update({k: env[k] for k in ("DATABASE_URL", "CREX_DATA_DIR")})
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crex.config.settings")
        import django

        django.setup()
        began = time.perf_counter()
        collection_id, token = load_crex(items)
        print(
            f"crex: {'PostgreSQL' if postgres else 'SQLite'}, migrated in {migrated:.1f} s, "
            f"{len(items):,} objects loaded in {time.perf_counter() - began:.1f} s",
            flush=True,
        )
        port = free_port()
        command = [sys.executable, "-m", "crex.cli", "serve", "--host", HOST, "--port"]
        command += [str(port), "--no-migrate", "--threads", str(args.threads)]
        process = start_server(command, env, directory / "crex.log")
        wait_until_up(f"http://{HOST}:{port}/taxii2/", process, 120)
        collection_url = f"http://{HOST}:{port}/taxii2/api/collections/{collection_id}/"

        def read() -> Reading:
            if args.auth == "basic":
                return read_collection(
                    collection_url, args.page_size, user=PARTNER_USER, password=PARTNER_PASSWORD
                )
            from taxii2client.common import TokenAuth

            return read_collection(collection_url, args.page_size, auth=TokenAuth(token))

        result = measure("crex", process, read, expected, args.runs, args.crex_budget)
        if args.profile:
            profile_crex(collection_id, token, args.page_size)
        return result
    finally:
        stop(process)
        if postgres:
            from django.db import connections

            connections.close_all()
            scratch_postgres(args.database_url, create=False)


# ---------------------------------------------------------------------------------------
# The table.
# ---------------------------------------------------------------------------------------


def print_table(results: list[Result], total: int) -> None:
    """One line per server (its median run), then crex's ratio to medallion."""
    print(
        f"{'server':<11}{'objects':>9}{'s':>9}{'objects/s':>11}{'pages':>7}"
        f"{'p50 ms':>9}{'p99 ms':>9}{'first ms':>10}{'peak RSS MB':>13}"
    )
    for r in results:
        reading = r.reading
        first = reading.page_ms[0] if reading.page_ms else 0.0
        print(
            f"{r.server:<11}{reading.objects:>9,}{reading.seconds:>9.2f}{reading.rate:>11,.0f}"
            f"{len(reading.page_ms):>7}{percentile(reading.page_ms, 0.5):>9.1f}"
            f"{percentile(reading.page_ms, 0.99):>9.1f}{first:>10.1f}{r.peak_mb:>13.0f}"
            + ("" if reading.finished else "  stopped at budget")
        )
    by_name = {r.server: r for r in results}
    if "crex" not in by_name or "medallion" not in by_name:
        return
    crex, medallion = by_name["crex"].reading, by_name["medallion"].reading
    if not crex.finished:
        print("crex / medallion: crex did not finish within its budget; no ratio")
        return
    if medallion.finished:
        ratio = crex.rate / medallion.rate
        verdict = "met" if ratio >= 3 else "NOT met"
        print(f"crex / medallion: {ratio:.1f}x objects/s (target >= 3x: {verdict})")
    else:
        # medallion could at most have read everything in the time it was given
        bound = crex.rate / (total / medallion.seconds)
        verdict = "met" if bound >= 3 else "not shown"
        print(
            f"crex / medallion: >= {bound:.1f}x objects/s (medallion stopped after "
            f"{medallion.seconds:.0f} s with {medallion.objects:,} of {total:,} objects; "
            f"target >= 3x: {verdict})"
        )


def main(argv: list[str] | None = None) -> int:
    """Parse the options, generate the feed, run both servers and print the table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--objects", type=int, default=100_000, help="feed size (default 100000)")
    parser.add_argument("--quick", action="store_true", help="a 5000-object smoke run")
    parser.add_argument("--page-size", type=int, default=1000, help="objects a page (default 1000)")
    parser.add_argument(
        "--runs", type=int, default=3, help="reads of each server; the median counts (default 3)"
    )
    parser.add_argument("--seed", type=int, default=20250101, help="random seed (default fixed)")
    parser.add_argument(
        "--database-url",
        default="",
        help="a PostgreSQL server to create the scratch database crex_bench_taxii on, e.g. "
        "postgresql://postgres@127.0.0.1:5432/test (default: SQLite in a temporary directory)",
    )
    parser.add_argument("--threads", type=int, default=4, help="crex serve --threads (default 4)")
    parser.add_argument(
        "--auth",
        choices=("token", "basic"),
        default="token",
        help="how the client authenticates to crex: API token or HTTP Basic (default token)",
    )
    parser.add_argument(
        "--medallion-budget",
        type=float,
        default=300.0,
        help="seconds medallion may take for one read before it is stopped (default 300)",
    )
    parser.add_argument(
        "--crex-budget",
        type=float,
        default=600.0,
        help="seconds crex may take for one read before it is stopped (default 600)",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also profile one full read of crex in this process (cProfile, no HTTP)",
    )
    parser.add_argument("--no-medallion", action="store_true", help="run crex only")
    parser.add_argument("--no-crex", action="store_true", help="run medallion only")
    args = parser.parse_args(argv)
    if args.quick:
        args.objects = 5_000
        args.runs = min(args.runs, 2)
        args.medallion_budget = min(args.medallion_budget, 15.0)

    began = time.perf_counter()
    items = generate(args.objects, args.seed)
    expected = {item.stix_id for item in items}
    kinds = Counter(item.type for item in items)
    size = sum(len(item.body.encode()) for item in items)
    print(
        f"feed: {len(items):,} objects ({size / 1e6:.1f} MB of JSON, "
        f"{size / len(items):.0f} B on average) made in {time.perf_counter() - began:.1f} s, "
        f"seed {args.seed}: " + ", ".join(f"{k} {n:,}" for k, n in kinds.most_common()),
        flush=True,
    )
    print(
        f"reading with taxii2client as_pages, {args.page_size} a page; each server read "
        f"{args.runs}x, the median run counts; peak RSS is the server process's VmHWM",
        flush=True,
    )
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="crex-bench-taxii-") as scratch:
        directory = Path(scratch)
        if not args.no_crex:
            results.append(run_crex(items, directory, args, expected))
        if not args.no_medallion:
            results.append(run_medallion(items, directory, args, expected))
    print_table(results, len(items))
    return 0


if __name__ == "__main__":
    sys.exit(main())
