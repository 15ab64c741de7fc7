"""Stable codes the portal stores for how the reporter was contacted and how they paid.

The codes are what statistics and exports count; the labels are what reporters read.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactMethod(models.TextChoices):
    """How the offender first contacted the reporter (``Report.contact_method``)."""

    EMAIL = "email", _("E-mail")
    PHONE_CALL = "phone_call", _("Phone call")
    SMS = "sms", _("Text message (SMS)")
    SOCIAL_MEDIA = "social_media", _("Social media")
    MESSAGING_APP = "messaging_app", _("Messaging app (for example WhatsApp, Telegram, Signal)")
    WEBSITE = "website", _("A website or an online advert")
    IN_PERSON = "in_person", _("In person")
    OTHER = "other", _("Another way")


class PaymentMethod(models.TextChoices):
    """How the reporter paid or lost money (``Report.payment_method``)."""

    BANK_TRANSFER = "bank_transfer", _("Bank transfer")
    CARD = "card", _("Debit or credit card")
    CRYPTO = "crypto", _("Cryptocurrency")
    GIFT_CARD = "gift_card", _("Gift cards or vouchers")
    CASH = "cash", _("Cash")
    PAYMENT_APP = "payment_app", _("Payment app (for example PayPal)")
    OTHER = "other", _("Another way")


class ReporterKind(models.TextChoices):
    """Who is reporting, as the portal asks it (a subset of ``Report.ReporterKind``)."""

    CITIZEN = "citizen", _("A private person")
    BUSINESS = "business", _("A business or other organisation")
    PUBLIC_BODY = "public_body", _("A public authority")
