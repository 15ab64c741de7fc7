"""The crex classification: three categories, offence codes, Budapest Convention articles
and ENISA Reference Security Incident Taxonomy (RSIT) classes, as data.

The codes are stable: the API, exports, statistics and tests use exactly these.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from crex.core.i18n import _


class Category(StrEnum):
    """The three categories of cyber crime in the policy's definition."""

    TRADITIONAL = "traditional"
    ILLEGAL_CONTENT = "illegal_content"
    ATTACK_ON_SYSTEMS = "attack_on_systems"


CATEGORY_LABELS: dict[Category, str] = {
    Category.TRADITIONAL: _("Traditional crime committed over electronic networks"),
    Category.ILLEGAL_CONTENT: _("Publication of illegal content over electronic media"),
    Category.ATTACK_ON_SYSTEMS: _("Crimes unique to electronic networks"),
}


@dataclass(frozen=True, slots=True)
class Offence:
    """One offence code with its category, legal basis and RSIT class/type."""

    code: str
    label: str
    category: Category | None  # None only for `other`: the analyst decides
    budapest: str
    rsit_class: str
    rsit_type: str

    @property
    def rsit(self) -> str:
        """The RSIT class and type as one `class/type` string."""
        return f"{self.rsit_class}/{self.rsit_type}"


_T, _I, _A = Category.TRADITIONAL, Category.ILLEGAL_CONTENT, Category.ATTACK_ON_SYSTEMS

OFFENCES: tuple[Offence, ...] = (
    Offence("phishing", _("Phishing"), _T, "Art. 7, 8", "fraud", "phishing"),
    Offence(
        "online_shopping_fraud", _("Online shopping fraud"), _T, "Art. 8", "fraud", "masquerade"
    ),
    Offence("investment_fraud", _("Investment fraud"), _T, "Art. 8", "fraud", "masquerade"),
    Offence("romance_fraud", _("Romance fraud"), _T, "Art. 8", "fraud", "masquerade"),
    Offence("advance_fee_fraud", _("Advance fee fraud"), _T, "Art. 8", "fraud", "masquerade"),
    Offence(
        "business_email_compromise",
        _("Business e-mail compromise (CEO fraud)"),
        _T,
        "Art. 7, 8",
        "fraud",
        "masquerade",
    ),
    Offence("tech_support_scam", _("Tech-support scam"), _T, "Art. 8", "fraud", "masquerade"),
    Offence(
        "payment_card_fraud",
        _("Payment card fraud"),
        _T,
        "Art. 8",
        "fraud",
        "unauthorised-use-of-resources",
    ),
    Offence("identity_theft", _("Identity theft"), _T, "Art. 7", "fraud", "masquerade"),
    Offence(
        "extortion",
        _("Extortion and sextortion"),
        _T,
        "national law",
        "abusive-content",
        "harmful-speech",
    ),
    Offence(
        "child_sexual_abuse_material",
        _("Child sexual abuse material"),
        _I,
        "Art. 9",
        "abusive-content",
        "violence",
    ),
    Offence(
        "hate_speech",
        _("Racist and xenophobic hate speech"),
        _I,
        "Additional Protocol",
        "abusive-content",
        "harmful-speech",
    ),
    Offence(
        "terrorist_content",
        _("Terrorist content"),
        _I,
        "national law / EU TCO",
        "abusive-content",
        "violence",
    ),
    Offence(
        "copyright_infringement", _("Copyright infringement"), _I, "Art. 10", "fraud", "copyright"
    ),
    Offence(
        "account_takeover",
        _("Account takeover"),
        _A,
        "Art. 2",
        "intrusions",
        "unprivileged-account-compromise",
    ),
    Offence(
        "hacking",
        _("Hacking (illegal access to a system)"),
        _A,
        "Art. 2",
        "intrusions",
        "system-compromise",
    ),
    Offence("ransomware", _("Ransomware"), _A, "Art. 4, 5", "malicious-code", "infected-system"),
    Offence("malware", _("Malware infection"), _A, "Art. 4", "malicious-code", "infected-system"),
    Offence("ddos", _("Denial of service (DoS/DDoS)"), _A, "Art. 5", "availability", "ddos"),
    Offence("botnet", _("Botnet"), _A, "Art. 5, 6", "malicious-code", "c2-server"),
    Offence(
        "data_breach",
        _("Data breach"),
        _A,
        "Art. 2, 4",
        "information-content-security",
        "data-leak",
    ),
    Offence(
        "illegal_interception",
        _("Illegal interception"),
        _A,
        "Art. 3",
        "information-gathering",
        "sniffing",
    ),
    Offence("misuse_of_devices", _("Misuse of devices"), _A, "Art. 6", "other", "other"),
    Offence("other", _("Other"), None, "—", "other", "undetermined"),
)

OFFENCES_BY_CODE: dict[str, Offence] = {offence.code: offence for offence in OFFENCES}
OFFENCE_CODES: tuple[str, ...] = tuple(OFFENCES_BY_CODE)

# Other tools spell RSIT values differently; these are accepted on import and stored
# in the ENISA/MISP spelling.
RSIT_ALIASES: dict[str, str] = {
    "unauthorized-use-of-resources": "unauthorised-use-of-resources",
}


def offence(code: str) -> Offence:
    """The offence for ``code``; raises ``KeyError`` for an unknown code."""
    return OFFENCES_BY_CODE[code]


def is_offence(code: str) -> bool:
    """Whether ``code`` is one of the stable offence codes."""
    return code in OFFENCES_BY_CODE


def offences_in(category: Category) -> tuple[Offence, ...]:
    """The offences belonging to ``category``, in table order."""
    return tuple(o for o in OFFENCES if o.category == category)


def canonical_rsit(value: str) -> str:
    """Bring an RSIT `class/type` string to the stored spelling (lower-case, ENISA/MISP)."""
    value = value.strip().lower()
    if "/" not in value:
        return value
    rsit_class, rsit_type = value.split("/", 1)
    return f"{rsit_class}/{RSIT_ALIASES.get(rsit_type, rsit_type)}"


def category_fits(category: Category | str | None, offence_code: str) -> bool:
    """Whether an explicit category agrees with the offence (`other` fits any category)."""
    found = OFFENCES_BY_CODE[offence_code].category
    return category is None or found is None or Category(category) == found
