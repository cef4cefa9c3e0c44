"""Everything that writes moderation data: scans and their flags, cases, reports, decisions, rules.
Each moderation action writes its AuditEntry in the same transaction as its effect."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.forms.models import model_to_dict
from django.utils import timezone

from forum import services as forum_services
from forum.models import ModerationState, Post, User
from forum.roles import is_admin, is_moderator
from moderation import detection, notifications, policy, selectors
from moderation.models import (
    Action,
    AuditEntry,
    Case,
    CaseStatus,
    Decision,
    DecisionAction,
    Flag,
    FlagRule,
    Report,
    ReportReason,
    RulesetVersion,
    Scan,
    Severity,
    Treatment,
)

logger = logging.getLogger(__name__)

ALREADY_REPORTED = "You have already reported this post. Thank you: a moderator will look at it."
CONTACT = "contact_details"


def audit(
    *,
    actor: User | None,
    action: str,
    target,
    reason: str = "",
    before=None,
    after=None,
    target_id=None,
) -> AuditEntry:
    """Record an action; `target_id` for a target that no longer has one (just deleted)."""
    return AuditEntry.objects.create(
        actor=actor,
        action=action,
        target_type=target._meta.model_name,
        target_id=str(target_id or target.pk),
        reason=reason[:500],
        before=before,
        after=after,
    )


def _post_snapshot(post: Post) -> dict:
    return {"state": post.moderation_state, "public_body": post.public_body}


def _set_post_state(
    *, post: Post, state: str, public_body: str, actor: User | None, reason: str
) -> bool:
    """Change what readers see of a post, with its audit entry. Returns whether it changed."""
    before = _post_snapshot(post)
    if before == {"state": state, "public_body": public_body}:
        return False
    forum_services.post_set_moderation_state(post=post, state=state, public_body=public_body)
    audit(
        actor=actor,
        action=f"post.{state}",
        target=post,
        reason=reason,
        before=before,
        after=_post_snapshot(post),
    )
    return True


# --- Scans -------------------------------------------------------------------------------------


def post_scan(*, post_id: int, revision: int) -> Scan | None:
    """Scan one revision of a post with the rules in force and act on what is found.

    Idempotent: keyed by (post, revision, ruleset version), so a retried or duplicated task finds
    its Scan row and writes nothing. A revision that is no longer the post's current one is
    skipped (the newer revision has its own scan). The post row is locked for the duration, so two
    workers never scan the same post at once."""
    with transaction.atomic():
        post = (
            Post.objects.select_for_update(of=("self",))
            .select_related("author", "thread")
            .filter(pk=post_id)
            .first()
        )
        if post is None or post.deleted_at is not None or post.revision != revision:
            return None
        active = selectors.active_rules()
        scan, created = Scan.objects.get_or_create(
            post=post, revision=revision, ruleset_version=active.ruleset.version
        )
        if not created:
            return scan
        flags = _flags_for(post, detection.scan(post.body, active.ruleset), active)
        scan.finding_count = len(flags)
        scan.save(update_fields=["finding_count"])
        if flags:
            case = _case_for(post, reopen_for_revision=revision)
            for flag in flags:
                flag.case = case
            Flag.objects.bulk_create(flags, ignore_conflicts=True)
            case_refresh(case=case)
        state, public_body = policy.state_after_scan(post=post, flags=flags)
        reason = "; ".join(sorted({f.explanation for f in flags})) or "scan found nothing"
        if _set_post_state(
            post=post, state=state, public_body=public_body, actor=None, reason=reason
        ):
            notifications.author_post_state(post=post, reason=_plain_reason(flags))
    return scan


def _flags_for(post: Post, findings, active) -> list[Flag]:
    new_member = policy.is_new_member(post.author)
    flags = []
    for finding in findings:
        rule = policy.rule_for_finding(finding, active)
        if rule is not None and not policy.rule_applies(rule, post, active):
            continue
        flags.append(
            Flag(
                post=post,
                revision=post.revision,
                rule=rule,
                rule_name=rule.name if rule else finding.rule,
                category=finding.category,
                kind=finding.kind,
                start=finding.start,
                end=finding.end,
                text=finding.text,
                score=finding.score,
                explanation=finding.explanation[:300],
                severity=rule.severity if rule else Severity.MEDIUM,
                action=rule.action_for(new_member=new_member) if rule else Action.FLAG,
            )
        )
    return flags


def _plain_reason(flags) -> str:
    categories = {flag.category for flag in flags}
    parts = []
    if CONTACT in categories:
        parts.append("it seems to contain contact details (a phone number, address or similar)")
    if "treatment_claim" in categories:
        parts.append("it seems to claim a treatment works without evidence")
    other = categories - {CONTACT, "treatment_claim"}
    if other:
        parts.append(f"it matched the site's rules on {', '.join(sorted(other))}")
    return " and ".join(parts)


def posts_unscanned(*, older_than: timedelta):
    """Posts whose current revision has no scan yet, written more than `older_than` ago."""
    scanned = Scan.objects.filter(post=OuterRef("pk"), revision=OuterRef("revision"))
    cutoff = timezone.now() - older_than
    return (
        Post.objects.filter(deleted_at__isnull=True)
        .exclude(created_at__gt=cutoff)
        .exclude(edited_at__gt=cutoff)
        .filter(~Exists(scanned))
        .values_list("pk", "revision")
    )


# --- Cases -------------------------------------------------------------------------------------


def _case_for(post: Post, *, reopen_for_revision: int | None = None) -> Case:
    """The post's one case, created or reopened. A decided case reopens for a report, or for
    flags on a revision newer than the one decided."""
    case, created = Case.objects.select_for_update().get_or_create(post=post)
    if not created and case.status == CaseStatus.DECIDED:
        decided_revision = case.decisions.values_list("details__revision", flat=True).first()
        if reopen_for_revision is None or reopen_for_revision > (decided_revision or 0):
            case.status = CaseStatus.OPEN
            case.opened_at = timezone.now()
            case.decided_at = None
            case.assignee = None
            case.claimed_at = None
            case.digest_sent_at = None
            case.save()
            audit(actor=None, action="case.reopen", target=case)
    return case


def case_refresh(*, case: Case) -> Case:
    """Recompute what the queue sorts and filters on from the case's flags and reports."""
    post = case.post
    flags = list(case.flags.filter(revision=post.revision).values_list("severity", "category"))
    reports = list(case.reports.values_list("reporter_id", "reason"))
    severities = [s for s, _ in flags] + [policy.REPORT_SEVERITY[r] for _, r in reports]
    case.severity = max(severities, default=Severity.LOW)
    case.reporter_count = len({reporter for reporter, _ in reports})
    case.has_flags = bool(flags)
    case.has_reports = bool(reports)
    case.categories = sorted({c for _, c in flags} | {r for _, r in reports})
    case.priority = policy.priority(
        severity=case.severity, reporters=case.reporter_count, opened_at=case.opened_at
    )
    case.save(
        update_fields=[
            "severity",
            "reporter_count",
            "has_flags",
            "has_reports",
            "categories",
            "priority",
        ]
    )
    return case


