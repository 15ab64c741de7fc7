"""Actions on a report from the workspace: each one changes the report, shows up in the
audit trail with its before and after, and is refused to everyone who may not work on
the report (403, or 404 when they cannot even see it). Bad input re-renders the page
with the error and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from crex.accounts.models import Organisation, User
from crex.audit.models import AuditEvent
from crex.audit.services import events_for
from crex.reports.models import Note, Observable, Report, ReportObservable
from crex.sharing.models import SharingGroup
from tests.conftest import make_user
from tests.reports.conftest import FileReport


@pytest.fixture
def report(file_report: FileReport, cert: Organisation, bank: Organisation) -> Report:
    """A phishing report the operator received and shared with the CERT and the bank."""
    return file_report(offence="phishing", narrative="bank SMS", shared_with=(cert, bank))


def post(client: Client, report: Report, action: str, **data: Any) -> Any:
    """POST ``data`` to one action of ``report`` (field names get the form's prefix)."""
    prefixed = {f"{action}-{name}": value for name, value in data.items()}
    return client.post(reverse(f"reports:{action}", args=[report.reference]), prefixed)


def last_event(report: Report) -> AuditEvent:
    return events_for(report).exclude(action="report.viewed").order_by("-id").first()  # type: ignore[return-value]


def test_reclassify(report: Report, police_analyst: User, login: Callable[[User], Client]) -> None:
    client = login(police_analyst)
    response = post(client, report, "reclassify", offence="ransomware")
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:detail", args=[report.reference])
    report.refresh_from_db()
    assert (report.offence, report.category, report.rsit) == (
        "ransomware",
        "attack_on_systems",
        "malicious-code/infected-system",
    )
    event = last_event(report)
    assert event.action == "report.reclassified"
    assert event.changes["offence"] == ["phishing", "ransomware"]
    assert event.changes["category"] == ["traditional", "attack_on_systems"]
    page = client.get(response["Location"]).content.decode()
    assert "Report reclassified." in page
    assert "<del>Phishing</del>" in page
    assert "<ins>Ransomware</ins>" in page


def test_reclassify_as_other_with_a_category(
    report: Report, police_analyst: User, login: Callable[[User], Client]
) -> None:
    post(login(police_analyst), report, "reclassify", offence="other", category="illegal_content")
    report.refresh_from_db()
    assert (report.offence, report.category, report.rsit) == (
        "other",
        "illegal_content",
        "other/undetermined",
    )


def test_the_offence_select_is_grouped_by_category(
    report: Report, police_analyst: User, login: Callable[[User], Client]
) -> None:
    page = login(police_analyst).get(reverse("reports:detail", args=[report.reference]))
    html = page.content.decode()
    assert '<optgroup label="Crimes unique to electronic networks">' in html
    assert '<optgroup label="Other">' in html


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"offence": "jaywalking"}, "offence", "Select a valid choice."),
        ({"offence": ""}, "offence", "This field is required."),
        (
            {"offence": "ransomware", "category": "traditional"},
            "category",
            "This category does not fit the offence.",
        ),
        ({"offence": "other", "category": "nonsense"}, "category", "Select a valid choice."),
    ],
)
def test_reclassify_with_bad_input_changes_nothing(
    report: Report,
    police_analyst: User,
    login: Callable[[User], Client],
    data: dict[str, str],
    field: str,
    message: str,
) -> None:
    response = post(login(police_analyst), report, "reclassify", **data)
    assert response.status_code == 400
    form = response.context["forms"]["reclassify"]
    assert any(message in error for error in form.errors[field])
    assert message in response.content.decode()
    assert "The change was not made" in response.content.decode()
    report.refresh_from_db()
    assert report.offence == "phishing"
    assert last_event(report) is None


