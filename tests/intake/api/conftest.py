"""Fixtures of the API tests: a JSON client and one API token per persona organisation."""

from __future__ import annotations

import pytest

from crex.accounts.models import Organisation
from tests.intake.api.client import ApiClient, token_for


@pytest.fixture
def api() -> ApiClient:
    return ApiClient()


@pytest.fixture
def bank_token(bank: Organisation) -> str:
    return token_for(bank)


@pytest.fixture
def cert_token(cert: Organisation) -> str:
    return token_for(cert)


@pytest.fixture
def operator_token(operator: Organisation) -> str:
    return token_for(operator)


@pytest.fixture
def foreign_token(foreign_contact_point: Organisation) -> str:
    return token_for(foreign_contact_point)
