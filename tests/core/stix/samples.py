"""Records to export in the STIX tests: a contact point's report with one of every type."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

from crex.core.exchange import Party, SharedCase, SharedObservable, SharedReport
from crex.core.observables.cards import card_value
from crex.core.tlp import TLP

CARD_SECRET = b"node-secret"
CARD_NUMBER = "4111111111111111"
CARD = card_value(CARD_NUMBER, CARD_SECRET)[0]  # 411111:1111:<keyed hash>

CONTACT_POINT = Party("Dutch Cybercrime Contact Point", "NL", "contact_point")
BANK = Party("Acme Bank Fraud Desk", "DE", "bank_payment")
CERT = Party("National CERT", "BE", "cert")

# One canonical value of every crex observable type, with the role it plays.
EVERY_TYPE: dict[str, tuple[str, str]] = {
    "url": ("https://fake-shop.example.com/pay?order=1", "phishing_url"),
    "domain-name": ("fake-shop.example.com", "phishing_url"),
    "ipv4-addr": ("203.0.113.7", "attacker_ip"),
    "ipv6-addr": ("2001:db8::7", "attacker_ip"),
    "email-addr": ("orders@fake-shop.example.com", "sender"),
    "phone-number": ("+31612345678", "contact_phone"),
    "iban": ("NL91ABNA0417164300", "payee_account"),
    "bic": ("ABNANL2A", "payee_account"),
    "payment-card": (CARD, "mentioned"),
    "bitcoin": ("1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "wallet"),
    "ethereum": ("0x52908400098527886e0f7030069857d2e4169ee7", "wallet"),
    "monero": (
        "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98u"
        "Nbr2VBBEt7f2wfn3RVGQBEP3A",
        "wallet",
    ),
    "md5": ("d41d8cd98f00b204e9800998ecf8427e", "mentioned"),
    "sha1": ("da39a3ee5e6b4b0d3255bfef95601890afd80709", "mentioned"),
    "sha256": ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "mentioned"),
    "sha512": (
        "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
        "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
        "mentioned",
    ),
    "cve": ("CVE-2021-44228", "mentioned"),
    "asn": ("AS64496", "mentioned"),
    "user-account": ("@fakeshop_support", "offender_account"),
}

RECEIVED = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)


def observable(kind: str, tlp: TLP = TLP.AMBER, role: str | None = None) -> SharedObservable:
    """The sample observable of type ``kind``."""
    value, default_role = EVERY_TYPE[kind]
    return SharedObservable(kind, value, tlp, role or default_role)


def report(**changes: object) -> SharedReport:
    """An online shopping fraud report with one observable of every type."""
    base = SharedReport(
        reference="CR-2026-0000123-K",
        title="Paid for a phone that never came",
        tlp=TLP.AMBER,
        created=RECEIVED,
        modified=datetime(2026, 1, 6, 14, 0, tzinfo=UTC),
        source=CONTACT_POINT,
        category="traditional",
        offence="online_shopping_fraud",
        rsit="fraud/masquerade",
        victim_country="NL",
        language="nl",
        description="",
        incident_at=datetime(2026, 1, 3, 20, 15, tzinfo=UTC),
        loss_amount=Decimal("649.99"),
        loss_currency="EUR",
        observables=tuple(observable(kind) for kind in EVERY_TYPE),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def case(*reports: SharedReport) -> SharedCase:
    """A case of the contact point joining ``reports``."""
    return SharedCase(
        reference="CASE-42",
        title="Fake phone shop",
        tlp=TLP.AMBER,
        created=datetime(2026, 1, 7, 8, 0, tzinfo=UTC),
        modified=datetime(2026, 1, 8, 8, 0, tzinfo=UTC),
        source=CONTACT_POINT,
        offence="online_shopping_fraud",
        countries=("NL", "DE"),
        reports=reports,
    )
