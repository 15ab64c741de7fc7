"""Corrections to the generated OpenAPI document: error bodies are problem+json, and each
error status shows an example of its own."""

from __future__ import annotations

from typing import Any

from crex.intake.api.problems import PROBLEM_CONTENT_TYPE, field_error, problem

EXAMPLE_PROBLEMS: dict[int, dict[str, Any]] = {
    400: problem(400, detail="The body is not valid JSON: Expecting ',' delimiter at line 3."),
    401: problem(401, detail="The API token is unknown or revoked."),
    404: problem(404, detail="No such resource, or not visible to you."),
    405: problem(405, detail="This endpoint does not accept the DELETE method."),
    413: problem(413, detail="The request body is larger than 262144 bytes."),
    415: problem(415, detail="Send the body as JSON with 'Content-Type: application/json'."),
    422: problem(
        422,
        detail="Some fields are missing or invalid.",
        errors=[
            field_error("loss.currency", "Use an ISO 4217 currency code."),
            field_error("observables[0].value", "This is not a valid IBAN."),
        ],
    ),
}


def describe_problems(schema: dict[str, Any]) -> None:
    """Give every 4xx/5xx response the problem+json media type and a fitting example."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for status, answer in operation.get("responses", {}).items():
                content = answer.get("content", {})
                if int(status) < 400 or "application/json" not in content:
                    continue
                media = content.pop("application/json")
                example = EXAMPLE_PROBLEMS.get(int(status))
                if example is not None:
                    media["example"] = example
                content[PROBLEM_CONTENT_TYPE] = media
