"""Organisation-level services: the operator of this instance."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from crex.accounts.models import Organisation


def operator_organisation() -> Organisation:
    """The contact point running this instance, created from settings on first use."""
    found = Organisation.objects.filter(is_operator=True).first()
    if found is not None:
        return found
    with transaction.atomic():
        organisation, _ = Organisation.objects.get_or_create(
            name=settings.CREX_OPERATOR_NAME,
            defaults={
                "kind": Organisation.Kind.CONTACT_POINT,
                "country": settings.CREX_OPERATOR_COUNTRY.upper(),
            },
        )
        organisation.is_operator = True
        organisation.save(update_fields=["is_operator"])
    return organisation
