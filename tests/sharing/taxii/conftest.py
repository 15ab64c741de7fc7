"""Fixtures for the TAXII server tests: collections of every kind, rows of the sharing
store written directly (an object version plus the grant that says who may read it),
and a client that speaks TAXII with a persona's credentials."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from crex.accounts.models import ApiToken, Organisation, User
from crex.sharing.models import ObjectGrant, SharedObject, SharingGroup, TaxiiCollection
from tests.conftest import PASSWORD

TAXII = "application/taxii+json;version=2.1"
START = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _forget_verified_passwords() -> Iterator[None]:
    """Each test checks passwords afresh (verified ones are cached for a few minutes)."""
    cache.clear()
    yield
    cache.clear()


def url(name: str, **kwargs: Any) -> str:
    """The path of a TAXII endpoint, e.g. ``url("objects", collection_id=...)``."""
    return reverse(f"taxii:{name}", kwargs={k: str(v) for k, v in kwargs.items()})


def basic(username: str, password: str = PASSWORD) -> str:
    """An ``Authorization`` header value for HTTP Basic."""
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


def stix(stix_id: str, modified: datetime, **extra: Any) -> dict[str, Any]:
    """A minimal STIX 2.1 indicator-like object with that id and version."""
    stamp = modified.strftime("%Y-%m-%dT%H:%M:%S.") + f"{modified.microsecond // 1000:03d}Z"
    kind = stix_id.partition("--")[0]
    obj = {"type": kind, "spec_version": "2.1", "id": stix_id, "created": stamp}
    obj["modified"] = stamp
    obj.update(extra)
    return obj


def new_id(kind: str = "indicator") -> str:
    """A fresh STIX id of ``kind``."""
    return f"{kind}--{uuid.uuid4()}"


@dataclass
class Store:
    """Writes rows of the sharing store as publishing would: a version and its grant."""

    added: datetime = START
    written: list[SharedObject] = field(default_factory=list)

    def publish(
        self,
        owner: Organisation,
        *,
        stix_id: str | None = None,
        version: datetime = START,
        tlp: str = "green",
        distribution: str = "partners",
        group: SharingGroup | None = None,
        date_added: datetime | None = None,
        is_latest: bool = True,
    ) -> SharedObject:
        """One published object version readable under these handling rules."""
        stix_id = stix_id or new_id()
        if date_added is None:
            self.added += timedelta(seconds=1)
            date_added = self.added
        row = SharedObject.objects.create(
            stix_id=stix_id,
            type=stix_id.partition("--")[0],
            version=version,
            body=json.dumps(stix(stix_id, version), separators=(",", ":"), sort_keys=True),
            date_added=date_added,
            is_latest=is_latest,
        )
        ObjectGrant.objects.create(
            object=row,
            owner=owner,
            tlp=tlp,
            distribution=distribution,
            sharing_group=group,
        )
        self.written.append(row)
        return row

    def publish_many(
        self, owner: Organisation, count: int, *, kinds: tuple[str, ...] = ("indicator",)
    ) -> list[SharedObject]:
        """``count`` objects shared with all partners, added in order; every pair shares a
        date_added, so paging must break ties on the row id."""
        rows = []
        for index in range(count):
            stix_id = new_id(kinds[index % len(kinds)])
            rows.append(
                SharedObject(
                    stix_id=stix_id,
                    type=stix_id.partition("--")[0],
                    version=START,
                    body=json.dumps(stix(stix_id, START), separators=(",", ":")),
                    date_added=self.added + timedelta(milliseconds=index // 2),
                )
            )
        created = SharedObject.objects.bulk_create(rows, batch_size=500)
        if created and created[0].pk is None:  # databases that return no ids
            created = list(SharedObject.objects.order_by("-pk")[:count])[::-1]
        ObjectGrant.objects.bulk_create(
            [
                ObjectGrant(object=row, owner=owner, tlp="green", distribution="partners")
                for row in created
            ],
            batch_size=500,
        )
        self.added += timedelta(milliseconds=count)
        self.written += created
        return created


@pytest.fixture
def store(db: None) -> Store:
    """The sharing store, written row by row."""
    return Store()


@pytest.fixture
def group(operator: Organisation, cert: Organisation) -> SharingGroup:
    """A sharing group of the contact point and the CERT (not the bank, not DE)."""
    group = SharingGroup.objects.create(name="NL fraud working group")
    group.members.add(operator, cert)
    return group


@pytest.fixture
def public_view(operator: Organisation) -> TaxiiCollection:
    return TaxiiCollection.objects.create(
        title="Public", alias="public", kind="public", owner=operator
    )


@pytest.fixture
def partners_view(operator: Organisation) -> TaxiiCollection:
    return TaxiiCollection.objects.create(
        title="All partners", alias="partners", kind="partners", owner=operator
    )


@pytest.fixture
def group_view(operator: Organisation, group: SharingGroup) -> TaxiiCollection:
    return TaxiiCollection.objects.create(
        title="NL fraud working group",
        alias="nl-fraud",
        kind="group",
        sharing_group=group,
        owner=operator,
    )


@pytest.fixture
def inbox(operator: Organisation) -> TaxiiCollection:
    """The contact point's inbox: partners post to it, only the contact point reads it."""
    return TaxiiCollection.objects.create(
        title="Inbox", alias="inbox", kind="inbox", owner=operator
    )


class Taxii:
    """A Django test client that sends TAXII requests as one caller."""

    def __init__(self, authorization: str) -> None:
        self.client = Client()
        self.authorization = authorization

    def headers(self, **extra: str) -> dict[str, str]:
        return {"Authorization": self.authorization, "Accept": TAXII, **extra}

    def get(self, path: str, params: dict[str, Any] | None = None, **headers: str) -> Any:
        """GET ``path`` with query ``params``; the response."""
        return self.client.get(path, params or {}, headers=self.headers(**headers))

    def post(self, path: str, body: Any, content_type: str = TAXII, **headers: str) -> Any:
        """POST ``body`` (JSON-encoded unless bytes or text) to ``path``; the response."""
        if not isinstance(body, (bytes, str)):
            body = json.dumps(body)
        return self.client.post(
            path, body, content_type=content_type, headers=self.headers(**headers)
        )

    def delete(self, path: str) -> Any:
        """DELETE ``path``; the response."""
        return self.client.delete(path, headers=self.headers())


@pytest.fixture
def as_police(police_analyst: User) -> Taxii:
    """The contact point's analyst (the operator), with a password."""
    return Taxii(basic(police_analyst.username))


@pytest.fixture
def as_cert(cert_analyst: User) -> Taxii:
    """The CERT's analyst, with a password."""
    return Taxii(basic(cert_analyst.username))


@pytest.fixture
def as_bank(bank: Organisation) -> Taxii:
    """The bank's fraud desk, with an API token."""
    _, raw = ApiToken.issue(bank, "taxii")
    return Taxii(f"Bearer {raw}")


@pytest.fixture
def as_foreign(foreign_analyst: User) -> Taxii:
    """The foreign contact point's analyst, with a password."""
    return Taxii(basic(foreign_analyst.username))
