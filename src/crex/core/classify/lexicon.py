"""The transparent baseline: weighted words and phrases per offence in eight languages.

The lexicon is data (``crex/core/data/classify/lexicon.tsv``), one line per offence,
language and weight with phrases separated by ``|``::

    phishing	en	2	verify your account | fake login page | phish*

Phrases are matched on normalised words (`crex.core.classify.text`), so case, accents
and defanging do not matter; a ``*`` ends a word prefix (``erpress*`` matches
``erpressung`` and ``erpresst``). Language ``*`` marks words common to all languages.
An offence's score is the sum of the weights of the distinct phrases found; every match
is kept as evidence with its span in the text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

from crex.core.classify.text import Token, normalise_phrase

LEXICON_FILE = "lexicon.tsv"
_CACHE_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class Term:
    """One phrase of the lexicon: its normalised words (a trailing ``*`` is a prefix)."""

    words: tuple[str, ...]
    offence: str
    weight: float
    language: str


class Match(NamedTuple):
    """A term found in a text, with the span it covers."""

    term: Term
    start: int
    end: int


class Lexicon:
    """A set of terms, indexed by their first word for matching in one pass."""

    def __init__(self, terms: Sequence[Term]) -> None:
        self.terms = tuple(terms)
        # Terms are found by their first word, or by their first two words when both are
        # plain words (most phrases start with a common word such as "de" or "my").
        self._exact: defaultdict[str, list[Term]] = defaultdict(list)
        self._prefix: defaultdict[str, list[Term]] = defaultdict(list)
        self._pairs: defaultdict[tuple[str, str], list[Term]] = defaultdict(list)
        for term in self.terms:
            first = term.words[0]
            if len(term.words) > 1 and not (first + term.words[1]).count("*"):
                self._pairs[(first, term.words[1])].append(term)
            elif first.endswith("*"):
                self._prefix[first[:-1]].append(term)
            else:
                self._exact[first].append(term)
        self._prefix_lengths = sorted({len(p) for p in self._prefix})
        self._starts: dict[str, tuple[Term, ...]] = {}

    def _starting(self, word: str) -> tuple[Term, ...]:
        """The terms not indexed by pair whose first word matches ``word`` (remembered
        per word)."""
        found = self._starts.get(word)
        if found is None:
            terms = list(self._exact.get(word, ()))
            for length in self._prefix_lengths:
                if length > len(word):
                    break
                terms.extend(self._prefix.get(word[:length], ()))
            found = tuple(terms)
            if len(self._starts) > _CACHE_LIMIT:
                self._starts.clear()
            self._starts[word] = found
        return found

    def matches(self, words: Sequence[Token]) -> list[Match]:
        """Every occurrence of a term in ``words``, in text order."""
        found: list[Match] = []
        pairs = self._pairs
        count = len(words)
        for i, token in enumerate(words):
            candidates = self._starting(token.norm)
            if i + 1 < count:
                paired = pairs.get((token.norm, words[i + 1].norm))
                if paired:
                    candidates = (*candidates, *paired)
            for term in candidates:
                size = len(term.words)
                if size == 1:
                    found.append(Match(term, token.start, token.end))
                    continue
                last = i + size - 1
                if last >= count:
                    continue
                if all(
                    _word_matches(pattern, words[i + k].norm)
                    for k, pattern in enumerate(term.words[1:], 1)
                ):
                    found.append(Match(term, token.start, words[last].end))
        return found


def _word_matches(pattern: str, word: str) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return word == pattern


def scores(found: Sequence[Match]) -> dict[str, float]:
    """Per offence, the summed weight of the distinct terms in ``found``."""
    seen: set[int] = set()
    total: defaultdict[str, float] = defaultdict(float)
    for match in found:
        if id(match.term) not in seen:
            seen.add(id(match.term))
            total[match.term.offence] += match.term.weight
    return dict(total)


def parse_lexicon(text: str) -> list[Term]:
    """The terms of a lexicon file; raises ``ValueError`` naming a malformed line.

    A phrase listed twice for one offence and language keeps its highest weight.
    """
    terms: dict[tuple[str, str, tuple[str, ...]], Term] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4:
            raise ValueError(f"lexicon line {number}: expected 4 tab-separated fields")
        offence, language, weight, phrases = parts
        for phrase in phrases.split("|"):
            words = normalise_phrase(phrase)
            if not words:
                continue
            term = Term(words, offence.strip(), float(weight), language.strip())
            key = (term.offence, term.language, words)
            if key not in terms or terms[key].weight < term.weight:
                terms[key] = term
    return list(terms.values())


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon shipped with crex (read once)."""
    data = files("crex.core").joinpath(f"data/classify/{LEXICON_FILE}")
    return Lexicon(parse_lexicon(data.read_text(encoding="utf-8")))
