"""The TAXII 2.1 endpoints, kept thin: `taxii_endpoint` does what every endpoint needs
(no CSRF, no session, credentials → 401, the method → 405, ``Accept`` → 406, errors as
TAXII error messages); each view finds the collection, parses the filters
(`crex.sharing.taxii.params`), reads a page (`crex.sharing.taxii.queries`) and renders
it (`crex.sharing.taxii.render`)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from crex.accounts.models import Organisation
from crex.sharing.models import TaxiiCollection
from crex.sharing.taxii import inbox, queries, render
from crex.sharing.taxii.auth import REALM, caller
from crex.sharing.taxii.errors import TaxiiError, not_found
from crex.sharing.taxii.negotiation import check_accept, check_content_type, read_body
from crex.sharing.taxii.params import (
    OBJECT_FILTERS,
    OBJECTS_FILTERS,
    VERSIONS_FILTERS,
    Filters,
    parse_filters,
)

log = logging.getLogger(__name__)

View = Callable[..., HttpResponse]


def taxii_endpoint(*methods: str) -> Callable[[View], View]:
    """Make ``view(request, organisation, **kwargs)`` a TAXII endpoint for ``methods``."""

    def decorate(view: View) -> View:
        @csrf_exempt
        @wraps(view)
        def endpoint(request: HttpRequest, **kwargs: Any) -> HttpResponse:
            try:
                organisation = caller(request)
                if organisation is None:
                    raise TaxiiError(
                        401,
                        "Unauthorised",
                        "Send HTTP Basic credentials or an API token.",
                        {"WWW-Authenticate": REALM},
                    )
                if request.method not in methods:
                    raise TaxiiError(
                        405,
                        "Method not allowed",
                        f"{request.method} is not supported here.",
                        {"Allow": ", ".join(methods)},
                    )
                check_accept(request)
                return view(request, organisation, **kwargs)
            except TaxiiError as error:
                return render.error_response(error)
            except Exception:
                log.exception("TAXII request %s %s failed", request.method, request.path)
                return render.error_response(
                    TaxiiError(500, "Server error", "The request could not be completed.")
                )

        return endpoint

    return decorate


def _next(filters: Filters, page: queries.Page) -> str | None:
    """The ``next`` token after ``page`` when there is more."""
    return filters.next_token(page.end) if page.more and page.end else None


def _api_root_url(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("taxii:api_root"))


@taxii_endpoint("GET")
def discovery(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Server discovery: the one API root."""
    return render.taxii_response(
        render.discovery(
            settings.CREX_TAXII_TITLE,
            settings.CREX_TAXII_DESCRIPTION,
            settings.CREX_TAXII_CONTACT,
            _api_root_url(request),
        )
    )


