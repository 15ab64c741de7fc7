"""``crex demo`` with the default 360 reports: what an evaluator sees after `make run`.

The demo is loaded once for this module (it takes a few seconds) and flushed afterwards;
each test runs in its own transaction on top of it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.test import Client

from crex.accounts.models import Organisation, User
from crex.audit.services import verify_chain
from crex.core.taxonomy import OFFENCE_CODES
from crex.demo.campaigns import (
    FAKE_SHOP_IBAN,
    INVESTMENT_PHONE,
    PHISHING_KIT_IP,
    RESERVED_VALUES,
    SEXTORTION_WALLET,
)
from crex.demo.organisations import DEMO_PASSWORD, MARKER_ORGANISATION
from crex.reports.models import Note, Observable, Report, ReportObservable
from crex.reports.visibility import visible_reports


@pytest.fixture(scope="module")
def demo_output(django_db_setup: None, django_db_blocker: object) -> Iterator[str]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        out = io.StringIO()
        call_command("demo", stdout=out)
        yield out.getvalue()
        call_command("flush", interactive=False, verbosity=0)


pytestmark = pytest.mark.usefixtures("demo_output")


def victim_countries_linked_by(type_: str, value: str) -> set[str]:
    """The victim countries of the reports that share one observable."""
    links = ReportObservable.objects.filter(observable__type=type_, observable__value=value)
    return set(links.values_list("report__victim_country", flat=True))


@pytest.mark.django_db
def test_contact_points_in_at_least_six_countries() -> None:
    contact_points = Organisation.objects.filter(kind=Organisation.Kind.CONTACT_POINT)
    assert contact_points.values("country").distinct().count() >= 6
    operator = Organisation.objects.get(is_operator=True)
    assert operator.kind == Organisation.Kind.CONTACT_POINT
    hub = Organisation.objects.get(name=MARKER_ORGANISATION)
    assert hub.kind == Organisation.Kind.INTERNATIONAL_HUB
    assert hub.country == ""
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert kinds >= {"cert", "hotline", "bank_payment", "isp_hosting", "public_body"}
    assert Organisation.objects.filter(kind=Organisation.Kind.BANK_PAYMENT).count() == 2


@pytest.mark.django_db
def test_at_least_300_reports_over_every_offence() -> None:
    assert Report.objects.count() == 360
    counts = {code: Report.objects.filter(offence=code).count() for code in OFFENCE_CODES}
    assert all(count >= 5 for count in counts.values()), counts


@pytest.mark.django_db
def test_reports_are_in_several_languages_with_victims_in_many_countries() -> None:
    languages = set(Report.objects.values_list("language", flat=True))
    assert languages >= {"en", "de", "fr", "nl", "es", "it", "pl"}
    countries = set(Report.objects.values_list("victim_country", flat=True))
    assert countries >= {"NL", "DE", "FR", "BE", "ES", "IT", "PL", "AT"}


@pytest.mark.django_db
def test_the_mule_iban_links_reports_from_several_countries() -> None:
    assert len(victim_countries_linked_by("iban", FAKE_SHOP_IBAN)) >= 3
    assert victim_countries_linked_by("ipv4-addr", PHISHING_KIT_IP) == {"NL", "BE", "DE"}
    assert victim_countries_linked_by("phone-number", INVESTMENT_PHONE) == {"DE", "AT", "PL"}
    assert victim_countries_linked_by("bitcoin", SEXTORTION_WALLET) == {"FR", "BE", "ES", "IT"}


@pytest.mark.django_db
def test_only_campaign_identifiers_link_reports() -> None:
    reserved = {value.lower() for value in RESERVED_VALUES}
    linking = (
        Observable.objects.filter(type__in=["iban", "phone-number", "ipv4-addr", "bitcoin"])
        .annotate(n=Count("reports__report", distinct=True))
        .filter(n__gt=1)
    )
    assert linking.exists()
    assert all(o.value.lower() in reserved for o in linking), list(linking)


@pytest.mark.django_db
def test_reports_move_through_the_workflow() -> None:
    statuses = set(Report.objects.values_list("status", flat=True))
    assert statuses == {"new", "triaged", "closed"}
    newest = Report.objects.order_by("-received_at")[:5]
    assert [r.status for r in newest].count("new") >= 3
    assert Report.objects.filter(assigned_to__isnull=False).exists()
    assert Note.objects.exists()
    assert verify_chain() is None  # notes went through the audited service


@pytest.mark.django_db
def test_new_reports_by_email_and_api_wait_with_a_proposed_offence() -> None:
    proposed = Report.objects.filter(offence_proposed=True)
    assert proposed.exists()
    assert set(proposed.values_list("status", flat=True)) == {"new"}
    assert set(proposed.values_list("channel", flat=True)) <= {"email", "api"}
    assert all(r.proposal["evidence"] for r in proposed)
    assert not Report.objects.filter(offence="").exists()


@pytest.mark.django_db
def test_partners_see_what_they_submitted_and_what_was_shared() -> None:
    bank_partner = User.objects.get(username="partner.bank")
    assert visible_reports(bank_partner).exists()
    german = User.objects.get(username="analyst.de")
    seen = visible_reports(german)
    assert seen.filter(submitted_by=german.organisation).exists()  # its referrals
    assert seen.filter(shared_with=german.organisation).exists()  # campaign reports shared


@pytest.mark.django_db
@pytest.mark.parametrize(
    "username", ["admin", "analyst", "supervisor", "analyst.de", "partner.bank"]
)
def test_demo_users_can_log_in(client: Client, username: str) -> None:
    assert client.login(username=username, password=DEMO_PASSWORD)


@pytest.mark.django_db
def test_the_admin_is_a_superuser_of_the_operator() -> None:
    admin = User.objects.get(username="admin")
    assert admin.is_superuser
    assert admin.is_staff
    assert admin.role == User.Role.ADMIN
    assert admin.organisation is not None
    assert admin.organisation.is_operator


@pytest.mark.django_db
def test_a_second_run_adds_nothing() -> None:
    counts = (Report.objects.count(), Organisation.objects.count(), User.objects.count())
    out = io.StringIO()
    call_command("demo", stdout=out)
    assert "already loaded" in out.getvalue()
    assert (Report.objects.count(), Organisation.objects.count(), User.objects.count()) == counts


def test_the_summary_names_offences_identifiers_and_logins(demo_output: str) -> None:
    for code in OFFENCE_CODES:
        assert code in demo_output
    assert "LT46 4094 6126 2144 1908" in demo_output  # the mule IBAN, as people write it
    assert DEMO_PASSWORD in demo_output
    assert "analyst.de" in demo_output
    assert "Demo data loaded in" in demo_output
