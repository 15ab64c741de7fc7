"""End to end with the OASIS ``taxii2-client`` against a live crex on loopback: discovery,
the API root, collections, paging every object, the manifest, one object, and posting
to an inbox with status polling, with a password and with an API token."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
import requests
from taxii2client.common import TokenAuth
from taxii2client.v21 import ApiRoot, Collection, Server, Status, as_pages

from crex.accounts.models import ApiToken, Organisation, User
from crex.sharing.models import SharedObject, TaxiiCollection
from tests.conftest import PASSWORD
from tests.sharing.taxii.conftest import Store, new_id, stix

pytestmark = pytest.mark.django_db(transaction=True)


def _collection(api_root: ApiRoot, alias: str) -> Collection:
    (found,) = [c for c in api_root.collections if c.alias == alias]
    return found


def test_a_partner_pages_through_a_collection_with_a_password(
    live_server,
    cert_analyst: User,
    operator: Organisation,
    partners_view: TaxiiCollection,
    store: Store,
) -> None:
    rows = store.publish_many(operator, 250, kinds=("indicator", "url"))
    store.publish(operator, tlp="red")

    server = Server(f"{live_server.url}/taxii2/", user=cert_analyst.username, password=PASSWORD)
    assert server.title
    (api_root,) = server.api_roots
    assert api_root.url == f"{live_server.url}/taxii2/api/"
    assert api_root.versions == ["application/taxii+json;version=2.1"]
    collection = _collection(api_root, "partners")
    assert (collection.can_read, collection.can_write) == (True, False)

    pages = list(as_pages(collection.get_objects, per_request=100))
    assert [len(page["objects"]) for page in pages] == [100, 100, 50]
    served = [obj["id"] for page in pages for obj in page["objects"]]
    assert served == [row.stix_id for row in rows]  # each once, in order; never the TLP:RED one

    manifest = list(as_pages(collection.get_manifest, per_request=120, type="url"))
    urls = [record["id"] for page in manifest for record in page["objects"]]
    assert urls == [row.stix_id for row in rows if row.type == "url"]

    one = collection.get_object(rows[7].stix_id)
    assert one["objects"][0]["id"] == rows[7].stix_id
    versions = collection.object_versions(rows[7].stix_id)
    assert versions["versions"] == ["2025-03-01T08:00:00.000Z"]


def test_a_partner_posts_to_the_inbox_with_a_token(
    live_server, bank: Organisation, inbox: TaxiiCollection
) -> None:
    _, raw = ApiToken.issue(bank, "taxii client")
    api_root = ApiRoot(f"{live_server.url}/taxii2/api/", auth=TokenAuth(raw))
    collection = _collection(api_root, "inbox")
    assert (collection.can_read, collection.can_write) == (False, True)

    indicator = stix(new_id(), datetime(2025, 4, 1, tzinfo=UTC), name="Fake shop")
    url_sco = {"type": "url", "id": f"url--{uuid.uuid4()}", "value": "https://x.example.net/"}
    status = collection.add_objects(
        {"objects": [indicator, url_sco, {"type": "nope"}]}, poll_interval=0.1, timeout=5
    )
    assert status.status == "complete"
    assert (status.total_count, status.success_count, status.failure_count) == (3, 2, 1)

    again = api_root.get_status(status.id)
    assert again.successes == status.successes
    polled = Status(f"{api_root.url}status/{status.id}", auth=TokenAuth(raw))
    polled.wait_until_final(poll_interval=0.1, timeout=5)
    assert bool(polled)
    assert SharedObject.objects.filter(collection=inbox, posted_by=bank).count() == 2

    with pytest.raises(requests.HTTPError, match="403"):
        requests.get(collection.objects_url, auth=TokenAuth(raw), timeout=5).raise_for_status()


def test_wrong_credentials_are_refused(live_server, cert_analyst: User) -> None:
    server = Server(f"{live_server.url}/taxii2/", user=cert_analyst.username, password="wrong")
    with pytest.raises(requests.HTTPError, match="401"):
        server.refresh()
    api_root = ApiRoot(f"{live_server.url}/taxii2/api/", auth=TokenAuth("crex_unknown"))
    with pytest.raises(requests.HTTPError, match="401"):
        api_root.refresh()
