"""Case pages of the analyst workspace: the case list, one case (figures, reports, link
graph, timeline, actions, referrals) and the inbox of referrals received.

Every case comes from `visible_cases` (a case the user may not see is a 404) and every
report inside it from `visible_reports`; a change needs `can_work_on_case` (403
otherwise) and goes through the audited actions in `crex.cases.services` and
`crex.cases.referrals`. Bad input re-renders the page with a message and a 400.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from crex.accounts.models import User
from crex.cases import referrals, services
from crex.cases.display import figures, owns, timeline, visible_events
from crex.cases.forms import (
    ACCEPT,
    PAGE_SIZE,
    AnswerForm,
    CaseFilterForm,
    CloseForm,
    MergeForm,
    MoveForm,
    ReferralForm,
    SplitForm,
)
from crex.cases.graph import MAX_REPORTS, case_graph
from crex.cases.models import Case, Referral
from crex.reports.visibility import can_work_on_case, visible_cases, visible_reports
from crex.sharing.forms import HandlingForm

#: Statuses in which an analyst reshapes a case (merge, split, move reports, close).
WORKABLE = (Case.Status.PROPOSED, Case.Status.OPEN)


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # every view here requires a login
    return user


@login_required
@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    """The cases the user may see, filtered, highest score first, 50 a page."""
    user = _user(request)
    visible = visible_reports(user)
    form = CaseFilterForm(request.GET)
    cases = form.filter(visible_cases(user).select_related("organisation"), visible)
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        (case, figures(case, visible, own=owns(user, case), per_country=False), owns(user, case))
        for case in page.object_list
    ]
    context = {"form": form, "page": page, "rows": rows}
    return render(request, "cases/list.html", context)


def _visible_case(request: HttpRequest, pk: int) -> Case:
    """The case ``pk`` if the user may see it; 404 otherwise."""
    return get_object_or_404(
        visible_cases(_user(request)).select_related("organisation", "merged_into"), pk=pk
    )


def _workable_case(request: HttpRequest, pk: int) -> Case:
    """The case ``pk`` if the user may change it (404 if unseen, else 403)."""
    case = _visible_case(request, pk)
    if not can_work_on_case(_user(request), case):
        raise PermissionDenied
    return case


def _action_forms(case: Case, user: User) -> dict[str, forms.Form]:
    """The unbound forms of the actions the user may take on the case."""
    found: dict[str, forms.Form] = {}
    if can_work_on_case(user, case) and case.status in WORKABLE:
        found["close"] = CloseForm(prefix="close")
        found["merge"] = MergeForm(prefix="merge", case=case)
        found["split"] = SplitForm(prefix="split", case=case)
        found["move"] = MoveForm(prefix="move", case=case)
        found["handling"] = HandlingForm(
            prefix="handling",
            initial={
                "tlp": case.tlp,
                "distribution": case.distribution,
                "sharing_group": case.sharing_group_id,
            },
        )
    if referrals.may_refer(user, case) and case.status in referrals.REFERRABLE:
        found["refer"] = ReferralForm(prefix="refer", recipients=_open_recipients(case))
    return found


def _open_recipients(case: Case) -> list[Any]:
    """The competent recipients the case was not referred to yet."""
    sent = set(case.referrals.values_list("recipient_id", flat=True))
    return [o for o in referrals.competent_recipients(case) if o.pk not in sent]


def _render_detail(
    request: HttpRequest,
    case: Case,
    *,
    bound: dict[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    user = _user(request)
    own = owns(user, case)
    visible = visible_reports(user)
    graph = case_graph(case, visible)
    sent = case.referrals.select_related("recipient", "sent_by", "answered_by")
    action_forms = {**_action_forms(case, user), **(bound or {})}
    context: dict[str, Any] = {
        "case": case,
        "own": own,
        "may_change": "close" in action_forms,
        "may_refer": "refer" in action_forms,
        "forms": action_forms,
        "figures": figures(case, visible, own=own),
        "reports": visible.filter(case=case)
        .select_related("assigned_to")
        .order_by("received_at", "pk"),
        "graph": graph,
        "graph_limit": MAX_REPORTS,
        "timeline": timeline(visible_events(case, user)),
        "referrals": sent if own else sent.filter(recipient_id=user.organisation_id),
    }
    split_form = action_forms.get("split")
    ticked = request.POST.getlist("split-reports") if split_form and split_form.is_bound else []
    context["split_chosen"] = {int(value) for value in ticked if value.isdigit()}
    if own:
        context["referred_to"] = {referral.recipient_id for referral in sent}
        context["recipients"] = referrals.competent_recipients(case)
        context["shareable"] = referrals.shareable_reports(case).count()
        context["withheld"] = case.reports.count() - context["shareable"]
    return render(request, "cases/detail.html", context, status=status)


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One case: figures, reports, link graph, timeline, actions and referrals."""
    return _render_detail(request, _visible_case(request, pk))


