"""Who is calling the TAXII server: HTTP Basic (an active user bound to an organisation,
who acts for it) or an API token (``Authorization: Bearer crex_…`` or ``Token crex_…``,
acting for the token's organisation). Sessions and cookies play no part.

Password hashing is deliberately slow, and a TAXII client sends its password with every
page it asks for; a verified password is therefore remembered for a few minutes as a
keyed hash that also covers the stored password hash, so changing the password or
deactivating the user takes effect at once.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.cache import cache
from django.http import HttpRequest

from crex.accounts.models import Organisation, User
from crex.intake.api.auth import SCHEMES, ApiTokenAuth

REALM = 'Basic realm="crex TAXII"'
VERIFIED_FOR_SECONDS = 300


def caller(request: HttpRequest) -> Organisation | None:
    """The organisation ``request`` acts for, or None when its credentials are missing
    or do not open the server."""
    scheme, _, credentials = request.headers.get("Authorization", "").strip().partition(" ")
    scheme = scheme.lower()
    if scheme == "basic":
        return _basic(request, credentials.strip())
    if scheme in SCHEMES:
        token = ApiTokenAuth().authenticate(request, credentials.strip())
        return token.organisation if token is not None else None
    return None


def _basic(request: HttpRequest, credentials: str) -> Organisation | None:
    try:
        decoded = base64.b64decode(credentials, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    username, colon, password = decoded.partition(":")
    if not colon or not username:
        return None
    user = User.objects.select_related("organisation").filter(username=username).first()
    if user is not None and _verified_recently(user, password):
        return _organisation(user)
    found = authenticate(request, username=username, password=password)
    if not isinstance(found, User):
        return None
    cache.set(_verification_key(found, password), True, VERIFIED_FOR_SECONDS)
    return _organisation(found)


def _organisation(user: User) -> Organisation | None:
    if not user.is_active or user.organisation_id is None:
        return None
    return user.organisation


def _verification_key(user: User, password: str) -> str:
    message = f"{user.pk}\x1f{user.password}\x1f{password}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()
    return f"crex.taxii.basic.{digest}"


def _verified_recently(user: User, password: str) -> bool:
    return bool(user.is_active and cache.get(_verification_key(user, password)))
