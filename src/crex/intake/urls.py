"""Public portal URLs: reporting and following up, no login needed."""

from django.urls import path

from crex.intake import views

app_name = "intake"
urlpatterns = [
    path("", views.home, name="home"),
    path("report/", views.choose, name="choose"),
    path("report/new/", views.report_new, name="report_new"),
    path("report/received/", views.received, name="received"),
    path("follow-up/", views.followup_start, name="followup_start"),
    path("follow-up/<str:reference>/", views.followup_status, name="followup_status"),
    path("follow-up/<str:reference>/sign-out/", views.followup_end, name="followup_end"),
]
