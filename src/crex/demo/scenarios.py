"""What happened in one demo report: identifiers, money and the facts its narrative tells.

One builder per offence draws a `Scenario`; a campaign passes the values its reports
share (``fixed``), everything else is fresh and unique, so singletons never link by
chance. Facts are language-neutral; the narratives put them into words.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import phonenumbers
from stdnum import iban as iban_format

from crex.core.observables import ObservableType
from crex.demo import names, values
from crex.demo.locales import profile
from crex.intake.services import WALLET, Identifier
from crex.reports.models import ReportObservable
from crex.reports.vocabulary import ContactMethod, PaymentMethod

Role = ReportObservable.Role
_T = ObservableType

#: Rough value of one euro in the currencies the demo uses.
_PER_EURO = {"EUR": 1, "PLN": 4.3, "CHF": 0.95, "GBP": 0.85, "USD": 1.08}

#: How likely the victim of an offence is an organisation rather than a person.
BUSINESS_SHARE: dict[str, float] = {
    "business_email_compromise": 1.0,
    "ransomware": 1.0,
    "ddos": 1.0,
    "botnet": 1.0,
    "copyright_infringement": 1.0,
    "hacking": 0.9,
    "data_breach": 0.9,
    "illegal_interception": 0.8,
    "malware": 0.3,
    "misuse_of_devices": 0.3,
    "other": 0.2,
    "account_takeover": 0.15,
    "extortion": 0.15,
    "phishing": 0.05,
}
#: Offences where a victim organisation is sometimes a public authority.
PUBLIC_BODY_OFFENCES = frozenset({"ransomware", "ddos", "data_breach", "hacking", "phishing"})

_PARCEL_BRANDS = {"NL": "PostNL", "BE": "bpost", "DE": "DHL", "AT": "Post.at", "FR": "Colissimo"}
_PHISHING_BRANDS = ("Kestrel Bank", "Netflix", "Microsoft 365", "Vinted")
_SOCIAL = ("Instagram", "Facebook", "TikTok", "WhatsApp", "Snapchat", "LinkedIn")
_DATING = ("Tinder", "Bumble", "Lovoo", "Facebook", "Instagram")
_CHAT = ("Telegram", "Discord", "X", "Facebook", "TikTok", "VK")
_TAKEOVER_PLATFORMS = {
    "email": ("Gmail", "Outlook.com", "GMX"),
    "social": _SOCIAL,
    "bank": ("Kestrel Bank", "PayPal"),
    "shop": ("Amazon", "Zalando", "Steam", "Vinted"),
}
_MULE_COUNTRIES = ("NL", "DE", "LT", "BE", "FR", "ES", "IE")


@dataclass(slots=True)
class Draw:
    """What a builder draws from: randomness, the victim, and the campaign's shared values."""

    rng: random.Random
    unique: values.Unique
    country: str
    when: date
    victim: str  # "person", "business" or "public_body"
    partner: bool  # reported by a partner or contact point, which knows technical details
    fixed: dict[str, str] = field(default_factory=dict)

    @property
    def business(self) -> bool:
        """Whether the victim is an organisation (a business or a public body)."""
        return self.victim != "person"

    @property
    def currency(self) -> str:
        """The victim's currency."""
        return profile(self.country).currency

    def fresh(self, make: Callable[[], str]) -> str:
        """A value from ``make`` that no other report has used."""
        for _ in range(1000):
            value = make()
            if self.unique.claim(value):
                return value
        raise RuntimeError("ran out of fresh values")  # pragma: no cover

    def get(self, key: str, make: Callable[[], str]) -> str:
        """The campaign's value for ``key``, else a fresh one."""
        return self.fixed.get(key) or self.fresh(make)

    def chance(self, probability: float) -> bool:
        """True with ``probability``."""
        return self.rng.random() < probability

    def money(self, low_eur: float, high_eur: float, *, cents: bool = False) -> Decimal:
        """An amount between the bounds (in euros, converted), log-uniformly, rounded like
        people round: prices to the cent, larger sums to round figures."""
        euros = math.exp(self.rng.uniform(math.log(low_eur), math.log(high_eur)))
        amount = euros * _PER_EURO.get(self.currency, 1)
        if cents:
            return Decimal(f"{amount:.2f}")
        step = 1 if amount < 100 else 10 if amount < 1000 else 50 if amount < 10_000 else 500
        return Decimal(max(step, round(amount / step) * step))


