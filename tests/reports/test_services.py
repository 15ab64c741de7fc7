"""The audited actions on a report, called directly as other code calls them."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from crex.accounts.models import User
from crex.audit.services import events_for
from crex.reports import services
from tests.reports.conftest import FileReport


def test_reveal_contact_decrypts_and_records(file_report: FileReport, police_analyst: User) -> None:
    report = file_report(contact_email="jan@example.nl")
    contact = services.reveal_contact(report, police_analyst)
    assert contact is not None
    assert contact.email == "jan@example.nl"
    event = events_for(report).get(action=services.CONTACT_VIEWED)
    assert event.actor == police_analyst


@pytest.mark.parametrize("persona", ["cert_analyst", "bank_partner", "foreign_analyst"])
def test_reveal_contact_refuses_everyone_but_the_receiving_analysts(
    request: pytest.FixtureRequest, file_report: FileReport, persona: str
) -> None:
    report = file_report(contact_email="jan@example.nl")
    with pytest.raises(PermissionDenied):
        services.reveal_contact(report, request.getfixturevalue(persona))
    assert not events_for(report).exists()


def test_assign_refuses_users_who_cannot_work_on_the_report(
    file_report: FileReport, police_analyst: User, cert_analyst: User
) -> None:
    report = file_report()
    with pytest.raises(ValueError, match="receiving organisation"):
        services.assign(report, police_analyst, cert_analyst)
    police_analyst.is_active = False
    with pytest.raises(ValueError, match="receiving organisation"):
        services.assign(report, police_analyst, police_analyst)


def test_a_blank_note_is_refused(file_report: FileReport, police_analyst: User) -> None:
    with pytest.raises(ValueError, match="needs some text"):
        services.add_note(file_report(), police_analyst, "  \n ")


def test_record_view_is_an_access_not_a_change(
    file_report: FileReport, police_analyst: User
) -> None:
    report = file_report()
    services.record_view(report, police_analyst)
    event = events_for(report).get()
    assert event.action in services.ACCESS_ACTIONS
    assert event.changes == {}
