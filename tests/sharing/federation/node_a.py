"""Set up node A of the federation test in its own database and print what node B needs.

Run as a script in a separate process (``python -m tests.sharing.federation.node_a``)
with ``CREX_DATA_DIR`` pointing at node A's own directory. ``setup`` migrates, creates node A's
contact point, node B's organisation as a partner, a sharing group with it, a TAXII view of
that group, and three reports (one shared with the group, one TLP:RED, one from a
confidential reporter), then prints JSON: the token for node B and the collection id;
``reclassify`` changes a report as an analyst of node A would.
"""

from __future__ import annotations

import json
import os
import sys


def main() -> None:
    """``setup NAME-OF-NODE-B`` or ``reclassify REFERENCE OFFENCE``."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crex.config.settings")
    import django

    django.setup()
    if sys.argv[1] == "setup":
        setup(sys.argv[2])
    else:
        reclassify(sys.argv[2], sys.argv[3])


def reclassify(reference: str, offence: str) -> None:
    """An analyst of node A reclassifies a report (a new version of what it shares)."""
    from crex.accounts.models import User
    from crex.reports import services
    from crex.reports.models import Report

    report = Report.objects.get(reference=reference)
    services.reclassify(report, User.objects.get(username="anke"), offence)


def setup(node_b_name: str) -> None:
    """Prepare node A and print the token, the collection id and the report references."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)

    from crex.accounts.models import ApiToken, Organisation, User
    from crex.core.handling import Distribution
    from crex.core.tlp import TLP
    from crex.intake.services import Identifier, ReportSubmission, submit
    from crex.reports import services
    from crex.sharing.handling import Handling
    from crex.sharing.models import SharingGroup, TaxiiCollection

    node_a = Organisation.objects.create(
        name="Zentrale Meldestelle Cybercrime", kind="contact_point", country="DE", is_operator=True
    )
    node_b = Organisation.objects.create(name=node_b_name, kind="contact_point", country="NL")
    analyst = User.objects.create_user("anke", organisation=node_a, role=User.Role.ANALYST)
    group = SharingGroup.objects.create(name="EU contact points")
    group.members.add(node_a, node_b)
    collection = TaxiiCollection.objects.create(
        title="EU contact points", alias="eu", kind="group", sharing_group=group, owner=node_a
    )
    _, token = ApiToken.issue(node_b, "node B feed")

    def file(narrative: str, **fields: object) -> str:
        submission = ReportSubmission(
            channel="web",
            narrative=narrative,
            victim_country="DE",
            offence="online_shopping_fraud",
            contact_email="opfer@example.de",
            contact_name="Erika Mustermann",
            identifiers=[Identifier("iban", "DE44 5001 0517 5407 3249 31", "payee_account")],
            **fields,  # type: ignore[arg-type]
        )
        filed = submit(
            submission, organisation=node_a, original=b"{}", content_type="application/json"
        )
        return filed.report.reference

    shared = file("Fake shop hxxps://shoes-outlet[.]example[.]net took 120 EUR from me.")
    red = file("Paid 80 EUR via hxxps://red-only[.]example[.]net", tlp="red")
    confidential = file(
        "Paid 60 EUR via hxxps://confidential-only[.]example[.]net", confidential=True
    )
    from crex.reports.models import Report

    for reference, handling in [
        (shared, Handling(TLP.GREEN, Distribution.GROUP, group)),
        (confidential, Handling(TLP.GREEN, Distribution.GROUP, group)),
    ]:
        services.set_handling(Report.objects.get(reference=reference), analyst, handling)
    print(
        json.dumps(
            {
                "token": token,
                "collection": str(collection.id),
                "shared": shared,
                "red": red,
                "confidential": confidential,
            }
        )
    )


if __name__ == "__main__":
    main()
