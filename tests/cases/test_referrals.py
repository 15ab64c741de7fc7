"""Referrals: the operator sends a cross-border case to the German contact point, which
sees only what could be shared, acknowledges and answers; each step on the timeline and
in the audit log."""

from __future__ import annotations

import pytest

from crex.accounts.models import Organisation, User
from crex.audit.models import AuditEvent
from crex.audit.services import verify_chain
from crex.cases.models import Case, Referral
from crex.cases.referrals import (
    acknowledge,
    answer,
    competent_recipients,
    send_referral,
    shareable_reports,
)
from crex.cases.services import close
from crex.reports.visibility import visible_cases, visible_reports

MESSAGE = "Four victims paid one German mule account; please open a case on the holder."


@pytest.fixture
def referral(
    cross_border: Case, foreign_contact_point: Organisation, police_analyst: User
) -> Referral:
    return send_referral(cross_border, foreign_contact_point, MESSAGE, police_analyst)


def test_a_case_spanning_two_countries_names_their_contact_points_and_the_hub(
    cross_border: Case,
    operator: Organisation,
    foreign_contact_point: Organisation,
    french_contact_point: Organisation,
    hub: Organisation,
    cert: Organisation,
) -> None:
    assert cross_border.cross_border
    assert cross_border.countries == ["DE", "NL"]
    # NL is the sender itself, FR is not involved, the CERT is no contact point
    assert competent_recipients(cross_border) == [foreign_contact_point, hub]


def test_sending_shares_only_what_may_leave(
    referral: Referral, cross_border: Case, foreign_contact_point: Organisation
) -> None:
    in_case = {r.narrative: r for r in cross_border.reports.all()}
    red = next(r for r in in_case.values() if r.tlp == "red")
    confidential = next(r for r in in_case.values() if r.confidential)
    shared = set(referral.reports.all())
    assert shared == set(in_case.values()) - {red, confidential}
    assert set(shareable_reports(cross_border)) == shared
    assert set(foreign_contact_point.reports_shared_with.all()) == shared
    assert referral.status == Referral.Status.SENT
    assert referral.message == MESSAGE


def test_the_receiver_sees_the_case_and_nothing_beyond_what_was_shared(
    referral: Referral,
    cross_border: Case,
    small_case: Case,
    foreign_analyst: User,
) -> None:
    assert list(visible_cases(foreign_analyst)) == [cross_border]
    seen = visible_reports(foreign_analyst)
    assert set(seen) == set(referral.reports.all())
    assert not seen.filter(tlp="red").exists()
    assert not seen.filter(confidential=True).exists()
    assert not seen.filter(case=small_case).exists()


def test_a_red_report_stays_invisible_even_if_shared_by_hand(
    referral: Referral,
    cross_border: Case,
    foreign_contact_point: Organisation,
    foreign_analyst: User,
) -> None:
    red = cross_border.reports.get(tlp="red")
    red.shared_with.add(foreign_contact_point)  # a mistake elsewhere changes nothing
    assert not visible_reports(foreign_analyst).filter(pk=red.pk).exists()


def test_the_timeline_and_the_audit_log_record_every_step(
    referral: Referral, cross_border: Case, foreign_analyst: User, foreign_supervisor: User
) -> None:
    acknowledge(referral, foreign_analyst)
    assert referral.status == Referral.Status.ACKNOWLEDGED
    assert referral.acknowledged_at is not None
    answer(referral, foreign_supervisor, accepted=True)
    referral.refresh_from_db()
    assert referral.status == Referral.Status.ACCEPTED
    assert referral.answered_by == foreign_supervisor
    kinds = list(cross_border.events.values_list("kind", flat=True))
    assert kinds[-3:] == ["referred", "referral_acknowledged", "referral_accepted"]
    referred = cross_border.events.get(kind="referred")
    assert referred.detail["reports"] == 2
    assert referred.detail["withheld"] == 2
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert actions.count("report.shared") == 2
    assert {"case.referred", "referral.acknowledged", "referral.accepted"} <= set(actions)
    assert verify_chain() is None


