"""Invented names for the demo: fake shops and brokers, victim companies, offender
personas, handles and domains. Any likeness to a real business is a coincidence."""

from __future__ import annotations

import random
import re
import unicodedata

_SHOP_PREFIXES = ("Urban", "Nord", "Prime", "Happy", "Casa", "Trend", "Eco", "Smart", "Bella")
_SHOP_GOODS = ("Sneaker", "Bike", "Gadget", "Garden", "Watch", "Phone", "Toy", "Beauty", "Grill")
_SHOP_SUFFIXES = ("Outlet", "Store", "Deals", "Market", "Factory", "Corner")
_SHOP_TLDS = ("shop", "com", "store", "online", "net")
_BROKER_FIRST = ("Vertex", "Sterling", "Helix", "Orion", "Crown", "Atlas", "Nordic", "Summit")
_BROKER_SECOND = ("Capital", "Invest", "Trade", "Markets", "Assets", "Wealth")
_ALIASES = (
    "Sarah Mitchell",
    "Robert Hayes",
    "Michael Brennan",
    "Anna Kowalczyk",
    "James Cartwright",
    "Elena Petrova",
    "Thomas Reinhardt",
    "Sophie Laurent",
    "David Keller",
    "Mark Anderson",
)
_MAIL_WORDS = ("secure", "notice", "mail", "info", "service", "desk", "alert", "contact")
_FAKE_MAIL_DOMAINS = (
    "mailbox-relay.net",
    "postfach-eu.com",
    "courrier-rapide.org",
    "inbox-247.com",
)
_MERCHANTS = (
    "GLOBALDIGITAL*SERVICES",
    "TRAVELPOINT ONLINE",
    "PAY*GAMECOINS",
    "ELECTRO-WORLD WEB",
    "LUXWEAR LTD",
    "APPSTORE-BILLING",
)

#: Sector words and legal forms for victim companies, by country.
_COMPANY_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "NL": (("Installatietechniek", "Logistiek", "Bouw", "Accountants", "Transport"), ("B.V.",)),
    "BE": (("Bouw", "Logistics", "Interieur", "Boekhouding", "Transport"), ("NV", "BV", "SRL")),
    "DE": (("Logistik", "Maschinenbau", "Steuerberatung", "Elektrotechnik", "Bau"), ("GmbH", "KG")),
    "AT": (("Holzbau", "Spedition", "Elektro", "Steuerberatung"), ("GmbH",)),
    "FR": (("Transports", "Bâtiment", "Conseil", "Menuiserie", "Expertise"), ("SARL", "SAS")),
    "ES": (("Construcciones", "Transportes", "Asesoría", "Logística"), ("S.L.", "S.A.")),
    "IT": (("Meccanica", "Trasporti", "Costruzioni", "Consulenze"), ("S.r.l.", "S.p.A.")),
    "PL": (("Logistyka", "Budownictwo", "Transport", "Doradztwo"), ("sp. z o.o.",)),
    "CH": (("Treuhand", "Logistik", "Maschinenbau", "Informatique"), ("AG", "GmbH", "Sàrl")),
    "LU": (("Fiduciaire", "Logistics", "Construction"), ("S.A.", "S.à r.l.")),
    "GB": (("Logistics", "Engineering", "Accountants", "Builders"), ("Ltd",)),
}
_DEFAULT_COMPANY_PARTS = (("Logistics", "Engineering", "Consulting", "Trading"), ("Ltd",))
#: The top-level domain a business in a country usually has.
_NATIONAL_TLD = {"GB": "co.uk"}
_SURNAMES = (
    "Hendriks", "Vogel", "Moreau", "Navarro", "Colombo", "Nowak", "Peeters", "Gruber",
    "Brandt", "Lambert", "Ruiz", "Greco", "Wójcik", "Kuipers", "Wagner", "Fontaine",
)  # fmt: skip


def slug(*parts: str) -> str:
    """Lower-case parts joined with hyphens (for invented domain names)."""
    return "-".join(p.lower().replace(" ", "-") for p in parts if p)


def shop(rng: random.Random) -> tuple[str, str]:
    """An invented web shop: (display name, domain)."""
    name = f"{rng.choice(_SHOP_PREFIXES)}{rng.choice(_SHOP_GOODS)} {rng.choice(_SHOP_SUFFIXES)}"
    domain = f"{slug(name)}{rng.randint(2, 99)}.{rng.choice(_SHOP_TLDS)}"
    return name, domain


def broker(rng: random.Random) -> tuple[str, str]:
    """An invented trading platform: (display name, domain)."""
    first, second = rng.choice(_BROKER_FIRST), rng.choice(_BROKER_SECOND)
    return f"{first} {second}", f"{slug(first, second)}-{rng.choice(('pro', 'global', 'fx'))}.com"


