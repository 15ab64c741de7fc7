"""The labelled corpus and its fixed train/test split.

The corpus is one JSON-lines file per offence (``tests/data/classify/<offence>.jsonl``),
each line ``{"id", "text", "language", "offence", "writer", "hard"?}``.

`split` is the only definition of the split. Within each (offence, language) group the
examples are ranked by a hash of their id, and the first quarter (rounded up or down by a
hash of the group, so that the quarter holds on average) is the test split. The split
therefore depends on nothing but the ids and labels: it is the same on every machine and
in every run, and balanced per offence and per language. The test split is never used for
training or tuning.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

TEST_SHARE = 0.25
_SALT = "crex-classify-split-v1"


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled narrative."""

    id: str
    text: str
    language: str
    offence: str
    writer: str = ""
    hard: bool = False


def load_corpus(directory: Path) -> list[Example]:
    """Every example in the ``*.jsonl`` files of ``directory``, sorted by id.

    Raises ``ValueError`` naming the file and line of a malformed example or a repeated id.
    """
    examples: dict[str, Example] = {}
    for path in sorted(directory.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                example = Example(
                    id=str(row["id"]),
                    text=str(row["text"]),
                    language=str(row["language"]),
                    offence=str(row["offence"]),
                    writer=str(row.get("writer", "")),
                    hard=bool(row.get("hard", False)),
                )
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{path.name}:{number}: {error}") from error
            if example.id in examples:
                raise ValueError(f"{path.name}:{number}: id {example.id!r} seen before")
            examples[example.id] = example
    return [examples[key] for key in sorted(examples)]


def _fraction(value: str) -> float:
    """A number in [0, 1) fixed by ``value``."""
    digest = hashlib.sha256(f"{_SALT}|{value}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def held_out_ids(examples: Iterable[Example]) -> frozenset[str]:
    """The ids of the examples that belong to the test split."""
    groups: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    for example in examples:
        groups[(example.offence, example.language)].append(example.id)
    chosen: set[str] = set()
    for (offence, language), ids in groups.items():
        size = int(len(ids) * TEST_SHARE + _fraction(f"{offence}|{language}"))
        chosen.update(sorted(ids, key=_fraction)[:size])
    return frozenset(chosen)


def split(examples: Sequence[Example]) -> tuple[list[Example], list[Example]]:
    """The examples as (train, test), each in the order given."""
    test = held_out_ids(examples)
    return (
        [e for e in examples if e.id not in test],
        [e for e in examples if e.id in test],
    )
