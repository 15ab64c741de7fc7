"""The campaigns' shared identifiers are valid, and each campaign spans several countries."""

from __future__ import annotations

import ipaddress
import random

import pytest

from crex.core.observables import detect_wallet, normalise
from crex.core.taxonomy import is_offence
from crex.demo import campaigns
from crex.demo.values import IPV4_DOCUMENTATION


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("iban", campaigns.FAKE_SHOP_IBAN),
        ("iban", campaigns.GARDEN_SHOP_IBAN),
        ("iban", campaigns.ROMANCE_IBAN),
        ("domain-name", campaigns.FAKE_SHOP_DOMAIN),
        ("domain-name", campaigns.GARDEN_SHOP_DOMAIN),
        ("domain-name", campaigns.BOTNET_C2_DOMAIN),
        ("email-addr", campaigns.FAKE_SHOP_EMAIL),
        ("email-addr", campaigns.RANSOMWARE_EMAIL),
        ("phone-number", campaigns.INVESTMENT_PHONE),
        ("phone-number", campaigns.ROMANCE_PHONE),
        ("phone-number", campaigns.TECH_SUPPORT_PHONE),
        ("url", campaigns.RANSOMWARE_LEAK_SITE),
        ("user-account", campaigns.ROMANCE_HANDLE),
    ],
)
def test_campaign_values_are_valid_observables(kind: str, value: str) -> None:
    assert normalise(kind, value).value


@pytest.mark.parametrize(
    "wallet",
    [campaigns.INVESTMENT_WALLET, campaigns.SEXTORTION_WALLET, campaigns.RANSOMWARE_WALLET],
)
def test_campaign_wallets_are_valid_bitcoin_addresses(wallet: str) -> None:
    assert detect_wallet(wallet).type == "bitcoin"


def test_campaign_ips_are_documentation_addresses() -> None:
    for value in (campaigns.PHISHING_KIT_IP, campaigns.BOTNET_C2_IP):
        assert any(ipaddress.ip_address(value) in net for net in IPV4_DOCUMENTATION)


def test_the_phishing_kit_serves_several_domains_on_one_host() -> None:
    urls = [url for urls in campaigns.PHISHING_KIT_URLS.values() for url, _ in urls]
    domains = {normalise("url", url).value.split("/")[2] for url in urls}
    assert len(domains) >= 4
    assert set(campaigns.PHISHING_KIT_URLS) == {"NL", "BE", "DE"}


@pytest.mark.parametrize("campaign", campaigns.CAMPAIGNS, ids=lambda c: c.key)
def test_every_campaign_spans_countries_and_fits_its_offence(
    campaign: campaigns.Campaign,
) -> None:
    assert is_offence(campaign.offence)
    assert len(campaign.countries) >= 2
    assert campaign.minimum >= 2  # a campaign links at least two reports
    oldest, newest = campaign.window
    assert 365 >= oldest > newest >= 0
    rng = random.Random(campaign.key)
    first = [campaign.country(rng, i) for i in range(len(campaign.countries))]
    assert first == [c for c, _ in campaign.countries]  # each country at least once


def test_the_fake_shop_reaches_four_countries_even_in_a_small_demo() -> None:
    shop = campaigns.CAMPAIGNS_BY_KEY["fake_shop"]
    assert shop.size(150) >= len(shop.countries) == 4


def test_reserved_values_cover_every_shared_identifier() -> None:
    reserved = {v.lower() for v in campaigns.RESERVED_VALUES}
    for campaign in campaigns.CAMPAIGNS:
        for country, _ in campaign.countries:
            for key, value in campaign.fixed(random.Random(0), country).items():
                if key in {"iban", "wallet", "phone", "ip", "handle", "domain"}:
                    assert value.lower() in reserved, (campaign.key, key)
