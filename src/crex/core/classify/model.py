"""The trained model, applied with numpy: TF-IDF over two blocks of terms and
multinomial logistic regression.

The model file (``crex/core/data/classify/model.npz``, written by
`crex.core.classify.training`) holds plain arrays, not a pickle: the vocabulary of each
text block (character n-grams of words; words, word pairs and meta tokens), its IDF
weights, the coefficient matrix (float16) and intercepts, the class names and the
parameters as JSON. Applying it needs numpy only, whatever scikit-learn version trained
it.

Per text block, as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` does: the weight
of a term is ``(1 + ln count) * idf``, and the block's vector is scaled to unit length;
the blocks are then scaled by their weights. How the model's scores are combined with the
lexicon's is `crex.core.classify.scoring`.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from itertools import chain, pairwise
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from crex.core.classify.features import Document, char_ngrams, word_terms

MODEL_FILE = "model.npz"
# The layout of the arrays; 2 since the lexicon left the regression (one coef matrix).
FORMAT_VERSION = 2
FloatArray = npt.NDArray[np.float64]
_CACHE_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class Scored:
    """The model's reading of one document: a score per class, and the weighted text
    features (column, value) it used, for explaining the decision."""

    logits: FloatArray
    columns: npt.NDArray[np.intp]
    values: FloatArray
    counts: dict[int, int]


class TextModel:
    """A trained model, ready to score documents."""

    def __init__(self, arrays: dict[str, Any]) -> None:
        self.params: dict[str, Any] = json.loads(str(arrays["params"]))
        found = self.params.get("format")
        if found != FORMAT_VERSION:
            raise ValueError(
                f"model file format {found}, this crex reads {FORMAT_VERSION}: "
                "retrain with scripts/train_classifier.py"
            )
        self.classes: tuple[str, ...] = tuple(str(c) for c in arrays["classes"])
        char_vocab = str(arrays["char_vocab"]).split("\n")
        word_vocab = str(arrays["word_vocab"]).split("\n")
        self.char_index = {term: i for i, term in enumerate(char_vocab)}
        offset = len(char_vocab)
        self.word_index = {term: offset + i for i, term in enumerate(word_vocab)}
        self.idf = np.concatenate([arrays["char_idf"], arrays["word_idf"]]).astype(np.float64)
        self.coef = np.asarray(arrays["coef"], dtype=np.float64)
        # One row per feature: a document's few hundred columns are then contiguous rows.
        self._by_feature = np.ascontiguousarray(self.coef.T)
        self.intercept = np.asarray(arrays["intercept"], dtype=np.float64)
        self.n_char = offset
        self.char_weight = float(self.params["char_weight"])
        self.word_weight = float(self.params["word_weight"])
        self._grams: dict[str, tuple[int, ...]] = {}
        self._words: dict[str, tuple[int, ...]] = {}

    @classmethod
    def load(cls, source: Path | Traversable) -> TextModel:
        """Read a model file (no pickles are loaded)."""
        with source.open("rb") as handle, np.load(handle, allow_pickle=False) as data:
            return cls({key: data[key] for key in data.files})

    @property
    def n_features(self) -> int:
        """The number of columns of the model."""
        return int(self.idf.shape[0])

    def gram_columns(self, word: str) -> tuple[int, ...]:
        """The columns of the character n-grams of ``word`` that the model knows."""
        found = self._grams.get(word)
        if found is None:
            if len(self._grams) > _CACHE_LIMIT:
                self._grams.clear()
            index = self.char_index
            found = tuple(index[g] for g in char_ngrams(word) if g in index)
            self._grams[word] = found
        return found

    def _word_columns(self, norm: str) -> tuple[int, ...]:
        """The columns of a word's n-grams (none for a number) and of the word itself."""
        found = self._words.get(norm)
        if found is None:
            if len(self._words) > _CACHE_LIMIT:
                self._words.clear()
            grams = () if norm.isdigit() else self.gram_columns(norm)
            column = self.word_index.get(norm)
            found = grams if column is None else (*grams, column)
            self._words[norm] = found
        return found

    def counts(self, doc: Document) -> dict[int, int]:
        """Column → count of the known terms of ``doc``."""
        columns: list[int] = []
        for norm, times in Counter(w.norm for w in doc.words).items():
            if not norm.isdigit():
                columns.extend(self.gram_columns(norm) * times)
        index = self.word_index
        columns.extend(index[t] for t in word_terms(doc) if t in index)
        return Counter(columns)

    def known_words(self, counts: dict[int, int]) -> int:
        """How many distinct word-block terms of a document the model knows."""
        return sum(1 for column in counts if column >= self.n_char)

    def score(self, doc: Document) -> Scored:
        """The class scores (logits) of ``doc`` and the feature values behind them."""
        counts = self.counts(doc)
        columns = np.fromiter(counts, dtype=np.intp, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        values = (1.0 + np.log(tf)) * self.idf[columns] if len(columns) else tf
        is_char = columns < self.n_char
        for mask, weight in ((is_char, self.char_weight), (~is_char, self.word_weight)):
            norm = math.sqrt(float(values[mask] @ values[mask]))
            if norm:
                values[mask] *= weight / norm
        logits = values @ self._by_feature[columns] + self.intercept
        return Scored(logits, columns, values, counts)

    def contributions(self, doc: Document, scored: Scored, label: int) -> list[float]:
        """Per word of ``doc`` (in the order of ``doc.words``), how much it added to class
        ``label``'s score; meta tokens are left out (see `meta_contributions`)."""
        counts = scored.counts
        share = np.zeros(self.n_features)
        share[scored.columns] = (self._by_feature[scored.columns, label] * scored.values) / (
            np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        )

        index = self.word_index
        # A word's n-grams and the word itself, summed once per distinct word.
        norms = list({w.norm for w in doc.words})
        mine = [self._word_columns(norm) for norm in norms]
        owners = np.repeat(np.arange(len(norms)), [len(columns) for columns in mine])
        columns = np.fromiter(chain.from_iterable(mine), dtype=np.intp, count=len(owners))
        totals = np.bincount(owners, weights=share[columns], minlength=len(norms)).tolist()
        own = dict(zip(norms, totals, strict=True))
        per_word = [own[w.norm] for w in doc.words]
        # A known word pair counts half for each of its words.
        pairs = [
            (i, index[pair])
            for i, pair in enumerate(f"{a.norm} {b.norm}" for a, b in pairwise(doc.words))
            if pair in index
        ]
        halves = (share[[column for _, column in pairs]] / 2).tolist()
        for (i, _), half in zip(pairs, halves, strict=True):
            per_word[i] += half
            per_word[i + 1] += half
        return per_word

    def meta_contributions(
        self, scored: Scored, label: int, meta: Iterable[str]
    ) -> dict[str, float]:
        """Per meta token, what it added to class ``label``'s score."""
        found: dict[str, float] = {}
        for token in meta:
            column = self.word_index.get(token)
            if column is not None and column in scored.counts:
                (position,) = np.flatnonzero(scored.columns == column)
                found[token] = float(self.coef[label, column] * scored.values[position])
        return found


@lru_cache(maxsize=1)
def load_model() -> TextModel:
    """The model shipped with crex (read once)."""
    return TextModel.load(files("crex.core").joinpath(f"data/classify/{MODEL_FILE}"))
