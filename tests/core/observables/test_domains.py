"""Domain names need a real public suffix, from the bundled Public Suffix List."""

import pytest

from crex.core.observables.domains import is_file_like, parse_domain


@pytest.mark.parametrize(
    ("name", "ascii_form", "registered"),
    [
        ("Login.Bank-Secure.CO.UK.", "login.bank-secure.co.uk", "bank-secure.co.uk"),
        ("bücher.de", "xn--bcher-kva.de", "xn--bcher-kva.de"),
        ("xn--bcher-kva.de", "xn--bcher-kva.de", "xn--bcher-kva.de"),
        ("user.blogspot.com", "user.blogspot.com", "blogspot.com"),  # private section ignored
    ],
)
def test_real_domains(name: str, ascii_form: str, registered: str) -> None:
    domain = parse_domain(name)
    assert domain is not None
    assert (domain.ascii, domain.registered) == (ascii_form, registered)


@pytest.mark.parametrize(
    "name",
    [
        "invoice.pdf",
        "setup.exe",
        "evil.example",
        "co.uk",
        "intranet.local",
        "-a.com",
        "a_b.com",
        "1.2.3.4",
    ],
)
def test_not_domains(name: str) -> None:
    assert parse_domain(name) is None


def test_the_unicode_form_is_kept_for_display() -> None:
    domain = parse_domain("xn--bcher-kva.de")
    assert domain is not None
    assert domain.display == "bücher.de"


def test_file_like_names() -> None:
    readme, site = parse_domain("readme.md"), parse_domain("docs.readme.md")
    assert readme is not None
    assert is_file_like(readme)
    assert site is not None
    assert not is_file_like(site)
