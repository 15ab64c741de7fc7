"""Analyst workspace URLs (mounted at ``/workspace/``); reports are addressed by reference."""

from django.urls import path

from crex.reports import views
from crex.sharing import downloads

app_name = "reports"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("reports/<str:reference>/", views.detail, name="detail"),
    path("reports/<str:reference>/contact/", views.contact, name="contact"),
    path("reports/<str:reference>/original/", views.original, name="original"),
    path(
        "reports/<str:reference>/additions/<int:pk>/file/",
        views.addition_file,
        name="addition_file",
    ),
    path("reports/<str:reference>/reclassify/", views.reclassify, name="reclassify"),
    path("reports/<str:reference>/assign/", views.assign, name="assign"),
    path("reports/<str:reference>/status/", views.change_status, name="status"),
    path("reports/<str:reference>/handling/", views.change_handling, name="handling"),
    path("reports/<str:reference>/export/<str:form>/", downloads.report_download, name="export"),
    path(
        "reports/<str:reference>/observables/<int:pk>/handling/",
        views.change_observable_handling,
        name="observable_handling",
    ),
    path("reports/<str:reference>/notes/", views.add_note, name="note"),
]
