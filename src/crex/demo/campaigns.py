"""The demo's campaigns: offenders whose identifiers recur across reports and countries,
so that correlation has real structure to find.

Every value here is made up but valid: the IBANs carry correct check digits, the
bitcoin addresses correct checksums, the IP addresses are from documentation ranges,
the UK phone numbers from Ofcom's ranges reserved for drama, and the domains invented.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

#: The fake web shop and the money-mule account its victims paid into.
FAKE_SHOP_NAME = "KicksVault Outlet"
FAKE_SHOP_DOMAIN = "kicksvault-outlet.shop"
FAKE_SHOP_IBAN = "LT464094612621441908"
FAKE_SHOP_EMAIL = "service@kicksvault-outlet.shop"

GARDEN_SHOP_NAME = "Tuinlounge Direct"
GARDEN_SHOP_DOMAIN = "tuinlounge-direct.com"
GARDEN_SHOP_IBAN = "NL82HJDA0211011653"

#: One server hosting a phishing kit behind several domains.
PHISHING_KIT_IP = "203.0.113.45"
PHISHING_KIT_URLS: dict[str, tuple[tuple[str, str], ...]] = {
    # victim country -> (url, impersonated brand)
    "NL": (
        ("https://pakket-herbezorgen-nl.com/track/betaling", "PostNL"),
        ("https://kestrel-veilig-inloggen.com/nl/login", "Kestrel Bank"),
    ),
    "BE": (
        ("https://colis-relivraison-be.com/suivi/paiement", "bpost"),
        ("https://pakket-herbezorgen-nl.com/be/track", "bpost"),
    ),
    "DE": (
        ("https://paket-nachzustellung24.com/sendung/gebuehr", "DHL"),
        ("https://kestrel-sicher-anmelden.net/de/konto", "Kestrel Bank"),
    ),
}

#: A "broker" whose call centre and deposit wallet recur across DE, AT and PL.
INVESTMENT_BROKER = "Aurum Capital Markets"
INVESTMENT_DOMAIN = "aurum-capitalmarkets.com"
INVESTMENT_PHONE = "+442079460321"
INVESTMENT_WALLET = "bc1qlmgd87fp7yrknhv8zrqsx8w9662an7j4spq46t"

#: Sextortion mails with one bitcoin address, in four languages.
SEXTORTION_WALLET = "17WhFxor5qQUVHN1yRfqdZPXTpYbRqY4vZ"
SEXTORTION_SENDERS = (
    "security-notice@mailsafe-alert.net",
    "support@account-warning-center.com",
    "admin@privacy-breach-notice.org",
)

#: A romance scammer's profile on a dating app, and the account he asks money for.
ROMANCE_HANDLE = "dr.daniel.whitmore"
ROMANCE_ALIAS = "Daniel Whitmore"
ROMANCE_APP = "Tinder"
ROMANCE_IBAN = "IE81GAIM26868379108292"
ROMANCE_PHONE = "+447408907341"

#: A ransomware group: contact address, leak site and ransom wallet.
RANSOMWARE_GROUP = "NightLock"
RANSOMWARE_EMAIL = "recovery@nightlock-team.net"
RANSOMWARE_LEAK_SITE = "http://4p3tsutnx3ikwxmf6jmhqrbvok634qdhla5f2pcnz4spxikk74mlri3v.onion/blog"
RANSOMWARE_WALLET = "bc1qm8g8k8wjkra95kznj7e3qnf2pp6tdtcypzvlsx"

#: A botnet's command-and-control server.
BOTNET_C2_IP = "198.51.100.77"
BOTNET_C2_DOMAIN = "cdn-update-check.net"
BOTNET_FAMILY = "QakBot"

#: A "Microsoft support" number from Ofcom's drama range.
TECH_SUPPORT_PHONE = "+448081570192"
TECH_SUPPORT_DOMAIN = "windows-securityhelp-desk.com"

#: An image board with abuse material, reported by the hotline and by citizens.
ABUSE_BOARD_DOMAIN = "qx7-imgboard.xyz"


@dataclass(frozen=True, slots=True)
class Campaign:
    """An offender behind several reports: offence, victims' countries, size and period.

    ``fixed`` gives the values this campaign's reports share (it may pick among several,
    e.g. one of the kit's URLs for the victim's country); the scenario fills in the rest.
    """

    key: str
    label: str
    offence: str
    countries: tuple[tuple[str, int], ...]  # (victim country, weight)
    share: float  # fraction of all demo reports
    minimum: int
    window: tuple[int, int]  # active from ... to ... days ago
    fixed: Callable[[random.Random, str], dict[str, str]]

    def size(self, total: int) -> int:
        """How many reports this campaign gets out of ``total``."""
        return max(self.minimum, round(self.share * total))

    def country(self, rng: random.Random, index: int) -> str:
        """The victim country of the ``index``-th report: each country once, then weighted."""
        if index < len(self.countries):
            return self.countries[index][0]
        return rng.choices([c for c, _ in self.countries], [w for _, w in self.countries])[0]


def _fake_shop(rng: random.Random, country: str) -> dict[str, str]:
    path = rng.choice(("checkout/confirm", "products/air-retro-93", "order/success", "sale"))
    values = {
        "shop": FAKE_SHOP_NAME,
        "domain": FAKE_SHOP_DOMAIN,
        "url": f"https://{FAKE_SHOP_DOMAIN}/{path}",
        "iban": FAKE_SHOP_IBAN,
        "payment": "bank_transfer",
        "product_kind": "sneakers",
    }
    if rng.random() < 0.4:
        values["email"] = FAKE_SHOP_EMAIL
    return values


def _garden_shop(rng: random.Random, country: str) -> dict[str, str]:
    return {
        "shop": GARDEN_SHOP_NAME,
        "domain": GARDEN_SHOP_DOMAIN,
        "url": f"https://www.{GARDEN_SHOP_DOMAIN}/" + rng.choice(("loungesets", "bestellen", "")),
        "iban": GARDEN_SHOP_IBAN,
        "payment": "bank_transfer",
        "product_kind": "garden",
    }


def _phishing_kit(rng: random.Random, country: str) -> dict[str, str]:
    url, brand = rng.choice(PHISHING_KIT_URLS[country])
    return {"url": url, "brand": brand, "ip": PHISHING_KIT_IP}


def _investment(rng: random.Random, country: str) -> dict[str, str]:
    return {
        "brand": INVESTMENT_BROKER,
        "url": f"https://{INVESTMENT_DOMAIN}/" + rng.choice(("account/deposit", "login", "")),
        "phone": INVESTMENT_PHONE,
        "wallet": INVESTMENT_WALLET,
        "payment": "crypto",
    }


def _sextortion(rng: random.Random, country: str) -> dict[str, str]:
    return {"wallet": SEXTORTION_WALLET, "email": rng.choice(SEXTORTION_SENDERS), "variant": "sex"}


def _romance(rng: random.Random, country: str) -> dict[str, str]:
    values = {"handle": ROMANCE_HANDLE, "alias": ROMANCE_ALIAS, "platform": ROMANCE_APP}
    values["iban"] = ROMANCE_IBAN
    values["payment"] = "bank_transfer"
    if rng.random() < 0.5:
        values["phone"] = ROMANCE_PHONE
    return values


def _ransomware(rng: random.Random, country: str) -> dict[str, str]:
    return {
        "group": RANSOMWARE_GROUP,
        "email": RANSOMWARE_EMAIL,
        "url": RANSOMWARE_LEAK_SITE,
        "wallet": RANSOMWARE_WALLET,
    }


def _botnet(rng: random.Random, country: str) -> dict[str, str]:
    return {"ip": BOTNET_C2_IP, "domain": BOTNET_C2_DOMAIN, "family": BOTNET_FAMILY}


def _tech_support(rng: random.Random, country: str) -> dict[str, str]:
    return {
        "phone": TECH_SUPPORT_PHONE,
        "brand": "Microsoft",
        "url": f"https://{TECH_SUPPORT_DOMAIN}/alert/" + rng.choice(("0x80070643", "virus", "")),
    }


def _abuse_board(rng: random.Random, country: str) -> dict[str, str]:
    thread = rng.randint(1000, 9999)
    return {"url": f"https://{ABUSE_BOARD_DOMAIN}/b/res/{thread}.html"}


CAMPAIGNS: tuple[Campaign, ...] = (
    Campaign(
        "fake_shop",
        f"Fake sneaker shop {FAKE_SHOP_DOMAIN}, mule account {FAKE_SHOP_IBAN}",
        "online_shopping_fraud",
        (("NL", 35), ("DE", 30), ("BE", 20), ("FR", 15)),
        30 / 360,
        4,
        (160, 95),
        _fake_shop,
    ),
    Campaign(
        "garden_shop",
        f"Fake garden furniture shop {GARDEN_SHOP_DOMAIN}",
        "online_shopping_fraud",
        (("NL", 70), ("BE", 30)),
        8 / 360,
        2,
        (70, 25),
        _garden_shop,
    ),
    Campaign(
        "phishing_kit",
        f"Phishing kit on {PHISHING_KIT_IP} behind several domains",
        "phishing",
        (("NL", 45), ("BE", 25), ("DE", 30)),
        25 / 360,
        3,
        (80, 0),
        _phishing_kit,
    ),
    Campaign(
        "investment",
        f"Investment fraud '{INVESTMENT_BROKER}', call centre {INVESTMENT_PHONE}",
        "investment_fraud",
        (("DE", 45), ("AT", 30), ("PL", 25)),
        22 / 360,
        3,
        (320, 20),
        _investment,
    ),
    Campaign(
        "sextortion",
        f"Sextortion mails paying to {SEXTORTION_WALLET}",
        "extortion",
        (("FR", 35), ("BE", 20), ("ES", 25), ("IT", 20)),
        26 / 360,
        4,
        (220, 120),
        _sextortion,
    ),
    Campaign(
        "romance",
        f"Romance scammer '{ROMANCE_HANDLE}' on {ROMANCE_APP}",
        "romance_fraud",
        (("NL", 40), ("DE", 35), ("PL", 25)),
        9 / 360,
        2,
        (340, 45),
        _romance,
    ),
    Campaign(
        "ransomware",
        f"{RANSOMWARE_GROUP} ransomware ({RANSOMWARE_EMAIL})",
        "ransomware",
        (("NL", 30), ("DE", 25), ("FR", 20), ("IT", 15), ("ES", 10)),
        9 / 360,
        2,
        (250, 5),
        _ransomware,
    ),
    Campaign(
        "botnet",
        f"Botnet C2 {BOTNET_C2_IP} ({BOTNET_C2_DOMAIN})",
        "botnet",
        (("NL", 40), ("DE", 30), ("BE", 15), ("AT", 15)),
        8 / 360,
        2,
        (130, 0),
        _botnet,
    ),
    Campaign(
        "tech_support",
        f"Fake Microsoft support line {TECH_SUPPORT_PHONE}",
        "tech_support_scam",
        (("NL", 60), ("BE", 40)),
        6 / 360,
        2,
        (110, 40),
        _tech_support,
    ),
    Campaign(
        "abuse_board",
        f"Image board {ABUSE_BOARD_DOMAIN} reported for abuse material",
        "child_sexual_abuse_material",
        (("NL", 40), ("DE", 35), ("FR", 25)),
        5 / 360,
        2,
        (60, 2),
        _abuse_board,
    ),
)

#: Values only campaigns may use: a singleton drawing one of these would link by chance.
RESERVED_VALUES: tuple[str, ...] = (
    FAKE_SHOP_DOMAIN,
    FAKE_SHOP_IBAN,
    FAKE_SHOP_EMAIL,
    GARDEN_SHOP_DOMAIN,
    GARDEN_SHOP_IBAN,
    PHISHING_KIT_IP,
    *(url for urls in PHISHING_KIT_URLS.values() for url, _ in urls),
    INVESTMENT_PHONE,
    INVESTMENT_WALLET,
    SEXTORTION_WALLET,
    *SEXTORTION_SENDERS,
    ROMANCE_HANDLE,
    ROMANCE_IBAN,
    ROMANCE_PHONE,
    RANSOMWARE_EMAIL,
    RANSOMWARE_WALLET,
    BOTNET_C2_IP,
    BOTNET_C2_DOMAIN,
    TECH_SUPPORT_PHONE,
)

CAMPAIGNS_BY_KEY: dict[str, Campaign] = {c.key: c for c in CAMPAIGNS}
