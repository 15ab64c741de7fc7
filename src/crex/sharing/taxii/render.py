"""The answers of the TAXII server: resources as ``application/taxii+json;version=2.1``
text, error messages, and the paging headers.

Envelopes are assembled as text: the stored compact JSON of each object is placed into
the answer as it is, never parsed and written again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from django.http import HttpResponse

from crex.sharing.models import TaxiiCollection, TaxiiStatus
from crex.sharing.taxii.errors import TaxiiError
from crex.sharing.taxii.negotiation import TAXII_MEDIA_TYPE
from crex.sharing.taxii.queries import Page

STIX_MEDIA_TYPE = "application/stix+json;version=2.1"
DATE_ADDED_FIRST = "X-TAXII-Date-Added-First"
DATE_ADDED_LAST = "X-TAXII-Date-Added-Last"


def rfc3339(moment: datetime) -> str:
    """A timestamp in UTC with microseconds, e.g. ``2024-05-01T10:00:00.123456Z``: the
    form of ``date_added`` and the paging headers (so they sort as text, too)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def stix_timestamp(moment: datetime) -> str:
    """A STIX version timestamp: milliseconds, or microseconds when it has them."""
    moment = moment.astimezone(UTC)
    if moment.microsecond % 1000:
        return rfc3339(moment)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def taxii_response(
    content: str | dict[str, Any], status: int = 200, headers: dict[str, str] | None = None
) -> HttpResponse:
    """An answer with the TAXII media type; ``content`` is JSON text or a resource."""
    text = content if isinstance(content, str) else json.dumps(content, separators=(",", ":"))
    response = HttpResponse(
        text.encode(), status=status, content_type=TAXII_MEDIA_TYPE, headers=headers
    )
    response["Cache-Control"] = "no-store"
    return response


def error_response(error: TaxiiError) -> HttpResponse:
    """The TAXII error message for ``error``, with its status and headers."""
    message = {
        "title": error.title,
        "description": error.description,
        "http_status": str(error.http_status),
    }
    return taxii_response(message, status=error.http_status, headers=error.headers)


def page_headers(page: Page) -> dict[str, str]:
    """The ``X-TAXII-Date-Added-First/Last`` headers of a page (none when it is empty)."""
    if page.first_added is None or page.last_added is None:
        return {}
    return {
        DATE_ADDED_FIRST: rfc3339(page.first_added),
        DATE_ADDED_LAST: rfc3339(page.last_added),
    }


def _head(more: bool, next_token: str | None) -> str:
    head = '{"more":' + ("true" if more else "false")
    if more and next_token:
        head += ',"next":' + json.dumps(next_token)
    return head


def envelope(bodies: Iterable[str], more: bool, next_token: str | None) -> str:
    """An envelope around stored objects (``objects`` left out when there are none)."""
    objects = ",".join(bodies)
    if not objects:
        return _head(more, next_token) + "}"
    return _head(more, next_token) + ',"objects":[' + objects + "]}"


def manifest(
    records: Iterable[tuple[str, datetime, datetime, str]], more: bool, next_token: str | None
) -> dict[str, Any]:
    """A manifest resource from (stix id, date_added, version, spec_version) records."""
    objects = [
        {
            "id": stix_id,
            "date_added": rfc3339(added),
            "version": stix_timestamp(version),
            "media_type": f"application/stix+json;version={spec_version}",
        }
        for stix_id, added, version, spec_version in records
    ]
    return _resource(objects, "objects", more, next_token)


def versions(moments: Iterable[datetime], more: bool, next_token: str | None) -> dict[str, Any]:
    """A versions resource."""
    return _resource([stix_timestamp(m) for m in moments], "versions", more, next_token)


def _resource(items: list[Any], name: str, more: bool, next_token: str | None) -> dict[str, Any]:
    resource: dict[str, Any] = {"more": more}
    if more and next_token:
        resource["next"] = next_token
    if items:
        resource[name] = items
    return resource


def discovery(title: str, description: str, contact: str, api_root_url: str) -> dict[str, Any]:
    """The discovery resource of a server with one API root."""
    resource: dict[str, Any] = {"title": title, "description": description}
    if contact:
        resource["contact"] = contact
    resource["default"] = api_root_url
    resource["api_roots"] = [api_root_url]
    return resource


def api_root(title: str, description: str, max_content_length: int) -> dict[str, Any]:
    """The API root resource."""
    return {
        "title": title,
        "description": description,
        "versions": [TAXII_MEDIA_TYPE],
        "max_content_length": max_content_length,
    }


def collection(item: TaxiiCollection, can_read: bool, can_write: bool) -> dict[str, Any]:
    """A collection resource as one caller sees it."""
    resource: dict[str, Any] = {"id": str(item.pk), "title": item.title}
    if item.description:
        resource["description"] = item.description
    resource.update(
        alias=item.alias, can_read=can_read, can_write=can_write, media_types=[STIX_MEDIA_TYPE]
    )
    return resource


def status(item: TaxiiStatus) -> dict[str, Any]:
    """A status resource; the counts are those of its lists, so they add up."""
    successes, failures, pendings = item.successes, item.failures, item.pendings
    return {
        "id": str(item.pk),
        "status": item.status,
        "request_timestamp": rfc3339(item.request_timestamp),
        "total_count": len(successes) + len(failures) + len(pendings),
        "success_count": len(successes),
        "successes": successes,
        "failure_count": len(failures),
        "failures": failures,
        "pending_count": len(pendings),
        "pendings": pendings,
    }
