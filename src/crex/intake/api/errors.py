"""Turn every API failure into RFC 9457 problem+json that names the field at fault."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from crex.intake.api.idempotency import (
    HEADER,
    IdempotencyKeyReused,
    InvalidIdempotencyKey,
)
from crex.intake.api.problems import Location, field_error, problem_response
from crex.intake.services import SubmissionInvalid

logger = logging.getLogger(__name__)

# The filing service names a few fields differently from the API body.
_SERVICE_FIELD_NAMES = {"incident_at": "incident_time"}

# Where a value came from in ninja's error locations, and the names of our parameter
# objects (``payload: ReportIn``, ``filters: Query[ReportFilters]``), which callers never see.
_SOURCES: dict[str, Location] = {
    "body": "body",
    "query": "query",
    "path": "path",
    "header": "header",
    "form": "body",
}
_PARAMETER_OBJECTS = {"payload", "filters"}


def located_field(loc: Sequence[Any]) -> tuple[str, Location]:
    """The field name (``loss.amount``, ``observables[0].type``) and where it was sent."""
    parts = [str(p) for p in loc]
    location: Location = "body"
    if parts and parts[0] in _SOURCES:
        location = _SOURCES[parts.pop(0)]
    if parts and parts[0] in _PARAMETER_OBJECTS:
        parts.pop(0)
    name = ""
    for part in parts:
        name += f"[{part}]" if part.isdigit() else (f".{part}" if name else part)
    return name or "body", location


def _message(error: dict[str, Any]) -> str:
    message = str(error.get("msg", "Invalid value."))
    if error.get("type") == "missing":
        return _("This field is required.")
    if error.get("type") == "extra_forbidden":
        return _("Unknown field: this API does not accept it.")
    return message.removeprefix("Value error, ")


def _not_json(exc: BaseException | None) -> str | None:
    if isinstance(exc, json.JSONDecodeError):
        return _("The body is not valid JSON: %(problem)s at line %(line)d, column %(column)d.") % {
            "problem": exc.msg,
            "line": exc.lineno,
            "column": exc.colno,
        }
    if isinstance(exc, UnicodeDecodeError):
        return _("The body is not valid JSON: it is not UTF-8 text.")
    if isinstance(exc, ValueError):
        return _("The body is not valid JSON: %(problem)s.") % {"problem": exc}
    return None


def unauthenticated_response(request: HttpRequest) -> HttpResponse:
    """401 with a ``WWW-Authenticate`` challenge (RFC 6750: ``invalid_token`` if one was sent)."""
    if request.headers.get("Authorization"):
        detail = _("The API token is unknown or revoked.")
        challenge = 'Bearer realm="crex", error="invalid_token"'
    else:
        detail = _("Send an API token: 'Authorization: Bearer crex_…'.")
        challenge = 'Bearer realm="crex"'
    return problem_response(401, detail=detail, headers={"WWW-Authenticate": challenge})


def install_problem_handlers(api: NinjaAPI) -> None:
    """Register handlers so that no error leaves the API as HTML or bare JSON."""

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = []
        for error in exc.errors:
            field, location = located_field(list(error.get("loc", [])))
            errors.append(field_error(field, _message(error), location=location))
        return problem_response(422, detail=_("Some fields are missing or invalid."), errors=errors)

    @api.exception_handler(SubmissionInvalid)
    def rejected(request: HttpRequest, exc: SubmissionInvalid) -> HttpResponse:
        errors = [
            field_error(_SERVICE_FIELD_NAMES.get(e.field, e.field), e.message) for e in exc.errors
        ]
        return problem_response(422, detail=_("Some fields are invalid."), errors=errors)

    @api.exception_handler(InvalidIdempotencyKey)
    def bad_key(request: HttpRequest, exc: InvalidIdempotencyKey) -> HttpResponse:
        errors = [field_error(HEADER, str(exc), location="header")]
        return problem_response(
            400, detail=_("The Idempotency-Key header is invalid."), errors=errors
        )

    @api.exception_handler(IdempotencyKeyReused)
    def reused_key(request: HttpRequest, exc: IdempotencyKeyReused) -> HttpResponse:
        message = _("This key was used before with a different body; use a new key.")
        errors = [field_error(HEADER, message, location="header")]
        return problem_response(
            422, detail=_("The Idempotency-Key was already used."), errors=errors
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return unauthenticated_response(request)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if exc.status_code == 400:
            detail = _not_json(exc.__cause__)
            if detail is not None:
                return problem_response(400, detail=detail)
        return problem_response(exc.status_code, detail=str(exc))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return problem_response(404, detail=_("No such resource, or not visible to you."))

    @api.exception_handler(RequestDataTooBig)
    def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return problem_response(413, detail=_("The request body is too large."))

    @api.exception_handler(Exception)
    def crashed(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API request %s %s failed", request.method, request.path)
        return problem_response(500, detail=_("Something went wrong on our side."))