@dataclass(slots=True)
class Scenario:
    """One report's content, before it is put into words."""

    story: str  # which narrative: the offence, or ``offence:variant``
    facts: dict[str, str] = field(default_factory=dict)
    amounts: dict[str, tuple[Decimal, str]] = field(default_factory=dict)
    identifiers: list[Identifier] = field(default_factory=list)
    loss: tuple[Decimal, str] | None = None
    payment_method: str = ""
    contact_method: str = ""
    card_last4: str = ""
    answer: str = ""  # the questionnaire answer that fits best, if the offence has several

    def add(self, kind: str, value: str, role: str, fact: str = "", shown: str = "") -> None:
        """Add an identifier and, under ``fact``, how the narrative shows it."""
        self.identifiers.append(Identifier(kind, value, role))
        if fact:
            self.facts[fact] = shown or value

    def lose(self, amount: Decimal, currency: str, method: str) -> None:
        """Record money lost (and say so in the narrative as ``amount``)."""
        self.loss = (amount, currency)
        self.amounts["amount"] = (amount, currency)
        self.payment_method = method

    def demand(self, amount: Decimal, currency: str) -> None:
        """Record money demanded but not (necessarily) paid."""
        self.amounts["demand"] = (amount, currency)


def _spoken(phone: str) -> str:
    """A phone number as people write it: international format with spaces."""
    number = phonenumbers.parse(phone)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _iban(d: Draw, key: str = "iban", country: str | None = None) -> str:
    return d.get(key, lambda: values.random_iban(d.rng, country or d.rng.choice(_MULE_COUNTRIES)))


def _pay_to_account(d: Draw, s: Scenario, method: str) -> None:
    """The account the victim paid into: a wallet for crypto, else an IBAN."""
    if method == PaymentMethod.CRYPTO:
        wallet = d.get("wallet", lambda: values.random_bitcoin(d.rng, "p2wpkh"))
        s.add(WALLET, wallet, Role.WALLET, "account")
        s.facts["wallet"] = wallet
    else:
        number = _iban(d)
        s.add(_T.IBAN, number, Role.PAYEE_ACCOUNT, "account", iban_format.format(number))
        s.facts["iban"] = iban_format.format(number)


def _url(d: Draw, *words: str, tlds: tuple[str, ...] = ("com", "net"), path: str = "") -> str:
    return f"https://{names.invented_domain(d.rng, *words, tlds=tlds)}/{path}"


def _victim_organisation(d: Draw, s: Scenario) -> str:
    """Name the victim organisation in the facts; returns its website."""
    if d.victim == "public_body":
        name, site = names.public_body(d.rng, d.country)
    else:
        name, site = names.company(d.rng, d.country)
    s.facts["company"] = name
    return site


def phishing(d: Draw) -> Scenario:
    """A fake login or payment page, reached by SMS or e-mail; sometimes money went."""
    s = Scenario("phishing")
    brand = d.fixed.get("brand") or d.rng.choice(
        (_PARCEL_BRANDS.get(d.country, "DHL"), *_PHISHING_BRANDS)
    )
    s.facts["brand"] = brand
    url = d.get(
        "url",
        lambda: (
            f"https://{names.invented_domain(d.rng, brand.split()[-1], 'verify')}/"
            + d.rng.choice(("login", "secure/update", "pay", "track/id"))
        ),
    )
    s.add(_T.URL, url, Role.PHISHING_URL, "url")
    if d.partner and ("ip" in d.fixed or d.chance(0.6)):
        s.add(_T.IPV4, d.get("ip", lambda: values.random_ipv4(d.rng)), Role.MENTIONED, "ip")
    s.contact_method = d.rng.choices(
        (ContactMethod.SMS, ContactMethod.EMAIL, ContactMethod.PHONE_CALL), (5, 4, 1)
    )[0]
    if s.contact_method == ContactMethod.SMS:
        phone = d.fresh(lambda: values.random_phone(d.rng, d.country))
        s.add(_T.PHONE, phone, Role.SENDER, "phone", _spoken(phone))
    if d.chance(0.45):
        s.story = "phishing:loss"
        s.lose(
            d.money(150, 6000),
            d.currency,
            d.rng.choice((PaymentMethod.BANK_TRANSFER,) * 3 + (PaymentMethod.CARD,)),
        )
        number = _iban(d)
        s.add(_T.IBAN, number, Role.PAYEE_ACCOUNT, "iban", iban_format.format(number))
    return s


