"""Django app configuration for correlation."""

from django.apps import AppConfig


class CorrelationConfig(AppConfig):
    name = "crex.correlation"
    label = "correlation"
    verbose_name = "Correlation"
