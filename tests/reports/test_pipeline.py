"""Every stored report is processed: observables written in the narrative get linked."""

from collections.abc import Callable
from io import StringIO
from typing import Any

from django.core.management import call_command

from crex.accounts.models import Organisation
from crex.intake.services import Identifier, ReportSubmission, submit
from crex.reports.models import Report
from crex.reports.pipeline import pending_reports, process_report

NARRATIVE = (
    "I paid 300 EUR to NL91 ABNA 0417 1643 00 after an ad on hxxps://cheap-bikes[.]shop/deal. "
    "They wrote from sales@cheap-bikes.shop."
)


def file(organisation: Organisation, **fields: Any) -> Report:
    submission = ReportSubmission(channel="web", narrative=NARRATIVE, **fields)
    return submit(
        submission, organisation=organisation, original=b"{}", content_type="text/plain"
    ).report


def links(report: Report) -> set[tuple[str, str, str]]:
    return {
        (link.observable.type, link.observable.value, link.role)
        for link in report.observables.select_related("observable")
    }


def test_a_filed_report_is_processed_after_commit(
    operator: Organisation, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        report = file(operator)
    report.refresh_from_db()
    assert report.processed_at is not None
    found = links(report)
    assert ("iban", "NL91ABNA0417164300", "mentioned") in found
    assert ("url", "https://cheap-bikes.shop/deal", "mentioned") in found
    assert ("email-addr", "sales@cheap-bikes.shop", "mentioned") in found
    assert ("domain-name", "cheap-bikes.shop", "mentioned") in found


def test_a_typed_identifier_keeps_its_role(operator: Organisation) -> None:
    report = file(operator, identifiers=[Identifier("iban", "NL91ABNA0417164300", "payee_account")])
    process_report(report)
    ibans = [link for link in links(report) if link[0] == "iban"]
    assert ibans == [("iban", "NL91ABNA0417164300", "payee_account")]


def test_processing_twice_stores_nothing_twice(operator: Organisation) -> None:
    report = file(operator)
    first = process_report(report)
    assert first.linked > 0
    before = links(report)
    assert process_report(report).linked == 0
    assert links(report) == before


def test_queued_reports_are_processed_by_the_command(operator: Organisation) -> None:
    report = file(operator)  # the test transaction never commits: it stays queued
    assert list(pending_reports()) == [report]
    out = StringIO()
    call_command("process", stdout=out)
    assert "Processed 1 reports" in out.getvalue()
    assert not pending_reports().exists()
    report.refresh_from_db()
    assert report.processed_at is not None
