"""Rebuild the classifier's model file from the labelled corpus.

    python scripts/train_classifier.py                      # tests/data/classify → model.npz
    python scripts/train_classifier.py --corpus DIR --output PATH

Uses the training split only (`crex.core.classify.corpus.split`); the settings and blend
are chosen by cross-validation on it (see `crex.core.classify.training`). Needs
scikit-learn.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crex.core.classify.training import train

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "classify"
OUTPUT = ROOT / "src" / "crex" / "core" / "data" / "classify" / "model.npz"


def main(argv: list[str] | None = None) -> int:
    """Parse the options and train."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of *.jsonl files")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="model file to write")
    args = parser.parse_args(argv)
    train(args.corpus, args.output)
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
