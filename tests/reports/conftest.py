"""Fixtures for the workspace tests: filing reports the way intake does, and a small
world of reports that the visibility rules speak of (own, shared, shared TLP:RED,
shared confidential, not shared)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from crex.accounts.models import Organisation, User
from crex.intake.services import ReportSubmission, submit
from crex.reports.models import Report

FileReport = Callable[..., Report]


@pytest.fixture
def file_report(operator: Organisation) -> FileReport:
    """A function filing a report through `crex.intake.services.submit`.

    ``file_report(organisation=None, submitted_by=None, shared_with=(), **fields)``:
    the organisation defaults to the operator; ``fields`` are `ReportSubmission` fields.
    """

    def file(
        organisation: Organisation | None = None,
        *,
        submitted_by: Organisation | None = None,
        shared_with: tuple[Organisation, ...] = (),
        original: bytes = b'{"narrative": "..."}',
        **fields: Any,
    ) -> Report:
        fields.setdefault("channel", Report.Channel.WEB)
        filed = submit(
            ReportSubmission(**fields),
            organisation=organisation or operator,
            original=original,
            content_type="application/json",
            submitted_by=submitted_by,
        )
        if shared_with:
            filed.report.shared_with.add(*shared_with)
        return filed.report

    return file


@pytest.fixture
def world(
    file_report: FileReport,
    operator: Organisation,
    cert: Organisation,
    bank: Organisation,
    foreign_contact_point: Organisation,
) -> dict[str, Report]:
    """One report of each kind the visibility matrix names."""
    partners = (cert, bank, foreign_contact_point)
    return {
        "operator_report": file_report(narrative="received by the operator, not shared"),
        "cert_report": file_report(cert, narrative="received by the CERT"),
        "foreign_report": file_report(foreign_contact_point, narrative="received abroad"),
        "shared": file_report(narrative="shared with partners", shared_with=partners),
        "shared_red": file_report(narrative="shared but red", tlp="red", shared_with=partners),
        "shared_confidential": file_report(
            narrative="shared but confidential", confidential=True, shared_with=partners
        ),
        "bank_submitted": file_report(
            narrative="submitted by the bank", channel=Report.Channel.API, submitted_by=bank
        ),
    }


@pytest.fixture
def login(client: Client) -> Callable[[User], Client]:
    """Log ``user`` in on the test client and return the client."""

    def as_user(user: User) -> Client:
        client.force_login(user)
        return client

    return as_user
