"""Words are compared case-folded, without accents and defanging, but keep their place."""

from crex.core.classify.text import normalise_phrase, normalise_word, tokens


def test_words_are_folded_and_keep_their_span() -> None:
    text = "Meine ÜBERWEISUNG an hxxps://böse[.]example"
    found = tokens(text)
    assert [t.norm for t in found] == ["meine", "uberweisung", "an", "https", "bose", "example"]
    for token in found:
        assert normalise_word(text[token.start : token.end]) == token.norm


def test_polish_and_other_letters_without_a_decomposition_are_folded() -> None:
    assert normalise_word("PŁATNOŚĆ") == "platnosc"
    assert normalise_word("Straße") == "strasse"
    assert normalise_word("Œuvre") == "oeuvre"


def test_hashes_and_other_overlong_strings_are_not_words() -> None:
    assert tokens("a" * 64) == []


def test_empty_text_has_no_words() -> None:
    assert tokens("") == []
    assert tokens(" \n\t!?") == []


def test_phrases_keep_their_prefix_marks() -> None:
    assert normalise_phrase("Erpress* per E-Mail") == ("erpress*", "per", "e", "mail")
    assert normalise_phrase("  ") == ()
