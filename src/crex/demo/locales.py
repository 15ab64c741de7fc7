"""Where the demo's victims live: languages they write in, currency, local marketplace
and the names they give when they leave contact details."""

from __future__ import annotations

import random
from dataclasses import dataclass

#: The languages the demo's narratives are written in.
LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "nl", "es", "it", "pl")


@dataclass(frozen=True, slots=True)
class CountryProfile:
    """What is typical of a victim in one country."""

    code: str
    languages: tuple[tuple[str, int], ...]  # (language, weight)
    currency: str
    marketplace: str
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]

    def language(self, rng: random.Random) -> str:
        """A language a victim here writes in (mostly the local one, sometimes English)."""
        codes = [code for code, _ in self.languages]
        weights = [weight for _, weight in self.languages]
        return rng.choices(codes, weights)[0]

    def full_name(self, rng: random.Random) -> str:
        """A plausible full name for a reporter here."""
        return f"{rng.choice(self.first_names)} {rng.choice(self.last_names)}"


PROFILES: dict[str, CountryProfile] = {
    p.code: p
    for p in (
        CountryProfile(
            "NL",
            (("nl", 88), ("en", 12)),
            "EUR",
            "Marktplaats",
            ("Sanne", "Daan", "Lotte", "Bram", "Femke", "Joost", "Ingrid", "Kees", "Noor"),
            ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder"),
        ),
        CountryProfile(
            "DE",
            (("de", 92), ("en", 8)),
            "EUR",
            "Kleinanzeigen",
            ("Jonas", "Lena", "Matthias", "Sabine", "Uwe", "Katrin", "Felix", "Monika"),
            ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann"),
        ),
        CountryProfile(
            "AT",
            (("de", 94), ("en", 6)),
            "EUR",
            "willhaben",
            ("Florian", "Theresa", "Lukas", "Christina", "Herbert", "Anna", "Markus"),
            ("Gruber", "Huber", "Bauer", "Wagner", "Pichler", "Steiner", "Moser"),
        ),
        CountryProfile(
            "FR",
            (("fr", 93), ("en", 7)),
            "EUR",
            "Leboncoin",
            ("Camille", "Julien", "Nathalie", "Thomas", "Sophie", "Mathieu", "Chantal"),
            ("Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefebvre", "Girard"),
        ),
        CountryProfile(
            "BE",
            (("nl", 52), ("fr", 40), ("en", 8)),
            "EUR",
            "2dehands",
            ("Wouter", "Elke", "Pieter", "Anouk", "Jérôme", "Isabelle", "Luc", "Marie"),
            ("Peeters", "Janssens", "Maes", "Dubois", "Lambert", "Claes", "Wouters"),
        ),
        CountryProfile(
            "ES",
            (("es", 93), ("en", 7)),
            "EUR",
            "Wallapop",
            ("Lucía", "Javier", "Carmen", "Alejandro", "Marta", "Sergio", "Pilar"),
            ("García", "Fernández", "López", "Martínez", "Sánchez", "Romero", "Navarro"),
        ),
        CountryProfile(
            "IT",
            (("it", 93), ("en", 7)),
            "EUR",
            "Subito",
            ("Giulia", "Marco", "Francesca", "Luca", "Chiara", "Alessandro", "Paola"),
            ("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo"),
        ),
        CountryProfile(
            "PL",
            (("pl", 92), ("en", 8)),
            "PLN",
            "OLX",
            ("Katarzyna", "Piotr", "Agnieszka", "Tomasz", "Magdalena", "Paweł", "Ewa"),
            ("Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kamiński", "Lewandowska"),
        ),
        CountryProfile(
            "CH",
            (("de", 60), ("fr", 30), ("en", 10)),
            "CHF",
            "Ricardo",
            ("Reto", "Corinne", "Urs", "Nadine", "Beat", "Séverine"),
            ("Meier", "Keller", "Brunner", "Favre", "Baumann", "Rochat"),
        ),
        CountryProfile(
            "GB",
            (("en", 100),),
            "GBP",
            "Gumtree",
            ("Oliver", "Emma", "Harry", "Charlotte", "George", "Amelia"),
            ("Smith", "Jones", "Taylor", "Brown", "Davies", "Evans"),
        ),
        CountryProfile(
            "LU",
            (("fr", 55), ("de", 35), ("en", 10)),
            "EUR",
            "Luxauto",
            ("Claude", "Nicole", "Marc", "Carine"),
            ("Schmit", "Muller", "Weber", "Hoffmann"),
        ),
    )
}


def profile(country: str) -> CountryProfile:
    """The profile of ``country``; countries without one write English and pay in EUR."""
    return PROFILES.get(country) or CountryProfile(
        country, (("en", 1),), "EUR", "an online marketplace", ("Alex", "Sam"), ("Taylor", "Lee")
    )
