"""Django app configuration for reports."""

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "crex.reports"
    label = "reports"
    verbose_name = "Reports"
