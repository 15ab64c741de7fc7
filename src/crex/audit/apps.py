"""Django app configuration for audit."""

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "crex.audit"
    label = "audit"
    verbose_name = "Audit"
