"""A small JSON client for the API tests, and a reader for problem+json answers."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpResponse
from django.test import Client

from crex.accounts.models import ApiToken, Organisation

REPORTS_URL = "/api/v1/reports"


class ApiClient:
    """Django's test client, speaking JSON with a bearer token."""

    def __init__(self) -> None:
        self.client = Client()

    def post_report(
        self,
        token: str | None,
        body: Any,
        *,
        content_type: str = "application/json",
        **headers: str,
    ) -> HttpResponse:
        """POST ``body`` (JSON-encoded unless given as str or bytes) to the report list."""
        data = body if isinstance(body, str | bytes) else json.dumps(body)
        if token is not None:
            headers.setdefault("Authorization", f"Bearer {token}")
        return self.client.post(REPORTS_URL, data, content_type=content_type, headers=headers)

    def get(self, token: str | None, path: str, **params: Any) -> HttpResponse:
        """GET ``path`` with query ``params``."""
        headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
        return self.client.get(path, params, headers=headers)


def token_for(organisation: Organisation) -> str:
    """A fresh raw API token of ``organisation``."""
    _, raw = ApiToken.issue(organisation, f"{organisation.name} system")
    return raw


def problem_fields(response: HttpResponse) -> dict[str, str]:
    """The fields named in a problem+json answer, with their messages."""
    assert response["Content-Type"].startswith("application/problem+json"), response.content
    return {error["field"]: error["detail"] for error in response.json().get("errors", [])}
