"""Planning the demo reports: how many of each offence, from which campaign, when, from
whom, in which words and how far through the workflow. Pure: nothing is stored here.

Everything comes from one seeded `random.Random`, so the same seed and the same "now"
give the same reports.
"""

from __future__ import annotations

import random
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from crex.core.questionnaire import SITUATIONS
from crex.core.taxonomy import OFFENCE_CODES
from crex.demo import notes
from crex.demo.campaigns import CAMPAIGNS, RESERVED_VALUES, Campaign
from crex.demo.locales import profile
from crex.demo.narratives import Facts, render, render_partner
from crex.demo.originals import original_for
from crex.demo.scenarios import BUSINESS_SHARE, PUBLIC_BODY_OFFENCES, Draw, build
from crex.demo.sources import Source, choose_source, choose_tlp
from crex.demo.values import Unique, random_phone
from crex.intake.services import ReportSubmission
from crex.reports.models import Report

DEFAULT_REPORTS = 360
MINIMUM_REPORTS = 150
PER_OFFENCE_MINIMUM = 5
SEED = 20260401

#: How common each offence is among reports that belong to no campaign.
SINGLETON_WEIGHTS: dict[str, int] = {
    "phishing": 14, "online_shopping_fraud": 12, "investment_fraud": 5, "romance_fraud": 3,
    "advance_fee_fraud": 4, "business_email_compromise": 3, "tech_support_scam": 3,
    "payment_card_fraud": 7, "identity_theft": 4, "extortion": 4,
    "child_sexual_abuse_material": 2, "hate_speech": 2, "terrorist_content": 1,
    "copyright_infringement": 1, "account_takeover": 8, "hacking": 3, "ransomware": 2,
    "malware": 5, "ddos": 2, "botnet": 1, "data_breach": 2, "illegal_interception": 1,
    "misuse_of_devices": 1, "other": 4,
}  # fmt: skip
#: Days between the incident (or the last payment) and the report.
_DELAY_DAYS = {
    "romance_fraud": 20,
    "investment_fraud": 20,
    "online_shopping_fraud": 30,
    "identity_theft": 40,
    "data_breach": 20,
}
_HOURS = tuple(range(24))
# Reports that arrive by e-mail or API carry no offence until someone classifies them.
_UNCLASSIFIED_CHANNELS = (Report.Channel.EMAIL, Report.Channel.API)
_HOUR_WEIGHTS = (1, 1, 1, 1, 1, 1, 2, 4, 6, 8, 9, 9, 8, 8, 8, 8, 8, 7, 7, 8, 9, 9, 6, 3)
_CONTACT_DOMAINS = ("example.com", "example.org", "example.net")
_EXTRA_COUNTRIES = ("CH", "GB", "LU")
_ANONYMOUS_SHARE = {
    "child_sexual_abuse_material": 0.5,
    "hate_speech": 0.5,
    "terrorist_content": 0.5,
    "misuse_of_devices": 0.4,
}


@dataclass(slots=True)
class PlannedReport:
    """One report to file, with what happens to it afterwards."""

    offence: str
    campaign: str  # campaign key, "" for a singleton
    submission: ReportSubmission
    original: bytes
    content_type: str
    submitted_by: str | None  # organisation key (see organisations.DemoOrganisations.by_key)
    received_at: datetime
    updated_at: datetime
    status: str
    assignee: int | None  # which of the operator's analysts, modulo their number
    note: str = ""
    share_with: list[str] = field(default_factory=list)


class PlanError(ValueError):
    """The requested number of reports cannot be planned."""


def allocate(total: int) -> list[tuple[str, Campaign | None]]:
    """(offence, campaign) for every report: campaigns first, then at least
    `PER_OFFENCE_MINIMUM` of every offence, then the rest by `SINGLETON_WEIGHTS`."""
    slots: list[tuple[str, Campaign | None]] = []
    for campaign in CAMPAIGNS:
        slots += [(campaign.offence, campaign)] * campaign.size(total)
    counts = Counter(offence for offence, _ in slots)
    for offence in OFFENCE_CODES:
        slots += [(offence, None)] * max(0, PER_OFFENCE_MINIMUM - counts[offence])
    remaining = total - len(slots)
    if remaining < 0:
        raise PlanError(f"{total} reports are too few for every offence and campaign")
    weight_sum = sum(SINGLETON_WEIGHTS.values())
    shares = {o: remaining * w / weight_sum for o, w in SINGLETON_WEIGHTS.items()}
    extra = {o: int(share) for o, share in shares.items()}
    by_remainder = sorted(shares, key=lambda o: (extra[o] - shares[o], o))
    for offence in by_remainder[: remaining - sum(extra.values())]:
        extra[offence] += 1
    for offence in OFFENCE_CODES:
        slots += [(offence, None)] * extra[offence]
    return slots