def online_shopping_fraud(d: Draw) -> Scenario:
    """Paid a fake web shop, or a seller on a marketplace, and received nothing."""
    if "shop" in d.fixed or d.chance(0.55):
        s = Scenario("online_shopping_fraud")
        shop, domain = (
            (d.fixed["shop"], d.fixed["domain"]) if "shop" in d.fixed else names.shop(d.rng)
        )
        d.unique.reserve(domain)
        s.facts["shop"] = shop
        url = d.fixed.get("url") or f"https://{domain}/" + d.rng.choice(
            ("checkout", "product/1842", "")
        )
        s.add(_T.URL, url, Role.PHISHING_URL, "url")
        s.add(_T.DOMAIN, domain, Role.PHISHING_URL, "domain")
        if "email" in d.fixed:
            s.add(_T.EMAIL, d.fixed["email"], Role.SENDER, "email")
        if "product_kind" in d.fixed:
            s.facts["product_kind"] = d.fixed["product_kind"]
        s.contact_method = d.rng.choices(
            (ContactMethod.WEBSITE, ContactMethod.SOCIAL_MEDIA), (4, 1)
        )[0]
    else:
        s = Scenario("online_shopping_fraud:marketplace")
        s.facts["marketplace"] = profile(d.country).marketplace
        s.add(
            _T.USER_ACCOUNT, d.fresh(lambda: names.handle(d.rng)), Role.OFFENDER_ACCOUNT, "handle"
        )
        if d.chance(0.5):
            phone = d.fresh(lambda: values.random_phone(d.rng, d.country))
            s.add(_T.PHONE, phone, Role.CONTACT_PHONE, "phone", _spoken(phone))
        s.contact_method = ContactMethod.WEBSITE
    method = (
        d.fixed.get("payment")
        or d.rng.choices(
            (PaymentMethod.BANK_TRANSFER, PaymentMethod.PAYMENT_APP, PaymentMethod.CARD), (7, 2, 1)
        )[0]
    )
    s.lose(d.money(25, 900, cents=True), d.currency, method)
    number = _iban(d, country=d.rng.choice((d.country, "LT", "DE")))
    s.add(_T.IBAN, number, Role.PAYEE_ACCOUNT, "iban", iban_format.format(number))
    return s


def investment_fraud(d: Draw) -> Scenario:
    """A trading platform and an "account manager" on the phone; deposits never returned."""
    s = Scenario("investment_fraud")
    brand, domain = (d.fixed["brand"], "") if "brand" in d.fixed else names.broker(d.rng)
    s.facts["brand"] = brand
    url = d.fixed.get("url") or f"https://{domain}/account"
    s.add(_T.URL, url, Role.PHISHING_URL, "url")
    phone = d.get(
        "phone", lambda: values.random_phone(d.rng, d.rng.choice(("GB", "CY", "DE")), mobile=False)
    )
    s.add(_T.PHONE, phone, Role.CONTACT_PHONE, "phone", _spoken(phone))
    s.contact_method = d.rng.choices(
        (ContactMethod.SOCIAL_MEDIA, ContactMethod.PHONE_CALL, ContactMethod.WEBSITE), (4, 4, 2)
    )[0]
    method = d.fixed.get("payment") or d.rng.choice(
        (PaymentMethod.CRYPTO, PaymentMethod.BANK_TRANSFER)
    )
    currency = "USD" if d.chance(0.1) else d.currency
    s.lose(d.money(1500, 120_000), currency, method)
    _pay_to_account(d, s, method)
    return s


