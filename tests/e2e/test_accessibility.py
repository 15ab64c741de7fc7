"""Every page passes the axe-core WCAG 2.1 A/AA checks and runs under the strict CSP.

axe-core (vendored test tool, see tests/e2e/vendor/axe-core) is injected into each page in
a browser context that lets the test script in; a second, ordinary context loads the same
pages and fails on any console error, such as a resource the Content-Security-Policy blocked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from crex.accounts.models import Organisation, User
from crex.intake.services import Identifier, ReportSubmission, submit
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def filed(operator: Organisation) -> tuple[str, str]:
    """A report with observables and a loss, and its receipt code."""
    result = submit(
        ReportSubmission(
            channel="web",
            narrative="The shop took my money and vanished.",
            offence="online_shopping_fraud",
            victim_country="NL",
            loss_amount=Decimal("89.95"),
            loss_currency="EUR",
            identifiers=[
                Identifier("url", "https://cheap-bikes.shop/pay", "phishing_url"),
                Identifier("iban", "NL91ABNA0417164300", "payee_account"),
            ],
            contact_email="victim@example.org",
        ),
        organisation=operator,
        original=b"{}",
        content_type="application/json",
        issue_receipt=True,
    )
    return result.report.reference, result.receipt_code


Visit = Callable[[Any], None]


def _pages(base: str, reference: str, receipt: str, analyst: User) -> Iterator[tuple[str, Visit]]:
    """Each page to check, with the steps that open it."""

    def go(path: str) -> Visit:
        return lambda page: page.goto(base + path)

    yield "home", go("/")
    yield "choose", go("/report/")
    yield "report form", go("/report/new/?situation=persuaded_to_pay")

    def form_with_errors(page: Any) -> None:
        page.goto(base + "/report/new/?situation=persuaded_to_pay")
        page.get_by_label("How much money did you lose? (optional)").fill("-5")
        page.get_by_role("button", name="Send report").click()

    yield "report form with errors", form_with_errors
    yield "follow-up", go("/follow-up/")

    def status(page: Any) -> None:
        page.goto(base + "/follow-up/")
        page.get_by_label("Reference number").fill(reference)
        page.get_by_label("Receipt code").fill(receipt)
        page.get_by_role("button", name="Open my report").click()

    yield "follow-up status", status
    yield "login", go("/accounts/login/")

    def log_in(page: Any) -> None:
        page.goto(base + "/accounts/login/")
        page.get_by_label("Username").fill(analyst.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()

    yield "queue", log_in
    yield "report detail", go(f"/workspace/reports/{reference}/")
    yield "exports", go("/workspace/exports/")
    yield "import", go("/workspace/exports/import/")


def test_pages_meet_wcag_aa(
    browser: Any, live_server: Any, filed: tuple[str, str], police_analyst: User
) -> None:
    context = browser.new_context(locale="en-GB", bypass_csp=True)
    page = context.new_page()
    problems = []
    for name, visit in _pages(live_server.url, *filed, police_analyst):
        visit(page)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            WCAG,
        )
        assert result["passes"], f"axe checked nothing on {name}"
        for violation in result["violations"]:
            if violation["impact"] in {"serious", "critical"}:
                targets = [node["target"] for node in violation["nodes"]][:3]
                problems.append(f"{name}: {violation['id']} ({violation['help']}) at {targets}")
    context.close()
    assert not problems, "\n".join(problems)


def test_pages_run_under_the_content_security_policy(
    browser: Any, live_server: Any, filed: tuple[str, str], police_analyst: User
) -> None:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    policies = []
    page.on(
        "response",
        lambda r: (
            policies.append(r.headers.get("content-security-policy"))
            if r.request.resource_type == "document"
            else None
        ),
    )
    for name, visit in _pages(live_server.url, *filed, police_analyst):
        before = len(errors)
        visit(page)
        page.wait_for_load_state("networkidle")
        errors[before:] = [f"{name}: {text}" for text in errors[before:]]
    context.close()
    assert policies
    assert all(policy and "script-src 'self'" in policy for policy in policies)
    # The form with errors answers 200 with messages; nothing else may log an error.
    assert not errors, "\n".join(errors)
