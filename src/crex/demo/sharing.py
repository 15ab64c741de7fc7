"""Demo sharing: two sharing groups, the TAXII collections partners read and write, and
handling rules on the campaign reports so that feeds and exports have something in them.

Campaign reports shared with other contact points go to the "EU contact points" group;
fraud reports naming a payee account go to all partners at TLP:GREEN. TLP:RED and
confidential reports keep their own organisation, as the handling rules require.
"""

from __future__ import annotations

from crex.accounts.models import Organisation
from crex.core.handling import Distribution
from crex.core.tlp import TLP
from crex.demo.organisations import DemoOrganisations
from crex.reports.models import Report, ReportObservable
from crex.sharing.models import SharingGroup, TaxiiCollection


def ensure_sharing(orgs: DemoOrganisations) -> dict[str, SharingGroup]:
    """The demo's sharing groups and TAXII collections (created once)."""
    contact_points, _ = SharingGroup.objects.get_or_create(
        name="EU contact points",
        defaults={"description": "The cybercrime contact points of the EU member states."},
    )
    contact_points.members.add(*orgs.contact_points.values())
    banks = orgs.partners.values()
    banking, _ = SharingGroup.objects.get_or_create(
        name=f"{orgs.home_country} banking sector",
        defaults={"description": "Fraud desks of the banks and payment providers."},
    )
    banking.members.add(
        orgs.operator, *(o for o in banks if o.kind == Organisation.Kind.BANK_PAYMENT)
    )
    collections = [
        ("public", "Public (TLP:CLEAR)", TaxiiCollection.Kind.PUBLIC, None),
        ("partners", "All partners", TaxiiCollection.Kind.PARTNERS, None),
        ("eu-contact-points", "EU contact points", TaxiiCollection.Kind.GROUP, contact_points),
        ("banking", banking.name, TaxiiCollection.Kind.GROUP, banking),
        ("inbox", f"Inbox of {orgs.operator.name}", TaxiiCollection.Kind.INBOX, None),
    ]
    for alias, title, kind, group in collections:
        TaxiiCollection.objects.get_or_create(
            alias=alias,
            defaults={"title": title, "kind": kind, "sharing_group": group, "owner": orgs.operator},
        )
    return {"contact_points": contact_points, "banking": banking}


def distribute(reports: list[Report], groups: dict[str, SharingGroup]) -> None:
    """Give campaign and payee-account reports handling rules that let them be shared."""
    ids = [r.pk for r in reports]
    open_reports = Report.objects.filter(pk__in=ids, confidential=False).exclude(tlp=TLP.RED)
    cross_border = open_reports.filter(shared_with__isnull=False).values("pk")
    Report.objects.filter(pk__in=cross_border).update(
        distribution=Distribution.GROUP, sharing_group=groups["contact_points"]
    )
    payees = ReportObservable.objects.filter(
        report__in=open_reports.exclude(pk__in=cross_border),
        role=ReportObservable.Role.PAYEE_ACCOUNT,
    ).values("report_id")
    Report.objects.filter(pk__in=payees).update(distribution=Distribution.PARTNERS, tlp=TLP.GREEN)
