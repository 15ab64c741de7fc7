"""Every offence maps to a category (or none, for `other`), Budapest article and RSIT."""

import pytest

from crex.core import taxonomy
from crex.core.taxonomy import Category, canonical_rsit, category_fits, offence

DESIGN_CODES = {
    "phishing",
    "online_shopping_fraud",
    "investment_fraud",
    "romance_fraud",
    "advance_fee_fraud",
    "business_email_compromise",
    "tech_support_scam",
    "payment_card_fraud",
    "identity_theft",
    "extortion",
    "child_sexual_abuse_material",
    "hate_speech",
    "terrorist_content",
    "copyright_infringement",
    "account_takeover",
    "hacking",
    "ransomware",
    "malware",
    "ddos",
    "botnet",
    "data_breach",
    "illegal_interception",
    "misuse_of_devices",
    "other",
}


def test_the_stable_codes_are_exactly_the_designed_ones() -> None:
    assert set(taxonomy.OFFENCE_CODES) == DESIGN_CODES


@pytest.mark.parametrize("code", sorted(DESIGN_CODES))
def test_every_offence_maps(code: str) -> None:
    found = offence(code)
    assert found.budapest
    assert found.rsit_class
    assert found.rsit_type
    assert (found.category is None) == (code == "other")


def test_examples_from_the_design() -> None:
    assert offence("payment_card_fraud").rsit == "fraud/unauthorised-use-of-resources"
    assert offence("hate_speech").category is Category.ILLEGAL_CONTENT
    assert offence("ddos").rsit == "availability/ddos"


def test_intelmq_spelling_is_accepted() -> None:
    assert canonical_rsit("Fraud/Unauthorized-Use-Of-Resources") == (
        "fraud/unauthorised-use-of-resources"
    )


def test_category_fits() -> None:
    assert category_fits("traditional", "phishing")
    assert not category_fits("illegal_content", "phishing")
    assert category_fits("attack_on_systems", "other")
    assert category_fits(None, "ransomware")
