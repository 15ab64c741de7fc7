"""Words of a report as normalised tokens that keep their place in the original text.

Both the lexicon and the model read a report through `tokens`: each word is case-folded,
stripped of accents (``Überweisung`` → ``uberweisung``, ``płatność`` → ``platnosc``) and
defanging (``hxxps`` → ``https``), while ``start``/``end`` still index the text as written,
so that evidence can point at what the reporter wrote.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Letters and digits; `_` and punctuation separate words (``paypal-login.com`` is three).
_WORD = re.compile(r"[^\W_]+")
# Letters that NFKD does not decompose into a base letter and an accent.
_FOLD = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "\u0131": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)
_DEFANGED_SCHEMES = {"hxxp": "http", "hxxps": "https", "fxp": "ftp"}
MAX_TOKEN = 40  # longer "words" are hashes, keys or base64, not language


class Token(NamedTuple):
    """One word: its normalised form and where it was written (``text[start:end]``)."""

    norm: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def normalise_word(word: str) -> str:
    """``word`` case-folded, without accents and without defanging."""
    folded = word.casefold()
    if not folded.isascii():
        folded = "".join(
            c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c)
        ).translate(_FOLD)
    return _DEFANGED_SCHEMES.get(folded, folded)


def tokens(text: str) -> list[Token]:
    """The words of ``text`` in order, normalised; over-long words are left out."""
    return [
        Token(normalise_word(m.group()), m.start(), m.end())
        for m in _WORD.finditer(text)
        if m.end() - m.start() <= MAX_TOKEN
    ]


def normalise_phrase(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the normalised words `tokens` would give (``*`` kept at ends)."""
    words = []
    for raw in phrase.split():
        star = raw.endswith("*")
        parts = [t.norm for t in tokens(raw.rstrip("*"))]
        if star and parts:
            parts[-1] += "*"
        words.extend(parts)
    return tuple(words)
