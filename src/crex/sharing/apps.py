"""Django app configuration for sharing."""

from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "crex.sharing"
    label = "sharing"
    verbose_name = "Sharing"
