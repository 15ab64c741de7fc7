"""Template filters that show stored codes the way the workspace's tables need them."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

from crex.core.countries import country_name as _country_name
from crex.core.taxonomy import CATEGORY_LABELS, Category

register = template.Library()


@register.filter
def category_short(code: str) -> str:
    """A short label for a category code, for dense tables (``Attack on systems``)."""
    labels = {
        Category.TRADITIONAL.value: _("Traditional"),
        Category.ILLEGAL_CONTENT.value: _("Illegal content"),
        Category.ATTACK_ON_SYSTEMS.value: _("Attack on systems"),
    }
    return labels.get(code, code)


@register.filter
def category_long(code: str) -> str:
    """The full label of a category code, as the policy defines it."""
    if code in Category.__members__.values():
        return _(CATEGORY_LABELS[Category(code)])
    return code


@register.filter
def country_name(code: str) -> str:
    """The English short name of an ISO 3166-1 alpha-2 code."""
    return _country_name(code) if code else ""
