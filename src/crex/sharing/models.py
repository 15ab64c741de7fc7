"""Sharing groups, the sharing store served over TAXII (objects and who may read them),
TAXII collections and statuses, partner feeds, and the provenance of imports."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crex.accounts.models import Organisation
from crex.core.handling import DEFAULT_DISTRIBUTION, Distribution
from crex.core.tlp import TLP
from crex.reports.encryption import EncryptedTextField

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


class TaxiiCollection(models.Model):
    """A TAXII 2.1 collection: a view of the sharing store by distribution, sharing group
    and TLP, or a writable inbox that partners POST to.

    Which objects a caller reads in a view is decided by `crex.reports.visibility`
    (`visible_shared_objects`), whatever the view says.
    """

    class Kind(models.TextChoices):
        PUBLIC = "public", _("Public (TLP:CLEAR)")
        PARTNERS = "partners", _("All partners")
        GROUP = "group", _("One sharing group")
        INBOX = "inbox", _("Inbox (partners write to it)")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    alias = models.SlugField(_("alias"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    sharing_group = sharing_group_field("taxii_collections")
    tlp_levels = models.JSONField(
        _("TLP levels"),
        default=list,
        blank=True,
        help_text=_("Only objects with these markings (empty: every level the caller may read)."),
    )
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="taxii_collections",
        verbose_name=_("owner"),
        help_text=_("For an inbox: the organisation that receives what is posted."),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="group", sharing_group__isnull=False)
                | (~models.Q(kind="group") & models.Q(sharing_group__isnull=True)),
                name="taxii_collection_group_only_for_group_kind",
            )
        ]

    def __str__(self) -> str:
        return self.title


class SharedObject(models.Model):
    """One version of one STIX 2.1 object in the sharing store, stored as the compact JSON
    that is served. Who may read it is said by its `ObjectGrant`s."""

    stix_id = models.CharField(_("STIX id"), max_length=100)
    type = models.CharField(_("type"), max_length=64)
    version = models.DateTimeField(_("version (modified)"))
    spec_version = models.CharField(max_length=8, default="2.1")
    body = models.TextField(_("object (JSON)"))
    date_added = models.DateTimeField(_("added"), default=timezone.now)
    is_latest = models.BooleanField(default=True)
    # set for objects posted into a writable collection (an inbox)
    collection = models.ForeignKey(
        TaxiiCollection, on_delete=models.CASCADE, null=True, blank=True, related_name="posted"
    )
    posted_by = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["stix_id", "version"],
                condition=models.Q(collection__isnull=True),
                name="published_object_version",
            ),
            models.UniqueConstraint(
                fields=["stix_id", "version", "collection"],
                condition=models.Q(collection__isnull=False),
                name="posted_object_version",
            ),
        ]
        indexes = [
            models.Index(fields=["date_added", "id"]),
            models.Index(fields=["stix_id", "version"]),
            models.Index(fields=["type"]),
        ]

    def __str__(self) -> str:
        return f"{self.stix_id} @ {self.version:%Y-%m-%dT%H:%M:%S}"


class ObjectGrant(models.Model):
    """Who may read a shared object, because of which report or case: the handling rules
    of that source (an SCO seen in two reports has two grants)."""

    object = models.ForeignKey(SharedObject, on_delete=models.CASCADE, related_name="grants")
    owner = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    report = models.ForeignKey(
        "reports.Report", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    tlp = models.CharField(_("TLP"), max_length=16, choices=[(t.value, t.label) for t in TLP])
    distribution = distribution_field()
    sharing_group = sharing_group_field("+")

    class Meta:
        indexes = [models.Index(fields=["distribution", "tlp"])]

    def __str__(self) -> str:
        return f"{self.object_id} → {self.distribution}"


class TaxiiStatus(models.Model):
    """The status resource of one POST to a writable collection (TAXII 2.1 §4.3)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    collection = models.ForeignKey(TaxiiCollection, on_delete=models.CASCADE)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=16, default="pending")  # pending | complete
    request_timestamp = models.DateTimeField(default=timezone.now)
    successes = models.JSONField(default=list)  # [{"id":..., "version":...}]
    failures = models.JSONField(default=list)  # [{"id":..., "version":..., "message":...}]
    pendings = models.JSONField(default=list)

    def __str__(self) -> str:
        return str(self.id)


class Feed(models.Model):
    """A partner's TAXII 2.1 collection that crex polls and imports (`crex feeds`)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    url = models.URLField(_("collection URL"), max_length=500)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="feeds",
        verbose_name=_("receiving organisation"),
    )
    username = models.CharField(_("user name"), max_length=150, blank=True)
    secret = EncryptedTextField(_("password or token"), blank=True)
    interval_minutes = models.PositiveIntegerField(_("poll every (minutes)"), default=60)
    enabled = models.BooleanField(_("enabled"), default=True)
    added_after = models.CharField(
        _("added after"), max_length=40, blank=True, help_text=_("Where the last poll ended.")
    )
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Provenance(models.Model):
    """Where an imported report came from: the STIX/MISP id it had, who sent it, when and
    how. Imports deduplicate on the source id."""

    class Via(models.TextChoices):
        TAXII_POLL = "taxii_poll", _("TAXII poll")
        TAXII_POST = "taxii_post", _("TAXII post")
        STIX_FILE = "stix_file", _("STIX file")
        MISP = "misp", _("MISP event")

    report = models.OneToOneField(
        "reports.Report", on_delete=models.CASCADE, related_name="provenance"
    )
    source_id = models.CharField(_("source id"), max_length=100)
    source_version = models.CharField(_("source version"), max_length=40, blank=True)
    sender = models.CharField(_("sent by"), max_length=200, blank=True)
    sender_id = models.CharField(_("sender identity"), max_length=100, blank=True)
    via = models.CharField(_("received via"), max_length=16, choices=Via.choices)
    feed = models.ForeignKey(Feed, on_delete=models.SET_NULL, null=True, blank=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source_id"], name="provenance_source_id")]

    def __str__(self) -> str:
        return f"{self.source_id} from {self.sender}"
