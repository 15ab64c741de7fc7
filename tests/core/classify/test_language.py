"""Language detection among the supported EU languages, on short texts."""

import pytest

from crex.core.classify import SUPPORTED_LANGUAGES, detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("someone hacked my instagram account", "en"),
        ("Mein Konto wurde gehackt, bitte helfen", "de"),
        ("On m'a volé mon compte Facebook hier soir", "fr"),
        ("Me robaron la cuenta del banco ayer", "es"),
        ("Mi hanno rubato la password della posta", "it"),
        ("Iemand heeft mijn account overgenomen", "nl"),
        ("Ktoś włamał się na moje konto bankowe", "pl"),
        ("Roubaram a minha conta de email ontem", "pt"),
    ],
)
def test_short_reports_are_recognised(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "ok", "   ", "12345 67890", "!!!???", "hxxp://x"])
def test_too_little_text_gives_no_language(text: str) -> None:
    assert detect_language(text) is None


def test_the_eight_main_languages_are_supported() -> None:
    assert {"en", "de", "fr", "es", "it", "nl", "pl", "pt"} <= set(SUPPORTED_LANGUAGES)
