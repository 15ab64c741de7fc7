"""TLP 2.0 markings are written exactly as OASIS publishes them; other spellings are read."""

import json

import pytest
import stix2

from crex.core.stix import marking_definition, marking_id, tlp_of_marking
from crex.core.stix.markings import tlp_of_definition
from crex.core.tlp import TLP

# The TLP 2.0 marking-definitions as published by the OASIS CTI TC
# (cti-stix-common-objects, extension-definition-specifications/tlp-2.0).
OASIS = {
    TLP.CLEAR: ("94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP:CLEAR", "clear"),
    TLP.GREEN: ("bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP:GREEN", "green"),
    TLP.AMBER: ("55d920b0-5e8b-4f79-9ee9-91f868d9b421", "TLP:AMBER", "amber"),
    TLP.AMBER_STRICT: ("939a9414-2ddd-4d32-a0cd-375ea402b003", "TLP:AMBER+STRICT", "amber+strict"),
    TLP.RED: ("e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP:RED", "red"),
}

STANDARD_JSON = """{{
    "type": "marking-definition",
    "spec_version": "2.1",
    "id": "marking-definition--{uuid}",
    "created": "2022-10-01T00:00:00.000Z",
    "name": "{name}",
    "extensions": {{
        "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d": {{
            "extension_type": "property-extension",
            "tlp_2_0": "{level}"
        }}
    }}
}}"""


@pytest.mark.parametrize("tlp", list(TLP))
def test_marking_definitions_are_the_published_objects(tlp: TLP) -> None:
    uuid, name, level = OASIS[tlp]
    published = json.loads(STANDARD_JSON.format(uuid=uuid, name=name, level=level))
    assert marking_definition(tlp) == published
    assert json.dumps(marking_definition(tlp)) == json.dumps(published)  # same key order too
    assert marking_id(tlp) == f"marking-definition--{uuid}"


@pytest.mark.parametrize("tlp", list(TLP))
def test_stix2_reads_and_writes_them_unchanged(tlp: TLP) -> None:
    parsed = stix2.parse(marking_definition(tlp), allow_custom=True)
    assert json.loads(parsed.serialize()) == marking_definition(tlp)


@pytest.mark.parametrize("tlp", list(TLP))
def test_own_ids_read_back(tlp: TLP) -> None:
    assert tlp_of_marking(marking_id(tlp)) is tlp


@pytest.mark.parametrize(
    ("marking", "tlp"),
    [
        (stix2.TLP_WHITE.id, TLP.CLEAR),
        (stix2.TLP_GREEN.id, TLP.GREEN),
        (stix2.TLP_AMBER.id, TLP.AMBER),
        (stix2.TLP_RED.id, TLP.RED),
        ("marking-definition--826578e1-40ad-459f-bc73-ede076f81f37", TLP.AMBER_STRICT),  # OpenCTI
    ],
)
def test_tlp1_and_opencti_ids_are_aliases(marking: str, tlp: TLP) -> None:
    assert tlp_of_marking(marking) is tlp


def test_an_unknown_id_is_no_tlp() -> None:
    assert tlp_of_marking("marking-definition--00000000-0000-4000-8000-000000000000") is None


@pytest.mark.parametrize(
    ("definition", "tlp"),
    [
        (  # TLP 1.0 form, as stix2 and misp-stix write it
            {"definition_type": "tlp", "definition": {"tlp": "white"}, "name": "TLP:WHITE"},
            TLP.CLEAR,
        ),
        (  # OpenCTI's own properties
            {
                "definition_type": "statement",
                "definition": {"statement": "custom"},
                "x_opencti_definition_type": "TLP",
                "x_opencti_definition": "TLP:AMBER+STRICT",
            },
            TLP.AMBER_STRICT,
        ),
        ({"definition_type": "statement", "name": "tlp:red"}, TLP.RED),  # only the name says
        (  # the TLP 2.0 extension under an id of its own
            {
                "extensions": {
                    "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d": {
                        "extension_type": "property-extension",
                        "tlp_2_0": "green",
                    }
                }
            },
            TLP.GREEN,
        ),
        ({"definition_type": "statement", "definition": {"statement": "Copyright ACME"}}, None),
        ({"definition_type": "tlp", "definition": {"tlp": "purple"}, "name": "TLP:PURPLE"}, None),
    ],
)
def test_marking_definition_objects_are_read(
    definition: dict[str, object], tlp: TLP | None
) -> None:
    obj = {
        "type": "marking-definition",
        "id": "marking-definition--0d0f0e0c-1111-4222-8333-444455556666",
        **definition,
    }
    assert tlp_of_definition(obj) is tlp
