"""What crex exchanges with partners, in plain records that know no format.

`crex.core.stix` and `crex.core.misp` turn these records into STIX 2.1 bundles and MISP
events and back; the Django layer builds them from what a recipient may see (personal
data of victims already removed, see `crex.core.disclosure`) and stores what arrives.
Values are canonical (as `crex.core.observables.normalise` gives them): a payment card is
``BIN:last4:keyed-hash``, never a whole number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from crex.core.tlp import TLP


@dataclass(frozen=True)
class Party:
    """An organisation that shares or receives: becomes a STIX ``identity``, a MISP Orgc."""

    name: str
    country: str = ""  # ISO 3166-1 alpha-2, blank for an international body
    kind: str = ""  # crex organisation kind (contact_point, cert, bank_payment...)
    stix_id: str = ""  # identity--<uuid> when known (kept from imports)


@dataclass(frozen=True)
class SharedObservable:
    """One observable as shared: crex type, canonical value, role and marking."""

    type: str  # a crex observable type (url, domain-name, iban, payment-card, bitcoin...)
    value: str
    tlp: TLP
    role: str = "mentioned"  # the role it played in the report (payee_account, sender...)
    first_seen: datetime | None = None


@dataclass(frozen=True)
class SharedReport:
    """One report as a recipient may see it."""

    reference: str
    title: str
    tlp: TLP
    created: datetime  # when it was received
    modified: datetime
    source: Party
    category: str = ""
    offence: str = ""
    rsit: str = ""  # RSIT class/type, e.g. fraud/phishing
    victim_country: str = ""
    language: str = ""
    description: str = ""  # the narrative, only when marked shareable; else empty
    incident_at: datetime | None = None
    loss_amount: Decimal | None = None
    loss_currency: str = ""
    observables: tuple[SharedObservable, ...] = ()
    stix_id: str = ""  # report--<uuid>; derived from source and reference when empty


@dataclass(frozen=True)
class SharedCase:
    """A case as a recipient may see it: the reports in it that may reach them."""

    reference: str  # a stable name for the case, e.g. "CASE-42" at its owner
    title: str
    tlp: TLP
    created: datetime
    modified: datetime
    source: Party
    offence: str = ""
    countries: tuple[str, ...] = ()
    reports: tuple[SharedReport, ...] = field(default_factory=tuple)
    stix_id: str = ""  # incident--<uuid>; derived from source and reference when empty
