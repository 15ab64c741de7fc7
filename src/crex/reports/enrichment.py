"""Enrichment of stored observables: country, network and bank code, filled in once.

The work is `crex.core.enrich`'s; this module keeps the operator's IP databases open
(``CREX_COUNTRY_MMDB``, ``CREX_ASN_MMDB``) and stores the results on `Observable`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import timezone

from crex.core.enrich import IpDatabases, enrich
from crex.reports.models import Observable

_FIELDS = ("country", "asn", "as_name", "bank_code", "enriched_at")
_AS_NAME_LENGTH = Observable._meta.get_field("as_name").max_length or 200


@cache
def ip_databases() -> IpDatabases:
    """The databases named in the settings, opened once per process."""
    return IpDatabases.from_paths(country=settings.CREX_COUNTRY_MMDB, asn=settings.CREX_ASN_MMDB)


@receiver(setting_changed)
def _reopen_ip_databases(*, setting: str, **kwargs: Any) -> None:
    """Forget the open databases when a test points the settings elsewhere."""
    if setting in ("CREX_COUNTRY_MMDB", "CREX_ASN_MMDB"):
        ip_databases.cache_clear()


def enrich_observables(observables: Iterable[Observable]) -> int:
    """Enrich the observables not enriched yet and store the results; return how many.

    An observable is enriched once, even when nothing is found (it is not retried).
    """
    databases = ip_databases()
    now = timezone.now()
    pending = [observable for observable in observables if observable.enriched_at is None]
    for observable in pending:
        found = enrich(observable.type, observable.value, ip_databases=databases)
        observable.country = found.country
        observable.asn = found.asn
        observable.as_name = found.as_name[:_AS_NAME_LENGTH]
        observable.bank_code = found.bank_code
        observable.enriched_at = now
    Observable.objects.bulk_update(pending, _FIELDS)
    return len(pending)
