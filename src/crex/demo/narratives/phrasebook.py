"""A phrasebook: how victims writing one language tell each kind of story."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Phrasebook:
    """Story templates of one language, with the openings, closings and fillers around them.

    A template is a `str.format` string whose fields name facts of the scenario
    (``{iban}``, ``{amount}``, ``{date}``...) or fillers of this book (``{product}``).
    A filler may come in kinds (``product:garden``), chosen by a ``product_kind`` fact.
    Openings are by voice (``person``, ``business``); closings by voice and for people
    who lost money (``loss``).
    """

    language: str
    openings: Mapping[str, tuple[str, ...]]
    closings: Mapping[str, tuple[str, ...]]
    fillers: Mapping[str, tuple[str, ...]]
    stories: Mapping[str, tuple[str, ...]]
