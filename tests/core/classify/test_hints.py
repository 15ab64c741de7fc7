"""The weight of a questionnaire answer is a log likelihood ratio derived from how often
reporters pick a situation that fits."""

import math

import pytest

from crex.core.classify.hints import field_scores, situation_answered, situation_weight


def test_an_answer_naming_one_offence_of_24_multiplies_its_odds_by_about_54() -> None:
    assert math.exp(situation_weight(0.7, 1)) == pytest.approx(0.7 / 0.3 * 23)


def test_an_answer_pointing_at_several_offences_weighs_less_on_each() -> None:
    assert 0 < situation_weight(0.7, 5) < situation_weight(0.7, 2) < situation_weight(0.7, 1)


def test_an_answer_that_points_nowhere_or_everywhere_adds_nothing() -> None:
    assert situation_weight(0.7, 0) == 0.0
    assert situation_weight(0.7, 24) == 0.0


def test_a_situation_with_an_unanswered_follow_up_favours_its_answers_equally() -> None:
    scores = field_scores({"situation": "threatened"})
    assert set(scores) == {"extortion", "ransomware"}
    assert scores["extortion"] == scores["ransomware"] == pytest.approx(situation_weight(0.7, 2))


def test_an_unknown_situation_is_ignored() -> None:
    assert field_scores({"situation": "aliens"}) == {}


def test_a_situation_counts_as_an_answer_unless_it_says_something_else() -> None:
    assert situation_answered({"situation": "paid_never_came"})
    assert situation_answered({"situation": "persuaded_to_pay"})  # follow-up unanswered
    assert not situation_answered({"situation": "something_else"})
    assert not situation_answered({"payment_method": "card"})
    assert not situation_answered(None)
