"""The workspace import page: an analyst uploads a partner's STIX bundle or MISP event."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from crex.accounts.models import Organisation, User
from crex.audit.models import AuditEvent
from crex.core.misp import event_json, report_to_event
from crex.core.stix import report_bundle
from crex.reports.models import Report
from crex.sharing.outgoing import outgoing_report
from tests.sharing.conftest import Ingest

NARRATIVE = "Paid 300 EUR to DE44 5001 0517 5407 3249 31 on hxxps://cheap-phones[.]example[.]net/"


@pytest.fixture
def shared(ingest: Ingest) -> Report:
    return ingest(NARRATIVE, offence="online_shopping_fraud")


def upload(client: Client, content: bytes, name: str = "partner.json") -> object:
    return client.post(reverse("sharing:import"), {"file": SimpleUploadedFile(name, content)})


@pytest.mark.parametrize("form", ["stix", "misp"])
def test_an_analyst_imports_a_partners_file(
    shared: Report, foreign_analyst: User, login: Callable[[User], Client], form: str
) -> None:
    record = outgoing_report(shared)
    document = report_bundle(record) if form == "stix" else event_json(report_to_event(record))
    response = upload(login(foreign_analyst), json.dumps(document).encode())
    assert response.status_code == 200
    page = response.content.decode()
    assert "1 new, 0 updated" in page
    copy = Report.objects.get(organisation=foreign_analyst.organisation)
    assert copy.reference in page
    assert AuditEvent.objects.filter(action="reports.imported").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json", "not JSON"),
        (b'{"hello": "world"}', "neither a STIX 2.1 bundle nor a MISP event"),
        (b'{"type": "bundle", "id": "bundle--x", "objects": "nope"}', ""),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_with_the_reason(
    foreign_analyst: User, login: Callable[[User], Client], content: bytes, message: str
) -> None:
    response = upload(login(foreign_analyst), content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Report.objects.exists()


def test_partner_users_may_not_import(
    bank_partner: User, login: Callable[[User], Client], bank: Organisation
) -> None:
    assert login(bank_partner).get(reverse("sharing:import")).status_code == 403