def test_declining_needs_a_reason_which_is_kept(
    referral: Referral, cross_border: Case, foreign_analyst: User
) -> None:
    with pytest.raises(ValueError, match="reason"):
        answer(referral, foreign_analyst, accepted=False, reason="   ")
    answer(referral, foreign_analyst, accepted=False, reason="The account holder lives in NL.")
    referral.refresh_from_db()
    assert referral.status == Referral.Status.DECLINED
    assert referral.reason == "The account holder lives in NL."
    assert referral.acknowledged_at is not None  # answering acknowledges too
    declined = cross_border.events.get(kind="referral_declined")
    assert declined.detail["reason"] == "The account holder lives in NL."
    with pytest.raises(ValueError, match="already answered"):
        answer(referral, foreign_analyst, accepted=True)
    with pytest.raises(ValueError, match="already"):
        acknowledge(referral, foreign_analyst)


@pytest.mark.parametrize(
    "persona", ["cert_analyst", "bank_partner", "foreign_analyst", "police_admin"]
)
def test_only_analysts_and_supervisors_of_the_case_send_it(
    request: pytest.FixtureRequest,
    cross_border: Case,
    foreign_contact_point: Organisation,
    hub: Organisation,
    persona: str,
) -> None:
    user: User = request.getfixturevalue(persona)
    with pytest.raises(PermissionError):
        send_referral(cross_border, hub, MESSAGE, user)
    assert not Referral.objects.exists()
    assert not hub.reports_shared_with.exists()


def test_a_supervisor_may_send(
    cross_border: Case, hub: Organisation, police_supervisor: User
) -> None:
    assert send_referral(cross_border, hub, MESSAGE, police_supervisor).recipient == hub


@pytest.mark.parametrize(
    "persona", ["police_analyst", "police_supervisor", "cert_analyst", "bank_partner"]
)
def test_only_the_recipient_acknowledges_and_answers(
    request: pytest.FixtureRequest, referral: Referral, persona: str
) -> None:
    user: User = request.getfixturevalue(persona)
    with pytest.raises(PermissionError):
        acknowledge(referral, user)
    with pytest.raises(PermissionError):
        answer(referral, user, accepted=True)
    referral.refresh_from_db()
    assert referral.status == Referral.Status.SENT


def test_a_partner_role_user_of_the_recipient_may_not_answer(
    referral: Referral, foreign_contact_point: Organisation
) -> None:
    from tests.conftest import make_user

    partner = make_user("pia.partner", foreign_contact_point, User.Role.PARTNER)
    with pytest.raises(PermissionError):
        answer(referral, partner, accepted=True)


def test_a_message_is_required(cross_border: Case, hub: Organisation, police_analyst: User) -> None:
    with pytest.raises(ValueError, match="message"):
        send_referral(cross_border, hub, "  \n ", police_analyst)
    assert not Referral.objects.exists()


def test_one_referral_per_recipient(
    referral: Referral,
    cross_border: Case,
    foreign_contact_point: Organisation,
    police_analyst: User,
) -> None:
    with pytest.raises(ValueError, match="already referred"):
        send_referral(cross_border, foreign_contact_point, "Again.", police_analyst)
    assert Referral.objects.count() == 1


def test_only_contact_points_and_hubs_other_than_the_sender_receive(
    cross_border: Case, operator: Organisation, bank: Organisation, police_analyst: User
) -> None:
    for recipient in (operator, bank):
        with pytest.raises(ValueError, match="contact points"):
            send_referral(cross_border, recipient, MESSAGE, police_analyst)


def test_a_closed_case_is_not_referred(
    cross_border: Case, hub: Organisation, police_analyst: User
) -> None:
    close(cross_border, police_analyst, "dealt with nationally")
    with pytest.raises(ValueError, match="closed"):
        send_referral(cross_border, hub, MESSAGE, police_analyst)
