"""RFC 9457 problem details (``application/problem+json``) for every API error.

A problem names each field at fault in ``errors``: ``field`` always, and where it sits,
``pointer`` (a JSON Pointer into the body), ``parameter`` (a query or path parameter) or
``header`` (a request header).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from django.http import HttpResponse

PROBLEM_CONTENT_TYPE = "application/problem+json"

Location = Literal["body", "query", "path", "header"]

TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    409: "Conflict",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Content",
    429: "Too Many Requests",
    500: "Internal Server Error",
}


def problem(
    status: int,
    title: str = "",
    detail: str = "",
    *,
    errors: Sequence[dict[str, str]] = (),
    type_: str = "about:blank",
) -> dict[str, Any]:
    """A problem document; ``errors`` lists one entry per bad field (see `field_error`)."""
    body: dict[str, Any] = {
        "type": type_,
        "title": title or TITLES.get(status, "Error"),
        "status": status,
    }
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = list(errors)
    return body


def json_pointer(field: str) -> str:
    """The JSON Pointer (as URI fragment) of a field written ``loss.amount`` or ``a[0].b``."""
    if field in {"", "body"}:
        return "#"
    parts = field.replace("[", ".").replace("]", "").split(".")
    escaped = (part.replace("~", "~0").replace("/", "~1") for part in parts if part)
    return "#/" + "/".join(escaped)


def field_error(field: str, detail: str, *, location: Location = "body") -> dict[str, str]:
    """One entry of ``errors``: the field's name, where it is, and what is wrong with it."""
    entry = {"field": field}
    if location == "body":
        entry["pointer"] = json_pointer(field)
    elif location == "header":
        entry["header"] = field
    else:
        entry["parameter"] = field
    entry["detail"] = detail
    return entry


def problem_response(
    status: int,
    title: str = "",
    detail: str = "",
    *,
    errors: Sequence[dict[str, str]] = (),
    headers: Mapping[str, str] | None = None,
) -> HttpResponse:
    """An HTTP response carrying a problem document."""
    body = problem(status, title, detail, errors=errors)
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False),
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response
