"""The demo's organisations and users: contact points in eight EU countries, partners,
and one login per role, all sharing one demo password.

The operator (the contact point running this instance) is reused when it exists;
every other organisation is found or created by name, so nothing is duplicated.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password

from crex.accounts.models import Organisation, User
from crex.accounts.services import operator_organisation

#: The one password of every demo login (passes Django's password validators).
DEMO_PASSWORD = "crex-demo-Harbour-Lantern-42"

#: The organisation whose existence says "the demo has been loaded".
MARKER_ORGANISATION = "EU Cybercrime Coordination Hub"

#: The operator's country when it has none (the demo needs a home country).
DEFAULT_HOME_COUNTRY = "NL"

#: A cybercrime contact point per country (the operator takes its own country's slot).
CONTACT_POINTS: dict[str, str] = {
    "NL": "Nationaal Meldpunt Cybercrime",
    "DE": "Zentrale Ansprechstelle Cybercrime",
    "FR": "Plateforme nationale de signalement cyber",
    "BE": "Federaal Meldpunt Cybercriminaliteit / Point de contact fédéral",
    "ES": "Punto Nacional de Contacto Ciberdelincuencia",
    "IT": "Centro nazionale segnalazioni crimine informatico",
    "PL": "Krajowy Punkt Zgłaszania Cyberprzestępstw",
    "AT": "Meldestelle Internetkriminalität Österreich",
}


@dataclass(frozen=True, slots=True)
class PartnerSpec:
    """A partner organisation of the operator: name, kind and, if not the home one, country."""

    key: str
    name: str
    kind: str
    country: str | None = None  # None: the operator's country; "" for international bodies


PARTNERS: tuple[PartnerSpec, ...] = (
    PartnerSpec("hub", MARKER_ORGANISATION, Organisation.Kind.INTERNATIONAL_HUB, ""),
    PartnerSpec("cert", "National CSIRT", Organisation.Kind.CERT),
    PartnerSpec("hotline", "SafeNet Reporting Hotline", Organisation.Kind.HOTLINE),
    PartnerSpec("bank", "Kestrel Bank — Fraud Desk", Organisation.Kind.BANK_PAYMENT),
    PartnerSpec(
        "neobank", "Amberline Pay — Financial Crime Unit", Organisation.Kind.BANK_PAYMENT, "LT"
    ),
    PartnerSpec("hosting", "Meridian Hosting — Abuse Desk", Organisation.Kind.ISP_HOSTING),
    PartnerSpec("tax", "National Tax Administration", Organisation.Kind.PUBLIC_BODY),
)


@dataclass(frozen=True, slots=True)
class LoginSpec:
    """A demo login: user name, role and the organisation it belongs to (by key)."""

    username: str
    role: str
    organisation: str  # "operator", a partner key, or "cp:<country>"
    superuser: bool = False


@dataclass(slots=True)
class DemoOrganisations:
    """The organisations the demo works with, by role."""

    operator: Organisation
    home_country: str
    contact_points: dict[str, Organisation]  # country -> contact point (incl. the operator)
    partners: dict[str, Organisation]

    @property
    def foreign_contact_points(self) -> dict[str, Organisation]:
        """Contact points other than the operator, by country."""
        return {c: o for c, o in self.contact_points.items() if o.pk != self.operator.pk}

    def by_key(self, key: str) -> Organisation:
        """``operator``, a partner key (``bank``...) or ``cp:DE`` for a contact point."""
        if key == "operator":
            return self.operator
        if key.startswith("cp:"):
            return self.contact_points[key[3:]]
        return self.partners[key]


@dataclass(frozen=True, slots=True)
class DemoLogin:
    """A login printed at the end: who, with which role, where, and if we set its password."""

    username: str
    role: str
    organisation: str
    created: bool


@dataclass(slots=True)
class DemoUsers:
    """The demo users by user name, and what to print about them."""

    users: dict[str, User] = field(default_factory=dict)
    logins: list[DemoLogin] = field(default_factory=list)

    def analysts_of(self, organisation: Organisation) -> list[User]:
        """The users who work reports at ``organisation`` (analysts, supervisors, admins)."""
        return [
            u
            for u in self.users.values()
            if u.organisation_id == organisation.pk and u.works_reports
        ]


def is_loaded() -> bool:
    """Whether the demo data is in this database already."""
    return Organisation.objects.filter(name=MARKER_ORGANISATION).exists()


def ensure_organisations() -> DemoOrganisations:
    """Find or create the operator, the contact points and the partners.

    An existing operator is used as it is; one without a country is taken to be in
    `DEFAULT_HOME_COUNTRY`.
    """
    operator = Organisation.objects.filter(is_operator=True).first()
    if operator is None:  # a fresh instance: create it from settings, with a home country
        operator = operator_organisation()
        if not operator.country:
            operator.country = DEFAULT_HOME_COUNTRY
            operator.save(update_fields=["country"])
    home = operator.country or DEFAULT_HOME_COUNTRY
    contact_points = {home: operator}
    for country, name in CONTACT_POINTS.items():
        if country == home:
            continue
        contact_points[country], _ = Organisation.objects.get_or_create(
            name=name, defaults={"kind": Organisation.Kind.CONTACT_POINT, "country": country}
        )
    partners = {
        spec.key: Organisation.objects.get_or_create(
            name=spec.name,
            defaults={"kind": spec.kind, "country": home if spec.country is None else spec.country},
        )[0]
        for spec in PARTNERS
    }
    return DemoOrganisations(operator, home, contact_points, partners)


def login_specs(organisations: DemoOrganisations) -> list[LoginSpec]:
    """The demo logins: the operator's team, one analyst per foreign contact point, partners."""
    specs = [
        LoginSpec("admin", User.Role.ADMIN, "operator", superuser=True),
        LoginSpec("supervisor", User.Role.SUPERVISOR, "operator"),
        LoginSpec("analyst", User.Role.ANALYST, "operator"),
        LoginSpec("analyst2", User.Role.ANALYST, "operator"),
    ]
    specs += [
        LoginSpec(f"analyst.{country.lower()}", User.Role.ANALYST, f"cp:{country}")
        for country in sorted(organisations.foreign_contact_points)
    ]
    specs += [
        LoginSpec("analyst.hub", User.Role.ANALYST, "hub"),
        LoginSpec("analyst.cert", User.Role.ANALYST, "cert"),
        LoginSpec("partner.bank", User.Role.PARTNER, "bank"),
        LoginSpec("partner.neobank", User.Role.PARTNER, "neobank"),
        LoginSpec("partner.hotline", User.Role.PARTNER, "hotline"),
        LoginSpec("partner.hosting", User.Role.PARTNER, "hosting"),
    ]
    return specs


def demo_usernames() -> list[str]:
    """Every user name a demo load may create, whatever the operator's country."""
    fixed = ["admin", "supervisor", "analyst", "analyst2", "analyst.hub", "analyst.cert"]
    partners = ["partner.bank", "partner.neobank", "partner.hotline", "partner.hosting"]
    return fixed + [f"analyst.{c.lower()}" for c in sorted(CONTACT_POINTS)] + partners


def ensure_users(organisations: DemoOrganisations) -> DemoUsers:
    """Create the demo logins that do not exist yet; existing users are left untouched.

    The password is hashed once and shared: hashing it per user would cost seconds.
    """
    hashed = make_password(DEMO_PASSWORD)
    result = DemoUsers()
    for spec in login_specs(organisations):
        organisation = organisations.by_key(spec.organisation)
        user = User.objects.filter(username=spec.username).first()
        created = user is None
        if user is None:
            user = User.objects.create(
                username=spec.username,
                password=hashed,
                organisation=organisation,
                role=spec.role,
                is_staff=spec.superuser,
                is_superuser=spec.superuser,
            )
        result.users[spec.username] = user
        where = str(user.organisation) if user.organisation else ""
        result.logins.append(DemoLogin(spec.username, user.role, where, created))
    return result
