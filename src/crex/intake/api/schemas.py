"""The shapes the reports API accepts and returns, with the descriptions shown in /api/docs.

Input schemas check types and forbid unknown fields; what needs the taxonomy, the
observable normalisers or country and currency tables is checked by the filing service,
which names the field at fault in the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import Decimal

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import AwareDatetime, ConfigDict, Field, JsonValue, StrictBool, field_validator

from crex.core.countries import is_country
from crex.core.handling import Distribution
from crex.core.observables import OBSERVABLE_TYPES
from crex.core.taxonomy import OFFENCE_CODES, Category, is_offence
from crex.core.tlp import DEFAULT_TLP, TLP, parse_tlp
from crex.intake.api.pagination import CursorError, decode_cursor
from crex.intake.services import MAX_NARRATIVE, WALLET
from crex.reports.models import Report, ReportObservable

_TLP_VALUES = [t.value for t in TLP]
_INPUT_TYPES = [*OBSERVABLE_TYPES, WALLET]


def _enum(values: Iterable[str], *, nullable: bool = False) -> dict[str, JsonValue]:
    """The allowed values of a string field, for the OpenAPI document only."""
    allowed: list[JsonValue] = [*values]
    if nullable:
        allowed.append(None)
    return {"enum": allowed}


class _Input(Schema):
    model_config = ConfigDict(extra="forbid")


class ObservableIn(_Input):
    """An identifier the report is about: an account, a website, a phone number..."""

    type: str = Field(
        description=(
            "Observable type. `wallet` is a crypto address whose kind (bitcoin, ethereum, "
            "monero) crex detects."
        ),
        json_schema_extra=_enum(_INPUT_TYPES),
        examples=["iban"],
    )
    value: str = Field(
        min_length=1,
        max_length=2048,
        description="The value as the reporter has it; crex stores a canonical form.",
        examples=["NL91 ABNA 0417 1643 00"],
    )
    role: ReportObservable.Role = Field(
        ReportObservable.Role.MENTIONED,
        description="The part the identifier played in the offence.",
    )

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if value not in _INPUT_TYPES:
            raise ValueError(_("Unknown observable type; use one of: %s") % ", ".join(_INPUT_TYPES))
        return value


class LossIn(_Input):
    """A financial loss: an exact decimal amount and its ISO 4217 currency."""

    amount: Decimal = Field(
        decimal_places=2,
        description="Amount lost, non-negative, at most two decimals; a string or a number.",
        examples=["1250.00"],
    )
    currency: str = Field(description="ISO 4217 code.", examples=["EUR"])

    @field_validator("currency")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.strip().upper()


class ReportIn(_Input):
    """A new report of cybercrime, as a partner system sends it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "narrative": "Customer paid 1,250 EUR for a flat advertised online; "
                    "the 'landlord' stopped answering.",
                    "offence": "online_shopping_fraud",
                    "observables": [
                        {
                            "type": "iban",
                            "value": "NL91 ABNA 0417 1643 00",
                            "role": "payee_account",
                        },
                        {
                            "type": "url",
                            "value": "hxxps://flat-rent-amsterdam[.]nl/offer/17",
                            "role": "phishing_url",
                        },
                    ],
                    "loss": {"amount": "1250.00", "currency": "EUR"},
                    "victim_country": "NL",
                    "language": "en",
                    "incident_time": "2026-03-14T09:30:00+01:00",
                    "reporter_kind": "citizen",
                    "confidential": False,
                    "tlp": "amber",
                }
            ]
        },
    )

    narrative: str = Field(
        min_length=1,
        max_length=MAX_NARRATIVE,
        description="What happened, in the reporter's words.",
        examples=["Customer paid a deposit for a flat advertised online; the landlord vanished."],
    )
    category: Category | None = Field(
        None,
        description=(
            "One of the three categories. Must fit the offence; needed only with offence `other`."
        ),
    )
    offence: str | None = Field(
        None,
        description="Offence code; category and RSIT class follow from it.",
        json_schema_extra=_enum(OFFENCE_CODES, nullable=True),
        examples=["online_shopping_fraud"],
    )
    observables: list[ObservableIn] = Field(
        default_factory=list,
        max_length=500,
        description="Identifiers in the report; each is validated and normalised.",
    )
    loss: LossIn | None = Field(None, description="Financial loss, if any.")
    victim_country: str | None = Field(
        None, description="ISO 3166-1 alpha-2 code of the victim's country.", examples=["NL"]
    )
    language: str | None = Field(
        None,
        max_length=8,
        pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
        description="Language of the narrative (BCP 47).",
        examples=["nl"],
    )
    incident_time: AwareDatetime | None = Field(
        None,
        description="When the offence happened: ISO 8601 with a UTC offset.",
        examples=["2026-03-14T09:30:00+01:00"],
    )
    reporter_kind: Report.ReporterKind = Field(
        Report.ReporterKind.ORGANISATION, description="Who reported it in the first place."
    )
    confidential: StrictBool = Field(
        False,
        description="The reporter asked for confidentiality: never shared with other "
        "organisations.",
    )
    tlp: str = Field(
        DEFAULT_TLP.value,
        description=(
            "Traffic Light Protocol 2.0 marking; `TLP:AMBER` style and `white` (TLP 1.0) "
            "are accepted too."
        ),
        json_schema_extra=_enum(_TLP_VALUES),
        examples=["amber"],
    )

    @field_validator("narrative")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError(_("Describe what happened."))
        return value

    @field_validator("incident_time", mode="before")
    @classmethod
    def _iso_text(cls, value: object) -> object:
        if value is not None and not isinstance(value, str):
            raise ValueError(_("Give the time as ISO 8601 text, e.g. 2026-03-14T09:30:00+01:00."))
        return value

    @field_validator("victim_country")
    @classmethod
    def _country_upper(cls, value: str | None) -> str | None:
        return value.strip().upper() if value is not None else None

    @field_validator("tlp")
    @classmethod
    def _tlp(cls, value: str) -> str:
        try:
            return parse_tlp(value).value
        except ValueError:
            raise ValueError(_("Use clear, green, amber, amber+strict or red.")) from None


