"""Shared fixtures: a fresh data directory and the personas the visibility rules speak of.

- ``police_analyst``: analyst at the operator, the national contact point (NL)
- ``police_supervisor``: supervisor at the same contact point
- ``cert_analyst``: analyst at the national CERT
- ``bank_partner``: partner-role user at a bank that reports fraud through the API
- ``foreign_analyst``: analyst at another country's contact point (DE)
- an anonymous citizen is simply a client that is not logged in
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation

from crex.accounts.models import Organisation, User

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _english_unless_asked() -> Iterator[None]:
    """Each test starts in English: a request in another language must not leak into it."""
    with translation.override("en"):
        yield


@pytest.fixture
def operator(db: None) -> Organisation:
    """The contact point running this instance (receives portal reports)."""
    return Organisation.objects.create(
        name="National Cybercrime Reporting Point",
        kind=Organisation.Kind.CONTACT_POINT,
        country="NL",
        is_operator=True,
    )


@pytest.fixture
def cert(db: None) -> Organisation:
    """The national CERT."""
    return Organisation.objects.create(name="NL CERT", kind=Organisation.Kind.CERT, country="NL")


@pytest.fixture
def bank(db: None) -> Organisation:
    """A bank's fraud desk."""
    return Organisation.objects.create(
        name="Example Bank Fraud Desk", kind=Organisation.Kind.BANK_PAYMENT, country="NL"
    )


@pytest.fixture
def foreign_contact_point(db: None) -> Organisation:
    """Another country's contact point."""
    return Organisation.objects.create(
        name="Zentrale Meldestelle Cybercrime",
        kind=Organisation.Kind.CONTACT_POINT,
        country="DE",
    )


def make_user(username: str, organisation: Organisation, role: str) -> User:
    """A user with the shared test password."""
    user = User(username=username, organisation=organisation, role=role)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def police_analyst(operator: Organisation) -> User:
    return make_user("anna.analyst", operator, User.Role.ANALYST)


@pytest.fixture
def police_supervisor(operator: Organisation) -> User:
    return make_user("sam.supervisor", operator, User.Role.SUPERVISOR)


@pytest.fixture
def cert_analyst(cert: Organisation) -> User:
    return make_user("carl.cert", cert, User.Role.ANALYST)


@pytest.fixture
def bank_partner(bank: Organisation) -> User:
    return make_user("bea.bank", bank, User.Role.PARTNER)


@pytest.fixture
def foreign_analyst(foreign_contact_point: Organisation) -> User:
    return make_user("dirk.de", foreign_contact_point, User.Role.ANALYST)
