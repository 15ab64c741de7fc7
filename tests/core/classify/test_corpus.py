"""The labelled corpus loads, and its train/test split is fixed and stratified."""

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from crex.core.classify.corpus import Example, held_out_ids, load_corpus, split, with_splits
from crex.core.taxonomy import OFFENCE_CODES

CORPUS = Path(__file__).resolve().parents[2] / "data" / "classify"


@pytest.fixture(scope="module")
def corpus() -> list[Example]:
    return load_corpus(CORPUS)


def test_every_offence_has_examples_in_eight_languages(corpus: list[Example]) -> None:
    per_offence = Counter(e.offence for e in corpus)
    assert set(per_offence) == set(OFFENCE_CODES)
    assert min(per_offence.values()) >= 40
    languages = {e.language for e in corpus}
    assert {"en", "de", "fr", "es", "it", "nl", "pl", "pt"} <= languages


def test_the_split_is_deterministic_and_disjoint(corpus: list[Example]) -> None:
    train, test = split(corpus)
    again_train, again_test = split(list(reversed(corpus)))
    assert {e.id for e in test} == {e.id for e in again_test}
    assert {e.id for e in train} == {e.id for e in again_train}
    assert not {e.id for e in train} & {e.id for e in test}
    assert len(train) + len(test) == len(corpus)


def test_about_a_quarter_of_each_offence_is_held_out(corpus: list[Example]) -> None:
    _, test = split(corpus)
    total = Counter(e.offence for e in corpus)
    held = Counter(e.offence for e in test)
    for offence, count in total.items():
        assert 0.15 <= held[offence] / count <= 0.35, offence
    assert 0.22 <= len(test) / len(corpus) <= 0.28


def test_every_offence_and_language_group_is_in_both_splits(corpus: list[Example]) -> None:
    train, test = split(corpus)
    groups = {(e.offence, e.language) for e in corpus}
    assert groups == {(e.offence, e.language) for e in train}
    assert groups == {(e.offence, e.language) for e in test}


def test_every_shipped_example_carries_its_side() -> None:
    assert all(e.split in ("train", "test") for e in load_corpus(CORPUS, place=False))


def test_new_examples_never_move_old_ones(corpus: list[Example]) -> None:
    new = [
        Example(f"phishing-en-9{n}", "verify your account at hxxp://bank.example", "en", "phishing")
        for n in range(8)
    ]
    placed = with_splits([*corpus, *new])
    assert placed[: len(corpus)] == corpus
    assert {e.id for e in placed[len(corpus) :] if e.split == "test"} == held_out_ids(new)
    assert {e.split for e in placed[len(corpus) :]} == {"train", "test"}


def test_a_batch_is_split_per_group_independently_of_other_groups(
    corpus: list[Example],
) -> None:
    unplaced = [replace(e, split="") for e in corpus]
    phishing = [e for e in unplaced if e.offence == "phishing"]
    assert held_out_ids(phishing) == held_out_ids(unplaced) & {e.id for e in phishing}


def _write(path: Path, rows: list[object]) -> None:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def test_a_malformed_line_is_named(tmp_path: Path) -> None:
    _write(tmp_path / "ddos.jsonl", [{"id": "x", "text": "t", "language": "en"}])
    with pytest.raises(ValueError, match=r"ddos.jsonl:1"):
        load_corpus(tmp_path)


def test_an_unknown_split_is_named(tmp_path: Path) -> None:
    row = {"id": "x", "text": "t", "language": "en", "offence": "ddos", "split": "dev"}
    _write(tmp_path / "ddos.jsonl", [row])
    with pytest.raises(ValueError, match=r"ddos.jsonl:1: split must be train or test"):
        load_corpus(tmp_path)


def test_a_repeated_id_is_refused(tmp_path: Path) -> None:
    row = {"id": "x", "text": "t", "language": "en", "offence": "ddos"}
    _write(tmp_path / "ddos.jsonl", [row, row])
    with pytest.raises(ValueError, match="seen before"):
        load_corpus(tmp_path)


def test_no_training_example_is_a_near_copy_of_a_test_example(corpus: list[Example]) -> None:
    # Character 4-grams, TF-IDF, cosine: translations of one story score about 0.35,
    # a reworded copy above 0.6.
    from sklearn.feature_extraction.text import TfidfVectorizer

    train, test = split(corpus)
    vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(4, 4), sublinear_tf=True)
    matrix = vectors.fit_transform([e.text for e in train] + [e.text for e in test])
    similarity = (matrix[: len(train)] @ matrix[len(train) :].T).toarray()
    closest = similarity.max(axis=1)
    worst = int(closest.argmax())
    partner = test[int(similarity[worst].argmax())]
    assert closest[worst] < 0.6, (train[worst].id, partner.id, closest[worst])
