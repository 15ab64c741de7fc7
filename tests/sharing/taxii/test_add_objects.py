"""Add Objects: partners POST envelopes to an inbox; each good object is stored once
per id and version, each bad one is reported, and the status tells which is which."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import RequestFactory

from crex.accounts.models import Organisation
from crex.sharing import imports
from crex.sharing.models import SharedObject, TaxiiCollection, TaxiiStatus
from crex.sharing.taxii import views
from crex.sharing.taxii.inbox import add_objects
from tests.sharing.taxii.conftest import TAXII, Taxii, new_id, stix, url

MODIFIED = datetime(2025, 4, 1, 12, 0, tzinfo=UTC)


def _url_sco(value: str) -> dict[str, Any]:
    return {"type": "url", "id": f"url--{uuid.uuid5(uuid.NAMESPACE_URL, value)}", "value": value}


def _post(taxii: Taxii, inbox: TaxiiCollection, objects: list[Any]) -> dict[str, Any]:
    response = taxii.post(url("objects", collection_id=inbox.pk), {"objects": objects})
    assert response.status_code == 202, response.content
    assert response["Content-Type"] == TAXII
    return response.json()


def _adds_up(status: dict[str, Any]) -> None:
    assert status["total_count"] == (
        status["success_count"] + status["failure_count"] + status["pending_count"]
    )
    assert status["success_count"] == len(status["successes"])
    assert status["failure_count"] == len(status["failures"])
    assert status["pending_count"] == len(status["pendings"]) == 0


def test_a_post_stores_good_objects_and_reports_bad_ones(
    as_bank: Taxii, inbox: TaxiiCollection, bank: Organisation
) -> None:
    indicator = stix(new_id(), MODIFIED, name="Fake shop")
    sco = _url_sco("https://shoes-outlet.example.net/")
    status = _post(as_bank, inbox, [indicator, sco, {"type": "indicator"}])
    _adds_up(status)
    assert (status["status"], status["total_count"], status["success_count"]) == ("complete", 3, 2)
    assert status["successes"][0] == {"id": indicator["id"], "version": "2025-04-01T12:00:00.000Z"}
    assert status["failures"][0]["message"].startswith("id must be indicator--")
    rows = SharedObject.objects.filter(collection=inbox)
    assert rows.count() == 2
    stored = rows.get(stix_id=indicator["id"])
    assert (stored.posted_by, stored.is_latest, stored.version) == (bank, True, MODIFIED)
    assert json.loads(stored.body) == indicator
    assert stored.body == json.dumps(indicator, separators=(",", ":"), sort_keys=True)


def test_posting_the_same_objects_again_changes_nothing(
    as_bank: Taxii, inbox: TaxiiCollection
) -> None:
    objects = [stix(new_id(), MODIFIED), _url_sco("https://fake.example.org/pay")]
    first = _post(as_bank, inbox, objects)
    again = _post(as_bank, inbox, objects)
    assert again["success_count"] == 2
    assert again["successes"] == first["successes"]
    assert first["id"] != again["id"]
    assert SharedObject.objects.filter(collection=inbox).count() == 2


def test_a_new_version_becomes_the_latest(as_bank: Taxii, inbox: TaxiiCollection) -> None:
    stix_id = new_id()
    _post(as_bank, inbox, [stix(stix_id, datetime(2025, 5, 1, tzinfo=UTC))])
    _post(as_bank, inbox, [stix(stix_id, MODIFIED)])  # an older version, sent later
    _post(as_bank, inbox, [stix(stix_id, datetime(2025, 6, 1, tzinfo=UTC))])
    latest = SharedObject.objects.filter(collection=inbox, stix_id=stix_id, is_latest=True)
    assert [row.version.month for row in latest] == [6]
    assert SharedObject.objects.filter(collection=inbox, stix_id=stix_id).count() == 3


def test_a_changed_observable_is_a_new_version(as_bank: Taxii, inbox: TaxiiCollection) -> None:
    sco = _url_sco("https://a.example.com/")
    _post(as_bank, inbox, [sco])
    _post(as_bank, inbox, [{**sco, "x_seen": 2}])
    rows = SharedObject.objects.filter(collection=inbox, stix_id=sco["id"]).order_by("version")
    assert [row.is_latest for row in rows] == [False, True]


@pytest.mark.parametrize(
    ("obj", "message"),
    [
        ("just text", "must be a JSON object"),
        ({"type": "Indicator", "id": new_id()}, "type must be"),
        ({"type": "bundle", "id": f"bundle--{uuid.uuid4()}"}, "bundle"),
        ({**stix(new_id(), MODIFIED), "id": new_id("malware")}, "id must be indicator--"),
        ({**stix(new_id(), MODIFIED), "id": "indicator--not-a-uuid"}, "id must be"),
        ({**stix(new_id(), MODIFIED), "spec_version": "2.0"}, "spec_version must be 2.1"),
        ({k: v for k, v in stix(new_id(), MODIFIED).items() if k != "spec_version"}, "2.1"),
        ({"type": "indicator", "id": new_id(), "spec_version": "2.1"}, "created is required"),
        ({**stix(new_id(), MODIFIED), "modified": "last week"}, "modified is not"),
        ({**stix(new_id(), MODIFIED), "created": 2025}, "created must be"),
    ],
)
def test_invalid_objects_fail_with_a_message(
    as_bank: Taxii, inbox: TaxiiCollection, obj: Any, message: str
) -> None:
    status = _post(as_bank, inbox, [obj])
    _adds_up(status)
    assert (status["success_count"], status["failure_count"]) == (0, 1)
    assert message in status["failures"][0]["message"]
    assert not SharedObject.objects.filter(collection=inbox).exists()


def test_the_status_can_be_read_by_the_poster_only(
    as_bank: Taxii, as_cert: Taxii, inbox: TaxiiCollection
) -> None:
    posted = _post(as_bank, inbox, [stix(new_id(), MODIFIED)])
    response = as_bank.get(url("status", status_id=posted["id"]))
    assert response.status_code == 200
    assert response["Content-Type"] == TAXII
    assert response.json() == posted
    assert as_cert.get(url("status", status_id=posted["id"])).status_code == 404
    assert as_bank.get(url("status", status_id="not-a-uuid")).status_code == 404


def test_the_inbox_owner_reads_what_was_posted(
    as_bank: Taxii, as_police: Taxii, inbox: TaxiiCollection
) -> None:
    indicator = stix(new_id(), MODIFIED)
    _post(as_bank, inbox, [indicator])
    envelope = as_police.get(url("objects", collection_id=inbox.pk)).json()
    assert envelope["objects"] == [indicator]
    assert as_bank.get(url("objects", collection_id=inbox.pk)).status_code == 403


@pytest.mark.parametrize(
    "content_type",
    ["application/json", "application/taxii+json;version=2.0", "text/plain"],
)
def test_a_wrong_content_type_gets_415(
    as_bank: Taxii, inbox: TaxiiCollection, content_type: str
) -> None:
    response = as_bank.post(url("objects", collection_id=inbox.pk), {"objects": []}, content_type)
    assert response.status_code == 415
    assert response["Content-Type"] == TAXII


def test_the_content_type_may_leave_out_the_version(as_bank: Taxii, inbox: TaxiiCollection) -> None:
    path = url("objects", collection_id=inbox.pk)
    response = as_bank.post(path, {"objects": []}, "application/taxii+json")
    assert response.status_code == 202
    assert response.json()["total_count"] == 0


@pytest.mark.parametrize(
    ("body", "named"),
    [
        (b"{not json", "not JSON"),
        (b"\xff\xfe", "not JSON"),
        (b'{"objects": [NaN]}', "not JSON"),
        (b"[]", "not a JSON list"),
        (b'{"type": "bundle", "id": "bundle--1", "objects": []}', "bundle"),
        (b'{"more": false}', '"objects" list'),
        (b'{"objects": {"id": "x"}}', '"objects" list'),
    ],
)
def test_a_body_that_is_not_an_envelope_gets_400(
    as_bank: Taxii, inbox: TaxiiCollection, body: bytes, named: str
) -> None:
    response = as_bank.post(url("objects", collection_id=inbox.pk), body)
    assert response.status_code == 400
    assert named in response.json()["description"]
    assert not TaxiiStatus.objects.exists()


def test_a_body_over_max_content_length_gets_413(
    as_bank: Taxii, inbox: TaxiiCollection, settings
) -> None:
    settings.CREX_TAXII_MAX_CONTENT_LENGTH = 200
    envelope = {"objects": [stix(new_id(), MODIFIED, name="x" * 300)]}
    response = as_bank.post(url("objects", collection_id=inbox.pk), envelope)
    assert response.status_code == 413
    assert response["Content-Type"] == TAXII
    assert "200 bytes" in response.json()["description"]


def test_a_body_without_content_length_is_measured_as_read(
    as_bank: Taxii, inbox: TaxiiCollection, settings
) -> None:
    settings.CREX_TAXII_MAX_CONTENT_LENGTH = 200
    body = json.dumps({"objects": [stix(new_id(), MODIFIED, name="x" * 300)]})
    request = RequestFactory().post(
        url("objects", collection_id=inbox.pk),
        body,
        content_type=TAXII,
        headers=as_bank.headers(),
    )
    del request.META["CONTENT_LENGTH"]  # as with chunked transfer
    response = views.objects(request, collection_id=str(inbox.pk))
    assert response.status_code == 413


def test_a_body_larger_than_djangos_own_limit_is_still_taken(
    as_bank: Taxii, inbox: TaxiiCollection, settings
) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    objects = [stix(new_id(), MODIFIED, name="n" * 100) for _ in range(20)]
    assert _post(as_bank, inbox, objects)["success_count"] == 20


def test_only_an_inbox_takes_objects(
    as_bank: Taxii, partners_view: TaxiiCollection, group_view: TaxiiCollection
) -> None:
    envelope = {"objects": [stix(new_id(), MODIFIED)]}
    assert as_bank.post(url("objects", collection_id=partners_view.pk), envelope).status_code == 403
    assert as_bank.post(url("objects", collection_id=group_view.pk), envelope).status_code == 404


def test_what_was_stored_is_handed_to_the_import(
    as_bank: Taxii, inbox: TaxiiCollection, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed: list[TaxiiStatus] = []
    monkeypatch.setattr(imports, "posted", handed.append)
    status = _post(as_bank, inbox, [stix(new_id(), MODIFIED)])
    assert [str(s.pk) for s in handed] == [status["id"]]


def test_a_failing_import_does_not_undo_the_post(
    as_bank: Taxii, inbox: TaxiiCollection, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(status: TaxiiStatus) -> None:
        raise RuntimeError("import is broken")

    monkeypatch.setattr(imports, "posted", broken)
    status = _post(as_bank, inbox, [stix(new_id(), MODIFIED)])
    assert status["success_count"] == 1
    assert SharedObject.objects.filter(collection=inbox).count() == 1


def test_the_same_observable_twice_changed_in_one_request(
    inbox: TaxiiCollection, bank: Organisation
) -> None:
    sco = _url_sco("https://twice.example.com/")
    changed = {**sco, "x_note": "changed"}
    status = add_objects(inbox, bank, [sco, changed, changed])
    assert status.successes[0] != status.successes[1] == status.successes[2]
    assert SharedObject.objects.filter(collection=inbox, stix_id=sco["id"]).count() == 2
    assert SharedObject.objects.filter(collection=inbox, is_latest=True).count() == 1
