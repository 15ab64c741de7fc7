"""Traffic Light Protocol 2.0 levels and what each allows when sharing."""

from __future__ import annotations

from enum import StrEnum

from crex.core.i18n import _


class TLP(StrEnum):
    """TLP 2.0 levels, stored in the lower-case spelling of the STIX TLP 2.0 extension."""

    CLEAR = "clear"
    GREEN = "green"
    AMBER = "amber"
    AMBER_STRICT = "amber+strict"
    RED = "red"

    @property
    def label(self) -> str:
        """The marking as people write it, e.g. ``TLP:AMBER+STRICT``."""
        return f"TLP:{self.value.upper()}"

    @property
    def leaves_organisation(self) -> bool:
        """Whether information at this level may be shared with another organisation.

        TLP:RED is for named recipients only: crex never passes it to another organisation.
        """
        return self is not TLP.RED


DEFAULT_TLP = TLP.AMBER

TLP_DESCRIPTIONS: dict[TLP, str] = {
    TLP.CLEAR: _("No limit on disclosure."),
    TLP.GREEN: _("Limited disclosure: the recipient's community."),
    TLP.AMBER: _("Limited disclosure: the recipient's organisation and its clients."),
    TLP.AMBER_STRICT: _("Limited disclosure: the recipient's organisation only."),
    TLP.RED: _("For the eyes and ears of individual recipients only."),
}


def parse_tlp(value: str) -> TLP:
    """Parse ``amber``, ``TLP:AMBER+STRICT``, ``tlp:white`` (TLP 1.0 alias of CLEAR), ..."""
    text = value.strip().lower().removeprefix("tlp:")
    if text == "white":
        return TLP.CLEAR
    return TLP(text)
