"""Django app configuration for intake."""

from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "crex.intake"
    label = "intake"
    verbose_name = "Intake"
