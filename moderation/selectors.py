"""Everything that reads moderation data."""

import difflib
import re
import threading
from dataclasses import dataclass
from datetime import timedelta
from itertools import pairwise

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from moderation import detection
from moderation.models import (
    AuditEntry,
    Case,
    CaseStatus,
    Decision,
    DecisionAction,
    Flag,
    FlagRule,
    Report,
    RulesetVersion,
    Scan,
    Treatment,
)

_cache = threading.local()


def ruleset_version() -> int:
    """The number of the rules now in force (0 before any version exists)."""
    return _current_version()[0]


def _current_version() -> tuple[int, object]:
    # (number, created_at): the time tells apart a number SQLite reused after a rollback.
    row = RulesetVersion.objects.order_by("-pk").values_list("pk", "created_at").first()
    return row or (0, None)


def ruleset_build(*, version: int, rules: list[FlagRule]) -> detection.Ruleset:
    """The rules and lexicon in the database as the detection engine's plain data."""
    detectors = tuple(
        detection.DetectorConfig(rule.detector, rule.enabled, rule.threshold)
        for rule in rules
        if rule.matcher == FlagRule.Matcher.DETECTOR
    )
    phone = next((r for r in rules if r.detector == FlagRule.Detector.PHONE), None)
    regions = tuple(phone.region_list) if phone and phone.region_list else None
    keyword_rules = tuple(
        detection.KeywordRule(
            name=rule.name,
            category=rule.category,
            kind=rule.kind or "keyword",
            phrases=tuple(rule.phrase_list),
            score=rule.threshold,
            explanation=rule.description,
        )
        for rule in rules
        if rule.enabled and rule.matcher == FlagRule.Matcher.KEYWORDS
    )
    pattern_rules = tuple(
        detection.PatternRule(
            name=rule.name,
            category=rule.category,
            kind=rule.kind or "pattern",
            pattern=rule.pattern,
            score=rule.threshold,
            explanation=rule.description,
        )
        for rule in rules
        if rule.enabled and rule.matcher == FlagRule.Matcher.PATTERN
    )
    treatments = tuple(
        detection.TreatmentEntry(t.name, tuple(t.synonym_list), t.status)
        for t in Treatment.objects.filter(enabled=True)
    )
    extra = {"regions": regions} if regions else {}
    return detection.Ruleset(
        version=version,
        detectors=detectors,
        keyword_rules=keyword_rules,
        pattern_rules=pattern_rules,
        treatments=treatments,
        **extra,
    )


@dataclass(frozen=True)
class ActiveRules:
    """The rules in force: the engine's plain data, and the rule rows each finding maps to."""

    ruleset: detection.Ruleset
    by_detector: dict[str, FlagRule]
    by_name: dict[str, FlagRule]
    scope_categories: dict[int, frozenset[int]]  # rule id -> category ids (empty: everywhere)


def active_rules() -> ActiveRules:
    """Built once per version per thread: one small query per call when nothing changed, so a
    worker picks up an admin's change on its next scan."""
    key = _current_version()
    if getattr(_cache, "key", None) != key:
        rules = list(FlagRule.objects.prefetch_related("scope_categories"))
        _cache.active = ActiveRules(
            ruleset=ruleset_build(version=key[0], rules=rules),
            by_detector={r.detector: r for r in rules if r.matcher == FlagRule.Matcher.DETECTOR},
            by_name={r.name: r for r in rules},
            scope_categories={
                r.pk: frozenset(c.pk for c in r.scope_categories.all()) for r in rules
            },
        )
        _cache.key = key
    return _cache.active


def active_ruleset() -> detection.Ruleset:
    """The rules in force as the detection engine's plain data."""
    return active_rules().ruleset


QUEUE_AGES = {"24h": timedelta(hours=24), "7d": timedelta(days=7)}


def case_queue(
    *,
    user,
    status: str = "open",
    category: str = "",
    reason: str = "",
    source: str = "",
    age: str = "",
    assignee: str = "",
) -> QuerySet[Case]:
    """The moderators' queue, worst first, filtered. Every filter is optional:

    status: open (open and escalated, the default), escalated, decided, all;
    category: a flag category or report reason the case carries;
    reason: a report reason; source: detector | reader;
    age: 24h | 7d | older (opened within a day, within a week, or earlier);
    assignee: me | unassigned | a username."""
    cases = Case.objects.select_related("post__author", "post__thread", "assignee")
    if status == "open":
        cases = cases.exclude(status=CaseStatus.DECIDED)
    elif status in CaseStatus.values:
        cases = cases.filter(status=status)
    if category:
        cases = cases.filter(categories__icontains=f'"{category}"')
    if reason:
        cases = cases.filter(reports__reason=reason).distinct()
    if source == "detector":
        cases = cases.filter(has_flags=True)
    elif source == "reader":
        cases = cases.filter(has_reports=True)
    now = timezone.now()
    if age in QUEUE_AGES:
        cases = cases.filter(opened_at__gte=now - QUEUE_AGES[age])
    elif age == "older":
        cases = cases.filter(opened_at__lt=now - QUEUE_AGES["7d"])
    if assignee == "me":
        cases = cases.filter(assignee=user)
    elif assignee == "unassigned":
        cases = cases.filter(assignee__isnull=True)
    elif assignee:
        cases = cases.filter(assignee__username=assignee)
    return cases.order_by("-priority", "opened_at", "pk")


