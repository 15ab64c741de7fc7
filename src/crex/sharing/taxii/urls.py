"""TAXII 2.1 URL map (mounted at /taxii2/): discovery, one API root (``api/``), its
collections, objects, manifest, object versions and statuses; anything else under
/taxii2/ answers with a TAXII 404."""

from django.urls import path, re_path

from crex.sharing.taxii import views

app_name = "taxii"
COLLECTION = "api/collections/<str:collection_id>/"
OBJECT = COLLECTION + "objects/<str:object_id>/"

urlpatterns = [
    path("", views.discovery, name="discovery"),
    path("api/", views.api_root, name="api_root"),
    path("api/collections/", views.collections, name="collections"),
    path(COLLECTION, views.collection, name="collection"),
    path(COLLECTION + "objects/", views.objects, name="objects"),
    path(OBJECT, views.stix_object, name="object"),
    path(OBJECT + "versions/", views.object_versions, name="object_versions"),
    path(COLLECTION + "manifest/", views.manifest, name="manifest"),
    path("api/status/<str:status_id>/", views.status, name="status"),
    re_path(r"^(?P<path>.*)$", views.unknown, name="unknown"),
]
