"""Pages for readers' reports, and for moderators and admins: the queue, a case, the rules and the
treatment lexicon, the audit log. Each view parses input, calls one service or selector, renders.
Everything works without JavaScript; every form posts and redirects (or shows its errors)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.timesince import timesince
from django.views.decorators.http import require_POST

from forum import selectors as forum_selectors
from forum.forms import add_service_errors
from forum.roles import is_admin, is_moderator
from moderation import dry_run, permissions, selectors, services
from moderation.detection import language
from moderation.forms import (
    ACTION_BUTTONS,
    AuditFilterForm,
    BulkDecisionForm,
    DecisionForm,
    FlagRuleForm,
    QueueFilterForm,
    ReportForm,
    TreatmentForm,
)
from moderation.models import (
    Action,
    Case,
    CaseStatus,
    DecisionAction,
    Flag,
    FlagRule,
    Severity,
    Treatment,
)

QUEUE_PAGE_SIZE = 25
AUDIT_PAGE_SIZE = 50
EXCERPT_CONTEXT = 70  # characters shown either side of the first flagged span in the queue
CONTACT = "contact_details"

CATEGORY_LABELS = {
    "contact_details": "Contact details",
    "treatment_claim": "Treatment claim",
    "spam": "Spam",
    "abuse": "Abuse",
    "other": "Other report",
}

# The order of the decision buttons on a case: the common decisions first.
DECISION_ORDER = (
    DecisionAction.APPROVE,
    DecisionAction.REDACT,
    DecisionAction.REMOVE,
    DecisionAction.EDIT,
    DecisionAction.WARN,
    DecisionAction.SUSPEND,
    DecisionAction.ESCALATE,
)


def moderator_required(view=None, *, admin: bool = False):
    """Moderators' pages (admin=True: administrators' pages). Anonymous visitors are sent to log
    in; members who are neither get the friendly 403 page."""

    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if admin and not is_admin(request.user):
                raise PermissionDenied("Only administrators can see this page.")
            if not is_moderator(request.user):
                raise PermissionDenied("Only moderators can see this page.")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator(view) if view is not None else decorator


def _redirect_back(request: HttpRequest, default: str) -> HttpResponse:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = default
    return redirect(next_url)


def _language_shown(code: str) -> str:
    """The name of a post's language for the case page, when it is worth saying: not for
    English, the forum's own, nor when the scan could not tell."""
    return "" if code in ("", "en", language.UNDETERMINED) else language.NAMES.get(code, code)