def test_assign_to_a_colleague_to_me_and_to_nobody(
    report: Report,
    police_analyst: User,
    police_supervisor: User,
    login: Callable[[User], Client],
) -> None:
    client = login(police_supervisor)
    post(client, report, "assign", assignee=police_analyst.pk)
    report.refresh_from_db()
    assert report.assigned_to == police_analyst
    assert last_event(report).changes == {"assigned_to": [None, "anna.analyst"]}

    page = client.get(reverse("reports:detail", args=[report.reference])).content.decode()
    assert "Assign to me" in page
    post(client, report, "assign", assignee=police_supervisor.pk)  # the "assign to me" form
    report.refresh_from_db()
    assert report.assigned_to == police_supervisor
    assert last_event(report).changes == {"assigned_to": ["anna.analyst", "sam.supervisor"]}

    post(client, report, "assign", assignee="")
    report.refresh_from_db()
    assert report.assigned_to is None
    assert last_event(report).changes == {"assigned_to": ["sam.supervisor", None]}
    assert events_for(report).filter(action="report.assigned").count() == 3


def test_assign_only_within_the_receiving_organisation(
    report: Report,
    police_analyst: User,
    cert_analyst: User,
    operator: Organisation,
    login: Callable[[User], Client],
) -> None:
    partner_at_operator = make_user("pat.partner", operator, User.Role.PARTNER)
    client = login(police_analyst)
    for assignee in (cert_analyst.pk, partner_at_operator.pk, "999999", "abc"):
        response = post(client, report, "assign", assignee=assignee)
        assert response.status_code == 400
        assert "Select a valid choice" in response.content.decode()
    report.refresh_from_db()
    assert report.assigned_to is None
    assert last_event(report) is None


def test_change_status(
    report: Report, police_analyst: User, login: Callable[[User], Client]
) -> None:
    client = login(police_analyst)
    response = post(client, report, "status", status="closed")
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "closed"
    assert last_event(report).changes == {"status": ["new", "closed"]}
    page = client.get(response["Location"]).content.decode()
    assert "<del>New</del>" in page
    assert "<ins>Closed</ins>" in page


def test_change_tlp(report: Report, police_analyst: User, login: Callable[[User], Client]) -> None:
    post(login(police_analyst), report, "handling", tlp="amber+strict", distribution="organisation")
    report.refresh_from_db()
    assert report.tlp == "amber+strict"
    event = last_event(report)
    assert (event.action, event.changes) == (
        "report.handling_changed",
        {"tlp": ["amber", "amber+strict"]},
    )


def test_share_with_a_group_and_mark_the_narrative_shareable(
    report: Report, police_analyst: User, login: Callable[[User], Client]
) -> None:
    group = SharingGroup.objects.create(name="EU contact points")
    response = post(
        login(police_analyst),
        report,
        "handling",
        tlp="green",
        distribution="group",
        sharing_group=str(group.pk),
        share_narrative="on",
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.tlp, report.distribution, report.sharing_group) == ("green", "group", group)
    assert report.share_narrative
    assert not report.share_answers
    assert last_event(report).changes == {
        "tlp": ["amber", "green"],
        "distribution": ["organisation", "group"],
        "share_narrative": [False, True],
        "sharing_group": [None, "EU contact points"],
    }


def test_add_note(report: Report, police_analyst: User, login: Callable[[User], Client]) -> None:
    client = login(police_analyst)
    response = post(client, report, "note", text="  Asked the registrar for a takedown.  ")
    assert response.status_code == 302
    note = Note.objects.get(report=report)
    assert (note.text, note.author) == ("Asked the registrar for a takedown.", police_analyst)
    assert last_event(report).action == "report.note_added"
    page = client.get(response["Location"]).content.decode()
    assert "Note added." in page
    assert page.count("Asked the registrar for a takedown.") == 2  # the note and the trail


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("status", {"status": "archived"}),
        ("status", {}),
        ("handling", {"tlp": "purple", "distribution": "organisation"}),
        ("handling", {"tlp": "amber", "distribution": "everyone"}),
        # the handling rules refuse these combinations
        ("handling", {"tlp": "red", "distribution": "partners"}),
        ("handling", {"tlp": "amber", "distribution": "public"}),
        ("handling", {"tlp": "amber", "distribution": "group"}),
        ("note", {"text": "   "}),
        ("note", {"text": "x" * 10_001}),
    ],
)
def test_bad_input_gets_a_form_error_and_changes_nothing(
    report: Report,
    police_analyst: User,
    login: Callable[[User], Client],
    action: str,
    data: dict[str, str],
) -> None:
    response = post(login(police_analyst), report, action, **data)
    assert response.status_code == 400
    assert response.context["forms"][action].errors
    report.refresh_from_db()
    assert (report.status, report.tlp) == ("new", "amber")
    assert not Note.objects.filter(report=report).exists()
    assert last_event(report) is None


