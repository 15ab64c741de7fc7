"""Analysts' notes on demo reports: what was done, in the team's working language."""

# ruff: noqa: E501  (prose: one sentence per line reads better than wrapped fragments)

from __future__ import annotations

import random

#: Notes on reports of a campaign, once an analyst has seen the pattern.
CAMPAIGN_NOTES: dict[str, tuple[str, ...]] = {
    "fake_shop": (
        "Same beneficiary account as the other reports about the sneaker shop. Asked Amberline Pay to freeze it.",
        "Part of the fake-shop series (kicksvault). Domain registrar asked to suspend the domain.",
        "Victim from abroad; the shop and the mule account are the same as in our other reports. Shared with the victim's contact point.",
    ),
    "garden_shop": (
        "Second fake garden-furniture shop report this month; same IBAN. Bank informed.",
    ),
    "phishing_kit": (
        "URL resolves to the same server as the other parcel/bank phishing domains. Takedown request sent to the hosting provider.",
        "Kit host already known; added this domain to the blocklist request.",
    ),
    "investment": (
        "Same 'account manager' phone number as in the DE/AT reports. Wallet traced to an exchange; preservation request prepared.",
        "Aurum Capital Markets again. Added to the cross-border case proposal.",
    ),
    "sextortion": (
        "Known sextortion wave, same bitcoin address. No intimate material exists; reporter reassured.",
        "Wallet balance checked: several payments received. Shared with FR/ES/IT contact points.",
    ),
    "romance": (
        "Same profile name and account as earlier romance reports. Dating platform asked to preserve account data.",
    ),
    "ransomware": (
        "NightLock again (same contact address). Victim advised not to pay; CERT involved for recovery.",
        "Leak site monitored; hub informed about the new victim.",
    ),
    "botnet": ("C2 already reported by the CERT; hosting provider has null-routed the server.",),
    "tech_support": (
        "Same 'Microsoft' number as previous reports. Telecom regulator asked to block the number.",
    ),
    "abuse_board": (
        "URL verified by the hotline; notice-and-takedown sent. Do not open the link.",
    ),
}

#: Notes on any report, by the status it reached.
STATUS_NOTES: dict[str, tuple[str, ...]] = {
    "triaged": (
        "Called the reporter back; screenshots of the conversation will follow by e-mail.",
        "Asked the reporter for the bank statement and the order confirmation.",
        "Checked the identifiers against open cases: no match so far.",
        "Reporter was very upset; referred to victim support.",
        "Waiting for the bank's answer on the recall.",
        "Classification checked, offence confirmed.",
    ),
    "closed": (
        "No investigative leads; closed with prevention advice to the reporter.",
        "Bank refunded the victim; closed.",
        "Forwarded to the local police unit; closed here.",
        "Duplicate of an earlier report by the same person; closed.",
        "Content removed by the platform; closed.",
        "Not a criminal offence; reporter informed and advised.",
    ),
}


def note_for(rng: random.Random, status: str, campaign: str) -> str:
    """A note for a report of ``campaign`` (or none) that reached ``status``, or "" for none."""
    if status == "new":
        return ""
    if campaign and rng.random() < 0.6:
        return rng.choice(CAMPAIGN_NOTES[campaign])
    if rng.random() < 0.3:
        return rng.choice(STATUS_NOTES[status])
    return ""
