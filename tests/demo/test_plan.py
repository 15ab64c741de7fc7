"""The plan: every offence covered, campaigns across countries, valid submissions, and the
same reports for the same seed."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from crex.core.taxonomy import OFFENCE_CODES
from crex.demo.campaigns import FAKE_SHOP_IBAN
from crex.demo.locales import LANGUAGES
from crex.demo.plan import (
    DEFAULT_REPORTS,
    MINIMUM_REPORTS,
    PER_OFFENCE_MINIMUM,
    PlanError,
    PlannedReport,
    allocate,
    plan_reports,
    questionnaire_path,
)
from crex.intake.services import validate
from crex.reports.models import Report

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
FOREIGN = {"DE", "FR", "BE", "ES", "IT", "PL", "AT"}


@pytest.fixture(scope="module")
def plans() -> list[PlannedReport]:
    return plan_reports(DEFAULT_REPORTS, now=NOW, home="NL", contact_points=FOREIGN)


@pytest.mark.parametrize("total", [MINIMUM_REPORTS, DEFAULT_REPORTS, 1000])
def test_allocation_covers_every_offence(total: int) -> None:
    slots = allocate(total)
    assert len(slots) == total
    counts = Counter(offence for offence, _ in slots)
    assert all(counts[code] >= PER_OFFENCE_MINIMUM for code in OFFENCE_CODES)


def test_too_few_reports_cannot_be_planned() -> None:
    with pytest.raises(PlanError, match="too few"):
        allocate(60)


def test_every_planned_submission_passes_intake_validation(plans: list[PlannedReport]) -> None:
    for plan in plans:
        normalised = validate(plan.submission)
        assert len(normalised) == len(plan.submission.identifiers)


def test_reports_spread_over_a_year_oldest_first(plans: list[PlannedReport]) -> None:
    times = [plan.received_at for plan in plans]
    assert times == sorted(times)
    assert NOW - timedelta(days=366) < times[0] < NOW - timedelta(days=300)
    assert NOW - timedelta(days=3) < times[-1] <= NOW
    for plan in plans:
        assert plan.submission.incident_at is not None
        assert plan.submission.incident_at <= plan.received_at <= plan.updated_at <= NOW


def test_recent_reports_are_mostly_new_and_old_ones_mostly_closed(
    plans: list[PlannedReport],
) -> None:
    recent = Counter(p.status for p in plans if NOW - p.received_at < timedelta(days=5))
    old = Counter(p.status for p in plans if NOW - p.received_at > timedelta(days=90))
    assert recent.most_common(1)[0][0] == "new"
    assert old.most_common(1)[0][0] == "closed"


def test_reports_are_written_in_several_languages(plans: list[PlannedReport]) -> None:
    assert {p.submission.language for p in plans} == set(LANGUAGES)


def test_victims_live_in_every_contact_point_country(plans: list[PlannedReport]) -> None:
    assert {p.submission.victim_country for p in plans} >= FOREIGN | {"NL"}


def test_the_mule_account_links_victims_in_four_countries(plans: list[PlannedReport]) -> None:
    countries = {
        p.submission.victim_country
        for p in plans
        if any(i.value == FAKE_SHOP_IBAN for i in p.submission.identifiers)
    }
    assert countries == {"NL", "DE", "BE", "FR"}


def test_partner_systems_report_through_the_api_or_a_feed(plans: list[PlannedReport]) -> None:
    submitters = Counter(
        (p.submission.channel, p.submitted_by)
        for p in plans
        if p.submission.channel in {Report.Channel.API, Report.Channel.FEED}
    )
    assert {by for _, by in submitters} <= {"bank", "neobank", "cert", "hosting", "hotline"}
    assert all(
        p.submitted_by and p.submitted_by.startswith(("cp:", "hub"))
        for p in plans
        if p.submission.channel == Report.Channel.REFERRAL
    )


def test_every_channel_tlp_and_reporter_kind_occurs(plans: list[PlannedReport]) -> None:
    assert {p.submission.channel for p in plans} == set(Report.Channel.values)
    assert {p.submission.tlp for p in plans} >= {"clear", "green", "amber", "red"}
    assert {p.submission.reporter_kind for p in plans} == set(Report.ReporterKind.values)
    assert any(p.submission.confidential for p in plans)
    assert {p.submission.loss_currency for p in plans} >= {"EUR", "PLN", "CHF"}


def test_web_reports_answer_the_questionnaire_to_their_offence(
    plans: list[PlannedReport],
) -> None:
    web = [p for p in plans if p.submission.channel == Report.Channel.WEB]
    assert web
    assert all(p.submission.situation for p in web)


def test_questionnaire_path_prefers_the_fitting_answer() -> None:
    situation, answers = questionnaire_path("extortion", "attack_or_leak", random.Random(1))
    assert (situation, answers) == ("threatened", {"answer": "attack_or_leak"})
    assert questionnaire_path("online_shopping_fraud", "", random.Random(1)) == (
        "paid_never_came",
        {},
    )


def test_the_same_seed_and_time_give_the_same_reports(plans: list[PlannedReport]) -> None:
    again = plan_reports(DEFAULT_REPORTS, now=NOW, home="NL", contact_points=FOREIGN)
    assert [p.original for p in again] == [p.original for p in plans]
    other = plan_reports(DEFAULT_REPORTS, now=NOW, home="NL", contact_points=FOREIGN, seed=7)
    assert [p.original for p in other] != [p.original for p in plans]


def test_a_different_home_country_still_plans() -> None:
    german = plan_reports(
        MINIMUM_REPORTS,
        now=NOW,
        home="DE",
        contact_points={"NL", "FR", "BE", "ES", "IT", "PL", "AT"},
    )
    assert Counter(p.submission.victim_country for p in german).most_common(1)[0][0] == "DE"
