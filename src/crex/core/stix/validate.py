"""Check a bundle with the OASIS STIX 2.1 validator, offline.

The validator checks each object against the STIX schemas it ships and each extension
against the schema named after the extension id in ``schema_dir``. crex vendors the
schemas of the TLP 2.0 extension and of its own extensions there, written so that none
has a remote ``$ref``: the validator would otherwise fetch them over HTTP.
``stix2-validator`` is imported only when this runs (``crex stix validate``, the tests).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from crex.core.stix.extensions import schema_dir


@dataclass(frozen=True)
class ValidationResult:
    """What the validator found: errors (MUSTs broken) and warnings (SHOULDs)."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """Whether there is no error."""
        return not self.errors


def validate_bundle(bundle: dict[str, Any], *, enforce_refs: bool = True) -> ValidationResult:
    """Validate ``bundle`` as STIX 2.1, extensions included, without network access.

    With ``enforce_refs`` (the default), every object a relationship refers to must be
    in the bundle, as crex's own exports guarantee.
    """
    from stix2validator import ValidationOptions, validate_instance

    malformed = _malformed(bundle)
    if malformed:
        # the validator's reference checks assume every object has a type and an id
        return ValidationResult(errors=malformed)
    options = ValidationOptions(
        version="2.1",
        schema_dir=str(schema_dir()),
        silent=True,
        enforce_refs=enforce_refs,
    )
    results = validate_instance(bundle, options)
    return ValidationResult(
        errors=[str(error) for error in results.errors],
        warnings=[str(warning) for warning in results.warnings],
    )


def _malformed(bundle: dict[str, Any]) -> list[str]:
    """Objects of ``bundle`` that are not JSON objects with a string type and id."""
    objects = bundle.get("objects", [])
    if not isinstance(objects, list):
        return ["objects: must be a list"]
    return [
        f"objects[{index}]: every object needs a type and an id"
        for index, obj in enumerate(objects)
        if not isinstance(obj, dict)
        or not isinstance(obj.get("type"), str)
        or not isinstance(obj.get("id"), str)
    ]
