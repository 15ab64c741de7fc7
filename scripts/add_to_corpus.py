"""Add new labelled narratives to the classification corpus, each placed in the fixed split.

    python scripts/add_to_corpus.py NEW.jsonl [NEW2.jsonl ...]
    python scripts/add_to_corpus.py --corpus DIR NEW.jsonl

The new lines (the corpus format, without ``split``) are checked, placed in train or test
by `crex.core.classify.corpus.held_out_ids` over the new batch alone, and appended to the
file of their offence. Examples already in the corpus keep their side. An id already in the
corpus, an unknown offence or a malformed line stops the run before anything is written.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from crex.core.classify.corpus import Example, as_line, load_corpus, with_splits
from crex.core.taxonomy import OFFENCE_CODES

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "classify"


def read_batch(paths: list[Path]) -> list[Example]:
    """The examples of the new files, read with the corpus's own checks."""
    with tempfile.TemporaryDirectory() as scratch:
        for number, path in enumerate(paths):
            (Path(scratch) / f"{number:03d}.jsonl").write_text(
                path.read_text(encoding="utf-8"), encoding="utf-8"
            )
        return load_corpus(Path(scratch), place=False)


def main(argv: list[str] | None = None) -> int:
    """Check the batch, place it and append it to the corpus files."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", type=Path, nargs="+", help="JSON-lines files of new examples")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of *.jsonl files")
    args = parser.parse_args(argv)
    try:
        batch = read_batch(args.files)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    known = {e.id for e in load_corpus(args.corpus)}
    problems = [f"{e.id}: already in the corpus" for e in batch if e.id in known]
    problems += [
        f"{e.id}: unknown offence {e.offence!r}" for e in batch if e.offence not in OFFENCE_CODES
    ]
    problems += [f"{e.id}: already placed in {e.split}" for e in batch if e.split]
    if problems:
        print("\n".join(f"error: {p}" for p in problems), file=sys.stderr)
        return 1
    placed = with_splits(batch)
    by_offence: defaultdict[str, list[str]] = defaultdict(list)
    for example in placed:
        by_offence[example.offence].append(as_line(example))
    for offence, lines in sorted(by_offence.items()):
        with (args.corpus / f"{offence}.jsonl").open("a", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
    tests = sum(1 for e in placed if e.split == "test")
    print(f"added {len(batch)} examples ({tests} to test) to {len(by_offence)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
