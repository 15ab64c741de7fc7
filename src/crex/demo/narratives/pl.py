"""Polish narratives, as victims in Poland write them."""

# ruff: noqa: E501  (prose: one sentence per line reads better than wrapped fragments)

from crex.demo.narratives.phrasebook import Phrasebook

BOOK = Phrasebook(
    language="pl",
    openings={
        "person": (
            "Dzień dobry,",
            "Witam,",
            "Dobry wieczór,",
        ),
        "business": (
            "Szanowni Państwo,",
            "Dzień dobry,",
        ),
    },
    closings={
        "person": (
            "Mam zrzuty ekranu.",
            "Proszę o kontakt.",
            "Chcę złożyć zawiadomienie.",
            "Mam nadzieję, że nikt więcej się nie nabierze.",
        ),
        "loss": (
            "Co mogę teraz zrobić? Czy jest szansa odzyskać pieniądze?",
            "Zgłosiłem już sprawę w banku.",
            "Wstyd mi, że dałem się nabrać.",
        ),
        "business": (
            "Logi i zrzuty ekranu możemy przekazać.",
            "Nasz dostawca IT analizuje incydent.",
            "Chcemy złożyć zawiadomienie.",
            "Prosimy o poufne potraktowanie zgłoszenia.",
        ),
    },
    fillers={
        "product:sneakers": (
            "buty Air Retro 93",
            "dwie pary sneakersów",
            "limitowane sneakersy",
        ),
        "product:garden": (
            "zestaw mebli ogrodowych",
            "parasol i cztery krzesła ogrodowe",
            "narożnik z rattanu",
        ),
        "product": (
            "buty sportowe",
            "konsolę PlayStation 5",
            "baterię do roweru elektrycznego",
            "kurtkę zimową",
            "iPhone'a 15",
            "robota sprzątającego",
        ),
        "prize": ("spadek", "wygraną na loterii", "tani kredyt", "pracę zdalną"),
        "work": (
            "nasze oprogramowanie księgowe",
            "nasz najnowszy film",
            "nasze kursy online",
            "nasze torebki",
        ),
        "goods": (
            "skradzione karty kredytowe",
            "zestawy do phishingu",
            "skradzione dane do bankowości",
            "ransomware do wynajęcia",
        ),
    },
    stories={
        "phishing": (
            "Dnia {date} dostałem wiadomość, niby od {brand}, że muszę potwierdzić swoje dane. Link prowadził do {url}. Wpisałem login i hasło i dopiero potem zorientowałem się, że to oszustwo. Na razie nie zniknęły żadne pieniądze.",
            "SMS z numeru {phone}: rzekomo {brand}, paczka czeka i trzeba dopłacić. Strona to {url}. Podałem dane karty, zanim zauważyłem dziwny adres.",
            "Podejrzana wiadomość od „{brand}” z dnia {date} z linkiem do {url}. Niczego nie wpisałam, ale sąsiadka dostała to samo, więc zgłaszam.",
        ),
        "phishing:loss": (
            "Dnia {date} dostałem wiadomość od „{brand}”, że muszę zweryfikować konto na {url}. Wpisałem dane i kod z aplikacji. Tego samego wieczoru wykonano przelew {amount} na konto {iban}, na który się nie zgodziłem.",
            "Dostałam SMS z numeru {phone}, niby od {brand}. Kliknęłam w link ({url}) i zalogowałam się. Dzień później zobaczyłam przelew {amount} na {iban}. Bank mówi, że nie da się go cofnąć.",
        ),
        "online_shopping_fraud": (
            "Dnia {date} zamówiłem {product} w sklepie {shop} ({url}) i zapłaciłem {amount} przelewem na konto {iban}. Nic nie przyszło, numer przesyłki nie działa i nikt nie odpowiada na maile.",
            "Kupiłam {product} na stronie {url}, {amount}, przelew {date} na {iban}. Po trzech tygodniach nadal nic, a strona już nie działa. Myślę, że to był fałszywy sklep.",
        ),
        "online_shopping_fraud:marketplace": (
            "Chciałem kupić {product} na {marketplace} od użytkownika {handle}. Umówiliśmy się na {amount}, przelałem pieniądze {date} na {iban}. Potem sprzedający mnie zablokował, a ogłoszenie zniknęło.",
            "Sprzedający {handle} na {marketplace}, {product} za {amount}, zapłacone {date} na {iban}. Ani paczki, ani odpowiedzi.",
        ),
        "investment_fraud": (
            "Zobaczyłem reklamę inwestowania w kryptowaluty i zarejestrowałem się w {brand} ({url}). Opiekun konta dzwonił prawie codziennie z numeru {phone}. W sumie zainwestowałem {amount}, ostatnia wpłata {date} na {account}. Na platformie były duże zyski, ale żeby wypłacić, musiałem najpierw zapłacić „podatek”. Teraz nikt nie odbiera.",
            "{brand} namówił mnie do inwestowania. Dzwonili z numeru {phone} i kazali zainstalować program do zdalnego pulpitu. Straciłem {amount}, wpłacone na {account}. Ich strona: {url}.",
        ),
        "romance_fraud": (
            "Poznałam {alias} na {platform} (użytkownik {handle}) około czterech miesięcy temu. Mówił, że pracuje na platformie wiertniczej. Pisaliśmy codziennie. Potem były problemy z cłem i rachunek ze szpitala, wysłałam mu łącznie {amount}, ostatnio {date} na {account}. Teraz rozumiem, że wszystko było kłamstwem.",
            "Moja mama od miesięcy pisze z mężczyzną, który przedstawia się jako {alias}, na {platform} ({handle}). Wysłała mu już {amount}. Dnia {date} znowu poprosił o pieniądze. Chcemy to zgłosić.",
            "Poznałam {alias} na {platform} ({handle}). Nigdy nie udało się porozmawiać przez wideo. Kupiłam karty podarunkowe za {amount}, bo potrzebował pieniędzy na bilet lotniczy, ostatnio {date}.",
        ),
        "advance_fee_fraud": (
            "Dostałem maila z adresu {email} w sprawie dotyczącej: {prize}. Żeby to odblokować, musiałem płacić opłaty, najpierw małe, potem coraz większe. Razem {amount}, ostatnia płatność {date} na {account}.",
            "Ktoś z adresu {email} obiecał mi {prize}. Zapłaciłem {amount} „opłat manipulacyjnych” (ostatnio {date}) i nic nie dostałem.",
        ),
        "business_email_compromise": (
            "W imieniu firmy {company}: dnia {date} otrzymaliśmy maila z adresu {email}, rzekomo od naszego dostawcy {supplier}, o zmianie numeru konta. Zapłaciliśmy fakturę na {amount} na nowe konto {iban}. Dostawca potwierdza, że nie wysyłał tej wiadomości.",
            "Nasz dział księgowości ({company}) przelał {amount} na {iban} dnia {date} po mailu z adresu {email}, który podszywał się pod {supplier}. Domena jest bardzo podobna do prawdziwej. Bank został powiadomiony.",
        ),
        "tech_support_scam": (
            "Pojawiło się okienko, że komputer jest zablokowany i trzeba zadzwonić do {brand} pod numer {phone}. Mężczyzna przez telefon zainstalował program i zalogował się do mojego banku. Dnia {date} zniknęło {amount}.",
            "Dnia {date} zadzwonił ktoś z „{brand}”, że mój komputer ma wirusa. Miałem oddzwonić pod {phone}. Zapłaciłem {amount} za „licencję bezpieczeństwa”.",
        ),
        "payment_card_fraud": (
            "Na mojej karcie kończącej się na {last4} są płatności, których nie robiłem: {amount} w {merchant} dnia {date}. Kartę mam przy sobie.",
            "Na wyciągu widzę {amount} w {merchant} z dnia {date} moją kartą (końcówka {last4}). Nie znam tej firmy.",
        ),
        "identity_theft": (
            "Ktoś założył konto na {platform} na moje nazwisko ({handle}) z moimi zdjęciami i prosi moich znajomych o pieniądze. Używa adresu {email}. Zauważyłam to {date}.",
            "Dostaję listy w sprawie pożyczki, o którą nigdy nie wnioskowałem, złożonej na moje dane i adres {email}. Jest też fałszywy profil na {platform}, {handle}. Zaczęło się około {date}.",
        ),
        "extortion": (
            "Dostałem maila z adresu {email}, że zhakowali moją kamerę i mają nagranie ze mną. Chcą {demand} w bitcoinach na {wallet}, inaczej wyślą je moim znajomym. Otrzymane {date}.",
            "Mail z szantażem otrzymany {date} z adresu {email}. Twierdzą, że mają moje intymne nagrania, i żądają {demand} na adres {wallet}. Ze strachu zapłaciłem {amount}, zanim przeczytałem, że to znane oszustwo.",
        ),
        "extortion:business": (
            "Firma {company} otrzymała {date} maila z adresu {email}: jeśli nie zapłacimy {demand} w bitcoinach na {wallet}, zaatakują naszą stronę i opublikują dane klientów.",
        ),
        "child_sexual_abuse_material": (
            "Na forum znalazłem link, który wygląda na przedstawiający wykorzystywanie dzieci: {url}. Niczego więcej nie otwierałem. Widziane {date}.",
            "Przeglądając internet {date}, trafiłam na {url}, gdzie wydają się być seksualne zdjęcia małoletnich. Od razu zamknęłam stronę i zgłaszam to tutaj.",
        ),
        "hate_speech": (
            "Konto {handle} na {platform} publikuje wezwania do przemocy wobec uchodźców i muzułmanów. Przykład: {url} (z dnia {date}).",
            "Na {platform} użytkownik {handle} szerzy nienawiść wobec Żydów i wzywa innych do „działania”. Link: {url}.",
        ),
        "terrorist_content": (
            "Na {platform} znalazłem kanał ({handle}), który udostępnia filmy propagandowe grupy terrorystycznej i nawołuje do zamachów. Link: {url}, widziane {date}.",
        ),
        "copyright_infringement": (
            "Jesteśmy firmą {company}. Strona {domain} udostępnia {work} do darmowego pobrania bez naszej zgody, np. {url}. Stwierdzono {date}.",
        ),
        "account_takeover": (
            "Dnia {date} ktoś przejął moje konto {platform}. Hasło i adres do odzyskiwania zmieniono na {email}. Nie mogę się zalogować.",
            "Moje konto {platform} zostało zhakowane {date}, e-mail zmieniono na {email} i było logowanie z {ip}.",
            "Ktoś wszedł na moje konto {platform} dnia {date} i zmienił e-mail na {email}. Zanim je odzyskałem, wydano {amount}.",
        ),
        "hacking": (
            "W firmie {company} odkryliśmy {date}, że ktoś miał dostęp do naszego serwera pod {domain}. W logach widać logowania z {ip}.",
        ),
        "ransomware": (
            "{company}: dnia {date} nasze serwery zostały zaszyfrowane. Żądanie okupu podpisane przez {group}, kontakt {email}. Żądają {demand}.",
            "Nasze systemy ({company}) zostały zaatakowane ransomware {date}. W wiadomości jest {group}, kontakt {email}, płatność na {wallet}. Żądanie: {demand}. Nie zapłaciliśmy.",
            "Firma {company} została zaatakowana przez {group} dnia {date}. Opublikowali nasze dane na {url} i żądają {demand}. Kontakt: {email}.",
        ),
        "malware": (
            "Dnia {date} otworzyłem załącznik o nazwie {file} i od tego czasu komputer działa bardzo wolno i otwierają się dziwne okna. Antywirus pokazuje hash {hash}.",
            "Po pobraniu {file} z {url} mój laptop łączy się z {ip}. Hash pliku {hash}. Stało się to {date}.",
        ),
        "ddos": (
            "Od {date} strona {domain} firmy {company} jest regularnie niedostępna z powodu ogromnego ruchu.",
            "{company}: nasza strona {domain} została zaatakowana DDoS-em {date}, dużo ruchu szło z {ip}. Potem mail zażądał {demand} na {wallet}.",
        ),
        "botnet": (
            "W firmie {company} kilka komputerów łączy się z {domain} ({ip}) na porcie {port}. Nasz informatyk podejrzewa infekcję {family}. Zauważone {date}.",
        ),
        "data_breach": (
            "{company}: dnia {date} dowiedzieliśmy się, że kopia naszej bazy klientów ({records} rekordów) jest oferowana na {url}.",
        ),
        "illegal_interception": (
            "Firma {company} odkryła {date}, że wszystkie maile naszego prezesa były przekazywane na zewnętrzny adres. Regułę utworzono z {ip}.",
        ),
        "misuse_of_devices": (
            "Na {platform} użytkownik {handle} sprzedaje {goods}. Link do sklepu: {url}. Widziane {date}.",
        ),
        "other": (
            "Od tygodni dostaję dziwne telefony z numeru {phone}. Albo nikt się nie odzywa, albo zadają osobiste pytania, ostatnio {date}. Nie wiem, czy to przestępstwo, ale się niepokoję.",
        ),
    },
)
