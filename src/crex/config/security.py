"""Security headers that Django 5.2 does not set itself: Content-Security-Policy and
Permissions-Policy.

Pages load scripts, styles and images only from this site: no inline script, no CDN.
A report narrative that somehow carried markup could therefore never run code.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class SecurityHeadersMiddleware:
    """Add the configured CSP and Permissions-Policy to every response that lacks them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if settings.CREX_CONTENT_SECURITY_POLICY:
            response.headers.setdefault(
                "Content-Security-Policy", settings.CREX_CONTENT_SECURITY_POLICY
            )
        response.headers.setdefault("Permissions-Policy", settings.CREX_PERMISSIONS_POLICY)
        return response
