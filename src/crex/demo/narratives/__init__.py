"""Narratives for demo reports, in seven languages, as victims and partners write them.

A story template is picked among those whose fields the scenario can fill; a template
must mention the money lost and where it went when the scenario has them, so a
narrative never contradicts the report's fields. Amounts and dates are written the way
the language writes them (Babel).
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache

from babel.dates import format_date
from babel.numbers import format_currency

from crex.demo.narratives import de, en, es, fr, it, nl, pl
from crex.demo.narratives.partners import PARTNER_FILLERS, PARTNER_STORIES
from crex.demo.narratives.phrasebook import Phrasebook

BOOKS: dict[str, Phrasebook] = {
    book.language: book for book in (en.BOOK, de.BOOK, fr.BOOK, nl.BOOK, es.BOOK, it.BOOK, pl.BOOK)
}
_DOUBLE_STOP = re.compile(r"\.\.(?=\s|$)")
#: Facts a narrative must mention whenever the scenario has them.
MUST_MENTION = ("amount", "account")


@dataclass(frozen=True, slots=True)
class Facts:
    """What a narrative can tell: values as shown, amounts and the incident date."""

    values: Mapping[str, str]
    amounts: Mapping[str, tuple[Decimal, str]]
    when: date

    def keys(self) -> set[str]:
        """The names of every fact available."""
        return {*self.values, *self.amounts, "date"}

    def formatted(self, language: str) -> dict[str, str]:
        """Every fact as text, with amounts and the date in ``language``'s conventions."""
        text = dict(self.values)
        for name, (amount, currency) in self.amounts.items():
            text[name] = format_currency(amount, currency, locale=language)
        text["date"] = format_date(self.when, format="long", locale=language)
        return text


class NoFittingStory(LookupError):
    """No template of a story can be filled with the facts at hand."""


@cache
def fields(template: str) -> frozenset[str]:
    """The names of the fields a template uses."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def _fill(
    templates: tuple[str, ...],
    facts: Facts,
    fillers: Mapping[str, tuple[str, ...]],
    language: str,
    rng: random.Random,
) -> str:
    available = facts.keys()
    must = {name for name in MUST_MENTION if name in available}
    fitting = [t for t in templates if fields(t) <= available | set(fillers) and must <= fields(t)]
    if not fitting:
        raise NoFittingStory(f"no template fits the facts {sorted(available)}")
    template = rng.choice(fitting)
    text = facts.formatted(language)
    for name in fields(template) - available:
        kind = f"{name}:{facts.values.get(name + '_kind', '')}"
        text[name] = rng.choice(fillers.get(kind) or fillers[name])
    # A fact that ends a sentence with its own full stop ("B.V.") needs no second one.
    return _DOUBLE_STOP.sub(".", template.format_map(text))


def render(
    story: str, language: str, facts: Facts, rng: random.Random, *, business: bool = False
) -> str:
    """A victim's narrative of ``story`` (an offence, or ``offence:variant``) in ``language``,
    in the voice of a person or, with ``business``, of an organisation."""
    book = BOOKS[language]
    voice = "business" if business else "person"
    text = _fill(book.stories.get(story, ()), facts, book.fillers, language, rng)
    if rng.random() < 0.45:
        text = rng.choice(book.openings[voice]) + rng.choice(("\n", "\n\n")) + text
    if rng.random() < 0.55:
        closings = book.closings[voice]
        if not business and "amount" in facts.amounts:
            closings += book.closings["loss"]
        text += rng.choice((" ", "\n", "\n\n")) + rng.choice(closings)
    return text


def has_partner_story(group: str, story: str) -> bool:
    """Whether the partner ``group`` (bank, cert, hotline, hosting, tax) tells ``story``."""
    return story in PARTNER_STORIES.get(group, {})


def render_partner(group: str, story: str, facts: Facts, rng: random.Random) -> str:
    """A partner system's English description of ``story``."""
    return _fill(PARTNER_STORIES[group][story], facts, PARTNER_FILLERS, "en", rng)
