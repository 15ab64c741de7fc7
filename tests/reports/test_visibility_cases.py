"""Who sees which case: the persona x case matrix of `visible_cases`, and that inside a
referred case the recipient sees only the reports `visible_reports` gives it.

Cases: the operator's own case, one it referred to the German contact point, one referred
(by a referral row) to the bank, the German contact point's own case, and one the German
contact point referred to the operator.
"""

from __future__ import annotations

import pytest

from crex.accounts.models import Organisation, User
from crex.cases.models import Case, Referral
from crex.cases.referrals import send_referral
from crex.reports.visibility import can_work_on_case, visible_cases, visible_reports
from tests.cases.conftest import GERMAN_MULE, MULE, OTHER_MULE, PHONE, Ingest, ingest
from tests.conftest import make_user

__all__ = ["ingest"]

PERSONAS = [
    "police_analyst",
    "police_supervisor",
    "cert_analyst",
    "bank_partner",
    "foreign_analyst",
]
CASES = ["own", "referred_abroad", "referred_to_bank", "foreign", "foreign_referred_to_us"]
OPERATOR_SEES = {"own", "referred_abroad", "referred_to_bank", "foreign_referred_to_us"}
SEES: dict[str, set[str]] = {
    "police_analyst": OPERATOR_SEES,
    "police_supervisor": OPERATOR_SEES,
    "cert_analyst": set(),
    # a partner sees no case of its own organisation, only those referred to it
    "bank_partner": {"referred_to_bank"},
    "foreign_analyst": {"foreign", "foreign_referred_to_us", "referred_abroad"},
}
WORKS_ON: dict[str, set[str]] = {
    "police_analyst": {"own", "referred_abroad", "referred_to_bank"},
    "police_supervisor": {"own", "referred_abroad", "referred_to_bank"},
    "cert_analyst": set(),
    "bank_partner": set(),
    "foreign_analyst": {"foreign", "foreign_referred_to_us"},
}
MATRIX = [(persona, case) for persona in PERSONAS for case in CASES]


def _case(ingest: Ingest, value: str, organisation: Organisation | None = None) -> Case:
    ingest(f"Paid to {value}.", organisation)
    report = ingest(f"Also paid to {value}.", organisation)
    assert report.case is not None
    return report.case


@pytest.fixture
def cases(
    ingest: Ingest,
    bank: Organisation,
    operator: Organisation,
    foreign_contact_point: Organisation,
    police_analyst: User,
    foreign_analyst: User,
) -> dict[str, Case]:
    found = {
        "own": _case(ingest, MULE),
        "referred_abroad": _case(ingest, GERMAN_MULE),
        "referred_to_bank": _case(ingest, OTHER_MULE),
        "foreign": _case(ingest, "NL36 INGB 0007 6543 21", foreign_contact_point),
        "foreign_referred_to_us": _case(ingest, PHONE, foreign_contact_point),
    }
    send_referral(found["referred_abroad"], foreign_contact_point, "Yours?", police_analyst)
    send_referral(found["foreign_referred_to_us"], operator, "Ihre?", foreign_analyst)
    Referral.objects.create(
        case=found["referred_to_bank"], recipient=bank, message="Freeze?", sent_by=police_analyst
    )
    return found


@pytest.mark.parametrize(("persona", "name"), MATRIX)
def test_visible_cases_follows_the_matrix(
    request: pytest.FixtureRequest, cases: dict[str, Case], persona: str, name: str
) -> None:
    user: User = request.getfixturevalue(persona)
    assert visible_cases(user).filter(pk=cases[name].pk).exists() == (name in SEES[persona])


@pytest.mark.parametrize(("persona", "name"), MATRIX)
def test_only_the_cases_organisation_works_on_it(
    request: pytest.FixtureRequest, cases: dict[str, Case], persona: str, name: str
) -> None:
    user: User = request.getfixturevalue(persona)
    assert can_work_on_case(user, cases[name]) == (name in WORKS_ON[persona])


def test_every_referral_status_keeps_the_case_visible(
    cases: dict[str, Case], foreign_analyst: User
) -> None:
    referral = Referral.objects.get(case=cases["referred_abroad"])
    for status in Referral.Status.values:
        Referral.objects.filter(pk=referral.pk).update(status=status)
        assert visible_cases(foreign_analyst).filter(pk=referral.case_id).exists()


def test_in_a_referred_case_the_recipient_sees_only_the_shared_reports(
    ingest: Ingest,
    foreign_contact_point: Organisation,
    police_analyst: User,
    foreign_analyst: User,
) -> None:
    ingest(f"Paid to {MULE}.")
    red = ingest(f"Paid to {MULE} (informant).", tlp="red")
    kept = ingest(f"Paid to {MULE}, confidential.", confidential=True)
    case = ingest(f"Paid to {MULE} too.").case
    assert case is not None
    send_referral(case, foreign_contact_point, "Please look.", police_analyst)
    later = ingest(f"And again {MULE}.")  # joins the case after the referral: not shared
    assert later.case == case
    in_case = visible_reports(foreign_analyst).filter(case=case)
    assert in_case.count() == 2
    assert not in_case.filter(pk__in=[red.pk, kept.pk, later.pk]).exists()


def test_nobody_without_an_organisation_or_inactive_sees_cases(
    cases: dict[str, Case], operator: Organisation
) -> None:
    loose = make_user("no.org", operator, User.Role.ANALYST)
    loose.organisation = None
    loose.save()
    gone = make_user("gone", operator, User.Role.ANALYST)
    gone.is_active = False
    gone.save()
    assert not visible_cases(loose).exists()
    assert not visible_cases(gone).exists()
