"""The one exception the STIX layer raises for input it cannot read."""

from __future__ import annotations


class StixError(ValueError):
    """Input that is not a STIX 2.1 bundle crex can read.

    ``message`` says what is wrong and ``path`` where, as a JSON path into the input
    (``$`` is the whole document, ``$.objects[3].id`` the id of the fourth object).
    """

    def __init__(self, message: str, path: str = "$") -> None:
        self.message = message
        self.path = path
        super().__init__(f"{path}: {message}")
