"""Reading API request bodies: strict JSON, exact decimals, and the JSON media type only."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from functools import wraps
from typing import Any, cast

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja.parser import Parser

from crex.intake.api.problems import problem_response

JSON_MEDIA_TYPES = frozenset({"application/json"})


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


class StrictJsonParser(Parser):
    """Parses bodies as RFC 8259 JSON: numbers with a fraction become `Decimal`, so
    ``1234.10`` arrives exactly; ``NaN`` and ``Infinity`` (a Python extension) are refused."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        """The decoded JSON body (a 400 problem is answered when it does not parse)."""
        return cast(
            dict[str, Any],
            json.loads(request.body, parse_float=Decimal, parse_constant=_reject_constant),
        )


def media_type(request: HttpRequest) -> str:
    """The request's media type without parameters, lower-case (``application/json``)."""
    return request.META.get("CONTENT_TYPE", "").split(";", 1)[0].strip().lower()


def require_json(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap an operation (via ``decorate_view``) so that any body but JSON gets 415."""

    @wraps(run)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if media_type(request) not in JSON_MEDIA_TYPES:
            return problem_response(
                415,
                detail=_("Send the body as JSON with 'Content-Type: application/json'."),
                headers={"Accept-Post": "application/json"},
            )
        return run(request, *args, **kwargs)

    return checked
