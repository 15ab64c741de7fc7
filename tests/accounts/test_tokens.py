"""``crex token``: the operator issues, lists and revokes partners' API tokens."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from crex.accounts.models import ApiToken, Organisation, User
from crex.audit.models import AuditEvent


def crex_token(*args: str) -> str:
    """Run ``crex token ARGS`` and return what it printed."""
    out = StringIO()
    call_command("token", *args, stdout=out)
    return out.getvalue()


def _raw_token(output: str) -> str:
    return next(line for line in output.splitlines() if line.startswith("crex_"))


def test_create_prints_a_working_token_once(bank: Organisation) -> None:
    output = crex_token("create", "--organisation", "Example Bank Fraud Desk", "--name", "desk")

    raw = _raw_token(output)
    token = ApiToken.objects.get()
    assert token.organisation == bank
    assert token.name == "desk"
    assert ApiToken.authenticate(raw) == token
    assert raw not in token.token_hash
    response = Client().get("/api/v1/reports", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200


def test_the_organisation_name_is_matched_without_case(bank: Organisation) -> None:
    crex_token("create", "--organisation", "example bank fraud desk", "--name", "desk")

    assert ApiToken.objects.get().organisation == bank


def test_create_records_who_asked(bank: Organisation, police_supervisor: User) -> None:
    crex_token(
        "create",
        "--organisation",
        bank.name,
        "--name",
        "desk",
        "--created-by",
        police_supervisor.username,
    )

    token = ApiToken.objects.get()
    assert token.created_by == police_supervisor
    event = AuditEvent.objects.get(action="api_token.issued")
    assert event.target_id == str(token.pk)
    assert event.organisation_id == bank.pk
    assert event.changes == {"name": "desk", "hint": token.hint}


def test_create_refuses_an_unknown_organisation(bank: Organisation) -> None:
    with pytest.raises(CommandError, match="no organisation called 'Bank of Nowhere'"):
        crex_token("create", "--organisation", "Bank of Nowhere", "--name", "desk")


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_create_refuses_a_bad_name(bank: Organisation, name: str) -> None:
    with pytest.raises(CommandError, match="name of 1 to 100"):
        crex_token("create", "--organisation", bank.name, "--name", name)


def test_create_refuses_an_unknown_user(bank: Organisation) -> None:
    with pytest.raises(CommandError, match="no user called 'nobody'"):
        crex_token("create", "--organisation", bank.name, "--name", "x", "--created-by", "nobody")


def test_list_shows_hints_never_secrets(bank: Organisation, cert: Organisation) -> None:
    bank_token, bank_raw = ApiToken.issue(bank, "fraud desk")
    ApiToken.issue(cert, "misp sync")

    output = crex_token("list")

    assert "fraud desk" in output
    assert "misp sync" in output
    assert f"{bank_token.hint}…" in output
    assert bank_raw not in output
    assert output.splitlines()[0].split()[:3] == ["ID", "ORGANISATION", "NAME"]


def test_list_filters_by_organisation_and_hides_revoked(
    bank: Organisation, cert: Organisation
) -> None:
    old, _ = ApiToken.issue(bank, "old system")
    old.revoke()
    ApiToken.issue(bank, "new system")
    ApiToken.issue(cert, "misp sync")

    output = crex_token("list", "--organisation", bank.name)
    everything = crex_token("list", "--organisation", bank.name, "--all")

    assert "new system" in output
    assert "old system" not in output
    assert "misp sync" not in output
    assert "old system" in everything
    assert "revoked" in everything


def test_list_says_when_there_are_none(db: None) -> None:
    assert crex_token("list").strip() == "No tokens."


def test_revoke_closes_the_api_for_that_token(bank: Organisation) -> None:
    token, raw = ApiToken.issue(bank, "fraud desk")

    output = crex_token("revoke", str(token.pk))

    assert "revoked" in output
    assert ApiToken.authenticate(raw) is None
    response = Client().get("/api/v1/reports", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 401
    assert AuditEvent.objects.filter(action="api_token.revoked").count() == 1


def test_revoking_twice_changes_nothing(bank: Organisation) -> None:
    token, _ = ApiToken.issue(bank, "fraud desk")
    crex_token("revoke", str(token.pk))

    output = crex_token("revoke", str(token.pk))

    assert "revoked already" in output
    assert AuditEvent.objects.filter(action="api_token.revoked").count() == 1


def test_revoke_refuses_an_unknown_id(db: None) -> None:
    with pytest.raises(CommandError, match="no token with id 404"):
        crex_token("revoke", "404")


def test_an_action_is_required(db: None) -> None:
    with pytest.raises(CommandError):
        crex_token()
