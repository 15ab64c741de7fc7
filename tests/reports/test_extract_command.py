"""`crex extract` prints a table, or turns JSON lines into JSON lines, in order."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command


def run(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    call_command("extract", *args)
    return capsys.readouterr().out.splitlines()


def test_plain_text_gives_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "report.txt"
    source.write_text("Paid to DE89 3704 0044 0532 0130 00, see hxxp://evil-shop[.]com/pay")
    lines = run(capsys, str(source))
    assert lines[0].split() == ["type", "value", "span", "flags"]
    assert any(line.startswith("iban") for line in lines)
    assert any(line.startswith("url") and "defanged" in line for line in lines)
    assert lines[-1].endswith("observables")


def test_json_lines_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"text": "call 06 12345678", "region": "NL"})
        + "\n"
        + json.dumps({"text": "nothing here"})
        + "\n"
        + json.dumps({"text": "wallet 0x52908400098527886E0F7030069857D2E4169EE7"})
        + "\n"
    )
    lines = [json.loads(line) for line in run(capsys, "--json", str(source))]
    assert len(lines) == 3
    assert {"type": "phone-number", "value": "+31612345678"}.items() <= lines[0]["observables"][
        0
    ].items()
    assert lines[1] == {"observables": []}
    found = lines[2]["observables"][0]
    assert found["type"] == "ethereum"
    assert found["value"] == "0x52908400098527886e0f7030069857d2e4169ee7"
    assert (found["start"], found["end"]) == (7, 49)


def test_a_bad_line_is_reported_and_the_rest_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('not json\n{"no_text": 1}\n{"text": "CVE-2024-3094"}\n')
    with pytest.raises(SystemExit) as caught:
        call_command("extract", "--json", str(source))
    assert caught.value.code == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert "line 1" in lines[0]["error"]
    assert "line 2" in lines[1]["error"]
    assert lines[2]["observables"][0]["value"] == "CVE-2024-3094"


def test_a_missing_file_is_a_clear_error() -> None:
    with pytest.raises(CommandError, match="cannot read"):
        call_command("extract", "/no/such/file.txt")
