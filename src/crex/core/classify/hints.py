"""Rules for what is not words: the observables in a text and the structured fields.

The weights are data (``crex/core/data/classify/hints.json``). Observables count with the
lexicon (an IBAN leans towards the transfer frauds, a hash towards malware); fields are
the reporter's own answers and shift every method's scores: a ``situation`` of the public
questionnaire that resolves to one offence weighs most, one whose follow-up question
was not answered favours the offences its answers lead to.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from crex.core.classify.features import Document, field_tokens
from crex.core.questionnaire import SITUATIONS_BY_CODE

HINTS_FILE = "hints.json"


@dataclass(frozen=True, slots=True)
class Hints:
    """The rule tables: per meta token, a score per offence."""

    observables: Mapping[str, Mapping[str, float]]
    fields: Mapping[str, Mapping[str, float]]
    situation_resolved: float
    situation_possible: float


@lru_cache(maxsize=1)
def load_hints() -> Hints:
    """The rule tables shipped with crex (read once)."""
    path = files("crex.core").joinpath(f"data/classify/{HINTS_FILE}")
    data = json.loads(path.read_text(encoding="utf-8"))
    return Hints(
        observables=data["observables"],
        fields=data["fields"],
        situation_resolved=float(data["situation"]["resolved"]),
        situation_possible=float(data["situation"]["possible"]),
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
            total[situation.offence] += hints.situation_resolved
        elif situation.follow_up:
            for offence in {a.offence for a in situation.follow_up.answers}:
                total[offence] += hints.situation_possible
    return dict(total)
