"""``crex reencrypt``: re-encrypt reporter contact details with the newest key.

Run after putting a new key first in ``CREX_ENCRYPTION_KEYS``; afterwards the old keys
can be removed from the setting.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from crex.reports.models import ReporterContact


class Command(BaseCommand):
    help = "Re-encrypt every reporter contact with the first key of CREX_ENCRYPTION_KEYS."

    def handle(self, *args: Any, **options: Any) -> None:
        count = 0
        with transaction.atomic():
            # Reading decrypts with any configured key; saving encrypts with the first one.
            for contact in ReporterContact.objects.select_for_update().iterator(chunk_size=500):
                contact.save(update_fields=["name", "email", "phone"])
                count += 1
        self.stdout.write(self.style.SUCCESS(f"Re-encrypted {count} reporter contacts."))
