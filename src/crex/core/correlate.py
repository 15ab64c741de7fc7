"""Linking reports through the observables they share, and grouping them into clusters.

Two reports are linked when the same observable appears in both. How much a link says
depends on what is shared: the same IBAN, wallet, phone number or e-mail address
almost always means the same offender (strong); the same domain or user name usually
does (medium); the same IP address may be a shared hosting server (weak). Some types
never link (a bank's BIC, an AS number, a CVE), and neither does a victim's own asset.

Clusters are the connected groups of reports over links of at least medium strength;
weak links are kept and shown, and add to a cluster's score, but never join two
clusters on their own. A cluster is scored so that analysts see the biggest campaigns
first (`score_cluster`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum

from crex.core.i18n import _


class Strength(IntEnum):
    """How much sharing one observable says about two reports."""

    NONE = 0
    WEAK = 1
    MEDIUM = 2
    STRONG = 3

    @property
    def label(self) -> str:
        """The strength in words (marked for translation)."""
        return _STRENGTH_LABELS[self]


_STRENGTH_LABELS = {
    Strength.NONE: _("none"),
    Strength.WEAK: _("weak"),
    Strength.MEDIUM: _("medium"),
    Strength.STRONG: _("strong"),
}


_BY_TYPE: Mapping[str, Strength] = {
    "iban": Strength.STRONG,
    "payment-card": Strength.STRONG,
    "bitcoin": Strength.STRONG,
    "ethereum": Strength.STRONG,
    "monero": Strength.STRONG,
    "phone-number": Strength.STRONG,
    "email-addr": Strength.STRONG,
    "url": Strength.STRONG,
    "domain-name": Strength.MEDIUM,
    "user-account": Strength.MEDIUM,
    "md5": Strength.MEDIUM,
    "sha1": Strength.MEDIUM,
    "sha256": Strength.MEDIUM,
    "sha512": Strength.MEDIUM,
    "ipv4-addr": Strength.WEAK,
    "ipv6-addr": Strength.WEAK,
    # a bank's BIC, a network's AS number and a CVE are shared by unrelated crimes
    "bic": Strength.NONE,
    "asn": Strength.NONE,
    "cve": Strength.NONE,
}

#: Roles in which an observable belongs to the victim, not the offender.
VICTIM_ROLES = frozenset({"victim_asset"})

#: Links of at least this strength join reports into one cluster.
CLUSTER_STRENGTH = Strength.MEDIUM


def link_strength(observable_type: str, role: str = "", other_role: str = "") -> Strength:
    """The strength of a link through an observable of ``observable_type``.

    A victim's own asset (their account, their phone) links nothing: two victims of one
    offender do not share it, and one victim's reports are linked otherwise.
    """
    if role in VICTIM_ROLES or other_role in VICTIM_ROLES:
        return Strength.NONE
    return _BY_TYPE.get(observable_type, Strength.NONE)


class DisjointSets:
    """Union-find over report ids (path halving, union by size)."""

    def __init__(self) -> None:
        self._parent: dict[int, int] = {}
        self._size: dict[int, int] = {}

    def add(self, item: int) -> None:
        """Make ``item`` known (a group of its own until joined)."""
        if item not in self._parent:
            self._parent[item] = item
            self._size[item] = 1

    def find(self, item: int) -> int:
        """The representative of ``item``'s group."""
        self.add(item)
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, first: int, second: int) -> None:
        """Join the groups of ``first`` and ``second``."""
        a, b = self.find(first), self.find(second)
        if a == b:
            return
        if self._size[a] < self._size[b]:
            a, b = b, a
        self._parent[b] = a
        self._size[a] += self._size[b]

    def groups(self) -> list[set[int]]:
        """Every group with more than one member."""
        by_root: dict[int, set[int]] = {}
        for item in self._parent:
            by_root.setdefault(self.find(item), set()).add(item)
        return [group for group in by_root.values() if len(group) > 1]


def clusters(
    links: Iterable[tuple[int, int, Strength]], minimum: Strength = CLUSTER_STRENGTH
) -> list[set[int]]:
    """The groups of reports connected by links of at least ``minimum`` strength."""
    sets = DisjointSets()
    for first, second, strength in links:
        if strength >= minimum:
            sets.union(first, second)
    return sets.groups()


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """What scoring needs to know of one report in a cluster."""

    report_id: int
    victim_country: str = ""
    loss_amount: Decimal | None = None
    loss_currency: str = ""


@dataclass(frozen=True, slots=True)
class ClusterScore:
    """A cluster's score and the figures it is made of (shown to analysts as they are).

    The figures add up: `score_cluster` with ``previous`` extends a cluster's score by
    new reports and links without going over the old ones again.
    """

    score: float = 0.0
    victims: int = 0
    countries: tuple[str, ...] = ()
    losses: Mapping[str, Decimal] = field(default_factory=dict)
    strongest: Strength = Strength.NONE
    strong_links: int = 0
    reports_with_loss: int = 0


def score_cluster(
    reports: Iterable[ReportFacts],
    link_strengths: Iterable[Strength],
    infrastructure_countries: Iterable[str] = (),
    *,
    previous: ClusterScore | None = None,
) -> ClusterScore:
    """Score a cluster (or, given ``previous``, the cluster grown by these reports and
    links): more victims, more loss, more countries and stronger links rank higher.

    score = 10·ln(1 + victims) + 3·ln(1 + reports with a loss) + 5·(countries - 1)
    + 4·(strongest link strength) + ln(1 + strong links). Losses are summed per currency
    and never converted; the score counts reports with a loss instead of adding up
    amounts in different currencies.
    """
    base = previous or ClusterScore()
    losses = dict(base.losses)
    victims, with_loss = base.victims, base.reports_with_loss
    countries = set(base.countries)
    for fact in reports:
        victims += 1
        if fact.victim_country:
            countries.add(fact.victim_country)
        if fact.loss_amount and fact.loss_currency:
            losses[fact.loss_currency] = losses.get(fact.loss_currency, Decimal(0)) + (
                fact.loss_amount
            )
            with_loss += 1
    countries.update(c for c in infrastructure_countries if c)
    strongest, strong = base.strongest, base.strong_links
    for strength in link_strengths:
        strongest = max(strongest, strength)
        strong += strength == Strength.STRONG
    score = (
        10 * math.log1p(victims)
        + 3 * math.log1p(with_loss)
        + 5 * max(0, len(countries) - 1)
        + 4 * int(strongest)
        + math.log1p(strong)
    )
    return ClusterScore(
        score=round(score, 2),
        victims=victims,
        countries=tuple(sorted(countries)),
        losses=dict(sorted(losses.items())),
        strongest=Strength(strongest),
        strong_links=strong,
        reports_with_loss=with_loss,
    )


@dataclass(frozen=True, slots=True)
class Guard:
    """The over-correlation guard: when an observable links too many reports to be a
    clue (a value everybody writes), it is held for review instead of linked.

    ``total`` — reports holding the value at all; ``burst`` — reports holding it that
    arrived within the last day.
    """

    total: int = 100
    burst: int = 30

    def verdict(self, reports_with_value: int, recent_reports_with_value: int) -> str:
        """``"total"`` or ``"burst"`` when the value must be held, else ``""``."""
        if reports_with_value > self.total:
            return "total"
        if recent_reports_with_value > self.burst:
            return "burst"
        return ""
