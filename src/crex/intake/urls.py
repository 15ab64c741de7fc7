"""Public portal URLs."""

from django.urls import path

from crex.intake import views

app_name = "intake"
urlpatterns = [path("", views.home, name="home")]
