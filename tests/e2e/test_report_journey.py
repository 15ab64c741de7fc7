"""The whole story in a real browser: a victim reports, comes back, an analyst works it.

A person files a report through the questionnaire and gets a reference and a receipt
code; with them they come back and see the status; an analyst logs in, finds the report
in the queue, reclassifies it, and the audit trail on the report shows the change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from crex.accounts.models import Organisation, User
from crex.reports.models import Report
from tests.conftest import PASSWORD
from tests.e2e.conftest import ARTIFACTS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def shot(page: Any, name: str) -> None:
    """Keep a screenshot of the step for people reading a failed run."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(ARTIFACTS) / f"{name}.png"), full_page=True)


def test_report_follow_up_and_triage(
    page: Any, live_server: Any, operator: Organisation, police_analyst: User
) -> None:
    # A victim of a fake investment platform files a report.
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Start your report").click()
    page.get_by_label("I was persuaded to send money to someone").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("An investment, trading or crypto platform or adviser").check()
    page.get_by_label("On what date did it happen?").fill("2026-10-02")
    page.get_by_label("How much money did you lose? (optional)").fill("4500")
    page.get_by_label("Bank account numbers (IBAN) (optional)").fill("NL91 ABNA 0417 1643 00")
    page.get_by_label("Describe what happened").fill(
        "A trading platform showed big profits; to withdraw I had to pay fees, then it vanished."
    )
    shot(page, "1-form")
    page.get_by_role("button", name="Send report").click()

    reference = page.locator(".reference").inner_text().strip()
    receipt = page.locator(".receipt-code").inner_text().replace("\n", "").strip()
    shot(page, "2-received")
    report = Report.objects.get(reference=reference)
    assert report.offence == "investment_fraud"
    assert report.observables.get().observable.value == "NL91ABNA0417164300"
    assert len(receipt.replace("-", "")) == 20

    # Days later they come back with the reference and the receipt code.
    page.goto(live_server.url + "/follow-up/")
    page.get_by_label("Reference number").fill(reference)
    page.get_by_label("Receipt code").fill(receipt)
    page.get_by_role("button", name="Open my report").click()
    assert reference in page.content()
    assert page.get_by_text("Received", exact=False).first.is_visible()
    shot(page, "3-status")

    # An analyst logs in, finds it in the queue and reclassifies it.
    page.goto(live_server.url + "/workspace/")
    page.get_by_label("Username").fill(police_analyst.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name=reference).click()
    page.get_by_label("Offence", exact=True).select_option("advance_fee_fraud")
    page.get_by_role("button", name="Reclassify").click()
    shot(page, "4-reclassified")

    report.refresh_from_db()
    assert report.offence == "advance_fee_fraud"
    trail = page.locator("#trail-title").locator("xpath=..")
    assert "advance" in trail.inner_text().lower()
    assert police_analyst.username in trail.inner_text()
