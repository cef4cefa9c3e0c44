"""Dry runs: what a rule would flag if it were switched on, before anyone saves it.

An admin writing a keyword list or an RE2 pattern (or moving a detector's threshold) wants to
know, before the rule touches a single post, how many recent posts it would flag and what exactly
it would match. This module runs one rule, as submitted, over the last N posts' current text with
the same detection engine the workers use, and reports counts and examples. It reads only; nothing
is saved and no post changes."""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from forum.models import Post
from moderation import detection, selectors
from moderation.detection.types import DEFAULT_REGIONS
from moderation.models import FlagRule, Treatment

DEFAULT_POSTS = 500
MAX_POSTS = 5000
DEFAULT_EXAMPLES = 20


@dataclass(frozen=True)
class DryRunExample:
    """One post the rule would flag: the post, what matched, and its text cut into pieces for a
    template to highlight (see selectors.spans_for_highlight)."""

    post: Post
    findings: list[detection.Finding]
    pieces: list[dict]


@dataclass(frozen=True)
class DryRunResult:
    scanned: int  # posts looked at
    flagged: int  # posts the rule would flag
    matches: int  # findings over all those posts
    examples: list[DryRunExample] = field(default_factory=list)

    @property
    def share(self) -> float:
        """The share of scanned posts the rule would flag (0 to 1)."""
        return self.flagged / self.scanned if self.scanned else 0.0


def _all_detectors_off_but(name: str | None, threshold: float) -> tuple:
    configs = []
    for detector in detection.DETECTOR_NAMES:
        if detector == name:
            configs.append(detection.DetectorConfig(detector, True, threshold))
        else:
            configs.append(detection.DetectorConfig(detector, False, 0.0))
    return tuple(configs)


def ruleset_for_rule(rule: FlagRule) -> detection.Ruleset:
    """A ruleset in which only `rule` can find anything: for a built-in detector, every other
    detector switched off and this one at the rule's threshold; for a keyword or pattern rule,
    that rule alone with every built-in detector switched off. The rule runs whether or not it is
    enabled: a dry run is how an admin decides to enable it."""
    treatments = tuple(
        detection.TreatmentEntry(t.name, tuple(t.synonym_list), t.status)
        for t in Treatment.objects.filter(enabled=True)
    )
    if rule.matcher == FlagRule.Matcher.DETECTOR:
        regions = tuple(rule.region_list) or DEFAULT_REGIONS
        return detection.Ruleset(
            version=-1,
            regions=regions,
            detectors=_all_detectors_off_but(rule.detector, rule.threshold),
            treatments=treatments,
        )
    keyword_rules, pattern_rules = (), ()
    if rule.matcher == FlagRule.Matcher.KEYWORDS:
        engine_name = "keyword_rules"
        keyword_rules = (
            detection.KeywordRule(
                name=rule.name or "dry-run",
                category=rule.category,
                kind=rule.kind or "keyword",
                phrases=tuple(rule.phrase_list),
                score=rule.threshold,
                explanation=rule.description,
            ),
        )
    else:
        engine_name = "pattern_rules"
        pattern_rules = (
            detection.PatternRule(
                name=rule.name or "dry-run",
                category=rule.category,
                kind=rule.kind or "pattern",
                pattern=rule.pattern,
                score=rule.threshold,
                explanation=rule.description,
            ),
        )
    return detection.Ruleset(
        version=-1,
        detectors=_all_detectors_off_but(engine_name, 0.0),
        keyword_rules=keyword_rules,
        pattern_rules=pattern_rules,
        treatments=treatments,
    )


def recent_posts(
    *, limit: int = DEFAULT_POSTS, scope_categories=(), scope_article: bool = False
) -> QuerySet[Post]:
    """The last `limit` posts that are not deleted, newest first, limited to where the rule
    would apply (the same scope as moderation.policy.rule_applies: the whole site when no
    category is named and the article box is unticked)."""
    posts = Post.objects.filter(deleted_at__isnull=True).select_related("author", "thread")
    category_ids = [getattr(c, "pk", c) for c in scope_categories or ()]
    if category_ids or scope_article:
        where = Q(thread__category__in=category_ids)
        if scope_article:
            where |= Q(thread__category__isnull=True)
        posts = posts.filter(where)
    return posts.order_by("-created_at", "-pk")[: max(1, min(limit, MAX_POSTS))]


def rule_dry_run(
    *,
    rule: FlagRule,
    limit: int = DEFAULT_POSTS,
    examples: int = DEFAULT_EXAMPLES,
    scope_categories=(),
    scope_article: bool | None = None,
) -> DryRunResult:
    """Run `rule` (saved or not) over the last `limit` posts' current text. Returns how many
    posts it would flag and up to `examples` of them with the matched text."""
    ruleset = ruleset_for_rule(rule)
    if scope_article is None:
        scope_article = rule.scope_article
    scanned = flagged = matches = 0
    found: list[DryRunExample] = []
    for post in recent_posts(
        limit=limit, scope_categories=scope_categories, scope_article=scope_article
    ):
        scanned += 1
        findings = detection.scan(post.body, ruleset)
        if not findings:
            continue
        flagged += 1
        matches += len(findings)
        if len(found) < examples:
            pieces = selectors.spans_for_highlight(text=post.body, flags=findings)
            found.append(DryRunExample(post=post, findings=findings, pieces=pieces))
    return DryRunResult(scanned=scanned, flagged=flagged, matches=matches, examples=found)
