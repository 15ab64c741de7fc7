"""How the lexicon, the model and the fields become one probability per offence.

The same functions serve at run time and when the weights are tuned, so that what was
measured on the training folds is what runs:

- lexicon: ``softmax(beta * s)``, where ``s`` is the lexicon and observable score of each
  offence and ``other`` scores the constant ``theta`` more (it wins when nothing matched);
- model: ``softmax(z / T_model)``, ``z`` the model's logits;
- combined: ``softmax((z + alpha * s) / T)``.

The field scores are added to the log-probabilities last, unscaled: they are the
reporter's own answers, as log likelihood ratios (`crex.core.classify.hints`). When the
reporter answered what happened (a questionnaire situation), the text's ``other`` is read
as "the text does not say" rather than as an offence of its own: its probability is
spread evenly over all classes before the answer weighs in, so that a vague text does not
outvote the answer (`with_fields`).

``beta``, ``theta``, ``alpha`` and ``T`` are chosen by cross-validation on the training
split (`crex.core.classify.training`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from crex.core.classify.lexicon import Match
from crex.core.classify.model import FloatArray

METHODS = ("lexicon", "model", "combined")


@dataclass(frozen=True, slots=True)
class Blend:
    """The tuned constants of the three methods."""

    method: str = "combined"
    beta: float = 1.0
    theta: float = 1.0
    alpha: float = 0.5
    temperature: float = 1.0  # of the combination
    model_temperature: float = 1.0  # of the model alone
    foreign: float = 1.0  # weight of lexicon terms of another language than the text's

    @classmethod
    def from_params(cls, params: Mapping[str, object]) -> Blend:
        """The blend stored in a model's parameters."""
        stored = params.get("blend")
        return cls(**stored) if isinstance(stored, dict) else cls()


def lexicon_vector(
    found: Sequence[Match],
    extra: Mapping[str, float],
    classes: Sequence[str],
    language: str | None,
    foreign: float,
) -> FloatArray:
    """Per class, the weight of the distinct lexicon terms found plus ``extra`` (the
    observable rules); terms of another language than ``language`` count ``foreign``."""
    position = {code: i for i, code in enumerate(classes)}
    vector = np.zeros(len(classes))
    seen: set[int] = set()
    for match in found:
        term = match.term
        if id(term) in seen or term.offence not in position:
            continue
        seen.add(id(term))
        scale = foreign if language and term.language not in ("*", language) else 1.0
        vector[position[term.offence]] += term.weight * scale
    for code, weight in extra.items():
        if code in position:
            vector[position[code]] += weight
    return vector


def field_vector(scores: Mapping[str, float], classes: Sequence[str]) -> FloatArray:
    """The field scores as a vector over ``classes``."""
    return np.array([scores.get(code, 0.0) for code in classes])


def with_fields(
    probs: FloatArray, fields: FloatArray, other: int | None, answered: bool
) -> FloatArray:
    """The text's probabilities ``probs`` updated by the field scores ``fields``; when the
    reporter ``answered`` what happened, ``other``'s share is first spread over all
    classes."""
    if answered and other is not None:
        probs = probs.copy()
        share = probs[other] / len(probs)
        probs[other] = 0.0
        probs += share
    return softmax(np.log(np.clip(probs, 1e-300, None)) + fields)


def softmax(x: FloatArray) -> FloatArray:
    """Probabilities from scores (along the last axis)."""
    shifted = np.exp(x - x.max(axis=-1, keepdims=True))
    return np.asarray(shifted / shifted.sum(axis=-1, keepdims=True))


def exponents(
    blend: Blend,
    method: str,
    lexicon: FloatArray,
    logits: FloatArray | None,
    other: int | None,
) -> FloatArray:
    """The scores whose softmax gives the probabilities of ``method`` (before fields).

    ``lexicon`` and ``logits`` may be one row or a matrix (one row per document);
    ``other`` is the position of ``other`` among the classes (None if it is not one).
    """
    if method == "lexicon":
        scores = blend.beta * lexicon
        if other is not None:
            scores[..., other] += blend.beta * blend.theta
        return np.asarray(scores)
    assert logits is not None
    if method == "model":
        return np.asarray(logits / blend.model_temperature)
    return np.asarray((logits + blend.alpha * lexicon) / blend.temperature)
