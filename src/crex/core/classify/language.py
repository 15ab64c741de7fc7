"""The language of a report, among the EU languages the classifier knows.

`detect_language` uses lingua (`lingua-language-detector`) restricted to
`SUPPORTED_LANGUAGES`: fewer candidates make short texts more reliable and the detector
faster. The detector is built on first use; its language models load then (about a
second), so a long-running process pays it once.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

# ISO 639-1 codes, in the order of the lexicon.
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "it", "nl", "pl", "pt")
MIN_LETTERS = 8  # fewer letters than this say too little about a language
MIN_DISTANCE = 0.08  # lingua's minimum relative distance: below it, no answer
# The beginning of a long text is enough: on the corpus, 120 characters tell the language
# as often as 240 (99.6 %) in four fifths of the time.
MAX_CHARS = 120
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    """The lingua detector for the supported languages (built once)."""
    languages = [Language.from_iso_code_639_1(_iso(code)) for code in SUPPORTED_LANGUAGES]
    return (
        LanguageDetectorBuilder.from_languages(*languages)
        .with_minimum_relative_distance(MIN_DISTANCE)
        .build()
    )


def _iso(code: str) -> IsoCode639_1:
    return IsoCode639_1.from_str(code)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or None when the text is
    too short, in another language, or too uncertain to tell."""
    sample = text[:MAX_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    found = detector().detect_language_of(sample)
    if found is None:
        return None
    return found.iso_code_639_1.name.lower()
