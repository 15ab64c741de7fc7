"""API token authentication: ``Authorization: Bearer crex_…`` (or ``Token crex_…``).

The token's organisation is the caller; ``request.auth`` holds the `ApiToken`.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from crex.accounts.models import ApiToken, Organisation

SCHEMES = frozenset({"bearer", "token"})


class ApiTokenAuth(HttpBearer):
    """Accepts an active API token in the ``Bearer`` or ``Token`` scheme."""

    def __call__(self, request: HttpRequest) -> ApiToken | None:
        """The token sent with ``request``, if it is active."""
        scheme, _, token = request.headers.get(self.header, "").strip().partition(" ")
        if scheme.lower() not in SCHEMES:
            return None
        return self.authenticate(request, token.strip())

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        """Look up an active token by its hash; None for unknown or revoked ones."""
        if not token.startswith(ApiToken.PREFIX) or len(token) > 200:
            return None
        return ApiToken.authenticate(token)


def caller(request: HttpRequest) -> Organisation:
    """The organisation the authenticated request acts for."""
    token = request.auth  # type: ignore[attr-defined]
    assert isinstance(token, ApiToken)
    return token.organisation
