"""Dutch narratives, as victims in the Netherlands and Flanders write them."""

# ruff: noqa: E501  (prose: one sentence per line reads better than wrapped fragments)

from crex.demo.narratives.phrasebook import Phrasebook

BOOK = Phrasebook(
    language="nl",
    openings={
        "person": (
            "Hallo,",
            "Goedemiddag,",
            "Beste,",
            "Hoi,",
        ),
        "business": (
            "Geachte heer/mevrouw,",
            "Goedemorgen,",
        ),
    },
    closings={
        "person": (
            "Ik heb screenshots gemaakt.",
            "Graag hoor ik van u.",
            "Ik wil hier aangifte van doen.",
            "Ik hoop dat niemand anders hier nog intrapt.",
        ),
        "loss": (
            "Wat kan ik nu nog doen? Krijg ik mijn geld terug?",
            "Mijn bank heb ik al gebeld.",
            "Ik schaam me dat ik erin ben getuind.",
        ),
        "business": (
            "Logbestanden en screenshots kunnen wij aanleveren.",
            "Onze IT-leverancier onderzoekt het incident.",
            "Wij willen hiervan aangifte doen.",
            "Wij verzoeken u deze melding vertrouwelijk te behandelen.",
        ),
    },
    fillers={
        "product:sneakers": (
            "een paar Air Retro 93",
            "twee paar sneakers",
            "limited edition sneakers",
        ),
        "product:garden": (
            "een loungeset voor de tuin",
            "een parasol en vier tuinstoelen",
            "een rotan hoekbank",
        ),
        "product": (
            "een paar sneakers",
            "een PlayStation 5",
            "een accu voor mijn e-bike",
            "een winterjas",
            "een iPhone 15",
            "een robotstofzuiger",
        ),
        "prize": (
            "een erfenis",
            "een loterijprijs",
            "een lening tegen 2% rente",
            "een thuiswerkbaan",
        ),
        "work": (
            "onze boekhoudsoftware",
            "onze nieuwe film",
            "onze online cursussen",
            "onze designertassen",
        ),
        "goods": (
            "gestolen creditcardgegevens",
            "phishingkits",
            "gestolen inloggegevens van banken",
            "ransomware te huur",
        ),
    },
    stories={
        "phishing": (
            "Op {date} kreeg ik een bericht dat van {brand} leek te komen, ik moest mijn gegevens bevestigen. De link ging naar {url}. Ik heb mijn inloggegevens ingevuld en pas daarna gezien dat het nep was. Voor zover ik zie is er nog geen geld weg.",
            "Sms van {phone}: zogenaamd {brand}, er lag een pakketje klaar en ik moest nog €1,95 betalen. De site was {url}. Ik heb mijn bankgegevens ingevuld voordat ik zag dat het adres niet klopte.",
            "Verdacht bericht van '{brand}' op {date} met een link naar {url}. Ik heb niks ingevuld maar mijn buurvrouw kreeg hetzelfde bericht, dus ik meld het toch.",
        ),
        "phishing:loss": (
            "Op {date} ontving ik een bericht van '{brand}' dat ik mijn rekening moest verifiëren via {url}. Ik heb mijn gegevens en de code uit de app ingevuld. Dezelfde avond is er {amount} overgemaakt naar {iban}, waar ik geen toestemming voor heb gegeven.",
            "Ik kreeg een sms van {phone}, zogenaamd van {brand}. Ik klikte op de link ({url}) en heb ingelogd. Een dag later zag ik een overboeking van {amount} naar {iban}. De bank zegt dat ze het niet kunnen terugdraaien.",
        ),
        "online_shopping_fraud": (
            "Ik heb op {date} bij {shop} ({url}) {product} besteld en {amount} overgemaakt naar {iban}. Er is nooit iets gekomen, de track & trace werkt niet en ze reageren niet meer op mails.",
            "Via de website {url} {product} gekocht. Mooie prijs, {amount}, betaald op {date} naar {iban}. Na drie weken nog niks en nu geeft de site een foutmelding. Ik denk dat het een nepwinkel was.",
        ),
        "online_shopping_fraud:marketplace": (
            "Ik wilde op {marketplace} {product} kopen van de gebruiker {handle}. We spraken {amount} af en ik heb op {date} overgemaakt naar {iban}. Daarna heeft de verkoper me geblokkeerd en was de advertentie weg.",
            "Verkoper {handle} op {marketplace}, {product} voor {amount}, betaald op {date} naar {iban}. Geen pakket, geen reactie meer.",
        ),
        "investment_fraud": (
            "Ik zag een advertentie over beleggen in crypto en heb me aangemeld bij {brand} ({url}). Een accountmanager belde me bijna elke dag vanaf {phone}. In totaal heb ik {amount} ingelegd, de laatste betaling op {date} naar {account}. Op het dashboard stond veel winst, maar om het op te nemen moest ik eerst 'belasting' betalen. Nu neemt niemand meer op.",
            "{brand} heeft mij overgehaald om te beleggen. Ze belden vanaf {phone} en lieten me AnyDesk installeren. Ik ben {amount} kwijt, gestort op {account}. Hun site is {url}.",
        ),
        "romance_fraud": (
            "Ik leerde {alias} ongeveer vier maanden geleden kennen op {platform} (gebruikersnaam {handle}). Hij zei dat hij op een booreiland werkte. We appten elke dag. Toen waren er problemen met de douane en een ziekenhuisrekening en ik heb in totaal {amount} gestuurd, het laatst op {date} naar {account}. Nu begrijp ik dat alles gelogen was.",
            "Mijn moeder heeft al maanden contact met een man die zich {alias} noemt, via {platform} ({handle}). Ze heeft hem al {amount} gestuurd. Op {date} vroeg hij weer om geld. Wij willen dit melden.",
            "Via {platform} leerde ik {alias} kennen ({handle}). Videobellen lukte nooit. Ik heb cadeaukaarten gekocht voor {amount} omdat hij geld nodig had voor een vliegticket, het laatst op {date}.",
        ),
        "advance_fee_fraud": (
            "Ik kreeg een mail van {email} over {prize}. Om het vrij te geven moest ik kosten betalen, eerst een klein bedrag en daarna steeds meer. In totaal {amount}, de laatste betaling op {date} naar {account}.",
            "Iemand via {email} beloofde me {prize}. Ik heb {amount} aan 'administratiekosten' betaald (laatst op {date}) en nooit iets ontvangen.",
        ),
        "business_email_compromise": (
            "Namens {company}: op {date} ontvingen wij een e-mail van {email}, schijnbaar van onze leverancier {supplier}, dat hun bankgegevens gewijzigd waren. Wij hebben een openstaande factuur van {amount} betaald op het nieuwe rekeningnummer {iban}. De leverancier bevestigt dat zij deze mail nooit hebben gestuurd.",
            "Onze administratie ({company}) heeft op {date} {amount} overgemaakt naar {iban} na een e-mail van {email} die zich voordeed als {supplier}. Het domein lijkt sterk op het echte. Onze bank is op de hoogte.",
        ),
        "tech_support_scam": (
            "Er kwam een pop-up dat mijn computer geblokkeerd was en dat ik {brand} moest bellen op {phone}. De man aan de telefoon installeerde een programma en logde in op mijn internetbankieren. Op {date} is er {amount} afgeschreven.",
            "Op {date} werd ik gebeld door iemand van '{brand}', mijn computer zou een virus hebben. Ik moest terugbellen naar {phone}. Ik heb {amount} betaald voor een 'beveiligingslicentie'.",
        ),
        "payment_card_fraud": (
            "Er staan betalingen op mijn pas eindigend op {last4} die ik niet heb gedaan: {amount} aan {merchant} op {date}. De pas heb ik gewoon nog.",
            "Op mijn afschrift staat {amount} aan {merchant} op {date} met mijn creditcard (laatste cijfers {last4}). Dat bedrijf ken ik niet.",
        ),
        "identity_theft": (
            "Iemand heeft op mijn naam een {platform}-account gemaakt ({handle}) met mijn foto's en vraagt mijn vrienden om geld. Ze gebruiken het mailadres {email}. Ik merkte het op {date}.",
            "Ik kreeg brieven over een lening die ik nooit heb aangevraagd, aangevraagd met mijn gegevens en het mailadres {email}. Er is ook een nepprofiel op {platform}, {handle}. Het begon rond {date}.",
        ),
        "extortion": (
            "Ik kreeg een mail van {email} dat ze mijn webcam hebben gehackt en een video van mij hebben. Ze willen {demand} in bitcoin naar {wallet}, anders sturen ze het naar mijn contacten. Ontvangen op {date}.",
            "Afpersingsmail ontvangen op {date} van {email}. Ze zeggen intieme beelden van mij te hebben en eisen {demand} naar het adres {wallet}. Ik heb uit paniek {amount} betaald voordat ik las dat dit een bekende oplichtingstruc is.",
        ),
        "extortion:business": (
            "{company} ontving op {date} een e-mail van {email}: als wij niet {demand} in bitcoin betalen naar {wallet}, vallen ze onze website aan en publiceren ze klantgegevens.",
        ),
        "child_sexual_abuse_material": (
            "Ik vond op een forum een link die misbruik van kinderen lijkt te tonen: {url}. Ik heb verder niets geopend. Gezien op {date}.",
            "Tijdens het surfen kwam ik op {date} terecht op {url}. Daar lijken seksuele afbeeldingen van minderjarigen te staan. Ik heb het meteen weggeklikt en meld het hier.",
        ),
        "hate_speech": (
            "Het account {handle} op {platform} plaatst oproepen tot geweld tegen vluchtelingen en moslims. Voorbeeld: {url} (geplaatst op {date}).",
            "Op {platform} verspreidt de gebruiker {handle} haatberichten tegen Joden en roept anderen op om 'in actie te komen'. Link: {url}.",
        ),
        "terrorist_content": (
            "Op {platform} vond ik een kanaal ({handle}) dat propagandavideo's van een terroristische groep deelt en oproept tot aanslagen. Link: {url}, gezien op {date}.",
        ),
        "copyright_infringement": (
            "Wij zijn {company}. De site {domain} biedt {work} zonder toestemming gratis aan om te downloaden, bijvoorbeeld {url}. Geconstateerd op {date}.",
        ),
        "account_takeover": (
            "Op {date} heeft iemand mijn {platform}-account overgenomen. Het wachtwoord en het herstel-e-mailadres zijn veranderd naar {email}. Ik kan niet meer inloggen.",
            "Mijn {platform}-account is op {date} gehackt, het mailadres is veranderd in {email} en er is ingelogd vanaf {ip}.",
            "Iemand is op {date} in mijn {platform}-account gekomen en heeft het mailadres veranderd in {email}. Voordat ik het terug had was er {amount} uitgegeven.",
        ),
        "hacking": (
            "Bij {company} hebben wij op {date} ontdekt dat iemand toegang had tot onze server achter {domain}. In de logs zien we inlogpogingen vanaf {ip}.",
        ),
        "ransomware": (
            "{company}: op {date} zijn onze servers versleuteld. Het losgeldbericht is ondertekend door {group}, contact via {email}. Ze eisen {demand}.",
            "Onze systemen ({company}) zijn op {date} getroffen door ransomware. In het bericht staat {group}, contact {email}, betaling naar {wallet}. Eis: {demand}. Wij hebben niet betaald.",
            "{company} is op {date} aangevallen door {group}. Onze gegevens staan op {url} en ze eisen {demand}. Contact: {email}.",
        ),
        "malware": (
            "Ik heb op {date} een bijlage geopend die {file} heette en sindsdien is mijn computer heel traag en gaan er rare vensters open. De virusscanner geeft de hash {hash}.",
            "Na het downloaden van {file} van {url} maakt mijn laptop verbinding met {ip}. Hash van het bestand {hash}. Gebeurd op {date}.",
        ),
        "ddos": (
            "Sinds {date} is de website {domain} van {company} regelmatig onbereikbaar door een enorme hoeveelheid verkeer.",
            "{company}: onze website {domain} is op {date} getroffen door een DDoS-aanval, veel verkeer kwam van {ip}. Daarna eiste een mail {demand} naar {wallet}.",
        ),
        "botnet": (
            "Bij {company} maken meerdere computers verbinding met {domain} ({ip}) op poort {port}. Onze IT-leverancier denkt aan een besmetting met {family}. Opgemerkt op {date}.",
        ),
        "data_breach": (
            "{company}: op {date} hoorden wij dat een kopie van onze klantendatabase ({records} records) wordt aangeboden op {url}.",
        ),
        "illegal_interception": (
            "{company} ontdekte op {date} dat alle e-mails van onze directeur werden doorgestuurd naar een extern adres. De regel is aangemaakt vanaf {ip}.",
        ),
        "misuse_of_devices": (
            "Op {platform} verkoopt de gebruiker {handle} {goods}. Link naar de shop: {url}. Gezien op {date}.",
        ),
        "other": (
            "Ik word al weken gebeld door {phone}. Soms zegt er niemand iets, soms stellen ze persoonlijke vragen, het laatst op {date}. Ik weet niet of dit strafbaar is maar ik maak me zorgen.",
        ),
    },
)
