"""Narratives exist for every offence in seven languages and always fit their report."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import pytest

from crex.core.taxonomy import OFFENCE_CODES
from crex.demo import narratives, scenarios
from crex.demo.locales import LANGUAGES
from crex.demo.narratives import BOOKS, Facts, fields, render, render_partner
from crex.demo.narratives.partners import PARTNER_FILLERS, PARTNER_STORIES
from crex.demo.sources import MIX, SOURCES
from crex.demo.values import Unique

STORIES = set(BOOKS["en"].stories)
FACT_NAMES = {
    "amount", "demand", "date", "shop", "url", "domain", "iban", "phone", "wallet", "email",
    "handle", "ip", "brand", "alias", "company", "supplier", "group", "platform", "marketplace",
    "hash", "file", "records", "last4", "merchant", "hosts", "port", "family", "account",
}  # fmt: skip


def test_there_is_a_book_for_every_demo_language() -> None:
    assert set(BOOKS) == set(LANGUAGES)
    assert len(LANGUAGES) >= 7


def test_every_offence_has_a_story() -> None:
    assert {story.split(":")[0] for story in STORIES} == set(OFFENCE_CODES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_book_tells_every_story_with_known_facts_only(language: str) -> None:
    book = BOOKS[language]
    assert set(book.stories) == STORIES
    assert set(book.openings) == {"person", "business"}
    assert set(book.closings) == {"person", "business", "loss"}
    for story, templates in book.stories.items():
        assert templates, story
        for template in templates:
            assert fields(template) <= FACT_NAMES | set(book.fillers), (story, template)


def test_partner_texts_use_known_facts_only() -> None:
    for group, stories in PARTNER_STORIES.items():
        for story, templates in stories.items():
            assert story in STORIES, (group, story)
            for template in templates:
                assert fields(template) <= FACT_NAMES | set(PARTNER_FILLERS), (group, template)


def _scenarios(offence: str, partner: bool, count: int = 40) -> list[scenarios.Scenario]:
    rng = random.Random(f"{offence}{partner}")
    found = []
    for i in range(count):
        victim = ("person", "business", "public_body")[i % 3]
        draw = scenarios.Draw(rng, Unique(), "BE", date(2026, 3, 12), victim, partner)
        found.append(scenarios.build(offence, draw))
    return found


@pytest.mark.parametrize("offence", OFFENCE_CODES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_scenario_can_be_told_in_every_language(offence: str, language: str) -> None:
    rng = random.Random(language)
    for scenario in _scenarios(offence, partner=False):
        facts = Facts(scenario.facts, scenario.amounts, date(2026, 3, 12))
        text = render(scenario.story, language, facts, rng)
        assert "{" not in text
        if scenario.loss:
            assert facts.formatted(language)["amount"] in text


@pytest.mark.parametrize("offence", OFFENCE_CODES)
def test_every_partner_that_reports_an_offence_can_describe_it(offence: str) -> None:
    rng = random.Random(offence)
    groups = {SOURCES[key].partner_group for key in MIX[offence]} - {""}
    for group in groups:
        for scenario in _scenarios(offence, partner=True):
            facts = Facts(scenario.facts, scenario.amounts, date(2026, 3, 12))
            assert narratives.has_partner_story(group, scenario.story), (group, scenario.story)
            assert "{" not in render_partner(group, scenario.story, facts, rng)


def test_amounts_and_dates_are_written_the_way_each_language_writes_them() -> None:
    facts = Facts({}, {"amount": (Decimal("1249.50"), "EUR")}, date(2026, 3, 12))
    assert facts.formatted("de") == {"amount": "1.249,50\xa0€", "date": "12. März 2026"}
    assert facts.formatted("en")["amount"] == "€1,249.50"
    assert facts.formatted("pl")["date"] == "12 marca 2026"


def test_a_story_whose_facts_are_missing_is_refused() -> None:
    facts = Facts({}, {}, date(2026, 3, 12))
    with pytest.raises(narratives.NoFittingStory):
        render("online_shopping_fraud", "nl", facts, random.Random(1))


@pytest.mark.parametrize("language", LANGUAGES)
def test_abuse_material_reports_stay_factual(language: str) -> None:
    for template in BOOKS[language].stories["child_sexual_abuse_material"]:
        assert "{url}" in template
        assert len(template) < 250


def test_organisations_write_formally_and_never_ask_for_their_money_back() -> None:
    facts = Facts(
        {"company": "Hendriks Bouw B.V.", "domain": "hendriks-bouw7.nl"}, {}, date(2026, 3, 12)
    )
    book = BOOKS["nl"]
    for seed in range(40):
        text = render("ddos", "nl", facts, random.Random(seed), business=True)
        assert not any(closing in text for closing in book.closings["loss"])
        assert not any(text.startswith(opening) for opening in ("Hoi,", "Hallo,"))


def test_a_fact_ending_in_a_full_stop_is_not_followed_by_another() -> None:
    facts = Facts(
        {"company": "Lambert Costruzioni S.p.A.", "domain": "w.to", "url": "https://w.to/1"},
        {},
        date(2026, 3, 12),
    )
    for seed in range(10):
        text = render("copyright_infringement", "it", facts, random.Random(seed), business=True)
        assert "S.p.A.." not in text


def test_a_campaign_shop_sells_what_the_shop_sells() -> None:
    values = {
        "shop": "Tuinlounge Direct",
        "url": "https://tuinlounge-direct.nl/",
        "iban": "NL82 HJDA 0211 0116 53",
    }
    facts = Facts(
        values | {"product_kind": "garden"},
        {"amount": (Decimal("899.00"), "EUR")},
        date(2026, 3, 12),
    )
    garden = BOOKS["nl"].fillers["product:garden"]
    for seed in range(10):
        text = render("online_shopping_fraud", "nl", facts, random.Random(seed))
        assert any(item in text for item in garden)
