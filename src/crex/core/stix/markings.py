"""TLP 2.0 markings in STIX 2.1, and the other spellings of TLP that arrive on import.

STIX 2.1 predefines only TLP 1.0 (``definition_type: tlp``, white/green/amber/red). TLP
2.0 is published by the OASIS CTI TC as a property extension (``tlp_2_0``) on five
marking-definitions with fixed ids; crex writes those. On import it also accepts the TLP
1.0 ids (misp-stix, older tools; WHITE means CLEAR), OpenCTI's ids (it reuses the TLP 1.0
ids and adds its own for AMBER+STRICT), and any marking-definition in the bundle whose
extension, TLP definition or ``TLP:...`` name says which level it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crex.core.tlp import TLP, parse_tlp

TLP2_EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
TLP2_CREATED = "2022-10-01T00:00:00.000Z"

TLP2_MARKING_IDS: dict[TLP, str] = {
    TLP.CLEAR: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    TLP.GREEN: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    TLP.AMBER: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    TLP.AMBER_STRICT: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    TLP.RED: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}

# The STIX 2.1 predefined TLP 1.0 markings (stix2.TLP_WHITE ... TLP_RED), which OpenCTI
# also uses for its TLP:CLEAR, GREEN, AMBER and RED.
TLP1_MARKING_IDS: dict[str, TLP] = {
    "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": TLP.CLEAR,  # TLP:WHITE
    "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": TLP.GREEN,
    "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": TLP.AMBER,
    "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": TLP.RED,
}

# OpenCTI's own TLP:AMBER+STRICT (a fixed id in the platform; ``definition_type: tlp``).
OPENCTI_AMBER_STRICT_ID = "marking-definition--826578e1-40ad-459f-bc73-ede076f81f37"

KNOWN_MARKING_IDS: dict[str, TLP] = {
    **{marking: tlp for tlp, marking in TLP2_MARKING_IDS.items()},
    **TLP1_MARKING_IDS,
    OPENCTI_AMBER_STRICT_ID: TLP.AMBER_STRICT,
}


def marking_id(tlp: TLP) -> str:
    """The id of the TLP 2.0 marking-definition for ``tlp``."""
    return TLP2_MARKING_IDS[tlp]


def marking_definition(tlp: TLP) -> dict[str, Any]:
    """The TLP 2.0 marking-definition object for ``tlp``, exactly as OASIS publishes it."""
    return {
        "type": "marking-definition",
        "spec_version": "2.1",
        "id": TLP2_MARKING_IDS[tlp],
        "created": TLP2_CREATED,
        "name": tlp.label,
        "extensions": {
            TLP2_EXTENSION_ID: {"extension_type": "property-extension", "tlp_2_0": tlp.value}
        },
    }


def tlp_of_marking(marking: str) -> TLP | None:
    """The TLP level of a marking id crex knows (TLP 2.0, TLP 1.0 or OpenCTI), else None."""
    return KNOWN_MARKING_IDS.get(marking)


def tlp_of_definition(obj: Mapping[str, Any]) -> TLP | None:
    """The TLP level a marking-definition object states, or None when it is no TLP marking.

    Read in order: the TLP 2.0 extension, a TLP 1.0 ``definition``, OpenCTI's
    ``x_opencti_definition``, and a ``TLP:...`` name.
    """
    known = tlp_of_marking(str(obj.get("id", "")))
    if known is not None:
        return known
    extensions = obj.get("extensions")
    if isinstance(extensions, Mapping):
        extension = extensions.get(TLP2_EXTENSION_ID)
        if isinstance(extension, Mapping) and isinstance(extension.get("tlp_2_0"), str):
            return _tlp(extension["tlp_2_0"])
    definition = obj.get("definition")
    tlp1 = definition.get("tlp") if isinstance(definition, Mapping) else None
    if obj.get("definition_type") == "tlp" and isinstance(tlp1, str):
        return _tlp(tlp1)
    for key in ("x_opencti_definition", "name"):
        text = obj.get(key)
        if isinstance(text, str) and text.strip().upper().startswith("TLP:"):
            return _tlp(text)
    return None


def _tlp(text: str) -> TLP | None:
    try:
        return parse_tlp(text)
    except ValueError:
        return None
