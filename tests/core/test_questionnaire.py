"""The questionnaire leads deterministically to every offence code."""

import pytest

from crex.core import questionnaire
from crex.core.questionnaire import QuestionnaireError, resolve
from crex.core.taxonomy import OFFENCE_CODES


def test_every_offence_is_reachable() -> None:
    assert questionnaire.reachable_offences() == set(OFFENCE_CODES)


@pytest.mark.parametrize(
    ("situation", "answer", "offence"),
    [
        ("paid_never_came", None, "online_shopping_fraud"),
        ("persuaded_to_pay", "romance", "romance_fraud"),
        ("persuaded_to_pay", "investment", "investment_fraud"),
        ("persuaded_to_pay", "advance_fee", "advance_fee_fraud"),
        ("persuaded_to_pay", "tech_support", "tech_support_scam"),
        ("persuaded_to_pay", "boss_or_supplier", "business_email_compromise"),
        ("fake_invoice", None, "business_email_compromise"),
        ("unknown_payments", "yes", "phishing"),
        ("unknown_payments", "no", "payment_card_fraud"),
        ("suspicious_message", None, "phishing"),
        ("account_taken", "email", "account_takeover"),
        ("identity_used", None, "identity_theft"),
        ("threatened", "intimate_images", "extortion"),
        ("threatened", "files_locked", "ransomware"),
        ("child_abuse_material", None, "child_sexual_abuse_material"),
        ("illegal_content", "hate", "hate_speech"),
        ("illegal_content", "terrorist", "terrorist_content"),
        ("illegal_content", "pirated", "copyright_infringement"),
        ("illegal_content", "child_abuse", "child_sexual_abuse_material"),
        ("files_encrypted", None, "ransomware"),
        ("systems_attacked", "intrusion", "hacking"),
        ("systems_attacked", "data_stolen", "data_breach"),
        ("systems_attacked", "flooded", "ddos"),
        ("systems_attacked", "malware", "malware"),
        ("systems_attacked", "botnet", "botnet"),
        ("systems_attacked", "intercepted", "illegal_interception"),
        ("device_infected", None, "malware"),
        ("data_leaked", None, "data_breach"),
        ("tools_for_sale", None, "misuse_of_devices"),
        ("something_else", None, "other"),
    ],
)
def test_answers_give_the_offence(situation: str, answer: str | None, offence: str) -> None:
    assert resolve(situation, answer).code == offence


def test_same_answers_same_offence() -> None:
    assert resolve("threatened", "attack_or_leak") == resolve("threatened", "attack_or_leak")


def test_unknown_situation_names_the_field() -> None:
    with pytest.raises(QuestionnaireError) as caught:
        resolve("aliens")
    assert caught.value.field == "situation"


@pytest.mark.parametrize("answer", [None, "", "not-an-answer"])
def test_missing_or_unknown_follow_up_answer(answer: str | None) -> None:
    with pytest.raises(QuestionnaireError) as caught:
        resolve("persuaded_to_pay", answer)
    assert caught.value.field == "answer"
