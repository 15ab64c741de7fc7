"""The benchmark's generated corpus is reproducible and crex finds what it embedded."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).parents[3] / "bench" / "extract.py"


def load_bench() -> ModuleType:
    """``bench/extract.py`` as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location("crex_bench_extract", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_corpus_is_reproducible_and_fully_found() -> None:
    bench = load_bench()
    corpus = bench.generate(60_000, seed=7)
    assert corpus.text == bench.generate(60_000, seed=7).text
    assert len(corpus.text.encode()) >= 60_000
    result = bench.measure("crex", bench.chunks(corpus.text, 20_000), corpus.truth)
    assert (result.precision, result.recall) == (1.0, 1.0)