def romance_fraud(d: Draw) -> Scenario:
    """Someone met online, months of messages, then emergencies that cost money."""
    s = Scenario("romance_fraud")
    person = d.fixed.get("alias") or names.alias(d.rng)
    s.facts["alias"] = person
    s.facts["platform"] = d.fixed.get("platform") or d.rng.choice(_DATING)
    s.add(
        _T.USER_ACCOUNT,
        d.get("handle", lambda: names.handle(d.rng, person)),
        Role.OFFENDER_ACCOUNT,
        "handle",
    )
    if "phone" in d.fixed or d.chance(0.3):
        phone = d.get("phone", lambda: values.random_phone(d.rng, d.rng.choice(("GB", "NL", "DE"))))
        s.add(_T.PHONE, phone, Role.CONTACT_PHONE, "phone", _spoken(phone))
    s.contact_method = d.rng.choice(
        (ContactMethod.SOCIAL_MEDIA, ContactMethod.MESSAGING_APP, ContactMethod.WEBSITE)
    )
    method = (
        d.fixed.get("payment")
        or d.rng.choices(
            (PaymentMethod.BANK_TRANSFER, PaymentMethod.CRYPTO, PaymentMethod.GIFT_CARD), (5, 3, 2)
        )[0]
    )
    s.lose(d.money(400, 45_000), d.currency, method)
    if method != PaymentMethod.GIFT_CARD:
        _pay_to_account(d, s, method)
    return s


def advance_fee_fraud(d: Draw) -> Scenario:
    """A prize, inheritance, loan or job, unlocked by a fee that is never the last."""
    s = Scenario("advance_fee_fraud")
    s.add(_T.EMAIL, d.fresh(lambda: names.offender_email(d.rng)), Role.SENDER, "email")
    s.contact_method = d.rng.choices(
        (ContactMethod.EMAIL, ContactMethod.MESSAGING_APP, ContactMethod.SOCIAL_MEDIA), (6, 2, 2)
    )[0]
    method = d.rng.choices(
        (PaymentMethod.BANK_TRANSFER, PaymentMethod.GIFT_CARD, PaymentMethod.CRYPTO), (5, 3, 2)
    )[0]
    s.lose(d.money(90, 6000), d.currency, method)
    if method != PaymentMethod.GIFT_CARD:
        _pay_to_account(d, s, method)
    return s


def business_email_compromise(d: Draw) -> Scenario:
    """A supplier's "new bank details" by e-mail; the invoice paid to a mule account."""
    s = Scenario("business_email_compromise")
    _victim_organisation(d, s)
    supplier, site = names.company(d.rng, d.rng.choice(("NL", "DE", "BE", "FR", "IT")))
    s.facts["supplier"] = supplier
    # The real supplier is on its national domain; the fraudster writes from a look-alike.
    name = site.split(".")[0]
    sender = d.fresh(lambda: f"accounts@{name}.{d.rng.choice(('com', 'co', 'eu', 'net'))}")
    s.add(_T.EMAIL, sender, Role.SENDER, "email")
    s.contact_method = ContactMethod.EMAIL
    s.lose(d.money(4000, 250_000, cents=True), d.currency, PaymentMethod.BANK_TRANSFER)
    number = _iban(d)
    s.add(_T.IBAN, number, Role.PAYEE_ACCOUNT, "iban", iban_format.format(number))
    return s


def tech_support_scam(d: Draw) -> Scenario:
    """A pop-up or call from "support", remote access, then money gone."""
    s = Scenario("tech_support_scam")
    s.facts["brand"] = d.fixed.get("brand") or d.rng.choice(("Microsoft", "Apple", "Norton"))
    phone = d.get(
        "phone", lambda: values.random_phone(d.rng, d.rng.choice(("GB", "NL", "BE")), mobile=False)
    )
    s.add(_T.PHONE, phone, Role.CONTACT_PHONE, "phone", _spoken(phone))
    if "url" in d.fixed or d.chance(0.4):
        url = d.get(
            "url", lambda: f"https://{names.invented_domain(d.rng, 'pc-support', 'alert')}/"
        )
        s.add(_T.URL, url, Role.PHISHING_URL, "url")
    s.contact_method = ContactMethod.WEBSITE if "url" in s.facts else ContactMethod.PHONE_CALL
    method = d.rng.choice(
        (PaymentMethod.CARD, PaymentMethod.GIFT_CARD, PaymentMethod.BANK_TRANSFER)
    )
    s.lose(d.money(120, 4000), d.currency, method)
    return s


