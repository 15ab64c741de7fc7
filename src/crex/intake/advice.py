"""What a reporter should do now, by offence and by how they paid, and what happens next.

Shown on the receipt page right after a report is filed. Every offence code has advice
(a test checks it); the first items are the most urgent. All text is translatable.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from crex.reports.vocabulary import PaymentMethod

RECALL_TRANSFER = _(
    "Call your bank now and ask them to recall the transfer. The first hours matter: "
    "the sooner the bank acts, the better the chance of stopping the money."
)
BLOCK_CARD = _(
    "Block your card now in your banking app or through your bank's emergency number, "
    "and ask the bank to reverse the payments you did not make (a chargeback)."
)
CHANGE_PASSWORDS = _(
    "Change your passwords, starting with your e-mail account, and everywhere you used "
    "the same password. Turn on two-step verification (two-factor authentication)."
)
DO_NOT_PAY = _(
    "Do not pay and stop all contact with them. Paying rarely ends it: it usually leads "
    "to more demands."
)
ISOLATE_DO_NOT_WIPE = _(
    "Disconnect the affected computers from the network (unplug the cable, switch off "
    "Wi-Fi), but do not switch them off, reinstall or wipe them: they hold evidence."
)
DATA_PROTECTION_72H = _(
    "If personal data may be affected, your organisation may have to notify the data "
    "protection authority within 72 hours (GDPR)."
)
EMERGENCY = _("If someone is in danger now, call 112.")

KEEP_EVIDENCE = _(
    "Keep the e-mails, messages, screenshots (with date and time) and payment receipts. "
    "Do not delete anything: it is evidence. Do not reply to the offender."
)

OFFENCE_ADVICE: dict[str, tuple[Promise, ...]] = {
    "phishing": (
        _(
            "If you entered bank or card details, call your bank now, on the number on your "
            "card or statement, never on a number from the message."
        ),
        CHANGE_PASSWORDS,
        _(
            "Never confirm a code or approve a payment in your banking app that you did not "
            "start yourself, whoever asks you to."
        ),
    ),
    "online_shopping_fraud": (
        _(
            "If you paid by card or with a payment app, ask your bank or the payment service "
            "to dispute the payment (a chargeback) as soon as possible."
        ),
        _("Keep the advert, the order confirmation, the chat messages and the payment receipt."),
        _(
            "Next time, be careful with prices far below other shops and with sellers who "
            "accept only bank transfers, gift cards or cryptocurrency."
        ),
    ),
    "investment_fraud": (
        _(
            "Stop all payments, even if the platform asks for fees or taxes to release your "
            "profits: the money will not come back that way."
        ),
        _(
            "Beware of people who offer to recover your money for a fee: they are often the "
            "same criminals."
        ),
        _(
            "If they had you install remote-access software (such as AnyDesk or TeamViewer), "
            "remove it and change your online banking password from another device."
        ),
        _(
            "Check the warning list and register of your country's financial supervisor "
            "before investing with any firm."
        ),
    ),
    "romance_fraud": (
        _("Stop sending money, gift-card codes or gifts, whatever reason they give."),
        _("Do not send intimate pictures or copies of your identity documents."),
        _(
            "Keep the conversations and their profile details. Searching for their photos "
            "online often shows that they belong to someone else."
        ),
        _("Talk to someone you trust. This happens to many people, and it is not your fault."),
    ),
    "advance_fee_fraud": (
        _(
            "Do not pay any more fees: a real prize, inheritance, loan or job never requires "
            "you to pay first."
        ),
        _(
            "If you sent copies of identity documents, tell the authority that issued them and "
            "watch for accounts or loans opened in your name."
        ),
    ),
    "business_email_compromise": (
        RECALL_TRANSFER,
        _(
            "Check changed bank details with the supplier by phone, on a number you already "
            "had, never on one from the e-mail."
        ),
        _(
            "Look in the mailbox for forwarding rules and sign-ins you do not recognise; "
            "change its password and turn on two-step verification."
        ),
        _("Keep the e-mails with their full headers (save them as files, do not forward)."),
    ),
    "tech_support_scam": (
        _(
            "Disconnect the computer from the internet and remove any remote-access "
            "software they asked you to install."
        ),
        _(
            "From another device, change the passwords of your e-mail and online banking. "
            "If you logged in to your bank while they were connected, call your bank now."
        ),
        _("Real companies never call you unexpectedly about viruses on your computer."),
    ),
    "payment_card_fraud": (
        BLOCK_CARD,
        _("Check your statements for further unknown payments in the coming weeks."),
    ),
    "identity_theft": (
        _(
            "Tell every organisation where accounts, orders or loans were made in your name "
            "that it was not you, and ask them to close or stop them."
        ),
        _(
            "If an identity document was stolen or copied, report it to the authority that "
            "issued it."
        ),
        _("Where your country offers it, check your credit record for loans you do not know."),
        CHANGE_PASSWORDS,
    ),
    "extortion": (
        DO_NOT_PAY,
        _("Keep the messages and screenshots with the user name, date and time."),
        _(
            "Report the account to the platform. StopNCII.org can help stop intimate images "
            "being shared on large platforms (Take It Down, for images taken before you "
            "were 18)."
        ),
        _(
            "You are not to blame. Talk to someone you trust. If you are threatened with "
            "violence, call 112."
        ),
    ),
    "child_sexual_abuse_material": (
        _(
            "Do not download, save, screenshot or forward the material, not even to us, the "
            "police or a hotline: possessing or sharing it is a crime."
        ),
        _(
            "The web address you gave us is enough. We pass it to the hotline of the INHOPE "
            "network and to the police, who work to have it removed and the child identified."
        ),
        _("If you know that a child is in danger now, call 112."),
        _("If what you saw upsets you, talk to someone you trust or a support line."),
    ),
    "hate_speech": (
        _(
            "Also report the post to the platform with its report button: platforms must act "
            "on notices of illegal content."
        ),
        _("Keep the web address and a screenshot with the date. Do not share the content."),
        _("If you are threatened personally, call 112 in an emergency."),
    ),
    "terrorist_content": (
        _("Do not share the content, not even to warn others."),
        _(
            "Also report it to the platform. We can order the hosting provider to remove "
            "terrorist content."
        ),
        _("If you know of a planned attack or someone in danger now, call 112."),
    ),
    "copyright_infringement": (
        _(
            "Tell the platform or the rights holder as well: they can have the content or "
            "the offers taken down."
        ),
        _(
            "If you bought counterfeit goods, ask your bank or payment service to dispute "
            "the payment, and keep the product and the packaging."
        ),
    ),
    "account_takeover": (
        _(
            "Use the service's account recovery to get back in, change the password and sign "
            "out all other sessions."
        ),
        CHANGE_PASSWORDS,
        _(
            "Check that the recovery e-mail address, phone number and forwarding rules are "
            "still yours."
        ),
        _("Warn your contacts: messages from your account asking for money may not be from you."),
    ),
    "hacking": (
        ISOLATE_DO_NOT_WIPE,
        _("Keep the logs (firewall, VPN, servers, e-mail) and write down what you saw, and when."),
        _(
            "From a clean device, reset the passwords and keys of accounts that may be "
            "compromised, and turn on multi-factor authentication."
        ),
        DATA_PROTECTION_72H,
    ),
    "ransomware": (
        ISOLATE_DO_NOT_WIPE,
        _(
            "Do not pay the ransom: there is no guarantee you get your files back, and it "
            "funds further attacks."
        ),
        _(
            "Check the No More Ransom project (nomoreransom.org): it has free decryption "
            "tools for many kinds of ransomware."
        ),
        _(
            "Keep the ransom note and one encrypted file. Restore only from backups you have "
            "checked are clean."
        ),
        DATA_PROTECTION_72H,
    ),
    "malware": (
        _(
            "Disconnect the device from the internet and, from another device, change the "
            "passwords of your e-mail and online banking."
        ),
        _(
            "Scan it with up-to-date security software and remove apps you do not know. "
            "Update the system and apps."
        ),
        _(
            "If you think someone close to you installed spyware, think about your safety "
            "before removing it: removing it may alert them."
        ),
    ),
    "ddos": (
        _("Contact your hosting or internet provider: they can filter the attack traffic."),
        _("Keep logs with times and source addresses. If a ransom is demanded, do not pay."),
    ),
    "botnet": (
        ISOLATE_DO_NOT_WIPE,
        _(
            "Keep copies of suspicious files and traffic logs, and block the command servers "
            "you found."
        ),
    ),
    "data_breach": (
        _(
            "If your data was leaked: change the password of that service and everywhere you "
            "reused it, and expect phishing messages that use your data."
        ),
        _(
            "If you are the organisation: contain the leak, keep the logs, and tell the people "
            "affected if the risk to them is high."
        ),
        DATA_PROTECTION_72H,
    ),
    "illegal_interception": (
        _(
            "Change passwords and keys, check your router for settings you did not make "
            "(DNS, port forwarding) and update its software."
        ),
        _("Keep logs and note when you noticed it."),
    ),
    "misuse_of_devices": (
        _("Do not buy or download anything offered: keep the web address or user name."),
        _(
            "If your own passwords or card details are offered, change those passwords and "
            "block the card."
        ),
    ),
    "other": (
        _(
            "If money went to someone, contact your bank or payment service now and ask them "
            "to stop or recall the payment."
        ),
    ),
}

PAYMENT_ADVICE: dict[str, Promise] = {
    PaymentMethod.BANK_TRANSFER: RECALL_TRANSFER,
    PaymentMethod.CARD: BLOCK_CARD,
    PaymentMethod.CRYPTO: _(
        "Tell the exchange or wallet service you paid from, with the receiving address and "
        "the transaction ID: exchanges can sometimes freeze the funds."
    ),
    PaymentMethod.GIFT_CARD: _(
        "Contact the company that issued the gift cards at once, with the codes and your "
        "receipt: unused balances can sometimes be blocked."
    ),
    PaymentMethod.PAYMENT_APP: _(
        "Report the payment in the payment app or to its customer service and ask to dispute it."
    ),
}

NEXT_STEPS: tuple[Promise, ...] = (
    _(
        "An analyst reads your report and links it to other reports about the same people, "
        "websites, accounts or bank accounts. Many reports together help to stop criminals."
    ),
    _(
        "We pass what we find to the police, banks, hosting providers and contact points in "
        "other countries, so that they can act: block accounts, take sites down, investigate."
    ),
    _(
        "We cannot always contact you about the outcome. If you gave contact details, we may "
        "ask you for more information."
    ),
    _(
        "With the reference number and the receipt code you can check the status of your "
        "report and add information or files later."
    ),
)


def advice_for(offence: str, payment_method: str = "") -> list[Promise]:
    """What to do now, most urgent first: payment steps, offence steps, keep evidence.

    Unknown codes fall back to the advice for ``other``; no advice is given twice.
    """
    steps: list[Promise] = []
    if payment_method in PAYMENT_ADVICE:
        steps.append(PAYMENT_ADVICE[payment_method])
    steps.extend(OFFENCE_ADVICE.get(offence, OFFENCE_ADVICE["other"]))
    if offence != "child_sexual_abuse_material":
        steps.append(KEEP_EVIDENCE)
    unique: list[Promise] = []
    for step in steps:
        if all(step is not seen for seen in unique):
            unique.append(step)
    return unique
