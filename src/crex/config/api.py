"""The REST API object: version 1 with the routers of each capability."""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema

from crex.intake.api.auth import ApiTokenAuth
from crex.intake.api.bodies import StrictJsonParser
from crex.intake.api.errors import install_problem_handlers
from crex.intake.api.openapi import describe_problems
from crex.intake.api.reports import router as reports_router
from crex.sharing.api import router as observables_router

DESCRIPTION = """\
Report cybercrime and read the reports your organisation may see.

**Authentication.** Every call needs an API token of your organisation:
`Authorization: Bearer crex_…` (`Token crex_…` works too). The operator issues tokens
with `crex token create --organisation NAME --name NAME`.

**Errors** are RFC 9457 `application/problem+json` documents with `type`, `title`,
`status`, `detail` and, for bad input, `errors`: one entry per field at fault with
`field`, `detail` and `pointer` (body), `parameter` (query) or `header`.

**Retries.** Send an `Idempotency-Key` header with each new report; a retry with the same
key and body returns the report filed the first time instead of a duplicate.
"""


class CrexAPI(NinjaAPI):
    """NinjaAPI whose OpenAPI document describes error bodies as problem+json."""

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        """The OpenAPI document, with problem+json error bodies and their examples."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        describe_problems(schema)
        return schema


def _api() -> CrexAPI:
    api = CrexAPI(
        title="crex API",
        version="1",
        description=DESCRIPTION,
        urls_namespace="api",
        auth=ApiTokenAuth(),
        parser=StrictJsonParser(),
    )
    install_problem_handlers(api)
    api.add_router("/v1/reports", reports_router)
    api.add_router("/v1/observables", observables_router)
    return api


api = _api()
