"""Payment card numbers: issuer (IIN) ranges, lengths and the Luhn check.

In free text a Luhn-valid run of digits is a card only if it also starts with a known
issuer prefix and has a length that issuer uses; this keeps order numbers, phone numbers
and IBAN digits from being taken for cards.
"""

from __future__ import annotations

from stdnum import luhn

# (lowest prefix, highest prefix, allowed lengths, brand); prefixes compared on as many
# leading digits as they have.
_RANGES: tuple[tuple[int, int, frozenset[int], str], ...] = (
    (4, 4, frozenset({13, 16, 19}), "visa"),
    (51, 55, frozenset({16}), "mastercard"),
    (2221, 2720, frozenset({16}), "mastercard"),
    (34, 34, frozenset({15}), "amex"),
    (37, 37, frozenset({15}), "amex"),
    (6011, 6011, frozenset(range(16, 20)), "discover"),
    (644, 649, frozenset(range(16, 20)), "discover"),
    (65, 65, frozenset(range(16, 20)), "discover"),
    (3528, 3589, frozenset(range(16, 20)), "jcb"),
    (300, 305, frozenset(range(14, 20)), "diners"),
    (36, 36, frozenset(range(14, 20)), "diners"),
    (38, 39, frozenset(range(16, 20)), "diners"),
    (62, 62, frozenset(range(16, 20)), "unionpay"),
    (81, 81, frozenset(range(16, 20)), "unionpay"),
    (50, 50, frozenset(range(12, 20)), "maestro"),
    (56, 58, frozenset(range(12, 20)), "maestro"),
    (6304, 6304, frozenset(range(12, 20)), "maestro"),
    (6759, 6763, frozenset(range(12, 20)), "maestro"),
    (67, 67, frozenset(range(12, 20)), "maestro"),
)


_BY_WIDTH = tuple(
    (len(str(low)), low, high, lengths, brand) for low, high, lengths, brand in _RANGES
)


def card_brand(digits: str) -> str | None:
    """The card brand of ``digits`` if it is a plausible, Luhn-valid card number."""
    if not digits.isdigit() or not 12 <= len(digits) <= 19:
        return None
    size = len(digits)
    for width, low, high, lengths, brand in _BY_WIDTH:
        if size in lengths and low <= int(digits[:width]) <= high:
            return brand if luhn.is_valid(digits) else None
    return None
