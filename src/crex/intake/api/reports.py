"""API endpoints for reports: file one, read one, list those the caller may see."""

from __future__ import annotations

from typing import Annotated

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Header, Query, Router
from ninja.decorators import decorate_view
from ninja.responses import Status

from crex.intake.api.auth import caller
from crex.intake.api.bodies import require_json
from crex.intake.api.idempotency import HEADER, file_once, parse_key
from crex.intake.api.pagination import paginate
from crex.intake.api.queries import find_report, matching_reports
from crex.intake.api.render import created, detail, report_url
from crex.intake.api.schemas import (
    Problem,
    ReportCreated,
    ReportFilters,
    ReportIn,
    ReportOut,
    ReportPage,
)
from crex.intake.api.submission import file_report
from crex.reports.models import Report

router = Router(tags=["reports"])

_PROBLEMS = {400: Problem, 401: Problem, 404: Problem, 413: Problem, 415: Problem, 422: Problem}

IdempotencyKeyHeader = Annotated[
    str | None,
    Header(
        alias=HEADER,
        description=(
            "Any unique string up to 255 characters (a UUID is a good choice). Retrying "
            "with the same key and the same body returns the report filed the first time "
            "(with `Idempotent-Replayed: true`); the same key with another body is refused."
        ),
    ),
]


@router.post(
    "",
    response={201: ReportCreated, **_PROBLEMS},
    url_name="create_report",
    summary="File a report",
)
@decorate_view(require_json)
def create_report(
    request: HttpRequest,
    response: HttpResponse,
    payload: ReportIn,
    idempotency_key: IdempotencyKeyHeader = None,
) -> Status[ReportCreated]:
    """File a report of cybercrime with the contact point.

    A contact point's token files to that contact point; any other organisation's token
    files to the contact point running this instance. The body is kept exactly as sent.
    Answers 201 with a `Location` header, also when an `Idempotency-Key` replays an
    earlier request.
    """
    organisation = caller(request)
    body = request.body

    def file() -> Report:
        return file_report(
            payload,
            caller=organisation,
            body=body,
            content_type=request.META.get("CONTENT_TYPE", ""),
        )

    if idempotency_key is None:
        report = file()
    else:
        filed = file_once(organisation, parse_key(idempotency_key), body, file)
        report = filed.report
        if filed.replayed:
            response["Idempotent-Replayed"] = "true"
    response["Location"] = report_url(request, report)
    return Status(201, created(request, report))


@router.get(
    "/{reference}",
    response={200: ReportOut, 401: Problem, 404: Problem},
    url_name="get_report",
    summary="Read a report",
)
def get_report(request: HttpRequest, reference: str) -> ReportOut:
    """The report with this reference, if your organisation may see it; 404 otherwise
    (the answer does not tell whether such a report exists)."""
    viewer = caller(request)
    report = find_report(viewer, reference)
    if report is None:
        raise Http404(reference)
    return detail(request, report, viewer)


@router.get(
    "",
    response={200: ReportPage, 401: Problem, 422: Problem},
    url_name="list_reports",
    summary="List reports",
)
def list_reports(request: HttpRequest, filters: Query[ReportFilters]) -> ReportPage:
    """Reports your organisation may see, newest first, one page at a time.

    Follow `next` (it keeps your filters) until it is null.
    """
    viewer = caller(request)
    reports = matching_reports(viewer, filters)
    page = paginate(reports, filters.limit, filters.cursor)
    next_url = None
    if page.next_cursor is not None:
        query = request.GET.copy()
        query["cursor"] = page.next_cursor
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return ReportPage(
        count=reports.count(),
        next=next_url,
        items=[detail(request, report, viewer) for report in page.items],
    )
