"""Exports of observables as an operator or partner sees them: CSV or JSON lines, streamed.

Every row comes from `visible_observable_links`, so an export holds exactly what its
viewer may see: outsiders never get observables of TLP:RED, confidential or unshared
reports, nor the victim's own identifiers unless marked shareable. The filters only
narrow that further. Rows are read with a database cursor in chunks and written one by
one, so memory stays flat however many rows there are.

A row's TLP is its effective marking: the stricter of the report's and the observable's
own (blank: as the report). Times are UTC, ISO 8601, to the second.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Any, NamedTuple

from django.db.models import Q, QuerySet
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from crex.accounts.models import Organisation, User
from crex.audit import services as audit
from crex.core.handling import TLP_ORDER, stricter_tlp
from crex.core.observables import OBSERVABLE_TYPES
from crex.core.taxonomy import is_offence
from crex.core.tlp import TLP, parse_tlp
from crex.reports.models import ReportObservable
from crex.reports.visibility import visible_observable_links

EXPORTED = "observables.exported"

#: Rows fetched from the database at a time (one server-side cursor fetch).
CHUNK_SIZE = 2000

#: Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class ExportRow(NamedTuple):
    """One observable in one report, as exported (a named tuple: cheap at a million)."""

    type: str
    value: str
    display: str
    role: str
    tlp: str
    report: str
    offence: str
    category: str
    received_at: str
    first_seen: str
    country: str
    asn: int | None
    as_name: str


COLUMNS: tuple[str, ...] = ExportRow._fields

# What each column is read from, in `ExportRow` order; the effective TLP needs both markings.
_PATHS = (
    "observable__type",
    "observable__value",
    "observable__display",
    "role",
    "tlp",
    "report__tlp",
    "report__reference",
    "report__offence",
    "report__category",
    "report__received_at",
    "observable__first_seen",
    "observable__country",
    "observable__asn",
    "observable__as_name",
)


class ExportFormat(StrEnum):
    """The file formats of an export."""

    CSV = "csv"
    JSONL = "jsonl"

    @property
    def content_type(self) -> str:
        """The media type of a file in this format."""
        return _CONTENT_TYPES[self]

    def write(self, rows: Iterable[ExportRow]) -> Iterator[str]:
        """``rows`` written in this format, a line at a time."""
        return _WRITERS[self](rows)


@dataclass(frozen=True, slots=True)
class ExportFilters:
    """What to export, within what the viewer may see; every filter is optional.

    ``types``: observable types (any of them); ``offence``: the report's offence code;
    ``since``: reports received at or after; ``tlp``: the strictest marking to include
    (``amber`` includes clear, green and amber); ``role``: the observable's role.
    """

    types: tuple[str, ...] = ()
    offence: str = ""
    since: datetime | None = None
    tlp: TLP | None = None
    role: str = ""

    def describe(self) -> dict[str, Any]:
        """The filters given, as JSON-friendly values (for the audit log)."""
        given: dict[str, Any] = {
            "types": list(self.types),
            "offence": self.offence,
            "since": self.since.isoformat() if self.since else "",
            "tlp": self.tlp.value if self.tlp else "",
            "role": self.role,
        }
        return {name: value for name, value in given.items() if value}


class InvalidFilters(ValueError):
    """Filters that do not parse; ``errors`` maps each field at fault to a message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))
        self.errors = errors


def parse_types(values: Iterable[str]) -> tuple[str, ...]:
    """Observable type names, checked and without repeats (blanks are skipped);
    ValueError names the first unknown one."""
    types: list[str] = []
    for value in values:
        name = value.strip().lower()
        if not name:
            continue  # a blank choice, as forms send
        if name not in OBSERVABLE_TYPES:
            raise ValueError(_("Unknown observable type “%s”.") % value)
        if name not in types:
            types.append(name)
    return tuple(types)


def parse_offence(value: str) -> str:
    """An offence code, checked; ValueError if it is not one."""
    code = value.strip().lower()
    if not is_offence(code):
        raise ValueError(_("Unknown offence code “%s”.") % value)
    return code


