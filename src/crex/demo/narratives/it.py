"""Italian narratives, as victims in Italy write them."""

# ruff: noqa: E501  (prose: one sentence per line reads better than wrapped fragments)

from crex.demo.narratives.phrasebook import Phrasebook

BOOK = Phrasebook(
    language="it",
    openings={
        "person": (
            "Buongiorno,",
            "Salve,",
            "Buonasera,",
        ),
        "business": (
            "Gentili signori,",
            "Buongiorno,",
        ),
    },
    closings={
        "person": (
            "Ho fatto degli screenshot.",
            "Resto in attesa di una vostra risposta.",
            "Vorrei sporgere denuncia.",
            "Spero che nessun altro ci caschi.",
        ),
        "loss": (
            "Cosa posso fare adesso? Posso riavere i soldi?",
            "Ho già chiamato la mia banca.",
            "Mi vergogno di esserci cascato.",
        ),
        "business": (
            "Log e screenshot sono a disposizione.",
            "Il nostro fornitore IT sta analizzando l'incidente.",
            "Vorremmo sporgere denuncia.",
            "Vi chiediamo di trattare la segnalazione in modo riservato.",
        ),
    },
    fillers={
        "product:sneakers": (
            "un paio di Air Retro 93",
            "due paia di sneakers",
            "delle sneakers in edizione limitata",
        ),
        "product:garden": (
            "un set lounge da giardino",
            "un ombrellone e quattro sedie da giardino",
            "un divano angolare in rattan",
        ),
        "product": (
            "un paio di sneakers",
            "una PlayStation 5",
            "una batteria per e-bike",
            "un piumino",
            "un iPhone 15",
            "un robot aspirapolvere",
        ),
        "prize": (
            "un'eredità",
            "una vincita alla lotteria",
            "un prestito al 2%",
            "un lavoro da casa",
        ),
        "work": (
            "il nostro software gestionale",
            "il nostro ultimo film",
            "i nostri corsi online",
            "le nostre borse firmate",
        ),
        "goods": (
            "carte di credito rubate",
            "kit di phishing",
            "credenziali bancarie rubate",
            "ransomware a noleggio",
        ),
    },
    stories={
        "phishing": (
            "Il {date} ho ricevuto un messaggio che sembrava di {brand}, dovevo confermare i miei dati. Il link portava a {url}. Ho inserito le credenziali e solo dopo ho capito che era falso. Per ora non mi mancano soldi.",
            "SMS dal {phone}: sembrava {brand}, un pacco in giacenza e una piccola tassa da pagare. Il sito era {url}. Ho inserito i dati della carta prima di notare che l'indirizzo era strano.",
            "Messaggio sospetto da '{brand}' il {date} con un link a {url}. Non ho inserito niente ma mia madre ha ricevuto lo stesso messaggio, quindi lo segnalo.",
        ),
        "phishing:loss": (
            "Il {date} ho ricevuto un messaggio da '{brand}' che diceva di verificare il conto su {url}. Ho inserito i miei dati e il codice dell'app. La sera stessa è partito un bonifico di {amount} verso {iban} che non ho mai autorizzato.",
            "Mi è arrivato un SMS dal {phone} che diceva di essere {brand}. Ho cliccato sul link ({url}) e ho fatto l'accesso. Il giorno dopo ho visto un bonifico di {amount} a {iban}. La banca dice che non può annullarlo.",
        ),
        "online_shopping_fraud": (
            "Il {date} ho ordinato {product} su {shop} ({url}) e ho pagato {amount} con bonifico su {iban}. Non è mai arrivato niente, il tracking non funziona e non rispondono più alle mail.",
            "Comprato {product} sul sito {url}, {amount}, bonifico il {date} su {iban}. Dopo tre settimane ancora niente e ora il sito non si apre più. Credo fosse un negozio falso.",
        ),
        "online_shopping_fraud:marketplace": (
            "Volevo comprare {product} su {marketplace} dall'utente {handle}. Ci siamo accordati su {amount} e ho fatto il bonifico il {date} su {iban}. Poi il venditore mi ha bloccato e l'annuncio è sparito.",
            "Venditore {handle} su {marketplace}, {product} per {amount}, pagato il {date} su {iban}. Nessun pacco, nessuna risposta.",
        ),
        "investment_fraud": (
            "Ho visto una pubblicità sugli investimenti in cripto e mi sono iscritto a {brand} ({url}). Un consulente mi chiamava quasi ogni giorno dal {phone}. In tutto ho investito {amount}, l'ultimo versamento il {date} su {account}. La piattaforma mostrava grandi guadagni ma per prelevare dovevo prima pagare le 'tasse'. Ora non risponde più nessuno.",
            "{brand} mi ha convinto a investire. Chiamavano dal {phone} e mi hanno fatto installare un programma di controllo remoto. Ho perso {amount}, versati su {account}. Il loro sito: {url}.",
        ),
        "romance_fraud": (
            "Ho conosciuto {alias} su {platform} (utente {handle}) circa quattro mesi fa. Diceva di lavorare su una piattaforma petrolifera. Ci scrivevamo tutti i giorni. Poi ci sono stati problemi con la dogana e una fattura dell'ospedale, e gli ho mandato in tutto {amount}, l'ultima volta il {date} su {account}. Ora capisco che era tutto falso.",
            "Mia madre da mesi scrive con un uomo che si fa chiamare {alias} su {platform} ({handle}). Gli ha già mandato {amount}. Il {date} ha chiesto di nuovo soldi. Vogliamo segnalarlo.",
            "Ho conosciuto {alias} su {platform} ({handle}). Non siamo mai riusciti a fare una videochiamata. Ho comprato carte regalo per {amount} perché gli servivano soldi per un biglietto aereo, l'ultima volta il {date}.",
        ),
        "advance_fee_fraud": (
            "Ho ricevuto una mail da {email} riguardo a {prize}. Per sbloccarla dovevo pagare delle spese, prima poco e poi sempre di più. In totale {amount}, l'ultimo pagamento il {date} su {account}.",
            "Qualcuno da {email} mi ha promesso {prize}. Ho pagato {amount} di 'spese di pratica' (l'ultima volta il {date}) e non ho mai ricevuto niente.",
        ),
        "business_email_compromise": (
            "Per conto di {company}: il {date} abbiamo ricevuto una mail da {email}, apparentemente dal nostro fornitore {supplier}, con nuove coordinate bancarie. Abbiamo pagato una fattura di {amount} sul nuovo conto {iban}. Il fornitore conferma di non aver mai inviato quella mail.",
            "La nostra amministrazione ({company}) ha bonificato {amount} su {iban} il {date} dopo una mail da {email} che imitava {supplier}. Il dominio è molto simile a quello vero. La banca è stata avvisata.",
        ),
        "tech_support_scam": (
            "È comparsa una finestra che diceva che il computer era bloccato e di chiamare {brand} al {phone}. L'uomo al telefono ha installato un programma ed è entrato nel mio home banking. Il {date} mi hanno addebitato {amount}.",
            "Il {date} mi ha chiamato qualcuno di '{brand}' dicendo che il mio computer aveva un virus. Dovevo richiamare il {phone}. Ho pagato {amount} per una 'licenza di sicurezza'.",
        ),
        "payment_card_fraud": (
            "Ci sono pagamenti sulla mia carta che finisce con {last4} che non ho fatto io: {amount} da {merchant} il {date}. La carta ce l'ho ancora io.",
            "Nell'estratto conto c'è un addebito di {amount} da {merchant} il {date} con la mia carta (ultime cifre {last4}). Non conosco questa società.",
        ),
        "identity_theft": (
            "Qualcuno ha creato un account {platform} a mio nome ({handle}) con le mie foto e chiede soldi ai miei amici. Usa la mail {email}. Me ne sono accorto il {date}.",
            "Mi sono arrivate lettere per un finanziamento che non ho mai chiesto, richiesto con i miei dati e la mail {email}. C'è anche un falso profilo {platform}, {handle}. È iniziato verso il {date}.",
        ),
        "extortion": (
            "Ho ricevuto una mail da {email} che dice di avermi hackerato la webcam e di avere un video di me. Vogliono {demand} in bitcoin su {wallet}, altrimenti lo mandano ai miei contatti. Ricevuta il {date}.",
            "Mail di ricatto ricevuta il {date} da {email}. Dicono di avere video intimi di me e chiedono {demand} all'indirizzo {wallet}. Ho pagato {amount} per paura prima di leggere che è una truffa nota.",
        ),
        "extortion:business": (
            "{company} ha ricevuto il {date} una mail da {email}: se non paghiamo {demand} in bitcoin su {wallet}, attaccheranno il nostro sito e pubblicheranno i dati dei clienti.",
        ),
        "child_sexual_abuse_material": (
            "Ho trovato su un forum un link che sembra mostrare abusi su bambini: {url}. Non ho aperto altro. Visto il {date}.",
            "Navigando il {date} sono finito su {url}, che sembra contenere immagini sessuali di minori. Ho chiuso subito e lo segnalo qui.",
        ),
        "hate_speech": (
            "L'account {handle} su {platform} pubblica incitamenti alla violenza contro profughi e musulmani. Esempio: {url} (pubblicato il {date}).",
            "Su {platform} l'utente {handle} diffonde messaggi d'odio contro gli ebrei e invita altri ad 'agire'. Link: {url}.",
        ),
        "terrorist_content": (
            "Su {platform} ho trovato un canale ({handle}) che condivide video di propaganda di un gruppo terroristico e incita ad attentati. Link: {url}, visto il {date}.",
        ),
        "copyright_infringement": (
            "Siamo {company}. Il sito {domain} offre {work} in download gratuito senza autorizzazione, per esempio {url}. Rilevato il {date}.",
        ),
        "account_takeover": (
            "Il {date} qualcuno si è preso il mio account {platform}. Hanno cambiato password e mail di recupero in {email}. Non riesco più ad accedere.",
            "Il mio account {platform} è stato violato il {date}, la mail è stata cambiata in {email} e c'è stato un accesso da {ip}.",
            "Qualcuno è entrato nel mio account {platform} il {date} e ha cambiato la mail in {email}. Prima che lo recuperassi avevano già speso {amount}.",
        ),
        "hacking": (
            "In {company} abbiamo scoperto il {date} che qualcuno aveva accesso al nostro server dietro {domain}. Nei log si vedono accessi da {ip}.",
        ),
        "ransomware": (
            "{company}: il {date} i nostri server sono stati cifrati. La richiesta di riscatto è firmata {group}, contatto {email}. Chiedono {demand}.",
            "I nostri sistemi ({company}) sono stati colpiti da ransomware il {date}. Il messaggio cita {group}, contatto {email}, pagamento su {wallet}. Richiesta: {demand}. Non abbiamo pagato.",
            "{company} è stata attaccata da {group} il {date}. Hanno pubblicato i nostri dati su {url} e chiedono {demand}. Contatto: {email}.",
        ),
        "malware": (
            "Il {date} ho aperto un allegato chiamato {file} e da allora il computer è lentissimo e si aprono finestre strane. L'antivirus indica l'hash {hash}.",
            "Dopo aver scaricato {file} da {url} il mio portatile si collega a {ip}. Hash del file {hash}. Successo il {date}.",
        ),
        "ddos": (
            "Dal {date} il sito {domain} di {company} è spesso irraggiungibile a causa di un'enorme quantità di traffico.",
            "{company}: il nostro sito {domain} ha subito un attacco DDoS il {date}, molto traffico arrivava da {ip}. Poi una mail ha chiesto {demand} su {wallet}.",
        ),
        "botnet": (
            "In {company} diversi computer si collegano a {domain} ({ip}) sulla porta {port}. Il nostro fornitore IT sospetta un'infezione {family}. Notato il {date}.",
        ),
        "data_breach": (
            "{company}: il {date} abbiamo saputo che una copia del nostro database clienti ({records} record) è in vendita su {url}.",
        ),
        "illegal_interception": (
            "{company} ha scoperto il {date} che tutte le mail del nostro direttore venivano inoltrate a un indirizzo esterno. La regola è stata creata da {ip}.",
        ),
        "misuse_of_devices": (
            "Su {platform} l'utente {handle} vende {goods}. Link del negozio: {url}. Visto il {date}.",
        ),
        "other": (
            "Da settimane ricevo strane telefonate dal {phone}. A volte nessuno parla, a volte fanno domande personali, l'ultima volta il {date}. Non so se è un reato ma mi preoccupa.",
        ),
    },
)
