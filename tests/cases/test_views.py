"""The case pages: list with filters, one case with its figures, reports, graph, timeline
and actions, the inbox of referrals received; who may do what, and bad input answered
with a message, never a 500."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from crex.accounts.models import Organisation, User
from crex.audit.models import AuditEvent
from crex.cases.models import Case, Referral
from crex.cases.referrals import send_referral
from crex.sharing.models import SharingGroup
from tests.cases.conftest import GERMAN_MULE, OTHER_MULE, Ingest
from tests.conftest import make_user

Login = Callable[[User], Client]


def url(name: str, *args: object) -> str:
    return reverse(f"cases:{name}", args=args)


def page(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


@pytest.fixture
def referred(
    cross_border: Case, foreign_contact_point: Organisation, police_analyst: User
) -> Referral:
    return send_referral(cross_border, foreign_contact_point, "Please take over.", police_analyst)


# --- the list ---------------------------------------------------------------------------


def test_the_list_shows_the_cases_highest_score_first(
    login: Login, police_analyst: User, cross_border: Case, small_case: Case
) -> None:
    response = login(police_analyst).get(url("list"))
    assert response.status_code == 200
    assert [case for case, _figures, _own in response.context["rows"]] == [
        cross_border,
        small_case,
    ]
    text = page(response)
    assert f"#{cross_border.pk}" in text
    assert "Cross-border" in text
    lowest = login(police_analyst).get(url("list"), {"sort": "score"})
    assert [c for c, _f, _o in lowest.context["rows"]] == [small_case, cross_border]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"cross_border": "yes"}, {"cross_border"}),
        ({"cross_border": "no"}, {"small_case"}),
        ({"country": "DE"}, {"cross_border"}),
        ({"country": "NL"}, {"cross_border", "small_case"}),
        ({"country": "FR"}, set()),
        ({"size_min": "3"}, {"cross_border"}),
        ({"status": "proposed"}, {"cross_border", "small_case"}),
        ({"status": "open"}, set()),
        ({"offence": "online_shopping_fraud"}, {"small_case"}),
    ],
)
def test_the_list_filters(
    request: pytest.FixtureRequest,
    login: Login,
    police_analyst: User,
    cross_border: Case,
    small_case: Case,
    query: dict[str, str],
    expected: set[str],
) -> None:
    # offences as analysts set them (not as the classifier proposed them)
    cross_border.reports.update(offence="advance_fee_fraud", offence_proposed=False)
    small_case.reports.update(offence="online_shopping_fraud", offence_proposed=False)
    response = login(police_analyst).get(url("list"), query)
    assert response.status_code == 200
    shown = {case.pk for case, _f, _o in response.context["rows"]}
    assert shown == {request.getfixturevalue(name).pk for name in expected}


def test_merged_cases_are_listed_only_when_asked_for(
    login: Login, police_analyst: User, cross_border: Case, small_case: Case
) -> None:
    client = login(police_analyst)
    client.post(url("merge", cross_border.pk), {"merge-source": small_case.pk})
    assert {c.pk for c, _f, _o in client.get(url("list")).context["rows"]} == {cross_border.pk}
    merged = client.get(url("list"), {"status": "merged"})
    assert {c.pk for c, _f, _o in merged.context["rows"]} == {small_case.pk}


@pytest.mark.parametrize(
    "query",
    [
        {"size_min": "lots"},
        {"size_min": "0"},
        {"status": "lost"},
        {"country": "XX"},
        {"offence": "<script>"},
        {"cross_border": "maybe"},
        {"sort": "title"},
        {"page": "-1"},
    ],
)
def test_bad_filters_are_reported_and_left_out(
    login: Login, police_analyst: User, cross_border: Case, query: dict[str, str]
) -> None:
    response = login(police_analyst).get(url("list"), query)
    assert response.status_code == 200
    assert len(response.context["rows"]) == 1
    if "page" not in query:
        assert "Some filters were not understood" in page(response)


def test_the_receiver_lists_the_referred_case_with_figures_of_what_was_shared(
    login: Login, referred: Referral, cross_border: Case, foreign_analyst: User
) -> None:
    response = login(foreign_analyst).get(url("list"))
    [(case, figures, own)] = response.context["rows"]
    assert case == cross_border
    assert not own
    assert case.shown == 2
    assert figures.victims == 2  # the TLP:RED and the confidential report are not counted
    assert cross_border.victims == 4
    assert "Referred by National Cybercrime Reporting Point" in page(response)


def test_a_partner_sees_no_cases_of_its_organisation(
    login: Login, bank_partner: User, bank: Organisation, ingest: Ingest
) -> None:
    ingest(f"Paid {OTHER_MULE}.", bank)
    ingest(f"Paid {OTHER_MULE} too.", bank)
    assert Case.objects.filter(organisation=bank).exists()
    response = login(bank_partner).get(url("list"))
    assert response.context["rows"] == []
    assert "No cases yet" in page(response)


def test_pages_need_a_login(client: Client, cross_border: Case) -> None:
    for address in (url("list"), url("detail", cross_border.pk), url("inbox")):
        response = client.get(address)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


# --- one case -----------------------------------------------------------------------------


def test_the_case_page_shows_figures_reports_values_and_timeline(
    login: Login, police_analyst: User, ingest: Ingest
) -> None:
    ingest(
        f"Paid 100 EUR to {GERMAN_MULE}.",
        victim_country="NL",
        loss_amount=Decimal(100),
        loss_currency="EUR",
    )
    last = ingest(
        f"Paid 20 PLN to {GERMAN_MULE}.",
        victim_country="PL",
        loss_amount=Decimal("20.50"),
        loss_currency="PLN",
    )
    assert last.case is not None
    response = login(police_analyst).get(url("detail", last.case.pk))
    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures.victims == 2
    assert figures.countries == ("DE", "NL", "PL")
    assert figures.losses == (("EUR", Decimal("100.00")), ("PLN", Decimal("20.50")))
    assert figures.victims_per_country == (("NL", 1), ("PL", 1))
    text = page(response)
    assert last.reference in text
    assert "DE44500105175407324931" in text or "DE44 5001 0517 5407 3249 31" in text
    assert "Victims per country" in text
    assert "Proposed" in text  # the timeline
    assert 'id="case-graph"' in text
    assert url("graph", last.case.pk) in text


def test_the_graph_links_reports_through_their_values(
    login: Login, police_analyst: User, cross_border: Case
) -> None:
    response = login(police_analyst).get(url("graph", cross_border.pk))
    assert response.status_code == 200
    graph = json.loads(response.content)
    reports = [n for n in graph["nodes"] if n["kind"] == "report"]
    values = [n for n in graph["nodes"] if n["kind"] == "observable"]
    assert len(reports) == 4
    assert [v["type"] for v in values] == ["iban"]
    assert len(graph["edges"]) == 4
    assert {e["target"] for e in graph["edges"]} == {values[0]["id"]}
    assert {e["strength"] for e in graph["edges"]} == {3}
    assert reports[0]["url"] == reverse("reports:detail", args=[reports[0]["label"]])
    assert graph["truncated"] is False


def test_the_receiver_sees_only_shared_reports_and_its_own_referral_steps(
    login: Login,
    referred: Referral,
    cross_border: Case,
    foreign_analyst: User,
    hub: Organisation,
    police_analyst: User,
) -> None:
    send_referral(cross_border, hub, "For the hub only.", police_analyst)
    client = login(foreign_analyst)
    response = client.get(url("detail", cross_border.pk))
    assert response.status_code == 200
    text = page(response)
    hidden = cross_border.reports.filter(tlp="red") | cross_border.reports.filter(confidential=True)
    for report in hidden:
        assert report.reference not in text
    for report in referred.reports.all():
        assert report.reference in text
    assert [e.event.kind for e in response.context["timeline"]] == ["referred"]
    assert "For the hub only." not in text
    assert "forms" in response.context
    assert response.context["forms"] == {}
    assert "Split off the ticked reports" not in text
    graph = json.loads(client.get(url("graph", cross_border.pk)).content)
    assert {n["label"] for n in graph["nodes"] if n["kind"] == "report"} == {
        r.reference for r in referred.reports.all()
    }


@pytest.mark.parametrize("persona", ["cert_analyst", "bank_partner", "foreign_analyst"])
def test_a_case_not_visible_is_a_404(
    request: pytest.FixtureRequest, login: Login, cross_border: Case, persona: str
) -> None:
    client = login(request.getfixturevalue(persona))
    assert client.get(url("detail", cross_border.pk)).status_code == 404
    assert client.get(url("graph", cross_border.pk)).status_code == 404
    assert client.post(url("accept", cross_border.pk)).status_code == 404


# --- actions ------------------------------------------------------------------------------


def test_accept(login: Login, police_analyst: User, cross_border: Case) -> None:
    client = login(police_analyst)
    response = client.post(url("accept", cross_border.pk), follow=True)
    assert response.redirect_chain[-1][0] == url("detail", cross_border.pk)
    assert "Case accepted" in page(response)
    cross_border.refresh_from_db()
    assert cross_border.status == Case.Status.OPEN
    again = client.post(url("accept", cross_border.pk))
    assert again.status_code == 400
    assert "Only a proposed case can be accepted." in page(again)


def test_close_with_a_reason(login: Login, police_analyst: User, cross_border: Case) -> None:
    client = login(police_analyst)
    response = client.post(url("close", cross_border.pk), {"close-reason": "Handed to DE."})
    assert response.status_code == 302
    cross_border.refresh_from_db()
    assert cross_border.status == Case.Status.CLOSED
    assert cross_border.events.get(kind="closed").detail["reason"] == "Handed to DE."
    assert "Handed to DE." in page(client.get(url("detail", cross_border.pk)))
    again = client.post(url("close", cross_border.pk), {"close-reason": ""})
    assert again.status_code == 400
    assert "already closed" in page(again)


def test_close_with_a_reason_too_long_is_refused(
    login: Login, police_analyst: User, cross_border: Case
) -> None:
    response = login(police_analyst).post(
        url("close", cross_border.pk), {"close-reason": "x" * 2001}
    )
    assert response.status_code == 400
    assert "please check the form" in page(response)
    cross_border.refresh_from_db()
    assert cross_border.status == Case.Status.PROPOSED


def test_merge(login: Login, police_analyst: User, cross_border: Case, small_case: Case) -> None:
    moved = set(small_case.reports.all())
    response = login(police_analyst).post(
        url("merge", cross_border.pk), {"merge-source": small_case.pk}
    )
    assert response.status_code == 302
    assert moved <= set(cross_border.reports.all())
    small_case.refresh_from_db()
    assert small_case.status == Case.Status.MERGED
    assert AuditEvent.objects.filter(action="case.merged").exists()


@pytest.mark.parametrize("source", ["", "999999", "abc", "self", "foreign"])
def test_merge_bad_input(
    login: Login,
    police_analyst: User,
    cross_border: Case,
    ingest: Ingest,
    foreign_contact_point: Organisation,
    source: str,
) -> None:
    ingest(f"Paid {OTHER_MULE}.", foreign_contact_point)
    foreign = ingest(f"Paid {OTHER_MULE}.", foreign_contact_point).case
    assert foreign is not None
    value = {"self": str(cross_border.pk), "foreign": str(foreign.pk)}.get(source, source)
    response = login(police_analyst).post(url("merge", cross_border.pk), {"merge-source": value})
    assert response.status_code == 400
    assert "please check the form" in page(response)
    foreign.refresh_from_db()
    assert foreign.status == Case.Status.PROPOSED


def test_split(login: Login, police_analyst: User, cross_border: Case) -> None:
    first, second, *_ = cross_border.reports.order_by("pk")
    response = login(police_analyst).post(
        url("split", cross_border.pk),
        {"split-reports": [first.pk, second.pk], "split-title": "Bike shop victims"},
    )
    new = Case.objects.get(title="Bike shop victims")
    assert response.status_code == 302
    assert response["Location"] == url("detail", new.pk)
    assert set(new.reports.all()) == {first, second}
    assert cross_border.reports.count() == 2


@pytest.mark.parametrize("chosen", ["none", "all", "foreign", "junk"])
def test_split_bad_input(
    login: Login, police_analyst: User, cross_border: Case, small_case: Case, chosen: str
) -> None:
    values = {
        "none": [],
        "all": list(cross_border.reports.values_list("pk", flat=True)),
        "foreign": list(small_case.reports.values_list("pk", flat=True)),
        "junk": ["x"],
    }[chosen]
    response = login(police_analyst).post(url("split", cross_border.pk), {"split-reports": values})
    assert response.status_code == 400
    assert "please check the form" in page(response)
    assert cross_border.reports.count() == 4
    if chosen == "all":
        assert "Leave at least one report in this case." in page(response)


def test_move_to_another_case_and_out(
    login: Login, police_analyst: User, cross_border: Case, small_case: Case
) -> None:
    client = login(police_analyst)
    report = cross_border.reports.order_by("pk").first()
    assert report is not None
    response = client.post(
        url("move", cross_border.pk), {"move-report": report.pk, "move-target": small_case.pk}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.case == small_case
    response = client.post(
        url("move", small_case.pk), {"move-report": report.pk, "move-target": "out"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.case is None
    assert AuditEvent.objects.filter(action="report.case_changed").count() == 2


@pytest.mark.parametrize(
    ("report", "target"), [("", "out"), ("mine", ""), ("mine", "12345"), ("other", "out")]
)
def test_move_bad_input(
    login: Login,
    police_analyst: User,
    cross_border: Case,
    small_case: Case,
    report: str,
    target: str,
) -> None:
    mine = cross_border.reports.order_by("pk").first()
    other = small_case.reports.order_by("pk").first()
    assert mine is not None
    assert other is not None
    chosen = {"mine": mine.pk, "other": other.pk}.get(report, "")
    response = login(police_analyst).post(
        url("move", cross_border.pk), {"move-report": chosen, "move-target": target}
    )
    assert response.status_code == 400
    mine.refresh_from_db()
    assert mine.case == cross_border


def test_refer(
    login: Login,
    police_analyst: User,
    cross_border: Case,
    foreign_contact_point: Organisation,
    hub: Organisation,
) -> None:
    client = login(police_analyst)
    before = page(client.get(url("detail", cross_border.pk)))
    assert "Zentrale Meldestelle Cybercrime" in before
    assert "European Cybercrime Hub" in before
    assert "2 reports will be shared" in before
    response = client.post(
        url("refer", cross_border.pk),
        {"refer-recipient": foreign_contact_point.pk, "refer-message": "Please take over."},
        follow=True,
    )
    assert "Case referred to Zentrale Meldestelle Cybercrime." in page(response)
    referral = Referral.objects.get()
    assert referral.recipient == foreign_contact_point
    assert referral.reports.count() == 2
    # the recipient is not offered a second time
    form = response.context["forms"]["refer"]
    assert list(form.fields["recipient"].queryset) == [hub]


@pytest.mark.parametrize(
    ("recipient", "message"),
    [("de", ""), ("de", "   "), ("", "Hello"), ("fr", "Hello"), ("bank", "Hello"), ("x", "Hi")],
)
def test_refer_bad_input(
    login: Login,
    police_analyst: User,
    cross_border: Case,
    foreign_contact_point: Organisation,
    french_contact_point: Organisation,
    bank: Organisation,
    recipient: str,
    message: str,
) -> None:
    chosen = {"de": foreign_contact_point.pk, "fr": french_contact_point.pk, "bank": bank.pk}
    response = login(police_analyst).post(
        url("refer", cross_border.pk),
        {"refer-recipient": chosen.get(recipient, recipient), "refer-message": message},
    )
    assert response.status_code == 400
    assert "please check the form" in page(response)
    assert not Referral.objects.exists()


def test_referring_twice_to_the_same_recipient_is_refused(
    login: Login, referred: Referral, police_analyst: User, cross_border: Case
) -> None:
    response = login(police_analyst).post(
        url("refer", cross_border.pk),
        {"refer-recipient": referred.recipient_id, "refer-message": "Again"},
    )
    assert response.status_code == 400
    assert Referral.objects.count() == 1


ACTIONS = [
    ("accept", {}),
    ("close", {"close-reason": "no"}),
    ("split", {"split-reports": []}),
    ("move", {}),
    ("merge", {}),
]


@pytest.mark.parametrize(("action", "data"), ACTIONS)
def test_the_receiver_may_not_change_the_case(
    login: Login,
    referred: Referral,
    foreign_analyst: User,
    cross_border: Case,
    action: str,
    data: dict[str, object],
) -> None:
    response = login(foreign_analyst).post(url(action, cross_border.pk), data)
    assert response.status_code == 403
    cross_border.refresh_from_db()
    assert cross_border.status == Case.Status.PROPOSED


def test_the_receiver_may_not_refer_it_onwards(
    login: Login, referred: Referral, foreign_analyst: User, cross_border: Case, hub: Organisation
) -> None:
    response = login(foreign_analyst).post(
        url("refer", cross_border.pk), {"refer-recipient": hub.pk, "refer-message": "Onwards"}
    )
    assert response.status_code == 403


def test_an_admin_works_the_case_but_does_not_refer(
    login: Login, police_admin: User, cross_border: Case, hub: Organisation
) -> None:
    client = login(police_admin)
    assert client.post(url("accept", cross_border.pk)).status_code == 302
    response = client.post(
        url("refer", cross_border.pk), {"refer-recipient": hub.pk, "refer-message": "Hi"}
    )
    assert response.status_code == 403
    assert "refer" not in client.get(url("detail", cross_border.pk)).context["forms"]


def test_actions_need_post_and_csrf(police_analyst: User, cross_border: Case, login: Login) -> None:
    assert login(police_analyst).get(url("accept", cross_border.pk)).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(police_analyst)
    assert strict.post(url("accept", cross_border.pk)).status_code == 403
    cross_border.refresh_from_db()
    assert cross_border.status == Case.Status.PROPOSED


def test_a_merged_case_offers_no_actions(
    login: Login, police_analyst: User, cross_border: Case, small_case: Case
) -> None:
    client = login(police_analyst)
    client.post(url("merge", cross_border.pk), {"merge-source": small_case.pk})
    response = client.get(url("detail", small_case.pk))
    assert response.status_code == 200
    assert response.context["forms"] == {}
    assert f"Open case #{cross_border.pk}" in page(response)
    refused = client.post(url("close", small_case.pk), {"close-reason": ""})
    assert refused.status_code == 400


# --- the inbox ------------------------------------------------------------------------------


def test_the_inbox_lists_referrals_received(
    login: Login, referred: Referral, foreign_analyst: User, police_analyst: User
) -> None:
    response = login(foreign_analyst).get(url("inbox"))
    assert response.status_code == 200
    text = page(response)
    assert "Please take over." in text
    assert "2 reports shared" in text
    assert "Acknowledge receipt" in text
    assert response.context["open"] == 1
    mine = login(police_analyst).get(url("inbox"))
    assert mine.context["rows"] == []


def test_acknowledge_then_accept(
    login: Login, referred: Referral, foreign_analyst: User, cross_border: Case
) -> None:
    client = login(foreign_analyst)
    response = client.post(url("acknowledge", referred.pk), follow=True)
    assert "Referral acknowledged." in page(response)
    again = client.post(url("acknowledge", referred.pk))
    assert again.status_code == 400
    assert "already acknowledged" in page(again)
    response = client.post(
        url("answer", referred.pk), {f"answer-{referred.pk}-decision": "accept"}, follow=True
    )
    assert "Referral accepted." in page(response)
    referred.refresh_from_db()
    assert referred.status == Referral.Status.ACCEPTED
    owner_view = login(foreign_analyst).get(url("detail", cross_border.pk))
    assert [e.event.kind for e in owner_view.context["timeline"]] == [
        "referred",
        "referral_acknowledged",
        "referral_accepted",
    ]


def test_declining_needs_a_reason(login: Login, referred: Referral, foreign_analyst: User) -> None:
    client = login(foreign_analyst)
    prefix = f"answer-{referred.pk}"
    response = client.post(url("answer", referred.pk), {f"{prefix}-decision": "decline"})
    assert response.status_code == 400
    assert "Give a reason for declining." in page(response)
    response = client.post(
        url("answer", referred.pk),
        {f"{prefix}-decision": "decline", f"{prefix}-reason": "Not ours: the holder is Dutch."},
    )
    assert response.status_code == 302
    referred.refresh_from_db()
    assert referred.status == Referral.Status.DECLINED
    assert referred.reason == "Not ours: the holder is Dutch."
    answered_again = client.post(url("answer", referred.pk), {f"{prefix}-decision": "accept"})
    assert answered_again.status_code == 400
    assert "already answered" in page(answered_again)


@pytest.mark.parametrize("decision", ["", "maybe"])
def test_an_answer_without_a_decision_is_refused(
    login: Login, referred: Referral, foreign_analyst: User, decision: str
) -> None:
    response = login(foreign_analyst).post(
        url("answer", referred.pk), {f"answer-{referred.pk}-decision": decision}
    )
    assert response.status_code == 400
    referred.refresh_from_db()
    assert referred.status == Referral.Status.SENT


@pytest.mark.parametrize("persona", ["police_analyst", "cert_analyst", "bank_partner"])
def test_other_organisations_cannot_answer(
    request: pytest.FixtureRequest, login: Login, referred: Referral, persona: str
) -> None:
    client = login(request.getfixturevalue(persona))
    assert client.post(url("acknowledge", referred.pk)).status_code == 404
    data = {f"answer-{referred.pk}-decision": "accept"}
    assert client.post(url("answer", referred.pk), data).status_code == 404


def test_a_partner_of_the_receiver_reads_but_does_not_answer(
    login: Login, referred: Referral, foreign_contact_point: Organisation
) -> None:
    partner = make_user("pia.partner", foreign_contact_point, User.Role.PARTNER)
    client = login(partner)
    response = client.get(url("inbox"))
    assert "Please take over." in page(response)
    assert "Acknowledge receipt" not in page(response)
    assert client.post(url("acknowledge", referred.pk)).status_code == 403


def test_the_workspace_navigation_links_cases_and_inbox(login: Login, police_analyst: User) -> None:
    text = page(login(police_analyst).get(reverse("reports:queue")))
    assert f'href="{url("list")}"' in text
    assert f'href="{url("inbox")}"' in text


def test_share_a_case_with_a_sharing_group(
    login: Login,
    police_analyst: User,
    cert_analyst: User,
    bank_partner: User,
    cert: Organisation,
    cross_border: Case,
) -> None:
    group = SharingGroup.objects.create(name="CERTs")
    group.members.add(cert)
    assert login(cert_analyst).get(url("detail", cross_border.pk)).status_code == 404
    client = login(police_analyst)
    response = client.post(
        url("handling", cross_border.pk),
        {
            "handling-tlp": "green",
            "handling-distribution": "group",
            "handling-sharing_group": group.pk,
        },
    )
    assert response.status_code == 302
    cross_border.refresh_from_db()
    assert (cross_border.tlp, cross_border.distribution) == ("green", "group")
    assert "Handling rules changed" in page(client.get(url("detail", cross_border.pk)))
    assert login(cert_analyst).get(url("detail", cross_border.pk)).status_code == 200
    assert login(bank_partner).get(url("detail", cross_border.pk)).status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        {"handling-tlp": "red", "handling-distribution": "partners"},
        {"handling-tlp": "amber", "handling-distribution": "public"},
        {"handling-tlp": "ultraviolet", "handling-distribution": "organisation"},
    ],
)
def test_case_handling_the_rules_refuse_changes_nothing(
    login: Login, police_analyst: User, cross_border: Case, data: dict[str, str]
) -> None:
    response = login(police_analyst).post(url("handling", cross_border.pk), data)
    assert response.status_code == 400
    cross_border.refresh_from_db()
    assert (cross_border.tlp, cross_border.distribution) == ("amber", "organisation")
