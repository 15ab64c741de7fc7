"""The API documents itself: /api/docs renders, /api/openapi.json describes every field."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client


@pytest.fixture
def schema(db: None) -> dict[str, Any]:
    response = Client().get("/api/openapi.json")
    assert response.status_code == 200
    document: dict[str, Any] = response.json()
    return document


def test_the_docs_page_renders_with_bundled_swagger(db: None) -> None:
    response = Client().get("/api/docs")

    assert response.status_code == 200
    page = response.content.decode()
    assert "swagger-ui" in page
    assert "/static/ninja/swagger-ui-bundle.js" in page  # served by crex, no CDN
    assert "/api/openapi.json" in page


def test_every_operation_is_documented(schema: dict[str, Any]) -> None:
    paths = schema["paths"]

    assert set(paths) == {
        "/api/v1/reports",
        "/api/v1/reports/{reference}",
        "/api/v1/observables/export",
    }
    operations = [paths["/api/v1/reports"]["post"], paths["/api/v1/reports"]["get"]]
    operations.append(paths["/api/v1/reports/{reference}"]["get"])
    operations.append(paths["/api/v1/observables/export"]["get"])
    for operation in operations:
        assert operation["summary"]
        assert operation["description"]
        assert operation["security"] == [{"ApiTokenAuth": []}]


def test_token_auth_is_a_bearer_scheme(schema: dict[str, Any]) -> None:
    assert schema["components"]["securitySchemes"]["ApiTokenAuth"] == {
        "type": "http",
        "scheme": "bearer",
    }


def test_errors_are_documented_as_problem_json(schema: dict[str, Any]) -> None:
    responses = schema["paths"]["/api/v1/reports"]["post"]["responses"]

    assert set(responses) >= {"201", "400", "401", "413", "415", "422"}
    for status in ("400", "401", "413", "415", "422"):
        assert list(responses[status]["content"]) == ["application/problem+json"]
        example = responses[status]["content"]["application/problem+json"]["example"]
        assert example["status"] == int(status)
    assert list(responses["201"]["content"]) == ["application/json"]


def test_the_report_body_forbids_unknown_fields_and_describes_each(
    schema: dict[str, Any],
) -> None:
    report_in = schema["components"]["schemas"]["ReportIn"]

    assert report_in["additionalProperties"] is False
    assert report_in["required"] == ["narrative"]
    for name, field in report_in["properties"].items():
        assert field.get("description"), name
    assert "phishing" in report_in["properties"]["offence"]["enum"]
    assert report_in["examples"][0]["offence"] == "online_shopping_fraud"


def test_the_idempotency_key_header_is_documented(schema: dict[str, Any]) -> None:
    parameters = schema["paths"]["/api/v1/reports"]["post"]["parameters"]

    assert [(p["in"], p["name"]) for p in parameters] == [("header", "Idempotency-Key")]
    assert parameters[0]["description"]


def test_the_list_filters_are_query_parameters(schema: dict[str, Any]) -> None:
    parameters = schema["paths"]["/api/v1/reports"]["get"]["parameters"]

    names = {p["name"] for p in parameters if p["in"] == "query"}
    assert names == {
        "status",
        "category",
        "offence",
        "victim_country",
        "channel",
        "received_after",
        "received_before",
        "limit",
        "cursor",
    }