def case_claim(*, case: Case, moderator: User) -> Case:
    """Take a case so that other moderators see someone is on it. A claim older than
    MODERATION_CLAIM_MINUTES may be taken over."""
    with transaction.atomic():
        case = (
            Case.objects.select_for_update(of=("self",)).select_related("assignee").get(pk=case.pk)
        )
        stale = timezone.now() - timedelta(minutes=settings.MODERATION_CLAIM_MINUTES)
        if (
            case.assignee_id not in (None, moderator.pk)
            and case.claimed_at
            and case.claimed_at > stale
        ):
            raise ValidationError({"case": f"{case.assignee.public_name} is working on this case."})
        case.assignee, case.claimed_at = moderator, timezone.now()
        case.save(update_fields=["assignee", "claimed_at"])
        audit(actor=moderator, action="case.claim", target=case)
    return case


def case_unclaim(*, case: Case, moderator: User) -> Case:
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if case.assignee_id not in (None, moderator.pk) and not is_admin(moderator):
            raise ValidationError({"case": "Only the moderator who claimed it can release it."})
        case.assignee, case.claimed_at = None, None
        case.save(update_fields=["assignee", "claimed_at"])
        audit(actor=moderator, action="case.unclaim", target=case)
    return case


def case_decide(
    *,
    case: Case,
    moderator: User,
    action: str,
    reason: str,
    body: str = "",
    days: int | None = None,
) -> Decision:
    """Apply a moderator's decision to a case: the post's new state, the author's notification,
    the Decision and the audit entry, all in one transaction.

    approve: the flags were wrong; the post is published as written.
    redact: the flagged contact details are masked for readers; the original is kept.
    edit: readers see `body` instead of the original (kept for moderators).
    remove: the post is hidden from everyone but its author and moderators.
    warn: the author is warned; the post stays as it is.
    suspend: the post is removed and the author cannot write for `days` days.
    escalate: the case goes to the admins.
    """
    if not is_moderator(moderator):
        raise PermissionDenied("Only moderators decide cases.")
    if action not in DecisionAction.values:
        raise ValidationError(
            {"action": f"Choose one of the actions: {', '.join(DecisionAction.values)}."}
        )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Give a reason: the author and the audit log see it."})
    if len(reason) > 500:
        raise ValidationError({"reason": "Keep the reason under 500 characters."})
    with transaction.atomic():
        case = (
            Case.objects.select_for_update(of=("self",))
            .select_related("post__author")
            .get(pk=case.pk)
        )
        if case.status == CaseStatus.DECIDED:
            raise ValidationError({"case": "This case is already decided."})
        post = case.post
        details = {"revision": post.revision}
        handler = _DECISIONS[action]
        handler(
            case=case,
            post=post,
            moderator=moderator,
            reason=reason,
            body=body,
            days=days,
            details=details,
        )
        if action == DecisionAction.ESCALATE:
            case.status = CaseStatus.ESCALATED
            case.assignee = None
            case.claimed_at = None
        else:
            case.status = CaseStatus.DECIDED
            case.decided_at = timezone.now()
        case.last_decision = action
        case.save()
        decision = Decision.objects.create(
            case=case, moderator=moderator, action=action, reason=reason, details=details
        )
        audit(
            actor=moderator,
            action=f"case.{action}",
            target=case,
            reason=reason,
            after={"status": case.status, **details},
        )
    return decision


