"""HTTP-level checks of a TAXII request: the ``Accept`` header (406), the ``Content-Type``
of a POST (415) and the size of its body (413, checked on ``Content-Length`` before
anything is read and again on the bytes read)."""

from __future__ import annotations

from django.http import HttpRequest

from crex.sharing.taxii.errors import TaxiiError, bad_request

TAXII_MEDIA_TYPE = "application/taxii+json;version=2.1"
TAXII_TYPE = "application/taxii+json"
TAXII_VERSION = "2.1"


def _parameters(parts: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for part in parts:
        name, _, value = part.partition("=")
        found[name.strip().lower()] = value.strip().strip('"')
    return found


def _quality(parameters: dict[str, str]) -> float:
    try:
        return float(parameters.pop("q", "1"))
    except ValueError:
        return 0.0


def accepts_taxii(accept: str) -> bool:
    """Whether an ``Accept`` header allows a TAXII 2.1 answer: absent, ``*/*``,
    ``application/*``, or ``application/taxii+json`` without a version or with 2.1."""
    if not accept.strip():
        return True
    for item in accept.split(","):
        media, *rest = item.split(";")
        media = media.strip().lower()
        parameters = _parameters(rest)
        if _quality(parameters) <= 0:
            continue
        if media in {"*/*", "application/*"}:
            return True
        if media == TAXII_TYPE and parameters.get("version", TAXII_VERSION) == TAXII_VERSION:
            return True
    return False


def check_accept(request: HttpRequest) -> None:
    """Raise 406 unless the client accepts a TAXII 2.1 answer."""
    accept = request.headers.get("Accept", "")
    if not accepts_taxii(accept):
        raise TaxiiError(
            406, "Not acceptable", f"This server answers only in {TAXII_MEDIA_TYPE}, not {accept}."
        )


def check_content_type(request: HttpRequest) -> None:
    """Raise 415 unless a POST body is declared as ``application/taxii+json;version=2.1``."""
    declared = request.headers.get("Content-Type", "")
    media, *rest = declared.split(";")
    version = _parameters(rest).get("version", TAXII_VERSION)
    if media.strip().lower() != TAXII_TYPE or version != TAXII_VERSION:
        raise TaxiiError(
            415,
            "Unsupported media type",
            f"Send the objects as {TAXII_MEDIA_TYPE}, not {declared or 'no Content-Type'}.",
        )


def _too_large(limit: int) -> TaxiiError:
    return TaxiiError(
        413, "Request too large", f"The body is larger than max_content_length ({limit} bytes)."
    )


def read_body(request: HttpRequest, limit: int) -> bytes:
    """The request body, at most ``limit`` bytes: a larger declared or actual body raises
    413 without reading on (Django's own in-memory limit does not apply here)."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise bad_request("Content-Length is not a number.") from None
    if declared < 0:
        raise bad_request("Content-Length is negative.")
    if declared > limit:
        raise _too_large(limit)
    data = request.read(limit + 1)
    if len(data) > limit:
        raise _too_large(limit)
    return data
