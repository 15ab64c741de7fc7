"""Errors made outside the API handlers are problem+json too; bodies are size-limited
whether or not they declare a Content-Length."""

from __future__ import annotations

import io

import pytest
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings

from crex.intake.api.middleware import ApiBodyLimitMiddleware
from tests.intake.api.client import ApiClient


@pytest.mark.parametrize(
    "path", ["/api/", "/api/nothing", "/api/v1/reports/", "/api/v2/reports", "/api/v1/cases"]
)
def test_unknown_api_routes_are_404_problems(db: None, path: str) -> None:
    response = Client().get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "There is no such API endpoint.",
    }


@pytest.mark.parametrize("method", ["delete", "put", "patch"])
def test_a_wrong_method_is_a_405_problem(api: ApiClient, bank_token: str, method: str) -> None:
    response = getattr(api.client, method)(
        "/api/v1/reports", headers={"Authorization": f"Bearer {bank_token}"}
    )

    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "POST"}
    assert method.upper() in response.json()["detail"]


def test_pages_outside_the_api_keep_their_html_errors(db: None) -> None:
    response = Client().get("/no-such-page/")

    assert response.status_code == 404
    assert not response["Content-Type"].startswith("application/problem+json")


def test_a_bad_content_length_is_400(api: ApiClient, bank_token: str) -> None:
    response = api.client.post(
        "/api/v1/reports",
        "{}",
        content_type="application/json",
        headers={"Authorization": f"Bearer {bank_token}"},
        CONTENT_LENGTH="lots",
    )

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def _passed(request: HttpRequest) -> HttpResponse:
    return HttpResponse("passed")


def _chunked(body: bytes) -> ASGIRequest:
    """A POST as an ASGI server hands it over for ``Transfer-Encoding: chunked``."""
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/api/v1/reports",
        "headers": [(b"content-type", b"application/json"), (b"transfer-encoding", b"chunked")],
    }
    return ASGIRequest(scope, io.BytesIO(body))


@override_settings(CREX_API_MAX_BODY_BYTES=1000)
def test_a_chunked_body_over_the_limit_is_413() -> None:
    request = _chunked(b'{"narrative": "' + b"x" * 5000 + b'"}')
    assert "CONTENT_LENGTH" not in request.META

    response = ApiBodyLimitMiddleware(_passed)(request)

    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"


@override_settings(CREX_API_MAX_BODY_BYTES=1000, DATA_UPLOAD_MAX_MEMORY_SIZE=2000)
def test_a_chunked_body_over_django_s_own_limit_is_413() -> None:
    response = ApiBodyLimitMiddleware(_passed)(_chunked(b"x" * 5000))

    assert response.status_code == 413


@override_settings(CREX_API_MAX_BODY_BYTES=1000)
def test_a_small_chunked_body_passes_and_stays_readable() -> None:
    request = _chunked(b'{"narrative": "x"}')

    response = ApiBodyLimitMiddleware(_passed)(request)

    assert response.content == b"passed"
    assert request.body == b'{"narrative": "x"}'
