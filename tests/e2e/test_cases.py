"""Cases in a real browser: an analyst opens a cross-border case, its link graph is drawn
(Cytoscape renders into canvases), and refers it; the foreign contact point finds it in
its inbox and accepts it. The case list, case page and inbox pass the axe-core WCAG 2.1
A/AA checks and run under the strict Content-Security-Policy without a console error."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from crex.accounts.models import Organisation, User
from crex.cases.models import Case, Referral
from tests.cases.conftest import GERMAN_MULE, Ingest, file_report, hub, ingest
from tests.conftest import PASSWORD
from tests.e2e.test_accessibility import AXE, WCAG
from tests.e2e.test_report_journey import shot

__all__ = ["file_report", "hub", "ingest"]

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

Visit = Callable[[Any], None]


@pytest.fixture
def case(ingest: Ingest, hub: Organisation, foreign_contact_point: Organisation) -> Case:
    """A proposed case of the operator: three victims in NL and DE paid one German
    account, a fourth report is TLP:RED."""
    ingest(f"I paid 300 EUR to {GERMAN_MULE} for a bike.", victim_country="NL")
    ingest(f"Überweisung an {GERMAN_MULE}, Ware kam nie.", victim_country="DE")
    ingest(f"Paid {GERMAN_MULE}; informant.", victim_country="NL", tlp="red")
    last = ingest(f"A friend paid {GERMAN_MULE} too.", victim_country="NL")
    assert last.case is not None
    return last.case


def log_in(page: Any, base: str, user: User) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def wait_for_graph(page: Any) -> None:
    page.wait_for_selector("#case-graph canvas", state="attached")
    page.wait_for_function("document.getElementById('case-graph').dataset.drawn")


def test_an_analyst_sees_the_graph_and_refers_the_case(
    page: Any,
    live_server: Any,
    case: Case,
    police_analyst: User,
    foreign_analyst: User,
    foreign_contact_point: Organisation,
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server.url, police_analyst)
    page.get_by_role("link", name="Cases", exact=True).click()
    shot(page, "cases-1-list")
    page.get_by_role("link", name=f"#{case.pk}").click()
    wait_for_graph(page)
    assert page.locator("#case-graph").get_attribute("data-drawn") == "5"  # 4 reports, 1 IBAN
    box = page.locator("#case-graph canvas").first.bounding_box()
    assert box["width"] > 300
    assert box["height"] > 300
    shot(page, "cases-2-detail")

    page.get_by_label("Send to").select_option(label=str(foreign_contact_point))
    page.get_by_label("Message").fill("Three victims paid one German account. Yours?")
    page.get_by_role("button", name="Send the referral").click()
    assert page.get_by_text(f"Case referred to {foreign_contact_point.name}.").is_visible()
    referral = Referral.objects.get()
    assert referral.reports.count() == 3

    page.get_by_role("button", name="Log out").click()
    log_in(page, live_server.url, foreign_analyst)
    page.get_by_role("link", name="Inbox", exact=True).click()
    assert page.get_by_text("Three victims paid one German account. Yours?").is_visible()
    shot(page, "cases-3-inbox")
    page.get_by_role("button", name="Accept").click()
    assert page.get_by_text("Referral accepted.").is_visible()
    referral.refresh_from_db()
    assert referral.status == Referral.Status.ACCEPTED

    page.get_by_role("link", name=f"#{case.pk}").click()
    wait_for_graph(page)
    assert page.locator("#case-graph").get_attribute("data-drawn") == "4"  # no RED report
    red = case.reports.get(tlp="red")
    assert red.reference not in page.content()


def _pages(base: str, case: Case, analyst: User, receiver: User) -> Iterator[tuple[str, Visit]]:
    """Each case page to check, with the steps that open it (the analyst refers the case
    on the way, so that the receiver's inbox has it)."""

    def as_analyst(page: Any) -> None:
        log_in(page, base, analyst)
        page.goto(base + "/workspace/cases/")

    yield "case list", as_analyst

    def detail(page: Any) -> None:
        page.goto(base + f"/workspace/cases/{case.pk}/")
        wait_for_graph(page)

    yield "case detail", detail

    def refer_with_errors(page: Any) -> None:
        page.get_by_role("button", name="Send the referral").click()

    yield "case detail with errors", refer_with_errors

    def refer(page: Any) -> None:
        page.get_by_label("Send to").select_option(index=1)
        page.get_by_label("Message").fill("Please take over.")
        page.get_by_role("button", name="Send the referral").click()

    yield "case detail after referring", refer

    def inbox(page: Any) -> None:
        page.get_by_role("button", name="Log out").click()
        log_in(page, base, receiver)
        page.goto(base + "/workspace/cases/inbox/")

    yield "inbox", inbox

    def received(page: Any) -> None:
        page.goto(base + f"/workspace/cases/{case.pk}/")
        wait_for_graph(page)

    yield "referred case", received


def test_case_pages_meet_wcag_aa(
    browser: Any, live_server: Any, case: Case, police_analyst: User, foreign_analyst: User
) -> None:
    context = browser.new_context(locale="en-GB", bypass_csp=True)
    page = context.new_page()
    problems = []
    for name, visit in _pages(live_server.url, case, police_analyst, foreign_analyst):
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


def test_case_pages_run_under_the_content_security_policy(
    browser: Any, live_server: Any, case: Case, police_analyst: User, foreign_analyst: User
) -> None:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    for name, visit in _pages(live_server.url, case, police_analyst, foreign_analyst):
        before = len(errors)
        visit(page)
        page.wait_for_load_state("networkidle")
        errors[before:] = [f"{name}: {text}" for text in errors[before:]]
    context.close()
    # nothing may log an error: a style Cytoscape added inline would be blocked and logged
    assert not errors, "\n".join(errors)
