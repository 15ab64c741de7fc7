"""Changing the handling rules (TLP marking, distribution, sharing group) of a report or
a case, checked against `crex.core.handling` and audited."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models, transaction

from crex.accounts.models import User
from crex.audit import services as audit
from crex.core.handling import Distribution, handling_errors
from crex.core.tlp import TLP
from crex.sharing.models import SharingGroup


class HandlingError(ValueError):
    """A marking and distribution that do not go together; ``errors`` maps field → message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class Handling:
    """The handling rules to give an object."""

    tlp: TLP
    distribution: Distribution
    sharing_group: SharingGroup | None = None

    def check(self) -> None:
        """Raise `HandlingError` when the parts contradict each other."""
        errors = handling_errors(
            self.tlp, self.distribution, has_group=self.sharing_group is not None
        )
        if errors:
            raise HandlingError(errors)


def apply_handling(
    target: models.Model,
    actor: User,
    action: str,
    handling: Handling,
    extra: dict[str, object] | None = None,
) -> dict[str, list[object]]:
    """Give ``target`` (a report or a case) ``handling`` (and the ``extra`` field values),
    record ``action`` in the audit log with what changed, and return those changes."""
    handling.check()
    group = handling.sharing_group
    fields: dict[str, object] = {
        "tlp": handling.tlp.value,
        "distribution": handling.distribution.value,
        "sharing_group_id": group.pk if group else None,
        **(extra or {}),
    }
    before = {name: getattr(target, name) for name in fields}
    changed: dict[str, list[object]] = {
        name: [before[name], value] for name, value in fields.items() if before[name] != value
    }
    if not changed:
        return changed
    if "sharing_group_id" in changed:
        # the audit trail names the group; its id alone would mean nothing later
        old = SharingGroup.objects.filter(pk=before["sharing_group_id"]).first()
        changed["sharing_group"] = [old.name if old else None, group.name if group else None]
        del changed["sharing_group_id"]
    with transaction.atomic():
        for name, value in fields.items():
            setattr(target, name, value)
        target.save(update_fields=[*fields, "updated_at"])
        audit.record(action, target, actor=actor, changes=changed)
    return changed
