# ruff: noqa: E501 - the example reports are kept one per line
"""`classify`: typical reports of every offence, in several languages, with real evidence."""

import pytest

from crex.core.classify import Classification, classify
from crex.core.taxonomy import OFFENCE_CODES, offence

# Short typical reports written for these tests (not taken from the corpus).
TYPICAL: list[tuple[str, str, str]] = [
    (
        "phishing",
        "en",
        "Got a text from 'DHL' about a customs fee, clicked the link and entered my card details on the fake page.",
    ),
    (
        "phishing",
        "de",
        "Ich habe eine SMS von der Sparkasse bekommen, auf den Link geklickt und auf der gefälschten Seite meine Zugangsdaten eingegeben.",
    ),
    (
        "phishing",
        "fr",
        "J'ai reçu un mail de l'Assurance Maladie, j'ai cliqué sur le lien et saisi mes coordonnées bancaires sur un faux site.",
    ),
    (
        "online_shopping_fraud",
        "en",
        "I ordered a PS5 from an online shop, paid by bank transfer, and the parcel never arrived. The seller stopped replying.",
    ),
    (
        "online_shopping_fraud",
        "es",
        "Compré unas zapatillas en una tienda online, pagué y nunca me llegó el pedido. La web ya no existe.",
    ),
    (
        "online_shopping_fraud",
        "pl",
        "Zamówiłem telefon w sklepie internetowym, zapłaciłem przelewem, ale paczka nigdy nie dotarła, a sprzedawca nie odpowiada.",
    ),
    (
        "investment_fraud",
        "en",
        "A broker on a crypto trading platform showed big profits on my dashboard, but I cannot withdraw and they want a withdrawal fee.",
    ),
    (
        "investment_fraud",
        "de",
        "Ich habe auf einer Trading-Plattform 8.000 € in Bitcoin investiert, die Gewinne kann ich nicht auszahlen lassen.",
    ),
    (
        "investment_fraud",
        "it",
        "Ho investito 5.000 euro su una piattaforma di trading consigliata da un broker, ora non riesco a prelevare.",
    ),
    (
        "romance_fraud",
        "en",
        "I met a man on a dating app, we were in a relationship for months, he said he was a soldier abroad and I sent him money for a plane ticket.",
    ),
    (
        "romance_fraud",
        "fr",
        "J'ai rencontré un homme sur un site de rencontre, je suis tombée amoureuse et je lui ai envoyé de l'argent pour son billet d'avion.",
    ),
    (
        "romance_fraud",
        "nl",
        "Via een datingsite leerde ik een man kennen, ik werd verliefd en heb hem geld gestuurd voor een vliegticket.",
    ),
    (
        "advance_fee_fraud",
        "en",
        "An email said I won the lottery, a prize of 2 million, but I had to pay a processing fee first to release the funds.",
    ),
    (
        "advance_fee_fraud",
        "es",
        "Me escribieron que había heredado una herencia de un familiar y que debía pagar unos gastos de tramitación al abogado.",
    ),
    (
        "advance_fee_fraud",
        "pt",
        "Disseram que ganhei um prémio da lotaria mas tinha de pagar uma taxa de processamento antes de receber.",
    ),
    (
        "business_email_compromise",
        "en",
        "Our accounts department received an email from a supplier with new bank details and paid the invoice to the fraudster's IBAN.",
    ),
    (
        "business_email_compromise",
        "de",
        "Die Buchhaltung hat nach einer E-Mail des angeblichen Geschäftsführers eine dringende Überweisung an eine neue Bankverbindung ausgeführt.",
    ),
    (
        "business_email_compromise",
        "it",
        "Il nostro fornitore ci ha mandato una fattura con un cambio IBAN, abbiamo pagato sulle nuove coordinate bancarie ed era una truffa.",
    ),
    (
        "tech_support_scam",
        "en",
        "A pop-up said my computer was infected, I called the Microsoft support number and the technician installed AnyDesk for remote access.",
    ),
    (
        "tech_support_scam",
        "fr",
        "Un faux support technique de Microsoft m'a appelé, a pris le contrôle de mon ordinateur à distance avec AnyDesk et m'a fait payer.",
    ),
    (
        "tech_support_scam",
        "pl",
        "Fałszywy konsultant z Microsoftu kazał mi zainstalować AnyDesk, uzyskał zdalny dostęp do komputera i zażądał opłaty.",
    ),
    (
        "payment_card_fraud",
        "en",
        "There are transactions on my credit card statement I did not make, purchases abroad, but I still have my card.",
    ),
    (
        "payment_card_fraud",
        "nl",
        "Er staan afschrijvingen op mijn creditcard die ik niet heb gedaan, terwijl ik mijn pas nog heb.",
    ),
    (
        "payment_card_fraud",
        "es",
        "Tengo cargos en mi tarjeta de crédito que no reconozco, compras que no hice en otro país.",
    ),
    (
        "identity_theft",
        "en",
        "Someone opened a loan in my name using a copy of my passport. I never applied for it, now a debt collector writes to me.",
    ),
    (
        "identity_theft",
        "de",
        "Jemand hat mit meinem Personalausweis einen Kredit auf meinen Namen abgeschlossen, das ist Identitätsdiebstahl.",
    ),
    (
        "identity_theft",
        "it",
        "Qualcuno ha usato la mia carta d'identità per aprire un finanziamento a mio nome: furto d'identità.",
    ),
    (
        "extortion",
        "en",
        "An email says they recorded me through my webcam on an adult website and will send the video to all my contacts unless I pay in bitcoin.",
    ),
    (
        "extortion",
        "de",
        "Ich werde erpresst: er droht, intime Fotos von mir an meine Familie zu schicken, wenn ich nicht zahle.",
    ),
    (
        "extortion",
        "es",
        "Me están haciendo chantaje: amenazan con publicar fotos íntimas si no pago 500 euros.",
    ),
    (
        "child_sexual_abuse_material",
        "en",
        "I found a website sharing child sexual abuse images, photos of naked minors.",
    ),
    (
        "child_sexual_abuse_material",
        "fr",
        "J'ai trouvé un forum qui diffuse des images pédopornographiques de mineurs.",
    ),
    (
        "child_sexual_abuse_material",
        "pt",
        "Encontrei um site com pornografia infantil, fotos de crianças menores de idade.",
    ),
    (
        "hate_speech",
        "en",
        "A Facebook page posts racist comments inciting hatred against migrants and Muslims.",
    ),
    (
        "hate_speech",
        "de",
        "In einer Telegram-Gruppe wird Volksverhetzung betrieben: rassistische Hetze gegen Flüchtlinge und Ausländer.",
    ),
    (
        "hate_speech",
        "it",
        "Su un gruppo vengono pubblicati commenti razzisti e incitamento all'odio contro gli immigrati.",
    ),
    (
        "terrorist_content",
        "en",
        "A channel shares ISIS propaganda videos of beheadings and calls for terrorist attacks.",
    ),
    (
        "terrorist_content",
        "fr",
        "Une chaîne diffuse de la propagande terroriste de Daesh et des appels aux attentats.",
    ),
    (
        "terrorist_content",
        "nl",
        "Een kanaal deelt terreurpropaganda van IS en roept op tot aanslagen.",
    ),
    (
        "copyright_infringement",
        "en",
        "A website offers pirated copies of new movies and illegal streaming of football matches, infringing copyright.",
    ),
    (
        "copyright_infringement",
        "es",
        "Una web ofrece películas piratas y streaming ilegal, vulnerando los derechos de autor.",
    ),
    (
        "copyright_infringement",
        "de",
        "Eine Seite verbreitet Raubkopien aktueller Filme, eine klare Urheberrechtsverletzung.",
    ),
    (
        "account_takeover",
        "en",
        "Someone hacked my Instagram account, changed the password and the email, and I am locked out of my account.",
    ),
    (
        "account_takeover",
        "fr",
        "Mon compte Facebook a été piraté, quelqu'un a changé mon mot de passe et je n'ai plus accès à mon compte.",
    ),
    (
        "account_takeover",
        "pl",
        "Ktoś włamał się na moje konto na Facebooku, zmienił hasło i straciłem dostęp do konta.",
    ),
    (
        "hacking",
        "en",
        "Attackers broke into our company server through an unpatched vulnerability and created a new admin account.",
    ),
    (
        "hacking",
        "de",
        "Jemand ist über eine Sicherheitslücke in unseren Server eingedrungen und hat die Webseite verändert.",
    ),
    (
        "hacking",
        "it",
        "Un hacker ha avuto accesso abusivo al server aziendale sfruttando una vulnerabilità.",
    ),
    (
        "ransomware",
        "en",
        "All our files were encrypted overnight, there is a ransom note asking for bitcoin to get the decryption key.",
    ),
    (
        "ransomware",
        "nl",
        "Al onze bestanden zijn versleuteld door gijzelsoftware en er wordt losgeld geëist.",
    ),
    (
        "ransomware",
        "pt",
        "Todos os ficheiros da empresa foram encriptados e pedem um resgate para os desbloquear.",
    ),
    (
        "malware",
        "en",
        "After I opened an attachment my laptop got infected with a trojan; the antivirus found a keylogger.",
    ),
    (
        "malware",
        "es",
        "Instalé una aplicación y el móvil quedó infectado con un troyano que envía SMS.",
    ),
    (
        "malware",
        "fr",
        "Mon ordinateur est infecté par un logiciel malveillant après avoir ouvert une pièce jointe.",
    ),
    (
        "ddos",
        "en",
        "Our website went down for hours under a DDoS attack, a flood of traffic at 40 Gbps.",
    ),
    (
        "ddos",
        "de",
        "Unsere Webseite war durch einen DDoS-Angriff stundenlang nicht erreichbar, der Server war überlastet.",
    ),
    ("ddos", "pl", "Atak DDoS sprawił, że nasza strona była niedostępna przez cały dzień."),
    (
        "botnet",
        "en",
        "Several customer routers are part of a botnet and connect to a command and control server.",
    ),
    (
        "botnet",
        "it",
        "Alcuni dispositivi dei nostri clienti fanno parte di una botnet e contattano un server di comando.",
    ),
    (
        "botnet",
        "nl",
        "Meerdere camera's van klanten zijn onderdeel van een botnet en praten met een C2-server.",
    ),
    (
        "data_breach",
        "en",
        "Our customer database was stolen and the personal data of 20,000 customers was published on a leak site.",
    ),
    (
        "data_breach",
        "de",
        "Bei uns gab es ein Datenleck: Kundendaten wurden gestohlen und im Darknet veröffentlicht.",
    ),
    (
        "data_breach",
        "es",
        "Hemos sufrido una brecha de datos: robaron la base de datos de clientes y la publicaron.",
    ),
    (
        "illegal_interception",
        "en",
        "My ex is intercepting my emails: a forwarding rule sends a copy of every message to him.",
    ),
    (
        "illegal_interception",
        "fr",
        "Mon ex intercepte mes messages, il a mis mon téléphone sur écoute.",
    ),
    (
        "illegal_interception",
        "pt",
        "Alguém intercetou o tráfego da rede Wi-Fi do escritório com um ataque man in the middle.",
    ),
    (
        "misuse_of_devices",
        "en",
        "A Telegram channel is selling phishing kits and stolen credentials for sale, with a price list.",
    ),
    (
        "misuse_of_devices",
        "de",
        "In einem Forum werden gestohlene Zugangsdaten und Schadsoftware zum Verkauf angeboten.",
    ),
    (
        "misuse_of_devices",
        "es",
        "En un foro venden herramientas de hacking y credenciales robadas a la venta.",
    ),
]


