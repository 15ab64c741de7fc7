"""Get an Object, Get Object Versions and Get Object Manifests: the same rows, filters and
paging as Get Objects, answered as an envelope, a versions list or a manifest."""

from __future__ import annotations

from datetime import timedelta

import pytest

from crex.accounts.models import Organisation
from crex.sharing.models import SharedObject, TaxiiCollection
from crex.sharing.taxii.render import rfc3339
from tests.sharing.taxii.conftest import START, TAXII, Store, Taxii, new_id, url


@pytest.fixture
def three_versions(store: Store, operator: Organisation) -> list[SharedObject]:
    """One object in three versions, each added a day after the other."""
    stix_id = new_id()
    return [
        store.publish(
            operator,
            stix_id=stix_id,
            version=START + timedelta(days=day),
            date_added=START + timedelta(days=day, hours=1),
            is_latest=day == 2,
        )
        for day in range(3)
    ]


def test_get_an_object_gives_its_latest_version_by_default(
    as_cert: Taxii, partners_view: TaxiiCollection, three_versions: list[SharedObject]
) -> None:
    stix_id = three_versions[0].stix_id
    response = as_cert.get(url("object", collection_id=partners_view.pk, object_id=stix_id))
    assert response.status_code == 200
    assert response["Content-Type"] == TAXII
    envelope = response.json()
    assert envelope["more"] is False
    assert [o["modified"] for o in envelope["objects"]] == ["2025-03-03T08:00:00.000Z"]
    assert response["X-TAXII-Date-Added-First"] == rfc3339(three_versions[2].date_added)


def test_get_an_object_in_every_version_page_by_page(
    as_cert: Taxii, partners_view: TaxiiCollection, three_versions: list[SharedObject]
) -> None:
    path = url("object", collection_id=partners_view.pk, object_id=three_versions[0].stix_id)
    first = as_cert.get(path, {"match[version]": "all", "limit": 2}).json()
    assert (len(first["objects"]), first["more"]) == (2, True)
    rest = as_cert.get(path, {"match[version]": "all", "limit": 2, "next": first["next"]}).json()
    assert (len(rest["objects"]), rest["more"]) == (1, False)


def test_an_object_the_caller_may_not_read_is_404(
    as_cert: Taxii, partners_view: TaxiiCollection, store: Store, operator: Organisation
) -> None:
    red = store.publish(operator, tlp="red")
    for object_id in (red.stix_id, new_id()):
        for name in ("object", "object_versions"):
            path = url(name, collection_id=partners_view.pk, object_id=object_id)
            response = as_cert.get(path)
            assert response.status_code == 404
            assert response["Content-Type"] == TAXII


def test_versions_lists_every_version_in_order_added(
    as_cert: Taxii, partners_view: TaxiiCollection, three_versions: list[SharedObject]
) -> None:
    stix_id = three_versions[0].stix_id
    path = url("object_versions", collection_id=partners_view.pk, object_id=stix_id)
    response = as_cert.get(path)
    assert response.json() == {
        "more": False,
        "versions": [
            "2025-03-01T08:00:00.000Z",
            "2025-03-02T08:00:00.000Z",
            "2025-03-03T08:00:00.000Z",
        ],
    }
    assert response["X-TAXII-Date-Added-Last"] == rfc3339(three_versions[2].date_added)
    added_after = rfc3339(three_versions[0].date_added)
    later = as_cert.get(path, {"added_after": added_after, "limit": 1}).json()
    assert later["versions"] == ["2025-03-02T08:00:00.000Z"]
    assert later["more"] is True


def test_the_manifest_describes_each_object(
    as_cert: Taxii, partners_view: TaxiiCollection, store: Store, operator: Organisation
) -> None:
    row = store.publish(operator, stix_id=new_id("url"))
    response = as_cert.get(url("manifest", collection_id=partners_view.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == TAXII
    assert response.json() == {
        "more": False,
        "objects": [
            {
                "id": row.stix_id,
                "date_added": rfc3339(row.date_added),
                "version": "2025-03-01T08:00:00.000Z",
                "media_type": "application/stix+json;version=2.1",
            }
        ],
    }
    assert response["X-TAXII-Date-Added-First"] == rfc3339(row.date_added)


def test_the_manifest_pages_and_filters_like_objects(
    as_cert: Taxii, partners_view: TaxiiCollection, store: Store, operator: Organisation
) -> None:
    store.publish_many(operator, 30, kinds=("indicator", "url", "report"))
    path = url("manifest", collection_id=partners_view.pk)
    first = as_cert.get(path, {"limit": 4, "match[type]": "url"}).json()
    assert len(first["objects"]) == 4
    assert {o["id"].split("--")[0] for o in first["objects"]} == {"url"}
    rest = as_cert.get(path, {"limit": 100, "match[type]": "url", "next": first["next"]}).json()
    assert len(rest["objects"]) == 6
    assert rest["more"] is False
    assert as_cert.get(path, {"limit": "x"}).status_code == 400
