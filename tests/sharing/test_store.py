"""Publishing to the sharing store: what may leave is written as STIX objects, with
grants that follow the report's handling rules, and nothing else ever is."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from crex.accounts.models import Organisation, User
from crex.core.handling import Distribution
from crex.core.stix import validate_bundle
from crex.core.tlp import TLP
from crex.reports import services
from crex.reports.models import Report, ReportObservable
from crex.reports.visibility import visible_shared_objects
from crex.sharing.handling import Handling
from crex.sharing.models import ObjectGrant, SharedObject, SharingGroup
from crex.sharing.store import publish_report
from tests.sharing.conftest import Ingest

NARRATIVE = (
    "My account NL39RABO0300065264 was debited: I paid 450 EUR to NL91ABNA0417164300 "
    "after a call from +31 20 794 5000 about hxxps://fake-shop[.]example[.]com/pay."
)


@pytest.fixture
def report(ingest: Ingest, police_analyst: User) -> Report:
    """A processed report shared with all partners, the victim's own IBAN marked as such."""
    report = ingest(NARRATIVE)
    ReportObservable.objects.filter(report=report, observable__value="NL39RABO0300065264").update(
        role=ReportObservable.Role.VICTIM_ASSET
    )
    services.set_handling(report, police_analyst, Handling(TLP.GREEN, Distribution.PARTNERS))
    return report


def bodies(viewer: Organisation | User) -> list[dict]:
    return [
        json.loads(body) for body in visible_shared_objects(viewer).values_list("body", flat=True)
    ]


def test_a_shared_report_is_published_as_valid_stix(report: Report, cert_analyst: User) -> None:
    objects = bodies(cert_analyst)
    types = {obj["type"] for obj in objects}
    assert {"report", "identity", "marking-definition", "url", "indicator"} <= types
    (sdo,) = [obj for obj in objects if obj["type"] == "report"]
    assert sdo["external_references"][0]["external_id"] == report.reference
    bundle = {
        "type": "bundle",
        "id": "bundle--0f5b8ff4-6b0a-4b39-a4f2-0fd4f5b4f1a1",
        "objects": objects,
    }
    result = validate_bundle(bundle)
    assert result.errors == []


def test_personal_data_of_the_victim_never_reaches_the_store(report: Report) -> None:
    stored = " ".join(SharedObject.objects.values_list("body", flat=True))
    assert "NL91ABNA0417164300" in stored  # the payee account goes out
    assert "NL39RABO0300065264" not in stored  # the victim's own does not
    assert "after a call from" not in stored  # nor their account of it
    Report.objects.filter(pk=report.pk).update(share_narrative=True)
    report.refresh_from_db()
    publish_report(report)
    assert "after a call from" in " ".join(SharedObject.objects.values_list("body", flat=True))


def test_narrowing_the_handling_withdraws_everything(
    report: Report, police_analyst: User, cert_analyst: User
) -> None:
    assert bodies(cert_analyst)
    services.set_handling(report, police_analyst, Handling(TLP.RED, Distribution.ORGANISATION))
    assert bodies(cert_analyst) == []
    assert not ObjectGrant.objects.filter(report=report).exists()


def test_a_group_reaches_only_its_members(
    report: Report, police_analyst: User, cert_analyst: User, bank_partner: User, cert: Organisation
) -> None:
    group = SharingGroup.objects.create(name="CERTs")
    group.members.add(cert)
    services.set_handling(report, police_analyst, Handling(TLP.AMBER, Distribution.GROUP, group))
    assert bodies(cert_analyst)
    assert bodies(bank_partner) == []


def test_a_confidential_report_is_never_published(ingest: Ingest, police_analyst: User) -> None:
    report = ingest(NARRATIVE, confidential=True)
    services.set_handling(report, police_analyst, Handling(TLP.CLEAR, Distribution.PUBLIC))
    assert not ObjectGrant.objects.filter(report=report).exists()


def test_an_object_that_newly_reaches_someone_is_re_dated(
    report: Report, police_analyst: User, cert: Organisation
) -> None:
    SharedObject.objects.update(
        date_added=SharedObject.objects.first().date_added - timedelta(days=1)
    )
    before = SharedObject.objects.get(type="report").date_added
    publish_report(report)  # nothing changed: the dates stay
    assert SharedObject.objects.get(type="report").date_added == before
    services.set_handling(report, police_analyst, Handling(TLP.CLEAR, Distribution.PUBLIC))
    assert SharedObject.objects.filter(type="url").latest("date_added").date_added > before


def test_a_change_to_the_report_is_a_new_version(report: Report, police_analyst: User) -> None:
    services.reclassify(report, police_analyst, "investment_fraud")
    versions = SharedObject.objects.filter(type="report").order_by("version")
    assert versions.count() == 2
    assert [v.is_latest for v in versions] == [False, True]


def test_an_observable_in_two_reports_carries_the_stricter_marking_for_everyone(
    ingest: Ingest,
    police_analyst: User,
    cert_analyst: User,
    bank_partner: User,
    cert: Organisation,
) -> None:
    green = ingest("Paid to NL91ABNA0417164300 for a bike that never came")
    services.set_handling(green, police_analyst, Handling(TLP.GREEN, Distribution.PARTNERS))
    group = SharingGroup.objects.create(name="CERTs")
    group.members.add(cert)
    amber = ingest("Same account NL91ABNA0417164300 in an investment scam")
    services.set_handling(amber, police_analyst, Handling(TLP.AMBER, Distribution.GROUP, group))

    def iban(viewer: User) -> list[dict]:
        return [o for o in bodies(viewer) if o.get("value") == "NL91ABNA0417164300"]

    amber_id = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"
    # one current version, marked AMBER: the bank (only the GREEN report reaches it) still
    # gets the account, never with a looser marking than another source gives it
    for viewer in (bank_partner, cert_analyst):
        (latest,) = iban(viewer)
        assert latest["object_marking_refs"] == [amber_id]
    assert SharedObject.objects.filter(type="x-crex-iban", is_latest=True).count() == 1
