"""The trained model, applied with numpy: TF-IDF over two blocks of terms, the lexicon
scores as a third block, and multinomial logistic regression.

The model file (``crex/core/data/classify/model.npz``, written by
`crex.core.classify.training`) holds plain arrays, not a pickle: the vocabulary of each
text block (character n-grams of words; words, word pairs and meta tokens), its IDF
weights, two coefficient matrices (float16) with their intercepts, the class names and
the parameters as JSON. Applying it needs numpy only, whatever scikit-learn version
trained it.

Per text block, as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` does: the weight
of a term is ``(1 + ln count) * idf``, and the block's vector is scaled to unit length;
the blocks are then scaled by their weights. The ``model`` head scores the classes from
the text blocks alone; the ``combined`` head also reads the lexicon block,
``ln(1 + lexicon score)`` per offence times its weight (stacking: the regression learns
how far to trust each offence's lexicon).
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
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from crex.core.classify.features import Document, char_ngrams, word_terms

MODEL_FILE = "model.npz"
FloatArray = npt.NDArray[np.float64]
_CACHE_LIMIT = 200_000


HEADS = ("model", "combined")


@dataclass(frozen=True, slots=True)
class Scored:
    """The model's reading of one document: a score per class, and the weighted text
    features (column, value) it used, for explaining the decision."""

    head: str
    logits: FloatArray
    columns: npt.NDArray[np.intp]
    values: FloatArray
    counts: dict[int, int]


class TextModel:
    """A trained model, ready to score documents."""

    def __init__(self, arrays: dict[str, Any]) -> None:
        self.params: dict[str, Any] = json.loads(str(arrays["params"]))
        self.classes: tuple[str, ...] = tuple(str(c) for c in arrays["classes"])
        char_vocab = str(arrays["char_vocab"]).split("\n")
        word_vocab = str(arrays["word_vocab"]).split("\n")
        self.char_index = {term: i for i, term in enumerate(char_vocab)}
        offset = len(char_vocab)
        self.word_index = {term: offset + i for i, term in enumerate(word_vocab)}
        self.idf = np.concatenate([arrays["char_idf"], arrays["word_idf"]]).astype(np.float64)
        self.heads = {
            head: (
                np.asarray(arrays[f"{head}_coef"], dtype=np.float64),
                np.asarray(arrays[f"{head}_intercept"], dtype=np.float64),
            )
            for head in HEADS
        }
        self.n_char = offset
        self.char_weight = float(self.params["char_weight"])
        self.word_weight = float(self.params["word_weight"])
        self.lexicon_weight = float(self.params["lexicon_weight"])
        self._grams: dict[str, tuple[int, ...]] = {}

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

    def lexicon_features(self, lexicon: FloatArray) -> FloatArray:
        """The lexicon block: ``ln(1 + score)`` per class, times the block's weight."""
        return np.asarray(np.log1p(np.maximum(lexicon, 0.0)) * self.lexicon_weight)

    def lexicon_slope(self, label: int, score: float) -> float:
        """How much one more point of class ``label``'s lexicon score adds to its logit
        in the ``combined`` head (the derivative at ``score``)."""
        coef = self.heads["combined"][0]
        return float(coef[label, self.n_features + label]) * self.lexicon_weight / (1.0 + score)

    def score(self, doc: Document, lexicon: FloatArray | None = None) -> Scored:
        """The class scores (logits) of ``doc`` and the feature values behind them: from
        the ``combined`` head when the lexicon scores (one per class) are given, else
        from the ``model`` head."""
        counts = self.counts(doc)
        columns = np.fromiter(counts, dtype=np.intp, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        values = (1.0 + np.log(tf)) * self.idf[columns] if len(columns) else tf
        is_char = columns < self.n_char
        for mask, weight in ((is_char, self.char_weight), (~is_char, self.word_weight)):
            norm = math.sqrt(float(values[mask] @ values[mask]))
            if norm:
                values[mask] *= weight / norm
        head = "model" if lexicon is None else "combined"
        coef, intercept = self.heads[head]
        logits = coef[:, columns] @ values + intercept
        if lexicon is not None:
            logits += coef[:, self.n_features :] @ self.lexicon_features(lexicon)
        return Scored(head, logits, columns, values, counts)

    def contributions(self, doc: Document, scored: Scored, label: int) -> list[float]:
        """Per word of ``doc`` (in the order of ``doc.words``), how much it added to class
        ``label``'s score; meta tokens are left out (see `meta_contributions`)."""
        coef = self.heads[scored.head][0]
        contribution = coef[label, scored.columns] * scored.values
        counts = scored.counts
        share = np.zeros(self.n_features)
        share[scored.columns] = contribution / np.fromiter(
            (counts[c] for c in scored.columns.tolist()), dtype=np.float64, count=len(counts)
        )
        index = self.word_index
        # A word's n-grams and the word itself, summed once per distinct word.
        norms = list({w.norm for w in doc.words})
        owners: list[int] = []
        columns: list[int] = []
        for k, norm in enumerate(norms):
            mine = [] if norm.isdigit() else list(self.gram_columns(norm))
            if norm in index:
                mine.append(index[norm])
            columns.extend(mine)
            owners.extend([k] * len(mine))
        totals = np.bincount(owners, weights=share[columns], minlength=len(norms)).tolist()
        own = dict(zip(norms, totals, strict=True))
        per_word = [own[w.norm] for w in doc.words]
        for i in range(len(doc.words) - 1):  # a known word pair counts half for each word
            column = index.get(f"{doc.words[i].norm} {doc.words[i + 1].norm}")
            if column is not None:
                half = float(share[column]) / 2
                per_word[i] += half
                per_word[i + 1] += half
        return per_word

    def meta_contributions(
        self, scored: Scored, label: int, meta: Iterable[str]
    ) -> dict[str, float]:
        """Per meta token, what it added to class ``label``'s score."""
        coef = self.heads[scored.head][0]
        position = {c: k for k, c in enumerate(scored.columns.tolist())}
        found: dict[str, float] = {}
        for token in meta:
            column = self.word_index.get(token)
            if column is not None and column in position:
                found[token] = float(coef[label, column] * scored.values[position[column]])
        return found


@lru_cache(maxsize=1)
def load_model() -> TextModel:
    """The model shipped with crex (read once)."""
    return TextModel.load(files("crex.core").joinpath(f"data/classify/{MODEL_FILE}"))