def questionnaire_path(
    offence: str, preferred: str, rng: random.Random
) -> tuple[str, dict[str, str]]:
    """A situation (and follow-up answer) of the public questionnaire that leads to ``offence``."""
    paths: list[tuple[str, str]] = []
    for situation in SITUATIONS:
        if situation.offence == offence:
            paths.append((situation.code, ""))
        if situation.follow_up:
            paths += [
                (situation.code, a.code)
                for a in situation.follow_up.answers
                if a.offence == offence
            ]
    code, answer = rng.choice([p for p in paths if p[1] == preferred] or paths)
    return code, ({"answer": answer} if answer else {})


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c in ".-")).lower()


class Planner:
    """Plans the reports of one demo load."""

    def __init__(self, *, seed: int, now: datetime, home: str, contact_points: set[str]) -> None:
        self.rng = random.Random(seed)  # noqa: S311 (demo data, not security)
        self.now = now
        self.home = home
        self.contact_points = contact_points  # countries with a foreign contact point
        self.unique = Unique()
        self.unique.reserve(*RESERVED_VALUES)

    def plan(self, total: int) -> list[PlannedReport]:
        """Every report, oldest first (so reference numbers grow with time)."""
        slots = allocate(total)
        seen_in_campaign: Counter[str] = Counter()
        plans = []
        for offence, campaign in slots:
            index = seen_in_campaign[campaign.key] if campaign else 0
            if campaign:
                seen_in_campaign[campaign.key] += 1
            plans.append(self._report(offence, campaign, index))
        plans.sort(key=lambda p: p.received_at)
        return plans

    def _country(self, campaign: Campaign | None, index: int) -> str:
        if campaign:
            return campaign.country(self.rng, index)
        roll = self.rng.random()
        if roll < 0.5 or not self.contact_points:
            return self.home
        if roll < 0.95:
            return self.rng.choice(sorted(self.contact_points))
        return self.rng.choice([c for c in _EXTRA_COUNTRIES if c != self.home])

    def _days_ago(self, campaign: Campaign | None) -> float:
        if campaign:
            oldest, newest = campaign.window
            return self.rng.uniform(newest, oldest)
        if self.rng.random() < 0.5:
            return self.rng.uniform(0, 365)
        return self.rng.triangular(0, 365, 0)

    def _received_at(self, days_ago: float, partner: bool) -> datetime:
        hour = self.rng.choice(_HOURS) if partner else self.rng.choices(_HOURS, _HOUR_WEIGHTS)[0]
        day = self.now - timedelta(days=days_ago)
        moment = day.replace(
            hour=hour, minute=self.rng.randrange(60), second=self.rng.randrange(60)
        )
        # Drawn every time, so that the random sequence is the same whatever "now" is.
        earlier = self.now - timedelta(minutes=self.rng.randint(5, 300))
        return earlier if moment > self.now else moment

    def _victim(self, offence: str) -> str:
        if self.rng.random() >= BUSINESS_SHARE.get(offence, 0.0):
            return "person"
        if offence in PUBLIC_BODY_OFFENCES and self.rng.random() < 0.2:
            return "public_body"
        return "business"

    def _reporter_kind(self, source: Source, victim: str, offence: str) -> str:
        if source.key == "tax":
            return Report.ReporterKind.PUBLIC_BODY
        if source.partner_group:
            return Report.ReporterKind.ORGANISATION
        if victim == "business":
            return Report.ReporterKind.BUSINESS
        if victim == "public_body":
            return Report.ReporterKind.PUBLIC_BODY
        anonymous = _ANONYMOUS_SHARE.get(offence, 0.04)
        if source.key == "portal" and self.rng.random() < anonymous:
            return Report.ReporterKind.ANONYMOUS
        return Report.ReporterKind.CITIZEN

    def _contact(self, country: str, channel: str, kind: str) -> tuple[str, str, str]:
        """Name, e-mail and phone the reporter left (e-mail always for the e-mail channel)."""
        leaves = channel == Report.Channel.EMAIL or (
            channel == Report.Channel.WEB and self.rng.random() < 0.65
        )
        if kind in {Report.ReporterKind.ANONYMOUS, Report.ReporterKind.ORGANISATION} or not leaves:
            return "", "", ""
        name = profile(country).full_name(self.rng)
        email = f"{_ascii(name.replace(' ', '.'))}@{self.rng.choice(_CONTACT_DOMAINS)}"
        phone = ""
        if self.rng.random() < 0.3:
            phone = random_phone(self.rng, country)
        return name, email, phone

    def _status(self, days_ago: float) -> str:
        if days_ago < 5:
            table = {"new": 90, "triaged": 10}
        elif days_ago < 30:
            table = {"new": 35, "triaged": 45, "closed": 20}
        elif days_ago < 90:
            table = {"new": 8, "triaged": 42, "closed": 50}
        else:
            table = {"new": 3, "triaged": 27, "closed": 70}
        return self.rng.choices(list(table), list(table.values()))[0]

    def _assignee(self, status: str) -> int | None:
        chance = {"new": 0.1, "triaged": 0.85, "closed": 0.7}[status]
        return self.rng.randrange(1000) if self.rng.random() < chance else None

    def _share_with(self, campaign: Campaign | None, status: str) -> list[str]:
        if campaign is None or status == "new":
            return []
        keys = [f"cp:{c}" for c, _ in campaign.countries if c in self.contact_points]
        if campaign.key in {"ransomware", "abuse_board", "investment"}:
            keys.append("hub")
        return keys

    def _report(self, offence: str, campaign: Campaign | None, index: int) -> PlannedReport:
        rng = self.rng
        country = self._country(campaign, index)
        source = choose_source(rng, offence, country, self.home, self.contact_points)
        partner = bool(source.partner_group)
        technical = partner or source.channel == Report.Channel.REFERRAL
        days_ago = self._days_ago(campaign)
        received_at = self._received_at(days_ago, partner)
        delay = timedelta(
            days=rng.uniform(0, _DELAY_DAYS.get(offence, 4)), hours=rng.uniform(1, 12)
        )
        incident_at = received_at - delay
        victim = self._victim(offence)
        fixed = campaign.fixed(rng, country) if campaign else {}
        scenario = build(
            offence,
            Draw(rng, self.unique, country, incident_at.date(), victim, technical, fixed),
        )
        facts = Facts(scenario.facts, scenario.amounts, incident_at.date())
        if partner:
            language = "en"
            narrative = render_partner(source.partner_group, scenario.story, facts, rng)
        else:
            language = profile(country).language(rng)
            narrative = render(scenario.story, language, facts, rng, business=victim != "person")
        kind = self._reporter_kind(source, victim, offence)
        confidential = kind in {Report.ReporterKind.BUSINESS, Report.ReporterKind.PUBLIC_BODY} and (
            rng.random() < 0.35
        )
        situation, answers = "", dict[str, str]()
        if source.channel == Report.Channel.WEB:
            situation, answers = questionnaire_path(offence, scenario.answer, rng)
        name, email, phone = self._contact(country, source.channel, kind)
        loss_amount, loss_currency = scenario.loss or (None, "")
        submission = ReportSubmission(
            channel=source.channel,
            narrative=narrative,
            reporter_kind=kind,
            victim_country=country,
            language=language,
            situation=situation,
            answers=answers,
            offence=offence,
            incident_at=incident_at,
            loss_amount=loss_amount,
            loss_currency=loss_currency,
            payment_method=scenario.payment_method if scenario.loss else "",
            card_last4=scenario.card_last4,
            contact_method=scenario.contact_method,
            tlp=choose_tlp(rng, source, offence, confidential),
            confidential=confidential,
            identifiers=scenario.identifiers,
            contact_name=name,
            contact_email=email,
            contact_phone=phone,
        )
        submitted_by = f"cp:{country}" if source.submitted_by == "cp" else source.submitted_by
        sender = email or "fraud-reports@tax-administration.example"
        extra = {"submitted_by": submitted_by} if submitted_by else {}
        original, content_type = original_for(submission, received_at, sender=sender, extra=extra)
        status = self._status(days_ago)
        if status == "new" and source.channel in _UNCLASSIFIED_CHANNELS:
            # Not looked at yet: crex proposes the offence when it processes the report.
            submission = replace(submission, offence=None)
        worked = timedelta(hours=rng.uniform(2, 24 * min(max(days_ago, 0.1), 20)))
        updated_at = received_at if status == "new" else min(received_at + worked, self.now)
        return PlannedReport(
            offence=offence,
            campaign=campaign.key if campaign else "",
            submission=submission,
            original=original,
            content_type=content_type,
            submitted_by=submitted_by,
            received_at=received_at,
            updated_at=updated_at,
            status=status,
            assignee=self._assignee(status),
            note=notes.note_for(rng, status, campaign.key if campaign else ""),
            share_with=self._share_with(campaign, status),
        )


def plan_reports(
    total: int, *, now: datetime, home: str, contact_points: set[str], seed: int = SEED
) -> list[PlannedReport]:
    """The demo's reports, oldest first; raises `PlanError` when ``total`` is too small."""
    return Planner(seed=seed, now=now, home=home, contact_points=contact_points).plan(total)
