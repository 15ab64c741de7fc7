"""The one combined pattern that finds candidate observables in free text.

All candidate shapes are alternatives of a single compiled pattern, so the text is
scanned once; each alternative is a named group that tells `extract` which validator to
run. The pattern is deliberately loose on content (validation decides) and strict on
boundaries, and uses possessive quantifiers so that a failed attempt costs one pass over
a word, not a backtracking search.
"""

from __future__ import annotations

import re

# What may stand between two labels of a host: a dot, or one of the usual defangings.
DOT = r"(?:\.|\s?[\[({]\s?(?:\.|[dD][oO][tT])\s?[\])}]\s?|\ [dD][oO][tT]\ (?=[^\W_]))"
# What may stand between local part and domain of an e-mail address.
AT = r"(?:@|\s?[\[({]\s?(?:@|[aA][tT])\s?[\])}]\s?)"
_LABEL = r"[^\W_](?:[\w-]{0,62}+)"
HOST = rf"{_LABEL}(?:{DOT}{_LABEL})++"
_SCHEME = (
    r"(?:(?:[hH](?:[tT][tT]|[xX][xX]|\*\*)[pP][sS]?|[fF](?:[tT]|[xX])[pP][sS]?)"
    r"(?::|\[:\])(?://|\[//\])|[hH](?:[tT][tT]|[xX][xX])[pP][sS]?\[://\])"
)
_PORT = r"(?:(?::|\[:\])\d{1,5}+)?"
# A URL path/query/fragment: anything up to white space or a quote; `extract` trims
# trailing punctuation and unbalanced brackets.
# Characters that end a URL: white space, quotes, and CJK / full-width punctuation.
_URL_END = (
    r"\s<>\"'`\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u201a\u2018\u2019"
    r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
)
_PATH = rf"[/?#][^{_URL_END}]*+"
_IPV4 = r"\d{1,3}+(?:(?:\.|\[\.\]|\(\.\)|\{\.\}|\[dot\])\d{1,3}+){3}"
_IPV6 = r"(?:[0-9A-Fa-f]{0,4}+:){2,7}+(?:[0-9A-Fa-f]{1,4}+|(?:\d{1,3}\.){3}\d{1,3})?"

# A plain word (letters only, then a space or punctuation that ends it) starts nothing;
# rejecting it in one possessive step is what makes the scan fast on prose. Exceptions:
# "BIC"/"SWIFT" (a BIC follows), and a word followed by " dot " or a bracket (defanging).
_PLAIN_WORD = (
    r"(?!(?!BIC|SWIFT|bic|swift)[^\W\d_]++"
    r"(?:\s(?![dD][oO][tT]\s|[\[({])|[,;!?)\]\u00bb\u201c\u201d\u2019'\"\u2026]|\.(?:\s|$)))"
)

# Nothing starts right after a letter, digit or joining punctuation, except after CJK
# characters, which are written without spaces ("电话+44 20 7946 0958").
_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_START = rf"(?<![.@/\\+-])(?<![^\W{_CJK}])"

CANDIDATES = re.compile(
    _START + _PLAIN_WORD + r"(?:"
    # URL with a scheme: host is a name, an IPv4 address or a bracketed IPv6 address
    rf"(?P<url>{_SCHEME}(?P<uhost>{HOST}|\[[0-9A-Fa-f:.]+\]){_PORT}(?:{_PATH})?)"
    # e-mail address
    rf"|(?P<email>(?P<local>[\w+-](?:[\w.+-]{{0,63}}+)){AT}(?P<ehost>{HOST}))"
    # IPv4 address (before host names: digits are valid labels)
    rf"|(?P<ipv4>{_IPV4})(?![\w-]|\.\d)"
    # host name, with a path it is a URL written without scheme
    rf"|(?P<host>{HOST})(?P<hpath>{_PORT}/[^{_URL_END}]*+)?"
    # IPv6 address
    rf"|(?P<ipv6>{_IPV6})(?![\w:])"
    # IBAN written in groups of four
    r"|(?P<iban>[A-Z]{2}\d{2}(?:[ \u00a0][0-9A-Z]{4}){2,7}+(?:[ \u00a0][0-9A-Z]{1,3})?)(?!\w)"
    # card number in groups (4-4-4-4(-3), Amex 4-6-5)
    r"|(?P<card>\d{4}(?:(?:[ -]\d{4}){2,3}+(?:[ -]\d{1,3})?|[ -]\d{6}[ -]\d{4,5}))(?![\w-])"
    # international phone number
    # (not the digits at the start of a longer word: "0062…ce0a" is a hash)
    r"|(?P<phone>(?:\+|00)[1-9][\d \u00a0./()-]{5,20}+)(?!(?<=\d)\w)"
    r"|(?P<cve>[cC][vV][eE]-\d{4}-\d{4,7}+)(?!\w)"
    r"|(?P<asn>AS(?:N:?\ ?|\ )?\d{1,10}+)(?!\w)"
    # a long alphanumeric run: hash, wallet, compact IBAN or card number
    r"|(?P<token>[0-9A-Za-z]{12,}+)(?![\w-])"
    # national phone number (read with the report's country; `extract` checks the context)
    r"|(?P<national>\(?\d[\d \u00a0./()-]{5,18}+)(?!(?<=\d)\w)"
    # a BIC, only after the word BIC or SWIFT (eight capitals are too often a word)
    r"|(?:BIC|SWIFT|bic|swift)[^\n\d]{0,30}?(?<![\w])"
    r"(?P<bic>[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)(?!\w)"
    r")"
)
