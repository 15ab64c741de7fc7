"""Forms of the case pages: the case list's filters, the analyst's actions on a case,
sending a referral and answering one.

The forms only parse and check input; the views hand the cleaned values to the audited
actions in `crex.cases.services` and `crex.cases.referrals`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from crex.accounts.models import Organisation
from crex.cases.models import Case
from crex.core.countries import country_choices
from crex.reports.forms import WorkspaceForm, offence_choices
from crex.reports.models import Report

PAGE_SIZE = 50
HIGHEST_SCORE = "-score"
LOWEST_SCORE = "score"
NEWEST = "-created"
ORDERS = {
    HIGHEST_SCORE: ("-score", "-pk"),
    LOWEST_SCORE: ("score", "pk"),
    NEWEST: ("-created_at", "-pk"),
}
YES, NO = "yes", "no"
OUT_OF_ANY_CASE = "out"

Choices = list[tuple[Any, Any]]


def _filter_status() -> Choices:
    return [("", _("All but merged")), *Case.Status.choices]


def _filter_country() -> Choices:
    return [("", _("Any country")), *country_choices()]


def _filter_offence() -> Choices:
    return [("", _("Any offence")), *offence_choices()]


class CaseFilterForm(WorkspaceForm):
    """The case list's filters, read from the query string; a value that does not parse
    gets an error message and is left out (the other filters still apply)."""

    status = forms.ChoiceField(label=_("Status"), required=False, choices=_filter_status)
    cross_border = forms.ChoiceField(
        label=_("Cross-border"),
        required=False,
        choices=[("", _("Either")), (YES, _("Cross-border")), (NO, _("One country"))],
    )
    country = forms.ChoiceField(label=_("Country"), required=False, choices=_filter_country)
    offence = forms.ChoiceField(label=_("Offence"), required=False, choices=_filter_offence)
    size_min = forms.IntegerField(
        label=_("At least (reports)"), required=False, min_value=1, max_value=1_000_000
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[
            (HIGHEST_SCORE, _("Highest score first")),
            (LOWEST_SCORE, _("Lowest score first")),
            (NEWEST, _("Newest first")),
        ],
    )

    def filter(self, cases: QuerySet[Case], visible: QuerySet[Report]) -> QuerySet[Case]:
        """``cases`` narrowed by every filter that parsed, in the chosen order, each with
        ``shown``: how many of its reports are in ``visible`` (the viewer's reports).

        Country means a victim's or the infrastructure's country; offence, a visible
        report of the case with that offence; size, the reports the viewer sees.
        """
        self.is_valid()  # fills cleaned_data with the values that parsed
        data = getattr(self, "cleaned_data", {})
        if status := data.get("status"):
            cases = cases.filter(status=status)
        else:
            cases = cases.exclude(status=Case.Status.MERGED)
        if data.get("cross_border") in (YES, NO):
            cases = cases.filter(cross_border=data["cross_border"] == YES)
        if country := data.get("country"):
            # the JSON list's text holds the quoted code (works on SQLite and PostgreSQL)
            cases = cases.filter(countries__icontains=f'"{country}"')
        if offence := data.get("offence"):
            cases = cases.filter(pk__in=visible.filter(offence=offence).values("case_id"))
        cases = cases.annotate(
            shown=Count("reports", filter=Q(reports__in=visible.values("pk")), distinct=True)
        )
        if size := data.get("size_min"):
            cases = cases.filter(shown__gte=size)
        return cases.order_by(*ORDERS.get(data.get("sort") or HIGHEST_SCORE, ORDERS[HIGHEST_SCORE]))

    @property
    def is_filtered(self) -> bool:
        """Whether any filter (other than the order) was given and understood."""
        data = getattr(self, "cleaned_data", {})
        return any(value for name, value in data.items() if name != "sort")


def case_label(case: Case) -> str:
    """``#12 Online shopping fraud: … (Open)``: a case in a choice list."""
    return f"#{case.pk} {case.title} ({case.get_status_display()})"


class CaseChoiceField(forms.ModelChoiceField):
    """A case choice labelled with its number, title and status."""

    def label_from_instance(self, obj: Any) -> str:
        """The case's `case_label`."""
        return case_label(obj)


def other_cases(case: Case) -> QuerySet[Case]:
    """The cases of ``case``'s organisation that reports can move to or merge from."""
    return (
        Case.objects.filter(organisation_id=case.organisation_id)
        .exclude(pk=case.pk)
        .exclude(status=Case.Status.MERGED)
        .order_by("-score", "-pk")
    )


class CloseForm(WorkspaceForm):
    """Close the case, with an optional reason for the timeline."""

    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MergeForm(WorkspaceForm):
    """Choose another case of the organisation whose reports join this one."""

    source = CaseChoiceField(
        label=_("Case to merge into this one"),
        queryset=Case.objects.none(),
        empty_label=_("Choose a case"),
        error_messages={"required": _("Choose the case to merge into this one.")},
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["source"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = other_cases(case)


class ReportChoiceField(forms.ModelChoiceField):
    """A report choice labelled with its reference."""

    def label_from_instance(self, obj: Any) -> str:
        """The report's reference."""
        return str(obj.reference)


class SplitForm(WorkspaceForm):
    """Choose some of the case's reports to split off into a new case."""

    reports = forms.ModelMultipleChoiceField(
        label=_("Reports to split off"),
        queryset=Report.objects.none(),
        error_messages={"required": _("Tick the reports to split off.")},
    )
    title = forms.CharField(
        label=_("Title of the new case (optional)"), required=False, max_length=200
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.case = case
        field = self.fields["reports"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = Report.objects.filter(case=case)

    def clean_reports(self) -> QuerySet[Report]:
        """A split leaves at least one report in the case."""
        chosen: QuerySet[Report] = self.cleaned_data["reports"]
        if chosen.count() >= Report.objects.filter(case=self.case).count():
            raise forms.ValidationError(_("Leave at least one report in this case."))
        return chosen


class MoveForm(WorkspaceForm):
    """Move one of the case's reports to another case of the organisation, or out of
    any case."""

    report = ReportChoiceField(
        label=_("Report to move"),
        queryset=Report.objects.none(),
        empty_label=_("Choose a report"),
        error_messages={"required": _("Choose the report to move.")},
    )
    target = forms.ChoiceField(
        label=_("Move to"), error_messages={"required": _("Choose where the report goes.")}
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        report = self.fields["report"]
        assert isinstance(report, forms.ModelChoiceField)
        report.queryset = Report.objects.filter(case=case).order_by("received_at", "pk")
        self._targets = {str(c.pk): c for c in other_cases(case)}
        target = self.fields["target"]
        assert isinstance(target, forms.ChoiceField)
        target.choices = [
            ("", _("Choose a case")),
            (OUT_OF_ANY_CASE, _("No case (take the report out)")),
            *[(pk, case_label(c)) for pk, c in self._targets.items()],
        ]

    def clean_target(self) -> Case | None:
        """The chosen case, or None to take the report out of any case."""
        value = self.cleaned_data["target"]
        return None if value == OUT_OF_ANY_CASE else self._targets[value]


class ReferralForm(WorkspaceForm):
    """Send the case to a competent contact point or the hub, with a message."""

    recipient = forms.ModelChoiceField(
        label=_("Send to"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose the recipient"),
        error_messages={"required": _("Choose the recipient.")},
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you ask of the recipient, and whom they can contact."),
        error_messages={"required": _("Write a message for the recipient.")},
    )

    def __init__(self, *args: Any, recipients: Iterable[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["recipient"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.filter(pk__in=[o.pk for o in recipients]).order_by(
            "kind", "country", "name"
        )

    def clean_message(self) -> str:
        """A message of blanks is no message."""
        message = str(self.cleaned_data["message"]).strip()
        if not message:
            raise forms.ValidationError(_("Write a message for the recipient."))
        return message


ACCEPT, DECLINE = "accept", "decline"


class AnswerForm(WorkspaceForm):
    """Accept or decline a referral (the button pressed gives the decision); declining
    needs a reason."""

    decision = forms.ChoiceField(
        choices=[(ACCEPT, _("Accept")), (DECLINE, _("Decline"))], widget=forms.HiddenInput
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed to decline; optional when accepting."),
    )

    def clean(self) -> dict[str, Any]:
        """A decline without a reason is refused."""
        cleaned = super().clean() or {}
        if cleaned.get("decision") == DECLINE and not str(cleaned.get("reason", "")).strip():
            self.add_error("reason", _("Give a reason for declining."))
        return cleaned
