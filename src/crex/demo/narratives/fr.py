"""French narratives, as victims in France, Belgium, Switzerland and Luxembourg write them."""

# ruff: noqa: E501  (prose: one sentence per line reads better than wrapped fragments)

from crex.demo.narratives.phrasebook import Phrasebook

BOOK = Phrasebook(
    language="fr",
    openings={
        "person": (
            "Bonjour,",
            "Bonsoir,",
            "Bonjour, je me permets de vous écrire.",
        ),
        "business": (
            "Madame, Monsieur,",
            "Bonjour,",
        ),
    },
    closings={
        "person": (
            "J'ai fait des captures d'écran.",
            "Merci de me recontacter.",
            "Je souhaite porter plainte.",
            "J'espère que personne d'autre ne se fera avoir.",
        ),
        "loss": (
            "Que puis-je faire maintenant ? Est-ce que je peux récupérer mon argent ?",
            "J'ai déjà prévenu ma banque.",
            "J'ai honte de m'être fait avoir.",
        ),
        "business": (
            "Les journaux et captures d'écran sont à votre disposition.",
            "Notre prestataire informatique analyse l'incident.",
            "Nous souhaitons déposer plainte.",
            "Merci de traiter ce signalement de manière confidentielle.",
        ),
    },
    fillers={
        "product:sneakers": (
            "une paire d'Air Retro 93",
            "deux paires de baskets",
            "des baskets en édition limitée",
        ),
        "product:garden": (
            "un salon de jardin",
            "un parasol et quatre chaises de jardin",
            "un canapé d'angle en rotin",
        ),
        "product": (
            "une paire de baskets",
            "une PlayStation 5",
            "une batterie de vélo électrique",
            "une doudoune",
            "un iPhone 15",
            "un aspirateur robot",
        ),
        "prize": ("un héritage", "un gain à la loterie", "un prêt à 2 %", "un emploi à domicile"),
        "work": (
            "notre logiciel de comptabilité",
            "notre dernier film",
            "nos formations en ligne",
            "nos sacs de créateur",
        ),
        "goods": (
            "des numéros de cartes bancaires volés",
            "des kits de phishing",
            "des accès bancaires volés",
            "un rançongiciel en location",
        ),
    },
    stories={
        "phishing": (
            "Le {date} j'ai reçu un message soi-disant de {brand} me demandant de confirmer mes données. Le lien menait vers {url}. J'ai saisi mes identifiants et ce n'est qu'après que j'ai compris que c'était faux. Pour l'instant aucun argent n'a disparu.",
            "SMS reçu du {phone} : « {brand} », un colis en attente, des frais à payer. Le site était {url}. J'ai rentré mes coordonnées bancaires avant de remarquer l'adresse bizarre.",
            "Message suspect de « {brand} » le {date}, avec un lien vers {url}. Je n'ai rien saisi mais ma voisine a reçu le même, donc je le signale.",
        ),
        "phishing:loss": (
            "Le {date} j'ai reçu un message de « {brand} » me demandant de vérifier mon compte sur {url}. J'ai entré mes données et le code de l'application. Le soir même, un virement de {amount} a été fait vers {iban} sans mon accord.",
            "J'ai reçu un SMS du {phone} qui disait venir de {brand}. J'ai cliqué sur le lien ({url}) et je me suis connecté. Le lendemain j'ai vu un virement de {amount} vers {iban}. La banque dit ne rien pouvoir faire.",
        ),
        "online_shopping_fraud": (
            "J'ai commandé {product} sur {shop} ({url}) le {date} et payé {amount} par virement sur le compte {iban}. Rien n'est arrivé, le numéro de suivi ne marche pas et plus personne ne répond aux mails.",
            "Acheté {product} sur le site {url}, {amount}, virement le {date} vers {iban}. Trois semaines après toujours rien et le site ne fonctionne plus. Je pense que c'était un faux site.",
        ),
        "online_shopping_fraud:marketplace": (
            "Je voulais acheter {product} sur {marketplace} à l'utilisateur {handle}. On s'est mis d'accord sur {amount}, j'ai fait le virement le {date} vers {iban}. Ensuite le vendeur m'a bloqué et l'annonce a disparu.",
            "Vendeur {handle} sur {marketplace}, {product} pour {amount}, payé le {date} sur {iban}. Pas de colis, plus de réponse.",
        ),
        "investment_fraud": (
            "J'ai vu une publicité pour investir dans les cryptos et je me suis inscrit chez {brand} ({url}). Un conseiller m'appelait presque tous les jours depuis le {phone}. J'ai investi {amount} au total, le dernier versement le {date} vers {account}. Le tableau de bord affichait de gros gains mais pour retirer il fallait d'abord payer des « taxes ». Plus personne ne répond.",
            "La société {brand} m'a convaincue d'investir. Ils appelaient du {phone} et ont pris le contrôle de mon ordinateur à distance. J'ai perdu {amount}, versés sur {account}. Leur site : {url}.",
        ),
        "romance_fraud": (
            "J'ai rencontré {alias} sur {platform} (profil {handle}) il y a environ quatre mois. Il disait travailler sur une plateforme pétrolière. On s'écrivait tous les jours. Puis il y a eu un problème de douane et une facture d'hôpital, et j'ai envoyé {amount} en tout, la dernière fois le {date} vers {account}. Je comprends maintenant que tout était faux.",
            "Ma mère échange depuis des mois avec un homme qui se fait appeler {alias} sur {platform} ({handle}). Elle lui a déjà envoyé {amount}. Le {date} il a encore demandé de l'argent. Nous voulons le signaler.",
            "J'ai connu {alias} sur {platform} ({handle}). Jamais d'appel vidéo. J'ai acheté des cartes cadeaux pour {amount} parce qu'il avait besoin d'un billet d'avion, la dernière fois le {date}.",
        ),
        "advance_fee_fraud": (
            "J'ai reçu un mail de {email} concernant {prize}. Pour débloquer l'argent je devais payer des frais, d'abord un peu puis de plus en plus. Au total {amount}, le dernier paiement le {date} vers {account}.",
            "Quelqu'un à l'adresse {email} m'a promis {prize}. J'ai payé {amount} de « frais de dossier » (dernier paiement le {date}) et je n'ai jamais rien reçu.",
        ),
        "business_email_compromise": (
            "Pour la société {company} : le {date} nous avons reçu un mail de {email}, apparemment de notre fournisseur {supplier}, annonçant un changement de coordonnées bancaires. Nous avons réglé une facture de {amount} sur le nouveau compte {iban}. Le fournisseur confirme ne jamais avoir envoyé ce mail.",
            "Notre service comptable ({company}) a viré {amount} vers {iban} le {date} suite à un mail de {email} imitant {supplier}. Le domaine ressemble beaucoup au vrai. Notre banque est prévenue.",
        ),
        "tech_support_scam": (
            "Une fenêtre disait que mon ordinateur était bloqué et qu'il fallait appeler {brand} au {phone}. L'homme au téléphone a installé un programme et s'est connecté à ma banque en ligne. Le {date}, {amount} ont été débités.",
            "Le {date} quelqu'un de « {brand} » m'a appelé en disant que mon ordinateur avait un virus. Je devais rappeler le {phone}. J'ai payé {amount} pour une « licence de sécurité ».",
        ),
        "payment_card_fraud": (
            "Il y a des paiements sur ma carte se terminant par {last4} que je n'ai pas faits : {amount} chez {merchant} le {date}. J'ai toujours la carte sur moi.",
            "Sur mon relevé il y a {amount} chez {merchant} le {date} avec ma carte (fin {last4}). Je ne connais pas cette société.",
        ),
        "identity_theft": (
            "Quelqu'un a créé un compte {platform} à mon nom ({handle}) avec mes photos et demande de l'argent à mes amis. Il utilise l'adresse {email}. Je l'ai remarqué le {date}.",
            "J'ai reçu des courriers pour un crédit que je n'ai jamais demandé, fait avec mes données et l'adresse {email}. Il y a aussi un faux profil {platform}, {handle}. Ça a commencé vers le {date}.",
        ),
        "extortion": (
            "J'ai reçu un mail de {email} disant qu'ils ont piraté ma webcam et ont une vidéo de moi. Ils veulent {demand} en bitcoin sur {wallet}, sinon ils l'envoient à mes contacts. Reçu le {date}.",
            "Mail de chantage reçu le {date} de {email}. Ils prétendent avoir des vidéos intimes de moi et exigent {demand} sur l'adresse {wallet}. J'ai payé {amount} par panique avant de comprendre que c'est une arnaque connue.",
        ),
        "extortion:business": (
            "La société {company} a reçu le {date} un mail de {email} : si nous ne payons pas {demand} en bitcoin sur {wallet}, ils attaqueront notre site et publieront les données clients.",
        ),
        "child_sexual_abuse_material": (
            "J'ai trouvé sur un forum un lien qui semble montrer des abus sur des enfants : {url}. Je n'ai rien ouvert de plus. Vu le {date}.",
            "En naviguant le {date} je suis tombé sur {url}, qui semble contenir des images sexuelles de mineurs. J'ai fermé tout de suite et je le signale ici.",
        ),
        "hate_speech": (
            "Le compte {handle} sur {platform} publie des appels à la violence contre les réfugiés et les musulmans. Exemple : {url} (publié le {date}).",
            "Sur {platform}, l'utilisateur {handle} diffuse des messages haineux contre les juifs et appelle à « agir ». Lien : {url}.",
        ),
        "terrorist_content": (
            "Sur {platform} j'ai trouvé une chaîne ({handle}) qui partage des vidéos de propagande d'un groupe terroriste et appelle à des attentats. Lien : {url}, vu le {date}.",
        ),
        "copyright_infringement": (
            "Nous sommes la société {company}. Le site {domain} propose {work} en téléchargement gratuit sans autorisation, par exemple {url}. Constaté le {date}.",
        ),
        "account_takeover": (
            "Le {date} quelqu'un a pris le contrôle de mon compte {platform}. Le mot de passe et l'adresse de récupération ont été changés pour {email}. Je ne peux plus me connecter.",
            "Mon compte {platform} a été piraté le {date}, l'adresse mail a été remplacée par {email} et il y a eu une connexion depuis {ip}.",
            "Quelqu'un est entré dans mon compte {platform} le {date} et a changé l'adresse en {email}. Avant que je le récupère, {amount} avaient été dépensés.",
        ),
        "hacking": (
            "Chez {company} nous avons découvert le {date} que quelqu'un avait accès à notre serveur derrière {domain}. Les journaux montrent des connexions depuis {ip}.",
        ),
        "ransomware": (
            "{company} : le {date} nos serveurs ont été chiffrés. La note de rançon est signée {group}, contact {email}. Ils exigent {demand}.",
            "Nos systèmes ({company}) ont été touchés par un rançongiciel le {date}. La note mentionne {group}, contact {email}, paiement sur {wallet}. Montant exigé : {demand}. Nous n'avons pas payé.",
            "La société {company} a été attaquée par {group} le {date}. Nos données sont publiées sur {url} et ils exigent {demand}. Contact : {email}.",
        ),
        "malware": (
            "J'ai ouvert le {date} une pièce jointe appelée {file} et depuis mon ordinateur est très lent, des fenêtres bizarres s'ouvrent. L'antivirus donne l'empreinte {hash}.",
            "Après avoir téléchargé {file} depuis {url}, mon portable se connecte à {ip}. Empreinte du fichier {hash}. C'était le {date}.",
        ),
        "ddos": (
            "Depuis le {date}, le site {domain} de {company} est régulièrement inaccessible à cause d'un afflux massif de trafic.",
            "{company} : notre site {domain} a subi une attaque DDoS le {date}, une grande partie du trafic venait de {ip}. Ensuite un mail a exigé {demand} sur {wallet}.",
        ),
        "botnet": (
            "Chez {company}, plusieurs postes se connectent à {domain} ({ip}) sur le port {port}. Notre prestataire informatique pense à une infection {family}. Constaté le {date}.",
        ),
        "data_breach": (
            "{company} : le {date} nous avons appris qu'une copie de notre base clients ({records} enregistrements) est proposée sur {url}.",
        ),
        "illegal_interception": (
            "La société {company} a découvert le {date} que tous les mails de notre directeur étaient transférés vers une adresse externe. La règle a été créée depuis {ip}.",
        ),
        "misuse_of_devices": (
            "Sur {platform}, l'utilisateur {handle} vend {goods}. Lien de la boutique : {url}. Vu le {date}.",
        ),
        "other": (
            "Depuis des semaines je reçois des appels étranges du {phone}. Soit personne ne parle, soit on me pose des questions personnelles, la dernière fois le {date}. Je ne sais pas si c'est un délit mais ça m'inquiète.",
        ),
    },
)
