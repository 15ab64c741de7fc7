"""Two crex nodes federating over TAXII 2.1 on loopback, each with its own database.

Node A (a separate process with its own SQLite database, served by ``crex serve``)
shares a report with a sharing group that holds node B's organisation; node B (this test's
database) pulls A's collection with ``crex feeds pull``. The shared report arrives with its
marking and provenance; A's TLP:RED report, its confidential reporter's report and every
reporter's contact details do not.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command

from crex.accounts.models import Organisation
from crex.reports.models import Report, ReporterContact
from crex.sharing.models import Feed, Provenance

ROOT = Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class NodeA:
    """Node A as node B sees it: where its collection is, B's token there, its reports."""

    url: str
    token: str
    collection_url: str
    references: dict[str, str]
    data_dir: Path

    def run(self, *args: str) -> str:
        """Run the node A script (another process, node A's database)."""
        return _node_a_script(self.data_dir, *args)


def _node_a_environment(data_dir: Path) -> dict[str, str]:
    """Node A's environment: its own data directory and database, crex's own settings."""
    env = {**os.environ, "CREX_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def _node_a_script(data_dir: Path, *args: str) -> str:
    """Run the node A script in its own process and database; its output."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.sharing.federation.node_a", *args],
        cwd=ROOT,
        env=_node_a_environment(data_dir),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode != 0:
        raise RuntimeError(f"node A {args[0]} failed:\n{done.stderr}")
    return done.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("node A stopped before it served")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return  # it answers (401 without credentials): it is up
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("node A did not answer within 60 s")


@pytest.fixture
def node_a(tmp_path: Path, operator: Organisation) -> Iterator[NodeA]:
    """Node A set up in its own database and serving on a free loopback port."""
    data_dir = tmp_path / "node-a"
    env = _node_a_environment(data_dir)
    facts = json.loads(_node_a_script(data_dir, "setup", operator.name).strip().splitlines()[-1])
    port = _free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("crex")),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-migrate",
            "--threads",
            "2",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{url}/taxii2/", server)
        yield NodeA(
            url=url,
            token=facts["token"],
            collection_url=f"{url}/taxii2/api/collections/{facts['collection']}/",
            references={k: facts[k] for k in ("shared", "red", "confidential")},
            data_dir=data_dir,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_node_b_receives_what_node_a_shares_and_nothing_else(
    node_a: NodeA, operator: Organisation
) -> None:
    call_command(
        "feeds",
        "add",
        "node-a",
        node_a.collection_url,
        "--organisation",
        operator.name,
        "--token",
        node_a.token,
    )
    call_command("feeds", "pull", "node-a")

    (report,) = Report.objects.filter(organisation=operator)
    assert (report.tlp, report.channel, report.distribution) == ("green", "feed", "organisation")
    assert report.offence == "online_shopping_fraud"
    provenance = report.provenance
    assert provenance.sender == "Zentrale Meldestelle Cybercrime"
    assert provenance.via == Provenance.Via.TAXII_POLL
    assert provenance.feed == Feed.objects.get(name="node-a")
    values = set(report.observables.values_list("observable__value", flat=True))
    assert "DE44500105175407324931" in values
    assert "shoes-outlet.example.net" in values
    # what may not leave node A did not
    assert not Report.objects.filter(observables__observable__value__contains="red-only").exists()
    assert not Report.objects.filter(
        observables__observable__value__contains="confidential-only"
    ).exists()
    assert not ReporterContact.objects.exists()
    stored = bytes(report.original).decode()
    assert "opfer@example.de" not in stored
    assert "Erika" not in stored
    assert "took 120 EUR from me" not in stored  # the victim's account was not marked shareable

    # a second poll brings nothing new; a change at node A arrives as an update
    feed = Feed.objects.get(name="node-a")
    assert feed.added_after
    call_command("feeds", "pull", "node-a")
    assert Report.objects.filter(organisation=operator).count() == 1
    node_a.run("reclassify", node_a.references["shared"], "phishing")
    call_command("feeds", "pull", "node-a")
    report.refresh_from_db()
    assert report.offence == "phishing"
    assert Report.objects.filter(organisation=operator).count() == 1


def test_a_wrong_token_is_refused_and_recorded(node_a: NodeA, operator: Organisation) -> None:
    call_command(
        "feeds",
        "add",
        "node-a",
        node_a.collection_url,
        "--organisation",
        operator.name,
        "--token",
        "crex_wrong",
    )
    with pytest.raises(Exception, match="could not be pulled"):
        call_command("feeds", "pull", "node-a")
    feed = Feed.objects.get(name="node-a")
    assert "401" in feed.last_error
    assert not Report.objects.exists()