def case_queue_details(cases: QuerySet[Case]) -> QuerySet[Case]:
    """What each queue row shows besides the case: the flags on the current text, worst first
    (`current_flags`), and the reports in order (`report_list`). Two queries for a whole page."""
    return cases.prefetch_related(
        Prefetch(
            "flags",
            queryset=Flag.objects.filter(revision=F("post__revision")).order_by(
                "-severity", "-score", "start", "pk"
            ),
            to_attr="current_flags",
        ),
        Prefetch("reports", queryset=Report.objects.order_by("created_at"), to_attr="report_list"),
    )


def case_reason(case: Case) -> str:
    """The queue's one-line why, from `case_queue_details`: the worst flag's explanation, else
    the first report's reason."""
    if case.current_flags:
        return case.current_flags[0].explanation
    if case.report_list:
        label = case.report_list[0].get_reason_display()
        return f"Reported: {label[0].lower()}{label[1:]}"
    return ""


def case_counts() -> dict[str, int]:
    """Cases per status, for the queue's header."""
    counts = dict(Case.objects.values_list("status").annotate(n=Count("pk")))
    return {status: counts.get(status, 0) for status in CaseStatus.values}


def open_case_count() -> int:
    return Case.objects.exclude(status=CaseStatus.DECIDED).count()


def case_detail(*, pk: int) -> Case:
    """A case with what its page shows: the post in its thread, flags of the current revision,
    reports with their notes, decisions."""
    return get_object_or_404(
        Case.objects.select_related(
            "post__author", "post__thread", "post__parent__author", "assignee"
        ),
        pk=pk,
    )


def case_flags(*, case: Case) -> QuerySet[Flag]:
    """Flags on the current text (and title), in reading order: the title's first."""
    return (
        case.flags.filter(revision=case.post.revision)
        .select_related("rule")
        .order_by("-field", "start", "pk")
    )


def post_language(*, post) -> str:
    """The language code the latest scan of the post's current revision read it in ("" if it
    has none yet)."""
    return (
        Scan.objects.filter(post=post, revision=post.revision)
        .order_by("-created_at", "-pk")
        .values_list("language", flat=True)
        .first()
    ) or ""


def case_reports(*, case: Case) -> QuerySet[Report]:
    return case.reports.select_related("reporter").order_by("created_at")


def author_history(*, case: Case) -> dict:
    """What the author's record says: earlier cases and their decisions, account age, posts."""
    author = case.post.author
    earlier = (
        Case.objects.filter(post__author=author)
        .exclude(pk=case.pk)
        .select_related("post__thread")
        .order_by("-opened_at")[:10]
    )
    return {
        "author": author,
        "cases": list(earlier),
        "post_count": author.posts.filter(deleted_at__isnull=True).count(),
        "decisions": Decision.objects.filter(case__post__author=author)
        .exclude(case=case)
        .select_related("moderator")
        .order_by("-created_at")[:10],
    }


def author_was_warned(*, author) -> bool:
    """Whether a moderator has warned (or suspended) this member before."""
    return Decision.objects.filter(
        case__post__author=author, action__in=[DecisionAction.WARN, DecisionAction.SUSPEND]
    ).exists()


