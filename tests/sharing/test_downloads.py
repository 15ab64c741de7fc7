"""Downloading a report or a case as STIX 2.1 or MISP from the workspace: as it would
leave the organisation, only for who may see it, audited."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from crex.accounts.models import User
from crex.audit.services import events_for
from crex.core.stix import validate_bundle
from crex.reports.models import Report
from tests.sharing.conftest import Ingest

NARRATIVE = (
    "I paid 90 EUR to NL91ABNA0417164300 after an ad on hxxps://bargain-bikes[.]example[.]org"
)


@pytest.fixture
def report(ingest: Ingest) -> Report:
    return ingest(NARRATIVE, offence="online_shopping_fraud")


@pytest.mark.parametrize("form", ["stix", "misp"])
def test_a_report_downloads_as_it_would_leave(
    report: Report, police_analyst: User, login: Callable[[User], Client], form: str
) -> None:
    response = login(police_analyst).get(reverse("reports:export", args=[report.reference, form]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    document = json.loads(response.content)
    text = response.content.decode()
    assert "NL91ABNA0417164300" in text
    assert "after an ad on" not in text  # the victim's words are not marked shareable
    if form == "stix":
        assert validate_bundle(document).errors == []
    else:
        assert document["Event"]["info"]
    assert events_for(report).filter(action="report.exported").count() == 1


def test_a_report_the_user_may_not_see_is_404(
    report: Report, cert_analyst: User, login: Callable[[User], Client]
) -> None:
    url = reverse("reports:export", args=[report.reference, "stix"])
    assert login(cert_analyst).get(url).status_code == 404


def test_an_unknown_format_is_404(
    report: Report, police_analyst: User, login: Callable[[User], Client]
) -> None:
    url = reverse("reports:export", args=[report.reference, "pdf"])
    assert login(police_analyst).get(url).status_code == 404