def parse_since(value: str) -> datetime:
    """``YYYY-MM-DD`` (from the start of that day in this instance's time zone) or an
    ISO 8601 date and time (without an offset: UTC); ValueError otherwise."""
    text = value.strip()
    try:
        return start_of(date.fromisoformat(text))
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(_("Give a date (YYYY-MM-DD) or an ISO 8601 date and time.")) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def start_of(day: date) -> datetime:
    """Midnight at the start of ``day`` in the current time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


def parse_max_tlp(value: str) -> TLP:
    """A TLP level (``amber``, ``TLP:AMBER+STRICT``, ``white``); ValueError if unknown."""
    try:
        return parse_tlp(value)
    except ValueError:
        message = _("Unknown TLP level “%(value)s”: use one of %(levels)s.")
        levels = ", ".join(level.value for level in TLP)
        raise ValueError(message % {"value": value, "levels": levels}) from None


def parse_role(value: str) -> str:
    """An observable role (``payee_account``, ``phishing_url``...); ValueError if unknown."""
    role = value.strip().lower()
    if role not in ReportObservable.Role.values:
        raise ValueError(_("Unknown role “%s”.") % value)
    return role


def parse_filters(
    *,
    types: Iterable[str] = (),
    offence: str = "",
    since: str = "",
    tlp: str = "",
    role: str = "",
) -> ExportFilters:
    """Filters from text (a command line, a query string); blank means no filter.

    Raises `InvalidFilters` naming every field at fault (``type``, ``offence``, ``since``,
    ``tlp``, ``role``).
    """
    errors: dict[str, str] = {}
    parsed: dict[str, Any] = {}
    given: list[tuple[str, str, Callable[[Any], Any], Any]] = [
        ("type", "types", parse_types, list(types)),
        ("offence", "offence", parse_offence, offence.strip()),
        ("since", "since", parse_since, since.strip()),
        ("tlp", "tlp", parse_max_tlp, tlp.strip()),
        ("role", "role", parse_role, role.strip()),
    ]
    for field, name, parse, raw in given:
        if not raw:
            continue
        try:
            parsed[name] = parse(raw)
        except ValueError as exc:
            errors[field] = str(exc)
    if errors:
        raise InvalidFilters(errors)
    return ExportFilters(**parsed)


def levels_up_to(level: TLP) -> list[str]:
    """The markings at ``level`` or less strict (``amber``: clear, green, amber)."""
    return [tlp.value for tlp in TLP_ORDER[TLP_ORDER.index(level) :]]


def matching_links(
    viewer: Organisation | User | None, filters: ExportFilters
) -> QuerySet[ReportObservable]:
    """The observable links ``viewer`` may see that match ``filters``, oldest report first."""
    links = visible_observable_links(viewer)
    if filters.types:
        links = links.filter(observable__type__in=filters.types)
    if filters.offence:
        links = links.filter(report__offence=filters.offence)
    if filters.since is not None:
        links = links.filter(report__received_at__gte=filters.since)
    if filters.role:
        links = links.filter(role=filters.role)
    if filters.tlp is not None:
        # The effective marking is the stricter of the two, so both must be allowed.
        allowed = levels_up_to(filters.tlp)
        links = links.filter(Q(report__tlp__in=allowed) & (Q(tlp="") | Q(tlp__in=allowed)))
    return links.order_by("report__received_at", "report_id", "id")


def _utc(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def export_rows(
    viewer: Organisation | User | None, filters: ExportFilters, *, chunk_size: int = CHUNK_SIZE
) -> Iterator[ExportRow]:
    """The rows of an export for ``viewer``, streamed from the database ``chunk_size`` at
    a time (nothing is held beyond one chunk)."""
    query = matching_links(viewer, filters).values_list(*_PATHS)
    for (
        kind,
        value,
        display,
        role,
        link_tlp,
        report_tlp,
        reference,
        offence,
        category,
        received_at,
        first_seen,
        country,
        asn,
        as_name,
    ) in query.iterator(chunk_size=chunk_size):
        marking = TLP(report_tlp)
        if link_tlp:
            marking = stricter_tlp(marking, TLP(link_tlp))
        yield ExportRow(
            kind,
            value,
            display,
            role,
            marking.value,
            reference,
            offence,
            category,
            _utc(received_at),
            _utc(first_seen),
            country,
            asn,
            as_name,
        )


def neutralise(cell: str) -> str:
    """``cell`` made safe for spreadsheets: a leading apostrophe if it starts with
    ``= + - @``, a tab or a carriage return.

    Excel, LibreOffice and Google Sheets run such a cell as a formula, and reported
    values come from offenders: ``=HYPERLINK(...)`` or ``=cmd|...`` in a phishing URL
    would run on the analyst's machine when the file is opened. The apostrophe makes the
    spreadsheet show the text as written (and keeps E.164 phone numbers from being read
    as numbers). JSON lines carry the values unchanged, for programs.
    """
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def _take(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate(0)
    return text


def write_csv(rows: Iterable[ExportRow]) -> Iterator[str]:
    """``rows`` as CSV (RFC 4180: comma, double quotes where needed, CRLF), header first,
    one line at a time; text cells are neutralised against formula injection."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel")
    writer.writerow(COLUMNS)
    yield _take(buffer)
    for row in rows:
        writer.writerow([neutralise(cell) if isinstance(cell, str) else cell for cell in row])
        yield _take(buffer)


