"""Rules for what is not words: the observables in a text and the structured fields.

The weights are data (``crex/core/data/classify/hints.json``). Observables count with the
lexicon (an IBAN leans towards the transfer frauds, a hash towards malware); fields are
the reporter's own answers and shift every method's scores.

A ``situation`` of the public questionnaire points at one offence (or, when its follow-up
question was not answered, at the few its answers lead to). Its weight is a log
likelihood ratio: if a share ``r`` of reporters pick a situation that fits (the
``reliability`` in ``hints.json``) and the others pick at random, a choice among ``m`` of
the ``K`` offences multiplies the odds of each of them by ``r / (1 - r) * (K - m) / m``.
The scores are log-odds too, so the ratio's logarithm is simply added.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from crex.core.classify.features import Document, field_tokens
from crex.core.questionnaire import SITUATIONS_BY_CODE
from crex.core.taxonomy import OFFENCE_CODES

HINTS_FILE = "hints.json"


@dataclass(frozen=True, slots=True)
class Hints:
    """The rule tables: per meta token, a score per offence."""

    observables: Mapping[str, Mapping[str, float]]
    fields: Mapping[str, Mapping[str, float]]
    situation_reliability: float


@lru_cache(maxsize=1)
def load_hints() -> Hints:
    """The rule tables shipped with crex (read once)."""
    path = files("crex.core").joinpath(f"data/classify/{HINTS_FILE}")
    data = json.loads(path.read_text(encoding="utf-8"))
    return Hints(
        observables=data["observables"],
        fields=data["fields"],
        situation_reliability=float(data["situation"]["reliability"]),
    )


def observable_scores(doc: Document) -> dict[str, float]:
    """Per offence, the summed rule weights of the kinds of observables in ``doc``."""
    rules = load_hints().observables
    total: defaultdict[str, float] = defaultdict(float)
    for token in doc.meta:
        for offence, weight in rules.get(token, {}).items():
            total[offence] += weight
    return dict(total)


def field_scores(fields: Mapping[str, object] | None) -> dict[str, float]:
    """Per offence, the score the structured ``fields`` add (empty without fields)."""
    if not fields:
        return {}
    hints = load_hints()
    total: defaultdict[str, float] = defaultdict(float)
    for token in field_tokens(fields):
        for offence, weight in hints.fields.get(token, {}).items():
            total[offence] += weight
    situation = SITUATIONS_BY_CODE.get(str(fields.get("situation") or ""))
    if situation is not None:
        if situation.offence:
            pointed = {situation.offence}
        elif situation.follow_up:
            pointed = {a.offence for a in situation.follow_up.answers}
        else:
            pointed = set()
        weight = situation_weight(hints.situation_reliability, len(pointed))
        for offence in pointed:
            total[offence] += weight
    return dict(total)


def situation_answered(fields: Mapping[str, object] | None) -> bool:
    """Whether ``fields`` hold a questionnaire situation that points at offences (other
    than ``other``): the reporter said what happened."""
    situation = SITUATIONS_BY_CODE.get(str((fields or {}).get("situation") or ""))
    if situation is None:
        return False
    return bool(situation.follow_up) or situation.offence not in ("", None, "other")


def situation_weight(reliability: float, pointed: int, offences: int = len(OFFENCE_CODES)) -> float:
    """The log likelihood ratio a situation answer adds to each of the ``pointed``
    offences it leads to (see the module's docstring); 0 when it points at none or all."""
    if not 0 < pointed < offences:
        return 0.0
    return math.log(reliability / (1 - reliability) * (offences - pointed) / pointed)
