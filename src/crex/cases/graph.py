"""A case's link graph: the reports a viewer may see and the values that link them.

The same data feeds the graph drawn in the browser (`CaseGraph.as_json`) and the table of
shared values that carries the graph's information without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from crex.cases.models import Case
from crex.core.correlate import Strength
from crex.correlation.models import ReportLink
from crex.reports.models import Observable, Report

#: The most reports drawn in one graph; a bigger case is drawn in part (the tables list all).
MAX_REPORTS = 250
#: Values longer than this are shortened in the graph's labels.
LABEL_LENGTH = 40


@dataclass(slots=True)
class SharedValue:
    """One value that links reports of the case, with the reports holding it."""

    observable: Observable
    strength: Strength = Strength.NONE
    reports: dict[int, str] = field(default_factory=dict)  # report pk -> reference
    edges: dict[int, Strength] = field(default_factory=dict)  # report pk -> strongest link

    @property
    def display(self) -> str:
        """The value as people write it."""
        return self.observable.display or self.observable.value

    @property
    def references(self) -> list[str]:
        """The references of the reports holding the value, in order."""
        return sorted(self.reports.values())

    @property
    def strength_label(self) -> str:
        """The strongest link through this value, in words."""
        return _(self.strength.label)


@dataclass(slots=True)
class CaseGraph:
    """The visible reports of a case (up to `MAX_REPORTS`) and the values linking them."""

    reports: list[Report]
    values: list[SharedValue]
    truncated: bool

    def as_json(self) -> dict[str, Any]:
        """Nodes (reports and values) and edges (report to value, with the link's strength)."""
        nodes: list[dict[str, Any]] = [
            {
                "id": f"r{report.pk}",
                "kind": "report",
                "label": report.reference,
                "url": reverse("reports:detail", args=[report.reference]),
                "tlp": report.tlp,
            }
            for report in self.reports
        ]
        edges: list[dict[str, Any]] = []
        for value in self.values:
            node_id = f"o{value.observable.pk}"
            label = value.display
            if len(label) > LABEL_LENGTH:
                label = label[: LABEL_LENGTH - 1] + "…"
            nodes.append(
                {
                    "id": node_id,
                    "kind": "observable",
                    "type": value.observable.type,
                    "label": label,
                    "value": value.display,
                }
            )
            for report_pk, strength in sorted(value.edges.items()):
                edges.append(
                    {
                        "id": f"r{report_pk}-{node_id}",
                        "source": f"r{report_pk}",
                        "target": node_id,
                        "strength": int(strength),
                        "strength_label": _(strength.label),
                    }
                )
        return {"nodes": nodes, "edges": edges, "truncated": self.truncated}


def case_graph(case: Case, visible: QuerySet[Report]) -> CaseGraph:
    """The graph of ``case`` as far as ``visible`` (the viewer's reports) reaches: links
    between two visible reports of the case, through the value they share."""
    reports = list(
        visible.filter(case=case)
        .order_by("received_at", "pk")
        .only("pk", "reference", "tlp")[: MAX_REPORTS + 1]
    )
    truncated = len(reports) > MAX_REPORTS
    reports = reports[:MAX_REPORTS]
    references = {report.pk: report.reference for report in reports}
    rows = ReportLink.objects.filter(
        report_id__in=list(references), other_id__in=list(references)
    ).values_list("report_id", "other_id", "observable_id", "strength")
    values: dict[int, SharedValue] = {}
    for report_id, other_id, observable_id, raw in rows:
        strength = Strength(raw)
        value = values.get(observable_id)
        if value is None:
            value = values[observable_id] = SharedValue(Observable(pk=observable_id))
        value.strength = max(value.strength, strength)
        for pk in (report_id, other_id):
            value.reports[pk] = references[pk]
            value.edges[pk] = max(value.edges.get(pk, Strength.NONE), strength)
    for observable in Observable.objects.filter(pk__in=list(values)):
        values[observable.pk].observable = observable
    ordered = sorted(
        values.values(),
        key=lambda v: (-v.strength, -len(v.reports), v.observable.type, v.observable.value),
    )
    return CaseGraph(reports=reports, values=ordered, truncated=truncated)
