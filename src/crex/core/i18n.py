"""Marking user-facing text in the pure core for translation without importing Django.

`_` returns its argument unchanged; `makemessages` extracts the marked strings, and the
Django layer translates them at render time (e.g. ``{% translate situation.label %}``).
"""


def _(message: str) -> str:
    """Mark ``message`` for translation; the value itself is returned unchanged."""
    return message