def spans_for_highlight(*, text: str, flags) -> list[dict]:
    """The text cut into pieces, each either plain or flagged (with the flags that cover it, and
    those whose span ends with it), so a template can wrap flagged pieces in <mark> without
    writing HTML in Python. Merged occurrences of a flag (`more_spans`) are marked too."""
    spans = []
    for flag in flags:
        for start, end in [(flag.start, flag.end), *(getattr(flag, "more_spans", None) or ())]:
            if 0 <= start < end <= len(text):
                spans.append((start, end, flag))
    cuts = sorted({0, len(text)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
    pieces = []
    for start, end in pairwise(cuts):
        covering = [f for s, e, f in spans if s <= start and end <= e]
        ending = [f for s, e, f in spans if e == end and s <= start]
        pieces.append(
            {"text": text[start:end], "flags": _unique(covering), "ending": _unique(ending)}
        )
    return pieces


def _unique(flags: list) -> list:
    seen, unique = set(), []
    for flag in flags:
        if id(flag) not in seen:
            seen.add(id(flag))
            unique.append(flag)
    return unique


def audit_log(*, action_prefix: str = "") -> QuerySet[AuditEntry]:
    """The audit log, newest first; `action_prefix` keeps e.g. only "case." or "rule." entries."""
    entries = AuditEntry.objects.select_related("actor")
    return entries.filter(action__startswith=action_prefix) if action_prefix else entries


def case_decisions(*, case: Case) -> QuerySet[Decision]:
    return case.decisions.select_related("moderator").order_by("-created_at")


def treatment_list() -> QuerySet[Treatment]:
    return Treatment.objects.order_by("status", "name")


def rule_stats() -> QuerySet[FlagRule]:
    """Rules with how their flags fared: how many posts they flagged, and of the decided ones,
    how many moderators approved (a false alarm) or acted on (redacted, edited, removed...)."""
    decided = Q(flags__case__status=CaseStatus.DECIDED)
    return FlagRule.objects.annotate(
        flagged_posts=Count("flags__post", distinct=True),
        approved=Count(
            "flags__post", filter=decided & Q(flags__case__last_decision="approve"), distinct=True
        ),
        acted_on=Count(
            "flags__post",
            filter=decided & ~Q(flags__case__last_decision__in=["approve", ""]),
            distinct=True,
        ),
    ).order_by("category", "name")


def claim_examples_from_decisions():
    """(sentence, is_claim) for every treatment-claim flag on the revision a moderator decided:
    acted on means a claim, approved means a false alarm. Oldest decision first."""
    decisions = (
        Decision.objects.exclude(action__in=[DecisionAction.ESCALATE, DecisionAction.REOPEN])
        .order_by("created_at")
        .values_list("case_id", "action", "details__revision")
    )
    for case_id, action, revision in decisions.iterator():
        texts = Flag.objects.filter(
            case_id=case_id, revision=revision, category="treatment_claim"
        ).values_list("text", flat=True)
        for text in texts:
            yield " ".join(text.split()), action != DecisionAction.APPROVE


@dataclass
class RevisionView:
    """One text a post has had, as a moderator reviews it: the text, the flags found in it, and
    what changed from the revision before (`diff`, None for the first)."""

    revision: int
    body: str
    written_at: object
    flags: list
    diff: list[dict] | None
    current: bool


_TOKENS = re.compile(r"\s+|[^\s]+")


def text_diff(before: str, after: str) -> list[dict]:
    """Word-level differences, as pieces {"op": "same" | "added" | "removed", "text": …}."""
    a, b = _TOKENS.findall(before), _TOKENS.findall(after)
    pieces = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append({"op": "same", "text": "".join(a[a1:a2])})
            continue
        if a2 > a1:
            pieces.append({"op": "removed", "text": "".join(a[a1:a2])})
        if b2 > b1:
            pieces.append({"op": "added", "text": "".join(b[b1:b2])})
    return pieces


def case_revisions(*, case: Case) -> list[RevisionView]:
    """Every revision of the case's post, oldest first, each with its own flags and its diff from
    the one before, so that an author's edit never hides what was flagged."""
    post = case.post
    edits = list(post.revisions.order_by("revision").values_list("revision", "body", "created_at"))
    flags: dict[int, list[Flag]] = {}
    for flag in case.flags.select_related("rule").order_by("field", "start", "pk"):
        flags.setdefault(flag.revision, []).append(flag)
    written = post.created_at
    texts = []
    for revision, body, replaced_at in edits:
        texts.append((revision, body, written))
        written = replaced_at
    texts.append((post.revision, post.body, written))
    views, before = [], None
    for revision, body, at in texts:
        views.append(
            RevisionView(
                revision=revision,
                body=body,
                written_at=at,
                flags=flags.get(revision, []),
                diff=None if before is None else text_diff(before, body),
                current=revision == post.revision,
            )
        )
        before = body
    return views


def case_main_category(*, case: Case, flags) -> str:
    """The category a case is mostly about: its worst flag's, else its first report's reason."""
    if flags:
        return max(flags, key=lambda f: (f.severity, f.score)).category
    first = case.reports.order_by("created_at").values_list("reason", flat=True).first()
    return first or ""


def standing_decision_time(*, case: Case):
    """When the decision that still stands was made (a case reopened by new findings keeps it),
    or None."""
    if case.decided_revision is None:
        return None
    return (
        case.decisions.exclude(action__in=[DecisionAction.ESCALATE, DecisionAction.REOPEN])
        .values_list("created_at", flat=True)
        .first()
    )
