"""What goes wrong reading MISP data: a fatal `MispError`, or one `Skipped` attribute."""

from __future__ import annotations

from dataclasses import dataclass


class MispError(ValueError):
    """Input that is not a MISP event, manifest or feed crex can read.

    ``path`` says where in the document it went wrong, e.g. ``Event.distribution`` or
    ``response[0]``; empty for the document as a whole.
    """

    def __init__(self, message: str, path: str = "") -> None:
        self.message = message
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An attribute that was read but not imported, and why.

    ``value`` is what the attribute held, shortened, and masked for card numbers: a
    skipped entry is shown to analysts and must not carry a whole card number.
    """

    path: str  # e.g. Event.Object[2].Attribute[0]
    type: str  # the MISP attribute type, or "" when it had none
    value: str
    reason: str
