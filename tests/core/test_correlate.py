"""Linking strength, clustering on hand-built graphs, scoring and the guard."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crex.core.correlate import (
    ClusterScore,
    DisjointSets,
    Guard,
    ReportFacts,
    Strength,
    clusters,
    link_strength,
    score_cluster,
)

S, M, W = Strength.STRONG, Strength.MEDIUM, Strength.WEAK


@pytest.mark.parametrize(
    ("kind", "strength"),
    [
        ("iban", S),
        ("bitcoin", S),
        ("phone-number", S),
        ("email-addr", S),
        ("domain-name", M),
        ("sha256", M),
        ("ipv4-addr", W),
        ("bic", Strength.NONE),
        ("asn", Strength.NONE),
        ("cve", Strength.NONE),
        ("something-new", Strength.NONE),
    ],
)
def test_what_a_shared_value_says(kind: str, strength: Strength) -> None:
    assert link_strength(kind) == strength


def test_a_victims_own_asset_links_nothing() -> None:
    assert link_strength("iban", "victim_asset", "payee_account") == Strength.NONE
    assert link_strength("iban", "payee_account", "victim_asset") == Strength.NONE
    assert link_strength("iban", "payee_account", "mentioned") == S


def test_a_chain_is_one_cluster() -> None:
    assert clusters([(1, 2, S), (2, 3, M), (3, 4, S)]) == [{1, 2, 3, 4}]


def test_a_star_is_one_cluster() -> None:
    assert clusters([(1, hub, S) for hub in (2, 3, 4, 5)]) == [{1, 2, 3, 4, 5}]


def test_weak_links_do_not_join_clusters() -> None:
    """Two campaigns on one shared hosting address stay two."""
    found = clusters([(1, 2, S), (3, 4, S), (2, 3, W)])
    assert sorted(map(sorted, found)) == [[1, 2], [3, 4]]


def test_separate_groups_stay_separate_and_singletons_are_no_cluster() -> None:
    found = clusters([(1, 2, S), (5, 6, M), (7, 8, W)])
    assert sorted(map(sorted, found)) == [[1, 2], [5, 6]]


def test_disjoint_sets_on_a_long_chain() -> None:
    sets = DisjointSets()
    for i in range(10_000):
        sets.union(i, i + 1)
    assert sets.find(0) == sets.find(10_000)
    assert len(sets.groups()) == 1


def test_score_counts_victims_loss_countries_and_link_strength() -> None:
    reports = [
        ReportFacts(1, "NL", Decimal("100.00"), "EUR"),
        ReportFacts(2, "DE", Decimal("50.50"), "EUR"),
        ReportFacts(3, "DE", Decimal("20"), "PLN"),
        ReportFacts(4, "", None, ""),
    ]
    result = score_cluster(reports, [S, S, W], infrastructure_countries=["LT"])
    assert isinstance(result, ClusterScore)
    assert result.victims == 4
    assert result.countries == ("DE", "LT", "NL")
    assert result.losses == {"EUR": Decimal("150.50"), "PLN": Decimal("20")}
    assert result.strongest == S
    assert result.strong_links == 2


def test_a_bigger_cross_border_campaign_scores_higher() -> None:
    small = score_cluster([ReportFacts(1, "NL"), ReportFacts(2, "NL")], [M])
    big = score_cluster([ReportFacts(i, c) for i, c in enumerate(["NL", "DE", "FR"] * 5)], [S])
    assert big.score > small.score


def test_the_guard_holds_values_in_too_many_reports() -> None:
    guard = Guard(total=100, burst=30)
    assert guard.verdict(100, 0) == ""
    assert guard.verdict(101, 0) == "total"
    assert guard.verdict(40, 31) == "burst"
    assert guard.verdict(40, 30) == ""


def test_a_score_extended_by_new_reports_equals_the_score_of_the_whole() -> None:
    first = [ReportFacts(1, "NL", Decimal(10), "EUR"), ReportFacts(2, "NL")]
    later = [ReportFacts(3, "DE", Decimal(5), "EUR"), ReportFacts(4, "FR", Decimal(1), "PLN")]
    whole = score_cluster(first + later, [S, M, W, S], ["LT"])
    part = score_cluster(first, [S, M])
    assert score_cluster(later, [W, S], ["LT"], previous=part) == whole