@login_required
@require_GET
def graph(request: HttpRequest, pk: int) -> JsonResponse:
    """The case's link graph as JSON (reports and values as nodes, links as edges)."""
    case = _visible_case(request, pk)
    return JsonResponse(case_graph(case, visible_reports(_user(request))).as_json())


def _done(request: HttpRequest, case: Case, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("cases:detail", pk=case.pk)


def _refused(
    request: HttpRequest, case: Case, message: str, bound: dict[str, forms.Form] | None = None
) -> HttpResponse:
    messages.error(request, message)
    return _render_detail(request, case, bound=bound, status=400)


def _invalid(request: HttpRequest, case: Case, name: str, form: forms.Form) -> HttpResponse:
    return _refused(
        request, case, _("The change was not made: please check the form."), {name: form}
    )


@login_required
@require_POST
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    """Take a proposed case on: it becomes open."""
    case = _workable_case(request, pk)
    try:
        services.accept(case, _user(request))
    except ValueError:
        return _refused(request, case, _("Only a proposed case can be accepted."))
    return _done(request, case, _("Case accepted: it is open now."))


@login_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    """Close the case, with an optional reason."""
    case = _workable_case(request, pk)
    form = CloseForm(request.POST, prefix="close")
    if not form.is_valid():
        return _invalid(request, case, "close", form)
    if case.status not in WORKABLE:
        return _refused(request, case, _("This case is already closed or merged."))
    services.close(case, _user(request), form.cleaned_data["reason"].strip())
    return _done(request, case, _("Case closed."))


@login_required
@require_POST
def change_handling(request: HttpRequest, pk: int) -> HttpResponse:
    """Change who the case reaches: TLP marking, distribution and sharing group.

    The reports in it keep their own handling rules: nobody sees a report of a case
    they could not see anyway."""
    case = _workable_case(request, pk)
    form = HandlingForm(request.POST, prefix="handling")
    if not form.is_valid():
        return _invalid(request, case, "handling", form)
    services.set_handling(case, _user(request), form.handling)
    return _done(request, case, _("Handling rules changed."))


@login_required
@require_POST
def merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Merge another case of the organisation into this one."""
    case = _workable_case(request, pk)
    form = MergeForm(request.POST, prefix="merge", case=case)
    if not form.is_valid():
        return _invalid(request, case, "merge", form)
    if case.status not in WORKABLE:
        return _refused(request, case, _("A closed or merged case takes no other case in."))
    try:
        services.merge([form.cleaned_data["source"]], case, _user(request))
    except ValueError:
        return _refused(request, case, _("That case was already merged."), {"merge": form})
    except PermissionError as exc:
        raise PermissionDenied from exc
    case.refresh_from_db()
    return _done(request, case, _("Case merged into this one."))


@login_required
@require_POST
def split(request: HttpRequest, pk: int) -> HttpResponse:
    """Split the ticked reports off into a new case."""
    case = _workable_case(request, pk)
    form = SplitForm(request.POST, prefix="split", case=case)
    if not form.is_valid():
        return _invalid(request, case, "split", form)
    if case.status not in WORKABLE:
        return _refused(request, case, _("A closed or merged case cannot be split."))
    chosen = [report.pk for report in form.cleaned_data["reports"]]
    try:
        new = services.split(case, chosen, _user(request), form.cleaned_data["title"].strip())
    except ValueError:
        return _refused(
            request, case, _("Leave at least one report in this case."), {"split": form}
        )
    messages.success(request, _("Reports split off into a new case."))
    return redirect("cases:detail", pk=new.pk)


@login_required
@require_POST
def move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move one report of the case to another case of the organisation, or out."""
    case = _workable_case(request, pk)
    form = MoveForm(request.POST, prefix="move", case=case)
    if not form.is_valid():
        return _invalid(request, case, "move", form)
    if case.status not in WORKABLE:
        return _refused(request, case, _("Reports of a closed or merged case stay where they are."))
    report, target = form.cleaned_data["report"], form.cleaned_data["target"]
    try:
        services.move_report(report, target, _user(request))
    except PermissionError as exc:
        raise PermissionDenied from exc
    if target is None:
        return _done(request, case, _("Report %s taken out of the case.") % report.reference)
    return _done(request, case, _("Report %s moved to another case.") % report.reference)


@login_required
@require_POST
def refer(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the case to a competent contact point or the hub, with a message."""
    case = _visible_case(request, pk)
    user = _user(request)
    if not referrals.may_refer(user, case):
        raise PermissionDenied
    form = ReferralForm(request.POST, prefix="refer", recipients=_open_recipients(case))
    if not form.is_valid():
        return _invalid(request, case, "refer", form)
    recipient = form.cleaned_data["recipient"]
    try:
        referrals.send_referral(case, recipient, form.cleaned_data["message"], user)
    except ValueError as exc:
        return _refused(request, case, str(exc), {"refer": form})
    return _done(request, case, _("Case referred to %s.") % recipient.name)


# --- the inbox of referrals received ------------------------------------------------------


def _received(user: User) -> Any:
    """Referrals received by the user's organisation: waiting ones first, newest first."""
    waiting = models.Case(
        models.When(status=Referral.Status.SENT, then=models.Value(0)),
        models.When(status=Referral.Status.ACKNOWLEDGED, then=models.Value(1)),
        default=models.Value(2),
        output_field=models.IntegerField(),
    )
    return (
        Referral.objects.filter(recipient_id=user.organisation_id)
        .select_related("case", "case__organisation", "sent_by", "answered_by")
        .annotate(shared=models.Count("reports"), waiting=waiting)
        .order_by("waiting", "-sent_at", "-pk")
    )


def _render_inbox(
    request: HttpRequest, bound: dict[int, AnswerForm] | None = None, status: int = 200
) -> HttpResponse:
    user = _user(request)
    rows = [
        (referral, (bound or {}).get(referral.pk) or AnswerForm(prefix=f"answer-{referral.pk}"))
        for referral in _received(user)
    ]
    context = {
        "rows": rows,
        "may_answer": user.is_active and user.works_reports,
        "open": sum(1 for referral, _form in rows if referral.waiting < 2),
    }
    return render(request, "cases/inbox.html", context, status=status)


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    """The referrals the user's organisation received, with the forms to answer them."""
    return _render_inbox(request)


def _answerable(request: HttpRequest, pk: int) -> Referral:
    """A referral received by the user's organisation (404 otherwise) that the user may
    answer (403 otherwise)."""
    user = _user(request)
    referral = get_object_or_404(
        Referral.objects.select_related("case", "recipient"),
        pk=pk,
        recipient_id=user.organisation_id,
    )
    if not referrals.may_answer(user, referral):
        raise PermissionDenied
    return referral


@login_required
@require_POST
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm that the organisation received the referral."""
    referral = _answerable(request, pk)
    try:
        referrals.acknowledge(referral, _user(request))
    except ValueError as exc:
        messages.error(request, str(exc))
        return _render_inbox(request, status=400)
    messages.success(request, _("Referral acknowledged."))
    return redirect("cases:inbox")


@login_required
@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept or decline the referral (declining with a reason)."""
    referral = _answerable(request, pk)
    form = AnswerForm(request.POST, prefix=f"answer-{referral.pk}")
    if not form.is_valid():
        messages.error(request, _("The answer was not sent: please check the form."))
        return _render_inbox(request, bound={referral.pk: form}, status=400)
    accepted = form.cleaned_data["decision"] == ACCEPT
    try:
        referrals.answer(referral, _user(request), accepted, form.cleaned_data["reason"])
    except ValueError as exc:
        messages.error(request, str(exc))
        return _render_inbox(request, bound={referral.pk: form}, status=400)
    messages.success(request, _("Referral accepted.") if accepted else _("Referral declined."))
    return redirect("cases:inbox")
