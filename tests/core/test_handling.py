"""The handling rules in the pure core: which marking and distribution go together, and
which of two is the stricter."""

from __future__ import annotations

import pytest

from crex.core.disclosure import PersonalData, disclosed, is_victim_identifier, parse_shareable
from crex.core.handling import (
    Distribution,
    handling_errors,
    parse_distribution,
    stricter_distribution,
    stricter_tlp,
)
from crex.core.tlp import TLP


@pytest.mark.parametrize(
    ("tlp", "distribution", "has_group", "fields"),
    [
        (TLP.AMBER, Distribution.ORGANISATION, False, set()),
        (TLP.GREEN, Distribution.GROUP, True, set()),
        (TLP.AMBER_STRICT, Distribution.PARTNERS, False, set()),
        (TLP.CLEAR, Distribution.PUBLIC, False, set()),
        (TLP.RED, Distribution.ORGANISATION, False, set()),
        (TLP.RED, Distribution.PARTNERS, False, {"distribution"}),
        (TLP.RED, Distribution.GROUP, True, {"distribution"}),
        (TLP.GREEN, Distribution.PUBLIC, False, {"tlp"}),
        (TLP.AMBER, Distribution.GROUP, False, {"sharing_group"}),
        (TLP.AMBER, Distribution.PARTNERS, True, {"sharing_group"}),
    ],
)
def test_handling_errors_name_the_field_at_fault(
    tlp: TLP, distribution: Distribution, has_group: bool, fields: set[str]
) -> None:
    assert set(handling_errors(tlp, distribution, has_group=has_group)) == fields


def test_the_stricter_marking_and_distribution_win() -> None:
    assert stricter_tlp(TLP.GREEN, TLP.RED) is TLP.RED
    assert stricter_tlp(TLP.AMBER, TLP.AMBER_STRICT) is TLP.AMBER_STRICT
    assert stricter_tlp(TLP.CLEAR, TLP.GREEN) is TLP.GREEN
    assert stricter_distribution(Distribution.PUBLIC, Distribution.GROUP) is Distribution.GROUP


def test_parse_distribution() -> None:
    assert parse_distribution(" Partners ") is Distribution.PARTNERS
    with pytest.raises(ValueError, match="everyone"):
        parse_distribution("everyone")


def test_disclosure_inside_and_outside() -> None:
    assert disclosed(True, []) == frozenset(PersonalData)
    assert disclosed(False, []) == frozenset()
    assert disclosed(False, ["narrative", PersonalData.ADDITIONS]) == {
        PersonalData.NARRATIVE,
        PersonalData.ADDITIONS,
    }
    assert parse_shareable(["answers"]) == {PersonalData.ANSWERS}
    with pytest.raises(ValueError, match="password"):
        parse_shareable(["password"])


def test_victim_identifiers() -> None:
    assert is_victim_identifier("iban", "victim_asset")
    assert is_victim_identifier("payment-card", "mentioned")
    assert not is_victim_identifier("iban", "payee_account")
