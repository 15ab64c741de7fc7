"""Every offence's scenario yields identifiers, money and facts that intake accepts."""

from __future__ import annotations

import random
from datetime import date

import pytest

from crex.core.countries import is_currency
from crex.core.observables import detect_wallet, normalise
from crex.core.taxonomy import OFFENCE_CODES
from crex.demo import scenarios
from crex.demo.campaigns import CAMPAIGNS_BY_KEY, FAKE_SHOP_IBAN
from crex.demo.values import Unique
from crex.intake.services import WALLET
from crex.reports.models import ReportObservable
from crex.reports.vocabulary import ContactMethod, PaymentMethod


def draw(
    rng: random.Random,
    country: str = "NL",
    *,
    victim: str = "person",
    partner: bool = False,
    fixed: dict[str, str] | None = None,
) -> scenarios.Draw:
    """What a builder draws from, for a victim in ``country`` on 4 May 2026."""
    return scenarios.Draw(rng, Unique(), country, date(2026, 5, 4), victim, partner, fixed or {})


def test_there_is_a_builder_for_every_offence() -> None:
    assert set(scenarios.BUILDERS) == set(OFFENCE_CODES)


@pytest.mark.parametrize("offence", OFFENCE_CODES)
@pytest.mark.parametrize("country", ["NL", "PL", "CH"])
def test_scenarios_are_valid(offence: str, country: str) -> None:
    rng = random.Random(f"{offence}{country}")
    for i in range(30):
        victim = ("person", "business", "public_body")[i % 3]
        scenario = scenarios.build(offence, draw(rng, country, victim=victim, partner=i % 2 == 0))
        assert scenario.story.split(":")[0] == offence
        for identifier in scenario.identifiers:
            assert identifier.role in ReportObservable.Role.values
            if identifier.type == WALLET:
                detect_wallet(identifier.value)
            else:
                normalise(identifier.type, identifier.value)
        if scenario.loss:
            amount, currency = scenario.loss
            assert amount > 0
            assert is_currency(currency)
            assert scenario.payment_method in PaymentMethod.values
        if scenario.contact_method:
            assert scenario.contact_method in ContactMethod.values


def test_amounts_are_in_the_victims_currency_and_rounded_like_people_round() -> None:
    rng = random.Random(1)
    polish = draw(rng, "PL")
    assert polish.currency == "PLN"
    amount = polish.money(2000, 3000)
    assert 8000 <= amount <= 13_000
    assert amount % 50 == 0
    assert draw(rng, "NL").money(20, 30, cents=True).as_tuple().exponent == -2


def test_a_campaign_passes_its_shared_values_into_the_scenario() -> None:
    rng = random.Random(2)
    shop = CAMPAIGNS_BY_KEY["fake_shop"]
    scenario = scenarios.build(
        "online_shopping_fraud", draw(rng, "BE", fixed=shop.fixed(rng, "BE"))
    )
    ibans = [i.value for i in scenario.identifiers if i.type == "iban"]
    assert ibans == [FAKE_SHOP_IBAN]
    assert scenario.facts["shop"] == "KicksVault Outlet"


def test_singletons_never_share_a_value() -> None:
    rng, unique = random.Random(3), Unique()
    seen: set[tuple[str, str]] = set()
    for _ in range(60):
        scenario = scenarios.build(
            "phishing", scenarios.Draw(rng, unique, "DE", date(2026, 1, 2), "person", True)
        )
        for identifier in scenario.identifiers:
            key = (str(identifier.type), identifier.value)
            assert key not in seen
            seen.add(key)


def test_business_victims_are_named_as_companies_or_authorities() -> None:
    rng = random.Random(4)
    company = scenarios.build("ransomware", draw(rng, "DE", victim="business"))
    authority = scenarios.build("ransomware", draw(rng, "DE", victim="public_body"))
    assert company.facts["company"].endswith(("GmbH", "KG"))
    assert authority.facts["company"].startswith("Stadtverwaltung")
