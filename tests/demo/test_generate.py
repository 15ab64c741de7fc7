"""Loading the demo into an instance that is already in use: nothing existing is changed."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.management import CommandError, call_command

from crex.accounts.models import Organisation, User
from crex.demo.generate import load_demo
from crex.demo.organisations import DEMO_PASSWORD, demo_usernames
from crex.reports.models import Report
from tests.conftest import PASSWORD, make_user


@pytest.mark.django_db
def test_an_existing_operator_receives_the_demo_reports(operator: Organisation) -> None:
    loaded = load_demo(150)
    assert loaded is not None
    assert loaded.organisations.operator == operator
    assert Organisation.objects.filter(is_operator=True).get() == operator
    assert set(Report.objects.values_list("organisation", flat=True)) == {operator.pk}
    assert Report.objects.count() == 150
    operator.refresh_from_db()
    assert operator.name == "National Cybercrime Reporting Point"


@pytest.mark.django_db
def test_an_operator_without_country_is_left_as_it_is() -> None:
    operator = Organisation.objects.create(
        name="Contact point", kind=Organisation.Kind.CONTACT_POINT, is_operator=True
    )
    loaded = load_demo(150)
    assert loaded is not None
    assert loaded.organisations.home_country == "NL"
    operator.refresh_from_db()
    assert operator.country == ""


@pytest.mark.django_db
def test_a_fresh_instance_gets_an_operator_with_a_country() -> None:
    loaded = load_demo(150)
    assert loaded is not None
    assert loaded.organisations.operator.is_operator
    assert loaded.organisations.operator.country == "NL"
    created = {login.username for login in loaded.users.logins}
    assert created <= set(demo_usernames())
    assert {"analyst.de", "analyst.pl", "partner.bank"} <= created
    assert "analyst.nl" not in created  # the operator is the Dutch contact point


@pytest.mark.django_db
def test_existing_users_keep_their_password(operator: Organisation) -> None:
    make_user("admin", operator, User.Role.ADMIN)
    out = io.StringIO()
    call_command("demo", reports=150, stdout=out)
    assert User.objects.get(username="admin").check_password(PASSWORD)
    assert User.objects.get(username="analyst").check_password(DEMO_PASSWORD)
    assert "existing user: password unchanged" in out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("reports", [0, 149, 20_001])
def test_a_report_count_out_of_range_is_refused_with_the_range(reports: int) -> None:
    with pytest.raises(CommandError, match="between 150 and 20000"):
        call_command("demo", reports=reports, stdout=io.StringIO())
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_the_demo_password_passes_the_password_validators() -> None:
    validate_password(DEMO_PASSWORD, User(username="analyst"))
