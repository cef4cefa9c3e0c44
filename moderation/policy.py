"""What rules do to posts: the state a post waits in before its scan, which rule a finding belongs
to, whether a rule applies where the post is, what the strongest action makes of the post, and how
urgent a case is. Pure decisions; moderation.services applies them."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from forum.models import ModerationState, Post, Thread, User
from forum.roles import is_moderator
from moderation import detection
from moderation.detection.precheck import may_hold_contact
from moderation.models import ACTION_STRENGTH, Action, FlagRule, Severity
from moderation.selectors import ActiveRules, active_ruleset

REDACTION = "[contact details removed]"
CONTACT = detection.CONTACT


def is_new_member(user: User) -> bool:
    """New: joined in the last MODERATION_NEW_MEMBER_DAYS and fewer than
    MODERATION_NEW_MEMBER_POSTS published posts. Either an older account or a few published posts
    makes a member established."""
    if is_moderator(user):
        return False
    cutoff = timezone.now() - timedelta(days=settings.MODERATION_NEW_MEMBER_DAYS)
    if user.date_joined < cutoff:
        return False
    published = Post.objects.filter(
        author=user,
        deleted_at__isnull=True,
        moderation_state__in=[ModerationState.PUBLISHED, ModerationState.REDACTED],
    ).count()
    return published < settings.MODERATION_NEW_MEMBER_POSTS


def state_before_scan(
    *, author: User, thread: Thread, previous: str | None, body: str = "", title: str = ""
) -> str:
    """Named by settings.FORUM_MODERATION_POLICY; the forum calls it when a post is written or
    edited. A post waits, visible to its author, in "pending review" until its scan when its author
    is a new member or when the cheap pre-check sees what may be contact details in its text or
    title (for every member, whether or not the workers are up); an edit never lets a held post
    out, and a redaction of the old text does not cover the new."""
    if previous in (ModerationState.HELD, ModerationState.PENDING):
        return previous
    if previous == ModerationState.REDACTED:
        return ModerationState.PENDING
    ruleset = active_ruleset()  # admins' contact rules count too; one small query when cached
    if may_hold_contact(body, ruleset) or (title and may_hold_contact(title, ruleset)):
        return ModerationState.PENDING
    if is_new_member(author):
        return ModerationState.PENDING
    return previous or ModerationState.PUBLISHED


def rule_for_finding(finding: detection.Finding, active: ActiveRules) -> FlagRule | None:
    """The database rule behind a finding: an admin rule by name, a built-in detector by the
    detector that produced it."""
    if finding.rule.startswith("rule:"):
        return active.by_name.get(finding.rule.removeprefix("rule:"))
    if finding.rule == "claims.classifier":
        return active.by_detector.get(FlagRule.Detector.CLAIMS_CLASSIFIER)
    if finding.rule.startswith("claims."):
        return active.by_detector.get(FlagRule.Detector.CLAIMS)
    return active.by_detector.get(finding.rule.removeprefix("contact."))


def rule_applies(rule: FlagRule, post: Post, active: ActiveRules) -> bool:
    """Whole site unless the rule names categories or the article's comments."""
    categories = active.scope_categories.get(rule.pk, frozenset())
    if not categories and not rule.scope_article:
        return True
    if post.thread.category_id is None:
        return rule.scope_article
    return post.thread.category_id in categories


def strongest(actions) -> str | None:
    return max(actions, key=lambda action: ACTION_STRENGTH[Action(action)], default=None)


def redact(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each span (merged where they overlap) with a visible marker."""
    pieces, position = [], 0
    for start, end in sorted(spans):
        if end <= position:
            continue
        start = max(start, position)
        pieces += [text[position:start], REDACTION]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def flag_spans(flags, *, field: str = "body") -> list[tuple[int, int]]:
    """Every span the flags cover in one field, merged occurrences included."""
    spans = []
    for flag in flags:
        if getattr(flag, "field", "body") != field:
            continue
        spans.append((flag.start, flag.end))
        spans += [(start, end) for start, end in flag.more_spans or ()]
    return spans


def redacting(flags) -> list:
    """The flags a redaction masks, automatic or a moderator's: those of redacting rules and
    every contact detail (a practitioner's name a rule only flags included), so that a masked
    post never leaves half an address readable."""
    return [f for f in flags if f.action == Action.REDACT or f.category == CONTACT]


@dataclass(frozen=True)
class Verdict:
    """What the rules alone make of a post: its state and what readers see instead of the text
    and the title ("" where they see what was written)."""

    state: str
    public_body: str = ""
    public_title: str = ""


def verdict(*, body: str, title: str, flags) -> Verdict:
    """The strongest action of the rules that fired decides: hold hides the post until a
    moderator decides, redact masks the spans of the redacting rules (and every other contact
    detail found, such as a practitioner's name that a rule only flags: a masked post must not
    leave half an address readable), anything else publishes."""
    action = strongest(flag.action for flag in flags)
    if action == Action.HOLD:
        return Verdict(ModerationState.HELD)
    if action == Action.REDACT:
        masked = redacting(flags)
        title_spans = flag_spans(masked, field="title")
        return Verdict(
            ModerationState.REDACTED,
            redact(body, flag_spans(masked)),
            redact(title, title_spans) if title_spans else "",
        )
    return Verdict(ModerationState.PUBLISHED)


def state_after_scan(*, current: str, verdict: Verdict) -> Verdict:
    """What readers see once a scan's verdict is known, when no moderator's decision covers the
    post's revision: a held post stays held until a moderator decides (an edit or a change of rules
    does not let it out); otherwise the verdict."""
    if current == ModerationState.HELD:
        return Verdict(ModerationState.HELD)
    return verdict


def reports_hide(*, reporters: int, thresholds) -> bool:
    """Whether this many distinct reporters hide a post before review."""
    return reporters >= min([settings.MODERATION_AUTO_HIDE_REPORTS, *thresholds])


def priority(*, severity: int, reporters: int, opened_at) -> int:
    """Severity first, then the number of distinct reporters, then age (up to two days)."""
    age_hours = int((timezone.now() - opened_at).total_seconds() // 3600)
    return 100 * severity + 25 * min(reporters, 10) + min(max(age_hours, 0), 48)


REPORT_SEVERITY = {
    "contact_details": Severity.MEDIUM,
    "treatment_claim": Severity.MEDIUM,
    "abuse": Severity.MEDIUM,
    "spam": Severity.LOW,
    "other": Severity.LOW,
}
