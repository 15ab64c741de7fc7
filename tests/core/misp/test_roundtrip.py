"""A report exported to MISP and read back is the same report, as far as MISP can say it."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from crex.core.exchange import SharedObservable
from crex.core.handling import Distribution
from crex.core.misp import case_to_event, event_json, parse_event, report_to_event
from crex.core.tlp import TLP
from tests.core.misp.examples import CONTACT_POINT, OBSERVABLES, make_case, make_report

GROUP_UUID = "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"


def test_every_type_value_role_and_marking_survives_a_round_trip() -> None:
    marked = tuple(
        SharedObservable(o.type, o.value, TLP.AMBER_STRICT if i % 3 == 0 else o.tlp, o.role)
        for i, o in enumerate(OBSERVABLES)
    )
    report = make_report(
        observables=marked, description="I paid for a console and heard nothing since."
    )
    back = parse_event(json.dumps(event_json(report_to_event(report)))).report
    assert set(back.observables) == set(report.observables)
    assert (back.title, back.tlp, back.offence, back.category, back.rsit) == (
        report.title,
        report.tlp,
        report.offence,
        report.category,
        report.rsit,
    )
    assert (back.victim_country, back.language, back.description) == (
        report.victim_country,
        report.language,
        report.description,
    )
    assert (back.loss_amount, back.loss_currency, back.incident_at) == (
        report.loss_amount,
        report.loss_currency,
        report.incident_at,
    )
    # MISP keeps the day an event was created, and when it last changed to the second
    assert back.created == datetime(2025, 3, 1, tzinfo=UTC)
    assert back.modified == report.modified
    assert back.source.name == CONTACT_POINT.name


def test_nothing_is_skipped_on_the_way_back() -> None:
    parsed = parse_event(event_json(report_to_event(make_report(description="Text."))))
    assert parsed.skipped == ()


def test_first_seen_survives_a_round_trip() -> None:
    seen = datetime(2025, 2, 1, 7, 0, tzinfo=UTC)
    report = make_report(
        observables=(
            SharedObservable("iban", "NL91ABNA0417164300", TLP.AMBER, "payee_account", seen),
        )
    )
    (back,) = parse_event(event_json(report_to_event(report))).report.observables
    assert back.first_seen == seen


@pytest.mark.parametrize(
    ("distribution", "tlp", "group"),
    [
        (Distribution.ORGANISATION, TLP.RED, None),
        (Distribution.GROUP, TLP.AMBER, GROUP_UUID),
        (Distribution.PARTNERS, TLP.GREEN, None),
    ],
)
def test_distribution_survives_a_round_trip(
    distribution: Distribution, tlp: TLP, group: str | None
) -> None:
    report = make_report(tlp=tlp)
    event = report_to_event(
        report, distribution=distribution, sharing_group_uuid=group, sharing_group_name="Banks"
    )
    parsed = parse_event(event_json(event))
    assert (parsed.distribution, parsed.report.tlp) == (distribution, tlp)
    assert parsed.sharing_group_uuid == (group or "")


def test_publication_comes_back_as_partners() -> None:
    event = report_to_event(make_report(tlp=TLP.CLEAR), distribution=Distribution.PUBLIC)
    parsed = parse_event(event_json(event))
    assert (parsed.distribution, parsed.report.tlp) == (Distribution.PARTNERS, TLP.CLEAR)


def test_reexporting_an_imported_report_keeps_its_event() -> None:
    event = report_to_event(make_report())
    imported = parse_event(event_json(event)).report
    assert report_to_event(imported).uuid == event.uuid
    assert (
        json.loads(json.dumps(event_json(report_to_event(imported))))["Event"]["Orgc"]
        == (json.loads(json.dumps(event_json(event)))["Event"]["Orgc"])
    )


def test_a_case_comes_back_as_one_report_with_all_observables() -> None:
    case = make_case()
    back = parse_event(event_json(case_to_event(case))).report
    assert back.title == case.title
    assert back.offence == case.offence
    assert back.victim_country == "NL"
    expected = {(o.type, o.value) for r in case.reports for o in r.observables}
    assert {(o.type, o.value) for o in back.observables} == expected
