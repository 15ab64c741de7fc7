"""RFC 9457 problem details (``application/problem+json``) for every API error."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from django.http import HttpResponse

PROBLEM_CONTENT_TYPE = "application/problem+json"


def problem(
    status: int,
    title: str,
    detail: str = "",
    *,
    errors: Sequence[dict[str, str]] = (),
    type_: str = "about:blank",
) -> dict[str, Any]:
    """A problem document; ``errors`` lists ``{"field", "pointer", "detail"}`` per bad field."""
    body: dict[str, Any] = {"type": type_, "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = list(errors)
    return body


def field_error(field: str, detail: str) -> dict[str, str]:
    """One entry of ``errors``: the field in dotted form and as a JSON Pointer."""
    pointer = "#/" + "/".join(field.replace("[", ".").replace("]", "").split("."))
    return {"field": field, "pointer": pointer, "detail": detail}


def problem_response(
    status: int, title: str, detail: str = "", *, errors: Sequence[dict[str, str]] = ()
) -> HttpResponse:
    """An HTTP response carrying a problem document."""
    body = problem(status, title, detail, errors=errors)
    return HttpResponse(json.dumps(body), status=status, content_type=PROBLEM_CONTENT_TYPE)