def _render(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    """render() with what every moderation page's sub-navigation needs."""
    context = {"user_is_admin": is_admin(request.user), **context}
    return render(request, template, context, status=status)


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _age(moment) -> str:
    """ "3 hours ago": one unit is enough to triage by."""
    now = timezone.now()
    if (now - moment).total_seconds() < 60:
        return "just now"
    return f"{timesince(moment, now, depth=1)} ago"


# --- Readers' reports --------------------------------------------------------------------------


@login_required
def report_post(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Report to administrator": a short form, then back to the post with a thank-you."""
    post = forum_selectors.post_get(user=request.user, pk=pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_create(
                post=post,
                reporter=request.user,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except PermissionDenied as error:
            # A suspension that began after the form was opened: keep the note they typed.
            form.add_error(None, str(error))
            return render(
                request, "moderation/report_form.html", {"form": form, "post": post}, status=403
            )
        except ValidationError as error:
            if "post" in getattr(error, "message_dict", {}):
                # Already reported or their own post: not a form mistake, just say so.
                messages.info(request, " ".join(error.message_dict["post"]))
                return redirect(post)
            add_service_errors(form, error)
        else:
            messages.success(
                request, "Thank you. Your report was sent to the moderators, who will look at it."
            )
            return redirect(post)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "moderation/report_form.html", {"form": form, "post": post}, status=status
    )


# --- The queue ---------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _excerpt(text: str, flag: Flag | None) -> dict:
    """A short piece of the post around its first flagged span, the span itself apart so the
    template can mark it."""
    if flag is None or not 0 <= flag.start < flag.end <= len(text):
        short = _one_line(text)
        return {"before": short[:200] + ("…" if len(short) > 200 else ""), "mark": "", "after": ""}
    start = max(0, flag.start - EXCERPT_CONTEXT)
    end = min(len(text), flag.end + EXCERPT_CONTEXT)
    before = ("…" if start else "") + _one_line(text[start : flag.start]).lstrip()
    after = _one_line(text[flag.end : end]).rstrip() + ("…" if end < len(text) else "")
    # Keep the spaces that separated the span from its neighbours.
    if text[start : flag.start][-1:].isspace():
        before += " "
    if text[flag.end : end][:1].isspace():
        after = " " + after
    return {"before": before, "mark": _one_line(text[flag.start : flag.end]), "after": after}


def _queue_row(case: Case) -> dict:
    flag = case.current_flags[0] if case.current_flags else None
    return {
        "case": case,
        "reason": selectors.case_reason(case),
        "categories": [
            (c, CATEGORY_LABELS.get(c, c.replace("_", " ").capitalize())) for c in case.categories
        ],
        "excerpt": _excerpt(case.post.body, flag),
        "age": _age(case.opened_at),
        "decision": _decision_label(case.last_decision),
    }


def _decision_label(action: str) -> str:
    return DecisionAction(action).label if action in DecisionAction.values else action


def _status_tabs(current: str) -> list[dict]:
    counts = selectors.case_counts()
    numbers = {
        "open": counts[CaseStatus.OPEN] + counts[CaseStatus.ESCALATED],
        CaseStatus.ESCALATED: counts[CaseStatus.ESCALATED],
        CaseStatus.DECIDED: counts[CaseStatus.DECIDED],
        "all": sum(counts.values()),
    }
    labels = {
        "open": "Open",
        CaseStatus.ESCALATED: "Escalated",
        CaseStatus.DECIDED: "Decided",
        "all": "All",
    }
    return [
        {"status": status, "label": label, "count": numbers[status], "current": status == current}
        for status, label in labels.items()
    ]


@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    """Cases worst first, filtered; claim, open, or approve/remove several at once."""
    filter_form = QueueFilterForm(request.GET)
    filters = filter_form.filters()
    cases = selectors.case_queue_details(selectors.case_queue(user=request.user, **filters))
    page = Paginator(cases, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    return _render(
        request,
        "moderation/queue.html",
        {
            "filter_form": filter_form,
            "filters": filters,
            "tabs": _status_tabs(filters["status"]),
            "page_obj": page,
            "rows": [_queue_row(case) for case in page.object_list],
            "bulk_form": BulkDecisionForm(),
            "filtered": any(v for k, v in filters.items() if k != "status"),
        },
    )


def _seen_versions(request: HttpRequest, case_ids: list[int]) -> dict[int, int]:
    """The version of each ticked case as the queue page showed it (a missing or odd value:
    none, and the case's own checks still apply)."""
    seen = {}
    for pk in case_ids:
        value = request.POST.get(f"seen-{pk}", "")
        if value.isdigit():
            seen[pk] = int(value)
    return seen


@moderator_required
@require_POST
def queue_bulk(request: HttpRequest) -> HttpResponse:
    """Approve or remove the ticked cases with one reason."""
    form = BulkDecisionForm(request.POST, case_ids=request.POST.getlist("cases"))
    back = reverse("moderation:queue")
    if not form.is_valid():
        errors = [str(e) for errors in form.errors.values() for e in errors]
        messages.error(request, "Nothing was decided: " + " ".join(errors))
        return _redirect_back(request, back)
    cases = selectors.case_queue(user=request.user, status="open").filter(
        pk__in=form.cleaned_data["cases"]
    )
    action = form.cleaned_data["action"]
    try:
        decided = services.cases_decide_bulk(
            cases=list(cases),
            moderator=request.user,
            action=action,
            reason=form.cleaned_data["full_reason"],
            versions=_seen_versions(request, form.cleaned_data["cases"]),
        )
    except ValidationError as error:
        messages.error(request, f"Nothing more was decided: {_error_text(error)}")
    else:
        done = "approved" if action == DecisionAction.APPROVE else "removed"
        skipped = len(form.cleaned_data["cases"]) - decided
        text = f"{decided} case{'s' if decided != 1 else ''} {done}."
        if skipped:
            text += (
                f" {skipped} skipped: changed since you saw the queue, decided by someone "
                "else, or not yours to decide. Open them to look again."
            )
        messages.success(request, text)
    return _redirect_back(request, back)


# --- Claiming ----------------------------------------------------------------------------------


@moderator_required
@require_POST
def case_claim(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_detail(pk=pk)
    try:
        services.case_claim(case=case, moderator=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, f"Case {case.pk} is yours. Other moderators see you are on it.")
    return _redirect_back(request, reverse("moderation:case", args=[case.pk]))


@moderator_required
@require_POST
def case_unclaim(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_detail(pk=pk)
    try:
        services.case_unclaim(case=case, moderator=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, f"Case {case.pk} is released for others.")
    return _redirect_back(request, reverse("moderation:case", args=[case.pk]))


# --- One case ----------------------------------------------------------------------------------


def _decision_forms(
    request: HttpRequest, case: Case, flags: list[Flag], failed: DecisionForm | None
) -> list[dict]:
    post = case.post
    has_contact = any(flag.category == CONTACT for flag in flags)
    category = selectors.case_main_category(case=case, flags=flags)
    warned = selectors.author_was_warned(author=post.author)
    cards = []
    for action in DECISION_ORDER:
        if action == DecisionAction.ESCALATE and case.escalated:
            continue
        if failed is not None and failed.action == action:
            form = failed
        else:
            initial = {"version": case.version, "revision": post.revision}
            if action == DecisionAction.EDIT:
                initial["body"] = post.display_body
            form = DecisionForm(
                action=action, initial=initial, prefix=None, category=category, warned=warned
            )
        cards.append(
            {
                "action": action,
                "form": form,
                "label": ACTION_BUTTONS[action][0],
                "help": ACTION_BUTTONS[action][1],
                "disabled": action == DecisionAction.REDACT and not has_contact,
                "danger": action in (DecisionAction.REMOVE, DecisionAction.SUSPEND),
            }
        )
    return cards


def _may_act(request: HttpRequest, case: Case) -> bool:
    """Escalated cases are the administrators' to decide and reopen, and nobody but an
    administrator decides a case about their own post (the same check as the services')."""
    return not permissions.case_refusal(case=case, user=request.user)


FLAGS_PAGE_SIZE = 50


def _case_page(
    request: HttpRequest,
    case: Case,
    *,
    failed: DecisionForm | None = None,
    failed_reopen: DecisionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    post = case.post
    flags = list(selectors.case_flags(case=case))
    decided_at = case.decided_at or selectors.standing_decision_time(case=case)
    for number, flag in enumerate(flags, start=1):
        flag.number = number
        flag.category_label = CATEGORY_LABELS.get(flag.category, flag.category)
        flag.occurrences = 1 + len(flag.more_spans or ())
        flag.is_new = bool(decided_at and flag.created_at > decided_at)
    flag_page = Paginator(flags, FLAGS_PAGE_SIZE).get_page(request.GET.get("flags"))
    for flag in flags:
        page = (flag.number - 1) // FLAGS_PAGE_SIZE + 1
        query = "" if page == flag_page.number else f"?flags={page}"
        flag.href = f"{query}#flag-{flag.number}"
    body_flags = [f for f in flags if f.field == "body"]
    title_flags = [f for f in flags if f.field == "title"]
    revisions = selectors.case_revisions(case=case)
    earlier = [r for r in revisions if not r.current]
    for revision in earlier:
        revision.pieces = selectors.spans_for_highlight(
            text=revision.body, flags=[f for f in revision.flags if f.field == "body"]
        )
    may_act = _may_act(request, case)
    reopen_form = None
    if case.status == CaseStatus.DECIDED and may_act:
        reopen_form = failed_reopen or DecisionForm(
            action=DecisionAction.REOPEN,
            initial={"version": case.version, "revision": post.revision},
            prefix=None,
        )
    return _render(
        request,
        "moderation/case.html",
        {
            "case": case,
            "post": post,
            "language": _language_shown(selectors.post_language(post=post)),
            "flags": flags,
            "flag_page": flag_page,
            "new_flag_count": sum(f.is_new for f in flags),
            "pieces": selectors.spans_for_highlight(text=post.body, flags=body_flags),
            "title_pieces": (
                selectors.spans_for_highlight(text=post.thread.title, flags=title_flags)
                if title_flags
                else None
            ),
            "earlier_revisions": earlier,
            "current_revision": revisions[-1],
            "reports": list(selectors.case_reports(case=case)),
            "history": selectors.author_history(case=case),
            "decisions": selectors.case_decisions(case=case),
            "decision_cards": (
                _decision_forms(request, case, flags, failed) if case.is_open and may_act else []
            ),
            "refusal": "" if may_act else permissions.case_refusal(case=case, user=request.user),
            "reopen_form": reopen_form,
            "decision_stands": case.decided_revision == post.revision,
            "age": _age(case.opened_at),
            "severity_label": Severity(case.severity).label,
            "categories": [(c, CATEGORY_LABELS.get(c, c)) for c in case.categories],
            "claimed_by_me": case.assignee_id == request.user.pk,
        },
        status=status,
    )


@moderator_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The post in context with its flagged spans marked, every revision with what was flagged
    in it, the reports, the author's record, and one form per decision."""
    return _case_page(request, selectors.case_detail(pk=pk))


def _next_case(request: HttpRequest, *, after: Case) -> Case | None:
    """The next open case nobody else has claimed, worst first (escalated ones for admins)."""
    cases = (
        selectors.case_queue(user=request.user, status="open")
        .exclude(pk=after.pk)
        .filter(Q(assignee__isnull=True) | Q(assignee=request.user))
    )
    if not is_admin(request.user):
        cases = cases.filter(escalated=False).exclude(post__author=request.user)
    return cases.first()


DONE_MESSAGES = {
    DecisionAction.APPROVE: "approved: the post is published",
    DecisionAction.REDACT: "decided: contact details are masked for readers",
    DecisionAction.EDIT: "decided: readers see the edited text",
    DecisionAction.REMOVE: "decided: the post is removed",
    DecisionAction.WARN: "decided: the author is warned",
    DecisionAction.SUSPEND: "decided: the post is removed and the author suspended",
    DecisionAction.ESCALATE: "escalated to the administrators",
}


def _decide_refused(request: HttpRequest, case: Case, error: Exception) -> HttpResponse:
    """A decision someone else's change (or a role) refused: say so on the case as it is now."""
    text = " ".join(getattr(error, "messages", None) or [str(error)])
    messages.error(request, f"The decision was not saved. {text}")
    code = 409 if isinstance(error, services.CaseConflict) else 403
    return _case_page(request, selectors.case_detail(pk=case.pk), status=code)


@moderator_required
@require_POST
def case_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Apply one decision, then go to the next open case (or back to the queue)."""
    case = selectors.case_detail(pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        action = form.cleaned_data["action"]
        try:
            services.case_decide(
                case=case,
                moderator=request.user,
                action=action,
                reason=form.cleaned_data["full_reason"],
                body=form.cleaned_data["body"] if action == DecisionAction.EDIT else "",
                days=form.cleaned_data["days"] if action == DecisionAction.SUSPEND else None,
                version=form.cleaned_data["version"],
                revision=form.cleaned_data["revision"],
            )
        except (services.CaseConflict, PermissionDenied) as error:
            return _decide_refused(request, case, error)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if action == DecisionAction.REOPEN:
                return _reopened(request, case)
            following = _next_case(request, after=case)
            text = f"Case {case.pk} {DONE_MESSAGES[action]}."
            if following is None:
                messages.success(request, f"{text} No more open cases: well done.")
                return redirect("moderation:queue")
            messages.success(request, f"{text} Here is the next case.")
            return redirect("moderation:case", pk=following.pk)
    errors = [str(e) for errors in form.errors.values() for e in errors]
    messages.error(request, "The decision was not saved. " + " ".join(errors))
    if form.action == DecisionAction.REOPEN:
        return _case_page(request, case, failed_reopen=form, status=400)
    return _case_page(request, case, failed=form, status=400)


def _reopened(request: HttpRequest, case: Case) -> HttpResponse:
    case.refresh_from_db()
    case.post.refresh_from_db()
    state = case.post.get_moderation_state_display().lower()
    messages.success(
        request,
        f"Case {case.pk} is open again. Until someone decides, readers see the post as the rules "
        f"make it: {state}.",
    )
    return redirect("moderation:case", pk=case.pk)


# --- Rules -------------------------------------------------------------------------------------


SHORT_ACTIONS = {
    Action.FLAG: "Flag for review",
    Action.HOLD: "Hold for approval",
    Action.REDACT: "Redact contact details",
    Action.AUTO_HIDE: "Flag; hide after reports",
}


def _precision(rule: FlagRule) -> float | None:
    decided = rule.acted_on + rule.approved
    return rule.acted_on / decided if decided else None


@moderator_required(admin=True)
def rules(request: HttpRequest) -> HttpResponse:
    """Every rule, what it matches and does, and how well it has worked so far."""
    rows = [
        {
            "rule": rule,
            "precision": _precision(rule),
            "action": SHORT_ACTIONS.get(rule.action, rule.action),
            "new_member_action": SHORT_ACTIONS.get(rule.new_member_action, ""),
        }
        for rule in selectors.rule_stats().prefetch_related("scope_categories")
    ]
    return _render(request, "moderation/rules.html", {"rows": rows})


def _dry_run_examples(result: dry_run.DryRunResult | None) -> list[dict]:
    if result is None:
        return []
    return [
        {
            "post": example.post,
            "pieces": example.pieces,
            "snippets": [_excerpt(example.post.body, f) for f in example.findings[:3]],
        }
        for example in result.examples
    ]


# A dry run needs only what matches; other mistakes (a missing name) can wait for saving.
DRY_RUN_FIELDS = {"matcher", "detector", "phrases", "pattern", "threshold", "regions"}


@moderator_required(admin=True)
def rule_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Create or change a rule; "Test on recent posts" runs it as written without saving."""
    rule = get_object_or_404(FlagRule, pk=pk) if pk else FlagRule()
    form = FlagRuleForm(request.POST or None, instance=rule)
    result = None
    status = 200
    if request.method == "POST":
        status = 400
        valid = form.is_valid()
        if "dry_run" in request.POST:
            if valid or not DRY_RUN_FIELDS & set(form.errors):
                data = form.cleaned_data
                result = dry_run.rule_dry_run(
                    rule=form.instance,
                    limit=data.get("dry_run_posts") or dry_run.DEFAULT_POSTS,
                    scope_categories=data.get("scope_categories") or (),
                    scope_article=bool(data.get("scope_article")),
                )
                status = 200
        elif valid:
            try:
                saved = services.rule_save(
                    rule=form.save(commit=False),
                    user=request.user,
                    scope_categories=form.cleaned_data["scope_categories"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                what = "changed" if pk else "added"
                messages.success(request, f"Rule {saved.name} {what}. It applies to new scans.")
                return redirect("moderation:rules")
    return _render(
        request,
        "moderation/rule_form.html",
        {
            "form": form,
            "rule": rule if pk else None,
            "result": result,
            "examples": _dry_run_examples(result),
        },
        status=status,
    )


@moderator_required(admin=True)
@require_POST
def rule_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    rule = get_object_or_404(FlagRule, pk=pk)
    rule.enabled = not rule.enabled
    try:
        services.rule_save(rule=rule, user=request.user)
    except ValidationError as error:
        messages.error(request, f"Rule {rule.name} was not changed: {_error_text(error)}")
    else:
        state = "enabled" if rule.enabled else "disabled"
        messages.success(request, f"Rule {rule.name} {state}.")
    return redirect("moderation:rules")


@moderator_required(admin=True)
def rule_delete(request: HttpRequest, pk: int) -> HttpResponse:
    rule = get_object_or_404(FlagRule, pk=pk)
    if request.method == "POST":
        services.rule_delete(rule=rule, user=request.user)
        messages.success(request, f"Rule {rule.name} deleted.")
        return redirect("moderation:rules")
    return _render(
        request,
        "moderation/confirm_delete.html",
        {"object_label": f"the rule “{rule.name}”", "cancel_url": reverse("moderation:rules"),
         "consequence": "Posts it flagged keep their flags; new posts are no longer checked "
         "against it. Disabling it instead keeps its history."},
    )  # fmt: skip


# --- Treatments --------------------------------------------------------------------------------


@moderator_required(admin=True)
def treatments(request: HttpRequest) -> HttpResponse:
    """The lexicon the claim detector uses."""
    return _render(
        request,
        "moderation/treatments.html",
        {"treatments": selectors.treatment_list()},
    )


@moderator_required(admin=True)
def treatment_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    treatment = get_object_or_404(Treatment, pk=pk) if pk else Treatment()
    form = TreatmentForm(request.POST or None, instance=treatment)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.treatment_save(treatment=form.save(commit=False), user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Treatment {saved.name} saved. It applies to new scans.")
            return redirect("moderation:treatments")
    status = 400 if request.method == "POST" else 200
    return _render(
        request,
        "moderation/treatment_form.html",
        {"form": form, "treatment": treatment if pk else None},
        status=status,
    )


@moderator_required(admin=True)
def treatment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    treatment = get_object_or_404(Treatment, pk=pk)
    if request.method == "POST":
        services.treatment_delete(treatment=treatment, user=request.user)
        messages.success(request, f"Treatment {treatment.name} deleted.")
        return redirect("moderation:treatments")
    return _render(
        request,
        "moderation/confirm_delete.html",
        {"object_label": f"the treatment “{treatment.name}”",
         "cancel_url": reverse("moderation:treatments"),
         "consequence": "The claim detector no longer knows this name. Disabling it instead "
         "keeps the entry."},
    )  # fmt: skip


# --- The audit log -----------------------------------------------------------------------------


@moderator_required(admin=True)
def audit(request: HttpRequest) -> HttpResponse:
    """Who did what and when, newest first; read-only."""
    form = AuditFilterForm(request.GET)
    prefix = form.action_prefix()
    entries = selectors.audit_log(action_prefix=prefix)
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return _render(
        request,
        "moderation/audit.html",
        {"filter_form": form, "page_obj": page, "filtered": bool(prefix)},
    )