def payment_card_fraud(d: Draw) -> Scenario:
    """Card payments the victim never made."""
    s = Scenario("payment_card_fraud")
    s.card_last4 = values.random_digits(d.rng, 4)
    s.facts["last4"] = s.card_last4
    s.facts["merchant"] = names.merchant(d.rng)
    s.lose(d.money(40, 2500, cents=True), d.currency, PaymentMethod.CARD)
    return s


def identity_theft(d: Draw) -> Scenario:
    """Accounts, loans or a profile opened in the victim's name."""
    s = Scenario("identity_theft")
    s.facts["platform"] = d.rng.choice(_SOCIAL)
    s.add(_T.USER_ACCOUNT, d.fresh(lambda: names.handle(d.rng)), Role.OFFENDER_ACCOUNT, "handle")
    s.add(_T.EMAIL, d.fresh(lambda: names.offender_email(d.rng)), Role.SENDER, "email")
    return s


def extortion(d: Draw) -> Scenario:
    """Sextortion mail with a bitcoin address, or a threat against a company."""
    wallet = d.get(
        "wallet", lambda: values.random_bitcoin(d.rng, d.rng.choice(("p2pkh", "p2wpkh")))
    )
    sender = d.get("email", lambda: names.offender_email(d.rng))
    if d.business and "variant" not in d.fixed:
        s = Scenario("extortion:business", answer="attack_or_leak")
        _victim_organisation(d, s)
        s.demand(d.money(5000, 80_000), d.currency)
    else:
        s = Scenario("extortion", answer="intimate_images")
        s.demand(
            Decimal(d.rng.choice((500, 750, 950, 1200, 1500, 2000))), d.rng.choice(("EUR", "USD"))
        )
        if d.chance(0.12):
            s.lose(s.amounts["demand"][0], s.amounts["demand"][1], PaymentMethod.CRYPTO)
    s.add(_T.EMAIL, sender, Role.SENDER, "email")
    s.add(WALLET, wallet, Role.WALLET, "wallet")
    s.contact_method = ContactMethod.EMAIL
    return s


def child_sexual_abuse_material(d: Draw) -> Scenario:
    """A link to abuse material (facts only: where it was seen)."""
    s = Scenario("child_sexual_abuse_material")
    url = d.get(
        "url",
        lambda: _url(
            d, "img", "share", tlds=("xyz", "top", "cc"), path=f"v/{d.rng.randint(1, 99999)}"
        ),
    )
    s.add(_T.URL, url, Role.MALICIOUS_URL, "url")
    if d.partner:
        s.add(_T.IPV4, d.fresh(lambda: values.random_ipv4(d.rng)), Role.MENTIONED, "ip")
    return s


def _content(d: Draw, story: str, words: tuple[str, ...]) -> Scenario:
    s = Scenario(story)
    platform = d.rng.choice(_CHAT)
    s.facts["platform"] = platform
    s.add(
        _T.USER_ACCOUNT,
        d.fresh(lambda: names.handle(d.rng, d.rng.choice(words))),
        Role.OFFENDER_ACCOUNT,
        "handle",
    )
    url = d.fresh(
        lambda: _url(
            d,
            d.rng.choice(words),
            "board",
            tlds=("net", "org", "info"),
            path=f"t/{d.rng.randint(1, 99999)}",
        )
    )
    s.add(_T.URL, url, Role.MALICIOUS_URL, "url")
    return s


def hate_speech(d: Draw) -> Scenario:
    """Posts inciting hatred against people for their origin or religion."""
    return _content(d, "hate_speech", ("truthpatriot", "volkswehr", "reconquista", "wakeup"))


def terrorist_content(d: Draw) -> Scenario:
    """Propaganda of a terrorist organisation or calls for attacks."""
    return _content(
        d, "terrorist_content", ("ummah-news", "caliphmedia", "al-bayan-mirror", "lionsdaily")
    )


