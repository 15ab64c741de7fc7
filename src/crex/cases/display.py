"""How a case reads in the workspace: its figures as far as the viewer may see them, and
its timeline in words.

The case's organisation sees the figures stored on the case. An organisation the case
was referred to sees figures computed from the reports shared with it only, so the
victims, countries and losses of a TLP:RED or confidential report never reach it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from crex.accounts.models import User
from crex.cases.models import Case, CaseEvent, Referral
from crex.cases.services import score_of
from crex.reports.models import Report


def owns(user: User, case: Case) -> bool:
    """Whether ``user`` sees ``case`` as its own organisation's (not as a recipient)."""
    return user.role != User.Role.PARTNER and user.organisation_id == case.organisation_id


@dataclass(frozen=True, slots=True)
class CaseFigures:
    """What a case amounts to: victims, countries (victims' and infrastructure's), losses
    per currency (never converted) and victims per country."""

    victims: int
    countries: tuple[str, ...]
    losses: tuple[tuple[str, Decimal], ...]
    victims_per_country: tuple[tuple[str, int], ...]  # "" for reports without a country

    @property
    def cross_border(self) -> bool:
        """Whether the figures span two countries or more."""
        return len(self.countries) >= 2


def _decimal(amount: object) -> Decimal:
    try:
        return Decimal(str(amount))
    except InvalidOperation:
        return Decimal(0)


def figures(
    case: Case, visible: QuerySet[Report], *, own: bool, per_country: bool = True
) -> CaseFigures:
    """The figures of ``case`` for a viewer whose reports are ``visible``: the stored ones
    for the case's own organisation (``own``), else those of the visible reports. Victims
    per country are left out unless ``per_country`` (a list of cases does not show them)."""
    if own and not per_country:
        return CaseFigures(case.victims, tuple(case.countries), _stored_losses(case), ())
    rows = list(
        visible.filter(case=case).values_list(
            "pk", "victim_country", "loss_amount", "loss_currency"
        )
    )
    by_country: tuple[tuple[str, int], ...] = ()
    if per_country:
        counts = Counter(country for _pk, country, _amount, _currency in rows)
        by_country = tuple(sorted(counts.items(), key=lambda i: (-i[1], i[0] == "", i[0])))
    if own:
        return CaseFigures(case.victims, tuple(case.countries), _stored_losses(case), by_country)
    score = score_of(visible.filter(case=case))
    return CaseFigures(score.victims, score.countries, tuple(score.losses.items()), by_country)


def _stored_losses(case: Case) -> tuple[tuple[str, Decimal], ...]:
    return tuple(sorted((c, _decimal(a)) for c, a in (case.losses or {}).items()))


def visible_events(case: Case, user: User) -> QuerySet[CaseEvent]:
    """The timeline ``user`` may read: all of it for the case's organisation; for an
    organisation the case was referred to, the steps of its own referral."""
    events = case.events.select_related("actor", "actor__organisation")
    if owns(user, case):
        return events
    mine = Referral.objects.filter(case=case, recipient_id=user.organisation_id)
    return events.filter(detail__referral__in=list(mine.values_list("pk", flat=True)))


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One step of a case's history, in words: ``note`` is what a person wrote (a
    referral's message, a reason); ``other_case`` the case it points to, if any."""

    event: CaseEvent
    label: str
    text: str = ""
    note: str = ""
    other_case: int | None = None


def _count(value: Any) -> int:
    if isinstance(value, list | tuple):
        return len(value)
    return value if isinstance(value, int) else 0


