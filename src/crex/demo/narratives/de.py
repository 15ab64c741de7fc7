"""German narratives, as victims in Germany and Austria write them."""

# ruff: noqa: E501  (prose: one sentence per line reads better than wrapped fragments)

from crex.demo.narratives.phrasebook import Phrasebook

BOOK = Phrasebook(
    language="de",
    openings={
        "person": (
            "Hallo,",
            "Guten Tag,",
            "Hallo zusammen,",
            "Servus,",
        ),
        "business": (
            "Sehr geehrte Damen und Herren,",
            "Guten Tag,",
        ),
    },
    closings={
        "person": (
            "Screenshots habe ich gemacht.",
            "Bitte melden Sie sich bei mir.",
            "Ich möchte Anzeige erstatten.",
            "Hoffentlich fällt niemand mehr darauf rein.",
        ),
        "loss": (
            "Was kann ich jetzt tun? Bekomme ich das Geld zurück?",
            "Meine Bank habe ich schon informiert.",
            "Ich schäme mich, dass ich darauf reingefallen bin.",
        ),
        "business": (
            "Logdateien und Screenshots stellen wir gerne zur Verfügung.",
            "Unser IT-Dienstleister untersucht den Vorfall.",
            "Wir möchten Strafanzeige erstatten.",
            "Bitte behandeln Sie diese Meldung vertraulich.",
        ),
    },
    fillers={
        "product:sneakers": (
            "ein Paar Air Retro 93",
            "zwei Paar Sneaker",
            "limitierte Sneaker",
        ),
        "product:garden": (
            "eine Gartenlounge",
            "einen Sonnenschirm und vier Gartenstühle",
            "ein Rattan-Ecksofa",
        ),
        "product": (
            "ein Paar Sneaker",
            "eine PlayStation 5",
            "einen E-Bike-Akku",
            "eine Winterjacke",
            "ein iPhone 15",
            "einen Saugroboter",
        ),
        "prize": (
            "eine Erbschaft",
            "einen Lottogewinn",
            "einen günstigen Kredit",
            "einen Job im Homeoffice",
        ),
        "work": (
            "unsere Buchhaltungssoftware",
            "unseren neuen Kinofilm",
            "unsere Online-Kurse",
            "unsere Designerware",
        ),
        "goods": (
            "gestohlene Kreditkartendaten",
            "Phishing-Kits",
            "gestohlene Online-Banking-Zugänge",
            "Ransomware zur Miete",
        ),
    },
    stories={
        "phishing": (
            "Am {date} bekam ich eine Nachricht angeblich von {brand}, ich solle meine Daten bestätigen. Der Link führte zu {url}. Ich habe meine Zugangsdaten eingegeben und erst danach gemerkt, dass es eine Fälschung war. Bisher fehlt kein Geld.",
            "SMS von {phone}: Angeblich {brand}, ein Paket warte auf mich und ich müsse eine Gebühr zahlen. Die Seite war {url}. Ich habe meine Kartendaten eingegeben, bevor mir die komische Adresse auffiel.",
            "Verdächtige Nachricht von '{brand}' am {date} mit Link auf {url}. Ich habe nichts eingegeben, melde es aber, weil meine Mutter die gleiche Nachricht bekommen hat.",
        ),
        "phishing:loss": (
            "Am {date} erhielt ich eine Nachricht von '{brand}', ich müsse mein Konto über {url} verifizieren. Ich habe meine Daten und den Code aus der App eingegeben. Am selben Abend wurden {amount} auf das Konto {iban} überwiesen, ohne dass ich das veranlasst habe.",
            "Ich habe eine SMS von {phone} bekommen, angeblich von {brand}. Ich habe auf den Link geklickt ({url}) und mich eingeloggt. Einen Tag später war eine Überweisung über {amount} an {iban} auf meinem Konto. Die Bank kann es nicht zurückholen.",
        ),
        "online_shopping_fraud": (
            "Ich habe am {date} bei {shop} ({url}) {product} bestellt und {amount} per Überweisung an {iban} bezahlt. Es kam nie etwas an, die Sendungsnummer funktioniert nicht und auf E-Mails antwortet niemand mehr.",
            "Habe auf {url} {product} gekauft, für {amount}, überwiesen am {date} an {iban}. Nach drei Wochen immer noch nichts, jetzt ist die Seite weg. Das war wohl ein Fake-Shop.",
        ),
        "online_shopping_fraud:marketplace": (
            "Ich wollte auf {marketplace} {product} von dem Nutzer {handle} kaufen. Wir haben uns auf {amount} geeinigt, ich habe am {date} an {iban} überwiesen. Danach hat mich der Verkäufer blockiert und die Anzeige war gelöscht.",
            "Verkäufer {handle} auf {marketplace}, {product} für {amount}, bezahlt am {date} an {iban}. Keine Ware, keine Antwort.",
        ),
        "investment_fraud": (
            "Ich habe eine Werbung für Krypto-Investments gesehen und mich bei {brand} ({url}) angemeldet. Ein Berater rief mich fast täglich von {phone} an. Insgesamt habe ich {amount} investiert, zuletzt am {date} an {account}. Im Dashboard standen hohe Gewinne, aber für die Auszahlung sollte ich erst 'Steuern' zahlen. Jetzt geht keiner mehr ran.",
            "Die Firma {brand} hat mich zum Investieren überredet. Angerufen haben sie von {phone}, per Fernwartung haben sie mir 'geholfen'. Ich habe {amount} verloren, eingezahlt an {account}. Webseite: {url}.",
        ),
        "romance_fraud": (
            "Ich habe {alias} vor etwa vier Monaten auf {platform} kennengelernt (Profil {handle}). Er sagte, er arbeite auf einer Bohrinsel. Wir haben jeden Tag geschrieben. Dann gab es Probleme mit dem Zoll und eine Krankenhausrechnung, und ich habe insgesamt {amount} überwiesen, zuletzt am {date} an {account}. Jetzt weiß ich, dass alles gelogen war.",
            "Mein Vater schreibt seit Monaten mit einer Frau namens {alias} über {platform} ({handle}). Er hat ihr schon {amount} geschickt. Am {date} wollte sie wieder Geld. Wir möchten das anzeigen.",
            "Über {platform} habe ich {alias} kennengelernt ({handle}). Einen Videoanruf gab es nie. Ich habe Gutscheinkarten für {amount} gekauft, weil er Geld für einen Flug brauchte, zuletzt am {date}.",
        ),
        "advance_fee_fraud": (
            "Per E-Mail von {email} hat man mir {prize} in Aussicht gestellt. Um das Geld freizugeben, sollte ich Gebühren zahlen, erst wenig, dann immer mehr. Insgesamt {amount}, zuletzt am {date} an {account}.",
            "Jemand unter {email} hat mir {prize} versprochen. Ich habe {amount} an 'Bearbeitungsgebühren' bezahlt (zuletzt am {date}) und nie etwas bekommen.",
        ),
        "business_email_compromise": (
            "Im Namen der {company}: Am {date} erhielten wir eine E-Mail von {email}, angeblich von unserem Lieferanten {supplier}, mit neuer Bankverbindung. Wir haben eine offene Rechnung über {amount} an das neue Konto {iban} bezahlt. Der Lieferant bestätigt, dass die E-Mail nicht von ihm stammt.",
            "Unsere Buchhaltung ({company}) hat am {date} {amount} an {iban} überwiesen, nach einer E-Mail von {email}, die {supplier} imitierte. Die Domain ist der echten sehr ähnlich. Die Hausbank ist informiert.",
        ),
        "tech_support_scam": (
            "Ein Fenster sagte, mein Computer sei gesperrt und ich solle {brand} unter {phone} anrufen. Der Mann am Telefon hat ein Programm installiert und sich in mein Online-Banking eingeloggt. Am {date} wurden {amount} abgebucht.",
            "Am {date} rief mich jemand von '{brand}' an, mein PC habe einen Virus. Ich sollte {phone} zurückrufen. Für eine 'Sicherheitslizenz' habe ich {amount} bezahlt.",
        ),
        "payment_card_fraud": (
            "Auf meiner Karte mit den Endziffern {last4} sind Zahlungen, die ich nicht gemacht habe: {amount} an {merchant} am {date}. Die Karte habe ich noch bei mir.",
            "Auf meinem Kontoauszug steht eine Zahlung von {amount} an {merchant} vom {date} mit meiner Kreditkarte (Endziffern {last4}). Die Firma kenne ich nicht.",
        ),
        "identity_theft": (
            "Jemand hat in meinem Namen ein {platform}-Profil angelegt ({handle}), mit meinen Fotos, und fragt meine Freunde nach Geld. Benutzt wird die E-Mail {email}. Bemerkt am {date}.",
            "Ich habe Post wegen eines Kredits bekommen, den ich nie beantragt habe. Beantragt mit meinen Daten und der E-Mail {email}. Dazu gibt es ein falsches {platform}-Profil, {handle}. Angefangen hat es um den {date}.",
        ),
        "extortion": (
            "Ich habe eine E-Mail von {email} bekommen: Sie hätten meine Kamera gehackt und ein Video von mir. Sie wollen {demand} in Bitcoin an {wallet}, sonst schicken sie es an meine Kontakte. Erhalten am {date}.",
            "Erpresser-Mail vom {date} von {email}. Angeblich intime Aufnahmen von mir, Forderung {demand} an die Adresse {wallet}. Ich habe aus Panik {amount} bezahlt, bevor ich gelesen habe, dass das eine bekannte Masche ist.",
        ),
        "extortion:business": (
            "Die {company} erhielt am {date} eine E-Mail von {email}: Wenn wir nicht {demand} in Bitcoin an {wallet} zahlen, greifen sie unsere Webseite an und veröffentlichen Kundendaten.",
        ),
        "child_sexual_abuse_material": (
            "Ich habe in einem Forum einen Link gefunden, der offenbar Missbrauch von Kindern zeigt: {url}. Ich habe nichts weiter geöffnet. Gesehen am {date}.",
            "Beim Surfen bin ich am {date} auf {url} gestoßen. Dort scheinen sexuelle Darstellungen von Minderjährigen zu sein. Ich habe sofort geschlossen und melde es hier.",
        ),
        "hate_speech": (
            "Der Account {handle} auf {platform} postet Aufrufe zur Gewalt gegen Geflüchtete und Muslime. Beispiel: {url} (vom {date}).",
            "Auf {platform} verbreitet der Nutzer {handle} Hetze gegen Juden und ruft andere auf, 'etwas zu tun'. Link: {url}.",
        ),
        "terrorist_content": (
            "Auf {platform} habe ich einen Kanal gefunden ({handle}), der Propagandavideos einer Terrorgruppe teilt und zu Anschlägen aufruft. Link: {url}, gesehen am {date}.",
        ),
        "copyright_infringement": (
            "Wir sind die {company}. Die Seite {domain} bietet {work} ohne unsere Erlaubnis zum kostenlosen Download an, z. B. {url}. Festgestellt am {date}.",
        ),
        "account_takeover": (
            "Am {date} hat jemand meinen {platform}-Account übernommen. Passwort und Wiederherstellungsadresse wurden auf {email} geändert. Ich komme nicht mehr rein.",
            "Mein {platform}-Konto wurde am {date} gehackt, die E-Mail wurde auf {email} geändert und es gab einen Login von {ip}.",
            "Jemand ist am {date} in mein {platform}-Konto eingedrungen und hat die E-Mail auf {email} geändert. Bis ich es zurück hatte, wurden {amount} ausgegeben.",
        ),
        "hacking": (
            "Bei der {company} haben wir am {date} festgestellt, dass jemand Zugriff auf unseren Server hinter {domain} hatte. In den Logs sehen wir Anmeldungen von {ip}.",
        ),
        "ransomware": (
            "{company}: Am {date} wurden unsere Server verschlüsselt. Die Erpressernachricht ist von {group} unterschrieben, Kontakt {email}. Gefordert werden {demand}.",
            "Unsere Systeme ({company}) wurden am {date} durch Ransomware verschlüsselt. In der Nachricht steht {group}, Kontakt {email}, Zahlung an {wallet}. Forderung: {demand}. Wir haben nicht gezahlt.",
            "Die {company} wurde am {date} von {group} angegriffen. Unsere Daten stehen auf {url}, gefordert werden {demand}. Kontakt: {email}.",
        ),
        "malware": (
            "Ich habe am {date} einen Anhang namens {file} geöffnet, seitdem ist mein Rechner sehr langsam und es gehen komische Fenster auf. Der Virenscanner zeigt den Hash {hash}.",
            "Nach dem Download von {file} von {url} baut mein Laptop Verbindungen zu {ip} auf. Datei-Hash {hash}. Passiert am {date}.",
        ),
        "ddos": (
            "Seit dem {date} ist die Webseite {domain} der {company} immer wieder durch eine Datenflut nicht erreichbar.",
            "{company}: Unsere Website {domain} wurde am {date} per DDoS angegriffen, viel Verkehr kam von {ip}. Danach forderte eine E-Mail {demand} an {wallet}.",
        ),
        "botnet": (
            "Bei der {company} bauen mehrere Rechner Verbindungen zu {domain} ({ip}) auf Port {port} auf. Unser IT-Dienstleister vermutet eine Infektion mit {family}. Bemerkt am {date}.",
        ),
        "data_breach": (
            "{company}: Am {date} haben wir erfahren, dass eine Kopie unserer Kundendatenbank ({records} Datensätze) auf {url} angeboten wird.",
        ),
        "illegal_interception": (
            "Die {company} hat am {date} festgestellt, dass alle E-Mails unseres Geschäftsführers an eine externe Adresse weitergeleitet wurden. Die Regel wurde von {ip} aus eingerichtet.",
        ),
        "misuse_of_devices": (
            "Auf {platform} verkauft der Nutzer {handle} {goods}. Shop-Link: {url}. Gesehen am {date}.",
        ),
        "other": (
            "Seit Wochen bekomme ich seltsame Anrufe von {phone}. Entweder sagt keiner was oder es werden persönliche Fragen gestellt, zuletzt am {date}. Ich weiß nicht, ob das strafbar ist, aber es beunruhigt mich.",
        ),
    },
)
