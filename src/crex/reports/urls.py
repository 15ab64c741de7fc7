"""Analyst workspace URLs."""

from django.urls import path

from crex.reports import views

app_name = "reports"
urlpatterns = [path("", views.queue, name="queue")]
