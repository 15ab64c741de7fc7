"""Get Objects: one page of an envelope, sorted by date added, with the filters of
TAXII 2.1 and an opaque ``next`` bound to them; only what the handling rules let reach
the caller, narrowed to the collection's view."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from crex.accounts.models import Organisation
from crex.sharing.models import SharingGroup, TaxiiCollection
from crex.sharing.taxii.render import rfc3339
from tests.sharing.taxii.conftest import START, TAXII, Store, Taxii, new_id, url


def _objects(taxii: Taxii, collection: TaxiiCollection, **params: object) -> dict:
    response = taxii.get(url("objects", collection_id=collection.pk), params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == TAXII
    return response.json()


def _ids(envelope: dict) -> list[str]:
    return [obj["id"] for obj in envelope.get("objects", [])]


def test_paging_through_2500_objects_gives_each_once_in_order(
    as_cert: Taxii, partners_view: TaxiiCollection, store: Store, operator: Organisation
) -> None:
    rows = store.publish_many(operator, 2500)
    path = url("objects", collection_id=partners_view.pk)
    seen: list[str] = []
    params: dict[str, object] = {"limit": 1000}
    pages = []
    while True:
        response = as_cert.get(path, params)
        assert response.status_code == 200
        envelope = response.json()
        pages.append((response, envelope))
        seen += _ids(envelope)
        if not envelope["more"]:
            break
        params = {"limit": 1000, "next": envelope["next"]}
    assert [len(_ids(e)) for _, e in pages] == [1000, 1000, 500]
    assert [e["more"] for _, e in pages] == [True, True, False]
    assert "next" not in pages[-1][1]
    assert seen == [row.stix_id for row in rows]
    for response, envelope in pages:
        first, last = envelope["objects"][0]["id"], envelope["objects"][-1]["id"]
        by_id = {row.stix_id: row for row in rows}
        assert response["X-TAXII-Date-Added-First"] == rfc3339(by_id[first].date_added)
        assert response["X-TAXII-Date-Added-Last"] == rfc3339(by_id[last].date_added)
    assert pages[0][0]["X-TAXII-Date-Added-First"].endswith("Z")


def test_the_stored_text_is_served_as_it_is(
    as_cert: Taxii, partners_view: TaxiiCollection, store: Store, operator: Organisation
) -> None:
    row = store.publish(operator)
    response = as_cert.get(url("objects", collection_id=partners_view.pk))
    assert row.body in response.content.decode()
    assert json.loads(response.content)["objects"] == [json.loads(row.body)]


def test_an_empty_page_has_more_but_no_objects_and_no_date_headers(
    as_cert: Taxii, partners_view: TaxiiCollection
) -> None:
    response = as_cert.get(url("objects", collection_id=partners_view.pk))
    assert response.json() == {"more": False}
    assert not response.has_header("X-TAXII-Date-Added-First")


def test_tlp_red_is_never_served_to_another_organisation(
    as_cert: Taxii,
    as_police: Taxii,
    partners_view: TaxiiCollection,
    store: Store,
    operator: Organisation,
) -> None:
    red = store.publish(operator, tlp="red", distribution="partners")
    amber = store.publish(operator, tlp="amber", distribution="partners")
    assert _ids(_objects(as_cert, partners_view)) == [amber.stix_id]
    # the owner still reads its own
    assert _ids(_objects(as_police, partners_view)) == [red.stix_id, amber.stix_id]


def test_a_group_grant_reaches_members_only(
    as_cert: Taxii,
    as_bank: Taxii,
    group_view: TaxiiCollection,
    partners_view: TaxiiCollection,
    store: Store,
    bank: Organisation,
    operator: Organisation,
    group: SharingGroup,
) -> None:
    shared = store.publish(operator, distribution="group", group=group)
    other_group = SharingGroup.objects.create(name="Banks")
    other_group.members.add(bank)
    for_banks = store.publish(operator, distribution="group", group=other_group)
    assert _ids(_objects(as_cert, group_view)) == [shared.stix_id]
    # neither group's objects are in the partners view, and the bank never reads the first
    assert _ids(_objects(as_cert, partners_view)) == []
    assert shared.stix_id not in json.dumps(_objects(as_bank, partners_view))
    assert for_banks.stix_id not in json.dumps(_objects(as_cert, group_view))


def test_each_view_serves_its_distribution_and_tlp_levels(
    as_cert: Taxii,
    public_view: TaxiiCollection,
    partners_view: TaxiiCollection,
    store: Store,
    operator: Organisation,
) -> None:
    public = store.publish(operator, tlp="clear", distribution="public")
    partners = store.publish(operator, tlp="amber", distribution="partners")
    kept = store.publish(operator, tlp="green", distribution="organisation")
    assert _ids(_objects(as_cert, public_view)) == [public.stix_id]
    assert _ids(_objects(as_cert, partners_view)) == [public.stix_id, partners.stix_id]
    partners_view.tlp_levels = ["clear", "green"]
    partners_view.save()
    assert _ids(_objects(as_cert, partners_view)) == [public.stix_id]
    assert kept.stix_id not in json.dumps(_objects(as_cert, public_view))


def test_filters_by_type_and_id(
    as_cert: Taxii, partners_view: TaxiiCollection, store: Store, operator: Organisation
) -> None:
    indicator = store.publish(operator, stix_id=new_id("indicator"))
    url_sco = store.publish(operator, stix_id=new_id("url"))
    report = store.publish(operator, stix_id=new_id("report"))
    assert _ids(_objects(as_cert, partners_view, **{"match[type]": "url,report"})) == [
        url_sco.stix_id,
        report.stix_id,
    ]
    ids = f"{indicator.stix_id},{report.stix_id}"
    assert _ids(_objects(as_cert, partners_view, **{"match[id]": ids})) == [
        indicator.stix_id,
        report.stix_id,
    ]
    assert _ids(_objects(as_cert, partners_view, **{"match[spec_version]": "2.0"})) == []


def test_filters_by_version(
    as_cert: Taxii, partners_view: TaxiiCollection, store: Store, operator: Organisation
) -> None:
    stix_id = new_id()
    versions = [START + timedelta(days=day) for day in range(3)]
    for index, version in enumerate(versions):
        store.publish(operator, stix_id=stix_id, version=version, is_latest=index == 2)

    def modified(**params: str) -> list[str]:
        envelope = _objects(as_cert, partners_view, **params)
        return [obj["modified"] for obj in envelope.get("objects", [])]

    assert modified() == ["2025-03-03T08:00:00.000Z"]
    assert modified(**{"match[version]": "last"}) == ["2025-03-03T08:00:00.000Z"]
    assert modified(**{"match[version]": "first"}) == ["2025-03-01T08:00:00.000Z"]
    assert len(modified(**{"match[version]": "all"})) == 3
    assert modified(**{"match[version]": "2025-03-02T08:00:00Z"}) == ["2025-03-02T08:00:00.000Z"]
    assert modified(**{"match[version]": "first,last"}) == [
        "2025-03-01T08:00:00.000Z",
        "2025-03-03T08:00:00.000Z",
    ]


def test_added_after_is_strict(
    as_cert: Taxii, partners_view: TaxiiCollection, store: Store, operator: Organisation
) -> None:
    first = store.publish(operator)
    second = store.publish(operator)
    after = rfc3339(first.date_added)
    assert _ids(_objects(as_cert, partners_view, added_after=after)) == [second.stix_id]


def test_a_large_limit_is_capped(
    as_cert: Taxii, partners_view: TaxiiCollection, store: Store, operator: Organisation, settings
) -> None:
    settings.CREX_TAXII_MAX_PAGE_SIZE = 2
    for _ in range(3):
        store.publish(operator)
    envelope = _objects(as_cert, partners_view, limit=500)
    assert (len(envelope["objects"]), envelope["more"]) == (2, True)


def test_the_default_page_size_is_a_setting(
    as_cert: Taxii, partners_view: TaxiiCollection, store: Store, operator: Organisation, settings
) -> None:
    settings.CREX_TAXII_PAGE_SIZE = 1
    store.publish(operator)
    store.publish(operator)
    envelope = _objects(as_cert, partners_view)
    assert (len(envelope["objects"]), envelope["more"]) == (1, True)
    assert len(_objects(as_cert, partners_view, next=envelope["next"])["objects"]) == 1


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "-5"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"added_after": "yesterday"}, "added_after"),
        ({"added_after": "2025-03-01T08:00:00+02:00"}, "added_after"),
        ({"match[version]": "newest"}, "match[version]"),
        ({"match[type]": "Not A Type"}, "match[type]"),
        ({"match[id]": "indicator--nope"}, "match[id]"),
        ({"match[spec_version]": "two"}, "match[spec_version]"),
        ({"next": "forged-token"}, "next"),
    ],
)
def test_bad_parameters_get_400_naming_them(
    as_cert: Taxii, partners_view: TaxiiCollection, params: dict, named: str
) -> None:
    response = as_cert.get(url("objects", collection_id=partners_view.pk), params)
    assert response.status_code == 400
    assert response["Content-Type"] == TAXII
    error = response.json()
    assert error["http_status"] == "400"
    assert named in error["description"]


def test_next_is_bound_to_the_filters_and_the_collection(
    as_cert: Taxii,
    partners_view: TaxiiCollection,
    public_view: TaxiiCollection,
    store: Store,
    operator: Organisation,
) -> None:
    for _ in range(3):
        store.publish(operator)
    first = _objects(as_cert, partners_view, limit=1, **{"match[type]": "indicator"})
    token = first["next"]
    same = as_cert.get(
        url("objects", collection_id=partners_view.pk),
        {"limit": 2, "next": token, "match[type]": "indicator"},
    )
    assert len(same.json()["objects"]) == 2  # the page size may change
    for path, params in [
        (url("objects", collection_id=partners_view.pk), {"next": token}),
        (url("objects", collection_id=partners_view.pk), {"next": token, "match[type]": "url"}),
        (url("objects", collection_id=public_view.pk), {"next": token, "match[type]": "indicator"}),
        (
            url("manifest", collection_id=partners_view.pk),
            {"next": token, "match[type]": "indicator"},
        ),
    ]:
        assert as_cert.get(path, params).status_code == 400


def test_deleting_objects_is_not_supported(
    as_police: Taxii, inbox: TaxiiCollection, store: Store, operator: Organisation
) -> None:
    row = store.publish(operator)
    response = as_police.delete(url("object", collection_id=inbox.pk, object_id=row.stix_id))
    assert response.status_code == 405
    assert response["Content-Type"] == TAXII
    assert response["Allow"] == "GET"


def test_a_page_costs_the_same_few_queries_whatever_its_size(
    as_cert: Taxii,
    partners_view: TaxiiCollection,
    store: Store,
    operator: Organisation,
    django_assert_max_num_queries,
) -> None:
    store.publish_many(operator, 600)
    path = url("objects", collection_id=partners_view.pk)
    as_cert.get(path)  # the password is verified once
    for limit in (10, 300):
        with django_assert_max_num_queries(3):  # user, collection, the page
            assert len(as_cert.get(path, {"limit": limit}).json()["objects"]) == limit


def test_paging_finds_the_few_visible_objects_among_many_others(
    as_cert: Taxii,
    partners_view: TaxiiCollection,
    store: Store,
    operator: Organisation,
    bank: Organisation,
) -> None:
    visible = []
    for index in range(400):
        if index % 15 == 0:
            visible.append(store.publish(operator).stix_id)
        else:
            store.publish(bank, distribution="organisation")
    seen: list[str] = []
    params: dict[str, object] = {"limit": 4}
    while True:
        envelope = _objects(as_cert, partners_view, **params)
        seen += _ids(envelope)
        if not envelope["more"]:
            break
        params = {"limit": 4, "next": envelope["next"]}
    assert seen == visible
