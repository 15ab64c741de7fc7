"""Reports as received, the observables found in them, notes and reporter additions."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crex.accounts.models import Organisation, validate_country
from crex.core.disclosure import PersonalData
from crex.core.observables import OBSERVABLE_TYPES
from crex.core.taxonomy import CATEGORY_LABELS, OFFENCES
from crex.core.tlp import DEFAULT_TLP, TLP
from crex.reports.encryption import EncryptedTextField
from crex.reports.vocabulary import ContactMethod, PaymentMethod
from crex.sharing.models import DISTRIBUTION_CHOICES, distribution_field, sharing_group_field

CATEGORY_CHOICES = [(c.value, label) for c, label in CATEGORY_LABELS.items()]
OFFENCE_CHOICES = [(o.code, o.label) for o in OFFENCES]
TLP_CHOICES = [(t.value, t.label) for t in TLP]


class ReferenceCounter(models.Model):
    """The last reference sequence issued per year (locked while issuing the next)."""

    year = models.PositiveSmallIntegerField(unique=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


# The flag of the report that lets each part of the victim's personal data go outside.
SHARE_FIELDS: dict[PersonalData, str] = {
    PersonalData.NARRATIVE: "share_narrative",
    PersonalData.ANSWERS: "share_answers",
    PersonalData.VICTIM_IDENTIFIERS: "share_victim_identifiers",
    PersonalData.ADDITIONS: "share_additions",
}


class Report(models.Model):
    """One report of cybercrime, as received, with its classification and handling."""

    class Channel(models.TextChoices):
        WEB = "web", _("Web form")
        API = "api", _("API")
        EMAIL = "email", _("E-mail")
        FEED = "feed", _("Feed")
        REFERRAL = "referral", _("Referral")

    class ReporterKind(models.TextChoices):
        CITIZEN = "citizen", _("Citizen")
        BUSINESS = "business", _("Business")
        PUBLIC_BODY = "public_body", _("Public body")
        ORGANISATION = "organisation", _("Partner organisation")
        ANONYMOUS = "anonymous", _("Anonymous")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        TRIAGED = "triaged", _("Triaged")
        IN_CASE = "in_case", _("In a case")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(_("reference"), max_length=24, unique=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="reports",
        verbose_name=_("receiving organisation"),
    )
    submitted_by = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submitted_reports",
        verbose_name=_("submitted by"),
    )
    shared_with = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="reports_shared_with",
        verbose_name=_("shared with"),
    )
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    reporter_kind = models.CharField(
        _("reporter"),
        max_length=16,
        choices=ReporterKind.choices,
        default=ReporterKind.ANONYMOUS,
    )
    confidential = models.BooleanField(
        _("confidential reporter"),
        default=False,
        help_text=_("Never shared outside the receiving organisation."),
    )
    victim_country = models.CharField(
        _("victim country"), max_length=2, blank=True, validators=[validate_country]
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    narrative = models.TextField(_("narrative"), blank=True)
    situation = models.CharField(_("situation"), max_length=40, blank=True)
    answers = models.JSONField(_("questionnaire answers"), default=dict, blank=True)
    contact_method = models.CharField(
        _("how the reporter was contacted"),
        max_length=32,
        blank=True,
        choices=ContactMethod.choices,
    )
    incident_at = models.DateTimeField(_("incident time"), null=True, blank=True)
    loss_amount = models.DecimalField(
        _("financial loss"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    loss_currency = models.CharField(_("currency"), max_length=3, blank=True)
    payment_method = models.CharField(
        _("payment method"), max_length=32, blank=True, choices=PaymentMethod.choices
    )
    card_last4 = models.CharField(_("card last four digits"), max_length=4, blank=True)
    category = models.CharField(_("category"), max_length=32, choices=CATEGORY_CHOICES, blank=True)
    offence = models.CharField(_("offence"), max_length=40, choices=OFFENCE_CHOICES, blank=True)
    rsit = models.CharField(_("RSIT class/type"), max_length=80, blank=True)
    # Set by `crex.reports.classification` when the offence was proposed from the text
    # rather than given; an analyst's reclassification confirms or corrects it.
    offence_proposed = models.BooleanField(_("offence proposed automatically"), default=False)
    proposal = models.JSONField(_("classification proposal"), default=dict, blank=True)
    needs_triage = models.BooleanField(_("needs triage"), default=False, db_index=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NEW, db_index=True
    )
    tlp = models.CharField(_("TLP"), max_length=16, choices=TLP_CHOICES, default=DEFAULT_TLP)
    distribution = distribution_field()
    sharing_group = sharing_group_field("reports")
    # Victim personal data that may go with the report outside the receiving organisation
    # (see crex.core.disclosure); nothing of it does unless marked here.
    share_narrative = models.BooleanField(_("narrative shareable"), default=False)
    share_answers = models.BooleanField(_("answers shareable"), default=False)
    share_victim_identifiers = models.BooleanField(_("victim identifiers shareable"), default=False)
    share_additions = models.BooleanField(_("additions shareable"), default=False)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_reports",
        verbose_name=_("assigned to"),
    )
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("case"),
    )
    original = models.BinaryField(_("original submission"), editable=False)
    original_content_type = models.CharField(max_length=100, default="application/json")
    original_sha256 = models.CharField(_("SHA-256 of the original"), max_length=64, editable=False)
    receipt_code_hash = models.CharField(max_length=64, blank=True, editable=False)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    processed_at = models.DateTimeField(
        _("processed"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("When the processing pipeline last finished; empty while queued."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "-received_at"]),
            models.Index(fields=["organisation", "status", "-received_at"]),
            models.Index(fields=["offence"]),
            models.Index(fields=["victim_country"]),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def shareable(self) -> frozenset[PersonalData]:
        """The parts of the victim's personal data marked shareable outside."""
        return frozenset(part for part, field in SHARE_FIELDS.items() if getattr(self, field))

    def keep_original(self, body: bytes, content_type: str) -> None:
        """Store the submission exactly as received, with its SHA-256."""
        self.original = body
        self.original_content_type = content_type
        self.original_sha256 = hashlib.sha256(body).hexdigest()


