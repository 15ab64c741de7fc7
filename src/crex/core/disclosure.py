"""Which personal data of a victim may go with a report outside the receiving organisation.

Inside the organisation that received a report (and the one that submitted it) everything
is shown. Anything that leaves it, on a page, through the API, in an export or over TAXII,
loses the victim's personal data unless the receiving analysts marked that part shareable.
The reporter's contact details never leave, whatever is marked.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from crex.core.i18n import _


class PersonalData(StrEnum):
    """Parts of a report that carry the victim's personal data."""

    NARRATIVE = "narrative"  # the victim's own words
    ANSWERS = "answers"  # questionnaire answers (free text, amounts, dates)
    VICTIM_IDENTIFIERS = "victim_identifiers"  # the victim's own accounts, cards, addresses
    ADDITIONS = "additions"  # information and files the reporter added later


PERSONAL_DATA_LABELS: dict[PersonalData, str] = {
    PersonalData.NARRATIVE: _("The victim's account (narrative)"),
    PersonalData.ANSWERS: _("Questionnaire answers"),
    PersonalData.VICTIM_IDENTIFIERS: _("The victim's own identifiers (accounts, cards)"),
    PersonalData.ADDITIONS: _("Information and files the reporter added"),
}

# Roles and types that identify the victim rather than the offender.
VICTIM_ROLES = frozenset({"victim_asset"})
VICTIM_TYPES = frozenset({"payment-card"})  # a card in a report is the victim's card


def is_victim_identifier(observable_type: str, role: str) -> bool:
    """Whether an observable in a report identifies the victim (their card, own account)."""
    return role in VICTIM_ROLES or observable_type in VICTIM_TYPES


def parse_shareable(values: Iterable[str]) -> frozenset[PersonalData]:
    """The parts marked shareable; ValueError names the first unknown one."""
    parts = set()
    for value in values:
        try:
            parts.add(PersonalData(value))
        except ValueError:
            raise ValueError(f"unknown part of a report: {value!r}") from None
    return frozenset(parts)


def disclosed(insider: bool, shareable: Iterable[str]) -> frozenset[PersonalData]:
    """The personal data a viewer may see: all of it inside, the shareable parts outside."""
    if insider:
        return frozenset(PersonalData)
    marked = {str(part) for part in shareable}
    return frozenset(part for part in PersonalData if part.value in marked)
