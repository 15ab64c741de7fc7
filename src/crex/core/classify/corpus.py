"""The labelled corpus and its fixed train/test split.

The corpus is one JSON-lines file per offence (``tests/data/classify/<offence>.jsonl``),
each line ``{"id", "text", "language", "offence", "writer", "hard"?, "split"}``.

The split is part of the data: each example says whether it is ``train`` or ``test``, and
that never changes, so adding examples cannot move an old one across. A batch of new
examples is split by `held_out_ids` when it is added (`with_splits`): within each
(offence, language) group of the batch the examples are ranked by a hash of their id and
the first quarter (rounded up or down by a hash of the group, so that the quarter holds on
average) goes to test. An example without a ``split`` is placed by the same rule among the
others that lack one. The test split is never used for training or tuning.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

TEST_SHARE = 0.25
SPLITS = ("train", "test")
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
    split: str = ""  # "train" or "test"; empty until placed


def load_corpus(directory: Path, *, place: bool = True) -> list[Example]:
    """Every example in the ``*.jsonl`` files of ``directory``, sorted by id; those without
    a split placed by `with_splits` (unless ``place`` is false).

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
                    split=str(row.get("split", "")),
                )
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{path.name}:{number}: {error}") from error
            if example.split not in ("", *SPLITS):
                raise ValueError(f"{path.name}:{number}: split must be train or test")
            if example.id in examples:
                raise ValueError(f"{path.name}:{number}: id {example.id!r} seen before")
            examples[example.id] = example
    ordered = [examples[key] for key in sorted(examples)]
    return with_splits(ordered) if place else ordered


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


def with_splits(examples: Sequence[Example]) -> list[Example]:
    """The examples, those without a split placed by `held_out_ids` among themselves."""
    test = held_out_ids(e for e in examples if not e.split)
    return [
        e if e.split else replace(e, split="test" if e.id in test else "train") for e in examples
    ]


def split(examples: Sequence[Example]) -> tuple[list[Example], list[Example]]:
    """The examples as (train, test), each in the order given."""
    placed = with_splits(examples)
    return (
        [e for e in placed if e.split == "train"],
        [e for e in placed if e.split == "test"],
    )


def as_line(example: Example) -> str:
    """The corpus line of ``example`` (keys in the documented order)."""
    row: dict[str, object] = {
        "id": example.id,
        "text": example.text,
        "language": example.language,
        "offence": example.offence,
        "writer": example.writer,
    }
    if example.hard:
        row["hard"] = True
    row["split"] = example.split
    return json.dumps(row, ensure_ascii=False)
