"""`classify`: a report's text (and fields) → offence, category, RSIT, confidence, evidence.

The text is read once (`features.analyse`); the lexicon and the observable rules score
it, the model scores it, and the two are blended as the model file says (the method and
constants chosen by cross-validation, see `training`). Structured fields shift the scores
last. A text in which neither the lexicon nor the model recognises anything gives
``other`` with confidence 0: it needs a person.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from crex.core.classify.features import Document, analyse
from crex.core.classify.hints import (
    field_scores,
    load_hints,
    observable_scores,
    situation_answered,
)
from crex.core.classify.language import detect_language
from crex.core.classify.lexicon import Match, load_lexicon
from crex.core.classify.model import Scored, TextModel, load_model
from crex.core.classify.result import Classification, Evidence
from crex.core.classify.scoring import (
    METHODS,
    Blend,
    exponents,
    field_vector,
    lexicon_vector,
    softmax,
    with_fields,
)
from crex.core.taxonomy import OFFENCES_BY_CODE

ALTERNATIVES = 3
MAX_EVIDENCE = 10
MAX_TEXT = 20_000  # a longer narrative is classified on its beginning


def classify(
    text: str,
    *,
    fields: Mapping[str, object] | None = None,
    language: str | None = None,
    method: str | None = None,
) -> Classification:
    """Propose an offence for a report from its ``text`` and optional structured ``fields``
    (``payment_method``, ``contact_method``, ``situation``, ``identifiers`` as
    ``[(observable type, role), ...]``).

    ``language`` (ISO 639-1) is detected when not given. ``method`` forces ``"lexicon"``,
    ``"model"`` or ``"combined"``; by default the one that measured best is used.
    Never raises on odd text: empty or unrecognisable text gives ``other``.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = text[:MAX_TEXT]
    model = load_model()
    blend = Blend.from_params(model.params)
    method = method or blend.method
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; one of {', '.join(METHODS)}")
    language = language or detect_language(text)
    doc = analyse(text, fields)
    classes = model.classes
    found = load_lexicon().matches(doc.words)
    extra = observable_scores(doc)
    lexicon = lexicon_vector(found, extra, classes, language, blend.foreign)
    scored = None if method == "lexicon" else model.score(doc)
    fields_given = field_scores(fields)
    signal = (
        bool(found)
        or bool(fields_given)
        or (scored is not None and model.known_words(scored.counts) > 0)
    )
    if not signal:
        return _unknown(language, method)
    other = classes.index("other") if "other" in classes else None
    exps = exponents(blend, method, lexicon, None if scored is None else scored.logits, other)
    probs = softmax(exps)
    if fields_given:
        answered = situation_answered(fields)
        probs = with_fields(probs, field_vector(fields_given, classes), other, answered)
    order = np.argsort(-probs, kind="stable")
    best = int(order[0])
    code = classes[best]
    offence = OFFENCES_BY_CODE[code]
    return Classification(
        offence=code,
        category=offence.category,
        rsit=offence.rsit,
        confidence=float(probs[best]),
        alternatives=tuple((classes[i], float(probs[i])) for i in order[1 : 1 + ALTERNATIVES]),
        evidence=_evidence(
            doc,
            code,
            best,
            found,
            model,
            scored,
            _lexicon_scale(method, blend),
        ),
        language=language,
        method=method,
    )


def _unknown(language: str | None, method: str) -> Classification:
    other = OFFENCES_BY_CODE["other"]
    return Classification("other", None, other.rsit, 0.0, (), (), language, method)


def _lexicon_scale(method: str, blend: Blend) -> float:
    """What one point of lexicon weight adds to an offence's score."""
    return {"lexicon": 1.0, "model": 0.0}.get(method, blend.alpha)


def _evidence(
    doc: Document,
    code: str,
    label: int,
    found: Sequence[Match],
    model: TextModel,
    scored: Scored | None,
    lexicon_scale: float,
) -> tuple[Evidence, ...]:
    """The spans of ``doc.text`` that pushed towards ``code``, strongest first."""
    spans: dict[tuple[int, int], tuple[float, str]] = {}

    def add(start: int, end: int, weight: float, source: str) -> None:
        old, old_source = spans.get((start, end), (0.0, source))
        spans[(start, end)] = (old + weight, old_source if old >= weight else source)

    if lexicon_scale:
        for match in found:
            if match.term.offence == code:
                add(match.start, match.end, match.term.weight * lexicon_scale, "lexicon")
    rules = load_hints().observables
    meta_weight = {t: rules.get(t, {}).get(code, 0.0) * lexicon_scale for t in doc.meta}
    if scored is not None:
        for position, weight in enumerate(model.contributions(doc, scored, label)):
            if weight > 0:
                word = doc.words[position]
                add(word.start, word.end, weight, "model")
        for token, weight in model.meta_contributions(scored, label, doc.meta).items():
            meta_weight[token] = meta_weight.get(token, 0.0) + weight
    for observable in doc.observables:
        weight = meta_weight.get(f"#obs={observable.type.value}", 0.0)
        if weight > 0:
            add(observable.start, observable.end, weight, "observable")
    ranked = sorted(spans.items(), key=lambda item: (-item[1][0], item[0]))[:MAX_EVIDENCE]
    return tuple(
        Evidence(doc.text[start:end], start, end, round(weight, 4), code, source)
        for (start, end), (weight, source) in ranked
    )
