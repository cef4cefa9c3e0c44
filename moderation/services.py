"""Everything that writes moderation data: scans and their flags, cases, reports, decisions, rules.
Each moderation action writes its AuditEntry in the same transaction as its effect."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef
from django.forms.models import model_to_dict
from django.utils import timezone

from forum import services as forum_services
from forum.models import PUBLIC_STATES, ModerationState, Post, User
from forum.roles import is_admin, is_moderator
from moderation import detection, notifications, permissions, policy, selectors
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
CONTACT = policy.CONTACT


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


class CaseConflict(ValidationError):
    """Someone else changed the case first (decided, escalated, reopened it, or new findings came
    in): the API answers 409 and the page says so; nothing was changed."""

    def __init__(self, message: str):
        super().__init__({"case": message}, code="conflict")


def _post_snapshot(post: Post) -> dict:
    return {
        "state": post.moderation_state,
        "public_body": post.public_body,
        "public_title": post.thread.public_title if _is_opener(post) else "",
        "by_moderator": post.state_set_by_moderator,
    }


def _is_opener(post: Post) -> bool:
    """A forum thread's first post: its scan and its decisions cover the thread's title too."""
    return post.number == 1 and post.thread.category_id is not None


def _set_post_state(
    *,
    post: Post,
    state: str,
    public_body: str,
    actor: User | None,
    reason: str,
    public_title: str = "",
    by_rules: bool = False,
) -> bool:
    """Change what readers see of a post (and, for a thread's first post, of its title), with its
    audit entry. Returns whether it changed. `by_rules`: the state is what the rules make of the
    post, even though a moderator asked for it (a reopened case)."""
    before = _post_snapshot(post)
    if not _is_opener(post):
        public_title = ""
    if public_body and state != ModerationState.REDACTED:
        public_body = ""
    if state != ModerationState.REDACTED:
        public_title = ""
    by_moderator = not by_rules and actor is not None and is_moderator(actor)
    after = {
        "state": state,
        "public_body": public_body,
        "public_title": public_title,
        "by_moderator": by_moderator,
    }
    if before == after:
        return False
    forum_services.post_set_moderation_state(
        post=post,
        state=state,
        public_body=public_body,
        public_title=public_title if _is_opener(post) else None,
        by_moderator=by_moderator,
    )
    audit(
        actor=actor, action=f"post.{state}", target=post, reason=reason, before=before, after=after
    )
    return True


# --- Scans -------------------------------------------------------------------------------------


def post_scan(*, post_id: int, revision: int) -> Scan | None:
    """Scan one revision of a post (and, for a thread's first post, the thread's title) with the
    rules in force and act on what is found.

    Idempotent: keyed by (post, revision, ruleset version), so a retried or duplicated task finds
    its Scan row and writes nothing. A revision that is no longer the post's current one is
    skipped (the newer revision has its own scan). The post row is locked for the duration, so two
    workers never scan the same post at once.

    A moderator's decision on this revision stands: the scan records what the rules say, and new
    findings reopen the case (saying what is new), but what readers see does not change."""
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
        title = post.thread.title if _is_opener(post) else ""
        flags = _flags_for(post, title=title, active=active)
        found = policy.verdict(body=post.body, title=title, flags=flags)
        scan.finding_count = sum(1 + len(f.more_spans) for f in flags)
        scan.verdict_state = found.state
        scan.verdict_public_body = found.public_body
        scan.verdict_public_title = found.public_title
        scan.language = detection.language_of(f"{title}\n{post.body}" if title else post.body)
        scan.save()
        case = _case_for(post) if flags else Case.objects.filter(post=post).first()
        new_flags = []
        if flags:
            new_flags = _flags_save(case=case, post=post, flags=flags)
            if new_flags and case.status == CaseStatus.DECIDED:
                _case_reopen_for(case=case, why=_what_is_new(new_flags))
            case_refresh(case=case)
        if new_flags:
            case_touch_for_post(post_id=post.pk)
        elif case is not None and not flags:
            case_refresh(case=case)  # a clean new text: the queue sorts on what is there now
        if case is not None and case.decided_revision == post.revision:
            return scan
        shown = policy.state_after_scan(current=post.moderation_state, verdict=found)
        reason = "; ".join(sorted({f.explanation for f in flags})) or "scan found nothing"
        changed = _set_post_state(
            post=post,
            state=shown.state,
            public_body=shown.public_body,
            public_title=shown.public_title,
            actor=None,
            reason=reason,
        )
        if changed and shown.state in (ModerationState.HELD, ModerationState.REDACTED):
            notifications.author_post_state(
                post=post, reason=_plain_reason(flags), by_moderator=False
            )
    return scan


def _flags_save(*, case: Case, post: Post, flags: list[Flag]) -> list[Flag]:
    """Store the flags this revision did not have yet, and bring those it had up to date (more
    occurrences found, a rule's changed action or severity). Returns what is new: new flags, and
    flags that now cover more occurrences."""
    existing = {
        (f.rule_name, f.field, f.start, f.end): f for f in case.flags.filter(revision=post.revision)
    }
    new, changed = [], []
    for flag in flags:
        old = existing.get((flag.rule_name, flag.field, flag.start, flag.end))
        if old is None:
            flag.case = case
            new.append(flag)
            continue
        grown = {tuple(span) for span in flag.more_spans} - {tuple(s) for s in old.more_spans}
        if grown or (old.action, old.severity) != (flag.action, flag.severity):
            old.more_spans = sorted({*map(tuple, old.more_spans), *map(tuple, flag.more_spans)})
            old.action, old.severity = flag.action, flag.severity
            changed.append(old)
            if grown:
                new.append(old)
    Flag.objects.bulk_create([f for f in new if f.pk is None], ignore_conflicts=True)
    Flag.objects.bulk_update(changed, ["more_spans", "action", "severity"])
    return new


def _what_is_new(flags: list[Flag]) -> str:
    found = ", ".join(sorted({f"{f.category.replace('_', ' ')}: {f.kind}" for f in flags}))
    return f"new findings after the decision ({found})"


# At most this many flags of one kind on one post; further findings are merged into them (their
# spans kept, so a redaction still covers every one).
MAX_FLAGS_PER_KIND = 20


def _flags_for(post: Post, *, title: str, active) -> list[Flag]:
    """The flags a scan makes: findings of the rules that apply where the post is, the same
    text found again merged into one flag, and at most MAX_FLAGS_PER_KIND flags of a kind."""
    new_member = policy.is_new_member(post.author)
    texts = [("body", post.body)] + ([("title", title)] if title else [])
    flags: list[Flag] = []
    by_text: dict[tuple, Flag] = {}
    per_kind: dict[tuple, list[Flag]] = {}
    for field, text in texts:
        for finding in detection.scan(text, active.ruleset):
            rule = policy.rule_for_finding(finding, active)
            if rule is not None and not policy.rule_applies(rule, post, active):
                continue
            rule_name = rule.name if rule else finding.rule
            same = (rule_name, field, " ".join(finding.text.lower().split()))
            kind_key = (finding.category, finding.kind)
            merge_into = by_text.get(same)
            if merge_into is None and len(per_kind.get(kind_key, ())) >= MAX_FLAGS_PER_KIND:
                merge_into = per_kind[kind_key][-1]
            if merge_into is not None and merge_into.field == field:
                merge_into.more_spans.append([finding.start, finding.end])
                continue
            flag = Flag(
                post=post,
                revision=post.revision,
                rule=rule,
                rule_name=rule_name,
                category=finding.category,
                kind=finding.kind,
                field=field,
                start=finding.start,
                end=finding.end,
                more_spans=[],
                text=finding.text,
                score=finding.score,
                explanation=finding.explanation[:300],
                severity=rule.severity if rule else Severity.MEDIUM,
                action=rule.action_for(new_member=new_member) if rule else Action.FLAG,
            )
            flags.append(flag)
            by_text[same] = flag
            per_kind.setdefault(kind_key, []).append(flag)
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


def _case_for(post: Post) -> Case:
    """The post's one case, created if need be, locked for the caller's transaction."""
    case, _ = Case.objects.select_for_update().get_or_create(post=post)
    return case


def _case_reopen_for(*, case: Case, why: str) -> None:
    """Put a decided case back in the queue because something new happened (a report, new
    findings, a flagged new revision). A decision that covers the post's revision still stands
    (what readers see does not change) until a moderator decides again."""
    case.status = CaseStatus.ESCALATED if case.escalated else CaseStatus.OPEN
    case.opened_at = timezone.now()
    case.decided_at = None
    case.assignee = None
    case.claimed_at = None
    case.digest_sent_at = None
    case.version += 1
    case.save()
    audit(actor=None, action="case.reopen", target=case, reason=why)


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


def _reason_checked(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Give a reason: the author and the audit log see it."})
    if len(reason) > 500:
        raise ValidationError({"reason": "Keep the reason under 500 characters."})
    return reason


def _check_may_act(case: Case, moderator: User) -> None:
    refusal = permissions.case_refusal(case=case, user=moderator)
    if refusal:
        raise PermissionDenied(refusal)


def _case_locked(*, case: Case, version: int | None, revision: int | None = None) -> Case:
    """The case row, locked, once it is the version the moderator saw and its post the revision
    they read (if they say which). The post row is locked first, as scans and reports lock it,
    so that a decision and a scan of the same post wait for each other instead of deadlocking."""
    post = (
        Post.objects.select_for_update(of=("self",))
        .select_related("author", "thread")
        .get(pk=case.post_id)
    )
    case = Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
    case.post = post
    if version is not None and version != case.version:
        raise CaseConflict(
            "This case changed while you were looking at it (someone decided, reopened or "
            "escalated it, or new findings came in). Look at it again before deciding."
        )
    if revision is not None and revision != case.post.revision:
        raise CaseConflict(
            f"The author edited the post while you were looking at it (you read revision "
            f"{revision}, it is now revision {case.post.revision}). Read the new text before "
            "deciding."
        )
    return case


def case_touch_for_post(*, post_id: int) -> None:
    """Something a moderator should see changed under the post's case (the author edited it, or
    new findings came in): the case moves to a new version, so a decision drawn on the page
    before is refused."""
    Case.objects.filter(post_id=post_id).update(version=F("version") + 1)


def _case_version_bump(case: Case) -> None:
    """One state change wins: the row moves from the version read under the lock to the next,
    or nothing happens (a second process that got past the lock on a database without row
    locks finds the version moved)."""
    if not Case.objects.filter(pk=case.pk, version=case.version).update(version=F("version") + 1):
        raise CaseConflict("Someone else changed this case at the same moment. Look at it again.")
    case.version += 1


def case_decide(
    *,
    case: Case,
    moderator: User,
    action: str,
    reason: str,
    body: str = "",
    days: int | None = None,
    version: int | None = None,
    revision: int | None = None,
) -> Decision:
    """Apply a moderator's decision to a case: the post's new state, the author's notification,
    the Decision and the audit entry, all in one transaction. Every decision leaves the post in
    one defined state (recorded in the decision's details), which scans and rule changes never
    change while it covers the post's revision:

    approve: published as written (flags dismissed).
    redact: published with the flagged contact details masked for readers; the original is kept.
    edit: published with `body` shown instead of the original (kept for moderators).
    remove: hidden from everyone but its author and moderators.
    warn: the author is warned; a published post stays as readers see it, a post readers did not
        see yet (held or pending) stays hidden (removed).
    suspend: the post is removed and the author cannot write for `days` days.
    escalate: the post stays as it is; from now on only administrators decide the case.
    reopen: see case_reopen.

    `version` is the case's version the moderator saw and `revision` the post's revision they
    read; if either has moved since, CaseConflict. A case already decided, or already escalated,
    is a CaseConflict too. Nobody but an administrator decides an escalated case or a case about
    their own post (PermissionDenied)."""
    if not is_moderator(moderator):
        raise PermissionDenied("Only moderators decide cases.")
    if action == DecisionAction.REOPEN:
        return case_reopen(
            case=case, moderator=moderator, reason=reason, version=version, revision=revision
        )
    if action not in _DECISIONS:
        choices = ", ".join([*_DECISIONS, DecisionAction.REOPEN])
        raise ValidationError({"action": f"Choose one of the actions: {choices}."})
    reason = _reason_checked(reason)
    with transaction.atomic():
        case = _case_locked(case=case, version=version, revision=revision)
        if case.status == CaseStatus.DECIDED:
            raise CaseConflict(
                "This case is already decided. Reopen it first to change the decision."
            )
        if action == DecisionAction.ESCALATE and case.status == CaseStatus.ESCALATED:
            raise CaseConflict("This case is already escalated to the administrators.")
        _check_may_act(case, moderator)
        _case_version_bump(case)
        post = case.post
        details = {"revision": post.revision}
        _DECISIONS[action](
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
            case.escalated = True
            case.assignee = None
            case.claimed_at = None
        else:
            case.status = CaseStatus.DECIDED
            case.decided_at = timezone.now()
            case.decided_revision = post.revision
            details.update(_post_snapshot(post))
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


def case_reopen(
    *,
    case: Case,
    moderator: User,
    reason: str,
    version: int | None = None,
    revision: int | None = None,
) -> Decision:
    """Undo a decided case's decision: the case goes back to the queue (to the administrators'
    if it was escalated) and the post back to what its rules say (the last scan's verdict on its
    current revision, hidden if enough members reported it), until someone decides again.
    Moderators reopen their cases; only administrators reopen escalated ones. Audited."""
    if not is_moderator(moderator):
        raise PermissionDenied("Only moderators reopen cases.")
    reason = _reason_checked(reason)
    with transaction.atomic():
        case = _case_locked(case=case, version=version, revision=revision)
        if case.status != CaseStatus.DECIDED:
            raise CaseConflict("This case is not decided: it is already in the queue.")
        _check_may_act(case, moderator)
        _case_version_bump(case)
        post = case.post
        shown = _rules_state(case=case, post=post)
        if _set_post_state(
            post=post,
            state=shown.state,
            public_body=shown.public_body,
            public_title=shown.public_title,
            actor=moderator,
            reason=f"decision undone: {reason}",
            by_rules=True,
        ):
            notifications.author_post_state(
                post=post, reason=reason, by_moderator=True, decision_key=_key(case)
            )
        case.status = CaseStatus.ESCALATED if case.escalated else CaseStatus.OPEN
        case.decided_at = None
        case.decided_revision = None
        case.opened_at = timezone.now()
        case.last_decision = DecisionAction.REOPEN
        case.save()
        details = {"revision": post.revision, **_post_snapshot(post)}
        decision = Decision.objects.create(
            case=case,
            moderator=moderator,
            action=DecisionAction.REOPEN,
            reason=reason,
            details=details,
        )
        audit(
            actor=moderator,
            action="case.reopen",
            target=case,
            reason=reason,
            after={"status": case.status, **details},
        )
    return decision


def _rules_state(*, case: Case, post: Post) -> policy.Verdict:
    """What the rules alone make of the post now: the verdict of the latest scan of its current
    revision (pending until it has one), held if enough members reported it. A scan from before
    verdicts were kept has its verdict worked out again from the flags it stored."""
    scans = Scan.objects.filter(post=post, revision=post.revision)
    scan = scans.exclude(verdict_state="").order_by("pk").last()
    if scan is not None:
        found = policy.Verdict(
            scan.verdict_state, scan.verdict_public_body, scan.verdict_public_title
        )
    elif scans.exists():
        found = policy.verdict(
            body=post.body,
            title=post.thread.title if _is_opener(post) else "",
            flags=list(case.flags.filter(revision=post.revision)),
        )
    else:
        found = policy.Verdict(ModerationState.PENDING)
    if found.state in PUBLIC_STATES and policy.reports_hide(
        reporters=case.reporter_count, thresholds=_auto_hide_thresholds(case, post)
    ):
        return policy.Verdict(ModerationState.HELD)
    return found


def _key(case: Case) -> str:
    return f"case{case.pk}:v{case.version}"


def _decide_approve(*, case, post, moderator, reason, details, **_):
    if _set_post_state(
        post=post,
        state=ModerationState.PUBLISHED,
        public_body="",
        actor=moderator,
        reason=reason,
    ):
        notifications.author_post_state(
            post=post, reason=reason, by_moderator=True, decision_key=_key(case)
        )


def _redacting_flags(case: Case, post: Post) -> list[Flag]:
    """The current text's flags that a redaction masks (policy.redacting)."""
    return policy.redacting(case.flags.filter(revision=post.revision))


def _decide_redact(*, case, post, moderator, reason, details, **_):
    flags = _redacting_flags(case, post)
    if not flags:
        raise ValidationError(
            {"action": "No contact details are flagged in this post; use edit instead."}
        )
    spans = policy.flag_spans(flags)
    title_spans = policy.flag_spans(flags, field="title")
    _set_post_state(
        post=post,
        state=ModerationState.REDACTED,
        public_body=policy.redact(post.body, spans),
        public_title=policy.redact(post.thread.title, title_spans) if title_spans else "",
        actor=moderator,
        reason=reason,
    )
    details["spans"] = sorted(spans)
    notifications.author_post_state(
        post=post, reason=reason, by_moderator=True, decision_key=_key(case)
    )


def _decide_edit(*, case, post, moderator, reason, body, details, **_):
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": "Give the text readers should see instead."})
    if len(body) > settings.FORUM_POST_MAX_LENGTH:
        raise ValidationError({"body": f"At most {settings.FORUM_POST_MAX_LENGTH} characters."})
    title_spans = policy.flag_spans(_redacting_flags(case, post), field="title")
    _set_post_state(
        post=post,
        state=ModerationState.REDACTED,
        public_body=body,
        public_title=policy.redact(post.thread.title, title_spans) if title_spans else "",
        actor=moderator,
        reason=reason,
    )
    notifications.author_post_state(
        post=post, reason=reason, by_moderator=True, decision_key=_key(case)
    )


def _decide_remove(*, case, post, moderator, reason, details, **_):
    _set_post_state(
        post=post, state=ModerationState.REMOVED, public_body="", actor=moderator, reason=reason
    )
    notifications.author_post_state(
        post=post, reason=reason, by_moderator=True, decision_key=_key(case)
    )


def _decide_warn(*, case, post, moderator, reason, details, **_):
    if post.moderation_state not in PUBLIC_STATES and _set_post_state(
        post=post, state=ModerationState.REMOVED, public_body="", actor=moderator, reason=reason
    ):
        # Nobody has seen it yet: a warning does not publish what the moderator objected to,
        # and the author learns the post will not appear.
        notifications.author_post_state(
            post=post, reason=reason, by_moderator=True, decision_key=_key(case)
        )
    notifications.author_warn(post=post, reason=reason, key=_key(case))


def _decide_suspend(*, case, post, moderator, reason, days, details, **_):
    try:
        days = int(days)
    except (TypeError, ValueError):
        days = 0
    if not 1 <= days <= 365:
        raise ValidationError({"days": "Suspend for 1 to 365 days."})
    until = timezone.now() + timedelta(days=days)
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
    details["days"] = days
    _set_post_state(
        post=post, state=ModerationState.REMOVED, public_body="", actor=moderator, reason=reason
    )
    notifications.author_suspended(user=author, until=until, reason=reason, key=_key(case))


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


def cases_decide_bulk(
    *, cases, moderator: User, action: str, reason: str, versions: dict[int, int] | None = None
) -> int:
    """Approve or remove several cases at once from the queue. Returns how many were decided.
    `versions` maps a case id to the version the moderator saw in the queue: a case that has
    changed since (an edit, new findings, someone else's decision) is skipped, as are escalated
    cases and cases about the moderator's own post that a moderator may not decide."""
    if action not in (DecisionAction.APPROVE, DecisionAction.REMOVE):
        raise ValidationError({"action": "Only approve and remove can be applied in bulk."})
    decided = 0
    for case in cases:
        try:
            case_decide(
                case=case,
                moderator=moderator,
                action=action,
                reason=reason,
                version=(versions or {}).get(case.pk),
            )
        except PermissionDenied:
            continue
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
    reported a post that no decision covers, it is hidden until a moderator decides; a report on
    a decided post reopens its case, and the decision stands until a moderator changes it."""
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
            post = (
                Post.objects.select_for_update(of=("self",))
                .select_related("author", "thread")
                .get(pk=post.pk)
            )
            case = _case_for(post)
            report.post, report.case = post, case
            report.save()
            audit(actor=reporter, action="report.create", target=post, reason=reason)
            if case.status == CaseStatus.DECIDED:
                _case_reopen_for(case=case, why="a new report after the decision")
            case = case_refresh(case=case)
            _auto_hide(case=case, post=post)
    except IntegrityError as error:  # the same reader, twice at the same moment
        raise ValidationError({"post": ALREADY_REPORTED}) from error
    return report


def _auto_hide_thresholds(case: Case, post: Post) -> list[int]:
    return list(
        case.flags.filter(revision=post.revision, action=Action.AUTO_HIDE)
        .exclude(rule__isnull=True)
        .values_list("rule__hide_after_reports", flat=True)
    )


def _auto_hide(*, case: Case, post: Post) -> None:
    if case.decided_revision == post.revision:
        return  # a moderator decided this text: reports reopen the case, they do not overrule
    if post.is_public and policy.reports_hide(
        reporters=case.reporter_count, thresholds=_auto_hide_thresholds(case, post)
    ):
        reason = f"hidden after reports from {case.reporter_count} members"
        _set_post_state(
            post=post, state=ModerationState.HELD, public_body="", actor=None, reason=reason
        )
        notifications.author_post_state(
            post=post,
            reason="several members reported it to the moderators",
            by_moderator=False,
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


def legacy_email_enqueue(*, user_id: int, subject: str, body: str) -> None:
    """An e-mail an earlier version queued as a task: into the outbox, once per content."""
    import hashlib

    from forum import outbox

    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return
    digest = hashlib.sha256(f"{user_id}\n{subject}\n{body}".encode()).hexdigest()[:32]
    with transaction.atomic():
        outbox.email_enqueue(user=user, subject=subject, body=body, key=f"legacy:{digest}")
