"""The audit log in the Django admin: administrators read it; nobody adds, changes or
deletes events there."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from crex.accounts.models import Organisation, User
from crex.audit.models import AuditEvent
from crex.audit.services import record, verify_chain
from tests.conftest import make_user


@pytest.fixture
def admin_client_(client: Client, operator: Organisation) -> Client:
    admin = make_user("ada.admin", operator, User.Role.ADMIN)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    return client


@pytest.fixture
def event(operator: Organisation, police_analyst: User) -> AuditEvent:
    return record("org.renamed", operator, actor=police_analyst, changes={"name": ["A", "B"]})


def test_admins_can_list_and_read_events(admin_client_: Client, event: AuditEvent) -> None:
    listing = admin_client_.get(reverse("admin:audit_auditevent_changelist"))
    assert listing.status_code == 200
    assert b"org.renamed" in listing.content
    page = admin_client_.get(reverse("admin:audit_auditevent_change", args=[event.pk]))
    assert page.status_code == 200
    assert event.hash.encode() in page.content
    assert b'name="_save"' not in page.content  # read-only: no save button


def test_events_cannot_be_added_changed_or_deleted(
    admin_client_: Client, event: AuditEvent
) -> None:
    assert admin_client_.get(reverse("admin:audit_auditevent_add")).status_code == 403
    change = reverse("admin:audit_auditevent_change", args=[event.pk])
    assert admin_client_.post(change, {"action": "org.forged"}).status_code == 403
    delete = reverse("admin:audit_auditevent_delete", args=[event.pk])
    assert admin_client_.post(delete, {"post": "yes"}).status_code == 403
    bulk = admin_client_.post(
        reverse("admin:audit_auditevent_changelist"),
        {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"},
    )
    assert b"deleted" not in bulk.content
    assert AuditEvent.objects.get(pk=event.pk).action == "org.renamed"
    assert verify_chain() is None


def test_analysts_cannot_open_the_admin(client: Client, police_analyst: User) -> None:
    client.force_login(police_analyst)
    response = client.get(reverse("admin:audit_auditevent_changelist"))
    assert response.status_code == 302