def _key(case: Case) -> str:
    return f"case{case.pk}:{timezone.now():%Y%m%d%H%M%S%f}"


def _decide_approve(*, case, post, moderator, reason, details, **_):
    if post.moderation_state != ModerationState.PUBLISHED:
        _set_post_state(
            post=post,
            state=ModerationState.PUBLISHED,
            public_body="",
            actor=moderator,
            reason=reason,
        )
        notifications.author_post_state(post=post, reason=reason, decision_key=_key(case))


def _decide_redact(*, case, post, moderator, reason, details, **_):
    spans = list(
        case.flags.filter(revision=post.revision, category=CONTACT).values_list("start", "end")
    )
    if not spans:
        raise ValidationError(
            {"action": "No contact details are flagged in this post; use edit instead."}
        )
    _set_post_state(
        post=post,
        state=ModerationState.REDACTED,
        public_body=policy.redact(post.body, spans),
        actor=moderator,
        reason=reason,
    )
    details["spans"] = spans
    notifications.author_post_state(post=post, reason=reason, decision_key=_key(case))


def _decide_edit(*, case, post, moderator, reason, body, details, **_):
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": "Give the text readers should see instead."})
    if len(body) > settings.FORUM_POST_MAX_LENGTH:
        raise ValidationError({"body": f"At most {settings.FORUM_POST_MAX_LENGTH} characters."})
    _set_post_state(
        post=post,
        state=ModerationState.REDACTED,
        public_body=body,
        actor=moderator,
        reason=reason,
    )
    notifications.author_post_state(post=post, reason=reason, decision_key=_key(case))


def _decide_remove(*, case, post, moderator, reason, details, **_):
    _set_post_state(
        post=post, state=ModerationState.REMOVED, public_body="", actor=moderator, reason=reason
    )
    notifications.author_post_state(post=post, reason=reason, decision_key=_key(case))


def _decide_warn(*, case, post, moderator, reason, details, **_):
    notifications.author_warn(post=post, reason=reason, case=case)


