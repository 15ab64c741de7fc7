"""MISP's numeric codes: distribution levels, threat level and analysis state.

Distribution (events and attributes): ``0`` your organisation only, ``1`` this
community, ``2`` connected communities, ``3`` all communities, ``4`` one sharing group,
``5`` inherit the event's (attributes and objects only). crex writes its own
distribution as 0, 4, 1 and 3; it reads 1, 2 and 3 as partners: "all communities" still
is not publication, which crex allows for TLP:CLEAR only when its own analysts decide.
"""

from __future__ import annotations

from crex.core.handling import Distribution
from crex.core.misp.errors import MispError
from crex.core.taxonomy import OFFENCES_BY_CODE, Category

ORGANISATION_ONLY, COMMUNITY, CONNECTED, ALL, SHARING_GROUP, INHERIT = range(6)

EXPORT_DISTRIBUTION: dict[Distribution, int] = {
    Distribution.ORGANISATION: ORGANISATION_ONLY,
    Distribution.GROUP: SHARING_GROUP,
    Distribution.PARTNERS: COMMUNITY,
    Distribution.PUBLIC: ALL,
}

IMPORT_DISTRIBUTION: dict[int, Distribution] = {
    ORGANISATION_ONLY: Distribution.ORGANISATION,
    COMMUNITY: Distribution.PARTNERS,
    CONNECTED: Distribution.PARTNERS,
    ALL: Distribution.PARTNERS,
    SHARING_GROUP: Distribution.GROUP,
}

THREAT_HIGH, THREAT_MEDIUM, THREAT_LOW, THREAT_UNDEFINED = 1, 2, 3, 4
ANALYSIS_INITIAL, ANALYSIS_ONGOING, ANALYSIS_COMPLETED = 0, 1, 2


def read_code(value: object, allowed: range | set[int], path: str, what: str) -> int:
    """An integer code from MISP JSON (where codes are strings, ``"4"``) in ``allowed``.

    Raises `MispError` at ``path`` otherwise.
    """
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise MispError(f"The {what} is not a number.", path)
    text = str(value).strip()
    if not text.isdigit() or int(text) not in allowed:
        raise MispError(f"Unknown {what} code {text!r}.", path)
    return int(text)


def distribution_from_code(value: object, path: str) -> Distribution:
    """The crex distribution of an event's MISP distribution code; `MispError` if unknown."""
    return IMPORT_DISTRIBUTION[read_code(value, range(5), path, "distribution")]


def threat_level(offence: str) -> int:
    """A MISP threat level for an offence: attacks on systems medium, other crime low."""
    found = OFFENCES_BY_CODE.get(offence)
    if found is None or found.category is None:
        return THREAT_UNDEFINED
    return THREAT_MEDIUM if found.category is Category.ATTACK_ON_SYSTEMS else THREAT_LOW
