"""How a report's questionnaire answers and audit trail read in the workspace.

Stored values are codes (``in_case``, ``amber+strict``, ``romance``); these helpers turn
them into the labels an analyst reads, without changing what is stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _

from crex.audit.models import AuditEvent
from crex.core.questionnaire import SITUATIONS_BY_CODE
from crex.core.taxonomy import CATEGORY_LABELS, OFFENCES_BY_CODE, Category
from crex.core.tlp import TLP
from crex.reports.models import Report
from crex.reports.services import ACCESS_ACTIONS

EMPTY = "—"


def action_label(action: str) -> str:
    """The label of an audit action; unknown actions show their code."""
    labels = {
        "report.reclassified": _("Reclassified"),
        "report.status_changed": _("Status changed"),
        "report.assigned": _("Assigned"),
        "report.tlp_changed": _("TLP changed"),
        "report.handling_changed": _("Handling rules changed"),
        "report.observable_handling_changed": _("Handling of an observable changed"),
        "report.note_added": _("Note added"),
        "report.viewed": _("Viewed"),
        "report.contact_viewed": _("Contact details viewed"),
        "report.original_downloaded": _("Original downloaded"),
        "report.addition_downloaded": _("Addition file downloaded"),
        "report.shared": _("Shared"),
        "report.case_changed": _("Moved to another case"),
    }
    return labels.get(action, action)


def situation_label(code: str) -> str:
    """The reporter's words for a questionnaire situation code."""
    found = SITUATIONS_BY_CODE.get(code)
    return _(found.label) if found else code


def answer_rows(report: Report) -> list[tuple[str, str]]:
    """The questionnaire answers as (question, answer) rows, in the reporter's words where
    the questionnaire knows them and as stored otherwise."""
    found = SITUATIONS_BY_CODE.get(report.situation)
    follow_up = found.follow_up if found else None
    answers = report.answers or {}
    if not isinstance(answers, dict):
        return [(_("Answers"), _display_raw(answers))]
    rows = []
    for key, value in answers.items():
        answer = follow_up.answer(str(value)) if follow_up else None
        if follow_up and answer:
            rows.append((_(follow_up.question), _(answer.label)))
        else:
            rows.append((str(key), _display_raw(value)))
    return rows


def _display_raw(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return EMPTY if value in (None, "") else str(value)


def field_label(name: str) -> str:
    """The label of a report field named in an audit event."""
    if name == "note":
        return _("note")
    try:
        found = Report._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return str(getattr(found, "verbose_name", name))


def value_label(name: str, value: Any) -> str:
    """A stored value of field ``name`` as an analyst reads it."""
    if value in (None, ""):
        return EMPTY
    text = str(value)
    if name == "status" and text in Report.Status.values:
        return str(Report.Status(text).label)
    if name == "tlp" and text in TLP.__members__.values():
        return TLP(text).label
    if name == "offence" and text in OFFENCES_BY_CODE:
        return _(OFFENCES_BY_CODE[text].label)
    if name == "category" and text in Category.__members__.values():
        return _(CATEGORY_LABELS[Category(text)])
    return _display_raw(value)


@dataclass(frozen=True, slots=True)
class Change:
    """One field's value before and after an action (``before`` is None for a value that
    was only recorded, such as a note's text)."""

    field: str
    before: str | None
    after: str


@dataclass(frozen=True, slots=True)
class TrailEntry:
    """One audit event, ready to show."""

    event: AuditEvent
    action: str
    changes: list[Change] = field(default_factory=list)

    @property
    def is_access(self) -> bool:
        """Whether the event records someone looking, not changing."""
        return self.event.action in ACCESS_ACTIONS


def _changes(changes: dict[str, Any]) -> list[Change]:
    rows = []
    for name, value in changes.items():
        if isinstance(value, list) and len(value) == 2:
            rows.append(
                Change(field_label(name), value_label(name, value[0]), value_label(name, value[1]))
            )
        else:
            rows.append(Change(field_label(name), None, value_label(name, value)))
    return rows


def trail(events: Iterable[AuditEvent]) -> tuple[list[TrailEntry], list[TrailEntry]]:
    """The report's events split into changes and accesses (views, downloads)."""
    changes: list[TrailEntry] = []
    accesses: list[TrailEntry] = []
    for event in events:
        entry = TrailEntry(event, action_label(event.action), _changes(event.changes or {}))
        (accesses if entry.is_access else changes).append(entry)
    return changes, accesses
