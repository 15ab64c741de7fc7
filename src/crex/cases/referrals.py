"""Referrals: sending a case to another country's contact point or to the international
hub, and the recipient's acknowledgement and answer. Every step is audited and written
to the case's timeline.

Sending shares with the recipient exactly the case's reports that may leave the
organisation (never TLP:RED, never a confidential reporter's) through
``Report.shared_with``, so what the recipient sees is decided, as everywhere, by
`crex.reports.visibility`.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from crex.accounts.models import Organisation, User
from crex.audit import services as audit
from crex.cases.models import Case, Referral
from crex.cases.services import record_event
from crex.core.tlp import TLP
from crex.reports.models import Report

#: The kinds of organisation a case is referred to.
RECIPIENT_KINDS = (Organisation.Kind.CONTACT_POINT, Organisation.Kind.INTERNATIONAL_HUB)
#: Roles that may send a referral on behalf of the case's organisation.
SENDER_ROLES = (User.Role.ANALYST, User.Role.SUPERVISOR)
#: Case statuses from which a referral can be sent.
REFERRABLE = (Case.Status.PROPOSED, Case.Status.OPEN)


def competent_recipients(case: Case) -> list[Organisation]:
    """The contact points of the case's countries (victims' and infrastructure's), then
    the international hubs; never the case's own organisation."""
    contact_points = (
        Organisation.objects.filter(
            kind=Organisation.Kind.CONTACT_POINT, country__in=[c for c in case.countries if c]
        )
        .exclude(pk=case.organisation_id)
        .order_by("country", "name")
    )
    hubs = (
        Organisation.objects.filter(kind=Organisation.Kind.INTERNATIONAL_HUB)
        .exclude(pk=case.organisation_id)
        .order_by("name")
    )
    return [*contact_points, *hubs]


def shareable_reports(case: Case) -> QuerySet[Report]:
    """The case's reports that may leave its organisation: not TLP:RED, not confidential."""
    return (
        Report.objects.filter(case=case, organisation_id=case.organisation_id, confidential=False)
        .exclude(tlp=TLP.RED.value)
        .order_by("received_at", "pk")
    )


def may_refer(user: User, case: Case) -> bool:
    """Whether ``user`` may send ``case`` to another organisation: an analyst or a
    supervisor of the case's organisation."""
    return (
        user.is_active
        and user.role in SENDER_ROLES
        and user.organisation_id == case.organisation_id
    )


def may_answer(user: User, referral: Referral) -> bool:
    """Whether ``user`` may acknowledge and answer ``referral``: someone of the receiving
    organisation who works reports."""
    return user.is_active and user.works_reports and user.organisation_id == referral.recipient_id


def send_referral(case: Case, recipient: Organisation, message: str, actor: User) -> Referral:
    """Send ``case`` to ``recipient`` with ``message``, sharing the reports that may leave.

    Raises PermissionError unless ``actor`` may refer the case, ValueError for a missing
    message, a recipient that is not a contact point or hub (or is the case's own
    organisation), a closed or merged case, or a second referral to the same recipient.
    """
    if not may_refer(actor, case):
        raise PermissionError("only analysts and supervisors of the case's organisation refer it")
    message = message.strip()
    if not message:
        raise ValueError(_("Write a message for the recipient."))
    if case.status not in REFERRABLE:
        raise ValueError(_("A closed or merged case cannot be referred."))
    if recipient.pk == case.organisation_id or recipient.kind not in RECIPIENT_KINDS:
        raise ValueError(_("Cases are referred to other contact points and to the hub."))
    if Referral.objects.filter(case=case, recipient=recipient).exists():
        raise ValueError(_("This case was already referred to %(name)s.") % {"name": recipient})
    try:
        with transaction.atomic():
            referral = Referral.objects.create(
                case=case, recipient=recipient, message=message, sent_by=actor
            )
            shared = list(shareable_reports(case))
            withheld = Report.objects.filter(case=case).count() - len(shared)
            referral.reports.set(shared)
            recipient.reports_shared_with.add(*shared)
            record_event(
                case,
                "referred",
                actor,
                referral=referral.pk,
                recipient=recipient.name,
                reports=len(shared),
                withheld=withheld,
                message=message,
            )
            audit.record(
                "case.referred",
                case,
                actor=actor,
                changes={
                    "recipient": recipient.name,
                    "referral": referral.pk,
                    "reports": [report.reference for report in shared],
                    "withheld": withheld,
                },
            )
            for report in shared:
                audit.record(
                    "report.shared",
                    report,
                    actor=actor,
                    changes={"shared_with": recipient.name, "referral": referral.pk},
                )
    except IntegrityError as exc:  # the same referral sent twice at once
        raise ValueError(
            _("This case was already referred to %(name)s.") % {"name": recipient}
        ) from exc
    return referral


def acknowledge(referral: Referral, actor: User) -> Referral:
    """The recipient confirms it received the referral (before deciding on it)."""
    if not may_answer(actor, referral):
        raise PermissionError("only the receiving organisation acknowledges a referral")
    if referral.status != Referral.Status.SENT:
        raise ValueError(_("This referral was already acknowledged or answered."))
    with transaction.atomic():
        referral.status = Referral.Status.ACKNOWLEDGED
        referral.acknowledged_at = timezone.now()
        referral.save(update_fields=["status", "acknowledged_at"])
        record_event(
            referral.case,
            "referral_acknowledged",
            actor,
            referral=referral.pk,
            recipient=referral.recipient.name,
        )
        audit.record(
            "referral.acknowledged",
            referral,
            actor=actor,
            changes={"status": [Referral.Status.SENT.value, referral.status]},
        )
    return referral


def answer(referral: Referral, actor: User, accepted: bool, reason: str = "") -> Referral:
    """The recipient accepts the referral or declines it (a decline needs a reason).

    Answering a referral that was not acknowledged acknowledges it at the same time.
    """
    if not may_answer(actor, referral):
        raise PermissionError("only the receiving organisation answers a referral")
    if referral.status in (Referral.Status.ACCEPTED, Referral.Status.DECLINED):
        raise ValueError(_("This referral was already answered."))
    reason = reason.strip()
    if not accepted and not reason:
        raise ValueError(_("Give a reason for declining."))
    with transaction.atomic():
        before = referral.status
        now = timezone.now()
        referral.status = Referral.Status.ACCEPTED if accepted else Referral.Status.DECLINED
        referral.reason = reason
        referral.answered_by = actor
        referral.answered_at = now
        referral.acknowledged_at = referral.acknowledged_at or now
        referral.save(
            update_fields=["status", "reason", "answered_by", "answered_at", "acknowledged_at"]
        )
        record_event(
            referral.case,
            f"referral_{referral.status}",
            actor,
            referral=referral.pk,
            recipient=referral.recipient.name,
            reason=reason,
        )
        audit.record(
            f"referral.{referral.status}",
            referral,
            actor=actor,
            changes={"status": [before, referral.status], "reason": reason},
        )
    return referral
