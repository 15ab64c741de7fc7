"""Handling rules: a TLP 2.0 marking plus a distribution say who may receive something.

Every report, case and observable carries both. The marking says what a recipient may do
with it (TLP 2.0); the distribution says which organisations receive it at all:

- ``organisation``: the owning organisation only (and organisations it names one by one,
  e.g. the recipient of a referral);
- ``group``: the members of one sharing group;
- ``partners``: every partner organisation of this instance;
- ``public``: anyone, including publication (only TLP:CLEAR may be public).

TLP:RED never leaves the owning organisation, whatever the distribution, and a report
whose reporter asked for confidentiality never does either. An observable may carry a
stricter marking than the report it appears in, never a looser one: `stricter` combines.
"""

from __future__ import annotations

from enum import StrEnum

from crex.core.i18n import _
from crex.core.tlp import TLP


class Distribution(StrEnum):
    """Which organisations receive an object (narrowest first)."""

    ORGANISATION = "organisation"
    GROUP = "group"
    PARTNERS = "partners"
    PUBLIC = "public"

    @property
    def label(self) -> str:
        """The distribution as shown to people."""
        return DISTRIBUTION_LABELS[self]


DISTRIBUTION_LABELS: dict[Distribution, str] = {
    Distribution.ORGANISATION: _("Own organisation"),
    Distribution.GROUP: _("A sharing group"),
    Distribution.PARTNERS: _("All partners"),
    Distribution.PUBLIC: _("Public"),
}

DEFAULT_DISTRIBUTION = Distribution.ORGANISATION

# Order from the most to the least restrictive; `stricter` picks the earlier one.
TLP_ORDER: tuple[TLP, ...] = (TLP.RED, TLP.AMBER_STRICT, TLP.AMBER, TLP.GREEN, TLP.CLEAR)
DISTRIBUTION_ORDER: tuple[Distribution, ...] = tuple(Distribution)


def stricter_tlp(first: TLP, second: TLP) -> TLP:
    """The more restrictive of two markings (RED over AMBER+STRICT over ... over CLEAR)."""
    return min(first, second, key=TLP_ORDER.index)


def stricter_distribution(first: Distribution, second: Distribution) -> Distribution:
    """The narrower of two distributions."""
    return min(first, second, key=DISTRIBUTION_ORDER.index)


def handling_errors(tlp: TLP, distribution: Distribution, *, has_group: bool) -> dict[str, str]:
    """What is wrong with a marking and distribution together, by field (empty: valid).

    The messages are marked for translation; callers translate them (``gettext``).
    """
    errors: dict[str, str] = {}
    if distribution is Distribution.GROUP and not has_group:
        errors["sharing_group"] = _("Choose the sharing group to share with.")
    if distribution is not Distribution.GROUP and has_group:
        errors["sharing_group"] = _("A sharing group applies only to group distribution.")
    if tlp is TLP.RED and distribution is not Distribution.ORGANISATION:
        errors["distribution"] = _(
            "TLP:RED never leaves the organisation: keep the distribution to it."
        )
    if distribution is Distribution.PUBLIC and tlp is not TLP.CLEAR:
        errors["tlp"] = _("Only TLP:CLEAR information may be made public.")
    return errors


def parse_distribution(value: str) -> Distribution:
    """Parse a distribution name (``"group"``, ``"Partners"``...); ValueError if unknown."""
    return Distribution(value.strip().lower())
