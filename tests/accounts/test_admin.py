"""Administrators manage organisations, users (role and organisation) and API tokens in
the Django admin; a token's secret is shown once at issue and its hash never."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from crex.accounts.models import ApiToken, Organisation, User, hash_token
from tests.conftest import make_user


@pytest.fixture
def admin_user(operator: Organisation) -> User:
    admin = make_user("ada.admin", operator, User.Role.ADMIN)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    return admin


@pytest.fixture
def admin_client_(client: Client, admin_user: User) -> Client:
    client.force_login(admin_user)
    return client


def test_organisations_can_be_added(admin_client_: Client) -> None:
    response = admin_client_.post(
        reverse("admin:accounts_organisation_add"),
        {"name": "Belgian CCU", "kind": "law_enforcement", "country": "BE"},
    )
    assert response.status_code == 302
    assert Organisation.objects.get(name="Belgian CCU").country == "BE"


def test_an_organisation_with_a_bad_country_is_refused(admin_client_: Client) -> None:
    response = admin_client_.post(
        reverse("admin:accounts_organisation_add"),
        {"name": "Nowhere", "kind": "cert", "country": "XX"},
    )
    assert response.status_code == 200
    assert b"is not an ISO 3166-1 alpha-2 country code" in response.content
    assert not Organisation.objects.filter(name="Nowhere").exists()


def test_users_show_and_edit_their_organisation_and_role(
    admin_client_: Client, police_analyst: User, cert: Organisation
) -> None:
    listing = admin_client_.get(reverse("admin:accounts_user_changelist"))
    assert b"National Cybercrime Reporting Point" in listing.content
    url = reverse("admin:accounts_user_change", args=[police_analyst.pk])
    page = admin_client_.get(url)
    assert b'name="organisation"' in page.content
    assert b'name="role"' in page.content
    form = page.context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in {"password", "groups", "user_permissions"}
    }
    data.update(
        {
            "organisation": cert.pk,
            "role": "supervisor",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
        }
    )
    data.pop("date_joined", None)
    data.pop("last_login", None)
    response = admin_client_.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    police_analyst.refresh_from_db()
    assert (police_analyst.organisation, police_analyst.role) == (cert, "supervisor")


def test_a_new_token_is_shown_once_and_only_its_hash_is_stored(
    admin_client_: Client, bank: Organisation, admin_user: User
) -> None:
    response = admin_client_.post(
        reverse("admin:accounts_apitoken_add"), {"organisation": bank.pk, "name": "fraud feed"}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    match = re.search(r"crex_[A-Za-z0-9_-]{40,}", response.content.decode())
    assert match is not None
    raw = match.group(0)
    token = ApiToken.objects.get()
    assert (token.organisation, token.name, token.created_by) == (bank, "fraud feed", admin_user)
    assert token.token_hash == hash_token(raw)
    assert ApiToken.authenticate(raw) == token

    listing = admin_client_.get(reverse("admin:accounts_apitoken_changelist")).content.decode()
    page = admin_client_.get(reverse("admin:accounts_apitoken_change", args=[token.pk]))
    for html in (listing, page.content.decode()):
        assert token.hint in html
        assert raw not in html
        assert token.token_hash not in html


def test_tokens_are_revoked_not_deleted(admin_client_: Client, bank: Organisation) -> None:
    token, raw = ApiToken.issue(bank, "old feed")
    response = admin_client_.post(
        reverse("admin:accounts_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [token.pk]},
    )
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert ApiToken.authenticate(raw) is None
    delete = reverse("admin:accounts_apitoken_delete", args=[token.pk])
    assert admin_client_.post(delete, {"post": "yes"}).status_code == 403
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_a_token_without_a_name_is_refused(admin_client_: Client, bank: Organisation) -> None:
    response = admin_client_.post(
        reverse("admin:accounts_apitoken_add"), {"organisation": bank.pk, "name": ""}
    )
    assert response.status_code == 200
    assert b"This field is required." in response.content
    assert not ApiToken.objects.exists()
