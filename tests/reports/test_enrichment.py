"""Stored observables are enriched once: by the service, and by the processing pipeline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings
from mmdb_writer import MmdbU32, MMDBWriter
from netaddr import IPSet

from crex.accounts.models import Organisation
from crex.intake.services import Identifier, ReportSubmission, submit
from crex.reports.enrichment import enrich_observables, ip_databases
from crex.reports.models import Observable
from crex.reports.pipeline import process_report

pytestmark = pytest.mark.django_db


def observable(type_: str, value: str) -> Observable:
    return Observable.objects.create(type=type_, value=value)


def stored(item: Observable) -> Observable:
    return Observable.objects.get(pk=item.pk)


def asn_database(path: Path, as_name: str = "GOOGLE") -> str:
    """A GeoLite2-ASN-shaped database holding 8.8.8.0/24."""
    writer = MMDBWriter(ip_version=6, ipv4_compatible=True, database_type="GeoLite2-ASN")
    writer.insert_network(
        IPSet(["8.8.8.0/24"]),
        {"autonomous_system_number": MmdbU32(15169), "autonomous_system_organization": as_name},
    )
    writer.to_db_file(str(path))
    return str(path)


def test_the_service_fills_in_what_each_observable_tells() -> None:
    iban = observable("iban", "DE89370400440532013000")
    ip = observable("ipv4-addr", "193.0.6.139")
    private = observable("ipv4-addr", "192.168.1.10")
    url = observable("url", "https://example.com/")

    assert enrich_observables([iban, ip, private, url]) == 4

    assert (stored(iban).country, stored(iban).bank_code) == ("DE", "37040044")
    assert (stored(ip).country, stored(ip).asn) == ("NL", 3333)  # shipped IP-to-AS table
    for nothing_found in (private, url):
        assert stored(nothing_found).country == ""
        assert stored(nothing_found).enriched_at is not None  # looked at: not again


def test_enriched_observables_are_left_alone() -> None:
    iban = observable("iban", "DE89370400440532013000")
    assert enrich_observables([iban]) == 1
    first = stored(iban).enriched_at
    assert enrich_observables([stored(iban)]) == 0
    assert stored(iban).enriched_at == first


def test_nothing_to_enrich() -> None:
    assert enrich_observables([]) == 0


def test_the_operators_asn_database_is_read(tmp_path: Path) -> None:
    ip = observable("ipv4-addr", "8.8.8.8")
    with override_settings(CREX_ASN_MMDB=asn_database(tmp_path / "GeoLite2-ASN.mmdb")):
        assert ip_databases().asn is not None
        enrich_observables([ip])
    assert (stored(ip).country, stored(ip).asn, stored(ip).as_name) == ("US", 15169, "GOOGLE")
    assert ip_databases().asn is None  # back to the settings without a database


def test_a_long_network_name_is_cut_to_the_field(tmp_path: Path) -> None:
    ip = observable("ipv4-addr", "8.8.8.8")
    long_name = "Google " * 40
    with override_settings(CREX_ASN_MMDB=asn_database(tmp_path / "asn.mmdb", long_name)):
        enrich_observables([ip])
    assert stored(ip).as_name == long_name[:200]


def test_a_missing_database_file_is_an_error(tmp_path: Path) -> None:
    with (
        override_settings(CREX_COUNTRY_MMDB=str(tmp_path / "missing.mmdb")),
        pytest.raises(FileNotFoundError),
    ):
        enrich_observables([observable("ipv4-addr", "8.8.8.8")])


def test_processing_a_report_enriches_its_observables(
    operator: Organisation, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    submission = ReportSubmission(
        channel="web",
        narrative="I paid 300 EUR to NL91 ABNA 0417 1643 00; they called from +33 6 12 34 56 78.",
        identifiers=[Identifier("iban", "DE89370400440532013000", "payee_account")],
    )
    with django_capture_on_commit_callbacks(execute=True):
        report = submit(
            submission, organisation=operator, original=b"{}", content_type="text/plain"
        ).report
    report.refresh_from_db()
    assert report.processed_at is not None

    enriched = {
        o.value: (o.country, o.bank_code)
        for o in Observable.objects.filter(reports__report=report)
        if o.enriched_at is not None
    }
    assert enriched == {
        "NL91ABNA0417164300": ("NL", "ABNA"),  # found in the narrative
        "DE89370400440532013000": ("DE", "37040044"),  # given in a typed field
        "+33612345678": ("FR", ""),
    }


def test_an_observable_enriched_before_is_not_enriched_again(operator: Organisation) -> None:
    known = observable("iban", "NL91ABNA0417164300")
    enrich_observables([known])
    before = stored(known).enriched_at
    report = submit(
        ReportSubmission(channel="web", narrative="Paid to NL91ABNA0417164300."),
        organisation=operator,
        original=b"{}",
        content_type="text/plain",
    ).report
    process_report(report)
    assert stored(known).enriched_at == before