def _ids() -> list[str]:
    return [f"{code}-{language}" for code, language, _ in TYPICAL]


@pytest.mark.parametrize(("code", "language", "text"), TYPICAL, ids=_ids())
def test_typical_reports_are_recognised(code: str, language: str, text: str) -> None:
    result = classify(text)
    assert result.offence == code, (result.offence, result.alternatives, result.evidence)
    assert result.language == language
    assert result.category == offence(code).category
    assert result.rsit == offence(code).rsit


def test_every_offence_is_tested_in_three_languages() -> None:
    languages: dict[str, set[str]] = {}
    for code, language, _ in TYPICAL:
        languages.setdefault(code, set()).add(language)
    assert set(languages) == set(OFFENCE_CODES) - {"other"}
    assert all(len(found) >= 3 for found in languages.values())


@pytest.mark.parametrize("method", ["lexicon", "model", "combined"])
def test_evidence_points_at_real_words_of_the_text(method: str) -> None:
    for _, _, text in TYPICAL:
        result = classify(text, method=method)
        assert result.method == method
        for evidence in result.evidence:
            assert text[evidence.start : evidence.end] == evidence.text
            assert evidence.text.strip()
            assert evidence.offence == result.offence
            assert evidence.weight > 0


def test_evidence_names_the_telling_words() -> None:
    text = "All our files were encrypted and the note demands a ransom in bitcoin."
    words = {e.text.lower() for e in classify(text).evidence}
    assert {"encrypted", "ransom"} & words


