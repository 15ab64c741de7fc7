"""From the portal form to a submission: roles of identifiers, the original, error mapping."""

import json

import pytest
from django.http import QueryDict

from crex.core.questionnaire import situation
from crex.core.taxonomy import OFFENCES, offence
from crex.intake import portal
from crex.intake.forms import ReportForm
from crex.intake.services import FieldError


@pytest.mark.parametrize("found", OFFENCES, ids=lambda o: o.code)
def test_every_offence_gives_web_addresses_a_role(found: object) -> None:
    role = portal.url_role(found)  # type: ignore[arg-type]
    assert role in {"phishing_url", "malicious_url"}


@pytest.mark.parametrize(
    ("code", "role"),
    [
        ("phishing", "phishing_url"),
        ("online_shopping_fraud", "phishing_url"),
        ("child_sexual_abuse_material", "malicious_url"),
        ("terrorist_content", "malicious_url"),
        ("ransomware", "malicious_url"),
    ],
)
def test_url_roles(code: str, role: str) -> None:
    assert portal.url_role(offence(code)) == role


def test_the_original_keeps_the_form_but_not_token_honeypot_or_contact() -> None:
    post = QueryDict(mutable=True)
    post.update({"csrfmiddlewaretoken": "t0k3n", "narrative": "Café scam €50", "website": ""})
    post.update({"contact_email": "me@example.org", "contact_phone": "+31612345678"})
    post.setlist("payment_method", ["card", "cash"])
    original = json.loads(portal.original_of(post))
    assert original == {"narrative": "Café scam €50", "payment_method": ["card", "cash"]}
    assert "Café".encode() in portal.original_of(post)  # UTF-8, not escaped


def test_service_errors_land_on_the_right_fields(db: None) -> None:
    form = ReportForm(situation("paid_never_came"), data={})
    form.is_valid()
    portal.add_service_errors(
        form,
        [
            FieldError("loss.currency", "Use an ISO 4217 currency code."),
            FieldError("wallets.3", "This is not a bitcoin address."),
            FieldError("tlp", "Unknown TLP."),
        ],
    )
    assert "Use an ISO 4217 currency code." in form.errors["loss_currency"]
    assert "Line 3: This is not a bitcoin address." in form.errors["wallets"]
    assert "Unknown TLP." in form.non_field_errors()