def copyright_infringement(d: Draw) -> Scenario:
    """A site distributing a rights holder's films, software or goods."""
    s = Scenario("copyright_infringement")
    _victim_organisation(d, s)
    domain = d.fresh(
        lambda: names.invented_domain(
            d.rng,
            d.rng.choice(("warez", "flix", "crackz", "replica")),
            "hub",
            tlds=("to", "cc", "net"),
        )
    )
    s.add(_T.DOMAIN, domain, Role.MALICIOUS_URL, "domain")
    s.add(
        _T.URL, f"https://{domain}/download/{d.rng.randint(1000, 9999)}", Role.MALICIOUS_URL, "url"
    )
    return s


def account_takeover(d: Draw) -> Scenario:
    """Someone logged in to the victim's account and locked them out."""
    s = Scenario("account_takeover", answer=d.rng.choice(("email", "social", "bank", "shop")))
    s.facts["platform"] = d.rng.choice(_TAKEOVER_PLATFORMS[s.answer])
    s.add(_T.EMAIL, d.fresh(lambda: names.offender_email(d.rng)), Role.SENDER, "email")
    if d.partner or d.chance(0.3):
        s.add(_T.IPV4, d.fresh(lambda: values.random_ipv4(d.rng)), Role.ATTACKER_IP, "ip")
    s.contact_method = d.rng.choice(
        (ContactMethod.SMS, ContactMethod.MESSAGING_APP, ContactMethod.EMAIL)
    )
    if s.answer == "bank" or d.chance(0.15):
        s.lose(d.money(80, 3500), d.currency, PaymentMethod.BANK_TRANSFER)
    return s


def hacking(d: Draw) -> Scenario:
    """Illegal access to a company's server or network."""
    s = Scenario("hacking")
    _victim_organisation(d, s)
    ip = d.fresh(lambda: values.random_ipv6(d.rng) if d.chance(0.2) else values.random_ipv4(d.rng))
    s.add(_T.IPV6 if ":" in ip else _T.IPV4, ip, Role.ATTACKER_IP, "ip")
    own = d.fresh(lambda: names.invented_domain(d.rng, s.facts["company"].split()[0], "portal"))
    s.add(_T.DOMAIN, own, Role.VICTIM_ASSET, "domain")
    return s


def ransomware(d: Draw) -> Scenario:
    """Files encrypted, a ransom note, and often a leak site."""
    s = Scenario("ransomware")
    _victim_organisation(d, s)
    s.facts["group"] = d.fixed.get("group") or names.ransomware_group(d.rng)
    s.add(_T.EMAIL, d.get("email", lambda: names.offender_email(d.rng)), Role.SENDER, "email")
    s.demand(d.money(20_000, 900_000), d.rng.choice(("EUR", "USD")))
    if "wallet" in d.fixed or d.chance(0.5):
        s.add(WALLET, d.get("wallet", lambda: values.random_bitcoin(d.rng)), Role.WALLET, "wallet")
    if "url" in d.fixed:
        s.add(_T.URL, d.fixed["url"], Role.MALICIOUS_URL, "url")
    return s


def malware(d: Draw) -> Scenario:
    """A malicious file opened, with the download address or the server it talks to."""
    s = Scenario("malware")
    s.facts["file"] = names.malware_file(d.rng)
    s.add(_T.SHA256, d.fresh(lambda: values.random_sha256(d.rng)), Role.MENTIONED, "hash")
    if d.partner or d.chance(0.5):
        s.add(_T.IPV4, d.fresh(lambda: values.random_ipv4(d.rng)), Role.ATTACKER_IP, "ip")
    if d.chance(0.5):
        url = d.fresh(
            lambda: f"http://{names.invented_domain(d.rng, 'files', 'cdn')}/{s.facts['file']}"
        )
        s.add(_T.URL, url, Role.MALICIOUS_URL, "url")
    return s


