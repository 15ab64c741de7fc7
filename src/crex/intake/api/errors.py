"""Turn every API failure into RFC 9457 problem+json that names the field at fault."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from crex.intake.api.problems import field_error, problem_response
from crex.intake.services import SubmissionInvalid


def _field_name(loc: list[Any]) -> str:
    # ninja locations start with where the value came from: ("body", "payload", "loss", ...)
    parts = [str(p) for p in loc]
    if parts and parts[0] in {"body", "query", "path", "header", "form"}:
        parts = parts[1:]
    if parts and parts[0] in {"payload", "filters", "data"}:
        parts = parts[1:]
    name = ""
    for part in parts:
        name += f"[{part}]" if part.isdigit() else (f".{part}" if name else part)
    return name or "body"


def install_problem_handlers(api: NinjaAPI) -> None:
    """Register handlers so that no error leaves the API as HTML or bare JSON."""

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = []
        for error in exc.errors:
            message = str(error.get("msg", "Invalid value."))
            if error.get("type") == "json_invalid":
                return problem_response(400, "Bad Request", "The body is not valid JSON.")
            errors.append(field_error(_field_name(list(error.get("loc", []))), message))
        return problem_response(
            422, "Unprocessable Content", "Some fields are missing or invalid.", errors=errors
        )

    @api.exception_handler(SubmissionInvalid)
    def rejected(request: HttpRequest, exc: SubmissionInvalid) -> HttpResponse:
        errors = [field_error(e.field, e.message) for e in exc.errors]
        return problem_response(
            422, "Unprocessable Content", "Some fields are invalid.", errors=errors
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = problem_response(
            401, "Unauthorized", "Send a valid API token: 'Authorization: Bearer crex_…'."
        )
        response["WWW-Authenticate"] = 'Bearer realm="crex"'
        return response

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return problem_response(exc.status_code, _TITLES.get(exc.status_code, "Error"), str(exc))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return problem_response(404, "Not Found", "No such resource, or not visible to you.")

    @api.exception_handler(RequestDataTooBig)
    def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return problem_response(413, "Content Too Large", "The request body is too large.")


_TITLES = {
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
}
