"""Importing STIX 2.1 bundles from partners: reports with their markings and provenance,
deduplicated by STIX id, newer versions updating the copy."""

from __future__ import annotations

import json

import pytest

from crex.accounts.models import Organisation, User
from crex.core.handling import Distribution
from crex.core.stix import StixError, report_bundle
from crex.core.tlp import TLP
from crex.reports import services
from crex.reports.models import Report
from crex.sharing.handling import Handling
from crex.sharing.imports import import_bundle
from crex.sharing.models import Provenance
from crex.sharing.outgoing import outgoing_report
from tests.sharing.conftest import Ingest

NARRATIVE = "Paid 300 EUR to DE44 5001 0517 5407 3249 31 on hxxps://cheap-phones[.]example[.]net/"


@pytest.fixture
def bundle(ingest: Ingest, police_analyst: User) -> dict:
    """The operator's report as it leaves for partners, as a STIX bundle."""
    report = ingest(NARRATIVE, offence="online_shopping_fraud")
    services.set_handling(report, police_analyst, Handling(TLP.GREEN, Distribution.PARTNERS))
    report.refresh_from_db()
    return report_bundle(outgoing_report(report))


def test_a_bundle_becomes_a_report_with_markings_and_provenance(
    bundle: dict, foreign_contact_point: Organisation, operator: Organisation
) -> None:
    result = import_bundle(json.dumps(bundle), organisation=foreign_contact_point)
    (reference,) = result.created
    report = Report.objects.get(reference=reference)
    assert report.organisation == foreign_contact_point
    assert report.submitted_by == operator  # known here by name
    assert (report.tlp, report.distribution, report.channel) == ("green", "organisation", "feed")
    assert report.offence == "online_shopping_fraud"
    values = set(report.observables.values_list("observable__value", flat=True))
    assert "DE44500105175407324931" in values
    provenance = report.provenance
    assert provenance.sender == operator.name
    assert provenance.source_id.startswith("report--")
    assert provenance.via == Provenance.Via.STIX_FILE
    assert json.loads(bytes(report.original))["type"] == "bundle"


def test_the_same_bundle_twice_is_stored_once(
    bundle: dict, foreign_contact_point: Organisation
) -> None:
    import_bundle(bundle, organisation=foreign_contact_point)
    again = import_bundle(bundle, organisation=foreign_contact_point)
    assert (again.created, again.updated, len(again.unchanged)) == ([], [], 1)
    assert Provenance.objects.count() == 1


def test_a_newer_version_updates_the_copy(
    bundle: dict, foreign_contact_point: Organisation
) -> None:
    import_bundle(bundle, organisation=foreign_contact_point)
    for obj in bundle["objects"]:
        if obj["type"] == "report":
            obj["modified"] = "2099-01-01T00:00:00.000Z"
            obj["object_marking_refs"] = [
                "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"
            ]
    result = import_bundle(bundle, organisation=foreign_contact_point)
    (reference,) = result.updated
    assert Report.objects.get(reference=reference).tlp == "amber+strict"


@pytest.mark.parametrize("data", [b"not json", b"[]", b'{"type": "report"}'])
def test_a_bundle_that_cannot_be_read_is_refused_with_a_reason(
    data: bytes, foreign_contact_point: Organisation
) -> None:
    with pytest.raises(StixError):
        import_bundle(data, organisation=foreign_contact_point)
    assert not Report.objects.filter(organisation=foreign_contact_point).exists()


def test_observables_shared_outside_any_report_become_one_report_to_classify(
    bundle: dict, foreign_contact_point: Organisation
) -> None:
    indicators_only = {
        **bundle,
        "objects": [o for o in bundle["objects"] if o["type"] != "report"],
    }
    result = import_bundle(indicators_only, organisation=foreign_contact_point)
    (reference,) = result.created
    report = Report.objects.get(reference=reference)
    assert report.offence == ""  # for the analysts to classify
    assert report.tlp == "green"
    values = set(report.observables.values_list("observable__value", flat=True))
    assert "DE44500105175407324931" in values
    assert report.provenance.source_id.startswith("observables--")
    # the same observables again from the same sender: nothing new
    again = import_bundle(indicators_only, organisation=foreign_contact_point)
    assert (again.created, again.updated) == ([], [])


def test_a_value_crex_does_not_know_leaves_its_field_empty_not_the_report_lost(
    bundle: dict, foreign_contact_point: Organisation
) -> None:
    ext = "extension-definition--"
    for obj in bundle["objects"]:
        if obj["type"] == "report":
            obj["labels"] = ["crex:offence=fake_shop_v2"]
            for key, facts in obj.get("extensions", {}).items():
                if key.startswith(ext) and "offence" in facts:
                    facts["offence"] = "fake_shop_v2"
    result = import_bundle(bundle, organisation=foreign_contact_point)
    (reference,) = result.created
    assert Report.objects.get(reference=reference).offence == ""
    assert any("fake_shop_v2" in note and "unclassified" in note for note in result.skipped)
