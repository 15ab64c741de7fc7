"""Domain names: IDNA, label syntax and the Public Suffix List.

A name is a domain only if it ends in a real public suffix (ICANN section of the Public
Suffix List, read from tldextract's bundled snapshot: never a network fetch), so file names
such as ``invoice.pdf`` are not domains. Names are stored in lower-case punycode with the
Unicode form kept for display, together with the registrable domain (``example.co.uk``).

The list's rules are taken from tldextract once and looked up here, label by label, with
the list's own algorithm (longest rule, ``*`` wildcards, ``!`` exceptions):
``tldextract.extract`` first parses its input as a URL, which costs more than the lookup
on every name of every report (a test checks both give the same suffix).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import tldextract

_LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
_NAME = re.compile(rf"(?:{_LABEL}\.)+{_LABEL}")
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


@cache
def _suffix_rules() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The ICANN rules of the bundled Public Suffix List, in punycode: plain rules, the
    parents of wildcard rules (``ck`` for ``*.ck``) and exception rules (without ``!``)."""
    plain, wildcards, exceptions = set(), set(), set()
    for rule in _EXTRACTOR.tlds:
        # in punycode as names are (a rule names cannot take cannot match any of them)
        ascii_rule = _to_ascii(rule.lstrip("!"))
        if ascii_rule is None:
            continue
        if rule.startswith("!"):
            exceptions.add(ascii_rule)
        elif ascii_rule.startswith("*."):
            wildcards.add(ascii_rule[2:])
        else:
            plain.add(ascii_rule)
    return frozenset(plain), frozenset(wildcards), frozenset(exceptions)


def public_suffix_size(labels: list[str]) -> int:
    """How many of the last ``labels`` form the public suffix (0: none is known)."""
    plain, wildcards, exceptions = _suffix_rules()
    count = len(labels)
    for start in range(count):  # longest candidate first: the first rule that fits wins
        candidate = ".".join(labels[start:])
        if candidate in exceptions:
            return count - start - 1
        if candidate in plain:
            return count - start
        if start + 1 < count and ".".join(labels[start + 1 :]) in wildcards:
            return count - start
    return 0


@lru_cache(maxsize=65536)
def parse_domain(name: str) -> Domain | None:
    """The domain ``name`` (already refanged) in canonical form, or None if it is not one.

    A trailing dot is allowed; the name must have a registrable part under a public suffix.
    """
    lowered = name.rstrip(".").lower()
    if not lowered or len(lowered) > 253:
        return None
    ascii_form = lowered if lowered.isascii() else _to_ascii(lowered)
    if ascii_form is None or len(ascii_form) > 253 or not _NAME.fullmatch(ascii_form):
        return None
    labels = ascii_form.split(".")
    size = public_suffix_size(labels)
    if not size or size >= len(labels):
        return None
    display = _to_unicode(ascii_form) if "xn--" in ascii_form else ascii_form
    return Domain(
        ascii_form,
        display,
        ".".join(labels[-size - 1 :]),
        ".".join(labels[-size:]),
    )


def is_file_like(domain: Domain) -> bool:
    """Whether a bare two-label name under this suffix reads more like a file name."""
    return domain.suffix in FILE_LIKE_SUFFIXES and domain.ascii.count(".") == 1
