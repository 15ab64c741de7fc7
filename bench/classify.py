"""Benchmark the report classifier on the test split of the labelled corpus.

Prints, for the lexicon alone, the model alone and the combination (the shipped method
is marked): accuracy and macro-F1 for offence and category, overall and per language,
and on the examples marked hard; the offence confusion matrix of the shipped method;
how well its confidence is calibrated, and what each triage threshold sends to a person;
language-detection accuracy on the corpus (short texts apart); and classification speed
in reports per second on one core.

    python bench/classify.py
    python bench/classify.py --calls 5000 --confusion all

The test split (`crex.core.classify.corpus.split`) is never used for training or tuning.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from crex.core.classify import classify, detect_language
from crex.core.classify.corpus import Example, load_corpus, split
from crex.core.classify.model import load_model
from crex.core.classify.scoring import METHODS, Blend
from crex.core.classify.training import macro_f1
from crex.core.taxonomy import OFFENCES_BY_CODE, Category

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "classify"


@dataclass(frozen=True)
class Run:
    """One method's predictions on the test split."""

    method: str
    offences: list[str]
    confidences: list[float]


def category(code: str) -> str:
    """The category of an offence as a label (``other`` has none)."""
    found = OFFENCES_BY_CODE[code].category
    return found.value if found is not None else "other"


CATEGORIES = tuple(c.value for c in Category)


def figures(truth: Sequence[str], predicted: Sequence[str]) -> tuple[float, float]:
    """(accuracy, macro-F1 over the labels present)."""
    correct = sum(1 for t, p in zip(truth, predicted, strict=True) if t == p)
    return correct / len(truth), macro_f1(truth, predicted)


def category_f1(truth: Sequence[str], predicted: Sequence[str]) -> float:
    """Macro-F1 over the three categories (``other``, which has none, counts only as a
    miss when predicted for or instead of a category)."""
    return macro_f1(truth, predicted, CATEGORIES)


def report_method(run: Run, test: Sequence[Example], shipped: bool) -> None:
    """Overall, hard-example and per-language figures of one method: offence accuracy and
    macro-F1; category accuracy, macro-F1 over the three categories, and macro-F1 with
    ``other`` as a fourth label."""
    truth = [e.offence for e in test]
    cats = [category(c) for c in truth]
    pred_cats = [category(c) for c in run.offences]
    mark = "  <- shipped" if shipped else ""
    print(f"\n== {run.method}{mark}")
    print(f"{'':<10}{'n':>5}{'off acc':>9}{'off F1':>8}{'cat acc':>9}{'cat F1':>8}{'cat4 F1':>9}")

    def row(name: str, rows: Sequence[int]) -> None:
        t, p = [truth[i] for i in rows], [run.offences[i] for i in rows]
        tc, pc = [cats[i] for i in rows], [pred_cats[i] for i in rows]
        o_acc, o_f1 = figures(t, p)
        c_acc, c4_f1 = figures(tc, pc)
        print(
            f"{name:<10}{len(rows):>5}{o_acc:>9.3f}{o_f1:>8.3f}{c_acc:>9.3f}"
            f"{category_f1(tc, pc):>8.3f}{c4_f1:>9.3f}"
        )

    row("all", range(len(test)))
    hard = [i for i, e in enumerate(test) if e.hard]
    if hard:
        row("hard", hard)
    by_language: defaultdict[str, list[int]] = defaultdict(list)
    for i, example in enumerate(test):
        by_language[example.language].append(i)
    for language, rows in sorted(by_language.items()):
        row(language, rows)


def short_name(code: str) -> str:
    """A four-letter column heading for an offence code."""
    parts = code.split("_")
    return (parts[0][:2] + parts[1][:2]) if len(parts) > 1 else code[:4]


def confusion(run: Run, test: Sequence[Example]) -> None:
    """The offence confusion matrix (rows: truth, columns: predicted)."""
    codes = sorted({e.offence for e in test} | set(run.offences))
    counts = Counter(zip((e.offence for e in test), run.offences, strict=True))
    print(f"\nconfusion ({run.method}): rows truth, columns predicted")
    print(f"{'':<28}" + "".join(f"{short_name(c):>5}" for c in codes))
    for truth in codes:
        cells = "".join(
            f"{counts[(truth, p)] or '.':>5}" if truth != p else f"{counts[(truth, p)]:>4}*"
            for p in codes
        )
        print(f"{truth:<28}{cells}")


