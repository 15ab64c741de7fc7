"""Forms of the analyst workspace: the queue filters and the actions on one report.

The action forms only parse and check input; the views hand the cleaned values to the
audited actions in `crex.reports.services`.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crex.accounts.models import User
from crex.core.countries import country_choices
from crex.core.taxonomy import CATEGORY_LABELS, OFFENCES, Category, category_fits, offences_in
from crex.reports.models import Report
from crex.sharing.forms import HandlingForm

PAGE_SIZE = 50
NEWEST_FIRST = "-received"
OLDEST_FIRST = "received"
ASSIGNED_TO_ME = "me"
UNASSIGNED = "none"

Choices = list[tuple[Any, Any]]


def offence_choices() -> Choices:
    """Offences grouped by category (``<optgroup>``), `other` in a group of its own."""
    groups: Choices = [
        (_(CATEGORY_LABELS[category]), [(o.code, _(o.label)) for o in offences_in(category)])
        for category in Category
    ]
    groups.append((_("Other"), [(o.code, _(o.label)) for o in OFFENCES if o.category is None]))
    return groups


def category_choices() -> Choices:
    """The three categories."""
    return [(category.value, _(label)) for category, label in CATEGORY_LABELS.items()]


def _filter_status() -> Choices:
    return [("", _("Any status")), *Report.Status.choices]


def _filter_category() -> Choices:
    return [("", _("Any category")), *category_choices()]


def _filter_offence() -> Choices:
    return [("", _("Any offence")), *offence_choices()]


def _filter_country() -> Choices:
    return [("", _("Any country")), *country_choices()]


def _filter_channel() -> Choices:
    return [("", _("Any channel")), *Report.Channel.choices]


def _offence_to_set() -> Choices:
    return [("", _("Choose an offence")), *offence_choices()]


def _category_to_set() -> Choices:
    return [("", _("No category")), *category_choices()]


class WorkspaceForm(forms.Form):
    """A form whose labels carry no trailing colon (the layout separates them)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


NEEDS_TRIAGE = "needs_triage"
PROPOSED = "proposed"
CONFIRMED = "confirmed"