@taxii_endpoint("GET")
def api_root(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The API root's information."""
    return render.taxii_response(
        render.api_root(
            settings.CREX_TAXII_TITLE,
            settings.CREX_TAXII_DESCRIPTION,
            settings.CREX_TAXII_MAX_CONTENT_LENGTH,
        )
    )


def _collection_resource(organisation: Organisation, item: TaxiiCollection) -> dict[str, Any]:
    return render.collection(item, queries.can_read(organisation, item), queries.can_write(item))


@taxii_endpoint("GET")
def collections(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The collections the caller may use."""
    found = [
        _collection_resource(organisation, item)
        for item in queries.usable_collections(organisation)
    ]
    return render.taxii_response({"collections": found} if found else {})


def _usable(organisation: Organisation, collection_id: str) -> TaxiiCollection:
    found = queries.usable_collection(organisation, collection_id)
    if found is None:
        raise not_found(f"There is no collection {collection_id} for you.")
    return found


def _readable(organisation: Organisation, collection_id: str) -> TaxiiCollection:
    found = _usable(organisation, collection_id)
    if not queries.can_read(organisation, found):
        raise TaxiiError(403, "Forbidden", "This collection does not allow you to read it.")
    return found


@taxii_endpoint("GET")
def collection(
    request: HttpRequest, organisation: Organisation, collection_id: str
) -> HttpResponse:
    """One collection's information."""
    return render.taxii_response(
        _collection_resource(organisation, _usable(organisation, collection_id))
    )


@taxii_endpoint("GET", "POST")
def objects(request: HttpRequest, organisation: Organisation, collection_id: str) -> HttpResponse:
    """Get objects (an envelope, one page) or add objects (POST, to an inbox)."""
    if request.method == "POST":
        return _add_objects(request, organisation, collection_id)
    found = _readable(organisation, collection_id)
    filters = parse_filters(request.GET, f"objects {found.pk}", OBJECTS_FILTERS)
    page = queries.page(organisation, found, filters, "body")
    next_token = _next(filters, page)
    return render.taxii_response(
        render.envelope((row[2] for row in page.rows), page.more, next_token),
        headers=render.page_headers(page),
    )


def _add_objects(
    request: HttpRequest, organisation: Organisation, collection_id: str
) -> HttpResponse:
    received_at = timezone.now()
    found = _usable(organisation, collection_id)
    if not queries.can_write(found):
        raise TaxiiError(403, "Forbidden", "This collection does not take objects.")
    check_content_type(request)
    body = read_body(request, settings.CREX_TAXII_MAX_CONTENT_LENGTH)
    status = inbox.add_objects(found, organisation, inbox.objects_of(body), received_at)
    inbox.hand_over(status)
    return render.taxii_response(render.status(status), status=202)


@taxii_endpoint("GET")
def manifest(request: HttpRequest, organisation: Organisation, collection_id: str) -> HttpResponse:
    """The manifest of a collection's objects (one page)."""
    found = _readable(organisation, collection_id)
    filters = parse_filters(request.GET, f"manifest {found.pk}", OBJECTS_FILTERS)
    page = queries.page(organisation, found, filters, "stix_id", "version", "spec_version")
    next_token = _next(filters, page)
    records = ((row[2], row[1], row[3], row[4]) for row in page.rows)
    return render.taxii_response(
        render.manifest(records, page.more, next_token), headers=render.page_headers(page)
    )


def _of_one_object(
    request: HttpRequest,
    organisation: Organisation,
    collection_id: str,
    object_id: str,
    supported: frozenset[str],
    column: str,
) -> tuple[queries.Page, str | None]:
    """A page of one object's rows and the next token; 404 if none is served at all."""
    found = _readable(organisation, collection_id)
    filters = parse_filters(request.GET, f"{column} {found.pk} {object_id}", supported)
    page = queries.page(organisation, found, filters, column, stix_id=object_id)
    unknown = not page.rows and filters.after is None
    if unknown and not queries.holds(organisation, found, object_id):
        raise not_found(f"There is no object {object_id} in this collection for you.")
    return page, _next(filters, page)


@taxii_endpoint("GET")
def stix_object(
    request: HttpRequest, organisation: Organisation, collection_id: str, object_id: str
) -> HttpResponse:
    """One object (its versions as asked for, one page)."""
    page, next_token = _of_one_object(
        request, organisation, collection_id, object_id, OBJECT_FILTERS, "body"
    )
    return render.taxii_response(
        render.envelope((row[2] for row in page.rows), page.more, next_token),
        headers=render.page_headers(page),
    )


@taxii_endpoint("GET")
def object_versions(
    request: HttpRequest, organisation: Organisation, collection_id: str, object_id: str
) -> HttpResponse:
    """The versions of one object (one page)."""
    page, next_token = _of_one_object(
        request, organisation, collection_id, object_id, VERSIONS_FILTERS, "version"
    )
    return render.taxii_response(
        render.versions((row[2] for row in page.rows), page.more, next_token),
        headers=render.page_headers(page),
    )


@taxii_endpoint("GET")
def status(request: HttpRequest, organisation: Organisation, status_id: str) -> HttpResponse:
    """The status of a POST the caller's organisation made."""
    found = queries.status_of(organisation, status_id)
    if found is None:
        raise not_found(f"There is no status {status_id} for you.")
    return render.taxii_response(render.status(found))


@taxii_endpoint("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
def unknown(request: HttpRequest, organisation: Organisation, path: str = "") -> HttpResponse:
    """Anything else under /taxii2/."""
    raise not_found("There is no such TAXII endpoint.")
