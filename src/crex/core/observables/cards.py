"""Payment card numbers: issuer (IIN) ranges, lengths and the Luhn check.

In free text a Luhn-valid run of digits is a card only if it also starts with a known
issuer prefix and has a length that issuer uses; this keeps order numbers, phone numbers
and IBAN digits from being taken for cards. A card is kept only as BIN, last four digits
and a keyed hash of the number (`card_value`).
"""

from __future__ import annotations

import hashlib
import hmac

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


# The Luhn sum of a digit in a doubled position: 2d, less 9 when that has two digits.
_DOUBLED = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)


def luhn_holds(digits: str) -> bool:
    """Whether the Luhn check digit of ``digits`` (ASCII digits only) is right.

    The same answer as ``stdnum.luhn.is_valid``, computed with built-ins only: it is
    called for every long digit run in every report (a test checks both agree).
    """
    plain = sum(map(int, digits[-1::-2]))
    doubled = sum(map(_DOUBLED.__getitem__, map(int, digits[-2::-2])))
    return (plain + doubled) % 10 == 0


def card_value(digits: str, secret: bytes) -> tuple[str, str]:
    """The canonical value (BIN, last four, keyed hash) and the masked display of a card.

    The full number is never returned: the canonical value lets two reports of the same
    card be linked (same keyed hash) without storing or showing the number.
    """
    digest = hmac.new(secret, digits.encode(), hashlib.sha256).hexdigest()[:20]
    return f"{digits[:6]}:{digits[-4:]}:{digest}", f"{digits[:6]}…{digits[-4:]}"


def card_brand(digits: str) -> str | None:
    """The card brand of ``digits`` if it is a plausible, Luhn-valid card number."""
    if not digits.isdigit() or not digits.isascii() or not 12 <= len(digits) <= 19:
        return None
    size = len(digits)
    for width, low, high, lengths, brand in _BY_WIDTH:
        if size in lengths and low <= int(digits[:width]) <= high:
            return brand if luhn_holds(digits) else None
    return None
