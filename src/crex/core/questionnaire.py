"""The public questionnaire: plain-language situations and follow-up questions that set
the category and offence of a report deterministically.

A reporter picks what happened in their own words ("I paid for something that never
came"); some situations ask one follow-up question; `resolve` turns the answers into one
offence code from the taxonomy. No guessing: the same answers always give the same offence.
"""

from __future__ import annotations

from dataclasses import dataclass

from crex.core.i18n import _
from crex.core.taxonomy import OFFENCES_BY_CODE, Offence


class QuestionnaireError(ValueError):
    """Raised when answers do not fit the questionnaire (unknown situation or answer)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class Answer:
    """One choice of a follow-up question and the offence it leads to."""

    code: str
    label: str
    offence: str


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A question asked after the situation, whose answer picks the offence."""

    question: str
    answers: tuple[Answer, ...]

    def answer(self, code: str) -> Answer | None:
        """The answer with ``code``, or None."""
        return next((a for a in self.answers if a.code == code), None)


@dataclass(frozen=True, slots=True)
class Situation:
    """What happened, in the reporter's words, and how to get from it to an offence."""

    code: str
    label: str
    offence: str | None = None  # set when no follow-up question is needed
    follow_up: FollowUp | None = None
    asks_money: bool = True  # whether the form asks about money lost
    caution: str = ""  # shown prominently above the form (e.g. for abuse material)


