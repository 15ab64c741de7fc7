"""Adding narratives to the classification corpus: each lands in its offence's file with a
fixed side of the split, and a bad batch writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scripts.add_to_corpus import main

from crex.core.classify.corpus import load_corpus


def _row(id: str, offence: str = "ddos", **extra: object) -> dict[str, object]:
    return {"id": id, "text": f"text of {id}", "language": "en", "offence": offence} | extra


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    _write(folder / "ddos.jsonl", [_row("ddos-en-01", split="test")])
    return folder


def test_new_examples_are_placed_and_appended(corpus: Path, tmp_path: Path) -> None:
    new = [_row(f"ddos-en-{n:02d}") for n in range(2, 14)] + [_row("botnet-en-01", "botnet")]
    assert main(["--corpus", str(corpus), str(_write(tmp_path / "new.jsonl", new))]) == 0

    examples = {e.id: e for e in load_corpus(corpus, place=False)}
    assert len(examples) == 14
    assert examples["ddos-en-01"].split == "test"
    assert all(e.split in ("train", "test") for e in examples.values())
    assert {examples[f"ddos-en-{n:02d}"].split for n in range(2, 14)} == {"train", "test"}
    assert (corpus / "botnet.jsonl").exists()


def test_a_batch_with_a_known_id_writes_nothing(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (corpus / "ddos.jsonl").read_text()
    new = [_row("ddos-en-02"), _row("ddos-en-01"), _row("x-en-01", "spam")]
    assert main(["--corpus", str(corpus), str(_write(tmp_path / "new.jsonl", new))]) == 1

    errors = capsys.readouterr().err
    assert "ddos-en-01: already in the corpus" in errors
    assert "x-en-01: unknown offence 'spam'" in errors
    assert (corpus / "ddos.jsonl").read_text() == before


def test_a_malformed_line_is_named(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.jsonl"
    path.write_text('{"id": "ddos-en-02"}\n', encoding="utf-8")
    assert main(["--corpus", str(corpus), str(path)]) == 1
    assert ":1:" in capsys.readouterr().err


def test_a_missing_file_is_named(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--corpus", str(corpus), str(tmp_path / "absent.jsonl")]) == 1
    assert "absent.jsonl" in capsys.readouterr().err
