"""The lexicon baseline: phrases matched on normalised words, with their spans."""

import pytest

from crex.core.classify.lexicon import Lexicon, load_lexicon, parse_lexicon, scores
from crex.core.classify.text import tokens
from crex.core.taxonomy import OFFENCE_CODES

SMALL = """# a comment
ransomware\t*\t3\tverschlüsselt | ransom*
ransomware\tde\t2\talle dateien
phishing\ten\t2\tfake login page | verify your account
phishing\ten\t1\tverify your account
"""


@pytest.fixture
def lexicon() -> Lexicon:
    return Lexicon(parse_lexicon(SMALL))


def test_phrases_match_whatever_the_case_and_accents(lexicon: Lexicon) -> None:
    text = "ALLE Dateien sind VERSCHLUSSELT, Ransomware!"
    found = lexicon.matches(tokens(text))
    assert [text[m.start : m.end] for m in found] == ["ALLE Dateien", "VERSCHLUSSELT", "Ransomware"]
    assert scores(found) == {"ransomware": 8.0}


def test_a_phrase_needs_all_its_words_in_order(lexicon: Lexicon) -> None:
    assert lexicon.matches(tokens("a login page that looked fake")) == []
    found = lexicon.matches(tokens("Please verify your account on the fake login page"))
    assert {m.term.words for m in found} == {
        ("verify", "your", "account"),
        ("fake", "login", "page"),
    }


def test_a_phrase_listed_twice_keeps_its_highest_weight(lexicon: Lexicon) -> None:
    found = lexicon.matches(tokens("verify your account"))
    assert [m.term.weight for m in found] == [2.0]


def test_a_phrase_repeated_in_the_text_counts_once() -> None:
    lexicon = Lexicon(parse_lexicon("ddos\t*\t3\tddos\n"))
    found = lexicon.matches(tokens("DDoS, DDoS and more DDoS"))
    assert len(found) == 3
    assert scores(found) == {"ddos": 3.0}


def test_a_malformed_line_is_refused() -> None:
    with pytest.raises(ValueError, match="line 1"):
        parse_lexicon("phishing\ten\tfake login\n")


def test_the_shipped_lexicon_covers_every_offence_in_eight_languages() -> None:
    terms = load_lexicon().terms
    for code in OFFENCE_CODES:
        if code == "other":
            continue
        languages = {t.language for t in terms if t.offence == code}
        assert {"en", "de", "fr", "es", "it", "nl", "pl", "pt"} <= languages, code
    assert {t.offence for t in terms} <= set(OFFENCE_CODES)