def _decide_suspend(*, case, post, moderator, reason, days, details, **_):
    if not days or not 1 <= int(days) <= 365:
        raise ValidationError({"days": "Suspend for 1 to 365 days."})
    until = timezone.now() + timedelta(days=int(days))
    author = post.author
    before = {"suspended_until": author.suspended_until and author.suspended_until.isoformat()}
    forum_services.user_suspend(user=author, until=until)
    audit(
        actor=moderator,
        action="user.suspend",
        target=author,
        reason=reason,
        before=before,
        after={"suspended_until": until.isoformat()},
    )
    details["days"] = int(days)
    _decide_remove(case=case, post=post, moderator=moderator, reason=reason, details=details)
    notifications.author_suspended(user=author, until=until, reason=reason, case=case)


def _decide_escalate(**_):
    """Nothing changes for the post; the admins now own the case."""


_DECISIONS = {
    DecisionAction.APPROVE: _decide_approve,
    DecisionAction.REDACT: _decide_redact,
    DecisionAction.EDIT: _decide_edit,
    DecisionAction.REMOVE: _decide_remove,
    DecisionAction.WARN: _decide_warn,
    DecisionAction.SUSPEND: _decide_suspend,
    DecisionAction.ESCALATE: _decide_escalate,
}


def cases_decide_bulk(*, cases, moderator: User, action: str, reason: str) -> int:
    """Approve or remove several cases at once from the queue. Returns how many were decided;
    cases decided by someone else in the meantime are skipped."""
    if action not in (DecisionAction.APPROVE, DecisionAction.REMOVE):
        raise ValidationError({"action": "Only approve and remove can be applied in bulk."})
    decided = 0
    for case in cases:
        try:
            case_decide(case=case, moderator=moderator, action=action, reason=reason)
        except ValidationError as error:
            if "case" not in getattr(error, "message_dict", {}):
                raise
        else:
            decided += 1
    return decided


# --- Reports -----------------------------------------------------------------------------------


def report_create(*, post: Post, reporter: User, reason: str, note: str = "") -> Report:
    """Store a reader's report and put the post in the queue (its one case). Refused, with a
    message naming the field: an unknown reason, one's own post, a second report on the same post,
    more than MODERATION_REPORTS_PER_HOUR reports in an hour. When enough distinct members have
    reported a post, it is hidden until a moderator decides."""
    if reason not in ReportReason.values:
        choices = ", ".join(ReportReason.values)
        raise ValidationError({"reason": f"Choose one of the reasons: {choices}."})
    if post.author_id == reporter.pk:
        raise ValidationError(
            {"post": "You can't report your own post; edit or delete it instead."}
        )
    if reporter.is_suspended:
        raise PermissionDenied("Your account is suspended; you can read but not report.")
    report = Report(post=post, reporter=reporter, reason=reason, note=(note or "").strip())
    report.full_clean(exclude=["post", "reporter", "case"], validate_constraints=False)
    if Report.objects.filter(post=post, reporter=reporter).exists():
        raise ValidationError({"post": ALREADY_REPORTED})
    hour_ago = timezone.now() - timedelta(hours=1)
    if (
        Report.objects.filter(reporter=reporter, created_at__gt=hour_ago).count()
        >= settings.MODERATION_REPORTS_PER_HOUR
    ):
        raise ValidationError(
            {"post": "You have sent many reports in the last hour. Please try again later."}
        )
    try:
        with transaction.atomic():
            report.case = _case_for(post)
            report.save()
            audit(actor=reporter, action="report.create", target=post, reason=reason)
            case = case_refresh(case=report.case)
            _auto_hide(case=case, post=post)
    except IntegrityError as error:  # the same reader, twice at the same moment
        raise ValidationError({"post": ALREADY_REPORTED}) from error
    return report


def _auto_hide(*, case: Case, post: Post) -> None:
    rule_thresholds = (
        case.flags.filter(revision=post.revision, action=Action.AUTO_HIDE)
        .exclude(rule__isnull=True)
        .values_list("rule__hide_after_reports", flat=True)
    )
    thresholds = [settings.MODERATION_AUTO_HIDE_REPORTS, *rule_thresholds]
    if post.is_public and case.reporter_count >= min(thresholds):
        reason = f"hidden after reports from {case.reporter_count} members"
        _set_post_state(
            post=post, state=ModerationState.HELD, public_body="", actor=None, reason=reason
        )
        notifications.author_post_state(
            post=post, reason="several members reported it to the moderators"
        )


