"""Django app configuration for cases."""

from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "crex.cases"
    label = "cases"
    verbose_name = "Cases"
