"""A case's link graph: the visible reports of the case and the values linking them."""

from __future__ import annotations

import pytest

from crex.accounts.models import Organisation, User
from crex.cases import graph as graph_module
from crex.cases.graph import case_graph
from crex.cases.models import Case
from crex.core.correlate import Strength
from crex.reports.visibility import visible_reports
from tests.cases.conftest import GERMAN_MULE, PHONE, Ingest


def test_reports_and_the_values_that_link_them(ingest: Ingest, police_analyst: User) -> None:
    first = ingest(f"Paid {GERMAN_MULE}.")
    second = ingest(f"Paid {GERMAN_MULE}; the seller called from {PHONE}.")
    third = ingest(f"Called from {PHONE}; also scanned by 185.220.101.4.")
    ingest("Scanned by 185.220.101.4 as well.")  # weakly linked, in no case
    case = third.case
    assert case is not None
    graph = case_graph(case, visible_reports(police_analyst))
    assert [r.reference for r in graph.reports] == [
        first.reference,
        second.reference,
        third.reference,
    ]
    assert [(v.observable.type, v.references) for v in graph.values] == [
        ("iban", sorted([first.reference, second.reference])),
        ("phone-number", sorted([second.reference, third.reference])),
    ]
    assert {v.strength for v in graph.values} == {Strength.STRONG}
    data = graph.as_json()
    assert len(data["nodes"]) == 5
    assert {(e["source"], e["target"]) for e in data["edges"]} == {
        (f"r{first.pk}", f"o{graph.values[0].observable.pk}"),
        (f"r{second.pk}", f"o{graph.values[0].observable.pk}"),
        (f"r{second.pk}", f"o{graph.values[1].observable.pk}"),
        (f"r{third.pk}", f"o{graph.values[1].observable.pk}"),
    }
    assert {e["strength_label"] for e in data["edges"]} == {"strong"}


def test_a_report_the_viewer_may_not_see_is_left_out(
    ingest: Ingest,
    police_analyst: User,
    foreign_analyst: User,
    foreign_contact_point: Organisation,
) -> None:
    ingest(f"Paid {GERMAN_MULE}.")
    red = ingest(f"Paid {GERMAN_MULE}.", tlp="red")
    shown = ingest(f"Paid {GERMAN_MULE}.")
    case = shown.case
    assert case is not None
    for report in case.reports.all():
        report.shared_with.add(foreign_contact_point)
    graph = case_graph(case, visible_reports(foreign_analyst))
    assert red not in graph.reports
    assert len(graph.reports) == 2
    [value] = graph.values
    assert red.reference not in value.references


def test_a_big_case_is_drawn_in_part(
    ingest: Ingest, police_analyst: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(4):
        case = ingest(f"Paid {GERMAN_MULE}.").case
    assert isinstance(case, Case)
    monkeypatch.setattr(graph_module, "MAX_REPORTS", 3)
    graph = case_graph(case, visible_reports(police_analyst))
    assert graph.truncated
    assert len(graph.reports) == 3
    assert graph.as_json()["truncated"] is True
