"""Correlation on ingest: links through shared values, the warninglist, the guard, cases,
and the full rebuild."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crex.accounts.models import Organisation, User
from crex.audit.models import AuditEvent
from crex.cases import services as cases
from crex.cases.models import Case
from crex.core.correlate import Guard, Strength
from crex.correlation.models import ObservableReview, ReportLink, WarninglistEntry
from crex.correlation.rebuild import rebuild
from crex.correlation.services import (
    correlate_report,
    decide_review,
    linked_reports,
    unlinked_values,
)
from crex.reports.models import Report
from crex.reports.visibility import visible_reports
from tests.correlation.conftest import Ingest

MULE = "NL02 ABNA 0521 6378 12"
MULE_CANONICAL = "NL02ABNA0521637812"
PHONE = "+49 151 23456789"


def links_between(first: Report, second: Report) -> list[ReportLink]:
    """The links joining two reports, whichever way they were stored."""
    return list(ReportLink.objects.filter(report__in=[first, second], other__in=[first, second]))


def test_reports_sharing_an_iban_are_linked_with_why(ingest: Ingest) -> None:
    first = ingest(f"I paid 300 EUR to {MULE} for a phone that never came.")
    second = ingest(f"Seller asked for a transfer to {MULE}, then vanished.")
    [link] = links_between(first, second)
    assert (link.report, link.other) == (second, first)
    assert link.observable.value == MULE_CANONICAL
    assert link.strength == Strength.STRONG


def test_correlating_twice_stores_each_link_once(ingest: Ingest) -> None:
    first = ingest(f"Paid to {MULE}.")
    second = ingest(f"Paid to {MULE} as well.")
    correlate_report(second)
    correlate_report(second)
    assert len(links_between(first, second)) == 1


def test_correlating_an_earlier_report_again_finds_the_same_link(ingest: Ingest) -> None:
    """A link is stored one way (later report to earlier), whichever report is correlated."""
    first = ingest(f"Paid to {MULE}.")
    second = ingest(f"Paid to {MULE}.")
    assert correlate_report(first).links == 1
    [link] = links_between(first, second)
    assert (link.report, link.other) == (second, first)
    assert [found.report for found in linked_reports(first, Report.objects.all())] == [second]


def test_the_report_page_lists_only_what_the_viewer_may_see(
    ingest: Ingest,
    operator: Organisation,
    foreign_contact_point: Organisation,
    police_analyst: User,
) -> None:
    ours = ingest(f"Paid to {MULE}.")
    ingest(f"Überweisung an {MULE}.", foreign_contact_point)  # not shared with us
    foreign_red = ingest(f"Überweisung an {MULE}.", foreign_contact_point, tlp="red")
    foreign_red.shared_with.add(operator)
    shared = ingest(f"Überweisung an {MULE}.", foreign_contact_point)
    shared.shared_with.add(operator)
    seen = {link.report for link in linked_reports(ours, visible_reports(police_analyst))}
    assert seen == {shared}
    assert ReportLink.objects.filter(other=ours).count() == 3  # linked, but not shown


def test_warninglisted_values_link_nothing_and_are_shown_as_such(ingest: Ingest) -> None:
    first = ingest("The fake shop's contact was shop-help@gmail.com, link via https://bit.ly/x1")
    second = ingest("They wrote from another-scammer@gmail.com and sent https://bit.ly/zz9")
    assert links_between(first, second) == []
    unlinked = {u.observable.value: u for u in unlinked_values(second)}
    assert unlinked["gmail.com"].reason == "warninglist"
    assert unlinked["gmail.com"].other_reports == 1
    assert "bit.ly" in unlinked


def test_an_entry_added_by_an_administrator_suppresses_links(ingest: Ingest) -> None:
    WarninglistEntry.objects.create(
        type="iban", value=MULE_CANONICAL, match="exact", category="other", source="our test"
    )
    first = ingest(f"Paid to {MULE}.")
    second = ingest(f"Paid to {MULE}.")
    assert links_between(first, second) == []


def test_a_value_in_too_many_reports_is_held_for_review(
    ingest: Ingest, police_analyst: User
) -> None:
    reports = [ingest(f"Call from {PHONE} about my parcel.") for _ in range(4)]
    reports.append(ingest(f"Also called by {PHONE}."))
    guard = Guard(total=3, burst=100)
    result = correlate_report(reports[-1], guard=guard)
    assert [o.value for o in result.held] == ["+4915123456789"]
    review = ObservableReview.objects.get(observable__value="+4915123456789")
    assert review.status == ObservableReview.Status.HELD
    assert review.reason == ObservableReview.Reason.TOTAL
    assert unlinked_values(reports[-1])[0].reason == "held"

    decide_review(review, police_analyst, ObservableReview.Status.ALLOWED)
    assert correlate_report(reports[-1], guard=guard).links == 4
    assert AuditEvent.objects.filter(action="correlation.value_reviewed").count() == 1


def test_a_burst_of_reports_with_one_value_is_held(ingest: Ingest) -> None:
    reports = [ingest(f"SMS from {PHONE}.") for _ in range(4)]
    result = correlate_report(reports[-1], guard=Guard(total=100, burst=2))
    assert result.held
    assert ObservableReview.objects.get().reason == ObservableReview.Reason.BURST


def test_suppressing_a_held_value_removes_its_links(ingest: Ingest, police_analyst: User) -> None:
    first = ingest(f"Call from {PHONE}.")
    second = ingest(f"Call from {PHONE}.")
    assert links_between(first, second)
    review = ObservableReview.objects.create(
        observable=first.observables.get().observable, reason="total", reports_when_held=2
    )
    decide_review(review, police_analyst, ObservableReview.Status.SUPPRESSED)
    assert links_between(first, second) == []


def test_a_chain_of_reports_becomes_one_proposed_case(ingest: Ingest) -> None:
    first = ingest(f"Paid to {MULE}.")
    second = ingest(f"Paid to {MULE}; the seller's number was {PHONE}.")
    third = ingest(f"Called by {PHONE} about a refund.")
    case = third.case
    assert case is not None
    assert case.status == Case.Status.PROPOSED
    assert set(case.reports.all()) == {first, second, third}
    assert case.victims == 3
    assert case.events.filter(kind="proposed").exists()


def test_a_weak_link_alone_makes_no_case(ingest: Ingest) -> None:
    first = ingest("Login attempts came from 185.220.101.4 tonight.")
    second = ingest("Our server was scanned by 185.220.101.4.")
    [link] = links_between(first, second)
    assert link.strength == Strength.WEAK
    assert second.case is None


def test_reports_of_another_organisation_are_linked_but_stay_out_of_our_case(
    ingest: Ingest, foreign_contact_point: Organisation
) -> None:
    ours = ingest(f"Paid to {MULE}.")
    ours_too = ingest(f"Paid to {MULE}.")
    theirs = ingest(f"Überweisung an {MULE}.", foreign_contact_point)
    assert ours_too.case is not None
    assert theirs.case is None
    assert set(ours_too.case.reports.all()) == {ours, ours_too}


def test_cross_border_victims_flag_the_case(ingest: Ingest) -> None:
    ingest(f"Paid to {MULE}.", victim_country="NL")
    other = ingest(f"Überweisung an {MULE}.", victim_country="DE")
    assert other.case is not None
    assert other.case.cross_border
    assert other.case.countries == ["DE", "NL"]


def test_a_new_report_joins_an_open_case_and_leaves_its_shape_alone(
    ingest: Ingest, police_analyst: User
) -> None:
    ingest(f"Paid to {MULE}.")
    second = ingest(f"Paid to {MULE}.")
    assert second.case is not None
    case = cases.accept(second.case, police_analyst)
    third = ingest(f"Paid to {MULE} too.")
    assert third.case == case
    assert case.status == Case.Status.OPEN


def test_merge_and_split_keep_the_audit_trail(ingest: Ingest, police_analyst: User) -> None:
    a1 = ingest(f"Paid to {MULE}.")
    a2 = ingest(f"Paid to {MULE}.")
    b1 = ingest(f"Call from {PHONE}.")
    b2 = ingest(f"Call from {PHONE}.")
    first, second = a2.case, b2.case
    assert first is not None
    assert second is not None
    assert first != second
    merged = cases.merge([second], first, police_analyst)
    assert set(merged.reports.all()) == {a1, a2, b1, b2}
    second.refresh_from_db()
    assert (second.status, second.merged_into) == (Case.Status.MERGED, first)

    split_off = cases.split(merged, [b1.pk, b2.pk], police_analyst, title="Phone callers")
    assert set(split_off.reports.all()) == {b1, b2}
    assert set(merged.reports.all()) == {a1, a2}
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert "case.merged" in actions
    assert "case.split" in actions
    kinds = list(first.events.values_list("kind", flat=True))
    assert kinds[-2:] == ["merged_from", "split"]


def test_only_the_cases_organisation_may_change_it(ingest: Ingest, foreign_analyst: User) -> None:
    ingest(f"Paid to {MULE}.")
    report = ingest(f"Paid to {MULE}.")
    assert report.case is not None
    with pytest.raises(PermissionError):
        cases.accept(report.case, foreign_analyst)


def test_moving_a_report_between_cases_is_audited(ingest: Ingest, police_analyst: User) -> None:
    ingest(f"Paid to {MULE}.")
    a = ingest(f"Paid to {MULE}.")
    ingest(f"Call from {PHONE}.")
    b = ingest(f"Call from {PHONE}.")
    assert a.case is not None
    assert b.case is not None
    cases.move_report(a, b.case, police_analyst)
    assert a.case == b.case
    assert AuditEvent.objects.filter(action="report.case_changed").exists()


def test_rebuild_recreates_links_and_keeps_analyst_cases(
    ingest: Ingest, police_analyst: User
) -> None:
    a1 = ingest(f"Paid to {MULE}.")
    a2 = ingest(f"Paid to {MULE}.")
    ingest(f"Call from {PHONE}.")
    b2 = ingest(f"Call from {PHONE}.")
    assert a2.case is not None
    opened = cases.accept(a2.case, police_analyst)
    before = set(ReportLink.objects.values_list("report", "other", "observable", "strength"))
    ReportLink.objects.all().delete()

    result = rebuild()
    after = set(ReportLink.objects.values_list("report", "other", "observable", "strength"))
    assert after == before
    assert result.links == len(before)
    a1.refresh_from_db()
    b2.refresh_from_db()
    assert a1.case == opened
    assert b2.case is not None
    assert b2.case.status == Case.Status.PROPOSED
    assert Case.objects.filter(status=Case.Status.PROPOSED).count() == 1
    fields = ["score", "victims", "countries", "losses", "strong_links", "cross_border"]
    for case in Case.objects.all():
        rescored = cases.refresh_case(Case.objects.get(pk=case.pk))
        assert [getattr(case, f) for f in fields] == [getattr(rescored, f) for f in fields]


def test_rebuild_holds_values_over_the_limit(ingest: Ingest) -> None:
    for _ in range(4):
        ingest(f"Call from {PHONE}.")
    result = rebuild(guard=Guard(total=3, burst=100))
    assert result.held == 1
    assert ReportLink.objects.count() == 0
    assert ObservableReview.objects.get().reason == ObservableReview.Reason.TOTAL


def test_a_growing_case_is_scored_as_a_full_recount_would(ingest: Ingest) -> None:
    ingest(
        f"Paid 100 EUR to {MULE}.",
        victim_country="NL",
        loss_amount=Decimal(100),
        loss_currency="EUR",
    )
    ingest(f"Paid to {MULE}; caller {PHONE}.", victim_country="DE")
    last = ingest(
        f"Called by {PHONE}, paid 20 PLN.",
        victim_country="PL",
        loss_amount=Decimal(20),
        loss_currency="PLN",
    )
    assert last.case is not None
    grown = Case.objects.get(pk=last.case.pk)
    recounted = cases.refresh_case(Case.objects.get(pk=last.case.pk))
    fields = ["score", "victims", "countries", "losses", "strong_links", "reports_with_loss"]
    assert [getattr(grown, f) for f in fields] == [getattr(recounted, f) for f in fields]
    assert grown.losses == {"EUR": "100.00", "PLN": "20.00"}
