"""Reference numbers carry a check character that catches typing mistakes."""

import pytest

from crex.core.reference import format_reference, is_valid_reference


def test_format() -> None:
    ref = format_reference(2026, 123)
    assert ref.startswith("CR-2026-0000123-")
    assert len(ref) == len("CR-2026-0000123-K")
    assert is_valid_reference(ref)


def test_typed_loosely_is_still_valid() -> None:
    assert is_valid_reference(" " + format_reference(2026, 5).lower() + " ")


@pytest.mark.parametrize("sequence", [1, 42, 123, 9_999_999])
def test_one_wrong_digit_is_caught(sequence: int) -> None:
    ref = format_reference(2026, sequence)
    digit = ref[8]
    wrong = ref[:8] + ("1" if digit != "1" else "2") + ref[9:]
    assert not is_valid_reference(wrong)


def test_swapped_digits_are_caught() -> None:
    ref = format_reference(2026, 1234567)
    swapped = ref[:8] + ref[9] + ref[8] + ref[10:]
    assert not is_valid_reference(swapped)


@pytest.mark.parametrize("text", ["", "CR-2026-123-K", "XX-2026-0000123-K", "CR-26-0000123-K"])
def test_malformed(text: str) -> None:
    assert not is_valid_reference(text)


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        format_reference(26, 1)
    with pytest.raises(ValueError):
        format_reference(2026, 0)
