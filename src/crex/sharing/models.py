"""Sharing groups: named sets of organisations that receive what is distributed to them."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crex.accounts.models import Organisation
from crex.core.handling import DEFAULT_DISTRIBUTION, Distribution

DISTRIBUTION_CHOICES = [(d.value, d.label) for d in Distribution]


class SharingGroup(models.Model):
    """A named set of organisations, e.g. "EU contact points" or "NL banking sector".

    Managed by administrators; an object distributed to a group reaches its members (and
    never while it is TLP:RED or from a confidential reporter).
    """

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    members = models.ManyToManyField(
        Organisation, blank=True, related_name="sharing_groups", verbose_name=_("members")
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def distribution_field() -> models.CharField:
    """The distribution column every shared object carries."""
    return models.CharField(
        _("distribution"),
        max_length=16,
        choices=DISTRIBUTION_CHOICES,
        default=DEFAULT_DISTRIBUTION.value,
    )


def sharing_group_field(related_name: str) -> models.ForeignKey:
    """The sharing group an object is distributed to (only with group distribution)."""
    return models.ForeignKey(
        SharingGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=_("sharing group"),
    )
