"""Middleware for ``/api/``: refuse oversize bodies with 413, and make sure every error
that leaves the API (unknown route, wrong method) is problem+json, never an HTML page."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from crex.intake.api.problems import PROBLEM_CONTENT_TYPE, problem_response

API_PREFIX = "/api/"
_METHODS_WITH_BODY = frozenset({"POST", "PUT", "PATCH"})


def is_api(request: HttpRequest) -> bool:
    """Whether ``request`` is for the REST API."""
    return request.path.startswith(API_PREFIX)


def _too_large(limit: int) -> HttpResponse:
    return problem_response(
        413, detail=_("The request body is larger than %(limit)d bytes.") % {"limit": limit}
    )


class ApiBodyLimitMiddleware:
    """Answer 413 for ``/api/`` requests whose body exceeds ``CREX_API_MAX_BODY_BYTES``.

    A declared ``Content-Length`` is checked before anything is read. A body without one
    (``Transfer-Encoding: chunked`` on ASGI servers) is read at most up to Django's
    ``DATA_UPLOAD_MAX_MEMORY_SIZE`` and measured.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if is_api(request):
            refused = self.refuse(request)
            if refused is not None:
                return refused
        return self.get_response(request)

    def refuse(self, request: HttpRequest) -> HttpResponse | None:
        """The 400 or 413 answer for a request whose body is malformed or too large."""
        limit: int = settings.CREX_API_MAX_BODY_BYTES
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return problem_response(400, detail=_("Content-Length is not a number."))
        if declared < 0:
            return problem_response(400, detail=_("Content-Length is negative."))
        if declared > limit:
            return _too_large(limit)
        if request.method in _METHODS_WITH_BODY and not request.META.get("CONTENT_LENGTH"):
            try:
                received = len(request.body)
            except RequestDataTooBig:
                return _too_large(limit)
            if received > limit:
                return _too_large(limit)
        return None


class ApiProblemMiddleware:
    """Rewrite ``/api/`` error responses made outside the API's handlers (Django's 404
    for an unknown route, ninja's 405 text) as problem+json, and keep API answers out
    of shared caches."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not is_api(request):
            return response
        if response.status_code >= 400 and not response.get("Content-Type", "").startswith(
            PROBLEM_CONTENT_TYPE
        ):
            response = self.as_problem(request, response)
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-store"
        return response

    @staticmethod
    def as_problem(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        """A problem+json answer with the status (and ``Allow`` header) of ``response``."""
        status = response.status_code
        headers = {"Allow": response["Allow"]} if response.has_header("Allow") else {}
        details = {
            404: _("There is no such API endpoint."),
            405: _("This endpoint does not accept the %(method)s method.")
            % {"method": request.method},
        }
        detail = details.get(status, "")
        return problem_response(status, detail=detail, headers=headers)
