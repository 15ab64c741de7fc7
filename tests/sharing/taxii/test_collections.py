"""Which collections a caller sees: the public and partners views and the inboxes for
everyone, a group view for members of its group (and the contact point running the
instance); an inbox is writable by all and readable by its owner only."""

from __future__ import annotations

import pytest

from crex.sharing.models import TaxiiCollection
from tests.sharing.taxii.conftest import TAXII, Taxii, url

STIX = "application/stix+json;version=2.1"


@pytest.fixture
def every_kind(
    public_view: TaxiiCollection,
    partners_view: TaxiiCollection,
    group_view: TaxiiCollection,
    inbox: TaxiiCollection,
) -> dict[str, TaxiiCollection]:
    return {c.alias: c for c in (public_view, partners_view, group_view, inbox)}


def _listed(taxii: Taxii) -> dict[str, dict]:
    response = taxii.get(url("collections"))
    assert response.status_code == 200
    assert response["Content-Type"] == TAXII
    return {c["alias"]: c for c in response.json().get("collections", [])}


def test_a_group_member_sees_the_group_view(
    as_cert: Taxii, every_kind: dict[str, TaxiiCollection]
) -> None:
    listed = _listed(as_cert)
    assert set(listed) == {"public", "partners", "nl-fraud", "inbox"}
    group = listed["nl-fraud"]
    assert group == {
        "id": str(every_kind["nl-fraud"].pk),
        "title": "NL fraud working group",
        "alias": "nl-fraud",
        "can_read": True,
        "can_write": False,
        "media_types": [STIX],
    }
    assert (listed["inbox"]["can_read"], listed["inbox"]["can_write"]) == (False, True)


def test_an_outsider_of_the_group_does_not_see_it_at_all(
    as_bank: Taxii, as_foreign: Taxii, every_kind: dict[str, TaxiiCollection]
) -> None:
    group_id = every_kind["nl-fraud"].pk
    for taxii in (as_bank, as_foreign):
        assert set(_listed(taxii)) == {"public", "partners", "inbox"}
        for name in ("collection", "objects", "manifest"):
            response = taxii.get(url(name, collection_id=group_id))
            assert response.status_code == 404
            assert response["Content-Type"] == TAXII


def test_the_operator_sees_every_group_view_and_reads_its_inbox(
    as_police: Taxii, every_kind: dict[str, TaxiiCollection]
) -> None:
    listed = _listed(as_police)
    assert set(listed) == {"public", "partners", "nl-fraud", "inbox"}
    assert (listed["inbox"]["can_read"], listed["inbox"]["can_write"]) == (True, True)


def test_one_collection_by_id(as_bank: Taxii, every_kind: dict[str, TaxiiCollection]) -> None:
    partners = every_kind["partners"]
    body = as_bank.get(url("collection", collection_id=partners.pk)).json()
    assert body["id"] == str(partners.pk)
    assert (body["can_read"], body["can_write"]) == (True, False)


@pytest.mark.parametrize("collection_id", ["not-a-uuid", "2f1c8a7e-0000-4000-8000-000000000000"])
def test_an_unknown_collection_is_404(as_police: Taxii, collection_id: str) -> None:
    response = as_police.get(url("collection", collection_id=collection_id))
    assert response.status_code == 404
    assert response.json()["http_status"] == "404"


def test_no_collections_gives_an_empty_resource(as_police: Taxii) -> None:
    assert as_police.get(url("collections")).json() == {}


def test_reading_someone_elses_inbox_is_forbidden(
    as_bank: Taxii, every_kind: dict[str, TaxiiCollection]
) -> None:
    inbox = every_kind["inbox"]
    for name in ("objects", "manifest"):
        response = as_bank.get(url(name, collection_id=inbox.pk))
        assert response.status_code == 403
        assert response["Content-Type"] == TAXII
