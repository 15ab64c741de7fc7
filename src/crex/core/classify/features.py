"""A report read for classification: its words, its observables and its structured hints.

`analyse` is the one reading that the lexicon, the model and the training share, so that
what the model learnt from is exactly what it sees at run time:

- ``words``: the normalised words (`crex.core.classify.text`), without those that are
  part of an identifier such as an IBAN, a card number, a hash or a wallet (their
  digits say nothing about the offence; their type does);
- ``meta``: one token per kind of observable found (``#obs=iban``), whether the text
  holds a link (defanged or not), and the structured hints of ``fields``
  (``#payment_method=card``, ``#role=payee_account``...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from crex.core.classify.text import Token, tokens
from crex.core.observables import Observable, extract

NGRAM_RANGE = (2, 5)
# Identifiers whose written form is not language: their words are left out.
_OPAQUE = frozenset(
    {
        "iban",
        "bic",
        "payment-card",
        "bitcoin",
        "ethereum",
        "monero",
        "md5",
        "sha1",
        "sha256",
        "sha512",
        "phone-number",
        "ipv4-addr",
        "ipv6-addr",
        "asn",
        "cve",
    }
)
_LINK = re.compile(r"h(?:tt|xx)ps?\[?:|www\.|\[\.\]|\[dot\]|\(\.\)", re.IGNORECASE)
_CARD_SECRET = b"crex-classify"  # cards are only counted, never kept: any key will do
FIELD_HINTS = ("payment_method", "contact_method", "situation")


@dataclass(frozen=True, slots=True)
class Document:
    """A text as the classifier reads it."""

    text: str
    words: tuple[Token, ...]
    observables: tuple[Observable, ...]
    meta: tuple[str, ...]


def analyse(text: str, fields: Mapping[str, object] | None = None) -> Document:
    """Read ``text`` (and the hints in ``fields``) for classification."""
    found = tuple(extract(text, card_secret=_CARD_SECRET)) if text else ()
    opaque = [(o.start, o.end) for o in found if o.type.value in _OPAQUE]
    words = tokens(text)
    if opaque:
        words = [w for w in words if not _inside(w, opaque)]
    meta = {f"#obs={o.type.value}" for o in found}
    if _LINK.search(text):
        meta.add("#link")
    meta.update(field_tokens(fields or {}))
    return Document(text, tuple(words), found, tuple(sorted(meta)))


def _inside(word: Token, spans: list[tuple[int, int]]) -> bool:
    return any(start <= word.start and word.end <= end for start, end in spans)


def field_tokens(fields: Mapping[str, object]) -> set[str]:
    """The meta tokens of structured hints: ``#payment_method=card``, ``#obs=iban``,
    ``#role=payee_account``; unknown keys and malformed values are ignored."""
    found: set[str] = set()
    for key in FIELD_HINTS:
        value = fields.get(key)
        if isinstance(value, str) and value:
            found.add(f"#{key}={value}")
    identifiers = fields.get("identifiers")
    if isinstance(identifiers, Iterable) and not isinstance(identifiers, str | bytes):
        for item in identifiers:
            if isinstance(item, tuple | list) and len(item) == 2:
                kind, role = item
                if kind:
                    found.add(f"#obs={kind}")
                if role:
                    found.add(f"#role={role}")
            elif isinstance(item, str) and item:
                found.add(f"#obs={item}")
    return found


@lru_cache(maxsize=131072)
def char_ngrams(word: str) -> tuple[str, ...]:
    """The character n-grams of ``word`` padded with a space on each side, as
    scikit-learn's ``char_wb`` analyzer makes them."""
    padded = f" {word} "
    low, high = NGRAM_RANGE
    grams: list[str] = []
    for n in range(low, high + 1):
        if n > len(padded):
            if n == low:
                grams.append(padded)
            break
        grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return tuple(grams)


def char_terms(doc: Document) -> list[str]:
    """Every character n-gram of the words of ``doc`` (the model's first block)."""
    return [
        gram for word in doc.words if not word.norm.isdigit() for gram in char_ngrams(word.norm)
    ]


def word_terms(doc: Document) -> list[str]:
    """The words, word pairs and meta tokens of ``doc`` (the model's second block)."""
    norms = [w.norm for w in doc.words]
    return [*norms, *(f"{a} {b}" for a, b in pairwise(norms)), *doc.meta]