def test_observables_are_evidence_too() -> None:
    text = "Please pay the invoice to our new bank account DE89 3704 0044 0532 0130 00, says our supplier."
    result = classify(text)
    assert result.offence == "business_email_compromise"
    assert "DE89 3704 0044 0532 0130 00" in {e.text for e in result.evidence}


def test_probabilities_are_consistent() -> None:
    result = classify(TYPICAL[0][2])
    probabilities = [result.confidence, *(p for _, p in result.alternatives)]
    assert all(0.0 <= p <= 1.0 for p in probabilities)
    assert probabilities == sorted(probabilities, reverse=True)
    assert sum(probabilities) <= 1.0 + 1e-9
    assert len(result.alternatives) == 3
    assert result.offence not in {code for code, _ in result.alternatives}


@pytest.mark.parametrize("text", ["", "   \n", "asdf qwer zxcv", "12345 678", "?!?!", "\x00\x01"])
def test_empty_or_meaningless_text_is_other_with_no_confidence(text: str) -> None:
    result = classify(text)
    assert result.offence == "other"
    assert result.category is None
    assert result.rsit == "other/undetermined"
    assert result.confidence < 0.3
    assert result.evidence == ()


def test_a_report_about_nothing_criminal_is_not_confidently_an_offence() -> None:
    result = classify("I lost my phone on the bus yesterday, a black Samsung. Has anyone found it?")
    assert result.offence == "other" or result.confidence < 0.5