SITUATIONS: tuple[Situation, ...] = (
    Situation(
        "paid_never_came",
        _("I paid for something online that never came, or was fake"),
        offence="online_shopping_fraud",
    ),
    Situation(
        "persuaded_to_pay",
        _("I was persuaded to send money to someone"),
        follow_up=FollowUp(
            _("Who persuaded you?"),
            (
                Answer(
                    "romance",
                    _("Someone I met online and came to trust as a partner or friend"),
                    "romance_fraud",
                ),
                Answer(
                    "investment",
                    _("An investment, trading or crypto platform or adviser"),
                    "investment_fraud",
                ),
                Answer(
                    "advance_fee",
                    _("Someone promising a prize, inheritance, loan or job if I paid a fee first"),
                    "advance_fee_fraud",
                ),
                Answer(
                    "tech_support",
                    _("Someone claiming to be technical support for my computer or provider"),
                    "tech_support_scam",
                ),
                Answer(
                    "boss_or_supplier",
                    _("Someone posing as our boss, a colleague or a supplier (a business payment)"),
                    "business_email_compromise",
                ),
            ),
        ),
    ),
    Situation(
        "fake_invoice",
        _("Our company paid a fake invoice or changed a supplier's bank details after an e-mail"),
        offence="business_email_compromise",
    ),
    Situation(
        "unknown_payments",
        _("Payments I did not make appeared on my card or bank account"),
        follow_up=FollowUp(
            _("Before this, did you enter your card or bank details after a message or call?"),
            (
                Answer("yes", _("Yes, on a website or to someone who contacted me"), "phishing"),
                Answer("no", _("No, or I do not know"), "payment_card_fraud"),
            ),
        ),
    ),
    Situation(
        "suspicious_message",
        _("I received a message, call or website that tried to get my passwords or bank details"),
        offence="phishing",
    ),
    Situation(
        "account_taken",
        _("Someone got into my account"),
        follow_up=FollowUp(
            _("Which account?"),
            (
                Answer("email", _("E-mail"), "account_takeover"),
                Answer("social", _("Social media or messaging"), "account_takeover"),
                Answer("bank", _("Online banking or payment app"), "account_takeover"),
                Answer("shop", _("Online shop, game or other service"), "account_takeover"),
            ),
        ),
    ),
    Situation(
        "identity_used",
        _("Someone is using my identity (accounts, loans or posts in my name)"),
        offence="identity_theft",
    ),
    Situation(
        "threatened",
        _("Someone threatens me or my company and demands money"),
        follow_up=FollowUp(
            _("What do they threaten to do?"),
            (
                Answer(
                    "intimate_images",
                    _("Publish intimate images or videos of me, or tell others about me"),
                    "extortion",
                ),
                Answer(
                    "attack_or_leak",
                    _("Attack our systems or publish our data unless we pay"),
                    "extortion",
                ),
                Answer(
                    "files_locked",
                    _("Keep our files locked: they are encrypted and a ransom is demanded"),
                    "ransomware",
                ),
            ),
        ),
    ),
    Situation(
        "child_abuse_material",
        _("I found child sexual abuse material online"),
        offence="child_sexual_abuse_material",
        asks_money=False,
        caution=_(
            "Do not download, copy, screenshot or forward the material, not even to us: "
            "possessing or sharing it is a crime. Give us only the web address where you saw it."
        ),
    ),
    Situation(
        "illegal_content",
        _("I found other illegal content online"),
        asks_money=False,
        follow_up=FollowUp(
            _("What kind of content?"),
            (
                Answer(
                    "hate",
                    _("Incitement to hatred or violence for race, origin or religion"),
                    "hate_speech",
                ),
                Answer(
                    "terrorist",
                    _("Terrorist propaganda or calls for attacks"),
                    "terrorist_content",
                ),
                Answer(
                    "pirated",
                    _("Pirated films, music, software or counterfeit goods"),
                    "copyright_infringement",
                ),
                Answer(
                    "child_abuse",
                    _("Sexual images of children"),
                    "child_sexual_abuse_material",
                ),
            ),
        ),
    ),
    Situation(
        "files_encrypted",
        _("Our computers or files were encrypted and a ransom is demanded"),
        offence="ransomware",
    ),
    Situation(
        "systems_attacked",
        _("Our computers, servers, network or website were attacked"),
        follow_up=FollowUp(
            _("What did you notice?"),
            (
                Answer(
                    "intrusion", _("Someone got in or changed things without permission"), "hacking"
                ),
                Answer("encrypted", _("Files were encrypted and a ransom demanded"), "ransomware"),
                Answer("data_stolen", _("Data was copied, stolen or published"), "data_breach"),
                Answer("flooded", _("A flood of traffic made our service unavailable"), "ddos"),
                Answer("malware", _("Malware or a virus was found"), "malware"),
                Answer(
                    "botnet",
                    _("Our machines are part of a botnet or talk to a command server"),
                    "botnet",
                ),
                Answer(
                    "intercepted",
                    _("Our network traffic, e-mails or calls were intercepted"),
                    "illegal_interception",
                ),
            ),
        ),
    ),
    Situation(
        "device_infected",
        _("My computer or phone is infected with a virus, spyware or other malware"),
        offence="malware",
    ),
    Situation(
        "data_leaked",
        _("Data about me or my customers was stolen or published"),
        offence="data_breach",
    ),
    Situation(
        "tools_for_sale",
        _("Someone offers hacking tools, malware, stolen passwords or card data"),
        offence="misuse_of_devices",
        asks_money=False,
    ),
    Situation("something_else", _("Something else"), offence="other"),
)

SITUATIONS_BY_CODE: dict[str, Situation] = {s.code: s for s in SITUATIONS}


def situation(code: str) -> Situation:
    """The situation with ``code``; raises `QuestionnaireError` if there is none."""
    try:
        return SITUATIONS_BY_CODE[code]
    except KeyError:
        raise QuestionnaireError("situation", _("Choose what happened from the list.")) from None


def resolve(situation_code: str, answer_code: str | None = None) -> Offence:
    """The offence that the answers lead to.

    Raises `QuestionnaireError` naming the field at fault when the situation is unknown,
    or when its follow-up question is unanswered or answered with an unknown choice.
    """
    chosen = situation(situation_code)
    if chosen.follow_up is None:
        assert chosen.offence is not None
        return OFFENCES_BY_CODE[chosen.offence]
    answer = chosen.follow_up.answer(answer_code or "")
    if answer is None:
        raise QuestionnaireError("answer", _("Please answer this question."))
    return OFFENCES_BY_CODE[answer.offence]


def reachable_offences() -> set[str]:
    """Every offence code that some path through the questionnaire leads to."""
    codes: set[str] = set()
    for s in SITUATIONS:
        if s.offence:
            codes.add(s.offence)
        if s.follow_up:
            codes.update(a.offence for a in s.follow_up.answers)
    return codes
