"""The shipped model file: plain arrays (no pickle), consistent with what training makes."""

import json
from importlib.resources import files
from pathlib import Path

import numpy as np
import pytest

from crex.core.classify.features import analyse
from crex.core.classify.model import MODEL_FILE, TextModel, load_model
from crex.core.classify.scoring import METHODS, Blend
from crex.core.classify.training import ModelConfig, fit_arrays, save
from crex.core.taxonomy import OFFENCE_CODES

SHIPPED = files("crex.core").joinpath(f"data/classify/{MODEL_FILE}")
TINY = [
    ("my files are encrypted and they want a ransom", "ransomware"),
    ("all our files encrypted, ransom note on the desktop", "ransomware"),
    ("the seller never sent the phone I paid for", "online_shopping_fraud"),
    ("paid the seller, the parcel never arrived", "online_shopping_fraud"),
    ("what is the weather like tomorrow", "other"),
    ("my neighbour plays loud music", "other"),
]


def _tiny_arrays() -> dict[str, object]:
    docs = [analyse(text) for text, _ in TINY]
    labels = [label for _, label in TINY]
    return fit_arrays(docs, labels, ModelConfig(min_df=1))


def test_the_shipped_model_loads_without_pickles() -> None:
    with SHIPPED.open("rb") as handle, np.load(handle, allow_pickle=False) as data:
        keys = set(data.files)
    assert keys == set(_tiny_arrays())


def test_the_shipped_model_knows_every_offence_and_is_consistent() -> None:
    model = load_model()
    assert set(model.classes) == set(OFFENCE_CODES)
    assert model.coef.shape == (len(model.classes), model.n_features)
    assert model.intercept.shape == (len(model.classes),)
    assert Blend.from_params(model.params).method in METHODS
    assert model.params["cv_macro_f1"]


def test_the_shipped_model_is_small_enough_to_commit() -> None:
    with SHIPPED.open("rb") as handle:
        assert len(handle.read()) < 5_000_000


def test_training_writes_a_model_that_scores_as_it_was_fitted(tmp_path: Path) -> None:
    arrays = _tiny_arrays()
    path = tmp_path / "model.npz"
    save(arrays, path)
    model = TextModel.load(path)
    assert model.classes == ("online_shopping_fraud", "other", "ransomware")
    assert model.coef.dtype == np.float64  # widened from float16 on load
    scored = model.score(analyse("they encrypted my files and want a ransom"))
    assert model.classes[int(np.argmax(scored.logits))] == "ransomware"


def test_training_is_reproducible() -> None:
    first, second = _tiny_arrays(), _tiny_arrays()
    for key, value in first.items():
        assert np.array_equal(np.asarray(value), np.asarray(second[key])), key


def test_a_model_file_of_another_format_is_refused_with_what_to_do() -> None:
    arrays = _tiny_arrays()
    params = json.loads(str(arrays["params"])) | {"format": 1}
    with pytest.raises(ValueError, match=r"format 1.*retrain"):
        TextModel(arrays | {"params": np.array(json.dumps(params))})