class ObservableOut(Schema):
    """An identifier in a report, in canonical form."""

    type: str = Field(description="Observable type.", examples=["iban"])
    value: str = Field(description="Canonical value.", examples=["NL91ABNA0417164300"])
    display: str = Field(description="Form for people to read.", examples=["NL91 ABNA ..."])
    role: str = Field(description="Part it played in the offence.", examples=["payee_account"])


class LossOut(Schema):
    """A financial loss."""

    amount: Decimal = Field(description="Decimal amount, as a string.", examples=["1250.00"])
    currency: str = Field(description="ISO 4217 code.", examples=["EUR"])


class ReportCreated(Schema):
    """What the API answers when it has stored a report."""

    reference: str = Field(description="The report's reference.", examples=["CR-2026-0000123-K"])
    status: Report.Status = Field(description="Handling status.")
    offence: str | None = Field(description="Offence code, if classified.")
    category: Category | None = Field(description="Category, if classified.")
    rsit: str | None = Field(description="RSIT class/type.", examples=["fraud/masquerade"])
    tlp: TLP = Field(description="TLP 2.0 marking.")
    received_at: datetime = Field(description="When crex stored the report (UTC).")
    url: str = Field(description="Where to read the report.")


class ReportOut(ReportCreated):
    """A report as the caller's organisation may see it (never the reporter's contact)."""

    channel: Report.Channel = Field(description="How the report arrived.")
    reporter_kind: Report.ReporterKind = Field(description="Who reported it.")
    confidential: bool = Field(description="The reporter asked for confidentiality.")
    distribution: Distribution = Field(
        description="Who receives it: organisation, group, partners or public."
    )
    offence_proposed: bool = Field(
        description="The offence was proposed from the text by crex, not yet confirmed by "
        "an analyst."
    )
    narrative: str = Field(
        description="What happened; empty outside the receiving organisation unless the "
        "victim's account was marked shareable."
    )
    language: str | None = Field(description="Language of the narrative.")
    victim_country: str | None = Field(description="ISO 3166-1 alpha-2.")
    incident_time: datetime | None = Field(description="When the offence happened.")
    loss: LossOut | None = Field(description="Financial loss, if any.")
    observables: list[ObservableOut] = Field(description="Identifiers in the report.")
    receiving_organisation: str = Field(description="The contact point handling it.")
    updated_at: datetime = Field(description="Last change.")


class ReportPage(Schema):
    """One page of reports, newest first."""

    count: int = Field(description="How many reports match the filters in all.")
    next: str | None = Field(description="URL of the next page; null on the last page.")
    items: list[ReportOut] = Field(description="The reports on this page.")


class ReportFilters(Schema):
    """Query parameters of the report list; all are optional and combine with AND."""

    status: Report.Status | None = Field(None, description="Handling status.")
    category: Category | None = Field(None, description="Category.")
    offence: str | None = Field(
        None, description="Offence code.", json_schema_extra=_enum(OFFENCE_CODES, nullable=True)
    )
    victim_country: str | None = Field(None, description="ISO 3166-1 alpha-2 code.")
    channel: Report.Channel | None = Field(None, description="How the report arrived.")
    received_after: datetime | None = Field(
        None, description="Received at or after (ISO 8601; without an offset: UTC)."
    )
    received_before: datetime | None = Field(
        None, description="Received before (ISO 8601; without an offset: UTC)."
    )
    limit: int = Field(50, ge=1, le=200, description="Page size, 1 to 200.")
    cursor: str | None = Field(None, description="Opaque position from a previous `next`.")

    @field_validator("offence")
    @classmethod
    def _offence(cls, value: str | None) -> str | None:
        if value is not None and not is_offence(value):
            raise ValueError(_("Unknown offence code."))
        return value

    @field_validator("victim_country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip().upper()
        if not is_country(value):
            raise ValueError(_("Use an ISO 3166-1 alpha-2 country code."))
        return value

    @field_validator("received_after", "received_before")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value

    @field_validator("cursor")
    @classmethod
    def _cursor(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                decode_cursor(value)
            except CursorError:
                raise ValueError(_("This cursor is not one crex gave out.")) from None
        return value


class Problem(Schema):
    """RFC 9457 problem details, as every error is answered."""

    type: str = Field(description="Always `about:blank`: the status says what happened.")
    title: str = Field(description="The HTTP status phrase.")
    status: int = Field(description="The HTTP status code.")
    detail: str | None = Field(None, description="What went wrong, for people.")
    errors: list[dict[str, str]] | None = Field(
        None,
        description=(
            "One entry per field at fault: `field`, `detail`, and `pointer` (JSON Pointer "
            "into the body), `parameter` (query or path) or `header`."
        ),
    )
