"""Who files a demo report and how: the portal, e-mail, a bank's or CERT's system,
a hotline feed, or a referral from a contact point or the international hub."""

from __future__ import annotations

import random
from dataclasses import dataclass

from crex.core.tlp import TLP
from crex.reports.models import Report

Channel = Report.Channel


@dataclass(frozen=True, slots=True)
class Source:
    """A way reports arrive: channel, submitting organisation (by key) and voice."""

    key: str
    channel: str
    submitted_by: str | None = None  # organisation key, see organisations.DemoOrganisations
    partner_group: str = ""  # set when a partner system writes the narrative (in English)
    home_only: bool = False  # the partner serves victims in the operator's country only


SOURCES: dict[str, Source] = {
    s.key: s
    for s in (
        Source("portal", Channel.WEB),
        Source("email", Channel.EMAIL),
        Source("bank", Channel.API, "bank", "bank", home_only=True),
        Source("neobank", Channel.API, "neobank", "bank"),
        Source("cert_api", Channel.API, "cert", "cert", home_only=True),
        Source("cert_feed", Channel.FEED, "cert", "cert", home_only=True),
        Source("hotline", Channel.FEED, "hotline", "hotline", home_only=True),
        Source("hosting", Channel.API, "hosting", "hosting", home_only=True),
        Source("tax", Channel.EMAIL, "tax", "tax", home_only=True),
        Source("contact_point", Channel.REFERRAL, "cp"),
        Source("hub", Channel.REFERRAL, "hub"),
    )
}

#: How reports of each offence arrive (weights); referrals only for foreign victims.
MIX: dict[str, dict[str, int]] = {
    "phishing": {
        "portal": 40, "email": 12, "bank": 12, "neobank": 3, "cert_feed": 12, "hosting": 6,
        "tax": 5, "contact_point": 10,
    },
    "online_shopping_fraud": {
        "portal": 60, "email": 10, "bank": 12, "neobank": 8, "contact_point": 10,
    },
    "investment_fraud": {
        "portal": 55, "email": 8, "bank": 12, "neobank": 5, "contact_point": 15, "hub": 5,
    },
    "romance_fraud": {"portal": 60, "email": 10, "bank": 10, "neobank": 5, "contact_point": 15},
    "advance_fee_fraud": {"portal": 60, "email": 20, "bank": 8, "contact_point": 12},
    "business_email_compromise": {
        "portal": 50, "email": 15, "bank": 20, "contact_point": 10, "hub": 5,
    },
    "tech_support_scam": {"portal": 65, "email": 10, "bank": 15, "contact_point": 10},
    "payment_card_fraud": {"portal": 40, "bank": 35, "neobank": 15, "contact_point": 10},
    "identity_theft": {"portal": 75, "email": 15, "contact_point": 10},
    "extortion": {"portal": 65, "email": 25, "contact_point": 10},
    "child_sexual_abuse_material": {"portal": 45, "hotline": 40, "hub": 10, "contact_point": 5},
    "hate_speech": {"portal": 50, "hotline": 40, "contact_point": 10},
    "terrorist_content": {"portal": 40, "hotline": 35, "hub": 20, "contact_point": 5},
    "copyright_infringement": {"portal": 60, "email": 30, "hosting": 10},
    "account_takeover": {"portal": 70, "email": 10, "bank": 15, "contact_point": 5},
    "hacking": {"portal": 50, "cert_api": 30, "email": 10, "contact_point": 10},
    "ransomware": {"portal": 45, "cert_api": 25, "email": 10, "hub": 10, "contact_point": 10},
    "malware": {"portal": 45, "cert_feed": 35, "hosting": 10, "contact_point": 10},
    "ddos": {"portal": 40, "cert_api": 30, "hosting": 20, "contact_point": 10},
    "botnet": {"cert_feed": 55, "hosting": 25, "portal": 10, "hub": 10},
    "data_breach": {"portal": 50, "cert_api": 30, "email": 10, "contact_point": 10},
    "illegal_interception": {"portal": 60, "cert_api": 30, "contact_point": 10},
    "misuse_of_devices": {"portal": 40, "cert_feed": 35, "hub": 15, "email": 10},
    "other": {"portal": 80, "email": 20},
}  # fmt: skip


def choose_source(
    rng: random.Random, offence: str, victim_country: str, home: str, contact_points: set[str]
) -> Source:
    """How a report of ``offence`` by a victim in ``victim_country`` reaches the operator.

    Domestic partners report only their own country's victims; foreign victims mostly
    come through their own contact point (or the hub where there is none).
    """
    foreign = victim_country != home
    weights: dict[str, int] = {}
    for key, weight in MIX[offence].items():
        source = SOURCES[key]
        if source.home_only and foreign:
            continue
        if key == "contact_point":
            if not foreign or victim_country not in contact_points:
                continue
            weight *= 4
        if key == "hub" and not foreign:
            continue
        weights[key] = weight
    if foreign and not weights.keys() & {"contact_point", "hub"}:
        weights["hub"] = 15
    key = rng.choices(list(weights), list(weights.values()))[0]
    return SOURCES[key]


def choose_tlp(rng: random.Random, source: Source, offence: str, confidential: bool) -> str:
    """A TLP marking: mostly amber or green, red and clear now and then."""
    if confidential:
        table = {TLP.AMBER_STRICT: 5, TLP.RED: 3, TLP.AMBER: 2}
    elif offence == "child_sexual_abuse_material":
        table = {TLP.AMBER_STRICT: 40, TLP.AMBER: 45, TLP.RED: 15}
    elif source.key in {"cert_feed", "hotline", "hosting"}:
        table = {TLP.CLEAR: 25, TLP.GREEN: 50, TLP.AMBER: 25}
    elif source.key in {"bank", "neobank"}:
        table = {TLP.AMBER: 70, TLP.AMBER_STRICT: 20, TLP.GREEN: 10}
    else:
        table = {TLP.AMBER: 58, TLP.GREEN: 32, TLP.CLEAR: 5, TLP.RED: 3, TLP.AMBER_STRICT: 2}
    return rng.choices(list(table), list(table.values()))[0].value
