"""Classification of free-text reports: offence, category and RSIT class with a confidence
and the evidence behind it, in the main EU languages.

`classify(text, fields=..., language=...)` proposes an offence (a code of
`crex.core.taxonomy`) for a report, blending a transparent multilingual lexicon with a
model trained on the labelled corpus (character n-grams, words and the kinds of
observables in the text); `detect_language(text)` tells the report's language. The
method and its constants were chosen by measurement (``bench/classify.py``); the model is
rebuilt from the corpus by `crex.core.classify.training.train`.
"""

from crex.core.classify.classifier import classify
from crex.core.classify.language import SUPPORTED_LANGUAGES, detect_language
from crex.core.classify.result import Classification, Evidence

__all__ = ["SUPPORTED_LANGUAGES", "Classification", "Evidence", "classify", "detect_language"]
