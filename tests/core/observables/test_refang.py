"""Defanged indicators are turned back into what they stand for."""

import pytest

from crex.core.observables.refang import is_defanged, refang


@pytest.mark.parametrize(
    ("defanged", "plain"),
    [
        ("hxxp://evil.com", "http://evil.com"),
        ("HXXPS://evil.com", "https://evil.com"),
        ("evil[.]com", "evil.com"),
        ("evil(.)com", "evil.com"),
        ("evil{.}com", "evil.com"),
        ("evil[dot]com", "evil.com"),
        ("evil dot com", "evil.com"),
        ("mule[at]evil.com", "mule@evil.com"),
        ("mule(at)evil.com", "mule@evil.com"),
        ("mule [@] evil.com", "mule@evil.com"),
        ("https[:]//evil.com", "https://evil.com"),
        ("https[://]evil.com", "https://evil.com"),
        ("evil.com[:]8080", "evil.com:8080"),
    ],
)
def test_refang(defanged: str, plain: str) -> None:
    assert refang(defanged) == plain
    assert is_defanged(defanged)


def test_plain_text_is_unchanged() -> None:
    assert refang("https://evil.com/a(b)") == "https://evil.com/a(b)"
    assert not is_defanged("the cat sat on the mat")
