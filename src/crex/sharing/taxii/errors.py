"""The one exception of the TAXII server: `TaxiiError`, raised by the request checks,
the parameter parser and the inbox, and answered as a TAXII 2.1 error message."""

from __future__ import annotations


class TaxiiError(Exception):
    """A request the server refuses: the HTTP status, a short title and what is wrong."""

    def __init__(
        self,
        http_status: int,
        title: str,
        description: str = "",
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{http_status} {title}: {description}")
        self.http_status = http_status
        self.title = title
        self.description = description
        self.headers = headers or {}


def bad_request(description: str) -> TaxiiError:
    """A 400 error naming what is wrong with the request."""
    return TaxiiError(400, "Bad request", description)


def not_found(description: str) -> TaxiiError:
    """A 404 error: the resource does not exist or the caller may not know of it."""
    return TaxiiError(404, "Not found", description)
