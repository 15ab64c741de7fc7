"""The audit log is a hash chain: each event carries the hash of the one before, so any
later change to a stored row is found by `verify_chain`; the model refuses changes."""

from __future__ import annotations

from typing import Any

import pytest

from crex.accounts.models import Organisation, User
from crex.audit.models import AppendOnlyError, AuditEvent
from crex.audit.services import GENESIS, events_for, record, verify_chain


@pytest.fixture
def events(operator: Organisation, police_analyst: User) -> list[AuditEvent]:
    """Three events about the operator organisation, by an analyst and by the system."""
    return [
        record("org.renamed", operator, actor=police_analyst, changes={"name": ["A", "B"]}),
        record("org.checked", operator),
        record("org.renamed", operator, actor=police_analyst, changes={"name": ["B", "C"]}),
    ]


def test_each_event_links_to_the_one_before(events: list[AuditEvent]) -> None:
    assert events[0].prev_hash == GENESIS
    assert events[1].prev_hash == events[0].hash
    assert events[2].prev_hash == events[1].hash
    assert len({event.hash for event in events}) == 3
    assert verify_chain() is None


def test_events_name_actor_organisation_and_target(
    events: list[AuditEvent], operator: Organisation
) -> None:
    first, system = events[0], events[1]
    assert first.actor_label == "anna.analyst (National Cybercrime Reporting Point)"
    assert first.organisation == operator
    assert (first.target_type, first.target_id) == ("accounts.organisation", str(operator.pk))
    assert system.actor is None
    assert system.actor_label == "system"
    assert list(events_for(operator)) == events


@pytest.mark.parametrize(
    "tamper",
    [
        {"changes": {"name": ["A", "Z"]}},
        {"actor_label": "someone else"},
        {"action": "org.deleted"},
        {"target_id": "999"},
    ],
)
def test_verify_chain_finds_a_tampered_row(
    events: list[AuditEvent], tamper: dict[str, Any]
) -> None:
    AuditEvent.objects.filter(pk=events[1].pk).update(**tamper)  # bypasses the model guard
    assert verify_chain() == events[1]


def test_verify_chain_finds_a_rewritten_hash(events: list[AuditEvent]) -> None:
    """Recomputing one row's hash does not help: the next row still points at the old one."""
    AuditEvent.objects.filter(pk=events[1].pk).update(hash="f" * 64)
    assert verify_chain() == events[1]


def test_verify_chain_finds_a_removed_row(events: list[AuditEvent]) -> None:
    AuditEvent.objects.filter(pk=events[1].pk).delete()  # a queryset bypasses the model guard
    assert verify_chain() == events[2]


def test_an_empty_log_is_intact(db: None) -> None:
    assert verify_chain() is None


def test_saving_an_existing_event_raises(events: list[AuditEvent]) -> None:
    event = AuditEvent.objects.get(pk=events[0].pk)
    event.action = "org.forged"
    with pytest.raises(AppendOnlyError):
        event.save()
    assert AuditEvent.objects.get(pk=events[0].pk).action == "org.renamed"


def test_deleting_an_event_raises(events: list[AuditEvent]) -> None:
    with pytest.raises(AppendOnlyError):
        events[0].delete()
    assert AuditEvent.objects.filter(pk=events[0].pk).exists()
    assert verify_chain() is None
