"""What `classify` returns: the proposed offence with its confidence and its evidence."""

from __future__ import annotations

from dataclasses import dataclass

from crex.core.taxonomy import Category


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the input text that drove the decision, and for which offence.

    ``text == input[start:end]``; ``weight`` is its contribution to the offence's score
    (lexicon weight, model contribution, or both added); ``source`` says which:
    ``"lexicon"``, ``"model"`` or ``"observable"``.
    """

    text: str
    start: int
    end: int
    weight: float
    offence: str
    source: str = "model"


@dataclass(frozen=True, slots=True)
class Classification:
    """A proposed offence for a report, with its category and RSIT class.

    ``confidence`` is the probability of ``offence`` (0..1, calibrated on held-out
    training folds); ``alternatives`` are the next most likely offences with their
    probabilities; ``method`` is ``"lexicon"``, ``"model"`` or ``"combined"``.
    ``category`` is None for ``other``: the analyst decides.
    """

    offence: str
    category: Category | None
    rsit: str
    confidence: float
    alternatives: tuple[tuple[str, float], ...]
    evidence: tuple[Evidence, ...]
    language: str | None
    method: str
