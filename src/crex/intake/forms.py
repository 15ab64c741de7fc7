"""Forms of the public portal: choosing what happened, the report itself, and follow-up.

Forms parse and check what a person typed; the rules about reports live in
`crex.intake.services` and `crex.intake.portal`, the questionnaire in
`crex.core.questionnaire`. Every form renders with a label for each input, fieldsets
with legends for radio groups, and an error summary that links to the fields.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from babel import Locale, UnknownLocaleError
from babel.numbers import get_territory_currencies
from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import get_language, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from crex.core.countries import COMMON_CURRENCIES, country_codes, currency_codes
from crex.core.observables import InvalidObservable, ObservableType
from crex.core.observables.normalise import normalise_phone
from crex.core.questionnaire import SITUATIONS, Situation, situation
from crex.core.reference import is_valid_reference, normalise_reference
from crex.intake.services import (
    MAX_NARRATIVE,
    WALLET,
    FieldError,
    Identifier,
    ReportSubmission,
    SubmissionInvalid,
    validate,
)
from crex.reports.models import Report
from crex.reports.vocabulary import ContactMethod, PaymentMethod, ReporterKind

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

MAX_LINES = 50  # values per identifier field
#: Identifier text areas, in display order, and the observable type of their lines.
IDENTIFIER_TYPES: dict[str, str] = {
    "urls": ObservableType.URL,
    "emails": ObservableType.EMAIL,
    "phones": ObservableType.PHONE,
    "ibans": ObservableType.IBAN,
    "wallets": WALLET,
    "usernames": ObservableType.USER_ACCOUNT,
}
IDENTIFIER_FIELDS = tuple(IDENTIFIER_TYPES)
CONTENT_IDENTIFIER_FIELDS = ("urls", "usernames")  # where illegal content is found
CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone")
HONEYPOT = "website"  # hidden from people and screen readers; bots fill it in


class ChoiceCards(forms.RadioSelect):
    """Radio buttons drawn as large, easy-to-hit options (each a whole clickable row)."""

    template_name = "intake/widgets/choices.html"
    option_template_name = "intake/widgets/choice.html"


class PortalForm(forms.Form):
    """A form that can list its errors for the error summary at the top of the page."""

    def forget(self, name: str) -> None:
        """Do not show what was typed into field ``name`` again (secrets, card numbers)."""
        data = self.data.copy() if isinstance(self.data, QueryDict) else dict(self.data)
        data[name] = ""
        self.data = data

    def choice_field(self, name: str) -> forms.ChoiceField:
        """The choice field ``name`` (to set its choices when the form is built)."""
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        return field

    #: Where errors about the whole form link to in the error summary.
    non_field_anchor = "main"

    def error_summary(self) -> list[tuple[str, str]]:
        """(anchor id, message) for every error, in the order of the fields."""
        entries: list[tuple[str, str]] = []
        for name, errors in self.errors.items():
            if name == NON_FIELD_ERRORS:
                entries.extend((self.non_field_anchor, str(message)) for message in errors)
                continue
            bound = self[name]
            anchor = f"{bound.auto_id}_0" if bound.use_fieldset else bound.id_for_label
            entries.extend((anchor, str(message)) for message in errors)
        return entries


def _sort_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _locale(language: str) -> Locale:
    try:
        return Locale.parse((language or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale("en")


@cache
def country_choices(language: str) -> tuple[tuple[str, str], ...]:
    """ISO 3166-1 countries named in ``language`` (via babel), sorted by name."""
    names = _locale(language).territories
    pairs = [(code, names.get(code, code)) for code in country_codes()]
    return tuple(sorted(pairs, key=lambda pair: _sort_key(pair[1])))


@cache
def currency_choices(language: str) -> tuple[tuple[str, Any], ...]:
    """ISO 4217 currencies named in ``language``: the common EU ones first, then all others."""
    names = _locale(language).currencies

    def label(code: str) -> str:
        return f"{code} ({names.get(code, code)})"

    common = tuple((code, label(code)) for code in COMMON_CURRENCIES)
    others = tuple(
        (code, label(code)) for code in sorted(currency_codes() - set(COMMON_CURRENCIES))
    )
    return (
        (gettext("Common currencies"), common),
        (gettext("All currencies"), others),
    )


def currency_of(country: str) -> str:
    """The currency in use in ``country`` (ISO 4217), or "" when unknown."""
    if not country:
        return ""
    found = get_territory_currencies(country)
    return found[0] if found else ""


class SituationForm(PortalForm):
    """Step 1: what happened, in plain words."""

    situation = forms.ChoiceField(
        label=_("What happened?"),
        help_text=_("Choose the description that fits best. You can explain more later."),
        choices=[(s.code, _(s.label)) for s in SITUATIONS],
        widget=ChoiceCards,
        error_messages={
            "required": _("Choose what happened from the list."),
            "invalid_choice": _("Choose what happened from the list."),
        },
    )

    def chosen(self) -> Situation:
        """The chosen situation (only after `is_valid`)."""
        return situation(self.cleaned_data["situation"])


def _lines(text: str) -> list[tuple[int, str]]:
    """Non-empty lines of a text area with their line numbers (1-based)."""
    return [
        (number, line.strip()) for number, line in enumerate(text.splitlines(), 1) if line.strip()
    ]


def _identifier_field(label: StrOrPromise, hint: StrOrPromise) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        required=False,
        strip=False,  # keep leading blank lines, so that line numbers in errors match
        widget=forms.Textarea(attrs={"rows": 2, "spellcheck": "false", "autocapitalize": "off"}),
    )


class ReportForm(PortalForm):
    """Step 2: the follow-up question (if any) and the details of what happened."""

    situation = forms.CharField(widget=forms.HiddenInput)
    incident_date = forms.DateField(
        label=_("On what date did it happen?"),
        help_text=_("If you are not sure, give your best guess."),
        widget=forms.DateInput(attrs={"type": "date", "class": "short"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Enter the date it happened, or your best guess."),
            "invalid": _("Enter a real date, for example 2026-03-27."),
        },
    )
    incident_time = forms.TimeField(
        label=_("At what time? (optional)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time", "class": "short"}, format="%H:%M"),
        error_messages={"invalid": _("Enter a time such as 14:30.")},
    )
    contact_method = forms.ChoiceField(
        label=_("How did they contact you, or how did it start? (optional)"),
        choices=ContactMethod.choices,
        required=False,
        widget=ChoiceCards,
    )
    loss_amount = forms.DecimalField(
        label=_("How much money did you lose? (optional)"),
        help_text=_("Leave empty if you did not lose money."),
        required=False,
        localize=True,
        max_digits=14,
        decimal_places=2,
        min_value=0,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "short"}),
        error_messages={
            "invalid": _("Enter the amount as a number, for example 250.00."),
            "min_value": _("The amount cannot be negative."),
            "max_digits": _("The amount is too large."),
            "max_whole_digits": _("The amount is too large."),
            "max_decimal_places": _("Give at most two decimals (cents)."),
        },
    )
    loss_currency = forms.ChoiceField(
        label=_("Currency"),
        required=False,
        error_messages={"invalid_choice": _("Choose a currency from the list.")},
    )
    payment_method = forms.ChoiceField(
        label=_("How did you pay? (optional)"),
        choices=PaymentMethod.choices,
        required=False,
        widget=ChoiceCards,
    )
    card_last4 = forms.CharField(
        label=_("Last 4 digits of the card (optional)"),
        help_text=_(
            "Only if a card was used. Never enter your full card number: we only need the "
            "last 4 digits."
        ),
        required=False,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "class": "short"}
        ),
    )
    urls = _identifier_field(
        _("Web addresses (optional)"),
        _("Websites, shops or links involved, one per line. For example shop-example.com/pay"),
    )
    emails = _identifier_field(
        _("E-mail addresses (optional)"),
        _("E-mail addresses the offender used, one per line."),
    )
    phones = _identifier_field(
        _("Phone numbers (optional)"),
        _("Numbers that called or messaged you, one per line, with country code if you know it."),
    )
    ibans = _identifier_field(
        _("Bank account numbers (IBAN) (optional)"),
        _("Accounts you were asked to pay into, one per line. For example NL91 ABNA 0417 1643 00"),
    )
    wallets = _identifier_field(
        _("Cryptocurrency wallet addresses (optional)"),
        _("Bitcoin, Ethereum or Monero addresses you paid to, one per line."),
    )
    usernames = _identifier_field(
        _("User names or profiles (optional)"),
        _("Names or handles on social media, apps, games or marketplaces, one per line."),
    )
    narrative = forms.CharField(
        label=_("Describe what happened"),
        help_text=_(
            "What happened, in what order, and what was said or promised. Do not include "
            "passwords or full card numbers."
        ),
        required=False,
        max_length=MAX_NARRATIVE,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "max_length": _("Please keep the description under %(limit_value)d characters.")
        },
    )
    victim_country = forms.ChoiceField(
        label=_("In which country do you live or is your organisation based?"),
        required=False,
        error_messages={"invalid_choice": _("Choose a country from the list.")},
    )
    reporter_kind = forms.ChoiceField(
        label=_("Who is reporting?"),
        choices=ReporterKind.choices,
        initial=ReporterKind.CITIZEN,
        widget=ChoiceCards,
        error_messages={
            "required": _("Say who is reporting."),
            "invalid_choice": _("Say who is reporting."),
        },
    )
    confidential = forms.BooleanField(
        label=_("Keep our report confidential"),
        help_text=_(
            "We will not share your organisation's name or details with anyone outside our "
            "contact point: not with other police forces, partners or other countries. We "
            "may still share what the criminals used (such as web addresses or bank "
            "accounts) to warn others, without saying where it came from."
        ),
        required=False,
    )
    contact = forms.ChoiceField(
        label=_("May we contact you?"),
        choices=[
            ("anonymous", _("No, I want to stay anonymous")),
            ("contact", _("Yes, you may contact me about this report")),
        ],
        initial="anonymous",
        widget=ChoiceCards,
        error_messages={
            "required": _("Choose whether we may contact you."),
            "invalid_choice": _("Choose whether we may contact you."),
        },
    )
    contact_name = forms.CharField(label=_("Your name (optional)"), required=False, max_length=200)
    contact_email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Enter an e-mail address like name@example.com.")},
    )
    contact_phone = forms.CharField(
        label=_("Phone number"),
        help_text=_("With the country code, for example +31 6 12345678."),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    website = forms.CharField(
        label=pgettext_lazy("honeypot", "Leave this field empty"), required=False
    )

    def __init__(self, chosen: Situation, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.chosen = chosen
        language = get_language() or "en"
        self.fields["situation"].initial = chosen.code
        if chosen.follow_up is not None:
            self.fields["answer"] = forms.ChoiceField(
                label=_(chosen.follow_up.question),
                choices=[(a.code, _(a.label)) for a in chosen.follow_up.answers],
                widget=ChoiceCards,
                error_messages={
                    "required": _("Please answer this question."),
                    "invalid_choice": _("Please answer this question."),
                },
            )
            self.order_fields(["situation", "answer"])
        if chosen.asks_money:
            self.choice_field("loss_currency").choices = [
                ("", gettext("Choose a currency")),
                *currency_choices(language),
            ]
        else:
            for name in ("contact_method", "loss_amount", "loss_currency", "payment_method"):
                del self.fields[name]
            del self.fields["card_last4"]
        self.choice_field("victim_country").choices = [
            ("", gettext("I prefer not to say")),
            *country_choices(language),
        ]
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
        self.fields[HONEYPOT].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def asks_money(self) -> bool:
        """Whether this form has the money questions."""
        return "loss_amount" in self.fields

    def identifier_fields(self) -> list[forms.BoundField]:
        """The identifier fields shown first: all of them when money is involved, else
        the ones where content is found (web addresses and user names)."""
        names = IDENTIFIER_FIELDS if self.asks_money else CONTENT_IDENTIFIER_FIELDS
        return [self[name] for name in names]

    def more_identifier_fields(self) -> list[forms.BoundField]:
        """The identifier fields shown folded away (the rest)."""
        shown = {field.name for field in self.identifier_fields()}
        return [self[name] for name in IDENTIFIER_FIELDS if name not in shown]

    def more_identifiers_have_errors(self) -> bool:
        """Whether a folded identifier field has an error (then it is shown unfolded)."""
        return any(field.errors for field in self.more_identifier_fields())

    def is_bot(self) -> bool:
        """Whether the hidden honeypot field was filled in (only bots see it)."""
        return bool(self.cleaned_data.get(HONEYPOT))

    def clean_situation(self) -> str:
        """The situation must be the one this form was built for."""
        value: str = self.cleaned_data["situation"]
        if value != self.chosen.code:
            raise forms.ValidationError(_("Choose what happened from the list."))
        return value

    def clean_incident_date(self) -> date:
        """A date that is not in the future."""
        value: date = self.cleaned_data["incident_date"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        if value.year < 1990:
            raise forms.ValidationError(_("Enter a date after 1990."))
        return value

    def clean_card_last4(self) -> str:
        """Exactly four digits; a longer number is refused and wiped from the page."""
        value = "".join(self.cleaned_data.get("card_last4", "").split()).replace("-", "")
        if not value:
            return ""
        if sum(ch.isdigit() for ch in value) > 4:
            self.forget("card_last4")
            raise forms.ValidationError(
                _(
                    "Enter only the last 4 digits of the card, never the full card number. "
                    "We removed what you typed, for your safety."
                )
            )
        if len(value) != 4 or not value.isdigit():
            raise forms.ValidationError(_("Enter the last 4 digits of the card, like 1234."))
        return value

    def clean_contact_phone(self) -> str:
        """A phone number we can read (kept as typed, checked with the country code)."""
        value: str = self.cleaned_data.get("contact_phone", "").strip()
        if not value:
            return ""
        try:
            normalise_phone(value, self.data.get("victim_country") or None)
        except InvalidObservable as exc:
            raise forms.ValidationError(exc.translated(gettext)) from None
        return value

    def identifiers(self, name: str) -> list[Identifier]:
        """One `Identifier` per non-empty line of text area ``name``, named ``name.line``
        (the role is left to the caller)."""
        kind = IDENTIFIER_TYPES[name]
        text: str = self.cleaned_data.get(name, "")
        return [Identifier(kind, value, field=f"{name}.{n}") for n, value in _lines(text)]

    def add_identifier_error(self, error: FieldError) -> bool:
        """Show an error about identifier ``name.line`` as ``Line n: …`` on its text area;
        False if the error is not about an identifier."""
        name, _dot, line = error.field.partition(".")
        if name not in IDENTIFIER_TYPES or not line.isdigit():
            return False
        message = gettext("Line %(line)s: %(message)s") % {"line": line, "message": error.message}
        self.add_error(name, message)
        return True

    def _check_identifiers(self, victim_country: str) -> None:
        """Check every line with the service's own validation, so that all errors show at once."""
        items: list[Identifier] = []
        for name in IDENTIFIER_FIELDS:
            found = self.identifiers(name)
            if len(found) > MAX_LINES:
                self.add_error(name, _("Give at most %(count)d lines here.") % {"count": MAX_LINES})
            else:
                items.extend(found)
        try:
            validate(
                ReportSubmission(
                    channel=Report.Channel.WEB, victim_country=victim_country, identifiers=items
                )
            )
        except SubmissionInvalid as exc:
            for error in exc.errors:
                self.add_identifier_error(error)

    def clean(self) -> dict[str, Any]:
        """Cross-field rules: currency with amount, a way to reach a reporter who asked
        to be contacted, and at least a description or one identifier."""
        data = super().clean() or {}
        if data.get("contact") != "contact":
            for name in CONTACT_FIELDS:  # hidden when anonymous: their errors do not count
                self.errors.pop(name, None)
                data[name] = ""
        self._check_identifiers(data.get("victim_country", ""))
        amount_without_currency = data.get("loss_amount") is not None and not data.get(
            "loss_currency"
        )
        if amount_without_currency and "loss_currency" not in self.errors:
            self.add_error("loss_currency", _("Say which currency."))
        no_way_to_reach = (
            data.get("contact") == "contact"
            and not data.get("contact_email")
            and not data.get("contact_phone")
        )
        if no_way_to_reach and not {"contact_email", "contact_phone"} & set(self.errors):
            self.add_error(
                "contact_email",
                _("Give an e-mail address or a phone number, or choose to stay anonymous."),
            )
        has_identifier = any(_lines(data.get(name, "")) for name in IDENTIFIER_FIELDS)
        if not data.get("narrative") and not has_identifier and "narrative" not in self.errors:
            self.add_error(
                "narrative",
                _("Describe what happened, or give at least one web address, account or number."),
            )
        return data


