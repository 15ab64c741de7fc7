"""STIX 2.1 for crex: bundles of shared reports and cases, and reading bundles back.

`report_bundle` and `case_bundle` write what `crex.core.exchange` records hold as STIX
2.1 with TLP 2.0 markings and crex's extensions; `report_objects`, `case_objects` and
`support_objects` give the same objects one by one for a TAXII collection.
`parse_bundle` reads bundles from crex, OpenCTI, misp-stix and other producers back into
those records. `validate_bundle` checks a bundle with the OASIS validator, offline. Pure
Python: it imports the standard library, `stix2` and `crex.core` only.
"""

from crex.core.stix.build import (
    case_bundle,
    case_objects,
    report_bundle,
    report_objects,
    support_objects,
)
from crex.core.stix.errors import StixError
from crex.core.stix.markings import marking_definition, marking_id, tlp_of_marking
from crex.core.stix.parse import ParsedBundle, parse_bundle
from crex.core.stix.validate import ValidationResult, validate_bundle

__all__ = [
    "ParsedBundle",
    "StixError",
    "ValidationResult",
    "case_bundle",
    "case_objects",
    "marking_definition",
    "marking_id",
    "parse_bundle",
    "report_bundle",
    "report_objects",
    "support_objects",
    "tlp_of_marking",
    "validate_bundle",
]