def test_a_failed_note_keeps_what_was_typed(
    report: Report, police_analyst: User, login: Callable[[User], Client]
) -> None:
    long_text = "y" * 10_001
    response = post(login(police_analyst), report, "note", text=long_text)
    assert long_text in response.content.decode()


ACTIONS: list[tuple[str, dict[str, str]]] = [
    ("reclassify", {"offence": "ransomware"}),
    ("assign", {"assignee": ""}),
    ("status", {"status": "closed"}),
    ("handling", {"tlp": "red", "distribution": "organisation"}),
    ("note", {"text": "mine now"}),
]


@pytest.mark.parametrize(("action", "data"), ACTIONS)
@pytest.mark.parametrize("persona", ["cert_analyst", "bank_partner"])
def test_those_who_only_see_a_shared_report_get_403(
    request: pytest.FixtureRequest,
    report: Report,
    login: Callable[[User], Client],
    persona: str,
    action: str,
    data: dict[str, str],
) -> None:
    client = login(request.getfixturevalue(persona))
    page = client.get(reverse("reports:detail", args=[report.reference]))
    assert page.status_code == 200
    assert "forms" not in page.context
    for name, _ in ACTIONS:  # no action form is offered
        assert reverse(f"reports:{name}", args=[report.reference]) not in page.content.decode()
    assert post(client, report, action, **data).status_code == 403
    report.refresh_from_db()
    assert (report.offence, report.status, report.tlp) == ("phishing", "new", "amber")
    assert last_event(report) is None


@pytest.mark.parametrize(("action", "data"), ACTIONS)
def test_a_partner_of_the_receiving_organisation_gets_403(
    report: Report,
    operator: Organisation,
    bank: Organisation,
    file_report: FileReport,
    login: Callable[[User], Client],
    action: str,
    data: dict[str, str],
) -> None:
    """A partner-role user sees only what reaches their organisation from outside, and
    cannot change even that."""
    partner = make_user("pat.partner", bank, User.Role.PARTNER)
    submitted = file_report(submitted_by=bank)
    assert post(login(partner), submitted, action, **data).status_code == 403


@pytest.mark.parametrize(("action", "data"), ACTIONS)
def test_those_who_cannot_see_the_report_get_404(
    report: Report,
    foreign_analyst: User,
    file_report: FileReport,
    login: Callable[[User], Client],
    action: str,
    data: dict[str, str],
) -> None:
    assert post(login(foreign_analyst), report, action, **data).status_code == 404
    assert last_event(report) is None


@pytest.mark.parametrize(("action", "data"), ACTIONS)
def test_anonymous_posts_are_sent_to_login(
    report: Report, client: Client, action: str, data: dict[str, str]
) -> None:
    response = post(client, report, action, **data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_actions_only_accept_post(
    report: Report, police_analyst: User, login: Callable[[User], Client]
) -> None:
    client = login(police_analyst)
    for action, _ in ACTIONS:
        assert client.get(reverse(f"reports:{action}", args=[report.reference])).status_code == 405


def test_an_unchanged_value_records_nothing(
    report: Report, police_analyst: User, login: Callable[[User], Client]
) -> None:
    response = post(login(police_analyst), report, "status", status="new")
    assert response.status_code == 302
    assert last_event(report) is None


def test_an_observable_can_be_kept_inside_while_its_report_is_shared(
    report: Report, police_analyst: User, login: Callable[[User], Client]
) -> None:
    observable = Observable.objects.create(type="phone-number", value="+31207945000")
    link = ReportObservable.objects.create(report=report, observable=observable)
    client = login(police_analyst)
    url = reverse("reports:observable_handling", args=[report.reference, link.pk])
    response = client.post(url, {"tlp": "amber+strict", "keep_inside": "on"})
    assert response.status_code == 302
    link.refresh_from_db()
    assert (link.tlp, link.distribution) == ("amber+strict", "organisation")
    event = last_event(report)
    assert event.action == "report.observable_handling_changed"
    assert event.changes["tlp"] == ["", "amber+strict"]
    assert client.post(url, {"tlp": "ultraviolet"}).status_code == 400
    link.refresh_from_db()
    assert link.tlp == "amber+strict"
