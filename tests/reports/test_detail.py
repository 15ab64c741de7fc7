"""One report in the workspace: every field, observables, additions, notes, the audit
trail, downloads, and the reporter's contact details for the right people only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from crex.accounts.models import Organisation, User
from crex.audit.models import AuditEvent
from crex.audit.services import events_for
from crex.intake.services import Identifier
from crex.reports import services
from crex.reports.models import Addition, Report
from tests.conftest import make_user
from tests.reports.conftest import FileReport

CONTACT_EMAIL = "jan.jansen@example.nl"


def detail_url(report: Report) -> str:
    return reverse("reports:detail", args=[report.reference])


def actions(report: Report, action: str) -> int:
    return events_for(report).filter(action=action).count()


@pytest.fixture
def full_report(file_report: FileReport, bank: Organisation, cert: Organisation) -> Report:
    """A report with every field filled in, contact details, observables and additions."""
    report = file_report(
        narrative="They sent <script>alert('x')</script> and <b>bold</b> text.",
        reporter_kind="business",
        victim_country="NL",
        situation="persuaded_to_pay",
        answers={"answer": "romance", "extra": "kept as given"},
        offence="romance_fraud",
        incident_at=datetime(2026, 3, 1, 14, 30, tzinfo=UTC),
        loss_amount=Decimal("8700.00"),
        loss_currency="EUR",
        payment_method="bank_transfer",
        card_last4="4242",
        contact_method="website",
        identifiers=[
            Identifier("iban", "NL91 ABNA 0417 1643 00", "payee_account"),
            Identifier("email-addr", "James.Miller@Example.com", "sender"),
        ],
        contact_name="Jan Jansen",
        contact_email=CONTACT_EMAIL,
        contact_phone="+31612345678",
        submitted_by=bank,
        shared_with=(cert,),
        original=b'{"narrative": "the original body"}',
    )
    Addition.objects.create(report=report, text="Another message arrived today.")
    addition = Addition(
        report=report, file_name="evidence.html", content_type="text/html", file_size=20
    )
    addition.file.save("evidence.html", ContentFile(b"<script>evil()</script>"), save=True)
    return report


def test_detail_shows_every_field(
    full_report: Report, police_analyst: User, login: Callable[[User], Client]
) -> None:
    page = login(police_analyst).get(detail_url(full_report)).content.decode()
    for text in (
        full_report.reference,
        "Romance fraud",
        "Traditional crime committed over electronic networks",
        "fraud/masquerade",
        "2026-03-01 14:30",
        "8,700.00 EUR",
        "Bank transfer",
        "4242",
        "A website or an online advert",
        "Netherlands",
        "Business",
        "I was persuaded to send money to someone",
        "Who persuaded you?",
        "Someone I met online and came to trust as a partner or friend",
        "kept as given",
        full_report.original_sha256,
        "TLP:AMBER",
        "Example Bank Fraud Desk",
    ):
        assert text in page, text


def test_narrative_is_text_never_html(
    full_report: Report, police_analyst: User, login: Callable[[User], Client]
) -> None:
    page = login(police_analyst).get(detail_url(full_report)).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page


def test_confidential_reports_say_so_prominently(
    file_report: FileReport, police_analyst: User, login: Callable[[User], Client]
) -> None:
    report = file_report(confidential=True)
    page = login(police_analyst).get(detail_url(report)).content.decode()
    assert "Confidential reporter." in page
    assert "never shared outside" in page


def test_observables_show_type_value_and_role(
    full_report: Report, police_analyst: User, login: Callable[[User], Client]
) -> None:
    page = login(police_analyst).get(detail_url(full_report)).content.decode()
    links = full_report.observables.select_related("observable")
    assert {link.observable.type for link in links} == {"iban", "email-addr"}
    for link in links:
        assert link.observable.type in page
        assert (link.observable.display or link.observable.value) in page
        assert str(link.get_role_display()) in page


def test_every_view_is_audited_but_kept_out_of_the_change_trail(
    full_report: Report, police_analyst: User, login: Callable[[User], Client]
) -> None:
    client = login(police_analyst)
    client.get(detail_url(full_report))
    response = client.get(detail_url(full_report))
    assert actions(full_report, services.VIEWED) == 2
    assert response.context["changes"] == []
    assert len(response.context["accesses"]) == 2
    assert "No changes since the report was received." in response.content.decode()
    assert "Access log: 2 views and downloads" in response.content.decode()


def test_the_trail_shows_who_when_and_before_after(
    full_report: Report, police_analyst: User, login: Callable[[User], Client]
) -> None:
    services.set_status(full_report, police_analyst, "triaged")
    page = login(police_analyst).get(detail_url(full_report)).content.decode()
    assert "Status changed" in page
    assert "<del>New</del>" in page
    assert "<ins>Triaged</ins>" in page
    assert "anna.analyst" in page


def test_notes_and_additions_are_shown(
    full_report: Report, police_analyst: User, login: Callable[[User], Client]
) -> None:
    services.add_note(full_report, police_analyst, "Called the bank <i>today</i>.")
    page = login(police_analyst).get(detail_url(full_report)).content.decode()
    assert "Called the bank &lt;i&gt;today&lt;/i&gt;." in page
    assert "Another message arrived today." in page
    assert "evidence.html" in page


def test_addition_files_are_downloads_for_whoever_sees_the_report_and_its_additions(
    full_report: Report,
    cert_analyst: User,
    foreign_analyst: User,
    login: Callable[[User], Client],
) -> None:
    addition = full_report.additions.exclude(file="").get()
    url = reverse("reports:addition_file", args=[full_report.reference, addition.pk])
    cert = login(cert_analyst)
    # shared with the CERT, but what the reporter added stays in until marked shareable
    assert cert.get(url).status_code == 404
    Report.objects.filter(pk=full_report.pk).update(share_additions=True)
    response = cert.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="evidence.html"'
    assert response["Content-Type"] == "application/octet-stream"
    assert b"".join(response.streaming_content) == b"<script>evil()</script>"
    assert actions(full_report, services.ADDITION_DOWNLOADED) == 1
    assert login(foreign_analyst).get(url).status_code == 404


def test_an_addition_without_a_file_or_of_another_report_is_404(
    full_report: Report,
    file_report: FileReport,
    police_analyst: User,
    login: Callable[[User], Client],
) -> None:
    text_only = full_report.additions.filter(file="").get()
    other = file_report()
    client = login(police_analyst)
    for reference, pk in ((full_report.reference, text_only.pk), (other.reference, text_only.pk)):
        url = reverse("reports:addition_file", args=[reference, pk])
        assert client.get(url).status_code == 404


def test_the_original_is_downloaded_only_by_who_works_on_the_report(
    full_report: Report,
    police_analyst: User,
    cert_analyst: User,
    foreign_analyst: User,
    login: Callable[[User], Client],
) -> None:
    url = reverse("reports:original", args=[full_report.reference])
    response = login(police_analyst).get(url)
    assert response.status_code == 200
    assert response.content == b'{"narrative": "the original body"}'
    assert response["Content-Disposition"].startswith("attachment;")
    assert f"{full_report.reference}-original.json" in response["Content-Disposition"]
    assert actions(full_report, services.ORIGINAL_DOWNLOADED) == 1
    assert login(cert_analyst).get(url).status_code == 403
    assert login(foreign_analyst).get(url).status_code == 404
    cert_page = login(cert_analyst).get(detail_url(full_report)).content.decode()
    assert url not in cert_page
    assert full_report.original_sha256 in cert_page


@pytest.mark.parametrize("persona", ["police_analyst", "police_supervisor", "operator_admin"])
def test_contact_details_are_decrypted_for_the_receiving_analysts_and_audited(
    request: pytest.FixtureRequest,
    full_report: Report,
    login: Callable[[User], Client],
    persona: str,
) -> None:
    client = login(request.getfixturevalue(persona))
    page = client.get(detail_url(full_report)).content.decode()
    assert CONTACT_EMAIL not in page  # not shown until asked for
    assert "Show contact details" in page
    assert actions(full_report, services.CONTACT_VIEWED) == 0
    response = client.get(reverse("reports:contact", args=[full_report.reference]))
    assert response.status_code == 200
    page = response.content.decode()
    assert CONTACT_EMAIL in page
    assert "Jan Jansen" in page
    assert "+31612345678" in page
    assert actions(full_report, services.CONTACT_VIEWED) == 1


@pytest.mark.parametrize("persona", ["cert_analyst", "bank_partner", "operator_partner"])
def test_contact_details_stay_hidden_from_everyone_else(
    request: pytest.FixtureRequest,
    full_report: Report,
    login: Callable[[User], Client],
    persona: str,
) -> None:
    client = login(request.getfixturevalue(persona))
    page = client.get(detail_url(full_report))
    if page.status_code == 200:
        assert CONTACT_EMAIL not in page.content.decode()
        assert "Show contact details" not in page.content.decode()
    response = client.get(reverse("reports:contact", args=[full_report.reference]))
    assert response.status_code in {403, 404}
    assert actions(full_report, services.CONTACT_VIEWED) == 0
    assert not AuditEvent.objects.filter(action=services.CONTACT_VIEWED).exists()


def test_a_report_without_contact_details_says_so(
    file_report: FileReport, police_analyst: User, login: Callable[[User], Client]
) -> None:
    report = file_report()
    client = login(police_analyst)
    assert (
        "The reporter left no contact details." in client.get(detail_url(report)).content.decode()
    )
    response = client.get(reverse("reports:contact", args=[report.reference]))
    assert response.status_code == 200
    assert actions(report, services.CONTACT_VIEWED) == 0


def test_unknown_reference_is_404(police_analyst: User, login: Callable[[User], Client]) -> None:
    response = login(police_analyst).get(reverse("reports:detail", args=["CR-2026-9999999-X"]))
    assert response.status_code == 404


def test_anonymous_users_are_sent_to_login(full_report: Report, client: Client) -> None:
    for name in ("detail", "contact", "original"):
        response = client.get(reverse(f"reports:{name}", args=[full_report.reference]))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


@pytest.fixture
def operator_admin(operator: Organisation) -> User:
    """An administrator of the operator."""
    return make_user("ada.admin", operator, User.Role.ADMIN)


@pytest.fixture
def operator_partner(operator: Organisation) -> User:
    """A partner-role user who belongs to the operator organisation itself."""
    return make_user("pat.partner", operator, User.Role.PARTNER)


def test_notes_trail_and_assignee_stay_with_the_receiving_organisation(
    full_report: Report,
    police_analyst: User,
    cert_analyst: User,
    login: Callable[[User], Client],
) -> None:
    services.add_note(full_report, police_analyst, "Suspect known from case 17.")
    services.assign(full_report, police_analyst, police_analyst)
    response = login(cert_analyst).get(detail_url(full_report))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Suspect known from case 17." not in page
    assert "Audit trail" not in page
    assert "anna.analyst" not in page
    assert "stay with National Cybercrime Reporting Point" in page
    # what the reporter added is personal data: it stays in unless marked shareable
    assert "Another message arrived today." not in page
    assert actions(full_report, services.VIEWED) == 1  # the view is still recorded
    queue = login(cert_analyst).get(reverse("reports:queue")).content.decode()
    assert full_report.reference in queue
    assert "anna.analyst" not in queue


def test_an_ip_address_shows_its_network_and_the_data_is_attributed(
    file_report: FileReport,
    police_analyst: User,
    login: Callable[[User], Client],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # processing enriches
        report = file_report(narrative="The shop's server was 8.8.8.8, the scammer's 10.0.0.7.")
    page = login(police_analyst).get(detail_url(report)).content.decode()
    assert '<small class="muted">AS15169 Google LLC, US</small>' in page
    assert page.count('<small class="muted">AS') == 1  # a private address has no network
    assert '<a href="https://db-ip.com/">DB-IP</a>' in page
    assert '<a href="https://www.routeviews.org/">RouteViews</a>' in page
