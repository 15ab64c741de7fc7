"""Workspace URLs of sharing (mounted at /workspace/exports/): the export page and the
observable exports (``observables.csv``, ``observables.jsonl``, or ``?format=``), and the
import of a partner's STIX bundle or MISP event (``import/``)."""

from django.urls import path

from crex.sharing import uploads, views

app_name = "sharing"
urlpatterns = [
    path("", views.export_page, name="exports"),
    path("import/", uploads.import_page, name="import"),
    path("observables", views.download, name="observables"),
    path("observables.csv", views.download, {"extension": "csv"}, name="observables_csv"),
    path("observables.jsonl", views.download, {"extension": "jsonl"}, name="observables_jsonl"),
]