class ReporterContact(models.Model):
    """How to reach the reporter; every field encrypted at rest."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="contact")
    name = EncryptedTextField(_("name"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    phone = EncryptedTextField(_("phone"), blank=True)

    def __str__(self) -> str:
        return f"contact for {self.report_id}"


class Observable(models.Model):
    """One identifier in canonical form, shared by every report it appears in."""

    type = models.CharField(_("type"), max_length=20, choices=[(t, t) for t in OBSERVABLE_TYPES])
    value = models.CharField(_("value"), max_length=2048)
    display = models.CharField(_("display form"), max_length=2048, blank=True)
    first_seen = models.DateTimeField(default=timezone.now)
    # Filled by `crex.reports.enrichment` (see `crex.core.enrich`); enriched_at tells
    # that it ran, whether or not it found anything.
    country = models.CharField(_("country"), max_length=2, blank=True, db_index=True)
    asn = models.PositiveBigIntegerField(_("autonomous system"), null=True, blank=True)
    as_name = models.CharField(_("network name"), max_length=200, blank=True)
    bank_code = models.CharField(_("bank code"), max_length=35, blank=True)
    enriched_at = models.DateTimeField(_("enriched"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["type", "value"], name="observable_type_value")
        ]

    def __str__(self) -> str:
        return f"{self.type}:{self.display or self.value}"


class ReportObservable(models.Model):
    """An observable in one report, with the role it played there."""

    class Role(models.TextChoices):
        PAYEE_ACCOUNT = "payee_account", _("Account the money went to")
        PHISHING_URL = "phishing_url", _("Phishing or fake website")
        MALICIOUS_URL = "malicious_url", _("Malicious or illegal content URL")
        SENDER = "sender", _("Sender")
        CONTACT_PHONE = "contact_phone", _("Phone number used by the offender")
        WALLET = "wallet", _("Crypto wallet")
        ATTACKER_IP = "attacker_ip", _("Attacker IP address")
        OFFENDER_ACCOUNT = "offender_account", _("Offender's user account")
        VICTIM_ASSET = "victim_asset", _("Victim's own asset")
        MENTIONED = "mentioned", _("Mentioned")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="observables")
    observable = models.ForeignKey(Observable, on_delete=models.PROTECT, related_name="reports")
    role = models.CharField(_("role"), max_length=24, choices=Role.choices, default=Role.MENTIONED)
    # Blank: as the report. An observable may be handled more strictly than its report.
    tlp = models.CharField(_("TLP"), max_length=16, choices=TLP_CHOICES, blank=True)
    distribution = models.CharField(
        _("distribution"), max_length=16, choices=DISTRIBUTION_CHOICES, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["report", "observable", "role"], name="report_observable_role"
            )
        ]
        indexes = [models.Index(fields=["observable", "report"])]

    def __str__(self) -> str:
        return f"{self.report_id} {self.role} {self.observable}"


class Note(models.Model):
    """An analyst's note on a report (internal: never shown to the reporter)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"note on {self.report_id}"


class Addition(models.Model):
    """Information a reporter added later with reference + receipt code: text or a file."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="additions")
    text = models.TextField(_("information"), blank=True)
    file = models.FileField(_("file"), upload_to="additions/%Y/%m/", blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    file_sha256 = models.CharField(max_length=64, blank=True)
    file_size = models.PositiveIntegerField(null=True, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"addition to {self.report_id}"


class ClassificationCorrection(models.Model):
    """An analyst's verdict on an offence crex proposed: the proposal, what the analyst
    chose (the same offence confirms it), and the text it was made from; exported as
    training data with ``crex classify --corrections``."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="corrections")
    proposed = models.CharField(_("proposed offence"), max_length=40)
    confidence = models.FloatField(_("confidence"), null=True, blank=True)
    corrected = models.CharField(_("offence chosen"), max_length=40)
    language = models.CharField(_("language"), max_length=8, blank=True)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.proposed} → {self.corrected}"
