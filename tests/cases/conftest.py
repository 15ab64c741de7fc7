"""Fixtures for the case tests: reports filed and processed the way intake does (so
correlation links them and proposes cases), a case that spans two countries, and the
international hub."""

from __future__ import annotations

import pytest

from crex.accounts.models import Organisation, User
from crex.cases.models import Case
from tests.conftest import make_user
from tests.correlation.conftest import Ingest, file_report, ingest, login

__all__ = ["Ingest", "file_report", "ingest", "login"]

#: Mule accounts and a phone number that are on no warninglist.
MULE = "NL02 ABNA 0521 6378 12"
GERMAN_MULE = "DE44 5001 0517 5407 3249 31"
OTHER_MULE = "NL81 RABO 0312 3456 78"
PHONE = "+49 151 23456789"


@pytest.fixture
def hub(db: None) -> Organisation:
    """The international hub that every cross-border case may also go to."""
    return Organisation.objects.create(
        name="European Cybercrime Hub", kind=Organisation.Kind.INTERNATIONAL_HUB
    )


@pytest.fixture
def french_contact_point(db: None) -> Organisation:
    """A third country's contact point, competent for no case here."""
    return Organisation.objects.create(
        name="Plateforme Cybermalveillance", kind=Organisation.Kind.CONTACT_POINT, country="FR"
    )


@pytest.fixture
def foreign_supervisor(foreign_contact_point: Organisation) -> User:
    return make_user("greta.de", foreign_contact_point, User.Role.SUPERVISOR)


@pytest.fixture
def police_admin(operator: Organisation) -> User:
    return make_user("alex.admin", operator, User.Role.ADMIN)


@pytest.fixture
def cross_border(ingest: Ingest) -> Case:
    """A proposed case of the operator: victims in NL and DE paid one German mule
    account; one report is TLP:RED and one from a confidential reporter."""
    ingest(f"I paid 300 EUR to {GERMAN_MULE} for a bike.", victim_country="NL")
    ingest(f"Überweisung an {GERMAN_MULE}, Ware kam nie.", victim_country="DE")
    ingest(f"Paid to {GERMAN_MULE}; police informant.", victim_country="NL", tlp="red")
    last = ingest(f"Our company paid {GERMAN_MULE}.", victim_country="NL", confidential=True)
    assert last.case is not None
    return last.case


@pytest.fixture
def small_case(ingest: Ingest) -> Case:
    """Another proposed case of the operator, in one country (NL)."""
    ingest(f"Transfer to {OTHER_MULE}.", victim_country="NL")
    last = ingest(f"Sent money to {OTHER_MULE}.", victim_country="NL")
    assert last.case is not None
    return last.case
