"""Receipt codes are random, easy to copy, stored only as a hash, compared safely."""

from crex.core.receipt import ALPHABET, hash_receipt_code, new_receipt_code, receipt_matches


def test_shape_and_alphabet() -> None:
    code = new_receipt_code()
    groups = code.split("-")
    assert [len(g) for g in groups] == [4, 4, 4, 4, 4]
    assert set("".join(groups)) <= set(ALPHABET)
    assert not set("0O1IL") & set(ALPHABET)


def test_codes_differ() -> None:
    assert len({new_receipt_code() for _ in range(200)}) == 200


def test_typing_variations_match() -> None:
    code = new_receipt_code()
    stored = hash_receipt_code(code)
    assert receipt_matches(code.lower().replace("-", " "), stored)
    assert code not in stored


def test_wrong_or_missing() -> None:
    stored = hash_receipt_code(new_receipt_code())
    assert not receipt_matches(new_receipt_code(), stored)
    assert not receipt_matches("", "")
    assert not receipt_matches("ANYTHING", "")
