"""Domain names need a real public suffix, from the bundled Public Suffix List."""

import random

import pytest
import tldextract

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


def test_the_suffix_lookup_agrees_with_tldextract() -> None:
    """Every rule of the bundled list, with a label or two in front, and random names:
    crex's lookup gives the public suffix and registrable domain tldextract gives."""
    extractor = tldextract.TLDExtract(
        cache_dir=None, suffix_list_urls=(), include_psl_private_domains=False
    )
    rng = random.Random(3)
    names = []
    for rule in extractor.tlds:
        ascii_rule = rule.lstrip("!").replace("*", "w").encode("idna").decode("ascii")
        names += [f"x.{ascii_rule}", f"a.b.{ascii_rule}", ascii_rule]
    words = ["com", "uk", "co", "jp", "kobe", "city", "ck", "www", "de", "blogspot", "zz"]
    names += [".".join(rng.choices(words, k=rng.randint(2, 5))) for _ in range(3000)]
    for name in names:
        parts = extractor.extract_str(name)
        domain = parse_domain(name)
        expected = (parts.suffix, f"{parts.domain}.{parts.suffix}")
        if not parts.suffix or not parts.domain:
            assert domain is None, name
        else:
            assert domain is not None, name
            assert (domain.suffix, domain.registered) == expected, name