class QueueFilterForm(WorkspaceForm):
    """The queue's filters, read from the query string so a filtered queue can be shared.

    Every field is optional; a value that does not parse gets an error message and is
    left out of the filtering (the other filters still apply).
    """

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Reference or narrative")}
        ),
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=_filter_status)
    category = forms.ChoiceField(label=_("Category"), required=False, choices=_filter_category)
    offence = forms.ChoiceField(label=_("Offence"), required=False, choices=_filter_offence)
    victim_country = forms.ChoiceField(
        label=_("Victim country"), required=False, choices=_filter_country
    )
    channel = forms.ChoiceField(label=_("Channel"), required=False, choices=_filter_channel)
    assigned = forms.ChoiceField(
        label=_("Assigned"),
        required=False,
        choices=[
            ("", _("Anyone or nobody")),
            (ASSIGNED_TO_ME, _("Assigned to me")),
            (UNASSIGNED, _("Unassigned")),
        ],
    )
    classification = forms.ChoiceField(
        label=_("Classification"),
        required=False,
        choices=[
            ("", _("Any")),
            (NEEDS_TRIAGE, _("Needs triage (proposed, low confidence)")),
            (PROPOSED, _("Proposed, not confirmed")),
            (CONFIRMED, _("Given or confirmed")),
        ],
    )
    received_from = forms.DateField(
        label=_("Received from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    received_to = forms.DateField(
        label=_("Received to"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[(NEWEST_FIRST, _("Newest first")), (OLDEST_FIRST, _("Oldest first"))],
    )

    def clean(self) -> dict[str, Any]:
        """Reject a date range that ends before it starts."""
        cleaned = super().clean() or {}
        start, end = cleaned.get("received_from"), cleaned.get("received_to")
        if start and end and end < start:
            self.add_error("received_to", _("The end date is before the start date."))
        return cleaned

    def filter(self, reports: QuerySet[Report], user: User) -> QuerySet[Report]:
        """``reports`` narrowed by every filter that parsed, in the chosen order."""
        self.is_valid()  # fills cleaned_data with the values that parsed
        data = getattr(self, "cleaned_data", {})
        if text := data.get("q", "").strip():
            reports = reports.filter(Q(reference__icontains=text) | Q(narrative__icontains=text))
        for name in ("status", "category", "offence", "victim_country", "channel"):
            if value := data.get(name):
                reports = reports.filter(**{name: value})
        classification = data.get("classification")
        if classification == NEEDS_TRIAGE:
            reports = reports.filter(needs_triage=True)
        elif classification == PROPOSED:
            reports = reports.filter(offence_proposed=True)
        elif classification == CONFIRMED:
            reports = reports.filter(offence_proposed=False).exclude(offence="")
        if data.get("assigned") == ASSIGNED_TO_ME:
            reports = reports.filter(assigned_to=user)
        elif data.get("assigned") == UNASSIGNED:
            reports = reports.filter(assigned_to__isnull=True)
        if start := data.get("received_from"):
            reports = reports.filter(received_at__gte=_start_of(start))
        if end := data.get("received_to"):
            reports = reports.filter(received_at__lt=_start_of(end + timedelta(days=1)))
        if data.get("sort") == OLDEST_FIRST:
            return reports.order_by("received_at", "id")
        return reports.order_by("-received_at", "-id")

    @property
    def is_filtered(self) -> bool:
        """Whether any filter (other than the order) was given and understood."""
        data = getattr(self, "cleaned_data", {})
        return any(value for name, value in data.items() if name != "sort")


def _start_of(day: date) -> datetime:
    """Midnight at the start of ``day`` in the current time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


class ReclassifyForm(WorkspaceForm):
    """Choose the offence; for `other` the analyst may also choose the category."""

    offence = forms.ChoiceField(label=_("Offence"), choices=_offence_to_set)
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=_category_to_set,
        help_text=_("Only for “Other”: the other offences bring their own category."),
    )

    def clean(self) -> dict[str, Any]:
        """A category given with an offence must agree with it."""
        cleaned = super().clean() or {}
        offence, category = cleaned.get("offence"), cleaned.get("category")
        if offence and category and not category_fits(category, offence):
            self.add_error("category", _("This category does not fit the offence."))
        return cleaned


class AssigneeField(forms.ModelChoiceField):
    """A user choice labelled with full name and username."""

    def label_from_instance(self, obj: Any) -> str:
        """``Anna Analyst (anna.analyst)``, or the username alone."""
        full = obj.get_full_name()
        return f"{full} ({obj.get_username()})" if full else str(obj.get_username())


class AssignForm(WorkspaceForm):
    """Assign the report to one of the receiving organisation's analysts, or to nobody."""

    assignee = AssigneeField(
        label=_("Assign to"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Nobody (unassigned)"),
    )

    def __init__(self, *args: Any, report: Report, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assignee"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = User.objects.filter(
            organisation_id=report.organisation_id,
            is_active=True,
            role__in=[User.Role.ANALYST, User.Role.SUPERVISOR, User.Role.ADMIN],
        ).order_by("username")


class StatusForm(WorkspaceForm):
    """Move the report to another status."""

    status = forms.ChoiceField(label=_("Status"), choices=Report.Status.choices)


class ReportHandlingForm(HandlingForm):
    """The report's handling rules and which of the victim's personal data may go with it."""

    share_narrative = forms.BooleanField(
        label=_("Share the victim's account (narrative)"), required=False
    )
    share_answers = forms.BooleanField(label=_("Share the questionnaire answers"), required=False)
    share_victim_identifiers = forms.BooleanField(
        label=_("Share the victim's own identifiers (accounts, cards)"), required=False
    )
    share_additions = forms.BooleanField(
        label=_("Share what the reporter added later"), required=False
    )

    @property
    def shareable(self) -> dict[str, bool]:
        """The share_* flags entered (call after ``is_valid``)."""
        return {name: self.cleaned_data[name] for name in self.fields if name.startswith("share_")}


class NoteForm(WorkspaceForm):
    """Add an internal note (never shown to the reporter)."""

    text = forms.CharField(
        label=_("Note"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write the note before adding it.")},
    )
