"""Helpers for the portal tests: a valid form as a reporter would send it, and filing it."""

from __future__ import annotations

import re
from datetime import timedelta

from django.http import HttpResponse as Response
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from crex.core.questionnaire import situation as situation_for
from crex.reports.models import Report

REPORT_NEW = reverse("intake:report_new")
RECEIVED = reverse("intake:received")
FOLLOW_UP = reverse("intake:followup_start")
RECEIPT_CODE = re.compile(r"[A-Z0-9]{4}(?:-[A-Z0-9]{4}){4}")
REFERENCE = re.compile(r"CR-\d{4}-\d{7}-[0-9A-Z]")


def shown_text(response: Response) -> str:
    """The page as text, without the ``<wbr>`` hints that let the receipt code wrap."""
    return response.content.decode().replace("<wbr>", "")


def report_form(situation: str = "paid_never_came", **fields: str) -> dict[str, str]:
    """The fields of a valid report for ``situation`` (its first answer if it asks one)."""
    chosen = situation_for(situation)
    data = {
        "situation": situation,
        "incident_date": (timezone.localdate() - timedelta(days=3)).isoformat(),
        "narrative": "I ordered a bicycle on a web shop and paid, but it never came.",
        "reporter_kind": "citizen",
        "contact": "anonymous",
        "victim_country": "NL",
    }
    if chosen.follow_up is not None:
        data["answer"] = chosen.follow_up.answers[0].code
    data.update(fields)
    return data


def post_report(client: Client, situation: str = "paid_never_came", **fields: str) -> Response:
    """POST a report form (not following the redirect)."""
    return client.post(REPORT_NEW, report_form(situation, **fields))


def file_report(
    client: Client, situation: str = "paid_never_came", **fields: str
) -> tuple[Report, str]:
    """File a report through the portal; returns it with the receipt code shown once."""
    response = post_report(client, situation, **fields)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == RECEIVED
    page = shown_text(client.get(RECEIVED))
    code, reference = RECEIPT_CODE.search(page), REFERENCE.search(page)
    assert code is not None
    assert reference is not None
    return Report.objects.get(reference=reference.group(0)), code.group(0)
