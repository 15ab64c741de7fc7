"""How a case reads: figures as far as the viewer may see them, and the timeline in
words (whatever a stored event's detail holds)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crex.accounts.models import Organisation, User
from crex.cases.display import figures, owns, timeline, visible_events
from crex.cases.models import Case, CaseEvent
from crex.cases.referrals import send_referral
from crex.reports.visibility import visible_reports
from tests.cases.conftest import GERMAN_MULE, Ingest


def test_the_owner_sees_the_stored_figures_the_receiver_only_what_was_shared(
    ingest: Ingest,
    police_analyst: User,
    foreign_analyst: User,
    foreign_contact_point: Organisation,
) -> None:
    ingest(
        f"Paid 100 EUR to {GERMAN_MULE}.",
        victim_country="NL",
        loss_amount=Decimal(100),
        loss_currency="EUR",
    )
    ingest(
        f"Paid 50 CHF to {GERMAN_MULE}.",
        victim_country="CH",
        loss_amount=Decimal(50),
        loss_currency="CHF",
        tlp="red",
    )
    case = ingest(f"Paid to {GERMAN_MULE}.", victim_country="NL", confidential=True).case
    assert case is not None
    send_referral(case, foreign_contact_point, "Yours?", police_analyst)

    own = figures(case, visible_reports(police_analyst), own=owns(police_analyst, case))
    assert (own.victims, own.countries) == (3, ("CH", "DE", "NL"))
    assert own.losses == (("CHF", Decimal(50)), ("EUR", Decimal(100)))
    assert own.victims_per_country == (("NL", 2), ("CH", 1))

    assert not owns(foreign_analyst, case)
    shared = figures(case, visible_reports(foreign_analyst), own=False)
    assert (shared.victims, shared.countries) == (1, ("NL",))
    assert shared.losses == (("EUR", Decimal(100)),)
    assert shared.victims_per_country == (("NL", 1),)
    assert not shared.cross_border

    listed = figures(case, visible_reports(police_analyst), own=True, per_country=False)
    assert listed.victims_per_country == ()
    assert listed.cross_border


def test_the_receiver_reads_only_its_own_referral_steps(
    ingest: Ingest,
    police_analyst: User,
    foreign_analyst: User,
    foreign_contact_point: Organisation,
    hub: Organisation,
) -> None:
    ingest(f"Paid {GERMAN_MULE}.")
    case = ingest(f"Paid {GERMAN_MULE}.").case
    assert case is not None
    send_referral(case, hub, "For the hub.", police_analyst)
    send_referral(case, foreign_contact_point, "For Germany.", police_analyst)
    assert [e.kind for e in visible_events(case, police_analyst)] == [
        "proposed",
        "reports_added",
        "referred",
        "referred",
    ]
    [event] = visible_events(case, foreign_analyst)
    assert event.detail["message"] == "For Germany."


def _event(kind: str, detail: object) -> CaseEvent:
    return CaseEvent(case=Case(pk=1), kind=kind, detail=detail)


@pytest.mark.parametrize(
    ("kind", "detail", "label", "text", "note", "other"),
    [
        (
            "proposed",
            {"reports": ["CR-1"]},
            "Proposed",
            "Correlation found linked reports.",
            "",
            None,
        ),
        ("reports_added", {"count": 1}, "Reports added", "1 report added.", "", None),
        ("accepted", {}, "Case accepted", "An analyst took the case on.", "", None),
        ("closed", {"reason": "Done."}, "Closed", "", "Done.", None),
        (
            "merged_into",
            {"other_case": 7, "reports": 3},
            "Merged",
            "Merged into another case (3 reports moved).",
            "",
            7,
        ),
        (
            "split",
            {"other_case": 9, "reports": [1, 2]},
            "Split",
            "2 reports split off into a new case.",
            "",
            9,
        ),
        (
            "report_moved_out",
            {"report": "CR-1", "to": None},
            "Report moved out",
            "Report CR-1 taken out of the case.",
            "",
            None,
        ),
        (
            "report_moved_in",
            {"report": "CR-1", "from": 4},
            "Report moved in",
            "Report CR-1 moved here from another case.",
            "",
            4,
        ),
        (
            "referred",
            {"recipient": "DE", "reports": 1, "withheld": 2, "message": "Hi"},
            "Referred",
            "Referred to DE: 1 report shared, 2 withheld (TLP:RED or confidential).",
            "Hi",
            None,
        ),
        (
            "referral_declined",
            {"recipient": "DE", "reason": "Not ours"},
            "Referral declined",
            "DE declined the referral.",
            "Not ours",
            None,
        ),
        ("something_new", {"x": 1}, "something_new", "", "", None),
    ],
)
def test_each_step_reads_in_words(
    kind: str, detail: dict[str, object], label: str, text: str, note: str, other: int | None
) -> None:
    [entry] = timeline([_event(kind, detail)])
    assert (entry.label, entry.text, entry.note, entry.other_case) == (label, text, note, other)


@pytest.mark.parametrize("detail", ["text", None, [1, 2], {"count": "many", "other_case": True}])
def test_an_odd_detail_never_breaks_the_timeline(detail: object) -> None:
    for kind in ("reports_added", "merged_from", "split_from", "referred", "linked_case"):
        [entry] = timeline([_event(kind, detail)])
        assert entry.label
        assert entry.other_case is None
