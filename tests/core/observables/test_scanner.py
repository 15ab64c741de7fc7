# ruff: noqa: RUF001 - the texts are multilingual on purpose
"""The Hyperscan pre-scan changes the speed of extraction, never its result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crex.core.observables import extraction, scanner
from crex.core.observables.extraction import extract

CORPUS = Path(__file__).parents[2] / "data" / "observables" / "corpus.jsonl"
TEXTS = [
    "Zahlung an „DE89 3704 0044 0532 0130 00“ – Link: hxxps://evil[.]com/x?id=1.",
    "„evil.com“, «mule@evil.fr», word—evil.de and what?evil.pl, (see 1.2.3.4)",
    "电话+44 20 7946 0958，网址：https://crypto-invest-pro.io/register。转账至USDT地址"
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed。",
    "Версия 1.2.3.4, адрес 203.0.113[.]5, почта support@почта-банк.рф, тел. 8 (912) 345-67-89",
    "IBAN\u00a0NL91\u00a0ABNA\u00a00417\u00a01643\u00a000 and "
    "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
]
if CORPUS.exists():
    with CORPUS.open(encoding="utf-8") as lines:
        TEXTS += [json.loads(line)["text"] for line in lines if line.strip()]


def found(text: str, region: str | None) -> list[tuple[str, str, int, int]]:
    """What ``extract`` finds, with positions."""
    return [
        (o.type.value, o.value, o.start, o.end)
        for o in extract(text, default_region=region, card_secret=b"k")
    ]


@pytest.mark.skipif(not scanner.available(), reason="Hyperscan is not installed")
@pytest.mark.parametrize("region", ["DE", None])
def test_the_prescan_gives_what_the_regex_alone_gives(
    region: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_prescan = [found(text, region) for text in TEXTS]
    monkeypatch.setattr(extraction, "candidate_starts", lambda text, national: None)
    assert [found(text, region) for text in TEXTS] == with_prescan


def test_the_prescan_points_at_every_start() -> None:
    text = "„evil.com“ and word—evil.de"
    starts = scanner.candidate_starts(text, national=False)
    if starts is None:
        pytest.skip("Hyperscan is not installed")
    assert text.index("evil.com") in starts
    assert text.index("evil.de") in starts


def test_without_hyperscan_there_are_no_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scanner, "hyperscan", None)
    assert scanner.candidate_starts("evil.com", national=False) is None
    assert not scanner.available()
