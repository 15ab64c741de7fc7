"""Reporting through the public portal: start page, questionnaire, the form, the receipt."""

from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from crex.accounts.models import Organisation
from crex.core.questionnaire import SITUATIONS, resolve
from crex.core.receipt import hash_receipt_code
from crex.reports.models import Report, ReporterContact
from tests.intake.portal import (
    RECEIPT_CODE,
    RECEIVED,
    REPORT_NEW,
    file_report,
    post_report,
    report_form,
    shown_text,
)

QUESTIONNAIRE_PATHS = [
    (s.code, a.code if a else None)
    for s in SITUATIONS
    for a in (s.follow_up.answers if s.follow_up else [None])
]


def page(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


# --- start page and choosing what happened -----------------------------------------------


def test_start_page_explains_reporting_and_emergencies(
    client: Client, operator: Organisation
) -> None:
    html = page(client.get(reverse("intake:home")))
    assert "112" in html
    assert "anonymous" in html
    assert reverse("intake:choose") in html
    assert reverse("intake:followup_start") in html
    assert reverse("login") in html  # the discreet staff login


def test_the_choice_lists_every_situation_as_a_labelled_radio(
    client: Client, operator: Organisation
) -> None:
    html = page(client.get(reverse("intake:choose")))
    assert "<legend" in html
    assert "<fieldset" in html
    for number, situation in enumerate(SITUATIONS):
        assert f'value="{situation.code}"' in html
        assert f'for="id_situation_{number}"' in html
        assert situation.label.replace("'", "&#x27;") in html


def test_the_choice_can_be_preselected_to_change_it(client: Client, operator: Organisation) -> None:
    html = page(client.get(reverse("intake:choose"), {"situation": "threatened"}))
    assert re.search(r'value="threatened"[^>]*checked', html)
    assert len(re.findall(r"<input[^>]*checked", html)) == 1


@pytest.mark.parametrize("query", [{}, {"situation": ""}, {"situation": "made_up"}])
def test_no_or_an_unknown_situation_asks_to_choose_again(
    client: Client, operator: Organisation, query: dict[str, str]
) -> None:
    response = client.get(REPORT_NEW, query)
    html = page(response)
    assert response.status_code == 200
    assert "There is a problem" in html
    assert 'href="#id_situation_0"' in html  # the error summary links to the first option
    assert "Choose what happened from the list." in html


@pytest.mark.parametrize("situation", SITUATIONS, ids=lambda s: s.code)
def test_every_situation_renders_its_form(
    client: Client, operator: Organisation, situation: object
) -> None:
    from crex.core.questionnaire import Situation

    assert isinstance(situation, Situation)
    response = client.get(REPORT_NEW, {"situation": situation.code})
    html = page(response)
    assert response.status_code == 200
    assert situation.label.replace("'", "&#x27;") in html
    if situation.follow_up:
        assert situation.follow_up.question.replace("'", "&#x27;") in html
        for answer in situation.follow_up.answers:
            assert f'value="{answer.code}"' in html
    else:
        assert 'name="answer"' not in html
    if situation.caution:
        assert situation.caution in html
    assert ('name="loss_amount"' in html) is situation.asks_money
    assert ('name="card_last4"' in html) is situation.asks_money
    for name in ("urls", "emails", "phones", "ibans", "wallets", "usernames", "narrative"):
        assert f'<label for="id_{name}">' in html


def test_the_form_defaults_to_the_operators_country_and_currency(
    client: Client, operator: Organisation
) -> None:
    html = page(client.get(REPORT_NEW, {"situation": "paid_never_came"}))
    assert '<option value="NL" selected>Netherlands</option>' in html
    assert '<option value="EUR" selected>' in html
    assert html.index('value="EUR"') < html.index('value="AED"')  # common currencies first


def test_every_input_has_a_label_and_hints_are_linked(
    client: Client, operator: Organisation
) -> None:
    html = page(client.get(REPORT_NEW, {"situation": "persuaded_to_pay"}))
    assert 'aria-describedby="id_narrative_helptext"' in html
    assert 'id="id_narrative_helptext"' in html
    for name in ("incident_date", "incident_time", "loss_amount", "loss_currency", "card_last4"):
        assert f'<label for="id_{name}">' in html
    assert '<div class="hp" aria-hidden="true">' in html  # the honeypot is hidden


# --- filing reports -------------------------------------------------------------------------


def test_filing_a_report_without_follow_up_question(client: Client, operator: Organisation) -> None:
    report, code = file_report(
        client,
        "paid_never_came",
        loss_amount="249.99",
        loss_currency="EUR",
        payment_method="bank_transfer",
        contact_method="website",
        incident_time="14:30",
        urls="fietsen-outlet.nl/bestel",
        ibans="NL91 ABNA 0417 1643 00",
    )
    assert report.offence == "online_shopping_fraud"
    assert report.category == "traditional"
    assert report.rsit == "fraud/masquerade"
    assert report.channel == Report.Channel.WEB
    assert report.organisation == operator
    assert report.situation == "paid_never_came"
    assert report.answers == {}
    assert report.language == "en"
    assert report.tlp == "amber"
    assert report.loss_amount == Decimal("249.99")
    assert report.loss_currency == "EUR"
    assert report.payment_method == "bank_transfer"
    assert report.contact_method == "website"
    assert report.incident_at is not None
    assert report.incident_at.strftime("%H:%M") == "14:30"
    assert report.receipt_code_hash == hash_receipt_code(code)
    links = {
        (link.observable.type, link.observable.value, link.role)
        for link in report.observables.all()
    }
    assert links == {
        ("url", "http://fietsen-outlet.nl/bestel", "phishing_url"),
        ("iban", "NL91ABNA0417164300", "payee_account"),
    }


def test_filing_a_report_with_a_follow_up_answer(client: Client, operator: Organisation) -> None:
    report, _code = file_report(client, "persuaded_to_pay", answer="investment")
    assert report.offence == "investment_fraud"
    assert report.answers == {"answer": "investment"}


@pytest.mark.parametrize(("situation", "answer"), QUESTIONNAIRE_PATHS)
def test_the_stored_offence_is_the_questionnaires(
    client: Client, operator: Organisation, situation: str, answer: str | None
) -> None:
    report, _code = file_report(client, situation, **({"answer": answer} if answer else {}))
    expected = resolve(situation, answer)
    assert report.offence == expected.code
    assert report.category == (expected.category.value if expected.category else "")


def test_the_original_is_the_posted_form_as_json_without_token_or_contact(
    client: Client, operator: Organisation
) -> None:
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.get(REPORT_NEW, {"situation": "paid_never_came"})
    token = csrf_client.cookies["csrftoken"].value
    data = report_form(contact="contact", contact_email="jan@example.nl", contact_name="Jan Jansen")
    response = csrf_client.post(REPORT_NEW, {**data, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    report = Report.objects.get()
    original = json.loads(bytes(report.original))
    assert report.original_content_type == "application/json"
    assert report.original_sha256 == hashlib.sha256(bytes(report.original)).hexdigest()
    assert original["narrative"] == data["narrative"]
    assert original["situation"] == "paid_never_came"
    assert "csrfmiddlewaretoken" not in original
    assert not {"contact_email", "contact_name", "contact_phone", "website"} & set(original)


def test_identifiers_get_the_role_of_their_field(client: Client, operator: Organisation) -> None:
    report, _code = file_report(
        client,
        "suspicious_message",
        urls="hxxps://bank-login-verify.com/verify",
        emails="Security@Bank-Alerts.net",
        phones="06 12345678",
        wallets="0x52908400098527886E0F7030069857D2E4169EE7",
        usernames="@bank_support_desk",
    )
    links = {
        (link.observable.type, link.observable.value, link.role)
        for link in report.observables.all()
    }
    assert links == {
        ("url", "https://bank-login-verify.com/verify", "phishing_url"),
        ("email-addr", "security@bank-alerts.net", "sender"),
        ("phone-number", "+31612345678", "contact_phone"),  # NL: the victim's country
        ("ethereum", "0x52908400098527886e0f7030069857d2e4169ee7", "wallet"),
        ("user-account", "@bank_support_desk", "offender_account"),
    }


@pytest.mark.parametrize(
    ("situation", "answer"),
    [("child_abuse_material", None), ("illegal_content", "hate"), ("device_infected", None)],
)
def test_web_addresses_of_illegal_content_or_malware_are_malicious_urls(
    client: Client, operator: Organisation, situation: str, answer: str | None
) -> None:
    extra = {"answer": answer} if answer else {}
    report, _code = file_report(client, situation, urls="content-example.com/gallery/1", **extra)
    assert report.observables.get().role == "malicious_url"


def test_reports_are_anonymous_unless_the_reporter_wants_contact(
    client: Client, operator: Organisation
) -> None:
    report, _code = file_report(
        client, contact="anonymous", contact_email="ignored@example.org", contact_name="Kim"
    )
    assert not ReporterContact.objects.filter(report=report).exists()


def test_contact_details_are_encrypted_in_the_database(
    client: Client, operator: Organisation
) -> None:
    report, _code = file_report(
        client,
        contact="contact",
        contact_name="Johanna Reporter",
        contact_email="johanna.reporter@example.org",
        contact_phone="+31 6 87654321",
    )
    contact = ReporterContact.objects.get(report=report)
    assert contact.email == "johanna.reporter@example.org"
    assert contact.name == "Johanna Reporter"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, email, phone FROM reports_reportercontact WHERE report_id = %s",
            [report.pk],
        )
        raw = " ".join(cursor.fetchone())
    for secret in ("Johanna", "johanna.reporter", "example.org", "87654321"):
        assert secret not in raw
        assert secret not in bytes(report.original).decode()


def test_a_business_may_ask_for_confidential_handling(
    client: Client, operator: Organisation
) -> None:
    report, _code = file_report(client, "fake_invoice", reporter_kind="business", confidential="on")
    assert report.reporter_kind == "business"
    assert report.confidential is True


def test_confidential_handling_is_for_businesses(client: Client, operator: Organisation) -> None:
    report, _code = file_report(client, reporter_kind="citizen", confidential="on")
    assert report.confidential is False


def test_a_filled_honeypot_files_nothing(client: Client, operator: Organisation) -> None:
    response = post_report(client, website="http://spam.example")
    assert response.status_code == 200
    assert not Report.objects.exists()
    assert "Your report could not be sent. Please try again." in page(response)
    assert "http://spam.example" not in page(response)  # a person can simply send again


# --- bad input: re-rendered with messages, input kept ----------------------------------------


def errors_page(client: Client, situation: str = "paid_never_came", **fields: str) -> str:
    response = post_report(client, situation, **fields)
    assert response.status_code == 200
    assert not Report.objects.exists()
    html = page(response)
    assert "There is a problem" in html
    return html


def test_a_missing_answer_is_asked_for_and_input_kept(
    client: Client, operator: Organisation
) -> None:
    html = errors_page(
        client, "persuaded_to_pay", answer="", narrative="They promised 20% a month."
    )
    assert "Please answer this question." in html
    assert 'href="#id_answer_0"' in html
    assert "They promised 20% a month." in html


def test_an_unknown_answer_is_refused(client: Client, operator: Organisation) -> None:
    html = errors_page(client, "persuaded_to_pay", answer="lottery")
    assert "Please answer this question." in html


def test_a_bad_iban_is_reported_with_its_line(client: Client, operator: Organisation) -> None:
    ibans = "NL91ABNA0417164300\nNL00 BADB 1234 5678"
    html = errors_page(client, ibans=ibans, narrative="Paid twice.")
    assert "Line 2: This is not a valid IBAN" in html
    assert "Line 1" not in html
    assert "NL91ABNA0417164300\nNL00 BADB 1234 5678</textarea>" in html
    assert 'aria-describedby="id_ibans_helptext id_ibans_error"' in html
    assert 'href="#id_ibans"' in html


def test_blank_lines_count_so_the_line_number_matches(
    client: Client, operator: Organisation
) -> None:
    html = errors_page(client, urls="\nfake-shop.com\n\nnot a url at all")
    assert "Line 4:" in html


def test_a_full_card_number_is_refused_and_not_shown_again(
    client: Client, operator: Organisation
) -> None:
    html = errors_page(client, card_last4="4111 1111 1111 1111")
    assert "Enter only the last 4 digits of the card" in html
    assert "4111 1111" not in html
    assert "4111111111111111" not in html
    assert 'name="card_last4" value=""' in html or 'name="card_last4" inputmode' in html


@pytest.mark.parametrize("value", ["12a4", "123"])
def test_the_last_four_must_be_four_digits(
    client: Client, operator: Organisation, value: str
) -> None:
    html = errors_page(client, card_last4=value)
    assert "Enter the last 4 digits of the card, like 1234." in html


@pytest.mark.parametrize(
    ("fields", "message", "kept"),
    [
        (
            {"loss_amount": "-20", "loss_currency": "EUR"},
            "The amount cannot be negative.",
            'value="-20"',
        ),
        ({"loss_amount": "20", "loss_currency": ""}, "Say which currency.", 'value="20"'),
        (
            {"loss_amount": "20", "loss_currency": "XYZ"},
            "Choose a currency from the list.",
            'value="20"',
        ),
        (
            {"loss_amount": "lots", "loss_currency": "EUR"},
            "Enter the amount as a number",
            'value="lots"',
        ),
        (
            {"contact": "contact", "contact_email": "jan@", "contact_name": "Jan"},
            "Enter an e-mail address like name@example.com.",
            'value="jan@"',
        ),
        (
            {"contact": "contact", "contact_name": "Jan"},
            "Give an e-mail address or a phone number",
            'value="Jan"',
        ),
        ({"contact": "contact", "contact_phone": "12"}, "phone", 'value="12"'),
        (
            {"incident_date": "2999-01-01"},
            "The date cannot be in the future.",
            'value="2999-01-01"',
        ),
        ({"incident_date": "yesterday"}, "Enter a real date", 'value="yesterday"'),
        ({"incident_date": ""}, "Enter the date it happened", ""),
        ({"narrative": ""}, "Describe what happened, or give at least one web address", ""),
        ({"reporter_kind": "alien"}, "Say who is reporting.", ""),
        ({"victim_country": "XX"}, "Choose a country from the list.", ""),
    ],
)
def test_bad_input_is_explained_and_kept(
    client: Client,
    operator: Organisation,
    fields: dict[str, str],
    message: str,
    kept: str,
) -> None:
    narrative = "A story that must survive the error."
    data = {"narrative": narrative, **fields}
    response = client.post(REPORT_NEW + "?situation=paid_never_came", report_form(**data))
    html = page(response)
    assert response.status_code == 200
    assert not Report.objects.exists()
    assert message in html
    assert kept in html
    if data["narrative"]:
        assert narrative in html


def test_a_tampered_situation_asks_to_choose_again(client: Client, operator: Organisation) -> None:
    response = client.post(REPORT_NEW, {**report_form(), "situation": "made_up"})
    assert response.status_code == 200
    assert "Choose what happened from the list." in page(response)
    assert not Report.objects.exists()


def test_contact_errors_do_not_count_when_anonymous(client: Client, operator: Organisation) -> None:
    report, _code = file_report(client, contact="anonymous", contact_email="not-an-email")
    assert not ReporterContact.objects.filter(report=report).exists()


def test_all_errors_show_at_once(client: Client, operator: Organisation) -> None:
    html = errors_page(
        client, loss_amount="-1", loss_currency="EUR", ibans="bad", card_last4="1234567"
    )
    assert "The amount cannot be negative." in html
    assert "Line 1: This is not a valid IBAN" in html
    assert "Enter only the last 4 digits" in html


# --- the receipt ----------------------------------------------------------------------------


def test_the_receipt_code_is_shown_once(client: Client, operator: Organisation) -> None:
    response = post_report(client, "unknown_payments", answer="no", payment_method="card")
    assert response.status_code == 302
    first = shown_text(client.get(RECEIVED))
    report = Report.objects.get()
    code = RECEIPT_CODE.search(first)
    assert code is not None
    assert report.reference in first
    assert report.receipt_code_hash == hash_receipt_code(code.group(0))
    assert code.group(0) not in bytes(report.original).decode()
    second = client.get(RECEIVED)
    assert second["Cache-Control"].startswith("max-age=0")
    assert RECEIPT_CODE.search(page(second)) is None
    assert report.reference in page(second)
    assert "shown only once" in page(second)


def test_the_receipt_gives_advice_for_the_offence_and_payment(
    client: Client, operator: Organisation
) -> None:
    post_report(client, "unknown_payments", answer="no", payment_method="card")
    html = page(client.get(RECEIVED))
    assert "Block your card now" in html
    assert "What happens next" in html


def test_ransomware_advice_mentions_no_more_ransom(client: Client, operator: Organisation) -> None:
    post_report(client, "files_encrypted")
    html = page(client.get(RECEIVED))
    assert "nomoreransom.org" in html
    assert "do not switch them off" in html


def test_the_receipt_page_without_a_report_goes_to_the_start(
    client: Client, operator: Organisation
) -> None:
    response = client.get(RECEIVED)
    assert response.status_code == 302
    assert response["Location"] == reverse("intake:choose")


# --- languages ------------------------------------------------------------------------------


def test_the_portal_works_in_german(client: Client, operator: Organisation) -> None:
    for url in (reverse("intake:home"), reverse("intake:choose")):
        response = client.get(url, headers={"accept-language": "de"})
        assert response.status_code == 200
        assert '<html lang="de">' in page(response)
    form_page = page(
        client.get(REPORT_NEW, {"situation": "paid_never_came"}, headers={"accept-language": "de"})
    )
    assert '<option value="DE">Deutschland</option>' in form_page
    assert '<option value="NL" selected>Niederlande</option>' in form_page


def test_a_report_filed_in_german_records_the_language(
    client: Client, operator: Organisation
) -> None:
    data = report_form(incident_date="03.02.2026", loss_amount="1234,50", loss_currency="EUR")
    response = client.post(REPORT_NEW, data, headers={"accept-language": "de"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.language == "de"
    assert report.loss_amount == Decimal("1234.50")
    assert report.incident_at is not None
    assert report.incident_at.date().isoformat() == "2026-02-03"


def test_a_defanged_web_address_is_read_not_a_crash(client: Client, operator: Organisation) -> None:
    report, _code = file_report(
        client, "suspicious_message", urls="hxxps://evil-example[.]com/login"
    )
    assert report.observables.get().observable.value == "https://evil-example.com/login"


def test_an_unreadable_web_address_is_explained(client: Client, operator: Organisation) -> None:
    html = errors_page(client, urls="http://[not-an-ip/login")
    assert "Line 1:" in html
    assert "http://[not-an-ip/login</textarea>" in html