def ascii_slug(*parts: str) -> str:
    """Parts in lower-case ASCII (accents dropped) joined with hyphens, for host names."""
    text = "-".join(parts)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def website(rng: random.Random, country: str, *words: str) -> str:
    """An invented website of an organisation in ``country``, on its national domain."""
    tld = _NATIONAL_TLD.get(country, country.lower() if len(country) == 2 else "com")
    return f"{ascii_slug(*words)}{rng.randint(2, 99)}.{tld}"


def company(rng: random.Random, country: str) -> tuple[str, str]:
    """An invented victim company in ``country``: (name, website)."""
    sectors, forms = _COMPANY_PARTS.get(country, _DEFAULT_COMPANY_PARTS)
    surname, sector = rng.choice(_SURNAMES), rng.choice(sectors)
    return f"{surname} {sector} {rng.choice(forms)}", website(rng, country, surname, sector)


def alias(rng: random.Random) -> str:
    """A name an offender hides behind."""
    return rng.choice(_ALIASES)


def handle(rng: random.Random, person: str | None = None) -> str:
    """A user name on some platform, derived from ``person`` or made up."""
    base = (person or alias(rng)).lower().replace(" ", rng.choice((".", "_", "")))
    return f"{base}{rng.choice(('', '_official', '.real', str(rng.randint(7, 99))))}"


def offender_email(rng: random.Random, domain: str | None = None) -> str:
    """A sender address on ``domain`` or on an invented throw-away mail domain."""
    local = f"{rng.choice(_MAIL_WORDS)}{rng.randint(10, 999)}"
    return f"{local}@{domain or rng.choice(_FAKE_MAIL_DOMAINS)}"


def merchant(rng: random.Random) -> str:
    """A merchant name as it appears on a card statement."""
    return rng.choice(_MERCHANTS)


def invented_domain(rng: random.Random, *words: str, tlds: tuple[str, ...] = ("com", "net")) -> str:
    """A domain made of ``words``, a number and a common TLD."""
    return f"{slug(*words)}{rng.randint(2, 99)}.{rng.choice(tlds)}"


#: Invented towns and how their administrations are called, by country.
_PUBLIC_BODIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "NL": ("Gemeente {}", ("Zuiderveen", "Oosterwolde aan Zee", "Bergdijk")),
    "BE": ("Gemeente {}", ("Hoogstrate", "Meerbeke-Dorp", "Waterloos")),
    "DE": ("Stadtverwaltung {}", ("Bergheim am See", "Neustadt-Lindenau", "Kirchwalde")),
    "AT": ("Gemeindeamt {}", ("St. Leonhard am Wald", "Oberkirchbach")),
    "FR": ("Mairie de {}", ("Saint-Aubin-des-Prés", "Montclair-sur-Loue")),
    "ES": ("Ayuntamiento de {}", ("Villaverde del Campo", "San Julián de Mar")),
    "IT": ("Comune di {}", ("Castelverde", "San Lorenzo al Piano")),
    "PL": ("Urząd Gminy {}", ("Zielonka Dolna", "Brzozów Wielki")),
    "CH": ("Gemeindeverwaltung {}", ("Oberwil am See", "Niederbach")),
    "LU": ("Administration communale de {}", ("Bech-Moselle", "Weilerbach")),
    "GB": ("{} Borough Council", ("Westbridge", "Eastmoor")),
}


def public_body(rng: random.Random, country: str) -> tuple[str, str]:
    """An invented local authority in ``country``: (name, website)."""
    pattern, towns = _PUBLIC_BODIES.get(country, ("Town of {}", ("Westbridge", "Eastmoor")))
    town = rng.choice(towns)
    return pattern.format(town), website(rng, country, town)


_RANSOMWARE_GROUPS = ("BlackVeil", "CryptoMole", "SilentGrid", "Lockbyte Kids", "Dark Ember")
_MALWARE_FILES = (
    "invoice_{n}.pdf.exe",
    "Rechnung_{n}.zip",
    "facture_{n}.js",
    "factuur-{n}.iso",
    "DHL_Zustellung_{n}.apk",
    "scan_{n}.one",
)


def ransomware_group(rng: random.Random) -> str:
    """The name a ransomware crew signs with."""
    return rng.choice(_RANSOMWARE_GROUPS)


def malware_file(rng: random.Random) -> str:
    """The name of a malicious attachment or download."""
    return rng.choice(_MALWARE_FILES).format(n=rng.randint(1000, 99999))