def calibration(run: Run, test: Sequence[Example]) -> None:
    """Accuracy per confidence band, and the expected calibration error."""
    bands = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))
    print(f"\ncalibration ({run.method}): confidence band, share of reports, accuracy")
    error = 0.0
    for low, high in bands:
        rows = [i for i, c in enumerate(run.confidences) if low <= c < high]
        if not rows:
            continue
        hits = sum(1 for i in rows if run.offences[i] == test[i].offence) / len(rows)
        mean = sum(run.confidences[i] for i in rows) / len(rows)
        error += len(rows) / len(test) * abs(hits - mean)
        print(
            f"  [{low:.1f}, {min(high, 1.0):.1f}) {len(rows) / len(test):>6.1%}"
            f"  accuracy {hits:.3f}  mean confidence {mean:.3f}"
        )
    print(f"  expected calibration error {error:.3f}")


def triage(run: Run, test: Sequence[Example]) -> None:
    """Per confidence threshold (``CREX_CLASSIFY_THRESHOLD``): the share of reports sent to
    triage, and the accuracy of the proposals kept without a person."""
    print(f"\ntriage threshold ({run.method}): share sent to triage, accuracy of the rest")
    for threshold in (0.4, 0.5, 0.6, 0.7, 0.8):
        kept = [i for i, c in enumerate(run.confidences) if c >= threshold]
        hits = sum(1 for i in kept if run.offences[i] == test[i].offence)
        accuracy = f"{hits / len(kept):.3f}" if kept else "-"
        print(f"  {threshold:.1f}  triage {1 - len(kept) / len(test):>6.1%}  accuracy {accuracy}")


def language_detection(examples: Sequence[Example]) -> None:
    """Detection accuracy against the corpus's language labels, by text length."""
    detect_language("warm up the detector with a sentence")
    groups = (("< 100 chars", 0, 100), ("100-300", 100, 300), (">= 300", 300, 10**9))
    print("\nlanguage detection (lingua, 8 languages) against the corpus labels")
    for name, low, high in (*groups, ("all", 0, 10**9)):
        rows = [e for e in examples if low <= len(e.text) < high]
        if not rows:
            continue
        start = time.perf_counter()
        found = [detect_language(e.text) for e in rows]
        seconds = time.perf_counter() - start
        right = sum(1 for e, f in zip(rows, found, strict=True) if f == e.language)
        none = sum(1 for f in found if f is None)
        print(
            f"  {name:<12}{len(rows):>5} texts  accuracy {right / len(rows):.3f}"
            f"  undecided {none:>3}  {seconds / len(rows) * 1000:.3f} ms/text"
        )


def speed(texts: Sequence[str], calls: int) -> float:
    """Reports per second of `classify` (shipped method) over ``texts`` repeated."""
    for text in texts[:20]:
        classify(text)  # load the model, lexicon and detector first
    batch = [texts[i % len(texts)] for i in range(calls)]
    gc.collect()
    start = time.perf_counter()
    for text in batch:
        classify(text)
    return calls / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    """Run every method on the test split and print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of *.jsonl files")
    parser.add_argument("--calls", type=int, default=2000, help="classify calls timed")
    parser.add_argument(
        "--confusion",
        choices=("shipped", "all"),
        default="shipped",
        help="print the confusion matrix of the shipped method or of all three",
    )
    args = parser.parse_args(argv)
    examples = load_corpus(args.corpus)
    train, test = split(examples)
    model = load_model()
    blend = Blend.from_params(model.params)
    print(
        f"corpus: {len(examples)} examples, {len({e.offence for e in examples})} offences; "
        f"train {len(train)}, test {len(test)} (fixed split); shipped method: {blend.method}"
    )
    print(f"cross-validated macro-F1 on train (offence): {model.params.get('cv_macro_f1')}")
    runs = {}
    for method in METHODS:
        results = [classify(e.text, method=method) for e in test]
        runs[method] = Run(method, [r.offence for r in results], [r.confidence for r in results])
        report_method(runs[method], test, method == blend.method)
    for method in METHODS if args.confusion == "all" else (blend.method,):
        confusion(runs[method], test)
    calibration(runs[blend.method], test)
    triage(runs[blend.method], test)
    language_detection(examples)
    rate = speed([e.text for e in test], args.calls)
    mean = sum(len(e.text) for e in test) / len(test)
    print(
        f"\nspeed: {rate:.0f} reports/s on one core ({args.calls} calls over the "
        f"{len(test)} test texts, mean {mean:.0f} characters)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