def test_odd_input_never_raises() -> None:
    for text in ["😀" * 50, "a\u0301" * 300, "x" * 100_000, "hxxp://[.]" * 20, "\ufeff\u200b"]:
        assert isinstance(classify(text), Classification)
    assert classify(None).offence == "other"  # type: ignore[arg-type]


def test_a_given_language_is_kept() -> None:
    assert classify("my account was hacked", language="en").language == "en"
    assert classify("", language="de").language == "de"


def test_an_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown method"):
        classify("text", method="magic")


def test_the_questionnaire_situation_decides_a_vague_text() -> None:
    text = "I lost 400 euros and I do not know what to do."
    assert classify(text, fields={"situation": "files_encrypted"}).offence == "ransomware"
    assert (
        classify(text, fields={"situation": "paid_never_came"}).offence == "online_shopping_fraud"
    )


def test_a_clear_text_outweighs_a_wrong_situation() -> None:
    text = "All files on our server were encrypted overnight and a ransom note demands bitcoin."
    assert classify(text, fields={"situation": "paid_never_came"}).offence == "ransomware"


def test_without_an_answer_a_text_that_says_nothing_stays_other() -> None:
    assert classify("I lost 400 euros and I do not know what to do.").offence == "other"


def test_fields_alone_give_a_proposal() -> None:
    result = classify("", fields={"situation": "data_leaked"})
    assert result.offence == "data_breach"
    assert result.evidence == ()


def test_a_payee_account_is_not_ransomware() -> None:
    text = "They locked us out and we paid 2,000 euros by transfer."
    hinted = classify(
        text,
        fields={"identifiers": [("iban", "payee_account")], "payment_method": "bank_transfer"},
    )
    assert hinted.offence != "ransomware"


def test_a_phishing_url_role_tips_a_vague_report() -> None:
    text = "I got a message and now I am worried."
    plain = classify(text)
    hinted = classify(
        text, fields={"identifiers": [("url", "phishing_url")], "contact_method": "sms"}
    )
    assert hinted.offence == "phishing"
    assert hinted.confidence > (plain.confidence if plain.offence == "phishing" else 0.0)


def test_malformed_fields_are_ignored() -> None:
    result = classify(
        "Someone hacked my Instagram account and changed the password.",
        fields={"identifiers": "nonsense", "situation": 42, "payment_method": None},
    )
    assert result.offence == "account_takeover"