def _other(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _entry(event: CaseEvent) -> TimelineEntry:
    detail = event.detail if isinstance(event.detail, dict) else {}
    kind = event.kind
    other = _other(detail.get("other_case"))
    reports = _count(detail.get("reports"))
    recipient = str(detail.get("recipient", ""))
    reason = str(detail.get("reason") or "")
    if kind == "proposed":
        return TimelineEntry(event, _("Proposed"), _("Correlation found linked reports."))
    if kind == "reports_added":
        count = _count(detail.get("count"))
        text = ngettext("%(count)d report added.", "%(count)d reports added.", count)
        return TimelineEntry(event, _("Reports added"), text % {"count": count})
    if kind == "linked_case":
        text = _("Report %(report)s also links to this case.")
        return TimelineEntry(
            event, _("Linked case"), text % {"report": detail.get("report", "")}, other_case=other
        )
    if kind == "accepted":
        return TimelineEntry(event, _("Case accepted"), _("An analyst took the case on."))
    if kind == "closed":
        return TimelineEntry(event, _("Closed"), note=reason)
    if kind == "handling_changed":
        parts = [
            str(detail[key]) for key in ("tlp", "distribution", "sharing_group") if detail.get(key)
        ]
        return TimelineEntry(event, _("Handling rules changed"), ", ".join(parts))
    if kind == "merged_into":
        text = ngettext(
            "Merged into another case (%(count)d report moved).",
            "Merged into another case (%(count)d reports moved).",
            reports,
        )
        return TimelineEntry(event, _("Merged"), text % {"count": reports}, other_case=other)
    if kind == "merged_from":
        text = ngettext(
            "Another case was merged into this one (%(count)d report).",
            "Another case was merged into this one (%(count)d reports).",
            reports,
        )
        return TimelineEntry(event, _("Merged in"), text % {"count": reports}, other_case=other)
    if kind == "split":
        text = ngettext(
            "%(count)d report split off into a new case.",
            "%(count)d reports split off into a new case.",
            reports,
        )
        return TimelineEntry(event, _("Split"), text % {"count": reports}, other_case=other)
    if kind == "split_from":
        text = ngettext(
            "Split off from another case with %(count)d report.",
            "Split off from another case with %(count)d reports.",
            reports,
        )
        return TimelineEntry(event, _("Split off"), text % {"count": reports}, other_case=other)
    if kind == "report_moved_out":
        target = _other(detail.get("to"))
        text = (
            _("Report %(report)s moved to another case.")
            if target is not None
            else _("Report %(report)s taken out of the case.")
        )
        return TimelineEntry(
            event, _("Report moved out"), text % {"report": detail.get("report", "")}, "", target
        )
    if kind == "report_moved_in":
        source = _other(detail.get("from"))
        text = (
            _("Report %(report)s moved here from another case.")
            if source is not None
            else _("Report %(report)s added to the case.")
        )
        return TimelineEntry(
            event, _("Report moved in"), text % {"report": detail.get("report", "")}, "", source
        )
    if kind == "referred":
        withheld = _count(detail.get("withheld"))
        text = ngettext(
            "Referred to %(recipient)s: %(shared)d report shared, %(withheld)d withheld "
            "(TLP:RED or confidential).",
            "Referred to %(recipient)s: %(shared)d reports shared, %(withheld)d withheld "
            "(TLP:RED or confidential).",
            reports,
        ) % {"recipient": recipient, "shared": reports, "withheld": withheld}
        return TimelineEntry(event, _("Referred"), text, str(detail.get("message") or ""))
    if kind == "referral_acknowledged":
        text = _("%(recipient)s acknowledged the referral.") % {"recipient": recipient}
        return TimelineEntry(event, _("Referral acknowledged"), text)
    if kind == "referral_accepted":
        text = _("%(recipient)s accepted the referral.") % {"recipient": recipient}
        return TimelineEntry(event, _("Referral accepted"), text, reason)
    if kind == "referral_declined":
        text = _("%(recipient)s declined the referral.") % {"recipient": recipient}
        return TimelineEntry(event, _("Referral declined"), text, reason)
    return TimelineEntry(event, kind)


def timeline(events: Iterable[CaseEvent]) -> list[TimelineEntry]:
    """The events in words, oldest first."""
    return [_entry(event) for event in events]