def write_jsonl(rows: Iterable[ExportRow]) -> Iterator[str]:
    """``rows`` as JSON lines: one JSON object per line, keys as the CSV header."""
    for row in rows:
        yield json.dumps(row._asdict(), ensure_ascii=False, separators=(",", ":")) + "\n"


_WRITERS: dict[ExportFormat, Callable[[Iterable[ExportRow]], Iterator[str]]] = {
    ExportFormat.CSV: write_csv,
    ExportFormat.JSONL: write_jsonl,
}
_CONTENT_TYPES = {
    ExportFormat.CSV: "text/csv; charset=utf-8; header=present",
    ExportFormat.JSONL: "application/jsonl; charset=utf-8",
}


def in_chunks(lines: Iterable[str], size: int = 64 * 1024) -> Iterator[str]:
    """``lines`` joined into pieces of about ``size`` characters (fewer, larger writes)."""
    pending: list[str] = []
    length = 0
    for line in lines:
        pending.append(line)
        length += len(line)
        if length >= size:
            yield "".join(pending)
            pending, length = [], 0
    if pending:
        yield "".join(pending)


def export_filename(form: ExportFormat, day: date | None = None) -> str:
    """``crex-observables-2025-03-01.csv``: the file name of an export made on ``day``."""
    return f"crex-observables-{(day or timezone.localdate()).isoformat()}.{form.value}"


def record_export(
    organisation: Organisation | None,
    filters: ExportFilters,
    form: ExportFormat,
    *,
    via: str,
    actor: User | None = None,
    actor_label: str = "system",
) -> None:
    """Audit an export as it starts (the rows are streamed, so their count is unknown):
    who, for which organisation, through which channel, with which filters."""
    target = organisation if organisation is not None else actor
    if target is None:
        return
    audit.record(
        EXPORTED,
        target,
        actor=actor,
        actor_label=actor_label,
        organisation=organisation,
        changes={"filters": filters.describe(), "format": form.value, "via": via},
    )


def export_response(
    viewer: Organisation | User, filters: ExportFilters, form: ExportFormat
) -> StreamingHttpResponse:
    """An HTTP response streaming ``viewer``'s export as a file download."""
    response = StreamingHttpResponse(
        in_chunks(form.write(export_rows(viewer, filters))), content_type=form.content_type
    )
    response["Content-Disposition"] = f'attachment; filename="{export_filename(form)}"'
    response["Cache-Control"] = "no-store"
    return response
