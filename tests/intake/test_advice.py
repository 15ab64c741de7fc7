"""Advice on the receipt page: every offence has some, the most urgent comes first."""

import pytest

from crex.core.taxonomy import OFFENCE_CODES
from crex.intake.advice import (
    BLOCK_CARD,
    KEEP_EVIDENCE,
    NEXT_STEPS,
    OFFENCE_ADVICE,
    PAYMENT_ADVICE,
    RECALL_TRANSFER,
    advice_for,
)
from crex.reports.vocabulary import PaymentMethod


@pytest.mark.parametrize("offence", OFFENCE_CODES)
def test_every_offence_has_advice(offence: str) -> None:
    assert OFFENCE_ADVICE[offence]
    assert all(str(step).strip() for step in advice_for(offence))


def test_there_is_no_advice_for_unknown_offences() -> None:
    assert set(OFFENCE_ADVICE) == set(OFFENCE_CODES)


def test_payment_advice_comes_first() -> None:
    steps = advice_for("online_shopping_fraud", PaymentMethod.BANK_TRANSFER)
    assert steps[0] is RECALL_TRANSFER
    assert steps[-1] is KEEP_EVIDENCE


def test_advice_is_never_given_twice() -> None:
    steps = advice_for("business_email_compromise", PaymentMethod.BANK_TRANSFER)
    assert steps.count(RECALL_TRANSFER) == 1
    assert advice_for("payment_card_fraud", PaymentMethod.CARD).count(BLOCK_CARD) == 1


def test_payment_methods_without_specific_advice_are_fine() -> None:
    assert set(PAYMENT_ADVICE) < set(PaymentMethod.values)
    assert advice_for("romance_fraud", PaymentMethod.CASH)[0] is OFFENCE_ADVICE["romance_fraud"][0]


def test_abuse_material_is_never_to_be_kept_or_screenshotted() -> None:
    steps = [str(step) for step in advice_for("child_sexual_abuse_material")]
    assert KEEP_EVIDENCE not in advice_for("child_sexual_abuse_material")
    assert "Do not download, save, screenshot or forward" in steps[0]
    assert any("INHOPE" in step for step in steps)


@pytest.mark.parametrize(
    ("offence", "phrase"),
    [
        ("ransomware", "nomoreransom.org"),
        ("ransomware", "do not switch them off"),
        ("extortion", "Do not pay"),
        ("account_takeover", "two-step verification"),
        ("phishing", "call your bank now"),
        ("business_email_compromise", "recall the transfer"),
    ],
)
def test_key_advice_per_offence(offence: str, phrase: str) -> None:
    assert any(phrase in str(step) for step in advice_for(offence))


def test_unknown_offences_get_general_advice() -> None:
    assert advice_for("no_such_offence") == advice_for("other")


def test_next_steps_explain_follow_up() -> None:
    assert any("receipt code" in str(step) for step in NEXT_STEPS)
