"""The form that sets an object's handling rules: TLP, distribution and sharing group."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from crex.core.handling import Distribution, handling_errors
from crex.core.tlp import TLP
from crex.sharing.handling import Handling
from crex.sharing.models import DISTRIBUTION_CHOICES, SharingGroup

TLP_CHOICES = [(t.value, t.label) for t in TLP]


class HandlingForm(forms.Form):
    """TLP marking, distribution and (for group distribution) the sharing group."""

    tlp = forms.ChoiceField(
        label=_("TLP"),
        choices=TLP_CHOICES,
        help_text=_("TLP:RED and confidential reports never leave the organisation."),
    )
    distribution = forms.ChoiceField(label=_("Distribution"), choices=DISTRIBUTION_CHOICES)
    sharing_group = forms.ModelChoiceField(
        label=_("Sharing group"),
        queryset=SharingGroup.objects.all(),
        required=False,
        empty_label=_("— none —"),
        help_text=_("Only for distribution to a sharing group."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        """Check that marking, distribution and group go together."""
        super().clean()
        data = self.cleaned_data
        if {"tlp", "distribution"} <= data.keys():
            errors = handling_errors(
                TLP(data["tlp"]),
                Distribution(data["distribution"]),
                has_group=data.get("sharing_group") is not None,
            )
            for field, message in errors.items():
                self.add_error(field, gettext(message))
        return data

    @property
    def handling(self) -> Handling:
        """The handling rules entered (call after ``is_valid``)."""
        return Handling(
            TLP(self.cleaned_data["tlp"]),
            Distribution(self.cleaned_data["distribution"]),
            self.cleaned_data.get("sharing_group"),
        )