def ddos(d: Draw) -> Scenario:
    """A company's website or service flooded off line."""
    s = Scenario("ddos")
    own = d.fresh(lambda: _victim_organisation(d, s))
    s.add(_T.DOMAIN, own, Role.VICTIM_ASSET, "domain")
    if d.partner or d.chance(0.4):
        s.add(_T.IPV4, d.fresh(lambda: values.random_ipv4(d.rng)), Role.ATTACKER_IP, "ip")
    if d.chance(0.3):
        s.demand(d.money(2000, 20_000), "EUR")
        s.add(WALLET, d.fresh(lambda: values.random_bitcoin(d.rng)), Role.WALLET, "wallet")
    return s


def botnet(d: Draw) -> Scenario:
    """Machines talking to a command-and-control server."""
    s = Scenario("botnet")
    s.add(_T.IPV4, d.get("ip", lambda: values.random_ipv4(d.rng)), Role.ATTACKER_IP, "ip")
    domain = d.get("domain", lambda: names.invented_domain(d.rng, "update", "sync"))
    s.add(_T.DOMAIN, domain, Role.MENTIONED, "domain")
    s.facts["family"] = d.fixed.get("family") or d.rng.choice(
        ("Mirai variant", "Emotet-like loader", "IcedID-like loader")
    )
    s.facts["hosts"] = str(d.rng.randint(3, 400))
    s.facts["port"] = str(d.rng.choice((443, 8080, 2222, 995)))
    _victim_organisation(d, s)
    return s


def data_breach(d: Draw) -> Scenario:
    """Customer data copied and offered for sale or published."""
    s = Scenario("data_breach")
    _victim_organisation(d, s)
    s.facts["records"] = f"{d.rng.randint(2, 900) * 1000:,}".replace(",", " ")
    url = d.fresh(lambda: f"http://{values.random_onion(d.rng)}/leaks/{d.rng.randint(10, 999)}")
    s.add(_T.URL, url, Role.MALICIOUS_URL, "url")
    return s


def illegal_interception(d: Draw) -> Scenario:
    """Mail, traffic or calls intercepted (a forwarding rule, a rogue access point...)."""
    s = Scenario("illegal_interception")
    _victim_organisation(d, s)
    s.add(_T.IPV4, d.fresh(lambda: values.random_ipv4(d.rng)), Role.ATTACKER_IP, "ip")
    return s


def misuse_of_devices(d: Draw) -> Scenario:
    """Someone selling malware, phishing kits, stolen logins or card data."""
    s = Scenario("misuse_of_devices")
    s.facts["platform"] = d.rng.choice(("Telegram", "Discord", "Session"))
    s.add(
        _T.USER_ACCOUNT,
        d.fresh(
            lambda: names.handle(
                d.rng, d.rng.choice(("darkv3nd0r", "kitmaster", "logs_shop", "fullz_king"))
            )
        ),
        Role.OFFENDER_ACCOUNT,
        "handle",
    )
    url = d.fresh(
        lambda: _url(d, "market", "logs", tlds=("to", "cc"), path=f"shop/{d.rng.randint(10, 999)}")
    )
    s.add(_T.URL, url, Role.MALICIOUS_URL, "url")
    return s


def other(d: Draw) -> Scenario:
    """Something that fits no offence (yet): the analyst decides."""
    s = Scenario("other")
    phone = d.fresh(lambda: values.random_phone(d.rng, d.country))
    s.add(_T.PHONE, phone, Role.MENTIONED, "phone", _spoken(phone))
    s.contact_method = ContactMethod.PHONE_CALL
    return s


BUILDERS: dict[str, Callable[[Draw], Scenario]] = {
    builder.__name__: builder
    for builder in (
        phishing,
        online_shopping_fraud,
        investment_fraud,
        romance_fraud,
        advance_fee_fraud,
        business_email_compromise,
        tech_support_scam,
        payment_card_fraud,
        identity_theft,
        extortion,
        child_sexual_abuse_material,
        hate_speech,
        terrorist_content,
        copyright_infringement,
        account_takeover,
        hacking,
        ransomware,
        malware,
        ddos,
        botnet,
        data_breach,
        illegal_interception,
        misuse_of_devices,
        other,
    )
}


def build(offence: str, draw: Draw) -> Scenario:
    """The scenario of one report of ``offence``."""
    return BUILDERS[offence](draw)
