"""API endpoint exporting observables (``GET /api/v1/observables/export``) as CSV or
JSON lines, streamed, with the caller's organisation as the viewer."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from ninja import Query, Router, Schema
from pydantic import Field, field_validator

from crex.accounts.models import ApiToken
from crex.core.observables import OBSERVABLE_TYPES
from crex.core.tlp import TLP
from crex.intake.api.auth import caller
from crex.intake.api.schemas import Problem
from crex.reports.models import ReportObservable
from crex.sharing.exports import (
    ExportFilters,
    ExportFormat,
    export_response,
    parse_max_tlp,
    parse_offence,
    parse_role,
    parse_since,
    parse_types,
    record_export,
)

router = Router(tags=["observables"])

_FILE = {"schema": {"type": "string"}}
_RESPONSES: dict[str, Any] = {
    "200": {
        "description": "The export, streamed: CSV with a header row, or one JSON object "
        "per line, with the columns `type`, `value`, `display`, `role`, `tlp` (the "
        "effective marking), `report` (its reference), `offence`, `category`, "
        "`received_at`, `first_seen` (UTC, ISO 8601), `country`, `asn`, `as_name`.",
        "content": {ExportFormat.CSV.content_type: _FILE, ExportFormat.JSONL.content_type: _FILE},
    }
}


class ExportQuery(Schema):
    """Query parameters of an export; all optional, combined with AND."""

    type: list[str] = Field(
        default_factory=list,
        description="Observable type; repeat the parameter for several.",
        json_schema_extra={"items": {"enum": list(OBSERVABLE_TYPES)}},
    )
    offence: str | None = Field(None, description="The report's offence code.")
    since: datetime | None = Field(
        None,
        description=(
            "Reports received at or after: a date (YYYY-MM-DD, from midnight) or an ISO 8601 "
            "date and time (without an offset: UTC)."
        ),
    )
    tlp: TLP | None = Field(
        None,
        description="The strictest marking to include: `amber` includes clear, green, amber.",
    )
    role: str | None = Field(
        None,
        description="The observable's role in the report.",
        json_schema_extra={"enum": [*ReportObservable.Role.values, None]},
    )
    format: Literal["csv", "jsonl"] = Field("csv", description="CSV or JSON lines.")

    @field_validator("type")
    @classmethod
    def _types(cls, values: list[str]) -> list[str]:
        return list(parse_types(values))

    @field_validator("offence")
    @classmethod
    def _offence(cls, value: str | None) -> str | None:
        return parse_offence(value) if value else None

    @field_validator("since", mode="before")
    @classmethod
    def _since(cls, value: Any) -> Any:
        return parse_since(value) if isinstance(value, str) and value.strip() else None

    @field_validator("tlp", mode="before")
    @classmethod
    def _tlp(cls, value: Any) -> Any:
        return parse_max_tlp(value) if isinstance(value, str) and value.strip() else None

    @field_validator("role")
    @classmethod
    def _role(cls, value: str | None) -> str | None:
        return parse_role(value) if value else None

    @property
    def filters(self) -> ExportFilters:
        """The export filters these parameters give."""
        return ExportFilters(
            types=tuple(self.type),
            offence=self.offence or "",
            since=self.since,
            tlp=self.tlp,
            role=self.role or "",
        )


@router.get(
    "/export",
    response={401: Problem, 422: Problem},
    url_name="export_observables",
    summary="Export observables",
    openapi_extra={"responses": _RESPONSES},
)
def export_observables(request: HttpRequest, filters: Query[ExportQuery]) -> HttpResponseBase:
    """The observables your organisation may see, with the report each is in, as one
    streamed file; the filters narrow it. Observables of TLP:RED, confidential or
    unshared reports of other organisations are never in it, nor the victim's own
    identifiers unless marked shareable. Every export is written to the audit log."""
    organisation = caller(request)
    token = request.auth  # type: ignore[attr-defined]
    assert isinstance(token, ApiToken)
    file_format = ExportFormat(filters.format)
    export = filters.filters
    record_export(
        organisation,
        export,
        file_format,
        via="api",
        actor_label=f"API token {token.name} ({token.hint}…)",
    )
    return export_response(organisation, export, file_format)