class FollowUpForm(PortalForm):
    """Reference number and receipt code, to open a report later."""

    non_field_anchor = "id_reference"

    reference = forms.CharField(
        label=_("Reference number"),
        help_text=_("It looks like CR-2026-0001234-Q."),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
        error_messages={"required": _("Enter the reference number of your report.")},
    )
    code = forms.CharField(
        label=_("Receipt code"),
        help_text=_("The code of 20 letters and numbers you wrote down when you reported."),
        max_length=60,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
        error_messages={"required": _("Enter your receipt code.")},
    )

    def clean_reference(self) -> str:
        """A well-formed reference with a correct check character."""
        value = normalise_reference(self.cleaned_data["reference"])
        if not is_valid_reference(value):
            raise forms.ValidationError(
                _("This is not a valid reference number. Check it: it looks like %(example)s."),
                params={"example": "CR-2026-0001234-Q"},
            )
        return value

    def forget_code(self) -> None:
        """Do not show the receipt code again on the page after a failed attempt."""
        self.forget("code")


class AdditionForm(PortalForm):
    """Information or a file the reporter adds to their report."""

    text = forms.CharField(
        label=_("Information to add"),
        help_text=_("Anything new: what happened since, more details, or corrections."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    file = forms.FileField(
        label=_("File (optional)"),
        required=False,
        allow_empty_file=True,  # the service refuses empty files with its own message
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "For example a screenshot, a saved e-mail or a bank statement, at most %(size)s MB."
        ) % {"size": settings.CREX_MAX_UPLOAD_BYTES // (1024 * 1024)}
