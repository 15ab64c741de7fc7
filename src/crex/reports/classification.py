"""Proposing an offence for reports that arrive without one, and learning from analysts.

A report filed without an offence (through the API, by e-mail, from a feed, or by a
citizen who chose none) gets one proposed from its text at processing time
(`crex.core.classify`): the report carries the offence with the flag ``offence_proposed``
and the proposal (confidence, alternatives, evidence). Below the confidence threshold
(``CREX_CLASSIFY_THRESHOLD``) it also goes to the "needs triage" queue. An analyst's
reclassification of a proposed offence, or confirmation of it, is stored as a
`ClassificationCorrection`: training data (``crex classify --corrections``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.db import transaction

from crex.accounts.models import User
from crex.audit import services as audit
from crex.core.classify import Classification, classify
from crex.reports.models import ClassificationCorrection, Report

log = logging.getLogger(__name__)


def proposal_of(result: Classification) -> dict[str, Any]:
    """What is kept of a classification on the report (JSON)."""
    return {
        "offence": result.offence,
        "confidence": round(result.confidence, 4),
        "alternatives": [[code, round(p, 4)] for code, p in result.alternatives],
        "evidence": [
            {"text": e.text, "start": e.start, "end": e.end, "offence": e.offence}
            for e in result.evidence
        ],
        "language": result.language or "",
        "method": result.method,
    }


def _hints(report: Report) -> dict[str, object]:
    """Structured fields of the report that help the classifier."""
    hints: dict[str, object] = {
        "payment_method": report.payment_method,
        "contact_method": report.contact_method,
        "situation": report.situation,
        "identifiers": [
            (link.observable.type, link.role)
            for link in report.observables.select_related("observable")
        ],
    }
    return {key: value for key, value in hints.items() if value}


def propose_offence(report: Report) -> Classification | None:
    """Propose an offence for ``report`` if it has none; the classification, or None when
    the report was classified already (by its sender or an analyst)."""
    if report.offence and not report.offence_proposed:
        return None
    try:
        result = classify(report.narrative, fields=_hints(report), language=report.language or None)
    except Exception:  # a proposal is a help: its failure must not hold up processing
        log.exception("classifying %s failed; it stays unclassified", report.reference)
        return None
    from crex.reports.services import classify_fields  # services import this module

    fields: dict[str, object] = dict(classify_fields(result.offence))
    fields |= {
        "offence_proposed": True,
        "proposal": proposal_of(result),
        "needs_triage": result.confidence < settings.CREX_CLASSIFY_THRESHOLD,
    }
    if not report.language and result.language:
        fields["language"] = result.language
    with transaction.atomic():
        for name, value in fields.items():
            setattr(report, name, value)
        Report.objects.filter(pk=report.pk).update(**fields)
        audit.record(
            "report.offence_proposed",
            report,
            actor_label="classifier",
            organisation=report.organisation,
            changes={
                "offence": result.offence,
                "confidence": round(result.confidence, 3),
                "needs_triage": fields["needs_triage"],
            },
        )
    return result


def record_verdict(report: Report, actor: User, offence: str) -> None:
    """Keep an analyst's verdict on a proposed offence (call before the report changes)."""
    if not report.offence_proposed:
        return
    ClassificationCorrection.objects.create(
        report=report,
        proposed=report.offence,
        confidence=report.proposal.get("confidence") if report.proposal else None,
        corrected=offence,
        language=report.language,
        corrected_by=actor,
    )


def corrections_as_training_data() -> Iterator[dict[str, Any]]:
    """Every analyst verdict as a labelled example: a line of the classification corpus
    (``id``, ``text``, ``language``, ``offence`` chosen, ``writer``) that
    ``scripts/add_to_corpus.py`` accepts, plus what crex had proposed and when."""
    rows = ClassificationCorrection.objects.select_related("report").order_by("created_at", "pk")
    for row in rows.iterator(chunk_size=500):
        language = row.language or "xx"
        yield {
            "id": f"{row.corrected}-{language}-{row.report.reference}",
            "text": row.report.narrative,
            "language": language,
            "offence": row.corrected,
            "writer": "",
            "proposed": row.proposed,
            "confidence": row.confidence,
            "reference": row.report.reference,
            "at": row.created_at.isoformat(),
        }
