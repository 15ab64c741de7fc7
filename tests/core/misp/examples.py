"""Reports and values the MISP tests share: one of each observable type crex knows."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from crex.core.exchange import Party, SharedCase, SharedObservable, SharedReport
from crex.core.tlp import TLP

DATA = Path(__file__).parent / "data"
CARD_SECRET = b"card key of this instance"

CONTACT_POINT = Party("Contact Point NL", "NL", "contact_point")
BANK = Party("Example Bank", "NL", "bank_payment")

CREATED = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
MODIFIED = datetime(2025, 3, 4, 16, 5, 12, tzinfo=UTC)

ETHEREUM = "0x52908400098527886e0f7030069857d2e4169ee7"
MONERO = (
    "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQB"
    "EP3A"
)
SHA512 = "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce" + (
    "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
)
# The canonical crex value of card 4111 1111 1111 1111 under some instance's key.
CARD = "411111:1111:0123456789abcdef0123"

OBSERVABLES: tuple[SharedObservable, ...] = (
    SharedObservable("url", "https://shop.example.com/pay?order=7", TLP.AMBER, "phishing_url"),
    SharedObservable("domain-name", "shop.example.com", TLP.AMBER, "mentioned"),
    SharedObservable("ipv4-addr", "203.0.113.5", TLP.AMBER, "attacker_ip"),
    SharedObservable("ipv6-addr", "2001:db8::1", TLP.AMBER, "mentioned"),
    SharedObservable("email-addr", "seller@shop.example.com", TLP.AMBER, "sender"),
    SharedObservable("phone-number", "+31612345678", TLP.AMBER, "contact_phone"),
    SharedObservable("iban", "NL91ABNA0417164300", TLP.AMBER, "payee_account"),
    SharedObservable("bic", "ABNANL2A", TLP.AMBER, "mentioned"),
    SharedObservable("payment-card", CARD, TLP.AMBER, "victim_asset"),
    SharedObservable("bitcoin", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", TLP.AMBER, "wallet"),
    SharedObservable("ethereum", ETHEREUM, TLP.AMBER, "wallet"),
    SharedObservable("monero", MONERO, TLP.AMBER, "wallet"),
    SharedObservable("md5", "d41d8cd98f00b204e9800998ecf8427e", TLP.AMBER, "mentioned"),
    SharedObservable("sha1", "da39a3ee5e6b4b0d3255bfef95601890afd80709", TLP.AMBER, "mentioned"),
    SharedObservable(
        "sha256",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        TLP.AMBER,
        "mentioned",
    ),
    SharedObservable("sha512", SHA512, TLP.AMBER, "mentioned"),
    SharedObservable("cve", "CVE-2021-44228", TLP.AMBER, "mentioned"),
    SharedObservable("asn", "AS64496", TLP.AMBER, "mentioned"),
    SharedObservable("user-account", "@shop_support_desk", TLP.AMBER, "offender_account"),
)


def make_report(**changes: Any) -> SharedReport:
    """An online shopping fraud report with every observable type, changed as asked."""
    report = SharedReport(
        reference="CR-2025-0000042-7",
        title="Paid for a game console that never came",
        tlp=TLP.AMBER,
        created=CREATED,
        modified=MODIFIED,
        source=CONTACT_POINT,
        category="traditional",
        offence="online_shopping_fraud",
        rsit="fraud/masquerade",
        victim_country="NL",
        language="nl",
        description="",
        incident_at=datetime(2025, 2, 27, 20, 15, tzinfo=UTC),
        loss_amount=Decimal("449.00"),
        loss_currency="EUR",
        observables=OBSERVABLES,
    )
    return replace(report, **changes)


def make_case(*reports: SharedReport, **changes: Any) -> SharedCase:
    """A case holding ``reports`` (two reports of one fake shop when none are given)."""
    if not reports:
        reports = (
            make_report(),
            make_report(
                reference="CR-2025-0000057-Q",
                victim_country="BE",
                observables=(
                    SharedObservable("iban", "NL91ABNA0417164300", TLP.AMBER, "mentioned"),
                    SharedObservable(
                        "url", "https://shop.example.com/pay", TLP.GREEN, "phishing_url"
                    ),
                ),
            ),
        )
    case = SharedCase(
        reference="CASE-42",
        title="Console shop fraud",
        tlp=TLP.AMBER,
        created=CREATED,
        modified=MODIFIED,
        source=CONTACT_POINT,
        offence="online_shopping_fraud",
        countries=("NL", "BE"),
        reports=reports,
    )
    return replace(case, **changes)
