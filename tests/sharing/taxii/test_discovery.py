"""Discovery and the API root, and what every endpoint shares: credentials (Basic or an
API token), the TAXII media type on every answer, content negotiation and errors."""

from __future__ import annotations

import pytest
from django.test import Client

from crex.accounts.models import ApiToken, Organisation, User
from tests.conftest import make_user
from tests.sharing.taxii.conftest import TAXII, Taxii, basic, url


def test_discovery_names_the_one_api_root(as_police: Taxii, settings) -> None:
    settings.CREX_TAXII_CONTACT = "taxii@example.org"
    response = as_police.get(url("discovery"))
    assert response.status_code == 200
    assert response["Content-Type"] == TAXII
    body = response.json()
    assert body["title"]
    assert body["contact"] == "taxii@example.org"
    assert body["api_roots"] == ["http://testserver/taxii2/api/"]
    assert body["default"] == "http://testserver/taxii2/api/"


def test_api_root_tells_versions_and_the_largest_body(as_police: Taxii, settings) -> None:
    settings.CREX_TAXII_MAX_CONTENT_LENGTH = 4096
    body = as_police.get(url("api_root")).json()
    assert body["versions"] == [TAXII]
    assert body["max_content_length"] == 4096
    assert body["title"]


def test_an_api_token_opens_the_server_with_either_scheme(bank: Organisation) -> None:
    _, raw = ApiToken.issue(bank, "feed")
    for scheme in ("Bearer", "Token"):
        assert Taxii(f"{scheme} {raw}").get(url("api_root")).status_code == 200


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "Basic " + "bm90LWJhc2U2NA",  # not valid base64
        basic("anna.analyst", "wrong password"),
        basic("nobody"),
        "Bearer crex_not-a-token",
        "Token not-even-prefixed",
        "Digest username=anna.analyst",
    ],
)
def test_missing_or_wrong_credentials_get_401_with_a_basic_challenge(
    police_analyst: User, authorization: str | None
) -> None:
    headers = {"Accept": TAXII} | ({"Authorization": authorization} if authorization else {})
    response = Client().get(url("discovery"), headers=headers)
    assert response.status_code == 401
    assert response["Content-Type"] == TAXII
    assert response["WWW-Authenticate"] == 'Basic realm="crex TAXII"'
    assert response.json()["http_status"] == "401"


def test_a_revoked_token_an_inactive_user_and_a_user_without_organisation_are_refused(
    bank: Organisation, police_analyst: User
) -> None:
    token, raw = ApiToken.issue(bank, "old")
    token.revoke()
    assert Taxii(f"Bearer {raw}").get(url("discovery")).status_code == 401

    police_analyst.is_active = False
    police_analyst.save()
    assert Taxii(basic(police_analyst.username)).get(url("discovery")).status_code == 401

    loner = make_user("lonely", bank, User.Role.ANALYST)
    User.objects.filter(pk=loner.pk).update(organisation=None)
    assert Taxii(basic("lonely")).get(url("discovery")).status_code == 401


def test_a_changed_password_stops_working_at_once(police_analyst: User) -> None:
    taxii = Taxii(basic(police_analyst.username))
    assert taxii.get(url("discovery")).status_code == 200
    police_analyst.set_password("a different long password")
    police_analyst.save()
    assert taxii.get(url("discovery")).status_code == 401


@pytest.mark.parametrize(
    "accept",
    [
        TAXII,
        "application/taxii+json",
        "application/taxii+json; version=2.1",
        "*/*",
        "application/json;q=0.5, application/taxii+json;version=2.1",
        "",
    ],
)
def test_accept_headers_that_allow_taxii_2_1(as_police: Taxii, accept: str) -> None:
    assert as_police.get(url("discovery"), Accept=accept).status_code == 200


@pytest.mark.parametrize(
    "accept",
    [
        "application/json",
        "application/taxii+json;version=2.0",
        "application/vnd.oasis.taxii+json; version=2.0",
        "text/html",
        "application/taxii+json;version=2.1;q=0",
    ],
)
def test_other_accept_headers_get_406(as_police: Taxii, accept: str) -> None:
    response = as_police.get(url("api_root"), Accept=accept)
    assert response.status_code == 406
    assert response["Content-Type"] == TAXII
    assert response.json()["title"] == "Not acceptable"


def test_an_unknown_path_is_a_taxii_404(as_police: Taxii) -> None:
    response = as_police.get("/taxii2/api/nothing-here/")
    assert response.status_code == 404
    assert response["Content-Type"] == TAXII
    assert set(response.json()) >= {"title", "description", "http_status"}


def test_no_session_or_csrf_token_is_needed(police_analyst: User) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        url("discovery"),
        "{}",
        content_type=TAXII,
        headers={"Authorization": basic(police_analyst.username)},
    )
    assert response.status_code == 405  # refused for the method, not for CSRF
    assert response["Allow"] == "GET"
    assert "sessionid" not in response.cookies
