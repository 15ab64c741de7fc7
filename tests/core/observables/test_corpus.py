"""The observable extractor against a labelled corpus of real-world-shaped texts.

``tests/data/observables/corpus.jsonl`` holds victim reports, bank fraud-desk notes, abuse
tickets, pasted e-mail headers and chat logs in many languages, each with the observables
a correct extractor MUST find (``expect``) and those it must NOT report (``reject``). The
entries are built, and every value claimed valid is checked with independent libraries,
by ``tests/data/observables/make_corpus.py``; its docstring describes the format.

One test per entry, named by the entry's id, so a failure names the case that broke.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from crex.core.observables import extract
from crex.core.observables.types import Flag, Observable, ObservableType

CORPUS = Path(__file__).parents[2] / "data" / "observables" / "corpus.jsonl"
CARD_SECRET = b"test-key"


def load_corpus() -> list[dict[str, Any]]:
    """Every entry of the corpus, in file order."""
    with CORPUS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


ENTRIES = load_corpus()


def describe(found: list[Observable]) -> str:
    """The found observables, one a line, for failure messages."""
    if not found:
        return "  (nothing found)"
    return "\n".join(
        f"  {o.type} {o.value!r} flags={sorted(o.flags)} "
        f"registered_domain={o.registered_domain!r} display={o.display!r}"
        for o in found
    )


def is_expected_card(observable: Observable, expected: dict[str, Any]) -> bool:
    """A card is known by its canonical ``BIN6:last4:keyed-hash`` value."""
    parts = observable.value.split(":")
    return observable.type == "payment-card" and parts[:2] == [expected["bin"], expected["last4"]]


def expectation_problems(expected: dict[str, Any], found: list[Observable]) -> list[str]:
    """What is wrong about one expectation: not found, or found without its details."""
    if expected["type"] == "payment-card":
        if any(is_expected_card(o, expected) for o in found):
            return []
        return [f"missing payment-card {expected['bin']}…{expected['last4']}"]
    same = [o for o in found if o.type == expected["type"] and o.value == expected["value"]]
    if not same:
        return [f"missing {expected['type']} {expected['value']!r}"]
    problems = []
    flags = set(expected.get("flags", []))
    if not any(flags <= {str(flag) for flag in o.flags} for o in same):
        problems.append(f"{expected['type']} {expected['value']!r} lacks flags {sorted(flags)}")
    for field in ("registered_domain", "display"):
        if field in expected and not any(getattr(o, field) == expected[field] for o in same):
            problems.append(
                f"{expected['type']} {expected['value']!r}: {field} is not {expected[field]!r}"
            )
    return problems


def is_rejected(observable: Observable, rejected: dict[str, Any]) -> bool:
    """Whether a found observable is one the entry says must not be reported."""
    type_matches = rejected["type"] in ("*", observable.type)
    return type_matches and rejected["value"] in ("*", observable.value)


def card_number_leaks(number: str, found: list[Observable]) -> list[str]:
    """Fields of any result that hold the full card number, even with separators."""
    leaks = []
    for o in found:
        for field in ("value", "display", "registered_domain"):
            text = getattr(o, field)
            if number in text or number in re.sub(r"[\s.\-]", "", text):
                leaks.append(f"full card number in {field} of {o.type} {o.value!r}")
    return leaks


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["id"] for entry in ENTRIES])
def test_entry(entry: dict[str, Any]) -> None:
    text = entry["text"]
    found = extract(text, default_region=entry.get("region"), card_secret=CARD_SECRET)
    problems: list[str] = []
    for expected in entry["expect"]:
        problems += expectation_problems(expected, found)
        if expected["type"] == "payment-card":
            problems += card_number_leaks(expected["number"], found)
    for rejected in entry["reject"]:
        problems += [
            f"must not report {o.type} {o.value!r} (reject {rejected})"
            for o in found
            if is_rejected(o, rejected)
        ]
    problems += [
        f"span {o.start}:{o.end} of {o.type} {o.value!r} is outside the text"
        for o in found
        if not 0 <= o.start < o.end <= len(text)
    ]
    assert not problems, (
        f"{entry['id']} ({entry['note']}):\n"
        + "\n".join(f"- {p}" for p in problems)
        + f"\nfound:\n{describe(found)}"
    )


def test_corpus_is_well_formed() -> None:
    """Ids are unique and readable; types and flags are the engine's own names."""
    ids = [entry["id"] for entry in ENTRIES]
    assert len(ids) >= 250
    assert len(ids) == len(set(ids))
    types = {t.value for t in ObservableType}
    flags = {f.value for f in Flag}
    for entry in ENTRIES:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry["id"]), entry["id"]
        assert entry["text"], entry["id"]
        assert entry["note"], entry["id"]
        assert entry["expect"] or entry["reject"], entry["id"]
        assert re.fullmatch(r"[A-Z]{2}", entry.get("region", "ZZ")), entry["id"]
        for expected in entry["expect"]:
            assert expected["type"] in types, entry["id"]
            assert set(expected.get("flags", [])) <= flags, entry["id"]
            if expected["type"] == "payment-card":
                assert expected["number"].endswith(expected["last4"]), entry["id"]
                assert expected["number"].startswith(expected["bin"]), entry["id"]
        for rejected in entry["reject"]:
            assert rejected["type"] in types | {"*"}, entry["id"]


def test_every_type_is_covered() -> None:
    """Each type the extractor must find has several examples to find and to refuse."""
    expected = {e["type"] for entry in ENTRIES for e in entry["expect"]}
    wanted = {t.value for t in ObservableType} - {ObservableType.USER_ACCOUNT.value}
    assert wanted <= expected
