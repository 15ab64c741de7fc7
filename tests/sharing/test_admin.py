"""Administrators manage sharing groups, TAXII collections and feeds in the Django admin;
every change to a group or a collection is audited, a feed's secret is never shown."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from crex.accounts.models import Organisation, User
from crex.audit.models import AuditEvent
from crex.sharing.models import Feed, SharingGroup, TaxiiCollection
from tests.conftest import make_user


@pytest.fixture
def admin(client: Client, operator: Organisation) -> Client:
    user = make_user("ada.admin", operator, User.Role.ADMIN)
    user.is_staff = user.is_superuser = True
    user.save()
    client.force_login(user)
    return client


def test_a_sharing_group_is_created_and_its_members_audited(
    admin: Client, cert: Organisation, bank: Organisation
) -> None:
    response = admin.post(
        reverse("admin:sharing_sharinggroup_add"),
        {"name": "NL banking sector", "description": "", "members": [bank.pk, cert.pk]},
    )
    assert response.status_code == 302
    group = SharingGroup.objects.get(name="NL banking sector")
    assert set(group.members.all()) == {bank, cert}
    event = AuditEvent.objects.get(action="sharing_group.created")
    assert event.changes["added"] == sorted([bank.name, cert.name])
    admin.post(
        reverse("admin:sharing_sharinggroup_change", args=[group.pk]),
        {"name": "NL banking sector", "description": "", "members": [bank.pk]},
    )
    event = AuditEvent.objects.get(action="sharing_group.changed")
    assert (event.changes["added"], event.changes["removed"]) == ([], [cert.name])


def test_a_group_collection_needs_its_group(admin: Client, operator: Organisation) -> None:
    data = {"title": "EU", "alias": "eu", "kind": "group", "owner": operator.pk, "tlp_levels": "[]"}
    response = admin.post(reverse("admin:sharing_taxiicollection_add"), data)
    assert response.status_code == 200  # re-rendered with the error
    assert not TaxiiCollection.objects.exists()
    group = SharingGroup.objects.create(name="EU contact points")
    response = admin.post(
        reverse("admin:sharing_taxiicollection_add"), {**data, "sharing_group": group.pk}
    )
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="taxii_collection.created").exists()


def test_a_feed_secret_is_written_never_shown(admin: Client, operator: Organisation) -> None:
    url = "https://taxii.example.org/taxii2/api/collections/x/"
    data = {
        "name": "de",
        "url": url,
        "organisation": operator.pk,
        "username": "",
        "secret": "crex_s3cret",
        "interval_minutes": 30,
        "enabled": "on",
    }
    assert admin.post(reverse("admin:sharing_feed_add"), data).status_code == 302
    feed = Feed.objects.get(name="de")
    assert feed.secret == "crex_s3cret"
    page = admin.get(reverse("admin:sharing_feed_change", args=[feed.pk])).content.decode()
    assert "crex_s3cret" not in page
    admin.post(reverse("admin:sharing_feed_change", args=[feed.pk]), {**data, "secret": ""})
    feed.refresh_from_db()
    assert feed.secret == "crex_s3cret"  # left blank: kept
