"""Contact details are encrypted with the first configured key; older keys still decrypt."""

import io

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.management import call_command
from django.test import override_settings

from crex.accounts.models import Organisation
from crex.intake.services import ReportSubmission, submit
from crex.reports.encryption import decrypt, encrypt
from crex.reports.models import ReporterContact


def test_round_trip() -> None:
    token = encrypt("Jana Novak")
    assert "Jana" not in token
    assert decrypt(token) == "Jana Novak"


def test_key_rotation_keeps_old_ciphertext_readable() -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    with override_settings(CREX_ENCRYPTION_KEYS=[old]):
        token = encrypt("+31612345678")
    with override_settings(CREX_ENCRYPTION_KEYS=[new, old]):
        assert decrypt(token) == "+31612345678"
    with override_settings(CREX_ENCRYPTION_KEYS=[new]), pytest.raises(InvalidToken):
        decrypt(token)


def test_reencrypt_moves_every_contact_to_the_newest_key(operator: Organisation) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    with override_settings(CREX_ENCRYPTION_KEYS=[old]):
        submit(
            ReportSubmission(channel="web", contact_email="victim@example.org"),
            organisation=operator,
            original=b"{}",
            content_type="application/json",
        )
    with override_settings(CREX_ENCRYPTION_KEYS=[new, old]):
        call_command("reencrypt", stdout=io.StringIO())
    with override_settings(CREX_ENCRYPTION_KEYS=[new]):
        assert ReporterContact.objects.get().email == "victim@example.org"