# --- Rules -------------------------------------------------------------------------------------


def _snapshot(obj) -> dict:
    data = model_to_dict(obj)
    for name, value in data.items():
        if isinstance(value, list):  # many-to-many: keep the ids
            data[name] = sorted(getattr(item, "pk", item) for item in value)
    return data


def _ruleset_bump(*, user: User | None, reason: str) -> RulesetVersion:
    return RulesetVersion.objects.create(created_by=user, reason=reason[:300])


def _check_admin(user: User | None) -> None:
    if user is not None and not is_admin(user):
        raise PermissionDenied("Only administrators change moderation rules.")


def _versioned_change(*, obj, user: User | None, label: str, change) -> None:
    """Apply `change()` to a rule or lexicon entry as one versioned, audited change: a new
    ruleset version (workers rebuild their rules from it) and an audit entry with the object
    before and after."""
    _check_admin(user)
    existed, pk = obj.pk is not None, obj.pk
    before = _snapshot(type(obj).objects.get(pk=pk)) if existed else None
    change()
    deleted = obj.pk is None
    verb = "Deleted" if deleted else ("Changed" if existed else "Added")
    version = _ruleset_bump(user=user, reason=f"{verb} {label} {obj}")
    audit(
        actor=user,
        action=f"{label}.{'delete' if deleted else 'update' if existed else 'create'}",
        target=obj,
        reason=f"ruleset version {version.pk}",
        before=before,
        after=None if deleted else _snapshot(obj),
        target_id=pk or obj.pk,
    )


@transaction.atomic
def rule_save(*, rule: FlagRule, user: User | None, scope_categories=None) -> FlagRule:
    """Create or change a rule. A pattern RE2 cannot compile, or one that matches the empty
    string, is refused with a message naming it; every change makes a new ruleset version and
    an audit entry with the rule before and after."""

    def change():
        rule.updated_by = user
        rule.full_clean()
        rule.save()
        if scope_categories is not None:
            rule.scope_categories.set(scope_categories)

    _versioned_change(obj=rule, user=user, label="rule", change=change)
    return rule


@transaction.atomic
def rule_delete(*, rule: FlagRule, user: User | None) -> None:
    _versioned_change(obj=rule, user=user, label="rule", change=rule.delete)


@transaction.atomic
def treatment_save(*, treatment: Treatment, user: User | None) -> Treatment:
    """Create or change a lexicon entry: a new ruleset version and an audit entry."""

    def change():
        treatment.full_clean()
        treatment.save()

    _versioned_change(obj=treatment, user=user, label="treatment", change=change)
    return treatment


@transaction.atomic
def treatment_delete(*, treatment: Treatment, user: User | None) -> None:
    _versioned_change(obj=treatment, user=user, label="treatment", change=treatment.delete)


# --- Periodic work -----------------------------------------------------------------------------


def priorities_refresh() -> int:
    """Age raises priority: recompute it for every open case. Returns how many changed."""
    changed = 0
    for case in Case.objects.exclude(status=CaseStatus.DECIDED).only(
        "pk", "severity", "reporter_count", "opened_at", "priority"
    ):
        value = policy.priority(
            severity=case.severity, reporters=case.reporter_count, opened_at=case.opened_at
        )
        if value != case.priority:
            Case.objects.filter(pk=case.pk).update(priority=value)
            changed += 1
    return changed


def moderators_digest_send() -> int:
    """One e-mail to the moderators about high-severity cases opened since the last one (not one
    mail per flag). Returns how many cases it told them about."""
    with transaction.atomic():
        cases = list(
            Case.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(status=CaseStatus.OPEN, severity=Severity.HIGH, digest_sent_at__isnull=True)
            .select_related("post__thread")
            .order_by("-priority")
        )
        if not cases:
            return 0
        notifications.moderators_digest(cases=cases)
        Case.objects.filter(pk__in=[c.pk for c in cases]).update(digest_sent_at=timezone.now())
    return len(cases)
