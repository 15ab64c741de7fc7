"""Django app configuration for demo data."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "crex.demo"
    label = "demo"
    verbose_name = "Demo data"
