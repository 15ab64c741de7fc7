"""Domain names: IDNA, label syntax and the Public Suffix List.

A name is a domain only if it ends in a real public suffix (ICANN section of the Public
Suffix List, read from tldextract's bundled snapshot: never a network fetch), so file names
such as ``invoice.pdf`` are not domains. Names are stored in lower-case punycode with the
Unicode form kept for display, together with the registrable domain (``example.co.uk``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import tldextract

_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
_EXTRACTOR = tldextract.TLDExtract(
    cache_dir=None,
    suffix_list_urls=(),
    fallback_to_snapshot=True,
    include_psl_private_domains=False,
)
# Public suffixes that are also common file extensions: ``readme.md`` or ``photos.zip``
# written bare in a text is far more often a file than a site. They still count in a URL,
# an e-mail address or when written defanged (``evil[.]zip``).
FILE_LIKE_SUFFIXES = frozenset({"zip", "mov", "md", "py", "sh"})


@dataclass(frozen=True, slots=True)
class Domain:
    """A valid domain name: punycode, Unicode display form, registrable domain, suffix."""

    ascii: str
    display: str
    registered: str
    suffix: str


def _to_ascii(name: str) -> str | None:
    try:
        return name.encode("idna").decode("ascii")
    except UnicodeError:
        return None


def _to_unicode(name: str) -> str:
    try:
        return name.encode("ascii").decode("idna")
    except UnicodeError:
        return name


@lru_cache(maxsize=65536)
def parse_domain(name: str) -> Domain | None:
    """The domain ``name`` (already refanged) in canonical form, or None if it is not one.

    A trailing dot is allowed; the name must have a registrable part under a public suffix.
    """
    lowered = name.rstrip(".").lower()
    if not lowered or len(lowered) > 253:
        return None
    ascii_form = lowered if lowered.isascii() else _to_ascii(lowered)
    if ascii_form is None or len(ascii_form) > 253:
        return None
    labels = ascii_form.split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        return None
    parts = _EXTRACTOR.extract_str(ascii_form)
    if not parts.suffix or not parts.domain:
        return None
    display = _to_unicode(ascii_form) if "xn--" in ascii_form else ascii_form
    return Domain(ascii_form, display, f"{parts.domain}.{parts.suffix}", parts.suffix)


def is_file_like(domain: Domain) -> bool:
    """Whether a bare two-label name under this suffix reads more like a file name."""
    return domain.suffix in FILE_LIKE_SUFFIXES and domain.ascii.count(".") == 1
