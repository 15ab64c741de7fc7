"""Every user-facing text exists in each offered language, and the compiled catalogues
match their sources."""

from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.test import Client
from django.utils import translation

LOCALE = Path(settings.LOCALE_PATHS[0])
TRANSLATED = [code for code, _ in settings.LANGUAGES if code != "en"]


def _key(message: object) -> tuple[object, ...]:
    ids, context = message.id, message.context  # type: ignore[attr-defined]
    if isinstance(context, bytes):  # babel's .mo reader leaves contexts undecoded
        context = context.decode()
    return (context, *(ids if isinstance(ids, (list, tuple)) else (ids,)))


def _strings(message: object) -> tuple[str, ...]:
    text = message.string  # type: ignore[attr-defined]
    return tuple(text) if isinstance(text, (list, tuple)) else (text,)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated(language: str) -> None:
    with (LOCALE / language / "LC_MESSAGES" / "django.po").open("rb") as handle:
        catalogue = read_po(handle)
    missing = [m.id for m in catalogue if m.id and not all(_strings(m))]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:3]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:3]}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalogue_matches_its_source(language: str) -> None:
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "django.po").open("rb") as handle:
        source = {_key(m): _strings(m) for m in read_po(handle) if m.id}
    with (folder / "django.mo").open("rb") as handle:
        compiled = {_key(m): _strings(m) for m in read_mo(handle) if m.id}
    assert compiled == source, "run: cd src/crex && ../../.venv/bin/crex compilemessages"


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_portal_speaks_the_browsers_language(db: None, language: str) -> None:
    with translation.override(language):
        start = translation.gettext("Start your report")
    assert start != "Start your report"
    page = Client(headers={"accept-language": language}).get("/").content.decode()
    assert start in page
    assert f'lang="{language}"' in page
