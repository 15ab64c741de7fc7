"""The STIX extension definitions crex publishes, and the identity that publishes them.

Identifiers crex needs that STIX has no object for (IBAN, BIC, phone number, crypto
wallet, payment card) are new SCO types, each defined by a ``new-sco``
extension-definition; the facts of a report that STIX has no property for (loss, time of
the offence, the role of each observable) go in a ``property-extension`` on the report.
The JSON schemas live in ``crex/core/data/stix/schemas/`` under the extension ids (which
is where the OASIS validator looks for them); ``crex/core/data/stix/README.md`` documents
them. The ids below are fixed for ever: other nodes recognise the objects by them.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from crex.core.stix.ids import CREX_EPOCH
from crex.core.stix.markings import TLP2_MARKING_IDS
from crex.core.tlp import TLP

CREX_IDENTITY_ID = "identity--1abfe1de-5a2c-4bf0-9053-ac5c7e1c810d"
EXTENSION_VERSION = "1.0.0"


def schema_dir() -> Path:
    """The directory of the vendored JSON schemas (TLP 2.0 and crex's own extensions)."""
    return Path(str(files("crex.core") / "data" / "stix" / "schemas"))


@dataclass(frozen=True, slots=True)
class Extension:
    """One crex extension-definition: its id, what it defines and its description."""

    id: str
    name: str
    description: str
    extension_type: str  # "new-sco" or "property-extension"
    object_type: str = ""  # the SCO type a new-sco extension defines

    @property
    def schema_location(self) -> str:
        """Where the normative JSON schema is (the ``schema`` property of the definition)."""
        return f"JSON Schema shipped with crex: crex/core/data/stix/schemas/{self.id}.json"

    def definition(self) -> dict[str, Any]:
        """The extension-definition object, the same in every bundle."""
        return {
            "type": "extension-definition",
            "spec_version": "2.1",
            "id": self.id,
            "created_by_ref": CREX_IDENTITY_ID,
            "created": CREX_EPOCH,
            "modified": CREX_EPOCH,
            "name": self.name,
            "description": self.description,
            "schema": self.schema_location,
            "version": EXTENSION_VERSION,
            "extension_types": [self.extension_type],
            "object_marking_refs": [TLP2_MARKING_IDS[TLP.CLEAR]],
        }


IBAN = Extension(
    "extension-definition--9435e90a-c810-4cc8-98bd-ad495ad4338b",
    "crex IBAN",
    "An International Bank Account Number (ISO 13616) in its electronic form: upper case, "
    "no spaces, check digits valid.",
    "new-sco",
    "x-crex-iban",
)
BIC = Extension(
    "extension-definition--15ca3330-54ce-41a3-89a8-5415821bc2ac",
    "crex BIC",
    "A Business Identifier Code (ISO 9362, SWIFT code) of 8 or 11 characters, upper case.",
    "new-sco",
    "x-crex-bic",
)
PHONE_NUMBER = Extension(
    "extension-definition--f3d50783-b85e-401a-bc5d-5cf8d76ec763",
    "crex phone number",
    "A telephone number in E.164 form (+ and digits only).",
    "new-sco",
    "x-crex-phone-number",
)
CRYPTOCURRENCY_WALLET = Extension(
    "extension-definition--695c727c-9e69-46b8-b312-8116d4d712e6",
    "crex cryptocurrency wallet",
    "A cryptocurrency address whose checksum holds: bitcoin (legacy or segwit, segwit in "
    "lower case), Ethereum (lower-case hex) or Monero.",
    "new-sco",
    "x-crex-cryptocurrency-wallet",
)
PAYMENT_CARD = Extension(
    "extension-definition--9ed3612e-48a1-4fa9-96ec-11136f634399",
    "crex payment card",
    "A payment card reduced to its BIN (first six digits), last four digits and a keyed "
    "hash of the full number (HMAC-SHA-256 under the sending node's key, first 20 hex "
    "digits). The full number is never exported.",
    "new-sco",
    "x-crex-payment-card",
)
REPORT = Extension(
    "extension-definition--a4b7c882-3603-44ad-861e-5bc5696f758a",
    "crex report",
    "Facts of a cybercrime report that STIX has no property for: the loss (decimal amount "
    "as a string and ISO 4217 currency), when the offence happened, and the role each "
    "referenced observable played in it.",
    "property-extension",
)

SCO_EXTENSIONS: tuple[Extension, ...] = (
    IBAN,
    BIC,
    PHONE_NUMBER,
    CRYPTOCURRENCY_WALLET,
    PAYMENT_CARD,
)
EXTENSIONS_BY_ID: dict[str, Extension] = {e.id: e for e in (*SCO_EXTENSIONS, REPORT)}


def crex_identity() -> dict[str, Any]:
    """The identity of the crex project, creator of the extension definitions."""
    return {
        "type": "identity",
        "spec_version": "2.1",
        "id": CREX_IDENTITY_ID,
        "created": CREX_EPOCH,
        "modified": CREX_EPOCH,
        "name": "crex project",
        "description": "Cybercrime Reporting and EXchange: publisher of the crex STIX extensions.",
        "identity_class": "organization",
        "object_marking_refs": [TLP2_MARKING_IDS[TLP.CLEAR]],
    }
