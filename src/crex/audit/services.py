"""Recording audit events and verifying the hash chain."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from crex.accounts.models import Organisation, User
from crex.audit.models import AuditChainHead, AuditEvent

GENESIS = "0" * 64


def _digest(event: AuditEvent) -> str:
    payload = {
        "created_at": event.created_at.isoformat(),
        "actor": event.actor_label,
        "organisation": event.organisation_id,
        "action": event.action,
        "target": [event.target_type, event.target_id],
        "changes": event.changes,
        "prev": event.prev_hash,
    }
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _label(actor: User | None, fallback: str) -> str:
    if actor is None:
        return fallback
    org = f" ({actor.organisation.name})" if actor.organisation else ""
    return f"{actor.get_username()}{org}"


def record(
    action: str,
    target: models.Model,
    *,
    actor: User | None = None,
    actor_label: str = "system",
    organisation: Organisation | None = None,
    changes: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Append one event: ``changes`` maps a field to ``[before, after]`` (or a value).

    Runs inside the caller's transaction, so the event and the change it records are
    committed together or not at all.
    """
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        event = AuditEvent(
            created_at=timezone.now(),
            actor=actor,
            actor_label=_label(actor, actor_label),
            organisation=organisation or (actor.organisation if actor else None),
            action=action,
            target_type=target._meta.label_lower,
            target_id=str(target.pk),
            changes=json.loads(json.dumps(dict(changes or {}), default=str)),
            prev_hash=head.last_hash,
        )
        event.hash = _digest(event)
        event.save()
        AuditChainHead.objects.filter(pk=head.pk).update(last_hash=event.hash)
    return event


def events_for(target: models.Model) -> models.QuerySet[AuditEvent]:
    """The events about one object, oldest first."""
    return AuditEvent.objects.filter(
        target_type=target._meta.label_lower, target_id=str(target.pk)
    ).select_related("actor")


def verify_chain() -> AuditEvent | None:
    """The first event whose hash or link does not match, or None if the log is intact."""
    prev = GENESIS
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.prev_hash != prev or _digest(event) != event.hash:
            return event
        prev = event.hash
    return None
