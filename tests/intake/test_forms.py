"""The portal's form helpers: localised country and currency lists, card digits."""

from django.utils import translation

from crex.core.questionnaire import situation
from crex.intake.forms import (
    ReportForm,
    country_choices,
    currency_choices,
    currency_of,
)


def test_countries_are_named_in_the_language_and_sorted() -> None:
    german = dict(country_choices("de"))
    assert german["DE"] == "Deutschland"
    assert german["AT"] == "Österreich"
    names = [name for _code, name in country_choices("de")]
    assert names.index("Österreich") < names.index("Polen")  # accents sort like letters
    assert len(german) == 249


def test_an_unknown_language_falls_back_to_english() -> None:
    assert dict(country_choices("xx-unknown"))["NL"] == "Netherlands"


def test_common_currencies_come_first() -> None:
    with translation.override("en"):
        (_common_label, common), (_all_label, others) = currency_choices("en")
    assert common[0] == ("EUR", "EUR (Euro)")
    assert "EUR" not in dict(others)
    assert "JPY" in dict(others)


def test_the_currency_of_a_country() -> None:
    assert currency_of("NL") == "EUR"
    assert currency_of("PL") == "PLN"
    assert currency_of("") == ""


def test_money_questions_only_when_the_situation_asks_about_money() -> None:
    with translation.override("en"):
        assert "loss_amount" in ReportForm(situation("paid_never_came")).fields
        form = ReportForm(situation("child_abuse_material"))
    assert not form.asks_money
    assert "card_last4" not in form.fields
    assert [f.name for f in form.identifier_fields()] == ["urls", "usernames"]
    assert [f.name for f in form.more_identifier_fields()] == [
        "emails",
        "phones",
        "ibans",
        "wallets",
    ]
