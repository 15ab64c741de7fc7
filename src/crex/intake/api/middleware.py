"""Refuse oversize API bodies with 413 problem+json before anything reads them."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from crex.intake.api.problems import problem_response


class ApiBodyLimitMiddleware:
    """Answer 413 for ``/api/`` requests whose declared body exceeds the configured limit."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                return problem_response(400, "Bad Request", "Content-Length is not a number.")
            limit = settings.CREX_API_MAX_BODY_BYTES
            if length > limit:
                return problem_response(
                    413,
                    "Content Too Large",
                    f"The request body has {length} bytes; the limit is {limit}.",
                )
        return self.get_response(request)
